import { describe, expect, it } from 'vitest'
import {
  ageOn,
  checkDisabilityCert,
  checkIdNumber,
  convert15to18,
  idCheckDigit,
  isSevereDisability,
  RETIRED_COUNTY_CODES,
} from '../../main/domain/idcard'

const ASOF = '2026-12-02'

type Valid = {
  name: string
  input: string
  normalized: string
  gender: 'male' | 'female'
  birthDate: string
  provinceName: string
  warnings: string[]
  converted15?: boolean
}

// domain.md §13.1 test-number table, valid rows.
const valid: Valid[] = [
  { name: '北京朝阳 女 末位大写X', input: '11010519491231002X', normalized: '11010519491231002X', gender: 'female', birthDate: '1949-12-31', provinceName: '北京市', warnings: [] },
  { name: '北京朝阳 女 末位小写x 转为大写', input: '11010519491231002x', normalized: '11010519491231002X', gender: 'female', birthDate: '1949-12-31', provinceName: '北京市', warnings: [] },
  { name: '前后空格被去掉', input: '  11010519491231002x \t', normalized: '11010519491231002X', gender: 'female', birthDate: '1949-12-31', provinceName: '北京市', warnings: [] },
  {
    name: '1880年出生 男 年龄超120岁且旧区划代码（两条警告）',
    input: '440524188001010014',
    normalized: '440524188001010014',
    gender: 'male',
    birthDate: '1880-01-01',
    provinceName: '广东省',
    warnings: ['年龄 146 岁，超过120岁，请核对出生日期', '地址码 440524 为已撤销的旧区划代码'],
  },
  { name: '河南 男', input: '410721199003074310', normalized: '410721199003074310', gender: 'male', birthDate: '1990-03-07', provinceName: '河南省', warnings: [] },
  { name: '河南 女', input: '410721199003074329', normalized: '410721199003074329', gender: 'female', birthDate: '1990-03-07', provinceName: '河南省', warnings: [] },
  { name: '陕西 女 闰日2000-02-29', input: '610113200002290046', normalized: '610113200002290046', gender: 'female', birthDate: '2000-02-29', provinceName: '陕西省', warnings: [] },
  { name: '湖北 男 未成年', input: '420106201605201239', normalized: '420106201605201239', gender: 'male', birthDate: '2016-05-20', provinceName: '湖北省', warnings: [] },
  { name: '旧15位 北京 升位后末位X', input: '110105491231002', normalized: '11010519491231002X', gender: 'female', birthDate: '1949-12-31', provinceName: '北京市', warnings: [], converted15: true },
  { name: '旧15位 河北 升位', input: '130503670401001', normalized: '130503196704010016', gender: 'male', birthDate: '1967-04-01', provinceName: '河北省', warnings: [], converted15: true },
  { name: '全角数字粘贴', input: '４１０７２１１９９００３０７４３１０', normalized: '410721199003074310', gender: 'male', birthDate: '1990-03-07', provinceName: '河南省', warnings: [] },
]

describe('checkIdNumber 有效号码', () => {
  it.each(valid)('$name', (c) => {
    const r = checkIdNumber(c.input, ASOF)
    expect(r).toEqual({
      ok: true,
      normalized: c.normalized,
      gender: c.gender,
      birthDate: c.birthDate,
      regionCode: c.normalized.slice(0, 6),
      provinceName: c.provinceName,
      warnings: c.warnings,
      ...(c.converted15 ? { converted15: true } : {}),
    })
  })

  it('未成年人：2016-05-20 出生，于 2026-12-02 为10岁', () => {
    const r = checkIdNumber('420106201605201239', ASOF)
    expect(r.ok && ageOn(r.birthDate, ASOF)).toBe(10)
  })
})

type Invalid = { name: string; input: string; error: string }
const invalid: Invalid[] = [
  { name: '校验码错误（应为X）', input: '110105194912310021', error: '第18位校验码应为 X，实为 1' },
  { name: '2月30日不存在（校验码正确）', input: '110105194902300020', error: '第7–14位出生日期 1949-02-30 不存在' },
  { name: '1900年不是闰年（校验码正确）', input: '61011319000229004X', error: '第7–14位出生日期 1900-02-29 不存在' },
  { name: '出生在未来', input: '330102209901010014', error: '出生日期 2099-01-01 晚于今天' },
  { name: '17位长度错误', input: '11010519491231002', error: '公民身份号码应为18位（或旧15位），现为17位' },
  { name: '19位长度错误', input: '1101051949123100201', error: '公民身份号码应为18位（或旧15位），现为19位' },
  { name: '前两位99不是省级代码', input: '991051194912310021', error: '前两位 99 不是有效的省级代码' },
  { name: '前两位00不是省级代码', input: '001051194912310021', error: '前两位 00 不是有效的省级代码' },
  { name: '前两位16不是省级代码', input: '161051194912310021', error: '前两位 16 不是有效的省级代码' },
  { name: '中间含字母', input: '1101051949A231002X', error: '只能包含数字，第18位可以是 X' },
  { name: 'X不在末位', input: '11010519491231X021', error: '只能包含数字，第18位可以是 X' },
  { name: '中间含空格', input: '110105 19491231002X', error: '只能包含数字，第18位可以是 X' },
  { name: '月份13不存在', input: '110105194913010020', error: '第7–14位出生日期 1949-13-01 不存在' },
  { name: '旧15位日期不存在', input: '110105490230002', error: '第7–12位出生日期 1949-02-30 不存在' },
  { name: '旧15位末位X', input: '11010549123100X', error: '旧15位号码只能包含数字' },
  { name: '空字符串', input: '   ', error: '请填写公民身份号码' },
]

