// Procedure variants as data plus a tiny interpreter (domain.md §2, §4; design.md §5).
// Pure: no I/O, no clock. Dates are `YYYY-MM-DD` inputs; deadlines use the working-day calendar (§14).
//
// Conventions (DESIGN):
// - A history row `{ kind, signerId, at }` is the signed record of the case ENTERING step `kind` on date `at`.
// - `requiredAttachments` = attachment kinds (codes.ts ATTACHMENT_KINDS) that must be on the case before
//   this step may be signed. Documents without a code yet (受理通知书, 一次性告知书, 评议记录, 公示单,
//   审核确认表, 确认通知书, 不予确认告知书) are not listed; add them here once codes.ts has them.
// - `deadlineWD`: this step must be entered by the `days`-th working day after the LATEST entry of `from`
//   (a resubmission after `returned` gets a new county 10 WD). The whole-case clock (`caseLimitWD`)
//   runs from the FIRST 受理 and is never reset by `returned` (domain.md §4.1).
// - Role must match exactly: a reviewer does not sign handler steps and vice versa, so that
//   "whoever prepares a step never approves it" (§2) cannot be bypassed by role mixing.
// - `admin` signs no procedure step (administration only).
// - `withdrawn` (signed withdrawal) and `terminated` (办法 art. 29) are reachable from every open step
//   between 受理 and the decision.

import { addWorkdays, type Calendar } from './workdays'

export type CaseKind = 'newApplication' | 'recheck' | 'change' | 'stop' | 'phaseOut' | 'resume'

export type StepKind =
  | 'received'
  | 'pendingMaterials'
  | 'notAccepted'
  | 'accepted'
  | 'checking' // legacy2012: 信息核对 before the home visit
  | 'checkRejected' // legacy2012: 核对不符 → township written refusal (试行 art. 20)
  | 'villageInvestigation' // fourGates: 村级入户调查
  | 'villageReview' // fourGates: 村级民主评议（知情群众代表）
  | 'villageNoticing' // fourGates: 一榜（村级公示）
  | 'investigating'
  | 'checkObjection'
  | 'reviewMeeting'
  | 'preliminary'
  | 'noticing'
  | 'objectionHandling'
  | 'submitted'
  | 'townshipDecision' // national, decisionLevel township: replaces `submitted`
  | 'countyNoticing' // legacy2012: 县级公示; fourGates: 三榜（县级公示）
  | 'approved'
  | 'rejected'
  | 'returned'
  | 'published'
  | 'closed'
  | 'withdrawn'
  | 'terminated'
  | 'hearing' // management: 听取意见 before a decrease, stop or phase-out (社救法 art. 48)
  | 'notified' // management: 书面告知 of the decision delivered

export type Role = 'handler' | 'reviewer' | 'townshipApprover' | 'countyApprover' | 'admin'

export const ROLE_LABELS: Record<Role, string> = {
  handler: '经办人',
  reviewer: '审核人',
  townshipApprover: '乡镇审核确认人',
  countyApprover: '县级审核确认人',
  admin: '系统管理员',
}

/** Default labels (used in messages about steps a variant does not have). */
export const STEP_KIND_LABELS: Record<StepKind, string> = {
  received: '接收申请',
  pendingMaterials: '一次性告知补正材料',
  notAccepted: '不予受理',
  accepted: '受理',
  checking: '信息核对',
  checkRejected: '核对不符告知',
  villageInvestigation: '村级入户调查',
  villageReview: '村级民主评议',
  villageNoticing: '村级公示（一榜）',
  investigating: '调查核实',
  checkObjection: '核对结果告知与异议',
  reviewMeeting: '民主评议',
  preliminary: '初审意见',
  noticing: '初审公示',
  objectionHandling: '公示异议处理',
  submitted: '报送县级审核确认',
  townshipDecision: '乡镇审核确认',
  countyNoticing: '县级公示',
  approved: '确认纳入低保',
  rejected: '不予确认',
  returned: '退回补充调查',
  published: '公布',
  closed: '办结',
  withdrawn: '撤回申请',
  terminated: '终止审核确认',
  hearing: '听取当事人意见',
  notified: '书面告知送达',
}

