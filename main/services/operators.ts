// Operators (经办人 / 审核人 / 管理员 / 只读): login, passwords, administration.
import { AppError } from '../api/errors'
import type { OperatorRole, OperatorRow } from '../../db/schema'
import { PasswordSchema } from '../api/schemas'
import { withWrite, readCtx, type Actor, type Core, type ReadCtx } from './context'
import { newId } from './ids'
import { hashPassword, verifyPassword } from './passwords'
import { isoWithOffset } from './clock'
import type { OperatorView } from '../api/types'
export type { OperatorView } from '../api/types'

export const ROLE_LABELS: Record<OperatorRole, string> = { handler: '经办人', reviewer: '审核人', townshipApprover: '乡镇审核确认人', admin: '管理员', readonly: '只读' }
const MAX_FAILS = 5
const LOCK_MINUTES = 15

export function toView(o: OperatorRow): OperatorView {
  return { id: o.id, username: o.username, name: o.name, role: o.role, roleLabel: ROLE_LABELS[o.role], active: !!o.active, mustChangePassword: !!o.must_change_password, lastLoginAt: o.last_login_at }
}
export const toActor = (o: OperatorRow): Actor => ({ operatorId: o.id, username: o.username, name: o.name, role: o.role })

export async function login(core: Core, username: string, password: string): Promise<{ actor: Actor; operator: OperatorView }> {
  const ctx = readCtx(core, null)
  const op = await ctx.db.selectFrom('operator').selectAll().where('username', '=', username.trim()).executeTakeFirst()
  if (!op || !op.active) {
    // same message for unknown and wrong password; a disabled account says so after the password matches
    if (op && verifyPassword(password, op.password_hash)) throw new AppError('FORBIDDEN', '该账号已停用，请联系管理员')
    throw new AppError('BAD_CREDENTIALS', '登录名或密码不正确')
  }
  if (op.locked_until && new Date(op.locked_until).getTime() > core.clock().getTime()) {
    throw new AppError('LOCKED', `密码连续输错${MAX_FAILS}次，账号已锁定至 ${op.locked_until.slice(11, 16)}，请稍后再试或联系管理员`)
  }
  const ok = verifyPassword(password, op.password_hash)
  return withWrite(core, ok ? toActor(op) : null, async (w) => {
    if (!ok) {
      const fails = op.failed_logins + 1
      const lock = fails >= MAX_FAILS ? new Date(core.clock().getTime() + LOCK_MINUTES * 60_000) : null
      await w.tx.updateTable('operator').set({ failed_logins: lock ? 0 : fails, locked_until: lock ? isoWithOffset(lock) : null }).where('id', '=', op.id).execute()
      await w.audit({ action: 'operator.loginFailed', entity: 'operator', entityId: op.id, summary: `登录失败：${op.name}（${op.username}）密码错误${lock ? '，账号锁定15分钟' : ''}` })
      return 'fail' as const
    }
    await w.tx.updateTable('operator').set({ failed_logins: 0, locked_until: null, last_login_at: w.now }).where('id', '=', op.id).execute()
    await w.audit({ action: 'operator.login', entity: 'operator', entityId: op.id, summary: `${op.name}（${op.username}）登录` })
    return 'ok' as const
  }).then((r) => {
    if (r === 'fail') throw new AppError('BAD_CREDENTIALS', '登录名或密码不正确')
    return { actor: toActor(op), operator: toView({ ...op, last_login_at: ctx.now }) }
  })
}

export async function logout(core: Core, actor: Actor): Promise<void> {
  await withWrite(core, actor, (w) => w.audit({ action: 'operator.logout', entity: 'operator', entityId: actor.operatorId, summary: `${actor.name}（${actor.username}）退出登录` }))
}

export async function me(ctx: ReadCtx): Promise<OperatorView | null> {
  if (!ctx.actor) return null
  const op = await ctx.db.selectFrom('operator').selectAll().where('id', '=', ctx.actor.operatorId).executeTakeFirst()
  return op ? toView(op) : null
}

