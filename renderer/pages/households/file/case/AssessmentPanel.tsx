// 低保金试算 / the stored assessment of a signed step: standard, persons, income lines (counted or not and
// why), the calculation lines and the result. Amounts in 元 with two decimals.
import { Alert, Descriptions, Table, Tag, Typography } from 'antd'
import type { AssessmentView, IncomeLineView } from '../../../../../main/api/types'
import { formatYuan } from '../../../../../main/domain/money'
import { METHOD_LABELS, ROUNDING_LABELS } from './labels'

const y = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : `${formatYuan(fen)} 元`)

export function AssessmentResult({ a }: { a: AssessmentView }) {
  if (a.eligible === true) {
    return <Alert type="success" showIcon title={<span>符合收入条件：月低保金 <b data-testid="trial-amount">{y(a.monthlyFen)}</b>（{a.persons} 人{a.tier ? `，${a.tier}` : ''}）</span>} />
  }
  if (a.eligible === false) {
    return <Alert type="error" showIcon title={`不符合收入条件${a.aboveStandard ? '：家庭月人均收入不低于低保标准' : ''}`} description={a.reasons.length ? a.reasons.join('；') : undefined} />
  }
  return <Alert type="warning" showIcon title="无法得出试算结果" description={[...a.reasons, ...a.warnings].join('；') || '缺少计算所需的数据（如低保标准）'} />
}

export function AssessmentPanel({ a, showResult = true }: { a: AssessmentView; showResult?: boolean }) {
  const columns = [
    { title: '成员', dataIndex: 'memberName', key: 'm', width: 72, render: (v: string | null) => v ?? '全户' },
    { title: '收入类别', key: 'k', width: 150, render: (_: unknown, r: IncomeLineView) => `${r.kindLabel}${r.subtype ? `（${r.subtype}）` : ''}` },
    { title: '月金额', dataIndex: 'amountFen', key: 'a', width: 96, align: 'right' as const, render: (v: number) => <span className="mono">{formatYuan(v)}</span> },
    {
      title: '是否计入', key: 'c', render: (_: unknown, r: IncomeLineView) => (
        r.counted ? <Tag color="blue">计入</Tag> : <span><Tag>不计入</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.reason ?? ''}</Typography.Text></span>
      )
    }
  ]
  return (
    <div data-testid="assessment">
      {showResult ? <div style={{ marginBottom: 8 }}><AssessmentResult a={a} /></div> : null}
      <Descriptions size="small" column={2} className="case-kv" bordered items={[
        { key: 'std', label: '低保标准', children: <span>{a.standardFen === null ? <Typography.Text type="danger">未录入</Typography.Text> : `${y(a.standardFen)}/人·月`}（{a.categoryLabel}）</span> },
        { key: 'date', label: '计算日期', children: a.date },
        { key: 'n', label: '计算人数', children: `${a.persons} 人（户内 ${a.householdSize} 人）` },
        { key: 'inc', label: '家庭月计入收入', children: y(a.monthlyIncomeFen) },
        { key: 'pc', label: '月人均收入', children: y(a.perCapitaIncomeFen) },
        { key: 'm', label: '计算方式', children: `${METHOD_LABELS[a.method] ?? a.method}，${ROUNDING_LABELS[a.rounding] ?? a.rounding}` },
        { key: 'ben', label: '保障对象', span: 2, children: a.beneficiaries.join('、') || '—' },
        ...(a.notCounted.length ? [{ key: 'nc', label: '不计入人数', span: 2, children: a.notCounted.map((p) => `${p.name}（${p.reason}）`).join('；') }] : []),
        ...(a.individual ? [{ key: 'ind', label: '单人保', span: 2, children: `${a.individual.memberName}：${a.individual.basis}` }] : []),
        ...(a.standardSource ? [{ key: 'src', label: '标准依据', span: 2, children: <span className="case-muted">{a.standardSource}</span> }] : [])
      ]} />
      {a.steps.length ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>计算过程</Typography.Text>
          <ol className="case-calc-steps">{a.steps.map((s, i) => <li key={i}>{s.label}</li>)}</ol>
        </div>
      ) : null}
      <div style={{ marginTop: 8 }}>
        <Typography.Text strong>收入明细</Typography.Text>
        <Table<IncomeLineView> size="small" rowKey="incomeId" pagination={false} columns={columns} dataSource={a.incomeLines}
          locale={{ emptyText: '没有登记收入（按无收入计算）' }} style={{ marginTop: 4 }} />
      </div>
      {a.warnings.length ? <Alert style={{ marginTop: 8 }} type="warning" showIcon title="提示" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{a.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} /> : null}
    </div>
  )
}

/** One-line summary of a stored assessment (timeline, decision header). */
export function assessmentSummary(a: AssessmentView): string {
  if (a.eligible === true) return `试算 ${y(a.monthlyFen)}/月（${a.persons} 人）`
  if (a.eligible === false) return `试算不符合条件（人均 ${y(a.perCapitaIncomeFen)}）`
  return '试算无结果'
}
