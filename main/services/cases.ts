// Cases (案件): the statutory procedure as signed steps (design.md §5). A case keeps the variant it
// was opened under; each step is one append-only row signed by the operator who recorded it; the
// engine (domain/workflow.ts) decides which steps may follow, who may sign them and when they are due.
// What a step needs before it may be signed (records, meetings, 公示, rule flags) is checked here, in
// the same transaction as the signature (`blockersFor`).
import { AppError } from '../api/errors'
import type { CaseFlagView, CaseNextStep, CaseStepView, CaseView, DecisionView, TodoItem } from '../api/types'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { StepData, type RecordKind, type StepDataT, NOT_ACCEPTED_GROUNDS } from '../api/caseSchemas'
import { ATTACHMENT_KINDS, codeName, HOUSEHOLD_CATEGORIES } from '../domain/codes'
import {
  canTransition, caseDueDate, checkSignature, dueDate, isOverdue, PROPOSAL_LABELS, proposalAllows, ROLE_LABELS, variantFor, variantIdForCase,
  type CaseKind, type DecisionLevel, type ProposalOutcome, type Role, type StepKind, type Variant, type VariantId
} from '../domain/workflow'
import { BenefitError, startMonth, phaseOutSchedule } from '../domain/benefit'
import { addWorkdays } from '../domain/workdays'
import { addDays, addMonthsClamped } from '../domain/dates'
import { formatYuan } from '../domain/money'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx, type WriteCtx } from './context'
import { newId } from './ids'
import { nextCounter, OPEN_STATUSES } from './households'
import { calendar, paramInForce } from './policy'
import { requireTownship } from './setup'
import { listRecords } from './caseRecords'
import { flagsOfCase, previewOpenFlags, syncFlags } from './rules'
import { assessCase, applyBenefit, nextRecheckDue, withMemberStop } from './benefits'
import { caseMeetings } from './meetings'
import { caseNotices, caseObjections } from './notices'
import { recusedOperators } from './relatives'

type Tx = Transaction<Database>
export type { CaseStepView, CaseView, TodoItem } from '../api/types'

export const CASE_KIND_LABELS: Record<CaseKind, string> = { newApplication: '新申请', recheck: '复核', change: '变更', stop: '停保', phaseOut: '渐退', resume: '恢复' }
export const TRIGGER_LABELS: Record<string, string> = { due: '到期复核', reported: '家庭报告变化', dataComparison: '数据比对', complaint: '投诉举报', death: '成员死亡', moveOut: '户口迁出', suspended: '暂停发放后恢复' }

/** Operators sign as handler, reviewer or township approver; county steps arrive through the signed reply package. */
function signerRole(actor: Actor): Role {
  if (actor.role === 'handler' || actor.role === 'reviewer' || actor.role === 'townshipApprover') return actor.role
  throw new AppError('FORBIDDEN', `${actor.role === 'admin' ? '管理员' : '只读'}账号不签署程序环节：请用经办人、审核人或乡镇审核确认人账号办理`)
}

export function variantOfCase(c: { variant_id: string; decision_level: string }): Variant {
  return variantFor(c.variant_id as VariantId, c.decision_level as DecisionLevel)
}

export async function loadCase(db: ReadCtx['db'], id: string) {
  const c = await db.selectFrom('dibao_case').selectAll().where('id', '=', id).executeTakeFirst()
  if (!c) throw new AppError('NOT_FOUND', '找不到该案件')
  return c
}
export type CaseRow = Awaited<ReturnType<typeof loadCase>>

export async function stepsOf(db: ReadCtx['db'], caseId: string) {
  return db.selectFrom('case_step').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
}
type StepRow = Awaited<ReturnType<typeof stepsOf>>[number]

const parse = <T>(json: string | null): T | null => (json ? (JSON.parse(json) as T) : null)
/** The step where the case entered the step it is at now. */
const lastStep = (steps: StepRow[]) => steps[steps.length - 1]!
const latestOf = (steps: StepRow[], kind: string) => [...steps].reverse().find((s) => s.kind === kind)

/** The decision step of a variant ('submitted' for county, 'townshipDecision' when delegated). */
const decisionEntry = (v: Variant): StepKind => (v.steps.townshipDecision ? 'townshipDecision' : 'submitted')

export async function openCase(core: Core, actor: Actor, input: { householdId: string; kind: CaseKind; origin: string; receivedDate: string; note?: string | null; triggerKind?: string | null }): Promise<CaseView> {
  const role = signerRole(actor)
  const id = await withWrite(core, actor, async (w) => {
    const caseId = await insertCase(w, actor, role, input)
    return caseId
  })
  return getCase(readCtx(core, actor), id)
}

