// The context every service function takes. A read gets a ReadCtx; a write gets a WriteCtx whose
// `tx` is the one open transaction, and whose audit() appends to the hash chain inside it.
import type { Transaction } from 'kysely'
import type { DB, OpenedDb } from '../../db'
import type { Database, OperatorRole } from '../../db/schema'
import { AppError } from '../api/errors'
import { appendAudit, auditAppender, type AuditInput } from './audit'
import { isoWithOffset, localDate } from './clock'

export interface Actor { operatorId: string; username: string; name: string; role: OperatorRole }

export interface Core {
  db: DB
  opened: OpenedDb
  dataDir: string
  clock: () => Date
  /** serialises writes: one transaction at a time, in arrival order */
  writeQueue: Promise<unknown>
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
 */
export async function withWrite<T>(core: Core, actor: Actor | null, fn: (ctx: WriteCtx) => Promise<T>): Promise<T> {
  const run = async () => {
    const d = core.clock()
    return core.db.transaction().execute(async (tx) => {
      const ctx: WriteCtx = {
        __write: true, core, db: tx, tx, actor, now: isoWithOffset(d), today: localDate(d), audited: 0,
        async audit(entry) { await appendAudit(tx, actor, ctx.now, entry); ctx.audited++ },
        auditBatch() { const add = auditAppender(core.opened.raw, actor, ctx.now); return (e) => { add(e); ctx.audited++ } }
      }
      const out = await fn(ctx)
      if (ctx.audited === 0) throw new AppError('INTERNAL', '程序错误：写操作缺少审计记录，已回滚')
      return out
    })
  }
  const p = core.writeQueue.then(run, run)
  core.writeQueue = p.catch(() => undefined)
  return p
}
