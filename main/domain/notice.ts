// 公示 period (domain.md §8). DESIGN: the posting day is not counted; a period of N calendar days ends on the
// N-th following day, moved to the next working day when that is no working day (⚙ notice.shiftEndToWorkday,
// analogy 民事诉讼法 art. 85); a period in working days ends on the N-th following working day.
import { addDays } from './dates'
import { addWorkdays, isWorkday, missingYearWarning, type Calendar } from './workdays'

export type NoticeDuration = { days: number; unit: 'calendar' | 'workdays' }

export function noticeEnd(start: string, d: NoticeDuration, cal: Calendar, shiftEndToWorkday = true): { end: string; warnings: string[] } {
  if (!Number.isInteger(d.days) || d.days < 1) throw new Error(`公示天数应为正整数，实为 ${String(d.days)}`)
  if (d.unit === 'workdays') {
    const r = addWorkdays(start, d.days, cal)
    return { end: r.date, warnings: r.warnings }
  }
  let end = addDays(start, d.days)
  const warnings: string[] = []
  if (shiftEndToWorkday) {
    let guard = 0
    while (!isWorkday(end, cal) && guard++ < 30) end = addDays(end, 1)
    const y = Number(end.slice(0, 4))
    if (!cal.years.has(y)) warnings.push(missingYearWarning(y))
  }
  return { end, warnings }
}

export function durationLabel(d: NoticeDuration): string {
  return `${d.days}${d.unit === 'workdays' ? '个工作日' : '天'}`
}

/** 公示 whitelist remark codes (domain.md §8). */
export const NOTICE_REMARKS = ['新增', '调整', '停发', '恢复', '补发', '拟不予纳入'] as const
