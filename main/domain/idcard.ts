// 公民身份号码 (GB 11643-1999) and 残疾人证号 checks — domain.md §13.1, §13.2.
// Pure: no I/O, no clock (callers pass `asOf`, YYYY-MM-DD).

import { PROVINCES } from './codes'
import { formatYmd, isValidDate, isValidYmd, parseDate } from './dates'

export type IdCheck =
  | {
      ok: true
      normalized: string
      gender: 'male' | 'female'
      birthDate: string /* YYYY-MM-DD */
      regionCode: string
      provinceName: string
      warnings: string[]
      converted15?: boolean
    }
  | { ok: false; error: string }

/** W_i = 2^(18−i) mod 11, i = 1…17. */
export const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'

/** Province parts valid for 公民身份号码 (and 港澳台居民居住证 81/82/83). 9x is handled separately (warning). */
export const VALID_PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]

/** Address codes of 港澳台居民居住证 numbers — valid although they end in "0000". */
export const RESIDENCE_PERMIT_REGION_CODES: readonly string[] = ['810000', '820000', '830000']

/**
 * Retired (已撤销) county-level codes that still appear on valid ID numbers.
 * Not a full GB/T 2260 history — just the codes we know about; extend freely.
 */
export const RETIRED_COUNTY_CODES: readonly string[] = [
  '440524', // 广东省汕头市潮阳县 (撤县设市后旧码)
]

export const ID_CHAR_ERROR = '只能包含数字，第18位可以是 X'

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`计算校验码需要17位数字，现为 ${JSON.stringify(first17)}`)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** Full years of age on `asOf` (a person born on 02-29 turns a year older on 03-01 in common years). */
export function ageOn(birthDate: string, asOf: string): number {
  const b = parseDate(birthDate)
  const a = parseDate(asOf)
  let age = a.year - b.year
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age--
  return age
}

/** Legacy 15-digit number → 18 digits: insert "19" before the YYMMDD and append the check digit. */
export function convert15to18(id15: string): string {
  const s = id15.trim()
  if (!/^\d{15}$/.test(s)) {
    throw new Error(`旧15位公民身份号码应为15位数字，现为 ${JSON.stringify(id15)}`)
  }
  const y = 1900 + Number(s.slice(6, 8))
  const m = Number(s.slice(8, 10))
  const d = Number(s.slice(10, 12))
  if (!isValidYmd(y, m, d)) {
    throw new Error(`第7–12位出生日期 ${formatYmd(y, m, d)} 不存在`)
  }
  const first17 = s.slice(0, 6) + '19' + s.slice(6)
  return first17 + idCheckDigit(first17)
}

/** "9" + a valid province code (2023 外国人永久居留身份证号码, ⚠): accepted with a warning only. */
function isForeignPermitPrefix(s: string): boolean {
  return s.length === 18 && s[0] === '9' && VALID_PROVINCE_CODES.includes(s.slice(1, 3)) && s.slice(1, 3) < '70'
}

function normalizeInput(input: string): string {
  // NFKC folds full-width digits/letters (１２３ｘ) pasted from documents into ASCII.
  return input.normalize('NFKC').trim().toUpperCase()
}

/** Check a 公民身份号码 (domain.md §13.1). Errors say exactly what is wrong; warnings never block. */
export function checkIdNumber(input: string, asOf: string): IdCheck {
  if (!isValidDate(asOf)) throw new Error(`asOf ${JSON.stringify(asOf)} 不是有效日期`)
  const s = normalizeInput(input ?? '')
  if (s === '') return { ok: false, error: '请填写公民身份号码' }
  if (!/^\d+X?$/.test(s)) return { ok: false, error: ID_CHAR_ERROR }
  if (s.length !== 18 && s.length !== 15) {
    return { ok: false, error: `公民身份号码应为18位（或旧15位），现为${s.length}位` }
  }
  const legacy = s.length === 15
  if (legacy && s.endsWith('X')) return { ok: false, error: '旧15位号码只能包含数字' }

  const warnings: string[] = []

  // Province part.
  const prov = s.slice(0, 2)
  let provinceName: string
  const foreignPermit = isForeignPermitPrefix(s)
  if (foreignPermit) {
    // 2023 外国人永久居留身份证: "9" + 受理地省级代码 + 国籍代码 … (⚠ domain.md).
    provinceName = PROVINCES[s.slice(1, 3)]
    warnings.push(`前两位 ${prov} 不是省级代码，可能是外国人永久居留身份证号码（9 + 受理地省级代码），请核对证件`)
  } else if (!VALID_PROVINCE_CODES.includes(prov)) {
    return { ok: false, error: `前两位 ${prov} 不是有效的省级代码` }
  } else {
    provinceName = PROVINCES[prov]
  }

  // Birth date.
  const dateDigits = legacy ? '19' + s.slice(6, 12) : s.slice(6, 14)
  const where = legacy ? '第7–12位' : '第7–14位'
  const y = Number(dateDigits.slice(0, 4))
  const m = Number(dateDigits.slice(4, 6))
  const d = Number(dateDigits.slice(6, 8))
  const shown = `${dateDigits.slice(0, 4)}-${dateDigits.slice(4, 6)}-${dateDigits.slice(6, 8)}`
  if (!isValidYmd(y, m, d)) return { ok: false, error: `${where}出生日期 ${shown} 不存在` }
  if (y < 1800) return { ok: false, error: `${where}出生日期 ${shown} 不可能（早于1800年）` }
  const birthDate = shown
  if (birthDate > asOf) return { ok: false, error: `出生日期 ${birthDate} 晚于今天` }

  // Check digit.
  let normalized: string
  if (legacy) {
    normalized = convert15to18(s)
  } else {
    const expected = idCheckDigit(s.slice(0, 17))
    if (s[17] !== expected) return { ok: false, error: `第18位校验码应为 ${expected}，实为 ${s[17]}` }
    normalized = s
  }

  // Warnings.
  const age = ageOn(birthDate, asOf)
  if (age > 120) warnings.push(`年龄 ${age} 岁，超过120岁，请核对出生日期`)
  const regionCode = normalized.slice(0, 6)
  if (!foreignPermit) {
    if (RETIRED_COUNTY_CODES.includes(regionCode)) {
      warnings.push(`地址码 ${regionCode} 为已撤销的旧区划代码`)
    } else if (regionCode.endsWith('00') && !RESIDENCE_PERMIT_REGION_CODES.includes(regionCode)) {
      warnings.push(`地址码 ${regionCode} 不是县级区划代码（以00结尾），请核对`)
    }
  }

  const gender = Number(normalized[16]) % 2 === 1 ? 'male' : 'female'
  const result: IdCheck = { ok: true, normalized, gender, birthDate, regionCode, provinceName, warnings }
  if (legacy) result.converted15 = true
  return result
}

