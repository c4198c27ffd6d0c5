// 数据交换密钥 (issue 6): the township's SM2 signing key (encrypted PKCS#8 under a passphrase the administrator
// keeps) whose fingerprint — SM3 of the public key, 16 groups of 4 hex digits — the county files from the printed
// 密钥登记表; the county's public key, imported from its .pem file and checked against the fingerprint the county
// gave; a backup of the (still encrypted) key for a USB stick and its restore on a reinstalled PC; rotation, where
// the old key signs the new one. Everyone may read the fingerprints; only the administrator changes keys.
// In a county install (县级安装) the own key is the 县级签名密钥 (it signs the replies and opens encrypted packages;
// its sheet is the 县级密钥告知表 sent to the townships), and the townships' public keys are registered here
// against the fingerprint on each township's 密钥登记表.
import { CloudUploadOutlined, DownloadOutlined, ImportOutlined, KeyOutlined, PrinterOutlined, SwapOutlined, UploadOutlined, UsergroupAddOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Space, Spin, Table, Tag, Typography, Upload } from 'antd'
import type { FormInstance, TableProps, UploadFile } from 'antd'
import { useState } from 'react'
import type { ExchangeKeyView, KeysView } from '../../../main/api/types'
import { call, type ApiError } from '../../api'
import { feedback } from '../../app/feedback'
import { fmtDateTime } from '../../app/format'
import { PrintModal } from '../../app/PrintModal'
import { canWrite, countyTitle, isAdmin, useSession } from '../../app/session'
import { applyFieldErrors, mutate, useApi } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { confirmRule } from '../../components/rules'
import { newPassphraseRules, StrengthHint } from '../../components/passphrase'

const ROLE: Record<ExchangeKeyView['role'], { label: string; color: string }> = {
  own: { label: '本乡镇', color: 'blue' },
  county: { label: '县级', color: 'purple' },
  township: { label: '乡镇', color: 'cyan' }
}

