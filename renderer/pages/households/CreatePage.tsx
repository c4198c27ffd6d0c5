// 新建家庭档案: basic information, members (at least the head), and optionally incomes, assets and
// support obligors, saved in one call (households.create). Incomes and assets point at members by
// the ID number typed in the member rows. Server field errors (members.0.idNumber …) land on the
// matching field.
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Col, Empty, Form, Row, Select, Space, Typography } from 'antd'
import { useMemo } from 'react'
import { checkIdNumber } from '../../../main/domain/idcard'
import { codeName, RELATIONS } from '../../../main/domain/codes'
import type { Input as ApiInput } from '../../api'
import { today } from '../../app/format'
import { feedback } from '../../app/feedback'
import { navigate } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { useApi, useMutation } from '../../app/useApi'
import { HouseholdFields, householdFromForm, type HouseholdFormValues } from '../../components/HouseholdFields'
import { MemberFields, memberFromForm, newMemberDefaults, type MemberFormValues } from '../../components/MemberFields'
import {
  AssetFields, assetFromForm, IncomeFields, incomeFromForm, newAssetDefaults, newIncomeDefaults, newObligorDefaults, ObligorFields, obligorFromForm,
  type AssetFormValues, type IncomeFormValues, type MemberOption, type ObligorFormValues
} from '../../components/RecordFields'

interface CreateValues extends HouseholdFormValues {
  legacyImport?: boolean
  applicantIdNumber?: string | null
  members?: MemberFormValues[]
  incomes?: IncomeFormValues[]
  assets?: AssetFormValues[]
  obligors?: ObligorFormValues[]
}

const HEADS = new Set(['01', '02'])

/** Members typed so far → options keyed by the normalised ID number. */
function memberOptions(members: MemberFormValues[] | undefined): MemberOption[] {
  const out: MemberOption[] = []
  for (const m of members ?? []) {
    if (!m?.idNumber) continue
    const r = checkIdNumber(m.idNumber, today())
    if (!r.ok) continue
    if (out.some((o) => o.value === r.normalized)) continue
    out.push({ value: r.normalized, label: `${m.name || '（未填姓名）'}（${r.normalized.slice(-6)}）` })
  }
  return out
}