/** Opens a case inside an existing write (also used by the death trigger in households.removeMember). */
export async function insertCase(w: WriteCtx, actor: Actor | null, role: Role, input: { householdId: string; kind: CaseKind; origin: string; receivedDate: string; note?: string | null; triggerKind?: string | null; triggerDate?: string | null }): Promise<string> {
  const t = await requireTownship(w)
  const h = await w.tx.selectFrom('household').select(['id', 'file_no', 'status', 'head_name', 'category']).where('id', '=', input.householdId).executeTakeFirst()
  if (!h) throw new AppError('NOT_FOUND', '找不到该家庭档案')
  if (!OPEN_STATUSES.includes(h.status)) throw new AppError('CONFLICT', `档案 ${h.file_no} 已注销，请新建家庭档案后再受理申请`)
  if (input.receivedDate > w.today) throw new AppError('VALIDATION', '收到申请的日期不能晚于今天', { receivedDate: '不能晚于今天' })
  if (input.kind === 'newApplication' && h.status !== 'applying') throw new AppError('CONFLICT', `档案 ${h.file_no} 已在保（${h.status}），在保家庭的变化请办理复核或变更`)
  if (input.kind !== 'newApplication' && h.status === 'applying') throw new AppError('CONFLICT', `档案 ${h.file_no} 尚未纳入低保，请办理新申请`)
  if (input.kind === 'resume' && h.status !== 'suspended') throw new AppError('CONFLICT', '只有暂停发放的家庭才能办理恢复；停保后须重新申请（办法第二十八条）')
  const open = await w.tx.selectFrom('dibao_case').select(['case_no']).where('household_id', '=', h.id).where('closed_at', 'is', null).executeTakeFirst()
  if (open) throw new AppError('CONFLICT', `该户已有在办案件 ${open.case_no}，请在原案件中继续办理`)
  const configured = (await paramInForce<VariantId>(w, 'procedure.variant', input.receivedDate, t.code)) ?? 'national'
  const variantId = variantIdForCase(input.kind, configured)
  const levelKey = input.kind === 'newApplication' ? 'procedure.decisionLevel' : 'procedure.changeDecisionLevel'
  const level = (await paramInForce<DecisionLevel>(w, levelKey, input.receivedDate, t.code)) ?? (await paramInForce<DecisionLevel>(w, 'procedure.decisionLevel', input.receivedDate, t.code)) ?? 'county'
  const variant = variantFor(variantId, variantId === 'national' || variantId === 'management' ? level : 'county')
  const first = variant.start
  if (actor) {
    const sig = checkSignature(variant, first, actor.operatorId, [], role)
    if (!sig.ok) throw new AppError('FORBIDDEN', sig.reason)
  }
  const year = input.receivedDate.slice(0, 4)
  const serial = await nextCounter(w.tx, `case_no_${year}`)
  const caseNo = `${t.code}-${year}-${String(serial).padStart(5, '0')}`
  const caseId = newId()
  await w.tx.insertInto('dibao_case').values({
    id: caseId, case_no: caseNo, household_id: h.id, kind: input.kind, origin: input.origin, variant_id: variantId, decision_level: variant.decisionLevel,
    current_step: first, opened_at: w.now, closed_at: null, version: 1, category: h.category, individual_member_id: null, individual_basis: null,
    next_due: null, next_roles: null, case_due: null, trigger_kind: input.triggerKind ?? null, extension_json: null
  }).execute()
  await insertStep(w.tx, { caseId, seq: 1, kind: first, date: input.receivedDate, actor, role, reason: input.note ?? null, now: w.now, data: input.triggerDate ? { triggerDate: input.triggerDate } : undefined })
  await refreshDue(w, caseId)
  const trig = input.triggerKind ? `，启动原因：${TRIGGER_LABELS[input.triggerKind] ?? input.triggerKind}` : ''
  await w.audit({ action: 'case.open', entity: 'case', entityId: caseId, householdId: h.id, summary: `登记${CASE_KIND_LABELS[input.kind]}案件 ${caseNo}（户主 ${h.head_name}），程序：${variant.label}${trig}`, after: { caseNo, kind: input.kind, origin: input.origin, variantId, decisionLevel: variant.decisionLevel, receivedDate: input.receivedDate, triggerKind: input.triggerKind ?? null } })
  return caseId
}

async function insertStep(tx: Tx, s: { caseId: string; seq: number; kind: StepKind; date: string; actor: Actor | null; role: Role; reason: string | null; now: string; data?: unknown; attachmentIds?: string[] }) {
  await tx.insertInto('case_step').values({
    id: newId(), case_id: s.caseId, seq: s.seq, kind: s.kind, step_date: s.date, signer_id: s.actor?.operatorId ?? 'system', signer_name: s.actor ? `${s.actor.name}（${s.actor.username}）` : '系统（自动登记）',
    signer_role: s.role, reason: s.reason, data_json: s.data === undefined || s.data === null ? null : JSON.stringify(s.data), attachment_ids_json: s.attachmentIds?.length ? JSON.stringify(s.attachmentIds) : null, created_at: s.now
  }).execute()
}

/**
 * The history the deadlines run on. ⚙ acceptance.deemedIfNoNotice (default true, LOCAL 江苏): without a 一次性告知书
 * the 受理 dates from the receipt, so a late 受理 cannot shorten the township's clock.
 */
async function deadlineHistory(ctx: ReadCtx, steps: StepRow[]): Promise<Array<{ kind: StepKind; at: string }>> {
  const hist = steps.map((s) => ({ kind: s.kind as StepKind, at: s.step_date }))
  const received = steps.find((s) => s.kind === 'received')
  if (!received || steps.some((s) => s.kind === 'pendingMaterials')) return hist
  const t = await ctx.db.selectFrom('township').select('code').executeTakeFirst()
  const deemed = (await paramInForce<boolean>(ctx, 'acceptance.deemedIfNoNotice', received.step_date, t?.code ?? '*')) ?? true
  return deemed ? hist.map((h) => (h.kind === 'accepted' ? { ...h, at: received.step_date } : h)) : hist
}

/** Stores the next steps' earliest due date and roles on the case, so the 待办 list is one indexed query. */
export async function refreshDue(ctx: ReadCtx, caseId: string): Promise<void> {
  const c = await loadCase(ctx.db, caseId)
  const tx = ctx.db
  if (c.closed_at) {
    await tx.updateTable('dibao_case').set({ next_due: null, next_roles: null, case_due: null }).where('id', '=', caseId).execute()
    return
  }
  const v = variantOfCase(c)
  const steps = await stepsOf(tx, caseId)
  const cal = await calendar(ctx)
  const hist = await deadlineHistory(ctx, steps)
  const cur = v.steps[c.current_step as StepKind]
  const nexts = (cur?.next ?? []).filter((k) => k !== 'withdrawn' && k !== 'terminated')
  const dues = nexts.map((k) => dueDate(v, k, hist, cal)?.due).filter((d): d is string => !!d)
  const decided = v.caseLimitWD ? steps.find((s) => v.caseLimitWD!.until.includes(s.kind as StepKind)) : undefined
  const whole = decided ? null : (caseDueDate(v, hist, cal, !!c.extended)?.due ?? managementDue(c, steps))
  const all = [...dues, ...(whole ? [whole] : [])].sort()
  const roles = [...new Set(nexts.map((k) => v.steps[k]!.role))]
  await tx.updateTable('dibao_case').set({ next_due: all[0] ?? null, next_roles: roles.join(','), case_due: whole ?? null }).where('id', '=', caseId).execute()
}

/** Management cases opened by a death: finish within 3 months of the death (83号); the same day 3 months on, or that month's last day. */
function managementDue(c: CaseRow, steps: StepRow[]): string | null {
  if (c.trigger_kind !== 'death') return null
  return addMonthsClamped(parse<{ triggerDate?: string }>(steps[0]?.data_json ?? null)?.triggerDate ?? steps[0]!.step_date, 3)
}

type Blocker = string

/**
 * 逾期未补正视为撤回 (domain.md §4.1, DESIGN): only from 补正, only where the county has set ⚙ acceptance.lapseDays
 * (default off), and only once that many days have passed since the 补正期限 on the 一次性告知书 (or since the
 * notice, when it set no 期限). Otherwise the application stays open until the applicant withdraws in writing.
 */
