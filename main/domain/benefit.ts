// 低保金 calculation (domain.md §6), integer 分 throughout, divisions exact via BigInt (money.mulDivRound).
// Pure: no I/O, no clock.
//
// - Eligible iff the UNROUNDED counted income is below S × N (over the lookback: total < S × N × months;
//   28 799.99 a year against S × N = 2 400.00 is eligible although I rounds to 2 400.00).
// - I = total ÷ months, half-up to 分 (DESIGN, §6.1); gap B = S × N − I (per-capita figure never rounded).
// - Floor ⚙ benefit.floorShare: if S − I/N < share × S then B = share × S × N (gap method only — DESIGN:
//   a tier table already fixes the amounts).
// - Tiers ⚙ benefit.mode = tiered: domain.md gives the amount rule (share × S × N or amount × N) but not how a
//   household is placed in a tier. DESIGN: by per-capita income, the first tier whose bound (share of S)
//   is above it; the last bound must be ≥ 100 % of S so that every eligible household has a tier.
// - Rounding ⚙ benefit.rounding, default 分 half-up (§16), applied once to the monthly amount.
// - Not here: annual standards (B = (A × N − I_year) ÷ 12), 分类施保 supplements, member-level stops.

import { addMonthsYm, isValidDate, parseDate } from './dates'
import { formatYuan, mulDivRound } from './money'

export type Rounding =
  | 'fenHalfUp'
  | 'jiaoHalfUp'
  | 'jiaoUp'
  | 'jiaoDown'
  | 'yuanHalfUp'
  | 'yuanUp'
  | 'yuanDown'

export type Tier = {
  label: string
  /** Applies when per-capita income < incomeBelowBp ÷ 10 000 × S (unrounded). */
  incomeBelowBp: number
  /** Exactly one of: share of S per beneficiary (basis points), or a fixed amount per beneficiary. */
  shareBp?: number
  amountFen?: number
}

export type BenefitInput = {
  /** Monthly 低保标准 per person, 分. */
  standardFen: number
  /** Beneficiaries counted (N; 1 for 单人保). */
  members: number
  /** Persons in the household (≥ members). */
  householdSize: number
  /** Counted household income per month, 分 — or give the lookback total below instead. */
  monthlyIncomeFen?: number
  /** Counted income (after allowed deductions) over the lookback, 分, with its length in months. */
  periodIncomeFen?: number
  periodMonths?: number
  method: 'gap' | 'tiers'
  tiers?: Tier[]
  rounding?: Rounding
  /** Minimum per-person gap as a share of S, basis points (LOCAL 南京/江苏 2000 = 20 %). */
  floorShareBp?: number
  /** false: amounts only, steps and reasons left empty (batch recomputation such as 提标 of every household) */
  explain?: boolean
}

export type BenefitResult = {
  eligible: boolean
  /** Counted income strictly above S × N (§4.3: a phase-out is possible if a member found work). */
  aboveStandard: boolean
  monthlyIncomeFen: number
  perCapitaIncomeFen: number
  gapPerCapitaFen: number
  monthlyFen: number
  tier?: string
  steps: Array<{ label: string; valueFen: number }>
  reasons: string[]
}

export class BenefitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BenefitError'
  }
}

const yuan = (fen: number): string => formatYuan(fen)
const pct = (bp: number): string => `${bp / 100}%`

function requireInt(value: unknown, label: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new BenefitError(`${label}必须是不小于 ${min} 的整数，现为 ${String(value)}`)
  }
  return value
}

const ROUNDING_LABELS: Record<Rounding, string> = {
  fenHalfUp: '按分四舍五入',
  jiaoHalfUp: '按角四舍五入',
  jiaoUp: '按角进位',
  jiaoDown: '按角舍去',
  yuanHalfUp: '按元四舍五入',
  yuanUp: '按元进位',
  yuanDown: '按元舍去',
}

/** Round a non-negative 分 amount to the configured unit. */
export function roundBenefit(fen: number, rounding: Rounding): number {
  requireInt(fen, '金额（分）', 0)
  const unit = rounding.startsWith('yuan') ? 100 : rounding.startsWith('jiao') ? 10 : 1
  if (rounding.endsWith('HalfUp')) return mulDivRound(fen, 1, unit) * unit
  if (rounding.endsWith('Up')) return Math.ceil(fen / unit) * unit
  if (rounding.endsWith('Down')) return Math.floor(fen / unit) * unit
  throw new BenefitError(`未知的取整方式：${String(rounding)}`)
}

