// X7 (衡阳, 泗县; 办法 art. 17; domain.md §5.2) → warn, as far as the facts go:
// - an obligor with income who pays no support and has no recorded waiver (83号 waiver: reviewer's decision);
// - 征地/拆迁 compensation entered but not counted (the seed says: count it).
// Not checkable from the facts: graduates in work, 住房公积金, children in high-fee schools or abroad.

import { ASSESS_PARAM_KEYS } from '../assess'
import { OBLIGOR_RELATIONS, codeName } from '../codes'
import type { Rule, RuleFlag } from './types'
import { compositionOf, exclusionEnabled, makeFlag, yuan } from './util'

const COMPENSATION_WORDS: readonly string[] = ['征地', '拆迁', '失地']

export const supportAndCompensation: Rule = {
  id: 'X7.supportAndCompensation',
  label: '赡养费和征地拆迁补偿',
  source: '地方做法：衡阳低保清查清单第7项；《最低生活保障审核确认办法》第十三条',
  params: ['exclusion.items', ...ASSESS_PARAM_KEYS],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X7')) return []
    const out: RuleFlag[] = []
    for (const o of facts.obligors) {
      if (o.waiver) continue
      if (o.monthlyIncomeFen === null || o.monthlyIncomeFen <= 0) continue
      if (o.supportPaidFen !== null && o.supportPaidFen > 0) continue
      const rel = codeName(OBLIGOR_RELATIONS, o.relation) || o.relation
      out.push(makeFlag(supportAndCompensation, 'warn', '义务人有收入但未支付赡养（抚养、扶养）费',
        `义务人 ${o.name}（${rel}）月收入 ${yuan(o.monthlyIncomeFen)}，未支付赡养（抚养、扶养）费，也未登记豁免：请核实其负担能力，按规定计算应付赡养费计入家庭收入，或由审核人书面说明。`,
        [`${o.name}：${rel}，月收入 ${yuan(o.monthlyIncomeFen)}，已付 ${yuan(o.supportPaidFen ?? 0)}`]))
    }
    const comp = compositionOf(facts, params)
    for (const l of comp.incomeLines) {
      if (l.counted || l.subtype === null || !COMPENSATION_WORDS.some((w) => l.subtype!.includes(w))) continue
      out.push(makeFlag(supportAndCompensation, 'warn', '征地拆迁补偿未计入收入',
        `${l.memberName ?? '家庭'}的${l.subtype} ${yuan(l.amountFen)}/月未计入家庭收入（${l.reason ?? ''}）：征地、拆迁补偿应按规定计入，请核实。`,
        [`${l.memberName ?? '家庭'}：${l.kindLabel}（${l.subtype}）${yuan(l.amountFen)}/月`]))
    }
    return out
  },
}
