// Opening the database: pragmas, integrity check, backup-before-migrate, bundled migrations in one
// transaction, and refusing a database written by a newer version of the app.
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteAdapter, SqliteDialect, sql } from 'kysely'
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration'
import type { Database } from './schema'

export type DB = Kysely<Database>

class TxDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean { return true }
}
class AppSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter { return new TxDdlSqliteAdapter() }
}

const modules = import.meta.glob<Migration>('./migrations/*.ts', { eager: true })
export const migrationNames: string[] = Object.keys(modules).map((p) => p.replace(/^.*\/(.+)\.ts$/, '$1')).sort()
const provider: MigrationProvider = {
  async getMigrations() {
    return Object.fromEntries(Object.entries(modules).map(([p, m]) => [p.replace(/^.*\/(.+)\.ts$/, '$1'), m]))
  }
}

export class DbOpenError extends Error {
  constructor(message: string, readonly code: 'DB_NEWER' | 'DB_CORRUPT' | 'DB_MIGRATE' | 'DB_LOCKED') { super(message) }
}

export interface OpenedDb {
  db: DB
  raw: BetterSqlite3.Database
  file: string
  migrated: string[]
  backupFile: string | null
  close(): Promise<void>
}

export const DB_FILE = 'dibao.sqlite'

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running the small
 * queries this app makes. Hand it a view of the connection whose prepare() reuses statements by SQL
 * text (bounded, least recently used). Safe: one connection, and Kysely serialises its use.
 */
function withStatementCache(raw: BetterSqlite3.Database, max = 500): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return new Proxy(raw, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (source: string) => {
          let stmt = cache.get(source)
          if (stmt) { cache.delete(source); cache.set(source, stmt); return stmt }
          stmt = target.prepare(source)
          if (cache.size >= max) cache.delete(cache.keys().next().value as string)
          cache.set(source, stmt)
          return stmt
        }
      }
      const v = Reflect.get(target, prop, target) as unknown
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
    }
  })
}

export function integrityCheck(raw: BetterSqlite3.Database, quick = false): string[] {
  const rows = raw.pragma(quick ? 'quick_check' : 'integrity_check') as Array<Record<string, string>>
  const msgs = rows.map((r) => Object.values(r)[0]!)
  return msgs.length === 1 && msgs[0] === 'ok' ? [] : msgs
}

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
}

/** Copies the live database into backups/ with SQLite's online backup (consistent under WAL). */
export async function backupTo(raw: BetterSqlite3.Database, dataDir: string, label: string): Promise<string> {
  const problems = integrityCheck(raw)
  if (problems.length) throw new DbOpenError(`数据库完整性检查未通过，已停止备份：${problems.slice(0, 3).join('；')}`, 'DB_CORRUPT')
  const dir = path.join(dataDir, 'backups')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `dibao-${stamp()}-${label}.sqlite`)
  await raw.backup(file)
  return file
}

export async function openDatabase(dataDir: string, opts: { readonly?: boolean; migrate?: boolean } = {}): Promise<OpenedDb> {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, DB_FILE)
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0
  const raw = new BetterSqlite3(file, { readonly: opts.readonly ?? false })
  try {
    raw.pragma('busy_timeout = 5000')
    if (!opts.readonly) {
      raw.pragma('journal_mode = WAL')
      raw.pragma('synchronous = FULL')
    }
    raw.pragma('foreign_keys = ON')
    raw.pragma('cache_size = -65536')
    raw.pragma('temp_store = MEMORY')
  } catch (e) {
    raw.close()
    throw new DbOpenError(`无法打开数据库 ${file}：${(e as Error).message}`, 'DB_LOCKED')
  }
  const db = new Kysely<Database>({ dialect: new AppSqliteDialect({ database: withStatementCache(raw) }) })
  const close = async () => { await db.destroy() }
  try {
    let applied: string[] = []
    const hasTable = raw.prepare("select 1 from sqlite_master where type='table' and name='kysely_migration'").get()
    if (hasTable) applied = (raw.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)
    const unknown = applied.filter((n) => !migrationNames.includes(n))
    if (unknown.length) {
      const v = hasTable ? (raw.prepare("select value from meta where key='app_version'").get() as { value: string } | undefined)?.value : undefined
      throw new DbOpenError(`数据库由更新版本的阳光低保${v ? `（${v}）` : ''}创建（含本程序不认识的结构版本 ${unknown.join('、')}），请升级本程序后再打开；为保护数据，本程序不会修改它。`, 'DB_NEWER')
    }
    const pending = migrationNames.filter((n) => !applied.includes(n))
    let backupFile: string | null = null
    if (pending.length && opts.migrate !== false) {
      if (opts.readonly) throw new DbOpenError('数据库需要升级结构，但以只读方式打开', 'DB_MIGRATE')
      if (existed && applied.length) backupFile = await backupTo(raw, dataDir, `before-${pending[0]}`)
      const migrator = new Migrator({ db, provider })
      const { error, results } = await migrator.migrateToLatest()
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName
        throw new DbOpenError(`数据库结构升级失败${failed ? `（${failed}）` : ''}，已回滚，数据未改变：${(error as Error).message}`, 'DB_MIGRATE')
      }
      await sql`insert into meta(key, value) values ('app_version', ${APP_VERSION}) on conflict(key) do update set value = excluded.value`.execute(db)
    }
    return { db, raw, file, migrated: pending, backupFile, close }
  } catch (e) {
    await close()
    throw e
  }
}

declare const __APP_VERSION__: string | undefined
/** Injected by the build (electron.vite.config.ts define); tests run unbundled and record 'dev'. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev'
