// 一户一档: the household file. Header with the key facts and the two household-level actions
// (编辑基本信息, 注销档案); tabs for members, incomes, assets, obligors, documents and the change log.
// Every write sends the loaded `version`; the page reloads after each write (useApi listens for it).
import { ArrowLeftOutlined, DownOutlined, EditOutlined, PauseCircleOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Collapse, DatePicker, Descriptions, Dropdown, Form, Input, Radio, Result, Row, Select, Space, Spin, Tabs, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import type { HouseholdFile } from '../../../main/api/types'
import { codeName, POVERTY_CAUSES, SUSPEND_REASONS, type SuspendReason } from '../../../main/domain/codes'
import { categoryName, fmtDateTime, isOpenStatus, StatusTag, yesNo } from '../../app/format'
import { navigate } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal, ReasonField } from '../../components/FormModal'
import { HouseholdFields, householdFromForm, householdToForm, type HouseholdFormValues } from '../../components/HouseholdFields'
import { requiredSelect } from '../../components/rules'
import { AttachmentsTab } from './file/AttachmentsTab'
import { FileContext, type FileCtx } from './file/context'
import { MembersTab } from './file/MembersTab'
import { AssetsTab, IncomesTab, ObligorsTab } from './file/RecordsTabs'
import { PrintHistoryTab } from './file/PrintHistoryTab'
import { PrintModal } from '../../app/PrintModal'
import { call } from '../../api'
import { CasesTab } from './file/CasesTab'
import { TimelineTab } from './file/TimelineTab'

const TABS = ['members', 'incomes', 'assets', 'obligors', 'attachments', 'cases', 'timeline']
/** `#/households/<id>?tab=cases` opens a tab directly (待办案件 → 案件办理). */
function tabFromHash(): string | null {
  const t = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('tab')
  return t && TABS.includes(t) ? t : null
}

