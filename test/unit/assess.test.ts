import { describe, expect, it } from 'vitest'
import { assessHousehold, policyExclusion, type AssessInput } from '../../main/domain/assess'
import type { RuleIncome, RuleMember, RuleParams } from '../../main/domain/rules/types'
import { EX1_INCOMES, GUILAN, income, JIANGUO, member, XIAOMING, XIUYING } from '../fixtures/facts'

// domain.md §6.2: S = 800.00 元; money in 分.
const S = 80_000
const AS_OF = '2026-09-20'
const PARAMS: RuleParams = { 'income.excludeBasicPension': true, 'benefit.rounding': 'fenHalfUp' }

// 算例1 (test/fixtures/facts.ts): wages 10 800.00 − 10 % = 9 720.00 a year (810.00 a month), support 1 200.00 (100.00),
// land rent 600.00 (50.00), grandmother's 基础养老金 1 800.00 (150.00) excluded → I = 960.00.

function input(over: Partial<AssessInput> = {}): AssessInput {
  return { members: [JIANGUO, XIAOMING, GUILAN], incomes: EX1_INCOMES, standardFen: S, individualInclusion: null, asOf: AS_OF, ...over }
}

describe('assessHousehold：domain.md §6.2 算例（S = 800.00 元）', () => {
  it('算例1 差额：3人，月计入收入 960.00 → 1,440.00', () => {
    const a = assessHousehold(input(), PARAMS)
    expect(a.beneficiaries.map((m) => m.name)).toEqual(['张建国', '张小明', '王桂兰'])
    expect(a.householdSize).toBe(3)
    expect(a.monthlyIncomeFen).toBe(96_000)
    expect(a.benefitInput).toMatchObject({ standardFen: S, members: 3, householdSize: 3, monthlyIncomeFen: 96_000, method: 'gap', rounding: 'fenHalfUp' })
    expect(a.result).toMatchObject({ eligible: true, monthlyFen: 144_000, perCapitaIncomeFen: 32_000 })
    expect(a.warnings).toEqual([])
  })

  it('算例1 基础养老金不计入，写明原因', () => {
    const a = assessHousehold(input(), PARAMS)
    const pension = a.incomeLines.find((l) => l.incomeId === 'i4')!
    expect(pension).toMatchObject({ memberName: '王桂兰', kindLabel: '转移净收入', counted: false, amountFen: 15_000 })
    expect(pension.reason).toContain('基础养老金')
    expect(a.incomeLines.filter((l) => l.counted).map((l) => l.incomeId)).toEqual(['i1', 'i2', 'i3'])
    expect(a.incomeLines.find((l) => l.incomeId === 'i2')).toMatchObject({ memberName: null, reason: null })
  })

  it('income.excludeBasicPension = false：基础养老金计入 → I 1,110.00，B 1,290.00', () => {
    const a = assessHousehold(input(), { ...PARAMS, 'income.excludeBasicPension': false })
    expect(a.monthlyIncomeFen).toBe(111_000)
    expect(a.result?.monthlyFen).toBe(129_000)
  })

  it('未设 income.excludeBasicPension 时按默认不计入', () => {
    expect(assessHousehold(input(), {}).monthlyIncomeFen).toBe(96_000)
  })

  it('算例5 提标至 850.00 → 1,590.00', () => {
    expect(assessHousehold(input({ standardFen: 85_000 }), PARAMS).result?.monthlyFen).toBe(159_000)
  })

  it('算例6 儿子就业：I 2,700.00 > 2,400.00 → 不符合，aboveStandard', () => {
    const incomes = [...EX1_INCOMES.filter((i) => i.id !== 'i1'), income({ id: 'i1', memberId: 'm1', kind: 'wage', subtype: '工资', amountFen: 255_000 })]
    const a = assessHousehold(input({ incomes }), PARAMS)
    expect(a.monthlyIncomeFen).toBe(270_000)
    expect(a.result).toMatchObject({ eligible: false, aboveStandard: true, monthlyFen: 0 })
  })

  it('算例4 单人保：4口边缘家庭中的一级肢体残疾成年人，本人无收入 → 800.00', () => {
    const incomes = [income({ id: 'w', memberId: 'm1', kind: 'wage', subtype: '工资', amountFen: 360_000 }), income({ id: 'r', kind: 'property', subtype: '土地流转租金', amountFen: 5_000 })]
    const a = assessHousehold(input({ members: [JIANGUO, XIUYING, XIAOMING, GUILAN], incomes, individualInclusion: { memberId: 'm4', basis: '一级肢体残疾' } }), PARAMS)
    expect(a.beneficiaries.map((m) => m.name)).toEqual(['李秀英'])
    expect(a.householdSize).toBe(4)
    expect(a.monthlyIncomeFen).toBe(0)
    expect(a.result).toMatchObject({ eligible: true, monthlyFen: 80_000 })
    expect(a.benefitInput).toMatchObject({ members: 1, householdSize: 4 })
    expect(a.notCounted.map((n) => [n.member.name, n.reason])).toEqual([
      ['张建国', '单人保：只保障 李秀英，不计入保障人数'],
      ['张小明', '单人保：只保障 李秀英，不计入保障人数'],
      ['王桂兰', '单人保：只保障 李秀英，不计入保障人数'],
    ])
    expect(a.incomeLines.find((l) => l.incomeId === 'w')?.reason).toBe('单人保：只计算保障对象本人的收入')
    expect(a.incomeLines.find((l) => l.incomeId === 'r')?.reason).toContain('不计家庭共有收入')
  })

  it('单人保：只计本人收入（本人残疾人补贴外的其他收入 100.00 → 700.00）', () => {
    const incomes = [income({ id: 'w', memberId: 'm1', kind: 'wage', amountFen: 360_000 }), income({ id: 'own', memberId: 'm4', kind: 'transfer', subtype: '赡养费', amountFen: 10_000 })]
    const a = assessHousehold(input({ members: [JIANGUO, XIUYING], incomes, individualInclusion: { memberId: 'm4', basis: '一级肢体残疾' } }), PARAMS)
    expect(a.monthlyIncomeFen).toBe(10_000)
    expect(a.result?.monthlyFen).toBe(70_000)
  })

  it('算例2 取整：2人，I 833.33 → 766.67；按元四舍五入 767.00；按元舍去 766.00', () => {
    const base = input({ members: [JIANGUO, XIAOMING], incomes: [income({ id: 'x', memberId: 'm1', kind: 'wage', amountFen: 83_333 })] })
    expect(assessHousehold(base, PARAMS).result?.monthlyFen).toBe(76_667)
    expect(assessHousehold(base, { 'benefit.rounding': 'yuanHalfUp' }).result?.monthlyFen).toBe(76_700)
    expect(assessHousehold(base, { 'benefit.rounding': { unit: '元', mode: 'down' } }).result?.monthlyFen).toBe(76_600)
    expect(assessHousehold(base, { 'benefit.rounding': { unit: 'jiao', mode: 'up' } }).result?.monthlyFen).toBe(76_670)
    expect(() => assessHousehold(base, { 'benefit.rounding': 'banker' })).toThrow('benefit.rounding')
  })

  it('算例3 保底 20%（benefit.floorShareBp = 2000）：4人，I 3,000.00 → 640.00', () => {
    const a = assessHousehold(
      input({ members: [JIANGUO, XIUYING, XIAOMING, GUILAN].map((m) => ({ ...m, disabilityCategory: null, disabilityGrade: null })), incomes: [income({ id: 'x', memberId: 'm1', kind: 'wage', amountFen: 300_000 })] }),
      { 'benefit.floorShareBp': 2000 },
    )
    expect(a.result?.monthlyFen).toBe(64_000)
  })

  it('分档（benefit.mode = tiered）：人均收入 320.00 < 50% × S → 一档 100% × S × N = 2,400.00', () => {
    const tiers = [
      { label: '一档', incomeBelowBp: 5000, shareBp: 10000 },
      { label: '二档', incomeBelowBp: 10000, shareBp: 5000 },
    ]
    const a = assessHousehold(input(), { 'benefit.mode': 'tiered', 'benefit.tiers': tiers })
    expect(a.benefitInput?.method).toBe('tiers')
    expect(a.result).toMatchObject({ tier: '一档', monthlyFen: 240_000 })
    expect(() => assessHousehold(input(), { 'benefit.mode': 'tiered' })).toThrow('benefit.tiers')
    expect(() => assessHousehold(input(), { 'benefit.mode': 'average' })).toThrow('benefit.mode')
  })
})

