// Opening the database: pragmas, migrations recorded, a newer database refused untouched, backups.
import { describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { openDatabase, backupTo, integrityCheck, migrationNames, DbOpenError } from '../../db'
import { tempDir } from '../fixtures/core'

describe('数据库打开与迁移', () => {
  it('新库：WAL、外键、全部迁移在一个事务中执行并记录版本', async () => {
    const dir = tempDir()
    const o = await openDatabase(dir)
    expect(o.migrated).toEqual(migrationNames)
    expect(o.raw.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(o.raw.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(o.raw.pragma('synchronous', { simple: true })).toBe(2)
    expect((o.raw.prepare("select value from meta where key='app_version'").get() as { value: string }).value).toMatch(/^(dev|\d+\.\d+\.\d+)$/)
    expect(integrityCheck(o.raw)).toEqual([])
    await o.close()
    const again = await openDatabase(dir)
    expect(again.migrated).toEqual([])
    expect(again.backupFile).toBeNull()
    await again.close()
  })

  it('更新版本程序写过的库被拒绝，且文件不被改动', async () => {
    const dir = tempDir()
    const o = await openDatabase(dir)
    o.raw.prepare("insert into kysely_migration(name, timestamp) values ('9990_from_the_future', '2027-01-01T00:00:00Z')").run()
    await o.close()
    const file = path.join(dir, 'dibao.sqlite')
    const before = fs.readFileSync(file)
    const e = await openDatabase(dir).then(() => null, (x: unknown) => x)
    expect(e).toBeInstanceOf(DbOpenError)
    expect((e as DbOpenError).code).toBe('DB_NEWER')
    expect((e as Error).message).toMatch(/请升级本程序/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('备份前做完整性检查，备份是一个可打开的一致副本', async () => {
    const dir = tempDir()
    const o = await openDatabase(dir)
    o.raw.prepare("insert into meta(key, value) values ('probe', '42')").run()
    const file = await backupTo(o.raw, dir, 'test')
    await o.close()
    const copy = new BetterSqlite3(file, { readonly: true })
    expect((copy.prepare("select value from meta where key='probe'").get() as { value: string }).value).toBe('42')
    copy.close()
  })
})

describe('缓存键 dataStamp', () => {
  it('本连接提交写操作、或另一连接（如命令行）写库后，dataStamp 都会变化；回滚的写不算', async () => {
    const { openCore } = await import('../../main/services/core')
    const { dataStamp, withWrite } = await import('../../main/services/context')
    const dir = tempDir()
    const core = await openCore(dir)
    const s0 = dataStamp(core)
    expect(dataStamp(core)).toBe(s0)
    await withWrite(core, null, async (w) => { await w.audit({ action: 'test.write', entity: 'policy', summary: '测试写入' }) })
    const s1 = dataStamp(core)
    expect(s1).not.toBe(s0)
    await expect(withWrite(core, null, async () => undefined)).rejects.toThrow(/缺少审计记录/)
    expect(dataStamp(core)).toBe(s1)
    const other = new BetterSqlite3(path.join(dir, 'dibao.sqlite'))
    other.prepare("insert into meta(key, value) values ('x', 'y') on conflict(key) do update set value = excluded.value").run()
    other.close()
    expect(dataStamp(core)).not.toBe(s1)
    await core.close()
  })
})
