// 民主评议 meetings (domain.md §7): one meeting of a village reviews many cases. A draft is edited freely;
// signing it (all participants signed the paper minutes, the sign-in sheet scanned) locks it for good.
import { AppError } from '../api/errors'
import type { MeetingView } from '../api/types'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { newId } from './ids'
import { nextCounter } from './households'
import { paramInForce } from './policy'
import { requireTownship } from './setup'
import { storeContent, sniffMime } from './attachments'
import { refreshDue } from './cases'

export const ATTENDEE_KINDS: Record<string, string> = {
  townshipStaff: '乡镇工作人员', villageCadre: '村干部', partyMember: '党员代表', representative: '村（居）民代表', residentCadre: '驻村干部', supervisor: '监督员', countyStaff: '县级工作人员',
}
const RESULT_LABELS = { pass: '通过', fail: '不通过', reinvestigate: '重新调查' } as const
const REPRESENTATIVE_KINDS = new Set(['partyMember', 'representative'])
// national: 民主评议 is also the remedy when a 公示 draws an objection (办法 art. 19)
const REVIEW_STEPS = ['reviewMeeting', 'villageReview', 'objectionHandling']

export type MeetingInput = {
  villageCode: string; date: string; place: string; chair: string; recorder: string; dueCount?: number | null
  attendees: Array<{ name: string; kind: string; signed: boolean }>; briefing?: string | null; minutes?: string | null
}

async function composition(ctx: ReadCtx, date: string, attendees: MeetingInput['attendees']): Promise<MeetingView['composition']> {
  const t = await requireTownship(ctx)
  const share = (await paramInForce<number>(ctx, 'review.representativeShare', date, t.code)) ?? 2 / 3
  const quorum = await paramInForce<number>(ctx, 'review.quorum', date, t.code)
  // 监督员 and county staff attend as observers and are not counted as participants (试行 art. 22; seed 002).
  const counted = attendees.filter((a) => a.kind !== 'supervisor' && a.kind !== 'countyStaff')
  const reps = counted.filter((a) => REPRESENTATIVE_KINDS.has(a.kind)).length
  const required = Math.ceil(counted.length * share - 1e-9)
  const problems: string[] = []
  const shareLabel = Math.abs(share - 2 / 3) < 1e-9 ? '三分之二' : Math.abs(share - 0.5) < 1e-9 ? '二分之一' : `${Math.round(share * 100)}%`
  if (reps < required) problems.push(`党员代表和村（居）民代表 ${reps} 人，应不少于参加人数 ${counted.length} 人的${shareLabel}（${required} 人）`)
  if (quorum && counted.length < quorum) problems.push(`参加人数 ${counted.length} 人，少于规定的 ${quorum} 人`)
  if (!counted.some((a) => a.kind === 'townshipStaff')) problems.push('须有乡镇工作人员主持并形成结论')
  return { total: counted.length, representatives: reps, share, required, ok: problems.length === 0, message: problems.length ? problems.join('；') : `参加 ${counted.length} 人，代表 ${reps} 人，符合组成要求` }
}

function validate(input: MeetingInput): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new AppError('VALIDATION', '会议日期格式应为 YYYY-MM-DD', { date: '格式应为 YYYY-MM-DD' })
  for (const [k, label] of [['place', '会议地点'], ['chair', '主持人'], ['recorder', '记录人']] as const) if (!input[k]?.trim()) throw new AppError('VALIDATION', `请填写${label}`, { [k]: `请填写${label}` })
  input.attendees.forEach((a, i) => {
    if (!a.name.trim()) throw new AppError('VALIDATION', `第 ${i + 1} 位参会人员缺少姓名`, { [`attendees.${i}.name`]: '请填写姓名' })
    if (!ATTENDEE_KINDS[a.kind]) throw new AppError('VALIDATION', `第 ${i + 1} 位参会人员身份无效`, { [`attendees.${i}.kind`]: '请选择身份' })
  })
}

export async function createMeeting(core: Core, actor: Actor, input: MeetingInput): Promise<MeetingView> {
  validate(input)
  const id = await withWrite(core, actor, async (w) => {
    if (input.date > w.today) throw new AppError('VALIDATION', '会议日期不能晚于今天', { date: '不能晚于今天' })
    const v = await w.tx.selectFrom('village').select(['name']).where('code', '=', input.villageCode).executeTakeFirst()
    if (!v) throw new AppError('VALIDATION', '请选择村（社区）', { villageCode: '请选择村（社区）' })
    const n = await nextCounter(w.tx, `meeting_${input.date.slice(0, 4)}`)
    const meetingNo = `评议-${input.date.slice(0, 4)}-${String(n).padStart(3, '0')}`
    const mid = newId()
    await w.tx.insertInto('review_meeting').values({
      id: mid, meeting_no: meetingNo, village_code: input.villageCode, meeting_date: input.date, place: input.place.trim(), chair: input.chair.trim(), recorder: input.recorder.trim(),
      due_count: input.dueCount ?? null, attendees_json: JSON.stringify(input.attendees), briefing: input.briefing ?? null, minutes: input.minutes ?? null, signatures_complete: 0,
      signin_file_json: null, status: 'draft', created_by: actor.name, created_at: w.now, closed_by: null, closed_at: null,
    }).execute()
    await w.audit({ action: 'meeting.create', entity: 'meeting', entityId: mid, summary: `新建民主评议会议 ${meetingNo}（${v.name}，${input.date}）` })
    return mid
  })
  return getMeeting(readCtx(core, actor), id)
}

