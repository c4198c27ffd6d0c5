// The hash-chained, append-only audit log (design.md §4). Each row's hash is SM3 over the canonical
// JSON of the row (without the hash) — prev_hash included — so editing, inserting or removing any
// row breaks the chain from that row on. UPDATE and DELETE are refused by triggers.
import { sm3 } from 'sm-crypto-v2'
import type { Kysely, Transaction } from 'kysely'
import type { AuditRow, Database } from '../../db/schema'
import { newId } from './ids'
import type { Actor, ReadCtx } from './context'
import type { ChainReport, TimelineEntry } from '../api/types'
export type { ChainReport, TimelineEntry } from '../api/types'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditInput {
  action: string                 // e.g. household.create
  entity: string                 // household | member | income | asset | obligor | attachment | operator | village | township | policy
  entityId?: string | null
  householdId?: string | null
  summary: string                // Chinese one-liner: 新建家庭档案 410721101000012（户主 张三，3人）
  before?: unknown
  after?: unknown
}

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null)
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
}

type HashFields = Omit<AuditRow, 'hash'>
export function hashAuditRow(r: HashFields): string {
  return sm3(canonicalJson({
    seq: r.seq, id: r.id, at: r.at, operator_id: r.operator_id, operator_name: r.operator_name, action: r.action,
    entity: r.entity, entity_id: r.entity_id, household_id: r.household_id, summary: r.summary,
    before_json: r.before_json, after_json: r.after_json, prev_hash: r.prev_hash
  }))
}

export async function appendAudit(tx: Transaction<Database>, actor: Actor | null, now: string, e: AuditInput): Promise<void> {
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
  const row: HashFields = {
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    at: now,
    operator_id: actor?.operatorId ?? null,
    operator_name: actor ? `${actor.name}（${actor.username}）` : null,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId ?? null,
    household_id: e.householdId ?? null,
    summary: e.summary,
    before_json: e.before === undefined ? null : canonicalJson(e.before),
    after_json: e.after === undefined ? null : canonicalJson(e.after),
    prev_hash: last?.hash ?? GENESIS_HASH
  }
  await tx.insertInto('audit_log').values({ ...row, hash: hashAuditRow(row) }).execute()
}

/** Walks the whole chain in pages; stops at the first broken entry. */
export async function verifyChain(db: Kysely<Database>): Promise<ChainReport> {
  let prev = GENESIS_HASH
  let expectSeq = 1
  let count = 0
  const page = 2000
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectSeq).orderBy('seq').limit(page).execute()
    for (const r of rows) {
      const fail = (reason: string): ChainReport => ({ ok: false, entries: count, lastHash: prev, broken: { seq: r.seq, id: r.id, at: r.at, action: r.action, reason } })
      if (r.seq !== expectSeq) return { ok: false, entries: count, lastHash: prev, broken: { seq: expectSeq, id: '', at: '', action: '', reason: `缺少第 ${expectSeq} 条记录（被删除或插入）` } }
      if (r.prev_hash !== prev) return fail('与前一条记录的哈希不衔接（前序记录被改动、删除或插入）')
      if (hashAuditRow(r) !== r.hash) return fail('记录内容与其哈希不符（记录被改动）')
      prev = r.hash
      expectSeq++
      count++
    }
    if (rows.length < page) break
  }
  return { ok: true, entries: count, lastHash: prev }
}

/** Field-level differences between before and after (flat objects; arrays compared whole). */
export function diffObjects(before: unknown, after: unknown): Array<{ field: string; before: unknown; after: unknown }> {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
  return keys.filter((k) => canonicalJson(b[k]) !== canonicalJson(a[k])).map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }))
}

/** For an addition (no before): a before with every scalar field empty, so the timeline lists what was entered. Nested lists (a new household's members) stay in the summary line. */
function addedFields(after: unknown): Record<string, unknown> {
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>
  // unset flags and empty text are left out (same before and after), so only what was entered shows
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, (v !== null && typeof v === 'object') || v === false || v === '' ? v : null]))
}

export async function householdTimeline(ctx: ReadCtx, householdId: string): Promise<TimelineEntry[]> {
  const rows = await ctx.db.selectFrom('audit_log').selectAll().where('household_id', '=', householdId).orderBy('seq', 'desc').limit(500).execute()
  return rows.map((r) => ({
    seq: r.seq, at: r.at, operator: r.operator_name, action: r.action, entity: r.entity, entityId: r.entity_id, summary: r.summary,
    changes: r.after_json ? diffObjects(r.before_json ? JSON.parse(r.before_json) : addedFields(JSON.parse(r.after_json)), JSON.parse(r.after_json)) : []
  }))
}
