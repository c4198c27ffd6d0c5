// One accepted package (county mode): its summary, its cases filtered by what the county is asked (the 抽查
// list first), the decisions signed so far, 未抽查案件一并同意 for the cases off the list without a rule problem,
// and the signed reply package written to a USB drive for the township. A row's 审核 opens the case drawer.
import { ArrowLeftOutlined, CheckOutlined, ExportOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Segmented, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useMemo, useState } from 'react'
import type { CountyPackageView, CountyReviewView } from '../../../main/api/types'
import { feedback } from '../../app/feedback'
import { fmtDateTime, today, yuanText } from '../../app/format'
import { Link } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { mutate, useApi, useMutation } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { AWAITING_COLORS, AWAITING_LABELS, DECISION_COLORS, isBlock, pendingRow, SEVERITY_COLORS } from './labels'
import { ReviewDrawer } from './ReviewDrawer'

type Filter = 'sample' | 'decision' | 'filing' | 'info' | 'all'
const FILTERS: Array<{ value: Filter; label: string; test: (r: CountyReviewView) => boolean }> = [
  { value: 'sample', label: '抽查名单', test: (r) => !!r.sampleReason },
  { value: 'decision', label: '待审核确认', test: (r) => r.awaiting === 'decision' },
  { value: 'filing', label: '乡镇已确认（备案）', test: (r) => r.awaiting === 'filing' },
  { value: 'info', label: '进展情况（无需审核）', test: (r) => r.awaiting === 'info' },
  { value: 'all', label: '全部', test: () => true }
]

const REPLY_FOLDER_KEY = 'dibao.county.replyFolder'
function readFolder(): string { try { return window.localStorage.getItem(REPLY_FOLDER_KEY) ?? '' } catch { return '' } }
function saveFolder(v: string): void { try { window.localStorage.setItem(REPLY_FOLDER_KEY, v) } catch { /* not remembered */ } }

/** What 未抽查案件一并同意 would sign (the server decides; this is the count shown on the button). */
const batchable = (r: CountyReviewView): boolean =>
  !r.sampleReason && pendingRow(r) && !r.replied && (r.awaiting === 'filing' || (r.decisions.includes('approve') && !r.openFlags.some((f) => isBlock(f.severity))))

