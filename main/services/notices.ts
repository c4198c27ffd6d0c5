// 公示 batches and objections (domain.md §8). A batch snapshots the whitelisted fields of its cases
// (申请人, 保障人数, (拟)保障金额, 类别) — never ID numbers, incomes or reasons. Posting fixes the period
// (⚙ notice.duration); photos of the posted notice are added afterwards; objections are registered per case
// and must be closed (re-investigated, result recorded) before the case leaves the 公示 step.
import { AppError } from '../api/errors'
import type { NoticeView, ObjectionView } from '../api/types'
import { noticeEnd, durationLabel, type NoticeDuration } from '../domain/notice'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { newId } from './ids'
import { nextCounter } from './households'
import { calendar, paramInForce } from './policy'
import { requireTownship } from './setup'
import { storeContent, sniffMime } from './attachments'
import { refreshDue } from './cases'

export const NOTICE_KINDS: Record<string, { label: string; steps: string[]; level: 'village' | 'township' | 'county' }> = {
  preliminary: { label: '初审公示', steps: ['noticing'], level: 'village' },
  villageFirst: { label: '村级公示（一榜）', steps: ['villageNoticing'], level: 'village' },
  county: { label: '县级公示（三榜）', steps: ['countyNoticing'], level: 'county' },
  publication: { label: '公布', steps: ['approved', 'published'], level: 'village' },
}
export const OBJECTION_CHANNELS: Record<string, string> = { visit: '来访', phone: '电话', letter: '来信', box: '举报箱', hotline12349: '12349热线', transfer: '上级转办', other: '其他' }

const parse = <T>(s: string | null, d: T): T => (s ? (JSON.parse(s) as T) : d)

async function lineFor(ctx: ReadCtx, caseId: string, kind: string) {
  const c = await ctx.db.selectFrom('dibao_case').innerJoin('household', 'household.id', 'dibao_case.household_id').innerJoin('village', 'village.code', 'household.village_code')
    .leftJoin('member', 'member.id', 'household.applicant_member_id')
    .select(['dibao_case.id', 'dibao_case.case_no', 'dibao_case.kind', 'dibao_case.current_step', 'dibao_case.closed_at', 'dibao_case.category', 'household.village_code', 'household.group_name', 'household.member_count', 'household.benefit_fen', 'village.name as village_name', 'member.name as applicant_name', 'member.left_at as applicant_left'])
    .where('dibao_case.id', '=', caseId).executeTakeFirst()
  if (!c) throw new AppError('NOT_FOUND', '找不到该案件')
  const spec = NOTICE_KINDS[kind]!
  if (c.closed_at || !spec.steps.includes(c.current_step)) throw new AppError('VALIDATION', `案件 ${c.case_no} 不在“${spec.label}”环节，不能列入本批公示`)
  const stepDate = await ctx.db.selectFrom('case_step').select('step_date').where('case_id', '=', caseId).where('kind', '=', c.current_step).orderBy('seq', 'desc').executeTakeFirstOrThrow()
  const already = await ctx.db.selectFrom('notice_line').innerJoin('notice_batch', 'notice_batch.id', 'notice_line.batch_id').select(['notice_batch.batch_no', 'notice_batch.status'])
    .where('notice_line.case_id', '=', caseId).where('notice_batch.kind', '=', kind)
    .where((eb) => eb.or([eb('notice_batch.status', '=', 'draft'), eb('notice_batch.start_date', '>=', stepDate.step_date)])).executeTakeFirst()
  if (already) throw new AppError('CONFLICT', `案件 ${c.case_no} 已在${already.status === 'draft' ? '待张贴的' : ''}公示 ${already.batch_no} 中，不能重复列入（重新公示须先重新签署初审意见）`)
  if (!c.applicant_name || c.applicant_left) throw new AppError('VALIDATION', `案件 ${c.case_no} 还没有确定申请人（须为保障对象），请先在申请登记中选择申请人`)
  const prelim = await ctx.db.selectFrom('case_step').select(['data_json']).where('case_id', '=', caseId).where('kind', 'in', ['preliminary', 'approved']).orderBy('seq', 'desc').executeTakeFirst()
  const data = parse<{ opinion?: string; outcome?: string; assessment?: { persons: number; monthlyFen: number | null } }>(prelim?.data_json ?? null, {})
  const negative = data.opinion === 'negative'
  const cat = c.category === 'urban' ? '城市' : '农村'
  const what = negative ? '拟不予纳入' : c.kind === 'newApplication' ? '新增' : data.outcome === 'stop' ? '停发' : data.outcome === 'resume' ? '恢复' : '调整'
  return {
    villageCode: c.village_code, caseNo: c.case_no,
    line: { village_name: c.group_name ? `${c.village_name}${c.group_name}` : c.village_name, applicant_name: c.applicant_name, persons: data.assessment?.persons ?? c.member_count, amount_fen: negative || data.outcome === 'stop' ? null : (data.assessment?.monthlyFen ?? c.benefit_fen ?? null), category: `${what}（${cat}）`, remark: what },
  }
}

