// Not all co-resident members covered without a 单人保 basis → block (民发〔2022〕83号 §一(一): covering only some
// members of an eligible household is forbidden; seed 004 “保户不保人”). Counted members (co-resident, alive, not
// left, no notCountedReason) must all be beneficiaries unless the case is a 单人保 (checked by individualInclusion).

import { memberExclusion } from '../assess'
import type { Rule } from './types'
import { makeFlag, memberLabel } from './util'

export const allMembersCovered: Rule = {
  id: 'members.allCovered',
  label: '共同生活的家庭成员整户纳入',
  source: '民发〔2022〕83号',
  params: [],
  evaluate(facts) {
    if (facts.individualInclusion !== null) return []
    const uncovered = facts.members.filter((m) => memberExclusion(m, facts.asOf) === null && !m.isBeneficiary)
    if (uncovered.length === 0) return []
    return [
      makeFlag(allMembersCovered, 'block', '部分共同生活的家庭成员未纳入保障',
        `共同生活的家庭成员应整户纳入保障，不得只保障部分成员（民发〔2022〕83号）。请将 ${uncovered.map((m) => m.name).join('、')} 纳入保障对象；不属于共同生活家庭成员的，登记不计入的理由；符合单人保条件的，按单人保办理。`,
        uncovered.map((m) => `${memberLabel(m)}：共同生活，未纳入保障对象`)),
    ]
  },
}
