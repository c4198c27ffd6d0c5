// The one API contract (design.md §1.2): method → input schema, output type, whether it writes, and
// who may call it. The IPC bridge, the browser shell, the preload and the renderer client are all
// typed by this table; every call is validated here at the door.
import { z } from 'zod'
import {
  AssetInput, HouseholdCreateInput, HouseholdFields, IncomeInput, MemberInput, ObligorInput, PasswordSchema, RoleSchema,
  SearchInput, SetupInput, UsernameSchema, VillageInput, CountySetupInput, CountyDecisionInput
} from './schemas'
import { RECORD_KINDS, StepData } from './caseSchemas'
import type { DocVerifyResult } from '../services/docRegister'
import { PAPER_IDS } from '../documents/layout'
import { CADRE_LEVEL_CODES, SUSPEND_REASON_CODES } from '../domain/codes'
import type { CountyImportResult, CountyOfficeView, CountyPackageView, CountyReviewDetail, CountyReviewView, ReplyImportResult, ExportProgress, PackageRecordView, KeysView, TemplateView, CadrePledgeView, AssessmentView, CaseFlagView, DeclaredRelativeView, MeetingView, NoticeView, ObjectionView, RaisePreview, RaiseResult, RecheckDashboard, StandardView, CaseView, TodoItem, SetupStatus, TownshipView, OperatorView, VillageView, AssetView, AttachmentView, HouseholdFile, HouseholdView, IncomeView, MemberView, ObligorView, SearchResult, ChainReport, TimelineEntry } from './types'

/** who may call: public (before login), any logged-in operator, writers (not 只读), administrators */
export type Access = 'public' | 'any' | 'write' | 'admin'

export interface MethodSpec<I extends z.ZodType, O> { input: I; output: z.ZodType<O>; mutates: boolean; access: Access; summary: string }
const PaperSchema = z.enum(PAPER_IDS, { error: '纸张只能是 A4、A4 横向、A3，或 A2、A1 大幅拼贴' })
const out = <T>() => z.custom<T>(() => true)
/** A printed PDF as it crosses the door; docNo is '' for an unnumbered preview. */
export interface PrintedFile { fileName: string; mime: string; dataBase64: string; docNo: string }
export interface PrintedRow { docNo: string; kind: string; kindLabel: string; title: string; paper: string | null; printedBy: string; printedAt: string }
const m = <I extends z.ZodType, O>(input: I, output: z.ZodType<O>, mutates: boolean, access: Access, summary: string): MethodSpec<I, O> => ({ input, output, mutates, access, summary })

const Id = z.string({ error: '缺少编号' }).min(1, '缺少编号').max(64)
const Reason = z.string({ error: '请写明原因' }).trim().min(1, '请写明原因').max(500, '原因不超过500字')
const Version = z.number().int().optional()
const Empty = z.object({}).default({})
/** Every document other than the wall notices, by kind, with what it is printed from. */
const PrintDocumentInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pledge'), householdId: Id, preview: z.boolean().optional() }),
  z.object({ kind: z.literal('cadrePledge'), id: Id, preview: z.boolean().optional() }),
  z.object({ kind: z.literal('minutes'), meetingId: Id, preview: z.boolean().optional() }),
  z.object({ kind: z.literal('visit'), caseId: Id, recordId: z.string().nullable().optional(), preview: z.boolean().optional() }),
  z.object({ kind: z.literal('review'), caseId: Id, preview: z.boolean().optional() }),
  z.object({ kind: z.literal('decisionNotice'), caseId: Id, preview: z.boolean().optional() }),
  z.object({ kind: z.literal('materialsNotice'), caseId: Id, recordId: z.string().nullable().optional(), preview: z.boolean().optional() }),
  z.object({ kind: z.literal('archive'), householdId: Id, preview: z.boolean().optional() }),
  z.object({ kind: z.literal('keySheet'), preview: z.boolean().optional() }),
], { error: '请选择要打印的文书' })
const RaiseInput = z.object({ category: z.enum(['urban', 'rural'], { error: '请选择城市或农村' }), amountFen: z.number({ error: '请填写标准金额' }).int().positive('标准应大于 0'), effectiveMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '执行月份格式应为 YYYY-MM'), sourceNote: z.string().trim().min(1, '请填写文件依据（文号）').max(200) })
const MeetingInput = z.object({
  villageCode: z.string().regex(/^\d{12}$/, '请选择村（社区）'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), place: z.string().max(60), chair: z.string().max(20), recorder: z.string().max(20),
  dueCount: z.number().int().min(0).nullable().optional(), attendees: z.array(z.object({ name: z.string().max(20), kind: z.string(), signed: z.boolean() })).max(200), briefing: z.string().max(4000).nullable().optional(), minutes: z.string().max(20000).nullable().optional()
})

