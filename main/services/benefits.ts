// Benefits: 低保标准 in force, the household's assessment (试算), applying a decision to the file, and
// 提标 (a new standard recomputed for every active household in one transaction, domain.md §6.1).
import { AppError } from '../api/errors'
import type { AssessmentView, RaisePreview, RaiseResult, StandardView } from '../api/types'
import { assessHousehold } from '../domain/assess'
import { HOUSEHOLD_CATEGORIES, SUSPEND_REASONS, codeName, type SuspendReason } from '../domain/codes'
import { computeBenefit, type BenefitInput } from '../domain/benefit'
import { addDays, addMonthsClamped } from '../domain/dates'
import { formatYuan, mulDivRound } from '../domain/money'
import { closeFileIndexes } from './households'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx, type WriteCtx } from './context'
import { newId } from './ids'
import { paramInForce, paramRowInForce } from './policy'
import { requireTownship } from './setup'
import { buildFacts, ruleParams } from './rules'
import type { CaseRow } from './cases'
import type { HouseholdRow, HouseholdStatus } from '../../db/schema'

type Category = 'urban' | 'rural'
export const standardKey = (c: Category) => `standard.monthly.${c}`

/** The monthly 低保标准 (分 per person) in force on `date` for the category, with its source. */
export async function standardInForce(ctx: ReadCtx, category: Category, date: string): Promise<{ amountFen: number; source: string; effectiveFrom: string } | null> {
  const t = await ctx.db.selectFrom('township').select('code').executeTakeFirst()
  const r = await paramRowInForce(ctx, standardKey(category), date, t?.code ?? '')
  return r ? { amountFen: JSON.parse(r.value_json) as number, source: r.source_note, effectiveFrom: r.effective_from } : null
}

export async function listStandards(ctx: ReadCtx): Promise<StandardView[]> {
  const rows = await ctx.db.selectFrom('policy_param').selectAll().where('key', 'in', [standardKey('urban'), standardKey('rural')]).orderBy('effective_from', 'desc').execute()
  return rows.map((r) => {
    const category = r.key.endsWith('urban') ? 'urban' : 'rural'
    return { id: r.id, category, categoryLabel: codeName(HOUSEHOLD_CATEGORIES, category), amountFen: JSON.parse(r.value_json) as number, effectiveFrom: r.effective_from, effectiveTo: r.effective_to, areaScope: r.area_scope, sourceNote: r.source_note }
  })
}

function toView(householdId: string, date: string, category: Category, std: { amountFen: number; source: string } | null, a: ReturnType<typeof assessHousehold>, method: string, rounding: string, individualName: { memberName: string; basis: string } | null): AssessmentView {
  return {
    householdId, date, category, categoryLabel: codeName(HOUSEHOLD_CATEGORIES, category), standardFen: std?.amountFen ?? null, standardSource: std?.source ?? null,
    persons: a.beneficiaries.length, householdSize: a.householdSize, beneficiaries: a.beneficiaries.map((m) => m.name), notCounted: a.notCounted.map((n) => ({ name: n.member.name, reason: n.reason })),
    monthlyIncomeFen: a.monthlyIncomeFen, perCapitaIncomeFen: a.result?.perCapitaIncomeFen ?? null, eligible: a.result?.eligible ?? null, aboveStandard: a.result?.aboveStandard ?? null,
    monthlyFen: a.result ? a.result.monthlyFen : null, tier: a.result?.tier ?? null, steps: a.result?.steps ?? [], reasons: a.result?.reasons ?? [], warnings: a.warnings,
    incomeLines: a.incomeLines, method, rounding, individual: individualName,
  }
}

/** The assessment a case's 初审 or decision rests on (stored with the signed step). */
export async function assessCase(ctx: ReadCtx, c: CaseRow, date: string): Promise<AssessmentView> {
  return assess(ctx, c, c.household_id, date, c.individual_member_id ? { memberId: c.individual_member_id, basis: c.individual_basis ?? '' } : null)
}