export function CountyPackagePage({ id }: { id: string }) {
  const session = useSession()
  const writable = canWrite(session.operator)
  const reviewer = session.operator.role === 'reviewer'
  const packages = useApi('county.packages', {})
  const reviews = useApi('county.reviews', { packageId: id })
  const pkg = packages.data?.find((p) => p.id === id) ?? null
  const rows = useMemo(() => reviews.data ?? [], [reviews.data])
  const [filter, setFilter] = useState<Filter | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const [replying, setReplying] = useState(false)
  const [replied, setReplied] = useState<{ file: string; sequence: number; decisions: number; pending: number } | null>(null)
  const batch = useMutation()

  const counts = useMemo(() => Object.fromEntries(FILTERS.map((f) => [f.value, rows.filter(f.test).length])) as Record<Filter, number>, [rows])
  const shownFilter: Filter = filter ?? (counts.sample ? 'sample' : counts.decision ? 'decision' : 'all')
  const shown = rows.filter(FILTERS.find((f) => f.value === shownFilter)!.test)
  const toBatch = rows.filter(batchable).length
  const unreplied = rows.filter((r) => r.decision && !r.replied).length
  const pending = rows.filter(pendingRow).length
  const error = packages.error ?? reviews.error

  if ((packages.loading && !packages.data) || (reviews.loading && !reviews.data)) return <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div>
  if (!pkg) {
    return (
      <div className="page">
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : <Alert type="warning" showIcon title="找不到该报送包" />}
        <Link to="/county"><ArrowLeftOutlined /> 返回报送包审核</Link>
      </div>
    )
  }

  const approveUnsampled = async () => {
    const r = await batch.run('county.approveUnsampled', { packageId: id, date: today() })
    if (r.ok) feedback.success(`已一并签署 ${r.value.decided} 件未抽查案件`)
  }

  return (
    <div className="page">
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
      <Card size="small" className="section-card" data-testid="county-package-summary"
        title={<Space size={8}><Link to="/county" aria-label="返回报送包审核"><ArrowLeftOutlined /></Link><span>{pkg.townshipName} 第 {pkg.sequence} 号报送包</span></Space>}
        extra={writable ? (
          <Space size={8}>
            {reviewer ? (
              <Popconfirm
                title={`未抽查的 ${toBatch} 件案件一并签署？`}
                description={<div style={{ maxWidth: 320 }}>待审核确认的签“同意”，乡镇已确认的签“备案无异议”，审核日期为今天（{today()}）。抽查名单中的案件、有规则问题的案件不在其内，须逐件审核。</div>}
                okText="一并同意" cancelText="取消" onConfirm={() => void approveUnsampled()} disabled={!toBatch}>
                <Tooltip title={toBatch ? undefined : '没有可以一并同意的未抽查案件'}>
                  <Button icon={<CheckOutlined />} loading={batch.pending} disabled={!toBatch} data-testid="approve-unsampled">未抽查案件一并同意{toBatch ? `（${toBatch}）` : ''}</Button>
                </Tooltip>
              </Popconfirm>
            ) : null}
            <Tooltip title={unreplied ? undefined : '还没有签署了意见、尚未回复的案件'}>
              <Button type="primary" icon={<ExportOutlined />} disabled={!unreplied} onClick={() => setReplying(true)} data-testid="export-reply">导出回复包{unreplied ? `（${unreplied} 件）` : ''}</Button>
            </Tooltip>
          </Space>
        ) : null}>
        <Summary pkg={pkg} pending={pending} />
        {writable && !reviewer ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>审核确认意见须由县级审核确认人账号逐件签署；本账号可以查看案件并导出回复包。</Typography.Text> : null}
        {replied ? (
          <Alert type="success" showIcon closable style={{ marginTop: 8 }} data-testid="reply-result" onClose={() => setReplied(null)}
            title={`已导出第 ${replied.sequence} 号回复包（${replied.decisions} 件意见${replied.pending ? `，另有 ${replied.pending} 件待审核` : ''}），读回核验无误`}
            description={<div>文件：<Typography.Text className="mono" copyable={{ text: replied.file, tooltips: ['复制路径', '已复制'] }} data-testid="reply-file">{replied.file}</Typography.Text><div>请安全弹出 U 盘后交{pkg.townshipName}导入。</div></div>} />
        ) : null}
      </Card>

      <Card size="small" title="案件" data-testid="county-reviews"
        extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>待签 {pending} 件 · 已签未回复 {unreplied} 件</Typography.Text>}>
        <Segmented<Filter> value={shownFilter} onChange={setFilter} style={{ marginBottom: 8 }} data-testid="review-filter"
          options={FILTERS.map((f) => ({ value: f.value, label: `${f.label} ${counts[f.value]}` }))} />
        <ReviewsTable rows={shown} onOpen={setOpen} filter={shownFilter} />
      </Card>

      <ReviewDrawer id={open} onClose={() => setOpen(null)} />
      <ReplyModal open={replying} onClose={() => setReplying(false)} packageId={id} count={unreplied} pending={pending} townshipName={pkg.townshipName}
        onDone={(r) => setReplied(r)} />
    </div>
  )
}