async function loadDraft(tx: ReadCtx['db'], id: string, version?: number) {
  const m = await tx.selectFrom('review_meeting').selectAll().where('id', '=', id).executeTakeFirst()
  if (!m) throw new AppError('NOT_FOUND', '找不到该评议会议')
  if (m.status === 'closed') throw new AppError('CONFLICT', `会议 ${m.meeting_no} 已签署，不能再修改（更正请另行召开会议）`)
  if (version !== undefined && version !== m.version) throw new AppError('STALE', '会议记录已被其他人修改，请刷新后再操作')
  return m
}

export async function updateMeeting(core: Core, actor: Actor, input: MeetingInput & { id: string; version?: number }): Promise<MeetingView> {
  validate(input)
  await withWrite(core, actor, async (w) => {
    const m = await loadDraft(w.tx, input.id, input.version)
    if (input.villageCode !== m.village_code) {
      const n = await w.tx.selectFrom('review_meeting_case').select('case_id').where('meeting_id', '=', m.id).limit(1).executeTakeFirst()
      if (n) throw new AppError('VALIDATION', '会议已列入案件，不能更换村（社区）；请先移出案件', { villageCode: '已列入案件，不能更换' })
      const v = await w.tx.selectFrom('village').select('code').where('code', '=', input.villageCode).executeTakeFirst()
      if (!v) throw new AppError('VALIDATION', '请选择村（社区）', { villageCode: '请选择村（社区）' })
    }
    if (input.date > w.today) throw new AppError('VALIDATION', '会议日期不能晚于今天', { date: '不能晚于今天' })
    await w.tx.updateTable('review_meeting').set({ village_code: input.villageCode, meeting_date: input.date, place: input.place.trim(), chair: input.chair.trim(), recorder: input.recorder.trim(), due_count: input.dueCount ?? null, attendees_json: JSON.stringify(input.attendees), briefing: input.briefing ?? null, minutes: input.minutes ?? null, version: m.version + 1 }).where('id', '=', m.id).execute()
    await w.audit({ action: 'meeting.update', entity: 'meeting', entityId: m.id, summary: `修改民主评议会议 ${m.meeting_no} 记录` })
  })
  return getMeeting(readCtx(core, actor), input.id)
}

