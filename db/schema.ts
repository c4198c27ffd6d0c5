// The one description of every table (Kysely). Money is integer 分, dates are YYYY-MM-DD text,
// timestamps ISO-8601 with offset, booleans integer 0/1, ids UUIDv7 text.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

type Flag = 0 | 1

export interface MetaTable { key: string; value: string }

export interface TownshipTable {
  id: string
  code: string            // 9-digit 统计用区划代码 of the township
  name: string
  county_code: string     // first 6 digits
  county_name: string
  phone: string | null    // 监督电话 etc. (later issues)
  created_at: string
  updated_at: string
}

export interface VillageTable {
  code: string            // 12-digit 统计用区划代码
  name: string
  kind: 'village' | 'community'
  active: Flag
  created_at: string
  updated_at: string
}

export type OperatorRole = 'handler' | 'reviewer' | 'townshipApprover' | 'admin' | 'readonly'

export interface OperatorTable {
  id: string
  username: string
  name: string
  role: OperatorRole
  password_hash: string   // scrypt$N$r$p$salt$hash
  active: Flag
  must_change_password: Flag
  failed_logins: Generated<number>
  locked_until: string | null
  last_login_at: string | null
  created_at: string
  updated_at: string
}

export type HouseholdStatus = 'applying' | 'active' | 'suspended' | 'phaseOut' | 'stopped' | 'archived'

export interface HouseholdTable {
  id: string
  seq: number             // compact integer key used by search_key
  file_no: string         // 档案号: township code + 6-digit serial
  village_code: string
  group_name: string | null     // 组
  address: string
  hukou_address: string | null
  hukou_no: string | null       // 户口簿户号
  category: 'urban' | 'rural'
  status: HouseholdStatus
  legacy_import: Flag
  head_member_id: string | null
  applicant_member_id: string | null
  head_name: string             // denormalised for the list
  head_sort: string             // full pinyin of the head's name, for sorting by name
  head_id_number: string
  member_count: number
  phone: string | null
  poverty_cause: string | null
  registered_poor: Flag
  relative_filing: Flag
  housing_type: string | null
  housing_area: number | null   // m², one decimal ×10 stored as integer? no: real number of m²
  bank_name: string | null
  bank_account: string | null
  payee_name: string | null
  note: string | null
  status_reason: string | null
  status_changed_at: string | null
  version: number
  created_at: string
  updated_at: string
  // 0003: the current benefit and dynamic management
  benefit_fen: number | null
  benefit_from: string | null      // YYYY-MM
  benefit_persons: number | null
  standard_fen: number | null
  income_basis_fen: number | null  // counted monthly income the amount rests on (for 提标)
  phase_out_until: string | null   // YYYY-MM: last month paid in 渐退
  recheck_class: 'A' | 'B' | 'C' | null
  next_recheck_due: string | null
}

export interface MemberTable {
  id: string
  household_id: string
  name: string
  id_number: string       // 18 characters, upper-case X
  id_tail: string         // last 6 characters, indexed for suffix search
  gender: 'male' | 'female'
  birth_date: string
  ethnicity: string       // GB 3304 code
  relation: string        // GB/T 4761 code (与户主关系)
  marital: string | null  // GB/T 2261.2
  hukou_type: 'urban' | 'rural' | null
  co_resident: Flag
  not_counted_reason: string | null
  is_beneficiary: Flag
  health: string          // healthy | chronic | serious
  diagnosis: string | null
  disability_cert: string | null
  disability_category: number | null
  disability_grade: number | null
  labour: string          // full | partial | none
  employment: string | null
  schooling: string | null
  employer_school: string | null
  public_payroll: Flag
  phone: string | null
  death_date: string | null
  in_open_file: Flag      // 1 while the member is in a household whose file is open
  left_at: string | null
  left_reason: string | null
  sort_order: number
  created_at: string
  updated_at: string
}

export interface IncomeTable {
  id: string
  household_id: string
  member_id: string | null
  kind: string            // wage | business | property | transfer | other
  subtype: string | null
  amount_fen: number      // per month
  period_from: string | null    // YYYY-MM
  period_to: string | null
  source: string          // evidence: 核对报告 / 证明 / 入户 / 估算
  counted: Flag
  note: string | null
  removed_at: string | null
  created_at: string
  updated_at: string
}

