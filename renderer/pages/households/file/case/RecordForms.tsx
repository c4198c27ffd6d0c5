// The record forms of a case (申请登记, 一次性告知, 入户调查, 核对报告, 听取意见, 县级核查). Field names are the
// record's own (main/api/caseSchemas.ts), so the server's field errors land on the right input; dates are
// Dayjs and amounts 元 text in the form, converted on submit. A correction pre-fills the record it replaces.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { AutoComplete, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Tag, Typography, type FormRule } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { ReactNode } from 'react'
import type { CaseRecordView, CaseView } from '../../../../../main/api/types'
import { ATTACHMENT_KINDS, codeName } from '../../../../../main/domain/codes'
import { VISIT_CHECKS, visitCheckDef } from '../../../../../main/domain/visitChecks'
import { fmtDate, yuanText } from '../../../../app/format'
import { useSession } from '../../../../app/session'
import { mutate } from '../../../../app/useApi'
import { fenOrNull, maxLen, moneyRule } from '../../../../components/rules'
import { useFile } from '../context'
import { CaseModal } from './CaseModal'
import { CHECK_ITEMS, HEARING_METHODS, HEARING_OUTCOMES, RECORD_KIND_SHORT } from './labels'

type Values = Record<string, unknown> & { date: Dayjs; correctionReason?: string; attachmentIds?: string[] }
type Data = Record<string, unknown>
type ListRules = Parameters<typeof Form.List>[0]['rules']

const req = (message: string): FormRule => ({ required: true, whitespace: true, message })
const reqSel = (message: string): FormRule => ({ required: true, message })
const mustCheck = (message: string): FormRule => ({ validator: (_r, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(message))) })
const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day')
const toDay = (v: unknown): Dayjs | undefined => (typeof v === 'string' && v ? dayjs(v) : undefined)
const fromDay = (v: unknown): string | null => (v && dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : null)
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
const arr = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : [])

const MATERIAL_SUGGESTIONS = ['残疾人证', '医院诊断证明', '收入证明', '在校证明', '委托书', '证明事项告知承诺书', '赡养（抚养、扶养）义务人情况说明']
const INVESTIGATOR_ROLES = ['乡镇民政办工作人员', '乡镇干部', '驻村干部', '村委会委员', '村党支部书记', '监督员']

export const RECORD_TITLES: Record<string, string> = {
  application: '申请（承诺书、授权书签字情况）', materialsNotice: '一次性告知书（需补正的全部材料）', homeVisit: '入户调查记录',
  checkReport: '家庭经济状况核对报告', checkNotice: '核对结果告知', checkAppeal: '申请人对核对结果的异议', hearing: '听取当事人意见记录', countyVisit: '县级入户核查记录'
}

// ── values ⇄ record data ────────────────────────────────────────────────

export function newRecordValues(kind: string, c: CaseView, ctx: { applicantId: string | null; operatorName: string; firstMember: string }): Partial<Values> {
  const base = { date: dayjs() }
  switch (kind) {
    case 'application': return { ...base, applicantMemberId: ctx.applicantId ?? undefined, pledgeSigned: false, consentSigned: false, allMembersSigned: false, relativesDeclared: false, hasStaffRelative: false }
    case 'materialsNotice': return { ...base, items: [''], deliveredTo: ctx.firstMember }
    case 'homeVisit': return { ...base, investigators: [{ name: ctx.operatorName, role: '乡镇民政办工作人员' }, { name: '', role: '村委会委员' }], membersPresent: ctx.applicantId ? [ctx.applicantId] : [], findings: [], investigatorsSigned: false, familySigned: false }
    case 'checkReport': return { ...base, receivedDate: dayjs(), source: '县居民家庭经济状况核对中心', findings: [] }
    case 'hearing': return { ...base, attempts: [] }
    case 'checkNotice': return { ...base, deliveredTo: ctx.firstMember, method: 'inPerson' }
    case 'checkAppeal': return base
    case 'countyVisit': return { ...base, visitors: [{ name: '', role: '县民政局工作人员' }] }
    default: void c; return base
  }
}

