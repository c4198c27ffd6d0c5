// Shared helpers for the rule modules (not a rule itself).

import { assessComposition, composeHousehold, type HouseholdAssessment, type HouseholdComposition } from '../assess'
import { ASSET_KINDS, RELATIONS, codeName } from '../codes'
import { formatYuan } from '../money'
import { boolParam, isRecord, ParamError } from './params'
import type { Rule, RuleAsset, RuleFacts, RuleFlag, RuleMember, RuleParams, RuleVisitCheck, Severity } from './types'
import { visitCheckDef, type VisitCheckCode } from '../visitChecks'

/** 1234.5 元 → "1,234.50 元". */
export const yuan = (fen: number): string => `${formatYuan(fen)} 元`

export function makeFlag(
  rule: Pick<Rule, 'id' | 'source'>,
  severity: Severity,
  title: string,
  message: string,
  evidence: string[] = [],
  source: string = rule.source,
): RuleFlag {
  return { ruleId: rule.id, severity, title, message, evidence, source }
}

export function relationName(m: RuleMember): string {
  return codeName(RELATIONS, m.relation) || m.relation
}

/** "张三（户主）". */
export function memberLabel(m: RuleMember): string {
  const rel = relationName(m)
  return rel ? `${m.name}（${rel}）` : m.name
}

export function assetKindName(kind: string): string {
  return codeName(ASSET_KINDS, kind) || kind
}

export function ownerName(facts: RuleFacts, memberId: string | null): string {
  if (memberId === null) return '家庭共有'
  const m = facts.members.find((x) => x.id === memberId)
  return m ? m.name : `成员 ${memberId}`
}

/** "张三：存款 工商银行定期 30,000.00 元（已豁免：…）". */
export function assetLine(facts: RuleFacts, a: RuleAsset): string {
  const desc = a.description.trim() ? ` ${a.description.trim()}` : ''
  const qty = a.quantity && a.quantity.trim() ? `，${a.quantity.trim()}` : ''
  const exempt = a.exempt ? `（已豁免：${a.exemptReason?.trim() || '未写理由'}）` : ''
  return `${ownerName(facts, a.memberId)}：${assetKindName(a.kind)}${desc}${qty}，价值 ${yuan(a.valueFen)}${exempt}`
}

// ── Case stage (for rules that only bite at or after a given point of the procedure) ─────────────

export type Stage = 'intake' | 'investigation' | 'opinion' | 'decision' | 'decided'

const STAGE_OF_STEP: Readonly<Record<string, Stage>> = {
  received: 'intake',
  pendingMaterials: 'intake',
  notAccepted: 'intake',
  accepted: 'investigation',
  checking: 'investigation',
  checkRejected: 'investigation',
  villageInvestigation: 'investigation',
  investigating: 'investigation',
  checkObjection: 'investigation',
  returned: 'investigation',
  villageReview: 'opinion',
  villageNoticing: 'opinion',
  reviewMeeting: 'opinion',
  preliminary: 'opinion',
  noticing: 'opinion',
  objectionHandling: 'opinion',
  proposal: 'opinion', // §4.3 decrease/stop path
  hearing: 'opinion',
  submitted: 'decision',
  townshipDecision: 'decision',
  countyNoticing: 'decision',
  approved: 'decided',
  rejected: 'decided',
  published: 'decided',
  closed: 'decided',
  decided: 'decided',
  notified: 'decided',
  effective: 'decided',
  terminated: 'decided',
  withdrawn: 'decided',
}

/**
 * The stage of `facts.currentStep`. DESIGN: an unknown step counts as the decision stage (or decided, when a
 * decision is recorded), so that a new step name never switches the decision-stage checks off.
 */
export function stageOf(facts: RuleFacts): Stage {
  const s = STAGE_OF_STEP[facts.currentStep]
  if (s) return s
  return facts.records.decision ? 'decided' : 'decision'
}

