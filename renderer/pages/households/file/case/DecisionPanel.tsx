// 审核确认结果 (c.decision) and the case's 民主评议, 公示 and 异议 (links to their own pages).
import { Collapse, Descriptions, Tag, Typography } from 'antd'
import type { CaseView } from '../../../../../main/api/types'
import { formatYuan } from '../../../../../main/domain/money'
import { Link } from '../../../../app/router'
import { AssessmentPanel } from './AssessmentPanel'
import { Section } from './CaseModal'
import { MEETING_STATUS, NOTICE_PERIOD, preliminaryData, RECHECK_CLASSES, signerName } from './labels'

const month = (m: string | null): string => (m && /^\d{4}-\d{2}$/.test(m) ? `${m.slice(0, 4)}年${Number(m.slice(5))}月` : m ?? '')

export function DecisionPanel({ c }: { c: CaseView }) {
  const d = c.decision
  if (!d) return null
  const negative = d.outcome === 'rejected' || d.outcome === 'stop'
  const color = negative ? 'red' : d.outcome === 'decrease' || d.outcome === 'phaseOut' ? 'orange' : 'green'
  // DecisionView.recheckClass is filled from the stored benefit record; before that, the 初审 step carries it.
  const cls = d.recheckClass ?? (typeof preliminaryData(c)?.recheckClass === 'string' ? String(preliminaryData(c)!.recheckClass) : null)
  const clsHelp = RECHECK_CLASSES.find((k) => k.value === cls)?.help
  const reason = c.steps.find((x) => x.seq === d.stepSeq)?.reason ?? null
  return (
    <Section title="审核确认结果" testId="case-decision">
      <Descriptions size="small" column={2} bordered className="case-kv" items={[
        { key: 'o', label: '决定', children: <Tag color={color}>{d.outcomeLabel}</Tag> },
        { key: 'd', label: '决定日期', children: `${d.date}（${signerName(d.signer)}）` },
        ...(reason ? [{ key: 'r', label: d.outcome === 'rejected' ? '理由' : '说明', span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{reason}</span> }] : []),
        ...(d.amountFen !== null ? [{ key: 'a', label: '月保障金', children: <b className="mono" data-testid="decision-amount">{formatYuan(d.amountFen)} 元</b> }] : []),
        ...(d.previousFen !== null ? [{ key: 'p', label: '原保障金', children: <span className="mono">{formatYuan(d.previousFen)} 元</span> }] : []),
        ...(d.startMonth ? [{ key: 's', label: d.outcome === 'stop' ? '停发月份' : '起始月份', children: `自 ${month(d.startMonth)}起${d.outcome === 'stop' ? '停发' : '执行'}` }] : []),
        ...(d.phaseOutUntil ? [{ key: 'po', label: '渐退期至', children: `${month(d.phaseOutUntil)}（次月起停发）` }] : []),
        ...(cls && !negative ? [{ key: 'c', label: '分类管理', span: 2, children: <span>{cls} 类{clsHelp ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{clsHelp}）</Typography.Text> : null}</span> }] : [])
      ]} />
      {d.assessment ? (
        <Collapse size="small" style={{ marginTop: 6 }} items={[{ key: 'a', label: '计算明细（决定时保存，不随档案变化重算）', children: <AssessmentPanel a={d.assessment} /> }]} />
      ) : null}
    </Section>
  )
}

export function RelatedPanel({ c }: { c: CaseView }) {
  if (!c.meetings.length && !c.notices.length && !c.objections.length) return null
  return (
    <Section title="民主评议、公示与异议" testId="case-related">
      {c.meetings.map((m) => (
        <div key={m.id} className="case-list-row">
          <Tag color="purple">民主评议</Tag>
          <Link to={`/meetings/${m.id}`}>{m.meetingNo}</Link>
          <span>{m.date}</span>
          <Tag color={m.status === 'closed' ? 'green' : 'default'}>{MEETING_STATUS[m.status] ?? m.status}</Tag>
          {m.resultLabel ? <span>结论：<b>{m.resultLabel}</b></span> : null}
          {m.agree !== null || m.disagree !== null ? <span className="case-muted">同意 {m.agree ?? 0}，不同意 {m.disagree ?? 0}，弃权 {m.abstain ?? 0}</span> : null}
        </div>
      ))}
      {c.notices.map((n) => {
        const p = NOTICE_PERIOD[n.periodState] ?? { label: n.periodState, color: 'default' }
        return (
          <div key={n.id} className="case-list-row">
            <Tag color="blue">公示</Tag>
            <Link to={`/notices/${n.id}`}>{n.batchNo}</Link>
            <span style={{ minWidth: 0 }}>{n.title}</span>
            <span className="case-muted">{n.startDate} 至 {n.endDate}</span>
            <Tag color={p.color}>{p.label}</Tag>
          </div>
        )
      })}
      {c.objections.map((o) => (
        <div key={o.id} className="case-list-row" style={{ alignItems: 'flex-start' }}>
          <Tag color={o.status === 'open' ? 'red' : 'default'}>{o.status === 'open' ? '异议待办结' : '异议已办结'}</Tag>
          <span>{o.receivedDate} · {o.channelLabel} · {o.realName ? `实名${o.objectorName ? `（${o.objectorName}）` : ''}` : '匿名'}</span>
          {o.batchId ? <Link to={`/notices/${o.batchId}`}>查看公示</Link> : null}
          <div style={{ flexBasis: '100%', fontSize: 13 }}>反映：{o.content}</div>
          {o.status === 'closed' ? (
            <div style={{ flexBasis: '100%', fontSize: 12 }} className="case-muted">
              处理结果：{o.result}{o.upheld === null || (o.result ?? '').includes('成立') ? '' : o.upheld ? '（异议成立）' : '（异议不成立）'}{o.feedback ? `；反馈：${o.feedback}` : ''}
            </div>
          ) : (
            <div style={{ flexBasis: '100%', fontSize: 12, color: '#ad6800' }}>须调查核实并在公示页登记处理结果后，案件才能继续办理。</div>
          )}
        </div>
      ))}
    </Section>
  )
}