export const contract = {
  'setup.status': m(Empty, out<SetupStatus>(), false, 'public', '是否已完成初始设置'),
  'setup.init': m(SetupInput, out<{ township: TownshipView; admin: OperatorView; keyFingerprint: string | null }>(), true, 'public', '首次运行：乡镇信息与管理员'),
  'setup.initCounty': m(CountySetupInput, out<{ county: CountyOfficeView; admin: OperatorView; keyFingerprint: string | null }>(), true, 'public', '首次运行：县级安装（县民政局）与管理员'),

  'auth.login': m(z.object({ username: z.string().trim().min(1, '请填写登录名'), password: z.string().min(1, '请填写密码') }), out<OperatorView>(), true, 'public', '登录'),
  'auth.logout': m(Empty, out<null>(), true, 'any', '退出登录'),
  'auth.me': m(Empty, out<OperatorView | null>(), false, 'public', '当前操作员'),
  'auth.changePassword': m(z.object({ oldPassword: z.string().min(1, '请填写原密码'), newPassword: PasswordSchema }), out<null>(), true, 'any', '修改密码'),

  'operators.list': m(Empty, out<OperatorView[]>(), false, 'admin', '操作员列表'),
  'operators.signers': m(Empty, out<Array<{ id: string; name: string; username: string; roleLabel: string }>>(), false, 'any', '在用的操作员（姓名与角色，用于回避备案）'),
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
  'benefits.suspend': m(z.object({ householdId: Id, version: Version.optional(), reason: z.enum(SUSPEND_REASON_CODES, { error: '请选择暂停发放的原因' }), note: z.string({ error: '请写明具体情况' }).max(500, '说明不超过500字'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') }), out<null>(), true, 'write', '暂停发放'),
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

  'cases.open': m(z.object({ householdId: Id, kind: z.enum(['newApplication', 'recheck', 'change', 'stop', 'phaseOut', 'resume'], { error: '请选择案件类型' }), origin: z.enum(['window', 'agent', 'proactive', 'online', 'dataComparison', 'complaint'], { error: '请选择申请来源' }).default('window'), receivedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), note: z.string().max(500).nullable().optional(), triggerKind: z.enum(['due', 'reported', 'dataComparison', 'complaint', 'death', 'moveOut', 'suspended']).nullable().optional() }), out<CaseView>(), true, 'write', '受理（登记申请，开案）'),
  'cases.advance': m(z.object({ caseId: Id, version: Version, to: z.string().min(1, '请选择下一环节'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), reason: z.string().max(1000).nullable().optional(), data: StepData.optional() }), out<CaseView>(), true, 'write', '签署下一环节'),
  'cases.addRecord': m(z.object({ caseId: Id, kind: z.enum(RECORD_KINDS, { error: '请选择记录类型' }), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), data: z.record(z.string(), z.unknown()), attachmentIds: z.array(Id).max(50).optional(), supersedesId: z.string().nullable().optional(), correctionReason: z.string().max(500).nullable().optional() }), out<CaseView>(), true, 'write', '登记办理记录（申请、入户调查、核对报告、听取意见）'),
  'cases.extend': m(z.object({ caseId: Id, reason: z.enum(['objection', 'separated', 'elsewhere', 'difficult'], { error: '请选择延期理由' }), note: Reason }), out<CaseView>(), true, 'write', '延长全案办理期限（45个工作日）'),
  'cases.checkRules': m(z.object({ caseId: Id }), out<CaseFlagView[]>(), true, 'write', '规则检查'),
  'cases.clearFlag': m(z.object({ flagId: Id, reason: Reason, exemptionRule: z.string().max(200).nullable().optional() }), out<CaseFlagView>(), true, 'write', '审核人核实规则提示'),
  'cases.get': m(z.object({ id: Id }), out<CaseView>(), false, 'any', '案件与办理记录'),
  'cases.forHousehold': m(z.object({ householdId: Id }), out<CaseView[]>(), false, 'any', '一户的全部案件'),
  'cases.todo': m(z.object({ mine: z.boolean().optional(), overdueOnly: z.boolean().optional() }).default({}), out<TodoItem[]>(), false, 'any', '待办与超期案件'),

  'benefits.trial': m(z.object({ householdId: Id, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').nullable().optional(), individualMemberId: z.string().nullable().optional(), memberStopMemberId: z.string().nullable().optional() }), out<AssessmentView>(), false, 'any', '低保金试算'),
  'standards.list': m(Empty, out<StandardView[]>(), false, 'any', '低保标准'),
  'standards.add': m(RaiseInput, out<StandardView[]>(), true, 'admin', '录入低保标准'),
  'standards.previewRaise': m(RaiseInput, out<RaisePreview>(), false, 'admin', '提标预览（调整前后对照）'),
  'standards.applyRaise': m(RaiseInput.extend({ expectHouseholds: z.number().int().optional() }), out<RaiseResult>(), true, 'admin', '提标：重算全部在保家庭'),

  'meetings.list': m(z.object({ status: z.enum(['draft', 'closed']).nullable().optional() }).default({}), out<Array<{ id: string; meetingNo: string; date: string; status: string; villageName: string; place: string; cases: number }>>(), false, 'any', '民主评议会议列表'),
  'meetings.get': m(z.object({ id: Id }), out<MeetingView>(), false, 'any', '民主评议会议'),
  'meetings.create': m(MeetingInput, out<MeetingView>(), true, 'write', '新建民主评议会议'),
  'meetings.update': m(MeetingInput.extend({ id: Id, version: Version }), out<MeetingView>(), true, 'write', '修改会议记录'),
  'meetings.setCase': m(z.object({ meetingId: Id, caseId: Id, presentation: z.string().max(1000).nullable().optional(), agree: z.number().int().min(0).nullable().optional(), disagree: z.number().int().min(0).nullable().optional(), abstain: z.number().int().min(0).nullable().optional(), opinion: z.string().max(1000).nullable().optional(), result: z.enum(['pass', 'fail', 'reinvestigate']).nullable().optional(), recusals: z.string().max(200).nullable().optional(), remove: z.boolean().optional() }), out<MeetingView>(), true, 'write', '评议案件、记录表决'),
  'meetings.attachSignin': m(z.object({ meetingId: Id, originalName: z.string().min(1).max(255), dataBase64: z.string().min(1, '文件为空').max(40_000_000) }), out<MeetingView>(), true, 'write', '上传签到表'),
  'meetings.close': m(z.object({ id: Id, version: Version }), out<MeetingView>(), true, 'write', '签署会议记录'),

  'notices.list': m(Empty, out<Array<{ id: string; batchNo: string; kind: string; kindLabel: string; title: string; startDate: string; endDate: string; status: string; periodState: string; villageName: string | null; lines: number; openObjections: number }>>(), false, 'any', '公示列表'),
  'notices.get': m(z.object({ id: Id }), out<NoticeView>(), false, 'any', '公示'),
  'notices.create': m(z.object({ kind: z.enum(['preliminary', 'villageFirst', 'county', 'publication'], { error: '请选择公示类型' }), villageCode: z.string().nullable().optional(), title: z.string().max(80).nullable().optional(), caseIds: z.array(Id).min(1, '请选择案件').max(500), places: z.array(z.string().max(60)).max(10), phones: z.string().max(200).nullable().optional() }), out<NoticeView>(), true, 'write', '新建公示'),
  'notices.post': m(z.object({ id: Id, startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), version: Version }), out<NoticeView>(), true, 'write', '登记张贴（公示期开始）'),
  'notices.period': m(z.object({ startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') }), out<{ startDate: string; endDate: string; durationLabel: string; warnings: string[] }>(), false, 'any', '按张贴日期计算公示期'),
  'notices.addPhoto': m(z.object({ id: Id, originalName: z.string().min(1).max(255), dataBase64: z.string().min(1, '文件为空').max(40_000_000), takenDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') }), out<NoticeView>(), true, 'write', '上传张贴照片'),
  'print.notice': m(z.object({ batchId: Id, paper: PaperSchema.optional(), preview: z.boolean().optional() }), out<PrintedFile>(), true, 'write', '打印公示（PDF，编号登记；preview 为未编号预览）'),
  'print.longterm': m(z.object({ villageCode: z.string().regex(/^\d{12}$/, '请选择村（社区）').nullable().optional(), paper: PaperSchema.optional(), preview: z.boolean().optional() }), out<PrintedFile>(), true, 'write', '打印长期公示（PDF，编号登记）'),
  'print.document': m(PrintDocumentInput, out<PrintedFile>(), true, 'write', '打印承诺书、会议记录、调查表、审核确认表、告知书、一户一档（PDF，编号登记）'),
  'print.history': m(z.object({ refIds: z.array(Id).min(1).max(200) }), out<PrintedRow[]>(), false, 'any', '文书打印登记（某户、某案件、某会议）'),
  'pledges.list': m(Empty, out<CadrePledgeView[]>(), false, 'any', '干部承诺书登记簿'),
  'pledges.add': m(z.object({ name: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(20, '姓名不超过20字'), post: z.string({ error: '请填写职务' }).trim().min(1, '请填写职务').max(30, '职务不超过30字'), unit: z.string({ error: '请填写单位' }).trim().min(1, '请填写单位').max(40, '单位不超过40字'), level: z.enum(CADRE_LEVEL_CODES, { error: '请选择人员类别' }), villageCode: z.string().regex(/^\d{12}$/, '请选择村（社区）').nullable().optional() }), out<CadrePledgeView[]>(), true, 'write', '登记须签承诺书的人员'),
  'pledges.signed': m(z.object({ id: Id, version: Version, signedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), originalName: z.string().min(1).max(255), dataBase64: z.string().min(1, '请上传签字后的扫描件').max(40_000_000, '文件过大（上限约28MB）') }), out<CadrePledgeView[]>(), true, 'write', '承诺书签回（签署日期与扫描件）'),
  'pledges.left': m(z.object({ id: Id, version: Version, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), reason: Reason }), out<CadrePledgeView[]>(), true, 'write', '登记离岗（保留记录）'),
  'documents.verify': m(z.object({ payload: z.string().max(300, '二维码内容过长') }), out<DocVerifyResult>(), false, 'any', '核验打印文书的二维码'),
  'notices.readFile': m(z.object({ sm3: z.string().regex(/^[0-9a-f]{64}$/) }), out<{ mime: string; dataBase64: string }>(), false, 'any', '读取公示照片或签到表'),
  'objections.add': m(z.object({ caseId: Id, batchId: z.string().nullable().optional(), receivedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), channel: z.string().min(1, '请选择渠道'), realName: z.boolean(), objectorName: z.string().max(20).nullable().optional(), objectorContact: z.string().max(40).nullable().optional(), content: z.string().trim().min(1, '请填写异议内容').max(2000) }), out<ObjectionView>(), true, 'write', '登记异议'),
  'objections.close': m(z.object({ id: Id, handling: z.string().trim().min(1, '请填写调查核实经过').max(2000), result: z.string().trim().min(1, '请填写处理结果').max(1000), upheld: z.boolean(), feedback: z.string().max(1000).nullable().optional() }), out<ObjectionView>(), true, 'write', '异议办结'),

  'recheck.dashboard': m(z.object({ villageCode: z.string().nullable().optional(), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').nullable().optional() }).default({}), out<RecheckDashboard>(), false, 'any', '复核到期与超期'),
  'recheck.open': m(z.object({ householdIds: z.array(Id).min(1, '请选择家庭').max(500), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') }), out<{ opened: number; skipped: string[] }>(), true, 'write', '为到期家庭登记复核'),

  'recheck.endPhaseOut': m(z.object({ householdIds: z.array(Id).min(1, '请选择家庭').max(500) }), out<{ stopped: number; skipped: string[] }>(), true, 'write', '渐退期满停发'),

  'relatives.list': m(Empty, out<DeclaredRelativeView[]>(), false, 'any', '近亲属备案'),
  'relatives.add': m(z.object({ staffName: z.string().max(20), staffPost: z.string().max(40), staffIdNumber: z.string().max(18).nullable().optional(), staffOperatorId: z.string().nullable().optional(), relativeName: z.string().max(20), relativeIdNumber: z.string().min(15, '请填写身份证号').max(18), relation: z.string().max(20), declaredDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') }), out<DeclaredRelativeView[]>(), true, 'write', '登记近亲属备案'),
  'relatives.remove': m(z.object({ id: Id, reason: Reason }), out<DeclaredRelativeView[]>(), true, 'write', '撤销近亲属备案'),

  'policy.list': m(Empty, out<Array<{ id: string; key: string; areaScope: string; value: unknown; effectiveFrom: string; effectiveTo: string | null; sourceNote: string }>>(), false, 'any', '政策参数'),
  'keys.list': m(Empty, out<KeysView>(), false, 'any', '报送签名密钥与县级公钥'),
  'keys.init': m(z.object({ passphrase: z.string({ error: '请输入口令' }).min(8, '口令至少 8 位').max(200), rotate: z.boolean().optional(), oldPassphrase: z.string().max(200).optional() }), out<KeysView>(), true, 'admin', '生成或更换报送签名密钥'),
  'keys.importCounty': m(z.object({ pem: z.string({ error: '请选择县民政局的公钥文件' }).min(1, '请选择县民政局的公钥文件').max(10_000, '公钥文件过大'), expectFingerprint: z.string().max(100).nullable().optional() }), out<KeysView>(), true, 'admin', '导入县民政局公钥'),
  'keys.backup': m(z.object({ passphrase: z.string({ error: '请输入口令' }).min(1, '请输入口令').max(200) }), out<{ fileName: string; text: string; fingerprint: string }>(), true, 'admin', '备份报送签名密钥（仍受口令保护）'),
  'keys.restore': m(z.object({ text: z.string({ error: '请选择密钥备份文件' }).min(1, '请选择密钥备份文件').max(100_000, '备份文件过大'), passphrase: z.string({ error: '请输入口令' }).min(1, '请输入口令').max(200) }), out<KeysView>(), true, 'admin', '从备份恢复报送签名密钥'),
  'packages.list': m(Empty, out<PackageRecordView[]>(), false, 'any', '报送记录'),
  'packages.export': m(z.object({ folder: z.string({ error: '请填写 U 盘或文件夹路径' }).min(1, '请填写 U 盘或文件夹路径').max(500), passphrase: z.string({ error: '请输入签名密钥口令' }).min(1, '请输入签名密钥口令').max(200), encrypt: z.boolean().optional() }), out<{ record: PackageRecordView; file: string }>(), true, 'write', '导出报送包到 U 盘'),
  'packages.copy': m(z.object({ id: Id, folder: z.string({ error: '请填写 U 盘或文件夹路径' }).min(1, '请填写 U 盘或文件夹路径').max(500) }), out<{ record: PackageRecordView; file: string }>(), true, 'write', '再次写出已导出的报送包（U 盘丢失或损坏时）'),
  'packages.progress': m(Empty, out<ExportProgress | null>(), false, 'any', '报送包导出进度'),
  'packages.importReply': m(z.object({ file: z.string({ error: '请填写报送包文件的完整路径' }).trim().min(1, '请填写报送包文件的完整路径').max(1000) }), out<ReplyImportResult>(), true, 'write', '导入县级回复包（核验后应用县级意见）'),
  'keys.registerTownship': m(z.object({ pem: z.string({ error: '请选择乡镇的公钥文件' }).min(1, '请选择乡镇的公钥文件').max(10_000, '公钥文件过大'), townshipCode: z.string({ error: '请填写乡镇代码' }).trim().min(1, '请填写乡镇代码'), townshipName: z.string({ error: '请填写乡镇名称' }).trim().min(1, '请填写乡镇名称').max(40), expectFingerprint: z.string({ error: '请照登记表填写指纹' }).max(100) }), out<KeysView>(), true, 'admin', '县级：登记乡镇报送公钥'),
  'county.packages': m(Empty, out<CountyPackageView[]>(), false, 'any', '县级：已导入的报送包'),
  'county.import': m(z.object({ file: z.string({ error: '请填写报送包文件的完整路径' }).trim().min(1, '请填写报送包文件的完整路径').max(1000), passphrase: z.string().max(200).nullable().optional() }), out<CountyImportResult>(), true, 'write', '县级：核验并导入乡镇报送包'),
  'county.reviews': m(z.object({ packageId: Id }), out<CountyReviewView[]>(), false, 'any', '县级：报送包的案件与抽查名单'),
  'county.review': m(z.object({ id: Id }), out<CountyReviewDetail>(), false, 'any', '县级：一件案件（报送包所载）'),
  'county.document': m(z.object({ packageId: Id, name: z.string().min(1).max(300) }), out<PrintedFile>(), false, 'any', '县级：报送包中的文书 PDF'),
  'county.sampleRate': m(Empty, out<{ rate: number; effectiveFrom: string | null; sourceNote: string }>(), false, 'any', '县级：现行抽查比例'),
  'county.attachment': m(z.object({ reviewId: Id, attachmentId: Id }), out<{ mime: string; originalName: string; dataBase64: string }>(), false, 'any', '县级：报送包中一件案件的材料扫描件'),
  'county.decide': m(CountyDecisionInput, out<CountyReviewView>(), true, 'write', '县级：签署审核确认意见'),
  'county.approveUnsampled': m(z.object({ packageId: Id, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') }), out<{ decided: number }>(), true, 'write', '县级：未抽查案件一并同意'),
  'county.reply': m(z.object({ packageId: Id, folder: z.string({ error: '请填写 U 盘或文件夹路径' }).min(1, '请填写 U 盘或文件夹路径').max(500), passphrase: z.string({ error: '请输入签名密钥口令' }).min(1, '请输入签名密钥口令').max(200) }), out<{ record: PackageRecordView; file: string; decisions: number; pending: number }>(), true, 'write', '县级：导出签名回复包'),
  'templates.list': m(Empty, out<TemplateView[]>(), false, 'any', '文书模板（现行文本与历史）'),
  'policy.add': m(z.object({ key: z.string().min(1), value: z.unknown(), effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'), sourceNote: z.string().trim().min(1, '请填写依据（文件名称、文号）').max(200) }), out<null>(), true, 'admin', '录入政策参数'),

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