async function lapseBlockers(ctx: ReadCtx, c: CaseRow, steps: StepRow[], from: StepKind, date: string): Promise<Blocker[]> {
  if (from !== 'pendingMaterials') return ['只有在一次性告知补正材料环节，逾期未补正的才能视为撤回']
  const t = await requireTownship(ctx)
  const days = await paramInForce<number>(ctx, 'acceptance.lapseDays', date, t.code)
  if (days === undefined || days === null) return ['本县未设定逾期未补正视为撤回的期限（政策参数“逾期未补正视为撤回的天数”），申请须由申请人书面撤回']
  const cur = lastStep(steps)
  const notice = (await listRecords(ctx, c.id)).filter((r) => !r.superseded && r.kind === 'materialsNotice').at(-1)
  const from0 = (notice?.data.deadline as string | null | undefined) ?? notice?.date ?? cur.step_date
  const until = addDays(from0, days)
  return date <= until ? [`补正期限（${from0}）后满 ${days} 天即 ${until} 之后，申请人仍未补正的才能视为撤回`] : []
}

/**
 * What must be on the case before `to` may be signed (domain.md §3.4, §4, §5, §7, §8): records of the
 * current step, the 民主评议 result, the 公示 period and objections, the rule flags, the proposal's path.
 */
export async function blockersFor(ctx: ReadCtx, c: CaseRow, steps: StepRow[], to: StepKind, date: string, data: StepDataT, preview = false, byCounty = false): Promise<Blocker[]> {
  const v = variantOfCase(c)
  const out: Blocker[] = []
  const from = c.current_step as StepKind
  const exit = to === 'withdrawn' || to === 'terminated'
  if (to === 'withdrawn' && data.lapsed) return lapseBlockers(ctx, c, steps, from, date)
  if (exit) return out
  const def = v.steps[to]!
  const cur = lastStep(steps)
  const records = await listRecords(ctx, c.id)
  const live = records.filter((r) => !r.superseded)
  const since = (kind: RecordKind, seq: number) => live.filter((r) => r.kind === kind && r.stepSeq >= seq)
  const hasEver = (kind: RecordKind) => live.some((r) => r.kind === kind)
  const t = await requireTownship(ctx)

  if (def.requiredAttachments.length) {
    const have = await ctx.db.selectFrom('attachment').select(['doc_kind']).where('household_id', '=', c.household_id).where('removed_at', 'is', null).where('doc_kind', 'in', def.requiredAttachments).execute()
    const missing = def.requiredAttachments.filter((k) => !have.some((a) => a.doc_kind === k))
    if (missing.length) out.push(`须先上传：${missing.map((k) => codeName(ATTACHMENT_KINDS, k)).join('、')}（在档案的“材料”页上传）`)
  }
  if (to === 'accepted' && !hasEver('application')) out.push('须先登记申请（申请理由、承诺书和授权书签字情况）')
  if (to === 'pendingMaterials' && since('materialsNotice', cur.seq).length === 0) out.push('须先登记一次性告知书（列明全部需补正的材料）')
  const investigationSteps: StepKind[] = ['investigating', 'villageInvestigation']
  if (investigationSteps.includes(from) && !investigationSteps.includes(to) && to !== 'checkRejected') {
    const visits = since('homeVisit', cur.seq)
    if (visits.length === 0) out.push('须先登记入户调查记录（两名以上调查人员、在场成员、调查结论）')
  }
  if (from === 'checking' && to === 'investigating' && since('checkReport', cur.seq).length === 0) out.push('须先登记家庭经济状况核对报告')
  if (to === 'checkRejected' && !hasEver('checkReport')) out.push('须先登记核对报告（核对不符的依据）')
  if (to === 'preliminary' && v.id !== 'management') {
    const requireCheck = (await paramInForce<boolean>(ctx, 'investigation.requireCheck', date, t.code)) ?? true
    if (requireCheck && !hasEver('checkReport')) out.push('须先登记家庭经济状况核对报告')
  }
  if ((from === 'reviewMeeting' || from === 'villageReview') && !['investigating', 'objectionHandling'].includes(to)) {
    const m = await ctx.db.selectFrom('review_meeting_case').innerJoin('review_meeting', 'review_meeting.id', 'review_meeting_case.meeting_id')
      .select(['review_meeting.meeting_date', 'review_meeting_case.result']).where('review_meeting_case.case_id', '=', c.id).where('review_meeting.status', '=', 'closed')
      .where('review_meeting.meeting_date', '>=', cur.step_date).execute()
    if (m.length === 0) out.push('须先召开民主评议会议并签署会议记录（在“民主评议”页登记本案的评议结果）')
    else if (m.some((x) => x.result === 'reinvestigate') && to !== 'investigating') out.push('民主评议结论为“重新调查”，须先重新入户调查')
  }
  const noticing: StepKind[] = ['noticing', 'villageNoticing', 'countyNoticing']
  if (noticing.includes(from) && to !== 'objectionHandling') {
    const b = await ctx.db.selectFrom('notice_line').innerJoin('notice_batch', 'notice_batch.id', 'notice_line.batch_id')
      .select(['notice_batch.batch_no', 'notice_batch.end_date', 'notice_batch.photos_json']).where('notice_line.case_id', '=', c.id).where('notice_batch.status', '=', 'posted')
      .where('notice_batch.start_date', '>=', cur.step_date).orderBy('notice_batch.start_date', 'desc').executeTakeFirst()
    if (!b) out.push('须先张贴公示（在“公示”页把本案加入公示批次并登记张贴）')
    else {
      if (date <= b.end_date) out.push(`公示期到 ${b.end_date} 结束，公示期满后才能进入下一环节（办法第十九条）`)
      if (!b.photos_json || JSON.parse(b.photos_json).length === 0) out.push(`公示 ${b.batch_no} 还没有上传张贴照片（每次张贴须留存照片）`)
    }
  }
  const openObjections = await ctx.db.selectFrom('objection').select(['id']).where('case_id', '=', c.id).where('status', '=', 'open').execute()
  if (openObjections.length && to !== 'objectionHandling') out.push(`本案有 ${openObjections.length} 条异议尚未办结，须先调查核实并登记处理结果`)
  if (to === 'objectionHandling') {
    const any = await ctx.db.selectFrom('objection').select('id').where('case_id', '=', c.id).where('created_at', '>=', cur.created_at).executeTakeFirst()
    if (!any) out.push('须先登记收到的异议（在“公示”页登记）')
  }
  if (to === 'hearing' || from === 'hearing') {
    if (from === 'hearing' && since('hearing', cur.seq).length === 0) out.push('须先登记听取当事人意见的记录（方式、时间、陈述或联系经过）')
  }
  // 办法 art. 18: 核对结果告知 → an objection with evidence within ⚙ check.objectionWD (5) → 复查; none → negative opinion
  if (from === 'checkObjection') { // (exits returned early above)
    const notices = since('checkNotice', cur.seq)
    const appeals = since('checkAppeal', cur.seq)
    if (notices.length === 0) out.push('须先登记核对结果告知（告知申请人核对结果及其提出异议的权利）')
    else if (to === 'investigating' && appeals.length === 0) out.push('申请人未提出异议的，不需复查；请登记申请人的异议后再转入复查')
    else if (to === 'preliminary') {
      if (appeals.length) out.push('申请人已对核对结果提出异议，须先复查（转入调查核实）')
      else {
        const wd = (await paramInForce<number>(ctx, 'check.objectionWD', date, t.code)) ?? 5
        const noticeDate = notices[notices.length - 1]!.date
        const until = addWorkdays(noticeDate, wd, await calendar(ctx)).date
        if (date <= until) out.push(`申请人可在 ${until} 前对核对结果提出异议（${wd} 个工作日），期满后才能签署初审意见`)
        if (data.opinion === 'positive') out.push('核对结果显示不符合条件且申请人未提出异议的，初审意见应为拟不同意')
      }
    }
  }
  // 办法 art. 19: every 初审意见 is posted; only a negative one may skip the 公示 where ⚙ notice.postNegativeOpinions is off
  if (v.steps.preliminary?.next.includes('noticing') && from === 'preliminary' && (to === 'submitted' || to === 'townshipDecision')) {
    const op = parse<StepDataT>(latestOf(steps, 'preliminary')?.data_json ?? null)?.opinion
    const postNegative = (await paramInForce<boolean>(ctx, 'notice.postNegativeOpinions', date, t.code)) ?? true
    if (op !== 'negative' || postNegative) out.push('初审意见须先在村（居）公示7天（办法第十九条）')
  }
  // management proposals decide the path
  if (v.id === 'management' && from !== 'received' && from !== 'investigating') {
    const prop = latestOf(steps, 'preliminary')
    const outcome = (parse<StepDataT>(prop?.data_json ?? null)?.outcome ?? null) as ProposalOutcome | null
    if (outcome && from === 'preliminary') {
      const r = proposalAllows(outcome, to, decisionEntry(v))
      if (!r.ok) out.push(r.reason)
    }
  }
  // data each signed step carries
  if (to === 'preliminary') {
    if (v.id === 'management' && !data.outcome) out.push('请选择拟调整方案（维持、增发、减发、停发、渐退或恢复）')
    if (v.id !== 'management' && !data.opinion) out.push('请选择初审意见：拟同意或拟不同意')
  }
  if (to === 'preliminary' && data.outcome === 'phaseOut') {
    const max = (await paramInForce<number>(ctx, 'phaseOut.maxMonths', date, t.code)) ?? 6
    if (data.phaseOutMonths !== undefined && data.phaseOutMonths > max) out.push(`渐退期最长 ${max} 个月（民发〔2022〕83号），不能设为 ${data.phaseOutMonths} 个月`)
  }
  // a stop cancels the 低保证/确认通知书: record its number and whether it was handed back, with the notice
  if (v.id === 'management' && to === 'notified' && currentOutcome(steps) === 'stop' && (data.certificateReturned === undefined || !data.certificateNo)) {
    out.push('停发须同时收回并注销低保证（确认通知书）：请填写证件编号并选择是否已收回')
  }
  if (to === 'notAccepted' && !data.ground) out.push('请选择不予受理的理由（只限法定情形：不属本乡镇、非共同生活成员且无委托、已有在办案件）')

  // rules: blocks stop approval; warnings need a 审核人's written clearance before an opinion or decision
  const positive = (to === 'preliminary' && (data.opinion === 'positive' || (data.outcome && ['noChange', 'increase', 'resume'].includes(data.outcome))))
  const approving = to === 'approved' && (v.id !== 'management' || ['increase', 'resume', 'noChange'].includes(currentOutcome(steps) ?? ''))
  const decisionTime = to === 'preliminary' || to === 'approved' || to === 'townshipDecision'
  if (decisionTime) {
    // signing re-evaluates the rules first; a preview evaluates them read-only so it says the same
    const open = preview ? await previewOpenFlags(ctx, c, date) : (await flagsOfCase(ctx, c.id)).filter((f) => f.status === 'open')
    const blocks = open.filter((f) => f.severity === 'block' || f.severity === 'blockUnlessExempt')
    const warns = open.filter((f) => f.severity === 'warn')
    if ((positive || approving) && blocks.length) out.push(`规则检查不通过，不能签署同意意见：${blocks.map((f) => f.title).join('；')}`)
    if (warns.length && !byCounty) out.push(`有 ${warns.length} 条提示须由审核人逐条核实并写明理由后才能签署：${warns.map((f) => f.title).join('；')}`)
  }
  return out
}

