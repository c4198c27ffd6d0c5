import { describe, expect, it } from 'vitest'
import { auditRowJson, canonicalJson } from '../../main/services/audit'

const base = {
  seq: 42, id: '01a2357d-9d3c-7448-9b0b-c1234567890a', at: '2026-12-02T09:00:00+08:00', operator_id: 'op', operator_name: '王管理（admin）',
  action: 'benefit.raise', entity: 'household', entity_id: 'h1', household_id: 'h1', summary: '提标：农村标准 800.00 → 810.00 元，"引号"\\反斜杠\n换行',
  before_json: '{"benefitFen":144000}', after_json: null, prev_hash: '0'.repeat(64)
}

describe('审计记录哈希输入：逐字段拼写与通用规范 JSON 完全一致', () => {
  it.each([
    ['全部字段', base],
    ['空值字段', { ...base, operator_id: null, operator_name: null, entity_id: null, household_id: null, before_json: null }],
    ['生僻字与表情', { ...base, summary: '𠀀户主 张㵘 🙂' }],
  ])('%s', (_n, row) => {
    expect(auditRowJson(row)).toBe(canonicalJson(row))
  })
})

describe('编号（UUIDv7）', () => {
  it('同一毫秒内也严格递增、唯一、版本与变体正确', async () => {
    const { newId } = await import('../../main/services/ids')
    const ids = Array.from({ length: 20000 }, () => newId())
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
