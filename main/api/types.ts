// The shapes that cross the doors (outputs of the contract). Pure types: no imports, so the
// renderer can typecheck against them without Node.

export type OperatorRole = 'handler' | 'reviewer' | 'admin' | 'readonly'
export type HouseholdStatus = 'applying' | 'active' | 'suspended' | 'phaseOut' | 'stopped' | 'archived'

export interface TownshipView { code: string; name: string; countyCode: string; countyName: string }

export interface SetupStatus { initialized: boolean; township: TownshipView | null }

export interface OperatorView { id: string; username: string; name: string; role: OperatorRole; roleLabel: string; active: boolean; mustChangePassword: boolean; lastLoginAt: string | null }

export interface VillageView { code: string; name: string; kind: 'village' | 'community'; active: boolean; households: number }

export interface MemberView {
  id: string; name: string; idNumber: string; relation: string; relationName: string; gender: 'male' | 'female'; birthDate: string
  ethnicity: string; marital: string | null; hukouType: 'urban' | 'rural' | null; coResident: boolean; notCountedReason: string | null
  isBeneficiary: boolean; health: string; diagnosis: string | null; disabilityCert: string | null; disabilityCategory: number | null
  disabilityGrade: number | null; labour: string; employment: string | null; schooling: string | null; employerSchool: string | null
  publicPayroll: boolean; phone: string | null; deathDate: string | null; active: boolean; leftAt: string | null; leftReason: string | null
  warnings: string[]
}

export interface IncomeView { id: string; memberId: string | null; kind: string; subtype: string | null; amountFen: number; periodFrom: string | null; periodTo: string | null; source: string; counted: boolean; note: string | null }

export interface AssetView { id: string; memberId: string | null; kind: string; description: string; valueFen: number; quantity: string | null; evidence: string | null; exempt: boolean; exemptReason: string | null }

export interface ObligorView { id: string; name: string; idNumber: string | null; relation: string; age: number | null; health: string | null; job: string | null; householdSize: number | null; monthlyIncomeFen: number | null; supportPaidFen: number | null; waiver: boolean; waiverReason: string | null; consent: boolean }

export interface AttachmentView { id: string; memberId: string | null; sm3: string; originalName: string; mime: string; size: number; docKind: string; note: string | null; createdBy: string; createdAt: string }

export interface HouseholdView {
  id: string; fileNo: string; version: number; villageCode: string; villageName: string; groupName: string | null; address: string
  hukouAddress: string | null; category: 'urban' | 'rural'; status: HouseholdStatus; legacyImport: boolean; headMemberId: string | null
  applicantMemberId: string | null; headName: string; memberCount: number; phone: string | null; povertyCause: string | null
  registeredPoor: boolean; relativeFiling: boolean; housingType: string | null; housingArea: number | null; bankName: string | null
  bankAccount: string | null; payeeName: string | null; note: string | null; statusReason: string | null; statusChangedAt: string | null
  createdAt: string; updatedAt: string
}

export interface HouseholdFile {
  household: HouseholdView
  members: MemberView[]          // current members, head first
  formerMembers: MemberView[]    // moved out / removed / deceased, kept for the record
  incomes: IncomeView[]
  assets: AssetView[]
  obligors: ObligorView[]
  attachments: AttachmentView[]
  totals: { monthlyIncomeFen: number; countedIncomeFen: number; assetValueFen: number; beneficiaries: number }
}

export interface HouseholdListRow {
  id: string; fileNo: string; villageCode: string; villageName: string; groupName: string | null; headName: string
  headIdMasked: string; memberCount: number; category: 'urban' | 'rural'; status: string; legacyImport: boolean; updatedAt: string
}

export interface SearchResult {
  /** how many households `total` counts at most; `capped` means there are more */
  cap: number
  rows: HouseholdListRow[]; total: number; capped: boolean; page: number; pageSize: number; matchedBy: string | null }

export interface ChainReport {
  ok: boolean
  entries: number
  lastHash: string
  broken?: { seq: number; id: string; at: string; action: string; reason: string }
}

export interface TimelineEntry {
  seq: number; at: string; operator: string | null; action: string; entity: string; entityId: string | null
  summary: string; changes: Array<{ field: string; before: unknown; after: unknown }>
}

export interface CaseStepView { seq: number; kind: string; label: string; date: string; signer: string; signerRole: string; reason: string | null; at: string }
export interface CaseNextStep { kind: string; label: string; role: string; roleLabel: string; due: string | null; overdue: boolean; warnings: string[] }
export interface CaseView {
  id: string; caseNo: string; householdId: string; kind: string; kindLabel: string; variantId: string; variantLabel: string
  decisionLevel: 'county' | 'township'; currentStep: string; currentStepLabel: string; openedAt: string; closedAt: string | null; version: number
  steps: CaseStepView[]; next: CaseNextStep[]; caseDue: string | null; caseOverdue: boolean
}
export interface TodoItem { caseId: string; caseNo: string; householdId: string; headName: string; fileNo: string; nextRoles: string[]; kindLabel: string; currentStepLabel: string; nextLabels: string[]; due: string | null; overdue: boolean }