/** Offers `text` as a file download (a Blob behind an <a download>). */
function download(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The fingerprint as the server gives it (16 groups of 4), laid out 8 groups a line so it reads group by group. */
function Fingerprint({ fp, size = 20, testId }: { fp: string; size?: number; testId?: string }) {
  const groups = fp.split(/\s+/).filter(Boolean)
  return (
    <div className="mono" data-testid={testId} data-fingerprint={fp} aria-label={`指纹 ${fp}`}
      style={{ display: 'inline-grid', gridTemplateColumns: `repeat(${Math.min(8, groups.length || 1)}, auto)`, columnGap: size * 0.6, rowGap: size * 0.15, fontSize: size, lineHeight: 1.3, fontWeight: size >= 18 ? 600 : 400, letterSpacing: size >= 18 ? 0.5 : 0, color: '#1f2a44', whiteSpace: 'nowrap' }}>
      {groups.map((g, i) => <span key={i}>{g}{i < groups.length - 1 ? <span style={{ fontSize: 0 }}> </span> : null}</span>)}
    </div>
  )
}

/**
 * Puts a server error onto the modal's form: its field errors (renamed), otherwise the whole message on `fallback`.
 * `full` lists the fields that get the whole message (it says more than the field's short text).
 */
function placeError(form: FormInstance, error: ApiError, fallback: string, opts: { rename?: Record<string, string>; full?: string[] } = {}): void {
  const fields: Record<string, string> = {}
  for (const [k, msg] of Object.entries(error.fields)) fields[k] = opts.full?.includes(k) ? error.message : msg
  const placed = Object.keys(fields).length ? applyFieldErrors(form, fields, { rename: opts.rename }) : 0
  if (!placed) form.setFields([{ name: fallback, errors: [error.message] }])
}

/** The chosen file of an <Upload> field read as text (the .pem and .dbkey files are text). */
async function chosenText(form: FormInstance, field: string, list: UploadFile[] | undefined, what: string): Promise<string | null> {
  const f = list?.[0]?.originFileObj as File | undefined
  if (!f) return null
  try { return await f.text() } catch { form.setFields([{ name: field, errors: [`读取${what}“${f.name}”失败，请重新选择`] }]); return null }
}

const fileRule = (message: string, maxBytes: number, tooBig: string) => ({
  validator: (_r: unknown, list?: UploadFile[]) => {
    const f = list?.[0]?.originFileObj as File | undefined
    if (!f) return Promise.reject(new Error(message))
    if (f.size === 0) return Promise.reject(new Error(`文件“${f.name}”是空文件，请重新选择`))
    if (f.size > maxBytes) return Promise.reject(new Error(tooBig))
    return Promise.resolve()
  }
})
const lastFile = (e: { fileList: UploadFile[] }) => (e?.fileList ?? []).slice(-1)

export function KeysPage() {
  const session = useSession()
  const admin = isAdmin(session.operator)
  const writable = canWrite(session.operator)
  const { data, loading, error } = useApi('keys.list', {})
  const [modal, setModal] = useState<'init' | 'rotate' | 'backup' | 'county' | 'print' | null>(null)
  const close = () => setModal(null)
  const own = data?.own ?? null
  const county = data?.county ?? null
  const countyMode = session.mode === 'county'
  const townName = countyMode ? countyTitle(session.county) || own?.ownerName || '本县民政局' : session.township?.name ?? own?.ownerName ?? '本乡镇'
  const countyName = session.township ? `${session.township.countyName}民政局` : countyTitle(session.county) || '县民政局'
  const keyName = countyMode ? '县级签名密钥' : '报送签名密钥'
  const sheetName = countyMode ? '密钥告知表' : '密钥登记表'

  return (
    <div className="page">
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
      {loading && !data ? <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div> : (
        <>
          <Row gutter={[12, 12]}>
            <Col span={13}>
              <Card size="small" title={<span><KeyOutlined /> {countyMode ? '县级签名密钥' : '本乡镇报送签名密钥'}</span>} style={{ height: '100%' }} data-testid="own-key-card">
                {own ? (
                  <>
                    <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>{countyMode ? '公钥指纹（SM3）：各乡镇导入县级公钥时与告知表上的指纹逐组核对，一位不符即为不同的密钥' : '公钥指纹（SM3）：与县民政局登记的指纹逐组核对，一位不符即为不同的密钥'}</Typography.Text>
                    <div style={{ background: '#f6f8fc', border: '1px solid #e5e8ef', borderRadius: 6, padding: '10px 14px', marginBottom: 10 }}>
                      <Fingerprint fp={own.fingerprint} testId="own-fingerprint" />
                      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px', alignItems: 'baseline', marginTop: 4 }}>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>SM2 签名密钥（GM/T 0003），私钥由口令加密保存在本机数据目录</Typography.Text>
                        <Typography.Text copyable={{ text: own.fingerprint, tooltips: ['复制指纹', '已复制'] }} style={{ fontSize: 12 }}>复制指纹</Typography.Text>
                      </div>
                    </div>
                    <Descriptions size="small" column={2} style={{ marginBottom: 10 }} items={[
                      { key: 'at', label: '生成时间', children: fmtDateTime(own.createdAt) },
                      { key: 'by', label: '生成人', children: own.createdBy }
                    ]} />
                    <Space wrap size={8}>
                      {writable ? <Button type="primary" icon={<PrinterOutlined />} onClick={() => setModal('print')}>打印{sheetName}</Button> : null}
                      <Button icon={<DownloadOutlined />} onClick={() => download(own.publicKeyPem, countyMode ? `${townName}-县级公钥.pem` : `${townName}-报送公钥.pem`, 'application/x-pem-file')}>下载公钥文件</Button>
                      {admin ? <Button icon={<CloudUploadOutlined />} onClick={() => setModal('backup')}>备份密钥到U盘</Button> : null}
                      {admin ? <Button icon={<SwapOutlined />} onClick={() => setModal('rotate')}>更换密钥</Button> : null}
                    </Space>
                    {writable ? <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>{countyMode
                      ? '密钥告知表盖章后连同公钥文件（U盘）发各乡镇；乡镇导入县级公钥并核对指纹后，才能核验本局的回复包，并可把报送内容加密给本局。'
                      : '密钥登记表由经办人和分管领导签字、乡镇盖章，连同公钥文件（U盘）报县民政局登记；县民政局只接收以登记的密钥签名的报送包。'}</Typography.Paragraph> : null}
                  </>
                ) : (
                  <>
                    <Typography.Paragraph style={{ marginBottom: 8 }}>
                      {countyMode
                        ? '本局还没有县级签名密钥。回复包由此密钥签名，乡镇凭告知表上的指纹核验；乡镇加密的报送包也要用它解开。口令由管理员设定并妥善保管，忘记口令只能重新生成并重新告知各乡镇。'
                        : '本乡镇还没有报送签名密钥。报送包由此密钥签名，县民政局凭登记的指纹核验；口令由管理员设定并妥善保管，忘记口令只能重新生成并重新登记。'}
                    </Typography.Paragraph>
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                      {admin ? `重装电脑或更换电脑的，请不要重新生成，而是用下方“从备份恢复”恢复原来的密钥，继续以原指纹${countyMode ? '签名' : '报送'}。` : '密钥由管理员生成和管理。'}
                    </Typography.Paragraph>
                    {admin ? <Button type="primary" icon={<KeyOutlined />} onClick={() => setModal('init')}>生成签名密钥</Button> : null}
                  </>
                )}
              </Card>
            </Col>
            {countyMode ? (
              <Col span={11}>
                <RegisterTownshipCard admin={admin} countyCode={session.county?.code ?? ''} />
              </Col>
            ) : (
            <Col span={11}>
              <Card size="small" title={<span><ImportOutlined /> 县民政局公钥</span>} style={{ height: '100%' }} data-testid="county-key-card">
                {county ? (
                  <>
                    <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>{county.ownerName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>公钥指纹（SM3）</Typography.Text>
                    <div style={{ background: '#f8f6fc', border: '1px solid #ebe5f3', borderRadius: 6, padding: '8px 12px', marginBottom: 10 }}>
                      <Fingerprint fp={county.fingerprint} size={15} testId="county-fingerprint" />
                    </div>
                    <Descriptions size="small" column={1} style={{ marginBottom: 10 }} items={[
                      { key: 'at', label: '导入时间', children: fmtDateTime(county.createdAt) },
                      { key: 'by', label: '导入人', children: county.createdBy }
                    ]} />
                    {admin ? <Button icon={<SwapOutlined />} onClick={() => setModal('county')}>更换县级公钥</Button> : null}
                  </>
                ) : (
                  <>
                    <Typography.Paragraph style={{ marginBottom: 8 }}>
                      还没有导入{countyName}的公钥。县民政局下发的数据和回执由县级密钥签名，本机凭县级公钥核验其确由县民政局签发。
                    </Typography.Paragraph>
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                      {admin ? '导入县民政局提供的公钥文件（.pem），并与县民政局书面或电话告知的指纹核对。' : '县级公钥由管理员导入。'}
                    </Typography.Paragraph>
                    {admin ? <Button type="primary" icon={<ImportOutlined />} onClick={() => setModal('county')}>导入县级公钥</Button> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未导入" style={{ margin: 0 }} />}
                  </>
                )}
              </Card>
            </Col>
            )}
            {countyMode ? (
              <Col span={24}>
                <Card size="small" title={<span><UsergroupAddOutlined /> 已登记的乡镇报送公钥</span>} data-testid="township-keys-card"
                  extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>只接收以这些密钥签名的报送包</Typography.Text>}>
                  <TownshipKeys rows={data?.townships ?? []} />
                </Card>
              </Col>
            ) : null}
            {admin ? <Col span={24}><RestoreCard own={own} county={countyMode} /></Col> : null}
            <Col span={24}>
              <Card size="small" title="密钥记录">
                <History rows={data?.history ?? []} />
              </Card>
            </Col>
          </Row>

          {admin ? (
            <>
              <InitModal open={modal === 'init'} onClose={close} county={countyMode} />
              <RotateModal open={modal === 'rotate'} onClose={close} own={own} county={countyMode} />
              <BackupModal open={modal === 'backup'} onClose={close} county={countyMode} />
              {countyMode ? null : <CountyModal open={modal === 'county'} onClose={close} county={county} countyName={countyName} />}
            </>
          ) : null}
          {writable ? (
            <PrintModal open={modal === 'print'} onClose={close} title={`打印${sheetName}：${townName}`}
              request={({ preview }) => call('print.document', { kind: 'keySheet', preview })} />
          ) : null}
        </>
      )}
    </div>
  )
}

function History({ rows }: { rows: KeysView['history'] }) {
  const { mode } = useSession()
  const roleOf = (r: ExchangeKeyView) => (r.role === 'own' && mode === 'county' ? { label: '本局', color: 'blue' } : ROLE[r.role])
  const columns: TableProps<ExchangeKeyView>['columns'] = [
    { title: '角色', key: 'role', width: 76, render: (_: unknown, r) => <Tag color={roleOf(r)?.color} style={{ marginInlineEnd: 0 }}>{roleOf(r)?.label ?? r.role}</Tag> },
    { title: '单位', dataIndex: 'ownerName', key: 'owner', width: 150, ellipsis: { showTitle: true } },
    { title: '指纹（SM3）', key: 'fp', render: (_: unknown, r) => <Fingerprint fp={r.fingerprint} size={12} /> },
    { title: '生成/导入时间', key: 'at', width: 136, render: (_: unknown, r) => fmtDateTime(r.createdAt) },
    { title: '操作人', dataIndex: 'createdBy', key: 'by', width: 150, ellipsis: { showTitle: true } },
    {
      title: '状态', key: 'state', width: 170,
      render: (_: unknown, r) => (r.retiredAt
        ? <span style={{ whiteSpace: 'nowrap' }}><Tag style={{ marginInlineEnd: 4 }}>已停用</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtDateTime(r.retiredAt)}</Typography.Text></span>
        : <Tag color="green" style={{ marginInlineEnd: 0 }}>在用</Tag>)
    }
  ]
  return (
    <Table<ExchangeKeyView> size="small" rowKey="id" columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: '还没有密钥记录' }} data-testid="key-history" />
  )
}

