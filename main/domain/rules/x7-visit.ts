// X7 (衡阳, 泗县; 办法 art. 17; domain.md §5.2) — what the 入户调查 found: a graduate in work, a member paying
// 住房公积金, a child in a high-fee school or abroad → warn (income to be counted or explained; never a refusal
// by itself). Obligors and land compensation are X7.supportAndCompensation.

import type { Rule } from './types'
import { exclusionEnabled, makeFlag, visitCheckLine, visitChecksOf } from './util'

const TEXT: Record<'graduateEmployed' | 'housingFund' | 'highFeeSchool', { title: string; message: (who: string) => string }> = {
  graduateEmployed: { title: '成员已毕业就业', message: (who) => `入户调查发现${who}已毕业并就业：其工资收入应按规定计入家庭收入（或核实其是否仍为共同生活成员），请核对收入录入。` },
  housingFund: { title: '成员缴存住房公积金', message: (who) => `入户调查发现${who}缴存住房公积金，说明有稳定就业：请核实其工资收入并计入家庭收入。` },
  highFeeSchool: { title: '子女高收费就读或出国留学', message: (who) => `入户调查发现${who}在高收费学校就读或出国（境）留学：请核实学费来源和家庭实际生活水平，由审核人判断。` },
}

export const visitFindings: Rule = {
  id: 'X7.visitFindings',
  label: '就业、公积金和高收费就读',
  source: '地方做法：衡阳低保清查清单第7项；《最低生活保障审核确认办法》第十七条',
  params: ['exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X7')) return []
    return visitChecksOf(facts, ['graduateEmployed', 'housingFund', 'highFeeSchool']).map((c) => {
      const t = TEXT[c.code as keyof typeof TEXT]
      return makeFlag(visitFindings, 'warn', t.title, t.message(c.memberName ?? '家庭成员'), [visitCheckLine(c)])
    })
  },
}