function Summary({ pkg, pending }: { pkg: CountyPackageView; pending: number }) {
  const items = [
    { key: 'town', label: '乡镇', children: <span>{pkg.townshipName} <span className="mono" style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>{pkg.townshipCode}</span></span> },
    { key: 'seq', label: '序号', children: `第 ${pkg.sequence} 号` },
    { key: 'period', label: '报送期间', children: `${pkg.periodFrom ? fmtDateTime(pkg.periodFrom) : '建档以来'} 至 ${fmtDateTime(pkg.periodTo)}` },
    { key: 'at', label: '导入时间', children: `${fmtDateTime(pkg.createdAt)}（${pkg.operator}）` },
    {
      key: 'counts', label: '案件', span: 2,
      children: (
        <Space size={4} wrap data-testid="package-counts">
          <Tag style={{ marginInlineEnd: 0 }}>共 {pkg.total} 件</Tag>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>待审核确认 {pkg.awaitingDecision}</Tag>
          <Tag color="cyan" style={{ marginInlineEnd: 0 }}>备案 {pkg.filing}</Tag>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>抽查 {pkg.sampled}</Tag>
          <Tag color="green" style={{ marginInlineEnd: 0 }}>已审核 {pkg.decided}</Tag>
          <Tag color={pending ? 'orange' : 'default'} style={{ marginInlineEnd: 0 }}>待签 {pending}</Tag>
          <Tag style={{ marginInlineEnd: 0 }}>已回复 {pkg.replied}</Tag>
        </Space>
      )
    },
    {
      key: 'sm3', label: '清单摘要',
      children: <Tooltip title={<span className="mono" style={{ wordBreak: 'break-all' }}>{pkg.manifestSm3}</span>}><span className="mono" style={{ fontSize: 12 }}>{pkg.manifestSm3.slice(0, 24)}…</span></Tooltip>
    },
    { key: 'replies', label: '回复包', children: pkg.replies.length ? pkg.replies.map((r) => `第 ${r.sequence} 号（${fmtDateTime(r.createdAt)}）`).join('、') : '未回复' }
  ]
  return <Descriptions size="small" column={4} items={items} style={{ marginBottom: 4 }} />
}

function ReviewsTable({ rows, onOpen, filter }: { rows: CountyReviewView[]; onOpen: (id: string) => void; filter: Filter }) {
  const columns: TableProps<CountyReviewView>['columns'] = [
    { title: '案件编号', dataIndex: 'caseNo', key: 'caseNo', width: 166, render: (v: string) => <span className="mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{v}</span> },
    { title: '户主', dataIndex: 'headName', key: 'head', width: 72, ellipsis: { showTitle: true } },
    { title: '村', dataIndex: 'villageName', key: 'village', width: 76, ellipsis: { showTitle: true } },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind', width: 64, ellipsis: { showTitle: true } },
    {
      title: '环节', key: 'step', width: 120, ellipsis: { showTitle: false },
      render: (_: unknown, r) => <Tooltip title={`${r.stepLabel}（${AWAITING_LABELS[r.awaiting]}）`}><span>{r.stepLabel}</span></Tooltip>
    },
    { title: '人数', dataIndex: 'persons', key: 'persons', width: 48, align: 'right' },
    { title: '拟保障金额（元）', key: 'fen', width: 96, align: 'right', render: (_: unknown, r) => (r.proposedFen === null ? <Typography.Text type="secondary">—</Typography.Text> : yuanText(r.proposedFen)) },
    {
      title: '规则提示', key: 'flags',
      render: (_: unknown, r) => {
        const list = [...r.openFlags].sort((a, b) => Number(isBlock(b.severity)) - Number(isBlock(a.severity)))
        if (!list.length && !r.objections) return <Typography.Text type="secondary">无</Typography.Text>
        return (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
            {list.slice(0, 2).map((f, i) => <Tooltip key={i} title={f.title}><Tag color={SEVERITY_COLORS[f.severity]} style={{ marginInlineEnd: 0, maxWidth: 150, overflow: 'hidden', textOverflow: 'ellipsis' }}>{f.title}</Tag></Tooltip>)}
            {list.length > 2 ? <Tooltip title={list.slice(2).map((f) => f.title).join('；')}><Tag style={{ marginInlineEnd: 0 }}>+{list.length - 2}</Tag></Tooltip> : null}
            {r.objections ? <Tag color="magenta" style={{ marginInlineEnd: 0 }}>异议 {r.objections}</Tag> : null}
          </div>
        )
      }
    },
    { title: '抽查原因', key: 'sample', width: 96, render: (_: unknown, r) => (r.sampleReason ? <Tooltip title={r.sampleReason}><Tag color="gold" style={{ marginInlineEnd: 0, maxWidth: 88, overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="sample-tag">{r.sampleReason}</Tag></Tooltip> : null) },
    {
      title: '意见', key: 'decision', width: 98,
      render: (_: unknown, r) => (r.decision
        ? <Tooltip title={[r.decisionDate, r.decidedBy, r.reason].filter(Boolean).join('，')}><Tag color={DECISION_COLORS[r.decision]} style={{ marginInlineEnd: 0 }}>{r.decisionLabel}</Tag></Tooltip>
        : r.awaiting === 'info' ? <Typography.Text type="secondary">无需审核</Typography.Text> : <Tag color={AWAITING_COLORS[r.awaiting]} style={{ marginInlineEnd: 0 }}>待审核</Tag>)
    },
    { title: '已回复', key: 'replied', width: 58, align: 'center', render: (_: unknown, r) => (r.replied ? <Tag color="green" style={{ marginInlineEnd: 0 }}>是</Tag> : r.decision ? <Typography.Text type="secondary">否</Typography.Text> : null) },
    {
      title: '操作', key: 'op', width: 56,
      render: (_: unknown, r) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.id)}>{r.awaiting === 'info' || r.replied ? '查看' : '审核'}</Button>
    }
  ]
  return (
    <Table<CountyReviewView> size="small" rowKey="id" columns={columns} dataSource={rows} tableLayout="fixed"
      rowClassName={(r) => (r.decision ? '' : r.sampleReason ? 'row-sampled' : '')}
      onRow={(r) => ({ onDoubleClick: () => onOpen(r.id) })}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: filter === 'sample' ? '本报送包没有抽查案件' : '没有案件' }} data-testid="review-table" />
  )
}

