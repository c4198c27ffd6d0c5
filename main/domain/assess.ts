// The household's benefit assessment (domain.md §3.2, §6.1): who is counted (N), which monthly income rows
// count (I), and the benefit via computeBenefit. Used by the rules engine, the case decision and the
// `benefit calc` CLI. Pure: no I/O, no clock (the caller passes asOf).
//
// - Counted members: co-resident, alive on asOf (deathDate ≤ asOf → 已死亡), not left (leftAt ≤ asOf), no
//   notCountedReason (办法 art. 7). They make up householdSize. N = those of them marked isBeneficiary.
// - 单人保 (办法 art. 8; §6.1 DERIVED ⚠): N = 1, the covered member; I = that member's own income only.
//   DESIGN: a covered member not counted in the family for another reason than death or leaving (e.g. a
//   宗教教职人员 away ≥ 3 years) is still covered, as a one-person household (householdSize + 1, warning).
// - Income rows are monthly amounts. A row counts when its member counts (household-level rows, memberId
//   null, count for the whole household, never in 单人保), it is not excluded by policy (§3.2: 城乡居民基础养老金
//   while ⚙ income.excludeBasicPension, default true; 优待抚恤金, 计划生育奖励与扶助金, 奖学金, 见义勇为等奖励性补助,
//   社会救助款物, and ⚙ income.excludedSubtypes added by the 设区的市 or province — all matched on the subtype
//   text), and the clerk marked it counted. Each line says why not.
// - Benefit: ⚙ benefit.mode gap (default) | tiered (⚙ benefit.tiers), ⚙ benefit.rounding (default fenHalfUp;
//   a Rounding name or {unit: 分|角|元, mode: halfUp|up|down}), ⚙ benefit.floorShareBp (optional).
//   Errors in these values propagate (BenefitError / ParamError), so a broken policy is never silently ignored.

import { computeBenefit, type BenefitInput, type BenefitResult, type Rounding, type Tier } from './benefit'
import { INCOME_KINDS, codeName } from './codes'
import { formatYuan, sumFen } from './money'
import { ageOn, isSevereDisability } from './idcard'
import { ParamError, boolParam, isRecord, numberParam, stringListParam, stringParam } from './rules/params'
import type { RuleIncome, RuleMember, RuleParams } from './rules/types'

export type AssessInput = {
  members: RuleMember[]
  incomes: RuleIncome[]
  standardFen: number | null
  individualInclusion: { memberId: string; basis: string } | null
  asOf: string
}

export type IncomeLine = {
  incomeId: string
  memberName: string | null
  kindLabel: string
  subtype: string | null
  amountFen: number
  counted: boolean
  reason: string | null // why not counted
}

export type HouseholdAssessment = {
  beneficiaries: RuleMember[]
  notCounted: Array<{ member: RuleMember; reason: string }>
  householdSize: number
  monthlyIncomeFen: number
  incomeLines: IncomeLine[]
  benefitInput: BenefitInput | null
  result: BenefitResult | null
  warnings: string[]
}

/** Policy keys read here (the rules that use the assessment list them too). */
export const ASSESS_PARAM_KEYS: string[] = [
  'benefit.supplements',
  'income.excludeBasicPension',
  'income.excludedSubtypes',
  'benefit.mode',
  'benefit.tiers',
  'benefit.rounding',
  'benefit.floorShareBp',
]

export type MemberExclusion = { kind: 'dead' | 'left' | 'notCoResident' | 'notCounted'; reason: string }

