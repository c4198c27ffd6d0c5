// X3 homes (办法 art. 14; seed 003 item 3; domain.md §5.2): non-exempt housing rows (危房 C/D and unused old
// houses are entered as exempt) > ⚙ housing.maxUnits (default 1). The county's row entered → blockUnlessExempt;
// default only → warn. A rural household's 商品房 (衡阳: rural member buying a town 商品房) → warn.

import { ART14, EXEMPT_HINT, X_SOURCE, notExempt, withLocal } from './assetHelpers'
import { hasParam, intParam } from './params'
import type { Rule, RuleFlag } from './types'
import { assetLine, exclusionEnabled, makeFlag } from './util'

export const housing: Rule = {
  id: 'X3.housing',
  label: '住房套数',
  source: withLocal(ART14, `${X_SOURCE}第3项`),
  params: ['housing.maxUnits', 'exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X3')) return []
    const homes = facts.assets.filter((a) => a.kind === 'housing')
    const out: RuleFlag[] = []
    const rowEntered = hasParam(params, 'housing.maxUnits')
    const max = intParam(params, 'housing.maxUnits', 1, 0)
    const countedHomes = homes.filter(notExempt)
    if (countedHomes.length > max) {
      out.push(makeFlag(housing, rowEntered ? 'blockUnlessExempt' : 'warn', '住房超过本地规定套数',
        `家庭拥有住房 ${countedHomes.length} 套（不含已豁免的危房、闲置旧房），超过 ${max} 套${rowEntered ? '（housing.maxUnits）' : '（默认值，本县未录入）'}：${rowEntered ? '不符合财产条件；确属本地规定可以豁免的，由审核人引用本地规定签署豁免意见。' : '请入户核实房屋权属和使用情况，由审核人判断。'}`,
        homes.map((a) => assetLine(facts, a))))
    }
    if (facts.household.category === 'rural') {
      for (const a of countedHomes) {
        if (!a.description.includes('商品房')) continue
        out.push(makeFlag(housing, 'warn', '农村家庭在城镇购买商品房',
          `农村低保家庭成员购买城镇商品房（${a.description}），请核实购房资金来源和家庭经济状况。`, [assetLine(facts, a)]))
      }
    }
    return out
  },
}

