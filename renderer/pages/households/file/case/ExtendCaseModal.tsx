// 延长全案办理期限 (cases.extend): once per case, 20 → 45 个工作日, only for the listed reasons, signed by the
// 乡镇审核确认人 in township mode (办法第二十二条; 83号文). The county extends its own cases through the reply package.
import { Alert, Form, Input, Radio } from 'antd'
import type { CaseView } from '../../../../../main/api/types'
import { mutate } from '../../../../app/useApi'
import { maxLen } from '../../../../components/rules'
import { CaseModal } from './CaseModal'
import { EXTENSION_REASONS } from './labels'

type Reason = (typeof EXTENSION_REASONS)[number]['value']

export function ExtendCaseModal({ c, onClose }: { c: CaseView; onClose: () => void }) {
  return (
    <CaseModal<{ reason: Reason; note: string }>
      open
      name="caseExtend"
      title={`延长全案办理期限：${c.caseNo}`}
      okText="签字延期"
      onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('cases.extend', { caseId: c.id, reason: v.reason, note: v.note.trim() }, { form, success: '已延长全案办理期限' })
        return res.ok
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 10 }}
        title={`现期限：${c.caseDue ?? '—'} 前作出决定。延长后为受理之日起 45 个工作日，每个案件只能延长一次。`} />
      <Form.Item label="延期理由（只限下列情形）" name="reason" rules={[{ required: true, message: '请选择延期理由' }]}>
        <Radio.Group options={EXTENSION_REASONS.map((r) => ({ value: r.value, label: r.label }))} />
      </Form.Item>
      <Form.Item label="具体情况" name="note" rules={[{ required: true, whitespace: true, message: '请写明延期的具体情况' }, maxLen('具体情况', 500)]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：公示期内收到异议，需重新入户调查并召开民主评议" />
      </Form.Item>
    </CaseModal>
  )
}