export function FilePage({ id }: { id: string }) {
  const session = useSession()
  const { data, error, loading, reload } = useApi('households.get', { id })
  const [tab, setTab] = useState(() => tabFromHash() ?? 'members')
  useEffect(() => {
    const onHash = () => { const t = tabFromHash(); if (t) setTab(t) }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const file = data && data.household.id === id ? data : undefined
  const ctx = useMemo<FileCtx | null>(() => (file ? buildCtx(file, id, canWrite(session.operator) && isOpenStatus(file.household.status)) : null), [file, id, session.operator])

  if (error && !file) {
    return (
      <div className="page">
        <Result status={error.code === 'NOT_FOUND' ? '404' : 'error'} title="无法打开家庭档案" subTitle={error.message}
          extra={<Space><Button onClick={() => navigate('/households')}>返回列表</Button><Button type="primary" onClick={reload}>重新加载</Button></Space>} />
      </div>
    )
  }
  if (!file || !ctx) return <div className="page" style={{ textAlign: 'center', paddingTop: 80 }}><Spin size="large" /></div>

  return (
    <FileContext.Provider value={ctx}>
      <div className="page" data-testid="household-file">
        <FileHeader file={file} writable={ctx.writable} loading={loading} />
        <Card size="small" styles={{ body: { paddingTop: 0 } }}>
          <Tabs
            activeKey={tab}
            onChange={(k) => {
              setTab(k)
              // keep the tab in the address (reload, back) without a route change
              window.history.replaceState(null, '', `#/households/${encodeURIComponent(id)}?tab=${k}`)
            }}
            destroyOnHidden
            items={[
              { key: 'members', label: '家庭成员', children: <MembersTab /> },
              { key: 'incomes', label: '收入', children: <IncomesTab /> },
              { key: 'assets', label: '财产', children: <AssetsTab /> },
              { key: 'obligors', label: '赡养义务人', children: <ObligorsTab /> },
              { key: 'attachments', label: '材料', children: <AttachmentsTab /> },
              { key: 'cases', label: '案件办理', children: <CasesTab /> },
              { key: 'timeline', label: '变更记录', children: <TimelineTab /> },
              { key: 'printed', label: '打印记录', children: <PrintHistoryTab /> }
            ]}
          />
        </Card>
      </div>
    </FileContext.Provider>
  )
}

function buildCtx(file: HouseholdFile, id: string, writable: boolean): FileCtx {
  const all = [...file.members, ...file.formerMembers]
  const names = new Map(all.map((m) => [m.id, m.name]))
  return {
    file, id, writable, version: file.household.version, allMembers: all,
    memberName: (mid) => (mid ? names.get(mid) ?? '' : ''),
    memberOptions: file.members.map((m) => ({ value: m.id, label: `${m.name}（${m.relationName}，${m.idNumber.slice(-6)}）` }))
  }
}

function FileHeader({ file, writable, loading }: { file: HouseholdFile; writable: boolean; loading: boolean }) {
  const h = file.household
  const [editing, setEditing] = useState(false)
  const [closing, setClosing] = useState(false)
  const [suspending, setSuspending] = useState(false)
  const [printing, setPrinting] = useState<'pledge' | 'archive' | null>(null)
  const session = useSession()
  const reviewer = session.operator?.role === 'reviewer' || session.operator?.role === 'townshipApprover'
  const villages = useApi('villages.list', { includeInactive: true }, { reloadOnMutation: false })
  const closed = !isOpenStatus(h.status)

  return (
    <Card size="small" className="section-card" data-testid="household-header">
      <div className="page-toolbar" style={{ marginBottom: 4 }}>
        <Button size="small" icon={<ArrowLeftOutlined />} onClick={() => navigate('/households')}>返回列表</Button>
        <Typography.Title level={5} style={{ margin: 0 }}>
          户主 <span data-testid="head-name">{h.headName}</span>
        </Typography.Title>
        <StatusTag status={h.status} />
        {h.legacyImport ? <Tag color="orange">历史档案 · 待复核</Tag> : null}
        {loading ? <Spin size="small" /> : null}
        <div className="grow" />
        {writable ? (
          <Space>
            <Dropdown menu={{ items: [{ key: 'pledge', label: '承诺书和授权书（按户预填）' }, { key: 'archive', label: '一户一档档案（全部材料）' }], onClick: ({ key }) => setPrinting(key as 'pledge' | 'archive') }}>
              <Button icon={<PrinterOutlined />}>打印 <DownOutlined /></Button>
            </Dropdown>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑基本信息</Button>
            {reviewer && h.status === 'active' && h.benefitFen !== null ? <Button icon={<PauseCircleOutlined />} onClick={() => setSuspending(true)}>暂停发放</Button> : null}
            <Button danger icon={<StopOutlined />} onClick={() => setClosing(true)}>注销档案</Button>
          </Space>
        ) : null}
      </div>
      <PrintModal open={!!printing} onClose={() => setPrinting(null)} title={printing === 'archive' ? `打印一户一档档案：${h.fileNo}（户主 ${h.headName}）` : `打印承诺书和授权书：${h.fileNo}（户主 ${h.headName}）`}
        request={({ preview }) => call('print.document', { kind: printing ?? 'pledge', householdId: h.id, preview })} />
      <Space size={[16, 0]} wrap>
        <span>档案号 <Typography.Text className="mono" copyable data-testid="file-no">{h.fileNo}</Typography.Text></span>
        <span>村（社区） <b>{h.villageName}{h.groupName ? ' ' + h.groupName : ''}</b></span>
        <span>类别 <b>{categoryName(h.category)}</b></span>
        <span>人数 <b data-testid="member-count">{h.memberCount}</b> 人（保障对象 {file.totals.beneficiaries} 人）</span>
        <span>现住址 {h.address}</span>
      </Space>
      {closed ? (
        <Alert style={{ marginTop: 8 }} type="warning" showIcon title={`本档案已${h.status === 'stopped' ? '停保' : '归档'}${h.statusReason ? `（原因：${h.statusReason}）` : ''}，只能查看，不能修改。`} />
      ) : null}
      <Collapse
        size="small" ghost style={{ marginTop: 4 }}
        items={[{
          key: 'more', label: '更多基本信息',
          children: (
            <Descriptions size="small" column={{ xs: 2, lg: 4 }} items={[
              { key: 'hukou', label: '户籍地址', children: h.hukouAddress || '同现住址' },
              { key: 'hukouNo', label: '户口簿户号', children: h.hukouNo || '未登记' },
              { key: 'phone', label: '联系电话', children: h.phone || '' },
              { key: 'cause', label: '致贫原因', children: codeName(POVERTY_CAUSES, h.povertyCause) || h.povertyCause || '' },
              { key: 'housing', label: '住房', children: [h.housingType, h.housingArea !== null ? `${h.housingArea}㎡` : ''].filter(Boolean).join('，') },
              { key: 'poor', label: '建档立卡户', children: yesNo(h.registeredPoor) },
              { key: 'relative', label: '近亲属备案', children: yesNo(h.relativeFiling) },
              { key: 'bank', label: '开户银行', children: h.bankName || '' },
              { key: 'payee', label: '开户人', children: h.payeeName || '' },
              { key: 'account', label: '银行账号', children: <span className="mono">{h.bankAccount || ''}</span> },
              { key: 'applicant', label: '申请人', children: file.members.find((m) => m.id === h.applicantMemberId)?.name ?? '' },
              { key: 'status', label: '状态变更', children: `${fmtDateTime(h.statusChangedAt)}${h.statusReason ? ' ' + h.statusReason : ''}` },
              { key: 'time', label: '建档/更新', children: `${fmtDateTime(h.createdAt)} / ${fmtDateTime(h.updatedAt)}` },
              { key: 'note', label: '备注', span: 4, children: h.note || '' }
            ]} />
          )
        }]}
      />

      <FormModal<HouseholdFormValues & { applicantMemberId?: string | null }>
        open={editing}
        name="householdEdit"
        width={1000}
        title={`编辑基本信息：档案号 ${h.fileNo}`}
        okText="保存修改"
        initialValues={{ ...householdToForm(h), applicantMemberId: h.applicantMemberId }}
        onClose={() => setEditing(false)}
        onSubmit={async (v, form) => {
          const res = await mutate('households.update', { ...householdFromForm(v), id: h.id, version: h.version, applicantMemberId: v.applicantMemberId ?? null }, { form, success: '基本信息已保存' })
          return res.ok
        }}
      >
        <HouseholdFields villages={villages.data ?? []} currentVillage={{ code: h.villageCode, name: h.villageName }} />
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="申请人" name="applicantMemberId">
              <Select options={file.members.filter((m) => m.coResident).map((m) => ({ value: m.id, label: `${m.name}（${m.relationName}）` }))} placeholder="请选择" />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>

      <FormModal<{ reason: SuspendReason; note: string; date: Dayjs }>
        open={suspending}
        name="benefitSuspend"
        title={`暂停发放：${h.fileNo}（户主 ${h.headName}）`}
        okText="签字暂停"
        initialValues={{ date: dayjs() }}
        onClose={() => setSuspending(false)}
        onSubmit={async (v, form) => {
          const res = await mutate('benefits.suspend', { householdId: h.id, version: h.version, reason: v.reason, note: v.note, date: v.date.format('YYYY-MM-DD') }, { form, success: '已暂停发放' })
          return res.ok
        }}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="暂停期间保留档案和保障金额；核实后通过“恢复”案件恢复发放，不再符合条件的办理停保。" />
        <Form.Item label="暂停原因" name="reason" rules={[requiredSelect('请选择暂停发放的原因')]}>
          <Radio.Group options={SUSPEND_REASONS.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item label="暂停日期" name="date" rules={[{ required: true, message: '请选择暂停日期' }]}>
          <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="具体情况" name="note" rules={[{ required: true, whitespace: true, message: '请写明具体情况（如退回日期、联系经过）' }, { max: 500, message: '不超过500字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：2026年11月低保金被银行退回，原账户已销户；电话联系两次未接通" />
        </Form.Item>
      </FormModal>

      <FormModal<{ status: 'stopped' | 'archived'; reason: string }>
        open={closing}
        name="householdDeactivate"
        danger
        title={`注销档案：${h.fileNo}（户主 ${h.headName}）`}
        okText="确定注销"
        onClose={() => setClosing(false)}
        onSubmit={async (v, form) => {
          const res = await mutate('households.deactivate', { id: h.id, version: h.version, status: v.status, reason: v.reason }, { form, success: v.status === 'stopped' ? '档案已停保' : '档案已归档' })
          return res.ok
        }}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="注销后本档案不能再修改，成员可以登记到其他档案。" />
        <Form.Item label="注销方式" name="status" rules={[requiredSelect('请选择停保或归档')]}>
          <Radio.Group options={[{ value: 'stopped', label: '停保' }, { value: 'archived', label: '归档' }]} />
        </Form.Item>
        <ReasonField label="注销原因" placeholder="如：家庭收入超过标准、户主死亡且无其他成员、迁出本乡镇" autoFocus={false} />
      </FormModal>
    </Card>
  )
}
