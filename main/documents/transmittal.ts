// 报送单 (issue 6): the human-readable sheet inside every submission package, and printed for the county's file —
// who sends what, the package's sequence and its link to the previous one, the signing key, counts, every case.
import type { DocDefinition } from './render'
import { officialDoc, para, ruled, td, th, type DocStamp } from './common'
import { mm, PT } from './layout'
import { formatChineseDate } from '../domain/dates'

export interface TransmittalData {
  townshipName: string; townshipCode: string; countyName: string; sequence: number; previous: string | null; createdAt: string
  operator: string; signer: string; periodFrom: string | null; periodTo: string
  counts: Array<[string, number]>
  cases: Array<{ caseNo: string; headName: string; village: string; kind: string; state: string }>
}

export function transmittalDocument(d: TransmittalData, stamp: DocStamp | null): DocDefinition {
  const kv = (k: string, v: string) => [th(k, { alignment: 'left' }), td(v)]
  return officialDoc({ title: '最低生活保障审核材料报送单', stamp, form: true, bodySize: 11, footerNote: `报送包第 ${d.sequence} 号` }, [
    para(`${d.townshipName}人民政府向${d.countyName}民政局报送最低生活保障审核材料。本报送包以乡镇报送签名密钥签名，县民政局导入时核验签名、密钥指纹、每个文件的 SM3 摘要和报送序号。`),
    ruled([
      kv('报送单位', `${d.townshipName}（${d.townshipCode}）`), kv('报送序号', `第 ${d.sequence} 号`),
      kv('上一报送包清单摘要', d.previous ?? '（首次报送）'),
      kv('覆盖期间', `${d.periodFrom ? formatChineseDate(d.periodFrom.slice(0, 10)) : '建档以来'} 至 ${formatChineseDate(d.periodTo.slice(0, 10))}`),
      kv('生成时间', d.createdAt.slice(0, 16).replace('T', ' ')), kv('经办人', d.operator), kv('签名密钥指纹', d.signer),
    ], [mm(40), '*'], { fontSize: 10 }),
    { text: '报送内容', fontSize: PT.small, margin: [0, 6, 0, 2] },
    ruled([[th('项目'), th('数量')], ...d.counts.map(([k, n]) => [td(k), td(n, { alignment: 'right' })])], ['*', mm(30)], { headerRows: 1, fontSize: 10 }),
    { text: '案件清单', fontSize: PT.small, margin: [0, 6, 0, 2] },
    d.cases.length
      ? ruled([[th('序号'), th('案件编号'), th('户主'), th('村（组）'), th('类型'), th('环节/结果')], ...d.cases.map((c, i) => [td(i + 1, { alignment: 'center' }), td(c.caseNo, { fontSize: 9 }), td(c.headName), td(c.village), td(c.kind), td(c.state)])], [mm(10), mm(42), mm(20), mm(30), mm(20), '*'], { headerRows: 1, fontSize: 10 })
      : { text: '（本期没有案件变动）', fontSize: 10 },
    { margin: [0, 14, 0, 0], columns: [
      { width: '*', text: ['经办人（签字）：', { text: '\u3000'.repeat(8), decoration: 'underline' }] },
      { width: '*', text: ['县级接收人（签字）：', { text: '\u3000'.repeat(8), decoration: 'underline' }] },
    ] },
  ])
}
