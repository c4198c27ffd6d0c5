// Refusal to cooperate or consent → warn (办法 art. 29 “可以终止”; 社救法 art. 41): an obligor whose data is checked
// did not sign the 授权书. A termination decision with written notice may follow (→ terminated).

import { OBLIGOR_RELATIONS, codeName } from '../codes'
import type { Rule } from './types'
import { makeFlag } from './util'

export const consentRefused: Rule = {
  id: 'consent.refusal',
  label: '配合调查和授权核对',
  source: '《最低生活保障审核确认办法》第二十九条；《中华人民共和国社会救助法》第四十一条',
  params: [],
  evaluate(facts) {
    return facts.obligors
      .filter((o) => !o.consent)
      .map((o) => {
        const rel = codeName(OBLIGOR_RELATIONS, o.relation) || o.relation
        return (
        makeFlag(consentRefused, 'warn', '义务人未授权核对经济状况',
          `赡养（抚养、扶养）义务人 ${o.name}（${rel}）未签署授权书，其经济状况无法核对。请告知须配合核对；无正当理由拒不配合的，可以终止审核确认并书面告知（办法第二十九条）。`,
          [`${o.name}：与申请人关系 ${rel}${o.age !== null ? `，${o.age} 岁` : ''}，授权书未签署`])
        )
      })
  },
}
