// Records added to a case while it is at a step (申请、一次性告知、入户调查、核对报告、听取意见、县级核查).
// Append-only: a correction is a new record that names the one it supersedes and gives a reason.
import { AppError } from '../api/errors'
import type { CaseRecordView } from '../api/types'
import { RECORD_KIND_LABELS, RECORD_SCHEMAS, RECORD_KINDS, type RecordKind } from '../api/caseSchemas'
import { withWrite, readCtx, type Actor, type Core, type ReadCtx } from './context'
import { newId } from './ids'
import { allowedRecordKinds, assertNotRecused, getCase, loadCase, refreshDue, setIndividual, stepsOf } from './cases'
import type { StepKind } from '../domain/workflow'
import type { CaseView } from '../api/types'

export async function listRecords(ctx: ReadCtx, caseId: string): Promise<CaseRecordView[]> {
  const rows = await ctx.db.selectFrom('case_record').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute()
  const superseded = new Set(rows.map((r) => r.supersedes_id).filter((x): x is string => !!x))
  return rows.map((r) => ({
    id: r.id, kind: r.kind, kindLabel: RECORD_KIND_LABELS[r.kind as RecordKind] ?? r.kind, stepSeq: r.step_seq, date: r.record_date, data: JSON.parse(r.data_json) as Record<string, unknown>,
    attachmentIds: r.attachment_ids_json ? (JSON.parse(r.attachment_ids_json) as string[]) : [], supersedesId: r.supersedes_id, correctionReason: r.correction_reason,
    superseded: superseded.has(r.id), signer: r.signer_name, at: r.created_at,
  }))
}

export async function addRecord(core: Core, actor: Actor, input: { caseId: string; kind: string; date: string; data: unknown; attachmentIds?: string[]; supersedesId?: string | null; correctionReason?: string | null }): Promise<CaseView> {
  if (!(RECORD_KINDS as readonly string[]).includes(input.kind)) throw new AppError('VALIDATION', `未知的记录类型：${input.kind}`)
  const kind = input.kind as RecordKind
  if (actor.role !== 'handler' && actor.role !== 'reviewer') throw new AppError('FORBIDDEN', '办理记录由经办人或审核人登记')
  const schema = RECORD_SCHEMAS[kind]
  const parsed = schema.safeParse(input.data)
  if (!parsed.success) {
    const fields: Record<string, string> = {}
    for (const i of parsed.error.issues) fields[i.path.join('.')] ??= i.message
    throw new AppError('VALIDATION', `${RECORD_KIND_LABELS[kind]}填写有误：${parsed.error.issues[0]?.message ?? ''}`, fields)
  }
  const data = parsed.data as Record<string, unknown>
  await withWrite(core, actor, async (w) => {
    const c = await loadCase(w.tx, input.caseId)
    if (c.closed_at) throw new AppError('CONFLICT', `案件 ${c.case_no} 已办结，不能再登记`)
    await assertNotRecused(w, c, actor, input.date)
    const allowed = allowedRecordKinds(c.current_step as StepKind, false)
    if (!allowed.includes(kind) && !input.supersedesId) throw new AppError('VALIDATION', `案件当前环节不能登记“${RECORD_KIND_LABELS[kind]}”`)
    const steps = await stepsOf(w.tx, c.id)
    if (input.date > w.today) throw new AppError('VALIDATION', '记录日期不能晚于今天', { date: '不能晚于今天' })
    if (input.date < steps[0]!.step_date) throw new AppError('VALIDATION', `记录日期不能早于收到申请的日期（${steps[0]!.step_date}）`, { date: `不能早于 ${steps[0]!.step_date}` })
    // members named in the record belong to this household
    const members = await w.tx.selectFrom('member').select(['id', 'name']).where('household_id', '=', c.household_id).where('left_at', 'is', null).execute()
    const memberIds = new Set(members.map((m) => m.id))
    const named: string[] = []
    if (typeof data.applicantMemberId === 'string') named.push(data.applicantMemberId)
    if (Array.isArray(data.membersPresent)) named.push(...(data.membersPresent as string[]))
    for (const list of [data.findings, data.checks]) if (Array.isArray(list)) for (const f of list as Array<{ memberId?: string | null }>) if (f.memberId) named.push(f.memberId)
    const ind = data.individualInclusion as { memberId: string; basis: string } | null | undefined
    if (ind) named.push(ind.memberId)
    const stranger = named.find((id) => !memberIds.has(id))
    if (stranger) throw new AppError('VALIDATION', '记录中选择的成员不在本户，请刷新后重新选择')
    for (const id of input.attachmentIds ?? []) {
      const a = await w.tx.selectFrom('attachment').select(['household_id', 'removed_at']).where('id', '=', id).executeTakeFirst()
      if (!a || a.household_id !== c.household_id || a.removed_at) throw new AppError('VALIDATION', '所选材料不属于本户或已撤下')
    }
    if (input.supersedesId) {
      const old = await w.tx.selectFrom('case_record').select(['kind', 'case_id']).where('id', '=', input.supersedesId).executeTakeFirst()
      if (!old || old.case_id !== c.id || old.kind !== kind) throw new AppError('VALIDATION', '要更正的记录不存在或类型不符')
      if (!input.correctionReason?.trim()) throw new AppError('VALIDATION', '更正记录须写明更正理由', { correctionReason: '请写明更正理由' })
    }
    if (kind === 'application') {
      await setIndividual(w, c.id, ind ?? null)
      if (typeof data.applicantMemberId === 'string') await w.tx.updateTable('household').set({ applicant_member_id: data.applicantMemberId }).where('id', '=', c.household_id).execute()
      if (data.hasStaffRelative) await w.tx.updateTable('household').set({ relative_filing: 1 }).where('id', '=', c.household_id).execute()
    }
    await w.tx.insertInto('case_record').values({
      id: newId(), case_id: c.id, kind, step_seq: steps[steps.length - 1]!.seq, record_date: input.date, data_json: JSON.stringify(data),
      attachment_ids_json: input.attachmentIds?.length ? JSON.stringify(input.attachmentIds) : null, supersedes_id: input.supersedesId ?? null,
      correction_reason: input.correctionReason?.trim() || null, signer_id: actor.operatorId, signer_name: `${actor.name}（${actor.username}）`, created_at: w.now,
    }).execute()
    await refreshDue(w, c.id)
    const what = kind === 'homeVisit' ? `，调查人员：${(data.investigators as Array<{ name: string }>).map((p) => p.name).join('、')}` : ''
    await w.audit({ action: input.supersedesId ? 'case.record.correct' : 'case.record', entity: 'case', entityId: c.id, householdId: c.household_id, summary: `案件 ${c.case_no}：${input.supersedesId ? '更正' : '登记'}${RECORD_KIND_LABELS[kind]}（${input.date}）${what}${input.correctionReason ? `，更正理由：${input.correctionReason}` : ''}`, after: { kind, date: input.date, data } })
  })
  return getCase(readCtx(core, actor), input.caseId)
}
