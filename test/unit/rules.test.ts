import { describe, expect, it } from 'vitest'
import shippedRows from '../../resources/policy/params.json'
import { RULES, RULE_PARAM_KEYS, evaluateRules, evaluateWith } from '../../main/domain/rules'
import { EX1_INCOMES, GUILAN, income, JIANGUO, member, XIAOMING, XIUYING } from '../fixtures/facts'
import type { Rule, RuleAsset, RuleFacts, RuleFlag, RuleIncome, RuleMember, RuleObligor, RuleParams, RuleVisitCheck, Severity } from '../../main/domain/rules/types'

// domain.md §6.2: S = 800.00 元; money in 分. asOf: a decision date in 2026.
const S = 80_000
const AS_OF = '2026-09-20'

/** The shipped national defaults (resources/policy/params.json). */
const SHIPPED: RuleParams = Object.fromEntries((shippedRows as Array<{ key: string; value: unknown }>).map((r) => [r.key, r.value]))
const P = (over: Record<string, unknown> = {}): RuleParams => ({ ...SHIPPED, ...over })

const asset = (over: Partial<RuleAsset> & { id: string; kind: string; valueFen: number }): RuleAsset => ({ memberId: 'm1', description: '', quantity: null, exempt: false, exemptReason: null, ...over })
const obligor = (over: Partial<RuleObligor> = {}): RuleObligor => ({ id: 'o1', name: '张建军', relation: 'child', age: 40, monthlyIncomeFen: null, supportPaidFen: 10_000, waiver: false, waiverReason: null, consent: true, ...over })

// The 算例1 household (JIANGUO, XIAOMING, GUILAN, EX1_INCOMES) comes from test/fixtures/facts.ts.

/** A clean 算例1 new application at the county decision, all records present. */
function baseFacts(overrides: Partial<RuleFacts> = {}): RuleFacts {
  return {
    asOf: AS_OF,
    caseKind: 'newApplication',
    currentStep: 'submitted',
    steps: [
      { kind: 'received', date: '2026-08-03' },
      { kind: 'accepted', date: '2026-08-03' },
      { kind: 'investigating', date: '2026-08-05' },
      { kind: 'preliminary', date: '2026-08-20' },
      { kind: 'noticing', date: '2026-08-21' },
      { kind: 'submitted', date: '2026-09-01' },
    ],
    household: {
      id: 'h1',
      fileNo: 'DB-2026-0001',
      category: 'rural',
      status: 'applying',
      address: '城关镇东关村三组',
      villageCode: '410721100201',
      bankName: '农村信用社',
      bankAccount: '6230000000000000001',
      payeeName: '张建国',
      relativeFiling: false,
      legacyImport: false,
      currentBenefitFen: null,
    },
    members: [JIANGUO, XIAOMING, GUILAN],
    incomes: EX1_INCOMES,
    assets: [],
    obligors: [],
    otherOpenFiles: [],
    staffRelations: [],
    sharedAccounts: [],
    individualInclusion: null,
    standardFen: S,
    attachmentKinds: ['application', 'pledge', 'consent', 'visitForm', 'checkReport'],
    records: { accepted: true, investigation: { investigators: 2, date: '2026-08-05' }, checkReport: { date: '2026-08-12' }, countyVisit: false, decision: false },
    objections: { total: 0, open: 0 },
    uncollectedMonths: null,
    visitChecks: [],
    ...overrides,
  }
}

const records = (over: Partial<RuleFacts['records']>): RuleFacts['records'] => ({ ...baseFacts().records, ...over })
const household = (over: Partial<RuleFacts['household']>): RuleFacts['household'] => ({ ...baseFacts().household, ...over })
const withIncome = (amounts: Array<[string, RuleIncome['kind'], string, number]>): RuleIncome[] =>
  amounts.map(([memberId, kind, subtype, amountFen], i) => income({ id: `x${i}`, memberId: memberId || null, kind, subtype, amountFen }))

/** 4-person family for 单人保 (算例4): wages 3,600.00 → per capita 900.00 (≥ S, < 1.5 × S: 边缘). */
const FAMILY4 = [JIANGUO, XIUYING, XIAOMING, GUILAN]
const single = (over: Partial<RuleFacts> = {}): RuleFacts =>
  baseFacts({ members: FAMILY4, incomes: withIncome([['m1', 'wage', '工资', 360_000]]), individualInclusion: { memberId: 'm4', basis: '一级肢体残疾' }, ...over })

const flagsOf = (ruleId: string, facts: RuleFacts, params: RuleParams = P()): RuleFlag[] => evaluateRules(facts, params).filter((f) => f.ruleId === ruleId)

type Row = { name: string; rule: string; facts: RuleFacts; params?: Record<string, unknown>; expect: Severity[]; contains?: string[] }

function check(row: Row): void {
  const flags = flagsOf(row.rule, row.facts, P(row.params))
  expect(flags.map((f) => f.severity), flags.map((f) => f.message).join(' | ')).toEqual(row.expect)
  for (const f of flags) {
    expect(f.title.length).toBeGreaterThan(0)
    expect(f.message.length).toBeGreaterThan(0)
    expect(f.source.length).toBeGreaterThan(0)
    expect(f.message).not.toContain('规则计算出错')
  }
  const text = flags.map((f) => [f.title, f.message, ...f.evidence, f.source].join('\n')).join('\n')
  for (const c of row.contains ?? []) expect(text).toContain(c)
}

describe('基础户（算例1，报送县级审核确认）', () => {
  it('除养老金参考信息外没有任何提示', () => {
    const flags = evaluateRules(baseFacts(), SHIPPED)
    expect(flags.filter((f) => f.severity !== 'info')).toEqual([])
    expect(flags.map((f) => f.ruleId)).toEqual(['X6.pension'])
  })
})

describe('records.complete 受理、调查、确认记录（办法第二十八条）', () => {
  const rows: Row[] = [
    { name: '记录齐全 → 通过', rule: 'records.complete', facts: baseFacts(), expect: [] },
    { name: '报送审核确认时缺受理记录 → 阻止', rule: 'records.complete', facts: baseFacts({ records: records({ accepted: false }) }), expect: ['block'], contains: ['受理记录'] },
    { name: '报送审核确认时只有1名调查人员 → 阻止', rule: 'records.complete', facts: baseFacts({ records: records({ investigation: { investigators: 1, date: '2026-08-05' } }) }), expect: ['block'], contains: ['至少 2 名调查人员', '办法第十六条'] },
    { name: '调查人员恰为 2 名 → 通过（不少于）', rule: 'records.complete', facts: baseFacts({ records: records({ investigation: { investigators: 2, date: '2026-08-05' } }) }), expect: [] },
    { name: 'investigation.minInvestigators = 3，2 名 → 阻止', rule: 'records.complete', facts: baseFacts(), params: { 'investigation.minInvestigators': 3 }, expect: ['block'], contains: ['至少 3 名调查人员'] },
    { name: '初审阶段缺入户调查记录 → 提示（签署初审前确认）', rule: 'records.complete', facts: baseFacts({ currentStep: 'preliminary', records: records({ investigation: null }) }), expect: ['warn'], contains: ['入户调查记录'] },
    { name: '调查阶段尚无调查记录 → 不提示', rule: 'records.complete', facts: baseFacts({ currentStep: 'investigating', records: records({ investigation: null }) }), expect: [] },
    { name: '调查阶段缺受理记录 → 参考信息', rule: 'records.complete', facts: baseFacts({ currentStep: 'investigating', records: records({ accepted: false, investigation: null }) }), expect: ['info'] },
    { name: '接收申请阶段 → 不检查', rule: 'records.complete', facts: baseFacts({ currentStep: 'received', records: records({ accepted: false, investigation: null }) }), expect: [] },
    { name: '已公布但无确认记录 → 阻止', rule: 'records.complete', facts: baseFacts({ currentStep: 'published', records: records({ decision: false }) }), expect: ['block'], contains: ['审核确认记录'] },
    { name: '已公布且有确认记录 → 通过', rule: 'records.complete', facts: baseFacts({ currentStep: 'published', records: records({ decision: true }) }), expect: [] },
    { name: '不予确认的案件不要求确认记录', rule: 'records.complete', facts: baseFacts({ currentStep: 'rejected' }), expect: [] },
    { name: '未知环节按审核确认阶段检查 → 阻止', rule: 'records.complete', facts: baseFacts({ currentStep: 'someNewStep', records: records({ accepted: false }) }), expect: ['block'] },
    { name: '复核不要求受理记录', rule: 'records.complete', facts: baseFacts({ caseKind: 'recheck', currentStep: 'decided', records: records({ accepted: false }) }), expect: [] },
    { name: '复核缺入户调查 → 阻止', rule: 'records.complete', facts: baseFacts({ caseKind: 'recheck', currentStep: 'decided', records: records({ accepted: false, investigation: null }) }), expect: ['block'] },
    { name: '恢复发放不检查', rule: 'records.complete', facts: baseFacts({ caseKind: 'resume', records: records({ accepted: false, investigation: null }) }), expect: [] },
    { name: '旧档导入户 → 参考信息', rule: 'records.complete', facts: baseFacts({ caseKind: 'recheck', currentStep: 'investigating', household: household({ legacyImport: true }) }), expect: ['info'], contains: ['旧系统导入'] },
  ]
  it.each(rows)('$name', check)
})

