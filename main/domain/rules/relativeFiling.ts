// 近亲属备案 (办法 art. 11; 国发〔2012〕45号; domain.md §2): a case where a member is, or is a 近亲属 of, a
// 低保经办人员 or 村(居)委会成员 is 单独登记备案: warn until household.relativeFiling is recorded.

import type { Rule } from './types'
import { makeFlag, staffRelationLines } from './util'

export const relativeFiling: Rule = {
  id: 'relatives.filing',
  label: '经办人员和村干部近亲属备案',
  source: '《最低生活保障审核确认办法》第十一条；国发〔2012〕45号',
  params: [],
  evaluate(facts) {
    if (facts.staffRelations.length === 0 || facts.household.relativeFiling) return []
    return [
      makeFlag(relativeFiling, 'warn', '近亲属申请低保未备案',
        '家庭成员是低保经办人员或村（居）委会成员，或是其近亲属：应填写近亲属备案表单独登记备案并报县级民政部门；相关人员应回避本案的调查、评议、审核和审批。',
        staffRelationLines(facts)),
    ]
  },
}

