// Dynamic management (domain.md §10): re-check classes and due dates, the due/overdue dashboard per village,
// opening re-check cases for due households, and the death / move-out trigger.
import { AppError } from '../api/errors'
import type { RecheckDashboard } from '../api/types'
import { addDays } from '../domain/dates'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx, type WriteCtx } from './context'
import { paramInForce } from './policy'
import { requireTownship } from './setup'
import { insertCase } from './cases'

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
  return {
    asOf, leadDays: lead, total: rows.length, villages: [...villages.values()].sort((a, b) => b.overdue - a.overdue || a.villageCode.localeCompare(b.villageCode)),
    rows: rows.slice(0, limit).map((r) => ({ householdId: r.id, fileNo: r.file_no, headName: r.head_name, villageCode: r.village_code, villageName: r.village_name, recheckClass: r.recheck_class, nextRecheckDue: r.next_recheck_due!, overdue: r.next_recheck_due! < asOf, openCaseNo: r.case_no ?? null, benefitFen: r.benefit_fen })),
  }
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
  await insertCase(w, null, 'handler', { householdId, kind: 'change', origin: 'proactive', receivedDate: w.today, note, triggerKind: trigger })
  return '，已自动登记变更案件'
}

export { readCtx }
