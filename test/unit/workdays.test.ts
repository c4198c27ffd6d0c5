import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addDays, isoWeekday } from '../../main/domain/dates'
import {
  addWorkdays,
  buildCalendar,
  countWorkdays,
  isWorkday,
  missingYears,
  type HolidayRow,
} from '../../main/domain/workdays'

type JsonRow = HolidayRow & { source: string }
const rows: JsonRow[] = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../resources/policy/holidays.json'), 'utf8'),
)
const cal = buildCalendar(rows)
const empty = buildCalendar([])

describe('resources/policy/holidays.json', () => {
  it('每行有日期、类型、名称、来源，日期不重复且升序', () => {
    const dates = rows.map((r) => r.date)
    expect(new Set(dates).size).toBe(dates.length)
    expect([...dates].sort()).toEqual(dates)
    for (const r of rows) {
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(['off', 'work']).toContain(r.kind)
      expect(r.name).not.toBe('')
      expect(r.source).toBe(r.date.startsWith('2025') ? '国办发明电〔2024〕12号' : '国务院办公厅关于2026年部分节假日安排的通知')
    }
  })
  it('只覆盖2025、2026两年', () => {
    expect([...cal.years].sort()).toEqual([2025, 2026])
  })
  it.each([
    { name: '2025年 13天法定假日后共248个工作日', year: 2025, workdays: 248 },
    { name: '2026年 共248个工作日', year: 2026, workdays: 248 },
  ])('$name', ({ year, workdays }) => {
    expect(countWorkdays(`${year - 1}-12-31`, `${year}-12-31`, cal)).toBe(workdays)
  })
  it.each([
    { name: '2025 放假天数', year: '2025', kind: 'off', n: 28 },
    { name: '2025 调休上班天数', year: '2025', kind: 'work', n: 5 },
    { name: '2026 放假天数', year: '2026', kind: 'off', n: 33 },
    { name: '2026 调休上班天数', year: '2026', kind: 'work', n: 6 },
  ])('$name', ({ year, kind, n }) => {
    expect(rows.filter((r) => r.date.startsWith(year) && r.kind === kind).length).toBe(n)
  })
  it('调休上班日都落在周末', () => {
    for (const r of rows.filter((r) => r.kind === 'work')) expect(isoWeekday(r.date)).toBeGreaterThanOrEqual(6)
  })
})

describe('isWorkday', () => {
  it.each([
    { name: '普通周一', date: '2026-09-14', work: true },
    { name: '普通周六', date: '2026-09-19', work: false },
    { name: '国庆前调休周日 09-20 上班', date: '2026-09-20', work: true },
    { name: '中秋 09-25 周五放假', date: '2026-09-25', work: false },
    { name: '国庆 10-01 放假', date: '2026-10-01', work: false },
    { name: '国庆后调休周六 10-10 上班', date: '2026-10-10', work: true },
    { name: '2026 元旦调休 01-04 周日上班', date: '2026-01-04', work: true },
    { name: '2026 春节前 02-14 周六上班', date: '2026-02-14', work: true },
    { name: '2026 春节 02-23 周一放假', date: '2026-02-23', work: false },
    { name: '2025 春节前 01-26 周日上班', date: '2025-01-26', work: true },
    { name: '2025 春节 02-04 周二放假', date: '2025-02-04', work: false },
    { name: '2025 国庆中秋 10-08 周三放假', date: '2025-10-08', work: false },
    { name: '2025 国庆后 10-11 周六上班', date: '2025-10-11', work: true },
    { name: '2025 劳动节 05-05 周一放假', date: '2025-05-05', work: false },
    { name: '2025 劳动节前 04-27 周日上班', date: '2025-04-27', work: true },
    { name: '无数据年份按周末 2027-01-01 周五', date: '2027-01-01', work: true },
  ])('$name', ({ date, work }) => {
    expect(isWorkday(date, cal)).toBe(work)
  })
})