interface InitValues { passphrase: string; confirm: string }

function InitModal({ open, onClose, county }: { open: boolean; onClose: () => void; county: boolean }) {
  return (
    <FormModal<InitValues>
      open={open} name="keyInit" title={county ? '生成县级签名密钥' : '生成报送签名密钥'} okText="生成密钥" onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('keys.init', { passphrase: v.passphrase }, { quiet: true })
        if (!res.ok) { placeError(form, res.error, 'passphrase'); return false }
        feedback.success(county ? '已生成县级签名密钥：请打印密钥告知表，盖章后连同公钥文件发各乡镇' : '已生成报送签名密钥：请打印密钥登记表，签字盖章后报县民政局登记')
        return true
      }}
    >
      {(form) => (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="口令无法找回"
            description={county
              ? '私钥由此口令加密保存，程序不保存口令。忘记口令只能重新生成密钥，并重新打印密钥告知表发各乡镇。请把口令抄在纸上，由管理员密封保管。'
              : '私钥由此口令加密保存，程序不保存口令。忘记口令只能重新生成密钥，并重新打印密钥登记表报县民政局登记。请把口令抄在纸上，由管理员密封保管。'} />
          <Form.Item label="口令" name="passphrase" rules={newPassphraseRules} extra={<StrengthHint form={form} name="passphrase" />}>
            <Input.Password autoFocus autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="再次输入口令" name="confirm" dependencies={['passphrase']} rules={[{ required: true, message: '请再次输入口令' }, confirmRule('passphrase', '两次输入的口令不一致')]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
    </FormModal>
  )
}

interface RotateValues { oldPassphrase: string; passphrase: string; confirm: string }

function RotateModal({ open, onClose, own, county }: { open: boolean; onClose: () => void; own: ExchangeKeyView | null; county: boolean }) {
  return (
    <FormModal<RotateValues>
      open={open} name="keyRotate" title={county ? '更换县级签名密钥' : '更换报送签名密钥'} okText="更换密钥" danger width={600} onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('keys.init', { passphrase: v.passphrase, rotate: true, oldPassphrase: v.oldPassphrase }, { quiet: true })
        if (!res.ok) {
          // the server names the field: oldPassphrase (cannot open the current key) or passphrase (the new one)
          placeError(form, res.error, 'oldPassphrase')
          return false
        }
        feedback.success(county ? '已更换县级签名密钥：请重新打印密钥告知表发各乡镇' : '已更换报送签名密钥：请重新打印密钥登记表报县民政局登记')
        return true
      }}
    >
      {(form) => (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }}
            title="原密钥签名确认新密钥"
            description={<>{county
              ? '更换后原密钥停用（记录保留），由原密钥对新公钥签名。更换后须重新打印密钥告知表，盖章后连同新公钥文件发各乡镇导入。'
              : '更换后原密钥停用（记录保留），由原密钥对新公钥签名，县民政局据此确认是本乡镇更换了密钥。更换后须重新打印密钥登记表，签字盖章后报县民政局登记。'}{own ? <><br />现用指纹：<span className="mono">{own.fingerprint}</span></> : null}</>} />
          <Form.Item label="原口令" name="oldPassphrase" rules={[{ required: true, message: '请输入现用密钥的口令' }]}>
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Form.Item label="新口令" name="passphrase" rules={newPassphraseRules} extra={<StrengthHint form={form} name="passphrase" />}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="再次输入新口令" name="confirm" dependencies={['passphrase']} rules={[{ required: true, message: '请再次输入新口令' }, confirmRule('passphrase', '两次输入的新口令不一致')]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>新口令同样无法找回；可以与原口令相同，但建议另设。</Typography.Text>
        </>
      )}
    </FormModal>
  )
}

