// The one API contract (design.md §1.2): method → input schema, output type, whether it writes, and
// who may call it. The IPC bridge, the browser shell, the preload and the renderer client are all
// typed by this table; every call is validated here at the door.
import { z } from 'zod'
import {
  AssetInput, HouseholdCreateInput, HouseholdFields, IncomeInput, MemberInput, ObligorInput, PasswordSchema, RoleSchema,
  SearchInput, SetupInput, UsernameSchema, VillageInput
} from './schemas'
import type { CaseView, TodoItem, SetupStatus, TownshipView, OperatorView, VillageView, AssetView, AttachmentView, HouseholdFile, HouseholdView, IncomeView, MemberView, ObligorView, SearchResult, ChainReport, TimelineEntry } from './types'

/** who may call: public (before login), any logged-in operator, writers (not 只读), administrators */
export type Access = 'public' | 'any' | 'write' | 'admin'

export interface MethodSpec<I extends z.ZodType, O> { input: I; output: z.ZodType<O>; mutates: boolean; access: Access; summary: string }
const out = <T>() => z.custom<T>(() => true)
const m = <I extends z.ZodType, O>(input: I, output: z.ZodType<O>, mutates: boolean, access: Access, summary: string): MethodSpec<I, O> => ({ input, output, mutates, access, summary })

const Id = z.string({ error: '缺少编号' }).min(1, '缺少编号').max(64)
const Reason = z.string({ error: '请写明原因' }).trim().min(1, '请写明原因').max(500, '原因不超过500字')
const Version = z.number().int().optional()
const Empty = z.object({}).default({})