describe('addWorkdays（起始日不计）— domain.md §14 示例', () => {
  it.each([
    { name: '2026-09-14 受理 +3', start: '2026-09-14', n: 3, date: '2026-09-17' },
    { name: '2026-09-14 +10（09-20 周日计入，09-25 不计）', start: '2026-09-14', n: 10, date: '2026-09-28' },
    { name: '2026-09-14 +20（跨国庆）', start: '2026-09-14', n: 20, date: '2026-10-16' },
    { name: '2026-09-14 +30', start: '2026-09-14', n: 30, date: '2026-10-30' },
    { name: '2026-09-14 +45', start: '2026-09-14', n: 45, date: '2026-11-20' },
    { name: '2026-02-10 +3', start: '2026-02-10', n: 3, date: '2026-02-13' },
    { name: '2026-02-10 +30（跨春节，02-14、02-28 上班）', start: '2026-02-10', n: 30, date: '2026-03-30' },
    { name: '2025-09-26 周五 +1 → 09-28 周日调休上班', start: '2025-09-26', n: 1, date: '2025-09-28' },
    { name: '2025-09-28 +1 → 09-29 周一', start: '2025-09-28', n: 1, date: '2025-09-29' },
    { name: '2025-09-30 +1 跨国庆中秋 → 10-09', start: '2025-09-30', n: 1, date: '2025-10-09' },
    { name: '2025-09-30 +3 → 10-11 周六调休上班', start: '2025-09-30', n: 3, date: '2025-10-11' },
    { name: '2025-01-24 周五 +1 → 01-26 周日调休上班', start: '2025-01-24', n: 1, date: '2025-01-26' },
    { name: '2025-01-27 +1 跨2025春节 → 02-05', start: '2025-01-27', n: 1, date: '2025-02-05' },
    { name: '2025-02-07 +1 → 02-08 周六调休上班', start: '2025-02-07', n: 1, date: '2025-02-08' },
    { name: '2026-02-13 +1 → 02-14 周六调休上班', start: '2026-02-13', n: 1, date: '2026-02-14' },
    { name: '2026-02-14 +1 跨2026春节 → 02-24', start: '2026-02-14', n: 1, date: '2026-02-24' },
    { name: '起始日为假日也不计：2026-10-01 +1 → 10-08', start: '2026-10-01', n: 1, date: '2026-10-08' },
    { name: 'n=0 返回起始日', start: '2026-09-19', n: 0, date: '2026-09-19' },
    { name: '倒数：2026-09-28 −10 → 09-14', start: '2026-09-28', n: -10, date: '2026-09-14' },
  ])('$name', ({ start, n, date }) => {
    expect(addWorkdays(start, n, cal)).toEqual({ date, warnings: [] })
  })

  it('跨入无数据的2027年：按周末推算并警告', () => {
    const r = addWorkdays('2026-12-28', 10, cal)
    // 12-29 … 12-31 (3), 2027-01-01 Fri (4), 01-04 … 01-08 (9), 01-11 Mon (10)
    expect(r.date).toBe('2027-01-11')
    expect(r.warnings).toEqual(['2027年的节假日安排尚未录入，截止日期按普通周末推算，请管理员录入后复核'])
  })
  it('跨越多个无数据年份，每年警告一次', () => {
    const r = addWorkdays('2026-12-30', 300, cal)
    expect(r.warnings).toEqual([
      '2027年的节假日安排尚未录入，截止日期按普通周末推算，请管理员录入后复核',
      '2028年的节假日安排尚未录入，截止日期按普通周末推算，请管理员录入后复核',
    ])
  })
  it('结果在年底之前则不警告', () => {
    expect(addWorkdays('2026-12-28', 3, cal)).toEqual({ date: '2026-12-31', warnings: [] })
  })
  it('空日历：只按周末', () => {
    expect(addWorkdays('2026-09-14', 10, empty).date).toBe('2026-09-28')
    expect(addWorkdays('2026-09-30', 1, empty).date).toBe('2026-10-01')
  })
  it('非整数天数抛错', () => {
    expect(() => addWorkdays('2026-09-14', 1.5, cal)).toThrow()
  })
  it('无效日期抛错', () => {
    expect(() => addWorkdays('2026-02-30', 1, cal)).toThrow()
  })
})

describe('countWorkdays (from, to]', () => {
  it.each([
    { name: '同一天为0', from: '2026-09-14', to: '2026-09-14', n: 0 },
    { name: 'to 早于 from 为0', from: '2026-09-20', to: '2026-09-14', n: 0 },
    { name: '含 to 不含 from', from: '2026-09-14', to: '2026-09-17', n: 3 },
    { name: '与 addWorkdays +45 一致', from: '2026-09-14', to: '2026-11-20', n: 45 },
    { name: '国庆七天假期内为0', from: '2026-09-30', to: '2026-10-07', n: 0 },
    { name: '2025 国庆中秋八天假期内为0', from: '2025-09-30', to: '2025-10-08', n: 0 },
  ])('$name', ({ from, to, n }) => {
    expect(countWorkdays(from, to, cal)).toBe(n)
  })
  it('与 addWorkdays 互逆（2025–2026 每周一起算 1…40 个工作日）', () => {
    for (let d = '2025-01-06'; d < '2026-11-01'; d = addDays(d, 7)) {
      for (const n of [1, 7, 20, 40]) {
        const r = addWorkdays(d, n, cal)
        expect(countWorkdays(d, r.date, cal)).toBe(n)
        expect(isWorkday(r.date, cal)).toBe(true)
      }
    }
  })
})

describe('buildCalendar', () => {
  it('同一天既放假又上班抛错', () => {
    expect(() =>
      buildCalendar([
        { date: '2026-10-01', kind: 'off', name: '国庆' },
        { date: '2026-10-01', kind: 'work', name: '国庆' },
      ]),
    ).toThrow('2026-10-01 同时被标为放假和上班')
  })
  it('无效日期抛错', () => {
    expect(() => buildCalendar([{ date: '2026-13-01', kind: 'off', name: 'x' }])).toThrow()
  })
  it('missingYears', () => {
    expect(missingYears('2026-12-31', '2028-01-01', cal)).toEqual([2027, 2028])
    expect(missingYears('2026-01-01', '2026-12-31', cal)).toEqual([])
  })
})
