// 开案: a household still applying gets a 新申请; a household in payment (在保, 暂停, 渐退期) a 复核, 变更,
// 停保, 渐退 or 恢复 with what started it (到期复核, 报告变化, 数据比对, 投诉举报, 成员死亡, 户口迁出, 暂停后恢复).
import { Alert, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { HouseholdStatus } from '../../../../../main/api/types'
import { statusName } from '../../../../app/format'
import { mutate } from '../../../../app/useApi'
import { maxLen } from '../../../../components/rules'
import { CaseModal } from './CaseModal'
import { MANAGEMENT_KINDS, ORIGIN_OPTIONS, TRIGGER_OPTIONS, type ManagementKind, type Origin, type TriggerKind } from './labels'

interface OpenValues { kind: 'newApplication' | ManagementKind; origin: Origin; receivedDate: Dayjs; note?: string; triggerKind?: TriggerKind }

export function OpenCaseModal({ householdId, status, onClose, onOpened }: { householdId: string; status: HouseholdStatus; onClose: () => void; onOpened: (caseId: string) => void }) {
  const applying = status === 'applying'
  const initial: Partial<OpenValues> = applying
    ? { kind: 'newApplication', origin: 'window', receivedDate: dayjs() }
    : status === 'suspended'
      ? { kind: 'resume', triggerKind: 'suspended', origin: 'proactive', receivedDate: dayjs() }
      : { kind: 'recheck', triggerKind: 'due', origin: 'proactive', receivedDate: dayjs() }
  return (
    <CaseModal<OpenValues>
      open
      name="caseOpen"
      title={applying ? '受理新申请（登记收到的申请）' : `登记复核、变更、停保、渐退或恢复（档案状态：${statusName(status)}）`}
      okText={applying ? '确定受理' : '确定登记'}
      initialValues={initial}
      onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('cases.open', {
          householdId, kind: v.kind, origin: v.origin, receivedDate: v.receivedDate.format('YYYY-MM-DD'), note: v.note?.trim() || null,
          triggerKind: applying ? null : (v.triggerKind ?? null)
        }, { form, success: applying ? '已登记申请，请继续登记申请材料并办理“受理”' : '已登记启动，请继续办理入户调查与核对' })
        if (res.ok) onOpened(res.value.id)
        return res.ok
      }}
    >
      {applying ? <NewApplicationFields /> : <ManagementFields status={status} />}
    </CaseModal>
  )
}

function NewApplicationFields() {
  return (
    <>
      <Form.Item name="kind" hidden><Input /></Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="申请来源" name="origin" rules={[{ required: true, message: '请选择申请来源' }]}>
            <Select options={ORIGIN_OPTIONS.map((o) => ({ value: o.value, label: o.label }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="收到申请日期" name="receivedDate" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="说明" name="note" rules={[maxLen('说明', 500)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：本人到乡镇便民服务中心提出申请" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        缺少材料的，受理后一次性告知需要补正的全部材料；不得以缺材料或“看起来不符合条件”为由不予受理。
      </Typography.Paragraph>
    </>
  )
}

function ManagementFields({ status }: { status: HouseholdStatus }) {
  const form = Form.useFormInstance<OpenValues>()
  const kind = Form.useWatch('kind') as ManagementKind | undefined
  const trigger = Form.useWatch('triggerKind') as TriggerKind | undefined
  return (
    <>
      <Form.Item label="案件类型" name="kind" rules={[{ required: true, message: '请选择案件类型' }]}
        extra={MANAGEMENT_KINDS.find((k) => k.value === kind)?.help}>
        <Radio.Group optionType="button" buttonStyle="solid"
          options={MANAGEMENT_KINDS.map((k) => ({ value: k.value, label: k.label, disabled: k.value === 'resume' && status !== 'suspended' }))}
          onChange={(e) => { if (e.target.value === 'resume') form.setFieldsValue({ triggerKind: 'suspended', origin: 'proactive' }) }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="启动原因" name="triggerKind" rules={[{ required: true, message: '请选择启动原因' }]}>
            <Select options={TRIGGER_OPTIONS.map((t) => ({ value: t.value, label: t.label }))}
              onChange={(v: TriggerKind) => { const o = TRIGGER_OPTIONS.find((t) => t.value === v)?.origin; if (o) form.setFieldValue('origin', o) }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="线索来源" name="origin" rules={[{ required: true, message: '请选择线索来源' }]}>
            <Select options={ORIGIN_OPTIONS.map((o) => ({ value: o.value, label: o.label }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="启动日期" name="receivedDate" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label={trigger === 'death' ? '说明（写明死亡成员和死亡日期）' : '说明'} name="note"
        rules={[...(trigger === 'death' ? [{ required: true, whitespace: true, message: '请写明死亡成员和死亡日期（YYYY-MM-DD），据此计算3个月办结期限' }] : []), maxLen('说明', 500)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={trigger === 'death' ? '如：户主张三于 2026-11-20 死亡' : trigger === 'complaint' ? '投诉举报的时间、渠道和反映的问题（不写举报人身份）' : '如：定期复核'} />
      </Form.Item>
      {trigger === 'death' ? <Alert type="info" showIcon title="成员死亡的，须在死亡之日起3个月内完成复核和增发、减发或停发（83号文）。" /> : null}
      {kind === 'stop' || kind === 'phaseOut' ? <Alert type="warning" showIcon title="停发、渐退前须听取当事人意见，并书面告知理由和救济途径。" /> : null}
    </>
  )
}