export type StepDef = {
  kind: StepKind
  label: string
  role: Role
  requiredAttachments: string[]
  deadlineWD?: { days: number; from: StepKind }
  /** 公示 length in calendar days (default ⚙ notice.duration = 7). Informational; callers check it. */
  durationDays?: number
  next: StepKind[]
  terminal?: boolean
  /** The operator who signed any of these steps in the same case may not sign this one. */
  separationFrom?: StepKind[]
}

export type VariantId = 'national' | 'legacy2012' | 'nineSteps' | 'fourGates' | 'management'
export type DecisionLevel = 'county' | 'township'

export type Variant = {
  id: VariantId
  label: string
  decisionLevel: DecisionLevel
  /** Steps in procedure order (object insertion order). Kinds a variant does not use are absent. */
  steps: Partial<Record<StepKind, StepDef>>
  start: StepKind
  /** Whole case 受理 → decision (办法 art. 22; 83号): normal and extended limit. */
  caseLimitWD?: { days: number; extendedDays: number; from: StepKind; until: StepKind[] }
}

export type Check = { ok: true } | { ok: false; reason: string }

const NOTICE_DAYS = 7 // ⚙ notice.duration default (办法 art. 19)
/** Steps whose signer "prepared" the case: never the one who approves it (§2, sod.investigatorMayReview = false). */
const PREPARERS: StepKind[] = ['accepted', 'investigating', 'objectionHandling']
const DECIDERS_SOD: StepKind[] = ['preliminary', ...PREPARERS]
const EXITS: StepKind[] = ['withdrawn', 'terminated']

type StepSpec = Omit<StepDef, 'kind' | 'label' | 'requiredAttachments'> & {
  label?: string
  requiredAttachments?: string[]
  exits?: boolean // add withdrawn/terminated to next
}

function build(specs: Array<[StepKind, StepSpec]>): Partial<Record<StepKind, StepDef>> {
  const out: Partial<Record<StepKind, StepDef>> = {}
  for (const [kind, s] of specs) {
    const { exits, label, requiredAttachments, next, ...rest } = s
    out[kind] = {
      kind,
      label: label ?? STEP_KIND_LABELS[kind],
      requiredAttachments: requiredAttachments ?? [],
      next: exits ? [...next, ...EXITS] : next,
      ...rest,
    }
  }
  return out
}

const APPLICATION_DOCS = ['application', 'pledge', 'consent'] // §3.4; ID copies never demanded (办法 art. 10)
const INVESTIGATION_DOCS = ['visitForm', 'checkReport'] // §3.4; ⚙ investigation.requireCheck = true

/** The first three steps every variant shares; only the name of the application step differs. */
function intakeSteps(receivedLabel?: string): Array<[StepKind, StepSpec]> {
  return [
    ['received', { ...(receivedLabel ? { label: receivedLabel } : {}), role: 'handler', next: ['accepted', 'pendingMaterials', 'notAccepted'] }],
    ['pendingMaterials', { role: 'handler', next: ['accepted', 'withdrawn'] }],
    // DESIGN: 不予受理 is signed by a reviewer, not the clerk who received it (社救法 art. 70(一)).
    ['notAccepted', { role: 'reviewer', next: [], terminal: true, separationFrom: ['received'] }],
  ]
}

const FINAL_STEPS: Array<[StepKind, StepSpec]> = [
  ['withdrawn', { role: 'handler', next: [], terminal: true }],
  ['terminated', { role: 'countyApprover', next: [], terminal: true, separationFrom: DECIDERS_SOD }],
]

