// X10 couple both ≤ ⚙ flag.idleCoupleAge (45, “均在45岁以下”: 以下 includes the number), healthy, fully able to
// work and idle (employment none / registered or unregistered unemployed) → warn (衡阳; domain.md §5.2).
// The couples = the 户主 (relation 01/02) and the spouse (10/11/12); a son and 儿媳, a daughter and 女婿 (see couples).

import { memberExclusion } from '../assess'
import { ageOn } from '../idcard'
import { intParam } from './params'
import type { Rule, RuleFlag, RuleMember } from './types'
import { exclusionEnabled, makeFlag, memberLabel } from './util'

const HEAD = ['01', '02']
const SPOUSE = ['10', '11', '12']
const SONS = ['20', '21', '22', '23', '24', '25', '26', '27', '29']
const DAUGHTERS = ['30', '31', '32', '33', '34', '35', '36', '37', '39']
const SON_IN_LAW = '28'
const DAUGHTER_IN_LAW = '38'

/**
 * The couples the relations show: the 户主 and spouse; a son and the 儿媳, or a daughter and the 女婿, when the
 * household has exactly one of each (with two sons and two daughters-in-law the file does not say who is
 * married to whom, and no couple is guessed).
 */
function couples(members: RuleMember[]): Array<[RuleMember, RuleMember, string]> {
  const out: Array<[RuleMember, RuleMember, string]> = []
  const one = (codes: string[]) => { const xs = members.filter((m) => codes.includes(m.relation)); return xs.length === 1 ? xs[0]! : null }
  const head = one(HEAD), spouse = one(SPOUSE)
  if (head && spouse) out.push([head, spouse, '户主夫妻'])
  const son = one(SONS), dil = one([DAUGHTER_IN_LAW])
  if (son && dil) out.push([son, dil, '儿子儿媳'])
  const daughter = one(DAUGHTERS), sil = one([SON_IN_LAW])
  if (daughter && sil) out.push([daughter, sil, '女儿女婿'])
  return out
}
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
    const idle = (m: RuleMember): boolean =>
      ageOn(m.birthDate, facts.asOf) <= maxAge &&
      m.health === 'healthy' &&
      m.labour === 'full' &&
      m.disabilityGrade === null &&
      m.employment !== null &&
      m.employment in IDLE
    const line = (m: RuleMember): string => `${memberLabel(m)}：${ageOn(m.birthDate, facts.asOf)} 岁，健康，有劳动能力，${IDLE[m.employment ?? ''] ?? ''}`
    const out: RuleFlag[] = []
    for (const [a, b, who] of couples(present)) {
      if (!idle(a) || !idle(b)) continue
      out.push(makeFlag(idleCouple, 'warn', '夫妻均在青壮年且无业',
        `${who}均在 ${maxAge} 岁以下（含 ${maxAge} 岁）、身体健康、有劳动能力，均无业：请入户核实实际就业和收入情况，并推荐就业；不得仅以此为由不予纳入，由审核人判断。`,
        [line(a), line(b)]))
    }
    return out
  },
}
