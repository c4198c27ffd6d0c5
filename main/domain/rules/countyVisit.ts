// County visit (办法 art. 11, 20; domain.md §5.1, §12): a 备案 case (staffRelations or relativeFiling) or a
// complained-about case (objections.total > 0) without a recorded county visit → block. In `township` mode
// (⚙ procedure.decisionLevel) ⚙ countyVisit.inTownshipMode (default on ⚠) — off → warn.

import { boolParam, stringParam } from './params'
import type { Rule } from './types'
import { makeFlag, staffRelationLines } from './util'

export const countyVisit: Rule = {
  id: 'county.visit',
  label: '备案和被投诉案件须县级入户核查',
  source: '《最低生活保障审核确认办法》第十一条、第二十条',
  params: ['procedure.decisionLevel', 'countyVisit.inTownshipMode'],
  evaluate(facts, params) {
    const filed = facts.staffRelations.length > 0 || facts.household.relativeFiling
    const complained = facts.objections.total > 0
    if (!(filed || complained) || facts.records.countyVisit) return []
    const township = stringParam(params, 'procedure.decisionLevel', 'county') === 'township'
    const required = !township || boolParam(params, 'countyVisit.inTownshipMode', true)
    const why = [filed ? '近亲属备案' : '', complained ? `有投诉或公示异议 ${facts.objections.total} 件` : ''].filter(Boolean).join('、')
    const evidence = [...staffRelationLines(facts)]
    if (facts.household.relativeFiling && facts.staffRelations.length === 0) evidence.push('本户已登记近亲属备案')
    if (complained) evidence.push(`投诉、异议共 ${facts.objections.total} 件，其中未办结 ${facts.objections.open} 件`)
    evidence.push('县级入户核查记录：未录入')
    return [
      makeFlag(countyVisit, required ? 'block' : 'warn', '县级尚未入户核查',
        required
          ? `本案属于${why}的案件，县级民政部门应当入户调查核实（办法第二十条）；未录入县级入户核查记录前不得确认。`
          : `本案属于${why}的案件。乡镇审核确认模式下本地规定不要求县级入户；审核人应书面确认已知悉。`,
        evidence),
    ]
  },
}