describe('checkIdNumber 无效号码', () => {
  it.each(invalid)('$name', (c) => {
    expect(checkIdNumber(c.input, ASOF)).toEqual({ ok: false, error: c.error })
  })
})

describe('checkIdNumber 边界与警告', () => {
  it('今天出生的婴儿有效（出生日期等于 asOf）', () => {
    const first17 = '11010520261202001'
    const r = checkIdNumber(first17 + idCheckDigit(first17), ASOF)
    expect(r.ok).toBe(true)
  })
  it('明天出生无效', () => {
    const first17 = '11010520261203001'
    expect(checkIdNumber(first17 + idCheckDigit(first17), ASOF)).toEqual({ ok: false, error: '出生日期 2026-12-03 晚于今天' })
  })
  it('以00结尾的地址码只警告', () => {
    const first17 = '11010019800101001'
    const r = checkIdNumber(first17 + idCheckDigit(first17), ASOF)
    expect(r).toMatchObject({ ok: true, regionCode: '110100', warnings: ['地址码 110100 不是县级区划代码（以00结尾），请核对'] })
  })
  it('港澳台居民居住证 830000 不警告', () => {
    const first17 = '83000019800101001'
    const r = checkIdNumber(first17 + idCheckDigit(first17), ASOF)
    expect(r).toMatchObject({ ok: true, provinceName: '台湾居民居住证（83）', warnings: [] })
  })
  it('9开头（外国人永久居留身份证）只警告', () => {
    const first17 = '93115619800101001'
    const r = checkIdNumber(first17 + idCheckDigit(first17), ASOF)
    expect(r.ok).toBe(true)
    expect(r.ok && r.warnings.some((w) => w.includes('外国人永久居留身份证'))).toBe(true)
  })
  it('正好120岁不警告，121岁警告', () => {
    const a = '11010519061202001'
    const b = '11010519051201001'
    const ra = checkIdNumber(a + idCheckDigit(a), ASOF)
    const rb = checkIdNumber(b + idCheckDigit(b), ASOF)
    expect(ra.ok && ra.warnings).toEqual([])
    expect(rb.ok && rb.warnings).toEqual(['年龄 121 岁，超过120岁，请核对出生日期'])
  })
  it('RETIRED_COUNTY_CODES 含 440524', () => {
    expect(RETIRED_COUNTY_CODES).toContain('440524')
  })
})

describe('idCheckDigit', () => {
  it.each([
    { name: '北京样例 → X', first17: '11010519491231002', check: 'X' },
    { name: '河南男 → 0', first17: '41072119900307431', check: '0' },
    { name: '河南女 → 9', first17: '41072119900307432', check: '9' },
    { name: '陕西闰日 → 6', first17: '61011320000229004', check: '6' },
    { name: '河北升位 → 6', first17: '13050319670401001', check: '6' },
  ])('$name', ({ first17, check }) => {
    expect(idCheckDigit(first17)).toBe(check)
  })
  it('非17位数字抛错', () => {
    expect(() => idCheckDigit('1234')).toThrow()
  })
})

describe('convert15to18', () => {
  it.each([
    { name: '北京 → 末位X', id15: '110105491231002', id18: '11010519491231002X' },
    { name: '河北 → 末位6', id15: '130503670401001', id18: '130503196704010016' },
  ])('$name', ({ id15, id18 }) => {
    expect(convert15to18(id15)).toBe(id18)
  })
  it.each([
    { name: '位数不对', id15: '11010549123100', msg: /15位/ },
    { name: '含字母', id15: '11010549123100X', msg: /15位/ },
    { name: '日期不存在', id15: '110105490230002', msg: '第7–12位出生日期 1949-02-30 不存在' },
  ])('无效输入抛中文错误：$name', ({ id15, msg }) => {
    expect(() => convert15to18(id15)).toThrow(msg)
  })
})

