// Input schemas shared by every door (IPC, browser shell, CLI files). Messages are Chinese and say
// what to fix; domain checks that need "today" (ID numbers, birth dates) run in the services.
import { z } from 'zod'

const trimmed = (label: string, max = 100) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`)
const optText = (label: string, max = 200) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).optional().nullable().transform((v) => (v ? v : null))
const flag = z.boolean().default(false)
const fen = (label: string) => z.number({ error: `${label}应为以分为单位的整数` }).int(`${label}应为以分为单位的整数`).min(0, `${label}不能为负数`).max(9_999_999_999, `${label}过大，请核对`)
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM，例如 2026-07').optional().nullable().transform((v) => v ?? null)

export const PasswordSchema = z.string({ error: '请填写密码' })
  .min(8, '密码至少8位').max(64, '密码不能超过64位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字')

export const UsernameSchema = z.string({ error: '请填写登录名' }).trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '登录名为3–32位字母、数字或 _ . -，以字母开头')

export const RoleSchema = z.enum(['handler', 'reviewer', 'townshipApprover', 'admin', 'readonly'], { error: '角色只能是 经办人、审核人、乡镇审核确认人、管理员 或 只读' })

const KeyPassphrase = z.string().max(200).optional().nullable().transform((v) => (v ? v : null)).refine((v) => v === null || v.length >= 8, '签名密钥口令至少 8 位（不需要现在生成可留空）')

export const SetupInput = z.object({
  townshipCode: z.string().trim().regex(/^\d{9}$/, '乡镇（街道）代码应为9位数字（统计用区划代码前9位）'),
  townshipName: trimmed('乡镇（街道）名称', 40),
  countyName: trimmed('县（市、区）名称', 40),
  adminUsername: UsernameSchema,
  adminName: trimmed('管理员姓名', 20),
  adminPassword: PasswordSchema,
  /** optional: the signing key of the USB exchange is created right away, protected by this passphrase */
  keyPassphrase: KeyPassphrase
})

/** A county install (county mode): the 民政局 that verifies the townships' packages and answers them. */
export const CountySetupInput = z.object({
  countyCode: z.string().trim().regex(/^\d{6}$/, '县（市、区）代码应为6位数字（GB/T 2260 行政区划代码）'),
  countyName: trimmed('县（市、区）名称', 40),
  adminUsername: UsernameSchema,
  adminName: trimmed('管理员姓名', 20),
  adminPassword: PasswordSchema,
  /** optional: the signing key of the USB exchange is created right away, protected by this passphrase */
  keyPassphrase: KeyPassphrase
})

/** The county's decision on one case of a package (county mode), with its 入户核查 where it checked the case. */
const DateStr = z.string({ error: '请填写日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
export const CountyDecisionInput = z.object({
  reviewId: z.string().min(1),
  decision: z.enum(['approve', 'reject', 'return', 'filed'], { error: '请选择审核意见' }),
  reason: z.string().trim().max(500, '理由不超过500字').nullable().optional(),
  date: DateStr,
  visit: z.object({
    date: DateStr,
    visitors: z.array(z.object({ name: z.string().trim().min(1, '请填写核查人员姓名').max(20), role: z.string().trim().max(30).default('') })).min(2, '县级入户核查须有两名以上工作人员'),
    findings: z.string().trim().min(1, '请填写核查情况').max(1000, '核查情况不超过1000字'),
  }).nullable().optional(),
})

export const VillageInput = z.object({
  code: z.string().trim().regex(/^\d{12}$/, '村（社区）代码应为12位数字（统计用区划代码）'),
  name: trimmed('村（社区）名称', 40),
  kind: z.enum(['village', 'community']).optional()
})

export const MemberInput = z.object({
  name: trimmed('姓名', 30),
  idNumber: z.string({ error: '请填写公民身份号码' }).trim().min(1, '请填写公民身份号码'),
  relation: z.string({ error: '请选择与户主关系' }).regex(/^\d{2}$/, '请选择与户主关系'),
  ethnicity: z.string().regex(/^\d{2}$/, '请选择民族').default('01'),
  marital: z.string().regex(/^\d{2}$/).optional().nullable().transform((v) => v ?? null),
  hukouType: z.enum(['urban', 'rural']).optional().nullable().transform((v) => v ?? null),
  coResident: z.boolean().default(true),
  notCountedReason: optText('不计入共同生活的原因'),
  isBeneficiary: z.boolean().default(true),
  health: z.enum(['healthy', 'chronic', 'serious'], { error: '请选择健康状况' }).default('healthy'),
  diagnosis: optText('疾病诊断'),
  disabilityCert: z.string().trim().optional().nullable().transform((v) => (v ? v.toUpperCase() : null)),
  labour: z.enum(['full', 'partial', 'none'], { error: '请选择劳动能力' }).default('full'),
  employment: optText('就业状况', 40),
  schooling: optText('在校/学历', 40),
  employerSchool: optText('工作单位或学校', 60),
  publicPayroll: flag,
  phone: optText('联系电话', 30),
  deathDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional().nullable().transform((v) => v ?? null)
}).superRefine((m, ctx) => {
  if (!m.coResident && !m.notCountedReason) ctx.addIssue({ code: 'custom', path: ['notCountedReason'], message: '不计入共同生活的成员须注明原因' })
})

export const IncomeInput = z.object({
  memberIdNumber: z.string().trim().optional().nullable().transform((v) => (v ? v.toUpperCase() : null)),
  memberId: z.string().optional().nullable().transform((v) => v ?? null),
  kind: z.enum(['wage', 'business', 'property', 'transfer', 'other'], { error: '请选择收入类别' }),
  subtype: optText('收入细项', 40),
  amountFen: fen('月收入'),
  periodFrom: month,
  periodTo: month,
  source: trimmed('收入来源/依据', 60),
  counted: z.boolean().default(true),
  note: optText('备注')
})

export const AssetInput = z.object({
  memberIdNumber: z.string().trim().optional().nullable().transform((v) => (v ? v.toUpperCase() : null)),
  memberId: z.string().optional().nullable().transform((v) => v ?? null),
  kind: z.string({ error: '请选择财产类别' }).min(1, '请选择财产类别'),
  description: trimmed('财产说明', 100),
  valueFen: fen('价值'),
  quantity: optText('数量/面积', 30),
  /** vehicles, boats and machinery (X2): 小型 / 中型 / 大型 */
  sizeClass: z.enum(['small', 'medium', 'large'], { error: '请选择规格（小型、中型或大型）' }).nullable().optional().transform((v) => v ?? null),
  evidence: optText('依据', 60),
  exempt: flag,
  exemptReason: optText('豁免原因')
}).superRefine((a, ctx) => {
  if (a.exempt && !a.exemptReason) ctx.addIssue({ code: 'custom', path: ['exemptReason'], message: '标记为生产生活必需（豁免）的财产须注明原因' })
  if (a.sizeClass && a.kind !== 'vehicle' && a.kind !== 'boatMachinery') ctx.addIssue({ code: 'custom', path: ['sizeClass'], message: '只有车辆、船舶和机械需要选择规格' })
})

export const ObligorInput = z.object({
  name: trimmed('义务人姓名', 30),
  idNumber: z.string().trim().optional().nullable().transform((v) => (v ? v.toUpperCase() : null)),
  relation: z.string({ error: '请选择与申请人关系' }).min(1, '请选择与申请人关系'),
  age: z.number().int().min(0).max(130).optional().nullable().transform((v) => v ?? null),
  health: optText('健康状况', 30),
  job: optText('职业', 40),
  householdSize: z.number().int().min(1).max(30).optional().nullable().transform((v) => v ?? null),
  monthlyIncomeFen: fen('义务人家庭月收入').optional().nullable().transform((v) => v ?? null),
  supportPaidFen: fen('每月实际给付赡养费').optional().nullable().transform((v) => v ?? null),
  waiver: flag,
  waiverReason: optText('豁免原因'),
  consent: flag
}).superRefine((o, ctx) => {
  if (o.waiver && !o.waiverReason) ctx.addIssue({ code: 'custom', path: ['waiverReason'], message: '豁免赡养义务须写明原因（由审核人决定）' })
})

export const HouseholdFields = z.object({
  villageCode: z.string({ error: '请选择村（社区）' }).regex(/^\d{12}$/, '请选择村（社区）'),
  groupName: optText('组', 20),
  address: trimmed('现住址', 120),
  hukouAddress: optText('户籍地址', 120),
  hukouNo: optText('户口簿户号', 30).refine((v) => v === null || /^[0-9A-Za-z-]+$/.test(v), '户口簿户号只能是数字或字母（见户口簿首页“户号”）'),
  category: z.enum(['urban', 'rural'], { error: '请选择城市低保或农村低保' }),
  phone: optText('联系电话', 30),
  povertyCause: optText('致贫原因', 30),
  registeredPoor: flag,
  relativeFiling: flag,
  housingType: optText('住房类型', 30),
  housingArea: z.number().min(0).max(10000).optional().nullable().transform((v) => v ?? null),
  bankName: optText('开户银行', 60),
  bankAccount: z.string().trim().regex(/^\d{8,30}$/, '银行账号应为8–30位数字').optional().nullable().or(z.literal('')).transform((v) => (v ? v : null)),
  payeeName: optText('开户人', 30),
  note: optText('备注', 500)
})

export const HouseholdCreateInput = HouseholdFields.extend({
  legacyImport: z.boolean().default(false),
  /** 历史档案导入: the amount paid under the old file (分/月) and since when, kept until the re-check. */
  legacyBenefitFen: z.number().int().min(0).max(100_000_000).nullable().optional().transform((v) => v ?? null),
  legacyBenefitFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '发放起始月格式应为 YYYY-MM').nullable().optional().transform((v) => v ?? null),
  recheckClass: z.enum(['A', 'B', 'C']).nullable().optional().transform((v) => v ?? null),
  nextRecheckDue: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '复核日期格式应为 YYYY-MM-DD').nullable().optional().transform((v) => v ?? null),
  applicantIdNumber: z.string().trim().optional().nullable().transform((v) => (v ? v.toUpperCase() : null)),
  members: z.array(MemberInput, { error: '请至少登记一名家庭成员（户主）' }).min(1, '请至少登记一名家庭成员（户主）').max(30, '一户最多登记30名成员'),
  incomes: z.array(IncomeInput).max(200).default([]),
  assets: z.array(AssetInput).max(200).default([]),
  obligors: z.array(ObligorInput).max(30).default([])
})

export const SearchInput = z.object({
  q: z.string().trim().max(40).optional().default(''),
  villageCode: z.string().regex(/^\d{12}$/).optional().nullable(),
  category: z.enum(['urban', 'rural']).optional().nullable(),
  status: z.enum(['applying', 'active', 'suspended', 'phaseOut', 'stopped', 'archived', 'open']).optional().nullable(),
  sort: z.enum(['relevance', 'fileNo', 'headName', 'memberCount', 'updatedAt', 'village']).default('fileNo'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.number().int().min(1).max(500).default(50)
})

/** keyPassphrase may be left out by callers (tests, the demo): no key is made then. */
export type SetupInputT = Omit<z.output<typeof SetupInput>, 'keyPassphrase'> & { keyPassphrase?: string | null }
export type CountySetupInputT = Omit<z.output<typeof CountySetupInput>, 'keyPassphrase'> & { keyPassphrase?: string | null }
export type CountyDecisionInputT = z.output<typeof CountyDecisionInput>
export type MemberInputT = z.output<typeof MemberInput>
export type IncomeInputT = z.output<typeof IncomeInput>
export type AssetInputT = z.output<typeof AssetInput>
export type ObligorInputT = z.output<typeof ObligorInput>
export type HouseholdFieldsT = z.output<typeof HouseholdFields>
export type HouseholdCreateInputT = z.output<typeof HouseholdCreateInput>
export type SearchInputT = z.output<typeof SearchInput>