/** 试算 for a household on a date (no case needed): the CLI `benefit calc` and the file page. */
export async function trialCalc(ctx: ReadCtx, input: { householdId: string; date?: string | null; individualMemberId?: string | null; memberStopMemberId?: string | null }): Promise<AssessmentView> {
  const h = await ctx.db.selectFrom('household').select(['id']).where('id', '=', input.householdId).executeTakeFirst()
  if (!h) throw new AppError('NOT_FOUND', '找不到该家庭档案')
  const open = await ctx.db.selectFrom('dibao_case').selectAll().where('household_id', '=', h.id).where('closed_at', 'is', null).executeTakeFirst()
  const ind = input.individualMemberId ? { memberId: input.individualMemberId, basis: '试算' } : open?.individual_member_id ? { memberId: open.individual_member_id, basis: open.individual_basis ?? '' } : null
  const a = await assess(ctx, open ?? null, h.id, input.date ?? ctx.today, ind)
  // the 本人份额停发 being proposed (or already proposed with the 初审): the trial shows the amount the decision will store
  return input.memberStopMemberId ? withMemberStop(ctx, a, { memberId: input.memberStopMemberId, refusals: [] }, input.date ?? ctx.today, { trial: true }) : a
}

async function assess(ctx: ReadCtx, c: CaseRow | null, householdId: string, date: string, individual: { memberId: string; basis: string } | null): Promise<AssessmentView> {
  const fake = c ?? ({ id: '', household_id: householdId, kind: 'recheck', current_step: 'received', opened_at: '0000', individual_member_id: individual?.memberId ?? null, individual_basis: individual?.basis ?? null } as unknown as CaseRow)
  const facts = await buildFacts(ctx, fake, date)
  const t = await requireTownship(ctx)
  const params = await ruleParams(ctx, date, facts.household.villageCode || t.code)
  const std = await standardInForce(ctx, facts.household.category, date)
  const members = facts.members.filter((m) => !m.leftAt)
  if (individual && !members.some((m) => m.id === individual.memberId)) throw new AppError('VALIDATION', '单人保对象不在本户')
  const a = assessHousehold({ members, incomes: facts.incomes, standardFen: std?.amountFen ?? null, individualInclusion: individual, asOf: date }, params)
  const ind = individual ? { memberName: members.find((m) => m.id === individual.memberId)!.name, basis: individual.basis } : null
  return toView(householdId, date, facts.household.category, std, a, String(params['benefit.mode'] ?? 'gap'), String(params['benefit.rounding'] ?? 'fenHalfUp'), ind)
}

/**
 * 办法 art. 34 / domain.md §4.3: a member who refused suitable jobs 3 times running has his own share stopped.
 * ⚙ memberStop.method = perCapitaShare (DESIGN default: B − B ÷ N) | recomputeWithout (S × (N − 1) − I, his income still counted).
 */