describe('check.report 核对报告', () => {
  const rows: Row[] = [
    { name: '有核对报告 → 通过', rule: 'check.report', facts: baseFacts(), expect: [] },
    { name: '无核对报告 → 提示', rule: 'check.report', facts: baseFacts({ records: records({ checkReport: null }), attachmentKinds: [] }), expect: ['warn'], contains: ['附件中也没有核对报告'] },
    { name: '附件有报告但未登记 → 提示写明', rule: 'check.report', facts: baseFacts({ records: records({ checkReport: null }) }), expect: ['warn'], contains: ['附件中有“核对报告”'] },
    { name: 'investigation.requireCheck = false → 不提示', rule: 'check.report', facts: baseFacts({ records: records({ checkReport: null }) }), params: { 'investigation.requireCheck': false }, expect: [] },
    { name: '接收申请阶段 → 不提示', rule: 'check.report', facts: baseFacts({ currentStep: 'received', records: records({ checkReport: null }) }), expect: [] },
  ]
  it.each(rows)('$name', check)
})

describe('income.belowStandard 收入低于标准（暂行办法第九条；§6.2 算例）', () => {
  const ex6 = withIncome([['m1', 'wage', '工资', 255_000], ['', 'transfer', '赡养费', 10_000], ['', 'property', '土地流转租金', 5_000]])
  const rows: Row[] = [
    { name: '算例1：I 960.00 < 2,400.00 → 通过', rule: 'income.belowStandard', facts: baseFacts(), expect: [] },
    { name: '算例6 新申请：I 2,700.00 > 2,400.00 → 阻止', rule: 'income.belowStandard', facts: baseFacts({ incomes: ex6 }), expect: ['block'], contains: ['2,700.00 元', '2,400.00 元', '900.00 元', '800.00 元', '不予确认'] },
    { name: '算例6 复核：工资导致超标 → 阻止，提示可渐退（最长 6 个月）', rule: 'income.belowStandard', facts: baseFacts({ caseKind: 'recheck', currentStep: 'investigating', incomes: ex6 }), expect: ['block'], contains: ['渐退', '最长 6 个月', '工资性收入 2,550.00 元'] },
    { name: 'phaseOut.maxMonths = 3 写入提示', rule: 'income.belowStandard', facts: baseFacts({ caseKind: 'change', incomes: ex6 }), params: { 'phaseOut.maxMonths': 3 }, expect: ['block'], contains: ['最长 3 个月'] },
    { name: '复核：收入恰好等于 S×N（工资）→ 阻止，不适用渐退', rule: 'income.belowStandard', facts: baseFacts({ caseKind: 'recheck', incomes: withIncome([['m1', 'wage', '工资', 225_000], ['', 'transfer', '赡养费', 15_000]]) }), expect: ['block'], contains: ['恰好等于', '不适用渐退'] },
    { name: 'phaseOut.includeEqual = true：恰好等于也可渐退', rule: 'income.belowStandard', facts: baseFacts({ caseKind: 'recheck', incomes: withIncome([['m1', 'wage', '工资', 225_000], ['', 'transfer', '赡养费', 15_000]]) }), params: { 'phaseOut.includeEqual': true }, expect: ['block'], contains: ['可以按渐退办理'] },
    { name: '复核：财产收入导致超标 → 停发，不提渐退', rule: 'income.belowStandard', facts: baseFacts({ caseKind: 'recheck', incomes: withIncome([['', 'property', '房屋出租', 270_000]]) }), expect: ['block'], contains: ['应按停发办理'] },
    { name: '边界：月收入 2,399.99 → 通过', rule: 'income.belowStandard', facts: baseFacts({ incomes: withIncome([['m1', 'wage', '工资', 239_999]]) }), expect: [] },
    { name: '边界：月收入 2,400.00（= S×N）→ 阻止（不是“低于”）', rule: 'income.belowStandard', facts: baseFacts({ incomes: withIncome([['m1', 'wage', '工资', 240_000]]) }), expect: ['block'], contains: ['不属于“低于”'] },
    { name: '基础养老金不计入：工资 2,390.00 + 基础养老金 150.00 → 通过', rule: 'income.belowStandard', facts: baseFacts({ incomes: withIncome([['m1', 'wage', '工资', 239_000], ['m3', 'transfer', '城乡居民基础养老金', 15_000]]) }), expect: [] },
    { name: 'income.excludeBasicPension = false：同上计入 → 阻止', rule: 'income.belowStandard', facts: baseFacts({ incomes: withIncome([['m1', 'wage', '工资', 239_000], ['m3', 'transfer', '城乡居民基础养老金', 15_000]]) }), params: { 'income.excludeBasicPension': false }, expect: ['block'] },
    { name: '算例4 单人保：本人无收入 → 通过（800.00）', rule: 'income.belowStandard', facts: single(), expect: [] },
    { name: '未录入低保标准 → 阻止（无法核算）', rule: 'income.belowStandard', facts: baseFacts({ standardFen: null }), expect: ['block'], contains: ['未录入适用的低保标准'] },
    { name: '没有保障对象 → 阻止', rule: 'income.belowStandard', facts: baseFacts({ members: [{ ...JIANGUO, deathDate: '2026-01-01' }] }), expect: ['block'], contains: ['没有可计入的保障对象'] },
  ]
  it.each(rows)('$name', check)

  it('证据列出每项收入及计算步骤', () => {
    const [f] = flagsOf('income.belowStandard', baseFacts({ incomes: [...EX1_INCOMES, income({ id: 'big', memberId: 'm1', kind: 'wage', subtype: '奖金', amountFen: 200_000 })] }))
    expect(f.evidence).toContain('王桂兰：转移净收入（城乡居民基础养老金） 150.00 元/月，不计入：城乡居民基础养老金按现行政策不计入家庭收入')
    expect(f.evidence).toContain('低保标准合计 = 800.00 × 3 = 2,400.00 元')
    expect(f.source).toBe('《社会救助暂行办法》第九条')
  })
})

describe('members.allCovered 整户纳入（民发〔2022〕83号）', () => {
  const rows: Row[] = [
    { name: '全部纳入 → 通过', rule: 'members.allCovered', facts: baseFacts(), expect: [] },
    { name: '母亲未纳入、无单人保 → 阻止', rule: 'members.allCovered', facts: baseFacts({ members: [JIANGUO, XIAOMING, { ...GUILAN, isBeneficiary: false }] }), expect: ['block'], contains: ['王桂兰'] },
    { name: '非共同生活成员未纳入 → 通过', rule: 'members.allCovered', facts: baseFacts({ members: [JIANGUO, XIAOMING, { ...GUILAN, isBeneficiary: false, coResident: false }] }), expect: [] },
    { name: '单人保 → 本规则不检查', rule: 'members.allCovered', facts: single(), expect: [] },
  ]
  it.each(rows)('$name', check)
})