/** Adds a case (at the 民主评议 step, same village) or updates its presentation, votes, opinion and result. */
export async function setMeetingCase(core: Core, actor: Actor, input: { meetingId: string; caseId: string; presentation?: string | null; agree?: number | null; disagree?: number | null; abstain?: number | null; opinion?: string | null; result?: 'pass' | 'fail' | 'reinvestigate' | null; recusals?: string | null; remove?: boolean }): Promise<MeetingView> {
  await withWrite(core, actor, async (w) => {
    const m = await loadDraft(w.tx, input.meetingId)
    const c = await w.tx.selectFrom('dibao_case').innerJoin('household', 'household.id', 'dibao_case.household_id').select(['dibao_case.id', 'dibao_case.case_no', 'dibao_case.current_step', 'dibao_case.closed_at', 'household.village_code', 'household.id as hid']).where('dibao_case.id', '=', input.caseId).executeTakeFirst()
    if (!c) throw new AppError('NOT_FOUND', '找不到该案件')
    const existing = await w.tx.selectFrom('review_meeting_case').select('case_id').where('meeting_id', '=', m.id).where('case_id', '=', c.id).executeTakeFirst()
    if (input.remove) {
      if (existing) await w.tx.deleteFrom('review_meeting_case').where('meeting_id', '=', m.id).where('case_id', '=', c.id).execute()
      await w.audit({ action: 'meeting.case.remove', entity: 'meeting', entityId: m.id, householdId: c.hid, summary: `民主评议会议 ${m.meeting_no} 移出案件 ${c.case_no}` })
      return
    }
    if (!existing) {
      if (c.closed_at || !REVIEW_STEPS.includes(c.current_step)) throw new AppError('VALIDATION', `案件 ${c.case_no} 不在民主评议环节，不能列入本次会议`)
      if (c.village_code !== m.village_code) throw new AppError('VALIDATION', `案件 ${c.case_no} 不属于本次会议的村（社区）`)
    }
    const votes = [input.agree, input.disagree, input.abstain]
    if (votes.some((x) => x !== undefined && x !== null && (!Number.isInteger(x) || x < 0))) throw new AppError('VALIDATION', '票数应为不小于 0 的整数')
    const attendees = JSON.parse(m.attendees_json) as MeetingInput['attendees']
    const voters = attendees.filter((a) => a.kind !== 'supervisor' && a.kind !== 'countyStaff').length
    // fields not given keep their value (a partial update); null clears
    const given = <K extends 'presentation' | 'agree' | 'disagree' | 'abstain' | 'opinion' | 'result' | 'recusals'>(k: K) => input[k] !== undefined
    const keys = ['presentation', 'agree', 'disagree', 'abstain', 'opinion', 'result', 'recusals'] as const
    const patch = Object.fromEntries(keys.filter(given).map((k) => [k, input[k] ?? null]))
    if (existing) { if (Object.keys(patch).length) await w.tx.updateTable('review_meeting_case').set(patch).where('meeting_id', '=', m.id).where('case_id', '=', c.id).execute() }
    else await w.tx.insertInto('review_meeting_case').values({ meeting_id: m.id, case_id: c.id, presentation: null, agree: null, disagree: null, abstain: null, opinion: null, result: null, recusals: null, ...patch }).execute()
    const row = await w.tx.selectFrom('review_meeting_case').selectAll().where('meeting_id', '=', m.id).where('case_id', '=', c.id).executeTakeFirstOrThrow()
    const sum = (row.agree ?? 0) + (row.disagree ?? 0) + (row.abstain ?? 0)
    if (sum > voters) throw new AppError('VALIDATION', `同意、不同意、弃权合计 ${sum} 票，多于参加评议的 ${voters} 人（监督员不投票）`)
    await w.tx.updateTable('review_meeting').set({ version: m.version + 1 }).where('id', '=', m.id).execute()
    await w.audit({ action: 'meeting.case', entity: 'meeting', entityId: m.id, householdId: c.hid, summary: `民主评议会议 ${m.meeting_no}：案件 ${c.case_no}${row.result ? ` 评议结论“${RESULT_LABELS[row.result]}”` : ' 列入评议'}${row.agree != null ? `（同意 ${row.agree}、不同意 ${row.disagree ?? 0}、弃权 ${row.abstain ?? 0}）` : ''}` })
  })
  return getMeeting(readCtx(core, actor), input.meetingId)
}

export async function attachSignin(core: Core, actor: Actor, input: { meetingId: string; originalName: string; dataBase64: string }): Promise<MeetingView> {
  const bytes = Buffer.from(input.dataBase64, 'base64')
  const mime = sniffMime(bytes)
  if (!mime) throw new AppError('VALIDATION', '签到表扫描件只接受 PDF、JPEG 或 PNG 文件')
  await withWrite(core, actor, async (w) => {
    const m = await loadDraft(w.tx, input.meetingId)
    const sm3 = storeContent(core.dataDir, bytes)
    await w.tx.updateTable('review_meeting').set({ signin_file_json: JSON.stringify({ sm3, originalName: input.originalName, mime }), version: m.version + 1 }).where('id', '=', m.id).execute()
    await w.audit({ action: 'meeting.signin', entity: 'meeting', entityId: m.id, summary: `民主评议会议 ${m.meeting_no} 上传签到表 ${input.originalName}` })
  })
  return getMeeting(readCtx(core, actor), input.meetingId)
}

/** Signs (closes) a meeting: composition per policy, every case with a result, minutes, signatures and sign-in sheet. */
export async function closeMeeting(core: Core, actor: Actor, input: { id: string; version?: number }): Promise<MeetingView> {
  await withWrite(core, actor, async (w) => {
    const m = await loadDraft(w.tx, input.id, input.version)
    const view = await getMeeting(w, m.id)
    const problems: string[] = []
    if (!view.composition.ok) problems.push(view.composition.message)
    if (view.cases.length === 0) problems.push('会议还没有评议任何案件')
    const noResult = view.cases.filter((c) => !c.result)
    if (noResult.length) problems.push(`案件 ${noResult.map((c) => c.caseNo).join('、')} 还没有评议结论`)
    if (!m.minutes?.trim()) problems.push('请填写会议记录（宣讲政策、介绍情况、评议意见）')
    if (view.attendees.some((a) => !a.signed)) problems.push('参会人员须全部在会议记录上签字')
    if (!m.signin_file_json) problems.push('请上传签到表（会议记录签字页）扫描件')
    if (problems.length) throw new AppError('VALIDATION', `还不能签署会议记录：${problems.join('；')}`)
    await w.tx.updateTable('review_meeting').set({ status: 'closed', signatures_complete: 1, closed_by: `${actor.name}（${actor.username}）`, closed_at: w.now, version: m.version + 1 }).where('id', '=', m.id).execute()
    for (const c of view.cases) await refreshDue(w, c.caseId)
    await w.audit({ action: 'meeting.close', entity: 'meeting', entityId: m.id, summary: `签署民主评议会议记录 ${m.meeting_no}（${view.villageName}，${m.meeting_date}），评议 ${view.cases.length} 案：${view.cases.map((c) => `${c.applicantName}${c.resultLabel}`).join('、')}` })
  })
  return getMeeting(readCtx(core, actor), input.id)
}

