// 入户调查表 and 审核确认表 (domain.md §3, §6, §9; forms.md §2, §3, §10): A4 portrait ruled forms of the case file
// (two sheets for a usual household), in the DERIVED order of forms.md §2 and the LS18/CQ fields of §3. Internal
// archive forms, not 公示: full ID numbers print, bank accounts never. Pure builders (services/printCase.ts gathers
// the data); each form is a section for the 一户一档 archive (same A4 form page) and a document of its own.
import { formatChineseDate } from '../domain/dates'
import { formatYuan } from '../domain/money'
import { VISIT_CHECKS } from '../domain/visitChecks'
import type { Content, DocDefinition } from './render'
import { BOX_OFF, BOX_ON, box, officialDoc, ruled, td, th, yesNo, yuanWithUpper, type DocStamp } from './common'
import { mm } from './layout'

// ───────────────────────── data ─────────────────────────

/** Where the form belongs (the header line) and its numbers. */
export interface FormHeader {
  townshipName: string; countyName: string; villageName: string; groupName: string | null
  category: 'urban' | 'rural'; caseNo: string; fileNo: string
}
export interface FormHousehold {
  headName: string; applicantName: string | null; memberCount: number; phone: string | null
  /** the full address, below the village (组, street, number): allowed on these internal forms */
  address: string; hukouAddress: string | null; povertyCause: string | null
  registeredPoor: boolean; relativeFiling: boolean; housingType: string | null; housingArea: number | null
}
export interface FormMember {
  name: string; relation: string; idNumber: string; gender: 'male' | 'female'; age: number
  /** short labels (健康 / 慢性病 / 重病), the diagnosis and 残疾 class printed under it */
  health: string; diagnosis: string | null; disability: string | null
  labour: string; employment: string; employerSchool: string | null
  /** the member's monthly income rows, summed */
  monthlyIncomeFen: number; beneficiary: boolean
  /** why the member is not counted in the family (办法 art. 7), or null */
  notCounted: string | null
}
export interface FormAsset { kind: string; description: string; owner: string | null; quantity: string | null; sizeClass: string | null; valueFen: number; exempt: boolean; exemptReason: string | null; evidence: string | null }
export interface FormIncome { memberName: string | null; kind: string; subtype: string | null; amountFen: number; source: string; counted: boolean; note: string | null }
export interface FormObligor { name: string; relation: string; age: number | null; health: string | null; job: string | null; householdSize: number | null; monthlyIncomeFen: number | null; supportPaidFen: number | null; waiver: boolean; waiverReason: string | null }
/** One ticked item of the 生活状况核查清单 (api/caseSchemas.ts HomeVisitRecord.checks), names resolved. */
export interface FormCheck { code: string; memberName: string | null; amountFen: number | null; months: number | null; note: string }

export interface VisitFormData extends FormHeader {
  household: FormHousehold
  members: FormMember[]; assets: FormAsset[]; incomes: FormIncome[]; obligors: FormObligor[]
  visit: {
    date: string
    investigators: Array<{ name: string; role: string }>
    membersPresent: Array<{ name: string; relation: string }>
    livingConditions: string; housing: string | null
    findings: Array<{ memberName: string; text: string }>
    neighbourInquiry: string | null; conclusion: string
    checks: FormCheck[]
    /** a line under the title, e.g. that this record was corrected later */
    remark: string | null
  }
}

export interface FormSigned { signer: string; date: string }
export interface ReviewFormData extends FormHeader {
  kindLabel: string; receivedDate: string | null
  /** the 审核确认 is the township's (delegated, final block 乡镇审核确认意见) or the county's */
  decisionLevel: 'county' | 'township'
  /** 县级审批 (old procedures) rather than 审核确认 */
  countyApproval: boolean
  /** new application (纳入) or a management case (复核、变更、停保…) */
  management: boolean
  household: FormHousehold
  individual: { memberName: string; basis: string } | null
  members: FormMember[]; assets: FormAsset[]; obligors: FormObligor[]
  income: {
    /** the five 办法 art. 13 kinds in order, counted monthly amounts */
    byKind: Array<{ label: string; amountFen: number }>
    totalFen: number; perCapitaFen: number | null; persons: number | null; standardFen: number | null
    basis: string; notCounted: string[]
  }
  investigation: { date: string; conclusion: string; investigators: Array<{ name: string; role: string }> } | null
  check: { date: string; source: string; reportNo: string | null; consistent: boolean; summary: string } | null
  meetings: Array<{ date: string; meetingNo: string; resultLabel: string | null; agree: number | null; disagree: number | null; abstain: number | null }>
  notices: Array<{ batchNo: string; startDate: string; endDate: string; posted: boolean }>
  objections: Array<{ receivedDate: string; content: string; result: string | null; upheld: boolean | null; closed: boolean }>
  preliminary: (FormSigned & { opinion: string; reason: string | null; recheckClass: string | null; persons: number | null; amountFen: number | null }) | null
  decision: (FormSigned & {
    outcome: string; reason: string | null; rejected: boolean
    standardFen: number | null; persons: number | null; monthlyIncomeFen: number | null; perCapitaFen: number | null
    steps: string[]; amountFen: number | null; previousFen: number | null
    startMonth: string | null; phaseOutUntil: string | null; recheckClass: string | null
  }) | null
}

