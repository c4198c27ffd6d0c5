// 民主评议会议记录 (domain.md §7; forms.md §4, DERIVED layout): the header block, attendance, recusals, the
// policy briefing and minutes, the per-case vote table and opinions, then a signature grid for every participant
// and the 主持人 / 记录人 lines. A pure builder: an internal archive record (not a 公示), with no ID numbers;
// minutesSection is the body alone so the 一户一档 archive can include it.
import { formatChineseDate } from '../domain/dates'
import type { Content, DocDefinition } from './render'
import { mm } from './layout'
import { issuerBlock, officialDoc, ruled, signLine, td, th, type DocStamp } from './common'

export interface MinutesDocData {
  townshipName: string
  villageName: string
  meetingNo: string
  /** YYYY-MM-DD */
  date: string
  place: string
  chair: string
  recorder: string
  dueCount: number | null
  attendees: Array<{ name: string; kindLabel: string; signed: boolean }>
  briefing: string | null
  minutes: string | null
  status: 'draft' | 'closed'
  closedBy: string | null
  /** ISO timestamp of the signing */
  closedAt: string | null
  /** participants counted for the composition rule (observers excluded), as services/meetings.ts computes it */
  composition: { total: number; representatives: number; share: number; required: number; ok: boolean; message: string }
  cases: Array<{
    seq: number; caseNo: string; applicantName: string; persons: number; presentation: string | null
    agree: number | null; disagree: number | null; abstain: number | null; opinion: string | null; resultLabel: string | null; recusals: string | null
  }>
}

export type { DocStamp }

/** Body text of the form (小四 12 pt); tables a little smaller so nine columns fit the sheet. */
const BODY = 12
const TABLE = 10.5
export const DRAFT_LINE = '（草稿，会议记录尚未签署）'

const title = (d: MinutesDocData) => `${d.villageName}最低生活保障民主评议会议记录`
// headings before text carry headlineLevel 1: keepHeadingsWithNext moves one that would end a page to the next
// (not inside an unbreakable block, nor before a table: pdfmake records those nodes on the page it tried first)
const section = (text: string, keep = true): Content => ({ text, fontSize: 13, margin: [0, 10, 0, 3], ...(keep ? { headlineLevel: 1 } : {}) })
const sub = (text: string): Content => ({ text, margin: [0, 4, 0, 2], headlineLevel: 1 })
const paras = (text: string | null, empty: string): Content[] => {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  if (lines.length === 0) return [{ text: empty, color: '#555555', margin: [BODY * 2, 2, 0, 2] }]
  return lines.map((l) => ({ text: l, leadingIndent: BODY * 2, margin: [0, 2, 0, 2] }))
}
/**
 * A heading carried as the table's first (unruled) header row, so it never ends a page apart from the table:
 * pdfmake keeps header rows with the first body row (keepWithHeaderRows) and repeats them on each page, while a
 * heading in front of a table cannot be kept with it (the table's cells report the page they were tried on).
 */
function titled(heading: string, t: Content, opts: { fontSize?: number; note?: string } = {}): Content {
  const node = t as { table: { body: Content[][]; headerRows?: number; [k: string]: unknown }; [k: string]: unknown }
  const n = node.table.body[0]!.length
  const none = [false, false, false, false]
  const head: Content[] = [{ text: heading, fontSize: opts.fontSize ?? 13 }, ...(opts.note ? [{ text: opts.note, fontSize: 9, color: '#333333', margin: [0, 2, 0, 0] }] : [])]
  const row: Content[] = [{ stack: head, colSpan: n, border: none, margin: [-4, 6, 0, 0] }, ...Array.from({ length: n - 1 }, (): Content => ({ text: '', border: none }))]
  // no rule above the heading (pdfmake draws a table's top line before it applies the spanned cells' borders)
  const layout = { ...(node.layout as Record<string, unknown>), hLineWidth: (i: number) => (i === 0 ? 0 : 0.6) }
  return { ...node, layout, margin: [0, 4, 0, 8], table: { ...node.table, body: [row, ...node.table.body], headerRows: (node.table.headerRows ?? 0) + 1, keepWithHeaderRows: 1 } }
}
const shareLabel = (s: number) => (Math.abs(s - 2 / 3) < 1e-9 ? '三分之二' : Math.abs(s - 0.5) < 1e-9 ? '二分之一' : `${Math.round(s * 100)}%`)

function compositionText(d: MinutesDocData): string {
  const c = d.composition
  const head = `参加评议 ${c.total} 人，其中党员代表和村（居）民代表 ${c.representatives} 人（应不少于${shareLabel(c.share)}，即 ${c.required} 人）`
  const tail = d.attendees.length > c.total ? '；列席人员不计入、不参加表决' : ''
  return c.ok ? `${head}，符合组成要求${tail}` : `${head}${tail}。不符合组成要求：${c.message}`
}