/** Why a member is not counted in the family on asOf (null: counted). Order: death, leaving, residence, art. 7. */
export function memberExclusion(m: RuleMember, asOf: string): MemberExclusion | null {
  if (m.deathDate !== null && m.deathDate !== '' && m.deathDate <= asOf) return { kind: 'dead', reason: '已死亡' }
  if (m.leftAt !== null && m.leftAt !== '' && m.leftAt <= asOf) return { kind: 'left', reason: '已离开本户' }
  if (!m.coResident) return { kind: 'notCoResident', reason: '非共同生活的家庭成员' }
  if (m.notCountedReason !== null && m.notCountedReason.trim() !== '') {
    return { kind: 'notCounted', reason: `不计入家庭成员：${m.notCountedReason.trim()}` }
  }
  return null
}

// §3.2 never-counted items, matched on the subtype text (办法 art. 13).
const NEVER_COUNTED: ReadonlyArray<{ words: readonly string[]; reason: string }> = [
  { words: ['优待', '优抚', '抚恤'], reason: '优待抚恤金不计入家庭收入（办法第十三条）' },
  { words: ['计划生育'], reason: '计划生育奖励与扶助金不计入家庭收入（办法第十三条）' },
  { words: ['奖学金'], reason: '奖学金不计入家庭收入（办法第十三条）' },
  { words: ['见义勇为', '奖励性补助'], reason: '见义勇为等奖励性补助不计入家庭收入（办法第十三条）' },
  {
    words: ['社会救助', '低保金', '最低生活保障金', '特困', '临时救助'],
    reason: '政府发放的社会救助资金和物资不计入家庭收入（办法第十三条）',
  },
]
const BASIC_PENSION = '基础养老金'

/** Why policy excludes an income row (null: not excluded). */
export function policyExclusion(subtype: string | null, params: RuleParams): string | null {
  const text = (subtype ?? '').trim()
  if (text === '') return null
  if (text.includes(BASIC_PENSION) && boolParam(params, 'income.excludeBasicPension', true)) {
    return '城乡居民基础养老金按现行政策不计入家庭收入'
  }
  for (const item of NEVER_COUNTED) {
    if (item.words.some((w) => text.includes(w))) return item.reason
  }
  for (const w of stringListParam(params, 'income.excludedSubtypes', [])) {
    if (text.includes(w)) return `“${w}”按本地规定不计入家庭收入`
  }
  return null
}

export type HouseholdComposition = {
  /** Counted family members (co-resident, alive, not left, no notCountedReason). */
  present: RuleMember[]
  beneficiaries: RuleMember[]
  notCounted: Array<{ member: RuleMember; reason: string }>
  householdSize: number
  /** Sum of counted rows (may be negative when net business income is negative). */
  countedIncomeFen: number
  monthlyIncomeFen: number
  incomeLines: IncomeLine[]
  warnings: string[]
}

