// 审核 one case of a package (county mode): the household as the package carried it (members with ID numbers,
// health, disability and labour), the township's signed steps, the open rule flags with their message, the
// objections, the household's scanned files (户口簿, 收入证明 …) and the package's PDFs (审核确认表, 公示, 会议记录,
// 报送单), then the county's decision — 同意 / 不同意 /
// 退回补充调查 / 备案无异议 — with its reason, date and, for a sampled case that is not sent back, the 县级入户核查
// (date, two or more staff, findings). Only a 县级审核确认人 signs; a decision can be re-signed until its reply is sent.
import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Checkbox, Col, DatePicker, Descriptions, Drawer, Form, Input, Radio, Row, Space, Spin, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState, type ReactNode } from 'react'
import type { AttachmentView, CaseStepView, CountyReviewDetail, CountyReviewView, MemberView } from '../../../main/api/types'
import { ATTACHMENT_KINDS, codeName, HEALTH, LABOUR } from '../../../main/domain/codes'
import { DISABILITY_CATEGORIES, DISABILITY_GRADES } from '../../../main/domain/idcard'
import { call } from '../../api'
import { feedback } from '../../app/feedback'
import { age, categoryName, fileSize, fmtDate, fmtDateTime, genderName, today, yuan } from '../../app/format'
import { canWrite, useSession } from '../../app/session'
import { applyFieldErrors, mutate, useApi } from '../../app/useApi'
import { maxLen } from '../../components/rules'
import { signerName } from '../households/file/case/labels'
import { BlobModal } from '../notices/shared'
import { AWAITING_COLORS, AWAITING_LABELS, DECISION_COLORS, DECISION_LABELS, isBlock, needsReason, SEVERITY_COLORS, visitRequired, type CountyDecision } from './labels'

export function ReviewDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const q = useApi('county.review', id ? { id } : null)
  const d = q.data && q.data.review.id === id ? q.data : null
  return (
    <Drawer open={!!id} onClose={onClose} size={960} destroyOnHidden data-testid="review-drawer"
      title={d ? (
        <Space size={8} wrap>
          <span className="mono">{d.review.caseNo}</span>
          <span>{d.review.headName}</span>
          <Tag color={AWAITING_COLORS[d.review.awaiting]} style={{ marginInlineEnd: 0 }}>{AWAITING_LABELS[d.review.awaiting]}</Tag>
          {d.review.sampleReason ? <Tag color="gold" style={{ marginInlineEnd: 0 }}>抽查：{d.review.sampleReason}</Tag> : null}
        </Space>
      ) : '案件审核'}>
      {q.error ? <Alert type="error" showIcon title={q.error.message} /> : !d ? <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div> : <ReviewBody d={d} onDone={onClose} />}
    </Drawer>
  )
}

function Section({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section style={{ marginBottom: 16 }} data-testid={testId}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, borderBottom: '1px solid #eef0f4', paddingBottom: 4, marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 15 }}>{title}</Typography.Text>
        <div style={{ flex: 1 }} />
        {extra}
      </div>
      {children}
    </section>
  )
}

function disabilityText(m: MemberView): string {
  if (!m.disabilityCategory) return m.disabilityCert ? '残疾（有证）' : ''
  return `${DISABILITY_CATEGORIES[m.disabilityCategory] ?? '残疾'}${m.disabilityGrade ? DISABILITY_GRADES[m.disabilityGrade] ?? '' : ''}`
}

