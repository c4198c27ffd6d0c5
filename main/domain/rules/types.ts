// The rules engine's inputs and outputs (domain.md §5; issue 4). Pure data: the service (services/rules.ts)
// assembles `RuleFacts` from the database, prefetches the policy values in force (`RuleParams`), and stores
// the resulting flags on the case. Each rule is one module in this folder.

import type { VisitCheckCode } from '../visitChecks'

export type Severity = 'block' | 'blockUnlessExempt' | 'warn' | 'info'

export type RuleMember = {
  id: string
  name: string
  idNumber: string
  gender: 'male' | 'female'
  birthDate: string // YYYY-MM-DD
  relation: string // GB/T 4761 code
  coResident: boolean
  notCountedReason: string | null
  isBeneficiary: boolean
  health: string // healthy | chronic | serious
  diagnosis: string | null
  disabilityCert: string | null
  disabilityCategory: number | null // 1 视力 … 7 多重
  disabilityGrade: number | null // 1–4
  labour: string // full | partial | none
  employment: string | null
  publicPayroll: boolean // 财政供养人员
  deathDate: string | null
  /** Left the household (death, move, removal): not counted any more. */
  leftAt: string | null
  hukouType: 'urban' | 'rural' | null
}

export type RuleIncome = {
  id: string
  memberId: string | null
  kind: 'wage' | 'business' | 'property' | 'transfer' | 'other'
  subtype: string | null
  amountFen: number // per month
  counted: boolean
  source: string
}

export type RuleAsset = {
  id: string
  memberId: string | null
  kind: string // codes.ts ASSET_KINDS
  description: string
  valueFen: number
  quantity: string | null
  /** vehicles, boats and machinery: 小型 / 中型 / 大型, if recorded */
  sizeClass?: 'small' | 'medium' | 'large' | null
  exempt: boolean
  exemptReason: string | null
}

export type RuleObligor = {
  id: string
  name: string
  relation: string
  age: number | null
  monthlyIncomeFen: number | null
  supportPaidFen: number | null
  waiver: boolean
  waiverReason: string | null
  consent: boolean
}

export type RuleFacts = {
  /** The date the rules are evaluated for (today, or the decision date). */
  asOf: string
  caseKind: 'newApplication' | 'recheck' | 'change' | 'stop' | 'phaseOut' | 'resume'
  /** The step the case is at, and the signed history (kind, date). */
  currentStep: string
  steps: Array<{ kind: string; date: string }>
  household: {
    id: string
    fileNo: string
    category: 'urban' | 'rural'
    status: string
    address: string
    villageCode: string
    bankName: string | null
    bankAccount: string | null
    payeeName: string | null
    relativeFiling: boolean // 近亲属备案 recorded
    legacyImport: boolean
    /** Current monthly benefit (分) for re-checks and changes, null for a new application. */
    currentBenefitFen: number | null
    /** Persons the current benefit is paid for (household.benefit_persons), if known. */
    currentBenefitPersons?: number | null
    /** 户口簿户号, if recorded. */
    hukouNo?: string | null
  }
  members: RuleMember[] // current members (left ones excluded unless leftAt is after the case was opened)
  incomes: RuleIncome[] // not removed
  assets: RuleAsset[] // not removed
  obligors: RuleObligor[] // not removed
  /** Members whose ID number is in another open household file (applying/active/suspended/phaseOut). */
  otherOpenFiles: Array<{ memberName: string; idNumber: string; fileNo: string; headName: string }>
  /** Members matching a declared relative of a 低保经办人员 or 村(居)委会成员 (or being one themselves). */
  staffRelations: Array<{ memberName: string; idNumber: string; staffName: string; staffPost: string; relation: string }>
  /** Other open households of the same village at the same address (拆户保 / 合户保), if known. */
  sameAddress?: Array<{ fileNo: string; headName: string }>
  /** Other open households with the same 户口簿户号 (拆户保), if the 户号 is recorded. */
  sameHukouNo?: Array<{ fileNo: string; headName: string }>
  /** Other open households paid to the same bank account. */
  sharedAccounts: Array<{ fileNo: string; headName: string }>
  /** 单人保 (individual inclusion) claimed for this case, with the covered member's id. */
  individualInclusion: { memberId: string; basis: string } | null
  /** Monthly standard S (分) for the household's category in force on asOf; null when none is entered. */
  standardFen: number | null
  /** Kinds of attachments on file (not removed), codes.ts ATTACHMENT_KINDS. */
  attachmentKinds: string[]
  /** Recorded content of the procedure: 受理 record, 入户调查 record, 核对 report, county visit. */
  records: {
    accepted: boolean
    investigation: { investigators: number; date: string } | null
    checkReport: { date: string } | null
    countyVisit: boolean
    decision: boolean
  }
  /** Complaints or 公示 objections recorded against this case, and how many are still open. */
  objections: { total: number; open: number }
  /** Months the benefit was not collected (from payment returns, else the 入户调查 checklist), if known. */
  uncollectedMonths: number | null
  /** People who investigated or reviewed the case: 入户调查 investigators, 民主评议 attendees (with the meeting's recusals). */
  participants?: Array<{ role: 'investigator' | 'reviewer'; name: string; meetingNo: string | null; recused: boolean }>
  /** 生活状况核查清单 of the latest 入户调查 record (domain/visitChecks.ts): the items the investigators found. */
  visitChecks: RuleVisitCheck[]
  /** The village's other households in payment (平均发放 check): amount, persons, monthly counted income basis. */
  villagePayments?: Array<{ fileNo: string; benefitFen: number; persons: number; incomeFen: number | null }>
}

export type RuleVisitCheck = { code: VisitCheckCode; memberName: string | null; amountFen: number | null; months: number | null; note: string }

/** Policy values in force on `asOf` for the household's area, prefetched by key (see RULE_PARAM_KEYS). */
export type RuleParams = Readonly<Record<string, unknown>>

export type RuleFlag = {
  ruleId: string // e.g. 'income.belowStandard', 'X1.financialAssets'
  severity: Severity
  /** Short Chinese title shown in the list, e.g. “家庭月人均收入不低于低保标准”. */
  title: string
  /** What was found and what the clerk or reviewer should do, in Chinese. */
  message: string
  /** The facts behind it, one Chinese line each (amounts with two decimals, names, 档案号). */
  evidence: string[]
  /** Legal or local source, e.g. '社会救助暂行办法第九条'. */
  source: string
}

export interface Rule {
  id: string
  label: string // Chinese name of the rule
  source: string
  /** Policy keys this rule reads (the service prefetches them). */
  params: string[]
  evaluate(facts: RuleFacts, params: RuleParams): RuleFlag[]
}
