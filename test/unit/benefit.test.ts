import { describe, expect, it } from 'vitest'
import {
  computeBenefit,
  phaseOutSchedule,
  roundBenefit,
  startMonth,
  type BenefitInput,
  type Rounding,
} from '../../main/domain/benefit'

const S = 80000 // 800.00 元 (domain.md §6.2)

describe('domain.md §6.2 算例（S = 800.00 元）', () => {
  const cases: Array<[string, BenefitInput, { eligible: boolean; monthlyFen: number; perCapitaIncomeFen?: number }]> = [
    // 1. wages 10 800 − 10 % = 9 720 + support 1 200 + rent 600 (基础养老金 excluded) = 11 520 a year
    ['算例1 差额：3人，年计入收入 11,520.00 → 1,440.00', { standardFen: S, members: 3, householdSize: 3, periodIncomeFen: 1_152_000, periodMonths: 12, method: 'gap' }, { eligible: true, monthlyFen: 144_000, perCapitaIncomeFen: 32_000 }],
    ['算例1 以月收入 960.00 输入', { standardFen: S, members: 3, householdSize: 3, monthlyIncomeFen: 96_000, method: 'gap' }, { eligible: true, monthlyFen: 144_000 }],
    ['算例2 取整：2人，年 10,000.00 → 766.67（按分）', { standardFen: S, members: 2, householdSize: 2, periodIncomeFen: 1_000_000, periodMonths: 12, method: 'gap' }, { eligible: true, monthlyFen: 76_667 }],
    ['算例2 按元四舍五入 → 767', { standardFen: S, members: 2, householdSize: 2, periodIncomeFen: 1_000_000, periodMonths: 12, method: 'gap', rounding: 'yuanHalfUp' }, { eligible: true, monthlyFen: 76_700 }],
    ['算例2 按元舍去 → 766', { standardFen: S, members: 2, householdSize: 2, periodIncomeFen: 1_000_000, periodMonths: 12, method: 'gap', rounding: 'yuanDown' }, { eligible: true, monthlyFen: 76_600 }],
    ['算例2 按元进位 → 767', { standardFen: S, members: 2, householdSize: 2, periodIncomeFen: 1_000_000, periodMonths: 12, method: 'gap', rounding: 'yuanUp' }, { eligible: true, monthlyFen: 76_700 }],
    ['算例3 保底20%：4人，I 3,000.00 → 640.00', { standardFen: S, members: 4, householdSize: 4, monthlyIncomeFen: 300_000, method: 'gap', floorShareBp: 2000 }, { eligible: true, monthlyFen: 64_000, perCapitaIncomeFen: 75_000 }],
    ['算例3 不设保底 → 差额 200.00', { standardFen: S, members: 4, householdSize: 4, monthlyIncomeFen: 300_000, method: 'gap' }, { eligible: true, monthlyFen: 20_000 }],
    ['算例4 单人保：4口之家的一级肢体残疾成年人，无收入 → 800.00', { standardFen: S, members: 1, householdSize: 4, monthlyIncomeFen: 0, method: 'gap' }, { eligible: true, monthlyFen: 80_000 }],
    ['算例5 提标至 850.00：算例1 → 1,590.00', { standardFen: 85_000, members: 3, householdSize: 3, periodIncomeFen: 1_152_000, periodMonths: 12, method: 'gap' }, { eligible: true, monthlyFen: 159_000 }],
    ['算例6 儿子就业，I 2,700.00 > 2,400.00 → 不符合', { standardFen: S, members: 3, householdSize: 3, monthlyIncomeFen: 270_000, method: 'gap' }, { eligible: false, monthlyFen: 0 }],
    ['§6.1 年收入 28,799.99，S×N = 2,400.00 → 符合（不按取整后的月收入比较）', { standardFen: S, members: 3, householdSize: 3, periodIncomeFen: 2_879_999, periodMonths: 12, method: 'gap' }, { eligible: true, monthlyFen: 0 }],
    ['年收入恰好 28,800.00 → 不符合（不是“低于”）', { standardFen: S, members: 3, householdSize: 3, periodIncomeFen: 2_880_000, periodMonths: 12, method: 'gap' }, { eligible: false, monthlyFen: 0 }],
    ['§6.1 年收入 28,799.99 且保底20% → 480.00', { standardFen: S, members: 3, householdSize: 3, periodIncomeFen: 2_879_999, periodMonths: 12, method: 'gap', floorShareBp: 2000 }, { eligible: true, monthlyFen: 48_000 }],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    expect(computeBenefit(input)).toMatchObject(expected)
  })

  it.each(cases)('不写计算过程（explain: false，提标批量）金额相同：%s', (_name, input) => {
    const full = computeBenefit(input)
    const bare = computeBenefit({ ...input, explain: false })
    expect({ ...bare, steps: full.steps, reasons: full.reasons }).toEqual(full)
    expect(bare.steps).toEqual([])
    expect(bare.reasons).toEqual([])
  })

  it('算例1 的计算过程（中文）', () => {
    const r = computeBenefit(cases[0][1])
    expect(r.steps.map((s) => s.label)).toEqual([
      '家庭月计入收入 = 11,520.00 ÷ 12 = 960.00 元',
      '家庭月人均收入 = 960.00 ÷ 3 = 320.00 元',
      '低保标准合计 = 800.00 × 3 = 2,400.00 元',
      '差额 = 2,400.00 − 960.00 = 1,440.00 元',
      '月低保金 = 1,440.00 元',
    ])
    expect(r.gapPerCapitaFen).toBe(48_000)
    expect(r.monthlyIncomeFen).toBe(96_000)
    expect(r.reasons).toEqual([])
  })

  it('算例2 取整步骤写明', () => {
    const r = computeBenefit({ ...cases[3][1] })
    expect(r.steps.map((s) => s.label)).toContain('按元四舍五入：766.67 → 767.00 元')
  })

  it('算例3 保底步骤与原因', () => {
    const r = computeBenefit(cases[6][1])
    expect(r.gapPerCapitaFen).toBe(5_000)
    expect(r.steps.map((s) => s.label)).toContain('人均差额 50.00 元低于标准的 20%，按保底 160.00 × 4 = 640.00 元')
    expect(r.reasons).toEqual(['按保底发放（人均差额低于低保标准的 20%）'])
  })

  it('算例4 保障人数少于家庭人口时写明', () => {
    expect(computeBenefit(cases[8][1]).reasons).toEqual(['家庭共 4 人，按保障人数 1 人计算'])
  })

  it('算例5 8月补发7月差额 150.00', () => {
    const before = computeBenefit(cases[0][1]).monthlyFen
    const after = computeBenefit(cases[9][1]).monthlyFen
    expect(after - before).toBe(15_000)
  })

  it('算例6 超过标准：aboveStandard = true；恰好等于：false（直接停保，不渐退）', () => {
    const r = computeBenefit(cases[10][1])
    expect(r.aboveStandard).toBe(true)
    expect(r.reasons).toEqual(['家庭月人均收入 900.00 元不低于低保标准 800.00 元，不符合收入条件'])
    const eq = computeBenefit(cases[12][1])
    expect(eq.aboveStandard).toBe(false)
    expect(eq.reasons[0]).toContain('收入恰好等于标准')
  })

  it('28,799.99：月收入取整为 2,400.00 元，但仍符合，差额 0', () => {
    const r = computeBenefit(cases[11][1])
    expect(r.monthlyIncomeFen).toBe(240_000)
    expect(r.eligible).toBe(true)
    expect(r.monthlyFen).toBe(0)
  })
})