describe('assessHousehold：成员和收入是否计入', () => {
  type Row = { name: string; patch: Partial<RuleMember>; counted: boolean; reason?: string; incomeCounted: boolean }
  const rows: Row[] = [
    { name: '死亡日期早于评估日 → 已死亡，不计入', patch: { deathDate: '2026-08-01' }, counted: false, reason: '已死亡', incomeCounted: false },
    { name: '死亡日期恰为评估日 → 已死亡', patch: { deathDate: AS_OF }, counted: false, reason: '已死亡', incomeCounted: false },
    { name: '死亡日期晚于评估日 → 仍计入', patch: { deathDate: '2026-09-21' }, counted: true, incomeCounted: true },
    { name: '已离开本户 → 不计入', patch: { leftAt: '2026-07-01' }, counted: false, reason: '已离开本户', incomeCounted: false },
    { name: '非共同生活 → 不计入', patch: { coResident: false }, counted: false, reason: '非共同生活的家庭成员', incomeCounted: false },
    { name: '有不计入理由（服刑） → 不计入', patch: { notCountedReason: '服刑人员' }, counted: false, reason: '不计入家庭成员：服刑人员', incomeCounted: false },
    { name: '未纳入保障对象 → 不计入保障人数，但收入照计', patch: { isBeneficiary: false }, counted: false, reason: '未纳入保障对象', incomeCounted: true },
  ]
  it.each(rows)('$name', ({ patch, counted, reason, incomeCounted }) => {
    const a = assessHousehold(input({ members: [{ ...JIANGUO, ...patch }, XIAOMING, GUILAN] }), PARAMS)
    expect(a.beneficiaries.some((m) => m.id === 'm1')).toBe(counted)
    if (reason) expect(a.notCounted.find((n) => n.member.id === 'm1')?.reason).toBe(reason)
    const wage = a.incomeLines.find((l) => l.incomeId === 'i1')!
    expect(wage.counted).toBe(incomeCounted)
    expect(a.monthlyIncomeFen).toBe(incomeCounted ? 96_000 : 15_000)
    if (!incomeCounted) expect(wage.reason).toContain('其收入不计入')
  })

  it('家庭人口：未纳入保障的共同生活成员算家庭人口（N 2，家庭 3 人）', () => {
    const a = assessHousehold(input({ members: [JIANGUO, XIAOMING, { ...GUILAN, isBeneficiary: false }] }), PARAMS)
    expect(a.householdSize).toBe(3)
    expect(a.benefitInput).toMatchObject({ members: 2, householdSize: 3 })
    expect(a.result?.monthlyFen).toBe(160_000 - 96_000)
  })
})