export async function withMemberStop(ctx: ReadCtx, a: AssessmentView, stop: { memberId: string; refusals: Array<{ date: string; job: string }> }, date: string, opts: { trial?: boolean } = {}): Promise<AssessmentView> {
  if (!a.eligible || a.monthlyFen === null || a.standardFen === null) throw new AppError('VALIDATION', '按现有收入和标准试算不符合条件，不适用本人份额停发，请考虑停发')
  const m = await ctx.db.selectFrom('member').select(['id', 'name', 'household_id', 'left_at', 'is_beneficiary', 'labour']).where('id', '=', stop.memberId).executeTakeFirst()
  if (!m || m.household_id !== a.householdId || m.left_at || !a.beneficiaries.includes(m.name)) throw new AppError('VALIDATION', '本人份额停发的成员须是本户现有的保障对象')
  if (m.labour === 'none') throw new AppError('VALIDATION', `${m.name}登记为无劳动能力，不适用“拒绝介绍的工作”（办法第三十四条适用于有劳动能力的成员）`)
  const dates = new Set(stop.refusals.map((r) => r.date))
  if (!opts.trial && dates.size < 3) throw new AppError('VALIDATION', '三次拒绝工作的日期不能相同')
  if ([...dates].some((d) => d > date)) throw new AppError('VALIDATION', '拒绝工作的日期不能晚于办理日期')
  const t = await requireTownship(ctx)
  const method = (await paramInForce<string>(ctx, 'memberStop.method', date, t.code)) ?? 'perCapitaShare'
  const N = a.persons
  let monthly: number
  const steps = [...a.steps]
  if (method === 'recomputeWithout') {
    if (N <= 1) throw new AppError('VALIDATION', '单人户不适用本人份额停发，请考虑停发')
    const r = computeBenefit({ standardFen: a.standardFen, members: N - 1, householdSize: N, monthlyIncomeFen: a.monthlyIncomeFen, method: 'gap' })
    monthly = r.eligible ? r.monthlyFen : 0
    steps.push({ label: `${m.name}本人份额停发（不计其保障人数，收入仍计入）：${formatYuan(a.standardFen)} × ${N - 1} − ${formatYuan(a.monthlyIncomeFen)} = ${formatYuan(monthly)} 元`, valueFen: monthly })
  } else {
    const share = mulDivRound(a.monthlyFen, 1, N)
    monthly = a.monthlyFen - share
    steps.push({ label: `${m.name}本人份额停发：${formatYuan(a.monthlyFen)} − ${formatYuan(a.monthlyFen)} ÷ ${N} = ${formatYuan(monthly)} 元`, valueFen: monthly })
  }
  const why = stop.refusals.length ? `（${stop.refusals.map((r) => `${r.date} ${r.job}`).join('；')}）` : ''
  return { ...a, monthlyFen: monthly, steps, reasons: [...a.reasons, `${m.name}连续三次无正当理由拒绝介绍的工作${why}，停发其本人份额（办法第三十四条）${opts.trial ? '——试算' : ''}`] }
}

/** Next re-check date for a class (⚙ recheck.intervalMonths), counted from the decision date. */
export async function nextRecheckDue(ctx: ReadCtx, cls: 'A' | 'B' | 'C', from: string, area: string): Promise<string> {
  const iv = (await paramInForce<Record<string, number>>(ctx, 'recheck.intervalMonths', from, area)) ?? { A: 12, B: 12, C: 6 }
  return addMonthsClamped(from, iv[cls] ?? 12)
}

/** Writes a decision's effect on the household file and its benefit history (inside the decision's transaction). */
export async function applyBenefit(w: WriteCtx, e: {
  household: HouseholdRow; caseId: string; kind: 'approve' | 'increase' | 'decrease' | 'noChange' | 'stop' | 'phaseOut' | 'resume'; effectiveMonth: string; monthlyFen: number
  assessment: AssessmentView; status: HouseholdStatus; phaseOutUntil: string | null; recheckClass: 'A' | 'B' | 'C' | null; nextRecheckDue: string | null
}): Promise<void> {
  const h = e.household
  await w.tx.insertInto('benefit_record').values({
    id: newId(), household_id: h.id, case_id: e.caseId, raise_id: null, kind: e.kind, effective_month: e.effectiveMonth, monthly_fen: e.monthlyFen, previous_fen: h.benefit_fen,
    standard_fen: e.assessment.standardFen, persons: e.assessment.persons, income_fen: e.assessment.monthlyIncomeFen, back_pay_fen: null, breakdown_json: JSON.stringify(e.assessment), created_at: w.now,
  }).execute()
  const stopped = e.status === 'stopped'
  await w.tx.updateTable('household').set({
    status: e.status, status_changed_at: e.status !== h.status ? w.now : h.status_changed_at, status_reason: stopped ? '决定停发' : h.status_reason,
    benefit_fen: stopped ? null : e.monthlyFen, benefit_from: stopped ? null : (e.kind === 'noChange' ? h.benefit_from : e.effectiveMonth), benefit_persons: stopped ? null : e.assessment.persons,
    standard_fen: e.assessment.standardFen, income_basis_fen: e.assessment.monthlyIncomeFen, phase_out_until: e.phaseOutUntil,
    recheck_class: e.recheckClass, next_recheck_due: e.nextRecheckDue, version: h.version + 1, updated_at: w.now,
  }).where('id', '=', h.id).execute()
  if (stopped) {
    await closeFileIndexes(w.tx, h, w.now)
  }
}

