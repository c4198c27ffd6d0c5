// 报送县级 (issue 6; docs/package-format.md §2): the township's submission package — every case changed since the
// last package with its household files, 评议 and 公示, the audit entries of the period, the scans and the PDFs —
// signed with the township key, written to the USB drive and read back before it counts. While the export runs the
// page polls packages.progress; the 报送记录 lists every package sent and every county reply received with its manifest
// digest, and 再次写出 writes an exported package again from the copy kept at export (a lost or damaged USB
// stick). 导入县级回复包 verifies the county's signed reply and applies its decisions to the cases (all or nothing).
import { CopyOutlined, ExportOutlined, ImportOutlined, KeyOutlined, UsbOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Col, Form, Input, Progress, Row, Spin, Table, Tag, Tooltip, Typography } from 'antd'
import type { FormInstance, TableProps } from 'antd'
import { useEffect, useRef, useState } from 'react'
import type { ExportProgress, PackageRecordView, ReplyImportResult } from '../../../main/api/types'
import { call, type ApiError } from '../../api'
import { fmtDateTime } from '../../app/format'
import { Link } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { mutate, placeWholeMessage, useApi } from '../../app/useApi'
import { feedback } from '../../app/feedback'
import { FormModal } from '../../components/FormModal'

const FOLDER_KEY = 'dibao.packages.folder'
const POLL_MS = 500

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 2 : 1)} MB`
const n = (counts: Record<string, number>, k: string): number => counts[k] ?? 0

const COUNT_LABELS: Array<[string, string, string]> = [
  ['cases', '案件', '个'], ['households', '家庭档案', '户'], ['meetings', '民主评议会议', '次'], ['notices', '公示批次', '批'],
  ['auditEntries', '审计记录', '条'], ['files', '材料扫描件', '个'], ['documents', '文书 PDF', '份']
]
/** "24 个案件、20 户家庭档案、…" for the counts the server reported. */
const countsText = (counts: Record<string, number>): string =>
  COUNT_LABELS.filter(([k]) => k in counts).map(([k, label, unit]) => `${label} ${n(counts, k)} ${unit}`).join('、')

function readFolder(): string {
  try { return window.localStorage.getItem(FOLDER_KEY) ?? '' } catch { return '' }
}
function saveFolder(v: string): void {
  try { window.localStorage.setItem(FOLDER_KEY, v) } catch { /* private mode: not remembered */ }
}

/** What the export is doing, as a sentence and an overall percentage (the server reports phases, and bytes while writing). */
function describe(p: ExportProgress | null): { text: string; percent: number } {
  if (!p) return { text: '正在打开签名密钥…', percent: 2 }
  if (p.phase === 'gather') return { text: '正在汇集案件和档案…', percent: 5 }
  if (p.phase === 'documents') return { text: '正在生成文书（审核确认表、公示、会议记录）…', percent: 12 }
  if (p.phase === 'write') {
    const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 1
    if (frac >= 1) return { text: '正在读回核验…', percent: 96 }
    const pct = Math.floor(frac * 100)
    return { text: `正在写入材料文件 ${pct}%`, percent: 15 + Math.round(frac * 80) }
  }
  if (p.phase === 'verify') return { text: '正在读回核验…', percent: 96 }
  return { text: '正在完成…', percent: 99 }
}

interface ExportValues { folder: string; passphrase: string; encrypt?: boolean }
type Outcome = { ok: true; record: PackageRecordView; file: string } | { ok: false; message: string }

export function PackagesPage() {
  const session = useSession()
  const writable = canWrite(session.operator)
  const keys = useApi('keys.list', {})
  const list = useApi('packages.list', {})
  const own = keys.data?.own ?? null
  const rows = list.data ?? []
  const last = rows.filter((r) => r.direction === 'out' && r.kind === 'submission').reduce<PackageRecordView | null>((a, r) => (!a || r.sequence > a.sequence ? r : a), null)
  const next = (last?.sequence ?? 0) + 1
  const countyName = session.township ? `${session.township.countyName}民政局` : '县民政局'
  const loadError = keys.error ?? list.error

  return (
    <div className="page">
      {loadError ? <Alert type="error" showIcon title={loadError.message} style={{ marginBottom: 8 }} /> : null}
      <Card size="small" className="section-card" title={<span><UsbOutlined /> 导出报送包</span>} data-testid="export-card">
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          报送包收录自上次报送以来有变动的案件、相关家庭档案、评议和公示、审计记录、材料扫描件和文书，用本乡镇的签名密钥签名后写到 U 盘，读回核验无误才算完成；{countyName}凭登记的密钥指纹核验。
        </Typography.Paragraph>
        {keys.loading && !keys.data ? <div style={{ padding: 8 }}><Spin size="small" /></div> : own ? (
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '2px 10px', marginBottom: 8 }}>
            <Typography.Text type="secondary"><KeyOutlined /> 签名密钥指纹（SM3）</Typography.Text>
            <span className="mono" data-testid="signing-fingerprint" data-fingerprint={own.fingerprint}
              style={{ fontSize: 14, fontWeight: 600, color: '#1f2a44', background: '#f6f8fc', border: '1px solid #e5e8ef', borderRadius: 4, padding: '1px 8px', whiteSpace: 'nowrap' }}>
              {own.fingerprint}
            </span>
          </div>
        ) : (
          <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="no-key"
            title="本乡镇还没有报送签名密钥，不能导出报送包"
            description={<>报送包须由本乡镇的签名密钥签名。请管理员在“系统设置 → 数据交换密钥”页 <Link to="/settings/keys">生成签名密钥</Link>，并打印密钥登记表报{countyName}登记。</>} />
        )}
        <div data-testid="last-package" style={{ marginBottom: writable ? 10 : 0 }}>
          {last ? (
            <Typography.Text>
              上次报送：<Typography.Text strong>第 {last.sequence} 号</Typography.Text>，{fmtDateTime(last.createdAt)}，
              {n(last.counts, 'cases')} 个案件、{n(last.counts, 'households')} 户、{n(last.counts, 'files')} 个材料文件。
              <Typography.Text strong>下一个为第 {next} 号</Typography.Text>
            </Typography.Text>
          ) : (
            <Typography.Text>还没有报送过。<Typography.Text strong>下一个为第 {next} 号</Typography.Text>（收录建档以来的全部案件）</Typography.Text>
          )}
        </div>
        {writable ? <ExportForm disabled={!own} countyKey={!!keys.data?.county} /> : <Typography.Text type="secondary">只读操作员不能导出报送包。</Typography.Text>}
      </Card>

      <Card size="small" className="section-card" title={<span><ImportOutlined /> 导入县级回复包</span>} data-testid="reply-card">
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {countyName}审核确认后用 U 盘交回签名的回复包。导入时凭县级公钥核验签名，按序号顺序逐件应用县级意见（同意、不同意、退回补充调查、备案无异议，以及县级入户核查记录）；有一件不能应用的，整包不导入。
        </Typography.Paragraph>
        {keys.data && !keys.data.county ? (
          <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="no-county-key"
            title="还没有导入县民政局的公钥，无法核验回复包"
            description={<>请管理员在“系统设置 → 数据交换密钥”页 <Link to="/settings/keys">导入县级公钥</Link>，并与县民政局告知的指纹核对。</>} />
        ) : null}
        {writable ? <ReplyImportForm /> : <Typography.Text type="secondary">只读操作员不能导入回复包。</Typography.Text>}
      </Card>

      <Card size="small" title="报送记录" data-testid="package-records">
        <Records rows={rows} loading={list.loading && !list.data} writable={writable} />
      </Card>
    </div>
  )
}

function ExportForm({ disabled, countyKey }: { disabled: boolean; countyKey: boolean }) {
  const [form] = Form.useForm<ExportValues>()
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const alive = useRef(true)
  useEffect(() => { alive.current = true; return () => { alive.current = false } }, [])

  const submit = async (v: ExportValues) => {
    const folder = v.folder.trim()
    saveFolder(folder)
    setOutcome(null)
    setProgress(null)
    setRunning(true)
    const started = Date.now()
    let polling = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const p = await call('packages.progress', {})
        // a finished or failed run, or one from before this click, is not this export's progress
        if (polling && alive.current && p && p.phase !== 'done' && p.phase !== 'failed' && Date.parse(p.at) >= started - 1000) setProgress(p)
      } catch { /* the bar just stays where it is */ }
      if (polling) timer = setTimeout(() => void poll(), POLL_MS)
    }
    timer = setTimeout(() => void poll(), POLL_MS)
    try {
      const res = await mutate('packages.export', { folder, passphrase: v.passphrase, encrypt: !!v.encrypt }, { quiet: true })
      if (!alive.current) return
      if (res.ok) {
        setOutcome({ ok: true, record: res.value.record, file: res.value.file })
        form.setFieldValue('passphrase', '')
      } else {
        placeWholeMessage(form, res.error, ['folder', 'passphrase'], (message) => setOutcome({ ok: false, message }))
      }
    } finally {
      polling = false
      if (timer) clearTimeout(timer)
      if (alive.current) setRunning(false)
    }
  }

  const shown = describe(progress)
  return (
    <Form<ExportValues> form={form} name="packageExport" layout="vertical" initialValues={{ folder: readFolder(), passphrase: '' }}
      onFinish={(v) => void submit(v)} onValuesChange={() => { if (outcome && !outcome.ok) setOutcome(null) }} disabled={running}>
      <Row gutter={12} wrap={false} align="top">
        <Col flex="1 1 420px" style={{ minWidth: 0, maxWidth: 520 }}>
          <Form.Item label="输出文件夹" name="folder" style={{ marginBottom: 0 }}
            rules={[{ required: true, whitespace: true, message: '请填写 U 盘或文件夹的完整路径' }, { max: 500, message: '路径不能超过 500 个字符' }]}
            extra="U 盘或文件夹的完整路径，报送包以“乡镇-报送包-第N号-日期.dbpkg”命名写入其中">
            <Input placeholder="如 E:\ 或 /media/usb" autoComplete="off" spellCheck={false} allowClear />
          </Form.Item>
        </Col>
        <Col flex="0 0 240px">
          <Form.Item label="签名密钥口令" name="passphrase" style={{ marginBottom: 0 }} rules={[{ required: true, message: '请输入签名密钥口令' }]}>
            <Input.Password autoComplete="off" />
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
            <Tooltip title={disabled ? '请先生成签名密钥' : undefined}>
              <Button type="primary" htmlType="submit" icon={<ExportOutlined />} loading={running} disabled={disabled || running}>导出报送包</Button>
            </Tooltip>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="encrypt" valuePropName="checked" style={{ margin: '8px 0 0' }}
        extra={countyKey ? '内容用 SM4 加密，只有县民政局的私钥能解开；签名和每个文件的摘要仍可不用私钥核验' : '须先在“数据交换密钥”页导入县民政局公钥'}>
        <Checkbox disabled={!countyKey}>加密报送内容（SM4）</Checkbox>
      </Form.Item>
      {running ? (
        <div data-testid="export-progress" style={{ marginTop: 12, maxWidth: 780 }}>
          <Typography.Text>{shown.text}</Typography.Text>
          <Progress percent={shown.percent} status="active" showInfo={false} />
        </div>
      ) : null}
      {outcome && !running ? (
        <div style={{ marginTop: 12 }} data-testid="export-result">
          {outcome.ok ? (
            <Alert type="success" showIcon
              title={`已导出第 ${outcome.record.sequence} 号报送包，读回核验无误`}
              description={
                <>
                  <div>文件：<Typography.Text className="mono" copyable={{ text: outcome.file, tooltips: ['复制路径', '已复制'] }} data-testid="export-file">{outcome.file}</Typography.Text></div>
                  <div>大小：{mb(outcome.record.bytes)}；{countsText(outcome.record.counts)}</div>
                  <div>请安全弹出 U 盘后报送{outcome.record.periodFrom ? '' : '（首个报送包，收录建档以来的全部案件）'}。</div>
                </>
              } />
          ) : <Alert type="error" showIcon title={outcome.message} data-testid="export-error" />}
        </div>
      ) : null}
    </Form>
  )
}


function Records({ rows, loading, writable }: { rows: PackageRecordView[]; loading: boolean; writable: boolean }) {
  const [copying, setCopying] = useState<PackageRecordView | null>(null)
  // a reply names the submission it answers by its manifest digest
  const bySm3 = new Map(rows.filter((r) => r.direction === 'out' && r.kind === 'submission').map((r) => [r.manifestSm3, r.sequence]))
  const isReply = (r: PackageRecordView) => r.kind === 'reply'
  const columns: TableProps<PackageRecordView>['columns'] = [
    {
      title: '方向', key: 'dir', width: 128,
      render: (_: unknown, r) => (isReply(r)
        ? <div style={{ lineHeight: '18px' }}><Tag color="green" style={{ marginInlineEnd: 0 }}>收到县级回复</Tag>{r.inReplyTo && bySm3.has(r.inReplyTo) ? <div style={{ fontSize: 12, color: 'rgba(0,0,0,.6)', marginTop: 2 }}>答复第 {bySm3.get(r.inReplyTo)} 号</div> : null}</div>
        : <Tag color={r.direction === 'out' ? 'blue' : 'green'} style={{ marginInlineEnd: 0 }}>{r.direction === 'out' ? '导出报送包' : '导入'}</Tag>)
    },
    { title: '序号', dataIndex: 'sequence', key: 'seq', width: 56, align: 'right' },
    { title: '文件名', dataIndex: 'fileName', key: 'file', ellipsis: { showTitle: true } },
    { title: '大小', key: 'size', width: 84, align: 'right', render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{mb(r.bytes)}</span> },
    {
      title: '案件/家庭/材料', key: 'counts', width: 112, align: 'center',
      render: (_: unknown, r) => (isReply(r)
        ? <Tooltip title={replyCountsText(r.counts)}><span style={{ whiteSpace: 'nowrap' }}>意见 {n(r.counts, 'decisions')} 件</span></Tooltip>
        : <Tooltip title={countsText(r.counts)}><span style={{ whiteSpace: 'nowrap' }}>{n(r.counts, 'cases')} / {n(r.counts, 'households')} / {n(r.counts, 'files')}</span></Tooltip>)
    },
    {
      title: '期间', key: 'period', width: 140,
      render: (_: unknown, r) => <div style={{ fontSize: 12, lineHeight: '18px', whiteSpace: 'nowrap' }}><div>{r.periodFrom ? fmtDateTime(r.periodFrom) : '建档以来'}</div><div>至 {fmtDateTime(r.periodTo)}</div></div>
    },
    { title: '经办人', dataIndex: 'operator', key: 'op', width: 130, ellipsis: { showTitle: true } },
    { title: '时间', key: 'at', width: 132, render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{fmtDateTime(r.createdAt)}</span> },
    {
      title: '清单摘要', key: 'sm3', width: 150,
      render: (_: unknown, r) => (
        <Tooltip title={<span className="mono" style={{ wordBreak: 'break-all' }}>{r.manifestSm3}</span>}>
          <span className="mono" data-sm3={r.manifestSm3} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{r.manifestSm3.slice(0, 16)}…</span>
        </Tooltip>
      )
    },
    ...(writable ? [{
      title: '操作', key: 'act', width: 84,
      render: (_: unknown, r: PackageRecordView) => (r.direction === 'out' && r.kind === 'submission'
        ? (r.kept
          ? <Button type="link" size="small" icon={<CopyOutlined />} style={{ paddingInline: 0 }} onClick={() => setCopying(r)}>再次写出</Button>
          : <Tooltip title="本机没有保留该报送包的副本"><Typography.Text type="secondary" style={{ fontSize: 12 }}>无副本</Typography.Text></Tooltip>)
        : null)
    }] : [])
  ]
  return (
    <>
      <Table<PackageRecordView> size="small" rowKey="id" columns={columns} dataSource={rows} loading={loading} tableLayout="fixed"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} locale={{ emptyText: '还没有报送记录' }} data-testid="package-table" />
      <CopyModal record={copying} onClose={() => setCopying(null)} />
    </>
  )
}

/** 再次写出: the same signed package (byte for byte, from the copy kept at export) onto another USB stick, read back. */
function CopyModal({ record, onClose }: { record: PackageRecordView | null; onClose: () => void }) {
  return (
    <FormModal<{ folder: string }>
      open={!!record} name="packageCopy" title={record ? `再次写出第 ${record.sequence} 号报送包` : ''} okText="写出并核验" onClose={onClose}
      initialValues={{ folder: readFolder() }} testId="copy-modal"
      onSubmit={async (v, form) => {
        if (!record) return false
        const res = await mutate('packages.copy', { id: record.id, folder: v.folder.trim() }, { form })
        if (!res.ok) return false
        saveFolder(v.folder.trim())
        feedback.success(`已再次写出第 ${record.sequence} 号报送包：${res.value.file}（与原包逐字节相同，读回核验无误）`)
        return true
      }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        U 盘丢失、损坏或县民政局读不出时使用：写出的是导出时保留的同一个签名报送包（序号、清单摘要都不变），县民政局照常导入。不要为此重新导出——新导出的是下一个序号，县民政局会因缺号拒收。
      </Typography.Paragraph>
      <Form.Item label="输出文件夹" name="folder" rules={[{ required: true, whitespace: true, message: '请填写 U 盘或文件夹的完整路径' }]} extra={record ? `写出文件：${record.fileName}` : undefined}>
        <Input placeholder="如 E:\\ 或 /media/usb" autoComplete="off" />
      </Form.Item>
    </FormModal>
  )
}

const DECISION_NAMES: Array<[string, string]> = [['approve', '同意'], ['reject', '不同意'], ['return', '退回补充调查'], ['filed', '备案无异议']]
/** "同意 3 件、退回补充调查 1 件；另有 2 件待县级审核" for a reply's counts. */
const replyCountsText = (counts: Record<string, number>): string => {
  const parts = DECISION_NAMES.filter(([k]) => n(counts, k)).map(([k, label]) => `${label} ${n(counts, k)} 件`)
  return `${parts.join('、') || `意见 ${n(counts, 'decisions')} 件`}${n(counts, 'pending') ? `；另有 ${n(counts, 'pending')} 件待县级审核` : ''}`
}

const DECISION_COLORS: Record<string, string> = { approve: 'green', reject: 'red', return: 'orange', filed: 'cyan' }

/** 导入县级回复包: the path of the reply on the USB drive → verified and applied; the decisions applied are listed. */
function ReplyImportForm() {
  const [form] = Form.useForm<{ file: string }>()
  const [pending, setPending] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: true; r: ReplyImportResult } | { ok: false; message: string } | null>(null)
  const submit = async (v: { file: string }) => {
    setPending(true)
    setOutcome(null)
    try {
      const res = await mutate('packages.importReply', { file: v.file.trim() }, { quiet: true })
      if (res.ok) { setOutcome({ ok: true, r: res.value }); form.setFieldValue('file', '') }
      else placeWholeMessage(form, res.error, ['file'], (message) => setOutcome({ ok: false, message }))
    } finally { setPending(false) }
  }
  const columns: TableProps<ReplyImportResult['applied'][number]>['columns'] = [
    { title: '案件编号', dataIndex: 'caseNo', key: 'no', width: 180, render: (v: string) => <span className="mono" style={{ fontSize: 12 }}>{v}</span> },
    { title: '户主', dataIndex: 'headName', key: 'head', width: 90 },
    { title: '县级意见', key: 'decision', width: 120, render: (_: unknown, a) => <Tag color={DECISION_COLORS[a.decision]} style={{ marginInlineEnd: 0 }}>{a.decisionLabel}</Tag> },
    { title: '县级入户核查', key: 'visit', width: 100, align: 'center', render: (_: unknown, a) => (a.visit ? '有' : <Typography.Text type="secondary">—</Typography.Text>) },
    { title: '理由', dataIndex: 'reason', key: 'reason', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> }
  ]
  return (
    <Form<{ file: string }> form={form} name="replyImport" layout="vertical" initialValues={{ file: '' }} onFinish={(v) => void submit(v)}
      onValuesChange={() => { if (outcome && !outcome.ok) setOutcome(null) }} disabled={pending}>
      <Row gutter={12} wrap={false} align="top">
        <Col flex="1 1 420px" style={{ minWidth: 0, maxWidth: 640 }}>
          <Form.Item label="回复包文件" name="file" style={{ marginBottom: 0 }}
            rules={[{ required: true, whitespace: true, message: '请填写回复包文件的完整路径' }, { max: 1000, message: '路径不能超过 1000 个字符' }]}
            extra="回复包文件的完整路径，如 E:\某某县民政局-回复某某镇-第1号-2026-07-10.dbpkg">
            <Input placeholder="如 E:\…-回复…-第1号-….dbpkg 或 /media/usb/….dbpkg" autoComplete="off" spellCheck={false} allowClear />
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" icon={<ImportOutlined />} loading={pending}>核验并导入</Button>
          </Form.Item>
        </Col>
      </Row>
      {outcome ? (
        <div style={{ marginTop: 12 }} data-testid="reply-import-result">
          {outcome.ok ? (
            <>
              <Alert type="success" showIcon style={{ marginBottom: 8 }}
                title={`已导入第 ${outcome.r.record.sequence} 号县级回复包（答复第 ${outcome.r.inReplyTo} 号报送包），签名核验无误，${outcome.r.applied.length} 件意见已应用到案件`}
                description={replyCountsText(outcome.r.record.counts)} />
              <Table size="small" rowKey="caseId" columns={columns} dataSource={outcome.r.applied} pagination={false} tableLayout="fixed" data-testid="reply-applied" />
            </>
          ) : <Alert type="error" showIcon title={outcome.message} data-testid="reply-import-error" />}
        </div>
      ) : null}
    </Form>
  )
}
