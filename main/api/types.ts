// The shapes that cross the doors (outputs of the contract). Pure types: no imports, so the
// renderer can typecheck against them without Node.

export type OperatorRole = 'handler' | 'reviewer' | 'townshipApprover' | 'admin' | 'readonly'
export type HouseholdStatus = 'applying' | 'active' | 'suspended' | 'phaseOut' | 'stopped' | 'archived'

export interface TownshipView { code: string; name: string; countyCode: string; countyName: string }

/** A county install's office (county mode). */
export interface CountyOfficeView { code: string; name: string }

/** township: a 乡镇 install (the default); county: a 县民政局 install that verifies and answers packages. */
export type InstallMode = 'township' | 'county'
export interface SetupStatus { initialized: boolean; mode: InstallMode | null; township: TownshipView | null; county: CountyOfficeView | null }

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

export interface AssetView { id: string; memberId: string | null; kind: string; description: string; valueFen: number; quantity: string | null; sizeClass: 'small' | 'medium' | 'large' | null; evidence: string | null; exempt: boolean; exemptReason: string | null }

export interface ObligorView { id: string; name: string; idNumber: string | null; relation: string; age: number | null; health: string | null; job: string | null; householdSize: number | null; monthlyIncomeFen: number | null; supportPaidFen: number | null; waiver: boolean; waiverReason: string | null; consent: boolean }

export interface AttachmentView { id: string; memberId: string | null; sm3: string; originalName: string; mime: string; size: number; docKind: string; note: string | null; createdBy: string; createdAt: string }