// ───────────────────────── 提标 ─────────────────────────

const monthRe = /^\d{4}-(0[1-9]|1[0-2])$/
const monthsBetween = (from: string, to: string) => { const [a, b] = from.split('-').map(Number) as [number, number]; const [c, d] = to.split('-').map(Number) as [number, number]; return (c * 12 + d) - (a * 12 + b) }

type RaiseInput = { category: Category; amountFen: number; effectiveMonth: string; sourceNote: string }

async function computeRaise(ctx: ReadCtx, input: RaiseInput, rowsLimit: number) {
  if (!monthRe.test(input.effectiveMonth)) throw new AppError('VALIDATION', '执行月份格式应为 YYYY-MM', { effectiveMonth: '格式应为 YYYY-MM' })
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new AppError('VALIDATION', '新标准应为大于 0 的金额', { amountFen: '请填写新标准' })
  const effDate = `${input.effectiveMonth}-01`
  const t = await requireTownship(ctx)
  const old = await standardInForce(ctx, input.category, effDate)
  if (old && old.effectiveFrom === effDate && old.amountFen === input.amountFen) throw new AppError('CONFLICT', `${input.effectiveMonth} 起已执行该标准，不需重复提标`)
  const mode = (await paramInForce<string>(ctx, 'benefit.mode', effDate, t.code)) ?? 'gap'
  const rounding = ((await paramInForce<string>(ctx, 'benefit.rounding', effDate, t.code)) ?? 'fenHalfUp') as BenefitInput['rounding']
  const floorShareBp = await paramInForce<number>(ctx, 'benefit.floorShareBp', effDate, t.code)
  const tiers = await paramInForce<BenefitInput['tiers']>(ctx, 'benefit.tiers', effDate, t.code)
  const backPay = (await paramInForce<boolean>(ctx, 'raise.backPay', effDate, t.code)) ?? true
  const supplements = (await paramInForce<unknown>(ctx, 'benefit.supplements', effDate, t.code)) !== undefined
  const lateMonths = Math.max(0, monthsBetween(input.effectiveMonth, ctx.today.slice(0, 7)))
  // plain rows through one statement (the file's rowid too, so the batch update needs no index lookup); village names from a map
  const villages = new Map((await ctx.db.selectFrom('village').select(['code', 'name']).execute()).map((v) => [v.code, v.name]))
  const hh = ctx.core.opened.raw.prepare(`select rowid as rid, id, file_no, head_name, benefit_fen, benefit_persons, income_basis_fen, member_count, village_code from household
    where status = 'active' and category = ? and benefit_fen is not null order by file_no`).all(input.category) as Array<{ rid: number; id: string; file_no: string; head_name: string; benefit_fen: number; benefit_persons: number | null; income_basis_fen: number | null; member_count: number; village_code: string }>
  const rows: RaisePreview['rows'] = []
  let before = 0, after = 0
  const changes: Array<{ rid: number; id: string; before: number; after: number; back: number; persons: number; income: number; breakdown: string }> = []
  for (const h of hh) {
    const persons = h.benefit_persons ?? h.member_count
    const income = h.income_basis_fen ?? 0
    const calc = (S: number) => computeBenefit({ standardFen: S, members: persons, householdSize: Math.max(persons, h.member_count), monthlyIncomeFen: income, method: mode === 'tiered' ? 'tiers' : 'gap', rounding, explain: false, ...(floorShareBp !== undefined ? { floorShareBp } : {}), ...(tiers ? { tiers } : {}) })
    const r = calc(input.amountFen)
    const b = h.benefit_fen ?? 0
    // 分类施保 configured: what the household receives above the base formula under the old standard (its
    // supplements) is carried over unchanged — supplements are fixed amounts, not shares of the standard
    const carried = supplements && old ? Math.max(0, b - calc(old.amountFen).monthlyFen) : 0
    const computed = r.monthlyFen + carried
    // 提标 never lowers a benefit in the batch (a lower result means the stored basis is stale: re-check instead).
    const a = Math.max(computed, b)
    const note = computed < b ? '按新标准计算低于现发金额，维持现发金额，请安排复核' : null
    const back = backPay && lateMonths > 0 ? (a - b) * lateMonths : 0
    before += b; after += a
    changes.push({ rid: h.rid, id: h.id, before: b, after: a, back, persons, income, breakdown: `{"standardFen":${input.amountFen},"persons":${persons},"incomeFen":${income},"computedFen":${r.monthlyFen},"carriedFen":${carried},"monthlyFen":${a},"method":"${mode}","rounding":"${rounding}"}` })
    if (rows.length < rowsLimit) rows.push({ householdId: h.id, fileNo: h.file_no, headName: h.head_name, villageName: villages.get(h.village_code) ?? h.village_code, persons, incomeFen: income, beforeFen: b, afterFen: a, backPayFen: back, note })
  }
  const preview: RaisePreview = {
    category: input.category, categoryLabel: codeName(HOUSEHOLD_CATEGORIES, input.category), effectiveMonth: input.effectiveMonth, oldFen: old?.amountFen ?? null, newFen: input.amountFen,
    households: hh.length, totalBeforeFen: before, totalAfterFen: after, backPayMonths: lateMonths, rows, rowsTruncated: rows.length < hh.length,
  }
  return { preview, changes, effDate, t }
}

