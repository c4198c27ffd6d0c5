// Pure calendar arithmetic on `YYYY-MM-DD` strings.
// Everything is computed on UTC day numbers, so the host time zone never matters.
// Nothing here reads the clock: callers pass `asOf` when they need "today".

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Days in month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** True when y/m/d is a real calendar date (year 1–9999). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

/** True when `s` is exactly `YYYY-MM-DD` and names a real calendar date. */
export function isValidDate(s: string): boolean {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Parse `YYYY-MM-DD`; throws an Error (Chinese) for malformed or impossible dates. */
export function parseDate(s: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(s)
  if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new Error(`日期 ${JSON.stringify(s)} 无效，应为 YYYY-MM-DD 格式的真实日期`)
  }
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
}

/** Format y/m/d as `YYYY-MM-DD`. */
export function formatYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Day number: days since 1970-01-01 (UTC). */
export function toDayNumber(s: string): number {
  const { year, month, day } = parseDate(s)
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(0, 0, 0, 0)
  return Math.round(d.getTime() / DAY_MS)
}

/** Inverse of toDayNumber. */
export function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS)
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** `s` shifted by `n` calendar days (n may be negative). */
export function addDays(s: string, n: number): string {
  return fromDayNumber(toDayNumber(s) + n)
}

/** Month `YYYY-MM` of year/month shifted by `n` months (n may be negative). */
export function addMonthsYm(year: number, month: number, n: number): string {
  const idx = year * 12 + (month - 1) + n
  const y = Math.floor(idx / 12)
  const m = (idx % 12) + 1
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
}

/** The month after `YYYY-MM`. */
export function nextMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number]
  return addMonthsYm(y, m, 1)
}

/** The same day `n` months after `s`; a day the target month lacks becomes its last day (11-30 + 3 → 02-28). */
export function addMonthsClamped(s: string, n: number): string {
  const { year, month, day } = parseDate(s)
  const ym = addMonthsYm(year, month, n)
  const [y, m] = ym.split('-').map(Number) as [number, number]
  return `${ym}-${String(Math.min(day, daysInMonth(y, m))).padStart(2, '0')}`
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a)
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(s: string): number {
  const dow = new Date(toDayNumber(s) * DAY_MS).getUTCDay() // 0 = Sunday
  return dow === 0 ? 7 : dow
}

/** Year part of a valid `YYYY-MM-DD`. */
export function yearOf(s: string): number {
  return parseDate(s).year
}

/** Chinese document date: "2026年7月1日" (Arabic numerals, no leading zeros; GB/T 9704). */
export function formatChineseDate(s: string): string {
  const { year, month, day } = parseDate(s)
  return `${year}年${month}月${day}日`
}
