// 干部承诺书 (domain.md §9): the register of who must sign the cadre/staff pledge — 村（社区）两委成员, 乡镇领导和
// 工作人员, 县级民政工作人员 — with its state: printed (numbered, registered), signed and returned (date and the scan
// of the signed paper), or left the post (the record stays). Printing goes through the shared PrintModal.
import { FileOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd'
import type { FormInstance, TableProps, UploadFile } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import type { CadrePledgeView, VillageView } from '../../../main/api/types'
import { CADRE_LEVELS, type CadreLevel } from '../../../main/domain/codes'
import { call } from '../../api'
import { MAX_UPLOAD_BYTES, readBase64 } from '../../app/files'
import { fmtDateTime } from '../../app/format'
import { PrintModal } from '../../app/PrintModal'
import { canWrite, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal, ReasonField } from '../../components/FormModal'
import { maxLen, required, requiredSelect } from '../../components/rules'
import { StoredFileModal } from '../notices/shared'

type Status = CadrePledgeView['status']
const STATUS: Record<Status, { label: string; color: string }> = {
  unsigned: { label: '未签回', color: 'orange' },
  signed: { label: '已签署', color: 'green' },
  left: { label: '已离岗', color: 'default' }
}
const STATUS_OPTIONS = (Object.keys(STATUS) as Status[]).map((s) => ({ value: s, label: STATUS[s].label }))
const LEVEL_OPTIONS = CADRE_LEVELS.map((l) => ({ value: l.code as CadreLevel, label: l.name }))

/** Common posts by category (the clerk may type any other). */
const POSTS: Record<CadreLevel, string[]> = {
  village: ['村党支部书记', '村委会主任', '村党支部副书记', '村委会副主任', '村委会委员', '村务监督委员会主任', '村务监督委员会委员', '社区党组织书记', '社区居委会主任', '社区居委会委员'],
  township: ['乡镇党委书记', '乡镇长', '分管民政副乡镇长', '民政办主任', '民政经办人员', '社会救助协理员', '包村干部'],
  county: ['县民政局局长', '县民政局分管副局长', '社会救助股股长', '社会救助股工作人员', '核对中心工作人员']
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'
const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day')
const villageUnit = (v: VillageView) => `${v.name}${v.kind === 'community' ? '居民委员会' : '村民委员会'}`

interface AddValues { name: string; post: string; unit: string; level: CadreLevel; villageCode?: string }
interface SignedValues { signedDate: Dayjs; files?: UploadFile[] }
interface LeftValues { date: Dayjs; reason: string }

export function PledgesPage() {
  const session = useSession()
  const writable = canWrite(session.operator)
  const { data, loading, error } = useApi('pledges.list', {})
  const villages = useApi('villages.list', {})
  const [level, setLevel] = useState<CadreLevel | undefined>()
  const [status, setStatus] = useState<Status | undefined>()
  const [adding, setAdding] = useState(false)
  const [printing, setPrinting] = useState<CadrePledgeView | null>(null)
  const [signing, setSigning] = useState<CadrePledgeView | null>(null)
  const [leaving, setLeaving] = useState<CadrePledgeView | null>(null)
  const [viewing, setViewing] = useState<CadrePledgeView['scan']>(null)

  const villageName = useMemo(() => new Map((villages.data ?? []).map((v) => [v.code, v.name])), [villages.data])
  const rows = useMemo(() => (data ?? []).filter((r) => (!level || r.level === level) && (!status || r.status === status)), [data, level, status])
  const count = (s: Status) => rows.filter((r) => r.status === s).length
  const left = count('left')

  const columns: TableProps<CadrePledgeView>['columns'] = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 82 },
    { title: '职务', dataIndex: 'post', key: 'post', width: 120, ellipsis: { showTitle: true } },
    { title: '单位', dataIndex: 'unit', key: 'unit', ellipsis: { showTitle: true } },
    {
      title: '类别', key: 'level', width: 140,
      render: (_: unknown, r) => <span>{r.levelLabel}{r.villageCode && villageName.get(r.villageCode) ? <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{villageName.get(r.villageCode)}</Typography.Text> : null}</span>
    },
    {
      title: '状态', key: 'status', width: 76,
      render: (_: unknown, r) => {
        const tag = <Tag color={STATUS[r.status].color} style={{ marginInlineEnd: 0 }}>{r.statusLabel || STATUS[r.status].label}</Tag>
        return r.status === 'left' ? <Tooltip title={`${r.leftDate ?? ''} 离岗：${r.leftReason ?? ''}`}>{tag}</Tooltip> : tag
      }
    },
    {
      title: '签署日期', key: 'signedDate', width: 96,
      render: (_: unknown, r) => (r.signedDate ?? <Typography.Text type="secondary">—</Typography.Text>)
    },
    {
      title: '最近打印', key: 'printed', width: 184,
      render: (_: unknown, r) => (r.lastPrinted
        ? <div style={{ lineHeight: '18px' }}><div className="mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{r.lastPrinted.docNo}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtDateTime(r.lastPrinted.at)}</Typography.Text></div>
        : <Typography.Text type="secondary">未打印</Typography.Text>)
    },
    {
      title: '扫描件', key: 'scan', width: 132, ellipsis: true,
      render: (_: unknown, r) => (r.scan
        ? <Tooltip title={`查看扫描件：${r.scan.name}`}><Typography.Link onClick={() => setViewing(r.scan)} style={{ whiteSpace: 'nowrap' }}><FileOutlined /> {r.scan.name || '扫描件'}</Typography.Link></Tooltip>
        : <Typography.Text type="secondary">—</Typography.Text>)
    },
    ...(writable ? [{
      title: '操作', key: 'actions', width: 180,
      render: (_: unknown, r: CadrePledgeView) => (r.status === 'left' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.leftDate} 离岗，记录保留</Typography.Text> : (
        <Space size={0} style={{ whiteSpace: 'nowrap' }}>
          <Button type="link" size="small" onClick={() => setPrinting(r)}>打印承诺书</Button>
          <Button type="link" size="small" onClick={() => setSigning(r)}>{r.status === 'signed' ? '重新签回' : '登记签回'}</Button>
          <Button type="link" size="small" danger onClick={() => setLeaving(r)}>离岗</Button>
        </Space>
      ))
    }] : [])
  ]

  return (
    <div className="page">
      <Card size="small" title="干部承诺书" extra={writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记人员</Button> : null}>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {'村（社区）两委成员、乡镇领导和工作人员、县级民政工作人员须签订最低生活保障工作承诺书：在此登记人员，打印承诺书由本人签字；'
            + '签回的纸质承诺书扫描后登记签署日期并上传扫描件，原件交乡镇和县级民政部门存档。人员离岗的，登记离岗日期和原因，其承诺书记录保留、可追溯。'}
        </Typography.Paragraph>
        <div className="page-toolbar">
          <Select<CadreLevel> aria-label="类别" allowClear placeholder="全部类别" style={{ width: 200 }} options={LEVEL_OPTIONS} value={level} onChange={setLevel} />
          <Select<Status> aria-label="状态" allowClear placeholder="全部状态" style={{ width: 140 }} options={STATUS_OPTIONS} value={status} onChange={setStatus} />
          <div className="grow" />
          <Typography.Text data-testid="pledge-summary">
            共 {rows.length} 人，已签署 {count('signed')} 人，未签回 <Typography.Text type={count('unsigned') ? 'warning' : undefined}>{count('unsigned')}</Typography.Text> 人{left ? `，已离岗 ${left} 人` : ''}
          </Typography.Text>
        </div>
        <Table<CadrePledgeView>
          size="small" rowKey="id" columns={columns} dataSource={rows} loading={loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: data?.length ? '没有符合条件的人员' : '还没有登记须签承诺书的人员' }}
        />
      </Card>

      {writable ? (
        <>
          <AddModal open={adding} onClose={() => setAdding(false)} villages={(villages.data ?? []).filter((v) => v.active)} />
          <PrintModal
            open={!!printing} onClose={() => setPrinting(null)}
            title={printing ? `打印干部承诺书：${printing.unit}${printing.post} ${printing.name}` : ''}
            request={({ preview }) => call('print.document', { kind: 'cadrePledge', id: printing!.id, preview })}
          />
          <SignedModal row={signing} onClose={() => setSigning(null)} />
          <FormModal<LeftValues>
            open={!!leaving} name="pledgeLeft" danger okText="登记离岗" initialValues={{ date: dayjs() }}
            title={leaving ? `登记离岗：${leaving.unit}${leaving.post} ${leaving.name}` : ''}
            onClose={() => setLeaving(null)}
            onSubmit={async (v, form) => {
              if (!leaving) return true
              const res = await mutate('pledges.left', { id: leaving.id, version: leaving.version, date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() },
                { form, success: `已登记${leaving.name}离岗（承诺书记录保留）` })
              return res.ok
            }}
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>离岗后不再打印此人的承诺书；已签署的承诺书和扫描件保留在登记簿中。</Typography.Paragraph>
            <Form.Item label="离岗日期" name="date" rules={[{ required: true, message: '请选择离岗日期' }]}>
              <DatePicker style={{ width: 200 }} disabledDate={noFuture} />
            </Form.Item>
            <ReasonField label="离岗原因" placeholder="如：村两委换届离任、调离本乡镇、退休" />
          </FormModal>
        </>
      ) : null}
      <StoredFileModal file={viewing ? { sm3: viewing.sm3, originalName: viewing.name, mime: viewing.mime } : null} onClose={() => setViewing(null)} />
    </div>
  )
}