/** 监督电话 printed on a 公示 by default: the township's number (setup) and 12349 (办法 art. 36; 社救法 art. 60). */
export async function supervisionPhones(ctx: ReadCtx, townshipName: string): Promise<string> {
  const tp = await ctx.db.selectFrom('township').select('phone').executeTakeFirst()
  return [tp?.phone ? `${townshipName} ${tp.phone}` : null, '民政服务热线 12349'].filter(Boolean).join('；')
}

export async function createNotice(core: Core, actor: Actor, input: { kind: string; villageCode?: string | null; title?: string | null; caseIds: string[]; places: string[]; phones?: string | null }): Promise<NoticeView> {
  const spec = NOTICE_KINDS[input.kind]
  if (!spec) throw new AppError('VALIDATION', '请选择公示类型', { kind: '请选择公示类型' })
  if (input.caseIds.length === 0) throw new AppError('VALIDATION', '请至少选择一个案件', { caseIds: '请选择案件' })
  if (input.places.filter((p) => p.trim()).length === 0) throw new AppError('VALIDATION', '请填写张贴地点（如村务公开栏）', { places: '请填写张贴地点' })
  const id = await withWrite(core, actor, async (w) => {
    const t = await requireTownship(w)
    const lines = []
    for (const cid of [...new Set(input.caseIds)]) lines.push({ caseId: cid, ...(await lineFor(w, cid, input.kind)) })
    const village = spec.level === 'village' ? (input.villageCode ?? lines[0]!.villageCode) : null
    if (village && lines.some((l) => l.villageCode !== village)) throw new AppError('VALIDATION', '村级公示只能包含同一村（社区）的案件，请分村建立公示')
    const vname = village ? (await w.tx.selectFrom('village').select('name').where('code', '=', village).executeTakeFirstOrThrow()).name : null
    const phones = input.phones?.trim() || await supervisionPhones(w, t.name)
    const n = await nextCounter(w.tx, `notice_${w.today.slice(0, 4)}`)
    const batchNo = `公示-${w.today.slice(0, 4)}-${String(n).padStart(3, '0')}`
    const title = input.title?.trim() || `${t.name}${vname ?? ''}最低生活保障${spec.label === '公布' ? '审核确认结果公布' : '审核公示'}`
    const bid = newId()
    const duration = (await paramInForce<NoticeDuration>(w, 'notice.duration', w.today, t.code)) ?? { days: 7, unit: 'calendar' }
    await w.tx.insertInto('notice_batch').values({ id: bid, batch_no: batchNo, kind: input.kind, level: spec.level, village_code: village, title, start_date: w.today, end_date: w.today, duration_json: JSON.stringify(duration), places_json: JSON.stringify(input.places.map((p) => p.trim()).filter(Boolean)), phones, photos_json: null, status: 'draft', created_by: actor.name, created_at: w.now, posted_by: null, posted_at: null }).execute()
    let seq = 1
    for (const l of lines) await w.tx.insertInto('notice_line').values({ batch_id: bid, case_id: l.caseId, seq: seq++, ...l.line }).execute()
    await w.audit({ action: 'notice.create', entity: 'notice', entityId: bid, summary: `新建${spec.label} ${batchNo}（${vname ?? t.name}，${lines.length} 户：${lines.map((l) => l.line.applicant_name).join('、')}）` })
    return bid
  })
  return getNotice(readCtx(core, actor), id)
}

