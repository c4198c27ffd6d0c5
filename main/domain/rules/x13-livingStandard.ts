// X13 LOCAL living-standard tests (重庆, 泗县; domain.md §5.2) from the 入户调查 checklist → warn, each switchable
// (⚙ livingTests.items = { recentBuild: { enabled: false }, … }; items default to enabled). A purchase counts when
// it reaches ⚙ livingTests.purchaseMultiple (5) × the monthly standard × the persons (重庆: “N × 标准 × 5”); without a
// standard every reported purchase is shown.

import { intParam } from './params'
import type { Rule, RuleFacts, RuleFlag, RuleParams } from './types'
import { compositionOf, exclusionEnabled, makeFlag, toggleEnabled, visitCheckLine, visitChecksOf, yuan } from './util'
import type { VisitCheckCode } from '../visitChecks'

const ITEMS: Partial<Record<VisitCheckCode, { title: string; message: string }>> = {
  recentBuild: { title: '近 3 年新建、购买或高标准装修住房', message: '请核实建房（购房、装修）资金来源和家庭实际生活水平。' },
  highBills: { title: '日常费用明显偏高', message: '请核实水电燃气、通讯等费用与申报收入是否相符。' },
  bigPurchase: { title: '近 6 个月有大额消费', message: '请核实消费资金来源和家庭实际生活水平。' },
  hiring: { title: '雇佣他人', message: '请核实雇佣原因、费用来源和家庭实际收入。' },
  propertyGiven: { title: '赠与、转让或放弃财产', message: '近年赠与、低价转让或放弃的财产可能影响家庭经济状况认定，请核实。' },
  idleLand: { title: '有劳动能力但土地闲置', message: '请核实土地闲置原因，推荐就业或生产；不得仅以此为由不予纳入。' },
  tekun: { title: '已纳入特困人员救助供养', message: '特困人员救助供养与低保不重复享受：请核实该成员的供养情况，按规定处理。' },
}
const CODES = Object.keys(ITEMS) as VisitCheckCode[]

/** N × S × ⚙ livingTests.purchaseMultiple, with the multiple; null without a standard. */
function purchaseThreshold(facts: RuleFacts, params: RuleParams): { limitFen: number; multiple: number } | null {
  if (facts.standardFen === null) return null
  const multiple = intParam(params, 'livingTests.purchaseMultiple', 5, 1)
  return { limitFen: facts.standardFen * Math.max(1, compositionOf(facts, params).beneficiaries.length) * multiple, multiple }
}

export const livingStandard: Rule = {
  id: 'X13.livingStandard',
  label: '生活水平明显高于申报',
  source: '地方做法：重庆、泗县生活水平核查（衡阳低保清查清单第13项）',
  params: ['livingTests.items', 'livingTests.purchaseMultiple', 'exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X13')) return []
    const out: RuleFlag[] = []
    for (const c of visitChecksOf(facts, CODES)) {
      if (!toggleEnabled(params, 'livingTests.items', c.code)) continue
      const t = ITEMS[c.code]!
      let message = `入户调查发现：${t.title}。${t.message}`
      if (c.code === 'bigPurchase') {
        const p = purchaseThreshold(facts, params)
        if (p !== null && (c.amountFen ?? 0) < p.limitFen) continue
        if (p !== null) message = `入户调查发现近 6 个月消费 ${yuan(c.amountFen ?? 0)}，达到保障人数 × 月低保标准 × ${p.multiple}（${yuan(p.limitFen)}）。${t.message}`
      }
      out.push(makeFlag(livingStandard, 'warn', t.title, `${message}由审核人判断。`, [visitCheckLine(c)]))
    }
    return out
  },
}