describe('assessHousehold：不计入的收入项目（办法第十三条）', () => {
  const rows: Array<[string, string, boolean]> = [
    ['优待抚恤金', '优待抚恤金', false],
    ['计划生育奖励扶助金', '计划生育奖励扶助金', false],
    ['奖学金', '国家奖学金', false],
    ['见义勇为奖励', '见义勇为奖励金', false],
    ['政府临时救助金', '临时救助金', false],
    ['低保金', '低保金', false],
    ['城乡居民基础养老金', '城乡居民基础养老金', false],
    ['离退休金照计', '企业离退休金', true],
    ['个人账户养老金照计', '个人账户养老金', true],
    ['赡养费照计', '赡养费', true],
  ]
  it.each(rows)('%s', (_name, subtype, counted) => {
    const a = assessHousehold(input({ incomes: [income({ id: 'x', memberId: 'm3', kind: 'transfer', subtype, amountFen: 20_000 })] }), PARAMS)
    expect(a.incomeLines[0].counted).toBe(counted)
    expect(a.monthlyIncomeFen).toBe(counted ? 20_000 : 0)
    if (!counted) expect(a.incomeLines[0].reason).toContain('不计入家庭收入')
  })

  it('income.excludedSubtypes：本地增加的不计入项目', () => {
    expect(policyExclusion('高龄津贴', { 'income.excludedSubtypes': ['高龄津贴'] })).toContain('高龄津贴')
    expect(policyExclusion('高龄津贴', {})).toBeNull()
    expect(() => policyExclusion('工资', { 'income.excludedSubtypes': '高龄津贴' })).toThrow('income.excludedSubtypes')
  })

  it('录入时标为不计入 → 不计入并写明', () => {
    const a = assessHousehold(input({ incomes: [income({ id: 'x', memberId: 'm1', kind: 'wage', amountFen: 20_000, counted: false })] }), PARAMS)
    expect(a.incomeLines[0]).toMatchObject({ counted: false, reason: '录入时标为不计入' })
  })
})