describe('ageOn', () => {
  it.each([
    { name: '生日前一天', birth: '1990-03-07', asOf: '2026-03-06', age: 35 },
    { name: '生日当天', birth: '1990-03-07', asOf: '2026-03-07', age: 36 },
    { name: '闰日出生 平年2月28日未满', birth: '2000-02-29', asOf: '2026-02-28', age: 25 },
    { name: '闰日出生 平年3月1日满', birth: '2000-02-29', asOf: '2026-03-01', age: 26 },
    { name: '同日出生为0岁', birth: '2026-12-02', asOf: '2026-12-02', age: 0 },
    { name: '1880年出生', birth: '1880-01-01', asOf: '2026-12-02', age: 146 },
  ])('$name', ({ birth, asOf, age }) => {
    expect(ageOn(birth, asOf)).toBe(age)
  })
})

describe('checkDisabilityCert 残疾人证号', () => {
  it.each([
    { name: '肢体二级（重度，可单人保）', cert: '41072119900307431042', member: '410721199003074310', category: 4, categoryName: '肢体残疾', grade: 2, gradeName: '二级', severe: true },
    { name: '智力三级（重度，可单人保）', cert: '61011320000229004653', member: '610113200002290046', category: 5, categoryName: '智力残疾', grade: 3, gradeName: '三级', severe: true },
    { name: '肢体三级（非重度）', cert: '41072119900307431043', member: '410721199003074310', category: 4, categoryName: '肢体残疾', grade: 3, gradeName: '三级', severe: false },
    { name: '末位X的身份证 + 精神三级', cert: '11010519491231002X63', member: '11010519491231002x', category: 6, categoryName: '精神残疾', grade: 3, gradeName: '三级', severe: true },
    { name: '视力四级', cert: '41072119900307432914', member: undefined, category: 1, categoryName: '视力残疾', grade: 4, gradeName: '四级', severe: false },
    { name: '多重一级', cert: '41072119900307432971', member: undefined, category: 7, categoryName: '多重残疾', grade: 1, gradeName: '一级', severe: true },
  ])('$name', (c) => {
    expect(checkDisabilityCert(c.cert, c.member)).toEqual({
      ok: true,
      category: c.category,
      categoryName: c.categoryName,
      grade: c.grade,
      gradeName: c.gradeName,
      severe: c.severe,
      warnings: [],
    })
  })

  it('前18位与成员身份证号不一致：警告而非错误', () => {
    const r = checkDisabilityCert('41072119900307431042', '410721199003074329')
    expect(r.ok).toBe(true)
    expect(r.ok && r.warnings).toEqual(['残疾人证号前18位与该成员的公民身份号码不一致（补换证或身份证号更正时可能出现），请核对后确认'])
  })
  it('成员为旧15位号码时先升位再比较（一致则不警告）', () => {
    const r = checkDisabilityCert('11010519491231002X42', '110105491231002')
    expect(r.ok && r.warnings).toEqual([])
  })
  it('前18位校验码错误：警告', () => {
    const r = checkDisabilityCert('11010519491231002142')
    expect(r.ok).toBe(true)
    expect(r.ok && r.warnings[0]).toContain('校验码应为 X，实为 1')
  })

  it.each([
    { name: '长度19位', cert: '4107211990030743104', error: '残疾人证号应为20位（18位公民身份号码 + 1位残疾类别 + 1位残疾等级），现为19位' },
    { name: '类别8不存在', cert: '41072119900307431082', error: '第19位残疾类别应为1–7（1视力 2听力 3言语 4肢体 5智力 6精神 7多重），实为 8' },
    { name: '类别0不存在', cert: '41072119900307431002', error: '第19位残疾类别应为1–7（1视力 2听力 3言语 4肢体 5智力 6精神 7多重），实为 0' },
    { name: '等级5不存在', cert: '41072119900307431045', error: '第20位残疾等级应为1–4（1级最重），实为 5' },
    { name: '含字母', cert: '4107211990030743A042', error: '残疾人证号格式不正确：前17位应为数字，第18位为数字或 X，第19–20位为数字' },
  ])('无法解析：$name', ({ cert, error }) => {
    expect(checkDisabilityCert(cert)).toEqual({ ok: false, error })
  })

  it.each([
    { name: '一级任何类别', category: 4, grade: 1, severe: true },
    { name: '二级任何类别', category: 2, grade: 2, severe: true },
    { name: '三级智力', category: 5, grade: 3, severe: true },
    { name: '三级精神', category: 6, grade: 3, severe: true },
    { name: '三级肢体', category: 4, grade: 3, severe: false },
    { name: '四级智力', category: 5, grade: 4, severe: false },
  ])('isSevereDisability：$name', ({ category, grade, severe }) => {
    expect(isSevereDisability(category, grade)).toBe(severe)
  })
})