interface ReplyValues { folder: string; passphrase: string }

function ReplyModal({ open, onClose, packageId, count, pending, townshipName, onDone }: {
  open: boolean; onClose: () => void; packageId: string; count: number; pending: number; townshipName: string
  onDone: (r: { file: string; sequence: number; decisions: number; pending: number }) => void
}) {
  return (
    <FormModal<ReplyValues>
      open={open} name="countyReply" title={`导出给${townshipName}的回复包`} okText="导出回复包" width={600} testId="reply-modal"
      initialValues={{ folder: readFolder(), passphrase: '' }} onClose={onClose}
      onSubmit={async (v, form) => {
        const folder = v.folder.trim()
        saveFolder(folder)
        const res = await mutate('county.reply', { packageId, folder, passphrase: v.passphrase }, { quiet: true })
        if (!res.ok) {
          const list: Array<{ name: keyof ReplyValues; errors: string[] }> = []
          for (const name of ['folder', 'passphrase'] as const) if (res.error.fields[name]) list.push({ name, errors: [res.error.message] })
          if (list.length) form.setFields(list)
          else form.setFields([{ name: 'folder', errors: [res.error.message] }])
          return false
        }
        onDone({ file: res.value.file, sequence: res.value.record.sequence, decisions: res.value.decisions, pending: res.value.pending })
        feedback.success(`已导出第 ${res.value.record.sequence} 号回复包`)
        return true
      }}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        回复包收录本报送包中已签署、尚未回复的 {count} 件意见（含县级入户核查情况）和回复单，用县级签名密钥签名后写到 U 盘，读回核验无误才算完成。导出后这些意见不能再改签。
        {pending ? <Typography.Text type="warning">另有 {pending} 件尚未签署，可在签署后再导出下一个回复包。</Typography.Text> : null}
      </Typography.Paragraph>
      <Form.Item label="输出文件夹" name="folder" rules={[{ required: true, whitespace: true, message: '请填写 U 盘或文件夹的完整路径' }, { max: 500, message: '路径不能超过 500 个字符' }]}
        extra="U 盘或文件夹的完整路径，回复包以“县民政局-回复乡镇-第N号-日期.dbpkg”命名写入其中">
        <Input autoFocus placeholder="如 E:\ 或 /media/usb" autoComplete="off" spellCheck={false} allowClear />
      </Form.Item>
      <Form.Item label="签名密钥口令" name="passphrase" rules={[{ required: true, message: '请输入县级签名密钥的口令' }]}>
        <Input.Password autoComplete="off" />
      </Form.Item>
    </FormModal>
  )
}
