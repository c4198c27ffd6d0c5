// 规则检查: the case's rule flags, open ones first (red = 阻止/须豁免, orange = 提示, grey = 参考), each with its
// evidence and source. 重新检查 re-evaluates the rules on the current file; a 审核人 clears a 提示 with a written
// reason, and a 须豁免 item only by citing the local rule. Cleared flags say who cleared them and why.
import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Collapse, Form, Input, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { CaseFlagView, CaseView } from '../../../../../main/api/types'
import { feedback } from '../../../../app/feedback'
import { fmtDateTime } from '../../../../app/format'
import { useSession } from '../../../../app/session'
import { mutate, useMutation } from '../../../../app/useApi'
import { maxLen } from '../../../../components/rules'
import { CaseModal, Section } from './CaseModal'
import { signerName } from './labels'

const SEV_ORDER: Record<string, number> = { block: 0, blockUnlessExempt: 1, warn: 2, info: 3 }
const SEV_COLOR: Record<string, string> = { block: 'red', blockUnlessExempt: 'red', warn: 'orange', info: 'default' }

export function FlagsPanel({ c, writable }: { c: CaseView; writable: boolean }) {
  const { operator } = useSession()
  const check = useMutation()
  const [clearing, setClearing] = useState<CaseFlagView | null>(null)
  const open = c.flags.filter((f) => f.status === 'open').sort((a, b) => (SEV_ORDER[a.severity] ?? 9) - (SEV_ORDER[b.severity] ?? 9))
  const cleared = c.flags.filter((f) => f.status === 'cleared')
  const resolved = c.flags.filter((f) => f.status === 'resolved')
  const reviewer = operator.role === 'reviewer' && writable && !c.closedAt
  const blocks = open.filter((f) => f.severity === 'block' || f.severity === 'blockUnlessExempt').length

  const summary = open.length
    ? <span>{blocks ? <Tag color="red">阻止 {blocks}</Tag> : null}{open.length - blocks ? <Tag color="orange">待核实 {open.length - blocks}</Tag> : null}</span>
    : c.flags.length ? <Tag color="green">无待处理</Tag> : null

  if (c.closedAt) {
    // a closed case: the flags are history, folded
    if (!c.flags.length) return null
    return (
      <Section title="规则检查记录" testId="case-flags">
        <Collapse size="small" ghost items={[{
          key: 'f', label: <span className="case-muted">办结时的规则检查结果：未处理 {open.length} 项，已核实 {cleared.filter((f) => f.severity !== 'info').length} 项，参考 {cleared.filter((f) => f.severity === 'info').length} 项，已消除 {resolved.length} 项</span>,
          children: [...open, ...cleared, ...resolved].map((f) => <FlagItem key={f.id} f={f} action={null} />)
        }]} />
      </Section>
    )
  }
  return (
    <Section title={<span>规则检查 {summary}</span>} testId="case-flags"
      extra={writable && !c.closedAt ? (
        <Button size="small" icon={<ReloadOutlined />} loading={check.pending}
          onClick={async () => {
            const r = await check.run('cases.checkRules', { caseId: c.id })
            if (r.ok) {
              const n = r.value.filter((f) => f.status === 'open').length
              if (n) feedback.warning(`规则检查完成：有 ${n} 项待处理`)
              else feedback.success('规则检查完成：没有待处理的问题')
            }
          }}>重新检查</Button>
      ) : null}>
      {!c.flags.length ? <Typography.Text type="secondary" style={{ fontSize: 13 }}>暂无规则提示。签署初审意见和审核确认前会自动检查，也可点“重新检查”按当前档案数据检查。</Typography.Text> : null}
      {open.map((f) => <FlagItem key={f.id} f={f} action={reviewer && (f.severity === 'warn' || f.severity === 'blockUnlessExempt') ? () => setClearing(f) : null} />)}
      {open.some((f) => f.severity !== 'block') && !reviewer && !c.closedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>提示项须由审核人逐条核实并写明理由后，才能签署初审意见或审核确认。</Typography.Text>
      ) : null}
      {cleared.map((f) => <FlagItem key={f.id} f={f} action={null} />)}
      {resolved.length ? (
        <Collapse size="small" ghost items={[{ key: 'r', label: <span className="case-muted">已消除的提示（档案情况已变化）{resolved.length} 项</span>, children: resolved.map((f) => <FlagItem key={f.id} f={f} action={null} />) }]} />
      ) : null}
      {clearing ? <ClearFlagModal f={clearing} onClose={() => setClearing(null)} /> : null}
    </Section>
  )
}