export async function changePassword(core: Core, actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
  const op = await core.db.selectFrom('operator').selectAll().where('id', '=', actor.operatorId).executeTakeFirstOrThrow()
  if (!verifyPassword(oldPassword, op.password_hash)) throw new AppError('VALIDATION', '原密码不正确', { oldPassword: '原密码不正确' })
  if (oldPassword === newPassword) throw new AppError('VALIDATION', '新密码不能与原密码相同', { newPassword: '新密码不能与原密码相同' })
  await withWrite(core, actor, async (w) => {
    await w.tx.updateTable('operator').set({ password_hash: hashPassword(newPassword), must_change_password: 0, updated_at: w.now }).where('id', '=', op.id).execute()
    await w.audit({ action: 'operator.changePassword', entity: 'operator', entityId: op.id, summary: `${op.name}（${op.username}）修改了自己的密码` })
  })
}

export async function listOperators(ctx: ReadCtx): Promise<OperatorView[]> {
  const rows = await ctx.db.selectFrom('operator').selectAll().orderBy('created_at').execute()
  return rows.map(toView)
}

export async function createOperator(core: Core, actor: Actor, input: { username: string; name: string; role: OperatorRole; password: string }): Promise<OperatorView> {
  PasswordSchema.parse(input.password)
  return withWrite(core, actor, async (w) => {
    const exists = await w.tx.selectFrom('operator').select('id').where('username', '=', input.username).executeTakeFirst()
    if (exists) throw new AppError('CONFLICT', `登录名 ${input.username} 已被使用，请换一个`, { username: '登录名已被使用' })
    const row: OperatorRow = {
      id: newId(), username: input.username, name: input.name, role: input.role, password_hash: hashPassword(input.password), active: 1,
      must_change_password: 1, failed_logins: 0, locked_until: null, last_login_at: null, created_at: w.now, updated_at: w.now
    }
    await w.tx.insertInto('operator').values(row).execute()
    await w.audit({ action: 'operator.create', entity: 'operator', entityId: row.id, summary: `新增操作员 ${row.name}（${row.username}，${ROLE_LABELS[row.role]}）`, after: { username: row.username, name: row.name, role: row.role } })
    return toView(row)
  })
}

export async function updateOperator(core: Core, actor: Actor, input: { id: string; name?: string; role?: OperatorRole; active?: boolean }): Promise<OperatorView> {
  return withWrite(core, actor, async (w) => {
    const op = await w.tx.selectFrom('operator').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!op) throw new AppError('NOT_FOUND', '找不到该操作员')
    const next = { name: input.name ?? op.name, role: input.role ?? op.role, active: (input.active ?? !!op.active) ? 1 : 0 } as const
    if (op.id === actor.operatorId && (next.role !== 'admin' || !next.active)) throw new AppError('VALIDATION', '不能停用自己或取消自己的管理员角色')
    if (op.role === 'admin' && (next.role !== 'admin' || !next.active)) {
      const admins = await w.tx.selectFrom('operator').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('active', '=', 1).executeTakeFirstOrThrow()
      if (Number(admins.n) <= 1) throw new AppError('VALIDATION', '至少需要保留一名在用的管理员')
    }
    await w.tx.updateTable('operator').set({ ...next, updated_at: w.now }).where('id', '=', op.id).execute()
    await w.audit({ action: 'operator.update', entity: 'operator', entityId: op.id, summary: `修改操作员 ${op.name}（${op.username}）`, before: { name: op.name, role: op.role, active: op.active }, after: next })
    return toView({ ...op, ...next })
  })
}

export async function resetPassword(core: Core, actor: Actor, id: string, password: string): Promise<void> {
  PasswordSchema.parse(password)
  await withWrite(core, actor, async (w) => {
    const op = await w.tx.selectFrom('operator').selectAll().where('id', '=', id).executeTakeFirst()
    if (!op) throw new AppError('NOT_FOUND', '找不到该操作员')
    await w.tx.updateTable('operator').set({ password_hash: hashPassword(password), must_change_password: 1, failed_logins: 0, locked_until: null, updated_at: w.now }).where('id', '=', id).execute()
    await w.audit({ action: 'operator.resetPassword', entity: 'operator', entityId: id, summary: `管理员重置了 ${op.name}（${op.username}）的密码，下次登录须修改` })
  })
}