/** Posts a draft: the period starts on the posting day and ends per ⚙ notice.duration. */
export async function postNotice(core: Core, actor: Actor, input: { id: string; startDate: string; version?: number }): Promise<NoticeView> {
  await withWrite(core, actor, async (w) => {
    const b = await w.tx.selectFrom('notice_batch').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!b) throw new AppError('NOT_FOUND', '找不到该公示')
    if (b.status === 'posted') throw new AppError('CONFLICT', `公示 ${b.batch_no} 已张贴`)
    if (input.version !== undefined && input.version !== b.version) throw new AppError('STALE', '公示已被其他人修改，请刷新')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startDate)) throw new AppError('VALIDATION', '张贴日期格式应为 YYYY-MM-DD', { startDate: '格式应为 YYYY-MM-DD' })
    if (input.startDate > w.today) throw new AppError('VALIDATION', '张贴日期不能晚于今天', { startDate: '不能晚于今天' })
    const lines = await w.tx.selectFrom('notice_line').innerJoin('dibao_case', 'dibao_case.id', 'notice_line.case_id').innerJoin('case_step', (j) => j.onRef('case_step.case_id', '=', 'dibao_case.id').onRef('case_step.kind', '=', 'dibao_case.current_step'))
      .select(['dibao_case.case_no', 'case_step.step_date', 'dibao_case.id']).where('notice_line.batch_id', '=', b.id).execute()
    const early = lines.find((l) => l.step_date > input.startDate)
    if (early) throw new AppError('VALIDATION', `张贴日期不能早于案件 ${early.case_no} 进入公示环节的日期（${early.step_date}）`, { startDate: `不能早于 ${early.step_date}` })
    const { duration, end } = await periodOf(w, input.startDate)
    await w.tx.updateTable('notice_batch').set({ status: 'posted', start_date: input.startDate, end_date: end, duration_json: JSON.stringify(duration), posted_by: `${actor.name}（${actor.username}）`, posted_at: w.now, version: b.version + 1 }).where('id', '=', b.id).execute()
    for (const l of lines) await refreshDue(w, l.id)
    await w.audit({ action: 'notice.post', entity: 'notice', entityId: b.id, summary: `张贴公示 ${b.batch_no}：${input.startDate} 起 ${durationLabel(duration)}，至 ${end} 止` })
  })
  return getNotice(readCtx(core, actor), input.id)
}

/** ⚙ notice.duration and notice.shiftEndToWorkday in force on the posting day, and the period's end. */
async function periodOf(ctx: ReadCtx, startDate: string): Promise<{ duration: NoticeDuration; end: string; warnings: string[] }> {
  const t = await requireTownship(ctx)
  const duration = (await paramInForce<NoticeDuration>(ctx, 'notice.duration', startDate, t.code)) ?? { days: 7, unit: 'calendar' }
  const shift = (await paramInForce<boolean>(ctx, 'notice.shiftEndToWorkday', startDate, t.code)) ?? true
  return { duration, ...noticeEnd(startDate, duration, await calendar(ctx), shift) }
}

/** The period a notice posted on `startDate` would have (shown before posting). */
export async function noticePeriod(ctx: ReadCtx, input: { startDate: string }): Promise<{ startDate: string; endDate: string; durationLabel: string; warnings: string[] }> {
  const p = await periodOf(ctx, input.startDate)
  return { startDate: input.startDate, endDate: p.end, durationLabel: durationLabel(p.duration), warnings: p.warnings }
}

