// Shared pieces of the property rules X1–X5 (not a rule itself).

import type { FenLimit } from './params'
import { exceeds, fenLimitParam, operatorLabel } from './params'
import type { Rule, RuleAsset, RuleFacts, RuleFlag, RuleParams } from './types'
import { assetLine, exclusionEnabled, makeFlag, yuan } from './util'

export const X_SOURCE = '地方做法：衡阳低保清查清单'
export const ART14 = '《最低生活保障审核确认办法》第十四条'
export const withLocal = (base: string, local: string | null): string => `${base}；${local ?? X_SOURCE}`

export const notExempt = (a: RuleAsset): boolean => !a.exempt

export function limitText(l: FenLimit): string {
  return `${operatorLabel(l.operator)} ${yuan(l.valueFen)}${l.operator === 'gte' ? '（含本数）' : ''}`
}

export const EXEMPT_HINT = '确属生产生活必需或本地规定可以豁免的，由审核人引用本地规定签署豁免意见。'

/**
 * X4/X5: one flag per non-exempt asset of `kind`: over the ⚙ `key` limit row → blockUnlessExempt; no row → warn.
 */
export function perAssetValueRule(spec: { id: string; item: 'X4' | 'X5'; kind: string; key: string; label: string; what: string; seedItem: number }): Rule {
  const rule: Rule = {
    id: spec.id,
    label: spec.label,
    source: withLocal(ART14, `${X_SOURCE}第${spec.seedItem}项`),
    params: [spec.key, 'exclusion.items'],
    evaluate(facts: RuleFacts, params: RuleParams): RuleFlag[] {
      if (!exclusionEnabled(params, spec.item)) return []
      const limit = fenLimitParam(params, spec.key)
      const src = withLocal(ART14, limit?.source ?? `${X_SOURCE}第${spec.seedItem}项`)
      const out: RuleFlag[] = []
      for (const a of facts.assets) {
        if (a.kind !== spec.kind || a.exempt) continue
        const ev = [assetLine(facts, a)]
        if (limit) {
          if (!exceeds(a.valueFen, limit.valueFen, limit.operator)) continue
          out.push(makeFlag(rule, 'blockUnlessExempt', `${spec.what}超过本地限额`,
            `${a.description || spec.what}价值 ${yuan(a.valueFen)}，${limitText(limit)}（${spec.key}），不符合财产条件。${EXEMPT_HINT}`,
            ev, src))
        } else {
          out.push(makeFlag(rule, 'warn', `家庭有${spec.what}`,
            `家庭有${spec.what}：${a.description || spec.what}（价值 ${yuan(a.valueFen)}）。本县尚未录入限额（${spec.key}）：请入户核实经营和收益情况，经营收入应计入家庭收入，由审核人判断。`,
            ev, src))
        }
      }
      return out
    },
  }
  return rule
}