/** national: 办法 + 83号 + 社救法, county decision (domain.md §4.1). */
const NATIONAL: Variant = {
  id: 'national',
  label: '全国通用程序（审核确认办法）',
  decisionLevel: 'county',
  start: 'received',
  caseLimitWD: { days: 30, extendedDays: 45, from: 'accepted', until: ['approved', 'rejected', 'terminated'] },
  steps: build([
    ...intakeSteps(),
    ['accepted', { role: 'handler', requiredAttachments: APPLICATION_DOCS, next: ['investigating'], exits: true }],
    // 办法 art. 15: investigation starts ≤ 3 WD after 受理. (County 核对 start ≤ 3 WD, art. 17, is the county's step.)
    ['investigating', { role: 'handler', deadlineWD: { days: 3, from: 'accepted' }, next: ['checkObjection', 'reviewMeeting', 'preliminary'], exits: true }],
    // DESIGN: the applicant's ⚙ check.objectionWD = 5 window is a waiting period, not a step deadline.
    ['checkObjection', { role: 'handler', next: ['investigating', 'preliminary'], exits: true }],
    ['reviewMeeting', { role: 'handler', next: ['preliminary'], exits: true }],
    ['preliminary', { role: 'reviewer', requiredAttachments: INVESTIGATION_DOCS, next: ['noticing', 'submitted'], separationFrom: PREPARERS, exits: true }],
    ['noticing', { role: 'handler', durationDays: NOTICE_DAYS, next: ['submitted', 'objectionHandling'], exits: true }],
    ['objectionHandling', { role: 'handler', next: ['preliminary'], exits: true }],
    ['submitted', { role: 'handler', next: ['approved', 'rejected', 'returned'], exits: true }],
    // 办法 art. 20: county decides ≤ 10 WD after the package arrives.
    ['approved', { role: 'countyApprover', deadlineWD: { days: 10, from: 'submitted' }, next: ['published'], separationFrom: DECIDERS_SOD }],
    ['rejected', { role: 'countyApprover', deadlineWD: { days: 10, from: 'submitted' }, next: ['closed'], separationFrom: DECIDERS_SOD }],
    ['returned', { role: 'countyApprover', next: ['investigating'] }],
    ['published', { role: 'handler', next: ['closed'] }],
    // 办法 art. 21: refusal 书面告知 ≤ 3 WD (via the township); `closed` after a refusal = notice delivered.
    ['closed', { role: 'handler', deadlineWD: { days: 3, from: 'rejected' }, next: [], terminal: true }],
    ...FINAL_STEPS,
  ]),
}

/** legacy2012: 民发〔2012〕220号 试行 (repealed 2021), county 审批 with two 公示 rounds (§4.2). */
const LEGACY2012: Variant = {
  id: 'legacy2012',
  label: '2012年审核审批办法（试行，已废止）',
  decisionLevel: 'county',
  start: 'received',
  // DESIGN: domain.md gives no whole-case limit for the legacy variant.
  steps: build([
    ...intakeSteps('户主申请'),
    ['accepted', { role: 'handler', requiredAttachments: APPLICATION_DOCS, next: ['checking'], exits: true }],
    // 试行 art. 20: 核对 first; negative → written refusal by the township.
    ['checking', { role: 'handler', requiredAttachments: [], next: ['investigating', 'checkRejected'], exits: true }],
    ['checkRejected', { role: 'reviewer', requiredAttachments: ['checkReport'], next: ['closed'], separationFrom: PREPARERS }],
    ['investigating', { label: '入户调查', role: 'handler', next: ['reviewMeeting'], exits: true }],
    // DESIGN: entering 民主评议 = 入户 finished, due ≤ 10 WD after 受理 (试行 art. 18);
    // the meeting itself ≤ 5 WD later, i.e. the 初审 step is due 5 WD after entering 民主评议.
    ['reviewMeeting', { role: 'handler', deadlineWD: { days: 10, from: 'accepted' }, next: ['preliminary'], exits: true }],
    ['preliminary', { label: '乡镇审核意见', role: 'reviewer', deadlineWD: { days: 5, from: 'reviewMeeting' }, requiredAttachments: INVESTIGATION_DOCS, next: ['noticing'], separationFrom: PREPARERS, exits: true }],
    ['noticing', { label: '乡镇公示', role: 'handler', durationDays: NOTICE_DAYS, next: ['submitted', 'objectionHandling'], exits: true }],
    // 试行 art. 29: objection → re-investigate (decide ≤ 20 WD, re-公示). DESIGN: back to 入户调查, no separate clock.
    ['objectionHandling', { role: 'handler', next: ['investigating', 'preliminary'], exits: true }],
    ['submitted', { label: '报送县级审批', role: 'handler', next: ['countyNoticing', 'rejected', 'returned'], exits: true }],
    // 试行 art. 26: county opinion (with ≥ 30 % 抽查) ≤ 5 WD, then county 公示 7 days.
    ['countyNoticing', { role: 'countyApprover', durationDays: NOTICE_DAYS, deadlineWD: { days: 5, from: 'submitted' }, next: ['approved', 'rejected', 'objectionHandling'], separationFrom: DECIDERS_SOD }],
    // DESIGN: "decision ≤ 3 WD after the county 公示" runs from the notice END (not a step) → not modelled;
    // the negative-opinion notice "≤ 3 calendar days" is not a WD limit → not modelled either.
    ['approved', { label: '县级审批同意', role: 'countyApprover', next: ['published'], separationFrom: DECIDERS_SOD }],
    ['rejected', { label: '县级审批不同意', role: 'countyApprover', next: ['closed'], separationFrom: DECIDERS_SOD }],
    ['returned', { role: 'countyApprover', next: ['investigating'] }],
    ['published', { label: '长期公示', role: 'handler', next: ['closed'] }],
    ['closed', { role: 'handler', next: [], terminal: true }],
    ...FINAL_STEPS,
  ]),
}

