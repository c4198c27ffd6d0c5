// One 民主评议 meeting (domain.md §7): the minutes as a draft the clerk edits (meeting fields, attendance with
// signatures, briefing and minutes), the cases reviewed with presentation, votes, opinion, conclusion and
// recusals, the scanned sign-in sheet, and 签署 — after which the record is read-only for good.
import { PrinterOutlined, ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, DeleteOutlined, FileOutlined, PlusOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd'
import type { FormInstance, TableProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState, type ReactNode } from 'react'
import type { MeetingAttendee, MeetingCaseView, MeetingView } from '../../../main/api/types'
import { fmtDateTime } from '../../app/format'
import { feedback } from '../../app/feedback'
import { Link } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { maxLen, required, requiredSelect } from '../../components/rules'
import { ATTENDEE_KIND_OPTIONS, ATTENDEE_KINDS, MAX_UPLOAD_BYTES, noFuture, OBSERVER_KINDS, readBase64, REPRESENTATIVE_KINDS, REVIEW_STEPS, StoredFileModal, stepLabels, ymd } from '../notices/shared'
import { MeetingStatusTag } from './MeetingsPage'
import { PrintModal } from '../../app/PrintModal'
import { call } from '../../api'

const REVIEW_LABELS = stepLabels(REVIEW_STEPS)
const RESULT_OPTIONS = [{ value: 'pass', label: '通过' }, { value: 'fail', label: '不通过' }, { value: 'reinvestigate', label: '重新调查' }]
const RESULT_COLORS: Record<string, string> = { pass: 'success', fail: 'error', reinvestigate: 'warning' }
const SIGNIN_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'

interface MeetingForm {
  date: Dayjs; place: string; chair: string; recorder: string; dueCount: number | null
  attendees: Array<{ name: string; kind: string; signed: boolean }>; briefing: string; minutes: string
}
const toForm = (m: MeetingView): MeetingForm => ({
  date: dayjs(m.date), place: m.place, chair: m.chair, recorder: m.recorder, dueCount: m.dueCount,
  attendees: m.attendees.map((a) => ({ name: a.name, kind: a.kind, signed: a.signed })), briefing: m.briefing ?? '', minutes: m.minutes ?? ''
})
const voters = (list: Array<{ kind: string }>) => list.filter((a) => !OBSERVER_KINDS.has(a.kind)).length

export function MeetingPage({ id }: { id: string }) {
  const session = useSession()
  const q = useApi('meetings.get', { id })
  const m = q.data
  const editable = !!m && m.status === 'draft' && canWrite(session.operator)
  const head = (
    <>
      <Link to="/meetings"><ArrowLeftOutlined /> 民主评议</Link>
      {m ? (
        <>
          <Typography.Title level={5} style={{ margin: '0 0 0 8px' }}>{m.villageName}最低生活保障民主评议会议记录</Typography.Title>
          <span className="mono" style={{ color: 'rgba(0,0,0,0.55)' }}>{m.meetingNo}</span>
          <MeetingStatusTag status={m.status} />
        </>
      ) : null}
    </>
  )
  const [printing, setPrinting] = useState(false)
  // the draft prints too: the sheet the participants sign at the meeting (marked 草稿 on every page)
  const printButton = m && m.cases.length && canWrite(session.operator) ? <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>{m.status === 'draft' ? '打印会议记录（签字稿）' : '打印会议记录'}</Button> : null
  return (
    <div className="page">
      {m && editable ? null : <div className="page-toolbar">{head}<div className="grow" />{printButton}</div>}
      {m ? <PrintModal open={printing} onClose={() => setPrinting(false)} title={`打印民主评议会议记录：${m.villageName}（${m.meetingNo}）`} request={({ preview }) => call('print.document', { kind: 'minutes', meetingId: m.id, preview })} /> : null}
      {q.error ? <Alert type="error" showIcon title={q.error.message} /> : null}
      {!m && q.loading ? <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div> : null}
      {m ? (editable ? <DraftMeeting key={m.id} m={m} head={<>{head}{printButton}</>} /> : <ReadMeeting m={m} />) : null}
    </div>
  )
}

/** The server's composition check for the saved attendance. */
function CompositionAlert({ m, pending }: { m: MeetingView; pending?: boolean }) {
  return (
    <Alert
      data-testid="composition"
      type={m.composition.ok ? 'success' : 'warning'} showIcon
      title={`组成核对：${m.composition.message}`}
      description={pending ? '名单已修改：以上为已保存名单的核对结果，保存会议记录后重新核对。' : undefined}
    />
  )
}

function DraftMeeting({ m, head }: { m: MeetingView; head: ReactNode }) {
  const [form] = Form.useForm<MeetingForm>()
  const [initial] = useState(() => toForm(m))
  const [dirty, setDirty] = useState(false)
  const [saving, setSaving] = useState(false)
  const watched = Form.useWatch('attendees', form) as MeetingForm['attendees'] | undefined
  const list = (watched ?? initial.attendees).filter(Boolean)
  const counted = list.filter((a) => !OBSERVER_KINDS.has(a.kind))
  const reps = counted.filter((a) => REPRESENTATIVE_KINDS.has(a.kind)).length
  const required2 = Math.ceil(counted.length * m.composition.share - 1e-9)

  const save = async (): Promise<MeetingView | null> => {
    let v: MeetingForm
    try { v = await form.validateFields() } catch { feedback.error('请先更正标红的内容'); return null }
    setSaving(true)
    try {
      const res = await mutate('meetings.update', {
        id: m.id, version: m.version, villageCode: m.villageCode, date: ymd(v.date), place: v.place.trim(), chair: v.chair.trim(), recorder: v.recorder.trim(),
        dueCount: v.dueCount ?? null, attendees: (v.attendees ?? []).map((a) => ({ name: (a.name ?? '').trim(), kind: a.kind, signed: !!a.signed })),
        briefing: v.briefing?.trim() || null, minutes: v.minutes?.trim() || null
      }, { form, success: '会议记录已保存' })
      if (res.ok) { setDirty(false); return res.value }
      return null
    } finally { setSaving(false) }
  }

  const sign = async () => {
    let version = m.version
    if (dirty) { const saved = await save(); if (!saved) return; version = saved.version }
    feedback.modal?.confirm({
      title: `签署会议记录：${m.meetingNo}`,
      width: 480,
      content: (
        <div>
          <p>签署即确认全体参会人员已在纸质会议记录上签字、签到表已上传。</p>
          <p><Typography.Text strong type="danger">签署后会议记录（参会人员、评议结论、签到表）永久锁定，以后不能再修改；</Typography.Text>如需更正，只能另行召开会议。</p>
        </div>
      ),
      okText: '确定签署', okButtonProps: { danger: true }, cancelText: '取消',
      onOk: async () => { await mutate('meetings.close', { id: m.id, version }, { success: '会议记录已签署' }) }
    })
  }

  const conditions: Array<[boolean, string]> = [
    [m.composition.ok, '参会人员组成符合要求'],
    [m.cases.length > 0, '已列入评议案件'],
    [m.cases.length > 0 && m.cases.every((c) => !!c.result), '每个案件都有评议结论'],
    [!!m.minutes?.trim(), '已填写会议记录'],
    [m.attendees.length > 0 && m.attendees.every((a) => a.signed), '参会人员全部签字'],
    [!!m.signinFile, '已上传签到表扫描件']
  ]

  return (
    <div>
      <div className="page-toolbar" style={{ position: 'sticky', top: 0, zIndex: 5, background: '#f3f5f9', padding: '12px 0 8px', marginTop: -12 }}>
        {head}
        {dirty ? <Tag color="warning">有未保存的修改</Tag> : null}
        <div className="grow" />
        <Button icon={<SaveOutlined />} loading={saving} onClick={() => { void save() }} type={dirty ? 'primary' : 'default'}>保存会议记录</Button>
        <Button type="primary" danger onClick={() => { void sign() }}>签署会议记录</Button>
      </div>
      <Form<MeetingForm> form={form} name="meetingEdit" layout="vertical" initialValues={initial} onValuesChange={() => setDirty(true)}>
        <Row gutter={12}>
          <Col span={10}>
            <Card size="small" title="会议信息" className="section-card">
              <Row gutter={12}>
                <Col span={12}><Form.Item label="会议日期" name="date" rules={[{ required: true, message: '请选择会议日期' }]}><DatePicker style={{ width: '100%' }} disabledDate={noFuture} /></Form.Item></Col>
                <Col span={12}><Form.Item label="应到人数" name="dueCount"><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={24}><Form.Item label="会议地点" name="place" rules={[required('请填写会议地点'), maxLen('会议地点', 60)]}><Input /></Form.Item></Col>
                <Col span={12}><Form.Item label="主持人" name="chair" rules={[required('请填写主持人'), maxLen('主持人', 20)]}><Input /></Form.Item></Col>
                <Col span={12}><Form.Item label="记录人" name="recorder" rules={[required('请填写记录人'), maxLen('记录人', 20)]}><Input /></Form.Item></Col>
              </Row>
            </Card>
          </Col>
          <Col span={14}>
            <Card size="small" title={`参会人员（${list.length} 人）`} className="section-card"
              extra={<Button size="small" onClick={() => { form.setFieldValue('attendees', list.map((a) => ({ ...a, signed: true }))); setDirty(true) }} disabled={!list.length}>全部已签字</Button>}>
              <AttendeeList form={form} onChange={() => setDirty(true)} />
              <Typography.Text type="secondary" style={{ display: 'block', margin: '6px 0' }}>
                当前名单：参加评议 {counted.length} 人（监督员、县级工作人员列席不计入），其中党员代表和村（居）民代表 {reps} 人，应不少于 {required2} 人。
              </Typography.Text>
              <CompositionAlert m={m} pending={dirty} />
            </Card>
          </Col>
        </Row>
        <Card size="small" title="会议记录" className="section-card">
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item label="宣讲政策" name="briefing" rules={[maxLen('宣讲政策', 4000)]} style={{ marginBottom: 0 }}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="宣讲的政策文件和要点" />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item label="会议记录（介绍情况、评议意见、形成结论）" name="minutes" rules={[maxLen('会议记录', 20000)]} style={{ marginBottom: 0 }}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder="按会议进程记录：宣讲政策 → 介绍情况 → 现场评议 → 形成结论" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </Form>
      <CasesCard m={m} editable />
      <Row gutter={12}>
        <Col span={12}><SigninCard m={m} editable /></Col>
        <Col span={12}>
          <Card size="small" title="签署条件" className="section-card">
            <Space orientation="vertical" size={2}>
              {conditions.map(([ok, label]) => (
                <span key={label}>{ok ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />} {label}</span>
              ))}
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>以已保存的内容为准。签署后会议记录不能再修改。</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  )
}

function AttendeeList({ form, onChange }: { form: FormInstance<MeetingForm>; onChange: () => void }) {
  return (
    <Form.List name="attendees">
      {(fields, { add, remove }) => (
        <div>
          <Table
            size="small" rowKey="key" pagination={false} dataSource={fields} className="attendee-table"
            locale={{ emptyText: '还没有参会人员' }}
            columns={[
              { title: '序', key: 'seq', width: 40, render: (_: unknown, _f, i) => i + 1 },
              {
                title: '姓名', key: 'name', width: 150,
                render: (_: unknown, f) => <Form.Item name={[f.name, 'name']} rules={[required('请填写姓名'), maxLen('姓名', 20)]} style={{ margin: 0 }}><Input size="small" aria-label={`第${f.name + 1}位参会人员姓名`} /></Form.Item>
              },
              {
                title: '身份', key: 'kind', width: 170,
                render: (_: unknown, f) => <Form.Item name={[f.name, 'kind']} rules={[requiredSelect('请选择身份')]} style={{ margin: 0 }}><Select size="small" options={ATTENDEE_KIND_OPTIONS} aria-label={`第${f.name + 1}位参会人员身份`} /></Form.Item>
              },
              {
                title: '已签字', key: 'signed', width: 70, align: 'center',
                render: (_: unknown, f) => <Form.Item name={[f.name, 'signed']} valuePropName="checked" style={{ margin: 0 }}><Checkbox aria-label={`第${f.name + 1}位参会人员已签字`} /></Form.Item>
              },
              {
                title: '', key: 'del', width: 44,
                render: (_: unknown, f) => <Button size="small" type="text" danger icon={<DeleteOutlined />} title="移出名单" aria-label="移出名单" onClick={() => { remove(f.name); onChange() }} />
              }
            ]}
          />
          <Button size="small" type="dashed" icon={<PlusOutlined />} style={{ marginTop: 6 }}
            onClick={() => { add({ name: '', kind: form.getFieldValue('attendees')?.length ? 'representative' : 'townshipStaff', signed: false }); onChange() }}>
            添加参会人员
          </Button>
        </div>
      )}
    </Form.List>
  )
}

function votesText(c: MeetingCaseView): string {
  if (c.agree === null && c.disagree === null && c.abstain === null) return '—'
  return `${c.agree ?? 0} / ${c.disagree ?? 0} / ${c.abstain ?? 0}`
}

interface CaseForm { presentation?: string; agree?: number | null; disagree?: number | null; abstain?: number | null; opinion?: string; result?: 'pass' | 'fail' | 'reinvestigate' | null; recusals?: string }

function CasesCard({ m, editable }: { m: MeetingView; editable: boolean }) {
  const [adding, setAdding] = useState(false)
  const [showAll, setShowAll] = useState(false)
  const [recording, setRecording] = useState<MeetingCaseView | null>(null)
  const todo = useApi('cases.todo', adding ? {} : null, { reloadOnMutation: false })
  const voterCount = voters(m.attendees)
  const candidates = useMemo(() => (todo.data ?? [])
    .filter((t) => t.villageName === m.villageName && !m.cases.some((c) => c.caseId === t.caseId))
    .filter((t) => showAll || REVIEW_LABELS.has(t.currentStepLabel)), [todo.data, m, showAll])

  const remove = (c: MeetingCaseView) => feedback.modal?.confirm({
    title: `移出案件：${c.applicantName}（${c.caseNo}）？`, content: '该案件的评议记录（介绍情况、表决、意见）会一并删除。', okText: '确定移出', okButtonProps: { danger: true }, cancelText: '取消',
    onOk: async () => { await mutate('meetings.setCase', { meetingId: m.id, caseId: c.caseId, remove: true }, { success: '已移出' }) }
  })

  const columns: TableProps<MeetingCaseView>['columns'] = [
    { title: '案件号', dataIndex: 'caseNo', key: 'caseNo', width: 170, render: (v: string, c) => <Link to={`/households/${c.householdId}`} className="mono">{v}</Link> },
    { title: '申请人', dataIndex: 'applicantName', key: 'applicantName', width: 80 },
    { title: '家庭人数', dataIndex: 'persons', key: 'persons', width: 76, align: 'right' },
    { title: '介绍情况', dataIndex: 'presentation', key: 'presentation', ellipsis: true, render: (v: string | null) => v ?? <Typography.Text type="secondary">未填</Typography.Text> },
    { title: '同意/不同意/弃权', key: 'votes', width: 124, align: 'center', render: (_: unknown, c) => votesText(c) },
    { title: '评议意见', dataIndex: 'opinion', key: 'opinion', ellipsis: true, render: (v: string | null) => v ?? '' },
    { title: '回避', dataIndex: 'recusals', key: 'recusals', width: 90, ellipsis: true, render: (v: string | null) => v || '无' },
    { title: '结论', dataIndex: 'result', key: 'result', width: 90, render: (v: string | null, c) => (v ? <Tag color={RESULT_COLORS[v]}>{c.resultLabel}</Tag> : <Tag>待评议</Tag>) },
    ...(editable ? [{
      title: '操作', key: 'actions', width: 130,
      render: (_: unknown, c: MeetingCaseView) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setRecording(c)}>记录评议</Button>
          <Button type="link" size="small" danger onClick={() => remove(c)}>移出</Button>
        </Space>
      )
    }] : [])
  ]

  return (
    <Card size="small" title={`评议案件（${m.cases.length} 件）`} className="section-card"
      extra={editable ? <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>列入评议案件</Button> : null}>
      <Table<MeetingCaseView> size="small" rowKey="caseId" columns={columns} dataSource={m.cases} pagination={false}
        expandable={{
          rowExpandable: (c) => !!(c.presentation || c.opinion || c.recusals),
          expandedRowRender: (c) => (
            <Descriptions size="small" column={1} items={[
              { key: 'p', label: '介绍情况', children: <div style={{ whiteSpace: 'pre-wrap' }}>{c.presentation ?? '—'}</div> },
              { key: 'o', label: '评议意见', children: <div style={{ whiteSpace: 'pre-wrap' }}>{c.opinion ?? '—'}</div> },
              { key: 'r', label: '回避人员', children: c.recusals || '无' }
            ]} />
          )
        }}
        locale={{ emptyText: editable ? '还没有列入评议的案件：点“列入评议案件”，从本村处于民主评议环节的案件中选择' : '本次会议没有评议案件' }} />

      <FormModal<{ caseId: string }>
        open={adding} name="meetingAddCase" title={`列入评议案件（${m.villageName}）`} okText="列入本次会议" width={640}
        onClose={() => { setAdding(false); setShowAll(false) }}
        onSubmit={async (v, form) => {
          const res = await mutate('meetings.setCase', { meetingId: m.id, caseId: v.caseId }, { form, success: '已列入本次会议，请记录评议情况' })
          if (res.ok) { const c = res.value.cases.find((x) => x.caseId === v.caseId); if (c) setRecording(c) }
          return res.ok
        }}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          可列入的是本村（社区）当前处于“民主评议”“村级民主评议”或“公示异议处理”环节的案件。
        </Typography.Paragraph>
        <Form.Item label="案件" name="caseId" rules={[requiredSelect('请选择案件')]}
          extra={todo.loading ? '正在读取在办案件…' : candidates.length ? `共 ${candidates.length} 件可选` : (showAll ? '本村没有其他在办案件' : '本村没有处于民主评议环节的案件')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }} placeholder="选择案件（可输入户主姓名或案件号查找）" loading={todo.loading}
            options={candidates.map((t) => ({ value: t.caseId, label: `${t.headName}　${t.caseNo}　${t.kindLabel}·${t.currentStepLabel}` }))}
          />
        </Form.Item>
        <Checkbox checked={showAll} onChange={(e) => setShowAll(e.target.checked)}>显示本村全部在办案件（是否可以列入由系统核对）</Checkbox>
      </FormModal>

      <FormModal<CaseForm>
        open={!!recording} name="meetingCase" width={720}
        title={recording ? `记录评议：${recording.applicantName}（${recording.caseNo}，家庭 ${recording.persons} 人）` : ''}
        okText="保存评议记录"
        initialValues={recording ? {
          presentation: recording.presentation ?? '', agree: recording.agree, disagree: recording.disagree, abstain: recording.abstain,
          opinion: recording.opinion ?? '', result: recording.result, recusals: recording.recusals ?? ''
        } : undefined}
        onClose={() => setRecording(null)}
        onSubmit={async (v, form) => {
          if (!recording) return true
          const res = await mutate('meetings.setCase', {
            meetingId: m.id, caseId: recording.caseId, presentation: v.presentation?.trim() || null, agree: v.agree ?? null, disagree: v.disagree ?? null, abstain: v.abstain ?? null,
            opinion: v.opinion?.trim() || null, result: v.result ?? null, recusals: v.recusals?.trim() || null
          }, { form, success: '评议记录已保存' })
          return res.ok
        }}
      >
        <Form.Item label="介绍情况（调查人员介绍家庭经济状况和调查结论）" name="presentation" rules={[maxLen('介绍情况', 1000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} autoFocus />
        </Form.Item>
        <Typography.Text type="secondary">表决（如有）：参加评议 {voterCount} 人可投票（按已保存的参会名单；监督员、县级工作人员不投票）</Typography.Text>
        <Row gutter={12} style={{ marginTop: 4 }}>
          {(['agree', 'disagree', 'abstain'] as const).map((k, i) => (
            <Col span={8} key={k}>
              <Form.Item label={['同意', '不同意', '弃权'][i]} name={k} dependencies={i === 2 ? ['agree', 'disagree'] : undefined}
                rules={i === 2 ? [({ getFieldValue }) => ({
                  validator: () => {
                    const sum = (['agree', 'disagree', 'abstain'] as const).reduce((s, x) => s + (Number(getFieldValue(x)) || 0), 0)
                    return sum > voterCount ? Promise.reject(new Error(`合计 ${sum} 票，多于参加评议的 ${voterCount} 人`)) : Promise.resolve()
                  }
                })] : undefined}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="票" />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item label="评议意见" name="opinion" rules={[maxLen('评议意见', 1000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="参会人员的主要意见" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="评议结论（主持人归纳）" name="result">
              <Radio.Group options={RESULT_OPTIONS} optionType="button" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="回避人员" name="recusals" rules={[maxLen('回避人员', 200)]} extra="与申请人有近亲属或其他利害关系、已离席的人员">
              <Input placeholder="无回避可不填" />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
    </Card>
  )
}

function SigninCard({ m, editable }: { m: MeetingView; editable: boolean }) {
  const [uploading, setUploading] = useState(false)
  const [viewing, setViewing] = useState(false)
  const upload = async (file: File) => {
    if (file.size > MAX_UPLOAD_BYTES) { feedback.error(`文件“${file.name}”超过28MB，请降低扫描分辨率后重试`); return }
    setUploading(true)
    try {
      const dataBase64 = await readBase64(file)
      await mutate('meetings.attachSignin', { meetingId: m.id, originalName: file.name, dataBase64 }, { success: `已上传签到表：${file.name}` })
    } catch { feedback.error(`读取文件“${file.name}”失败`) } finally { setUploading(false) }
  }
  return (
    <Card size="small" title="签到表（会议记录签字页）扫描件" className="section-card"
      extra={editable ? (
        <Upload accept={SIGNIN_ACCEPT} showUploadList={false} beforeUpload={(f) => { void upload(f as File); return false }}>
          <Button size="small" icon={<UploadOutlined />} loading={uploading}>{m.signinFile ? '重新上传' : '上传签到表'}</Button>
        </Upload>
      ) : null}>
      {m.signinFile ? (
        <Space>
          <FileOutlined />
          <Typography.Link onClick={() => setViewing(true)}>{m.signinFile.originalName}</Typography.Link>
          <Typography.Text type="secondary">（{m.signinFile.mime === 'application/pdf' ? 'PDF' : '图片'}）</Typography.Text>
        </Space>
      ) : <Typography.Text type="secondary">{editable ? '尚未上传。支持 PDF、JPG、PNG，签署会议记录前须上传。' : '尚未上传签到表。'}</Typography.Text>}
      <StoredFileModal file={viewing ? m.signinFile : null} onClose={() => setViewing(false)} />
    </Card>
  )
}

function ReadMeeting({ m }: { m: MeetingView }) {
  const attendeeColumns: TableProps<MeetingAttendee>['columns'] = [
    { title: '序', key: 'seq', width: 40, render: (_: unknown, _a, i) => i + 1 },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 120 },
    { title: '身份', key: 'kind', render: (_: unknown, a) => a.kindLabel ?? ATTENDEE_KINDS[a.kind] ?? a.kind },
    { title: '签字', dataIndex: 'signed', key: 'signed', width: 70, render: (s: boolean) => (s ? <Tag color="success">已签字</Tag> : <Tag color="warning">未签字</Tag>) }
  ]
  return (
    <div>
      {m.status === 'closed' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`会议记录已于 ${fmtDateTime(m.closedAt)} 由 ${m.closedBy ?? ''} 签署，不能再修改（更正请另行召开会议）。`} />
      ) : <Alert type="info" showIcon style={{ marginBottom: 12 }} title="会议记录尚未签署（草稿）。您的账号只能查看。" />}
      <Row gutter={12}>
        <Col span={10}>
          <Card size="small" title="会议信息" className="section-card">
            <Descriptions size="small" column={1} items={[
              { key: 'no', label: '会议编号', children: <span className="mono">{m.meetingNo}</span> },
              { key: 'v', label: '村（社区）', children: m.villageName },
              { key: 'd', label: '会议日期', children: m.date },
              { key: 'p', label: '会议地点', children: m.place },
              { key: 'c', label: '主持人', children: m.chair },
              { key: 'r', label: '记录人', children: m.recorder },
              { key: 'n', label: '应到 / 实到', children: `${m.dueCount ?? '—'} 人 / ${m.attendees.length} 人` }
            ]} />
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title={`参会人员（${m.attendees.length} 人）`} className="section-card">
            <Table<MeetingAttendee> size="small" rowKey={(a) => `${a.name}-${a.kind}`} columns={attendeeColumns} dataSource={m.attendees} pagination={false} locale={{ emptyText: '没有参会人员' }} style={{ marginBottom: 8 }} />
            <CompositionAlert m={m} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="会议记录" className="section-card">
        <Descriptions size="small" column={1} items={[
          { key: 'b', label: '宣讲政策', children: <div style={{ whiteSpace: 'pre-wrap' }}>{m.briefing || '—'}</div> },
          { key: 'm', label: '会议记录', children: <div style={{ whiteSpace: 'pre-wrap' }}>{m.minutes || '—'}</div> }
        ]} />
      </Card>
      <CasesCard m={m} editable={false} />
      <SigninCard m={m} editable={false} />
    </div>
  )
}
