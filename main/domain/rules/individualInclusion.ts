// 单人保 basis (办法 art. 8; 社救法 art. 21; domain.md §5.1, §13.2):
// - the covered member must be a current member, alive and not left → else block;
// - basis: 残疾人证 grade 1–2, or grade 3 智力(5)/精神(6); or 重特大疾病 (health serious, with a diagnosis);
//   otherwise (宗教教职人员, county categories, 83号 adult 无业重度残疾人 …) → warn for the reviewer;
// - the family must be a 低保边缘家庭: per-capita income < ⚙ marginal.factor (1.5) × S → else warn;
//   a family whose per-capita income is below S itself should be covered as a whole → warn.
// Category and grade come from the member fields, else from the 20-character 残疾人证号.

import { checkDisabilityCert, isSevereDisability, DISABILITY_CATEGORIES, DISABILITY_GRADES } from '../idcard'
import { mulDivRound } from '../money'
import { numberParam } from './params'
import type { Rule, RuleFlag, RuleMember } from './types'
import { makeFlag, memberLabel, yuan } from './util'
import { ASSESS_PARAM_KEYS, composeHousehold } from '../assess'

function disability(m: RuleMember): { category: number; grade: number } | null {
  if (m.disabilityCategory !== null && m.disabilityGrade !== null) return { category: m.disabilityCategory, grade: m.disabilityGrade }
  if (m.disabilityCert) {
    const c = checkDisabilityCert(m.disabilityCert, m.idNumber)
    if (c.ok) return { category: c.category, grade: c.grade }
  }
  return null
}

const disabilityName = (d: { category: number; grade: number }): string =>
  `${DISABILITY_CATEGORIES[d.category] ?? `类别${d.category}`}${DISABILITY_GRADES[d.grade] ?? `${d.grade}级`}`

export const individualInclusionBasis: Rule = {
  id: 'individualInclusion.basis',
  label: '单人保依据',
  source: '《最低生活保障审核确认办法》第八条',
  params: ['marginal.factor', ...ASSESS_PARAM_KEYS],
  evaluate(facts, params) {
    const cover = facts.individualInclusion
    if (!cover) return []
    const out: RuleFlag[] = []
    const m = facts.members.find((x) => x.id === cover.memberId)
    if (!m) {
      return [makeFlag(individualInclusionBasis, 'block', '单人保对象不在本户成员中',
        `单人保申报的保障对象（成员编号 ${cover.memberId}）不在本户当前成员中，请重新选择保障对象。`, [`单人保依据：${cover.basis}`])]
    }
    if (m.deathDate !== null && m.deathDate !== '' && m.deathDate <= facts.asOf) {
      return [makeFlag(individualInclusionBasis, 'block', '单人保对象已死亡', `单人保对象 ${m.name} 已于 ${m.deathDate} 死亡，不能按单人保确认或继续保障。`, [`单人保依据：${cover.basis}`])]
    }
    if (m.leftAt !== null && m.leftAt !== '' && m.leftAt <= facts.asOf) {
      return [makeFlag(individualInclusionBasis, 'block', '单人保对象已离开本户', `单人保对象 ${m.name} 已于 ${m.leftAt} 离开本户，不能按单人保确认或继续保障。`, [`单人保依据：${cover.basis}`])]
    }

    // Basis
    const d = disability(m)
    const evidence = [`保障对象：${memberLabel(m)}`, `申报依据：${cover.basis || '未填写'}`]
    if (d) evidence.push(`残疾：${disabilityName(d)}${m.disabilityCert ? `（残疾人证号 ${m.disabilityCert}）` : ''}`)
    if (m.health === 'serious') evidence.push(`健康状况：重病${m.diagnosis ? `（${m.diagnosis}）` : '（未录入诊断）'}`)
    const severe = d !== null && isSevereDisability(d.category, d.grade)
    const illness = m.health === 'serious' && m.diagnosis !== null && m.diagnosis.trim() !== ''
    if (!severe && !illness) {
      const msg =
        m.health === 'serious'
          ? `${m.name} 登记为重病，但未录入诊断，无法认定为重特大疾病：请录入诊断并附诊断证明，由审核人核实单人保依据。`
          : `${m.name} 不属于一、二级残疾或三级智力、精神残疾，也未登记重特大疾病。单人保依据“${cover.basis || '未填写'}”（如宗教教职人员、县级以上规定的其他情形）须由审核人核实并书面确认。`
      out.push(makeFlag(individualInclusionBasis, 'warn', '单人保依据须核实', msg, evidence))
    }

    // 低保边缘家庭: the whole family's per-capita income against marginal.factor × S.
    const S = facts.standardFen
    if (S !== null) {
      const family = composeHousehold(
        { members: facts.members, incomes: facts.incomes, standardFen: S, individualInclusion: null, asOf: facts.asOf },
        params,
      )
      const size = family.householdSize
      const factor = numberParam(params, 'marginal.factor', 1.5)
      if (size > 0) {
        const total = family.countedIncomeFen
        const factorBp = Math.round(factor * 10000)
        const perCapita = mulDivRound(total, 1, size)
        const mark = mulDivRound(S, factorBp, 10000)
        const famEvidence = [
          `全家 ${size} 人，月计入收入 ${yuan(total)}，人均 ${yuan(perCapita)}`,
          `低保标准 ${yuan(S)}，边缘家庭认定线 ${yuan(S)} × ${factor} = ${yuan(mark)}`,
        ]
        if (BigInt(total) * 10000n >= BigInt(factorBp) * BigInt(S) * BigInt(size)) {
          out.push(makeFlag(individualInclusionBasis, 'warn', '家庭不属于低保边缘家庭',
            `全家月人均收入 ${yuan(perCapita)}，不低于边缘家庭认定线 ${yuan(mark)}（低保标准的 ${factor} 倍）：单人保只适用于低保边缘家庭中的重残、重病等成员（办法第八条），请审核人核实。`,
            famEvidence))
        } else if (BigInt(total) < BigInt(S) * BigInt(size)) {
          out.push(makeFlag(individualInclusionBasis, 'warn', '全家收入低于低保标准，应整户纳入',
            `全家月人均收入 ${yuan(perCapita)}，低于低保标准 ${yuan(S)}：符合条件的家庭应整户纳入保障，不宜只按单人保办理（民发〔2022〕83号）。`,
            famEvidence, '《最低生活保障审核确认办法》第八条；民发〔2022〕83号'))
        }
      }
    }
    return out
  },
}
