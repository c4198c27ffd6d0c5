// Rule flags on a case: facts assembled from the file, policy values in force, the pure engine in
// domain/rules/, and the flags kept on the case. Flag rows are never deleted: a flag no longer produced
// becomes `resolved`; a warning is cleared only by a 审核人 with a written reason; a block cannot be cleared.
import { sm3 } from 'sm-crypto-v2'
import { AppError } from '../api/errors'
import type { CaseFlagView } from '../api/types'
import { evaluateRules, RULE_PARAM_KEYS } from '../domain/rules'
import type { RuleFacts, RuleFlag, RuleParams, RuleVisitCheck } from '../domain/rules/types'
import { dataStamp, withWrite, type Actor, type Core, type ReadCtx, type WriteCtx } from './context'
import { newId } from './ids'
import { paramInForce } from './policy'
import { requireTownship } from './setup'
import { OPEN_STATUSES } from './households'
import { listRecords } from './caseRecords'
import { standardInForce } from './benefits'
import type { CaseRow } from './cases'

const SEVERITY_LABELS: Record<string, string> = { block: '阻止', blockUnlessExempt: '阻止（可依地方规定豁免）', warn: '提示（须审核人核实）', info: '参考' }

export async function ruleParams(ctx: ReadCtx, date: string, area: string): Promise<RuleParams> {
  const out: Record<string, unknown> = {}
  for (const key of RULE_PARAM_KEYS) {
    const v = await paramInForce<unknown>(ctx, key, date, area)
    if (v !== undefined) out[key] = v
  }
  return out
}

