// X12 group enrolment (改制职工, 失地农民, 两女结扎户; 衡阳; domain.md §5.2) → warn: belonging to a group is
// neither a ground for inclusion nor for refusal (83号: no 特定身份 test); each household is assessed on its own
// income and property.

import type { Rule } from './types'
import { exclusionEnabled, makeFlag, visitCheckLine, visitChecksOf } from './util'

export const groupEnrolment: Rule = {
  id: 'X12.groupEnrolment',
  label: '以群体身份申请',
  source: '地方做法：衡阳低保清查清单第12项；民发〔2021〕83号',
  params: ['exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X12')) return []
    return visitChecksOf(facts, ['groupEnrolment']).map((c) =>
      makeFlag(groupEnrolment, 'warn', '以群体身份申请',
        '本户以群体身份申请（如改制职工、失地农民、两女结扎户）：群体身份不是纳入或不予纳入的依据，须按本户的收入和财产逐户核实认定，由审核人确认已逐户审核。',
        [visitCheckLine(c)]))
  },
}