describe('分档（DESIGN：按人均收入占标准的比例定档）', () => {
  const tiers = [
    { label: '一档', incomeBelowBp: 2500, shareBp: 10000 },
    { label: '二档', incomeBelowBp: 5000, shareBp: 7000 },
    { label: '三档', incomeBelowBp: 7500, amountFen: 30_000 },
    { label: '四档', incomeBelowBp: 10000, shareBp: 1000 },
  ]
  const base = { standardFen: S, members: 3, householdSize: 3, method: 'tiers' as const, tiers }
  it.each<[string, number, number, string | undefined, boolean]>([
    ['无收入 → 一档全额 2,400.00', 0, 240_000, '一档', true],
    ['人均 199.99 → 一档', 59_997, 240_000, '一档', true],
    ['人均恰好 200.00（25%）→ 二档 70%', 60_000, 168_000, '二档', true],
    ['人均 500.00 → 三档定额 300.00 × 3', 150_000, 90_000, '三档', true],
    ['人均 799.99 → 四档 10%', 239_997, 24_000, '四档', true],
    ['人均 800.00 → 不符合', 240_000, 0, undefined, false],
  ])('%s', (_n, income, monthly, tier, eligible) => {
    const r = computeBenefit({ ...base, monthlyIncomeFen: income })
    expect(r).toMatchObject({ eligible, monthlyFen: monthly })
    expect(r.tier).toBe(tier)
  })
  it('分档步骤写明', () => {
    const r = computeBenefit({ ...base, monthlyIncomeFen: 60_000 })
    expect(r.steps.map((s) => s.label)).toContain('分档“二档”：2,400.00 × 70% = 1,680.00 元')
  })
  it.each<[string, Partial<BenefitInput>, string]>([
    ['缺档次表', { tiers: [] }, '分档计算需要档次表'],
    ['最高档不覆盖标准', { tiers: [{ label: '一档', incomeBelowBp: 5000, shareBp: 10000 }] }, '最高档次的收入上限应不低于低保标准'],
    ['档次未排序', { tiers: [{ label: '甲', incomeBelowBp: 10000, shareBp: 1 }, { label: '乙', incomeBelowBp: 5000, shareBp: 1 }] }, '档次表应按收入上限从低到高排列'],
    ['比例与定额同设', { tiers: [{ label: '甲', incomeBelowBp: 10000, shareBp: 1, amountFen: 1 }] }, '应设比例或定额，二者选一'],
  ])('档次表错误：%s', (_n, patch, msg) => {
    expect(() => computeBenefit({ ...base, monthlyIncomeFen: 0, ...patch })).toThrow(msg)
  })
})

