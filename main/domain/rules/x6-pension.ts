// X6 receiving 养老金/退休金 → info only (domain.md §5.2): pensions are income, counted per their subtype
// (城乡居民基础养老金 not while ⚙ income.excludeBasicPension), never an exclusion. Also: a member registered as
// 单位退休 without any pension row (the pension may be missing from the income).

import { ASSESS_PARAM_KEYS, memberExclusion } from '../assess'
import type { Rule, RuleFlag } from './types'
import { compositionOf, exclusionEnabled, makeFlag, yuan } from './util'

const PENSION_WORDS: readonly string[] = ['养老金', '退休金', '退休费', '离休']

export const pensions: Rule = {
  id: 'X6.pension',
  label: '领取养老金、退休金',
  source: '地方做法：衡阳低保清查清单第6项；《最低生活保障审核确认办法》第十三条',
  params: ['exclusion.items', ...ASSESS_PARAM_KEYS],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X6')) return []
    const out: RuleFlag[] = []
    const comp = compositionOf(facts, params)
    const pensionLines = comp.incomeLines.filter((l) => l.subtype !== null && PENSION_WORDS.some((w) => l.subtype!.includes(w)))
    if (pensionLines.length > 0) {
      out.push(makeFlag(pensions, 'info', '家庭成员领取养老金或退休金',
        '养老金、退休金按收入计入（城乡居民基础养老金按规定不计入），不作为取消或不予纳入的理由。请核对金额与核对报告一致。',
        pensionLines.map((l) => `${l.memberName ?? '家庭'}：${l.subtype} ${yuan(l.amountFen)}/月，${l.counted ? '计入' : `不计入（${l.reason ?? ''}）`}`)))
    }
    const withPension = new Set(
      facts.incomes.filter((i) => i.subtype !== null && PENSION_WORDS.some((w) => i.subtype!.includes(w))).map((i) => i.memberId),
    )
    const retired = facts.members.filter((m) => m.employment === 'retired' && memberExclusion(m, facts.asOf) === null && !withPension.has(m.id))
    if (retired.length > 0) {
      out.push(makeFlag(pensions, 'info', '单位退休人员未录入退休金',
        `${retired.map((m) => m.name).join('、')} 登记为单位退休人员，但未录入养老金或退休金收入：请核实并录入。`,
        retired.map((m) => `${m.name}：就业状况“单位退休”，无养老金收入记录`)))
    }
    return out
  },
}