/** Everything the rules look at, read from the household file and the case. */
export async function buildFacts(ctx: ReadCtx, c: CaseRow, asOf: string): Promise<RuleFacts> {
  const db = ctx.db
  const h = await db.selectFrom('household').selectAll().where('id', '=', c.household_id).executeTakeFirstOrThrow()
  const members = await db.selectFrom('member').selectAll().where('household_id', '=', h.id).where((eb) => eb.or([eb('left_at', 'is', null), eb('left_at', '>=', c.opened_at)])).orderBy('sort_order').execute()
  const incomes = await db.selectFrom('income').selectAll().where('household_id', '=', h.id).where('removed_at', 'is', null).execute()
  const assets = await db.selectFrom('asset').selectAll().where('household_id', '=', h.id).where('removed_at', 'is', null).execute()
  const obligors = await db.selectFrom('obligor').selectAll().where('household_id', '=', h.id).where('removed_at', 'is', null).execute()
  const steps = await db.selectFrom('case_step').select(['kind', 'step_date']).where('case_id', '=', c.id).orderBy('seq').execute()
  const current = members.filter((m) => !m.left_at)
  const ids = current.map((m) => m.id_number)
  const elsewhere = ids.length ? await db.selectFrom('member').innerJoin('household', 'household.id', 'member.household_id')
    .select(['member.name', 'member.id_number', 'household.file_no', 'household.head_name'])
    .where('member.id_number', 'in', ids).where('member.in_open_file', '=', 1).where('household.id', '!=', h.id).where('household.status', 'in', OPEN_STATUSES).execute() : []
  const relatives = ids.length ? await db.selectFrom('declared_relative').selectAll().where('removed_at', 'is', null)
    .where((eb) => eb.or([eb('relative_id_number', 'in', ids), eb('staff_id_number', 'in', ids)])).execute() : []
  const byId = new Map(current.map((m) => [m.id_number, m.name]))
  const sameAddr = await db.selectFrom('household').select(['file_no', 'head_name']).where('village_code', '=', h.village_code).where('address', '=', h.address).where('id', '!=', h.id).where('status', 'in', OPEN_STATUSES).limit(20).execute()
  const sameHukou = h.hukou_no ? await db.selectFrom('household').select(['file_no', 'head_name']).where('hukou_no', '=', h.hukou_no).where('id', '!=', h.id).where('status', 'in', OPEN_STATUSES).limit(20).execute() : []
  const shared = h.bank_account ? await db.selectFrom('household').select(['file_no', 'head_name']).where('bank_account', '=', h.bank_account).where('id', '!=', h.id).where('status', 'in', OPEN_STATUSES).execute() : []
  const atts = await db.selectFrom('attachment').select('doc_kind').distinct().where('household_id', '=', h.id).where('removed_at', 'is', null).execute()
  const records = (await listRecords(ctx, c.id)).filter((r) => !r.superseded)
  const visit = [...records].reverse().find((r) => r.kind === 'homeVisit')
  const report = [...records].reverse().find((r) => r.kind === 'checkReport')
  const objections = await db.selectFrom('objection').select(['status']).where('case_id', '=', c.id).execute()
  const std = await standardInForce(ctx, h.category, asOf)
  const nameOf = new Map(members.map((m) => [m.id, m.name]))
  // who investigated and who reviewed (回避): only needed when a member is linked to declared staff
  const participants: NonNullable<RuleFacts['participants']> = []
  if (relatives.length) {
    for (const r of records) if (r.kind === 'homeVisit') for (const p of (r.data.investigators ?? []) as Array<{ name: string }>) participants.push({ role: 'investigator', name: p.name, meetingNo: null, recused: false })
    const meetings = await db.selectFrom('review_meeting_case').innerJoin('review_meeting', 'review_meeting.id', 'review_meeting_case.meeting_id')
      .select(['review_meeting.meeting_no', 'review_meeting.attendees_json', 'review_meeting_case.recusals']).where('review_meeting_case.case_id', '=', c.id).execute()
    for (const m of meetings) for (const a of JSON.parse(m.attendees_json) as Array<{ name: string }>) participants.push({ role: 'reviewer', name: a.name, meetingNo: m.meeting_no, recused: !!m.recusals && m.recusals.includes(a.name) })
  }
  const checks = ((visit?.data.checks ?? []) as Array<{ code: RuleVisitCheck['code']; memberId: string | null; amountFen: number | null; months: number | null; note: string }>)
    .map((k) => ({ code: k.code, memberName: k.memberId ? nameOf.get(k.memberId) ?? null : null, amountFen: k.amountFen ?? null, months: k.months ?? null, note: k.note }))
  // 平均发放: the village's other households in payment (household_village_file, then the row; a village has hundreds)
  const village = h.benefit_fen !== null ? (await villagePayments(ctx, h.village_code)).filter((v) => v.id !== h.id) : []
  return {
    asOf, caseKind: c.kind, currentStep: c.current_step, steps: steps.map((s) => ({ kind: s.kind, date: s.step_date })),
    household: {
      id: h.id, fileNo: h.file_no, category: h.category, status: h.status, address: h.address, villageCode: h.village_code, bankName: h.bank_name, bankAccount: h.bank_account,
      payeeName: h.payee_name, relativeFiling: !!h.relative_filing, legacyImport: !!h.legacy_import, currentBenefitFen: h.benefit_fen, currentBenefitPersons: h.benefit_persons, hukouNo: h.hukou_no,
    },
    members: members.map((m) => ({
      id: m.id, name: m.name, idNumber: m.id_number, gender: m.gender, birthDate: m.birth_date, relation: m.relation, coResident: !!m.co_resident, notCountedReason: m.not_counted_reason,
      isBeneficiary: !!m.is_beneficiary, health: m.health, diagnosis: m.diagnosis, disabilityCert: m.disability_cert, disabilityCategory: m.disability_category, disabilityGrade: m.disability_grade,
      labour: m.labour, employment: m.employment, publicPayroll: !!m.public_payroll, deathDate: m.death_date, leftAt: m.left_at, hukouType: m.hukou_type,
    })),
    incomes: incomes.map((i) => ({ id: i.id, memberId: i.member_id, kind: i.kind as RuleFacts['incomes'][number]['kind'], subtype: i.subtype, amountFen: i.amount_fen, counted: !!i.counted, source: i.source })),
    assets: assets.map((a) => ({ id: a.id, memberId: a.member_id, kind: a.kind, description: a.description, valueFen: a.value_fen, quantity: a.quantity, sizeClass: a.size_class, exempt: !!a.exempt, exemptReason: a.exempt_reason })),
    obligors: obligors.map((o) => ({ id: o.id, name: o.name, relation: o.relation, age: o.age, monthlyIncomeFen: o.monthly_income_fen, supportPaidFen: o.support_paid_fen, waiver: !!o.waiver, waiverReason: o.waiver_reason, consent: !!o.consent })),
    otherOpenFiles: elsewhere.map((e) => ({ memberName: e.name, idNumber: e.id_number, fileNo: e.file_no, headName: e.head_name })),
    staffRelations: relatives.map((r) => {
      const self = r.staff_id_number && byId.has(r.staff_id_number)
      const idn = self ? r.staff_id_number! : r.relative_id_number
      return { memberName: byId.get(idn) ?? r.relative_name, idNumber: idn, staffName: r.staff_name, staffPost: r.staff_post, relation: self ? '本人' : r.relation }
    }),
    sharedAccounts: shared.map((s) => ({ fileNo: s.file_no, headName: s.head_name })),
    sameAddress: sameAddr.map((s) => ({ fileNo: s.file_no, headName: s.head_name })),
    sameHukouNo: sameHukou.map((s) => ({ fileNo: s.file_no, headName: s.head_name })),
    individualInclusion: c.individual_member_id ? { memberId: c.individual_member_id, basis: c.individual_basis ?? '' } : null,
    standardFen: std?.amountFen ?? null,
    attachmentKinds: atts.map((a) => a.doc_kind),
    records: {
      accepted: steps.some((s) => s.kind === 'accepted') || c.kind !== 'newApplication',
      investigation: visit ? { investigators: (visit.data.investigators as unknown[]).length, date: visit.date } : null,
      checkReport: report ? { date: report.date } : null,
      countyVisit: records.some((r) => r.kind === 'countyVisit'),
      decision: steps.some((s) => s.kind === 'approved'),
    },
    objections: { total: objections.length, open: objections.filter((o) => o.status === 'open').length },
    // no payment returns in this app yet: the investigators' finding on the 入户调查 checklist
    uncollectedMonths: checks.find((k) => k.code === 'uncollected')?.months ?? null,
    visitChecks: checks,
    participants,
    villagePayments: village.map((v) => ({ fileNo: v.file_no, benefitFen: v.benefit_fen!, persons: v.benefit_persons ?? v.member_count, incomeFen: v.income_basis_fen })),
  }
}

