// 公示 (domain.md §8): title, basis and procedure text, the whitelist table, period, where to object, 监督电话,
// issuer and date. A pure builder: it receives only what may be printed (the notice lines are a whitelist
// snapshot taken when the batch was created, services/notices.ts), and returns a pdfmake definition.
import { formatYuan } from '../domain/money'
import type { Content, DocDefinition } from './render'
import { mm, PT, type Paper } from './layout'
import { formatChineseDate } from '../domain/dates'
import { issuerBlock, officialDoc, type DocStamp } from './common'

export interface NoticeDocData {
  /** review: a 公示 with its period (初审, 审核确认 …); longterm: the 长期公示 of current recipients (no period) */
  mode?: 'review' | 'longterm'
  /** the batch's kind (services/notices.ts NOTICE_KINDS): 公布 prints 保障金额, not 拟保障金额 */
  kind?: string
  townshipName: string
  countyName: string
  title: string
  batchNo: string
  villageName: string | null
  startDate: string
  endDate: string
  durationLabel: string
  phones: string
  /** the body paragraphs of a review 公示 from the template (template.noticeBody), filled by the service */
  bodyText?: string[]
  lines: Array<{ seq: number; villageName: string; applicantName: string; persons: number; amountFen: number | null; category: string; remark: string | null }>
}

export type { DocStamp }

const HEAD = ['序号', '村（组）', '申请人', '保障人数', '拟保障金额（元/月）', '类别', '备注']
const HEAD_LONGTERM = ['序号', '村（组）', '申请人', '保障人数', '保障金额（元/月）', '类别', '备注']

export function noticeDocument(d: NoticeDocData, paper: Paper = 'A4', stamp: DocStamp | null = null): DocDefinition {
  const scope = d.villageName ?? d.townshipName
  const longterm = d.mode === 'longterm'
  const rows: Content[] = [
    (longterm || d.kind === 'publication' ? HEAD_LONGTERM : HEAD).map((h) => ({ text: h, style: 'th' })),
    ...d.lines.map((l, i) => [
      { text: String(i + 1), alignment: 'center' },
      l.villageName,
      l.applicantName,
      { text: String(l.persons), alignment: 'center' },
      { text: l.amountFen === null ? '—' : formatYuan(l.amountFen), alignment: 'right' },
      l.category,
      // the remark code repeats what the 类别 already says (新增 / 新增（农村）): print it only when it adds something
      l.remark && !l.category.startsWith(l.remark) ? l.remark : '',
    ]),
  ]
  const total = d.lines.reduce((s, l) => s + (l.amountFen ?? 0), 0)
  const persons = d.lines.reduce((s, l) => s + l.persons, 0)
  const body: Content[] = [
    longterm
      ? { text: `根据《最低生活保障审核确认办法》规定，现将${scope}最低生活保障对象予以长期公示，接受社会监督（截至${formatChineseDate(d.startDate)}，共 ${d.lines.length} 户 ${persons} 人，保障金额合计 ${formatYuan(total)} 元/月）。`, style: 'body' }
      : (d.bodyText ?? [`根据《最低生活保障审核确认办法》规定，经本人申请、入户调查、家庭经济状况核对，现将${scope}最低生活保障审核情况予以公示（共 ${d.lines.length} 户 ${persons} 人${total ? `，拟保障金额合计 ${formatYuan(total)} 元/月` : ''}）。`]).map((t) => ({ text: t, style: 'body' })),
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [mm(9), mm(24), mm(20), mm(13), mm(24), mm(30), '*'], body: rows },
      layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3 },
      fontSize: PT.table, margin: [0, 6, 0, 10],
    },
    // the closing block (period, where to object, 监督电话, issuer and date) is never split over two sheets
    {
      unbreakable: true,
      stack: [
        longterm
          ? { text: `对公示对象有异议或发现不符合条件的，请向${d.townshipName}人民政府或${d.countyName}民政局反映，我们将及时核查处理。`, style: 'body' }
          : { text: `公示期：${formatChineseDate(d.startDate)}至${formatChineseDate(d.endDate)}（${d.durationLabel}）。`, style: 'body' },
        ...(longterm ? [] : [{ text: `如有异议，请于公示期内向${d.townshipName}人民政府或${d.countyName}民政局反映。`, style: 'body' }]),
        { text: `监督电话：${d.phones}`, style: 'body' },
        issuerBlock(`${d.townshipName}人民政府`, d.startDate, stamp, { sealNote: '' }),
      ],
    },
  ]
  const doc = officialDoc({ title: d.title, paper, stamp, footerNote: longterm ? undefined : `公示编号 ${d.batchNo}`, subject: longterm ? d.title : `公示 ${d.batchNo}` }, body)
  doc.styles = { ...doc.styles, th: { alignment: 'center', fontSize: PT.table } }
  return doc
}
