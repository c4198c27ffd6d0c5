// Dynamic management (domain.md §10): re-check classes and due dates, the due/overdue dashboard per village,
// opening re-check cases for due households, and the death / move-out trigger.
import { AppError } from '../api/errors'
import type { RecheckDashboard } from '../api/types'
import { addDays, nextMonth } from '../domain/dates'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx, type WriteCtx } from './context'
import { paramInForce } from './policy'
import { requireTownship } from './setup'
import { insertCase } from './cases'
import { closeFileIndexes } from './households'
import { newId } from './ids'

export async function recheckDashboard(ctx: ReadCtx, input: { villageCode?: string | null; asOf?: string | null; limit?: number } = {}): Promise<RecheckDashboard> {
  const asOf = input.asOf ?? ctx.today
  const t = await requireTownship(ctx)
  const lead = (await paramInForce<number>(ctx, 'recheck.leadDays', asOf, t.code)) ?? 30
  const horizon = addDays(asOf, lead)
  let q = ctx.db.selectFrom('household').innerJoin('village', 'village.code', 'household.village_code')
    .leftJoin('dibao_case', (j) => j.onRef('dibao_case.household_id', '=', 'household.id').on('dibao_case.closed_at', 'is', null))
    .select(['household.id', 'household.file_no', 'household.head_name', 'household.village_code', 'village.name as village_name', 'household.recheck_class', 'household.next_recheck_due', 'household.benefit_fen', 'dibao_case.case_no'])
    .where('household.next_recheck_due', 'is not', null).where('household.next_recheck_due', '<=', horizon).where('household.status', 'in', ['active', 'phaseOut', 'suspended'])
  if (input.villageCode) q = q.where('household.village_code', '=', input.villageCode)
  const rows = await q.orderBy('household.next_recheck_due').orderBy('household.file_no').execute()
  const villages = new Map<string, { villageCode: string; villageName: string; due: number; overdue: number }>()
  for (const r of rows) {
    const v = villages.get(r.village_code) ?? { villageCode: r.village_code, villageName: r.village_name, due: 0, overdue: 0 }
    if (r.next_recheck_due! < asOf) v.overdue++
    else v.due++
    villages.set(r.village_code, v)
  }
  const limit = input.limit ?? 1000
  const phaseOutEnded = await phaseOutsEnded(ctx, asOf, input.villageCode ?? null)
  return {
    phaseOutEnded,
    asOf, leadDays: lead, total: rows.length, villages: [...villages.values()].sort((a, b) => b.overdue - a.overdue || a.villageCode.localeCompare(b.villageCode)),
    rows: rows.slice(0, limit).map((r) => ({ householdId: r.id, fileNo: r.file_no, headName: r.head_name, villageCode: r.village_code, villageName: r.village_name, recheckClass: r.recheck_class, nextRecheckDue: r.next_recheck_due!, overdue: r.next_recheck_due! < asOf, openCaseNo: r.case_no ?? null, benefitFen: r.benefit_fen })),
  }
}


/** Households in 渐退 whose last paid month is before the month of `asOf`: the stop decided with the 渐退 is due. */
async function phaseOutsEnded(ctx: ReadCtx, asOf: string, villageCode: string | null) {
  let q = ctx.db.selectFrom('household').innerJoin('village', 'village.code', 'household.village_code')
    .select(['household.id', 'household.file_no', 'household.head_name', 'village.name as village_name', 'household.benefit_fen', 'household.phase_out_until'])
    .where('household.status', '=', 'phaseOut').where('household.phase_out_until', '<', asOf.slice(0, 7))
  if (villageCode) q = q.where('household.village_code', '=', villageCode)
  const rows = await q.orderBy('household.phase_out_until').orderBy('household.file_no').limit(1000).execute()
  return rows.map((r) => ({ householdId: r.id, fileNo: r.file_no, headName: r.head_name, villageName: r.village_name, benefitFen: r.benefit_fen, phaseOutUntil: r.phase_out_until!, stopFrom: nextMonth(r.phase_out_until!) }))
}

/**
 * 渐退期满: carries out the stop that was decided (with its hearing and notice) together with the 渐退 (domain.md §4.3:
 * "a 终止 with deferred effect"): status 停保 from the month after the last 渐退 month, the file closed, one benefit
 * record and one audit event per household. No new decision is made here.
 */