const currentOutcome = (steps: StepRow[]): ProposalOutcome | null => (parse<StepDataT>(latestOf(steps, 'preliminary')?.data_json ?? null)?.outcome ?? null) as ProposalOutcome | null

/** Signs the next step of a case: allowed transition, signer's role and separation of duties, required records, dates in order. */
export async function advanceCase(core: Core, actor: Actor, input: StepInput): Promise<CaseView> {
  const role = signerRole(actor)
  // Rule flags are evaluated (and recorded, with their audit event) before a signature that depends on them.
  if (['preliminary', 'approved', 'townshipDecision'].includes(input.to)) await evaluateCaseRules(core, actor, input.caseId, input.date)
  await withWrite(core, actor, (w) => signStep(w, actor, role, input))
  return getCase(readCtx(core, actor), input.caseId)
}

export interface StepInput { caseId: string; version?: number; to: StepKind; date: string; reason?: string | null; data?: unknown }

/**
 * Signs one step inside an open write (its audit event included). `byCounty`: a county decision arriving in a
 * signed reply package (services/replies.ts) — the rules are re-evaluated in the same transaction, a block still
 * stops it, but warnings need no township clearance: the county weighed them when it decided.
 */
export async function signStep(w: WriteCtx, actor: Actor, role: Role, input: StepInput, opts: { byCounty?: boolean } = {}): Promise<void> {
  const parsed = StepData.safeParse(input.data ?? {})
  if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? '环节内容有误')
  const data = parsed.data
  if (opts.byCounty && ['approved', 'countyNoticing'].includes(input.to)) {
    const r = await syncFlags(w, await loadCase(w.tx, input.caseId), input.date)
    await w.audit({ action: 'case.rules', entity: 'case', entityId: input.caseId, summary: `规则检查（应用县级决定前），${r.summary}` })
  }
  const c = await loadCase(w.tx, input.caseId)
  if (c.closed_at) throw new AppError('CONFLICT', `案件 ${c.case_no} 已办结，不能再办理`)
  if (input.version !== undefined && input.version !== c.version) throw new AppError('STALE', `案件 ${c.case_no} 已被其他人办理，请刷新后再操作`)
  const variant = variantOfCase(c)
  const tr = canTransition(variant, c.current_step as StepKind, input.to)
  if (!tr.ok) throw new AppError('VALIDATION', tr.reason, { to: tr.reason })
  const steps = await stepsOf(w.tx, c.id)
  const sig = checkSignature(variant, input.to, actor.operatorId, steps.map((s) => ({ kind: s.kind as StepKind, signerId: s.signer_id })), role)
  if (!sig.ok) throw new AppError('FORBIDDEN', sig.reason)
  await assertNotRecused(w, c, actor, input.date)
  const last = lastStep(steps)
  if (input.date > w.today) throw new AppError('VALIDATION', '办理日期不能晚于今天', { date: '不能晚于今天' })
  if (input.date < last.step_date) throw new AppError('VALIDATION', `办理日期不能早于上一环节（${last.step_date}）`, { date: `不能早于 ${last.step_date}` })
  const def = variant.steps[input.to]!
  const negative = (input.to === 'preliminary' && data.opinion === 'negative') || (input.to === 'preliminary' && data.outcome && ['decrease', 'stop', 'phaseOut'].includes(data.outcome))
  const needsReason = ['notAccepted', 'rejected', 'withdrawn', 'terminated', 'returned', 'checkRejected'].includes(input.to) || negative
  if (needsReason && !input.reason?.trim()) throw new AppError('VALIDATION', `“${def.label}”须写明理由${negative ? '（拟不同意、减发、停发、渐退须书面说明事实和理由）' : ''}`, { reason: '请写明理由' })
  const blockers = await blockersFor(w, c, steps, input.to, input.date, data, false, opts.byCounty)
  if (blockers.length) throw new AppError('VALIDATION', `还不能签署“${def.label}”：${blockers.join('；')}`, { to: blockers[0]! })

  let stepData: Record<string, unknown> | null = Object.keys(data).length ? { ...data } : null
  let attachmentIds: string[] = []
  if (def.requiredAttachments.length) {
    const have = await w.tx.selectFrom('attachment').select(['id']).where('household_id', '=', c.household_id).where('removed_at', 'is', null).where('doc_kind', 'in', def.requiredAttachments).execute()
    attachmentIds = have.map((a) => a.id)
  }
  // 初审意见 and decisions carry the benefit assessment they rest on (stored, never recomputed).
  const outcome = variant.id === 'management' ? (input.to === 'preliminary' ? (data.outcome ?? null) : currentOutcome(steps)) : null
  if (input.to === 'preliminary' || input.to === 'approved') {
    let a = await assessCase(w, c, input.date)
    // 办法 art. 34: the member's own share stopped (proposed with the 初审, applied again at the decision)
    const memberStop = input.to === 'preliminary' ? data.memberStop : parse<StepDataT>(latestOf(steps, 'preliminary')?.data_json ?? null)?.memberStop
    if (variant.id === 'management' && memberStop) {
      if (outcome !== 'decrease') throw new AppError('VALIDATION', '本人份额停发按“减发”办理，请选择拟调整方案为减发')
      a = await withMemberStop(w, a, memberStop, input.date)
    }
    stepData = { ...(stepData ?? {}), assessment: a }
    if (input.to === 'preliminary' && variant.id !== 'management' && data.opinion === 'positive' && !a.eligible) throw new AppError('VALIDATION', `试算结果不符合收入条件，不能签署拟同意意见：${a.reasons.join('；') || a.warnings.join('；')}`)
  }
  if (input.to === 'notAccepted' && data.ground) stepData = { ...(stepData ?? {}), groundLabel: NOT_ACCEPTED_GROUNDS[data.ground] }
  // The proposed path must fit the amounts: 增发/减发 must be what the trial says (a 减发 at the same amount is
  // refused); 维持 only without a material change (办法 art. 31) — |new B − old B| under ⚙ recheck.materialChange
  // (basis points of the current amount, DESIGN default 500 = 5 %), a larger change is an 增发 or 减发
  if (variant.id === 'management' && (input.to === 'preliminary' || input.to === 'approved') && (outcome === 'increase' || outcome === 'decrease' || outcome === 'noChange')) {
    const a = stepData!.assessment as Awaited<ReturnType<typeof assessCase>>
    const h = await w.tx.selectFrom('household').select(['benefit_fen', 'village_code']).where('id', '=', c.household_id).executeTakeFirstOrThrow()
    if (a.eligible && a.monthlyFen !== null && h.benefit_fen !== null) {
      if (outcome === 'noChange') {
        const bp = (await paramInForce<number>(w, 'recheck.materialChange', input.date, h.village_code)) ?? 500
        const diff = Math.abs(a.monthlyFen - h.benefit_fen)
        if (h.benefit_fen > 0 && diff * 10000 >= bp * h.benefit_fen) throw new AppError('VALIDATION', `按现有收入和标准试算，月保障金 ${formatYuan(a.monthlyFen)} 元，与现发 ${formatYuan(h.benefit_fen)} 元相差 ${formatYuan(diff)} 元，达到现发金额的 ${bp / 100}%，属于明显变化，应选择${a.monthlyFen > h.benefit_fen ? '增发' : '减发'}（办法第三十一条）`)
      } else {
        const wrong = outcome === 'increase' ? a.monthlyFen <= h.benefit_fen : a.monthlyFen >= h.benefit_fen
        if (wrong) throw new AppError('VALIDATION', `按现有收入和标准试算，月保障金 ${formatYuan(a.monthlyFen)} 元，${outcome === 'increase' ? '不高于' : '不低于'}现发 ${formatYuan(h.benefit_fen)} 元，不能${outcome === 'increase' ? '增发' : '减发'}；请核实收入登记，或改选“维持”`)
      }
    }
  }

  // Effects on the household file (the benefit fields are stored with the signed decision)
  let effect = ''
  if (input.to === 'approved') {
    const r = await applyDecision(w, c, steps, input.date, outcome, stepData?.assessment as Awaited<ReturnType<typeof assessCase>>, data)
    effect = r.summary
    stepData = { ...(stepData ?? {}), benefit: r.benefit }
  } else if (input.to === 'closed' && variant.id === 'management' && (outcome === 'noChange' || outcome === 'resume') && last.kind === 'preliminary') {
    const used = parse<{ assessment: Awaited<ReturnType<typeof assessCase>> }>(last.data_json)?.assessment ?? await assessCase(w, c, input.date)
    const r = await applyDecision(w, c, steps, input.date, outcome, used, parse<StepDataT>(last.data_json) ?? {})
    effect = r.summary
    stepData = { ...(stepData ?? {}), assessment: used, benefit: r.benefit }
  }
  await insertStep(w.tx, { caseId: c.id, seq: last.seq + 1, kind: input.to, date: input.date, actor, role, reason: input.reason ?? null, now: w.now, data: stepData, attachmentIds })
  await w.tx.updateTable('dibao_case').set({ current_step: input.to, closed_at: def.terminal ? w.now : null, version: c.version + 1 }).where('id', '=', c.id).execute()
  await refreshDue(w, c.id)
  const cert = data.certificateNo ? `，低保证 ${data.certificateNo} ${data.certificateReturned ? '已收回注销' : '未能收回，已登记注销'}` : ''
  const extra = cert + (data.opinion ? `，意见：${data.opinion === 'positive' ? '拟同意' : '拟不同意'}` : outcome && input.to === 'preliminary' ? `，方案：${PROPOSAL_LABELS[outcome]}` : '')
  await w.audit({ action: 'case.step', entity: 'case', entityId: c.id, householdId: c.household_id, summary: `案件 ${c.case_no}：${def.label}（${ROLE_LABELS[role]} ${actor.name} 签字，${input.date}）${extra}${input.reason ? `，理由：${input.reason}` : ''}${effect}`, before: { step: c.current_step }, after: { step: input.to, date: input.date, ...(stepData ? { data: { ...stepData, assessment: undefined } } : {}) } })
}

