// Printing (issue 5): the services gather what a document may show and hand it to a pure builder in
// main/documents/. 公示 lines come from the batch's whitelist snapshot, so nothing masked ever reaches a builder.
// Printing is a write: the document is numbered and registered (with its content hash and an audit event) in
// one transaction, and the PDF carries that number and a signed QR payload.
import { AppError } from '../api/errors'
import { FontError } from '../documents/fonts'
import { PAPERS, type Paper } from '../documents/layout'
import { noticeDocument, type NoticeDocData } from '../documents/notice'
import type { DocStamp } from '../documents/common'
import { assertDocPrintable, renderPdf, type DocDefinition } from '../documents/render'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { DEFAULT_PUBLIC_OPTIONS, PublicNoticeError, publicLine, type PublicLine, type PublicOptions } from '../domain/masking'
import { HOUSEHOLD_CATEGORIES, codeName } from '../domain/codes'
import { registerDocument, type DocKind } from './docRegister'
import { getNotice, supervisionPhones } from './notices'
import { requireTownship } from './setup'
import { templateParagraphs, townParam } from './policy'
import { fillTemplate } from '../domain/templates'
import { formatYuan } from '../domain/money'

export async function noticePdf(core: Core, actor: Actor | null, input: { batchId: string; paper?: Paper; preview?: boolean }): Promise<Printed> {
  const ctx = readCtx(core, actor)
  const n = await getNotice(ctx, input.batchId)
  if (n.lines.length === 0) throw new AppError('VALIDATION', `公示 ${n.batchNo} 还没有列入任何案件，不能打印`)
  const t = await requireTownship(ctx)
  const data: NoticeDocData = {
    townshipName: t.name, countyName: t.countyName, title: n.title, batchNo: n.batchNo, villageName: n.villageName, startDate: n.startDate, endDate: n.endDate,
    durationLabel: n.durationLabel, phones: n.phones,
    lines: await publicLines(ctx, n.lines.map((l) => ({ line: { seq: l.seq, villageName: l.villageName, applicantName: l.applicantName, persons: l.persons, amountFen: l.amountFen, category: l.category, remark: l.remark }, householdId: l.householdId }))),
  }
  const total = n.lines.reduce((s, l) => s + (l.amountFen ?? 0), 0)
  data.kind = n.kind
  data.bodyText = fillTemplate(await templateParagraphs(ctx, n.kind === 'county' ? 'noticeCounty' : n.kind === 'publication' ? 'noticePublication' : 'noticeBody', ctx.today), {
    乡镇: t.name, 县: t.countyName, 范围: n.villageName ?? t.name, 户数: String(n.lines.length), 人数: String(n.lines.reduce((s, l) => s + l.persons, 0)),
    金额: total ? `，${n.kind === 'publication' ? '' : '拟'}保障金额合计 ${formatYuan(total)} 元/月` : '',
  })
  const paper = input.paper ?? 'A4'
  return stampAndRender(core, actor, { kind: 'notice', refId: n.id, title: n.title, data, paper, what: `公示 ${n.batchNo}`, fileName: `${n.batchNo}-${n.title}.pdf`, townshipCode: t.code, preview: input.preview, build: (stamp) => noticeDocument(data, paper, stamp) })
}

/** Every line through domain/masking.ts with the county's choices (⚙ notice.showGroup, notice.showArea, notice.sensitiveWords). */
async function publicLines(ctx: ReadCtx, rows: Array<{ line: PublicLine; householdId: string }>): Promise<PublicLine[]> {
  const o: PublicOptions = {
    showGroup: (await townParam<boolean>(ctx, 'notice.showGroup')) ?? DEFAULT_PUBLIC_OPTIONS.showGroup,
    showArea: (await townParam<boolean>(ctx, 'notice.showArea')) ?? DEFAULT_PUBLIC_OPTIONS.showArea,
    sensitiveWords: (await townParam<string[]>(ctx, 'notice.sensitiveWords')) ?? DEFAULT_PUBLIC_OPTIONS.sensitiveWords,
  }
  const villages = new Map<string, { name: string }>()
  if (!o.showGroup) {
    const ids = [...new Set(rows.map((r) => r.householdId))]
    for (let i = 0; i < ids.length; i += 500) {
      for (const v of await ctx.db.selectFrom('household').innerJoin('village', 'village.code', 'household.village_code').select(['household.id', 'village.name']).where('household.id', 'in', ids.slice(i, i + 500)).execute()) villages.set(v.id, { name: v.name })
    }
  }
  try {
    return rows.map((r) => publicLine(r.line, villages.get(r.householdId) ?? null, o))
  } catch (e) {
    if (e instanceof PublicNoticeError) throw new AppError('VALIDATION', e.message)
    throw e
  }
}

export interface Printed { bytes: Buffer; fileName: string; docNo: string; payload: string }

export interface PrintJob {
  kind: DocKind; refId: string; householdId?: string | null; title: string
  /** what the document shows: its hash is registered, so a printed copy can be checked against it */
  data: unknown
  paper: Paper | null; what: string; fileName: string; townshipCode: string
  /** the pure builder, called once without a stamp (glyph check) and once with it */
  build: (stamp: DocStamp | null) => DocDefinition
  /** a preview: rendered unnumbered with a 预览 watermark, nothing registered */
  preview?: boolean
}