describe('输入校验（中文）', () => {
  const ok: BenefitInput = { standardFen: S, members: 2, householdSize: 2, monthlyIncomeFen: 0, method: 'gap' }
  it.each<[string, Partial<BenefitInput>, string]>([
    ['保障人数为 0', { members: 0 }, '保障人数必须是不小于 1 的整数'],
    ['保障人数多于家庭人口', { members: 3 }, '保障人数 3 人不能多于家庭人口 2 人'],
    ['标准为小数', { standardFen: 800.5 }, '低保标准（分）必须是不小于 1 的整数'],
    ['收入为负', { monthlyIncomeFen: -1 }, '月计入收入（分）必须是不小于 0 的整数'],
    ['同时给出月收入与核算期收入', { periodIncomeFen: 1, periodMonths: 12 }, '二者选一'],
    ['核算期月数为 0', { monthlyIncomeFen: undefined, periodIncomeFen: 1, periodMonths: 0 }, '核算期月数必须是不小于 1 的整数'],
    ['保底比例超过 100%', { floorShareBp: 10001 }, '保底比例不能超过 100%'],
    ['未知计算方式', { method: 'flat' as never }, '计算方式应为差额'],
  ])('%s', (_n, patch, msg) => {
    expect(() => computeBenefit({ ...ok, ...patch })).toThrow(msg)
  })
})

describe('roundBenefit', () => {
  it.each<[Rounding, number, number]>([
    ['fenHalfUp', 76_667, 76_667],
    ['jiaoHalfUp', 76_667, 76_670],
    ['jiaoHalfUp', 76_645, 76_650],
    ['jiaoUp', 76_661, 76_670],
    ['jiaoDown', 76_669, 76_660],
    ['yuanHalfUp', 76_650, 76_700],
    ['yuanHalfUp', 76_649, 76_600],
    ['yuanUp', 76_601, 76_700],
    ['yuanUp', 76_600, 76_600],
    ['yuanDown', 76_699, 76_600],
  ])('%s(%i) = %i', (mode, fen, expected) => {
    expect(roundBenefit(fen, mode)).toBe(expected)
  })
})

describe('startMonth：决定日期的次月起发放', () => {
  it.each([
    ['月中决定', '2026-09-20', '2026-10'],
    ['月末决定', '2026-09-30', '2026-10'],
    ['月初决定', '2026-10-01', '2026-11'],
    ['12月决定跨年', '2026-12-05', '2027-01'],
  ])('%s：%s → %s', (_n, d, m) => {
    expect(startMonth(d)).toBe(m)
  })
  it('无效日期报错', () => {
    expect(() => startMonth('2026-02-30')).toThrow('决定日期 "2026-02-30" 无效')
  })
})

describe('phaseOutSchedule：渐退（保持原金额）', () => {
  it('算例6：2026-09-20 决定 → 2026-10…2027-03 每月 1,440.00，2027-04 起停发', () => {
    const r = phaseOutSchedule({ decisionDate: '2026-09-20', currentMonthlyFen: 144_000 })
    expect(r.months.map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03'])
    expect(r.months.every((m) => m.amountFen === 144_000)).toBe(true)
    expect(r.stopFrom).toBe('2027-04')
  })
  it('较短渐退期', () => {
    expect(phaseOutSchedule({ decisionDate: '2026-11-30', currentMonthlyFen: 1, months: 2 })).toEqual({
      months: [{ month: '2026-12', amountFen: 1 }, { month: '2027-01', amountFen: 1 }],
      stopFrom: '2027-02',
    })
  })
  it('超过上限报错', () => {
    expect(() => phaseOutSchedule({ decisionDate: '2026-09-20', currentMonthlyFen: 1, months: 7 })).toThrow('渐退期最长 6 个月，不能设为 7 个月')
  })
})