function FlagItem({ f, action }: { f: CaseFlagView; action: (() => void) | null }) {
  const done = f.status !== 'open'
  if (f.severity === 'info') {
    // 参考信息: one compact block, nothing to do
    return (
      <div className="case-flag sev-info done" data-testid={`flag-${f.ruleId}`} title={`依据：${f.source}`}>
        <Tag style={{ marginInlineEnd: 6 }}>{f.severityLabel}</Tag>
        <span className="case-flag-title" style={{ color: 'rgba(0,0,0,0.65)' }}>{f.title}</span>
        <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>：{f.message}{f.evidence.length ? `（${f.evidence.join('；')}）` : ''}</span>
      </div>
    )
  }
  return (
    <div className={`case-flag sev-${f.severity}${done ? ' done' : ''}`} data-testid={`flag-${f.ruleId}`}>
      <div className="case-flag-head">
        <Tag color={done ? 'default' : SEV_COLOR[f.severity]} style={{ marginInlineEnd: 0 }}>{f.severityLabel}</Tag>
        <span className="case-flag-title" style={done ? { color: 'rgba(0,0,0,0.55)' } : undefined}>{f.title}</span>
        {f.status === 'cleared' ? <Tag color="green">已核实</Tag> : null}
        {f.status === 'resolved' ? <Tag>已消除</Tag> : null}
        <div style={{ flex: 1 }} />
        {action ? <Button size="small" onClick={action}>{f.severity === 'blockUnlessExempt' ? '核实并豁免' : '核实'}</Button> : null}
      </div>
      <div style={{ fontSize: 13, marginTop: 2 }}>{f.message}</div>
      {f.evidence.length ? <ul>{f.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul> : null}
      <div className="case-muted">依据：{f.source}　发现于 {fmtDateTime(f.raisedAt)}</div>
      {!done && f.severity === 'block' ? <div className="case-muted" style={{ color: '#cf1322' }}>阻止项不能签字放行：请核实并更正档案信息后“重新检查”。</div> : null}
      {f.status === 'cleared' && f.clearedReason ? (
        <div style={{ fontSize: 12, marginTop: 2, color: '#389e0d' }}>核实：{signerName(f.clearedBy ?? '')}，{fmtDateTime(f.clearedAt)}：{f.clearedReason}</div>
      ) : null}
    </div>
  )
}

function ClearFlagModal({ f, onClose }: { f: CaseFlagView; onClose: () => void }) {
  const exempt = f.severity === 'blockUnlessExempt'
  return (
    <CaseModal<{ reason: string; exemptionRule?: string }>
      open
      name="caseFlagClear"
      title={`${exempt ? '核实并豁免' : '核实提示'}：${f.title}`}
      okText="签署核实意见"
      onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('cases.clearFlag', { flagId: f.id, reason: v.reason.trim(), exemptionRule: exempt ? (v.exemptionRule ?? '').trim() : null }, { form, success: `已核实：${f.title}` })
        return res.ok
      }}
    >
      <Alert type={exempt ? 'error' : 'warning'} showIcon style={{ marginBottom: 10 }} title={f.message}
        description={f.evidence.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{f.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul> : undefined} />
      <Form.Item label="核实意见" name="reason" rules={[{ required: true, whitespace: true, message: '请写明核实的情况和理由' }, maxLen('核实意见', 500)]}
        extra="以审核人身份签署，记入审计日志，不能撤回。">
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 6 }} placeholder="如：经入户调查和核对，该笔存款为子女上学专款，不影响认定" />
      </Form.Item>
      {exempt ? (
        <Form.Item label="豁免依据（地方规定的文件名称和条款）" name="exemptionRule" rules={[{ required: true, whitespace: true, message: '豁免须注明所依据的地方规定（文件名称和条款）' }, maxLen('豁免依据', 200)]}>
          <Input placeholder="如：××县最低生活保障家庭财产认定办法第五条" />
        </Form.Item>
      ) : null}
    </CaseModal>
  )
}
