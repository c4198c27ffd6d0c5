// The parts every printed document shares (design.md §8; forms.md §10): the GB/T 9704 page, the footer with
// the document number and 第 X 页 共 Y 页, the issuer block with the verification QR code, ruled form tables,
// □是 □否 boxes and signature lines with 年 月 日. The builders compose these; none of them reads data.
import { formatChineseDate } from '../domain/dates'
import { formatYuan, toChineseUppercase } from '../domain/money'
import type { Content, DocDefinition } from './render'
import { mm, OFFICIAL_MARGINS, PAPERS, PT, type Paper } from './layout'

/** The number and QR payload the register gave this printing (services/docRegister.ts). */
export interface DocStamp { docNo: string; payload: string }

/** "王建国（zhenzhang）" → "王建国": an operator's name as signed, without the login name. */
export const signerName = (s: string) => s.replace(/（[\x21-\x7e]+）$/, '')

/** A checked and an unchecked box (the font has no ☑; ⊠ is the usual stand-in on printed forms). */
export const BOX_ON = '⊠'
export const BOX_OFF = '□'
export const box = (on: boolean, label: string) => `${on ? BOX_ON : BOX_OFF}${label}`
/** "⊠是 □否" (or both empty when unknown). */
export const yesNo = (v: boolean | null | undefined) => `${box(v === true, '是')}  ${box(v === false, '否')}`

/** 1,234.50 元（大写：壹仟贰佰叁拾肆元伍角整） */
export const yuanWithUpper = (fen: number) => `${formatYuan(fen)} 元（大写：${toChineseUppercase(fen)}）`

/** An empty "年 月 日" for a hand-written date, or the date in document style. */
export const dateOrBlank = (d: string | null | undefined) => (d ? formatChineseDate(d) : '        年    月    日')

/** A signature line: "申请人（签字/手印）：＿＿＿＿＿＿    年  月  日" (the name printed when known). */
export function signLine(label: string, opts: { name?: string | null; date?: string | null; blankChars?: number } = {}): Content {
  return {
    columns: [
      { width: 'auto', text: [`${label}：`, opts.name ? { text: opts.name } : blank(opts.blankChars ?? 8)] },
      { width: '*', text: dateOrBlank(opts.date), alignment: 'right' },
    ],
    columnGap: 6, margin: [0, 12, 0, 0],
  }
}

/** A blank to be written by hand, underlined. */
export const blank = (n = 8) => ({ text: '\u3000'.repeat(n), decoration: 'underline' })

/** A ruled table; `head` rows repeat on each page, rows never split. */
export function ruled(body: Content[][], widths: Array<number | string>, opts: { headerRows?: number; fontSize?: number; margin?: [number, number, number, number]; rowHeight?: number } = {}): Content {
  const h = opts.rowHeight
  const head = opts.headerRows ?? 0
  return {
    table: { headerRows: head, ...(head ? { keepWithHeaderRows: 1 } : {}), dontBreakRows: true, widths, body, ...(h ? { heights: (row: number) => (row < head ? 'auto' : h) } : {}) },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3, paddingLeft: () => 4, paddingRight: () => 4 },
    fontSize: opts.fontSize ?? PT.table, margin: opts.margin ?? [0, 4, 0, 8],
  }
}
/** A label cell (shaded lightly so the eye finds the field names on a ruled form). */
export const th = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, fillColor: '#f2f2f2', alignment: 'center', ...extra })
export const td = (text: string | number | null | undefined, extra: Record<string, unknown> = {}): Content => ({ text: text === null || text === undefined || text === '' ? ' ' : String(text), ...extra })

/** "一、" headings (GB/T 9704: 黑体 in print; one face here, so set apart by size and spacing). */
export const heading = (text: string): Content => ({ text, fontSize: PT.body, margin: [0, 8, 0, 4] })

/** The issuer block at the bottom right with the date, and the QR code for 文书核验 at the left. */
export function issuerBlock(issuer: string, date: string, stamp: DocStamp | null, opts: { sealNote?: string } = {}): Content {
  return {
    unbreakable: true,
    columns: [
      stamp ? { width: mm(36), stack: [{ qr: stamp.payload, fit: 100, eccLevel: 'M' }, { text: '扫码核验', fontSize: 9, margin: [mm(9), 2, 0, 0] }] } : { width: mm(36), text: '' },
      { width: '*', stack: [
        { text: issuer, alignment: 'right', margin: [0, 18, mm(14), 0] },
        ...(opts.sealNote === '' ? [] : [{ text: opts.sealNote ?? '（盖章）', alignment: 'right', fontSize: PT.small, margin: [0, 2, mm(20), 0] }]),
        { text: formatChineseDate(date), alignment: 'right', margin: [0, 2, mm(14), 0] },
      ] },
    ],
    margin: [0, 10, 0, 0],
  }
}

export interface OfficialOptions {
  title: string
  paper?: Paper
  stamp: DocStamp | null
  /** extra words in the footer before the page numbers (e.g. 公示编号) */
  footerNote?: string
  /** forms (ruled tables) use narrower margins than letters and notices */
  form?: boolean
  subject?: string
  /** body size: 3号 (16 pt) for letters; forms and minutes use 12–14 pt */
  bodySize?: number
}

/** A document on the GB/T 9704 page: title, content, footer "文书编号 … 第 X 页 共 Y 页". */
export function officialDoc(o: OfficialOptions, content: Content[]): DocDefinition {
  const p = PAPERS[o.paper ?? 'A4']
  const size = o.bodySize ?? PT.body
  return {
    pageSize: p.pageSize, pageOrientation: p.orientation,
    pageMargins: o.form ? [mm(20), mm(20), mm(20), mm(22)] : OFFICIAL_MARGINS,
    content: [{ text: o.title, style: 'title' }, ...content],
    footer: (page, pages) => ({ text: `${o.stamp ? `文书编号 ${o.stamp.docNo}    ` : ''}${o.footerNote ? `${o.footerNote}    ` : ''}第 ${page} 页 共 ${pages} 页`, alignment: 'center', fontSize: o.form ? 9 : PT.small, margin: [0, o.form ? mm(8) : mm(12), 0, 0] }),
    defaultStyle: { fontSize: size, lineHeight: 1.35 },
    styles: {
      title: { fontSize: PT.title, alignment: 'center', margin: [0, 0, 0, 12] },
      body: { fontSize: size, leadingIndent: size * 2, margin: [0, 2, 0, 2] },
      note: { fontSize: PT.small - 1, margin: [0, 4, 0, 0] },
    },
    info: { title: o.title, subject: o.subject ?? o.title },
  }
}

/** A paragraph of body text with the two-character first-line indent. */
export const para = (text: string): Content => ({ text, style: 'body' })
