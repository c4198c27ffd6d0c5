// What a 公示 may show (domain/masking.ts; domain.md §8): the county's choices within the law, and the guard that
// refuses a line with an ID/bank/phone-like number or a word revealing illness, disability, prison or religion.
import { describe, expect, it } from 'vitest'
import { DEFAULT_PUBLIC_OPTIONS, PublicNoticeError, publicLine, type PublicLine } from '../../main/domain/masking'

const line: PublicLine = { seq: 3, villageName: '东风村3组', applicantName: '张三', persons: 3, amountFen: 144_000, category: '新增（农村）', remark: '新增' }

describe('公示可以显示的内容', () => {
  it('默认：村组和城市/农村照印，姓名全称', () => {
    expect(publicLine(line, { name: '东风村' }, DEFAULT_PUBLIC_OPTIONS)).toEqual(line)
  })
  it('不列村民小组、不注城市/农村（县里选择）', () => {
    const o = { ...DEFAULT_PUBLIC_OPTIONS, showGroup: false, showArea: false }
    expect(publicLine(line, { name: '东风村' }, o)).toMatchObject({ villageName: '东风村', category: '新增', applicantName: '张三' })
  })
  it('像身份证号、银行卡号、电话的数字串拒绝打印，并指出哪一行哪一栏', () => {
    for (const bad of [{ remark: '410721198001284555' }, { remark: '联系13812345678' }, { villageName: '东风村62284800' }]) {
      expect(() => publicLine({ ...line, ...bad }, null, DEFAULT_PUBLIC_OPTIONS)).toThrow(PublicNoticeError)
    }
    expect(() => publicLine({ ...line, remark: '410721198001284555' }, null, DEFAULT_PUBLIC_OPTIONS)).toThrow(/第 3 行（张三）的“备注”含有一串数字/)
  })
  it('备注或类别里出现病残、服刑、宗教等词拒绝打印；词表可由县里调整', () => {
    expect(() => publicLine({ ...line, remark: '重病' }, null, DEFAULT_PUBLIC_OPTIONS)).toThrow(/“备注”含有“病”/)
    expect(() => publicLine({ ...line, category: '新增（残疾单列）' }, null, DEFAULT_PUBLIC_OPTIONS)).toThrow(/“类别”含有“残”/)
    expect(publicLine({ ...line, remark: '重病' }, null, { ...DEFAULT_PUBLIC_OPTIONS, sensitiveWords: [] }).remark).toBe('重病')
    // a name is never checked against the word list (names print in full)
    expect(publicLine({ ...line, applicantName: '王残' }, null, DEFAULT_PUBLIC_OPTIONS).applicantName).toBe('王残')
  })
})
