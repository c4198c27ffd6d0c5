// Per-capita income ≥ standard → block (《社会救助暂行办法》第九条; 社救法 art. 18; domain.md §5.1, §6.1).
// - Eligible iff the counted monthly income is strictly below S × N (computeBenefit).
// - recheck/change: I > S × N and the counted wages are the cause (without them the income would be below S × N)
//   → the message suggests 渐退 (办法 art. 33; 83号; ⚙ phaseOut.maxMonths = 6). I = S × N is not “超过” →
//   plain stop (⚙ phaseOut.includeEqual = false).
// - No standard in force, or nobody to cover → block (the income test cannot be passed).

import { ASSESS_PARAM_KEYS, type IncomeLine } from '../assess'
import { boolParam, intParam } from './params'
import type { Rule } from './types'
import { assessmentOf, makeFlag, yuan } from './util'

function line(l: IncomeLine): string {
  const who = l.memberName ?? '家庭'
  const what = `${l.kindLabel}${l.subtype ? `（${l.subtype}）` : ''}`
  return `${who}：${what} ${yuan(l.amountFen)}/月${l.counted ? '' : `，不计入：${l.reason ?? ''}`}`
}

export const incomeBelowStandard: Rule = {
  id: 'income.belowStandard',
  label: '家庭月人均收入低于低保标准',
  source: '《社会救助暂行办法》第九条',
  params: [...ASSESS_PARAM_KEYS, 'phaseOut.maxMonths', 'phaseOut.includeEqual'],
  evaluate(facts, params) {
    const a = assessmentOf(facts, params)
    const evidence = a.incomeLines.map(line)
    if (a.result === null || a.benefitInput === null) {
      return [makeFlag(incomeBelowStandard, 'block', '无法核算家庭收入是否低于低保标准',
        `${a.warnings.join('；')}。收入条件未经核算，不得确认或继续保障。`, evidence)]
    }
    const r = a.result
    if (r.eligible) return []
    const S = a.benefitInput.standardFen
    const N = a.benefitInput.members
    const SN = S * N
    const I = r.monthlyIncomeFen
    const equal = !r.aboveStandard
    evidence.push(...r.steps.map((s) => s.label))
    let message =
      `家庭月人均收入 ${yuan(r.perCapitaIncomeFen)}，不低于低保标准 ${yuan(S)}（月计入收入 ${yuan(I)}，保障人数 ${N} 人，标准合计 ${yuan(SN)}）` +
      (equal ? '；收入恰好等于标准合计，不属于“低于”' : '') +
      '，不符合收入条件。'
    if (facts.caseKind === 'recheck' || facts.caseKind === 'change') {
      const includeEqual = boolParam(params, 'phaseOut.includeEqual', false)
      const maxMonths = intParam(params, 'phaseOut.maxMonths', 6, 1)
      let wages = 0
      const wageIds = new Set(facts.incomes.filter((x) => x.kind === 'wage').map((x) => x.id))
      for (const l of a.incomeLines) if (l.counted && wageIds.has(l.incomeId)) wages += l.amountFen
      const byWages = wages > 0 && I - wages < SN
      if (byWages && (!equal || includeEqual)) {
        message += `其中工资性收入 ${yuan(wages)}，不计工资性收入时月收入 ${yuan(I - wages)}，低于标准合计：如系家庭成员就业使收入超过标准，可以按渐退办理（渐退期最长 ${maxMonths} 个月，自决定次月起，期满停发；办法第三十三条、民发〔2022〕83号），否则应按停发办理（须先听取本人意见）。`
      } else if (byWages && equal) {
        message += '收入恰好等于标准合计，不属于“超过”，不适用渐退，应按停发办理（须先听取本人意见）。'
      } else {
        message += '应按停发办理（须先听取本人意见，社会救助法第四十八条）。'
      }
    } else if (facts.caseKind === 'newApplication') {
      message += '应作出不予确认的初审意见并书面告知理由。'
    }
    return [makeFlag(incomeBelowStandard, 'block', '家庭月人均收入不低于低保标准', message, evidence)]
  },
}