/** a × b < c × d, exactly. */
function lessThan(a: number, b: number, c: number, d: number): boolean {
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d)
}

export function computeBenefit(input: BenefitInput): BenefitResult {
  const S = requireInt(input.standardFen, '低保标准（分）', 1)
  const N = requireInt(input.members, '保障人数', 1)
  const size = requireInt(input.householdSize, '家庭人口数', 1)
  if (N > size) throw new BenefitError(`保障人数 ${N} 人不能多于家庭人口 ${size} 人`)
  if (input.method !== 'gap' && input.method !== 'tiers') {
    throw new BenefitError(`计算方式应为差额（gap）或分档（tiers），实为 ${String(input.method)}`)
  }
  const rounding = input.rounding ?? 'fenHalfUp'
  if (!(rounding in ROUNDING_LABELS)) throw new BenefitError(`未知的取整方式：${String(rounding)}`)

  const hasMonthly = input.monthlyIncomeFen !== undefined
  const hasPeriod = input.periodIncomeFen !== undefined || input.periodMonths !== undefined
  if (hasMonthly === hasPeriod) throw new BenefitError('请提供月计入收入，或提供核算期总收入及月数（二者选一）')

  const explain = input.explain !== false
  const steps: BenefitResult['steps'] = []
  const reasons: string[] = []
  const SN = S * N

  // Income as total over `months` (monthly input = 1 month), so every comparison stays unrounded.
  let total: number
  let months: number
  let I: number
  if (hasPeriod) {
    total = requireInt(input.periodIncomeFen, '核算期计入收入（分）', 0)
    months = requireInt(input.periodMonths, '核算期月数', 1)
    I = mulDivRound(total, 1, months)
    if (explain) steps.push({ label: `家庭月计入收入 = ${yuan(total)} ÷ ${months} = ${yuan(I)} 元`, valueFen: I })
  } else {
    total = requireInt(input.monthlyIncomeFen, '月计入收入（分）', 0)
    months = 1
    I = total
    if (explain) steps.push({ label: `家庭月计入收入 = ${yuan(I)} 元`, valueFen: I })
  }
  const perCapita = mulDivRound(total, 1, months * N)
  if (explain) steps.push({ label: `家庭月人均收入 = ${yuan(I)} ÷ ${N} = ${yuan(perCapita)} 元`, valueFen: perCapita })
  if (explain) steps.push({ label: `低保标准合计 = ${yuan(S)} × ${N} = ${yuan(SN)} 元`, valueFen: SN })
  if (explain && N < size) reasons.push(`家庭共 ${size} 人，按保障人数 ${N} 人计算`)

  const eligible = lessThan(total, 1, SN, months)
  const aboveStandard = lessThan(SN, months, total, 1)
  const gapPerCapita = S - perCapita
  const base = { aboveStandard, monthlyIncomeFen: I, perCapitaIncomeFen: perCapita, gapPerCapitaFen: gapPerCapita }

  if (!eligible) {
    if (explain) reasons.push(
      `家庭月人均收入 ${yuan(perCapita)} 元不低于低保标准 ${yuan(S)} 元` +
        (aboveStandard ? '' : '（收入恰好等于标准，不属于“低于”）') +
        '，不符合收入条件',
    )
    return { eligible: false, ...base, monthlyFen: 0, steps, reasons }
  }

  let amount: number
  let tierLabel: string | undefined
  if (input.method === 'gap') {
    amount = SN - I
    if (explain) steps.push({ label: `差额 = ${yuan(SN)} − ${yuan(I)} = ${yuan(amount)} 元`, valueFen: amount })
    if (input.floorShareBp !== undefined) {
      const bp = requireInt(input.floorShareBp, '保底比例（基点）', 0)
      if (bp > 10000) throw new BenefitError('保底比例不能超过 100%')
      // S − total/(months·N) < bp/10000 × S  ⇔  (SN·months − total) × 10000 < bp × SN × months
      if (lessThan(SN * months - total, 10000, bp, SN * months)) {
        const perPerson = mulDivRound(S, bp, 10000)
        amount = mulDivRound(SN, bp, 10000)
        if (explain) steps.push({
          label: `人均差额 ${yuan(gapPerCapita)} 元低于标准的 ${pct(bp)}，按保底 ${yuan(perPerson)} × ${N} = ${yuan(amount)} 元`,
          valueFen: amount,
        })
        if (explain) reasons.push(`按保底发放（人均差额低于低保标准的 ${pct(bp)}）`)
      }
    }
  } else {
    const tiers = input.tiers
    if (!tiers || tiers.length === 0) throw new BenefitError('分档计算需要档次表')
    let prev = -1
    for (const t of tiers) {
      requireInt(t.incomeBelowBp, `档次“${t.label}”的收入上限（基点）`, 1)
      if (t.incomeBelowBp <= prev) throw new BenefitError('档次表应按收入上限从低到高排列')
      prev = t.incomeBelowBp
      if ((t.shareBp === undefined) === (t.amountFen === undefined)) {
        throw new BenefitError(`档次“${t.label}”应设比例或定额，二者选一`)
      }
    }
    if (prev < 10000) throw new BenefitError('最高档次的收入上限应不低于低保标准（10000 基点）')
    // per-capita income < bp/10000 × S  ⇔  total × 10000 < bp × SN × months
    const tier = tiers.find((t) => lessThan(total, 10000, t.incomeBelowBp, SN * months))!
    tierLabel = tier.label
    if (tier.shareBp !== undefined) {
      const share = requireInt(tier.shareBp, `档次“${tier.label}”的比例（基点）`, 0)
      amount = mulDivRound(SN, share, 10000)
      if (explain) steps.push({
        label: `分档“${tier.label}”：${yuan(SN)} × ${pct(share)} = ${yuan(amount)} 元`,
        valueFen: amount,
      })
    } else {
      const each = requireInt(tier.amountFen, `档次“${tier.label}”的定额（分）`, 0)
      amount = each * N
      if (explain) steps.push({ label: `分档“${tier.label}”：${yuan(each)} × ${N} = ${yuan(amount)} 元`, valueFen: amount })
    }
  }

  const rounded = roundBenefit(amount, rounding)
  if (rounded !== amount) {
    if (explain) steps.push({ label: `${ROUNDING_LABELS[rounding]}：${yuan(amount)} → ${yuan(rounded)} 元`, valueFen: rounded })
  }
  if (explain) steps.push({ label: `月低保金 = ${yuan(rounded)} 元`, valueFen: rounded })
  return { eligible: true, ...base, monthlyFen: rounded, ...(tierLabel ? { tier: tierLabel } : {}), steps, reasons }
}


