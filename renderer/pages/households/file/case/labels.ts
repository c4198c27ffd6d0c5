// Chinese labels and option lists of the case workspace. Codes and their meaning come from the server
// (main/api/caseSchemas.ts, main/domain/workflow.ts); only their display names live here.
import type { CaseRecordView, CaseView } from '../../../../../main/api/types'
import { CHECK_ITEMS, NOT_ACCEPTED_GROUNDS } from '../../../../../main/api/caseSchemas'
import { PROPOSAL_LABELS, type ProposalOutcome } from '../../../../../main/domain/workflow'

export { CHECK_ITEMS, NOT_ACCEPTED_GROUNDS, PROPOSAL_LABELS }
export type { ProposalOutcome }

export const ORIGIN_OPTIONS = [
  { value: 'window', label: '窗口申请' }, { value: 'agent', label: '委托代理' }, { value: 'proactive', label: '主动发现' },
  { value: 'online', label: '网上申请' }, { value: 'dataComparison', label: '数据比对' }, { value: 'complaint', label: '投诉举报' }
] as const
export type Origin = (typeof ORIGIN_OPTIONS)[number]['value']

/** 动态管理 case kinds (an active, suspended or phasing-out household). */
export const MANAGEMENT_KINDS = [
  { value: 'recheck', label: '复核', help: '到期复核或情况变化后的复核' },
  { value: 'change', label: '变更', help: '人口、收入、财产变化，调整保障金额' },
  { value: 'stop', label: '停保', help: '不再符合条件，停发（须听取意见）' },
  { value: 'phaseOut', label: '渐退', help: '成员就业后收入超过标准，渐退期内继续发放' },
  { value: 'resume', label: '恢复', help: '只适用于暂停发放的家庭' }
] as const
export type ManagementKind = (typeof MANAGEMENT_KINDS)[number]['value']

export const TRIGGER_OPTIONS = [
  { value: 'due', label: '到期复核', origin: 'proactive' },
  { value: 'reported', label: '家庭报告变化', origin: 'window' },
  { value: 'dataComparison', label: '数据比对', origin: 'dataComparison' },
  { value: 'complaint', label: '投诉举报', origin: 'complaint' },
  { value: 'death', label: '成员死亡', origin: 'proactive' },
  { value: 'moveOut', label: '户口迁出', origin: 'proactive' },
  { value: 'suspended', label: '暂停发放后恢复', origin: 'proactive' }
] as const
export type TriggerKind = (typeof TRIGGER_OPTIONS)[number]['value']
export const TRIGGER_LABELS: Record<string, string> = Object.fromEntries(TRIGGER_OPTIONS.map((t) => [t.value, t.label]))

export const OPINION_LABELS: Record<string, string> = { positive: '拟同意', negative: '拟不同意' }

export const RECHECK_CLASSES = [
  { value: 'A', label: 'A 类', help: '无收入来源、老弱病残等短期内不会变化的：每 12 个月复核一次' },
  { value: 'B', label: 'B 类', help: '收入来源比较固定、短期内变化不大的：每 12 个月复核一次' },
  { value: 'C', label: 'C 类', help: '有劳动能力、收入不固定的：每 6 个月复核一次' }
] as const

export const OUTCOME_OPTIONS = (Object.keys(PROPOSAL_LABELS) as ProposalOutcome[]).map((k) => ({ value: k, label: PROPOSAL_LABELS[k] }))
/** Management proposals that need a written reason and a hearing (社救法 art. 48). */
export const ADVERSE_OUTCOMES = new Set<string>(['decrease', 'stop', 'phaseOut'])

/** Steps whose signature needs a written reason whatever the data (server: advanceCase). */
export const NEEDS_REASON = new Set(['notAccepted', 'rejected', 'withdrawn', 'terminated', 'returned', 'checkRejected'])
/** Steps that move the case off its normal path: shown apart from the forward steps. */
export const EXIT_STEPS = new Set(['withdrawn', 'terminated', 'notAccepted', 'returned'])
/** Steps before which the benefit trial calculation is shown (初审 and decisions). */
export const TRIAL_STEPS = new Set(['preliminary', 'townshipDecision', 'approved', 'rejected'])
/** Steps ending a case badly (red in the timeline). */
export const NEGATIVE_STEPS = new Set(['notAccepted', 'rejected', 'withdrawn', 'terminated', 'checkRejected', 'returned'])

export const HEARING_METHODS = [
  { value: 'inPerson', label: '当面听取（来乡镇）' }, { value: 'visit', label: '入户听取' },
  { value: 'phone', label: '电话听取' }, { value: 'letter', label: '书面（信函）' }
] as const
export const HEARING_OUTCOMES = [
  { value: 'heard', label: '已听取陈述、申辩' }, { value: 'unreachable', label: '多次联系无法取得联系' }, { value: 'declined', label: '当事人明确放弃陈述' }
] as const

export const RECORD_KIND_SHORT: Record<string, string> = {
  application: '申请登记', materialsNotice: '一次性告知', homeVisit: '入户调查', checkReport: '核对报告', checkNotice: '核对结果告知', checkAppeal: '核对异议', hearing: '听取意见', countyVisit: '县级核查'
}

export const ROUNDING_LABELS: Record<string, string> = {
  fenHalfUp: '按分四舍五入', jiaoHalfUp: '按角四舍五入', jiaoUp: '按角进位', jiaoDown: '按角舍去',
  yuanHalfUp: '按元四舍五入', yuanUp: '按元进位', yuanDown: '按元舍去'
}
export const METHOD_LABELS: Record<string, string> = { gap: '差额补助（标准 × 人数 − 家庭收入）', tiers: '分档补助' }

export const MEETING_STATUS: Record<string, string> = { draft: '未签署', closed: '已签署' }
export const NOTICE_PERIOD: Record<string, { label: string; color: string }> = {
  draft: { label: '未张贴', color: 'default' }, running: { label: '公示中', color: 'processing' }, ended: { label: '公示期满', color: 'success' }
}

export const checkItemName = (code: string): string => CHECK_ITEMS.find((c) => c.code === code)?.name ?? code
export const labelOf = <T extends { value: string; label: string }>(list: readonly T[], v: unknown): string =>
  list.find((x) => x.value === v)?.label ?? (typeof v === 'string' ? v : '')

/** The 初审 step data of a case (latest), for defaults in later dialogs. */
export function preliminaryData(c: CaseView): Record<string, unknown> | null {
  const s = [...c.steps].reverse().find((x) => x.kind === 'preliminary')
  return s?.data ?? null
}

/** Records still in force (not superseded by a correction). */
export const liveRecords = (c: CaseView): CaseRecordView[] => c.records.filter((r) => !r.superseded)

/** "张丽（经办）（jingban）" → "张丽（经办）": the signer without the login name. */
export const signerName = (s: string): string => s.replace(/（[A-Za-z0-9_.-]+）$/, '')

/** 延长全案办理期限的法定理由 (server: EXTENSION_REASONS; 办法第二十二条、83号文). */
export const EXTENSION_REASONS = [
  { value: 'objection', label: '公示有异议' }, { value: 'separated', label: '人户分离' },
  { value: 'elsewhere', label: '异地申办' }, { value: 'difficult', label: '调查难度较大' }
] as const
