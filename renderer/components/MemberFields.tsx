// The fields of one household member, shared by the new-household page (inside Form.List) and the
// member modal on the file page. The ID number is checked as you type with the server's own code
// (main/domain/idcard.ts); when valid, the derived gender, birth date and age are shown.
import { Col, Form, Input, Row, Select, Switch } from 'antd'
import type { NamePath } from 'antd/es/form/interface'
import { checkDisabilityCert, checkIdNumber } from '../../main/domain/idcard'
import { EMPLOYMENT, ETHNICITIES, HEALTH, LABOUR, MARITAL, RELATIONS, SCHOOLING } from '../../main/domain/codes'
import type { MemberView } from '../../main/api/types'
import type { Input as ApiInput } from '../api'
import { age, codeOptions, genderName, today } from '../app/format'
import { idNumberRule, maxLen, required, requiredSelect, textOrNull } from './rules'

type MemberInput = ApiInput<'members.add'>['member']

/** Form values of one member (same names as MemberInput). */
export interface MemberFormValues {
  name?: string; idNumber?: string; relation?: string; ethnicity?: string; marital?: string | null; hukouType?: 'urban' | 'rural' | null
  coResident?: boolean; notCountedReason?: string; isBeneficiary?: boolean; health?: string; diagnosis?: string
  disabilityCert?: string; labour?: string; employment?: string | null; schooling?: string | null; employerSchool?: string
  publicPayroll?: boolean; phone?: string; deathDate?: string | null
}

export const newMemberDefaults = (relation?: string): MemberFormValues => ({
  relation, ethnicity: '01', coResident: true, isBeneficiary: true, health: 'healthy', labour: 'full', publicPayroll: false
})

export function memberToForm(m: MemberView): MemberFormValues {
  return {
    name: m.name, idNumber: m.idNumber, relation: m.relation, ethnicity: m.ethnicity, marital: m.marital, hukouType: m.hukouType,
    coResident: m.coResident, notCountedReason: m.notCountedReason ?? '', isBeneficiary: m.isBeneficiary, health: m.health,
    diagnosis: m.diagnosis ?? '', disabilityCert: m.disabilityCert ?? '', labour: m.labour, employment: m.employment,
    schooling: m.schooling, employerSchool: m.employerSchool ?? '', publicPayroll: m.publicPayroll, phone: m.phone ?? '', deathDate: m.deathDate
  }
}

/** Form values → MemberInput; the ID number is sent normalised (full-width folded, 15 → 18 digits). */
export function memberFromForm(v: MemberFormValues): MemberInput {
  const rawId = (v.idNumber ?? '').trim()
  const chk = rawId ? checkIdNumber(rawId, today()) : null
  return {
    name: (v.name ?? '').trim(),
    idNumber: chk && chk.ok ? chk.normalized : rawId,
    relation: v.relation ?? '',
    ethnicity: v.ethnicity || '01',
    marital: v.marital || null,
    hukouType: v.hukouType || null,
    coResident: v.coResident ?? true,
    notCountedReason: v.coResident === false ? textOrNull(v.notCountedReason) : null,
    isBeneficiary: v.isBeneficiary ?? true,
    health: (v.health || 'healthy') as MemberInput['health'],
    diagnosis: textOrNull(v.diagnosis),
    disabilityCert: textOrNull(v.disabilityCert),
    labour: (v.labour || 'full') as MemberInput['labour'],
    employment: v.employment || null,
    schooling: v.schooling || null,
    employerSchool: textOrNull(v.employerSchool),
    publicPayroll: v.publicPayroll ?? false,
    phone: textOrNull(v.phone),
    deathDate: v.deathDate || null
  }
}

/** "男 · 1980-05-06 · 46岁" under the ID input, warnings in orange. */
export function IdCheckHint({ value, testId }: { value: string | undefined; testId?: string }) {
  if (!value || !value.trim()) return null
  const r = checkIdNumber(value, today())
  if (!r.ok) return null
  const a = age(r.birthDate)
  return (
    <div data-testid={testId}>
      <div className="id-hint">
        {genderName(r.gender)} · {r.birthDate} · {a ?? '?'}岁{r.converted15 ? ` · 已转换为18位：${r.normalized}` : ''}{r.provinceName ? ` · ${r.provinceName}` : ''}
      </div>
      {r.warnings.map((w) => <div key={w} className="id-hint warn">⚠ {w}</div>)}
    </div>
  )
}

function DisabilityHint({ value, idNumber }: { value: string | undefined; idNumber: string | undefined }) {
  if (!value || !value.trim()) return null
  const r = checkDisabilityCert(value, idNumber)
  if (!r.ok) return null
  return (
    <div>
      <div className="id-hint">{r.categoryName} {r.gradeName}{r.severe ? '（重度）' : ''}</div>
      {r.warnings.map((w) => <div key={w} className="id-hint warn">⚠ {w}</div>)}
    </div>
  )
}