export interface AssetTable {
  id: string
  household_id: string
  member_id: string | null
  kind: string
  description: string
  value_fen: number
  quantity: string | null       // e.g. "85㎡", "1辆"
  size_class: 'small' | 'medium' | 'large' | null   // vehicles, boats, machinery (X2)
  evidence: string | null
  exempt: Flag
  exempt_reason: string | null
  removed_at: string | null
  created_at: string
  updated_at: string
}

export interface ObligorTable {
  id: string
  household_id: string
  name: string
  id_number: string | null
  relation: string
  age: number | null
  health: string | null
  job: string | null
  household_size: number | null
  monthly_income_fen: number | null
  support_paid_fen: number | null     // per month
  waiver: Flag
  waiver_reason: string | null
  consent: Flag
  removed_at: string | null
  created_at: string
  updated_at: string
}

export interface AttachmentTable {
  id: string
  household_id: string
  member_id: string | null
  sm3: string             // content address (file attachments/ab/abcdef…)
  original_name: string
  mime: string
  size: number
  doc_kind: string
  note: string | null
  created_by: string
  removed_at: string | null
  removed_reason: string | null
  created_at: string
}

/** k: a name key (汉字 suffix or pinyin form); open: 1 while the household's file is open (kept in step by the services). */
export interface SearchKeyTable { k: string; hh_seq: number; open: Flag }

export interface AuditLogTable {
  seq: number             // 1, 2, 3 … (chain order)
  id: string
  at: string
  operator_id: string | null
  operator_name: string | null
  action: string
  entity: string
  entity_id: string | null
  household_id: string | null
  summary: string
  before_json: string | null
  after_json: string | null
  prev_hash: string
  hash: string
}

export interface PolicyParamTable {
  id: string
  key: string
  area_scope: string      // '*' or a division-code prefix
  value_json: string
  effective_from: string
  effective_to: string | null
  source_note: string
  created_at: string
}

export interface HolidayTable { date: string; kind: 'off' | 'work'; name: string; source: string }

export interface CounterTable { name: string; value: number }

export interface CaseTable {
  id: string
  case_no: string             // township code + year + serial
  household_id: string
  kind: 'newApplication' | 'recheck' | 'change' | 'stop' | 'phaseOut' | 'resume'
  origin: string              // window | agent | proactive | online | dataComparison | complaint
  variant_id: string          // the procedure variant the case was accepted under (kept for life)
  decision_level: 'county' | 'township'
  current_step: string
  opened_at: string
  closed_at: string | null
  version: number
  // 0003
  category: 'urban' | 'rural' | null
  individual_member_id: string | null   // 单人保: the covered member
  individual_basis: string | null
  next_due: string | null               // earliest due date of the next steps (待办 list)
  next_roles: string | null             // comma-separated roles that sign the next steps
  case_due: string | null               // whole-case limit
  extended: Generated<number>
  extension_json: string | null         // {reason, note, by, at}: the whole-case limit extended to 45 WD
  trigger_kind: string | null           // management cases: due | reported | dataComparison | complaint | death | moveOut
}

export interface CaseStepTable {
  id: string
  case_id: string
  seq: number
  kind: string
  step_date: string
  signer_id: string
  signer_name: string
  signer_role: string
  reason: string | null
  data_json: string | null
  attachment_ids_json: string | null
  created_at: string
}

export interface CaseRecordTable {
  id: string
  case_id: string
  kind: string
  step_seq: number
  record_date: string
  data_json: string
  attachment_ids_json: string | null
  supersedes_id: string | null
  correction_reason: string | null
  signer_id: string
  signer_name: string
  created_at: string
}

export interface CaseFlagTable {
  id: string
  case_id: string
  rule_id: string
  fingerprint: string
  severity: 'block' | 'blockUnlessExempt' | 'warn' | 'info'
  title: string
  message: string
  evidence_json: string
  source: string
  status: 'open' | 'cleared' | 'resolved'
  raised_at: string
  resolved_at: string | null
  cleared_by_id: string | null
  cleared_by_name: string | null
  cleared_reason: string | null
  cleared_at: string | null
}

