// Working-day calendar (domain.md §14).
// 工作日 = Mon–Fri minus holidays (off) plus 调休 workdays (work). Holidays are data, never derived
// from a pattern; counting into a year without data warns instead of guessing.
// DESIGN: the start day is not counted; "≤ N WD" = due by the N-th following working day.

import { fromDayNumber, isValidDate, isoWeekday, parseDate, toDayNumber } from './dates'

export type HolidayRow = { date: string; kind: 'off' | 'work'; name: string }
export type Calendar = { off: Set<string>; work: Set<string>; years: Set<number> } // years = years that have data

/** Build a calendar from holiday rows. Throws (Chinese) on a bad date, bad kind, or a date listed as both. */
export function buildCalendar(rows: HolidayRow[]): Calendar {
  const off = new Set<string>()
  const work = new Set<string>()
  const years = new Set<number>()
  for (const row of rows) {
    if (!isValidDate(row.date)) throw new Error(`节假日数据中的日期 ${JSON.stringify(row.date)} 无效`)
    if (row.kind === 'off') off.add(row.date)
    else if (row.kind === 'work') work.add(row.date)
    else throw new Error(`节假日数据 ${row.date} 的类型应为 off 或 work，实为 ${JSON.stringify(row.kind)}`)
    years.add(parseDate(row.date).year)
  }
  for (const d of off) {
    if (work.has(d)) throw new Error(`节假日数据中 ${d} 同时被标为放假和上班`)
  }
  return { off, work, years }
}

/** Mon–Fri minus holidays plus 调休 workdays. */
export function isWorkday(date: string, cal: Calendar): boolean {
  if (cal.work.has(date)) return true
  if (cal.off.has(date)) return false
  return isoWeekday(date) <= 5
}

/** Chinese warning for a year without holiday data. */
export function missingYearWarning(year: number): string {
  return `${year}年的节假日安排尚未录入，截止日期按普通周末推算，请管理员录入后复核`
}

/**
 * The n-th working day after `start` (start itself not counted). n = 0 → start.
 * Negative n counts backwards (the n-th working day before start).
 * Warns once per year without calendar data that the count passes through.
 */
export function addWorkdays(start: string, n: number, cal: Calendar): { date: string; warnings: string[] } {
  if (!Number.isSafeInteger(n)) throw new Error(`工作日数必须是整数，现为 ${String(n)}`)
  let day = toDayNumber(start)
  const step = n < 0 ? -1 : 1
  let remaining = Math.abs(n)
  const missing: number[] = []
  while (remaining > 0) {
    day += step
    const date = fromDayNumber(day)
    const year = Number(date.slice(0, 4))
    if (!cal.years.has(year) && !missing.includes(year)) missing.push(year)
    if (isWorkday(date, cal)) remaining--
  }
  return { date: fromDayNumber(day), warnings: missing.map(missingYearWarning) }
}

/** Working days in (from, to]: from exclusive, to inclusive; 0 if to <= from. */
export function countWorkdays(from: string, to: string, cal: Calendar): number {
  const a = toDayNumber(from)
  const b = toDayNumber(to)
  let count = 0
  for (let d = a + 1; d <= b; d++) if (isWorkday(fromDayNumber(d), cal)) count++
  return count
}

/** Years without data among the days in (from, to] — for callers that show an overdue count. */
export function missingYears(from: string, to: string, cal: Calendar): number[] {
  const first = toDayNumber(from) + 1
  const last = toDayNumber(to)
  if (last < first) return []
  const a = parseDate(fromDayNumber(first)).year
  const b = parseDate(to).year
  const out: number[] = []
  for (let y = a; y <= b; y++) if (!cal.years.has(y)) out.push(y)
  return out
}