/** 近亲属回避 (⚙ relatives.recusal, LOCAL 海南): a staff member with a declared relative in the household signs nothing in its case. */
export async function assertNotRecused(ctx: ReadCtx, c: CaseRow, actor: Actor, date: string): Promise<void> {
  const t = await ctx.db.selectFrom('township').select('code').executeTakeFirst()
  if (!((await paramInForce<boolean>(ctx, 'relatives.recusal', date, t?.code ?? '*')) ?? true)) return
  const why = (await recusedOperators(ctx, c.household_id)).get(actor.operatorId)
  if (why) throw new AppError('FORBIDDEN', `近亲属回避：${why}（已备案），您不能办理本户的案件，请由其他工作人员办理`)
}

/** Domain calculation errors are the user's input problem here (Chinese message kept). */
function benefitCall<T>(fn: () => T): T {
  try { return fn() } catch (e) { if (e instanceof BenefitError) throw new AppError('VALIDATION', e.message); throw e }
}

/** The decision's effect on the household: status, amount, start month, re-check class and date (one benefit record). */
type DecisionBenefit = { kind: string; monthlyFen: number; previousFen: number | null; startMonth: string; phaseOutUntil: string | null; recheckClass: string | null; nextRecheckDue: string | null }
async function applyDecision(w: WriteCtx, c: CaseRow, steps: StepRow[], date: string, outcome: ProposalOutcome | null, a: Awaited<ReturnType<typeof assessCase>>, data: StepDataT): Promise<{ summary: string; benefit: DecisionBenefit }> {
  const t = await requireTownship(w)
  const h = await w.tx.selectFrom('household').selectAll().where('id', '=', c.household_id).executeTakeFirstOrThrow()
  const from = startMonth(date)
  const cls = data.recheckClass ?? parse<StepDataT>(latestOf(steps, 'preliminary')?.data_json ?? null)?.recheckClass ?? h.recheck_class ?? 'B'
  const due = await nextRecheckDue(w, cls, date, t.code)
  const kind = c.kind === 'newApplication' ? 'approve' : (outcome ?? 'noChange')
  let monthly = a.monthlyFen ?? 0
  let status = h.status
  let phaseUntil: string | null = null
  if (kind === 'approve' || kind === 'increase' || kind === 'decrease' || kind === 'resume') {
    if (!a.eligible || a.monthlyFen === null) throw new AppError('VALIDATION', `按现有收入和低保标准试算不符合条件，不能决定${kind === 'approve' ? '纳入' : '调整'}：${[...a.reasons, ...a.warnings].join('；')}`)
    status = 'active'
  } else if (kind === 'noChange') {
    monthly = h.benefit_fen ?? monthly
  } else if (kind === 'stop') {
    monthly = 0
    status = 'stopped'
  } else if (kind === 'phaseOut') {
    const max = (await paramInForce<number>(w, 'phaseOut.maxMonths', date, t.code)) ?? 6
    const sched = benefitCall(() => phaseOutSchedule({ decisionDate: date, currentMonthlyFen: h.benefit_fen ?? 0, months: data.phaseOutMonths ?? parse<StepDataT>(latestOf(steps, 'preliminary')?.data_json ?? null)?.phaseOutMonths ?? max, maxMonths: max }))
    monthly = h.benefit_fen ?? 0
    phaseUntil = sched.months[sched.months.length - 1]!.month
    status = 'phaseOut'
  }
  await applyBenefit(w, {
    household: h, caseId: c.id, kind, effectiveMonth: from, monthlyFen: monthly, assessment: a, status, phaseOutUntil: phaseUntil,
    recheckClass: kind === 'stop' ? h.recheck_class : cls, nextRecheckDue: kind === 'stop' ? null : due,
  })
  const benefit: DecisionBenefit = { kind, monthlyFen: monthly, previousFen: h.benefit_fen, startMonth: from, phaseOutUntil: phaseUntil, recheckClass: kind === 'stop' ? null : cls, nextRecheckDue: kind === 'stop' ? null : due }
  if (kind === 'stop') return { summary: `；自 ${from} 起停发`, benefit }
  if (kind === 'phaseOut') return { summary: `；渐退期 ${from} 至 ${phaseUntil}，每月 ${formatYuan(monthly)} 元`, benefit }
  return { summary: `；月保障金 ${formatYuan(monthly)} 元，自 ${from} 起发放；${cls} 类，下次复核 ${due}`, benefit }
}

