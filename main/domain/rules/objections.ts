// Open 公示 objections or complaints → warn (办法 art. 19: re-investigation or 民主评议, then a new 初审意见).
// DESIGN addition: not in the §5.1 table, but a decision over an unresolved objection should not pass unnoticed.

import type { Rule } from './types'
import { makeFlag } from './util'

export const openObjections: Rule = {
  id: 'objections.open',
  label: '公示异议和投诉已办结',
  source: '《最低生活保障审核确认办法》第十九条',
  params: [],
  evaluate(facts) {
    if (facts.objections.open <= 0) return []
    return [
      makeFlag(openObjections, 'warn', '尚有未办结的异议或投诉',
        `本案尚有 ${facts.objections.open} 件公示异议或投诉未办结：应重新调查或民主评议后形成新的初审意见，再报送审核确认。`,
        [`异议、投诉共 ${facts.objections.total} 件，未办结 ${facts.objections.open} 件`]),
    ]
  },
}
