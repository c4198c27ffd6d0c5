// First run: the township and its administrator (no default passwords), then policy defaults.
import { AppError } from '../api/errors'
import type { SetupInputT } from '../api/schemas'
import { checkTownshipCode } from '../domain/validate'
import { withWrite, type Core, type ReadCtx } from './context'
import { newId } from './ids'
import { hashPassword } from './passwords'
import { loadPolicyDefaults } from './policy'
import { ROLE_LABELS, toView, type OperatorView } from './operators'
import type { TownshipView, SetupStatus } from '../api/types'
export type { TownshipView, SetupStatus } from '../api/types'

export async function status(ctx: ReadCtx): Promise<SetupStatus> {
  const t = await ctx.db.selectFrom('township').selectAll().executeTakeFirst()
  return { initialized: !!t, township: t ? { code: t.code, name: t.name, countyCode: t.county_code, countyName: t.county_name } : null }
}

export async function requireTownship(ctx: ReadCtx): Promise<TownshipView> {
  const s = await status(ctx)
  if (!s.township) throw new AppError('NOT_INITIALIZED', '尚未完成初始设置：请先填写乡镇信息并创建管理员')
  return s.township
}

export async function init(core: Core, input: SetupInputT): Promise<{ township: TownshipView; admin: OperatorView }> {
  const bad = checkTownshipCode(input.townshipCode)
  if (bad) throw new AppError('VALIDATION', bad, { townshipCode: bad })
  return withWrite(core, null, async (w) => {
    if (await w.tx.selectFrom('township').select('id').executeTakeFirst()) {
      throw new AppError('ALREADY_INITIALIZED', '本数据目录已经初始化过，不能重复初始化；如需新建乡镇，请使用新的数据目录')
    }
    const township = { id: newId(), code: input.townshipCode, name: input.townshipName, county_code: input.townshipCode.slice(0, 6), county_name: input.countyName, phone: null, created_at: w.now, updated_at: w.now }
    await w.tx.insertInto('township').values(township).execute()
    const admin = {
      id: newId(), username: input.adminUsername, name: input.adminName, role: 'admin' as const, password_hash: hashPassword(input.adminPassword),
      active: 1 as const, must_change_password: 0 as const, failed_logins: 0, locked_until: null, last_login_at: null, created_at: w.now, updated_at: w.now
    }
    await w.tx.insertInto('operator').values(admin).execute()
    const loaded = await loadPolicyDefaults(w.tx, w.now)
    await w.audit({ action: 'township.init', entity: 'township', entityId: township.id, summary: `初始化乡镇 ${input.countyName}${input.townshipName}（${input.townshipCode}），管理员 ${admin.name}（${admin.username}，${ROLE_LABELS.admin}），载入政策参数 ${loaded.params} 项、节假日 ${loaded.holidays} 天`, after: { code: township.code, name: township.name, countyName: township.county_name, admin: admin.username } })
    return { township: { code: township.code, name: township.name, countyCode: township.county_code, countyName: township.county_name }, admin: toView(admin) }
  })
}