/** A character the font lacks refuses before anything is numbered; then register (one write), then render with the stamp. */
export async function stampAndRender(core: Core, actor: Actor | null, job: PrintJob): Promise<Printed> {
  const tile = job.paper ? PAPERS[job.paper].tile : undefined
  // a board is laid out on A4, enlarged and cut into sheets (documents/tile.ts)
  // pdf-lib (≈ 10 MB) is loaded only when a notice is enlarged or tiled onto sheets
  const finish = async (pdf: Buffer, label: string) => {
    if (!tile) return pdf
    const { enlargePdf, tilePdf } = await import('../documents/tile')
    return Buffer.from((await tilePdf(await enlargePdf(pdf, tile), { target: tile, label })).bytes)
  }
  try {
    const draft = job.build(null)
    assertDocPrintable(draft, job.what)
    if (job.preview) {
      const bytes = await renderPdf({ ...draft, watermark: draft.watermark ?? { text: '预览稿 未编号', color: '#c00000', opacity: 0.12, fontSize: 64 } }, job.what)
      return { bytes: await finish(bytes, 'PREVIEW'), fileName: job.fileName.replace(/\.pdf$/, '-预览.pdf'), docNo: '', payload: '' }
    }
    const stamp = await withWrite(core, actor, (w) => registerDocument(w, { kind: job.kind, refId: job.refId, householdId: job.householdId, title: job.title, data: job.data, paper: job.paper, townshipCode: job.townshipCode }))
    const bytes = await finish(await renderPdf(job.build(stamp), job.what), stamp.docNo)
    return { bytes, fileName: job.fileName, docNo: stamp.docNo, payload: stamp.payload }
  } catch (e) {
    if (e instanceof FontError) throw new AppError('VALIDATION', e.message)
    throw e
  }
}

/**
 * 长期公示 (domain.md §8; 国发45): the households in payment now (在保, 渐退期), by village, with the 申请人's name —
 * never the 户主 as such. A file whose 申请人 has died, left or is not covered is listed for the township to name a
 * new 申请人 first (办法 art. 24): the board is not printed with a wrong name.
 */
export async function longTermNoticePdf(core: Core, actor: Actor | null, input: { villageCode?: string | null; paper?: Paper; preview?: boolean }) {
  const ctx = readCtx(core, actor)
  const t = await requireTownship(ctx)
  const village = input.villageCode ? await ctx.db.selectFrom('village').select(['code', 'name']).where('code', '=', input.villageCode).executeTakeFirst() : null
  if (input.villageCode && !village) throw new AppError('NOT_FOUND', `找不到村（社区）${input.villageCode}`)
  let q = ctx.db.selectFrom('household').innerJoin('village', 'village.code', 'household.village_code').leftJoin('member', 'member.id', 'household.applicant_member_id')
    .select(['household.id', 'household.file_no', 'household.head_name', 'household.group_name', 'household.category', 'household.benefit_fen', 'household.benefit_persons', 'household.member_count', 'village.name as village_name', 'member.name as applicant_name', 'member.left_at', 'member.is_beneficiary'])
    .where('household.status', 'in', ['active', 'phaseOut']).where('household.benefit_fen', 'is not', null)
  if (village) q = q.where('household.village_code', '=', village.code)
  const rows = await q.orderBy('household.village_code').orderBy('household.file_no').execute()
  if (rows.length === 0) throw new AppError('VALIDATION', `${village?.name ?? t.name}目前没有在保家庭，不需要长期公示`)
  const bad = rows.filter((r) => !r.applicant_name || r.left_at || !r.is_beneficiary)
  if (bad.length) throw new AppError('VALIDATION', `以下 ${bad.length} 户没有在保的申请人（已去世、迁出或不是保障对象），须先在档案中指定新的申请人，再打印长期公示：${bad.slice(0, 10).map((r) => `${r.file_no}（户主 ${r.head_name}）`).join('、')}${bad.length > 10 ? ' 等' : ''}`)
  const title = `${t.name}${village?.name ?? ''}最低生活保障对象长期公示`
  const data: NoticeDocData = {
    mode: 'longterm', townshipName: t.name, countyName: t.countyName, title, batchNo: '', villageName: village?.name ?? null, startDate: ctx.today, endDate: ctx.today, durationLabel: '',
    phones: await supervisionPhones(ctx, t.name),
    lines: await publicLines(ctx, rows.map((r, i) => ({ householdId: r.id, line: { seq: i + 1, villageName: r.group_name ? `${r.village_name}${r.group_name}` : r.village_name, applicantName: r.applicant_name!, persons: r.benefit_persons ?? r.member_count, amountFen: r.benefit_fen, category: codeName(HOUSEHOLD_CATEGORIES, r.category), remark: null } }))),
  }
  const paper = input.paper ?? 'A4'
  return stampAndRender(core, actor, { kind: 'longterm', refId: village?.code ?? t.code, title, data, paper, what: title, fileName: `${title}-${ctx.today}.pdf`, townshipCode: t.code, preview: input.preview, build: (stamp) => noticeDocument(data, paper, stamp) })
}