export async function previewRaise(ctx: ReadCtx, input: RaiseInput): Promise<RaisePreview> {
  return (await computeRaise(ctx, input, 2000)).preview
}

/** 提标: records the new standard and recomputes every active household of the category in ONE transaction, one audit event per household. */
export async function applyRaise(core: Core, actor: Actor | null, input: RaiseInput & { expectHouseholds?: number }): Promise<RaiseResult> {
  if (actor && actor.role !== 'admin') throw new AppError('FORBIDDEN', '提标由管理员录入新标准后执行')
  if (!input.sourceNote?.trim()) throw new AppError('VALIDATION', '请填写新标准的文件依据（文号）', { sourceNote: '请填写文件依据' })
  const started = performance.now()
  const res = await withWrite(core, actor, async (w) => {
    const { preview, changes, effDate, t } = await computeRaise(w, input, 200)
    if (input.expectHouseholds !== undefined && input.expectHouseholds !== preview.households) throw new AppError('STALE', `预览后在保家庭数已变化（${input.expectHouseholds} → ${preview.households}），请重新预览`)
    // the new standard ends the old row the day before (policy rows are dated, never overwritten)
    const prev = await w.tx.selectFrom('policy_param').select(['id', 'effective_from']).where('key', '=', standardKey(input.category)).where('effective_to', 'is', null).where('effective_from', '<', effDate).execute()
    const dayBefore = addDays(effDate, -1)
    for (const p of prev) await w.tx.updateTable('policy_param').set({ effective_to: dayBefore }).where('id', '=', p.id).execute()
    await w.tx.insertInto('policy_param').values({ id: newId(), key: standardKey(input.category), area_scope: t.code, value_json: JSON.stringify(input.amountFen), effective_from: effDate, effective_to: null, source_note: input.sourceNote.trim(), created_at: w.now }).execute()
    const raiseId = newId()
    await w.tx.insertInto('standard_raise').values({ id: raiseId, category: input.category, effective_month: input.effectiveMonth, old_fen: preview.oldFen, new_fen: input.amountFen, households: preview.households, total_before_fen: preview.totalBeforeFen, total_after_fen: preview.totalAfterFen, source_note: input.sourceNote.trim(), created_by: actor?.name ?? '命令行', created_at: w.now }).execute()
    const label = codeName(HOUSEHOLD_CATEGORIES, input.category)
    // one prepared statement each on the transaction's own connection: 50,000 households must stay well under 2 s
    const raw = w.core.opened.raw
    const insBr = raw.prepare('insert into benefit_record (id, household_id, case_id, raise_id, kind, effective_month, monthly_fen, previous_fen, standard_fen, persons, income_fen, back_pay_fen, breakdown_json, created_at) values (?,?,null,?,\'raise\',?,?,?,?,?,?,?,?,?)')
    // updated_at is left alone: it tracks clerks' edits (list sort 最近修改); the raise is in benefit_record and the audit log
    const updH = raw.prepare('update household set benefit_fen = ?, standard_fen = ?, version = version + 1 where rowid = ?')
    const oldLabel = preview.oldFen === null ? '—' : formatYuan(preview.oldFen)
    const newLabel = formatYuan(input.amountFen)
    const head = `提标：${label}标准 ${oldLabel} → ${newLabel} 元（${input.effectiveMonth} 起），月保障金 `
    const audit = w.auditBatch()
    for (const ch of changes) {
      insBr.run(newId(), ch.id, raiseId, input.effectiveMonth, ch.after, ch.before, input.amountFen, ch.persons, ch.income, ch.back || null, ch.breakdown, w.now)
      updH.run(ch.after, input.amountFen, ch.rid)
      audit({ action: 'benefit.raise', entity: 'household', entityId: ch.id, householdId: ch.id, summary: `${head}${formatYuan(ch.before)} → ${formatYuan(ch.after)} 元${ch.back ? `，补发 ${formatYuan(ch.back)} 元` : ''}`, beforeJson: `{"benefitFen":${ch.before}}`, afterJson: `{"backPayFen":${ch.back},"benefitFen":${ch.after}}` })
    }
    await w.audit({ action: 'standard.raise', entity: 'policy', entityId: raiseId, summary: `${label}低保标准调整为 ${formatYuan(input.amountFen)} 元/人·月（${input.effectiveMonth} 起，依据：${input.sourceNote.trim()}），重算 ${preview.households} 户，月合计 ${formatYuan(preview.totalBeforeFen)} → ${formatYuan(preview.totalAfterFen)} 元` })
    return { ...preview, raiseId }
  }, { bulk: true })
  return { ...res, ms: Math.round(performance.now() - started) }
}