export interface ReviewMeetingTable {
  id: string
  meeting_no: string
  village_code: string
  meeting_date: string
  place: string
  chair: string
  recorder: string
  due_count: number | null
  attendees_json: string
  briefing: string | null
  minutes: string | null
  signatures_complete: Flag
  signin_file_json: string | null
  status: 'draft' | 'closed'
  created_by: string
  created_at: string
  closed_by: string | null
  closed_at: string | null
  version: Generated<number>
}

export interface ReviewMeetingCaseTable {
  meeting_id: string
  case_id: string
  presentation: string | null
  agree: number | null
  disagree: number | null
  abstain: number | null
  opinion: string | null
  result: 'pass' | 'fail' | 'reinvestigate' | null
  recusals: string | null
}

export interface NoticeBatchTable {
  id: string
  batch_no: string
  kind: string
  level: 'village' | 'township' | 'county'
  village_code: string | null
  title: string
  start_date: string
  end_date: string
  duration_json: string
  places_json: string
  phones: string
  photos_json: string | null
  status: 'draft' | 'posted'
  created_by: string
  created_at: string
  posted_by: string | null
  posted_at: string | null
  version: Generated<number>
}

export interface NoticeLineTable {
  batch_id: string
  case_id: string
  seq: number
  village_name: string
  applicant_name: string
  persons: number
  amount_fen: number | null
  category: string
  remark: string | null
}

export interface ObjectionTable {
  id: string
  batch_id: string | null
  case_id: string
  received_date: string
  channel: string
  real_name: Flag
  objector_name: string | null
  objector_contact: string | null
  content: string
  handling: string | null
  result: string | null
  upheld: Flag | null
  feedback: string | null
  status: 'open' | 'closed'
  created_by: string
  created_at: string
  closed_by: string | null
  closed_at: string | null
}

export interface BenefitRecordTable {
  id: string
  household_id: string
  case_id: string | null
  raise_id: string | null
  kind: 'approve' | 'increase' | 'decrease' | 'noChange' | 'stop' | 'phaseOut' | 'resume' | 'raise' | 'suspend'
  effective_month: string
  monthly_fen: number
  previous_fen: number | null
  standard_fen: number | null
  persons: number | null
  income_fen: number | null
  back_pay_fen: number | null
  breakdown_json: string
  created_at: string
}

export interface StandardRaiseTable {
  id: string
  category: 'urban' | 'rural'
  effective_month: string
  old_fen: number | null
  new_fen: number
  households: number
  total_before_fen: number
  total_after_fen: number
  source_note: string
  created_by: string
  created_at: string
}

export interface DeclaredRelativeTable {
  id: string
  staff_name: string
  staff_post: string
  staff_id_number: string | null
  staff_operator_id: string | null
  relative_name: string
  relative_id_number: string
  relation: string
  declared_date: string
  removed_at: string | null
  removed_reason: string | null
  created_at: string
}

export interface Database {
  meta: MetaTable
  township: TownshipTable
  village: VillageTable
  operator: OperatorTable
  household: HouseholdTable
  member: MemberTable
  income: IncomeTable
  asset: AssetTable
  obligor: ObligorTable
  attachment: AttachmentTable
  search_key: SearchKeyTable
  audit_log: AuditLogTable
  policy_param: PolicyParamTable
  holiday: HolidayTable
  counter: CounterTable
  dibao_case: CaseTable
  case_step: CaseStepTable
  case_record: CaseRecordTable
  case_flag: CaseFlagTable
  review_meeting: ReviewMeetingTable
  review_meeting_case: ReviewMeetingCaseTable
  notice_batch: NoticeBatchTable
  printed_document: PrintedDocumentTable
  cadre_pledge: CadrePledgeTable
  exchange_key: ExchangeKeyTable
  package_record: PackageRecordTable
  county_office: CountyOfficeTable
  county_review: CountyReviewTable
  notice_line: NoticeLineTable
  objection: ObjectionTable
  benefit_record: BenefitRecordTable
  standard_raise: StandardRaiseTable
  declared_relative: DeclaredRelativeTable
}