/** Re-evaluates the rules for a case and records the flags (one audit event when anything changed). */
export async function evaluateCaseRules(core: Core, actor: Actor | null, caseId: string, date?: string): Promise<CaseFlagView[]> {
  return withWrite(core, actor, async (w) => {
    const c = await loadCase(w.tx, caseId)
    const r = await syncFlags(w, c, date ?? w.today)
    await w.audit({ action: 'case.rules', entity: 'case', entityId: c.id, householdId: c.household_id, summary: `案件 ${c.case_no}：规则检查，${r.summary}` })
    return r.flags
  })
}

export async function getCase(ctx: ReadCtx, id: string): Promise<CaseView> {
  const c = await loadCase(ctx.db, id)
  const variant = variantOfCase(c)
  const steps = await stepsOf(ctx.db, c.id)
  const cal = await calendar(ctx)
  const h = await ctx.db.selectFrom('household').select(['head_name', 'file_no']).where('id', '=', c.household_id).executeTakeFirstOrThrow()
  const hist = await deadlineHistory(ctx, steps)
  const cur = variant.steps[c.current_step as StepKind]
  const next: CaseNextStep[] = []
  if (!c.closed_at && cur) {
    for (const k of cur.next) {
      const def = variant.steps[k]!
      const due = dueDate(variant, k, hist, cal)
      next.push({ kind: k, label: def.label, role: def.role, roleLabel: ROLE_LABELS[def.role], due: due?.due ?? null, overdue: due ? isOverdue(due.due, ctx.today) : false, warnings: due?.warnings ?? [], blockers: await nextBlockers(ctx, c, steps, k) })
    }
  }
  const decidedStep = variant.caseLimitWD ? steps.find((s) => variant.caseLimitWD!.until.includes(s.kind as StepKind)) : undefined
  const limitDue = caseDueDate(variant, hist, cal, !!c.extended)?.due ?? null
  const whole = c.closed_at || decidedStep ? null : (limitDue ?? c.case_due)
  const ext = parse<{ reason: string; note: string; by: string; at: string }>(c.extension_json)
  const stepViews: CaseStepView[] = steps.map((s) => ({ seq: s.seq, kind: s.kind, label: variant.steps[s.kind as StepKind]?.label ?? s.kind, date: s.step_date, signer: s.signer_name, signerRole: ROLE_LABELS[s.signer_role as Role] ?? s.signer_role, reason: s.reason, data: parse<Record<string, unknown>>(s.data_json), at: s.created_at }))
  const prelim = latestOf(steps, 'preliminary')
  const pdata = parse<StepDataT>(prelim?.data_json ?? null)
  const outcome = variant.id === 'management' ? (pdata?.outcome ?? null) : null
  const decision = decisionView(variant, steps)
  return {
    id: c.id, caseNo: c.case_no, householdId: c.household_id, headName: h.head_name, fileNo: h.file_no, kind: c.kind, kindLabel: CASE_KIND_LABELS[c.kind], variantId: c.variant_id, variantLabel: variant.label,
    decisionLevel: c.decision_level, category: c.category ?? 'rural', categoryLabel: codeName(HOUSEHOLD_CATEGORIES, c.category ?? 'rural'),
    individual: c.individual_member_id ? { memberId: c.individual_member_id, basis: c.individual_basis ?? '' } : null, triggerKind: c.trigger_kind,
    currentStep: c.current_step, currentStepLabel: cur?.label ?? c.current_step, openedAt: c.opened_at, closedAt: c.closed_at, version: c.version,
    steps: stepViews, next, caseDue: whole ?? null, caseOverdue: whole ? isOverdue(whole, ctx.today) : false, extended: !!c.extended,
    decidedAt: decidedStep?.step_date ?? null, decidedInTime: decidedStep && limitDue ? decidedStep.step_date <= limitDue : null,
    extension: ext ? { ...ext, reasonLabel: EXTENSION_REASONS[ext.reason] ?? ext.reason } : null,
    records: await listRecords(ctx, c.id), flags: await flagsOfCase(ctx, c.id), meetings: await caseMeetings(ctx, c.id), notices: await caseNotices(ctx, c.id), objections: await caseObjections(ctx, c.id),
    proposal: outcome ? { outcome, label: PROPOSAL_LABELS[outcome] } : null, opinion: variant.id !== 'management' ? (pdata?.opinion ?? null) : null, decision,
    allowedRecords: allowedRecordKinds(c.current_step as StepKind, !!c.closed_at),
  }
}