export function recordToValues(r: CaseRecordView): Partial<Values> {
  const d = r.data
  const base: Partial<Values> = { date: dayjs(r.date), attachmentIds: r.attachmentIds }
  switch (r.kind) {
    case 'application': return { ...base, ...d, hasAgent: !!d.agent, hasIndividual: !!d.individualInclusion }
    case 'materialsNotice': return { ...base, ...d, deadline: toDay(d.deadline) }
    case 'checkReport': return { ...base, ...d, receivedDate: toDay(d.receivedDate), findings: arr<Data>(d.findings).map((f) => ({ ...f, amountYuan: typeof f.amountFen === 'number' ? yuanText(f.amountFen) : '' })) }
    case 'hearing': return { ...base, ...d, attempts: arr<Data>(d.attempts).map((a) => ({ ...a, date: toDay(a.date) })) }
    case 'homeVisit': return { ...base, ...d, checks: arr<Data>(d.checks).map((c) => ({ ...c, amountYuan: typeof c.amountFen === 'number' ? yuanText(c.amountFen) : '' })) }
    default: return { ...base, ...d }
  }
}

export function valuesToData(kind: string, v: Values): Data {
  switch (kind) {
    case 'application': return {
      applicantMemberId: v.applicantMemberId, reason: str(v.reason) ?? '', pledgeSigned: !!v.pledgeSigned, consentSigned: !!v.consentSigned,
      allMembersSigned: !!v.allMembersSigned, relativesDeclared: !!v.relativesDeclared, hasStaffRelative: !!v.hasStaffRelative,
      agent: v.hasAgent ? { name: str((v.agent as Data)?.name) ?? '', relation: str((v.agent as Data)?.relation) ?? '', powerOfAttorney: !!(v.agent as Data)?.powerOfAttorney } : null,
      individualInclusion: v.hasIndividual ? { memberId: (v.individualInclusion as Data)?.memberId, basis: str((v.individualInclusion as Data)?.basis) ?? '' } : null
    }
    case 'materialsNotice': return { items: arr<string>(v.items).map((s) => (s ?? '').trim()).filter(Boolean), deliveredTo: str(v.deliveredTo) ?? '', deadline: fromDay(v.deadline) }
    case 'homeVisit': return {
      investigators: arr<Data>(v.investigators).map((p) => ({ name: str(p?.name) ?? '', role: str(p?.role) ?? '' })),
      membersPresent: arr<string>(v.membersPresent), livingConditions: str(v.livingConditions) ?? '', housing: str(v.housing),
      findings: arr<Data>(v.findings).filter((f) => f?.memberId || str(f?.text)).map((f) => ({ memberId: f.memberId, text: str(f.text) ?? '' })),
      neighbourInquiry: str(v.neighbourInquiry), conclusion: str(v.conclusion) ?? '',
      checks: arr<Data>(v.checks).filter((c) => c?.code).map((c) => ({ code: c.code, memberId: (c.memberId as string) || null, amountFen: fenOrNull(c.amountYuan), months: typeof c.months === 'number' ? c.months : null, note: str(c.note) ?? '' })),
      investigatorsSigned: !!v.investigatorsSigned, familySigned: !!v.familySigned
    }
    case 'checkReport': return {
      receivedDate: fromDay(v.receivedDate), source: str(v.source) ?? '', reportNo: str(v.reportNo),
      findings: arr<Data>(v.findings).map((f) => ({ memberId: (f?.memberId as string) || null, item: f?.item, text: str(f?.text) ?? '', amountFen: fenOrNull(f?.amountYuan) })),
      consistent: v.consistent, summary: str(v.summary) ?? ''
    }
    case 'hearing': return {
      method: v.method, heardPerson: str(v.heardPerson), statement: str(v.statement),
      attempts: arr<Data>(v.attempts).map((a) => ({ date: fromDay(a?.date), method: str(a?.method) ?? '', result: str(a?.result) ?? '' })), outcome: v.outcome
    }
    case 'checkNotice': return { findings: str(v.findings) ?? '', deliveredTo: str(v.deliveredTo) ?? '', method: v.method }
    case 'checkAppeal': return { content: str(v.content) ?? '', evidence: str(v.evidence) }
    case 'countyVisit': return { visitors: arr<Data>(v.visitors).map((p) => ({ name: str(p?.name) ?? '', role: str(p?.role) ?? '' })), findings: str(v.findings) ?? '' }
    default: return {}
  }
}

