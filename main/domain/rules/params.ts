// Reading policy values (RuleParams) with Chinese errors. A malformed value throws ParamError: the engine turns
// that into a 'block' flag (index.ts), so a broken policy row never lets a case pass silently.
// A missing value (undefined or null) means "no row in force" and falls back to the documented default.

import type { RuleParams } from './types'

export class ParamError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ParamError'
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

/** True when a row for `key` is in force (a value other than undefined/null). */
export function hasParam(params: RuleParams, key: string): boolean {
  const v = params[key]
  return v !== undefined && v !== null
}

export function numberParam(params: RuleParams, key: string, fallback: number): number {
  const v = params[key]
  if (v === undefined || v === null) return fallback
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ParamError(`政策参数 ${key} 应为数字，实为 ${show(v)}`)
  return v
}

export function intParam(params: RuleParams, key: string, fallback: number, min: number): number {
  const v = numberParam(params, key, fallback)
  if (!Number.isSafeInteger(v) || v < min) throw new ParamError(`政策参数 ${key} 应为不小于 ${min} 的整数，实为 ${show(v)}`)
  return v
}

export function boolParam(params: RuleParams, key: string, fallback: boolean): boolean {
  const v = params[key]
  if (v === undefined || v === null) return fallback
  if (typeof v !== 'boolean') throw new ParamError(`政策参数 ${key} 应为 true 或 false，实为 ${show(v)}`)
  return v
}

export function stringParam(params: RuleParams, key: string, fallback: string): string {
  const v = params[key]
  if (v === undefined || v === null) return fallback
  if (typeof v !== 'string') throw new ParamError(`政策参数 ${key} 应为文字，实为 ${show(v)}`)
  return v
}

export function stringListParam(params: RuleParams, key: string, fallback: readonly string[]): string[] {
  const v = params[key]
  if (v === undefined || v === null) return [...fallback]
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new ParamError(`政策参数 ${key} 应为文字列表，实为 ${show(v)}`)
  }
  return (v as string[]).map((s) => s.trim()).filter((s) => s !== '')
}

// ── Thresholds ─────────────────────────────────────────────────────────────────────────────────

/** 'gt' = 超过 (the number itself is within the limit); 'gte' = …以上 (the number itself is over). 民法典 art. 1259. */
export type Operator = 'gt' | 'gte'

export function readOperator(v: unknown, key: string, fallback: Operator): Operator {
  if (v === undefined || v === null) return fallback
  if (v === 'gt' || v === 'gte') return v
  throw new ParamError(`政策参数 ${key} 的比较方式应为 gt（超过）或 gte（达到或超过，含本数），实为 ${show(v)}`)
}

export function exceeds(value: number, limit: number, operator: Operator): boolean {
  return operator === 'gt' ? value > limit : value >= limit
}

export function operatorLabel(operator: Operator): string {
  return operator === 'gt' ? '超过' : '达到或超过'
}

export type FenLimit = { valueFen: number; operator: Operator; source: string | null }

export function optionalSource(v: unknown, key: string): string | null {
  if (v === undefined || v === null || v === '') return null
  if (typeof v !== 'string') throw new ParamError(`政策参数 ${key} 的依据（source）应为文字，实为 ${show(v)}`)
  return v
}

/**
 * A money limit row: a bare integer 分 amount (operator 'gt', DESIGN default: “超过”), or
 * `{ valueFen | value, operator?, source? }` (value in 分). null when no row is in force.
 */
export function fenLimitParam(params: RuleParams, key: string): FenLimit | null {
  const v = params[key]
  if (v === undefined || v === null) return null
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) throw new ParamError(`政策参数 ${key} 应为不小于 0 的整数（分），实为 ${show(v)}`)
    return { valueFen: v, operator: 'gt', source: null }
  }
  if (isRecord(v)) {
    const amount = v.valueFen ?? v.value
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
      throw new ParamError(`政策参数 ${key} 的限额（valueFen，分）应为不小于 0 的整数，实为 ${show(amount)}`)
    }
    return { valueFen: amount, operator: readOperator(v.operator, key, 'gt'), source: optionalSource(v.source, key) }
  }
  throw new ParamError(`政策参数 ${key} 应为金额（分）或 {valueFen, operator, source}，实为 ${show(v)}`)
}

export type FinancialBasis = 'perCapitaMonths' | 'householdMonths' | 'absolute'
export type FinancialLimit = { basis: FinancialBasis; value: number; operator: Operator; source: string | null }

/** ⚙ asset.financialLimit {basis, value, operator, source?}; no default (the county enters value and source). */
export function financialLimitParam(params: RuleParams, key: string): FinancialLimit | null {
  const v = params[key]
  if (v === undefined || v === null) return null
  if (!isRecord(v)) throw new ParamError(`政策参数 ${key} 应为 {basis, value, operator}，实为 ${show(v)}`)
  const basis = v.basis
  if (basis !== 'perCapitaMonths' && basis !== 'householdMonths' && basis !== 'absolute') {
    throw new ParamError(`政策参数 ${key} 的 basis 应为 perCapitaMonths、householdMonths 或 absolute，实为 ${show(basis)}`)
  }
  const value = v.value
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ParamError(`政策参数 ${key} 的 value 应为不小于 0 的数字，实为 ${show(value)}`)
  }
  if (basis === 'absolute' && !Number.isSafeInteger(value)) {
    throw new ParamError(`政策参数 ${key} 按绝对金额时 value 应为整数（分），实为 ${show(value)}`)
  }
  if (basis !== 'absolute' && Math.round(value * 100) !== value * 100) {
    throw new ParamError(`政策参数 ${key} 的月数最多两位小数，实为 ${show(value)}`)
  }
  return { basis, value, operator: readOperator(v.operator, key, 'gt'), source: optionalSource(v.source, key) }
}