describe('individualInclusion.basis 单人保依据（办法第八条）', () => {
  const zhihong = member({ id: 'm5', name: '张小红', idNumber: '610113200002290046', gender: 'female', birthDate: '2000-02-29', relation: '30', employment: 'none', labour: 'none', disabilityCert: '61011320000229004653' })
  const limb3 = { ...XIUYING, disabilityCert: '41072119900307432943', disabilityCategory: 4, disabilityGrade: 3 }
  const rows: Row[] = [
    { name: '算例4 一级肢体残疾，边缘家庭 → 通过', rule: 'individualInclusion.basis', facts: single(), expect: [] },
    { name: '三级智力残疾（仅有残疾人证号）→ 通过', rule: 'individualInclusion.basis', facts: single({ members: [JIANGUO, zhihong, XIAOMING, GUILAN], individualInclusion: { memberId: 'm5', basis: '三级智力残疾' } }), expect: [] },
    { name: '三级肢体残疾 → 提示核实依据', rule: 'individualInclusion.basis', facts: single({ members: [JIANGUO, limb3, XIAOMING, GUILAN] }), expect: ['warn'], contains: ['肢体残疾三级'] },
    { name: '重病且有诊断 → 通过', rule: 'individualInclusion.basis', facts: single({ members: [JIANGUO, { ...limb3, health: 'serious', diagnosis: '尿毒症' }, XIAOMING, GUILAN] }), expect: [] },
    { name: '重病但无诊断 → 提示', rule: 'individualInclusion.basis', facts: single({ members: [JIANGUO, { ...limb3, health: 'serious' }, XIAOMING, GUILAN] }), expect: ['warn'], contains: ['未录入诊断'] },
    { name: '单人保对象不在本户 → 阻止', rule: 'individualInclusion.basis', facts: single({ individualInclusion: { memberId: 'x', basis: '重病' } }), expect: ['block'] },
    { name: '单人保对象已死亡 → 阻止', rule: 'individualInclusion.basis', facts: single({ members: [JIANGUO, { ...XIUYING, deathDate: '2026-06-01' }, XIAOMING, GUILAN] }), expect: ['block'], contains: ['2026-06-01'] },
    { name: '边界：全家人均恰为 1.5 × S（1,200.00）→ 不属于边缘家庭，提示', rule: 'individualInclusion.basis', facts: single({ incomes: withIncome([['m1', 'wage', '工资', 480_000]]) }), expect: ['warn'], contains: ['1,200.00 元'] },
    { name: '边界：全家人均 1,199.99 → 边缘家庭，通过', rule: 'individualInclusion.basis', facts: single({ incomes: withIncome([['m1', 'wage', '工资', 479_996]]) }), expect: [] },
    { name: 'marginal.factor = 2：人均 1,200.00 → 通过', rule: 'individualInclusion.basis', facts: single({ incomes: withIncome([['m1', 'wage', '工资', 480_000]]) }), params: { 'marginal.factor': 2 }, expect: [] },
    { name: '全家人均低于标准 → 提示应整户纳入', rule: 'individualInclusion.basis', facts: single({ incomes: withIncome([['m1', 'wage', '工资', 100_000]]) }), expect: ['warn'], contains: ['整户纳入'] },
  ]
  it.each(rows)('$name', check)
})

describe('members.deceased 死亡成员（民发〔2022〕83号）', () => {
  const rows: Row[] = [
    { name: '无死亡成员 → 通过', rule: 'members.deceased', facts: baseFacts(), expect: [] },
    { name: '母亲已死亡仍为保障对象 → 阻止', rule: 'members.deceased', facts: baseFacts({ members: [JIANGUO, XIAOMING, { ...GUILAN, deathDate: '2026-08-01' }] }), expect: ['block'], contains: ['王桂兰', '2026-08-01', '减员'] },
    { name: '死亡日期晚于评估日 → 通过', rule: 'members.deceased', facts: baseFacts({ members: [JIANGUO, XIAOMING, { ...GUILAN, deathDate: '2026-10-01' }] }), expect: [] },
    { name: '已办理减员（离开本户）→ 通过', rule: 'members.deceased', facts: baseFacts({ members: [JIANGUO, XIAOMING, { ...GUILAN, deathDate: '2026-08-01', leftAt: '2026-08-15' }] }), expect: [] },
    { name: '唯一保障对象死亡 → 阻止，提示停发', rule: 'members.deceased', facts: baseFacts({ members: [{ ...GUILAN, deathDate: '2026-08-01' }] }), expect: ['block'], contains: ['停发'] },
  ]
  it.each(rows)('$name', check)
})

describe('members.otherOpenFiles 一人两档', () => {
  const rows: Row[] = [
    { name: '无重复 → 通过', rule: 'members.otherOpenFiles', facts: baseFacts(), expect: [] },
    { name: '同一地址没有其他档案 → 通过', rule: 'household.sharedAddress', facts: baseFacts({ sameAddress: [] }), expect: [] },
    { name: '同一地址另有在保档案（拆户保？）→ 提示', rule: 'household.sharedAddress', facts: baseFacts({ sameAddress: [{ fileNo: '410721101000077', headName: '张建军' }] }), expect: ['warn'], contains: ['拆户保', '410721101000077'] },
    { name: '同一户口簿户号另有在办档案 → 提示（拆户保）', rule: 'household.sharedAddress', facts: baseFacts({ household: { ...baseFacts().household, hukouNo: '000123456' }, sameHukouNo: [{ fileNo: '410721101000078', headName: '张建民' }] }), expect: ['warn'], contains: ['户号 000123456', '410721101000078', '独立生活'] },
    { name: '地址和户号都与他户相同 → 两条提示', rule: 'household.sharedAddress', facts: baseFacts({ sameAddress: [{ fileNo: '410721101000077', headName: '张建军' }], sameHukouNo: [{ fileNo: '410721101000077', headName: '张建军' }] }), expect: ['warn', 'warn'] },
    { name: '母亲在另一在保档案中 → 阻止', rule: 'members.otherOpenFiles', facts: baseFacts({ otherOpenFiles: [{ memberName: '王桂兰', idNumber: '11010519491231002X', fileNo: 'DB-2019-0042', headName: '张建军' }] }), expect: ['block'], contains: ['DB-2019-0042', '张建军'] },
  ]
  it.each(rows)('$name', check)
})

describe('relatives.filing / county.visit / objections.open 近亲属备案与县级入户', () => {
  const rel = [{ memberName: '张建国', idNumber: '410721199003074310', staffName: '张建民', staffPost: '村委会委员', relation: '兄弟' }]
  const rows: Row[] = [
    { name: '无近亲属关系 → 不需备案', rule: 'relatives.filing', facts: baseFacts(), expect: [] },
    { name: '村委会委员的兄弟，未备案 → 提示备案', rule: 'relatives.filing', facts: baseFacts({ staffRelations: rel }), expect: ['warn'], contains: ['张建国 是村委会委员 张建民 的兄弟'] },
    { name: '已备案 → 通过', rule: 'relatives.filing', facts: baseFacts({ staffRelations: rel, household: household({ relativeFiling: true }) }), expect: [] },
    { name: '无备案、无投诉 → 不需县级入户', rule: 'county.visit', facts: baseFacts(), expect: [] },
    { name: '备案案件无县级入户记录 → 阻止', rule: 'county.visit', facts: baseFacts({ staffRelations: rel, household: household({ relativeFiling: true }) }), expect: ['block'], contains: ['办法第二十条'] },
    { name: '备案案件已有县级入户 → 通过', rule: 'county.visit', facts: baseFacts({ staffRelations: rel, records: records({ countyVisit: true }) }), expect: [] },
    { name: '被投诉案件无县级入户 → 阻止', rule: 'county.visit', facts: baseFacts({ objections: { total: 1, open: 0 } }), expect: ['block'], contains: ['有投诉或公示异议 1 件'] },
    { name: '乡镇审核确认模式默认仍须县级入户 → 阻止', rule: 'county.visit', facts: baseFacts({ objections: { total: 1, open: 0 } }), params: { 'procedure.decisionLevel': 'township' }, expect: ['block'] },
    { name: '乡镇模式且 countyVisit.inTownshipMode = false → 提示', rule: 'county.visit', facts: baseFacts({ objections: { total: 1, open: 0 } }), params: { 'procedure.decisionLevel': 'township', 'countyVisit.inTownshipMode': false }, expect: ['warn'] },
    { name: '异议已办结 → 通过', rule: 'objections.open', facts: baseFacts({ objections: { total: 2, open: 0 } }), expect: [] },
    { name: '尚有未办结异议 → 提示', rule: 'objections.open', facts: baseFacts({ objections: { total: 2, open: 1 } }), expect: ['warn'], contains: ['1 件'] },
  ]
  it.each(rows)('$name', check)
})