/** Server paths → form paths where the form holds a different field (元 text for 分). */
const RENAME: Record<string, string> = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`findings.${i}.amountFen`, `findings.${i}.amountYuan`]))

// ── dialog ───────────────────────────────────────────────────────────────

export function RecordModal({ c, kind, correcting, onClose }: { c: CaseView; kind: string; correcting: CaseRecordView | null; onClose: () => void }) {
  const { file, allMembers } = useFile()
  const { operator } = useSession()
  const applicantId = file.household.applicantMemberId ?? file.members[0]?.id ?? null
  const firstMember = allMembers.find((m) => m.id === applicantId)?.name ?? ''
  const initial = correcting ? recordToValues(correcting) : newRecordValues(kind, c, { applicantId, operatorName: operator.name.replace(/（[^）]*）$/, ''), firstMember })
  const receivedOn = c.steps[0]?.date ?? null
  return (
    <CaseModal<Values>
      open
      name={`caseRecord-${kind}`}
      width={720}
      title={`${correcting ? '更正' : '登记'}${RECORD_TITLES[kind] ?? kind}：${c.caseNo}`}
      okText={correcting ? '保存更正' : '保存记录'}
      initialValues={initial}
      onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('cases.addRecord', {
          caseId: c.id, kind: kind as 'application', date: v.date.format('YYYY-MM-DD'), data: valuesToData(kind, v),
          attachmentIds: v.attachmentIds?.length ? v.attachmentIds : undefined,
          supersedesId: correcting?.id ?? null, correctionReason: correcting ? (v.correctionReason ?? '').trim() : null
        }, { form, prefix: 'data', rename: RENAME, success: correcting ? `已更正${RECORD_KIND_SHORT[kind] ?? ''}记录` : `已登记${RECORD_KIND_SHORT[kind] ?? ''}记录` })
        return res.ok
      }}
    >
      {correcting ? (
        <Form.Item label="更正理由" name="correctionReason" rules={[req('请写明更正理由'), maxLen('更正理由', 500)]}
          extra={`原记录（${correcting.date}，${correcting.signer}）保留并标为“已更正”，以新记录为准。`}>
          <Input.TextArea autoFocus autoSize={{ minRows: 1, maxRows: 3 }} placeholder="如：调查人员姓名录错；补记漏填的成员情况" />
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="记录日期" name="date" rules={[reqSel('请选择记录日期')]} extra={receivedOn ? `${receivedOn} 至今天` : undefined}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => noFuture(d) || (!!receivedOn && d.isBefore(dayjs(receivedOn), 'day'))} />
          </Form.Item>
        </Col>
        <Col span={16}><AttachmentSelect /></Col>
      </Row>
      <RecordFields kind={kind} />
    </CaseModal>
  )
}

function AttachmentSelect() {
  const { file } = useFile()
  return (
    <Form.Item label="关联材料（选填，在“材料”页上传）" name="attachmentIds">
      <Select mode="multiple" allowClear placeholder="选择本户已上传的扫描件" optionFilterProp="label" maxTagCount="responsive"
        options={file.attachments.map((a) => ({ value: a.id, label: `${codeName(ATTACHMENT_KINDS, a.docKind) || a.docKind}：${a.originalName}（${fmtDate(a.createdAt)}）` }))} />
    </Form.Item>
  )
}

function RecordFields({ kind }: { kind: string }) {
  switch (kind) {
    case 'application': return <ApplicationFields />
    case 'materialsNotice': return <MaterialsNoticeFields />
    case 'homeVisit': return <HomeVisitFields />
    case 'checkReport': return <CheckReportFields />
    case 'hearing': return <HearingFields />
    case 'countyVisit': return <CountyVisitFields />
    case 'checkNotice': return <CheckNoticeFields />
    case 'checkAppeal': return <CheckAppealFields />
    default: return <Typography.Text type="danger">未知的记录类型：{kind}</Typography.Text>
  }
}

