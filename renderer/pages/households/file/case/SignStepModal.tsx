// The sign dialog of a next step: date (not in the future, not before the last step), the reason where the
// law wants one, the step's data (初审意见 + 分类管理类别, 拟调整方案 + 渐退月数, 不予受理情形) and, before a
// 初审 or a decision, the benefit trial calculation on the household's current data.
import { Alert, Button, Checkbox, Col, Collapse, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Spin, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { AssessmentView, CaseNextStep, CaseView } from '../../../../../main/api/types'
import { formatYuan } from '../../../../../main/domain/money'
import { useSession } from '../../../../app/session'
import { mutate, useApi, useMutation } from '../../../../app/useApi'
import { maxLen } from '../../../../components/rules'
import { AssessmentPanel, AssessmentResult } from './AssessmentPanel'
import { useFile } from '../context'
import { CaseModal, Section } from './CaseModal'
import {
  ADVERSE_OUTCOMES, NEEDS_REASON, NOT_ACCEPTED_GROUNDS, OPINION_LABELS, OUTCOME_OPTIONS, preliminaryData, PROPOSAL_LABELS, RECHECK_CLASSES, TRIAL_STEPS,
  type ProposalOutcome
} from './labels'

type Ground = keyof typeof NOT_ACCEPTED_GROUNDS
interface SignValues {
  lapsed?: boolean
  date: Dayjs
  reason?: string
  memberStopOn?: boolean
  memberStop?: { memberId?: string; refusals?: Array<{ date?: Dayjs; job?: string }> }
  certificateNo?: string
  certificateReturned?: boolean
  opinion?: 'positive' | 'negative'
  recheckClass?: 'A' | 'B' | 'C'
  outcome?: ProposalOutcome
  phaseOutMonths?: number
  ground?: Ground
}

const isMgmt = (c: CaseView) => c.variantId === 'management'
/** Steps before which the server re-evaluates the rules (advanceCase). */
const RULE_STEPS = new Set(['preliminary', 'approved', 'townshipDecision'])

function RuleCheckHint({ c }: { c: CaseView }) {
  const check = useMutation()
  const open = c.flags.filter((f) => f.status === 'open').length
  return (
    <div className="case-muted" style={{ marginBottom: 10 }}>
      签字时将按当前档案数据重新检查规则，新发现的提示须先由审核人核实{open ? `（现有待处理 ${open} 项）` : ''}。
      <Button type="link" size="small" loading={check.pending} style={{ fontSize: 12, padding: '0 4px', height: 20 }}
        onClick={() => { void check.run('cases.checkRules', { caseId: c.id }, { success: '已按当前档案重新检查规则' }) }}>现在检查</Button>
    </div>
  )
}

function needsReason(kind: string, opinion: unknown, outcome: unknown): boolean {
  return NEEDS_REASON.has(kind) || (kind === 'preliminary' && (opinion === 'negative' || ADVERSE_OUTCOMES.has(String(outcome))))
}

export function SignStepModal({ c, step, currentBenefitFen, onClose }: { c: CaseView; step: CaseNextStep; currentBenefitFen: number | null; onClose: () => void }) {
  const { operator } = useSession()
  const prelim = preliminaryData(c)
  const initial: Partial<SignValues> = { date: dayjs() }
  if (step.kind === 'approved' && !isMgmt(c) && typeof prelim?.recheckClass === 'string') initial.recheckClass = prelim.recheckClass as 'A'
  const lastDate = c.steps[c.steps.length - 1]?.date ?? null

  return (
    <CaseModal<SignValues>
      open
      name="caseSign"
      width={720}
      title={`${c.caseNo}：${step.label}`}
      okText="签字确认"
      danger={step.kind === 'withdrawn' || step.kind === 'terminated' || step.kind === 'notAccepted'}
      initialValues={initial}
      onClose={onClose}
      footerNote={step.blockers.length ? <Typography.Text type="warning" style={{ fontSize: 12 }}>还缺 {step.blockers.length} 项，签字会被拒绝</Typography.Text> : null}
      onSubmit={async (v, form) => {
        const mgmt = isMgmt(c)
        const data: Record<string, unknown> = {}
        if (step.kind === 'preliminary') {
          if (mgmt) {
            data.outcome = v.outcome
            if (v.outcome === 'phaseOut' && v.phaseOutMonths) data.phaseOutMonths = v.phaseOutMonths
            if (v.recheckClass && v.outcome !== 'stop' && v.outcome !== 'phaseOut') data.recheckClass = v.recheckClass
            if (v.outcome === 'decrease' && v.memberStopOn && v.memberStop) {
              data.memberStop = { memberId: v.memberStop.memberId, refusals: (v.memberStop.refusals ?? []).map((r) => ({ date: r.date ? r.date.format('YYYY-MM-DD') : '', job: (r.job ?? '').trim() })) }
            }
          } else {
            data.opinion = v.opinion
            if (v.opinion === 'positive' && v.recheckClass) data.recheckClass = v.recheckClass
          }
        }
        if (step.kind === 'approved' && !mgmt && v.recheckClass) data.recheckClass = v.recheckClass
        if (step.kind === 'notAccepted') data.ground = v.ground
        if (step.kind === 'withdrawn' && v.lapsed) data.lapsed = true
        if (step.kind === 'notified' && mgmt && prelim?.outcome === 'stop') { data.certificateNo = v.certificateNo?.trim(); data.certificateReturned = v.certificateReturned }
        const res = await mutate('cases.advance', {
          caseId: c.id, version: c.version, to: step.kind, date: v.date.format('YYYY-MM-DD'), reason: v.reason?.trim() || null,
          ...(Object.keys(data).length ? { data: data as never } : {})
        }, { form, success: `已签署：${step.label}` })
        return res.ok
      }}
    >
      <Alert style={{ marginBottom: 10 }} type="info" showIcon
        title={`以${step.roleLabel}身份签字：${operator.name}。签字后不能修改，更正须另办一个环节并写明理由。`} />
      {step.blockers.length ? (
        <Alert style={{ marginBottom: 10 }} type="warning" showIcon title="签字前还须完成："
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{step.blockers.map((b) => <li key={b}>{b}</li>)}</ul>} />
      ) : null}
      {step.warnings.map((w) => <Alert key={w} style={{ marginBottom: 10 }} type="warning" showIcon title={w} />)}
      {RULE_STEPS.has(step.kind) ? <RuleCheckHint c={c} /> : null}
      <SignFields c={c} step={step} lastDate={lastDate} currentBenefitFen={currentBenefitFen} />
    </CaseModal>
  )
}