export interface HouseholdView {
  id: string; fileNo: string; version: number; villageCode: string; villageName: string; groupName: string | null; address: string
  hukouAddress: string | null; hukouNo: string | null; category: 'urban' | 'rural'; status: HouseholdStatus; legacyImport: boolean; headMemberId: string | null
  applicantMemberId: string | null; headName: string; memberCount: number; phone: string | null; povertyCause: string | null
  registeredPoor: boolean; relativeFiling: boolean; housingType: string | null; housingArea: number | null; bankName: string | null
  bankAccount: string | null; payeeName: string | null; note: string | null; statusReason: string | null; statusChangedAt: string | null
  createdAt: string; updatedAt: string
  /** Current benefit (null until a decision or for a legacy file without an amount) and dynamic management. */
  benefitFen: number | null; benefitFrom: string | null; benefitPersons: number | null; standardFen: number | null
  recheckClass: 'A' | 'B' | 'C' | null; nextRecheckDue: string | null; phaseOutUntil: string | null
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

export interface CaseStepView { seq: number; kind: string; label: string; date: string; signer: string; signerRole: string; reason: string | null; data: Record<string, unknown> | null; at: string }
export interface CaseNextStep { kind: string; label: string; role: string; roleLabel: string; due: string | null; overdue: boolean; warnings: string[]; blockers: string[] }
export interface CaseRecordView {
  id: string; kind: string; kindLabel: string; stepSeq: number; date: string; data: Record<string, unknown>; attachmentIds: string[]
  supersedesId: string | null; correctionReason: string | null; superseded: boolean; signer: string; at: string
}
export interface CaseFlagView {
  id: string; ruleId: string; severity: 'block' | 'blockUnlessExempt' | 'warn' | 'info'; severityLabel: string; title: string; message: string
  evidence: string[]; source: string; status: 'open' | 'cleared' | 'resolved'; raisedAt: string; clearedBy: string | null; clearedReason: string | null; clearedAt: string | null
}
export interface IncomeLineView { incomeId: string; memberName: string | null; kindLabel: string; subtype: string | null; amountFen: number; counted: boolean; reason: string | null }
export interface AssessmentView {
  householdId: string; date: string; category: 'urban' | 'rural'; categoryLabel: string; standardFen: number | null; standardSource: string | null
  persons: number; householdSize: number; beneficiaries: string[]; notCounted: Array<{ name: string; reason: string }>
  monthlyIncomeFen: number; perCapitaIncomeFen: number | null; eligible: boolean | null; aboveStandard: boolean | null; monthlyFen: number | null; tier: string | null
  steps: Array<{ label: string; valueFen: number }>; reasons: string[]; warnings: string[]; incomeLines: IncomeLineView[]
  method: string; rounding: string; individual: { memberName: string; basis: string } | null
}
export interface DecisionView {
  stepSeq: number; kind: string; label: string; date: string; signer: string; outcome: string; outcomeLabel: string
  amountFen: number | null; previousFen: number | null; startMonth: string | null; phaseOutUntil: string | null; recheckClass: string | null; assessment: AssessmentView | null
}
export interface MeetingCaseView { caseId: string; caseNo: string; householdId: string; applicantName: string; persons: number; presentation: string | null; agree: number | null; disagree: number | null; abstain: number | null; opinion: string | null; result: 'pass' | 'fail' | 'reinvestigate' | null; resultLabel: string | null; recusals: string | null }
export interface MeetingAttendee { name: string; kind: string; kindLabel?: string; signed: boolean }
export interface MeetingView {
  id: string; meetingNo: string; villageCode: string; villageName: string; date: string; place: string; chair: string; recorder: string
  dueCount: number | null; attendees: MeetingAttendee[]; briefing: string | null; minutes: string | null; signaturesComplete: boolean
  signinFile: { sm3: string; originalName: string; mime: string } | null; status: 'draft' | 'closed'; closedBy: string | null; closedAt: string | null; version: number
  cases: MeetingCaseView[]; composition: { total: number; representatives: number; share: number; required: number; ok: boolean; message: string }
}
export interface NoticeLineView { caseId: string; caseNo: string; householdId: string; seq: number; villageName: string; applicantName: string; persons: number; amountFen: number | null; category: string; remark: string | null }
export interface ObjectionView {
  id: string; batchId: string | null; caseId: string; caseNo: string; receivedDate: string; channel: string; channelLabel: string; realName: boolean
  objectorName: string | null; objectorContact: string | null; content: string; handling: string | null; result: string | null; upheld: boolean | null
  feedback: string | null; status: 'open' | 'closed'; createdAt: string; closedAt: string | null
  /** false: the objector's identity and contact are withheld from this account (domain.md §8) */
  identityVisible: boolean
}
export interface NoticeView {
  id: string; batchNo: string; kind: string; kindLabel: string; level: 'village' | 'township' | 'county'; villageCode: string | null; villageName: string | null
  title: string; startDate: string; endDate: string; durationLabel: string; places: string[]; phones: string; photos: Array<{ sm3: string; originalName: string; mime: string; at: string }>
  status: 'draft' | 'posted'; periodState: 'draft' | 'running' | 'ended'; postedBy: string | null; postedAt: string | null; version: number
  lines: NoticeLineView[]; objections: ObjectionView[]
}
export interface CaseView {
  id: string; caseNo: string; householdId: string; headName: string; fileNo: string; kind: string; kindLabel: string; variantId: string; variantLabel: string
  decisionLevel: 'county' | 'township'; category: 'urban' | 'rural'; categoryLabel: string; individual: { memberId: string; basis: string } | null; triggerKind: string | null
  currentStep: string; currentStepLabel: string; openedAt: string; closedAt: string | null; version: number
  steps: CaseStepView[]; next: CaseNextStep[]; caseDue: string | null; caseOverdue: boolean; extended: boolean
  /** The whole-case limit stops at the decision: the date it was decided and whether that was in time. */
  decidedAt: string | null; decidedInTime: boolean | null
  extension: { reason: string; reasonLabel: string; note: string; by: string; at: string } | null
  records: CaseRecordView[]; flags: CaseFlagView[]; meetings: Array<{ id: string; meetingNo: string; date: string; status: string; result: string | null; resultLabel: string | null; agree: number | null; disagree: number | null; abstain: number | null }>
  notices: Array<{ id: string; batchNo: string; title: string; startDate: string; endDate: string; status: string; periodState: string }>
  objections: ObjectionView[]; proposal: { outcome: string; label: string } | null; opinion: 'positive' | 'negative' | null; decision: DecisionView | null
  /** Records each next step still needs, per step kind (shown before the clerk tries to sign). */
  allowedRecords: string[]
}
export interface TodoItem { caseId: string; caseNo: string; householdId: string; headName: string; fileNo: string; villageCode: string; villageName: string; currentStep: string; variantId: string; nextRoles: string[]; nextRoleIds: string[]; kindLabel: string; currentStepLabel: string; due: string | null; caseDue: string | null; overdue: boolean; mine: boolean }
export interface RecheckRow { householdId: string; fileNo: string; headName: string; villageCode: string; villageName: string; recheckClass: string | null; nextRecheckDue: string; overdue: boolean; openCaseNo: string | null; benefitFen: number | null }
export interface PhaseOutEndRow { householdId: string; fileNo: string; headName: string; villageName: string; benefitFen: number | null; phaseOutUntil: string; stopFrom: string }
export interface RecheckDashboard { asOf: string; leadDays: number; villages: Array<{ villageCode: string; villageName: string; due: number; overdue: number }>; rows: RecheckRow[]; total: number; phaseOutEnded: PhaseOutEndRow[] }
export interface RaisePreviewRow { householdId: string; fileNo: string; headName: string; villageName: string; persons: number; incomeFen: number; beforeFen: number; afterFen: number; backPayFen: number; note: string | null }
export interface RaisePreview { category: 'urban' | 'rural'; categoryLabel: string; effectiveMonth: string; oldFen: number | null; newFen: number; households: number; totalBeforeFen: number; totalAfterFen: number; backPayMonths: number; rows: RaisePreviewRow[]; rowsTruncated: boolean }
export interface RaiseResult extends RaisePreview { raiseId: string; ms: number }
export interface DeclaredRelativeView { id: string; staffName: string; staffPost: string; staffIdNumber: string | null; staffOperatorId: string | null; staffOperatorName: string | null; relativeName: string; relativeIdNumber: string; relation: string; declaredDate: string }
export interface StandardView { id: string; category: 'urban' | 'rural'; categoryLabel: string; amountFen: number; effectiveFrom: string; effectiveTo: string | null; areaScope: string; sourceNote: string }
export interface CadrePledgeView {
  id: string; name: string; post: string; unit: string; level: 'village' | 'township' | 'county'; levelLabel: string; villageCode: string | null
  status: 'unsigned' | 'signed' | 'left'; statusLabel: string; signedDate: string | null; scan: { sm3: string; name: string; mime: string } | null
  lastPrinted: { docNo: string; at: string } | null; leftDate: string | null; leftReason: string | null; version: number
}
export interface TemplateView {
  key: string; label: string; placeholders: Record<string, string>; defaults: string[]; current: string[]; source: string; effectiveFrom: string | null
  history: Array<{ paragraphs: string[]; effectiveFrom: string; sourceNote: string }>
}
export interface ExchangeKeyView { id: string; role: 'own' | 'county' | 'township'; ownerCode: string; ownerName: string; fingerprint: string; createdAt: string; createdBy: string; retiredAt: string | null; publicKeyPem: string }
/** townships: the registered township keys in use (county mode). */
export interface KeysView { own: ExchangeKeyView | null; county: ExchangeKeyView | null; townships: ExchangeKeyView[]; history: ExchangeKeyView[] }
export interface PackageRecordView { id: string; direction: 'out' | 'in'; kind: 'submission' | 'reply'; townshipCode: string; sequence: number; manifestSm3: string; previousSm3: string | null; inReplyTo: string | null; fileName: string; bytes: number; counts: Record<string, number>; periodFrom: string | null; periodTo: string; operator: string; createdAt: string; /** a copy of the package is kept in the data directory (an export can be written again) */ kept: boolean }
export interface ExportProgress { phase: 'gather' | 'documents' | 'write' | 'verify' | 'done' | 'failed'; done: number; total: number; message: string | null; at: string }

/** County mode: an accepted submission package and how far its review has come. */
export interface CountyPackageView extends PackageRecordView {
  townshipName: string; total: number; awaitingDecision: number; filing: number; sampled: number; decided: number; replied: number; replies: PackageRecordView[]
}
export interface CountyVisitView { date: string; visitors: Array<{ name: string; role: string }>; findings: string }
/** County mode: one case of a package. awaiting 'decision': at 报送县级; 'filing': decided by the township, for 备案; 'info': progress only (nothing to decide). */
export interface CountyReviewView {
  id: string; packageId: string; caseId: string; caseNo: string; householdId: string; headName: string; villageName: string; kindLabel: string; stepLabel: string
  awaiting: 'decision' | 'filing' | 'info'; persons: number; proposedFen: number | null; opinion: string | null
  openFlags: Array<{ title: string; severity: string; ruleId: string }>; objections: number; sampleReason: string | null
  decisions: Array<'approve' | 'reject' | 'return' | 'filed'>
  decision: 'approve' | 'reject' | 'return' | 'filed' | null; decisionLabel: string | null; reason: string | null; decisionDate: string | null
  visit: CountyVisitView | null; decidedBy: string | null; decidedAt: string | null; replied: boolean
}
export interface CountyReviewDetail { review: CountyReviewView; case: CaseView; household: HouseholdFile; documents: string[] }
/** Township: what importing a county reply did. */
export interface ReplyImportResult {
  record: PackageRecordView; inReplyTo: number
  applied: Array<{ caseId: string; caseNo: string; headName: string; decision: string; decisionLabel: string; step: string | null; reason: string | null; visit: boolean }>
}

/** cases: all the package carried; awaitingDecision: at 报送县级; filing: decided by the township, for 备案; the rest is progress only. */
export interface CountyImportResult { record: PackageRecordView; packageId: string; township: { code: string; name: string }; cases: number; awaitingDecision: number; filing: number; sampled: number; encrypted: boolean }