// DESIGN (nineSteps, fourGates): the seeds give no per-step limits; the binding national ones apply
// (办法 art. 15 investigation ≤ 3 WD, art. 20 county ≤ 10 WD, art. 21 refusal notice ≤ 3 WD, art. 22 whole case).

/** nineSteps (九步工作法, seed 004): 户主申请→审查受理→调查核实→民主评议→张榜公示→乡镇审核→县民政局审批→长期公示→发放. */
const NINE_STEPS: Variant = {
  id: 'nineSteps',
  label: '九步工作法',
  decisionLevel: 'county',
  start: 'received',
  caseLimitWD: { days: 30, extendedDays: 45, from: 'accepted', until: ['approved', 'rejected', 'terminated'] },
  steps: build([
    ...intakeSteps('户主申请'),
    ['accepted', { label: '审查受理', role: 'handler', requiredAttachments: APPLICATION_DOCS, next: ['investigating'], exits: true }],
    ['investigating', { role: 'handler', deadlineWD: { days: 3, from: 'accepted' }, next: ['reviewMeeting'], exits: true }],
    ['reviewMeeting', { role: 'handler', next: ['noticing'], exits: true }],
    ['noticing', { label: '张榜公示', role: 'handler', durationDays: NOTICE_DAYS, next: ['preliminary', 'objectionHandling'], exits: true }],
    // DESIGN: objection → re-investigate, re-评议, re-post.
    ['objectionHandling', { role: 'handler', next: ['investigating', 'reviewMeeting'], exits: true }],
    ['preliminary', { label: '乡镇审核', role: 'reviewer', requiredAttachments: INVESTIGATION_DOCS, next: ['submitted'], separationFrom: PREPARERS, exits: true }],
    ['submitted', { label: '报送县民政局审批', role: 'handler', next: ['approved', 'rejected', 'returned'], exits: true }],
    ['approved', { label: '县民政局审批同意', role: 'countyApprover', deadlineWD: { days: 10, from: 'submitted' }, next: ['published'], separationFrom: DECIDERS_SOD }],
    ['rejected', { label: '县民政局审批不同意', role: 'countyApprover', deadlineWD: { days: 10, from: 'submitted' }, next: ['closed'], separationFrom: DECIDERS_SOD }],
    ['returned', { role: 'countyApprover', next: ['investigating'] }],
    ['published', { label: '长期公示', role: 'handler', next: ['closed'] }],
    ['closed', { label: '发放（办结）', role: 'handler', deadlineWD: { days: 3, from: 'rejected' }, next: [], terminal: true }],
    ...FINAL_STEPS,
  ]),
}

