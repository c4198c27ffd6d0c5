// One case: header (case no., kind, procedure, current step, whole-case deadline), then in two columns the
// work (下一步, 规则检查, 办理记录, 决定, 评议/公示/异议) and the signed history (办理经过). Closed cases start folded.
import { DownOutlined, UpOutlined } from '@ant-design/icons'
import { Button, Card, Col, Row, Space, Tag, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { CaseView } from '../../../../../main/api/types'
import { fmtDate } from '../../../../app/format'
import { useSession } from '../../../../app/session'
import { Section } from './CaseModal'
import { DecisionPanel, RelatedPanel } from './DecisionPanel'
import { CaseDocuments } from './CaseDocuments'
import { ExtendCaseModal } from './ExtendCaseModal'
import { FlagsPanel } from './FlagsPanel'
import { OPINION_LABELS, TRIGGER_LABELS } from './labels'
import { NextSteps } from './NextSteps'
import { RecordsSection } from './RecordList'
import { StepTimeline } from './StepTimeline'

export function CaseCard({ c, writable, currentBenefitFen, focus }: { c: CaseView; writable: boolean; currentBenefitFen: number | null; focus: boolean }) {
  const closed = !!c.closedAt
  const [open, setOpen] = useState(!closed || focus)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focus) { setOpen(true); ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }) }
  }, [focus])
  const level = c.variantLabel.includes('审核确认）') ? '' : c.decisionLevel === 'township' ? '（乡镇审核确认）' : '（县级审核确认）'
  const openFlags = c.flags.filter((f) => f.status === 'open')
  const received = c.steps[0]?.date
  const { operator } = useSession()
  const [extending, setExtending] = useState(false)
  // 办法第二十二条: once, for a listed reason, by the 乡镇审核确认人 (county cases are extended by the county)
  const canExtend = writable && !closed && !!c.caseDue && !c.decision && !c.extended && c.decisionLevel === 'township' && operator.role === 'townshipApprover'

  return (
    <div ref={ref}>
      <Card size="small" className={`case-card${closed ? ' case-closed' : ''}`} style={{ marginBottom: 12 }} data-testid={`case-${c.caseNo}`}
        title={
          <Space wrap size={[6, 4]}>
            <span className="mono" style={{ fontWeight: 600 }}>{c.caseNo}</span>
            <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>{c.kindLabel}</Tag>
            {c.triggerKind ? <Tag style={{ marginInlineEnd: 0 }}>{TRIGGER_LABELS[c.triggerKind] ?? c.triggerKind}</Tag> : null}
            <Tag color={closed ? 'default' : 'blue'} style={{ marginInlineEnd: 0 }}>{closed ? `已办结${c.currentStep === 'closed' ? '' : `：${c.currentStepLabel}`}（${fmtDate(c.closedAt)}）` : `当前：${c.currentStepLabel}`}</Tag>
            {!closed && c.caseDue && !c.decision ? (
              <Tag color={c.caseOverdue ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>全案办理期限：{c.caseDue} 前作出决定{c.extended ? '（已延长）' : ''}{c.caseOverdue ? '（已超期）' : ''}</Tag>
            ) : null}
            {canExtend ? <Button size="small" type="link" style={{ padding: '0 2px', height: 22 }} onClick={() => setExtending(true)}>延长期限</Button> : null}
            {!closed && c.caseDue && c.decision ? (
              <Tag color={c.decision.date > c.caseDue ? 'orange' : 'default'} style={{ marginInlineEnd: 0 }}>
                {c.decision.date} 已作出决定（全案期限 {c.caseDue}{c.decision.date > c.caseDue ? '，超期作出' : ''}）
              </Tag>
            ) : null}
            {c.opinion ? <Tag color={c.opinion === 'positive' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>初审{OPINION_LABELS[c.opinion]}</Tag> : null}
            {c.proposal ? <Tag color="cyan" style={{ marginInlineEnd: 0 }}>方案：{c.proposal.label}</Tag> : null}
            {!open && openFlags.length ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>规则提示 {openFlags.length}</Tag> : null}
            {!open && c.decision ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.decision.outcomeLabel}（{c.decision.date}）</Typography.Text> : null}
          </Space>
        }
        extra={
          <Space size={4}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`${c.variantLabel}${level}`}>
              {received ? `${received} 收到 · ` : ''}{c.variantLabel}{level}
            </Typography.Text>
            <Button size="small" type="text" icon={open ? <UpOutlined /> : <DownOutlined />} onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? '收起' : '展开'}
            </Button>
          </Space>
        }
        styles={open ? undefined : { body: { display: 'none' } }}
      >
        {open ? (
          <Row gutter={16} wrap={false}>
            <Col flex="1 1 0" style={{ minWidth: 0 }}>
              {!closed ? (
                <Section title="下一步" testId="case-next">
                  {c.next.length ? <NextSteps c={c} writable={writable} currentBenefitFen={currentBenefitFen} /> : <Typography.Text type="secondary">没有可办理的下一步</Typography.Text>}
                </Section>
              ) : null}
              <FlagsPanel c={c} writable={writable} />
              <RecordsSection c={c} writable={writable} />
              <DecisionPanel c={c} />
              <CaseDocuments c={c} writable={writable} />
              <RelatedPanel c={c} />
            </Col>
            <Col flex="0 0 360px" style={{ minWidth: 0 }}>
              <Section title={`办理经过（${c.steps.length} 个环节）`} testId="case-steps">
                <StepTimeline c={c} />
              </Section>
            </Col>
          </Row>
        ) : null}
      </Card>
      {extending ? <ExtendCaseModal c={c} onClose={() => setExtending(false)} /> : null}
    </div>
  )
}
