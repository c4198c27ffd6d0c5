// Cases (案件): the statutory procedure as signed steps (design.md §5). A case keeps the variant it
// was opened under; each step is one append-only row signed by the operator who recorded it; the
// engine (domain/workflow.ts) decides which steps may follow, who may sign them and when they are due.
import { AppError } from '../api/errors'
import type { CaseStepView, CaseView, TodoItem } from '../api/types'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { ATTACHMENT_KINDS, codeName } from '../domain/codes'
import {
  canTransition, caseDueDate, checkSignature, dueDate, isOverdue, ROLE_LABELS, variantFor,
  type CaseKind, type DecisionLevel, type Role, type StepKind, type Variant, type VariantId
} from '../domain/workflow'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { newId } from './ids'
import { nextCounter, OPEN_STATUSES } from './households'
import { calendar, paramInForce } from './policy'
import { requireTownship } from './setup'

type Tx = Transaction<Database>
export type { CaseStepView, CaseView, TodoItem } from '../api/types'

const CASE_KIND_LABELS: Record<CaseKind, string> = { newApplication: '新申请', recheck: '复核', change: '变更', stop: '停保', phaseOut: '渐退', resume: '恢复' }

/** Operators sign as handler or reviewer; county steps arrive through the signed reply package. */
function signerRole(actor: Actor): Role {
  if (actor.role === 'handler' || actor.role === 'reviewer') return actor.role
  throw new AppError('FORBIDDEN', `${actor.role === 'admin' ? '管理员' : '只读'}账号不签署程序环节：请用经办人或审核人账号办理`)
}

function variantOfCase(c: { variant_id: string; decision_level: string }): Variant {
  return variantFor(c.variant_id as VariantId, c.decision_level as DecisionLevel)
}

async function loadCase(db: ReadCtx['db'], id: string) {
  const c = await db.selectFrom('dibao_case').selectAll().where('id', '=', id).executeTakeFirst()
  if (!c) throw new AppError('NOT_FOUND', '找不到该案件')
  return c
}

async function stepsOf(db: ReadCtx['db'], caseId: string) {
  return db.selectFrom('case_step').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
}

export async function openCase(core: Core, actor: Actor, input: { householdId: string; kind: CaseKind; origin: string; receivedDate: string; note?: string | null }): Promise<CaseView> {
  const role = signerRole(actor)
  const id = await withWrite(core, actor, async (w) => {
    const t = await requireTownship(w)
    const h = await w.tx.selectFrom('household').select(['id', 'file_no', 'status', 'head_name']).where('id', '=', input.householdId).executeTakeFirst()
    if (!h) throw new AppError('NOT_FOUND', '找不到该家庭档案')
    if (!OPEN_STATUSES.includes(h.status)) throw new AppError('CONFLICT', `档案 ${h.file_no} 已注销，请新建家庭档案后再受理申请`)
    if (input.receivedDate > w.today) throw new AppError('VALIDATION', '收到申请的日期不能晚于今天', { receivedDate: '不能晚于今天' })
    const open = await w.tx.selectFrom('dibao_case').select(['case_no']).where('household_id', '=', h.id).where('closed_at', 'is', null).executeTakeFirst()
    if (open) throw new AppError('CONFLICT', `该户已有在办案件 ${open.case_no}，请在原案件中继续办理`)
    const variantId = (await paramInForce<VariantId>(w, 'procedure.variant', input.receivedDate, t.code)) ?? 'national'
    const level = (await paramInForce<DecisionLevel>(w, 'procedure.decisionLevel', input.receivedDate, t.code)) ?? 'county'
    const variant = variantFor(variantId, level)
    const first = variant.start
    const sig = checkSignature(variant, first, actor.operatorId, [], role)
    if (!sig.ok) throw new AppError('FORBIDDEN', sig.reason)
    const year = input.receivedDate.slice(0, 4)
    const serial = await nextCounter(w.tx, `case_no_${year}`)
    const caseNo = `${t.code}-${year}-${String(serial).padStart(5, '0')}`
    const caseId = newId()
    await w.tx.insertInto('dibao_case').values({ id: caseId, case_no: caseNo, household_id: h.id, kind: input.kind, origin: input.origin, variant_id: variantId, decision_level: level, current_step: first, opened_at: w.now, closed_at: null, version: 1 }).execute()
    await insertStep(w.tx, { caseId, seq: 1, kind: first, date: input.receivedDate, actor, role, reason: input.note ?? null, now: w.now })
    await w.audit({ action: 'case.open', entity: 'case', entityId: caseId, householdId: h.id, summary: `受理${CASE_KIND_LABELS[input.kind]}案件 ${caseNo}（户主 ${h.head_name}），程序：${variant.label}`, after: { caseNo, kind: input.kind, origin: input.origin, variantId, decisionLevel: level, receivedDate: input.receivedDate } })
    return caseId
  })
  return getCase(readCtx(core, actor), id)
}

