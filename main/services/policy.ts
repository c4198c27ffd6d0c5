// Policy is data (design.md §1.4): parameters with effective dates, and the holiday calendar.
import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { buildCalendar, type Calendar, type HolidayRow } from '../domain/workdays'
import type { ReadCtx } from './context'
import { newId } from './ids'
import { readResourceJson } from './resources'

interface DefaultParam { key: string; areaScope: string; value: unknown; effectiveFrom: string; effectiveTo?: string; sourceNote: string }
interface DefaultHoliday extends HolidayRow { source: string }

/** Loads resources/policy defaults into a new database (inside the init transaction). */
export async function loadPolicyDefaults(tx: Transaction<Database>, now: string): Promise<{ params: number; holidays: number }> {
  const params = readResourceJson<DefaultParam[]>('policy', 'params.json')
  const holidays = readResourceJson<DefaultHoliday[]>('policy', 'holidays.json')
  for (const p of params) {
    await tx.insertInto('policy_param').values({
      id: newId(), key: p.key, area_scope: p.areaScope, value_json: JSON.stringify(p.value), effective_from: p.effectiveFrom,
      effective_to: p.effectiveTo ?? null, source_note: p.sourceNote, created_at: now
    }).execute()
  }
  for (let i = 0; i < holidays.length; i += 200) {
    await tx.insertInto('holiday').values(holidays.slice(i, i + 200).map((h) => ({ date: h.date, kind: h.kind, name: h.name, source: h.source }))).execute()
  }
  return { params: params.length, holidays: holidays.length }
}

/** The parameter in force on date D for area A: the most specific area scope, then the latest effective_from ≤ D. */
export async function paramInForce<T>(ctx: ReadCtx, key: string, date: string, area = '*'): Promise<T | undefined> {
  const rows = await ctx.db.selectFrom('policy_param').selectAll().where('key', '=', key).where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)])).execute()
  const applicable = rows.filter((r) => r.area_scope === '*' || area.startsWith(r.area_scope))
  applicable.sort((a, b) => (b.area_scope === '*' ? 0 : b.area_scope.length) - (a.area_scope === '*' ? 0 : a.area_scope.length) || b.effective_from.localeCompare(a.effective_from))
  return applicable[0] ? (JSON.parse(applicable[0].value_json) as T) : undefined
}

export async function listParams(ctx: ReadCtx) {
  const rows = await ctx.db.selectFrom('policy_param').selectAll().orderBy('key').orderBy('effective_from').execute()
  return rows.map((r) => ({ id: r.id, key: r.key, areaScope: r.area_scope, value: JSON.parse(r.value_json) as unknown, effectiveFrom: r.effective_from, effectiveTo: r.effective_to, sourceNote: r.source_note }))
}

export async function calendar(ctx: ReadCtx): Promise<Calendar> {
  const rows = await ctx.db.selectFrom('holiday').selectAll().execute()
  return buildCalendar(rows)
}

export async function listHolidays(ctx: ReadCtx, year?: number) {
  let q = ctx.db.selectFrom('holiday').selectAll().orderBy('date')
  if (year) q = q.where('date', 'like', `${year}-%`)
  return q.execute()
}
