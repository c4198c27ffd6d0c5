// Fields of an income row, an asset row and a support obligor, shared by the new-household page
// (inside Form.List, members referenced by the ID number typed above: `memberIdNumber`) and the
// modals of the file page (members referenced by their id: `memberId`). Money is typed in 元 as text
// (the form field carries the API's name, e.g. amountFen, so server field errors land on it) and
// converted to integer 分 with parseYuan on submit.
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch, type FormRule } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { ASSET_KINDS, INCOME_KINDS, OBLIGOR_RELATIONS } from '../../main/domain/codes'
import type { AssetView, IncomeView, ObligorView } from '../../main/api/types'
import type { Input as ApiInput } from '../api'
import { codeOptions, yuanText } from '../app/format'
import { fenOrNull, idNumberRule, maxLen, moneyRule, numOrNull, required, requiredSelect, textOrNull } from './rules'
import { checkIdNumber } from '../../main/domain/idcard'
import { today } from '../app/format'

type IncomeInput = ApiInput<'incomes.save'>['income']
type AssetInput = ApiInput<'assets.save'>['asset']
type ObligorInput = ApiInput<'obligors.save'>['obligor']

export interface MemberOption { value: string; label: string }
type Ref = 'memberIdNumber' | 'memberId'

const YuanInput = (props: { placeholder?: string; 'data-testid'?: string }) => (
  <Input inputMode="decimal" suffix="元" autoComplete="off" {...props} />
)

// ── income ────────────────────────────────────────────────────────────────

export interface IncomeFormValues {
  memberIdNumber?: string | null; memberId?: string | null; kind?: string; subtype?: string; amountFen?: string
  periodFrom?: Dayjs | null; periodTo?: Dayjs | null; source?: string; counted?: boolean; note?: string
}
export const newIncomeDefaults = (): IncomeFormValues => ({ counted: true })

export function incomeFromForm(v: IncomeFormValues): IncomeInput {
  return {
    memberIdNumber: v.memberIdNumber || null,
    memberId: v.memberId || null,
    kind: v.kind as IncomeInput['kind'],
    subtype: textOrNull(v.subtype),
    amountFen: fenOrNull(v.amountFen) ?? 0,
    periodFrom: v.periodFrom ? v.periodFrom.format('YYYY-MM') : null,
    periodTo: v.periodTo ? v.periodTo.format('YYYY-MM') : null,
    source: (v.source ?? '').trim(),
    counted: v.counted ?? true,
    note: textOrNull(v.note)
  }
}
export function incomeToForm(i: IncomeView): IncomeFormValues {
  return {
    memberId: i.memberId, kind: i.kind, subtype: i.subtype ?? '', amountFen: yuanText(i.amountFen),
    periodFrom: i.periodFrom ? dayjs(i.periodFrom + '-01') : null, periodTo: i.periodTo ? dayjs(i.periodTo + '-01') : null,
    source: i.source, counted: i.counted, note: i.note ?? ''
  }
}