/** Members and income (no benefit): the part of the assessment every rule can rely on. */
export function composeHousehold(input: AssessInput, params: RuleParams): HouseholdComposition {
  const { members, incomes, asOf } = input
  const cover = input.individualInclusion
  const warnings: string[] = []
  const byId = new Map<string, RuleMember>()
  for (const m of members) byId.set(m.id, m)

  const covered = cover ? byId.get(cover.memberId) : undefined
  if (cover && !covered) warnings.push(`单人保对象（成员编号 ${cover.memberId}）不在本户当前成员中，无法确定保障对象`)

  const present: RuleMember[] = []
  const beneficiaries: RuleMember[] = []
  const notCounted: Array<{ member: RuleMember; reason: string }> = []
  const exclusion = new Map<string, MemberExclusion | null>()
  let coveredOutside = false

  for (const m of members) {
    const ex = memberExclusion(m, asOf)
    exclusion.set(m.id, ex)
    if (ex === null) present.push(m)
    if (cover) {
      if (m === covered) {
        if (ex === null) beneficiaries.push(m)
        else if (ex.kind === 'dead' || ex.kind === 'left') {
          notCounted.push({ member: m, reason: ex.reason })
          warnings.push(`单人保对象 ${m.name} ${ex.reason}，不能按单人保计算`)
        } else {
          beneficiaries.push(m)
          coveredOutside = true
          warnings.push(`单人保对象 ${m.name} ${ex.reason}，按一人户计算（办法第八条）`)
        }
      } else {
        notCounted.push({ member: m, reason: ex ? ex.reason : `单人保：只保障 ${covered ? covered.name : '单人保对象'}，不计入保障人数` })
      }
    } else if (ex !== null) {
      notCounted.push({ member: m, reason: ex.reason })
    } else if (!m.isBeneficiary) {
      notCounted.push({ member: m, reason: '未纳入保障对象' })
    } else {
      beneficiaries.push(m)
    }
  }
  const householdSize = present.length + (coveredOutside ? 1 : 0)

  const incomeLines: IncomeLine[] = []
  const countedAmounts: number[] = []
  for (const inc of incomes) {
    const member = inc.memberId !== null ? byId.get(inc.memberId) : undefined
    let reason: string | null = null
    if (inc.memberId !== null && !member) {
      reason = '所属成员不在本户当前成员中'
      warnings.push(`收入记录 ${inc.id} 所属成员（编号 ${inc.memberId}）不在本户当前成员中，未计入`)
    } else if (cover) {
      if (!member) reason = '单人保：只计算保障对象本人的收入，不计家庭共有收入'
      else if (member !== covered) reason = '单人保：只计算保障对象本人的收入'
      else {
        const ex = exclusion.get(member.id) ?? null
        if (ex && (ex.kind === 'dead' || ex.kind === 'left')) reason = `成员${ex.reason}，其收入不计入`
      }
    } else if (member) {
      const ex = exclusion.get(member.id) ?? null
      if (ex) reason = `成员${ex.reason}，其收入不计入`
    }
    if (reason === null) reason = policyExclusion(inc.subtype, params)
    if (reason === null && !inc.counted) reason = '录入时标为不计入'
    const counted = reason === null
    if (counted) countedAmounts.push(inc.amountFen)
    incomeLines.push({
      incomeId: inc.id,
      memberName: member ? member.name : null,
      kindLabel: codeName(INCOME_KINDS, inc.kind) || inc.kind,
      subtype: inc.subtype,
      amountFen: inc.amountFen,
      counted,
      reason,
    })
  }
  const countedIncomeFen = sumFen(countedAmounts)
  let monthlyIncomeFen = countedIncomeFen
  if (countedIncomeFen < 0) {
    warnings.push(`计入收入合计为 ${formatYuan(countedIncomeFen)} 元（经营亏损等），按 0.00 元计算`)
    monthlyIncomeFen = 0
  }
  return { present, beneficiaries, notCounted, householdSize, countedIncomeFen, monthlyIncomeFen, incomeLines, warnings }
}

const ROUNDINGS: readonly Rounding[] = ['fenHalfUp', 'jiaoHalfUp', 'jiaoUp', 'jiaoDown', 'yuanHalfUp', 'yuanUp', 'yuanDown']

/** ⚙ benefit.rounding: a Rounding name, or {unit: 分|角|元 (fen|jiao|yuan), mode: halfUp|up|down} (§6.1). */
export function roundingParam(params: RuleParams): Rounding {
  const v = params['benefit.rounding']
  if (v === undefined || v === null) return 'fenHalfUp'
  if (typeof v === 'string' && (ROUNDINGS as readonly string[]).includes(v)) return v as Rounding
  if (isRecord(v)) {
    const units: Record<string, string> = { 分: 'fen', fen: 'fen', 角: 'jiao', jiao: 'jiao', 元: 'yuan', yuan: 'yuan' }
    const modes: Record<string, string> = { halfUp: 'HalfUp', up: 'Up', down: 'Down' }
    const unit = typeof v.unit === 'string' ? units[v.unit] : undefined
    const mode = v.mode === undefined ? 'HalfUp' : typeof v.mode === 'string' ? modes[v.mode] : undefined
    if (unit && mode) {
      const name = unit === 'fen' ? 'fenHalfUp' : `${unit}${mode}`
      if ((ROUNDINGS as readonly string[]).includes(name)) return name as Rounding
    }
  }
  throw new ParamError(`政策参数 benefit.rounding 应为取整方式（如 fenHalfUp、yuanHalfUp）或 {unit: 分|角|元, mode: halfUp|up|down}，实为 ${JSON.stringify(v)}`)
}

