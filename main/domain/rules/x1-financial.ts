// X1 financial assets (存款, 证券, 基金, 储蓄型保险, 互联网金融, 支付机构余额, 债权), summed over the household
// (exempt rows listed, not counted), against ⚙ asset.financialLimit {basis, value, operator, source?} (办法 art. 14;
// seed 003 item 1; domain.md §5.2). No default: the county enters value and source.
// - absolute: value in 分;
// - perCapitaMonths: value months of the standard per family member: S × value × householdSize (DESIGN);
// - householdMonths: value months of the household's standard total: S × N × value, N = 保障人数 (DESIGN).
// Row entered and over it → blockUnlessExempt; no row → warn when any non-exempt financial asset exists.

import { ASSESS_PARAM_KEYS } from '../assess'
import { mulDivRound } from '../money'
import { ART14, EXEMPT_HINT, X_SOURCE, limitText, notExempt, withLocal } from './assetHelpers'
import { exceeds, financialLimitParam, type FenLimit } from './params'
import type { Rule } from './types'
import { assetLine, compositionOf, exclusionEnabled, makeFlag, yuan } from './util'

export const FINANCIAL_KINDS: readonly string[] = ['deposit', 'securities', 'fund', 'savingsInsurance', 'internetFinance', 'paymentBalance', 'claim']

export const financialAssets: Rule = {
  id: 'X1.financialAssets',
  label: '金融资产不超过本地限额',
  source: withLocal(ART14, `${X_SOURCE}第1项`),
  params: ['asset.financialLimit', 'exclusion.items', ...ASSESS_PARAM_KEYS],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X1')) return []
    const assets = facts.assets.filter((a) => FINANCIAL_KINDS.includes(a.kind))
    if (assets.length === 0) return []
    const lines = assets.map((a) => assetLine(facts, a))
    let total = 0
    for (const a of assets) if (notExempt(a)) total += a.valueFen
    const limit = financialLimitParam(params, 'asset.financialLimit')
    const src = withLocal(ART14, limit?.source ?? `${X_SOURCE}第1项`)
    if (!limit) {
      if (total === 0) return []
      return [makeFlag(financialAssets, 'warn', '有金融资产，本地未设限额',
        `家庭金融资产（未豁免）合计 ${yuan(total)}。本县尚未在“政策参数”中录入金融资产认定限额，请审核人按省、县财产认定规定核实判断并书面说明。`,
        [...lines, `未豁免合计：${yuan(total)}`], src)]
    }
    let limitFen: number
    let basisText: string
    const hundredths = Math.round(limit.value * 100)
    if (limit.basis === 'absolute') {
      limitFen = limit.value
      basisText = `县级限额 ${yuan(limitFen)}`
    } else {
      const S = facts.standardFen
      if (S === null) {
        return [makeFlag(financialAssets, 'warn', '无法比较金融资产限额',
          `家庭金融资产（未豁免）合计 ${yuan(total)}；本地限额按低保标准的月数计算，但未录入适用的低保标准，无法比较，请审核人核实。`,
          [...lines, `未豁免合计：${yuan(total)}`], src)]
      }
      const comp = compositionOf(facts, params)
      const persons = limit.basis === 'perCapitaMonths' ? comp.householdSize : comp.beneficiaries.length
      limitFen = mulDivRound(S * persons, hundredths, 100)
      basisText =
        limit.basis === 'perCapitaMonths'
          ? `人均 ${limit.value} 个月低保标准：${yuan(S)} × ${limit.value} × ${persons} 人 = ${yuan(limitFen)}`
          : `${limit.value} 个月家庭低保标准：${yuan(S)} × ${persons} 人 × ${limit.value} = ${yuan(limitFen)}`
    }
    const l: FenLimit = { valueFen: limitFen, operator: limit.operator, source: limit.source }
    if (!exceeds(total, limitFen, limit.operator)) return []
    return [makeFlag(financialAssets, 'blockUnlessExempt', '金融资产超过本地限额',
      `家庭金融资产（未豁免）合计 ${yuan(total)}，${limitText(l)}${limit.basis === 'absolute' ? '的本地限额' : `（${basisText}）`}，不符合财产条件。${EXEMPT_HINT}`,
      [...lines, `未豁免合计：${yuan(total)}`, `限额：${basisText}，${limit.operator === 'gt' ? '超过限额' : '达到限额'}即不符合`], src)]
  },
}

