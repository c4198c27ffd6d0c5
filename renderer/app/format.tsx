// Display helpers: dates, money, code names, status tags (design.md §10: 2026-11-24 in tables,
// ¥1,234.50 for money). Formatting only at the edge; values stay integer 分 and ISO text.
import { Tag } from 'antd'
import dayjs from 'dayjs'
import { codeName, HOUSEHOLD_CATEGORIES, HOUSEHOLD_STATUSES, type Code } from '../../main/domain/codes'
import { formatYuan } from '../../main/domain/money'
import { ageOn } from '../../main/domain/idcard'

export const today = (): string => dayjs().format('YYYY-MM-DD')

export function fmtDate(v: string | null | undefined): string {
  if (!v) return ''
  const d = dayjs(v)
  return d.isValid() ? d.format('YYYY-MM-DD') : v
}

export function fmtDateTime(v: string | null | undefined): string {
  if (!v) return ''
  const d = dayjs(v)
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : v
}

export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isSafeInteger(fen)) return ''
  return formatYuan(fen, { symbol: true })
}

/** 分 → the text a clerk would type back ("1234.50"), for editing forms. */
export function yuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isSafeInteger(fen)) return ''
  return formatYuan(fen, { grouping: false })
}

export function age(birthDate: string | null | undefined): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null
  try { return ageOn(birthDate, today()) } catch { return null }
}

export const genderName = (g: string | null | undefined): string => (g === 'male' ? '男' : g === 'female' ? '女' : '')
export const yesNo = (b: boolean | null | undefined): string => (b ? '是' : '否')

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1048576).toFixed(1)} MB`
}

export const options = (table: Code[]) => table.map((c) => ({ value: c.code, label: c.name }))

/** Select options "代码 名称" searchable by either. */
export const codeOptions = (table: Code[]) => table.map((c) => ({ value: c.code, label: c.name, search: `${c.code} ${c.name}` }))

export const categoryName = (c: string | null | undefined): string => codeName(HOUSEHOLD_CATEGORIES, c)
export const statusName = (s: string | null | undefined): string => codeName(HOUSEHOLD_STATUSES, s) || (s ?? '')

const STATUS_COLORS: Record<string, string> = {
  applying: 'processing', active: 'success', suspended: 'warning', phaseOut: 'gold', stopped: 'error', archived: 'default'
}

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="status-tag">{statusName(status)}</Tag>
}

export const OPEN_STATUSES = ['applying', 'active', 'suspended', 'phaseOut']
export const isOpenStatus = (s: string): boolean => OPEN_STATUSES.includes(s)

export const ROLE_OPTIONS = [
  { value: 'handler', label: '经办人' },
  { value: 'reviewer', label: '审核人' },
  { value: 'townshipApprover', label: '乡镇审核确认人' },
  { value: 'admin', label: '管理员' },
  { value: 'readonly', label: '只读' }
] as const