function tiersParam(params: RuleParams): Tier[] {
  const v = params['benefit.tiers']
  if (!Array.isArray(v) || v.length === 0) throw new ParamError('分档计算（benefit.mode = tiered）需要政策参数 benefit.tiers（档次表）')
  return v.map((t, i): Tier => {
    if (!isRecord(t) || typeof t.label !== 'string' || typeof t.incomeBelowBp !== 'number') {
      throw new ParamError(`政策参数 benefit.tiers 第 ${i + 1} 档应为 {label, incomeBelowBp, shareBp 或 amountFen}`)
    }
    const tier: Tier = { label: t.label, incomeBelowBp: t.incomeBelowBp }
    if (t.shareBp !== undefined && t.shareBp !== null) {
      if (typeof t.shareBp !== 'number') throw new ParamError(`政策参数 benefit.tiers 第 ${i + 1} 档的 shareBp 应为数字`)
      tier.shareBp = t.shareBp
    }
    if (t.amountFen !== undefined && t.amountFen !== null) {
      if (typeof t.amountFen !== 'number') throw new ParamError(`政策参数 benefit.tiers 第 ${i + 1} 档的 amountFen 应为数字`)
      tier.amountFen = t.amountFen
    }
    return tier
  })
}

/** The BenefitInput for a composition (null with a warning when S is missing or nobody is covered). */
export function benefitInputFor(comp: HouseholdComposition, standardFen: number | null, params: RuleParams): { input: BenefitInput | null; warnings: string[] } {
  const warnings: string[] = []
  if (standardFen === null) {
    warnings.push('未录入适用的低保标准（本地城市/农村月标准），无法计算低保金；请管理员在政策参数中录入后重新计算')
  }
  if (comp.beneficiaries.length === 0) warnings.push('没有可计入的保障对象，无法计算低保金')
  const mode = stringParam(params, 'benefit.mode', 'gap')
  if (mode !== 'gap' && mode !== 'tiered' && mode !== 'tiers') {
    throw new ParamError(`政策参数 benefit.mode 应为 gap（差额）或 tiered（分档），实为 ${JSON.stringify(mode)}`)
  }
  const rounding = roundingParam(params)
  const hasFloor = params['benefit.floorShareBp'] !== undefined && params['benefit.floorShareBp'] !== null
  const floor = hasFloor ? numberParam(params, 'benefit.floorShareBp', 0) : undefined
  const tiers = mode === 'gap' ? undefined : tiersParam(params)
  if (standardFen === null || comp.beneficiaries.length === 0) return { input: null, warnings }
  const input: BenefitInput = {
    standardFen,
    members: comp.beneficiaries.length,
    householdSize: comp.householdSize,
    monthlyIncomeFen: comp.monthlyIncomeFen,
    method: mode === 'gap' ? 'gap' : 'tiers',
    rounding,
    ...(tiers ? { tiers } : {}),
    ...(floor !== undefined && mode === 'gap' ? { floorShareBp: floor } : {}),
  }
  return { input, warnings }
}

/** Complete a composition with the benefit. */
export function assessComposition(comp: HouseholdComposition, standardFen: number | null, params: RuleParams): HouseholdAssessment {
  const { input, warnings } = benefitInputFor(comp, standardFen, params)
  const result = input ? computeBenefit(input) : null
  return {
    beneficiaries: comp.beneficiaries,
    notCounted: comp.notCounted,
    householdSize: comp.householdSize,
    monthlyIncomeFen: comp.monthlyIncomeFen,
    incomeLines: comp.incomeLines,
    benefitInput: input,
    result,
    warnings: [...comp.warnings, ...warnings],
  }
}