export function IncomeFields({ base, members, memberRef, memberRules, testIdPrefix }: { base: Array<string | number>; members: MemberOption[]; memberRef: Ref; memberRules?: FormRule[]; testIdPrefix?: string }) {
  const n = (k: string) => [...base, k]
  const tid = (s: string) => (testIdPrefix ? `${testIdPrefix}-${s}` : undefined)
  return (
    <Row gutter={12}>
      <Col xs={12} lg={5}>
        <Form.Item label="所属成员" name={n(memberRef)} rules={memberRules}>
          <Select options={members} allowClear placeholder="全户/不区分" showSearch={{ optionFilterProp: 'label' }} data-testid={tid('member')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="收入类别" name={n('kind')} rules={[requiredSelect('请选择收入类别')]}>
          <Select options={codeOptions(INCOME_KINDS)} placeholder="请选择" data-testid={tid('kind')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="细项" name={n('subtype')} rules={[maxLen('收入细项', 40)]}>
          <Input placeholder="如：务工工资、养老金" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={4}>
        <Form.Item label="月收入（元）" name={n('amountFen')} required rules={[moneyRule({ required: true, label: '月收入' })]}>
          <YuanInput placeholder="如 1234.50" data-testid={tid('amount')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="来源/依据" name={n('source')} rules={[required('请填写收入来源/依据'), maxLen('收入来源/依据', 60)]}>
          <Input placeholder="如：核对报告、工资证明、入户调查" data-testid={tid('source')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="起始月份" name={n('periodFrom')}>
          <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="截止月份" name={n('periodTo')}>
          <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={3}>
        <Form.Item label="计入" name={n('counted')} valuePropName="checked" tooltip="是否计入家庭收入（优抚金、奖学金等不计入）">
          <Switch checkedChildren="计入" unCheckedChildren="不计" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={11}>
        <Form.Item label="备注" name={n('note')} rules={[maxLen('备注', 200)]}>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  )
}

// ── asset ─────────────────────────────────────────────────────────────────

export interface AssetFormValues {
  memberIdNumber?: string | null; memberId?: string | null; kind?: string; description?: string; valueFen?: string
  quantity?: string; sizeClass?: 'small' | 'medium' | 'large' | null; evidence?: string; exempt?: boolean; exemptReason?: string
}
export const newAssetDefaults = (): AssetFormValues => ({ exempt: false })

export function assetFromForm(v: AssetFormValues): AssetInput {
  return {
    memberIdNumber: v.memberIdNumber || null,
    memberId: v.memberId || null,
    kind: v.kind ?? '',
    description: (v.description ?? '').trim(),
    valueFen: fenOrNull(v.valueFen) ?? 0,
    quantity: textOrNull(v.quantity),
    sizeClass: v.kind === 'vehicle' || v.kind === 'boatMachinery' ? v.sizeClass ?? null : null,
    evidence: textOrNull(v.evidence),
    exempt: v.exempt ?? false,
    exemptReason: v.exempt ? textOrNull(v.exemptReason) : null
  }
}
export function assetToForm(a: AssetView): AssetFormValues {
  return {
    memberId: a.memberId, kind: a.kind, description: a.description, valueFen: yuanText(a.valueFen), quantity: a.quantity ?? '', sizeClass: a.sizeClass,
    evidence: a.evidence ?? '', exempt: a.exempt, exemptReason: a.exemptReason ?? ''
  }
}

export function AssetFields({ base, full, members, memberRef, memberRules, testIdPrefix }: { base: Array<string | number>; full: Array<string | number>; members: MemberOption[]; memberRef: Ref; memberRules?: FormRule[]; testIdPrefix?: string }) {
  const n = (k: string) => [...base, k]
  const exempt = Form.useWatch<boolean | undefined>([...full, 'exempt'])
  const kind = Form.useWatch<string | undefined>([...full, 'kind'])
  const sized = kind === 'vehicle' || kind === 'boatMachinery'
  const tid = (s: string) => (testIdPrefix ? `${testIdPrefix}-${s}` : undefined)
  return (
    <Row gutter={12}>
      <Col xs={12} lg={5}>
        <Form.Item label="所属成员" name={n(memberRef)} rules={memberRules}>
          <Select options={members} allowClear placeholder="全户/不区分" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="财产类别" name={n('kind')} rules={[requiredSelect('请选择财产类别')]}>
          <Select options={codeOptions(ASSET_KINDS)} placeholder="请选择" data-testid={tid('kind')} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={9}>
        <Form.Item label="说明" name={n('description')} rules={[required('请填写财产说明'), maxLen('财产说明', 100)]}>
          <Input placeholder="如：农商行活期存款、2015年购面包车一辆" data-testid={tid('description')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="价值（元）" name={n('valueFen')} required rules={[moneyRule({ required: true, label: '价值' })]}>
          <YuanInput data-testid={tid('value')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="数量/面积" name={n('quantity')} rules={[maxLen('数量/面积', 30)]}>
          <Input />
        </Form.Item>
      </Col>
      {sized ? (
        <Col xs={12} lg={4}>
          <Form.Item label="规格" name={n('sizeClass')} tooltip={kind === 'vehicle' ? '经营性大中型客货车属清查项目' : '中型以上拖拉机、收割机和工程机械属清查项目；小型农机（如手扶拖拉机）不提示'}>
            <Select allowClear placeholder="请选择" options={[{ value: 'small', label: '小型' }, { value: 'medium', label: '中型' }, { value: 'large', label: '大型' }]} />
          </Form.Item>
        </Col>
      ) : null}
      <Col xs={12} lg={sized ? 4 : 6}>
        <Form.Item label="依据" name={n('evidence')} rules={[maxLen('依据', 60)]}>
          <Input placeholder="如：核对报告、房产证" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={4}>
        <Form.Item label="生活必需（豁免）" name={n('exempt')} valuePropName="checked" tooltip="生产生活必需的财产可不计入（如唯一住房、生产用农机）">
          <Switch checkedChildren="豁免" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      {exempt ? (
        <Col xs={24} lg={9}>
          <Form.Item label="豁免原因" name={n('exemptReason')} rules={[required('标记为生产生活必需（豁免）的财产须注明原因'), maxLen('豁免原因', 200)]}>
            <Input />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  )
}

// ── obligor ───────────────────────────────────────────────────────────────

export interface ObligorFormValues {
  name?: string; idNumber?: string; relation?: string; age?: number | null; health?: string; job?: string
  householdSize?: number | null; monthlyIncomeFen?: string; supportPaidFen?: string; waiver?: boolean; waiverReason?: string; consent?: boolean
}
export const newObligorDefaults = (): ObligorFormValues => ({ consent: false, waiver: false })

export function obligorFromForm(v: ObligorFormValues): ObligorInput {
  const rawId = textOrNull(v.idNumber)
  const chk = rawId ? checkIdNumber(rawId, today()) : null
  return {
    name: (v.name ?? '').trim(),
    idNumber: chk && chk.ok ? chk.normalized : rawId,
    relation: v.relation ?? '',
    age: numOrNull(v.age),
    health: textOrNull(v.health),
    job: textOrNull(v.job),
    householdSize: numOrNull(v.householdSize),
    monthlyIncomeFen: fenOrNull(v.monthlyIncomeFen),
    supportPaidFen: fenOrNull(v.supportPaidFen),
    waiver: v.waiver ?? false,
    waiverReason: v.waiver ? textOrNull(v.waiverReason) : null,
    consent: v.consent ?? false
  }
}
export function obligorToForm(o: ObligorView): ObligorFormValues {
  return {
    name: o.name, idNumber: o.idNumber ?? '', relation: o.relation, age: o.age, health: o.health ?? '', job: o.job ?? '',
    householdSize: o.householdSize, monthlyIncomeFen: yuanText(o.monthlyIncomeFen), supportPaidFen: yuanText(o.supportPaidFen),
    waiver: o.waiver, waiverReason: o.waiverReason ?? '', consent: o.consent
  }
}

export function ObligorFields({ base, full, showWaiver, testIdPrefix }: { base: Array<string | number>; full: Array<string | number>; showWaiver?: boolean; testIdPrefix?: string }) {
  const n = (k: string) => [...base, k]
  const waiver = Form.useWatch<boolean | undefined>([...full, 'waiver'])
  const idNumber = Form.useWatch<string | undefined>([...full, 'idNumber'])
  const tid = (s: string) => (testIdPrefix ? `${testIdPrefix}-${s}` : undefined)
  const chk = idNumber && idNumber.trim() ? checkIdNumber(idNumber, today()) : null
  return (
    <Row gutter={12}>
      <Col xs={12} lg={4}>
        <Form.Item label="义务人姓名" name={n('name')} rules={[required('请填写义务人姓名'), maxLen('义务人姓名', 30)]}>
          <Input data-testid={tid('name')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="身份证号" name={n('idNumber')} rules={[idNumberRule({ optional: true })]}
          extra={chk && chk.ok ? <span className="id-hint">{chk.gender === 'male' ? '男' : '女'} · {chk.birthDate}</span> : undefined}>
          <Input className="mono" maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={5}>
        <Form.Item label="与申请人关系" name={n('relation')} rules={[requiredSelect('请选择与申请人关系')]}>
          <Select options={codeOptions(OBLIGOR_RELATIONS)} placeholder="请选择" data-testid={tid('relation')} />
        </Form.Item>
      </Col>
      <Col xs={6} lg={3}>
        <Form.Item label="年龄" name={n('age')}>
          <InputNumber min={0} max={130} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={6} lg={3}>
        <Form.Item label="健康状况" name={n('health')} rules={[maxLen('健康状况', 30)]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12} lg={3}>
        <Form.Item label="职业" name={n('job')} rules={[maxLen('职业', 40)]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={8} lg={4}>
        <Form.Item label="义务人家庭人口" name={n('householdSize')}>
          <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={8} lg={5}>
        <Form.Item label="义务人家庭月收入（元）" name={n('monthlyIncomeFen')} rules={[moneyRule()]}>
          <YuanInput />
        </Form.Item>
      </Col>
      <Col xs={8} lg={5}>
        <Form.Item label="每月给付（元）" name={n('supportPaidFen')} rules={[moneyRule()]}>
          <YuanInput />
        </Form.Item>
      </Col>
      <Col xs={8} lg={4}>
        <Form.Item label="同意核对" name={n('consent')} valuePropName="checked" tooltip="义务人已签署授权书，同意核对其家庭经济状况">
          <Switch checkedChildren="同意" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      {showWaiver ? (
        <Col xs={8} lg={3}>
          <Form.Item label="豁免义务" name={n('waiver')} valuePropName="checked" tooltip="由审核人决定并写明原因">
            <Switch checkedChildren="豁免" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      ) : null}
      {showWaiver && waiver ? (
        <Col xs={24} lg={24}>
          <Form.Item label="豁免原因" name={n('waiverReason')} rules={[required('豁免赡养义务须写明原因（由审核人决定）'), maxLen('豁免原因', 200)]}>
            <Input />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  )
}