export const STAGE_RANK: Readonly<Record<Stage, number>> = { intake: 0, investigation: 1, opinion: 2, decision: 3, decided: 4 }

export function atOrAfter(facts: RuleFacts, stage: Stage): boolean {
  return STAGE_RANK[stageOf(facts)] >= STAGE_RANK[stage]
}

// ── The assessment, computed once per facts object ──────────────────────────────────────────────

type Cached = { params: RuleParams; composition?: HouseholdComposition; assessment?: HouseholdAssessment }
const cache = new WeakMap<RuleFacts, Cached>()

function entry(facts: RuleFacts, params: RuleParams): Cached {
  let e = cache.get(facts)
  if (!e || e.params !== params) {
    e = { params }
    cache.set(facts, e)
  }
  return e
}

/** Members and counted income (no benefit calculation). */
export function compositionOf(facts: RuleFacts, params: RuleParams): HouseholdComposition {
  const e = entry(facts, params)
  if (!e.composition) {
    e.composition = composeHousehold(
      {
        members: facts.members,
        incomes: facts.incomes,
        standardFen: facts.standardFen,
        individualInclusion: facts.individualInclusion,
        asOf: facts.asOf,
      },
      params,
    )
  }
  return e.composition
}

/** The full assessment with the benefit (throws on a broken benefit policy). */
export function assessmentOf(facts: RuleFacts, params: RuleParams): HouseholdAssessment {
  const e = entry(facts, params)
  if (!e.assessment) e.assessment = assessComposition(compositionOf(facts, params), facts.standardFen, params)
  return e.assessment
}

// ── ⚙ exclusion.items: the local list items (X1–X13) can be switched off per area (§5.2) ─────────

export const EXCLUSION_ITEMS_KEY = 'exclusion.items'

/** ⚙ exclusion.items = { X10: { enabled: false }, … }; items default to enabled. */
export function exclusionEnabled(params: RuleParams, item: string): boolean {
  return toggleEnabled(params, EXCLUSION_ITEMS_KEY, item)
}

/** A switch list parameter `{ item: { enabled: true|false }, … }` (exclusion.items, livingTests.items); items default to enabled. */
export function toggleEnabled(params: RuleParams, key: string, item: string): boolean {
  const v = params[key]
  if (v === undefined || v === null) return true
  if (!isRecord(v)) throw new ParamError(`政策参数 ${key} 应为 {${item}: {enabled: true|false}, …}`)
  const row = v[item]
  if (row === undefined || row === null) return true
  if (!isRecord(row)) throw new ParamError(`政策参数 ${key}.${item} 应为 {enabled: true|false}`)
  return boolParam(row, 'enabled', true)
}

/** "张三 是村委会委员 张大 的兄弟" lines for staffRelations (近亲属, 办法 art. 11). */
export function staffRelationLines(facts: RuleFacts): string[] {
  return facts.staffRelations.map((r) =>
    r.memberName === r.staffName
      ? `${r.memberName} 本人是${r.staffPost}`
      : `${r.memberName} 是${r.staffPost} ${r.staffName} 的${r.relation}`,
  )
}


// ── 入户调查 生活状况核查清单 (domain/visitChecks.ts) ─────────

/** The ticked checklist items of the given codes, in checklist order. */
export function visitChecksOf(facts: RuleFacts, codes: readonly VisitCheckCode[]): RuleVisitCheck[] {
  return (facts.visitChecks ?? []).filter((c) => codes.includes(c.code))
}

/** “入户调查：近 3 年新建、购买或高标准装修住房（张三）— 2024 年翻建两层楼房 180 ㎡”. */
export function visitCheckLine(c: RuleVisitCheck): string {
  const def = visitCheckDef(c.code)
  const extra = [c.memberName, c.amountFen !== null ? yuan(c.amountFen) : null, c.months !== null ? `${c.months} 个月` : null].filter(Boolean).join('，')
  return `入户调查：${def?.label ?? c.code}${extra ? `（${extra}）` : ''} — ${c.note}`
}