function BackupModal({ open, onClose, county }: { open: boolean; onClose: () => void; county: boolean }) {
  return (
    <FormModal<{ passphrase: string }>
      open={open} name="keyBackup" title={county ? '备份县级签名密钥到U盘' : '备份报送签名密钥到U盘'} okText="生成备份文件" onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('keys.backup', { passphrase: v.passphrase }, { quiet: true })
        if (!res.ok) { placeError(form, res.error, 'passphrase'); return false }
        download(res.value.text, res.value.fileName, 'application/octet-stream')
        feedback.success(`已生成密钥备份“${res.value.fileName}”，请保存到U盘`)
        return true
      }}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        备份文件（.dbkey）中的私钥仍由口令加密保护，没有口令无法使用。请保存到专用U盘，U盘和口令分开保管；重装电脑后在本页“从备份恢复”，即可继续以原指纹{county ? '签名' : '报送'}。
      </Typography.Paragraph>
      <Form.Item label="口令" name="passphrase" rules={[{ required: true, message: '请输入口令' }]} extra="输入现用密钥的口令，确认备份可以打开">
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
    </FormModal>
  )
}

interface CountyValues { files?: UploadFile[]; expectFingerprint?: string }

function CountyModal({ open, onClose, county, countyName }: { open: boolean; onClose: () => void; county: ExchangeKeyView | null; countyName: string }) {
  return (
    <FormModal<CountyValues>
      open={open} name="keyCounty" title={county ? '更换县级公钥' : `导入${countyName}公钥`} okText="导入" width={720} initialValues={{ files: [] }} onClose={onClose}
      onSubmit={async (v, form) => {
        const pem = await chosenText(form, 'files', v.files, '公钥文件')
        if (pem === null) return false
        const res = await mutate('keys.importCounty', { pem, expectFingerprint: v.expectFingerprint?.trim() || null }, { quiet: true })
        if (!res.ok) { placeError(form, res.error, 'files', { rename: { pem: 'files' }, full: ['expectFingerprint'] }); return false }
        feedback.success(`已导入${res.value.county?.ownerName ?? '县民政局'}公钥`)
        return true
      }}
    >
      {county ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={<>导入后原县级公钥停用（记录保留）。原指纹：<span className="mono">{county.fingerprint}</span></>} /> : null}
      <Form.Item label="县民政局的公钥文件" name="files" valuePropName="fileList" required getValueFromEvent={lastFile}
        rules={[fileRule('请选择县民政局的公钥文件（.pem）', 10_000, '公钥文件过大：请确认选择的是县民政局的公钥文件（.pem）')]}
        extra="SM2 公钥（SPKI PEM），以 -----BEGIN PUBLIC KEY----- 开头">
        <Upload accept=".pem,.pub,.txt" maxCount={1} beforeUpload={() => false}>
          <Button icon={<UploadOutlined />}>选择文件（.pem）</Button>
        </Upload>
      </Form.Item>
      <Form.Item label="县民政局提供的指纹（用于核对，可不填）" name="expectFingerprint" rules={[{ max: 100, message: '指纹不能超过100个字符' }]}
        extra="填写后与文件的指纹逐位核对，不一致的不予导入；空格可省略">
        <Input className="mono" style={{ fontSize: 13 }} placeholder="16 组、每组 4 位十六进制数，如 1A2B 3C4D …" autoComplete="off" spellCheck={false} />
      </Form.Item>
    </FormModal>
  )
}