async function insertStep(tx: Tx, s: { caseId: string; seq: number; kind: StepKind; date: string; actor: Actor; role: Role; reason: string | null; now: string; data?: unknown; attachmentIds?: string[] }) {
  await tx.insertInto('case_step').values({
    id: newId(), case_id: s.caseId, seq: s.seq, kind: s.kind, step_date: s.date, signer_id: s.actor.operatorId, signer_name: `${s.actor.name}（${s.actor.username}）`,
    signer_role: s.role, reason: s.reason, data_json: s.data === undefined ? null : JSON.stringify(s.data), attachment_ids_json: s.attachmentIds?.length ? JSON.stringify(s.attachmentIds) : null, created_at: s.now
  }).execute()
}

/** Signs the next step of a case: allowed transition, signer's role and separation of duties, required materials, dates in order. */
export async function advanceCase(core: Core, actor: Actor, input: { caseId: string; version?: number; to: StepKind; date: string; reason?: string | null }): Promise<CaseView> {
  const role = signerRole(actor)
  await withWrite(core, actor, async (w) => {
    const c = await loadCase(w.tx, input.caseId)
    if (c.closed_at) throw new AppError('CONFLICT', `案件 ${c.case_no} 已办结，不能再办理`)
    if (input.version !== undefined && input.version !== c.version) throw new AppError('STALE', `案件 ${c.case_no} 已被其他人办理，请刷新后再操作`)
    const variant = variantOfCase(c)
    const tr = canTransition(variant, c.current_step as StepKind, input.to)
    if (!tr.ok) throw new AppError('VALIDATION', tr.reason, { to: tr.reason })
    const steps = await stepsOf(w.tx, c.id)
    const sig = checkSignature(variant, input.to, actor.operatorId, steps.map((s) => ({ kind: s.kind as StepKind, signerId: s.signer_id })), role)
    if (!sig.ok) throw new AppError('FORBIDDEN', sig.reason)
    const last = steps[steps.length - 1]!
    if (input.date > w.today) throw new AppError('VALIDATION', '办理日期不能晚于今天', { date: '不能晚于今天' })
    if (input.date < last.step_date) throw new AppError('VALIDATION', `办理日期不能早于上一环节（${last.step_date}）`, { date: `不能早于 ${last.step_date}` })
    const def = variant.steps[input.to]!
    const needsReason = ['notAccepted', 'rejected', 'withdrawn', 'terminated', 'returned', 'checkRejected'].includes(input.to)
    if (needsReason && !input.reason?.trim()) throw new AppError('VALIDATION', `“${def.label}”须写明理由`, { reason: '请写明理由' })
    let attachmentIds: string[] = []
    if (def.requiredAttachments.length) {
      const have = await w.tx.selectFrom('attachment').select(['id', 'doc_kind']).where('household_id', '=', c.household_id).where('removed_at', 'is', null).where('doc_kind', 'in', def.requiredAttachments).execute()
      const missing = def.requiredAttachments.filter((k) => !have.some((a) => a.doc_kind === k))
      if (missing.length) throw new AppError('VALIDATION', `“${def.label}”前须上传：${missing.map((k) => codeName(ATTACHMENT_KINDS, k)).join('、')}（在档案的“材料”页上传）`, { to: '缺少必备材料' })
      attachmentIds = have.map((a) => a.id)
    }
    await insertStep(w.tx, { caseId: c.id, seq: last.seq + 1, kind: input.to, date: input.date, actor, role, reason: input.reason ?? null, now: w.now, attachmentIds })
    await w.tx.updateTable('dibao_case').set({ current_step: input.to, closed_at: def.terminal ? w.now : null, version: c.version + 1 }).where('id', '=', c.id).execute()
    await w.audit({ action: 'case.step', entity: 'case', entityId: c.id, householdId: c.household_id, summary: `案件 ${c.case_no}：${def.label}（${ROLE_LABELS[role]} ${actor.name} 签字，${input.date}）${input.reason ? `，理由：${input.reason}` : ''}`, before: { step: c.current_step }, after: { step: input.to, date: input.date } })
  })
  return getCase(readCtx(core, actor), input.caseId)
}