type VillagePayment = { id: string; file_no: string; benefit_fen: number | null; benefit_persons: number | null; member_count: number; income_basis_fen: number | null }
const villageCache = new WeakMap<Core, { stamp: string; byVillage: Map<string, VillagePayment[]> }>()

/**
 * The village's households in payment (平均发放 check). A village has hundreds of them, read row by row, so outside
 * a write transaction the list is kept per village until the database changes (dataStamp): checking the cases of
 * one village in a row reads it once.
 */
async function villagePayments(ctx: ReadCtx, villageCode: string): Promise<VillagePayment[]> {
  const read = () => ctx.db.selectFrom('household').select(['id', 'file_no', 'benefit_fen', 'benefit_persons', 'member_count', 'income_basis_fen'])
    .where('village_code', '=', villageCode).where('status', 'in', ['active', 'phaseOut']).where('benefit_fen', 'is not', null).execute()
  if ('__write' in ctx) return read()
  const stamp = dataStamp(ctx.core)
  let c = villageCache.get(ctx.core)
  if (!c || c.stamp !== stamp) { c = { stamp, byVillage: new Map() }; villageCache.set(ctx.core, c) }
  let rows = c.byVillage.get(villageCode)
  if (!rows) { rows = await read(); c.byVillage.set(villageCode, rows) }
  return rows
}

/** The flags the rules produce for a case now: facts from the file, parameters in force for its village. */
async function produceFlags(ctx: ReadCtx, c: CaseRow, asOf: string): Promise<RuleFlag[]> {
  const facts = await buildFacts(ctx, c, asOf)
  const t = await requireTownship(ctx)
  return evaluateRules(facts, await ruleParams(ctx, asOf, facts.household.villageCode || t.code))
}

const fingerprint = (f: RuleFlag) => sm3(JSON.stringify([f.ruleId, f.severity, f.evidence]))

/** Evaluates and stores the flags; returns them with a one-line Chinese summary for the audit event. */
export async function syncFlags(w: WriteCtx, c: CaseRow, asOf: string): Promise<{ flags: CaseFlagView[]; summary: string }> {
  const produced = await produceFlags(w, c, asOf)
  const existing = await w.tx.selectFrom('case_flag').selectAll().where('case_id', '=', c.id).where('status', 'in', ['open', 'cleared']).execute()
  const seen = new Set<string>()
  let added = 0, resolved = 0
  for (const f of produced) {
    const fp = fingerprint(f)
    seen.add(fp)
    if (existing.some((e) => e.fingerprint === fp)) continue
    await w.tx.insertInto('case_flag').values({
      id: newId(), case_id: c.id, rule_id: f.ruleId, fingerprint: fp, severity: f.severity, title: f.title, message: f.message, evidence_json: JSON.stringify(f.evidence),
      source: f.source, status: f.severity === 'info' ? 'cleared' : 'open', raised_at: w.now, resolved_at: null, cleared_by_id: null, cleared_by_name: f.severity === 'info' ? '（参考信息，无需处理）' : null, cleared_reason: null, cleared_at: null,
    }).execute()
    added++
  }
  for (const e of existing) {
    if (seen.has(e.fingerprint)) continue
    await w.tx.updateTable('case_flag').set({ status: 'resolved', resolved_at: w.now }).where('id', '=', e.id).execute()
    resolved++
  }
  const flags = await flagsOfCase(w, c.id)
  const open = flags.filter((f) => f.status === 'open')
  const summary = `新发现 ${added} 项，已消除 ${resolved} 项；待处理 ${open.length} 项（阻止 ${open.filter((f) => f.severity !== 'warn').length} 项）`
  return { flags, summary }
}