// ── shared pieces ───────────────────────────────────────────────────────

function useMembers(opts: { coResidentOnly?: boolean } = {}) {
  const { file } = useFile()
  return file.members.filter((m) => !opts.coResidentOnly || m.coResident).map((m) => ({ value: m.id, label: `${m.name}（${m.relationName}）` }))
}

/** A Form.List with an add button and one remove button per row. */
function DynamicList({ name, label, addText, min = 0, rules, newItem, children }: {
  name: string; label: ReactNode; addText: string; min?: number; rules?: ListRules
  newItem: () => unknown; children: (field: { key: number; name: number }, index: number) => ReactNode
}) {
  return (
    <Form.Item label={label} required={min > 0} style={{ marginBottom: 8 }}>
      <Form.List name={name} rules={rules}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} className="case-dyn-row">
                <span className="case-muted" style={{ width: 18, lineHeight: '32px', textAlign: 'right', flex: 'none' }}>{i + 1}.</span>
                <div style={{ flex: 1, minWidth: 0 }}>{children({ key: f.key, name: f.name }, i)}</div>
                <Button type="text" icon={<DeleteOutlined />} aria-label={`删除第${i + 1}项`} disabled={fields.length <= min} onClick={() => remove(f.name)} />
              </div>
            ))}
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add(newItem())}>{addText}</Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  )
}

const atLeast = (n: number, message: string): NonNullable<ListRules>[number] => ({ validator: async (_r, v: unknown[]) => { if (!v || v.length < n) throw new Error(message) } })

function TextField({ name, label, required, max = 500, rows = 2, placeholder, extra }: { name: string | Array<string | number>; label: string; required?: boolean; max?: number; rows?: number; placeholder?: string; extra?: ReactNode }) {
  return (
    <Form.Item label={label} name={name} rules={[...(required ? [req(`请填写${label}`)] : []), maxLen(label, max)]} extra={extra}>
      {rows > 1 ? <Input.TextArea autoSize={{ minRows: rows, maxRows: 6 }} placeholder={placeholder} /> : <Input placeholder={placeholder} />}
    </Form.Item>
  )
}

// ── 申请登记 ────────────────────────────────────────────────────────────