function ReviewBody({ d, onDone }: { d: CountyReviewDetail; onDone: () => void }) {
  const { review: r, case: c, household: f } = d
  const h = f.household
  const [doc, setDoc] = useState<string | null>(null)
  const load = useMemo(() => (doc ? () => call('county.document', { packageId: r.packageId, name: doc }) : null), [doc, r.packageId])
  const [scan, setScan] = useState<AttachmentView | null>(null)
  const loadScan = useMemo(() => (scan ? () => call('county.attachment', { reviewId: r.id, attachmentId: scan.id }) : null), [scan, r.id])
  const memberName = (id: string | null) => (id ? f.members.find((m) => m.id === id)?.name ?? '' : '全户')
  const flags = c.flags.filter((x) => x.status === 'open').sort((a, b) => Number(isBlock(b.severity)) - Number(isBlock(a.severity)))

  const memberColumns: TableProps<MemberView>['columns'] = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 80 },
    { title: '与户主关系', dataIndex: 'relationName', key: 'rel', width: 84 },
    { title: '性别/年龄', key: 'age', width: 76, render: (_: unknown, m) => `${genderName(m.gender)} ${age(m.birthDate) ?? ''}岁` },
    { title: '公民身份号码', dataIndex: 'idNumber', key: 'id', width: 172, render: (v: string) => <span className="mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: '健康/残疾', key: 'health',
      render: (_: unknown, m) => [codeName(HEALTH, m.health) || m.health, m.diagnosis, disabilityText(m)].filter(Boolean).join('，')
    },
    { title: '劳动能力', key: 'labour', width: 120, render: (_: unknown, m) => codeName(LABOUR, m.labour) || m.labour },
    { title: '保障对象', key: 'ben', width: 68, align: 'center', render: (_: unknown, m) => (m.isBeneficiary ? '是' : <Typography.Text type="secondary">{m.notCountedReason ? '不计入' : '否'}</Typography.Text>) }
  ]
  const scanColumns: TableProps<AttachmentView>['columns'] = [
    { title: '类别', dataIndex: 'docKind', key: 'kind', width: 150, render: (v: string) => codeName(ATTACHMENT_KINDS, v) || v },
    { title: '文件名', dataIndex: 'originalName', key: 'name', ellipsis: { showTitle: true }, render: (v: string, a) => <Typography.Link onClick={() => setScan(a)}>{a.mime === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />} {v}</Typography.Link> },
    { title: '所属成员', dataIndex: 'memberId', key: 'member', width: 90, render: (v: string | null) => memberName(v) },
    { title: '大小', dataIndex: 'size', key: 'size', width: 80, align: 'right', render: fileSize },
    { title: '上传', key: 'at', width: 190, render: (_: unknown, a) => <span style={{ whiteSpace: 'nowrap' }}>{fmtDateTime(a.createdAt)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.createdBy}</Typography.Text></span> }
  ]
  const stepColumns: TableProps<CaseStepView>['columns'] = [
    { title: '日期', dataIndex: 'date', key: 'date', width: 96, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtDate(v)}</span> },
    { title: '环节', dataIndex: 'label', key: 'label', width: 150 },
    { title: '签字人', key: 'signer', width: 190, render: (_: unknown, s) => <span>{signerName(s.signer)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.signerRole}</Typography.Text></span> },
    { title: '理由/说明', dataIndex: 'reason', key: 'reason', render: (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : <Typography.Text type="secondary">—</Typography.Text>) }
  ]

  return (
    <div data-testid="review-detail">
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }} items={[
        { key: 'v', label: '村（社区）', children: `${r.villageName}${h.groupName ? ` ${h.groupName}` : ''}` },
        { key: 'k', label: '类型', children: `${r.kindLabel}（${categoryName(h.category)}）` },
        { key: 's', label: '环节', children: r.stepLabel },
        { key: 'f', label: '档案号', children: <span className="mono">{h.fileNo}</span> },
        { key: 'p', label: '保障人数', children: `${r.persons} 人（户籍 ${f.members.length} 人）` },
        { key: 'm', label: '拟保障金额', children: r.proposedFen === null ? '—' : `${yuan(r.proposedFen)} / 月` },
        { key: 'i', label: '家庭月收入', children: yuan(f.totals.monthlyIncomeFen) },
        { key: 'a', label: '财产合计', children: yuan(f.totals.assetValueFen) },
        { key: 'o', label: '乡镇意见', children: r.opinion ?? '—' },
        { key: 'ad', label: '住址', span: 3, children: h.address }
      ]} />

      <Section title={`家庭成员（${f.members.length} 人）`} testId="review-members">
        <Table<MemberView> size="small" rowKey="id" columns={memberColumns} dataSource={f.members} pagination={false} tableLayout="fixed" />
      </Section>

      <Section title="乡镇办理经过" testId="review-steps">
        <Table<CaseStepView> size="small" rowKey="seq" columns={stepColumns} dataSource={c.steps} pagination={false} tableLayout="fixed" />
      </Section>

      <Section title={<span>规则提示 {flags.length ? <Tag color={flags.some((x) => isBlock(x.severity)) ? 'red' : 'orange'}>{flags.length} 项未处理</Tag> : <Tag color="green">无未处理</Tag>}</span>}
        extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>异议 {c.objections.length} 件</Typography.Text>} testId="review-flags">
        {flags.length ? flags.map((x) => (
          <div key={x.id} style={{ marginBottom: 6 }}>
            <Tag color={SEVERITY_COLORS[x.severity]}>{x.severityLabel}</Tag>
            <Typography.Text strong>{x.title}</Typography.Text>
            <div style={{ fontSize: 13, color: 'rgba(0,0,0,.7)', marginTop: 2, whiteSpace: 'pre-wrap' }}>{x.message}</div>
          </div>
        )) : <Typography.Text type="secondary">乡镇报送时没有未处理的规则提示。</Typography.Text>}
        {c.objections.length ? (
          <div style={{ marginTop: 6 }}>
            {c.objections.map((o) => (
              <div key={o.id} style={{ fontSize: 13, marginBottom: 4 }}>
                <Tag color="magenta">异议 {o.receivedDate}</Tag>{o.content}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>　{o.status === 'closed' ? `已办结：${o.result ?? ''}${o.upheld === true ? '（属实）' : o.upheld === false ? '（不属实）' : ''}` : '未办结'}</Typography.Text>
              </div>
            ))}
          </div>
        ) : null}
      </Section>

      <Section title={`材料扫描件（${f.attachments.length} 份）`} testId="review-scans">
        <Table<AttachmentView> size="small" rowKey="id" columns={scanColumns} dataSource={f.attachments} pagination={false} tableLayout="fixed"
          locale={{ emptyText: '乡镇没有随档上传材料扫描件' }} onRow={(a) => ({ onDoubleClick: () => setScan(a) })} />
      </Section>

      <Section title="报送文书" testId="review-documents">
        {d.documents.length ? (
          <Space size={[12, 4]} wrap>
            {d.documents.map((n) => <Typography.Link key={n} onClick={() => setDoc(n)}><FilePdfOutlined /> {n.replace(/\.pdf$/, '')}</Typography.Link>)}
          </Space>
        ) : <Typography.Text type="secondary">报送包中没有该案件的文书。</Typography.Text>}
      </Section>

      <Section title="县级审核确认意见" testId="review-decision">
        <DecisionPart d={d} onDone={onDone} />
      </Section>

      <BlobModal title={doc ?? ''} open={!!doc} load={load} fileName={doc ?? ''} onClose={() => setDoc(null)} />
      <BlobModal title={scan ? `${codeName(ATTACHMENT_KINDS, scan.docKind) || '材料'}：${scan.originalName}` : ''} open={!!scan} load={loadScan} fileName={scan?.originalName ?? ''} onClose={() => setScan(null)} />
    </div>
  )
}

