// The rules engine (domain.md §5): every rule in a fixed order, their policy keys, and a runner that never lets
// one failing rule hide the others — a rule that throws becomes a 'block' flag (“规则计算出错：…”), so a case can
// never pass because a rule crashed on odd data or a malformed policy row.

import { recordsComplete } from './records'
import { checkReportMissing } from './checkReport'
import { incomeBelowStandard } from './income'
import { allMembersCovered } from './coverage'
import { individualInclusionBasis } from './individualInclusion'
import { deceasedMembers } from './death'
import { otherOpenFiles } from './otherOpenFiles'
import { sharedAddress } from './sharedAddress'
import { relativeFiling } from './relativeFiling'
import { recusal } from './recusal'
import { countyVisit } from './countyVisit'
import { openObjections } from './objections'
import { consentRefused } from './consent'
import { paymentAccount } from './payment'
import { financialAssets } from './x1-financial'
import { vehicles } from './x2-vehicles'
import { housing } from './x3-housing'
import { shops } from './x4-shops'
import { businesses } from './x5-business'
import { pensions } from './x6-pension'
import { supportAndCompensation } from './x7-support'
import { publicPayroll } from './x8-publicPayroll'
import { livingElsewhere } from './x9-livingElsewhere'
import { idleCouple } from './x10-idleCouple'
import { contactAndAddress, uncollectedBenefit } from './x11-uncollected'
import { businessActivity } from './x5-businessActivity'
import { visitFindings } from './x7-visit'
import { groupEnrolment } from './x12-group'
import { livingStandard } from './x13-livingStandard'
import { villageEqualAmounts } from './villageEqual'
import type { Rule, RuleFacts, RuleFlag, RuleParams } from './types'

export type { Rule, RuleFacts, RuleFlag, RuleParams, Severity } from './types'

/** All rules, in the order their flags are listed: procedure, national eligibility (§5.1), local list (§5.2). */
export const RULES: Rule[] = [
  recordsComplete,
  checkReportMissing,
  incomeBelowStandard,
  allMembersCovered,
  individualInclusionBasis,
  deceasedMembers,
  otherOpenFiles,
  sharedAddress,
  relativeFiling,
  recusal,
  countyVisit,
  openObjections,
  consentRefused,
  paymentAccount,
  financialAssets,
  vehicles,
  housing,
  shops,
  businesses,
  businessActivity,
  pensions,
  supportAndCompensation,
  visitFindings,
  publicPayroll,
  livingElsewhere,
  idleCouple,
  uncollectedBenefit,
  contactAndAddress,
  groupEnrolment,
  livingStandard,
  villageEqualAmounts,
]

/** Union of the policy keys the rules read (sorted), for the service to prefetch. */
export const RULE_PARAM_KEYS: string[] = [...new Set(RULES.flatMap((r) => r.params))].sort()

/** Run `rules` in order; a rule that throws yields one 'block' flag naming the error. */
export function evaluateWith(rules: readonly Rule[], facts: RuleFacts, params: RuleParams): RuleFlag[] {
  const flags: RuleFlag[] = []
  for (const rule of rules) {
    try {
      flags.push(...rule.evaluate(facts, params))
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e)
      flags.push({
        ruleId: rule.id,
        severity: 'block',
        title: `“${rule.label}”规则计算出错`,
        message: `规则计算出错：${reason}。请检查本户录入的数据和政策参数，修正后重新检查；在此之前本案不能通过审核确认。`,
        evidence: [],
        source: rule.source,
      })
    }
  }
  return flags
}

/** All rules (RULES) for one case. */
export function evaluateRules(facts: RuleFacts, params: RuleParams): RuleFlag[] {
  return evaluateWith(RULES, facts, params)
}