describe('consent.refusal 授权核对（办法第二十九条）', () => {
  const rows: Row[] = [
    { name: '义务人已授权 → 通过', rule: 'consent.refusal', facts: baseFacts({ obligors: [obligor()] }), expect: [] },
    { name: '义务人拒绝授权 → 提示，可终止', rule: 'consent.refusal', facts: baseFacts({ obligors: [obligor({ consent: false })] }), expect: ['warn'], contains: ['张建军（子女）', '终止'] },
  ]
  it.each(rows)('$name', check)
})

describe('payment.account 实名账户、一人持多卡', () => {
  const rows: Row[] = [
    { name: '户主本人账户 → 通过', rule: 'payment.account', facts: baseFacts(), expect: [] },
    { name: '收款人不是本户成员 → 提示', rule: 'payment.account', facts: baseFacts({ household: household({ payeeName: '赵六' }) }), expect: ['warn'], contains: ['不是本户成员'] },
    { name: '收款人是本户成员但未纳入保障 → 提示', rule: 'payment.account', facts: baseFacts({ members: [{ ...JIANGUO, isBeneficiary: false }, XIAOMING, GUILAN] }), expect: ['warn'], contains: ['不是保障对象'] },
    { name: '单人保：收款人应为保障对象本人', rule: 'payment.account', facts: single(), expect: ['warn'], contains: ['保障对象：李秀英'] },
    { name: '收款人是村干部（非本户成员）→ 阻止', rule: 'payment.account', facts: baseFacts({ household: household({ payeeName: '张建民' }), staffRelations: [{ memberName: '张建国', idNumber: '410721199003074310', staffName: '张建民', staffPost: '村委会委员', relation: '兄弟' }] }), expect: ['block'], contains: ['经手'] },
    { name: '有账户无户名 → 提示', rule: 'payment.account', facts: baseFacts({ household: household({ payeeName: null }) }), expect: ['warn'] },
    { name: '同一账户用于其他在保家庭 → 提示一人持多卡', rule: 'payment.account', facts: baseFacts({ sharedAccounts: [{ fileNo: 'DB-2020-0007', headName: '李四' }] }), expect: ['warn'], contains: ['一人持多卡', 'DB-2020-0007'] },
  ]
  it.each(rows)('$name', check)
})

describe('X1.financialAssets 金融资产（asset.financialLimit）', () => {
  const deposit = (valueFen: number, over: Partial<RuleAsset> = {}) => [asset({ id: 'a1', kind: 'deposit', description: '信用社定期存款', valueFen, ...over })]
  const rows: Row[] = [
    { name: '无金融资产 → 通过', rule: 'X1.financialAssets', facts: baseFacts(), expect: [] },
    { name: '有存款、本县未设限额 → 提示', rule: 'X1.financialAssets', facts: baseFacts({ assets: deposit(1_000_000) }), expect: ['warn'], contains: ['10,000.00 元', '尚未在“政策参数”中录入金融资产认定限额'] },
    { name: '存款已豁免、未设限额 → 通过', rule: 'X1.financialAssets', facts: baseFacts({ assets: deposit(1_000_000, { exempt: true, exemptReason: '重病治疗专款' }) }), expect: [] },
    { name: '绝对限额 2 万元“以上”（gte），存款恰为 20,000.00 → 阻止（可豁免）', rule: 'X1.financialAssets', facts: baseFacts({ assets: deposit(2_000_000) }), params: { 'asset.financialLimit': { basis: 'absolute', value: 2_000_000, operator: 'gte', source: 'LOCAL 衡阳 清查清单：贰万元以上' } }, expect: ['blockUnlessExempt'], contains: ['达到或超过 20,000.00 元（含本数）', 'LOCAL 衡阳 清查清单：贰万元以上'] },
    { name: '绝对限额“超过”（gt），存款恰为 20,000.00 → 通过', rule: 'X1.financialAssets', facts: baseFacts({ assets: deposit(2_000_000) }), params: { 'asset.financialLimit': { basis: 'absolute', value: 2_000_000, operator: 'gt' } }, expect: [] },
    { name: '绝对限额（gt），20,000.01 → 阻止（可豁免）', rule: 'X1.financialAssets', facts: baseFacts({ assets: deposit(2_000_001) }), params: { 'asset.financialLimit': { basis: 'absolute', value: 2_000_000, operator: 'gt' } }, expect: ['blockUnlessExempt'] },
    { name: '人均 24 个月标准：3人限额 57,600.00，恰好等于（gt）→ 通过', rule: 'X1.financialAssets', facts: baseFacts({ assets: deposit(5_760_000) }), params: { 'asset.financialLimit': { basis: 'perCapitaMonths', value: 24, operator: 'gt' } }, expect: [] },
    { name: '人均 24 个月标准：57,600.01 → 阻止（可豁免）', rule: 'X1.financialAssets', facts: baseFacts({ assets: deposit(5_760_001) }), params: { 'asset.financialLimit': { basis: 'perCapitaMonths', value: 24, operator: 'gt' } }, expect: ['blockUnlessExempt'], contains: ['800.00 元 × 24 × 3 人 = 57,600.00 元'] },
    { name: '多项金融资产合计（存款 + 理财 + 支付余额），豁免项不计', rule: 'X1.financialAssets', facts: baseFacts({ assets: [...deposit(1_500_000), asset({ id: 'a2', kind: 'internetFinance', valueFen: 400_000 }), asset({ id: 'a3', kind: 'paymentBalance', valueFen: 100_000 }), asset({ id: 'a4', kind: 'savingsInsurance', valueFen: 900_000, exempt: true, exemptReason: '养老保险' })] }), params: { 'asset.financialLimit': { basis: 'absolute', value: 2_000_000, operator: 'gte' } }, expect: ['blockUnlessExempt'], contains: ['合计 20,000.00 元'] },
    { name: '家庭 12 个月标准（householdMonths，N = 2）：19,200.01 → 阻止', rule: 'X1.financialAssets', facts: baseFacts({ members: [JIANGUO, XIAOMING, { ...GUILAN, isBeneficiary: false }], assets: deposit(1_920_001) }), params: { 'asset.financialLimit': { basis: 'householdMonths', value: 12, operator: 'gt' } }, expect: ['blockUnlessExempt'], contains: ['800.00 元 × 2 人 × 12 = 19,200.00 元'] },
    { name: '按月数计算但未录入标准 → 提示', rule: 'X1.financialAssets', facts: baseFacts({ standardFen: null, assets: deposit(100) }), params: { 'asset.financialLimit': { basis: 'perCapitaMonths', value: 24, operator: 'gt' } }, expect: ['warn'] },
    { name: 'exclusion.items 停用 X1 → 不检查', rule: 'X1.financialAssets', facts: baseFacts({ assets: deposit(99_000_000) }), params: { 'exclusion.items': { X1: { enabled: false } } }, expect: [] },
  ]
  it.each(rows)('$name', check)

  it('限额参数格式错误 → 规则出错，阻止', () => {
    const flags = flagsOf('X1.financialAssets', baseFacts({ assets: deposit(100) }), P({ 'asset.financialLimit': { basis: 'yearly', value: 1 } }))
    expect(flags).toHaveLength(1)
    expect(flags[0].severity).toBe('block')
    expect(flags[0].message).toMatch(/^规则计算出错：政策参数 asset.financialLimit 的 basis/)
  })
})