/**
 * fourGates (四道关口/三榜公示, seed 002; seed 000 三公示): village gate (书面申请, 村入户, 知情群众代表评议, 一榜),
 * township gate (乡镇入户, 评审委员会, 审核, 二榜), county gate (领导小组会审, 三榜), recipient only when
 * the 三榜 ends without objection (§4.2). DESIGN: the 三榜 is entered by the county 会审 (countyApprover);
 * `approved` = 三榜无异议 recorded by the county; pay starts the month after that date (benefit.startMonth).
 */
const FOUR_GATES: Variant = {
  id: 'fourGates',
  label: '四道关口（三榜公示）',
  decisionLevel: 'county',
  start: 'received',
  caseLimitWD: { days: 30, extendedDays: 45, from: 'accepted', until: ['approved', 'rejected', 'terminated'] },
  steps: build([
    ...intakeSteps('向村书面申请'),
    ['accepted', { role: 'handler', requiredAttachments: APPLICATION_DOCS, next: ['villageInvestigation'], exits: true }],
    ['villageInvestigation', { role: 'handler', deadlineWD: { days: 3, from: 'accepted' }, next: ['villageReview'], exits: true }],
    ['villageReview', { role: 'handler', next: ['villageNoticing'], exits: true }],
    ['villageNoticing', { role: 'handler', durationDays: NOTICE_DAYS, next: ['investigating', 'objectionHandling'], exits: true }],
    ['investigating', { label: '乡镇入户调查', role: 'handler', next: ['reviewMeeting'], exits: true }],
    ['reviewMeeting', { label: '乡镇评审委员会评审', role: 'handler', next: ['preliminary'], exits: true }],
    ['preliminary', { label: '乡镇审核意见', role: 'reviewer', requiredAttachments: INVESTIGATION_DOCS, next: ['noticing'], separationFrom: [...PREPARERS, 'villageInvestigation'], exits: true }],
    ['noticing', { label: '乡镇公示（二榜）', role: 'handler', durationDays: NOTICE_DAYS, next: ['submitted', 'objectionHandling'], exits: true }],
    // DESIGN: any 榜 objection → re-investigation at the township, then the gates from there.
    ['objectionHandling', { role: 'handler', next: ['investigating', 'reviewMeeting', 'preliminary'], exits: true }],
    ['submitted', { label: '报送县低保领导小组会审', role: 'handler', next: ['countyNoticing', 'rejected', 'returned'], exits: true }],
    ['countyNoticing', { label: '县级会审通过，三榜公示', role: 'countyApprover', durationDays: NOTICE_DAYS, deadlineWD: { days: 10, from: 'submitted' }, next: ['approved', 'objectionHandling'], separationFrom: DECIDERS_SOD, exits: true }],
    ['approved', { label: '三榜无异议，确定为低保对象', role: 'countyApprover', next: ['published'], separationFrom: DECIDERS_SOD }],
    ['rejected', { label: '县级会审不通过', role: 'countyApprover', deadlineWD: { days: 10, from: 'submitted' }, next: ['closed'], separationFrom: DECIDERS_SOD }],
    ['returned', { role: 'countyApprover', next: ['investigating'] }],
    ['published', { label: '长期公示', role: 'handler', next: ['closed'] }],
    ['closed', { role: 'handler', deadlineWD: { days: 3, from: 'rejected' }, next: [], terminal: true }],
    ...FINAL_STEPS,
  ]),
}

