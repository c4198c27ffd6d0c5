// Labels of the county review (县级安装): what the county is asked per case and the decisions it can sign.
// The codes come from the server (main/services/county.ts); only their display names and colours live here.
import type { CountyReviewView } from '../../../main/api/types'

export type CountyDecision = CountyReviewView['decisions'][number]

export const DECISION_LABELS: Record<CountyDecision, string> = { approve: '同意', reject: '不同意', return: '退回补充调查', filed: '备案无异议' }
export const DECISION_COLORS: Record<CountyDecision, string> = { approve: 'green', reject: 'red', return: 'orange', filed: 'cyan' }

export const AWAITING_LABELS: Record<CountyReviewView['awaiting'], string> = { decision: '待县级审核确认', filing: '乡镇已确认（备案）', info: '进展情况' }
export const AWAITING_COLORS: Record<CountyReviewView['awaiting'], string> = { decision: 'blue', filing: 'cyan', info: 'default' }

export const SEVERITY_COLORS: Record<string, string> = { block: 'red', blockUnlessExempt: 'red', warn: 'orange', info: 'default' }
export const isBlock = (severity: string): boolean => severity === 'block' || severity === 'blockUnlessExempt'

/** A decision needs no 入户核查 (and needs a reason) when it sends the case back or refuses it. */
export const needsReason = (d: CountyDecision | undefined | null): boolean => d === 'reject' || d === 'return'
/** A sampled case must be visited unless it is returned or refused (the server's rule). */
export const visitRequired = (row: Pick<CountyReviewView, 'sampleReason'>, d: CountyDecision | undefined | null): boolean => !!row.sampleReason && !!d && !needsReason(d)

/** Rows still waiting for the county's signature (not decided, something to decide). */
export const pendingRow = (r: CountyReviewView): boolean => r.awaiting !== 'info' && !r.decision
