// 公示 batches (domain.md §8): drafts, running and ended notices with their open objections. A new batch lists
// cases at the matching 公示 step (one village for village-level notices); the server snapshots only the
// whitelisted fields of each case.
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons'
import { Alert, Button, Checkbox, Col, Form, Input, Row, Select, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useMemo, useState } from 'react'
import type { TodoItem } from '../../../main/api/types'
import type { Output } from '../../api'
import { feedback } from '../../app/feedback'
import { navigate } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { maxLen, requiredSelect } from '../../components/rules'
import { NOTICE_KIND_OPTIONS, NOTICE_KINDS, stepLabels } from './shared'
import { call } from '../../api'
import { PAPER_IDS } from '../../../main/documents/layout'
import { PrintModal } from '../../app/PrintModal'
import { BatchPrintModal } from './BatchPrintModal'

type Row = Output<'notices.list'>[number]

const PERIOD_TAGS: Record<string, { color: string; label: string }> = {
  draft: { color: 'default', label: '草稿' }, running: { color: 'processing', label: '公示中' }, ended: { color: 'success', label: '已期满' }
}
export function PeriodTag({ state }: { state: string }) {
  const t = PERIOD_TAGS[state] ?? { color: 'default', label: state }
  return <Tag color={t.color}>{t.label}</Tag>
}

const KIND_LABELS = Object.fromEntries(Object.entries(NOTICE_KINDS).map(([k, v]) => [k, stepLabels(v.steps)]))
const PLACE_OPTIONS = ['村务公开栏', '村委会公示栏', '乡镇便民服务中心公示栏', '乡镇政务公开栏'].map((p) => ({ value: p, label: p }))

export function NoticesPage() {
  const session = useSession()
  const writable = canWrite(session.operator)
  const { data, loading, error } = useApi('notices.list', {})
  const [creating, setCreating] = useState(false)
  const [longterm, setLongterm] = useState<{ village: string | null } | null>(null)
  const [batch, setBatch] = useState(false)
  const villages = useApi('villages.list', {}, { reloadOnMutation: false })

  const columns: TableProps<Row>['columns'] = [
    { title: '批次号', dataIndex: 'batchNo', key: 'batchNo', width: 130, render: (v: string) => <span className="mono">{v}</span> },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind', width: 130 },
    { title: '村（社区）', dataIndex: 'villageName', key: 'village', width: 110, render: (v: string | null) => v ?? '全乡镇' },
    { title: '标题', dataIndex: 'title', key: 'title', ellipsis: true },
    { title: '公示期', key: 'period', width: 200, render: (_: unknown, r) => (r.status === 'draft' ? <Typography.Text type="secondary">未张贴</Typography.Text> : `${r.startDate} 至 ${r.endDate}`) },
    { title: '状态', dataIndex: 'periodState', key: 'state', width: 80, render: (s: string) => <PeriodTag state={s} /> },
    { title: '户数', dataIndex: 'lines', key: 'lines', width: 64, align: 'right' },
    { title: '未办结异议', dataIndex: 'openObjections', key: 'open', width: 96, align: 'right', render: (n: number) => (n ? <Tag color="error" style={{ marginInlineEnd: 0 }}>{n} 件</Tag> : <Typography.Text type="secondary">无</Typography.Text>) }
  ]

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={5} style={{ margin: 0, marginRight: 8 }}>公示</Typography.Title>
        <Typography.Text type="secondary">共 {data?.length ?? 0} 批</Typography.Text>
        <div className="grow" />
        {writable ? <Button icon={<PrinterOutlined />} onClick={() => setLongterm({ village: villages.data?.[0]?.code ?? null })}>打印长期公示</Button> : null}
        {writable ? <Button icon={<PrinterOutlined />} onClick={() => setBatch(true)}>批量打印各村长期公示</Button> : null}
        {writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建公示</Button> : null}
      </div>
      <PrintModal title="打印长期公示（现有在保家庭）" open={!!longterm} onClose={() => setLongterm(null)} papers={PAPER_IDS} choiceKey={longterm?.village ?? ''}
        request={({ preview, paper }) => call('print.longterm', { villageCode: longterm?.village ?? null, paper, preview })}
        extra={longterm ? (
          <Select aria-label="村（社区）" value={longterm.village ?? ''} style={{ width: 160, textAlign: 'left' }} onChange={(v) => setLongterm({ village: v || null })}
            options={[{ value: '', label: '全乡镇' }, ...(villages.data ?? []).map((v) => ({ value: v.code, label: v.name }))]} />
        ) : null} />
      <BatchPrintModal open={batch} onClose={() => setBatch(false)} villages={(villages.data ?? []).filter((v) => v.active).map((v) => ({ code: v.code, name: v.name }))} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        公示只列申请人姓名、保障人数、（拟）保障金额和类别，不公开身份证号、收入、病残等信息。张贴后须上传带日期的张贴照片；公示期内收到的异议须调查核实并办结。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
      <Table<Row>
        size="small" rowKey="id" columns={columns} dataSource={data ?? []} loading={loading}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        rowClassName={() => 'clickable-row'}
        onRow={(r) => ({ onClick: () => navigate(`/notices/${r.id}`), onKeyDown: (e) => { if (e.key === 'Enter') navigate(`/notices/${r.id}`) }, tabIndex: 0 })}
        locale={{ emptyText: '还没有公示' }}
      />
      <NewNoticeModal open={creating} onClose={() => setCreating(false)} />
    </div>
  )
}

