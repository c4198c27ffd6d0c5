// X9 户口 moved out / living elsewhere long-term → warn, re-check (衡阳; domain.md §5.2): a member still registered
// as a beneficiary although he left the household or no longer lives with it.

import type { Rule } from './types'
import { exclusionEnabled, makeFlag, memberLabel } from './util'

export const livingElsewhere: Rule = {
  id: 'X9.livingElsewhere',
  label: '迁出或长期在外居住',
  source: '地方做法：衡阳低保清查清单第9项',
  params: ['exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X9')) return []
    const asOf = facts.asOf
    const cover = facts.individualInclusion
    const list = facts.members.filter((m) => {
      if (m.deathDate !== null && m.deathDate !== '' && m.deathDate <= asOf) return false // members.deceased
      const beneficiary = cover ? m.id === cover.memberId : m.isBeneficiary
      const left = m.leftAt !== null && m.leftAt !== '' && m.leftAt <= asOf
      return beneficiary && (left || !m.coResident)
    })
    if (list.length === 0) return []
    return [
      makeFlag(livingElsewhere, 'warn', '保障对象已迁出或不在本户共同生活',
        `${list.map((m) => m.name).join('、')} 登记为保障对象，但已离开本户或不在本户共同生活：请入户核实实际居住情况，列入复核，需要时办理减员。`,
        list.map((m) => `${memberLabel(m)}：${m.leftAt && m.leftAt <= asOf ? `${m.leftAt} 离开本户` : '非共同生活'}`)),
    ]
  },
}