function ApplicationFields() {
  const members = useMembers({ coResidentOnly: true })
  const hasAgent = Form.useWatch('hasAgent')
  const hasIndividual = Form.useWatch('hasIndividual')
  const staffRelative = Form.useWatch('hasStaffRelative')
  return (
    <>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item label="申请人" name="applicantMemberId" rules={[reqSel('请选择申请人')]} extra="须是共同生活的家庭成员；公示只公布申请人姓名">
            <Select options={members} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={14}><TextField name="reason" label="申请理由" required max={1000} placeholder="如：家庭成员患病、缺乏劳动能力，收入低于当地低保标准" /></Col>
      </Row>
      <Form.Item label="签字与申报情况" className="case-checks" style={{ marginBottom: 4 }}>
        <Form.Item name="pledgeSigned" valuePropName="checked" noStyle rules={[mustCheck('承诺书须由申请人及共同生活的家庭成员签字后才能登记（办法第九条）')]}><Checkbox>承诺书已签字</Checkbox></Form.Item>
        <Form.Item name="consentSigned" valuePropName="checked" noStyle rules={[mustCheck('授权书须签字后才能开展家庭经济状况核对（社会救助法第四十一条）')]}><Checkbox>授权书已签字</Checkbox></Form.Item>
        <Form.Item name="allMembersSigned" valuePropName="checked" noStyle><Checkbox>全体共同生活成员已签字</Checkbox></Form.Item>
        <Form.Item name="relativesDeclared" valuePropName="checked" noStyle><Checkbox>已申报近亲属关系</Checkbox></Form.Item>
        <Form.Item name="hasStaffRelative" valuePropName="checked" noStyle><Checkbox>有经办人员或村干部近亲属</Checkbox></Form.Item>
      </Form.Item>
      {staffRelative ? <Typography.Paragraph type="warning" style={{ fontSize: 12, margin: '2px 0 6px' }}>将标记为近亲属备案户：须单独登记备案，县级民政部门须入户核查（办法第十一条、第二十条）。</Typography.Paragraph> : null}
      <Row gutter={12} style={{ marginTop: 6 }}>
        <Col span={12}><Form.Item name="hasAgent" valuePropName="checked" style={{ marginBottom: 6 }}><Checkbox>委托代理申请</Checkbox></Form.Item></Col>
        <Col span={12}><Form.Item name="hasIndividual" valuePropName="checked" style={{ marginBottom: 6 }}><Checkbox>单人保（单独申请）</Checkbox></Form.Item></Col>
      </Row>
      {hasAgent ? (
        <Row gutter={12}>
          <Col span={8}><TextField name={['agent', 'name']} label="代理人姓名" required max={20} rows={1} /></Col>
          <Col span={8}><TextField name={['agent', 'relation']} label="与申请人关系" required max={20} rows={1} placeholder="如：女儿、村委会" /></Col>
          <Col span={8}>
            <Form.Item label="委托手续" name={['agent', 'powerOfAttorney']} valuePropName="checked" rules={[mustCheck('委托代理申请须有委托手续')]}>
              <Checkbox>已提交委托书</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {hasIndividual ? (
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item label="单人保对象" name={['individualInclusion', 'memberId']} rules={[reqSel('请选择单人保对象')]}>
              <Select options={members} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={15}><TextField name={['individualInclusion', 'basis']} label="单人保依据" required max={200} rows={1} placeholder="如：低保边缘家庭中持证一级肢体残疾人（办法第八条）" /></Col>
        </Row>
      ) : null}
    </>
  )
}

// ── 一次性告知 ──────────────────────────────────────────────────────────

function MaterialsNoticeFields() {
  const form = Form.useFormInstance()
  const { allMembers } = useFile()
  return (
    <>
      <DynamicList name="items" label="需要补正的材料（一次列明全部）" addText="添加一项" min={1} newItem={() => ''}
        rules={[atLeast(1, '请列出需要补正的全部材料')]}>
        {(f) => (
          <Form.Item name={f.name} rules={[req('请填写缺少的材料'), maxLen('材料名称', 100)]} style={{ marginBottom: 6 }}>
            <Input placeholder="材料名称，如：残疾人证" />
          </Form.Item>
        )}
      </DynamicList>
      <div style={{ margin: '-2px 0 10px 26px' }}>
        <span className="case-muted">常见：</span>
        {MATERIAL_SUGGESTIONS.map((s) => (
          <Tag key={s} style={{ cursor: 'pointer', marginBottom: 4 }} onClick={() => {
            const cur = (form.getFieldValue('items') as string[] | undefined) ?? []
            if (cur.includes(s)) return
            const blank = cur.findIndex((x) => !x || !x.trim())
            form.setFieldValue('items', blank >= 0 ? cur.map((x, i) => (i === blank ? s : x)) : [...cur, s])
          }}>+ {s}</Tag>
        ))}
        <div className="case-muted">不得要求提供政务服务平台或家庭经济状况核对能取得的材料（如身份证、户口簿复印件）。</div>
      </div>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="送达对象" name="deliveredTo" rules={[req('请填写送达对象'), maxLen('送达对象', 20)]}>
            <AutoComplete options={allMembers.map((m) => ({ value: m.name }))} placeholder="申请人或代理人姓名" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="补正期限（选填）" name="deadline">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}

// ── 入户调查 ────────────────────────────────────────────────────────────

const CHECK_OPTIONS = VISIT_CHECKS.map((c) => ({ value: c.code, label: `${c.item} ${c.label}` }))

/** 生活状况核查清单: one row per finding (what, who / how much / how long, note); nothing found, no row. */
function VisitChecks({ members }: { members: Array<{ value: string; label: string }> }) {
  const form = Form.useFormInstance()
  return (
    <DynamicList name="checks" label={<span>生活状况核查（发现以下情形的逐项登记；未发现的不必添加）</span>} addText="登记一项核查发现" newItem={() => ({ code: undefined, note: '' })}>
      {(f) => (
        <Row gutter={8}>
          <Col span={10}><Form.Item name={[f.name, 'code']} rules={[reqSel('请选择核查事项')]} style={{ marginBottom: 6 }}><Select options={CHECK_OPTIONS} placeholder="核查事项" popupMatchSelectWidth={420} showSearch optionFilterProp="label" /></Form.Item></Col>
          <Form.Item noStyle dependencies={[['checks', f.name, 'code']]}>
            {() => {
              const def = visitCheckDef(String(form.getFieldValue(['checks', f.name, 'code']) ?? ''))
              return (
                <>
                  {def?.needs === 'member' && <Col span={5}><Form.Item name={[f.name, 'memberId']} rules={[reqSel('请选择成员')]} style={{ marginBottom: 6 }}><Select options={members} placeholder="涉及成员" /></Form.Item></Col>}
                  {def?.needs === 'amount' && <Col span={5}><Form.Item name={[f.name, 'amountYuan']} rules={[moneyRule({ required: true, label: def.code === 'businessProfit' ? '月利润' : '金额' })]} style={{ marginBottom: 6 }}><Input inputMode="decimal" suffix="元" placeholder={def.code === 'businessProfit' ? '月利润' : '金额'} /></Form.Item></Col>}
                  {def?.needs === 'months' && <Col span={5}><Form.Item name={[f.name, 'months']} rules={[reqSel('请填写月数')]} style={{ marginBottom: 6 }}><InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} suffix="个月" placeholder="月数" /></Form.Item></Col>}
                  <Col span={def?.needs ? 9 : 14}><Form.Item name={[f.name, 'note']} rules={[req('请填写核查说明'), maxLen('核查说明', 300)]} style={{ marginBottom: 6 }}><Input placeholder={def ? `说明：${def.hint}` : '核查说明'} /></Form.Item></Col>
                </>
              )
            }}
          </Form.Item>
        </Row>
      )}
    </DynamicList>
  )
}

function HomeVisitFields() {
  const members = useMembers()
  return (
    <>
      <DynamicList name="investigators" label="调查人员（两名以上）" addText="添加调查人员" min={2} newItem={() => ({ name: '', role: '' })}
        rules={[atLeast(2, '入户调查须有两名以上调查人员（办法第十六条）')]}>
        {(f) => (
          <Row gutter={8}>
            <Col span={10}><Form.Item name={[f.name, 'name']} rules={[req('请填写姓名'), maxLen('姓名', 20)]} style={{ marginBottom: 6 }}><Input placeholder="姓名" /></Form.Item></Col>
            <Col span={14}><Form.Item name={[f.name, 'role']} rules={[req('请填写身份/职务'), maxLen('身份/职务', 30)]} style={{ marginBottom: 6 }}>
              <AutoComplete options={INVESTIGATOR_ROLES.map((r) => ({ value: r }))} placeholder="身份/职务，如：村委会委员" />
            </Form.Item></Col>
          </Row>
        )}
      </DynamicList>
      <Form.Item label="在场的家庭成员" name="membersPresent" rules={[reqSel('请选择在场的家庭成员')]}>
        <Select mode="multiple" options={members} placeholder="请选择" optionFilterProp="label" />
      </Form.Item>
      <TextField name="livingConditions" label="生活状况" required max={1000} placeholder="家具家电、生活用品、饮食起居、有无大额消费品等" />
      <TextField name="housing" label="住房情况（选填）" max={300} rows={1} placeholder="如：自建砖瓦房，约80平方米" />
      <DynamicList name="findings" label="成员情况（选填）" addText="添加成员情况" newItem={() => ({ memberId: undefined, text: '' })}>
        {(f) => (
          <Row gutter={8}>
            <Col span={8}><Form.Item name={[f.name, 'memberId']} rules={[reqSel('请选择成员')]} style={{ marginBottom: 6 }}><Select options={members} placeholder="成员" /></Form.Item></Col>
            <Col span={16}><Form.Item name={[f.name, 'text']} rules={[req('请填写调查情况'), maxLen('调查情况', 500)]} style={{ marginBottom: 6 }}><Input placeholder="健康、劳动能力、就业、收入等" /></Form.Item></Col>
          </Row>
        )}
      </DynamicList>
      <TextField name="neighbourInquiry" label="邻里走访情况（选填）" max={500} placeholder="走访了谁、反映的情况" />
      <VisitChecks members={members} />
      <TextField name="conclusion" label="调查结论" required max={1000} placeholder="如：家庭生活困难，情况属实" />
      <Form.Item label="签字确认" className="case-checks" style={{ marginBottom: 0 }} required>
        <Form.Item name="investigatorsSigned" valuePropName="checked" noStyle rules={[mustCheck('调查人员须在入户调查表上签字')]}><Checkbox>调查人员已在入户调查表上签字</Checkbox></Form.Item>
        <Form.Item name="familySigned" valuePropName="checked" noStyle rules={[mustCheck('在场的家庭成员须在入户调查表上签字确认')]}><Checkbox>在场的家庭成员已签字确认</Checkbox></Form.Item>
      </Form.Item>
      <div className="case-muted" style={{ marginTop: 6 }}>签字的入户调查表扫描件请在“材料”页上传（类别：入户调查表）。</div>
    </>
  )
}

// ── 核对报告 ────────────────────────────────────────────────────────────

function CheckReportFields() {
  const members = useMembers()
  return (
    <>
      <Row gutter={12}>
        <Col span={8}><Form.Item label="报告收到日期" name="receivedDate" rules={[reqSel('请填写报告收到日期')]}><DatePicker style={{ width: '100%' }} disabledDate={noFuture} /></Form.Item></Col>
        <Col span={9}><TextField name="source" label="出具机构" required max={60} rows={1} /></Col>
        <Col span={7}><TextField name="reportNo" label="报告编号（选填）" max={40} rows={1} /></Col>
      </Row>
      <DynamicList name="findings" label="核对发现（按项目逐条登记）" addText="添加一条核对结果" newItem={() => ({ memberId: null, item: undefined, text: '', amountYuan: '' })}>
        {(f) => (
          <Row gutter={6}>
            <Col span={5}><Form.Item name={[f.name, 'memberId']} style={{ marginBottom: 6 }}><Select allowClear options={members} placeholder="全户" /></Form.Item></Col>
            <Col span={5}><Form.Item name={[f.name, 'item']} rules={[reqSel('请选择核对项目')]} style={{ marginBottom: 6 }}><Select options={CHECK_ITEMS.map((i) => ({ value: i.code, label: i.name }))} placeholder="项目" /></Form.Item></Col>
            <Col span={9}><Form.Item name={[f.name, 'text']} rules={[req('请填写核对结果'), maxLen('核对结果', 300)]} style={{ marginBottom: 6 }}><Input placeholder="核对结果" /></Form.Item></Col>
            <Col span={5}><Form.Item name={[f.name, 'amountYuan']} rules={[moneyRule({ label: '金额' })]} style={{ marginBottom: 6 }}><Input placeholder="金额（元）" suffix="元" /></Form.Item></Col>
          </Row>
        )}
      </DynamicList>
      <Form.Item label="核对结果与申报是否一致" name="consistent" rules={[reqSel('请选择核对结果与申报是否一致')]}>
        <Radio.Group options={[{ value: true, label: '一致' }, { value: false, label: '不一致（须说明并告知申请人）' }]} />
      </Form.Item>
      <TextField name="summary" label="核对结论" required max={1000} placeholder="如：核对结果与申报基本一致" />
    </>
  )
}

// ── 听取意见 ────────────────────────────────────────────────────────────

function HearingFields() {
  const { allMembers } = useFile()
  const outcome = Form.useWatch('outcome')
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="听取方式" name="method" rules={[reqSel('请选择听取方式')]}>
            <Select options={HEARING_METHODS.map((m) => ({ value: m.value, label: m.label }))} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="听取结果" name="outcome" rules={[reqSel('请选择听取结果')]}>
            <Select options={HEARING_OUTCOMES.map((m) => ({ value: m.value, label: m.label }))} placeholder="请选择" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={outcome === 'heard' ? '陈述人' : '陈述人（选填）'} name="heardPerson" rules={[...(outcome === 'heard' ? [req('已听取意见的，请记录陈述人')] : []), maxLen('陈述人', 20)]}>
        <AutoComplete options={allMembers.map((m) => ({ value: m.name }))} placeholder="姓名" style={{ maxWidth: 260 }} />
      </Form.Item>
      <TextField name="statement" label={outcome === 'heard' ? '当事人陈述、申辩' : '当事人陈述、申辩（选填）'} required={outcome === 'heard'} max={2000} rows={3} placeholder="照实记录当事人的陈述和申辩" />
      <DynamicList name="attempts" label={outcome === 'unreachable' ? '联系经过（至少两次）' : '联系经过（选填）'} addText="添加一次联系" min={0}
        newItem={() => ({ date: dayjs(), method: '', result: '' })}
        rules={outcome === 'unreachable' ? [atLeast(2, '无法联系的，请至少记录两次联系经过')] : []}>
        {(f) => (
          <Row gutter={6}>
            <Col span={7}><Form.Item name={[f.name, 'date']} rules={[reqSel('请填写联系日期')]} style={{ marginBottom: 6 }}><DatePicker style={{ width: '100%' }} disabledDate={noFuture} /></Form.Item></Col>
            <Col span={6}><Form.Item name={[f.name, 'method']} rules={[req('请填写联系方式'), maxLen('联系方式', 20)]} style={{ marginBottom: 6 }}>
              <AutoComplete options={['电话', '入户', '短信', '挂号信', '村干部转告'].map((v) => ({ value: v }))} placeholder="方式" />
            </Form.Item></Col>
            <Col span={11}><Form.Item name={[f.name, 'result']} rules={[req('请填写结果'), maxLen('结果', 100)]} style={{ marginBottom: 6 }}><Input placeholder="结果，如：无人接听" /></Form.Item></Col>
          </Row>
        )}
      </DynamicList>
    </>
  )
}

// ── 核对结果告知与异议（办法第十八条） ────────────────────────────────────

function CheckNoticeFields() {
  return (
    <>
      <TextField name="findings" label="告知的核对结果" required max={1000} rows={3} placeholder="如：核对发现户主名下登记小型轿车一辆（2023年购入）" />
      <Row gutter={12}>
        <Col span={10}><TextField name="deliveredTo" label="告知对象" required max={20} rows={1} /></Col>
        <Col span={14}>
          <Form.Item label="告知方式" name="method" rules={[reqSel('请选择告知方式')]}>
            <Radio.Group options={HEARING_METHODS.map((m) => ({ value: m.value, label: m.label }))} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>告知时须说明：对核对结果有异议的，可在 5 个工作日内提供证据申请复查；逾期未提出的，按核对结果提出初审意见。</Typography.Text>
    </>
  )
}

function CheckAppealFields() {
  return (
    <>
      <TextField name="content" label="异议内容" required max={2000} rows={3} placeholder="如：车辆已于2025年转让他人，现已不在本人名下" />
      <TextField name="evidence" label="提供的证据（选填）" max={1000} rows={2} placeholder="如：机动车转移登记证明复印件" />
    </>
  )
}

// ── 县级核查 ────────────────────────────────────────────────────────────

function CountyVisitFields() {
  return (
    <>
      <DynamicList name="visitors" label="县级核查人员" addText="添加核查人员" min={1} newItem={() => ({ name: '', role: '' })}
        rules={[atLeast(1, '请填写县级核查人员')]}>
        {(f) => (
          <Row gutter={8}>
            <Col span={10}><Form.Item name={[f.name, 'name']} rules={[req('请填写姓名'), maxLen('姓名', 20)]} style={{ marginBottom: 6 }}><Input placeholder="姓名" /></Form.Item></Col>
            <Col span={14}><Form.Item name={[f.name, 'role']} rules={[req('请填写身份/职务'), maxLen('身份/职务', 30)]} style={{ marginBottom: 6 }}><Input placeholder="如：县民政局社会救助股" /></Form.Item></Col>
          </Row>
        )}
      </DynamicList>
      <TextField name="findings" label="核查情况" required max={1000} rows={3} placeholder="入户核查的情况和结论" />
    </>
  )
}