const disabilityRule = {
  validator: (_r: unknown, v: string | undefined) => {
    if (!v || !v.trim()) return Promise.resolve()
    const r = checkDisabilityCert(v)
    return r.ok ? Promise.resolve() : Promise.reject(new Error(r.error))
  }
}

const HUKOU_OPTIONS = [{ value: 'urban', label: '城镇（非农业）' }, { value: 'rural', label: '农村（农业）' }]
const RELATION_OPTIONS = codeOptions(RELATIONS)
const ETHNICITY_OPTIONS = codeOptions(ETHNICITIES)
const search = { optionFilterProp: 'search' }

/**
 * `base`: name prefix for Form.Item inside the current list/form (e.g. [field.name] or []);
 * `full`: the absolute path of the member in the form (e.g. ['members', 0] or []), for watching.
 */
export function MemberFields({ base, full, testIdPrefix, idAutoFocus }: { base: Array<string | number>; full: Array<string | number>; testIdPrefix?: string; idAutoFocus?: boolean }) {
  const n = (k: string): NamePath => [...base, k]
  const idNumber = Form.useWatch<string | undefined>([...full, 'idNumber'])
  const coResident = Form.useWatch<boolean | undefined>([...full, 'coResident'])
  const health = Form.useWatch<string | undefined>([...full, 'health'])
  const disabilityCert = Form.useWatch<string | undefined>([...full, 'disabilityCert'])
  const tid = (s: string) => (testIdPrefix ? `${testIdPrefix}-${s}` : undefined)

  return (
    <Row gutter={12}>
      <Col xs={12} lg={6}>
        <Form.Item label="姓名" name={n('name')} rules={[required('请填写姓名'), maxLen('姓名', 30)]}>
          <Input autoFocus={idAutoFocus} data-testid={tid('name')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item
          label="公民身份号码" name={n('idNumber')} required rules={[idNumberRule()]}
          extra={<IdCheckHint value={idNumber} testId={tid('id-hint')} />}
        >
          <Input className="mono" maxLength={20} autoComplete="off" data-testid={tid('idNumber')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="与户主关系" name={n('relation')} rules={[requiredSelect('请选择与户主关系')]}>
          <Select options={RELATION_OPTIONS} showSearch={search} placeholder="输入代码或名称" data-testid={tid('relation')} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="民族" name={n('ethnicity')}>
          <Select options={ETHNICITY_OPTIONS} showSearch={search} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="婚姻状况" name={n('marital')}>
          <Select options={codeOptions(MARITAL)} allowClear placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="户口性质" name={n('hukouType')}>
          <Select options={HUKOU_OPTIONS} allowClear placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="健康状况" name={n('health')}>
          <Select options={codeOptions(HEALTH)} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="疾病诊断" name={n('diagnosis')} rules={[maxLen('疾病诊断', 200)]}>
          <Input placeholder={health && health !== 'healthy' ? '病种/诊断' : ''} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="残疾人证号" name={n('disabilityCert')} rules={[disabilityRule]} extra={<DisabilityHint value={disabilityCert} idNumber={idNumber} />}>
          <Input className="mono" maxLength={24} placeholder="20位，无则不填" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="劳动能力" name={n('labour')}>
          <Select options={codeOptions(LABOUR)} />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="就业状况" name={n('employment')}>
          <Select options={codeOptions(EMPLOYMENT)} allowClear placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="在校/学历" name={n('schooling')}>
          <Select options={codeOptions(SCHOOLING)} allowClear placeholder="请选择" />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="工作单位/学校" name={n('employerSchool')} rules={[maxLen('工作单位或学校', 60)]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12} lg={6}>
        <Form.Item label="联系电话" name={n('phone')} rules={[maxLen('联系电话', 30)]}>
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={8} lg={4}>
        <Form.Item label="共同生活" name={n('coResident')} valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      <Col xs={8} lg={4}>
        <Form.Item label="保障对象" name={n('isBeneficiary')} valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      <Col xs={8} lg={4}>
        <Form.Item label="财政供养" name={n('publicPayroll')} valuePropName="checked" tooltip="机关事业单位在编人员等财政供养人员">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Col>
      {coResident === false ? (
        <Col xs={24} lg={12}>
          <Form.Item label="不计入共同生活的原因" name={n('notCountedReason')} rules={[required('不计入共同生活的成员须注明原因'), maxLen('原因', 200)]}>
            <Input placeholder="如：服刑、宗教教职人员离家3年以上、宣告失踪" />
          </Form.Item>
        </Col>
      ) : null}
      <Form.Item name={n('deathDate')} hidden><Input /></Form.Item>
    </Row>
  )
}
