// 报送包审核 (county mode, issue 6): a township's submission package, carried on a USB drive, is verified here
// against the township key registered from its 密钥登记表 (signature, every file's SM3, sequence and chain), then
// kept with one review row per case and the 抽查 list drawn from it. The table lists the accepted packages and how
// far each has come; a row opens the package (its cases, the decisions, the reply).
import { ImportOutlined, InboxOutlined, PercentageOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Table, Tag, Tooltip, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { FormInstance, TableProps } from 'antd'
import { useState } from 'react'
import type { CountyPackageView } from '../../../main/api/types'
import type { ApiError, Output } from '../../api'
import { fmtDate, fmtDateTime } from '../../app/format'
import { Link, navigate } from '../../app/router'
import { canWrite, countyTitle, isAdmin, useSession } from '../../app/session'
import { FormModal } from '../../components/FormModal'
import { maxLen, required } from '../../components/rules'
import { mutate, placeWholeMessage, useApi } from '../../app/useApi'

type ImportResult = Output<'county.import'>
interface ImportValues { file: string; passphrase?: string }

export function CountyPackagesPage() {
  const session = useSession()
  const writable = canWrite(session.operator)
  const list = useApi('county.packages', {})
  const keys = useApi('keys.list', {})
  const rows = list.data ?? []
  const noTownships = keys.data ? keys.data.townships.length === 0 : false

  return (
    <div className="page">
      {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 8 }} /> : null}
      <Card size="small" className="section-card" title={<span><ImportOutlined /> 导入乡镇报送包</span>} data-testid="county-import-card">
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {countyTitle(session.county) || '本县民政局'}凭各乡镇登记的报送公钥核验报送包：签名、每个文件的摘要、序号和前后衔接都核验无误才导入，任何一项不符整包不导入。导入后按比例随机抽取案件（备案、有异议或投诉的案件必查），抽查名单由报送包本身决定，任何人可复核。
        </Typography.Paragraph>
        <SampleRate admin={isAdmin(session.operator)} />
        {noTownships ? (
          <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="no-townships"
            title="还没有登记乡镇的报送公钥，无法核验报送包"
            description={<>请管理员在“系统设置 → 数据交换密钥”页 <Link to="/settings/keys">登记乡镇报送公钥</Link>，并与乡镇报送的密钥登记表上的指纹逐组核对。</>} />
        ) : null}
        {writable ? <ImportForm /> : <Typography.Text type="secondary">只读操作员不能导入报送包。</Typography.Text>}
      </Card>

      <Card size="small" title={<span><InboxOutlined /> 已导入的报送包</span>} data-testid="county-packages">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>点击一行查看该报送包的案件、抽查名单，签署审核确认意见并导出回复包。</Typography.Paragraph>
        <PackagesTable rows={rows} loading={list.loading && !list.data} />
      </Card>
    </div>
  )
}

function ImportForm() {
  const [form] = Form.useForm<ImportValues>()
  const [pending, setPending] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: true; r: ImportResult } | { ok: false; message: string } | null>(null)

  const submit = async (v: ImportValues) => {
    setPending(true)
    setOutcome(null)
    try {
      const res = await mutate('county.import', { file: v.file.trim(), passphrase: v.passphrase || null }, { quiet: true })
      if (res.ok) {
        setOutcome({ ok: true, r: res.value })
        form.setFieldsValue({ file: '', passphrase: '' })
      } else {
        placeWholeMessage(form, res.error, ['file', 'passphrase'], (message) => setOutcome({ ok: false, message }))
      }
    } finally { setPending(false) }
  }

  return (
    <Form<ImportValues> form={form} name="countyImport" layout="vertical" initialValues={{ file: '', passphrase: '' }}
      onFinish={(v) => void submit(v)} onValuesChange={() => { if (outcome && !outcome.ok) setOutcome(null) }} disabled={pending}>
      <Row gutter={12} wrap={false} align="top">
        <Col flex="1 1 420px" style={{ minWidth: 0, maxWidth: 560 }}>
          <Form.Item label="报送包文件" name="file" style={{ marginBottom: 0 }}
            rules={[{ required: true, whitespace: true, message: '请填写报送包文件的完整路径' }, { max: 1000, message: '路径不能超过 1000 个字符' }]}
            extra="报送包文件的完整路径，如 E:\小冀镇-报送包-第1号-2026-07-01.dbpkg">
            <Input placeholder="如 E:\…\…-报送包-第1号-….dbpkg 或 /media/usb/….dbpkg" autoComplete="off" spellCheck={false} allowClear />
          </Form.Item>
        </Col>
        <Col flex="0 0 240px">
          <Form.Item label="县级签名密钥口令" name="passphrase" style={{ marginBottom: 0 }} extra="报送包内容加密的才需要填写">
            <Input.Password autoComplete="off" />
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" icon={<ImportOutlined />} loading={pending}>核验并导入</Button>
          </Form.Item>
        </Col>
      </Row>
      {outcome ? (
        <div style={{ marginTop: 12 }} data-testid="county-import-result">
          {outcome.ok ? (
            <Alert type="success" showIcon
              title={`已导入${outcome.r.township.name}第 ${outcome.r.record.sequence} 号报送包，签名和文件核验无误${outcome.r.encrypted ? '（已解密）' : ''}`}
              description={
                <>
                  <div>案件 {outcome.r.cases} 件：待县级审核确认 {outcome.r.awaitingDecision} 件，乡镇已审核确认报备案 {outcome.r.filing} 件，其余为进展情况；抽查 {outcome.r.sampled} 件。</div>
                  <div><Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(`/county/${outcome.r.packageId}`)}>打开该报送包，开始审核</Button></div>
                </>
              } />
          ) : <Alert type="error" showIcon title={outcome.message} data-testid="county-import-error" />}
        </div>
      ) : null}
    </Form>
  )
}