interface NewNoticeValues { kind: string; villageCode?: string; title?: string; places: string[]; phones?: string }

function NewNoticeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const villages = useApi('villages.list', {}, { reloadOnMutation: false })
  const todo = useApi('cases.todo', open ? {} : null)
  const [kind, setKind] = useState('preliminary')
  const [villageCode, setVillageCode] = useState<string | undefined>()
  const [showAll, setShowAll] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const level = NOTICE_KINDS[kind]?.level ?? 'village'
  const villageName = villages.data?.find((v) => v.code === villageCode)?.name
  const candidates = useMemo(() => (todo.data ?? [])
    .filter((t) => showAll || KIND_LABELS[kind]?.has(t.currentStepLabel))
    .filter((t) => level !== 'village' || !villageName || t.villageName === villageName), [todo.data, kind, showAll, level, villageName])

  const close = () => { setSelected([]); setShowAll(false); setKind('preliminary'); setVillageCode(undefined); onClose() }
  const columns: TableProps<TodoItem>['columns'] = [
    { title: '户主', dataIndex: 'headName', key: 'headName', width: 80 },
    { title: '村', dataIndex: 'villageName', key: 'villageName', width: 80 },
    { title: '案件号', dataIndex: 'caseNo', key: 'caseNo', width: 170, render: (v: string) => <span className="mono">{v}</span> },
    { title: '类型', dataIndex: 'kindLabel', key: 'kindLabel', width: 64 },
    { title: '当前环节', dataIndex: 'currentStepLabel', key: 'step', ellipsis: true }
  ]

  return (
    <FormModal<NewNoticeValues>
      open={open} name="noticeCreate" title="新建公示" okText="新建公示（草稿）" width={860}
      initialValues={{ kind: 'preliminary', places: ['村务公开栏'] }}
      onClose={close}
      onSubmit={async (v, form) => {
        const visible = new Set((level === 'village' && !villageCode ? [] : candidates).map((c) => c.caseId))
        const caseIds = selected.filter((id) => visible.has(id))
        if (!caseIds.length) { feedback.error('请在下方名单中勾选要公示的案件'); return false }
        const res = await mutate('notices.create', {
          kind: v.kind as 'preliminary', villageCode: NOTICE_KINDS[v.kind]?.level === 'village' ? v.villageCode ?? null : null, title: v.title?.trim() || null,
          caseIds, places: (v.places ?? []).map((p) => p.trim()).filter(Boolean), phones: v.phones?.trim() || null
        }, { form, success: '已新建公示草稿，核对名单后请登记张贴' })
        if (res.ok) { setSelected([]); navigate(`/notices/${res.value.id}`) }
        return res.ok
      }}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="公示类型" name="kind" rules={[requiredSelect('请选择公示类型')]}>
            <Select options={NOTICE_KIND_OPTIONS} onChange={(k: string) => { setKind(k); setSelected([]) }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          {level === 'village' ? (
            <Form.Item label="村（社区）" name="villageCode" rules={[requiredSelect('请选择村（社区）')]}>
              <Select placeholder="请选择" options={(villages.data ?? []).map((x) => ({ value: x.code, label: x.name }))} onChange={(c: string) => { setVillageCode(c); setSelected([]) }} />
            </Form.Item>
          ) : <Form.Item label="范围"><Input disabled value="全乡镇（县级公示）" /></Form.Item>}
        </Col>
        <Col span={8}>
          <Form.Item label="标题" name="title" rules={[maxLen('标题', 80)]}>
            <Input placeholder="留空则自动生成" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="张贴地点" name="places" required rules={[{ validator: (_r, v?: string[]) => (v && v.some((p) => p.trim()) ? Promise.resolve() : Promise.reject(new Error('请填写张贴地点（如村务公开栏）'))) }]}
            extra="可选择或直接输入后按回车，最多10处">
            <Select mode="tags" options={PLACE_OPTIONS} maxCount={10} placeholder="如：村务公开栏" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="监督电话" name="phones" rules={[maxLen('监督电话', 200)]} extra="留空则自动填写乡镇电话和“民政服务热线 12349”">
            <Input placeholder="如：××镇民政办 0373-1234567；民政服务热线 12349" />
          </Form.Item>
        </Col>
      </Row>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 6 }}>
        <Typography.Text strong>公示案件</Typography.Text>
        <Typography.Text type="secondary">已选 {selected.length} 件</Typography.Text>
        <div style={{ flex: 1 }} />
        <Checkbox checked={showAll} onChange={(e) => setShowAll(e.target.checked)}>显示全部在办案件（是否可以列入由系统核对）</Checkbox>
      </div>
      <Table<TodoItem>
        size="small" rowKey="caseId" columns={columns} dataSource={level === 'village' && !villageCode ? [] : candidates} loading={todo.loading}
        pagination={false} scroll={{ y: 220 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: level === 'village' && !villageCode ? '请先选择村（社区）' : `没有处于“${NOTICE_KINDS[kind]?.label ?? ''}”环节的在办案件` }}
        style={{ marginBottom: 8 }}
      />
    </FormModal>
  )
}
