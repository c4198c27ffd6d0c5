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
  /** before/after already as JSON (batch writes: flat objects written with sorted keys); stored and hashed as given */
  beforeJson?: string
  afterJson?: string
}

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null)
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
}

type HashFields = Omit<AuditRow, 'hash'>
const J = JSON.stringify
/**
 * SM3 over the canonical JSON of the row without its hash. Written out field by field in sorted key order —
 * byte-for-byte what canonicalJson() produces for this flat row (a unit test holds them equal) — because
 * batch writes (提标) hash tens of thousands of rows in one transaction.
 */
const utf8 = new TextEncoder()
// one growing scratch buffer for the UTF-8 bytes (hashing is synchronous, so it is never shared)
let scratch = new Uint8Array(4096)
export function hashAuditRow(r: HashFields): string {
  // bytes in: sm-crypto-v2's own string→UTF-8 step costs as much as the hash itself
  const json = auditRowJson(r)
  if (json.length * 3 > scratch.length) scratch = new Uint8Array(json.length * 3)
  const { written } = utf8.encodeInto(json, scratch)
  return sm3(scratch.subarray(0, written))
}
export function auditRowJson(r: HashFields): string {
  return `{"action":${J(r.action)},"after_json":${J(r.after_json)},"at":${J(r.at)},"before_json":${J(r.before_json)},"entity":${J(r.entity)},"entity_id":${J(r.entity_id)},"household_id":${J(r.household_id)},"id":${J(r.id)},"operator_id":${J(r.operator_id)},"operator_name":${J(r.operator_name)},"prev_hash":${J(r.prev_hash)},"seq":${J(r.seq)},"summary":${J(r.summary)}}`
}

/** The next chain row for an event: canonical before/after JSON, prev hash, and its own hash. */
function chainRow(seq: number, prevHash: string, actor: Actor | null, now: string, e: AuditInput): AuditRow {
  const row: HashFields = {
    seq, id: newId(), at: now, operator_id: actor?.operatorId ?? null, operator_name: actor ? `${actor.name}（${actor.username}）` : null,
    action: e.action, entity: e.entity, entity_id: e.entityId ?? null, household_id: e.householdId ?? null, summary: e.summary,
    before_json: e.beforeJson ?? (e.before === undefined ? null : canonicalJson(e.before)), after_json: e.afterJson ?? (e.after === undefined ? null : canonicalJson(e.after)), prev_hash: prevHash
  }
  return { ...row, hash: hashAuditRow(row) }
}

export async function appendAudit(tx: Transaction<Database>, actor: Actor | null, now: string, e: AuditInput): Promise<void> {
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
  await tx.insertInto('audit_log').values(chainRow((last?.seq ?? 0) + 1, last?.hash ?? GENESIS_HASH, actor, now, e)).execute()
}

/**
 * Appends events in chain order through one prepared statement on the raw connection (the same connection and
 * transaction Kysely uses), for batch writes such as 提标 of every household. Events are hashed and written
 * as they are added, so a batch of 50,000 never sits in memory.
 */
export function auditAppender(raw: import('better-sqlite3').Database, actor: Actor | null, now: string): (e: AuditInput) => void {
  const last = raw.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as { seq: number; hash: string } | undefined
  let seq = last?.seq ?? 0
  let prev = last?.hash ?? GENESIS_HASH
  const ins = raw.prepare('insert into audit_log (seq, id, at, operator_id, operator_name, action, entity, entity_id, household_id, summary, before_json, after_json, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)')
  return (e) => {
    const r = chainRow(++seq, prev, actor, now, e)
    ins.run(r.seq, r.id, r.at, r.operator_id, r.operator_name, r.action, r.entity, r.entity_id, r.household_id, r.summary, r.before_json, r.after_json, r.prev_hash, r.hash)
    prev = r.hash
  }
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