// ── 残疾人证号 (GB/T 26341-2010 classes; 残疾人证管理办法 art. 5) ──────────────────────────

export type DisabilityCheck =
  | { ok: true; category: number; categoryName: string; grade: number; gradeName: string; severe: boolean; warnings: string[] }
  | { ok: false; error: string }

export const DISABILITY_CATEGORIES: Record<number, string> = {
  1: '视力残疾',
  2: '听力残疾',
  3: '言语残疾',
  4: '肢体残疾',
  5: '智力残疾',
  6: '精神残疾',
  7: '多重残疾',
}
export const DISABILITY_GRADES: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' }

/**
 * 重度残疾 in the sense of 办法 art. 8 / domain.md §16 (单人保-eligible by disability):
 * grade 1–2 of any category, or grade 3 智力/精神.
 */
export function isSevereDisability(category: number, grade: number): boolean {
  return grade === 1 || grade === 2 || (grade === 3 && (category === 5 || category === 6))
}

/**
 * Parse a 20-character 残疾人证号 = holder's 18-character ID + category (1–7) + grade (1–4).
 * ok:false only when category/grade cannot be read. Callers should show that as a warning for the
 * reviewer, never block (domain.md §13.2: other formats warn). A first 18 that differs from the
 * member's ID, or that is not itself a valid ID, is a warning.
 */
export function checkDisabilityCert(certNo: string, memberId?: string): DisabilityCheck {
  const s = (certNo ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  if (s === '') return { ok: false, error: '请填写残疾人证号' }
  if (s.length !== 20) {
    return {
      ok: false,
      error: `残疾人证号应为20位（18位公民身份号码 + 1位残疾类别 + 1位残疾等级），现为${s.length}位`,
    }
  }
  if (!/^\d{17}[\dX]\d{2}$/.test(s)) {
    return { ok: false, error: '残疾人证号格式不正确：前17位应为数字，第18位为数字或 X，第19–20位为数字' }
  }
  const category = Number(s[18])
  const grade = Number(s[19])
  if (!DISABILITY_CATEGORIES[category]) {
    return { ok: false, error: `第19位残疾类别应为1–7（1视力 2听力 3言语 4肢体 5智力 6精神 7多重），实为 ${s[18]}` }
  }
  if (!DISABILITY_GRADES[grade]) {
    return { ok: false, error: `第20位残疾等级应为1–4（1级最重），实为 ${s[19]}` }
  }

  const warnings: string[] = []
  const holder = s.slice(0, 18)
  const expected = idCheckDigit(holder.slice(0, 17))
  const y = Number(holder.slice(6, 10))
  const m = Number(holder.slice(10, 12))
  const d = Number(holder.slice(12, 14))
  if (!isValidYmd(y, m, d)) {
    warnings.push('残疾人证号前18位中的出生日期不存在，请核对证件')
  } else if (holder[17] !== expected) {
    warnings.push(`残疾人证号前18位不是有效的公民身份号码（第18位校验码应为 ${expected}，实为 ${holder[17]}），请核对证件`)
  }

  if (memberId !== undefined && memberId !== null && memberId.trim() !== '') {
    let member = normalizeInput(memberId)
    if (/^\d{15}$/.test(member)) {
      try {
        member = convert15to18(member)
      } catch {
        /* leave as is: compared below and reported as a mismatch */
      }
    }
    if (member !== holder) {
      warnings.push('残疾人证号前18位与该成员的公民身份号码不一致（补换证或身份证号更正时可能出现），请核对后确认')
    }
  }

  return {
    ok: true,
    category,
    categoryName: DISABILITY_CATEGORIES[category],
    grade,
    gradeName: DISABILITY_GRADES[grade],
    severe: isSevereDisability(category, grade),
    warnings,
  }
}
