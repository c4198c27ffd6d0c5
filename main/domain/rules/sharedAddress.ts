// 拆户保 / 合户保 (domain.md §3.1, seed 003): other open files at the same address in the same village, or with the
// same 户口簿户号, may be one
// family split to get more benefit (拆户保), or this file may mix two families (合户保). Warn; the reviewer checks
// who actually lives together (共同生活, 办法 art. 7) and says so in writing.

import type { Rule, RuleFlag } from './types'
import { makeFlag } from './util'

export const sharedAddress: Rule = {
  id: 'household.sharedAddress',
  label: '同一地址有其他在办或在保档案（拆户保、合户保）',
  source: '《最低生活保障审核确认办法》第七条（共同生活的家庭成员）；地方做法：衡阳低保清查（拆户保、合户保）',
  params: [],
  evaluate(facts) {
    const out: RuleFlag[] = []
    const same = facts.sameAddress ?? []
    if (same.length) {
      out.push(makeFlag(sharedAddress, 'warn', '同一地址还有其他在办或在保档案',
        `本户地址“${facts.household.address}”另有 ${same.length} 个在办或在保档案。请核实是否为同一家庭拆分申请（拆户保），或本档案是否混入了不共同生活的人员（合户保），按实际共同生活情况认定家庭成员。`,
        same.map((f) => `档案 ${f.fileNo}，户主 ${f.headName}`)))
    }
    const hukou = facts.sameHukouNo ?? []
    if (hukou.length) {
      out.push(makeFlag(sharedAddress, 'warn', '同一户口簿还有其他在办或在保档案',
        `户口簿户号 ${facts.household.hukouNo ?? ''} 另有 ${hukou.length} 个在办或在保档案：同一户口分成几个档案申请的，请核实各自是否独立生活（分户居住、分开生活），不是的按一个家庭认定（拆户保）。`,
        hukou.map((f) => `档案 ${f.fileNo}，户主 ${f.headName}`)))
    }
    return out
  },
}