export async function endPhaseOuts(core: Core, actor: Actor, input: { householdIds: string[] }): Promise<{ stopped: number; skipped: string[] }> {
  if (actor.role !== 'handler' && actor.role !== 'reviewer') throw new AppError('FORBIDDEN', '渐退期满停发由经办人或审核人办理')
  if (input.householdIds.length === 0) throw new AppError('VALIDATION', '请选择渐退期满的家庭')
  return withWrite(core, actor, async (w) => {
    let stopped = 0
    const skipped: string[] = []
    const month = w.today.slice(0, 7)
    for (const id of [...new Set(input.householdIds)]) {
      const h = await w.tx.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst()
      if (!h) { skipped.push(`${id}（档案不存在）`); continue }
      if (h.status !== 'phaseOut' || !h.phase_out_until || h.phase_out_until >= month) { skipped.push(`${h.file_no}（不在渐退期或渐退期未满）`); continue }
      const from = nextMonth(h.phase_out_until)
      await w.tx.insertInto('benefit_record').values({ id: newId(), household_id: h.id, case_id: null, raise_id: null, kind: 'stop', effective_month: from, monthly_fen: 0, previous_fen: h.benefit_fen, standard_fen: h.standard_fen, persons: h.benefit_persons, income_fen: h.income_basis_fen, back_pay_fen: null, breakdown_json: JSON.stringify({ reason: 'phaseOutEnded', phaseOutUntil: h.phase_out_until }), created_at: w.now }).execute()
      await w.tx.updateTable('household').set({ status: 'stopped', status_reason: `渐退期满（${h.phase_out_until}）停发`, status_changed_at: w.now, benefit_fen: null, benefit_from: null, next_recheck_due: null, version: h.version + 1, updated_at: w.now }).where('id', '=', h.id).execute()
      await closeFileIndexes(w.tx, h, w.now)
      await w.audit({ action: 'benefit.phaseOutEnd', entity: 'household', entityId: h.id, householdId: h.id, summary: `档案 ${h.file_no} 渐退期满（最后发放月 ${h.phase_out_until}），自 ${from} 起停发，档案注销`, before: { status: 'phaseOut', benefitFen: h.benefit_fen }, after: { status: 'stopped', stopFrom: from } })
      stopped++
    }
    if (stopped === 0) await w.audit({ action: 'benefit.phaseOutEnd.none', entity: 'household', summary: `渐退期满停发：未办理（${skipped.join('；')}）` })
    return { stopped, skipped }
  })
}

/** Opens 复核 cases for the chosen due households (one transaction; households with an open case are skipped and listed). */
export async function openRechecks(core: Core, actor: Actor, input: { householdIds: string[]; date: string }): Promise<{ opened: number; skipped: string[] }> {
  if (actor.role !== 'handler') throw new AppError('FORBIDDEN', '复核由经办人登记启动')
  if (input.householdIds.length === 0) throw new AppError('VALIDATION', '请选择要复核的家庭')
  return withWrite(core, actor, async (w) => {
    let opened = 0
    const skipped: string[] = []
    for (const id of [...new Set(input.householdIds)]) {
      const open = await w.tx.selectFrom('dibao_case').innerJoin('household', 'household.id', 'dibao_case.household_id').select(['dibao_case.case_no', 'household.file_no']).where('household_id', '=', id).where('closed_at', 'is', null).executeTakeFirst()
      if (open) { skipped.push(`${open.file_no}（已有在办案件 ${open.case_no}）`); continue }
      await insertCase(w, actor, 'handler', { householdId: id, kind: 'recheck', origin: 'proactive', receivedDate: input.date, note: '定期复核', triggerKind: 'due' })
      opened++
    }
    if (opened === 0) await w.audit({ action: 'recheck.none', entity: 'case', summary: `未登记复核：${skipped.join('；')}` })
    return { opened, skipped }
  })
}

/**
 * Death or move-out of a member of a household in payment (83号: re-check and finish 增发/减发/停发 within
 * 3 months of a death): opens a 变更 case in the same transaction, unless one is already open.
 */
export async function memberLeftTrigger(w: WriteCtx, householdId: string, memberName: string, deathDate: string | null, reason: string): Promise<string | null> {
  const h = await w.tx.selectFrom('household').select(['status', 'file_no']).where('id', '=', householdId).executeTakeFirstOrThrow()
  if (!['active', 'phaseOut', 'suspended'].includes(h.status)) return null
  const open = await w.tx.selectFrom('dibao_case').select('case_no').where('household_id', '=', householdId).where('closed_at', 'is', null).executeTakeFirst()
  if (open) return `（已有在办案件 ${open.case_no}，请在该案中一并核实）`
  const trigger = deathDate ? 'death' : /迁/.test(reason) ? 'moveOut' : 'reported'
  const note = deathDate ? `成员 ${memberName} 于 ${deathDate} 死亡，须在死亡之日起3个月内完成核查和调整（民发〔2022〕83号）` : `成员 ${memberName} 减少：${reason}`
  await insertCase(w, null, 'handler', { householdId, kind: 'change', origin: 'proactive', receivedDate: w.today, note, triggerKind: trigger, triggerDate: deathDate })
  return '，已自动登记变更案件'
}

export { readCtx }
