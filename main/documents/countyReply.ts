// 县级审核确认意见回复单 (issue 6): the human-readable sheet inside every reply package, and printed for both files —
// which submission it answers, the 抽查 list and what the county found, and each case's decision with its reason
// and signer. The township imports the decisions from decisions.json; this sheet is what people read and sign.
import type { DocDefinition } from './render'
import { officialDoc, para, ruled, signLine, td, th, type DocStamp } from './common'
import { mm } from './layout'
import { formatChineseDate } from '../domain/dates'

export interface CountyReplyData {
  countyName: string; countyCode: string; townshipName: string; townshipCode: string
  sequence: number; inReplyTo: { sequence: number; manifestSm3: string }; createdAt: string; operator: string; signer: string
  sampleRate: number; sampled: number; total: number; pending: number
  rows: Array<{ caseNo: string; headName: string; village: string; kind: string; sample: string; visit: string; decision: string; reason: string; decidedBy: string; date: string }>
}

export function countyReplyDocument(d: CountyReplyData, stamp: DocStamp | null): DocDefinition {
  const kv = (k: string, v: string) => [th(k, { alignment: 'left' }), td(v)]
  const approved = d.rows.filter((r) => r.decision.startsWith('同意')).length
  return officialDoc({ title: '最低生活保障县级审核确认意见回复单', stamp, form: true, bodySize: 11, footerNote: `回复包第 ${d.sequence} 号` }, [
    para(`${d.countyName}民政局对${d.townshipName}人民政府报送的第 ${d.inReplyTo.sequence} 号报送包审核确认如下。本回复包以县级签名密钥签名，乡镇导入时核验签名、密钥指纹、文件摘要和回复序号后，按下列意见办理。`),
    ruled([
      kv('回复单位', `${d.countyName}民政局（${d.countyCode}）`), kv('回复对象', `${d.townshipName}（${d.townshipCode}）`),
      kv('所答报送包', `第 ${d.inReplyTo.sequence} 号，清单摘要 ${d.inReplyTo.manifestSm3}`),
      kv('回复序号', `第 ${d.sequence} 号`), kv('生成时间', d.createdAt.slice(0, 16).replace('T', ' ')), kv('经办人', d.operator), kv('签名密钥指纹', d.signer),
      kv('抽查', `报送 ${d.total} 件，抽查 ${d.sampled} 件（比例不低于 ${Math.round(d.sampleRate * 100)}%，近亲属备案和有投诉、异议的案件全部入户核查）`),
      kv('本次回复', `${d.rows.length} 件，其中同意 ${approved} 件${d.pending ? `；另有 ${d.pending} 件仍在审核，另行回复` : ''}`),
    ], [mm(34), '*'], { fontSize: 10 }),
    { text: '审核确认意见', fontSize: 12, margin: [0, 6, 0, 2] },
    ruled([[th('序号'), th('案件编号'), th('户主'), th('村'), th('类型'), th('抽查'), th('意见'), th('理由、核查情况'), th('审核人、日期')],
      ...d.rows.map((r, i) => [td(i + 1, { alignment: 'center' }), td(r.caseNo, { fontSize: 8 }), td(r.headName), td(r.village), td(r.kind), td(r.sample || '—', { fontSize: 8 }), td(r.decision), td([r.reason, r.visit].filter(Boolean).join('；') || '—', { fontSize: 8 }), td(`${r.decidedBy}\n${formatChineseDate(r.date)}`, { fontSize: 8 })])],
    [mm(8), mm(28), mm(14), mm(16), mm(11), mm(16), mm(16), '*', mm(24)], { headerRows: 1, fontSize: 9 }),
    { margin: [0, 14, 0, 0], columns: [signLine('县级审核确认人（签字）'), signLine('乡镇接收人（签字）')] },
    { text: `（${d.countyName}民政局盖章）`, alignment: 'right', margin: [0, 18, mm(10), 0] },
  ])
}
