// 低保标准与提标 (administrators, domain.md §6.1): the dated 低保标准 rows (城市/农村), entering a standard
// (first entry, or one ahead of time), and 提标 — preview the before/after table for every household in payment,
// then apply: the new standard row and all recomputed benefits in one transaction.
import { CalculatorOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, Radio, Row, Statistic, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { RaisePreview, RaisePreviewRow, RaiseResult, StandardView } from '../../../main/api/types'
import { formatYuan, parseYuan } from '../../../main/domain/money'
import { today, yuan } from '../../app/format'
import { feedback } from '../../app/feedback'
import { mutate, useApi } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { maxLen, moneyRule, required, requiredSelect } from '../../components/rules'

const CATEGORY_OPTIONS = [{ value: 'urban', label: '城市' }, { value: 'rural', label: '农村' }]
type Category = 'urban' | 'rural'
interface RaiseValues { category: Category; amount: string; month: Dayjs; sourceNote: string }

/** 元 text → 分 > 0 (validated by moneyRule first). */
const positiveFen = (label: string) => ({
  validator: (_r: unknown, v: string | undefined) => {
    if (!v || !String(v).trim()) return Promise.resolve()
    try { return parseYuan(String(v)) > 0 ? Promise.resolve() : Promise.reject(new Error(`${label}应大于 0`)) } catch { return Promise.resolve() }
  }
})

function toInput(v: RaiseValues) {
  return { category: v.category, amountFen: parseYuan(String(v.amount)), effectiveMonth: v.month.format('YYYY-MM'), sourceNote: v.sourceNote.trim() }
}

export function StandardsPage() {
  const list = useApi('standards.list', {})
  const [adding, setAdding] = useState(false)
  const [form] = Form.useForm<RaiseValues>()
  const [preview, setPreview] = useState<{ input: ReturnType<typeof toInput>; data: RaisePreview } | null>(null)
  const [previewing, setPreviewing] = useState(false)
  const [result, setResult] = useState<RaiseResult | null>(null)
  const d = today()
  const inForce = (s: StandardView) => s.effectiveFrom <= d && (!s.effectiveTo || s.effectiveTo >= d)

  const columns: TableProps<StandardView>['columns'] = [
    { title: '类别', dataIndex: 'categoryLabel', key: 'category', width: 70 },
    { title: '标准（元/人·月）', dataIndex: 'amountFen', key: 'amount', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '执行起', dataIndex: 'effectiveFrom', key: 'from', width: 110 },
    { title: '执行止', dataIndex: 'effectiveTo', key: 'to', width: 110, render: (v: string | null) => v ?? <Typography.Text type="secondary">至今</Typography.Text> },
    { title: '状态', key: 'state', width: 90, render: (_: unknown, s) => (inForce(s) ? <Tag color="success">现行</Tag> : s.effectiveFrom > d ? <Tag color="processing">待执行</Tag> : <Tag>已失效</Tag>) },
    { title: '文件依据', dataIndex: 'sourceNote', key: 'source', ellipsis: true }
  ]

  const runPreview = async () => {
    let v: RaiseValues
    try { v = await form.validateFields() } catch { return }
    const input = toInput(v)
    setPreviewing(true)
    setResult(null)
    try {
      const res = await mutate('standards.previewRaise', input, { form, rename: { amountFen: 'amount', effectiveMonth: 'month' } })
      setPreview(res.ok ? { input, data: res.value } : null)
    } finally { setPreviewing(false) }
  }

  const apply = () => {
    if (!preview) return
    const p = preview.data
    feedback.modal?.confirm({
      title: `确认提标：${p.categoryLabel}标准 ${p.oldFen === null ? '—' : formatYuan(p.oldFen)} → ${formatYuan(p.newFen)} 元/人·月`,
      width: 520,
      content: (
        <div>
          <p>自 {p.effectiveMonth} 起执行，依据：{preview.input.sourceNote}。</p>
          <p>将一次性重算 <b>{p.households}</b> 户在保家庭的月保障金（月合计 {formatYuan(p.totalBeforeFen)} → {formatYuan(p.totalAfterFen)} 元）{p.backPayMonths ? `，并按 ${p.backPayMonths} 个月计算补发` : ''}。</p>
          <p><Typography.Text type="danger">提标记录和重算结果会写入每户的保障金记录，不能撤销。</Typography.Text></p>
        </div>
      ),
      okText: '确认提标', okButtonProps: { danger: true }, cancelText: '取消',
      onOk: async () => {
        const res = await mutate('standards.applyRaise', { ...preview.input, expectHouseholds: p.households }, { success: '提标已完成' })
        if (res.ok) { setResult(res.value); setPreview(null) }
      }
    })
  }

  const rowColumns: TableProps<RaisePreviewRow>['columns'] = [
    { title: '档案号', dataIndex: 'fileNo', key: 'fileNo', width: 140, render: (v: string) => <span className="mono">{v}</span> },
    { title: '户主', dataIndex: 'headName', key: 'headName', width: 80 },
    { title: '村（社区）', dataIndex: 'villageName', key: 'villageName', width: 90 },
    { title: '保障人数', dataIndex: 'persons', key: 'persons', width: 76, align: 'right' },
    { title: '家庭月收入', dataIndex: 'incomeFen', key: 'income', width: 110, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '调整前（元/月）', dataIndex: 'beforeFen', key: 'before', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '调整后（元/月）', dataIndex: 'afterFen', key: 'after', width: 120, align: 'right', render: (v: number, r) => <Typography.Text strong={v !== r.beforeFen}>{formatYuan(v)}</Typography.Text> },
    { title: '补发（元）', dataIndex: 'backPayFen', key: 'back', width: 100, align: 'right', render: (v: number) => (v ? formatYuan(v) : '—') },
    { title: '说明', dataIndex: 'note', key: 'note', ellipsis: true, render: (v: string | null) => (v ? <Typography.Text type="warning">{v}</Typography.Text> : '') }
  ]

  const summary = (p: RaisePreview, done?: RaiseResult) => (
    <Row gutter={12} style={{ marginBottom: 8 }}>
      <Col span={5}><Statistic title={`${p.categoryLabel}标准（元/人·月）`} value={`${p.oldFen === null ? '—' : formatYuan(p.oldFen)} → ${formatYuan(p.newFen)}`} styles={{ content: { fontSize: 18 } }} /></Col>
      <Col span={3}><Statistic title="在保家庭" value={p.households} suffix="户" styles={{ content: { fontSize: 18 } }} /></Col>
      <Col span={5}><Statistic title="月合计·调整前（元）" value={formatYuan(p.totalBeforeFen)} styles={{ content: { fontSize: 18 } }} /></Col>
      <Col span={5}><Statistic title="月合计·调整后（元）" value={formatYuan(p.totalAfterFen)} styles={{ content: { fontSize: 18 } }} /></Col>
      <Col span={3}><Statistic title="补发月数" value={p.backPayMonths} suffix="个月" styles={{ content: { fontSize: 18 } }} /></Col>
      {done ? <Col span={3}><Statistic title="用时" value={done.ms} suffix="毫秒" styles={{ content: { fontSize: 18 } }} /></Col> : null}
    </Row>
  )

  return (
    <div className="page">
      <Card size="small" title="低保标准" className="section-card" extra={<Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>录入标准</Button>}>
        {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 8 }} /> : null}
        <Table<StandardView> size="small" rowKey="id" columns={columns} dataSource={list.data ?? []} loading={list.loading} pagination={false}
          locale={{ emptyText: '还没有录入低保标准：请点“录入标准”，按省、市公布的文件录入城市和农村标准' }} />
      </Card>

      <Card size="small" title="提标（调整低保标准并重算在保家庭）" className="section-card">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          按新标准和各户已存的收入核算基础重算全部在保家庭的月保障金；提标只增不减（按新标准计算低于现发金额的维持现发，并提示安排复核）。执行月份早于本月的，按月数计算补发。先预览，核对无误后再确认。
        </Typography.Paragraph>
        <Form<RaiseValues> form={form} name="raise" layout="vertical" initialValues={{ category: 'rural', month: dayjs().startOf('month') }} onValuesChange={() => { setPreview(null) }}>
          <Row gutter={12} align="bottom">
            <Col span={4}>
              <Form.Item label="类别" name="category" rules={[requiredSelect('请选择城市或农村')]}><Radio.Group optionType="button" options={CATEGORY_OPTIONS} /></Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="新标准（元/人·月）" name="amount" rules={[moneyRule({ required: true, label: '新标准' }), positiveFen('新标准')]}>
                <Input inputMode="decimal" placeholder="如 780.00" suffix="元" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="执行月份" name="month" rules={[{ required: true, message: '请选择执行月份' }]}>
                <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="文件依据（文号）" name="sourceNote" rules={[required('请填写文件依据（文号）'), maxLen('文件依据', 200)]}>
                <Input placeholder="如：××省民政厅 ××省财政厅 ×民发〔2026〕×号" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item>
                <Button type="primary" icon={<CalculatorOutlined />} loading={previewing} onClick={() => { void runPreview() }} block>预览调整</Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {preview ? (
          <div data-testid="raise-preview">
            {summary(preview.data)}
            <Table<RaisePreviewRow> size="small" rowKey="householdId" columns={rowColumns} dataSource={preview.data.rows}
              pagination={{ pageSize: 20, showSizeChanger: false, size: 'small', showTotal: (t) => `共 ${t} 户${preview.data.rowsTruncated ? '（仅列出部分，确认时全部重算）' : ''}` }}
              locale={{ emptyText: `没有${preview.data.categoryLabel}在保家庭` }} />
            <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 8 }}>
              <Button onClick={() => setPreview(null)}>取消预览</Button>
              <Button type="primary" danger onClick={apply}>确认提标（重算 {preview.data.households} 户）</Button>
            </div>
          </div>
        ) : null}
        {result ? (
          <Alert type="success" showIcon data-testid="raise-result"
            title={`提标完成：${result.categoryLabel}标准自 ${result.effectiveMonth} 起为 ${formatYuan(result.newFen)} 元/人·月，重算 ${result.households} 户，用时 ${result.ms} 毫秒`}
            description={<Descriptions size="small" column={3} items={[
              { key: 'b', label: '月合计·调整前', children: `${yuan(result.totalBeforeFen)}` },
              { key: 'a', label: '月合计·调整后', children: `${yuan(result.totalAfterFen)}` },
              { key: 'm', label: '补发月数', children: `${result.backPayMonths} 个月` }
            ]} />}
          />
        ) : null}
      </Card>

      <FormModal<RaiseValues>
        open={adding} name="standardAdd" title="录入低保标准" okText="录入标准" initialValues={{ category: 'rural', month: dayjs().startOf('month') }}
        onClose={() => setAdding(false)}
        onSubmit={async (v, form2) => {
          const res = await mutate('standards.add', toInput(v), { form: form2, rename: { amountFen: 'amount', effectiveMonth: 'month' }, success: '已录入低保标准' })
          return res.ok
        }}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="用于首次录入，或预先录入将来执行的标准。已有在保家庭按现行标准发放的，调整标准请用下方“提标”（会重算在保家庭）。新标准作为新的一条记录保存，不覆盖原有记录。" />
        <Form.Item label="类别" name="category" rules={[requiredSelect('请选择城市或农村')]}><Radio.Group optionType="button" options={CATEGORY_OPTIONS} /></Form.Item>
        <Form.Item label="标准（元/人·月）" name="amount" rules={[moneyRule({ required: true, label: '标准金额' }), positiveFen('标准')]}>
          <Input inputMode="decimal" placeholder="如 750.00" suffix="元" autoFocus />
        </Form.Item>
        <Form.Item label="执行月份" name="month" rules={[{ required: true, message: '请选择执行月份' }]}>
          <DatePicker picker="month" format="YYYY-MM" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="文件依据（文号）" name="sourceNote" rules={[required('请填写文件依据（文号）'), maxLen('文件依据', 200)]}>
          <Input placeholder="如：××市人民政府关于调整城乡低保标准的通知（×政〔2026〕×号）" />
        </Form.Item>
      </FormModal>
    </div>
  )
}
