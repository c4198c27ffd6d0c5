// 办理记录: the records of a case with their content in words (not JSON); superseded ones struck through
// and pointing to their correction; one button per record kind that may be added now; 更正 = a new
// record naming the one it replaces, with a reason.
import { PlusOutlined } from '@ant-design/icons'
import { Button, Collapse, Descriptions, Empty, Tag, Tooltip, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import type { CaseRecordView, CaseView } from '../../../../../main/api/types'
import { ATTACHMENT_KINDS, codeName } from '../../../../../main/domain/codes'
import { visitCheckDef } from '../../../../../main/domain/visitChecks'
import { formatYuan } from '../../../../../main/domain/money'
import { fmtDateTime } from '../../../../app/format'
import { useSession } from '../../../../app/session'
import { useFile } from '../context'
import { Section } from './CaseModal'
import { checkItemName, HEARING_METHODS, HEARING_OUTCOMES, labelOf, RECORD_KIND_SHORT, signerName } from './labels'
import { RecordModal } from './RecordForms'

type Data = Record<string, unknown>
const s = (v: unknown): string => (typeof v === 'string' ? v : '')
const arr = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : [])
const ok = (v: unknown, yes = '是', no = '否') => (v ? <Tag color="green">{yes}</Tag> : <Tag color="red">{no}</Tag>)
const people = (v: unknown) => arr<{ name: string; role: string }>(v).map((p) => `${p.name}（${p.role}）`).join('、')

export function RecordsSection({ c, writable }: { c: CaseView; writable: boolean }) {
  const { operator } = useSession()
  const [dialog, setDialog] = useState<{ kind: string; correcting: CaseRecordView | null } | null>(null)
  const mayRecord = writable && !c.closedAt && (operator.role === 'handler' || operator.role === 'reviewer')
  const replacedBy = new Map(c.records.filter((r) => r.supersedesId).map((r) => [r.supersedesId!, r]))

  const items = c.records.map((r) => ({
    key: r.id,
    className: r.superseded ? 'case-record-superseded' : undefined,
    label: (
      <span data-testid={`record-${r.kind}`} style={r.superseded ? { textDecoration: 'line-through', color: 'rgba(0,0,0,0.45)' } : undefined}>
        {r.kindLabel} · {r.date}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}> · {signerName(r.signer)}</Typography.Text>
      </span>
    ),
    extra: (
      <span onClick={(e) => e.stopPropagation()}>
        {r.superseded ? <Tag>已更正</Tag> : null}
        {r.supersedesId ? <Tooltip title={r.correctionReason ?? ''}><Tag color="orange">更正记录</Tag></Tooltip> : null}
        {mayRecord && !r.superseded ? <Button size="small" type="link" style={{ height: 22, padding: '0 4px' }} aria-label={`更正${r.kindLabel}（${r.date}）`} onClick={() => setDialog({ kind: r.kind, correcting: r })}>更正</Button> : null}
      </span>
    ),
    children: (
      <div>
        {r.supersedesId ? <Typography.Paragraph type="warning" style={{ fontSize: 12, marginBottom: 6 }}>更正理由：{r.correctionReason}</Typography.Paragraph> : null}
        {r.superseded && replacedBy.get(r.id) ? <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>本记录已于 {fmtDateTime(replacedBy.get(r.id)!.at)} 更正，以更正后的记录为准。</Typography.Paragraph> : null}
        <RecordContent r={r} />
      </div>
    )
  }))

  return (
    <Section title={`办理记录（${c.records.filter((r) => !r.superseded).length}）`} testId="case-records"
      extra={mayRecord && c.allowedRecords.length ? (
        <span style={{ display: 'flex', flexWrap: 'wrap', gap: 4, justifyContent: 'flex-end' }}>
          {c.allowedRecords.map((k) => (
            <Button key={k} size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: k, correcting: null })}>{RECORD_KIND_SHORT[k] ?? k}</Button>
          ))}
        </span>
      ) : null}>
      {c.records.length ? (
        <Collapse size="small" items={items} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ margin: '4px 0' }}
          description={c.allowedRecords.length ? `还没有办理记录。当前环节可登记：${c.allowedRecords.map((k) => RECORD_KIND_SHORT[k] ?? k).join('、')}` : '没有办理记录'} />
      )}
      {dialog ? <RecordModal c={c} kind={dialog.kind} correcting={dialog.correcting} onClose={() => setDialog(null)} /> : null}
    </Section>
  )
}