/**
 * management (动态管理): 复核, 变更, 停保, 渐退, 恢复 (domain.md §4.3; 办法 art. 30–34; 社救法 art. 47–48).
 * trigger → 入户调查/核对 → reviewer's proposal (noChange | increase | decrease | stop | phaseOut, in the step data)
 * → for decrease/stop/phaseOut a hearing (听取意见) → decision by the decision holder (⚙ procedure.changeDecisionLevel
 * = decisionLevel: county via the reply package, or the townshipApprover) → written notice → closed.
 * DESIGN: `noChange` (still eligible, amount kept, 办法 art. 31) is closed by the reviewer's signed proposal;
 * `resume` (from suspended) is decided by the reviewer with a reason (§4.3).
 * Which next steps are open depends on the proposal; the service checks it (`proposalAllows`).
 */
const MGMT_PREPARERS: StepKind[] = ['investigating']
const MGMT_DECIDERS: StepKind[] = ['preliminary', 'investigating']
const MANAGEMENT: Variant = {
  id: 'management',
  label: '动态管理（复核、变更、停保、渐退、恢复）',
  decisionLevel: 'county',
  start: 'received',
  steps: build([
    ['received', { label: '登记启动（到期复核/报告变化/比对/投诉）', role: 'handler', next: ['investigating'] }],
    ['investigating', { label: '入户调查与核对', role: 'handler', next: ['preliminary'], exits: true }],
    ['preliminary', { label: '乡镇审核意见（拟调整方案）', role: 'reviewer', requiredAttachments: ['visitForm'], next: ['hearing', 'submitted', 'closed'], separationFrom: MGMT_PREPARERS, exits: true }],
    // ⚙ hearing.responseWD = 5 (DESIGN): the household is heard within 5 WD of the proposal.
    ['hearing', { role: 'handler', deadlineWD: { days: 5, from: 'preliminary' }, next: ['submitted'], exits: true }],
    ['submitted', { label: '报送县级决定', role: 'handler', next: ['approved', 'rejected', 'returned'], exits: true }],
    ['approved', { label: '决定调整', role: 'countyApprover', deadlineWD: { days: 10, from: 'submitted' }, next: ['notified'], separationFrom: MGMT_DECIDERS }],
    ['rejected', { label: '决定不调整', role: 'countyApprover', deadlineWD: { days: 10, from: 'submitted' }, next: ['closed'], separationFrom: MGMT_DECIDERS }],
    ['returned', { role: 'countyApprover', next: ['investigating'] }],
    // 办法 art. 21, 32: written notice with reasons ≤ 3 WD via the township.
    ['notified', { role: 'handler', deadlineWD: { days: 3, from: 'approved' }, next: ['closed'] }],
    ['closed', { role: 'handler', next: [], terminal: true }],
    ['withdrawn', { label: '撤销启动（登记有误）', role: 'reviewer', next: [], terminal: true }],
    ['terminated', { role: 'countyApprover', next: [], terminal: true, separationFrom: MGMT_DECIDERS }],
  ]),
}

export const VARIANTS: Record<VariantId, Variant> = {
  national: NATIONAL,
  legacy2012: LEGACY2012,
  nineSteps: NINE_STEPS,
  fourGates: FOUR_GATES,
  management: MANAGEMENT,
}

/** New applications follow the township's procedure variant; every other case kind the management procedure. */
export function variantIdForCase(kind: CaseKind, configured: VariantId): VariantId {
  return kind === 'newApplication' ? configured : 'management'
}

export type ProposalOutcome = 'noChange' | 'increase' | 'decrease' | 'stop' | 'phaseOut' | 'resume'

export const PROPOSAL_LABELS: Record<ProposalOutcome, string> = {
  noChange: '无明显变化，维持原保障金额',
  increase: '增发',
  decrease: '减发',
  stop: '停发（停保）',
  phaseOut: '渐退',
  resume: '恢复发放',
}

