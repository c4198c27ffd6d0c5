// Villages and communities (村/社区) of the township, by 12-digit 统计用区划代码.
import { AppError } from '../api/errors'
import { withWrite, type Actor, type Core, type ReadCtx } from './context'
import { requireTownship } from './setup'
import type { VillageView } from '../api/types'
export type { VillageView } from '../api/types'

/** 统计用区划代码 village part: 居委会 usually 001–199, 村委会 200–399 (domain.md §13.3 ⚠, only a default). */
export function guessKind(code: string): 'village' | 'community' {
  const n = Number(code.slice(9))
  return n >= 200 && n < 400 ? 'village' : 'community'
}

export async function listVillages(ctx: ReadCtx, opts: { includeInactive?: boolean } = {}): Promise<VillageView[]> {
  let q = ctx.db.selectFrom('village').selectAll().orderBy('code')
  if (!opts.includeInactive) q = q.where('active', '=', 1)
  const rows = await q.execute()
  const counts = await ctx.db.selectFrom('household').select(['village_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['applying', 'active', 'suspended', 'phaseOut']).groupBy('village_code').execute()
  const byCode = new Map(counts.map((c) => [c.village_code, Number(c.n)]))
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, active: !!r.active, households: byCode.get(r.code) ?? 0 }))
}

export async function addVillage(core: Core, actor: Actor | null, input: { code: string; name: string; kind?: 'village' | 'community' }): Promise<VillageView> {
  return withWrite(core, actor, async (w) => {
    const t = await requireTownship(w)
    if (!input.code.startsWith(t.code)) {
      throw new AppError('VALIDATION', `村（社区）代码 ${input.code} 的前9位应为本乡镇代码 ${t.code}`, { code: `前9位应为本乡镇代码 ${t.code}` })
    }
    const dup = await w.tx.selectFrom('village').selectAll().where((eb) => eb.or([eb('code', '=', input.code), eb('name', '=', input.name)])).executeTakeFirst()
    if (dup) throw new AppError('CONFLICT', dup.code === input.code ? `代码 ${input.code} 已登记为“${dup.name}”` : `名称“${input.name}”已被代码 ${dup.code} 使用`)
    const row = { code: input.code, name: input.name, kind: input.kind ?? guessKind(input.code), active: 1 as const, created_at: w.now, updated_at: w.now }
    await w.tx.insertInto('village').values(row).execute()
    await w.audit({ action: 'village.create', entity: 'village', entityId: row.code, summary: `新增${row.kind === 'village' ? '村' : '社区'} ${row.name}（${row.code}）`, after: { code: row.code, name: row.name, kind: row.kind } })
    return { code: row.code, name: row.name, kind: row.kind, active: true, households: 0 }
  })
}

export async function updateVillage(core: Core, actor: Actor, input: { code: string; name?: string; kind?: 'village' | 'community'; active?: boolean }): Promise<VillageView> {
  return withWrite(core, actor, async (w) => {
    const v = await w.tx.selectFrom('village').selectAll().where('code', '=', input.code).executeTakeFirst()
    if (!v) throw new AppError('NOT_FOUND', `找不到代码为 ${input.code} 的村（社区）`)
    const next = { name: input.name ?? v.name, kind: input.kind ?? v.kind, active: (input.active ?? !!v.active) ? 1 as const : 0 as const }
    if (next.name !== v.name && await w.tx.selectFrom('village').select('code').where('name', '=', next.name).executeTakeFirst()) throw new AppError('CONFLICT', `名称“${next.name}”已被使用`)
    await w.tx.updateTable('village').set({ ...next, updated_at: w.now }).where('code', '=', v.code).execute()
    await w.audit({ action: 'village.update', entity: 'village', entityId: v.code, summary: `修改村（社区）${v.name}（${v.code}）`, before: { name: v.name, kind: v.kind, active: v.active }, after: next })
    const [view] = (await listVillages(w, { includeInactive: true })).filter((x) => x.code === v.code)
    return view!
  })
}
