// 受理, investigation and 确认 records complete (办法 art. 28, 16; domain.md §3.4, §5.1).
// - newApplication: 受理 record; every case kind but resume: 入户调查 record signed by ≥ ⚙ investigation.minInvestigators
//   (default 2, 办法 art. 16); a new application past its decision (not refused/withdrawn/terminated): the 确认 record.
// - Severity by stage (DESIGN): block only at or past the decision (a decision may not be signed, nor a household
//   become active, without them); before that the gap is shown as warn (opinion stage: the reviewer
//   acknowledges it before signing the 初审意见) or info (investigation still under way).
// - recheck/change/stop/phaseOut are opened by the township: no 受理 record (DESIGN); resume is a reviewer's
//   decision with a reason (§4.3): not checked here.
// - legacyImport households (no 受理/调查/确认 records from the old system) get an info flag.

import { intParam } from './params'
import type { Rule, RuleFlag, Severity } from './types'
import { makeFlag, stageOf } from './util'

const ENDED_WITHOUT_APPROVAL: readonly string[] = ['rejected', 'terminated', 'withdrawn', 'notAccepted']

export const recordsComplete: Rule = {
  id: 'records.complete',
  label: '受理、调查、确认记录齐全',
  source: '《最低生活保障审核确认办法》第二十八条',
  params: ['investigation.minInvestigators'],
  evaluate(facts, params) {
    const out: RuleFlag[] = []
    const min = intParam(params, 'investigation.minInvestigators', 2, 1)
    const stage = stageOf(facts)
    const r = facts.records

    if (facts.household.legacyImport) {
      out.push(
        makeFlag(recordsComplete, 'info', '旧档导入户，原审核记录未录入',
          '本户为从旧系统导入的档案，原受理、入户调查、审核确认记录未录入本系统；应在本次复核中完整入户调查并补齐记录。',
          [`档案号：${facts.household.fileNo}`]),
      )
    }
    if (facts.caseKind === 'resume' || stage === 'intake') return out

    const missing: string[] = []
    const evidence: string[] = []
    if (facts.caseKind === 'newApplication') {
      evidence.push(`受理记录：${r.accepted ? '已录入' : '未录入'}`)
      if (!r.accepted) missing.push('受理记录')
    }
    const inv = r.investigation
    if (inv === null) {
      evidence.push('入户调查记录：未录入')
      if (stage !== 'investigation') missing.push('入户调查记录')
    } else {
      evidence.push(`入户调查记录：${inv.date}，调查人员 ${inv.investigators} 名（至少 ${min} 名）`)
      if (inv.investigators < min) missing.push(`入户调查须有至少 ${min} 名调查人员（现 ${inv.investigators} 名，办法第十六条）`)
    }
    // The 确认 record: a new application past its decision, unless it ended without one (refused, withdrawn…).
    const ended = [facts.currentStep, ...facts.steps.map((s) => s.kind)].some((k) => ENDED_WITHOUT_APPROVAL.includes(k))
    if (stage === 'decided' && facts.caseKind === 'newApplication' && !ended) {
      evidence.push(`审核确认记录：${r.decision ? '已录入' : '未录入'}`)
      if (!r.decision) missing.push('审核确认记录')
    }
    if (missing.length === 0) return out

    const severity: Severity = stage === 'investigation' ? 'info' : stage === 'opinion' ? 'warn' : 'block'
    const list = missing.join('、')
    const message =
      severity === 'block'
        ? `缺少：${list}。没有受理、调查和审核确认记录，不得确认纳入低保或继续保障（办法第二十八条）；请补齐后重新检查。`
        : severity === 'warn'
          ? `缺少：${list}。报送审核确认前必须补齐；审核人签署初审意见前须书面确认已知悉。`
          : `尚缺：${list}。调查阶段可继续办理，报送审核确认前必须补齐。`
    out.push(makeFlag(recordsComplete, severity, '受理、调查、确认记录不完整', message, evidence))
    return out
  },
}