describe('X2.vehicles 车辆（vehicle.valueLimit、vehicle.exemptKinds）', () => {
  const car = (valueFen: number, description = '小型轿车', kind = 'vehicle') => [asset({ id: 'v1', kind, description, valueFen })]
  const rows: Row[] = [
    { name: '无车辆 → 通过', rule: 'X2.vehicles', facts: baseFacts(), expect: [] },
    { name: '轿车、本县未设限额 → 提示', rule: 'X2.vehicles', facts: baseFacts({ assets: car(5_000_000) }), expect: ['warn'], contains: ['50,000.00 元'] },
    { name: '电瓶车（默认豁免类型）→ 通过', rule: 'X2.vehicles', facts: baseFacts({ assets: car(300_000, '电瓶车') }), expect: [] },
    { name: '小型农机（手扶拖拉机，登记为小型）→ 通过', rule: 'X2.vehicles', facts: baseFacts({ assets: [asset({ id: 'm1', kind: 'boatMachinery', description: '手扶拖拉机', valueFen: 300_000, sizeClass: 'small' })] }), expect: [] },
    { name: '中型拖拉机 → 提示（注明规格）', rule: 'X2.vehicles', facts: baseFacts({ assets: [asset({ id: 'm1', kind: 'boatMachinery', description: '拖拉机', valueFen: 3_000_000, sizeClass: 'medium' })] }), expect: ['warn'], contains: ['拖拉机（中型）'] },
    { name: '收割机未登记规格 → 提示核实规格', rule: 'X2.vehicles', facts: baseFacts({ assets: [asset({ id: 'm1', kind: 'boatMachinery', description: '收割机', valueFen: 5_000_000 })] }), expect: ['warn'], contains: ['未登记规格', '是否中型以上'] },
    { name: '残疾人机动轮椅车 → 通过', rule: 'X2.vehicles', facts: baseFacts({ assets: car(800_000, '残疾人机动轮椅车') }), expect: [] },
    { name: '登记为生产必需（豁免）→ 通过', rule: 'X2.vehicles', facts: baseFacts({ assets: [asset({ id: 'v1', kind: 'vehicle', description: '农用三轮车', valueFen: 900_000, exempt: true, exemptReason: '生产必需' })] }), expect: [] },
    { name: '重庆：3 万元以下豁免（gt），恰为 30,000.00 → 通过', rule: 'X2.vehicles', facts: baseFacts({ assets: car(3_000_000) }), params: { 'vehicle.valueLimit': 3_000_000 }, expect: [] },
    { name: '重庆：30,000.01 → 阻止（可豁免）', rule: 'X2.vehicles', facts: baseFacts({ assets: car(3_000_001) }), params: { 'vehicle.valueLimit': 3_000_000 }, expect: ['blockUnlessExempt'], contains: ['超过 30,000.00 元'] },
    { name: '泗县：8 万元以上（gte），恰为 80,000.00 → 阻止（可豁免）', rule: 'X2.vehicles', facts: baseFacts({ assets: car(8_000_000) }), params: { 'vehicle.valueLimit': { valueFen: 8_000_000, operator: 'gte', source: 'LOCAL 泗县' } }, expect: ['blockUnlessExempt'], contains: ['（含本数）', 'LOCAL 泗县'] },
    { name: '泗县：79,999.99 → 通过', rule: 'X2.vehicles', facts: baseFacts({ assets: car(7_999_999) }), params: { 'vehicle.valueLimit': { valueFen: 8_000_000, operator: 'gte' } }, expect: [] },
    { name: '工程机械 → 提示', rule: 'X2.vehicles', facts: baseFacts({ assets: car(12_000_000, '挖掘机', 'boatMachinery') }), params: { 'vehicle.valueLimit': 3_000_000 }, expect: ['warn'], contains: ['挖掘机'] },
    { name: 'vehicle.exemptKinds 自定义：电瓶车不再豁免 → 提示', rule: 'X2.vehicles', facts: baseFacts({ assets: car(300_000, '电瓶车') }), params: { 'vehicle.exemptKinds': ['三轮'] }, expect: ['warn'] },
  ]
  it.each(rows)('$name', check)
})

describe('X3.housing 住房（housing.maxUnits）', () => {
  const home = (id: string, description = '自建砖混住房', over: Partial<RuleAsset> = {}) => asset({ id, kind: 'housing', description, valueFen: 10_000_000, ...over })
  const rows: Row[] = [
    { name: '一套住房 → 通过', rule: 'X3.housing', facts: baseFacts({ assets: [home('h1')] }), expect: [] },
    { name: '两套住房、本县未录入套数 → 提示', rule: 'X3.housing', facts: baseFacts({ assets: [home('h1'), home('h2', '镇上门面房楼上住宅')] }), params: { 'housing.maxUnits': undefined }, expect: ['warn'], contains: ['2 套'] },
    { name: '两套住房、本县录入 1 套 → 阻止（可豁免）', rule: 'X3.housing', facts: baseFacts({ assets: [home('h1'), home('h2')] }), params: { 'housing.maxUnits': 1 }, expect: ['blockUnlessExempt'] },
    { name: '第二套为 D 级危房（豁免）→ 通过', rule: 'X3.housing', facts: baseFacts({ assets: [home('h1'), home('h2', '老宅', { exempt: true, exemptReason: 'D级危房' })] }), params: { 'housing.maxUnits': 1 }, expect: [] },
    { name: 'housing.maxUnits = 2，两套 → 通过（不超过）', rule: 'X3.housing', facts: baseFacts({ assets: [home('h1'), home('h2')] }), params: { 'housing.maxUnits': 2 }, expect: [] },
    { name: '农村家庭在城镇购买商品房 → 提示', rule: 'X3.housing', facts: baseFacts({ assets: [home('h1', '县城商品房')] }), expect: ['warn'], contains: ['商品房'] },
  ]
  it.each(rows)('$name', check)
})

describe('X4.shops / X5.business 商铺、经营实体', () => {
  const rows: Row[] = [
    { name: '无商铺 → 通过', rule: 'X4.shops', facts: baseFacts(), expect: [] },
    { name: '有商铺、未设限额 → 提示', rule: 'X4.shops', facts: baseFacts({ assets: [asset({ id: 's1', kind: 'shop', description: '临街门面', valueFen: 20_000_000 })] }), expect: ['warn'], contains: ['临街门面'] },
    { name: '广东：不得有非住宅房产（限额 0，gt）→ 阻止（可豁免）', rule: 'X4.shops', facts: baseFacts({ assets: [asset({ id: 's1', kind: 'shop', description: '临街门面', valueFen: 1 })] }), params: { 'shop.valueLimit': { valueFen: 0, operator: 'gt', source: 'LOCAL 广东' } }, expect: ['blockUnlessExempt'] },
    { name: '商铺已豁免 → 通过', rule: 'X4.shops', facts: baseFacts({ assets: [asset({ id: 's1', kind: 'shop', valueFen: 20_000_000, exempt: true, exemptReason: '已停业待拆' })] }), expect: [] },
    { name: '无经营实体 → 通过', rule: 'X5.business', facts: baseFacts(), expect: [] },
    { name: '个体工商户、未设限额 → 提示', rule: 'X5.business', facts: baseFacts({ assets: [asset({ id: 'b1', kind: 'business', description: '个体工商户（小卖部）', valueFen: 500_000 })] }), expect: ['warn'], contains: ['小卖部'] },
    { name: '限额 5 万元以上（gte），恰为 50,000.00 → 阻止（可豁免）', rule: 'X5.business', facts: baseFacts({ assets: [asset({ id: 'b1', kind: 'business', description: '养殖合作社股份', valueFen: 5_000_000 })] }), params: { 'business.valueLimit': { valueFen: 5_000_000, operator: 'gte' } }, expect: ['blockUnlessExempt'] },
    { name: '限额 5 万元以上，49,999.99 → 通过', rule: 'X5.business', facts: baseFacts({ assets: [asset({ id: 'b1', kind: 'business', valueFen: 4_999_999 })] }), params: { 'business.valueLimit': { valueFen: 5_000_000, operator: 'gte' } }, expect: [] },
  ]
  it.each(rows)('$name', check)
})