/** Does a management proposal allow moving on to `to`? (hearing before decrease/stop/phase-out, 社救法 art. 48). */
export function proposalAllows(outcome: ProposalOutcome, to: StepKind, decisionStep: StepKind): Check {
  const heard = outcome === 'decrease' || outcome === 'stop' || outcome === 'phaseOut'
  if (to === 'closed') {
    return outcome === 'noChange' || outcome === 'resume'
      ? { ok: true }
      : { ok: false, reason: `拟“${PROPOSAL_LABELS[outcome]}”须经决定，不能直接办结` }
  }
  if (to === 'hearing') return heard ? { ok: true } : { ok: false, reason: `拟“${PROPOSAL_LABELS[outcome]}”不需要听取意见` }
  if (to === decisionStep) {
    if (outcome === 'noChange' || outcome === 'resume') return { ok: false, reason: `拟“${PROPOSAL_LABELS[outcome]}”由审核人签署后直接办结，不需报送决定` }
    if (heard) return { ok: false, reason: `拟“${PROPOSAL_LABELS[outcome]}”须先听取当事人意见（《社会救助法》第四十八条）` }
  }
  return { ok: true }
}

/** Steps of a variant in procedure order. */
export function stepOrder(variant: Variant): StepKind[] {
  return Object.keys(variant.steps) as StepKind[]
}

/**
 * The variant for a decision level. `township` exists for `national` only (old 县级审批 variants are county
 * by definition, §0.2): `submitted` becomes `townshipDecision` (signed by the townshipApprover), and the
 * decision steps are signed by the townshipApprover, never the 初审 signer or preparer. Whole case 20 (45) WD.
 */
const derived = new Map<string, Variant>()
export function variantFor(id: VariantId, decisionLevel: DecisionLevel): Variant {
  const key = `${id}:${decisionLevel}`
  const hit = derived.get(key)
  if (hit) return hit
  const v = buildVariant(id, decisionLevel)
  derived.set(key, v)
  return v
}

function buildVariant(id: VariantId, decisionLevel: DecisionLevel): Variant {
  const base = VARIANTS[id]
  if (!base) throw new Error(`未知的程序类型：${String(id)}`)
  if (decisionLevel === 'county') return base
  if (decisionLevel !== 'township') throw new Error(`审核确认层级应为 county 或 township，实为 ${String(decisionLevel)}`)
  if (id !== 'national' && id !== 'management') throw new Error(`${base.label}只适用于县级审批，不能设为乡镇审核确认`)

  const swap = (k: StepKind): StepKind => (k === 'submitted' ? 'townshipDecision' : k)
  const steps: Partial<Record<StepKind, StepDef>> = {}
  for (const def of Object.values(base.steps) as StepDef[]) {
    let d: StepDef = { ...def, next: def.next.map(swap) }
    if (def.kind === 'submitted') {
      d = {
        ...d,
        kind: 'townshipDecision',
        label: STEP_KIND_LABELS.townshipDecision,
        role: 'townshipApprover',
        separationFrom: id === 'management' ? ['preliminary', 'investigating'] : DECIDERS_SOD,
      }
    } else if (def.kind === 'approved' || def.kind === 'rejected' || def.kind === 'terminated' || def.kind === 'returned') {
      // DESIGN: no per-step limit in township mode (only the whole case, 83号); returned = sent back by the approver.
      const { deadlineWD: _drop, ...rest } = d
      d = { ...rest, role: 'townshipApprover', separationFrom: id === 'management' ? ['preliminary', 'investigating'] : DECIDERS_SOD }
    }
    steps[d.kind] = d
  }
  return {
    ...base,
    label: `${base.label}（乡镇审核确认）`,
    decisionLevel: 'township',
    steps,
    ...(base.caseLimitWD ? { caseLimitWD: { days: 20, extendedDays: 45, from: 'accepted', until: ['approved', 'rejected', 'terminated'] } } : {}),
  }
}

function labelOf(variant: Variant, kind: StepKind): string {
  return variant.steps[kind]?.label ?? STEP_KIND_LABELS[kind] ?? String(kind)
}

