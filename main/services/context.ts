// The context every service function takes. A read gets a ReadCtx; a write gets a WriteCtx whose
// `tx` is the one open transaction, and whose audit() appends to the hash chain inside it.
import type { Transaction } from 'kysely'
import type { DB, OpenedDb } from '../../db'
import type { Database, OperatorRole } from '../../db/schema'
import { AppError } from '../api/errors'
import { appendAudit, auditAppender, type AuditInput } from './audit'
import { isoWithOffset, localDate } from './clock'

export interface Actor { operatorId: string; username: string; name: string; role: OperatorRole }

/** How an operator is named in a record: "张丽（jingban）"; the command line when no one is logged in. */
export const actorLabel = (actor: Actor | null): string => (actor ? `${actor.name}（${actor.username}）` : '命令行')

export interface Core {
  db: DB
  opened: OpenedDb
  dataDir: string
  clock: () => Date
  /** serialises writes: one transaction at a time, in arrival order */
  writeQueue: Promise<unknown>
  /** write transactions this connection has committed (with PRAGMA data_version for other connections: cache keys) */
  writes: number
}

export interface ReadCtx {
  core: Core
  db: DB | Transaction<Database>
  actor: Actor | null
  now: string
  today: string
}

export interface WriteCtx extends ReadCtx {
  readonly __write: true
  tx: Transaction<Database>
  audit(entry: AuditInput): Promise<void>
  /** An appender for batch writes (one event per row, same chain, same transaction); no other audit() call may interleave. */
  auditBatch(): (entry: AuditInput) => void
  audited: number
}

export function readCtx(core: Core, actor: Actor | null): ReadCtx {
  const d = core.clock()
  return { core, db: core.db, actor, now: isoWithOffset(d), today: localDate(d) }
}

/**
 * Runs fn in one transaction. fn must append at least one audit event; a write without one is
 * refused (and rolled back), so "every write is one transaction and one audit event" holds by construction.
 *
 * opts.bulk (batch writes such as 提标 of every household): SQLite's automatic WAL checkpoint would run inside
 * the commit, copying the whole batch into the database file before the clerk sees the result. For a bulk
 * write it is switched off for that commit and run straight after, still in the write queue (no other write
 * starts before it finishes) but after the caller has its result. The commit itself is durable either way:
 * the WAL is synced (synchronous=FULL) before commit returns.
 */
export async function withWrite<T>(core: Core, actor: Actor | null, fn: (ctx: WriteCtx) => Promise<T>, opts: { bulk?: boolean } = {}): Promise<T> {
  const raw = core.opened.raw
  const run = async () => {
    const d = core.clock()
    if (opts.bulk) raw.pragma('wal_autocheckpoint = 0')
    try {
      const out = await core.db.transaction().execute(async (tx) => {
        const ctx: WriteCtx = {
          __write: true, core, db: tx, tx, actor, now: isoWithOffset(d), today: localDate(d), audited: 0,
          async audit(entry) { await appendAudit(tx, actor, ctx.now, entry); ctx.audited++ },
          auditBatch() { const add = auditAppender(raw, actor, ctx.now); return (e) => { add(e); ctx.audited++ } }
        }
        const out = await fn(ctx)
        if (ctx.audited === 0) throw new AppError('INTERNAL', '程序错误：写操作缺少审计记录，已回滚')
        return out
      })
      core.writes++
      return out
    } finally {
      if (opts.bulk) raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
    }
  }
  const p = core.writeQueue.then(run, run)
  core.writeQueue = opts.bulk
    ? p.catch(() => undefined).then(() => new Promise<void>((resolve) => setImmediate(() => {
      try { if (raw.open) raw.pragma('wal_checkpoint(PASSIVE)') } catch { /* a later commit checkpoints instead */ }
      resolve()
    })))
    : p.catch(() => undefined)
  return p
}

/** SQLite's default automatic checkpoint threshold (pages of WAL). */
const WAL_AUTOCHECKPOINT_PAGES = 1000

/** A key that changes whenever the database may have changed: this connection's commits, or another's (data_version). */
export function dataStamp(core: Core): string {
  return `${core.writes}:${String(core.opened.raw.pragma('data_version', { simple: true }))}`
}
