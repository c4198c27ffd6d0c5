// Letters served on a person (domain.md §9; forms.md §6): the 书面告知书 of a decision (不予确认, 减发, 停发,
// 渐退, and the notices of approval and other outcomes), the 不予受理告知书 and the 补正材料告知书. Each is a
// GB/T 9704 letter addressed to the applicant, with facts, basis, amounts, the views heard, the remedy
// (复议 60 days / 诉讼 6 months) where the decision is against him, the issuer, and a 送达回证 for the file.
import type { Content, DocDefinition } from './render'
import { heading, issuerBlock, officialDoc, para, ruled, td, th, type DocStamp } from './common'
import { mm, PT } from './layout'

export interface DecisionLetterData {
  title: string
  /** "张三：" — the applicant */
  addressee: string
  paragraphs: string[]
  /** the facts and amounts, printed as a small table after the body (label, value) */
  facts: Array<[string, string]>
  /** 行政复议 / 行政诉讼 text (template remedy), null when the letter grants what was asked */
  remedy: string | null
  issuer: string
  date: string
  caseNo: string
  /** who signs as 送达人, and the addressee's village (送达地点) */
  deliveryPlace: string
}

function receipt(d: { addressee: string; title: string; deliveryPlace: string; docNo: string | null }): Content {
  return {
    pageBreak: 'before',
    stack: [
      { text: '送 达 回 证', alignment: 'center', fontSize: PT.title, margin: [0, 0, 0, 12] },
      ruled([
        [th('送达文书'), td(d.title, { colSpan: 3 }), '', ''],
        [th('文书编号'), td(d.docNo ?? '', { colSpan: 3 }), '', ''],
        [th('受送达人'), td(d.addressee), th('送达地点'), td(d.deliveryPlace)],
        [th('送达方式'), td('□直接送达    □留置送达    □邮寄送达    □委托送达', { colSpan: 3 }), '', ''],
        [th('受送达人签收'), td('\n\n\n            年    月    日'), th('送达人签名'), td('\n\n\n            年    月    日')],
        [th('见证人签名'), td('\n\n'), th('代收人及关系'), td('\n\n')],
        [th('备注'), td('受送达人拒绝签收的，送达人应在备注中注明拒收事由和日期，由送达人、见证人签名，把文书留在受送达人住所，即视为送达。', { colSpan: 3, fontSize: 11 }), '', ''],
      ], [mm(30), '*', mm(30), '*'], { fontSize: PT.small + 1 }),
      { text: '送达回证填写后存入一户一档。', style: 'note' },
    ],
  }
}

export function decisionLetterSection(d: DecisionLetterData): { title: string; content: Content[] } {
  return {
    title: d.title,
    content: [
      { text: `${d.addressee}：`, margin: [0, 0, 0, 4] },
      ...d.paragraphs.map(para),
      ...(d.facts.length ? [ruled(d.facts.map(([k, v]) => [th(k, { alignment: 'left' }), td(v)]), [mm(50), '*'], { fontSize: PT.small, margin: [mm(6), 4, mm(6), 6] })] : []),
      ...(d.remedy ? [para(d.remedy)] : []),
      para('特此告知。'),
    ],
  }
}

/** A letter on the GB/T 9704 page: its section, the issuer with the seal and QR, the copies note, the 送达回证. */
function letterDocument(s: { title: string; content: Content[] }, d: { caseNo: string; issuer: string; date: string; addressee: string; deliveryPlace: string }, copies: string, stamp: DocStamp | null): DocDefinition {
  return officialDoc({ title: s.title, stamp, footerNote: `案件编号 ${d.caseNo}`, subject: `${s.title} ${d.caseNo}` }, [
    ...s.content,
    issuerBlock(d.issuer, d.date, stamp),
    { text: copies, style: 'note' },
    receipt({ addressee: d.addressee, title: s.title, deliveryPlace: d.deliveryPlace, docNo: stamp?.docNo ?? null }),
  ])
}

export function decisionLetterDocument(d: DecisionLetterData, stamp: DocStamp | null): DocDefinition {
  return letterDocument(decisionLetterSection(d), d, '本告知书一式两份，一份送达当事人，一份存入一户一档。', stamp)
}

export interface MaterialsLetterData {
  addressee: string; receivedDate: string; items: string[]; deadline: string | null; lapseNote: string | null
  issuer: string; date: string; caseNo: string; deliveryPlace: string; contact: string
}

/** 补正材料告知书 (一次性告知, 办法 art. 10): every missing item at once, the deadline, what happens after it. */
export function materialsLetterSection(d: MaterialsLetterData): { title: string; content: Content[] } {
  const title = '最低生活保障申请补正材料告知书'
  return {
    title,
    content: [
      { text: `${d.addressee}：`, margin: [0, 0, 0, 4] },
      para(`你于${d.receivedDate}提出的最低生活保障申请，经审查，申请材料不齐全。根据《最低生活保障审核确认办法》第十条的规定，现一次性告知需要补正的全部材料如下：`),
      heading('需要补正的材料'),
      ruled([[th('序号'), th('材料名称及要求')], ...d.items.map((it, i) => [td(i + 1, { alignment: 'center' }), td(it)])], [mm(14), '*'], { headerRows: 1, fontSize: PT.small + 1 }),
      para(d.deadline ? `请于${d.deadline}前将上述材料提交至${d.issuer}（社会救助窗口）。材料补齐之日起，我们依法受理你的申请。` : `请尽快将上述材料提交至${d.issuer}（社会救助窗口）。材料补齐之日起，我们依法受理你的申请。`),
      ...(d.lapseNote ? [para(d.lapseNote)] : []),
      para(`如有疑问，请咨询：${d.contact}。`),
      para('特此告知。'),
    ],
  }
}

export function materialsLetterDocument(d: MaterialsLetterData, stamp: DocStamp | null): DocDefinition {
  return letterDocument(materialsLetterSection(d), d, '本告知书一式两份，一份交申请人，一份存入一户一档。', stamp)
}
