// 办理经过: every signed step (who, in which role, when, why) with the opinion, proposal, class, grounds
// and the assessment stored with it; the open next steps at the end in grey.
import { Button, Modal, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import type { AssessmentView, CaseStepView, CaseView } from '../../../../../main/api/types'
import { fmtDateTime } from '../../../../app/format'
import { AssessmentPanel, assessmentSummary } from './AssessmentPanel'
import { NEGATIVE_STEPS, OPINION_LABELS, PROPOSAL_LABELS, signerName, type ProposalOutcome } from './labels'

function stepTags(s: CaseStepView) {
  const d = s.data ?? {}
  const tags: Array<{ text: string; color?: string }> = []
  if (d.opinion === 'positive' || d.opinion === 'negative') tags.push({ text: `初审意见：${OPINION_LABELS[d.opinion]}`, color: d.opinion === 'positive' ? 'green' : 'red' })
  if (typeof d.outcome === 'string') tags.push({ text: `拟调整方案：${PROPOSAL_LABELS[d.outcome as ProposalOutcome] ?? d.outcome}`, color: ['decrease', 'stop', 'phaseOut'].includes(d.outcome) ? 'orange' : 'blue' })
  if (typeof d.phaseOutMonths === 'number') tags.push({ text: `渐退 ${d.phaseOutMonths} 个月` })
  if (typeof d.recheckClass === 'string') tags.push({ text: `分类管理 ${d.recheckClass} 类` })
  return tags
}

export function StepTimeline({ c }: { c: CaseView }) {
  const [shown, setShown] = useState<{ title: string; a: AssessmentView } | null>(null)
  const items = c.steps.map((s) => {
    const d = s.data ?? {}
    const a = (d.assessment as AssessmentView | undefined) ?? null
    const tags = stepTags(s)
    const color = NEGATIVE_STEPS.has(s.kind) ? 'red' : s.kind === 'approved' || s.kind === 'closed' || s.kind === 'published' ? 'green' : 'blue'
    return {
      key: s.seq,
      color,
      content: (
        <div data-testid={`step-${s.seq}`}>
          <div><span className="case-step-title">{s.label}</span> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.date}</Typography.Text></div>
          <div className="case-step-line" title={`记录时间 ${fmtDateTime(s.at)}`}>{signerName(s.signer)} · {s.signerRole}</div>
          {tags.length ? <div style={{ marginTop: 2 }}>{tags.map((t) => <Tag key={t.text} color={t.color} style={{ marginBottom: 2 }}>{t.text}</Tag>)}</div> : null}
          {typeof d.groundLabel === 'string' ? <div className="case-step-reason">不予受理情形：{d.groundLabel}</div> : null}
          {s.reason ? <div className="case-step-reason">{NEGATIVE_STEPS.has(s.kind) || tags.some((t) => t.color === 'red' || t.color === 'orange') ? '理由：' : '说明：'}{s.reason}</div> : null}
          {a ? (
            <div className="case-step-line">
              {assessmentSummary(a)}
              <Button type="link" size="small" style={{ padding: '0 4px', height: 18, fontSize: 12 }} onClick={() => setShown({ title: `${s.label}（${s.date}）签字时的试算`, a })}>计算明细</Button>
            </div>
          ) : null}
        </div>
      )
    }
  })
  if (!c.closedAt && c.next.length) {
    const forward = c.next.filter((n) => !['withdrawn', 'terminated'].includes(n.kind))
    items.push({
      key: 0,
      color: 'gray',
      content: (
        <div className="case-step-line">待办：{(forward.length ? forward : c.next).map((n) => `${n.label}（${n.roleLabel}）`).join(' 或 ')}</div>
      )
    })
  }
  return (
    <>
      <Timeline className="case-timeline" items={items} />
      <Modal open={!!shown} title={shown?.title} footer={null} onCancel={() => setShown(null)} width={720}
        style={{ top: 16 }} styles={{ body: { maxHeight: 'calc(100vh - 120px)', overflowY: 'auto' } }}>
        {shown ? <AssessmentPanel a={shown.a} /> : null}
      </Modal>
    </>
  )
}
