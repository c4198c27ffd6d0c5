// 近亲属备案 (domain.md §2): declared relatives of 低保经办人员 and 村(居)委会成员, matched by ID number on every
// rules evaluation. Removal is a soft removal with a reason.
import { AppError } from '../api/errors'
import type { DeclaredRelativeView } from '../api/types'
import { checkIdNumber } from '../domain/idcard'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { newId } from './ids'

export async function listRelatives(ctx: ReadCtx): Promise<DeclaredRelativeView[]> {
  const rows = await ctx.db.selectFrom('declared_relative').leftJoin('operator', 'operator.id', 'declared_relative.staff_operator_id').selectAll('declared_relative').select(['operator.name as operator_name', 'operator.username as operator_username'])
    .where('declared_relative.removed_at', 'is', null).orderBy('declared_relative.staff_name').execute()
  return rows.map((r) => ({ id: r.id, staffName: r.staff_name, staffPost: r.staff_post, staffIdNumber: r.staff_id_number, staffOperatorId: r.staff_operator_id, staffOperatorName: r.operator_name ? `${r.operator_name}（${r.operator_username}）` : null, relativeName: r.relative_name, relativeIdNumber: r.relative_id_number, relation: r.relation, declaredDate: r.declared_date }))
}

export async function addRelative(core: Core, actor: Actor, input: { staffName: string; staffPost: string; staffIdNumber?: string | null; staffOperatorId?: string | null; relativeName: string; relativeIdNumber: string; relation: string; declaredDate: string }): Promise<DeclaredRelativeView[]> {
  const today = readCtx(core, actor).today
  const rel = checkIdNumber(input.relativeIdNumber, today)
  if (!rel.ok) throw new AppError('VALIDATION', `亲属身份证号有误：${rel.error}`, { relativeIdNumber: rel.error })
  let staffId: string | null = null
  if (input.staffIdNumber) {
    const s = checkIdNumber(input.staffIdNumber, today)
    if (!s.ok) throw new AppError('VALIDATION', `工作人员身份证号有误：${s.error}`, { staffIdNumber: s.error })
    staffId = s.normalized
  }
  for (const [k, l] of [['staffName', '工作人员姓名'], ['staffPost', '职务'], ['relativeName', '亲属姓名'], ['relation', '亲属关系']] as const) if (!input[k]?.trim()) throw new AppError('VALIDATION', `请填写${l}`, { [k]: `请填写${l}` })
  await withWrite(core, actor, async (w) => {
    if (input.staffOperatorId) {
      const op = await w.tx.selectFrom('operator').select('id').where('id', '=', input.staffOperatorId).executeTakeFirst()
      if (!op) throw new AppError('VALIDATION', '所选的系统账号不存在', { staffOperatorId: '账号不存在' })
    }
    await w.tx.insertInto('declared_relative').values({ id: newId(), staff_name: input.staffName.trim(), staff_post: input.staffPost.trim(), staff_id_number: staffId, staff_operator_id: input.staffOperatorId ?? null, relative_name: input.relativeName.trim(), relative_id_number: rel.normalized, relation: input.relation.trim(), declared_date: input.declaredDate, removed_at: null, removed_reason: null, created_at: w.now }).execute()
    await w.audit({ action: 'relative.add', entity: 'relative', summary: `近亲属备案：${input.staffPost.trim()} ${input.staffName.trim()} 的${input.relation.trim()} ${input.relativeName.trim()}` })
  })
  return listRelatives(readCtx(core, actor))
}

/** Operators who must stand aside for a household (⚙ relatives.recusal): staff accounts with a declared relative among its members. */
export async function recusedOperators(ctx: ReadCtx, householdId: string): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom('declared_relative').innerJoin('member', 'member.id_number', 'declared_relative.relative_id_number')
    .select(['declared_relative.staff_operator_id', 'declared_relative.relation', 'member.name'])
    .where('member.household_id', '=', householdId).where('member.left_at', 'is', null).where('declared_relative.removed_at', 'is', null).where('declared_relative.staff_operator_id', 'is not', null).execute()
  const out = new Map<string, string>()
  for (const r of rows) out.set(r.staff_operator_id!, `${r.name}是其${r.relation}`)
  return out
}

export async function removeRelative(core: Core, actor: Actor, input: { id: string; reason: string }): Promise<DeclaredRelativeView[]> {
  await withWrite(core, actor, async (w) => {
    const r = await w.tx.selectFrom('declared_relative').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!r || r.removed_at) throw new AppError('NOT_FOUND', '找不到该备案记录')
    await w.tx.updateTable('declared_relative').set({ removed_at: w.now, removed_reason: input.reason }).where('id', '=', r.id).execute()
    await w.audit({ action: 'relative.remove', entity: 'relative', summary: `撤销近亲属备案：${r.staff_name} 的${r.relation} ${r.relative_name}，原因：${input.reason}` })
  })
  return listRelatives(readCtx(core, actor))
}