describe('X6–X11 其他清查项目', () => {
  const couple = (over: Partial<RuleMember> = {}) => [JIANGUO, { ...XIUYING, disabilityCert: null, disabilityCategory: null, disabilityGrade: null, labour: 'full', health: 'healthy', ...over }, XIAOMING]
  const idle = { employment: 'none' }
  const rows: Row[] = [
    { name: 'X6 无养老金 → 通过', rule: 'X6.pension', facts: baseFacts({ incomes: EX1_INCOMES.slice(0, 3) }), expect: [] },
    { name: 'X6 领取基础养老金 → 参考信息（不计入）', rule: 'X6.pension', facts: baseFacts(), expect: ['info'], contains: ['王桂兰：城乡居民基础养老金 150.00 元/月，不计入'] },
    { name: 'X6 单位退休人员未录入退休金 → 参考信息', rule: 'X6.pension', facts: baseFacts({ incomes: EX1_INCOMES.slice(0, 3), members: [JIANGUO, XIAOMING, { ...GUILAN, employment: 'retired' }] }), expect: ['info'], contains: ['单位退休'] },
    { name: 'X7 义务人支付赡养费 → 通过', rule: 'X7.supportAndCompensation', facts: baseFacts({ obligors: [obligor({ monthlyIncomeFen: 500_000, supportPaidFen: 20_000 })] }), expect: [] },
    { name: 'X7 义务人有收入未付赡养费 → 提示', rule: 'X7.supportAndCompensation', facts: baseFacts({ obligors: [obligor({ monthlyIncomeFen: 500_000, supportPaidFen: 0 })] }), expect: ['warn'], contains: ['5,000.00 元'] },
    { name: 'X7 义务人已豁免 → 通过', rule: 'X7.supportAndCompensation', facts: baseFacts({ obligors: [obligor({ monthlyIncomeFen: 500_000, supportPaidFen: null, waiver: true, waiverReason: '兄弟姐妹对重度残疾人' })] }), expect: [] },
    { name: 'X7 征地补偿未计入 → 提示', rule: 'X7.supportAndCompensation', facts: baseFacts({ incomes: [...EX1_INCOMES, income({ id: 'c', memberId: 'm1', kind: 'transfer', subtype: '征地补偿款', amountFen: 30_000, counted: false })] }), expect: ['warn'], contains: ['征地补偿款'] },
    { name: 'X8 无财政供养人员 → 通过', rule: 'X8.publicPayroll', facts: baseFacts(), expect: [] },
    { name: 'X8 户主是财政供养人员 → 提示（不得以身份取消）', rule: 'X8.publicPayroll', facts: baseFacts({ members: [{ ...JIANGUO, publicPayroll: true }, XIAOMING, GUILAN] }), expect: ['warn'], contains: ['张建国'] },
    { name: 'X9 均在本户 → 通过', rule: 'X9.livingElsewhere', facts: baseFacts(), expect: [] },
    { name: 'X9 保障对象长期在外（非共同生活）→ 提示', rule: 'X9.livingElsewhere', facts: baseFacts({ members: [JIANGUO, XIAOMING, { ...GUILAN, coResident: false }] }), expect: ['warn'], contains: ['王桂兰'] },
    { name: 'X9 保障对象已迁出 → 提示', rule: 'X9.livingElsewhere', facts: baseFacts({ members: [JIANGUO, XIAOMING, { ...GUILAN, leftAt: '2026-07-01' }] }), expect: ['warn'], contains: ['2026-07-01 离开本户'] },
    { name: 'X10 户主在职 → 通过', rule: 'X10.idleCouple', facts: baseFacts({ members: couple(idle) }), expect: [] },
    { name: 'X10 夫妻 36 岁、健康、均无业 → 提示', rule: 'X10.idleCouple', facts: baseFacts({ members: [{ ...JIANGUO, ...idle }, ...couple(idle).slice(1)] }), expect: ['warn'], contains: ['36 岁'] },
    { name: 'X10 边界：恰为 45 岁（以下含本数）→ 提示', rule: 'X10.idleCouple', facts: baseFacts({ asOf: '2035-03-07', members: [{ ...JIANGUO, employment: 'unregisteredUnemployed' }, ...couple({ employment: 'registeredUnemployed' }).slice(1)] }), expect: ['warn'], contains: ['45 岁'] },
    { name: 'X10 边界：46 岁 → 通过', rule: 'X10.idleCouple', facts: baseFacts({ asOf: '2036-03-07', members: [{ ...JIANGUO, ...idle }, ...couple(idle).slice(1)] }), expect: [] },
    { name: 'X10 妻子多病 → 通过', rule: 'X10.idleCouple', facts: baseFacts({ members: [{ ...JIANGUO, ...idle }, ...couple({ ...idle, health: 'chronic' }).slice(1)] }), expect: [] },
    { name: 'X10 flag.idleCoupleAge = 35 → 通过', rule: 'X10.idleCouple', facts: baseFacts({ members: [{ ...JIANGUO, ...idle }, ...couple(idle).slice(1)] }), params: { 'flag.idleCoupleAge': 35 }, expect: [] },
    { name: 'X11 未领取 2 个月 → 通过', rule: 'X11.uncollected', facts: baseFacts({ uncollectedMonths: 2 }), expect: [] },
    { name: 'X11 边界：未领取恰为 3 个月（以上含本数）→ 提示复核', rule: 'X11.uncollected', facts: baseFacts({ uncollectedMonths: 3 }), expect: ['warn'], contains: ['3 个月'] },
    { name: 'X11 flag.uncollectedMonths = 4，3 个月 → 通过', rule: 'X11.uncollected', facts: baseFacts({ uncollectedMonths: 3 }), params: { 'flag.uncollectedMonths': 4 }, expect: [] },
    { name: 'X11 未知 → 通过', rule: 'X11.uncollected', facts: baseFacts({ uncollectedMonths: null }), expect: [] },
  ]
  it.each(rows)('$name', check)
})