/** May a case move from `from` to `to` in this variant? Reasons in Chinese. */
export function canTransition(variant: Variant, from: StepKind, to: StepKind): Check {
  const def = variant.steps[from]
  if (!def) return { ok: false, reason: `“${variant.label}”没有“${labelOf(variant, from)}”环节` }
  if (!variant.steps[to]) return { ok: false, reason: `“${variant.label}”没有“${labelOf(variant, to)}”环节` }
  if (def.terminal || def.next.length === 0) {
    return { ok: false, reason: `“${def.label}”是终结环节，案件已结束，不能再转到“${labelOf(variant, to)}”` }
  }
  if (!def.next.includes(to)) {
    const allowed = def.next.map((k) => `“${labelOf(variant, k)}”`).join('、')
    return { ok: false, reason: `不能从“${def.label}”直接转到“${labelOf(variant, to)}”，只能转到${allowed}` }
  }
  return { ok: true }
}

/** Role and separation of duties for signing `stepKind` (domain.md §2). */
export function checkSignature(
  variant: Variant,
  stepKind: StepKind,
  signerId: string,
  history: ReadonlyArray<{ kind: StepKind; signerId: string }>,
  signerRole: Role,
): Check {
  const def = variant.steps[stepKind]
  if (!def) return { ok: false, reason: `“${variant.label}”没有“${labelOf(variant, stepKind)}”环节` }
  if (!signerId) return { ok: false, reason: '签字人不能为空' }
  if (signerRole !== def.role) {
    return {
      ok: false,
      reason: `“${def.label}”应由${ROLE_LABELS[def.role]}签字，当前操作员的角色是${ROLE_LABELS[signerRole] ?? String(signerRole)}`,
    }
  }
  for (const kind of def.separationFrom ?? []) {
    if (history.some((h) => h.kind === kind && h.signerId === signerId)) {
      return {
        ok: false,
        reason: `同一案件中签过“${labelOf(variant, kind)}”的人员不能再签“${def.label}”（谁经办、谁不审批）`,
      }
    }
  }
  return { ok: true }
}

function latestAt(history: ReadonlyArray<{ kind: StepKind; at: string }>, kind: StepKind): string | null {
  let found: string | null = null
  for (const h of history) if (h.kind === kind && (found === null || h.at >= found)) found = h.at
  return found
}

function earliestAt(history: ReadonlyArray<{ kind: StepKind; at: string }>, kind: StepKind): string | null {
  let found: string | null = null
  for (const h of history) if (h.kind === kind && (found === null || h.at < found)) found = h.at
  return found
}

/**
 * Date by which `stepKind` must be entered: `deadlineWD.days` working days after the latest `from` entry.
 * null if the step has no limit or its `from` step has not happened. Warnings: years without holiday data.
 */
export function dueDate(
  variant: Variant,
  stepKind: StepKind,
  history: ReadonlyArray<{ kind: StepKind; at: string }>,
  cal: Calendar,
): { due: string; warnings: string[] } | null {
  const limit = variant.steps[stepKind]?.deadlineWD
  if (!limit) return null
  const start = latestAt(history, limit.from)
  if (start === null) return null
  // already entered since its `from`: the limit was met; a re-entry (复查 after 核对异议, re-investigation) has none
  if (history.some((h) => h.kind === stepKind && h.at >= start)) return null
  const { date, warnings } = addWorkdays(start, limit.days, cal)
  return { due: date, warnings }
}

/**
 * Whole-case limit 受理 → decision (county 30/45 WD, township 20/45 WD), from the FIRST 受理;
 * `extended` = a signed extension with a reason (§4.1). null if the variant has no limit or no 受理 yet.
 */
export function caseDueDate(
  variant: Variant,
  history: ReadonlyArray<{ kind: StepKind; at: string }>,
  cal: Calendar,
  extended = false,
): { due: string; warnings: string[] } | null {
  const limit = variant.caseLimitWD
  if (!limit) return null
  const start = earliestAt(history, limit.from)
  if (start === null) return null
  const { date, warnings } = addWorkdays(start, extended ? limit.extendedDays : limit.days, cal)
  return { due: date, warnings }
}

/** Overdue once `asOf` is after the due day (the due day itself is still in time). */
export function isOverdue(due: string, asOf: string): boolean {
  return asOf > due
}