function AddModal({ open, onClose, villages }: { open: boolean; onClose: () => void; villages: VillageView[] }) {
  return (
    <FormModal<AddValues>
      open={open} name="pledgeAdd" title="登记须签承诺书的人员" okText="登记" width={640} onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('pledges.add', {
          name: v.name.trim(), post: v.post.trim(), unit: v.unit.trim(), level: v.level, villageCode: v.level === 'village' ? v.villageCode ?? null : null
        }, { form, success: `已登记：${v.unit.trim()}${v.post.trim()} ${v.name.trim()}` })
        return res.ok
      }}
    >
      {(form) => <AddFields form={form} villages={villages} />}
    </FormModal>
  )
}

function AddFields({ form, villages }: { form: FormInstance<AddValues>; villages: VillageView[] }) {
  const session = useSession()
  const level = Form.useWatch('level', form) as CadreLevel | undefined
  const t = session.township
  const townUnit = t ? `${t.name}人民政府` : ''
  const countyUnit = t ? `${t.countyName}民政局` : ''
  const unitOptions = useMemo(() => {
    const v = villages.map((x) => villageUnit(x))
    const list = level === 'village' ? v : level === 'township' ? [townUnit] : level === 'county' ? [countyUnit] : [townUnit, ...v, countyUnit]
    return list.filter(Boolean).map((value) => ({ value }))
  }, [villages, level, townUnit, countyUnit])
  const postOptions = (level ? POSTS[level] : [...POSTS.village, ...POSTS.township, ...POSTS.county]).map((value) => ({ value }))
  const autoUnits = new Set([townUnit, countyUnit, ...villages.map(villageUnit)])
  const unit = Form.useWatch('unit', form) as string | undefined
  /** fills the unit when it is empty or still one the page filled in */
  const setUnit = (u: string) => { if (u && (!unit || autoUnits.has(unit))) form.setFieldValue('unit', u) }
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item label="人员类别" name="level" rules={[requiredSelect('请选择人员类别')]}>
          <Select<CadreLevel> options={LEVEL_OPTIONS} placeholder="请选择"
            onChange={(l) => { if (l === 'township') setUnit(townUnit); else if (l === 'county') setUnit(countyUnit); else form.setFieldValue('villageCode', undefined) }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        {level === 'village' ? (
          <Form.Item label="村（社区）" name="villageCode" rules={[requiredSelect('请选择村（社区）')]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder="请选择" options={villages.map((v) => ({ value: v.code, label: v.name }))}
              onChange={(code: string) => { const v = villages.find((x) => x.code === code); if (v) setUnit(villageUnit(v)) }} />
          </Form.Item>
        ) : null}
      </Col>
      <Col span={8}><Form.Item label="姓名" name="name" rules={[required('请填写姓名'), maxLen('姓名', 20)]}><Input autoComplete="off" /></Form.Item></Col>
      <Col span={16}>
        <Form.Item label="职务" name="post" rules={[required('请填写职务'), maxLen('职务', 30)]}>
          <AutoComplete options={postOptions} placeholder="如：村委会主任、民政经办人员" filterOption />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="单位" name="unit" rules={[required('请填写单位'), maxLen('单位', 40)]} extra="打印在承诺书上：“本人××，（单位）（职务）……”">
          <AutoComplete options={unitOptions} placeholder="如：王庄村村民委员会、小冀镇人民政府" filterOption />
        </Form.Item>
      </Col>
    </Row>
  )
}

function SignedModal({ row, onClose }: { row: CadrePledgeView | null; onClose: () => void }) {
  return (
    <FormModal<SignedValues>
      open={!!row} name="pledgeSigned" okText="登记签回" width={600} initialValues={{ signedDate: dayjs(), files: [] }}
      title={row ? `登记签回：${row.unit}${row.post} ${row.name}` : ''}
      onClose={onClose}
      onSubmit={async (v, form) => {
        if (!row) return true
        const raw = v.files?.[0]?.originFileObj as File | undefined
        if (!raw) return false
        let dataBase64: string
        try { dataBase64 = await readBase64(raw) } catch { form.setFields([{ name: 'files', errors: [`读取文件“${raw.name}”失败，请重新选择`] }]); return false }
        const res = await mutate('pledges.signed', { id: row.id, version: row.version, signedDate: v.signedDate.format('YYYY-MM-DD'), originalName: raw.name, dataBase64 },
          { form, rename: { dataBase64: 'files', originalName: 'files' }, success: `已登记${row.name}的承诺书签回` })
        return res.ok
      }}
    >
      {row?.status === 'signed' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已于 ${row.signedDate ?? ''} 登记签署；再次登记将以新的签署日期和扫描件为准（原扫描件仍保存在数据目录，操作记入日志）。`} /> : null}
      <Form.Item label="签署日期" name="signedDate" rules={[{ required: true, message: '请选择签署日期' }]} extra="承诺书上本人签字的日期，不能晚于今天">
        <DatePicker style={{ width: 200 }} disabledDate={noFuture} />
      </Form.Item>
      <Form.Item
        label="签字后的扫描件" name="files" valuePropName="fileList" required
        getValueFromEvent={(e: { fileList: UploadFile[] }) => (e?.fileList ?? []).slice(-1)}
        rules={[{
          validator: (_r, list?: UploadFile[]) => {
            const f = list?.[0]?.originFileObj as File | undefined
            if (!f) return Promise.reject(new Error('请上传签字后的承诺书扫描件'))
            if (f.size > MAX_UPLOAD_BYTES) return Promise.reject(new Error(`文件“${f.name}”超过28MB，请降低扫描分辨率（建议200dpi）后重新扫描`))
            if (f.size === 0) return Promise.reject(new Error(`文件“${f.name}”是空文件，请重新选择`))
            return Promise.resolve()
          }
        }]}
      >
        <Upload accept={ACCEPT} maxCount={1} beforeUpload={() => false}>
          <Button icon={<UploadOutlined />}>选择文件（PDF、JPG、PNG）</Button>
        </Upload>
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>单个文件不超过28MB；文件只保存在本机数据目录中。</Typography.Text>
    </FormModal>
  )
}
