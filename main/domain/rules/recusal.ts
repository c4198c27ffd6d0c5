// 回避 (办法 art. 11; 国发〔2012〕45号): a declared 低保经办人员 or 村(居)委会成员 who is (or is a 近亲属 of) a member
// of this household must not investigate or review the case. Operator accounts are refused outright by the
// services (assertNotRecused); the people named in the records — 入户调查 investigators and 民主评议 attendees,
// matched by name against the declarations — are flagged here (warn: a name is not an ID number). An attendee
// listed among the meeting's recusals (回避) is fine.

import type { Rule } from './types'
import { makeFlag } from './util'

export const recusal: Rule = {
  id: 'relatives.recusal',
  label: '调查、评议人员回避',
  source: '《最低生活保障审核确认办法》第十一条；国发〔2012〕45号',
  params: [],
  evaluate(facts) {
    const staff = new Map<string, { memberName: string; relation: string; staffPost: string }>()
    for (const r of facts.staffRelations) if (!staff.has(r.staffName)) staff.set(r.staffName, { memberName: r.memberName, relation: r.relation, staffPost: r.staffPost })
    if (staff.size === 0) return []
    const out = []
    for (const p of facts.participants ?? []) {
      const s = staff.get(p.name)
      if (!s || p.recused) continue
      const who = s.relation === '本人' ? `${p.name}（${s.staffPost}）是本户成员` : `${p.name}（${s.staffPost}）是本户 ${s.memberName} 的${s.relation}`
      out.push(p.role === 'investigator'
        ? makeFlag(recusal, 'warn', '入户调查人员应回避', `${who}，已备案为近亲属，却是本案的入户调查人员：应由其他人员重新入户调查，或由审核人核实确非同一人。`, [`入户调查人员：${p.name}`])
        : makeFlag(recusal, 'warn', '民主评议人员应回避', `${who}，已备案为近亲属，参加了评议本案的民主评议会议 ${p.meetingNo ?? ''} 而未登记回避：应在会议记录中登记其回避，或由审核人核实确非同一人。`, [`民主评议会议 ${p.meetingNo ?? ''}：${p.name}参会，未登记回避`]))
    }
    return out
  },
}