/** The document body (title and content) without the page setup; the stamp puts the QR code by the issuer. */
export function minutesSection(d: MinutesDocData, stamp: DocStamp | null = null): { title: string; content: Content[] } {
  const observers = Math.max(0, d.attendees.length - d.composition.total)
  const present = `${d.attendees.length} 人${observers ? `（含列席 ${observers} 人）` : ''}`
  // a draft is the sheet filled in at the meeting: what is not recorded yet stays blank for the pen
  const draft = d.status === 'draft'
  const votes = (n: number | null) => (n === null ? (draft ? '' : '—') : String(n))
  const topic = `对 ${d.cases.length} 户家庭的最低生活保障事项进行民主评议（${d.cases.map((c) => c.applicantName).join('、')}）`
  const header = ruled([
    [th('乡镇（街道）'), td(d.townshipName), th('村（社区）'), td(d.villageName)],
    [th('时间'), td(formatChineseDate(d.date)), th('地点'), td(d.place)],
    [th('主持人'), td(d.chair), th('记录人'), td(d.recorder)],
    [th('应到人数'), td(d.dueCount === null ? '' : `${d.dueCount} 人`), th('实到人数'), td(present)],
    [th('代表占比'), td(compositionText(d), { colSpan: 3 }), '', ''],
    [th('评议议题'), td(topic, { colSpan: 3 }), '', ''],
  ], [mm(26), '*', mm(24), '*'], { fontSize: BODY })

  // attendance: two people a row (序号 | 姓名 | 身份 | 签字, twice)
  const people = d.attendees.map((a, i) => [td(i + 1, { alignment: 'center' }), td(a.name), td(a.kindLabel), td(a.signed ? '已签字' : '未签字', { alignment: 'center' })])
  const attRows: Content[][] = [[th('序号'), th('姓名'), th('身份'), th('签字'), th('序号'), th('姓名'), th('身份'), th('签字')]]
  for (let i = 0; i < people.length; i += 2) attRows.push([...people[i]!, ...(people[i + 1] ?? [td(''), td(''), td(''), td('')])])
  const attendance = titled('一、参会人员', ruled(attRows, [mm(10), mm(20), '*', mm(15), mm(10), mm(20), '*', mm(15)], { headerRows: 1, fontSize: TABLE }))

  const recused = d.cases.filter((c) => c.recusals?.trim())
  const recusals: Content[] = recused.length
    ? recused.map((c) => ({ text: `${c.seq}. 评议${c.applicantName}户时：${c.recusals!.trim()}`, margin: [BODY * 2, 2, 0, 2] }))
    : [{ text: '本次会议无须回避的人员。', leadingIndent: BODY * 2, margin: [0, 2, 0, 2] }]

  const caseRows: Content[][] = [
    ['序号', '申请人', '家庭人口', '调查情况介绍', '同意', '不同意', '弃权', '评议结论', '回避'].map((h) => th(h)),
    ...d.cases.map((c) => [
      td(c.seq, { alignment: 'center' }), td(c.applicantName), td(`${c.persons}人`, { alignment: 'center' }), td(c.presentation ?? (draft ? '' : '（未记录）'), draft ? { margin: [0, 0, 0, mm(8)] } : {}),
      td(votes(c.agree), { alignment: 'center' }), td(votes(c.disagree), { alignment: 'center' }), td(votes(c.abstain), { alignment: 'center' }),
      td(c.resultLabel ?? (draft ? '' : '—'), { alignment: 'center' }), td(c.recusals?.trim() ? c.recusals.trim() : (draft ? '' : '无')),
    ]),
  ]
  // widths are without the 4 pt cell padding either side: the fixed columns fit their headers at 10.5 pt
  const caseTable = titled('（三）逐户介绍情况和评议表决', ruled(caseRows, [mm(8), mm(15.5), mm(8), '*', mm(8), mm(11.5), mm(8), mm(15), mm(18.5)], { headerRows: 1, fontSize: TABLE }), { fontSize: BODY })
  const opinions = d.cases.filter((c) => c.opinion?.trim())
  const opinionLines: Content[] = opinions.length
    ? opinions.map((c) => ({ text: `${c.seq}. ${c.applicantName}户：${c.opinion!.trim()}${c.resultLabel ? `（评议结论：${c.resultLabel}）` : ''}`, margin: [BODY * 2, 2, 0, 2] }))
    : [{ text: '（未记录评议意见）', color: '#555555', margin: [BODY * 2, 2, 0, 2] }]

  // signature grid: four people a row, the printed name and room for the pen
  const cell = (a: MinutesDocData['attendees'][number] | undefined): Content => a
    ? { stack: [{ text: `${a.name}（${a.kindLabel}）`, fontSize: 9, color: '#333333' }, { text: '签名：', fontSize: 9, color: '#777777', margin: [0, 2, 0, 0] }], margin: [0, 0, 0, mm(8)] }
    : { text: ' ' }
  const gridRows: Content[][] = []
  for (let i = 0; i < d.attendees.length; i += 4) gridRows.push([0, 1, 2, 3].map((k) => cell(d.attendees[i + k])))
  // the signatures are on a sheet of their own (the 签字页 scanned into the archive, closeMeeting): it names the meeting
  const signTitle = '四、参会人员签名（签字页）'
  const signNote = `${d.townshipName}${d.villageName}最低生活保障民主评议会议　会议编号 ${d.meetingNo}　${formatChineseDate(d.date)}　评议 ${d.cases.length} 户`
  const grid = gridRows.length ? titled(signTitle, ruled(gridRows, ['*', '*', '*', '*'], { fontSize: TABLE }), { note: signNote }) : { stack: [section(signTitle, false), { text: signNote, fontSize: 9 }, { text: '（未登记参会人员）', color: '#555555' }] }

  const closed: Content[] = d.status === 'closed' && d.closedAt
    ? [{ text: `本记录经全体参会人员签字，于${formatChineseDate(d.closedAt.slice(0, 10))}由${d.closedBy ?? '经办人'}在系统中确认签署，签字页扫描件随档保存。`, fontSize: 10, color: '#333333', margin: [0, 6, 0, 0] }]
    : []

  const content: Content[] = [
    ...(d.status === 'draft' ? [{ text: DRAFT_LINE, alignment: 'center', fontSize: BODY, color: '#b00000', margin: [0, -6, 0, 8] }] : []),
    header,
    attendance,
    section('二、回避情况'),
    ...recusals,
    section('三、会议内容'),
    sub('（一）宣讲政策'),
    ...paras(d.briefing, '（未记录宣讲内容）'),
    sub('（二）会议记录'),
    ...paras(d.minutes, '（未填写会议记录）'),
    caseTable,
    sub('（四）评议意见'),
    ...opinionLines,
    // the 签字页: grid, the two lines and the issuer on one sheet (an unbreakable block must fit a page: up to 32
    // people; a larger meeting's grid runs on with its heading repeated, the closing lines kept together)
    {
      pageBreak: 'before', unbreakable: gridRows.length <= 8,
      stack: [grid, { unbreakable: true, stack: [signLine('主持人（签字）', { blankChars: 12 }), signLine('记录人（签字）', { blankChars: 12 }), ...closed, issuerBlock(`${d.villageName}民主评议小组`, d.date, stamp, { sealNote: '' })] }],
    },
  ]
  return { title: title(d), content }
}

