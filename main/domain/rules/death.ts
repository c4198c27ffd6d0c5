// Member counted after his death → block (民发〔2022〕83号; domain.md §5.1, §10): a member with a date of death on
// or before asOf who is still a beneficiary (not removed) must be removed by a change case (增发/减发/停发 within
// 3 months of the death). Sole beneficiary → stop from the month after the death.

import { memberExclusion } from '../assess'
import type { Rule, RuleMember } from './types'
import { makeFlag, memberLabel } from './util'

const isDead = (m: RuleMember, asOf: string): boolean => m.deathDate !== null && m.deathDate !== '' && m.deathDate <= asOf

export const deceasedMembers: Rule = {
  id: 'members.deceased',
  label: '死亡成员不得继续计入保障',
  source: '民发〔2022〕83号',
  params: [],
  evaluate(facts) {
    const cover = facts.individualInclusion
    const counted = (m: RuleMember): boolean => (cover ? m.id === cover.memberId : m.isBeneficiary)
    const dead = facts.members.filter((m) => isDead(m, facts.asOf) && (m.leftAt === null || m.leftAt === '') && counted(m))
    if (dead.length === 0) return []
    const alive = facts.members.filter((m) => memberExclusion(m, facts.asOf) === null && counted(m))
    const sole = alive.length === 0
    return dead.map((m) =>
      makeFlag(deceasedMembers, 'block', '已死亡的成员仍登记为保障对象',
        `${m.name} 已于 ${m.deathDate} 死亡，仍登记为保障对象：应在死亡后 3 个月内复核并办理${sole ? '停发（户内已无其他保障对象，自死亡次月起停发）' : '减员，调整保障金额'}；死亡后多发的金额记入多发台账。`,
        [`${memberLabel(m)}：死亡日期 ${m.deathDate}`]),
    )
  },
}
