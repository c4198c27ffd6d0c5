// One person in two households (domain.md §3.1 invariant, §5.1): block.

import type { Rule } from './types'
import { makeFlag } from './util'

export const otherOpenFiles: Rule = {
  id: 'members.otherOpenFiles',
  label: '同一人不得同时在两个家庭档案中',
  source: '一户一档：同一公民身份号码只能在一个在办或在保家庭档案中（民发〔2022〕83号 防止重复保障）',
  params: [],
  evaluate(facts) {
    return facts.otherOpenFiles.map((f) =>
      makeFlag(otherOpenFiles, 'block', '家庭成员已在其他在办或在保档案中',
        `${f.memberName}（公民身份号码 ${f.idNumber}）同时在档案 ${f.fileNo}（户主 ${f.headName}）中，不得重复纳入。请核实其实际共同生活的家庭，从其中一个档案中办理减员后再审核。`,
        [`本户档案 ${facts.household.fileNo}；另一档案 ${f.fileNo}，户主 ${f.headName}`]),
    )
  },
}