interface RestoreValues { files?: UploadFile[]; passphrase: string }

function RestoreCard({ own, county }: { own: ExchangeKeyView | null; county: boolean }) {
  const [form] = Form.useForm<RestoreValues>()
  const [pending, setPending] = useState(false)
  const submit = async (v: RestoreValues) => {
    setPending(true)
    try {
      const text = await chosenText(form, 'files', v.files, '备份文件')
      if (text === null) return
      const res = await mutate('keys.restore', { text, passphrase: v.passphrase }, { quiet: true })
      if (!res.ok) { placeError(form, res.error, 'files', { rename: { text: 'files' } }); return }
      feedback.success(county ? '已从备份恢复县级签名密钥' : '已从备份恢复报送签名密钥')
      form.resetFields()
    } finally { setPending(false) }
  }
  return (
    <Card size="small" title={<span><CloudUploadOutlined /> 从备份恢复</span>} data-testid="restore-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {county
          ? '重装或更换电脑后，选择U盘上的密钥备份文件（.dbkey）并输入口令，恢复后继续以原指纹签名回复包，各乡镇不需要重新导入。'
          : '重装或更换电脑后，选择U盘上的密钥备份文件（.dbkey）并输入口令，恢复后继续以原指纹报送，不需要重新登记。'}
        {own ? (county ? '本机已有签名密钥：恢复后现用密钥停用，改用备份中的密钥，请确认备份的指纹与告知各乡镇的一致。' : '本机已有签名密钥：恢复后现用密钥停用，改用备份中的密钥，请确认备份的指纹与县民政局登记的一致。') : ''}
      </Typography.Paragraph>
      <Form<RestoreValues> form={form} name="keyRestore" layout="vertical" initialValues={{ files: [] }} onFinish={(v) => void submit(v)}>
        <Row gutter={16} wrap={false} align="top">
          <Col flex="0 1 520px" style={{ minWidth: 0 }}>
            <Form.Item label="备份文件" name="files" valuePropName="fileList" required getValueFromEvent={lastFile} style={{ marginBottom: 0 }}
              rules={[fileRule('请选择密钥备份文件（.dbkey）', 100_000, '备份文件过大：请确认选择的是密钥备份文件（.dbkey）')]}>
              <Upload accept=".dbkey" maxCount={1} beforeUpload={() => false}>
                <Button icon={<UploadOutlined />}>选择文件（.dbkey）</Button>
              </Upload>
            </Form.Item>
          </Col>
          <Col flex="0 0 260px">
            <Form.Item label="口令" name="passphrase" rules={[{ required: true, message: '请输入备份密钥的口令' }]} style={{ marginBottom: 0 }}>
              <Input.Password autoComplete="off" />
            </Form.Item>
          </Col>
          <Col flex="none">
            <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
              <Button htmlType="submit" loading={pending}>恢复密钥</Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  )
}