/** The flags a re-check would leave open, evaluated read-only (for the 下一步 preview). */
export async function previewOpenFlags(ctx: ReadCtx, c: CaseRow, asOf: string): Promise<Array<{ severity: string; title: string }>> {
  const produced = await produceFlags(ctx, c, asOf)
  const cleared = new Set((await ctx.db.selectFrom('case_flag').select('fingerprint').where('case_id', '=', c.id).where('status', '=', 'cleared').execute()).map((r) => r.fingerprint))
  return produced.filter((f) => f.severity !== 'info' && !cleared.has(fingerprint(f)))
}

export async function flagsOfCase(ctx: ReadCtx, caseId: string): Promise<CaseFlagView[]> {
  const rows = await ctx.db.selectFrom('case_flag').selectAll().where('case_id', '=', caseId).orderBy('raised_at').execute()
  const order = { open: 0, cleared: 1, resolved: 2 } as const
  return rows.map((r) => ({
    id: r.id, ruleId: r.rule_id, severity: r.severity, severityLabel: SEVERITY_LABELS[r.severity] ?? r.severity, title: r.title, message: r.message, evidence: JSON.parse(r.evidence_json) as string[],
    source: r.source, status: r.status, raisedAt: r.raised_at, clearedBy: r.cleared_by_name, clearedReason: r.cleared_reason, clearedAt: r.cleared_at,
  })).sort((a, b) => order[a.status] - order[b.status])
}

/**
 * A 审核人 clears a warning with a written reason; a blockUnlessExempt flag only with an exemption that cites
 * the local rule (the reason must name it). Blocks are never cleared: the facts must change.
 */
export async function clearFlag(core: Core, actor: Actor, input: { flagId: string; reason: string; exemptionRule?: string | null }): Promise<CaseFlagView> {
  if (actor.role !== 'reviewer') throw new AppError('FORBIDDEN', '规则提示只能由审核人核实并签署意见')
  return withWrite(core, actor, async (w) => {
    const f = await w.tx.selectFrom('case_flag').selectAll().where('id', '=', input.flagId).executeTakeFirst()
    if (!f) throw new AppError('NOT_FOUND', '找不到该提示')
    if (f.status !== 'open') throw new AppError('CONFLICT', '该提示已处理')
    if (f.severity === 'block') throw new AppError('VALIDATION', `“${f.title}”是阻止项，不能签字放行；请核实并更正档案信息后重新检查`)
    if (f.severity === 'blockUnlessExempt' && !input.exemptionRule?.trim()) throw new AppError('VALIDATION', '豁免须注明所依据的地方规定（文件名称和条款）', { exemptionRule: '请注明豁免依据' })
    const c = await w.tx.selectFrom('dibao_case').select(['case_no', 'household_id', 'closed_at']).where('id', '=', f.case_id).executeTakeFirstOrThrow()
    if (c.closed_at) throw new AppError('CONFLICT', '案件已办结')
    const reason = input.exemptionRule ? `${input.reason.trim()}（豁免依据：${input.exemptionRule.trim()}）` : input.reason.trim()
    await w.tx.updateTable('case_flag').set({ status: 'cleared', cleared_by_id: actor.operatorId, cleared_by_name: `${actor.name}（${actor.username}）`, cleared_reason: reason, cleared_at: w.now }).where('id', '=', f.id).execute()
    await w.audit({ action: 'case.flag.clear', entity: 'case', entityId: f.case_id, householdId: c.household_id, summary: `案件 ${c.case_no}：审核人 ${actor.name} 核实“${f.title}”，意见：${reason}`, after: { ruleId: f.rule_id, reason } })
    return (await flagsOfCase(w, f.case_id)).find((x) => x.id === f.id)!
  })
}
