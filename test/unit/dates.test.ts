import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonthsClamped,
  nextMonth,
  daysBetween,
  formatChineseDate,
  isLeapYear,
  isoWeekday,
  isValidDate,
  parseDate,
} from '../../main/domain/dates'

describe('isValidDate', () => {
  it.each([
    { name: '普通日期', s: '2026-07-01', ok: true },
    { name: '闰日 2000', s: '2000-02-29', ok: true },
    { name: '非闰日 1900', s: '1900-02-29', ok: false },
    { name: '非闰日 2026', s: '2026-02-29', ok: false },
    { name: '4月31日', s: '2026-04-31', ok: false },
    { name: '13月', s: '2026-13-01', ok: false },
    { name: '0日', s: '2026-01-00', ok: false },
    { name: '缺前导零', s: '2026-7-1', ok: false },
    { name: '带时间', s: '2026-07-01T00:00', ok: false },
    { name: '空串', s: '', ok: false },
  ])('$name', ({ s, ok }) => {
    expect(isValidDate(s)).toBe(ok)
  })
})

describe('日期运算', () => {
  it.each([
    { name: '跨月', s: '2026-01-31', n: 1, out: '2026-02-01' },
    { name: '跨闰日', s: '2024-02-28', n: 1, out: '2024-02-29' },
    { name: '跨年', s: '2026-12-31', n: 1, out: '2027-01-01' },
    { name: '倒退', s: '2026-03-01', n: -1, out: '2026-02-28' },
    { name: '1880年', s: '1880-01-01', n: 366, out: '1881-01-01' },
    { name: '夏令时无关（1991年4月）', s: '1991-04-13', n: 2, out: '1991-04-15' },
  ])('addDays：$name', ({ s, n, out }) => {
    expect(addDays(s, n)).toBe(out)
  })
  it.each([
    { name: '2026-09-14 周一', s: '2026-09-14', w: 1 },
    { name: '2026-09-20 周日', s: '2026-09-20', w: 7 },
    { name: '2026-02-14 周六', s: '2026-02-14', w: 6 },
    { name: '1970-01-01 周四', s: '1970-01-01', w: 4 },
    { name: '1880-01-01 周四', s: '1880-01-01', w: 4 },
  ])('isoWeekday：$name', ({ s, w }) => {
    expect(isoWeekday(s)).toBe(w)
  })
  it('daysBetween', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
  })
  it('isLeapYear', () => {
    expect([1900, 2000, 2024, 2026].map(isLeapYear)).toEqual([false, true, true, false])
  })
  it('parseDate 拒绝无效日期', () => {
    expect(() => parseDate('2026-02-30')).toThrow('无效')
  })
  it('formatChineseDate 无前导零', () => {
    expect(formatChineseDate('2026-07-01')).toBe('2026年7月1日')
  })
})

describe('按月推算', () => {
  it.each([
    ['2026-11-20 + 3 个月 → 2027-02-20', '2026-11-20', 3, '2027-02-20'],
    ['2026-11-30 + 3 个月 → 2027-02-28（无 30 日取月末）', '2026-11-30', 3, '2027-02-28'],
    ['2027-11-30 + 3 个月 → 2028-02-29（闰年）', '2027-11-30', 3, '2028-02-29'],
    ['2026-05-04 + 6 个月 → 2026-11-04', '2026-05-04', 6, '2026-11-04'],
  ])('%s', (_n, from, n, to) => { expect(addMonthsClamped(from, n)).toBe(to) })
  it('下一个月跨年', () => { expect(nextMonth('2026-12')).toBe('2027-01'); expect(nextMonth('2026-10')).toBe('2026-11') })
})