function DecisionPart({ d, onDone }: { d: CountyReviewDetail; onDone: () => void }) {
  const session = useSession()
  const r = d.review
  const signer = session.operator.role === 'reviewer' && canWrite(session.operator)
  if (r.awaiting === 'info') {
    return <Alert type="info" showIcon title={`进展情况：案件尚在乡镇办理中（${r.stepLabel}），报送包只报告进展，不需要县级意见。`} />
  }
  if (r.replied) {
    return (
      <>
        <Alert type="success" showIcon style={{ marginBottom: 8 }} title="该意见已随回复包发出，不能再改签。" />
        <DecisionView r={r} />
      </>
    )
  }
  if (!signer) {
    return (
      <>
        <Alert type="info" showIcon style={{ marginBottom: r.decision ? 8 : 0 }} title="县级审核确认意见须由县级审核确认人账号签署。" />
        {r.decision ? <DecisionView r={r} /> : null}
      </>
    )
  }
  return <DecisionForm d={d} onDone={onDone} />
}

function DecisionView({ r }: { r: CountyReviewView }) {
  if (!r.decision) return null
  return (
    <Descriptions size="small" column={2} bordered items={[
      { key: 'd', label: '意见', children: <Tag color={DECISION_COLORS[r.decision]}>{r.decisionLabel}</Tag> },
      { key: 'dt', label: '审核日期', children: r.decisionDate },
      { key: 'by', label: '签署人', children: r.decidedBy },
      { key: 'r', label: '理由', children: r.reason ?? '—' },
      ...(r.visit ? [
        { key: 'v', label: '入户核查', span: 2, children: <div><div>{r.visit.date}，{r.visit.visitors.map((x) => `${x.name}${x.role ? `（${x.role}）` : ''}`).join('、')}</div><div style={{ whiteSpace: 'pre-wrap' }}>{r.visit.findings}</div></div> }
      ] : [])
    ]} />
  )
}