export async function addNoticePhoto(core: Core, actor: Actor, input: { id: string; originalName: string; dataBase64: string; takenDate: string }): Promise<NoticeView> {
  const bytes = Buffer.from(input.dataBase64, 'base64')
  const mime = sniffMime(bytes)
  if (!mime || mime === 'application/pdf') throw new AppError('VALIDATION', '张贴照片只接受 JPEG 或 PNG 图片')
  await withWrite(core, actor, async (w) => {
    const b = await w.tx.selectFrom('notice_batch').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!b) throw new AppError('NOT_FOUND', '找不到该公示')
    if (b.status !== 'posted') throw new AppError('VALIDATION', '请先登记张贴，再上传张贴照片')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.takenDate) || input.takenDate < b.start_date || input.takenDate > w.today) throw new AppError('VALIDATION', `拍摄日期应在张贴日期（${b.start_date}）到今天之间`, { takenDate: `应在 ${b.start_date} 到今天之间` })
    const sm3 = storeContent(core.dataDir, bytes)
    const photos = parse<Array<{ sm3: string; originalName: string; mime: string; at: string }>>(b.photos_json, [])
    photos.push({ sm3, originalName: input.originalName, mime, at: input.takenDate })
    await w.tx.updateTable('notice_batch').set({ photos_json: JSON.stringify(photos), version: b.version + 1 }).where('id', '=', b.id).execute()
    await w.audit({ action: 'notice.photo', entity: 'notice', entityId: b.id, summary: `公示 ${b.batch_no} 上传张贴照片 ${input.originalName}（${input.takenDate}）` })
  })
  return getNotice(readCtx(core, actor), input.id)
}

export async function readNoticeFile(ctx: ReadCtx, input: { sm3: string }): Promise<{ mime: string; dataBase64: string }> {
  const { readFileSync } = await import('node:fs')
  const { attachmentPath } = await import('./attachments')
  if (!/^[0-9a-f]{64}$/.test(input.sm3)) throw new AppError('VALIDATION', '文件编号无效')
  const bytes = readFileSync(attachmentPath(ctx.core.dataDir, input.sm3))
  return { mime: sniffMime(bytes) ?? 'application/octet-stream', dataBase64: bytes.toString('base64') }
}

export async function addObjection(core: Core, actor: Actor, input: { caseId: string; batchId?: string | null; receivedDate: string; channel: string; realName: boolean; objectorName?: string | null; objectorContact?: string | null; content: string }): Promise<ObjectionView> {
  if (!OBJECTION_CHANNELS[input.channel]) throw new AppError('VALIDATION', '请选择异议来源渠道', { channel: '请选择渠道' })
  if (!input.content?.trim()) throw new AppError('VALIDATION', '请填写异议内容', { content: '请填写异议内容' })
  if (input.realName && !input.objectorName?.trim()) throw new AppError('VALIDATION', '实名反映的请填写反映人姓名', { objectorName: '请填写姓名' })
  const id = await withWrite(core, actor, async (w) => {
    const c = await w.tx.selectFrom('dibao_case').select(['id', 'case_no', 'household_id', 'closed_at']).where('id', '=', input.caseId).executeTakeFirst()
    if (!c) throw new AppError('NOT_FOUND', '找不到该案件')
    if (c.closed_at) throw new AppError('CONFLICT', `案件 ${c.case_no} 已办结，请作为投诉举报另行登记`)
    if (input.receivedDate > w.today) throw new AppError('VALIDATION', '收到日期不能晚于今天', { receivedDate: '不能晚于今天' })
    if (input.batchId) {
      const l = await w.tx.selectFrom('notice_line').select('case_id').where('batch_id', '=', input.batchId).where('case_id', '=', c.id).executeTakeFirst()
      if (!l) throw new AppError('VALIDATION', '该案件不在所选公示中')
    }
    const oid = newId()
    await w.tx.insertInto('objection').values({ id: oid, batch_id: input.batchId ?? null, case_id: c.id, received_date: input.receivedDate, channel: input.channel, real_name: input.realName ? 1 : 0, objector_name: input.realName ? input.objectorName!.trim() : null, objector_contact: input.objectorContact?.trim() || null, content: input.content.trim(), handling: null, result: null, upheld: null, feedback: null, status: 'open', created_by: actor.name, created_at: w.now, closed_by: null, closed_at: null }).execute()
    await refreshDue(w, c.id)
    // the objector's identity is not written to the household's timeline (it is visible to the applicant's file readers)
    await w.audit({ action: 'objection.add', entity: 'case', entityId: c.id, householdId: c.household_id, summary: `案件 ${c.case_no} 收到异议（${OBJECTION_CHANNELS[input.channel]}，${input.realName ? '实名' : '匿名'}，${input.receivedDate}）` })
    return oid
  })
  return (await caseObjections(readCtx(core, actor), input.caseId)).find((o) => o.id === id)!
}

