// X10 couple both ≤ ⚙ flag.idleCoupleAge (45, “均在45岁以下”: 以下 includes the number), healthy, fully able to
// work and idle (employment none / registered or unregistered unemployed) → warn (衡阳; domain.md §5.2).
// The couple = the 户主 (relation 01/02) and the spouse (10/11/12), both counted members.

import { memberExclusion } from '../assess'
import { ageOn } from '../idcard'
import { intParam } from './params'
import type { Rule, RuleMember } from './types'
import { exclusionEnabled, makeFlag, memberLabel } from './util'

const HEAD = ['01', '02']
const SPOUSE = ['10', '11', '12']
const IDLE: Readonly<Record<string, string>> = { none: '无业', registeredUnemployed: '登记失业', unregisteredUnemployed: '未登记失业' }

export const idleCouple: Rule = {
  id: 'X10.idleCouple',
  label: '青壮年夫妻均无业',
  source: '地方做法：衡阳低保清查清单第10项',
  params: ['flag.idleCoupleAge', 'exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X10')) return []
    const maxAge = intParam(params, 'flag.idleCoupleAge', 45, 0)
    const present = facts.members.filter((m) => memberExclusion(m, facts.asOf) === null)
    const head = present.find((m) => HEAD.includes(m.relation))
    const spouse = present.find((m) => SPOUSE.includes(m.relation))
    if (!head || !spouse) return []
    const idle = (m: RuleMember): boolean =>
      ageOn(m.birthDate, facts.asOf) <= maxAge &&
      m.health === 'healthy' &&
      m.labour === 'full' &&
      m.disabilityGrade === null &&
      m.employment !== null &&
      m.employment in IDLE
    if (!idle(head) || !idle(spouse)) return []
    const line = (m: RuleMember): string => `${memberLabel(m)}：${ageOn(m.birthDate, facts.asOf)} 岁，健康，有劳动能力，${IDLE[m.employment ?? ''] ?? ''}`
    return [
      makeFlag(idleCouple, 'warn', '夫妻均在青壮年且无业',
        `户主夫妻均在 ${maxAge} 岁以下（含 ${maxAge} 岁）、身体健康、有劳动能力，均无业：请入户核实实际就业和收入情况，并推荐就业；不得仅以此为由不予纳入，由审核人判断。`,
        [line(head), line(spouse)]),
    ]
  },
}