export function assessHousehold(input: AssessInput, params: RuleParams): HouseholdAssessment {
  return withSupplements(assessComposition(composeHousehold(input, params), input.standardFen, params), input.asOf, params)
}

type Supplements = { elderlyAge: number; elderlyFen: number; minorFen: number; severeDisabilityFen: number; seriousIllnessFen: number; stacking: 'max' | 'sum' }

/**
 * 分类施保 (办法 art. 27; 社救法 art. 20; domain.md §6.1): ⚙ benefit.supplements adds a fixed amount per beneficiary who
 * is elderly (age ≥ elderlyAge), a minor, 重度残疾 (grade 1–2, or 3 智力/精神) or 重病, on top of the rounded benefit of an
 * eligible household. Off unless configured (LOCAL old 重庆 +45/+30 元). DESIGN ⚠: a member in several categories gets
 * the highest one (`stacking: 'max'`, default) or all of them (`'sum'`).
 */
function supplementsParam(params: RuleParams): Supplements | null {
  const v = params['benefit.supplements']
  if (v === undefined || v === null) return null
  if (!isRecord(v)) throw new ParamError('政策参数 benefit.supplements 应为 {elderlyAge, elderlyFen, minorFen, severeDisabilityFen, seriousIllnessFen, stacking}')
  const n = (k: string, d: number) => {
    const x = v[k]
    if (x === undefined) return d
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) throw new ParamError(`政策参数 benefit.supplements.${k} 应为不小于 0 的整数`)
    return x
  }
  const stacking = v.stacking === 'sum' ? 'sum' : 'max'
  return { elderlyAge: n('elderlyAge', 70), elderlyFen: n('elderlyFen', 0), minorFen: n('minorFen', 0), severeDisabilityFen: n('severeDisabilityFen', 0), seriousIllnessFen: n('seriousIllnessFen', 0), stacking }
}


function withSupplements(a: HouseholdAssessment, asOf: string, params: RuleParams): HouseholdAssessment {
  const sp = supplementsParam(params)
  if (!sp || !a.result || !a.result.eligible) return a
  const lines: Array<{ label: string; valueFen: number }> = []
  let total = 0
  for (const m of a.beneficiaries) {
    const age = ageOn(m.birthDate, asOf)
    const kinds: Array<[string, number]> = []
    if (sp.elderlyFen && age >= sp.elderlyAge) kinds.push([`${sp.elderlyAge}岁以上老年人`, sp.elderlyFen])
    if (sp.minorFen && age < 18) kinds.push(['未成年人', sp.minorFen])
    if (sp.severeDisabilityFen && m.disabilityGrade !== null && m.disabilityCategory !== null && isSevereDisability(m.disabilityCategory, m.disabilityGrade)) kinds.push(['重度残疾人', sp.severeDisabilityFen])
    if (sp.seriousIllnessFen && m.health === 'serious') kinds.push(['重病患者', sp.seriousIllnessFen])
    if (kinds.length === 0) continue
    const chosen = sp.stacking === 'sum' ? kinds : [kinds.reduce((x, y) => (y[1] > x[1] ? y : x))]
    const fen = chosen.reduce((s2, k) => s2 + k[1], 0)
    total += fen
    lines.push({ label: `分类施保：${m.name}（${chosen.map((k) => k[0]).join('、')}）+${formatYuan(fen)} 元`, valueFen: fen })
  }
  if (total === 0) return a
  const monthly = a.result.monthlyFen + total
  return {
    ...a,
    result: { ...a.result, monthlyFen: monthly, steps: [...a.result.steps, ...lines, { label: `月低保金（含分类施保）= ${formatYuan(monthly)} 元`, valueFen: monthly }] },
  }
}