describe('assessHousehold：无法计算和异常数据', () => {
  it('未录入低保标准 → benefitInput、result 为空，警告“未录入适用的低保标准…”', () => {
    const a = assessHousehold(input({ standardFen: null }), PARAMS)
    expect(a.benefitInput).toBeNull()
    expect(a.result).toBeNull()
    expect(a.monthlyIncomeFen).toBe(96_000)
    expect(a.warnings[0]).toMatch(/^未录入适用的低保标准/)
  })

  it('没有保障对象 → 无法计算', () => {
    const a = assessHousehold(input({ members: [{ ...JIANGUO, deathDate: '2026-01-01' }] }), PARAMS)
    expect(a.result).toBeNull()
    expect(a.warnings).toContain('没有可计入的保障对象，无法计算低保金')
  })

  it('单人保对象不在本户 → 无保障对象，警告', () => {
    const a = assessHousehold(input({ individualInclusion: { memberId: 'nobody', basis: '重病' } }), PARAMS)
    expect(a.beneficiaries).toEqual([])
    expect(a.result).toBeNull()
    expect(a.warnings[0]).toContain('不在本户当前成员中')
  })

  it('单人保对象已死亡 → 不计入，警告', () => {
    const a = assessHousehold(input({ members: [JIANGUO, { ...XIUYING, deathDate: '2026-05-01' }], individualInclusion: { memberId: 'm4', basis: '一级肢体残疾' } }), PARAMS)
    expect(a.beneficiaries).toEqual([])
    expect(a.warnings.some((w) => w.includes('李秀英 已死亡'))).toBe(true)
  })

  it('单人保对象为长期在宗教场所的教职人员（不计入家庭）→ 按一人户计算', () => {
    const monk = { ...XIUYING, disabilityCategory: null, disabilityGrade: null, disabilityCert: null, notCountedReason: '宗教教职人员，在宗教场所居住3年以上' }
    const a = assessHousehold(input({ members: [JIANGUO, monk], incomes: [], individualInclusion: { memberId: 'm4', basis: '宗教教职人员' } }), PARAMS)
    expect(a.beneficiaries.map((m) => m.name)).toEqual(['李秀英'])
    expect(a.householdSize).toBe(2)
    expect(a.result?.monthlyFen).toBe(80_000)
    expect(a.warnings[0]).toContain('按一人户计算')
  })

  it('收入所属成员不在本户 → 不计入并警告', () => {
    const a = assessHousehold(input({ incomes: [income({ id: 'x', memberId: 'ghost', kind: 'wage', amountFen: 50_000 })] }), PARAMS)
    expect(a.incomeLines[0]).toMatchObject({ counted: false, reason: '所属成员不在本户当前成员中' })
    expect(a.warnings[0]).toContain('收入记录 x')
  })

  it('经营亏损使收入合计为负 → 按 0.00 计算并警告', () => {
    const a = assessHousehold(input({ incomes: [income({ id: 'x', memberId: 'm1', kind: 'business', amountFen: -30_000 })] }), PARAMS)
    expect(a.monthlyIncomeFen).toBe(0)
    expect(a.result?.monthlyFen).toBe(240_000)
    expect(a.warnings[0]).toContain('-300.00')
  })

  it('金额不是整数分 → 报错（不静默取整）', () => {
    expect(() => assessHousehold(input({ incomes: [income({ id: 'x', memberId: 'm1', kind: 'wage', amountFen: 100.5 })] }), PARAMS)).toThrow()
  })
})

describe('分类施保（⚙ benefit.supplements，办法第二十七条）', () => {
  const sup = { elderlyAge: 70, elderlyFen: 3_000, minorFen: 2_000, severeDisabilityFen: 4_500, seriousIllnessFen: 4_500 }
  const people = [
    member({ id: 'a', name: '老人甲', birthDate: '1950-01-01', labour: 'none' }),
    member({ id: 'b', name: '孩子乙', birthDate: '2015-06-01', relation: '20', labour: 'none' }),
    member({ id: 'c', name: '残疾丙', birthDate: '1990-03-07', relation: '10', disabilityCategory: 4, disabilityGrade: 1, disabilityCert: '41072119900307431041' }),
  ]
  const run = (params: Record<string, unknown>, members = people) => assessHousehold({ members, incomes: [], standardFen: 80_000, individualInclusion: null, asOf: '2026-09-20' }, { ...PARAMS, ...params })
  it('未设置时不加发', () => { expect(run({}).result?.monthlyFen).toBe(240_000) })
  it('老人 +30.00、未成年人 +20.00、重度残疾 +45.00 → 2,495.00', () => {
    const r = run({ 'benefit.supplements': sup }).result!
    expect(r.monthlyFen).toBe(249_500)
    expect(r.steps.map((s) => s.label)).toContain('分类施保：残疾丙（重度残疾人）+45.00 元')
  })
  it('一人多项时默认取最高一项；stacking = sum 时相加', () => {
    const old = [member({ id: 'd', name: '重病老人', birthDate: '1940-01-01', health: 'serious', labour: 'none' })]
    expect(run({ 'benefit.supplements': sup }, old).result!.monthlyFen).toBe(80_000 + 4_500)
    expect(run({ 'benefit.supplements': { ...sup, stacking: 'sum' } }, old).result!.monthlyFen).toBe(80_000 + 4_500 + 3_000)
  })
  it('不符合收入条件的家庭不加发', () => {
    const a = assessHousehold({ members: people, incomes: [income({ id: 'i', amountFen: 300_000, kind: 'wage' })], standardFen: 80_000, individualInclusion: null, asOf: '2026-09-20' }, { ...PARAMS, 'benefit.supplements': sup })
    expect(a.result).toMatchObject({ eligible: false, monthlyFen: 0 })
  })
})
