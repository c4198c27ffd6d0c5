// The content of the procedure's records and signed steps (issue 4), validated at the door and again in the
// service. Messages are Chinese and name the field to fix.
import { z } from 'zod'
import { VISIT_CHECK_CODES, visitCheckDef } from '../domain/visitChecks'

const date = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
const text = (label: string, max = 500) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`)
const optText = (label: string, max = 500) => z.string().trim().max(max, `${label}不超过${max}字`).nullable().optional().transform((v) => (v ? v : null))
const Person = z.object({ name: text('姓名', 20), role: text('身份/职务', 30) })

export const RECORD_KINDS = ['application', 'materialsNotice', 'homeVisit', 'checkReport', 'checkNotice', 'checkAppeal', 'hearing', 'countyVisit'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  application: '申请登记（承诺书、授权书）',
  materialsNotice: '一次性告知（补正材料清单）',
  homeVisit: '入户调查记录',
  checkReport: '家庭经济状况核对报告',
  checkNotice: '核对结果告知',
  checkAppeal: '申请人对核对结果的异议',
  hearing: '听取当事人意见记录',
  countyVisit: '县级入户核查记录',
}

/** 申请/受理: the application, its signed pledge and authorisation, 近亲属 declaration, agent. */
export const ApplicationRecord = z.object({
  applicantMemberId: z.string({ error: '请选择申请人' }).min(1, '请选择申请人'),
  reason: text('申请理由', 1000),
  pledgeSigned: z.boolean({ error: '请确认承诺书是否已签字' }),
  consentSigned: z.boolean({ error: '请确认授权书是否已签字' }),
  allMembersSigned: z.boolean({ error: '请确认是否全体共同生活成员签字' }),
  relativesDeclared: z.boolean({ error: '请确认是否已申报近亲属关系' }),
  hasStaffRelative: z.boolean().default(false),
  agent: z.object({ name: text('代理人姓名', 20), relation: text('与申请人关系', 20), powerOfAttorney: z.boolean() }).nullable().optional().transform((v) => v ?? null),
  individualInclusion: z.object({ memberId: z.string().min(1, '请选择单人保对象'), basis: text('单人保依据', 200) }).nullable().optional().transform((v) => v ?? null),
}).superRefine((v, ctx) => {
  if (!v.pledgeSigned) ctx.addIssue({ code: 'custom', path: ['pledgeSigned'], message: '承诺书须由申请人及共同生活的家庭成员签字后才能登记（办法第九条）' })
  if (!v.consentSigned) ctx.addIssue({ code: 'custom', path: ['consentSigned'], message: '授权书须签字后才能开展家庭经济状况核对（社会救助法第四十一条）' })
  if (v.agent && !v.agent.powerOfAttorney) ctx.addIssue({ code: 'custom', path: ['agent', 'powerOfAttorney'], message: '委托代理申请须有委托手续' })
})

/** 一次性告知书: every missing item at once (办法 art. 10). */
export const MaterialsNoticeRecord = z.object({
  items: z.array(text('缺少的材料', 100)).min(1, '请列出需要补正的全部材料'),
  deliveredTo: text('送达对象', 20),
  deadline: date('补正期限').nullable().optional().transform((v) => v ?? null),
})

/** 入户调查 (办法 art. 16): ≥ 2 investigators, members present, findings, signatures. */
export const HomeVisitRecord = z.object({
  investigators: z.array(Person).min(2, '入户调查须有两名以上调查人员（办法第十六条）').max(10),
  membersPresent: z.array(z.string().min(1)).min(1, '请选择在场的家庭成员'),
  livingConditions: text('生活状况', 1000),
  housing: optText('住房情况', 300),
  findings: z.array(z.object({ memberId: z.string().min(1), text: text('调查情况', 500) })).default([]),
  neighbourInquiry: optText('邻里走访情况', 500),
  conclusion: text('调查结论', 1000),
  /** 生活状况核查清单 (domain/visitChecks.ts): the items found, each with its note; unlisted = not found */
  checks: z.array(z.object({
    code: z.enum(VISIT_CHECK_CODES, { error: '请选择核查事项' }),
    memberId: z.string().nullable().optional().transform((v) => v || null),
    amountFen: z.number({ error: '金额应为数字' }).int('金额应精确到分').min(0, '金额不能为负').nullable().optional().transform((v) => v ?? null),
    months: z.number({ error: '月数应为数字' }).int('月数应为整数').min(1, '月数至少为 1').max(120, '月数不超过 120').nullable().optional().transform((v) => v ?? null),
    note: text('核查说明', 300),
  })).max(VISIT_CHECK_CODES.length * 3).default([]),
  investigatorsSigned: z.boolean(),
  familySigned: z.boolean(),
}).superRefine((v, ctx) => {
  if (!v.investigatorsSigned) ctx.addIssue({ code: 'custom', path: ['investigatorsSigned'], message: '调查人员须在入户调查表上签字' })
  if (!v.familySigned) ctx.addIssue({ code: 'custom', path: ['familySigned'], message: '在场的家庭成员须在入户调查表上签字确认' })
  v.checks.forEach((c, i) => {
    const def = visitCheckDef(c.code)!
    if (def.needs === 'member' && !c.memberId) ctx.addIssue({ code: 'custom', path: ['checks', i, 'memberId'], message: `“${def.label}”请选择涉及的家庭成员` })
    if (def.needs === 'amount' && c.amountFen === null) ctx.addIssue({ code: 'custom', path: ['checks', i, 'amountFen'], message: `“${def.label}”请填写金额${c.code === 'businessProfit' ? '（月利润）' : ''}` })
    if (def.needs === 'months' && c.months === null) ctx.addIssue({ code: 'custom', path: ['checks', i, 'months'], message: `“${def.label}”请填写未领取的月数` })
    if (def.needs !== 'member' && v.checks.some((o, j) => j < i && o.code === c.code)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'code'], message: `“${def.label}”只需勾选一次` })
  })
})

export const CHECK_ITEMS = [
  { code: 'deposit', name: '存款' }, { code: 'securities', name: '证券/基金' }, { code: 'vehicle', name: '车辆' }, { code: 'property', name: '不动产' },
  { code: 'business', name: '工商登记' }, { code: 'pension', name: '养老金/退休金' }, { code: 'publicPayroll', name: '财政供养' },
  { code: 'housingFund', name: '住房公积金' }, { code: 'tax', name: '纳税' }, { code: 'insurance', name: '社会保险' }, { code: 'other', name: '其他' },
] as const

/** 家庭经济状况核对报告 (办法 art. 17). */
export const CheckReportRecord = z.object({
  receivedDate: date('报告收到日期'),
  source: text('出具机构', 60),
  reportNo: optText('报告编号', 40),
  findings: z.array(z.object({
    memberId: z.string().nullable().optional().transform((v) => v ?? null),
    item: z.enum(CHECK_ITEMS.map((c) => c.code) as [string, ...string[]], { error: '请选择核对项目' }),
    text: text('核对结果', 300),
    amountFen: z.number().int().min(0).nullable().optional().transform((v) => v ?? null),
  })).default([]),
  consistent: z.boolean({ error: '请选择核对结果与申报是否一致' }),
  summary: text('核对结论', 1000),
})

/** 办法 art. 18: the 核对 shows the family is not eligible → the applicant is told, and may object with evidence. */
export const CheckNoticeRecord = z.object({
  findings: text('告知的核对结果', 1000),
  deliveredTo: text('告知对象', 20),
  method: z.enum(['inPerson', 'visit', 'phone', 'letter'], { error: '请选择告知方式' }),
})
export const CheckAppealRecord = z.object({
  content: text('异议内容', 2000),
  evidence: optText('提供的证据', 1000),
})

/** 听取意见 before a decrease, stop or phase-out (社救法 art. 48): how and when, or the failed contacts. */
export const HearingRecord = z.object({
  method: z.enum(['inPerson', 'visit', 'phone', 'letter'], { error: '请选择听取方式' }),
  heardPerson: optText('陈述人', 20),
  statement: optText('当事人陈述、申辩', 2000),
  attempts: z.array(z.object({ date: date('联系日期'), method: text('联系方式', 20), result: text('结果', 100) })).default([]),
  outcome: z.enum(['heard', 'unreachable', 'declined'], { error: '请选择听取结果' }),
}).superRefine((v, ctx) => {
  if (v.outcome === 'heard' && (!v.heardPerson || !v.statement)) ctx.addIssue({ code: 'custom', path: ['statement'], message: '已听取意见的，请记录陈述人和陈述内容' })
  if (v.outcome === 'unreachable' && v.attempts.length < 2) ctx.addIssue({ code: 'custom', path: ['attempts'], message: '无法联系的，请至少记录两次联系经过' })
})

export const CountyVisitRecord = z.object({
  visitors: z.array(Person).min(1, '请填写县级核查人员'),
  findings: text('核查情况', 1000),
})

export const RECORD_SCHEMAS = {
  application: ApplicationRecord,
  materialsNotice: MaterialsNoticeRecord,
  homeVisit: HomeVisitRecord,
  checkReport: CheckReportRecord,
  checkNotice: CheckNoticeRecord,
  checkAppeal: CheckAppealRecord,
  hearing: HearingRecord,
  countyVisit: CountyVisitRecord,
} as const satisfies Record<RecordKind, z.ZodType>

export const RecheckClass = z.enum(['A', 'B', 'C'], { error: '请选择分类管理类别（A/B/C）' })

/** Signed-step content: 初审意见 / 拟调整方案, the decision, 不予受理 grounds. */
export const StepData = z.object({
  /** preliminary (new application): positive or negative 初审意见. */
  opinion: z.enum(['positive', 'negative']).optional(),
  /** preliminary (management): the proposal. */
  outcome: z.enum(['noChange', 'increase', 'decrease', 'stop', 'phaseOut', 'resume']).optional(),
  /** 渐退 months (≤ ⚙ phaseOut.maxMonths). */
  phaseOutMonths: z.number().int().min(1).max(24).optional(),
  recheckClass: RecheckClass.optional(),
  /** withdrawn from 补正: the applicant did not supply the materials within ⚙ acceptance.lapseDays — 视为撤回, with written notice. */
  lapsed: z.boolean().optional(),
  /** notAccepted: one of the closed list of grounds (domain.md §4.1). */
  ground: z.enum(['wrongTownship', 'notMember', 'openCase']).optional(),
  /** 办法 art. 34: a member able to work refused suitable jobs 3 times running without good reason → his share is stopped. */
  memberStop: z.object({
    memberId: z.string().min(1, '请选择本人份额停发的成员'),
    refusals: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), job: z.string().trim().min(1, '请填写介绍的工作').max(60) })).min(3, '须记录连续三次无正当理由拒绝介绍的工作（办法第三十四条）').max(10),
  }).optional(),
  /** notified after a 停发: the 低保证/确认通知书 cancelled (seed 003 衡阳 "收回并注销相关证件"). */
  certificateNo: z.string().trim().max(40, '证件编号不超过40字').optional(),
  certificateReturned: z.boolean().optional(),
  /** stop/decrease decided against the hearing: a written reason is required anyway (in `reason`). */
}).default({})
export type StepDataT = z.output<typeof StepData>

export const NOT_ACCEPTED_GROUNDS: Record<'wrongTownship' | 'notMember' | 'openCase', string> = {
  wrongTownship: '不属于本乡镇受理范围（告知应向何处申请）',
  notMember: '申请人不是共同生活的家庭成员且无委托手续',
  openCase: '该户已有在办案件或已在保',
}