export async function getMeeting(ctx: ReadCtx, id: string): Promise<MeetingView> {
  const m = await ctx.db.selectFrom('review_meeting').innerJoin('village', 'village.code', 'review_meeting.village_code').selectAll('review_meeting').select('village.name as village_name').where('review_meeting.id', '=', id).executeTakeFirst()
  if (!m) throw new AppError('NOT_FOUND', '找不到该评议会议')
  const rows = await ctx.db.selectFrom('review_meeting_case').innerJoin('dibao_case', 'dibao_case.id', 'review_meeting_case.case_id').innerJoin('household', 'household.id', 'dibao_case.household_id')
    .leftJoin('member', 'member.id', 'household.applicant_member_id')
    .selectAll('review_meeting_case').select(['dibao_case.case_no', 'household.id as hid', 'household.head_name', 'household.member_count', 'member.name as applicant_name']).where('meeting_id', '=', id).orderBy('dibao_case.case_no').execute()
  const attendees = (JSON.parse(m.attendees_json) as MeetingInput['attendees']).map((a) => ({ ...a, kindLabel: ATTENDEE_KINDS[a.kind] ?? a.kind }))
  return {
    id: m.id, meetingNo: m.meeting_no, villageCode: m.village_code, villageName: m.village_name, date: m.meeting_date, place: m.place, chair: m.chair, recorder: m.recorder, dueCount: m.due_count,
    attendees, briefing: m.briefing, minutes: m.minutes, signaturesComplete: !!m.signatures_complete, signinFile: m.signin_file_json ? JSON.parse(m.signin_file_json) : null,
    status: m.status, closedBy: m.closed_by, closedAt: m.closed_at, version: m.version,
    cases: rows.map((r) => ({ caseId: r.case_id, caseNo: r.case_no, householdId: r.hid, applicantName: r.applicant_name ?? r.head_name, persons: r.member_count, presentation: r.presentation, agree: r.agree, disagree: r.disagree, abstain: r.abstain, opinion: r.opinion, result: r.result, resultLabel: r.result ? RESULT_LABELS[r.result] : null, recusals: r.recusals })),
    composition: await composition(ctx, m.meeting_date, attendees),
  }
}

export async function listMeetings(ctx: ReadCtx, input: { status?: 'draft' | 'closed' | null } = {}) {
  let q = ctx.db.selectFrom('review_meeting').innerJoin('village', 'village.code', 'review_meeting.village_code')
    .select(['review_meeting.id', 'review_meeting.meeting_no', 'review_meeting.meeting_date', 'review_meeting.status', 'village.name as village_name', 'review_meeting.place'])
    .select((eb) => eb.selectFrom('review_meeting_case').select(eb.fn.countAll<number>().as('n')).whereRef('review_meeting_case.meeting_id', '=', 'review_meeting.id').as('cases'))
  if (input.status) q = q.where('review_meeting.status', '=', input.status)
  const rows = await q.orderBy('review_meeting.meeting_date', 'desc').limit(500).execute()
  return rows.map((r) => ({ id: r.id, meetingNo: r.meeting_no, date: r.meeting_date, status: r.status, villageName: r.village_name, place: r.place, cases: Number(r.cases ?? 0) }))
}

export async function caseMeetings(ctx: ReadCtx, caseId: string) {
  const rows = await ctx.db.selectFrom('review_meeting_case').innerJoin('review_meeting', 'review_meeting.id', 'review_meeting_case.meeting_id')
    .select(['review_meeting.id', 'review_meeting.meeting_no', 'review_meeting.meeting_date', 'review_meeting.status', 'review_meeting_case.result', 'review_meeting_case.agree', 'review_meeting_case.disagree', 'review_meeting_case.abstain'])
    .where('review_meeting_case.case_id', '=', caseId).orderBy('review_meeting.meeting_date').execute()
  return rows.map((r) => ({ id: r.id, meetingNo: r.meeting_no, date: r.meeting_date, status: r.status, result: r.result, resultLabel: r.result ? RESULT_LABELS[r.result] : null, agree: r.agree, disagree: r.disagree, abstain: r.abstain }))
}