describe('入户调查生活状况核查清单：X5 经营、X7 就业与就读、X11 联系与住址、X12 群体、X13 生活水平', () => {
  const vc = (code: RuleVisitCheck['code'], over: Partial<RuleVisitCheck> = {}): RuleVisitCheck => ({ code, memberName: null, amountFen: null, months: null, note: '入户核实', ...over })
  const rows: Row[] = [
    { name: 'X5 未勾选经营情况 → 通过', rule: 'X5.businessActivity', facts: baseFacts(), expect: [] },
    { name: 'X5 月利润 1,500.00、本县未设限额 → 提示', rule: 'X5.businessActivity', facts: baseFacts({ visitChecks: [vc('businessProfit', { amountFen: 150_000, note: '经营小卖部' })] }), expect: ['warn'], contains: ['1,500.00 元', 'business.profitLimit', '经营小卖部'] },
    { name: 'X5 泗县：利润超过 2 倍标准（1,600.00），1,600.01 → 阻止（可豁免）', rule: 'X5.businessActivity', facts: baseFacts({ visitChecks: [vc('businessProfit', { amountFen: 160_001 })] }), params: { 'business.profitLimit': { multiple: 2, source: 'LOCAL 泗县' } }, expect: ['blockUnlessExempt'], contains: ['1,600.00 元', 'LOCAL 泗县'] },
    { name: 'X5 边界：恰为 1,600.00（“超过”不含本数）→ 通过', rule: 'X5.businessActivity', facts: baseFacts({ visitChecks: [vc('businessProfit', { amountFen: 160_000 })] }), params: { 'business.profitLimit': 2 }, expect: [] },
    { name: 'X5 常年雇工 → 提示', rule: 'X5.businessActivity', facts: baseFacts({ visitChecks: [vc('businessStaff', { note: '雇工 2 人，已 14 个月' })] }), expect: ['warn'], contains: ['雇工 2 人'] },
    { name: 'X5 关闭（exclusion.items）→ 通过', rule: 'X5.businessActivity', facts: baseFacts({ visitChecks: [vc('businessStaff')] }), params: { 'exclusion.items': { X5: { enabled: false } } }, expect: [] },
    { name: 'X7 子女已毕业就业 → 提示（收入应计入）', rule: 'X7.visitFindings', facts: baseFacts({ visitChecks: [vc('graduateEmployed', { memberName: '张小明', note: '在深圳电子厂务工' })] }), expect: ['warn'], contains: ['张小明已毕业并就业', '深圳电子厂'] },
    { name: 'X7 缴存公积金、出国留学 → 两条提示', rule: 'X7.visitFindings', facts: baseFacts({ visitChecks: [vc('housingFund', { memberName: '张建国' }), vc('highFeeSchool', { memberName: '张小明' })] }), expect: ['warn', 'warn'], contains: ['住房公积金', '出国（境）留学'] },
    { name: 'X7 无发现 → 通过', rule: 'X7.visitFindings', facts: baseFacts({ visitChecks: [vc('hiring')] }), expect: [] },
    { name: 'X11 联系方式变更、住址不实 → 两条提示（列入复核）', rule: 'X11.contactAddress', facts: baseFacts({ visitChecks: [vc('contactChanged'), vc('falseAddress', { note: '邻居称已搬往县城两年' })] }), expect: ['warn', 'warn'], contains: ['列入复核', '搬往县城'] },
    { name: 'X11 清单：未领取 3 个月 → 提示（无发放回盘时取入户调查结果）', rule: 'X11.uncollected', facts: baseFacts({ uncollectedMonths: 3, visitChecks: [vc('uncollected', { months: 3 })] }), expect: ['warn'] },
    { name: 'X12 以群体身份申请 → 提示逐户审核', rule: 'X12.groupEnrolment', facts: baseFacts({ visitChecks: [vc('groupEnrolment', { note: '原县化肥厂改制职工集体申请' })] }), expect: ['warn'], contains: ['逐户', '化肥厂'] },
    { name: 'X12 无 → 通过', rule: 'X12.groupEnrolment', facts: baseFacts(), expect: [] },
    { name: 'X13 近 3 年建房、雇工、特困 → 三条提示', rule: 'X13.livingStandard', facts: baseFacts({ visitChecks: [vc('recentBuild', { note: '2024 年新建两层楼房' }), vc('hiring'), vc('tekun', { memberName: '王桂兰' })] }), expect: ['warn', 'warn', 'warn'], contains: ['2024 年新建', '不重复享受'] },
    { name: 'X13 大额消费 12,000.00 ≥ 3 人 × 800.00 × 5 → 提示', rule: 'X13.livingStandard', facts: baseFacts({ visitChecks: [vc('bigPurchase', { amountFen: 1_200_000, note: '购买电动三轮车和冰箱' })] }), expect: ['warn'], contains: ['12,000.00 元'] },
    { name: 'X13 大额消费 11,999.99 < 12,000.00 → 通过', rule: 'X13.livingStandard', facts: baseFacts({ visitChecks: [vc('bigPurchase', { amountFen: 1_199_999 })] }), expect: [] },
    { name: 'X13 livingTests.purchaseMultiple = 3：7,200.00 → 提示', rule: 'X13.livingStandard', facts: baseFacts({ visitChecks: [vc('bigPurchase', { amountFen: 720_000 })] }), params: { 'livingTests.purchaseMultiple': 3 }, expect: ['warn'] },
    { name: 'X13 本县关闭“雇佣他人”一项 → 通过', rule: 'X13.livingStandard', facts: baseFacts({ visitChecks: [vc('hiring')] }), params: { 'livingTests.items': { hiring: { enabled: false } } }, expect: [] },
    { name: 'X13 参数格式错误 → 阻止（规则出错，不放行）', rule: 'X13.livingStandard', facts: baseFacts({ visitChecks: [vc('hiring')] }), params: { 'livingTests.items': 'off' }, expect: ['block'] },
  ]
  it.each(rows.filter((r) => !r.expect.includes('block')))('$name', check)
  it('X13 参数格式错误 → 阻止（规则计算出错，不放行）', () => {
    const flags = flagsOf('X13.livingStandard', baseFacts({ visitChecks: [vc('hiring')] }), P({ 'livingTests.items': 'off' }))
    expect(flags.map((f) => f.severity)).toEqual(['block'])
    expect(flags[0]!.message).toContain('livingTests.items')
  })
})

describe('relatives.recusal 调查、评议人员回避', () => {
  const rel = [{ memberName: '张建国', idNumber: '410721199003074310', staffName: '张建民', staffPost: '村委会委员', relation: '兄弟' }]
  const rows: Row[] = [
    { name: '无备案近亲属 → 通过', rule: 'relatives.recusal', facts: baseFacts({ participants: [{ role: 'investigator', name: '张建民', meetingNo: null, recused: false }] }), expect: [] },
    { name: '备案的村干部是入户调查人员 → 提示回避', rule: 'relatives.recusal', facts: baseFacts({ staffRelations: rel, participants: [{ role: 'investigator', name: '张建民', meetingNo: null, recused: false }, { role: 'investigator', name: '赵丽', meetingNo: null, recused: false }] }), expect: ['warn'], contains: ['张建民（村委会委员）是本户 张建国 的兄弟', '入户调查人员'] },
    { name: '备案的村干部参加评议且未登记回避 → 提示', rule: 'relatives.recusal', facts: baseFacts({ staffRelations: rel, participants: [{ role: 'reviewer', name: '张建民', meetingNo: 'PY-2026-003', recused: false }] }), expect: ['warn'], contains: ['PY-2026-003', '未登记回避'] },
    { name: '已在会议记录中登记回避 → 通过', rule: 'relatives.recusal', facts: baseFacts({ staffRelations: rel, participants: [{ role: 'reviewer', name: '张建民', meetingNo: 'PY-2026-003', recused: true }] }), expect: [] },
  ]
  it.each(rows)('$name', check)
})

describe('X10 其他夫妻、平均发放', () => {
  const idle = { employment: 'none', labour: 'full', health: 'healthy', disabilityCert: null, disabilityCategory: null, disabilityGrade: null }
  const son = member({ id: 's1', name: '张志强', idNumber: '410721199805060012', birthDate: '1998-05-06', relation: '20', ...idle })
  const dil = member({ id: 's2', name: '刘芳', idNumber: '410721199907080027', gender: 'female', birthDate: '1999-07-08', relation: '38', ...idle })
  const son2 = member({ id: 's3', name: '张志刚', idNumber: '410721200001010015', birthDate: '2000-01-01', relation: '23', ...idle })
  const dil2 = member({ id: 's4', name: '陈静', idNumber: '410721200002020028', gender: 'female', birthDate: '2000-02-02', relation: '38', ...idle })
  const pay = (i: number, benefitFen: number, persons: number, incomeFen: number | null) => ({ fileNo: `DB-2026-${String(i).padStart(4, '0')}`, benefitFen, persons, incomeFen })
  const inPayment = (villagePayments: NonNullable<RuleFacts['villagePayments']>, over: Partial<RuleFacts['household']> = {}) =>
    baseFacts({ caseKind: 'recheck', household: { ...baseFacts().household, status: 'active', currentBenefitFen: 90_000, currentBenefitPersons: 3, ...over }, villagePayments })
  const rows: Row[] = [
    { name: 'X10 儿子儿媳均 28 岁左右、健康、无业 → 提示', rule: 'X10.idleCouple', facts: baseFacts({ members: [JIANGUO, GUILAN, son, dil] }), expect: ['warn'], contains: ['儿子儿媳', '张志强', '刘芳'] },
    { name: 'X10 儿媳在职 → 通过', rule: 'X10.idleCouple', facts: baseFacts({ members: [JIANGUO, GUILAN, son, { ...dil, employment: 'employed' }] }), expect: [] },
    { name: 'X10 两个儿子两个儿媳（档案未载明谁与谁为夫妻）→ 不推定', rule: 'X10.idleCouple', facts: baseFacts({ members: [JIANGUO, GUILAN, son, dil, son2, dil2] }), expect: [] },
    { name: '平均发放：本村另有 5 户每人 300.00、人均收入各不相同 → 提示', rule: 'village.equalAmounts', facts: inPayment([pay(1, 60_000, 2, 100_000), pay(2, 30_000, 1, 20_000), pay(3, 120_000, 4, 0), pay(4, 90_000, 3, 150_000), pay(5, 60_000, 2, 60_000)]), expect: ['warn'], contains: ['300.00 元', '共 6 户'] },
    { name: '平均发放：相同金额但人均收入也相同（按差额算出）→ 通过', rule: 'village.equalAmounts', facts: inPayment([pay(1, 60_000, 2, 100_000), pay(2, 30_000, 1, 50_000), pay(3, 120_000, 4, 200_000), pay(4, 90_000, 3, 150_000), pay(5, 60_000, 2, 100_000)]), expect: [] },
    { name: '平均发放：只有 3 户相同（不足 flag.equalAmountsMin 5 户）→ 通过', rule: 'village.equalAmounts', facts: inPayment([pay(1, 60_000, 2, 100_000), pay(2, 30_000, 1, 0), pay(3, 50_000, 1, 0)]), expect: [] },
    { name: '平均发放：分档定额（benefit.mode = tiered）→ 不适用', rule: 'village.equalAmounts', facts: inPayment([pay(1, 60_000, 2, 100_000), pay(2, 30_000, 1, 20_000), pay(3, 120_000, 4, 0), pay(4, 90_000, 3, 150_000), pay(5, 60_000, 2, 60_000)]), params: { 'benefit.mode': 'tiered' }, expect: [] },
    { name: '平均发放：新申请（尚无发放金额）→ 不适用', rule: 'village.equalAmounts', facts: baseFacts({ villagePayments: [pay(1, 60_000, 2, 100_000)] }), expect: [] },
  ]
  it.each(rows)('$name', check)
})