/** Blockers for a next step, evaluated without the step's own data (opinion/outcome chosen in the dialog). */
async function nextBlockers(ctx: ReadCtx, c: CaseRow, steps: StepRow[], k: StepKind): Promise<string[]> {
  // the preview assumes the favourable choice (拟同意 / 维持), so it lists what would stop it; the dialog asks the rest
  const mgmt = c.variant_id === 'management'
  const assumed: StepDataT = k === 'preliminary' ? (mgmt ? { outcome: 'noChange' } : { opinion: 'positive' }) : k === 'notAccepted' ? { ground: 'openCase' } : {}
  return (await blockersFor(ctx, c, steps, k, ctx.today, assumed, true)).filter((b) => !b.startsWith('公示期到'))
}

function decisionView(v: Variant, steps: StepRow[]): DecisionView | null {
  const d = [...steps].reverse().find((s) => s.kind === 'approved' || s.kind === 'rejected' || (s.kind === 'closed' && (parse<Record<string, unknown>>(s.data_json) ?? {}).benefit))
  if (!d) return null
  const data = parse<Record<string, unknown>>(d.data_json) ?? {}
  // a refusal stores no assessment of its own: it rests on the one signed with the 初审意见
  const a = (data.assessment as DecisionView['assessment']) ?? (parse<Record<string, unknown>>(latestOf(steps, 'preliminary')?.data_json ?? null)?.assessment as DecisionView['assessment']) ?? null
  const outcome = d.kind === 'rejected' ? 'rejected' : v.id === 'management' ? (currentOutcome(steps) ?? 'noChange') : 'approve'
  const labels: Record<string, string> = { ...PROPOSAL_LABELS, approve: '确认纳入低保', rejected: v.id === 'management' ? '决定不调整' : '不予确认' }
  const benefit = (data.benefit as { monthlyFen?: number; previousFen?: number | null; startMonth?: string; phaseOutUntil?: string | null; recheckClass?: string } | undefined) ?? {}
  return {
    stepSeq: d.seq, kind: d.kind, label: v.steps[d.kind as StepKind]?.label ?? d.kind, date: d.step_date, signer: d.signer_name, outcome, outcomeLabel: labels[outcome] ?? outcome,
    amountFen: d.kind === 'rejected' ? null : (benefit.monthlyFen ?? a?.monthlyFen ?? null), previousFen: benefit.previousFen ?? null,
    startMonth: d.kind === 'rejected' ? null : (benefit.startMonth ?? startMonth(d.step_date)), phaseOutUntil: benefit.phaseOutUntil ?? null, recheckClass: benefit.recheckClass ?? null, assessment: a,
  }
}