/** Paid from the month after the decision date (办法 art. 21), `YYYY-MM`. */
export function startMonth(decisionDate: string): string {
  if (!isValidDate(decisionDate)) throw new BenefitError(`决定日期 ${JSON.stringify(decisionDate)} 无效，应为 YYYY-MM-DD`)
  const { year, month } = parseDate(decisionDate)
  return addMonthsYm(year, month, 1)
}

/**
 * 渐退 (§4.3; 办法 art. 33; 83号): ≤ ⚙ phaseOut.maxMonths (6) months from the month after the decision,
 * amount ⚙ phaseOut.amountPolicy = keepCurrent (the only policy domain.md defines; `declining` is ⚠ unspecified
 * and not offered). Returns the months paid and the first month without payment.
 */
export function phaseOutSchedule(input: {
  decisionDate: string
  currentMonthlyFen: number
  months?: number
  maxMonths?: number
}): { months: Array<{ month: string; amountFen: number }>; stopFrom: string } {
  const max = requireInt(input.maxMonths ?? 6, '渐退期上限（月）', 1)
  const n = requireInt(input.months ?? max, '渐退月数', 1)
  if (n > max) throw new BenefitError(`渐退期最长 ${max} 个月，不能设为 ${n} 个月`)
  const amount = requireInt(input.currentMonthlyFen, '渐退期月低保金（分）', 0)
  const first = startMonth(input.decisionDate)
  const [y, m] = first.split('-').map(Number) as [number, number]
  const out: Array<{ month: string; amountFen: number }> = []
  for (let i = 0; i < n; i++) out.push({ month: addMonthsYm(y, m, i), amountFen: amount })
  return { months: out, stopFrom: addMonthsYm(y, m, n) }
}
