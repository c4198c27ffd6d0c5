// X5 licensed 个体/私营业主, 企业主 — the 入户调查's findings on the business itself (泗县; domain.md §5.2):
// - profit per month over ⚙ business.profitLimit (a multiple of the monthly standard: a bare number, or
//   {multiple, operator?, source?}; 泗县 “超过” 2 × standard) → blockUnlessExempt; no row (or no standard) → warn;
// - staff employed for 12 months or more (泗县 “雇工 12 个月以上”) → warn.
// The business as an asset (its value against business.valueLimit) is X5.business.

import { ART14, EXEMPT_HINT, X_SOURCE, withLocal } from './assetHelpers'
import { ParamError, exceeds, isRecord, operatorLabel, optionalSource, readOperator, type Operator } from './params'
import type { Rule, RuleFlag, RuleParams } from './types'
import { exclusionEnabled, makeFlag, visitCheckLine, visitChecksOf, yuan } from './util'

type ProfitLimit = { multiple: number; operator: Operator; source: string | null }

function profitLimitParam(params: RuleParams): ProfitLimit | null {
  const v = params['business.profitLimit']
  if (v === undefined || v === null) return null
  const bad = () => new ParamError(`政策参数 business.profitLimit 应为月低保标准的倍数（如 2），或 {multiple, operator, source}，实为 ${JSON.stringify(v)}`)
  if (typeof v === 'number') {
    if (!(v > 0) || !Number.isFinite(v)) throw bad()
    return { multiple: v, operator: 'gt', source: null }
  }
  if (!isRecord(v) || typeof v.multiple !== 'number' || !(v.multiple > 0)) throw bad()
  return { multiple: v.multiple, operator: readOperator(v.operator, 'business.profitLimit', 'gt'), source: optionalSource(v.source, 'business.profitLimit') }
}

export const businessActivity: Rule = {
  id: 'X5.businessActivity',
  label: '经营利润和雇工',
  source: withLocal(ART14, `${X_SOURCE}第5项`),
  params: ['business.profitLimit', 'exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X5')) return []
    const out: RuleFlag[] = []
    const limit = profitLimitParam(params)
    for (const c of visitChecksOf(facts, ['businessProfit'])) {
      const profit = c.amountFen ?? 0
      const src = withLocal(ART14, limit?.source ?? `${X_SOURCE}第5项`)
      if (limit && facts.standardFen !== null) {
        const limitFen = Math.round(limit.multiple * facts.standardFen)
        if (!exceeds(profit, limitFen, limit.operator)) continue
        out.push(makeFlag(businessActivity, 'blockUnlessExempt', '经营利润超过本地限额',
          `入户调查核实经营月利润 ${yuan(profit)}，${operatorLabel(limit.operator)}月低保标准的 ${limit.multiple} 倍（${yuan(limitFen)}，business.profitLimit），不符合本地规定。${EXEMPT_HINT}`,
          [visitCheckLine(c)], src))
      } else {
        out.push(makeFlag(businessActivity, 'warn', '家庭有经营利润',
          `入户调查核实经营月利润 ${yuan(profit)}${limit ? '（尚未录入低保标准，无法与限额比较）' : '，本县尚未录入经营利润限额（business.profitLimit）'}：经营收入应计入家庭收入，请核对收入录入，由审核人判断。`,
          [visitCheckLine(c)], src))
      }
    }
    for (const c of visitChecksOf(facts, ['businessStaff'])) {
      out.push(makeFlag(businessActivity, 'warn', '经营实体常年雇工',
        '入户调查发现家庭经营实体常年雇工（12 个月以上）：请核实经营规模和收入，经营收入应计入家庭收入；不得仅以此为由不予纳入，由审核人判断。',
        [visitCheckLine(c)]))
    }
    return out
  },
}
