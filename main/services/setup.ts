// First run: the township and its administrator (no default passwords), then policy defaults.
import { AppError } from '../api/errors'
import type { CountySetupInputT, SetupInputT } from '../api/schemas'
import { checkCountyCode, checkTownshipCode } from '../domain/validate'
import { withWrite, type Core, type ReadCtx } from './context'
import { newId } from './ids'
import { hashPassword } from './passwords'
import { loadPolicyDefaults } from './policy'
import { ROLE_LABELS, toView, type OperatorView } from './operators'
import type { CountyOfficeView, TownshipView, SetupStatus } from '../api/types'
export type { TownshipView, SetupStatus } from '../api/types'

export async function status(ctx: ReadCtx): Promise<SetupStatus> {
  const t = await ctx.db.selectFrom('township').selectAll().executeTakeFirst()
  const c = t ? undefined : await ctx.db.selectFrom('county_office').selectAll().executeTakeFirst()
  return {
    initialized: !!(t ?? c), mode: t ? 'township' : c ? 'county' : null,
    township: t ? { code: t.code, name: t.name, countyCode: t.county_code, countyName: t.county_name } : null,
    county: c ? { code: c.code, name: c.name } : null,
  }
}

export async function requireTownship(ctx: ReadCtx): Promise<TownshipView> {
  const s = await status(ctx)
  if (s.mode === 'county') throw new AppError('VALIDATION', `本机是县级安装（${s.county!.name}民政局），没有乡镇档案；此功能只在乡镇安装中使用`)
  if (!s.township) throw new AppError('NOT_INITIALIZED', '尚未完成初始设置：请先填写乡镇信息并创建管理员')
  return s.township
}

export async function requireCounty(ctx: ReadCtx): Promise<CountyOfficeView> {
  const s = await status(ctx)
  if (s.mode === 'township') throw new AppError('VALIDATION', `本机是乡镇安装（${s.township!.name}），县级审核只在县级安装中进行（dibao init --county …）`)
  if (!s.county) throw new AppError('NOT_INITIALIZED', '尚未完成初始设置：请先填写县民政局信息并创建管理员')
  return s.county
}

/** Who this install is, for what both modes do alike (their own signing key, its registration sheet, backups). */
export interface Office { mode: 'township' | 'county'; code: string; name: string; label: string; countyCode: string; countyName: string }
export async function requireOffice(ctx: ReadCtx): Promise<Office> {
  const s = await status(ctx)
  if (s.township) return { mode: 'township', code: s.township.code, name: s.township.name, label: s.township.name, countyCode: s.township.countyCode, countyName: s.township.countyName }
  if (s.county) return { mode: 'county', code: s.county.code, name: s.county.name, label: `${s.county.name}民政局`, countyCode: s.county.code, countyName: s.county.name }
  throw new AppError('NOT_INITIALIZED', '尚未完成初始设置')
}

async function assertFresh(w: { tx: ReadCtx['db'] }): Promise<void> {
  if ((await w.tx.selectFrom('township').select('id').executeTakeFirst()) || (await w.tx.selectFrom('county_office').select('id').executeTakeFirst())) {
    throw new AppError('ALREADY_INITIALIZED', '本数据目录已经初始化过，不能重复初始化；如需新建乡镇或县级安装，请使用新的数据目录')
  }
}

const newAdmin = (input: { adminUsername: string; adminName: string; adminPassword: string }, now: string) => ({
  id: newId(), username: input.adminUsername, name: input.adminName, role: 'admin' as const, password_hash: hashPassword(input.adminPassword),
  active: 1 as const, must_change_password: 0 as const, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now
})

/** County mode (issue 6): a 县民政局 install holds the townships' registered keys and reviews their packages. */
export async function initCounty(core: Core, input: CountySetupInputT): Promise<{ county: CountyOfficeView; admin: OperatorView; keyFingerprint: string | null }> {
  const bad = checkCountyCode(input.countyCode)
  if (bad) throw new AppError('VALIDATION', bad, { countyCode: bad })
  const r = await withWrite(core, null, async (w) => {
    await assertFresh(w)
    const row = { id: newId(), code: input.countyCode, name: input.countyName, created_at: w.now }
    await w.tx.insertInto('county_office').values(row).execute()
    const admin = newAdmin(input, w.now)
    await w.tx.insertInto('operator').values(admin).execute()
    const loaded = await loadPolicyDefaults(w.tx, w.now)
    await w.audit({ action: 'county.init', entity: 'county', entityId: row.id, summary: `初始化县级安装 ${input.countyName}民政局（${input.countyCode}），管理员 ${admin.name}（${admin.username}），载入政策参数 ${loaded.params} 项、节假日 ${loaded.holidays} 天`, after: { code: row.code, name: row.name, admin: admin.username } })
    return { county: { code: row.code, name: row.name }, admin: toView(admin) }
  })
  return { ...r, keyFingerprint: await keyAtSetup(core, r.admin, input.keyPassphrase) }
}

export async function init(core: Core, input: SetupInputT): Promise<{ township: TownshipView; admin: OperatorView; keyFingerprint: string | null }> {
  const bad = checkTownshipCode(input.townshipCode)
  if (bad) throw new AppError('VALIDATION', bad, { townshipCode: bad })
  const r = await withWrite(core, null, async (w) => {
    await assertFresh(w)
    const township = { id: newId(), code: input.townshipCode, name: input.townshipName, county_code: input.townshipCode.slice(0, 6), county_name: input.countyName, phone: null, created_at: w.now, updated_at: w.now }
    await w.tx.insertInto('township').values(township).execute()
    const admin = newAdmin(input, w.now)
    await w.tx.insertInto('operator').values(admin).execute()
    const loaded = await loadPolicyDefaults(w.tx, w.now)
    await w.audit({ action: 'township.init', entity: 'township', entityId: township.id, summary: `初始化乡镇 ${input.countyName}${input.townshipName}（${input.townshipCode}），管理员 ${admin.name}（${admin.username}，${ROLE_LABELS.admin}），载入政策参数 ${loaded.params} 项、节假日 ${loaded.holidays} 天`, after: { code: township.code, name: township.name, countyName: township.county_name, admin: admin.username } })
    return { township: { code: township.code, name: township.name, countyCode: township.county_code, countyName: township.county_name }, admin: toView(admin) }
  })
  return { ...r, keyFingerprint: await keyAtSetup(core, r.admin, input.keyPassphrase) }
}

/** The signing key made at setup when a passphrase was given (its own write and audit event, by the new administrator). */
async function keyAtSetup(core: Core, admin: OperatorView, passphrase: string | null | undefined): Promise<string | null> {
  if (!passphrase) return null
  const { initKeys } = await import('./exchangeKeys')
  const k = await initKeys(core, { operatorId: admin.id, username: admin.username, name: admin.name, role: 'admin' }, { passphrase })
  return k.own!.fingerprint
}