/** pdfmake options the shared DocDefinition type does not list (renderPdf passes the definition through). */
export type MinutesDocDefinition = DocDefinition & {
  pageBreakBefore?: typeof keepHeadingsWithNext
}

/** The minutes on an A4 form page; a draft carries a 草稿 watermark and the line under the title. */
export function minutesDocument(d: MinutesDocData, stamp: DocStamp | null): MinutesDocDefinition {
  const s = minutesSection(d, stamp)
  const doc = officialDoc({ title: s.title, stamp, form: true, bodySize: BODY, footerNote: `会议编号 ${d.meetingNo}`, subject: `民主评议会议记录 ${d.meetingNo}` }, s.content)
  const footer = doc.footer
  const out = { ...doc, footer: footer && markFooter(footer), pageBreakBefore: keepHeadingsWithNext }
  return d.status === 'draft' ? { ...out, watermark: { text: '草稿 未签署', opacity: 0.08, color: '#b00000', fontSize: 90 } } : out
}

interface NodeInfo { headlineLevel?: number }
/**
 * pdfmake's pageBreakBefore: a heading (headlineLevel 1) with nothing but other headings after it on its page
 * starts the next page instead. The page footer is laid out after the body and listed among the page's nodes, so
 * it carries headlineLevel 0 (markFooter) and does not count; a document that includes minutesSection needs both.
 */
export function keepHeadingsWithNext(node: NodeInfo, nodes: { getFollowingNodesOnPage(): NodeInfo[] }): boolean {
  if (node.headlineLevel !== 1) return false
  return !nodes.getFollowingNodesOnPage().some((n) => n.headlineLevel === undefined)
}

/** The footer with headlineLevel 0, so keepHeadingsWithNext does not take it for body text. */
export function markFooter(footer: NonNullable<DocDefinition['footer']>): NonNullable<DocDefinition['footer']> {
  return (page, pages) => {
    const f = footer(page, pages)
    return typeof f === 'object' && !Array.isArray(f) ? { ...f, headlineLevel: 0 } : { stack: [f], headlineLevel: 0 }
  }
}