export type HouseholdRow = Selectable<HouseholdTable>
export type NewHousehold = Insertable<HouseholdTable>
export type HouseholdPatch = Updateable<HouseholdTable>
export type MemberRow = Selectable<MemberTable>
export type NewMember = Insertable<MemberTable>
export type IncomeRow = Selectable<IncomeTable>
export type AssetRow = Selectable<AssetTable>
export type ObligorRow = Selectable<ObligorTable>
export type AttachmentRow = Selectable<AttachmentTable>
export type AuditRow = Selectable<AuditLogTable>
export type OperatorRow = Selectable<OperatorTable>
export type VillageRow = Selectable<VillageTable>
export type TownshipRow = Selectable<TownshipTable>
export type PolicyParamRow = Selectable<PolicyParamTable>

/** 0004: the register of printed documents (number, what, content hash) behind each printed QR code. */
export interface PrintedDocumentTable {
  id: string
  doc_no: string          // 410721101-GS-2026-00001
  kind: string            // notice | …
  ref_id: string          // the notice batch, household, meeting … printed
  title: string
  content_sm3: string     // SM3 of the canonical JSON the builder received
  paper: string | null
  printed_by: string
  printed_at: string
}

export interface CadrePledgeTable {
  id: string
  name: string
  post: string            // 村党支部书记、乡镇民政助理员 …
  unit: string            // 东风村村民委员会、小冀镇人民政府 …
  level: 'village' | 'township' | 'county'
  village_code: string | null
  signed_date: string | null     // the date written on the signed paper
  scan_sm3: string | null        // the scanned signed copy (attachments store)
  scan_mime: string | null
  scan_name: string | null
  signed_recorded_by: string | null
  left_date: string | null       // left the post: kept in the register, no longer due
  left_reason: string | null
  created_by: string
  created_at: string
  version: Generated<number>
}

export interface ExchangeKeyTable {
  id: string
  role: 'own' | 'county' | 'township'   // own: this install's signing key; county: the county's (township mode); township: a registered township's (county mode)
  owner_code: string                     // township code, or the county code
  owner_name: string
  public_key: string                     // 04‖X‖Y hex
  fingerprint: string                    // SM3 of the SPKI DER, grouped hex
  key_file: string | null                // own: the encrypted PKCS#8 PEM under <data>/keys/
  created_by: string
  created_at: string
  retired_at: string | null
  successor_sig: string | null           // rotation: the old key's signature over the new SPKI (hex DER)
}

export interface PackageRecordTable {
  id: string
  direction: 'out' | 'in'
  kind: 'submission' | 'reply'
  township_code: string
  sequence: number
  manifest_sm3: string
  previous_sm3: string | null
  file_name: string
  bytes: number
  counts_json: string
  period_from: string | null
  period_to: string
  operator: string
  created_at: string
  in_reply_to: string | null             // a reply: the manifest SM3 of the submission it answers
  stored_file: string | null             // an accepted package: its copy under <data>/packages/in/
}

/** A county install's own office (county mode); a township install has none. */
export interface CountyOfficeTable {
  id: string
  code: string                           // 6-digit GB/T 2260 county code
  name: string                           // e.g. 平安县 (printed as 平安县民政局)
  created_at: string
}

/** The county's review of one case of an accepted submission package (county mode). */
export interface CountyReviewTable {
  id: string
  package_id: string
  township_code: string
  case_id: string                        // the township's case id (the reply names it)
  case_no: string
  household_id: string
  head_name: string
  village_name: string
  kind_label: string
  step: string                           // the case's step when exported
  step_label: string
  awaiting: 'decision' | 'filing' | 'info' // decision: at 报送县级; filing: decided by the township, for 备案; info: progress only
  case_json: string                      // the CaseView as the package carried it
  household_json: string                 // the HouseholdFile as the package carried it
  sample_reason: string | null           // why it is on the 抽查 list (null: not sampled)
  decision: 'approve' | 'reject' | 'return' | 'filed' | null
  reason: string | null
  decision_date: string | null
  visit_json: string | null              // the county's 入户核查 {date, visitors, findings}
  decided_by: string | null
  decided_at: string | null
  reply_id: string | null                // the reply package that carried the decision (then frozen)
  created_at: string
}
