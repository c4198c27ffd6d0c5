// X11 benefit uncollected ≥ ⚙ flag.uncollectedMonths (3, “以上” includes the number) → warn, re-check (衡阳).
// Contact changed unannounced and a false address, from the 入户调查 checklist → warn, re-check.

import { intParam } from './params'
import type { Rule } from './types'
import { exclusionEnabled, makeFlag, visitCheckLine, visitChecksOf } from './util'

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

export const contactAndAddress: Rule = {
  id: 'X11.contactAddress',
  label: '联系方式变更未告知、住址不实',
  source: '地方做法：衡阳低保清查清单第11项；《最低生活保障审核确认办法》第三十二条（主动报告变化）',
  params: ['exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X11')) return []
    return visitChecksOf(facts, ['contactChanged', 'falseAddress']).map((c) => c.code === 'contactChanged'
      ? makeFlag(contactAndAddress, 'warn', '联系方式变更未告知', '入户调查发现家庭联系方式已变更而未告知：请更新档案联系方式，核实家庭是否仍在本地居住，列入复核。', [visitCheckLine(c)])
      : makeFlag(contactAndAddress, 'warn', '登记住址不实', '入户调查发现登记住址不实（查无此户或长期无人居住）：请核实实际居住地和共同生活情况，列入复核；必要时暂停发放。', [visitCheckLine(c)]))
  },
}