const num = (v: number, color?: string) => (v ? <Tag color={color} style={{ marginInlineEnd: 0 }}>{v}</Tag> : <Typography.Text type="secondary">0</Typography.Text>)

function PackagesTable({ rows, loading }: { rows: CountyPackageView[]; loading: boolean }) {
  const columns: TableProps<CountyPackageView>['columns'] = [
    { title: '乡镇', key: 'town', ellipsis: { showTitle: true }, render: (_: unknown, r) => <span><Typography.Text strong>{r.townshipName}</Typography.Text> <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>{r.townshipCode}</Typography.Text></span> },
    { title: '序号', dataIndex: 'sequence', key: 'seq', width: 64, align: 'right', render: (v: number) => `第 ${v} 号` },
    { title: '导入时间', key: 'at', width: 136, render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{fmtDateTime(r.createdAt)}</span> },
    { title: '案件', dataIndex: 'total', key: 'total', width: 60, align: 'right' },
    { title: '待审核确认', key: 'awaiting', width: 88, align: 'center', render: (_: unknown, r) => num(r.awaitingDecision, 'blue') },
    { title: '备案', key: 'filing', width: 60, align: 'center', render: (_: unknown, r) => num(r.filing, 'cyan') },
    { title: '抽查', key: 'sampled', width: 60, align: 'center', render: (_: unknown, r) => num(r.sampled, 'gold') },
    {
      title: '已审核', key: 'decided', width: 88, align: 'center',
      render: (_: unknown, r) => {
        const due = r.awaitingDecision + r.filing
        return <span style={{ whiteSpace: 'nowrap' }}>{r.decided} / {due}{due > 0 && r.decided >= due ? <Tag color="green" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>完成</Tag> : null}</span>
      }
    },
    { title: '已回复', dataIndex: 'replied', key: 'replied', width: 64, align: 'right' },
    {
      title: '回复包序号', key: 'replies', width: 120,
      render: (_: unknown, r) => (r.replies.length
        ? <Tooltip title={r.replies.map((x) => `第 ${x.sequence} 号 ${fmtDateTime(x.createdAt)} ${x.fileName}`).join('；')}><span>{r.replies.map((x) => `第 ${x.sequence} 号`).join('、')}</span></Tooltip>
        : <Typography.Text type="secondary">未回复</Typography.Text>)
    }
  ]
  return (
    <Table<CountyPackageView> size="small" rowKey="id" columns={columns} dataSource={rows} loading={loading} tableLayout="fixed"
      rowClassName={() => 'clickable-row'}
      onRow={(r) => ({ onClick: () => navigate(`/county/${r.id}`), tabIndex: 0, onKeyDown: (e) => { if (e.key === 'Enter') navigate(`/county/${r.id}`) } })}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} locale={{ emptyText: '还没有导入报送包' }} data-testid="county-package-table" />
  )
}

interface RateValues { percent: number; effectiveFrom: Dayjs; sourceNote: string }

/** The 抽查 rate drawn at each import (⚙ countySample.rate); the administrator records a new rate from a date, with its 依据. */
function SampleRate({ admin }: { admin: boolean }) {
  const q = useApi('county.sampleRate', {})
  const [open, setOpen] = useState(false)
  if (!q.data) return null
  const pct = Math.round(q.data.rate * 1000) / 10
  return (
    <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap', marginBottom: 8 }} data-testid="sample-rate">
      <Typography.Text><PercentageOutlined /> 随机抽查比例：<Typography.Text strong>{pct}%</Typography.Text></Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{q.data.effectiveFrom ? `${fmtDate(q.data.effectiveFrom)}起，` : ''}依据：{q.data.sourceNote}</Typography.Text>
      {admin ? <Button size="small" type="link" onClick={() => setOpen(true)}>调整比例</Button> : null}
      <FormModal<RateValues>
        open={open} name="sampleRate" title="调整随机抽查比例" okText="录入" onClose={() => setOpen(false)}
        initialValues={{ percent: pct, effectiveFrom: dayjs(), sourceNote: '' }}
        onSubmit={async (v, form) => {
          const res = await mutate('policy.add', { key: 'countySample.rate', value: Math.round(v.percent * 10) / 1000, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), sourceNote: v.sourceNote.trim() }, { form, success: `已录入抽查比例 ${v.percent}%，${v.effectiveFrom.format('YYYY-MM-DD')} 起导入的报送包按此抽取`, rename: { value: 'percent' } })
          return res.ok
        }}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          比例不得低于 30%；近亲属备案、有异议或投诉的案件不论比例一律抽查。新比例从起用日期起对导入的报送包生效，已导入的报送包抽查名单不变。录入后不能改写，更正须以新的起用日期另录一条。
        </Typography.Paragraph>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item label="抽查比例（%）" name="percent" rules={[{ required: true, message: '请填写比例' }, { type: 'number', min: 30, max: 100, message: '比例应在 30% 至 100% 之间' }]}>
              <InputNumber step={5} precision={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label="起用日期" name="effectiveFrom" rules={[{ required: true, message: '请选择起用日期' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="依据（文件名称、文号）" name="sourceNote" rules={[required('请填写依据（文件名称、文号）'), maxLen('依据', 200)]}>
          <Input placeholder="如：某县民政局关于低保审核确认抽查工作的通知（某民〔2026〕12号）" />
        </Form.Item>
      </FormModal>
    </div>
  )
}