interface VisitValues { date?: Dayjs; visitors: Array<{ name?: string; role?: string }>; findings?: string }
interface DecisionValues { decision?: CountyDecision; reason?: string; date?: Dayjs; withVisit?: boolean; visit: VisitValues }

function DecisionForm({ d, onDone }: { d: CountyReviewDetail; onDone: () => void }) {
  const r = d.review
  const { operator } = useSession()
  const [form] = Form.useForm<DecisionValues>()
  const [pending, setPending] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const decision = Form.useWatch('decision', form)
  const withVisit = Form.useWatch('withVisit', form)
  const mustVisit = visitRequired(r, decision)
  const showVisit = mustVisit || !!withVisit
  const firstDate = d.case.steps[0]?.date ?? null
  const lastDate = d.case.steps[d.case.steps.length - 1]?.date ?? null
  const initial: DecisionValues = {
    decision: r.decision ?? (r.decisions.length === 1 ? r.decisions[0] : undefined),
    reason: r.reason ?? '',
    date: dayjs(r.decisionDate ?? today()),
    // ticked only when a visit was already recorded; a sampled case gets the section by force when it is approved
    withVisit: !!r.visit,
    visit: r.visit
      ? { date: dayjs(r.visit.date), visitors: r.visit.visitors.map((v) => ({ name: v.name, role: v.role })), findings: r.visit.findings }
      : { date: dayjs(today()), visitors: [{ name: '', role: '' }, { name: '', role: '' }], findings: '' }
  }

  const submit = async (v: DecisionValues) => {
    setFormError(null)
    setPending(true)
    try {
      const visit = showVisit && v.visit.date
        ? { date: v.visit.date.format('YYYY-MM-DD'), visitors: v.visit.visitors.map((x) => ({ name: (x.name ?? '').trim(), role: (x.role ?? '').trim() })), findings: (v.visit.findings ?? '').trim() }
        : null
      const res = await mutate('county.decide', {
        reviewId: r.id, decision: v.decision!, reason: v.reason?.trim() || null, date: v.date!.format('YYYY-MM-DD'), visit
      }, { quiet: true })
      if (!res.ok) {
        const placed = Object.keys(res.error.fields).length ? applyFieldErrors(form, res.error.fields) : 0
        setFormError(res.error.message)
        if (!placed) feedback.error(res.error.message)
        return
      }
      feedback.success(`已签署 ${r.caseNo}（${r.headName}）：${res.value.decisionLabel}`)
      onDone()
    } finally { setPending(false) }
  }

  return (
    <Form<DecisionValues> form={form} name="countyDecide" layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}
      onValuesChange={(changed: Partial<DecisionValues>) => {
        if (formError) setFormError(null)
        // what the clerk typed into the visit stays with the decision when it changes from 同意 to 退回/不同意
        if (changed.visit) form.setFieldValue('withVisit', true)
      }} data-testid="decision-form">
      {r.decision ? <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`已签署“${r.decisionLabel}”（${r.decisionDate}，${r.decidedBy ?? ''}），回复包发出前可以改签。`} /> : null}
      {r.openFlags.some((x) => isBlock(x.severity) && x.ruleId !== 'county.visit')
        ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="乡镇报送时规则检查未通过，不能同意：请退回补充调查或不同意。" /> : null}
      <Form.Item label="审核意见" name="decision" rules={[{ required: true, message: '请选择审核意见' }]}>
        <Radio.Group options={r.decisions.map((x) => ({ value: x, label: DECISION_LABELS[x] }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col flex="1 1 0" style={{ minWidth: 0 }}>
          <Form.Item label={needsReason(decision) ? '理由（必填）' : '理由（选填）'} name="reason"
            rules={needsReason(decision) ? [{ required: true, whitespace: true, message: decision === 'return' ? '请写明退回补充调查的理由，乡镇据此补充调查' : '请写明不同意的理由，乡镇据此书面告知申请人' }, maxLen('理由', 500)] : [maxLen('理由', 500)]}
            extra={needsReason(decision) ? '乡镇据此告知申请人或补充调查' : undefined}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={decision === 'return' ? '如：核对报告未附银行存款查询结果，请补充核对后重新报送' : undefined} />
          </Form.Item>
        </Col>
        <Col flex="0 0 220px">
          <Form.Item label="审核日期" name="date" rules={[{ required: true, message: '请选择审核日期' }]} extra={lastDate ? `不早于乡镇报送日期 ${lastDate}` : undefined}>
            <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(x) => x.isAfter(dayjs(), 'day') || (!!lastDate && x.isBefore(dayjs(lastDate), 'day'))} />
          </Form.Item>
        </Col>
      </Row>

      <div style={{ background: '#fafbfd', border: '1px solid #eef0f4', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }} data-testid="visit-section">
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: showVisit ? 8 : 0 }}>
          <Typography.Text strong>县级入户核查</Typography.Text>
          {mustVisit ? <Tag color="gold" style={{ marginInlineEnd: 0 }}>抽查案件必填</Tag> : null}
          <div style={{ flex: 1 }} />
          {mustVisit ? null : (
            <Form.Item name="withVisit" valuePropName="checked" noStyle>
              <Checkbox>登记入户核查</Checkbox>
            </Form.Item>
          )}
        </div>
        {!showVisit ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.sampleReason ? '抽查案件退回补充调查或不同意的，可以不登记入户核查。' : '未抽查的案件可不入户核查；实际入户的，请勾选登记。'}
          </Typography.Text>
        ) : (
          <>
            <Row gutter={16}>
              <Col flex="0 0 200px">
                <Form.Item label="核查日期" name={['visit', 'date']} rules={[{ required: true, message: '请选择核查日期' }]}>
                  <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(x) => x.isAfter(dayjs(), 'day') || (!!firstDate && x.isBefore(dayjs(firstDate), 'day'))} />
                </Form.Item>
              </Col>
              <Col flex="1 1 0" style={{ minWidth: 0 }}>
                <Form.List name={['visit', 'visitors']} rules={[{ validator: async (_r, list?: unknown[]) => { if (!list || list.length < 2) throw new Error('县级入户核查须有两名以上工作人员') } }]}>
                  {(fields, { add, remove }, { errors }) => (
                    <Form.Item label="核查人员（两名以上）" required style={{ marginBottom: 8 }}>
                      {fields.map((fld, i) => (
                        <Row key={fld.key} gutter={8} wrap={false} align="top">
                          <Col flex="0 0 150px">
                            <Form.Item name={[fld.name, 'name']} style={{ marginBottom: 6 }} rules={[{ required: true, whitespace: true, message: `请填写第 ${i + 1} 名核查人员的姓名` }, maxLen('姓名', 20)]}>
                              <Input placeholder="姓名" aria-label={`核查人员${i + 1}姓名`} />
                            </Form.Item>
                          </Col>
                          <Col flex="1 1 0" style={{ minWidth: 0 }}>
                            <Form.Item name={[fld.name, 'role']} style={{ marginBottom: 6 }} rules={[{ required: true, whitespace: true, message: `请填写第 ${i + 1} 名核查人员的职务` }, maxLen('职务', 30)]}>
                              <Input placeholder="职务，如：县民政局社会救助股科员" aria-label={`核查人员${i + 1}职务`} />
                            </Form.Item>
                          </Col>
                          <Col flex="none">
                            <Button type="text" icon={<DeleteOutlined />} aria-label={`删除核查人员${i + 1}`} disabled={fields.length <= 2} onClick={() => remove(fld.name)} />
                          </Col>
                        </Row>
                      ))}
                      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', role: '' })}>添加核查人员</Button>
                      <Form.ErrorList errors={errors} />
                    </Form.Item>
                  )}
                </Form.List>
              </Col>
            </Row>
            <Form.Item label="核查情况" name={['visit', 'findings']} style={{ marginBottom: 4 }}
              rules={[{ required: true, whitespace: true, message: '请填写核查情况' }, maxLen('核查情况', 1000)]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="如：入户查看住房和生活用品，询问邻居和村干部，家庭困难情况与乡镇调查一致" />
            </Form.Item>
          </>
        )}
      </div>

      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 8 }} data-testid="decision-error" /> : null}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onDone}>取消</Button>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="decision-submit">{r.decision ? '改签意见' : '签署意见'}</Button>
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0', textAlign: 'right' }}>
        以本人（{operator.name}，县级审核确认人）名义签署；意见随回复包交乡镇，成为案件的县级审核确认环节。
      </Typography.Paragraph>
    </Form>
  )
}

