// 平均发放 / 轮流坐庄 (seed 004; domain.md §5.2): equal amounts across a village despite unequal incomes → warn.
// Under the 差额 formula the amount per person is S − I/N, so households paid the same per person must have the
// same per-capita income; a run of ⚙ flag.equalAmountsMin (5) or more households of the village paid the same
// amount per person while their per-capita counted incomes differ shows amounts that were shared out, not
// calculated. The case's household is flagged when its own current amount per person is in that run.
// Not applied under 分档 (benefit.mode = tiered: equal amounts within a tier are the policy) or to the 保底
// amount (benefit.floorShareBp: every floored household gets the same per person).

import { intParam, numberParam } from './params'
import type { Rule } from './types'
import { makeFlag, yuan } from './util'

export const villageEqualAmounts: Rule = {
  id: 'village.equalAmounts',
  label: '本村低保金平均发放',
  source: '《最低生活保障审核确认办法》第二十一条（按差额发放）；民政部专项治理通报（平均发放、轮流坐庄）',
  params: ['flag.equalAmountsMin', 'benefit.mode', 'benefit.floorShareBp'],
  evaluate(facts, params) {
    if (params['benefit.mode'] === 'tiered') return []
    const own = facts.household.currentBenefitFen
    const ownPersons = facts.household.currentBenefitPersons ?? facts.members.filter((m) => m.isBeneficiary && !m.leftAt && !m.deathDate).length
    if (own === null || own <= 0 || ownPersons === 0 || !facts.villagePayments?.length) return []
    const perPerson = (fen: number, n: number) => Math.round(fen / Math.max(1, n))
    const ownPer = perPerson(own, ownPersons)
    const floorBp = params['benefit.floorShareBp'] === undefined || params['benefit.floorShareBp'] === null ? null : numberParam(params, 'benefit.floorShareBp', 0)
    if (floorBp !== null && facts.standardFen !== null && ownPer === Math.round((facts.standardFen * floorBp) / 10000)) return []
    const min = intParam(params, 'flag.equalAmountsMin', 5, 2)
    const same = facts.villagePayments.filter((p) => p.persons > 0 && perPerson(p.benefitFen, p.persons) === ownPer)
    if (same.length + 1 < min) return []
    // per-capita incomes that differ by more than 1 元 (rounding to 分 never explains that)
    const incomes = same.filter((p) => p.incomeFen !== null).map((p) => perPerson(p.incomeFen!, p.persons))
    if (incomes.length < 2 || Math.max(...incomes) - Math.min(...incomes) <= 100) return []
    return [
      makeFlag(villageEqualAmounts, 'warn', '本村多户按相同标准发放',
        `本村另有 ${same.length} 户在保家庭每人每月同为 ${yuan(ownPer)}（含本户共 ${same.length + 1} 户），而各户人均计入收入从 ${yuan(Math.min(...incomes))} 到 ${yuan(Math.max(...incomes))} 不等：低保金应按各户差额计算，请核实是否存在平均发放、轮流享受，并逐户复核。`,
        [`本户：每人每月 ${yuan(ownPer)}（${ownPersons} 人）`, ...same.slice(0, 5).map((p) => `${p.fileNo}：${yuan(p.benefitFen)}/${p.persons} 人，人均收入 ${p.incomeFen === null ? '未录入' : yuan(perPerson(p.incomeFen, p.persons))}`)]),
    ]
  },
}