/** County mode: the townships' public keys in use, one per township. */
function TownshipKeys({ rows }: { rows: ExchangeKeyView[] }) {
  const columns: TableProps<ExchangeKeyView>['columns'] = [
    { title: '乡镇', dataIndex: 'ownerName', key: 'name', width: 130, ellipsis: { showTitle: true } },
    { title: '代码', dataIndex: 'ownerCode', key: 'code', width: 110, render: (v: string) => <span className="mono">{v}</span> },
    { title: '指纹（SM3）', key: 'fp', render: (_: unknown, r) => <Fingerprint fp={r.fingerprint} size={12} /> },
    { title: '登记时间', key: 'at', width: 136, render: (_: unknown, r) => fmtDateTime(r.createdAt) },
    { title: '登记人', dataIndex: 'createdBy', key: 'by', width: 170, ellipsis: { showTitle: true } }
  ]
  return (
    <Table<ExchangeKeyView> size="small" rowKey="id" columns={columns} dataSource={[...rows].sort((a, b) => a.ownerCode.localeCompare(b.ownerCode))}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} locale={{ emptyText: '还没有登记乡镇的报送公钥' }} data-testid="township-keys" />
  )
}

interface RegisterValues { files?: UploadFile[]; townshipCode: string; townshipName: string; expectFingerprint: string }