export type { DocStamp }

// ───────────────────────── layout parts ─────────────────────────

type Cell = { [k: string]: unknown }
/** Table text size; the page is 170 mm wide (form margins 20 mm), tables fill it through one '*' column. */
const T = 10
const SMALL = 9

const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatYuan(fen))
const month = (ym: string | null | undefined) => (ym ? `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月` : '')
const cnDate = (d: string | null | undefined) => (d ? formatChineseDate(d) : '')
const BLANK_DATE = '　　　　年　　月　　日'

/** Advance of one character in em, a little generous (Noto CJK: Han and full-width forms 1, digits 0.56, Latin ≤ 1). */
function em(ch: string): number {
  const c = ch.codePointAt(0)!
  if (c > 0x7e) return 1
  if (ch === ' ') return 0.27
  if (/[,.:;'|!]/.test(ch)) return 0.34
  if (/[-/()[\]]/.test(ch)) return 0.4
  if (/[0-9]/.test(ch)) return 0.56
  if (/[=+<>~]/.test(ch)) return 0.6
  if (/[a-z]/.test(ch)) return 0.62
  return ch === '%' || ch === 'M' || ch === 'W' || ch === 'm' || ch === 'w' ? 1.05 : 0.75
}
const ems = (s: string) => [...s].reduce((w, ch) => w + em(ch), 0)
/** Marks that may not begin a line (避头点), and those that may not end one. */
const CLOSING = /^[，。、；：）」》％！？]$/u
const OPENING = /^[（「《“]$/u
const tokensOf = (text: string) => text.match(/[\x21-\x7e]+|[\s\S]/gu) ?? [text]

/**
 * Wraps a paragraph for a cell `widthPt` wide, with explicit line breaks: greedy, a closing mark never starts a
 * line, and the last line is never one to three characters (they are pulled down with a few from the line above).
 * The widths are a little generous, so the renderer never breaks a line again; lines may end a little short.
 */
export function wrap(text: string, widthPt: number, size: number): string {
  const max = (widthPt / size) * 0.985
  return text.split('\n').map((para) => {
    const toks = tokensOf(para)
    if (ems(para) <= max) return para
    const out: string[][] = [[]]
    let w = 0
    for (const t of toks) {
      const tw = ems(t)
      const line = out[out.length - 1]!
      if (w + tw > max && line.length) {
        // a closing mark stays with the character before it (that character goes down too); an opening one goes down
        const carry = (CLOSING.test(t) || OPENING.test(line[line.length - 1]!)) && line.length > 1 ? [line.pop()!] : []
        out.push([...carry, t])
        w = ems(carry.join('')) + tw
      } else { line.push(t); w += tw }
    }
    const last = out[out.length - 1]!
    if (out.length > 1 && ems(last.join('')) < 4) {
      const prev = out[out.length - 2]!
      while (ems(last.join('')) < 5 && prev.length > 5) {
        last.unshift(prev.pop()!)
        if (CLOSING.test(last[0]!) && prev.length > 4) last.unshift(prev.pop()!)
      }
    }
    return out.map((l) => l.join('')).join('\n')
  }).join('\n')
}
/**
 * Breaks a short text for a narrow cell into balanced lines of at most `max` em, never leaving one character
 * alone on the last line (the renderer would otherwise break greedily: "小冀镇中心高级中" + "学"). ASCII runs stay whole.
 */
export function balanced(text: string, max: number): string {
  if (ems(text) <= max) return text
  const tokens = tokensOf(text)
  const target = ems(text) / Math.ceil(ems(text) / max)
  const out: string[] = []
  for (let i = 0; i < tokens.length;) {
    // the break nearest the balanced length, better just after a punctuation mark, never just before one
    let w = 0, best = i + 1, score = Infinity
    for (let j = i; j < tokens.length; j++) {
      w += ems(tokens[j]!)
      if (w > max && j > i) break
      if (j + 1 === tokens.length) { best = j + 1; break }
      const s = Math.abs(w - target) - (PUNCT.test(tokens[j]!) ? 1.5 : 0) + (PUNCT.test(tokens[j + 1]!) ? 5 : 0)
      if (s < score) { score = s; best = j + 1 }
    }
    out.push(tokens.slice(i, best).join(''))
    i = best
  }
  return out.join('\n')
}
const PUNCT = /^[，、；：。）」]$/

/** Content widths (pt) of the cells that carry running text, on the form page (A4, 20 mm margins). */
const PAGE_W = 595.28 - 2 * mm(20)
const W_FULL = PAGE_W - 8 - 1.2            // a row spanning the whole table
const W_TEXT = PAGE_W - 64 - 16 - 1.8      // the text cell beside a 64 pt label
const W_BASIC = PAGE_W - 52 - 16 - 1.8     // beside a 52 pt label, spanning the rest of a 6-column row
const W_HALF = (PAGE_W - 16 - 1.8) / 2 - 13 // a check-list item's note, under its box

const span = (cell: Cell, n: number): Cell[] => [{ ...cell, colSpan: n }, ...Array.from({ length: n - 1 }, () => ({}))]
/** The shaded first row of each block: "三、家庭财产". */
const sectionRow = (title: string, n: number, note?: string): Cell[] => span({ text: note ? [title, { text: `　${note}`, fontSize: SMALL }] : title, fillColor: '#dcdcdc', margin: [0, 1, 0, 1] }, n)
/** A shaded label cell, centred both ways. */
const lbl = (text: string, extra: Cell = {}): Cell => th(text, { verticalAlignment: 'middle', ...extra }) as Cell
const val = (text: string | number | null | undefined, extra: Cell = {}): Cell => td(text, { verticalAlignment: 'middle', ...extra }) as Cell
const num = (text: string, extra: Cell = {}): Cell => val(text, { alignment: 'right', ...extra })
const mid = (text: string | number | null | undefined, extra: Cell = {}): Cell => val(text, { alignment: 'center', ...extra })
/** A cell for hand-writing: empty, with room. */
const handCell = (minLines = 1, extra: Cell = {}): Cell => ({ text: '\n'.repeat(Math.max(0, minLines - 1)) + ' ', margin: [0, 5, 0, 5], ...extra })
/** The 注 closing a form, as its last (unshaded) row so it never sits alone on a sheet. */
const noteRow = (text: string, n: number): Cell[] => span({ text: wrap(text, W_FULL, SMALL), fontSize: SMALL, lineHeight: 1.3 }, n)
const none = (n: number, text = '无'): Cell[] => span(val(text, { alignment: 'center', color: '#333333' }), n)

/** A ruled block: the section row (and column heads) repeat on a new sheet and keep with the first row. */
function grid(rows: Cell[][], widths: Array<number | string>, headerRows = 1): Content {
  const t = ruled(rows, widths, { headerRows, fontSize: T, margin: [0, 0, 0, 0] }) as Cell & { table: Cell }
  t.table.keepWithHeaderRows = 1
  t.lineHeight = 1.2
  return t
}

/** Paragraph lines in a cell, one per entry. */
const lines = (xs: string[], width = W_TEXT): Cell => ({ stack: xs.map((x) => ({ text: wrap(x, width, T) })), verticalAlignment: 'middle' })
/** Running text in the cell beside a label. */
const textCell = (text: string, width = W_TEXT): Cell => val(wrap(text, width, T))

function categoryBoxes(c: 'urban' | 'rural'): string { return `${box(c === 'urban', '城市')}　${box(c === 'rural', '农村')}` }

/** The line above the form: 乡镇 / 村 / 组, a date, 城市□农村□. */
function headerLine(d: FormHeader, dateLabel: string, date: string | null): Content {
  return {
    columns: [
      { width: '*', text: `乡镇（街道）：${d.townshipName}　村（社区）：${d.villageName}${d.groupName ?? ''}` },
      { width: 'auto', text: `${dateLabel}：${date ? cnDate(date) : BLANK_DATE}` },
      { width: 'auto', text: categoryBoxes(d.category) },
    ],
    columnGap: 12, fontSize: T, margin: [0, 0, 0, 4],
  }
}

function memberHealth(m: FormMember): Cell {
  const extra = [m.diagnosis, m.disability].filter((x): x is string => !!x)
  return { stack: [{ text: m.health }, ...extra.map((x) => ({ text: balanced(x, 6), fontSize: SMALL }))], alignment: 'center', verticalAlignment: 'middle' }
}
function memberJob(m: FormMember): Cell {
  return { stack: [{ text: m.employment || ' ' }, ...(m.employerSchool ? [{ text: balanced(m.employerSchool, 6), fontSize: SMALL }] : [])], alignment: 'center', verticalAlignment: 'middle' }
}
const genderName = (g: 'male' | 'female') => (g === 'male' ? '男' : '女')

/** The member table: internal form, so the ID number prints in full (18 digits fit on one line at 10 pt). */
function memberTable(no: string, members: FormMember[], mode: 'visit' | 'review'): Content {
  const head: Cell[] = [lbl('姓名'), lbl('与户主\n关系'), lbl('公民身份号码'), lbl('性\n别'), lbl('年\n龄'), lbl('健康状况'),
    ...(mode === 'visit' ? [lbl('劳动能力')] : []), lbl('就业/就学'), lbl('月收入\n（元）'), ...(mode === 'review' ? [lbl('保障\n对象')] : [])]
  const n = head.length
  const rows: Cell[][] = members.map((m) => [
    mid(m.name), mid(balanced(m.relation, 3)), mid(m.idNumber, { noWrap: true }), mid(genderName(m.gender)), mid(m.age), memberHealth(m),
    ...(mode === 'visit' ? [mid(m.labour)] : []), memberJob(m), num(m.monthlyIncomeFen ? yuan(m.monthlyIncomeFen) : '0.00'),
    ...(mode === 'review' ? [mid(m.beneficiary && !m.notCounted ? '是' : '否')] : []),
  ])
  const total = members.reduce((s, m) => s + m.monthlyIncomeFen, 0)
  const counted = members.filter((m) => !m.notCounted).length
  const notes = members.filter((m) => m.notCounted).map((m) => `${m.name}：${m.notCounted}`)
  rows.push(span(textCell(`共 ${members.length} 人${counted !== members.length ? `（共同生活计入 ${counted} 人）` : ''}，成员月收入合计 ${yuan(total)} 元${notes.length ? `。不计入家庭成员：${notes.join('；')}` : ''}`, W_FULL), n))
  // widths in pt (content; padding and rules come on top): 18 digits are ≈ 10 em, so 101 pt at 10 pt
  const widths = mode === 'visit' ? [41, 30, 101, 12, 18, 56, 40, 56, '*'] : [41, 30, 101, 12, 18, 56, 56, '*', 20]
  return grid([sectionRow(`${no}、家庭成员情况`, n), head, ...rows], widths, 2)
}

function assetRows(assets: FormAsset[]): Cell[][] {
  return assets.map((a) => [
    mid(balanced(a.kind, 6)), val(a.description), mid(a.owner ?? '全户'), mid([a.quantity, a.sizeClass].filter(Boolean).join(' ') || '—'),
    num(yuan(a.valueFen)), val(a.exempt ? balanced(`是：${a.exemptReason ?? ''}`, 8.5) : '否', { fontSize: SMALL }), mid(balanced(a.evidence ?? '', 4.5), { fontSize: SMALL }),
  ])
}

function assetTable(no: string, assets: FormAsset[]): Content {
  const head = [lbl('类别'), lbl('名称/说明'), lbl('所有人'), lbl('数量/规格'), lbl('价值（元）'), lbl('生产生活必需\n（豁免）'), lbl('依据')]
  const total = assets.reduce((s, a) => s + a.valueFen, 0)
  const title = sectionRow(`${no}、家庭财产`, 7, '（存款、证券、车辆、房产、经营实体、大型农机、牲畜等）')
  const widths = [60, '*', 41, 56, 60, 80, 44]
  if (!assets.length) return grid([title, none(7, '未登记财产')], widths)
  return grid([title, head, ...assetRows(assets), span(textCell(`共 ${assets.length} 项，价值合计 ${yuan(total)} 元（其中豁免 ${yuan(assets.filter((a) => a.exempt).reduce((s, a) => s + a.valueFen, 0))} 元）`, W_FULL), 7)], widths, 2)
}

function incomeTable(no: string, incomes: FormIncome[]): Content {
  const head = [lbl('成员'), lbl('收入类别'), lbl('细项'), lbl('月收入（元）'), lbl('来源/依据'), lbl('是否计入'), lbl('备注')]
  const total = incomes.reduce((s, i) => s + i.amountFen, 0)
  const counted = incomes.filter((i) => i.counted).reduce((s, i) => s + i.amountFen, 0)
  const widths = [41, 52, '*', 56, 60, 40, 80]
  if (!incomes.length) return grid([sectionRow(`${no}、家庭收入（月）`, 7), none(7, '未登记收入')], widths)
  return grid([sectionRow(`${no}、家庭收入（月）`, 7), head,
    ...incomes.map((i) => [mid(i.memberName ?? '全户'), mid(i.kind), val(i.subtype ?? ''), num(yuan(i.amountFen)), mid(balanced(i.source, 6), { fontSize: SMALL }), mid(i.counted ? '是' : '否'), val(i.note ?? '', { fontSize: SMALL })]),
    span(val(`家庭月收入合计 ${yuan(total)} 元，其中计入 ${yuan(counted)} 元`), 7)], widths, 2)
}

function obligorTable(no: string, obligors: FormObligor[]): Content {
  const head = [lbl('姓名'), lbl('关系'), lbl('年龄'), lbl('健康状况'), lbl('职业'), lbl('家庭\n人口'), lbl('家庭月收入\n（元）'), lbl('月付赡养费\n（元）')]
  const widths = [41, 40, 20, 40, '*', 24, 56, 56]
  if (!obligors.length) return grid([sectionRow(`${no}、赡养（抚养、扶养）义务人`, 8), none(8)], widths)
  return grid([sectionRow(`${no}、赡养（抚养、扶养）义务人`, 8), head,
    ...obligors.map((o) => [mid(o.name), mid(balanced(o.relation, 4)), mid(o.age ?? ''), mid(o.health ?? ''), val(o.waiver ? `${o.job ?? ''}（赡养义务已豁免：${o.waiverReason ?? ''}）` : (o.job ?? '')), mid(o.householdSize ?? ''), num(yuan(o.monthlyIncomeFen)), num(yuan(o.supportPaidFen))])], widths, 2)
}

/** "张三：月利润 1,200.00 元；经营小卖部" */
function checkDetail(code: string, c: FormCheck): string {
  return [
    c.memberName,
    c.amountFen !== null ? `${code === 'businessProfit' ? '月利润' : '金额'} ${yuan(c.amountFen)} 元` : null,
    c.months !== null ? `未领取 ${c.months} 个月` : null,
    c.note,
  ].filter((x): x is string => !!x).join('；')
}

/** Every item of the 生活状况核查清单, ticked ⊠ where found, with the note; an unticked item means "not found". */
function checkTable(no: string, checks: FormCheck[]): Content {
  const cells: Cell[] = VISIT_CHECKS.map((def) => {
    const hits = checks.filter((c) => c.code === def.code)
    return {
      stack: [
        { columns: [{ width: 13, text: hits.length ? BOX_ON : BOX_OFF }, { width: '*', text: balanced(def.label, 21) }] },
        ...hits.map((h) => ({ text: wrap(checkDetail(def.code, h), W_HALF, SMALL), fontSize: SMALL, margin: [13, 1, 0, 0] })),
      ],
    }
  })
  const rows: Cell[][] = []
  for (let i = 0; i < cells.length; i += 2) rows.push([cells[i]!, cells[i + 1] ?? val('')])
  return grid([sectionRow(`${no}、生活状况核查清单`, 2, `（发现的勾选 ${BOX_ON} 并在事项下写明成员、金额和核实经过；未勾选的为未发现）`), ...rows], ['*', '*'], 1)
}

/** The table of people who sign by hand: printed name and role, an empty signature cell, the date. */
function signTable(no: string, investigators: Array<{ name: string; role: string }>, present: Array<{ name: string; relation: string }>, date: string | null, note: string): Content {
  const when = date ? cnDate(date) : BLANK_DATE
  const rows: Cell[][] = [
    sectionRow(`${no}、签字确认`, 4),
    [lbl('调查人员'), lbl('身份/职务'), lbl('签字'), lbl('日期')],
    ...(investigators.length ? investigators : [{ name: '', role: '' }, { name: '', role: '' }]).map((p) => [mid(p.name), mid(p.role), handCell(), mid(when)]),
    [lbl('被调查人/在场家庭成员'), lbl('与户主关系'), lbl('签字（手印）'), lbl('日期')],
    ...(present.length ? present : [{ name: '', relation: '' }]).map((p) => [mid(p.name), mid(p.relation), handCell(), mid(when)]),
    noteRow(note, 4),
  ]
  return grid(rows, [110, 110, '*', 100], 1)
}

// ───────────────────────── 入户调查表 ─────────────────────────

export function visitSection(d: VisitFormData): { title: string; content: Content[] } {
  const h = d.household
  const v = d.visit
  const housing = [h.housingType, h.housingArea !== null ? `建筑面积 ${h.housingArea} 平方米` : null].filter(Boolean).join('，')
  const basic = grid([
    sectionRow('一、家庭基本情况', 6),
    [lbl('户主姓名'), val(h.headName), lbl('申请人'), val(h.applicantName ?? ''), lbl('家庭人口'), val(`${h.memberCount} 人`)],
    [lbl('现住址'), ...span(val(h.address), 3), lbl('联系电话'), val(h.phone ?? '')],
    [lbl('户籍地址'), ...span(val(h.hukouAddress ?? '同现住址'), 3), lbl('档案号'), val(d.fileNo, { fontSize: SMALL })],
    [lbl('致贫原因'), val(h.povertyCause ?? ''), lbl('建档立卡户'), val(yesNo(h.registeredPoor)), lbl('近亲属备案'), val(yesNo(h.relativeFiling))],
    [lbl('住房情况'), ...span(textCell(`${housing || '档案未登记'}${v.housing ? `。调查所见：${v.housing}` : ''}`, W_BASIC), 5)],
  ], [52, '*', 52, '*', 52, '*'])
  const findings = grid([
    sectionRow('七、调查情况', 2),
    [lbl('生活状况'), textCell(v.livingConditions)],
    [lbl('成员调查情况'), lines(v.findings.length ? v.findings.map((f) => `${f.memberName}：${f.text}`) : ['无'])],
    [lbl('邻里走访情况'), textCell(v.neighbourInquiry ?? '无')],
    [lbl('调查结论'), textCell(v.conclusion)],
  ], [64, '*'])
  const content: Content[] = [
    ...(v.remark ? [{ text: v.remark, alignment: 'center', fontSize: SMALL, margin: [0, -2, 0, 6] }] : []),
    headerLine(d, '调查日期', v.date),
    basic,
    memberTable('二', d.members, 'visit'),
    assetTable('三', d.assets),
    incomeTable('四', d.incomes),
    obligorTable('五', d.obligors),
    checkTable('六', v.checks),
    findings,
    signTable('八', v.investigators, v.membersPresent, v.date, '注：1. 入户调查由两名以上调查人员进行，调查人员和被调查人（在场家庭成员）当场签字或按手印（《最低生活保障审核确认办法》第十六条）。2. 家庭成员、收入、财产和义务人按打印时的档案登记填列，与调查所见不符的，由调查人员当场注明并签字。3. 本表存入一户一档。'),
  ]
  return { title: '最低生活保障家庭入户调查表', content }
}

function formDoc(title: string, caseNo: string, stamp: DocStamp | null, content: Content[], subject: string): DocDefinition {
  const doc = officialDoc({ title, stamp, form: true, bodySize: 11, footerNote: `案件编号 ${caseNo}`, subject }, content)
  // a form's title is 小二 (18 pt), closer to the table than a letter's
  doc.styles = { ...doc.styles, title: { fontSize: 18, alignment: 'center', margin: [0, 0, 0, 6] } }
  return doc
}

export function visitFormDocument(d: VisitFormData, stamp: DocStamp | null): DocDefinition {
  const s = visitSection(d)
  return formDoc(s.title, d.caseNo, stamp, s.content, `入户调查表 ${d.caseNo}`)
}

// ───────────────────────── 审核确认表 ─────────────────────────

/** The bottom line of an opinion block: hand signatures at the left, the seal and date at the right. */
function signFoot(signers: string[], seal: string | null, date: string | null): Content {
  return {
    columns: [
      { width: '*', stack: signers.map((s) => ({ text: `${s}（签字）：＿＿＿＿＿＿＿＿`, margin: [0, 4, 0, 0] })) },
      { width: 150, stack: [...(seal ? [{ text: seal, alignment: 'center', fontSize: SMALL, margin: [0, 10, 0, 2] }] : []), { text: date ? cnDate(date) : BLANK_DATE, alignment: 'center', margin: [0, seal ? 0 : 4, 0, 0] }] },
    ],
    margin: [0, 6, 0, 2],
  }
}

/** An opinion block's content: what the system holds, or an empty area for the hand-written opinion. */
const opinion = (body: Content[], foot: Content): Cell => ({ stack: [...body, foot] })
const blankArea = (n = 2): Content => ({ text: '\n'.repeat(n), margin: [0, 2, 0, 2] })

function incomeBlock(d: ReviewFormData): Content {
  const inc = d.income
  const labels = inc.byKind.map((k) => lbl(k.label.replace(/收入$/, '\n收入')))
  return grid([
    sectionRow('三、家庭收入（月）', 6, `（${inc.basis}）`),
    [...labels, lbl('合计')],
    [...inc.byKind.map((k) => num(yuan(k.amountFen))), num(yuan(inc.totalFen))],
    [lbl('月人均收入'), num(inc.perCapitaFen !== null ? `${yuan(inc.perCapitaFen)} 元` : ''), lbl('低保标准'), num(inc.standardFen !== null ? `${yuan(inc.standardFen)} 元/人·月` : ''), lbl('保障人数'), num(inc.persons !== null ? `${inc.persons} 人` : '')],
    ...(inc.notCounted.length ? [[lbl('不计入收入'), ...span(val(inc.notCounted.join('；'), { fontSize: SMALL }), 5)]] : []),
  ], ['*', '*', '*', '*', '*', '*'])
}

function assetSummary(a: FormAsset): string {
  const q = [a.quantity, a.sizeClass].filter(Boolean).join(' ')
  return `${a.kind}：${a.description}${q ? `（${q}）` : ''}${a.owner ? `，${a.owner}名下` : ''}，价值 ${yuan(a.valueFen)} 元${a.exempt ? `，生产生活必需予以豁免（${a.exemptReason ?? ''}）` : ''}`
}
function obligorSummary(o: FormObligor): string {
  const bits = [o.relation, o.age !== null ? `${o.age}岁` : null, o.job, o.householdSize !== null ? `家庭 ${o.householdSize} 人` : null,
    o.monthlyIncomeFen !== null ? `家庭月收入 ${yuan(o.monthlyIncomeFen)} 元` : null, o.supportPaidFen !== null ? `月付赡养费 ${yuan(o.supportPaidFen)} 元` : null]
  return `${o.name}（${bits.filter(Boolean).join('，')}）${o.waiver ? `，赡养义务豁免：${o.waiverReason ?? ''}` : ''}`
}

/** The 县级/乡镇 benefit breakdown: filled from the stored assessment, or empty cells for the hand. */
function breakdown(x: ReviewFormData['decision']): Content {
  const v = (s: string) => (x ? val(s) : handCell())
  const amount = x && x.amountFen !== null ? yuanWithUpper(x.amountFen) : ''
  const t = ruled([
    [lbl('低保标准'), v(x?.standardFen != null ? `${yuan(x.standardFen)} 元/人·月` : ''), lbl('保障人数'), v(x?.persons != null ? `${x.persons} 人` : ''), lbl('起始月份'), v(x?.rejected ? '—' : month(x?.startMonth))],
    [lbl('家庭月收入'), v(x?.monthlyIncomeFen != null ? `${yuan(x.monthlyIncomeFen)} 元` : ''), lbl('月人均收入'), v(x?.perCapitaFen != null ? `${yuan(x.perCapitaFen)} 元` : ''), lbl('分类管理'), v(x?.recheckClass ? `${x.recheckClass}类` : x ? '—' : '')],
    [lbl('月保障金额'), ...span(v(x?.rejected ? '—' : amount), 5)],
  ], [50, 80, 50, '*', 40, 62], { fontSize: T, margin: [0, 3, 0, 2] }) as Cell
  t.lineHeight = 1.2
  return t
}

function decisionBody(d: ReviewFormData): Content[] {
  const x = d.decision
  if (!x) {
    const choices = d.management ? ['维持原保障金额', '调整保障金额', '停发（停保）', '渐退'] : ['确认纳入最低生活保障', '不予确认']
    return [{ text: `审核确认结果：${choices.map((c) => box(false, c)).join('　')}` }, breakdown(null), { text: '计算过程：', margin: [0, 2, 0, 0] }]
  }
  const out: Content[] = [{ text: wrap(`审核确认结果：${x.outcome}${x.reason ? `。理由：${x.reason}` : ''}`, W_TEXT, T) }]
  if (!x.rejected) {
    out.push(breakdown(x))
    if (x.previousFen !== null && d.management) out.push({ text: `原保障金额 ${yuan(x.previousFen)} 元/月${x.phaseOutUntil ? `；渐退期至 ${month(x.phaseOutUntil)}` : ''}`, fontSize: SMALL, margin: [0, 1, 0, 0] })
    if (x.steps.length) out.push({ text: wrap(`计算过程：${x.steps.map((st, i) => `（${i + 1}）${st}`).join('；')}。`, W_TEXT, SMALL), fontSize: SMALL, margin: [0, 1, 0, 0] })
  }
  out.push({ text: `系统签署：${x.signer}，${cnDate(x.date)}`, fontSize: SMALL, margin: [0, 2, 0, 0] })
  return out
}

export function reviewSection(d: ReviewFormData): { title: string; content: Content[] } {
  const h = d.household
  const decided = d.decision !== null
  const basic = grid([
    sectionRow('一、基本情况', 6),
    [lbl('户主姓名'), val(h.headName), lbl('申请人'), val(h.applicantName ?? ''), lbl('办理类型'), val(d.kindLabel)],
    [lbl('家庭人口'), val(`${h.memberCount} 人`), lbl('保障人数'), val(d.income.persons !== null ? `${d.income.persons} 人` : ''), lbl('低保类别'), val(d.category === 'urban' ? '城市低保' : '农村低保')],
    [lbl('住址'), ...span(val(h.address), 3), lbl('联系电话'), val(h.phone ?? '')],
    [lbl('致贫原因'), val(h.povertyCause ?? ''), lbl('收到申请'), val(cnDate(d.receivedDate)), lbl('近亲属备案'), val(yesNo(h.relativeFiling))],
    [lbl('单人保'), ...span(val(d.individual ? `${box(true, '是')}　${d.individual.memberName}（${d.individual.basis}）` : yesNo(false)), 3), lbl('档案号'), val(d.fileNo, { fontSize: SMALL })],
  ], [52, '*', 52, '*', 52, '*'])

  const property = grid([
    sectionRow('四、家庭财产和赡养义务人', 2),
    [lbl('财产情况'), lines(d.assets.length ? [...d.assets.map(assetSummary), `财产价值合计 ${yuan(d.assets.reduce((s, a) => s + a.valueFen, 0))} 元`] : ['未登记财产'])],
    [lbl('赡养义务人'), lines(d.obligors.length ? d.obligors.map(obligorSummary) : ['无'])],
  ], [64, '*'])

  const inv = d.investigation
  const invBody: Content[] = inv
    ? [{ text: wrap(inv.conclusion, W_TEXT, T) }, { text: wrap(`调查人员：${inv.investigators.map((p) => `${p.name}（${p.role}）`).join('、')}`, W_TEXT, SMALL), fontSize: SMALL, margin: [0, 2, 0, 0] }]
    : [blankArea(2)]
  const chk = d.check
  const meetingLines = d.meetings.map((m) => `${cnDate(m.date)}召开民主评议会议（${m.meetingNo}）：${m.resultLabel ? `评议结果${m.resultLabel}` : '尚未形成结论'}${m.agree !== null ? `；同意 ${m.agree} 票，不同意 ${m.disagree ?? 0} 票，弃权 ${m.abstain ?? 0} 票` : ''}。`)
  const noticeLines = [
    ...d.notices.map((n) => `公示编号 ${n.batchNo}，公示期 ${cnDate(n.startDate)}至${cnDate(n.endDate)}${n.posted ? '' : '（未张贴）'}。`),
    ...(d.notices.length ? (d.objections.length
      ? d.objections.map((o) => `${cnDate(o.receivedDate)}收到异议：${o.content}${o.closed ? `处理结果：${o.result ?? ''}${o.upheld === true ? '（异议成立）' : o.upheld === false ? '（异议不成立）' : ''}` : '（尚在调查核实）'}`)
      : ['公示期内无异议。']) : []),
  ]
  const p = d.preliminary
  const prelimBody: Content[] = p
    ? [{ text: wrap(`初审意见：${p.opinion}${p.reason ? `。理由：${p.reason}` : ''}`, W_TEXT, T) },
      ...(p.amountFen !== null || p.recheckClass ? [{ text: [p.persons !== null && p.amountFen !== null ? `拟保障 ${p.persons} 人，月保障金额 ${yuan(p.amountFen)} 元（初审试算）` : '', p.recheckClass ? `${p.amountFen !== null ? '；' : ''}拟分类管理：${p.recheckClass}类` : ''].join('') }] : []),
      { text: `系统签署：${p.signer}，${cnDate(p.date)}`, fontSize: SMALL, margin: [0, 2, 0, 0] }]
    : [{ text: `初审意见：${d.management ? ['维持', '增发', '减发', '停发', '渐退'].map((c) => box(false, c)).join('　') : `${box(false, '拟同意')}　${box(false, '拟不同意')}`}` }, blankArea(1)]

  const finalLabel = d.decisionLevel === 'township' ? '乡镇审核\n确认意见' : d.countyApproval ? '县级审批\n意见' : '县级审核\n确认意见'
  const opinions = grid([
    sectionRow('五、调查、评议、公示和审核确认意见', 2),
    [lbl('调查意见'), opinion(invBody, signFoot(['调查人', '调查人'], null, inv?.date ?? null))],
    [lbl('核对情况'), chk
      ? textCell(`${chk.source}${chk.reportNo ? `（报告编号 ${chk.reportNo}）` : ''}，${cnDate(chk.date)}收到核对报告。核对结论：${chk.summary}${chk.consistent ? '' : '（与申报不一致）'}`)
      : (decided ? val('未登记核对报告。') : handCell(2))],
    [lbl('民主评议\n意见'), meetingLines.length ? lines(meetingLines) : decided ? val('本案未召开民主评议。') : handCell(2)],
    [lbl('公示情况'), noticeLines.length ? lines(noticeLines) : decided ? val('本案无公示记录。') : handCell(2)],
    [lbl('乡镇初审\n意见'), opinion(prelimBody, signFoot(['经办人', '审核人'], '（乡镇人民政府盖章）', p?.date ?? null))],
    [lbl(finalLabel), opinion(decisionBody(d), signFoot(['经办人', '负责人'], d.decisionLevel === 'township' ? '（乡镇人民政府盖章）' : '（县级民政部门盖章）', d.decision?.date ?? null))],
    noteRow(`注：1. 收入为计入的月收入，按《最低生活保障审核确认办法》第十三条分类；月人均收入 = 家庭月收入 ÷ 保障人数。2. 月保障金额按审核确认时的${d.category === 'urban' ? '城市' : '农村'}低保标准和家庭收入计算（见计算过程），自审核确认的次月起发放。3. 本表一式两份，${d.decisionLevel === 'township' ? '乡镇人民政府' : '县级民政部门和乡镇人民政府'}各存一份，存入一户一档。`, 2),
  ], [64, '*'], 1)

  const content: Content[] = [
    ...(decided ? [] : [{ text: '（未办结）', alignment: 'center', margin: [0, -2, 0, 6] }]),
    headerLine(d, '填表日期', d.decision?.date ?? null),
    basic,
    memberTable('二', d.members, 'review'),
    incomeBlock(d),
    property,
    opinions,
  ]
  return { title: '最低生活保障审核确认表', content }
}

export function reviewFormDocument(d: ReviewFormData, stamp: DocStamp | null): DocDefinition {
  const s = reviewSection(d)
  return formDoc(s.title, d.caseNo, stamp, s.content, `审核确认表 ${d.caseNo}`)
}