/** Which records may be added while a case is at a step. */
export function allowedRecordKinds(step: StepKind, closed: boolean): RecordKind[] {
  if (closed) return []
  const by: Partial<Record<StepKind, RecordKind[]>> = {
    received: ['application', 'materialsNotice'], pendingMaterials: ['application', 'materialsNotice'],
    investigating: ['homeVisit', 'checkReport', 'countyVisit'], villageInvestigation: ['homeVisit'], checking: ['checkReport'],
    checkObjection: ['checkNotice', 'checkAppeal', 'homeVisit', 'checkReport'], objectionHandling: ['homeVisit', 'checkReport', 'countyVisit'], hearing: ['hearing'],
    submitted: ['countyVisit'], townshipDecision: ['countyVisit'], preliminary: ['countyVisit'], reviewMeeting: ['countyVisit'], noticing: ['countyVisit'],
  }
  return by[step] ?? []
}

/** All cases of a household, newest first. */
export async function casesOfHousehold(ctx: ReadCtx, householdId: string): Promise<CaseView[]> {
  const ids = await ctx.db.selectFrom('dibao_case').select('id').where('household_id', '=', householdId).orderBy('opened_at', 'desc').execute()
  const out: CaseView[] = []
  for (const r of ids) out.push(await getCase(ctx, r.id))
  return out
}

/**
 * 待办: open cases, earliest due first, from the stored next-due date (one indexed query, no per-case work).
 * `mine`: only cases whose next step the logged-in operator's role signs.
 */
export async function todo(ctx: ReadCtx, input: { mine?: boolean; overdueOnly?: boolean; limit?: number } = {}): Promise<TodoItem[]> {
  const role = ctx.actor?.role ?? ''
  const limit = input.limit ?? 300
  const query = (withDue: boolean, n: number) => {
    let q = ctx.db.selectFrom('dibao_case').innerJoin('household', 'household.id', 'dibao_case.household_id').innerJoin('village', 'village.code', 'household.village_code')
      .select(['dibao_case.id', 'dibao_case.case_no', 'dibao_case.kind', 'dibao_case.variant_id', 'dibao_case.decision_level', 'dibao_case.current_step', 'dibao_case.next_due', 'dibao_case.case_due', 'dibao_case.next_roles', 'dibao_case.household_id', 'household.head_name', 'household.file_no', 'household.village_code', 'village.name as village_name'])
      .where('dibao_case.closed_at', 'is', null).where('dibao_case.next_due', withDue ? 'is not' : 'is', null)
    if (input.mine) q = q.where('dibao_case.next_roles', 'like', `%${role}%`)
    if (input.overdueOnly) q = q.where('dibao_case.next_due', '<', ctx.today)
    // the partial index case_open_due (next_due where closed_at is null) gives this order without sorting
    return q.orderBy('dibao_case.next_due').limit(n).execute()
  }
  const rows = await query(true, limit)
  if (rows.length < limit && !input.overdueOnly) rows.push(...(await query(false, limit - rows.length)))
  return rows.map((r) => {
    const v = variantFor(r.variant_id as VariantId, r.decision_level)
    const roles = (r.next_roles ?? '').split(',').filter(Boolean)
    return {
      caseId: r.id, caseNo: r.case_no, householdId: r.household_id, headName: r.head_name, fileNo: r.file_no, villageCode: r.village_code, villageName: r.village_name, currentStep: r.current_step, variantId: r.variant_id, nextRoles: roles.map((x) => ROLE_LABELS[x as Role] ?? x), nextRoleIds: roles,
      kindLabel: CASE_KIND_LABELS[r.kind], currentStepLabel: v.steps[r.current_step as StepKind]?.label ?? r.current_step, due: r.next_due, caseDue: r.case_due,
      overdue: r.next_due ? isOverdue(r.next_due, ctx.today) : false, mine: roles.includes(role),
    }
  })
}

export const EXTENSION_REASONS: Record<string, string> = { objection: '公示有异议', separated: '人户分离', elsewhere: '异地申办', difficult: '调查难度较大' }

/**
 * Extends the whole-case limit to 45 WD (办法 art. 22; 83号) for one of the listed reasons, signed by the decision
 * holder: the 乡镇审核确认人 in township mode (the county's extensions arrive with the reply package).
 */
export async function extendCase(core: Core, actor: Actor, input: { caseId: string; reason: string; note: string }): Promise<CaseView> {
  if (!EXTENSION_REASONS[input.reason]) throw new AppError('VALIDATION', '延长办理期限只限：公示有异议、人户分离、异地申办、调查难度较大', { reason: '请选择延期理由' })
  if (!input.note?.trim()) throw new AppError('VALIDATION', '请写明延期的具体情况', { note: '请写明具体情况' })
  await withWrite(core, actor, async (w) => {
    const c = await loadCase(w.tx, input.caseId)
    if (c.closed_at) throw new AppError('CONFLICT', `案件 ${c.case_no} 已办结`)
    if (c.extended) throw new AppError('CONFLICT', `案件 ${c.case_no} 已延长过办理期限`)
    if (c.decision_level !== 'township') throw new AppError('FORBIDDEN', '县级审核确认的案件由县级决定延期（随回执包导入）')
    if (actor.role !== 'townshipApprover') throw new AppError('FORBIDDEN', '延长办理期限由乡镇审核确认人签字')
    if (!variantOfCase(c).caseLimitWD) throw new AppError('VALIDATION', '本程序没有全案办理期限')
    await w.tx.updateTable('dibao_case').set({ extended: 1, extension_json: JSON.stringify({ reason: input.reason, note: input.note.trim(), by: `${actor.name}（${actor.username}）`, at: w.now }), version: c.version + 1 }).where('id', '=', c.id).execute()
    await refreshDue(w, c.id)
    const after = await loadCase(w.tx, c.id)
    await w.audit({ action: 'case.extend', entity: 'case', entityId: c.id, householdId: c.household_id, summary: `案件 ${c.case_no} 延长办理期限至 ${after.case_due}（${EXTENSION_REASONS[input.reason]}：${input.note.trim()}，${actor.name} 签字）`, after: { reason: input.reason, note: input.note.trim(), caseDue: after.case_due } })
  })
  return getCase(readCtx(core, actor), input.caseId)
}

/** Opens a case's 单人保 or changes its category before the 初审 (recorded with the application). */
export async function setIndividual(w: WriteCtx, caseId: string, individual: { memberId: string; basis: string } | null): Promise<void> {
  await w.tx.updateTable('dibao_case').set({ individual_member_id: individual?.memberId ?? null, individual_basis: individual?.basis ?? null }).where('id', '=', caseId).execute()
}