/** County mode: registers a township's public key (.pem from its USB stick) against the fingerprint on its 密钥登记表. */
function RegisterTownshipCard({ admin, countyCode }: { admin: boolean; countyCode: string }) {
  const [form] = Form.useForm<RegisterValues>()
  const [pending, setPending] = useState(false)
  const submit = async (v: RegisterValues) => {
    setPending(true)
    try {
      const pem = await chosenText(form, 'files', v.files, '公钥文件')
      if (pem === null) return
      const res = await mutate('keys.registerTownship', { pem, townshipCode: v.townshipCode.trim(), townshipName: v.townshipName.trim(), expectFingerprint: v.expectFingerprint.trim() }, { quiet: true })
      if (!res.ok) { placeError(form, res.error, 'files', { rename: { pem: 'files' }, full: ['expectFingerprint', 'townshipCode'] }); return }
      feedback.success(`已登记${v.townshipName.trim()}的报送公钥`)
      form.resetFields()
    } finally { setPending(false) }
  }
  return (
    <Card size="small" title={<span><UsergroupAddOutlined /> 乡镇报送公钥登记</span>} style={{ height: '100%' }} data-testid="register-township-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
        乡镇报送的密钥登记表（签字盖章）和公钥文件（U盘）到齐后登记：填写登记表上的指纹，与文件的指纹逐位核对，不一致的不予登记。乡镇更换密钥的，登记新公钥后原公钥停用。
      </Typography.Paragraph>
      {admin ? (
        <Form<RegisterValues> form={form} name="registerTownship" layout="vertical" initialValues={{ files: [], townshipCode: '', townshipName: '', expectFingerprint: '' }} onFinish={(v) => void submit(v)}>
          <Form.Item label="公钥文件" name="files" valuePropName="fileList" required getValueFromEvent={lastFile} style={{ marginBottom: 8 }}
            rules={[fileRule('请选择乡镇的公钥文件（.pem）', 10_000, '公钥文件过大：请确认选择的是乡镇的报送公钥文件（.pem）')]}>
            <Upload accept=".pem,.pub,.txt" maxCount={1} beforeUpload={() => false}>
              <Button icon={<UploadOutlined />}>选择文件（.pem）</Button>
            </Upload>
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label="乡镇代码" name="townshipCode" style={{ marginBottom: 8 }}
                rules={[
                  { required: true, whitespace: true, message: '请填写乡镇代码' },
                  { pattern: /^\s*\d{9}\s*$/, message: '乡镇代码应为9位数字' },
                  { validator: (_r, v?: string) => (!v || !countyCode || !/^\s*\d{9}\s*$/.test(v) || v.trim().startsWith(countyCode) ? Promise.resolve() : Promise.reject(new Error(`应以本县代码 ${countyCode} 开头`))) }
                ]}>
                <Input inputMode="numeric" maxLength={9} placeholder={`${countyCode || '9位数字'}…`} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="乡镇名称" name="townshipName" style={{ marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: '请填写乡镇名称' }, { max: 40, message: '不能超过40个字' }]}>
                <Input placeholder="如：某某镇" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="登记表上的指纹" name="expectFingerprint" style={{ marginBottom: 8 }}
            rules={[{ required: true, whitespace: true, message: '请照密钥登记表填写指纹' }, { max: 100, message: '指纹不能超过100个字符' }]}
            extra="16 组、每组 4 位十六进制数；空格可省略">
            <Input className="mono" style={{ fontSize: 13 }} placeholder="如 1A2B 3C4D …" autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<UsergroupAddOutlined />} loading={pending}>核对并登记</Button>
        </Form>
      ) : <Typography.Text type="secondary">乡镇报送公钥由管理员登记。</Typography.Text>}
    </Card>
  )
}