function SignFields({ c, step, lastDate, currentBenefitFen }: { c: CaseView; step: CaseNextStep; lastDate: string | null; currentBenefitFen: number | null }) {
  const opinion = Form.useWatch('opinion')
  const outcome = Form.useWatch('outcome') as ProposalOutcome | undefined
  const date = Form.useWatch('date') as Dayjs | undefined
  const mgmt = isMgmt(c)
  const reasonNeeded = needsReason(step.kind, opinion, outcome)
  const adverse = (step.kind === 'preliminary' && (opinion === 'negative' || ADVERSE_OUTCOMES.has(String(outcome))))
  const prelim = preliminaryData(c)
  const policy = useApi('policy.list', step.kind === 'preliminary' && mgmt ? {} : null, { reloadOnMutation: false })
  const today = dayjs().format('YYYY-MM-DD')
  const maxMonths = (() => {
    const rows = (policy.data ?? []).filter((p) => p.key === 'phaseOut.maxMonths' && p.effectiveFrom <= today && (!p.effectiveTo || p.effectiveTo >= today))
    const v = rows.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]?.value
    return typeof v === 'number' ? v : 6
  })()

  return (
    <>
      {['approved', 'rejected', 'townshipDecision', 'returned'].includes(step.kind) && !mgmt && c.opinion ? (
        <Alert style={{ marginBottom: 10 }} type={c.opinion === 'positive' ? 'info' : 'warning'} showIcon title={`初审意见：${OPINION_LABELS[c.opinion]}${typeof prelim?.recheckClass === 'string' ? `，分类管理 ${prelim.recheckClass} 类` : ''}`} />
      ) : null}
      {['approved', 'rejected', 'townshipDecision', 'submitted', 'hearing'].includes(step.kind) && mgmt && prelim?.outcome ? (
        <Alert style={{ marginBottom: 10 }} type="info" showIcon title={`审核意见的拟调整方案：${PROPOSAL_LABELS[prelim.outcome as ProposalOutcome] ?? String(prelim.outcome)}${typeof prelim.phaseOutMonths === 'number' ? `，渐退 ${prelim.phaseOutMonths} 个月` : ''}`} />
      ) : null}
      {TRIAL_STEPS.has(step.kind) ? (
        <Trial c={c} date={date ? date.format('YYYY-MM-DD') : dayjs().format('YYYY-MM-DD')} stepKind={step.kind} opinion={opinion} outcome={outcome} currentBenefitFen={currentBenefitFen} />
      ) : null}
      {step.kind === 'notAccepted' ? (
        <Form.Item label="不予受理的情形（只限法定情形）" name="ground" rules={[{ required: true, message: '请选择不予受理的情形' }]}
          extra="缺少材料应一次性告知补正，不是不予受理的理由；看起来不符合条件也须受理后调查核实。">
          <Radio.Group vertical options={(Object.keys(NOT_ACCEPTED_GROUNDS) as Ground[]).map((g) => ({ value: g, label: NOT_ACCEPTED_GROUNDS[g] }))} />
        </Form.Item>
      ) : null}

      {step.kind === 'preliminary' && !mgmt ? (
        <>
          <Form.Item label="初审意见" name="opinion" rules={[{ required: true, message: '请选择初审意见：拟同意或拟不同意' }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'positive', label: '拟同意' }, { value: 'negative', label: '拟不同意' }]} />
          </Form.Item>
          {opinion === 'positive' ? <RecheckClassField required /> : null}
          {opinion === 'negative' ? <Alert style={{ marginBottom: 10 }} type="info" showIcon title="拟不同意的初审意见同样要公示（只公示申请人姓名和“拟不予纳入”，不公示理由）。" /> : null}
        </>
      ) : null}

      {step.kind === 'preliminary' && mgmt ? (
        <>
          <Form.Item label="拟调整方案" name="outcome" rules={[{ required: true, message: '请选择拟调整方案' }]}
            extra={outcome && ADVERSE_OUTCOMES.has(outcome) ? '减发、停发、渐退须先听取当事人意见（《社会救助法》第四十八条），再报送决定。' : outcome === 'noChange' || outcome === 'resume' ? '由审核人签署后直接办结，不需报送决定。' : undefined}>
            <Radio.Group options={OUTCOME_OPTIONS.filter((o) => o.value !== 'resume' || c.kind === 'resume')} />
          </Form.Item>
          {outcome === 'phaseOut' ? (
            <Form.Item label="渐退期（月）" name="phaseOutMonths" rules={[{ required: true, message: '请填写渐退月数' }]} extra={`自决定次月起计算，最长 ${maxMonths} 个月`}>
              <InputNumber min={1} max={maxMonths} precision={0} style={{ width: 160 }} suffix="个月" />
            </Form.Item>
          ) : null}
          {outcome === 'decrease' ? <MemberStopFields /> : null}
          {outcome && outcome !== 'stop' && outcome !== 'phaseOut' ? <RecheckClassField /> : null}
        </>
      ) : null}

      {step.kind === 'notified' && mgmt && prelim?.outcome === 'stop' ? (
        <>
          <Alert style={{ marginBottom: 10 }} type="info" showIcon title="停发的同时收回并注销低保证（确认通知书）。" />
          <Form.Item label="低保证（确认通知书）编号" name="certificateNo" rules={[{ required: true, whitespace: true, message: '请填写证件编号' }, maxLen('证件编号', 40)]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item label="证件收回情况" name="certificateReturned" rules={[{ required: true, message: '请选择是否已收回' }]}>
            <Radio.Group options={[{ value: true, label: '已收回并注销' }, { value: false, label: '未能收回，登记注销' }]} />
          </Form.Item>
        </>
      ) : null}
      {step.kind === 'approved' && !mgmt ? <RecheckClassField hint={typeof prelim?.recheckClass === 'string' ? `初审意见为 ${prelim.recheckClass} 类` : '不选则按 B 类'} /> : null}

      <Form.Item label="办理日期" name="date" rules={[{ required: true, message: '请选择办理日期' }]}
        extra={lastDate ? `不能晚于今天，也不能早于上一环节（${lastDate}）` : '不能晚于今天'}>
        <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day') || (!!lastDate && d.isBefore(dayjs(lastDate), 'day'))} />
      </Form.Item>
      <Form.Item label={reasonNeeded ? '理由（必填）' : '说明（选填）'} name="reason"
        rules={reasonNeeded ? [{ required: true, whitespace: true, message: adverse ? '拟不同意、减发、停发、渐退须书面说明事实和理由' : '请写明理由' }, maxLen('理由', 1000)] : [maxLen('说明', 1000)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={adverse ? '写明事实和理由，如：家庭月人均收入 920.00 元，高于本地标准 800.00 元' : step.kind === 'withdrawn' ? '如：申请人书面申请撤回' : undefined} />
      </Form.Item>
      {step.kind === 'withdrawn' && c.currentStep === 'pendingMaterials' ? (
        <Form.Item name="lapsed" valuePropName="checked" extra="只有本县设定了期限（政策参数“逾期未补正视为撤回的天数”）且期限已过，才能视为撤回；须书面告知申请人。申请人本人撤回的不要勾选。">
          <Checkbox>申请人逾期未补正材料，视为撤回申请</Checkbox>
        </Form.Item>
      ) : null}

    </>
  )
}

/** 办法第三十四条: the decrease is the stop of one member's own share after three refused jobs. */
function MemberStopFields() {
  const { file } = useFile()
  const on = Form.useWatch('memberStopOn') as boolean | undefined
  const able = file.members.filter((m) => m.isBeneficiary && m.labour !== 'none')
  return (
    <>
      <Form.Item name="memberStopOn" valuePropName="checked" style={{ marginBottom: on ? 8 : 16 }}>
        <Checkbox>本人份额停发：有劳动能力的成员连续三次无正当理由拒绝介绍的工作（办法第三十四条）</Checkbox>
      </Form.Item>
      {on ? (
        <>
          <Form.Item label="停发本人份额的成员" name={['memberStop', 'memberId']} rules={[{ required: true, message: '请选择成员' }]}>
            <Select style={{ width: 260 }} options={able.map((m) => ({ value: m.id, label: `${m.name}（${m.relationName}）` }))} placeholder="有劳动能力的保障对象" />
          </Form.Item>
          <Form.List name={['memberStop', 'refusals']} initialValue={[{}, {}, {}]}>
            {(fields) => (
              <Form.Item label="三次拒绝介绍的工作" required style={{ marginBottom: 8 }}>
                {fields.map((f, i) => (
                  <Row key={f.key} gutter={8}>
                    <Col span={8}><Form.Item name={[f.name, 'date']} rules={[{ required: true, message: `请选择第 ${i + 1} 次的日期` }]} style={{ marginBottom: 6 }}><DatePicker style={{ width: '100%' }} placeholder={`第 ${i + 1} 次日期`} disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item></Col>
                    <Col span={16}><Form.Item name={[f.name, 'job']} rules={[{ required: true, whitespace: true, message: '请填写介绍的工作' }, maxLen('工作', 60)]} style={{ marginBottom: 6 }}><Input placeholder="介绍的工作，如：县城物业保洁" /></Form.Item></Col>
                  </Row>
                ))}
              </Form.Item>
            )}
          </Form.List>
        </>
      ) : null}
    </>
  )
}

function RecheckClassField({ required = false, hint }: { required?: boolean; hint?: string }) {
  return (
    <Form.Item label="分类管理类别" name="recheckClass" rules={required ? [{ required: true, message: '请选择分类管理类别（A/B/C）' }] : []} extra={hint}>
      <Radio.Group vertical options={RECHECK_CLASSES.map((k) => ({ value: k.value, label: <span><b>{k.label}</b> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{k.help}</Typography.Text></span> }))} />
    </Form.Item>
  )
}

function Trial({ c, date, stepKind, opinion, outcome, currentBenefitFen }: { c: CaseView; date: string; stepKind: string; opinion: unknown; outcome: ProposalOutcome | undefined; currentBenefitFen: number | null }) {
  // 本人份额停发: being proposed in this dialog (初审) or proposed with the 初审 (the decision applies it again)
  const stopOn = Form.useWatch('memberStopOn') as boolean | undefined
  const stopMember = Form.useWatch(['memberStop', 'memberId']) as string | undefined
  const proposedStop = (preliminaryData(c)?.memberStop as { memberId?: string } | undefined)?.memberId
  const memberStopMemberId = stepKind === 'preliminary' ? (outcome === 'decrease' && stopOn && stopMember ? stopMember : null) : (proposedStop ?? null)
  const trial = useApi('benefits.trial', { householdId: c.householdId, date, individualMemberId: c.individual?.memberId ?? null, memberStopMemberId })
  const prelimA = (preliminaryData(c)?.assessment as AssessmentView | undefined) ?? null
  const a = trial.data
  const mgmt = isMgmt(c)
  return (
    <Section title={`低保金试算（按 ${date} 的档案数据${stepKind === 'preliminary' || stepKind === 'approved' ? '，签字时随意见保存' : '，供参考'}）`} extra={trial.loading ? <Spin size="small" /> : null} testId="sign-trial">
      {trial.error ? <Alert type="error" showIcon title={trial.error.message} /> : null}
      {a ? (
        <>
          {stepKind === 'preliminary' && !mgmt && opinion === 'positive' && a.eligible !== true ? (
            <Alert style={{ marginBottom: 8 }} type="error" showIcon title="试算结果不符合收入条件，不能签署“拟同意”意见" />
          ) : null}
          {mgmt ? (
            <Descriptions size="small" column={3} bordered className="case-kv" style={{ marginBottom: 8 }} items={[
              { key: 'old', label: '现保障金额', children: currentBenefitFen === null ? <Typography.Text type="secondary">未核定</Typography.Text> : `${formatYuan(currentBenefitFen)} 元/月` },
              { key: 'new', label: '试算金额', children: a.monthlyFen === null ? (a.eligible === false ? '不符合条件' : '—') : `${formatYuan(a.monthlyFen)} 元/月` },
              { key: 'diff', label: '变化', children: currentBenefitFen !== null && a.monthlyFen !== null ? `${a.monthlyFen >= currentBenefitFen ? '+' : '−'}${formatYuan(Math.abs(a.monthlyFen - currentBenefitFen))} 元` : '—' }
            ]} />
          ) : null}
          {mgmt && outcome && a.eligible === false && !ADVERSE_OUTCOMES.has(outcome) ? (
            <Alert style={{ marginBottom: 8 }} type="warning" showIcon title="试算已不符合收入条件：维持、增发或恢复的决定会被拒绝，请考虑停发或渐退。" />
          ) : null}
          <AssessmentResult a={a} />
          {stepKind !== 'preliminary' && prelimA ? (
            <div className="case-muted" style={{ marginTop: 4 }}>
              初审签字时（{prelimA.date}）试算：{prelimA.monthlyFen === null ? '不符合条件' : `${formatYuan(prelimA.monthlyFen)} 元/月`}
              {prelimA.monthlyFen !== a.monthlyFen ? <Typography.Text type="warning" style={{ fontSize: 12 }}>　与现在的试算不同：初审后档案的人口、收入或标准有变化，请核实。</Typography.Text> : '，与现在一致。'}
            </div>
          ) : null}
          <Collapse size="small" style={{ marginTop: 6 }} defaultActiveKey={stepKind === 'preliminary' ? ['d'] : []}
            items={[{ key: 'd', label: '计算明细（标准、人数、收入是否计入、计算过程）', children: <AssessmentPanel a={a} showResult={false} /> }]} />
        </>
      ) : null}
    </Section>
  )
}
