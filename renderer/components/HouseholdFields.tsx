// 基本信息 of a household (HouseholdFields in main/api/schemas.ts), shared by the new-household page
// and the 编辑基本信息 modal.
import { AutoComplete, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd'
import { HOUSEHOLD_CATEGORIES, POVERTY_CAUSES } from '../../main/domain/codes'
import type { HouseholdView, VillageView } from '../../main/api/types'
import type { Input as ApiInput } from '../api'
import { codeOptions } from '../app/format'
import { maxLen, numOrNull, required, requiredSelect, textOrNull } from './rules'

export interface HouseholdFormValues {
  villageCode?: string; groupName?: string; address?: string; hukouAddress?: string; hukouNo?: string; category?: 'urban' | 'rural'
  phone?: string; povertyCause?: string | null; registeredPoor?: boolean; relativeFiling?: boolean; housingType?: string
  housingArea?: number | null; bankName?: string; payeeName?: string; bankAccount?: string; note?: string
}

type HouseholdFieldsInput = Omit<ApiInput<'households.update'>, 'id' | 'version' | 'applicantMemberId'>

export function householdFromForm(v: HouseholdFormValues): HouseholdFieldsInput {
  return {
    villageCode: v.villageCode ?? '',
    groupName: textOrNull(v.groupName),
    address: (v.address ?? '').trim(),
    hukouAddress: textOrNull(v.hukouAddress),
    hukouNo: textOrNull(v.hukouNo),
    category: v.category as 'urban' | 'rural',
    phone: textOrNull(v.phone),
    povertyCause: v.povertyCause || null,
    registeredPoor: v.registeredPoor ?? false,
    relativeFiling: v.relativeFiling ?? false,
    housingType: textOrNull(v.housingType),
    housingArea: numOrNull(v.housingArea),
    bankName: textOrNull(v.bankName),
    bankAccount: (v.bankAccount ?? '').replace(/\s+/g, '') || null,
    payeeName: textOrNull(v.payeeName),
    note: textOrNull(v.note)
  }
}

export function householdToForm(h: HouseholdView): HouseholdFormValues {
  return {
    villageCode: h.villageCode, groupName: h.groupName ?? '', address: h.address, hukouAddress: h.hukouAddress ?? '', hukouNo: h.hukouNo ?? '', category: h.category,
    phone: h.phone ?? '', povertyCause: h.povertyCause, registeredPoor: h.registeredPoor, relativeFiling: h.relativeFiling,
    housingType: h.housingType ?? '', housingArea: h.housingArea, bankName: h.bankName ?? '', payeeName: h.payeeName ?? '',
    bankAccount: h.bankAccount ?? '', note: h.note ?? ''
  }
}

const HOUSING_TYPES = ['砖混结构', '砖木结构', '土木结构', '钢混结构', '租住', '借住', '危房（C级）', '危房（D级）', '无房'].map((v) => ({ value: v }))

export function HouseholdFields({ villages, currentVillage }: { villages: VillageView[]; currentVillage?: { code: string; name: string } }) {
  const opts = villages.filter((v) => v.active).map((v) => ({ value: v.code, label: v.name, search: `${v.name} ${v.code}` }))
  if (currentVillage && !opts.some((o) => o.value === currentVillage.code)) {
    opts.unshift({ value: currentVillage.code, label: `${currentVillage.name}（已停用）`, search: currentVillage.name })
  }
  return (
    <Row gutter={12}>
      <Col xs={12} lg={6}>
        <Form.Item label="村（社区）" name="villageCode" rules={[requiredSelect('请选择村（社区）')]}
          extra={villages.length === 0 ? '尚未登记村（社区），请管理员先在“系统设置 → 村（社区）”中添加' : undefined}>
          <Select options={opts} showSearch={{ optionFilterProp: 'search' }} placeholder="请选择" data-testid="field-villageCode" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={4}>
        <Form.Item label="组" name="groupName" rules={[maxLen('组', 20)]}>
          <Input placeholder="如：三组" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={14}>
        <Form.Item label="现住址" name="address" rules={[required('请填写现住址'), maxLen('现住址', 120)]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} lg={10}>
        <Form.Item label="户籍地址" name="hukouAddress" rules={[maxLen('户籍地址', 120)]}>
          <Input placeholder="与现住址相同可不填" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="户口簿户号" name="hukouNo" rules={[maxLen('户口簿户号', 30), { pattern: /^[0-9A-Za-z-]*$/, message: '户号只能是数字或字母' }]} tooltip="户口簿首页的“户号”；用于发现同一户口分拆申请（拆户保）">
          <Input placeholder="选填" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="低保类别" name="category" rules={[requiredSelect('请选择城市低保或农村低保')]}>
          <Select options={codeOptions(HOUSEHOLD_CATEGORIES)} placeholder="请选择" data-testid="field-category" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={4}>
        <Form.Item label="联系电话" name="phone" rules={[maxLen('联系电话', 30)]}>
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="致贫原因" name="povertyCause">
          <Select options={codeOptions(POVERTY_CAUSES)} allowClear placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="住房类型" name="housingType" rules={[maxLen('住房类型', 30)]}>
          <AutoComplete options={HOUSING_TYPES} placeholder="选择或填写" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={4}>
        <Form.Item label="住房面积（㎡）" name="housingArea">
          <InputNumber min={0} max={10000} precision={1} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={6} lg={3}>
        <Form.Item label="建档立卡户" name="registeredPoor" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      <Col xs={6} lg={3}>
        <Form.Item label="近亲属备案" name="relativeFiling" valuePropName="checked" tooltip="申请人或家庭成员是村（社区）干部或经办人员的近亲属">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="开户银行" name="bankName" rules={[maxLen('开户银行', 60)]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12} lg={4}>
        <Form.Item label="开户人" name="payeeName" rules={[maxLen('开户人', 30)]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="银行账号" name="bankAccount" rules={[{ pattern: /^\s*[\d ]{8,40}\s*$/, message: '银行账号应为8–30位数字' }]}>
          <Input className="mono" inputMode="numeric" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={18}>
        <Form.Item label="备注" name="note" rules={[maxLen('备注', 500)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
    </Row>
  )
}