/** Records a 低保标准 without recomputing (first entry, or a future standard entered ahead of time). */
export async function addStandard(core: Core, actor: Actor | null, input: RaiseInput): Promise<StandardView[]> {
  if (actor && actor.role !== 'admin') throw new AppError('FORBIDDEN', '低保标准由管理员录入')
  if (!monthRe.test(input.effectiveMonth)) throw new AppError('VALIDATION', '执行月份格式应为 YYYY-MM', { effectiveMonth: '格式应为 YYYY-MM' })
  if (!input.sourceNote?.trim()) throw new AppError('VALIDATION', '请填写标准的文件依据（文号）', { sourceNote: '请填写文件依据' })
  await withWrite(core, actor, async (w) => {
    const t = await requireTownship(w)
    const active = await w.tx.selectFrom('household').select('id').where('status', '=', 'active').where('category', '=', input.category).where('benefit_fen', 'is not', null).limit(1).executeTakeFirst()
    if (active && `${input.effectiveMonth}` <= w.today.slice(0, 7)) throw new AppError('CONFLICT', '已有在保家庭按现行标准发放，调整标准请用“提标”（会重算在保家庭）')
    await w.tx.insertInto('policy_param').values({ id: newId(), key: standardKey(input.category), area_scope: t.code, value_json: JSON.stringify(input.amountFen), effective_from: `${input.effectiveMonth}-01`, effective_to: null, source_note: input.sourceNote.trim(), created_at: w.now }).execute()
    await w.audit({ action: 'standard.add', entity: 'policy', summary: `录入${codeName(HOUSEHOLD_CATEGORIES, input.category)}低保标准 ${formatYuan(input.amountFen)} 元/人·月（${input.effectiveMonth} 起，依据：${input.sourceNote.trim()}）` })
  })
  return listStandards(readCtx(core, actor))
}