function KV({ items }: { items: Array<{ key: string; label: string; children: ReactNode; span?: number } | null | false> }) {
  return <Descriptions size="small" column={2} bordered className="case-kv" items={items.filter((x): x is { key: string; label: string; children: ReactNode; span?: number } => !!x)} />
}

export function RecordContent({ r }: { r: CaseRecordView }) {
  const { memberName, file } = useFile()
  const d: Data = r.data
  const name = (id: unknown) => (typeof id === 'string' ? memberName(id) || '（已不在本户）' : '全户')
  const attachments = r.attachmentIds.length ? (
    <div className="case-muted" style={{ marginTop: 6 }}>关联材料：{r.attachmentIds.map((id) => {
      const a = file.attachments.find((x) => x.id === id)
      return a ? `${codeName(ATTACHMENT_KINDS, a.docKind) || a.docKind}（${a.originalName}）` : '已撤下的材料'
    }).join('、')}</div>
  ) : null
  let body: ReactNode
  switch (r.kind) {
    case 'application': {
      const agent = d.agent as { name: string; relation: string; powerOfAttorney: boolean } | null
      const ind = d.individualInclusion as { memberId: string; basis: string } | null
      body = <KV items={[
        { key: 'a', label: '申请人', children: name(d.applicantMemberId) },
        { key: 'st', label: '近亲属备案', children: d.hasStaffRelative ? <Tag color="orange">有经办人员/村干部近亲属，须备案</Tag> : '无' },
        { key: 'r', label: '申请理由', span: 2, children: s(d.reason) },
        { key: 'p', label: '承诺书', children: ok(d.pledgeSigned, '已签字', '未签字') },
        { key: 'c', label: '授权书', children: ok(d.consentSigned, '已签字', '未签字') },
        { key: 'all', label: '全体成员签字', children: ok(d.allMembersSigned) },
        { key: 'rel', label: '申报近亲属', children: ok(d.relativesDeclared, '已申报', '未申报') },
        { key: 'ag', label: '委托代理', span: 2, children: agent ? `${agent.name}（${agent.relation}），${agent.powerOfAttorney ? '已提交委托书' : '无委托书'}` : '无（本人申请）' },
        ind ? { key: 'ind', label: '单人保', span: 2, children: `${name(ind.memberId)}：${ind.basis}` } : null
      ]} />
      break
    }
    case 'materialsNotice':
      body = <KV items={[
        { key: 'i', label: '需补正材料', span: 2, children: <ol style={{ margin: 0, paddingLeft: 18 }}>{arr<string>(d.items).map((x, i) => <li key={i}>{x}</li>)}</ol> },
        { key: 'to', label: '送达对象', children: s(d.deliveredTo) },
        { key: 'dl', label: '补正期限', children: s(d.deadline) || '未定' }
      ]} />
      break
    case 'homeVisit': {
      const findings = arr<{ memberId: string; text: string }>(d.findings)
      const checks = arr<{ code: string; memberId: string | null; amountFen: number | null; months: number | null; note: string }>(d.checks)
      body = <KV items={[
        { key: 'inv', label: '调查人员', span: 2, children: people(d.investigators) },
        { key: 'mp', label: '在场成员', span: 2, children: arr<string>(d.membersPresent).map(name).join('、') },
        { key: 'lc', label: '生活状况', span: 2, children: s(d.livingConditions) },
        d.housing ? { key: 'h', label: '住房情况', span: 2, children: s(d.housing) } : null,
        findings.length ? { key: 'f', label: '成员情况', span: 2, children: <ul style={{ margin: 0, paddingLeft: 18 }}>{findings.map((f, i) => <li key={i}>{name(f.memberId)}：{f.text}</li>)}</ul> } : null,
        d.neighbourInquiry ? { key: 'n', label: '邻里走访', span: 2, children: s(d.neighbourInquiry) } : null,
        { key: 'k', label: '生活状况核查', span: 2, children: checks.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{checks.map((c, i) => (
          <li key={i}>{visitCheckDef(c.code)?.label ?? c.code}{[c.memberId ? name(c.memberId) : null, typeof c.amountFen === "number" ? `${formatYuan(c.amountFen)} 元` : null, c.months ? `${c.months} 个月` : null].filter(Boolean).map((x) => `（${x}）`).join('')}：{c.note}</li>
        ))}</ul> : '未发现清单所列情形' },
        { key: 'c', label: '调查结论', span: 2, children: <b>{s(d.conclusion)}</b> },
        { key: 'is', label: '调查人员签字', children: ok(d.investigatorsSigned, '已签字', '未签字') },
        { key: 'fs', label: '家庭成员签字', children: ok(d.familySigned, '已签字', '未签字') }
      ]} />
      break
    }
    case 'checkReport': {
      const findings = arr<{ memberId: string | null; item: string; text: string; amountFen: number | null }>(d.findings)
      body = <KV items={[
        { key: 'rd', label: '收到日期', children: s(d.receivedDate) },
        { key: 'no', label: '报告编号', children: s(d.reportNo) || '—' },
        { key: 'src', label: '出具机构', span: 2, children: s(d.source) },
        { key: 'f', label: '核对发现', span: 2, children: findings.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{findings.map((f, i) => <li key={i}>{name(f.memberId)} · {checkItemName(f.item)}：{f.text}{typeof f.amountFen === 'number' ? `（${formatYuan(f.amountFen)} 元）` : ''}</li>)}</ul> : '无' },
        { key: 'ok', label: '与申报一致', children: d.consistent ? <Tag color="green">一致</Tag> : <Tag color="red">不一致</Tag> },
        { key: 's', label: '核对结论', span: 2, children: <b>{s(d.summary)}</b> }
      ]} />
      break
    }
    case 'hearing': {
      const attempts = arr<{ date: string; method: string; result: string }>(d.attempts)
      body = <KV items={[
        { key: 'm', label: '听取方式', children: labelOf(HEARING_METHODS, d.method) },
        { key: 'o', label: '听取结果', children: <Tag color={d.outcome === 'heard' ? 'blue' : 'orange'}>{labelOf(HEARING_OUTCOMES, d.outcome)}</Tag> },
        { key: 'p', label: '陈述人', span: 2, children: s(d.heardPerson) || '—' },
        { key: 's', label: '陈述、申辩', span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{s(d.statement) || '—'}</span> },
        attempts.length ? { key: 'a', label: '联系经过', span: 2, children: <ul style={{ margin: 0, paddingLeft: 18 }}>{attempts.map((a, i) => <li key={i}>{a.date} {a.method}：{a.result}</li>)}</ul> } : null
      ]} />
      break
    }
    case 'checkNotice':
      body = <KV items={[
        { key: 'f', label: '告知的核对结果', span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{s(d.findings)}</span> },
        { key: 't', label: '告知对象', children: s(d.deliveredTo) },
        { key: 'm', label: '告知方式', children: labelOf(HEARING_METHODS, d.method) }
      ]} />
      break
    case 'checkAppeal':
      body = <KV items={[
        { key: 'c', label: '异议内容', span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{s(d.content)}</span> },
        { key: 'e', label: '证据', span: 2, children: s(d.evidence) || '—' }
      ]} />
      break
    case 'countyVisit':
      body = <KV items={[
        { key: 'v', label: '核查人员', span: 2, children: people(d.visitors) },
        { key: 'f', label: '核查情况', span: 2, children: s(d.findings) }
      ]} />
      break
    default:
      body = <KV items={Object.entries(d).map(([k, v]) => ({ key: k, label: k, span: 2, children: typeof v === 'string' ? v : JSON.stringify(v) }))} />
  }
  return <>{body}{attachments}<div className="case-muted" style={{ marginTop: 4 }}>登记：{signerName(r.signer)}，{fmtDateTime(r.at)}</div></>
}
