// 案件办理: the household's cases. 受理 a new application; sign the next step of an open case (the
// server checks the transition, the signer's role, separation of duties, required materials and
// dates); every signed step with its signer, date and reason; due dates and overdue warnings.
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { CaseNextStep, CaseView } from '../../../../main/api/types'
import { FormModal } from '../../../components/FormModal'
import { maxLen } from '../../../components/rules'
import { fmtDate, fmtDateTime } from '../../../app/format'
import { useSession } from '../../../app/session'
import { mutate, useApi } from '../../../app/useApi'
import { useFile } from './context'

const KIND_OPTIONS = [
  { value: 'newApplication', label: '新申请' }, { value: 'recheck', label: '复核' }, { value: 'change', label: '变更' },
  { value: 'stop', label: '停保' }, { value: 'phaseOut', label: '渐退' }, { value: 'resume', label: '恢复' }
]
const ORIGIN_OPTIONS = [
  { value: 'window', label: '窗口申请' }, { value: 'agent', label: '委托代理' }, { value: 'proactive', label: '主动发现' },
  { value: 'online', label: '网上申请' }, { value: 'dataComparison', label: '数据比对' }, { value: 'complaint', label: '投诉举报' }
]
const NEEDS_REASON = new Set(['notAccepted', 'rejected', 'withdrawn', 'terminated', 'returned', 'checkRejected'])
const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day')

export function CasesTab() {
  const { id, writable } = useFile()
  const { operator } = useSession()
  const list = useApi('cases.forHousehold', { householdId: id })
  const [opening, setOpening] = useState(false)
  const [signing, setSigning] = useState<{ c: CaseView; step: CaseNextStep } | null>(null)
  const cases = list.data ?? []
  const hasOpen = cases.some((c) => !c.closedAt)

  const stepColumns = [
    { title: '序', dataIndex: 'seq', key: 'seq', width: 44 },
    { title: '环节', dataIndex: 'label', key: 'label', width: 150 },
    { title: '办理日期', dataIndex: 'date', key: 'date', width: 100, render: fmtDate },
    { title: '签字人', dataIndex: 'signer', key: 'signer', width: 160 },
    { title: '身份', dataIndex: 'signerRole', key: 'signerRole', width: 90 },
    { title: '理由/说明', dataIndex: 'reason', key: 'reason', ellipsis: true },
    { title: '记录时间', dataIndex: 'at', key: 'at', width: 140, render: fmtDateTime }
  ]

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text>共 {cases.length} 个案件{hasOpen ? '，其中 1 个在办' : ''}</Typography.Text>
        {writable && !hasOpen ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>受理新申请</Button> : null}
      </Space>
      {list.error ? <Alert type="error" showIcon title={list.error.message} /> : null}
      {!cases.length && !list.loading ? <Empty description="本户还没有案件" /> : null}
      {cases.map((c) => (
        <Card key={c.id} size="small" style={{ marginBottom: 12 }} data-testid={`case-${c.caseNo}`}
          title={<Space size={8}><span className="mono">{c.caseNo}</span><Tag>{c.kindLabel}</Tag><Tag color={c.closedAt ? 'default' : 'blue'}>{c.closedAt ? `已办结：${c.currentStepLabel}` : `当前：${c.currentStepLabel}`}</Tag></Space>}
          extra={<Typography.Text type="secondary">{c.variantLabel}{c.decisionLevel === 'township' ? '（乡镇审核确认）' : '（县级审核确认）'}</Typography.Text>}>
          {!c.closedAt && c.caseDue ? (
            <Alert style={{ marginBottom: 8 }} showIcon type={c.caseOverdue ? 'error' : 'info'}
              title={`全案办理期限：${c.caseDue} 前作出决定${c.caseOverdue ? '（已超期）' : ''}`} />
          ) : null}
          <Table size="small" rowKey="seq" pagination={false} columns={stepColumns} dataSource={c.steps} />
          {!c.closedAt && c.next.length ? (
            <div style={{ marginTop: 8 }}>
              <Typography.Text strong>下一步：</Typography.Text>
              <Space wrap size={[8, 8]} style={{ marginTop: 4 }}>
                {c.next.map((n) => {
                  const mine = !!operator && operator.role === n.role
                  return (
                    <Space key={n.kind} size={4}>
                      <Button size="small" disabled={!writable || !mine} onClick={() => setSigning({ c, step: n })}
                        title={mine ? '' : `由${n.roleLabel}办理`}>{`办理：${n.label}`}</Button>
                      <Typography.Text type={n.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                        {n.roleLabel}{n.due ? ` · ${n.due} 前${n.overdue ? '（已超期）' : ''}` : ''}
                      </Typography.Text>
                    </Space>
                  )
                })}
              </Space>
            </div>
          ) : null}
        </Card>
      ))}

      <FormModal<{ kind: string; origin: string; receivedDate: Dayjs; note?: string }>
        open={opening} name="caseOpen" title="受理新申请（登记收到的申请）" okText="确定受理"
        initialValues={{ kind: 'newApplication', origin: 'window', receivedDate: dayjs() }}
        onClose={() => setOpening(false)}
        onSubmit={async (v, form) => {
          const res = await mutate('cases.open', { householdId: id, kind: v.kind as 'newApplication', origin: v.origin as 'window', receivedDate: v.receivedDate.format('YYYY-MM-DD'), note: v.note ?? null }, { form, success: '已登记申请，请继续办理“受理”' })
          if (res.ok) list.reload()
          return res.ok
        }}
      >
        <Form.Item label="案件类型" name="kind" rules={[{ required: true, message: '请选择案件类型' }]}><Select options={KIND_OPTIONS} /></Form.Item>
        <Form.Item label="申请来源" name="origin" rules={[{ required: true, message: '请选择申请来源' }]}><Select options={ORIGIN_OPTIONS} /></Form.Item>
        <Form.Item label="收到申请日期" name="receivedDate" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} disabledDate={noFuture} /></Form.Item>
        <Form.Item label="说明" name="note" rules={[maxLen('说明', 500)]}><Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} /></Form.Item>
      </FormModal>

      <FormModal<{ date: Dayjs; reason?: string }>
        open={!!signing} name="caseSign" title={signing ? `${signing.c.caseNo}：${signing.step.label}` : ''} okText="签字确认"
        initialValues={{ date: dayjs() }}
        onClose={() => setSigning(null)}
        onSubmit={async (v, form) => {
          if (!signing) return true
          const res = await mutate('cases.advance', { caseId: signing.c.id, version: signing.c.version, to: signing.step.kind, date: v.date.format('YYYY-MM-DD'), reason: v.reason ?? null }, { form, success: `已签署：${signing.step.label}` })
          if (res.ok) list.reload()
          return res.ok
        }}
      >
        {signing ? <Alert style={{ marginBottom: 12 }} type="info" showIcon title={`以${signing.step.roleLabel}身份签字：${operator?.name ?? ''}。签字后不能修改，更正须另办一个环节并写明理由。`} /> : null}
        <Form.Item label="办理日期" name="date" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} disabledDate={noFuture} /></Form.Item>
        <Form.Item label={signing && NEEDS_REASON.has(signing.step.kind) ? '理由' : '说明'} name="reason"
          rules={signing && NEEDS_REASON.has(signing.step.kind) ? [{ required: true, whitespace: true, message: '请写明理由' }, maxLen('理由', 1000)] : [maxLen('说明', 1000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </FormModal>
    </div>
  )
}
