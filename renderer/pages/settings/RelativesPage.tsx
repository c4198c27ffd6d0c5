// 近亲属备案 (domain.md §2): the declared close relatives of 低保经办人员 and 村(居)委会成员. Every rules check
// matches household members against these ID numbers; a match marks the case for 单独登记备案 and county visit.
import { PlusOutlined } from '@ant-design/icons'
import { Alert, AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, Typography } from 'antd'
import type { TableProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { DeclaredRelativeView } from '../../../main/api/types'
import { checkIdNumber } from '../../../main/domain/idcard'
import { today } from '../../app/format'
import { canWrite, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal, ReasonField } from '../../components/FormModal'
import { IdCheckHint } from '../../components/MemberFields'
import { idNumberRule, maxLen, required } from '../../components/rules'

const RELATIONS = ['配偶', '父母', '子女', '兄弟姐妹', '祖父母', '外祖父母', '孙子女', '外孙子女'].map((value) => ({ value }))
const POSTS = ['民政办主任', '民政经办人员', '分管领导', '村党支部书记', '村委会主任', '村委会委员', '村务监督委员会成员'].map((value) => ({ value }))

/** 410721199003074310 → 410721********4310 (the page lists many people; the full number is only typed). */
const maskId = (id: string | null) => (id && id.length >= 15 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : id ?? '')
const normalizeId = (v: string) => { const r = checkIdNumber(v, today()); return r.ok ? r.normalized : v.trim() }

interface RelativeValues { staffName: string; staffPost: string; staffIdNumber?: string; staffOperatorId?: string; relativeName: string; relation: string; relativeIdNumber: string; declaredDate: Dayjs }

function IdHint({ name }: { name: keyof RelativeValues }) {
  const v = Form.useWatch(name) as string | undefined
  return <IdCheckHint value={v} />
}

export function RelativesPage() {
  const session = useSession()
  const writable = canWrite(session.operator)
  const { data, loading, error } = useApi('relatives.list', {})
  const signers = useApi('operators.signers', {})
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<DeclaredRelativeView | null>(null)

  const columns: TableProps<DeclaredRelativeView>['columns'] = [
    { title: '工作人员', dataIndex: 'staffName', key: 'staffName', width: 90 },
    { title: '职务', dataIndex: 'staffPost', key: 'staffPost', width: 130, ellipsis: true },
    { title: '系统账号', dataIndex: 'staffOperatorName', key: 'op', width: 150, render: (v: string | null) => (v ?? <Typography.Text type="secondary">无</Typography.Text>) },
    { title: '工作人员身份证号', dataIndex: 'staffIdNumber', key: 'staffId', width: 170, render: (v: string | null) => (v ? <span className="mono">{maskId(v)}</span> : <Typography.Text type="secondary">未填</Typography.Text>) },
    { title: '亲属姓名', dataIndex: 'relativeName', key: 'relativeName', width: 90 },
    { title: '关系', dataIndex: 'relation', key: 'relation', width: 90 },
    { title: '亲属身份证号', dataIndex: 'relativeIdNumber', key: 'relativeId', width: 170, render: (v: string) => <span className="mono">{maskId(v)}</span> },
    { title: '备案日期', dataIndex: 'declaredDate', key: 'declaredDate', width: 100 },
    ...(writable ? [{ title: '操作', key: 'actions', render: (_: unknown, r: DeclaredRelativeView) => <Button type="link" size="small" danger onClick={() => setRemoving(r)}>撤销备案</Button> }] : [])
  ]

  return (
    <div className="page">
      <Card size="small" title="近亲属备案" extra={writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记备案</Button> : null}>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          低保经办人员和村（居）委会成员的近亲属（配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女）申请或享受低保的，须单独登记备案。
          每次规则检查都会按身份证号比对家庭成员；比对到的案件须单独登记备案，由县级入户核查，相关人员回避。
        </Typography.Paragraph>
        <Table<DeclaredRelativeView> size="small" rowKey="id" columns={columns} dataSource={data ?? []} loading={loading} pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: '还没有近亲属备案' }} />
      </Card>

      <FormModal<RelativeValues>
        open={adding} name="relativeAdd" title="登记近亲属备案" okText="登记备案" width={640} initialValues={{ declaredDate: dayjs() }}
        onClose={() => setAdding(false)}
        onSubmit={async (v, form) => {
          const res = await mutate('relatives.add', {
            staffName: v.staffName.trim(), staffPost: v.staffPost.trim(), staffIdNumber: v.staffIdNumber?.trim() ? normalizeId(v.staffIdNumber) : null, staffOperatorId: v.staffOperatorId ?? null,
            relativeName: v.relativeName.trim(), relativeIdNumber: normalizeId(v.relativeIdNumber), relation: v.relation.trim(), declaredDate: v.declaredDate.format('YYYY-MM-DD')
          }, { form, success: `已登记：${v.staffName} 的${v.relation} ${v.relativeName}` })
          return res.ok
        }}
      >
        <Typography.Text strong style={{ display: 'block', marginTop: 4 }}>低保经办人员或村（居）委会成员</Typography.Text>
        <Row gutter={12} style={{ marginTop: 4 }}>
          <Col span={8}><Form.Item label="姓名" name="staffName" rules={[required('请填写工作人员姓名'), maxLen('姓名', 20)]}><Input autoFocus /></Form.Item></Col>
          <Col span={16}><Form.Item label="职务" name="staffPost" rules={[required('请填写职务'), maxLen('职务', 40)]}><AutoComplete options={POSTS} placeholder="如：民政办主任、村委会主任" filterOption /></Form.Item></Col>
          <Col span={12}>
            <Form.Item label="身份证号（可不填）" name="staffIdNumber" rules={[idNumberRule({ optional: true })]} extra={<IdHint name="staffIdNumber" />}>
              <Input className="mono" maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="本系统账号（选填）" name="staffOperatorId" extra="选了账号，此人不能办理其近亲属家庭的案件（回避）">
              <Select allowClear placeholder="不使用本系统可不选" options={(signers.data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.username}，${o.roleLabel}）` }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>近亲属</Typography.Text>
        <Row gutter={12} style={{ marginTop: 4 }}>
          <Col span={8}><Form.Item label="姓名" name="relativeName" rules={[required('请填写亲属姓名'), maxLen('姓名', 20)]}><Input /></Form.Item></Col>
          <Col span={8}><Form.Item label="与工作人员关系" name="relation" rules={[required('请填写亲属关系'), maxLen('关系', 20)]}><AutoComplete options={RELATIONS} placeholder="如：配偶" filterOption /></Form.Item></Col>
          <Col span={8}><Form.Item label="备案日期" name="declaredDate" rules={[{ required: true, message: '请选择备案日期' }]}><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item></Col>
          <Col span={16}>
            <Form.Item label="身份证号" name="relativeIdNumber" required rules={[idNumberRule()]} extra={<IdHint name="relativeIdNumber" />}>
              <Input className="mono" maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>

      <FormModal<{ reason: string }>
        open={!!removing} name="relativeRemove" danger okText="撤销备案"
        title={removing ? `撤销备案：${removing.staffName} 的${removing.relation} ${removing.relativeName}` : ''}
        onClose={() => setRemoving(null)}
        onSubmit={async (v, form) => {
          if (!removing) return true
          const res = await mutate('relatives.remove', { id: removing.id, reason: v.reason.trim() }, { form, success: '已撤销备案（记录保留，可追溯）' })
          return res.ok
        }}
      >
        <ReasonField label="撤销原因" placeholder="如：该工作人员已离职、登记有误" />
      </FormModal>
    </div>
  )
}