export async function closeObjection(core: Core, actor: Actor, input: { id: string; handling: string; result: string; upheld: boolean; feedback?: string | null }): Promise<ObjectionView> {
  if (!input.handling?.trim()) throw new AppError('VALIDATION', '请填写调查核实经过（重新入户调查或民主评议）', { handling: '请填写调查核实经过' })
  if (!input.result?.trim()) throw new AppError('VALIDATION', '请填写处理结果', { result: '请填写处理结果' })
  const caseId = await withWrite(core, actor, async (w) => {
    const o = await w.tx.selectFrom('objection').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!o) throw new AppError('NOT_FOUND', '找不到该异议')
    if (o.status === 'closed') throw new AppError('CONFLICT', '该异议已办结')
    if (o.real_name && !input.feedback?.trim()) throw new AppError('VALIDATION', '实名反映的须登记向反映人反馈的情况（办法第三十七条）', { feedback: '请填写反馈情况' })
    const c = await w.tx.selectFrom('dibao_case').select(['case_no', 'household_id']).where('id', '=', o.case_id).executeTakeFirstOrThrow()
    await w.tx.updateTable('objection').set({ handling: input.handling.trim(), result: input.result.trim(), upheld: input.upheld ? 1 : 0, feedback: input.feedback?.trim() || null, status: 'closed', closed_by: `${actor.name}（${actor.username}）`, closed_at: w.now }).where('id', '=', o.id).execute()
    await refreshDue(w, o.case_id)
    await w.audit({ action: 'objection.close', entity: 'case', entityId: o.case_id, householdId: c.household_id, summary: `案件 ${c.case_no} 异议办结：${input.upheld ? '异议成立' : '异议不成立'}，${input.result.trim()}` })
    return o.case_id
  })
  return (await caseObjections(readCtx(core, actor), caseId)).find((x) => x.id === input.id)!
}

/** Objector identity and contact only for handlers and reviewers (domain.md §8), never for read-only accounts. */
function objectionView(r: { id: string; batch_id: string | null; case_id: string; case_no: string; received_date: string; channel: string; real_name: number; objector_name: string | null; objector_contact: string | null; content: string; handling: string | null; result: string | null; upheld: number | null; feedback: string | null; status: 'open' | 'closed'; created_at: string; closed_at: string | null }, ctx: ReadCtx): ObjectionView {
  const mayIdentify = ctx.actor?.role === 'handler' || ctx.actor?.role === 'reviewer' || ctx.actor?.role === 'townshipApprover'
  return {
    id: r.id, batchId: r.batch_id, caseId: r.case_id, caseNo: r.case_no, receivedDate: r.received_date, channel: r.channel, channelLabel: OBJECTION_CHANNELS[r.channel] ?? r.channel, realName: !!r.real_name,
    objectorName: mayIdentify ? r.objector_name : null, objectorContact: mayIdentify ? r.objector_contact : null, identityVisible: mayIdentify,
    content: r.content, handling: r.handling, result: r.result, upheld: r.upheld === null ? null : !!r.upheld, feedback: r.feedback, status: r.status, createdAt: r.created_at, closedAt: r.closed_at,
  }
}

export async function caseObjections(ctx: ReadCtx, caseId: string): Promise<ObjectionView[]> {
  const rows = await ctx.db.selectFrom('objection').innerJoin('dibao_case', 'dibao_case.id', 'objection.case_id').selectAll('objection').select('dibao_case.case_no').where('objection.case_id', '=', caseId).orderBy('objection.created_at').execute()
  return rows.map((r) => objectionView(r, ctx))
}

function periodState(b: { status: string; start_date: string; end_date: string }, today: string): 'draft' | 'running' | 'ended' {
  return b.status === 'draft' ? 'draft' : today > b.end_date ? 'ended' : 'running'
}