export function CreatePage() {
  const session = useSession()
  const [form] = Form.useForm<CreateValues>()
  const villages = useApi('villages.list', {}, { reloadOnMutation: false })
  const { pending, run } = useMutation()
  const members = Form.useWatch('members', form)
  const options = useMemo(() => memberOptions(members), [members])

  if (!canWrite(session.operator)) {
    return <div className="page"><Alert type="warning" showIcon title="只读账号不能新建家庭档案" /></div>
  }

  const submit = async (v: CreateValues) => {
    const input: ApiInput<'households.create'> = {
      ...householdFromForm(v),
      legacyImport: v.legacyImport ?? false,
      applicantIdNumber: v.applicantIdNumber || null,
      members: (v.members ?? []).map(memberFromForm),
      incomes: (v.incomes ?? []).map(incomeFromForm),
      assets: (v.assets ?? []).map(assetFromForm),
      obligors: (v.obligors ?? []).map(obligorFromForm)
    }
    const res = await run('households.create', input, { form })
    if (res.ok) {
      feedback.success(`已新建家庭档案，档案号 ${res.value.fileNo}`)
      navigate(`/households/${res.value.id}`)
    }
  }

  const memberRefRule = {
    validator: (_r: unknown, v: string | null | undefined) =>
      !v || options.some((o) => o.value === v) ? Promise.resolve() : Promise.reject(new Error('所选成员已不在成员列表中，请重新选择'))
  }

  return (
    <div className="page">
      <Form<CreateValues>
        form={form}
        name="householdCreate"
        layout="vertical"
        onFinish={submit}
        onFinishFailed={() => { /* antd scrolls to the first error */ }}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ members: [newMemberDefaults('02')], incomes: [], assets: [], obligors: [], legacyImport: false, registeredPoor: false, relativeFiling: false }}
      >
        <div className="page-toolbar">
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/households')}>返回列表</Button>
          <Typography.Title level={5} style={{ margin: 0 }}>新建家庭档案</Typography.Title>
          <Typography.Text type="secondary">带 * 的为必填项；按 Enter 或点“保存档案”提交</Typography.Text>
        </div>

        <Card size="small" title="基本信息" className="section-card">
          <HouseholdFields villages={villages.data ?? []} />
          <Row gutter={12}>
            <Col xs={12} lg={6}>
              <Form.Item label="申请人" name="applicantIdNumber" tooltip="默认为户主">
                <Select options={options} allowClear placeholder="默认为户主" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={18}>
              <Form.Item label="历史档案导入" name="legacyImport" valuePropName="checked"
                extra="已在保的老档案录入，状态直接为在保并标记待复核">
                <Checkbox data-testid="legacy-import">这是已在保的历史档案</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Form.List
          name="members"
          rules={[{
            validator: async (_r, list?: MemberFormValues[]) => {
              if (!list || list.length < 1) throw new Error('请至少登记一名家庭成员（户主）')
              const heads = list.filter((m) => m && m.relation && HEADS.has(m.relation)).length
              if (heads === 0) throw new Error('请指定户主：须有一名成员的与户主关系为“户主”或“本人”')
              if (heads > 1) throw new Error('只能有一名户主')
            }
          }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Card size="small" title={`家庭成员（${fields.length}人）`} className="section-card">
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  className="member-card"
                  style={{ marginBottom: 8 }}
                  data-testid={`member-row-${i}`}
                  title={`第 ${i + 1} 名成员${members?.[i]?.relation ? '：' + codeName(RELATIONS, members[i]!.relation) : ''}${members?.[i]?.name ? ' ' + members[i]!.name : ''}`}
                  extra={fields.length > 1 ? (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} data-testid={`member-remove-${i}`}>删除此成员</Button>
                  ) : null}
                >
                  <MemberFields base={[field.name]} full={['members', field.name]} testIdPrefix={`member-${i}`} idAutoFocus={i > 0 && i === fields.length - 1 && !members?.[i]?.name} />
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newMemberDefaults())} block data-testid="add-member">增加一名成员</Button>
            </Card>
          )}
        </Form.List>

        <Form.List name="incomes">
          {(fields, { add, remove }) => (
            <Card size="small" title="收入（可选，每月）" className="section-card"
              extra={<Button size="small" icon={<PlusOutlined />} onClick={() => add(newIncomeDefaults())} data-testid="add-income">增加一条收入</Button>}>
              {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无收入记录，可在建档后补充" /> : null}
              {fields.map((field, i) => (
                <Card key={field.key} size="small" type="inner" style={{ marginBottom: 8 }} data-testid={`income-row-${i}`} title={`第 ${i + 1} 条收入`}
                  extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>删除此条</Button>}>
                  <IncomeFields base={[field.name]} members={options} memberRef="memberIdNumber" memberRules={[memberRefRule]} testIdPrefix={`income-${i}`} />
                </Card>
              ))}
            </Card>
          )}
        </Form.List>

        <Form.List name="assets">
          {(fields, { add, remove }) => (
            <Card size="small" title="财产（可选）" className="section-card"
              extra={<Button size="small" icon={<PlusOutlined />} onClick={() => add(newAssetDefaults())} data-testid="add-asset">增加一项财产</Button>}>
              {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无财产记录，可在建档后补充" /> : null}
              {fields.map((field, i) => (
                <Card key={field.key} size="small" type="inner" style={{ marginBottom: 8 }} data-testid={`asset-row-${i}`} title={`第 ${i + 1} 项财产`}
                  extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>删除此项</Button>}>
                  <AssetFields base={[field.name]} full={['assets', field.name]} members={options} memberRef="memberIdNumber" memberRules={[memberRefRule]} testIdPrefix={`asset-${i}`} />
                </Card>
              ))}
            </Card>
          )}
        </Form.List>

        <Form.List name="obligors">
          {(fields, { add, remove }) => (
            <Card size="small" title="赡养（抚养、扶养）义务人（可选）" className="section-card"
              extra={<Button size="small" icon={<PlusOutlined />} onClick={() => add(newObligorDefaults())} data-testid="add-obligor">增加一名义务人</Button>}>
              {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无义务人记录" /> : null}
              {fields.map((field, i) => (
                <Card key={field.key} size="small" type="inner" style={{ marginBottom: 8 }} data-testid={`obligor-row-${i}`} title={`第 ${i + 1} 名义务人`}
                  extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>删除此人</Button>}>
                  <ObligorFields base={[field.name]} full={['obligors', field.name]} testIdPrefix={`obligor-${i}`} />
                </Card>
              ))}
            </Card>
          )}
        </Form.List>

        <div style={{ position: 'sticky', bottom: 0, zIndex: 5, background: '#f3f5f9', padding: '8px 0', borderTop: '1px solid #e5e8ef' }}>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={pending} data-testid="save-household">保存档案</Button>
            <Button onClick={() => navigate('/households')}>取消返回</Button>
          </Space>
        </div>
      </Form>
    </div>
  )
}