// ───────────────────────── 暂停发放 ─────────────────────────

/**
 * 暂停发放 (domain.md §4.3): payment of an active household is held — the bank returned it, the family cannot be
 * reached, or a report is being checked. Signed by a 审核人 with the reason; the amount stays on the file and
 * the household stays in the registry (`suspended`). Payment restarts only through a 恢复 case (investigation,
 * decision); when the facts show the family is no longer eligible, a 停保 case instead.
 */
export async function suspendBenefit(core: Core, actor: Actor, input: { householdId: string; version?: number; reason: SuspendReason; note: string; date: string }): Promise<void> {
  if (actor.role !== 'reviewer' && actor.role !== 'townshipApprover') throw new AppError('FORBIDDEN', '暂停发放须由审核人签署')
  const reason = SUSPEND_REASONS.find((r) => r.code === input.reason)
  if (!reason) throw new AppError('VALIDATION', '请选择暂停发放的原因', { reason: '请选择原因' })
  const note = input.note?.trim() ?? ''
  if (!note) throw new AppError('VALIDATION', '请写明暂停发放的具体情况（如退回日期、联系经过）', { note: '请写明具体情况' })
  if (note.length > 500) throw new AppError('VALIDATION', '说明不超过500字', { note: '不超过500字' })
  await withWrite(core, actor, async (w) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || input.date > w.today) throw new AppError('VALIDATION', '暂停日期格式应为 YYYY-MM-DD，且不能晚于今天', { date: '请选择不晚于今天的日期' })
    const h = await w.tx.selectFrom('household').selectAll().where('id', '=', input.householdId).executeTakeFirst()
    if (!h) throw new AppError('NOT_FOUND', '找不到该家庭档案')
    if (input.version !== undefined && input.version !== h.version) throw new AppError('STALE', `档案 ${h.file_no} 已被其他人修改，请刷新后再办理`)
    if (h.status !== 'active' || h.benefit_fen === null) throw new AppError('CONFLICT', `档案 ${h.file_no} 不是正在发放的在保家庭，不能暂停发放`)
    const month = input.date.slice(0, 7)
    const why = `${reason.name}：${note}`
    await w.tx.insertInto('benefit_record').values({
      id: newId(), household_id: h.id, case_id: null, raise_id: null, kind: 'suspend', effective_month: month, monthly_fen: 0, previous_fen: h.benefit_fen,
      standard_fen: h.standard_fen, persons: h.benefit_persons, income_fen: h.income_basis_fen, back_pay_fen: null, breakdown_json: JSON.stringify({ reason: input.reason, note, date: input.date, heldFen: h.benefit_fen }), created_at: w.now,
    }).execute()
    await w.tx.updateTable('household').set({ status: 'suspended', status_reason: `暂停发放（${why}）`, status_changed_at: w.now, version: h.version + 1, updated_at: w.now }).where('id', '=', h.id).execute()
    await w.audit({ action: 'benefit.suspend', entity: 'household', entityId: h.id, householdId: h.id, summary: `档案 ${h.file_no}（户主 ${h.head_name}）自 ${month} 暂停发放月保障金 ${formatYuan(h.benefit_fen)} 元：${why}`, before: { status: h.status }, after: { status: 'suspended', reason: input.reason, note, date: input.date } })
  })
}