export async function getNotice(ctx: ReadCtx, id: string): Promise<NoticeView> {
  const b = await ctx.db.selectFrom('notice_batch').leftJoin('village', 'village.code', 'notice_batch.village_code').selectAll('notice_batch').select('village.name as village_name').where('notice_batch.id', '=', id).executeTakeFirst()
  if (!b) throw new AppError('NOT_FOUND', '找不到该公示')
  const lines = await ctx.db.selectFrom('notice_line').innerJoin('dibao_case', 'dibao_case.id', 'notice_line.case_id').selectAll('notice_line').select(['dibao_case.case_no', 'dibao_case.household_id']).where('batch_id', '=', id).orderBy('seq').execute()
  const objs = await ctx.db.selectFrom('objection').innerJoin('dibao_case', 'dibao_case.id', 'objection.case_id').selectAll('objection').select('dibao_case.case_no').where('objection.batch_id', '=', id).orderBy('objection.created_at').execute()
  const duration = parse<NoticeDuration>(b.duration_json, { days: 7, unit: 'calendar' })
  return {
    id: b.id, batchNo: b.batch_no, kind: b.kind, kindLabel: NOTICE_KINDS[b.kind]?.label ?? b.kind, level: b.level, villageCode: b.village_code, villageName: b.village_name, title: b.title,
    startDate: b.start_date, endDate: b.end_date, durationLabel: durationLabel(duration), places: parse<string[]>(b.places_json, []), phones: b.phones, photos: parse(b.photos_json, []),
    status: b.status, periodState: periodState(b, ctx.today), postedBy: b.posted_by, postedAt: b.posted_at, version: b.version,
    lines: lines.map((l) => ({ caseId: l.case_id, caseNo: l.case_no, householdId: l.household_id, seq: l.seq, villageName: l.village_name, applicantName: l.applicant_name, persons: l.persons, amountFen: l.amount_fen, category: l.category, remark: l.remark })),
    objections: objs.map((o) => objectionView(o, ctx)),
  }
}

export async function listNotices(ctx: ReadCtx) {
  const rows = await ctx.db.selectFrom('notice_batch').leftJoin('village', 'village.code', 'notice_batch.village_code')
    .select(['notice_batch.id', 'notice_batch.batch_no', 'notice_batch.kind', 'notice_batch.title', 'notice_batch.start_date', 'notice_batch.end_date', 'notice_batch.status', 'village.name as village_name'])
    .select((eb) => eb.selectFrom('notice_line').select(eb.fn.countAll<number>().as('n')).whereRef('notice_line.batch_id', '=', 'notice_batch.id').as('lines'))
    .select((eb) => eb.selectFrom('objection').select(eb.fn.countAll<number>().as('n')).whereRef('objection.batch_id', '=', 'notice_batch.id').where('objection.status', '=', 'open').as('open_objections'))
    .orderBy('notice_batch.created_at', 'desc').limit(500).execute()
  return rows.map((r) => ({ id: r.id, batchNo: r.batch_no, kind: r.kind, kindLabel: NOTICE_KINDS[r.kind]?.label ?? r.kind, title: r.title, startDate: r.start_date, endDate: r.end_date, status: r.status, periodState: periodState(r, ctx.today), villageName: r.village_name, lines: Number(r.lines ?? 0), openObjections: Number(r.open_objections ?? 0) }))
}

export async function caseNotices(ctx: ReadCtx, caseId: string) {
  const rows = await ctx.db.selectFrom('notice_line').innerJoin('notice_batch', 'notice_batch.id', 'notice_line.batch_id')
    .select(['notice_batch.id', 'notice_batch.batch_no', 'notice_batch.title', 'notice_batch.start_date', 'notice_batch.end_date', 'notice_batch.status']).where('notice_line.case_id', '=', caseId).orderBy('notice_batch.created_at').execute()
  return rows.map((r) => ({ id: r.id, batchNo: r.batch_no, title: r.title, startDate: r.start_date, endDate: r.end_date, status: r.status, periodState: periodState({ status: r.status, start_date: r.start_date, end_date: r.end_date }, ctx.today) }))
}
