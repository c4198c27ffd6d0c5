// X8 财政供养人员 in the household → warn only (83号: no exclusion by status; seed 004 重点核查).

import { memberExclusion } from '../assess'
import type { Rule } from './types'
import { exclusionEnabled, makeFlag, memberLabel } from './util'

export const publicPayroll: Rule = {
  id: 'X8.publicPayroll',
  label: '财政供养人员',
  source: '地方做法：日喀则低保专项整治、衡阳低保清查清单第8项；民发〔2022〕83号',
  params: ['exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X8')) return []
    const list = facts.members.filter((m) => m.publicPayroll && memberExclusion(m, facts.asOf) === null)
    if (list.length === 0) return []
    return [
      makeFlag(publicPayroll, 'warn', '家庭成员是财政供养人员',
        `${list.map((m) => m.name).join('、')} 是财政供养人员，属于重点核查对象：请核实其工资收入已全部计入家庭收入。不得仅以身份为由不予纳入（民发〔2022〕83号），由审核人书面确认。`,
        list.map((m) => `${memberLabel(m)}：财政供养人员`)),
    ]
  },
}
