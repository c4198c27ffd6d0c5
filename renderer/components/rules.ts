// Client-side form rules that mirror main/api/schemas.ts (same wording), so the clerk sees what to
// fix while typing. The server still decides: its field errors are mapped back onto the form.
import type { FormRule } from 'antd'
import { checkIdNumber } from '../../main/domain/idcard'
import { MoneyError, parseYuan } from '../../main/domain/money'
import { today } from '../app/format'

export const required = (message: string): FormRule => ({ required: true, whitespace: true, message })
export const requiredSelect = (message: string): FormRule => ({ required: true, message })

export const passwordRules: FormRule[] = [
  { required: true, message: '请填写密码' },
  { min: 8, message: '密码至少8位' },
  { max: 64, message: '密码不能超过64位' },
  { validator: (_r, v: string | undefined) => (!v || (/[A-Za-z]/.test(v) && /\d/.test(v)) ? Promise.resolve() : Promise.reject(new Error('密码须同时包含字母和数字'))) }
]

/** "确认密码" must equal the field `other`. */
export const confirmRule = (other: string, message = '两次输入的密码不一致'): FormRule => ({ getFieldValue }) => ({
  validator: (_r, v: string | undefined) => (!v || v === getFieldValue(other) ? Promise.resolve() : Promise.reject(new Error(message)))
})

export const usernameRules: FormRule[] = [
  { required: true, message: '请填写登录名' },
  { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: '登录名为3–32位字母、数字或 _ . -，以字母开头' }
]

export const maxLen = (label: string, max: number): FormRule => ({ max, message: `${label}不能超过${max}个字` })

/** Live 公民身份号码 check with the same code the server runs. */
export const idNumberRule = (opts: { optional?: boolean } = {}): FormRule => ({
  validator: (_r, v: string | undefined) => {
    if (!v || !v.trim()) return opts.optional ? Promise.resolve() : Promise.reject(new Error('请填写公民身份号码'))
    const r = checkIdNumber(v, today())
    return r.ok ? Promise.resolve() : Promise.reject(new Error(r.error))
  }
})

/** Money typed in 元 (text); empty allowed unless `required`. */
export const moneyRule = (opts: { required?: boolean; label?: string } = {}): FormRule => ({
  validator: (_r, v: string | undefined) => {
    if (v === undefined || v === null || String(v).trim() === '') {
      return opts.required ? Promise.reject(new Error(`请填写${opts.label ?? '金额'}`)) : Promise.resolve()
    }
    try { parseYuan(String(v)); return Promise.resolve() } catch (e) {
      return Promise.reject(new Error(e instanceof MoneyError ? e.message : '金额格式不正确'))
    }
  }
})

/** 元 text → 分; empty → null. Call only after validation passed. */
export function fenOrNull(v: unknown): number | null {
  if (v === undefined || v === null || String(v).trim() === '') return null
  return parseYuan(String(v))
}

/** '' / undefined → null; strings trimmed. */
export function textOrNull(v: unknown): string | null {
  if (v === undefined || v === null) return null
  const s = String(v).trim()
  return s === '' ? null : s
}

export function numOrNull(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}
