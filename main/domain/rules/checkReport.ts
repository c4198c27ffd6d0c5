// 核对报告 missing (办法 art. 15, 17; domain.md §3.4 ⚙ investigation.requireCheck = true, DESIGN): warn.
// 核对 is one investigation method among several (办法 art. 15), so the reviewer may acknowledge its absence.
// Not checked before 受理 or for resume.

import { boolParam } from './params'
import type { Rule } from './types'
import { makeFlag, stageOf } from './util'

export const checkReportMissing: Rule = {
  id: 'check.report',
  label: '家庭经济状况核对报告',
  source: '《最低生活保障审核确认办法》第十五条、第十七条',
  params: ['investigation.requireCheck'],
  evaluate(facts, params) {
    if (!boolParam(params, 'investigation.requireCheck', true)) return []
    if (facts.caseKind === 'resume' || stageOf(facts) === 'intake') return []
    if (facts.records.checkReport !== null) return []
    const evidence = [
      facts.attachmentKinds.includes('checkReport')
        ? '附件中有“核对报告”，但未登记核对报告（出具日期）'
        : '未登记核对报告，附件中也没有核对报告',
    ]
    return [
      makeFlag(checkReportMissing, 'warn', '缺少家庭经济状况核对报告',
        '尚无县级核对机构出具的家庭经济状况核对报告。请申请信息核对并登记报告；确实无法核对的，审核人应书面说明理由后确认。',
        evidence, '《最低生活保障审核确认办法》第十五条、第十七条；本地设置“初审前须有核对报告”'),
    ]
  },
}