describe('evaluateRules：顺序、参数与稳健性', () => {
  it('规则编号唯一，RULE_PARAM_KEYS 是各规则参数的并集（排序、去重）', () => {
    const ids = RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    const union = [...new Set(RULES.flatMap((r) => r.params))].sort()
    expect(RULE_PARAM_KEYS).toEqual(union)
    for (const k of ['asset.financialLimit', 'vehicle.valueLimit', 'housing.maxUnits', 'benefit.mode', 'benefit.tiers', 'benefit.rounding', 'benefit.floorShareBp', 'income.excludeBasicPension', 'investigation.minInvestigators', 'investigation.requireCheck', 'flag.idleCoupleAge', 'flag.uncollectedMonths', 'marginal.factor', 'phaseOut.maxMonths']) {
      expect(RULE_PARAM_KEYS).toContain(k)
    }
    for (const r of RULES) expect(r.label.length * r.source.length).toBeGreaterThan(0)
  })

  it('问题户：各规则的提示按 RULES 顺序排列，结果可重复', () => {
    const facts = baseFacts({
      incomes: withIncome([['m1', 'wage', '工资', 300_000]]),
      members: [{ ...JIANGUO, publicPayroll: true }, XIAOMING, { ...GUILAN, deathDate: '2026-08-01' }],
      assets: [asset({ id: 'a1', kind: 'deposit', valueFen: 5_000_000 }), asset({ id: 'v1', kind: 'vehicle', description: '轿车', valueFen: 9_000_000 })],
      otherOpenFiles: [{ memberName: '张小明', idNumber: '420106201605201239', fileNo: 'DB-2020-0001', headName: '张建军' }],
      sharedAccounts: [{ fileNo: 'DB-2020-0007', headName: '李四' }],
      records: records({ checkReport: null }),
      uncollectedMonths: 5,
    })
    const flags = evaluateRules(facts, SHIPPED)
    const order = flags.map((f) => RULES.findIndex((r) => r.id === f.ruleId))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(flags.map((f) => f.ruleId)).toEqual([
      'check.report',
      'income.belowStandard',
      'members.deceased',
      'members.otherOpenFiles',
      'payment.account',
      'X1.financialAssets',
      'X2.vehicles',
      'X8.publicPayroll',
      'X11.uncollected',
    ])
    expect(evaluateRules(facts, SHIPPED)).toEqual(flags)
  })

  it('一条规则出错 → 该规则给出“规则计算出错”阻止项，其余规则照常', () => {
    const broken: Rule = {
      id: 'test.broken',
      label: '测试用出错规则',
      source: '测试',
      params: [],
      evaluate() {
        throw new Error('数据异常')
      },
    }
    const flags = evaluateWith([broken, ...RULES], baseFacts({ uncollectedMonths: 3 }), SHIPPED)
    expect(flags[0]).toMatchObject({ ruleId: 'test.broken', severity: 'block', source: '测试' })
    expect(flags[0].message).toMatch(/^规则计算出错：数据异常/)
    expect(flags.map((f) => f.ruleId)).toEqual(['test.broken', 'X6.pension', 'X11.uncollected'])
  })

  it('抛出非 Error 值也能记录', () => {
    const odd: Rule = { id: 'test.odd', label: '测试', source: '测试', params: [], evaluate: () => { throw 'oops' } }
    expect(evaluateWith([odd], baseFacts(), {})[0].message).toContain('规则计算出错：oops')
  })

  it('计算方式参数错误 → 收入规则阻止，其他规则不受影响', () => {
    const flags = evaluateRules(baseFacts({ uncollectedMonths: 3 }), P({ 'benefit.mode': 'average' }))
    const income = flags.filter((f) => f.ruleId === 'income.belowStandard')
    expect(income).toHaveLength(1)
    expect(income[0].severity).toBe('block')
    expect(income[0].message).toContain('规则计算出错：政策参数 benefit.mode')
    expect(flags.some((f) => f.ruleId === 'X11.uncollected')).toBe(true)
  })

  it('出生日期无效 → 相关规则阻止而不是放过', () => {
    const facts = baseFacts({ members: [{ ...JIANGUO, employment: 'none', birthDate: '1990-02-30' }, { ...XIUYING, disabilityCategory: null, disabilityGrade: null, disabilityCert: null, labour: 'full', employment: 'none' }] })
    const flags = evaluateRules(facts, SHIPPED)
    const x10 = flags.find((f) => f.ruleId === 'X10.idleCouple')
    expect(x10?.severity).toBe('block')
    expect(x10?.message).toContain('规则计算出错')
  })

  it('空参数（无任何政策行）也能运行，使用文档默认值', () => {
    const flags = evaluateRules(baseFacts(), {})
    expect(flags.filter((f) => f.severity !== 'info')).toEqual([])
  })

  it('性能：6 口之家 evaluateRules 平均 < 5 ms', () => {
    const six = baseFacts({
      members: [JIANGUO, XIUYING, XIAOMING, GUILAN, member({ id: 'm5', name: '张小红', idNumber: '610113200002290046', gender: 'female', birthDate: '2000-02-29', relation: '30' }), member({ id: 'm6', name: '张老汉', idNumber: '440524188001010014', birthDate: '1940-01-01', relation: '51', labour: 'none', employment: 'none' })],
      incomes: [...EX1_INCOMES, income({ id: 'i5', memberId: 'm5', kind: 'wage', amountFen: 150_000 })],
      assets: [asset({ id: 'a1', kind: 'deposit', valueFen: 100_000 }), asset({ id: 'h1', kind: 'housing', valueFen: 10_000_000 }), asset({ id: 'v1', kind: 'vehicle', description: '摩托车', valueFen: 300_000 })],
      obligors: [obligor()],
    })
    const params = P({ 'asset.financialLimit': { basis: 'perCapitaMonths', value: 24, operator: 'gt' } })
    evaluateRules(six, params)
    const runs = 200
    const t0 = performance.now()
    for (let i = 0; i < runs; i++) evaluateRules({ ...six }, params)
    expect((performance.now() - t0) / runs).toBeLessThan(5)
  })
})