export const contract = {
  'setup.status': m(Empty, out<SetupStatus>(), false, 'public', '是否已完成初始设置'),
  'setup.init': m(SetupInput, out<{ township: TownshipView; admin: OperatorView }>(), true, 'public', '首次运行：乡镇信息与管理员'),

  'auth.login': m(z.object({ username: z.string().trim().min(1, '请填写登录名'), password: z.string().min(1, '请填写密码') }), out<OperatorView>(), true, 'public', '登录'),
  'auth.logout': m(Empty, out<null>(), true, 'any', '退出登录'),
  'auth.me': m(Empty, out<OperatorView | null>(), false, 'public', '当前操作员'),
  'auth.changePassword': m(z.object({ oldPassword: z.string().min(1, '请填写原密码'), newPassword: PasswordSchema }), out<null>(), true, 'any', '修改密码'),

  'operators.list': m(Empty, out<OperatorView[]>(), false, 'admin', '操作员列表'),
  'operators.create': m(z.object({ username: UsernameSchema, name: z.string().trim().min(1, '请填写姓名').max(20), role: RoleSchema, password: PasswordSchema }), out<OperatorView>(), true, 'admin', '新增操作员'),
  'operators.update': m(z.object({ id: Id, name: z.string().trim().min(1).max(20).optional(), role: RoleSchema.optional(), active: z.boolean().optional() }), out<OperatorView>(), true, 'admin', '修改操作员'),
  'operators.resetPassword': m(z.object({ id: Id, password: PasswordSchema }), out<null>(), true, 'admin', '重置密码'),

  'villages.list': m(z.object({ includeInactive: z.boolean().optional() }).default({}), out<VillageView[]>(), false, 'any', '村（社区）列表'),
  'villages.create': m(VillageInput, out<VillageView>(), true, 'admin', '新增村（社区）'),
  'villages.update': m(z.object({ code: z.string().regex(/^\d{12}$/), name: z.string().trim().min(1).max(40).optional(), kind: z.enum(['village', 'community']).optional(), active: z.boolean().optional() }), out<VillageView>(), true, 'admin', '修改村（社区）'),

  'households.search': m(SearchInput, out<SearchResult>(), false, 'any', '查找家庭档案'),
  'households.get': m(z.object({ id: Id }), out<HouseholdFile>(), false, 'any', '打开一户一档'),
  'households.create': m(HouseholdCreateInput, out<{ id: string; fileNo: string }>(), true, 'write', '新建家庭档案'),
  'households.update': m(HouseholdFields.extend({ id: Id, version: z.number().int(), applicantMemberId: z.string().nullable().optional() }), out<HouseholdView>(), true, 'write', '修改家庭基本信息'),
  'households.deactivate': m(z.object({ id: Id, version: Version, status: z.enum(['stopped', 'archived']), reason: Reason }), out<HouseholdView>(), true, 'write', '注销（停保/归档）档案'),
  'households.timeline': m(z.object({ id: Id }), out<TimelineEntry[]>(), false, 'any', '档案变更记录'),

  'members.add': m(z.object({ householdId: Id, version: Version, member: MemberInput }), out<MemberView>(), true, 'write', '增加成员'),
  'members.update': m(z.object({ id: Id, version: Version, member: MemberInput }), out<MemberView>(), true, 'write', '修改成员'),
  'members.remove': m(z.object({ id: Id, version: Version, reason: Reason, deathDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional() }), out<null>(), true, 'write', '减少成员'),
  'members.move': m(z.object({ id: Id, toHouseholdId: Id, relation: z.string().regex(/^\d{2}$/, '请选择与户主关系'), reason: Reason }), out<MemberView>(), true, 'write', '迁移成员到另一户'),

  'incomes.save': m(z.object({ householdId: Id, id: z.string().nullable().optional(), income: IncomeInput }), out<IncomeView>(), true, 'write', '登记/修改收入'),
  'assets.save': m(z.object({ householdId: Id, id: z.string().nullable().optional(), asset: AssetInput }), out<AssetView>(), true, 'write', '登记/修改财产'),
  'obligors.save': m(z.object({ householdId: Id, id: z.string().nullable().optional(), obligor: ObligorInput }), out<ObligorView>(), true, 'write', '登记/修改义务人'),
  'records.remove': m(z.object({ kind: z.enum(['income', 'asset', 'obligor']), id: Id, reason: Reason }), out<null>(), true, 'write', '删除收入/财产/义务人记录'),

  'attachments.upload': m(z.object({ householdId: Id, memberId: z.string().nullable().optional(), docKind: z.string().min(1, '请选择材料类别'), originalName: z.string().min(1).max(255), dataBase64: z.string().min(1, '文件为空').max(40_000_000, '文件过大（上限约28MB）'), note: z.string().max(200).nullable().optional() }), out<AttachmentView>(), true, 'write', '上传材料'),
  'attachments.read': m(z.object({ id: Id }), out<{ mime: string; originalName: string; dataBase64: string }>(), false, 'any', '读取材料'),
  'attachments.remove': m(z.object({ id: Id, reason: Reason }), out<null>(), true, 'write', '撤下材料'),

  'cases.open': m(z.object({ householdId: Id, kind: z.enum(['newApplication', 'recheck', 'change', 'stop', 'phaseOut', 'resume'], { error: '请选择案件类型' }), origin: z.enum(['window', 'agent', 'proactive', 'online', 'dataComparison', 'complaint'], { error: '请选择申请来源' }).default('window'), receivedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), note: z.string().max(500).nullable().optional() }), out<CaseView>(), true, 'write', '受理（登记申请，开案）'),
  'cases.advance': m(z.object({ caseId: Id, version: Version, to: z.string().min(1, '请选择下一环节'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), reason: z.string().max(1000).nullable().optional() }), out<CaseView>(), true, 'write', '签署下一环节'),
  'cases.get': m(z.object({ id: Id }), out<CaseView>(), false, 'any', '案件与办理记录'),
  'cases.forHousehold': m(z.object({ householdId: Id }), out<CaseView[]>(), false, 'any', '一户的全部案件'),
  'cases.todo': m(Empty, out<TodoItem[]>(), false, 'any', '待办与超期案件'),

  'audit.verify': m(Empty, out<ChainReport>(), false, 'admin', '校验审计链')
} as const

export type Contract = typeof contract
export type Method = keyof Contract
export type Input<K extends Method> = z.input<Contract[K]['input']>
export type ParsedInput<K extends Method> = z.output<Contract[K]['input']>
export type Output<K extends Method> = Contract[K] extends MethodSpec<z.ZodType, infer O> ? O : never
export const methods = Object.keys(contract) as Method[]
export function isMethod(name: unknown): name is Method { return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name) }

/** The wire envelope every door returns. */
export type Envelope<T> = { ok: true; value: T; mutated: boolean } | { ok: false; error: WireError }
export interface WireError { code: string; message: string; fields?: Record<string, string> }