export async function getCase(ctx: ReadCtx, id: string): Promise<CaseView> {
  const c = await loadCase(ctx.db, id)
  const variant = variantOfCase(c)
  const steps = await stepsOf(ctx.db, c.id)
  const cal = await calendar(ctx)
  const hist = steps.map((s) => ({ kind: s.kind as StepKind, at: s.step_date }))
  const cur = variant.steps[c.current_step as StepKind]
  const next = c.closed_at || !cur ? [] : cur.next.map((k) => {
    const def = variant.steps[k]!
    const due = dueDate(variant, k, hist, cal)
    return { kind: k, label: def.label, role: def.role, roleLabel: ROLE_LABELS[def.role], due: due?.due ?? null, overdue: due ? isOverdue(due.due, ctx.today) : false, warnings: due?.warnings ?? [] }
  })
  const whole = c.closed_at ? null : caseDueDate(variant, hist, cal)
  const stepViews: CaseStepView[] = steps.map((s) => ({ seq: s.seq, kind: s.kind, label: variant.steps[s.kind as StepKind]?.label ?? s.kind, date: s.step_date, signer: s.signer_name, signerRole: ROLE_LABELS[s.signer_role as Role] ?? s.signer_role, reason: s.reason, at: s.created_at }))
  return {
    id: c.id, caseNo: c.case_no, householdId: c.household_id, kind: c.kind, kindLabel: CASE_KIND_LABELS[c.kind], variantId: c.variant_id, variantLabel: variant.label,
    decisionLevel: c.decision_level, currentStep: c.current_step, currentStepLabel: cur?.label ?? c.current_step, openedAt: c.opened_at, closedAt: c.closed_at, version: c.version,
    steps: stepViews, next, caseDue: whole?.due ?? null, caseOverdue: whole ? isOverdue(whole.due, ctx.today) : false
  }
}

/** All cases of a household, newest first. */
export async function casesOfHousehold(ctx: ReadCtx, householdId: string): Promise<CaseView[]> {
  const ids = await ctx.db.selectFrom('dibao_case').select('id').where('household_id', '=', householdId).orderBy('opened_at', 'desc').execute()
  const out: CaseView[] = []
  for (const r of ids) out.push(await getCase(ctx, r.id))
  return out
}

/** 待办: open cases with the next steps' due dates, earliest first; overdue ones flagged. */
export async function todo(ctx: ReadCtx): Promise<TodoItem[]> {
  const open = await ctx.db.selectFrom('dibao_case').innerJoin('household', 'household.id', 'dibao_case.household_id')
    .select(['dibao_case.id', 'household.head_name', 'household.file_no']).where('dibao_case.closed_at', 'is', null).limit(2000).execute()
  const items: TodoItem[] = []
  for (const o of open) {
    const v = await getCase(ctx, o.id)
    const dues = v.next.filter((n) => n.due).map((n) => n.due!).concat(v.caseDue ? [v.caseDue] : []).sort()
    items.push({ caseId: v.id, caseNo: v.caseNo, householdId: v.householdId, nextRoles: [...new Set(v.next.map((n) => n.role))], headName: o.head_name, fileNo: o.file_no, kindLabel: v.kindLabel, currentStepLabel: v.currentStepLabel, nextLabels: v.next.map((n) => n.label), due: dues[0] ?? null, overdue: v.next.some((n) => n.overdue) || v.caseOverdue })
  }
  return items.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))
}
