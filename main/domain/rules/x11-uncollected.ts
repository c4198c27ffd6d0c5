// X11 benefit uncollected ≥ ⚙ flag.uncollectedMonths (3, “以上” includes the number) → warn, re-check (衡阳).
// Contact changes and false addresses are not in the facts.

import { intParam } from './params'
import type { Rule } from './types'
import { exclusionEnabled, makeFlag } from './util'

export const uncollectedBenefit: Rule = {
  id: 'X11.uncollected',
  label: '低保金长期未领取',
  source: '地方做法：衡阳低保清查清单第11项',
  params: ['flag.uncollectedMonths', 'exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X11')) return []
    const months = facts.uncollectedMonths
    const limit = intParam(params, 'flag.uncollectedMonths', 3, 1)
    if (months === null || months < limit) return []
    return [
      makeFlag(uncollectedBenefit, 'warn', '低保金长期未领取',
        `低保金已有 ${months} 个月未领取（达到 ${limit} 个月）：请核实家庭是否仍在本地居住、联系方式是否变化，列入复核；必要时暂停发放。`,
        [`未领取月数：${months}`, `档案号：${facts.household.fileNo}`]),
    ]
  },
}
