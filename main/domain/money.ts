// Money in integer 分 (fen) everywhere. Parsing and formatting never go through floating point.
// 大写 follows 财政部《会计基础工作规范》第五十二条 (domain.md §9).

export class MoneyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MoneyError'
  }
}

/** Largest accepted amount: 99,999,999.99 元. */
export const MAX_FEN = 9_999_999_999

export type ParseYuanOptions = { allowNegative?: boolean }

/**
 * Parse a 元 amount typed by a clerk into integer 分.
 * Accepts grouping commas (or spaces) in the right places, a leading ¥/￥, a trailing 元,
 * full-width digits, at most two decimals (extra trailing zeros are fine: "1.230").
 * Throws MoneyError with a Chinese message otherwise.
 */
export function parseYuan(text: string, opts: ParseYuanOptions = {}): number {
  if (typeof text !== 'string') throw new MoneyError('请输入金额')
  let s = text.normalize('NFKC').trim()
  if (s === '') throw new MoneyError('请输入金额')
  s = s.replace(/^人民币/, '').trim()

  let negative = false
  if (/^[-−]/.test(s)) {
    negative = true
    s = s.slice(1).trim()
  }
  s = s.replace(/^[¥￥]/, '').trim()
  if (!negative && /^[-−]/.test(s)) {
    negative = true
    s = s.slice(1).trim()
  }
  s = s.replace(/(元|圆)$/, '').trim()
  if (s === '') throw new MoneyError('请输入金额')

  const m = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) {
    throw new MoneyError(`金额格式不正确：“${text.trim()}”，应为数字，如 1234.50`)
  }
  const intDigits = (m[1] ?? '').replace(/[, ]/g, '')
  let frac = m[2] ?? ''
  if (frac.length > 2) {
    if (/^0+$/.test(frac.slice(2))) frac = frac.slice(0, 2)
    else throw new MoneyError('金额最多两位小数')
  }
  frac = frac.padEnd(2, '0')

  const trimmedInt = intDigits.replace(/^0+(?=\d)/, '')
  if (trimmedInt.length > 8) throw new MoneyError('金额过大（超过 99,999,999.99 元），请核对')
  const fen = Number(trimmedInt || '0') * 100 + Number(frac)
  if (fen > MAX_FEN) throw new MoneyError('金额过大（超过 99,999,999.99 元），请核对')
  if (negative && fen !== 0) {
    if (!opts.allowNegative) throw new MoneyError('金额不能为负数')
    return -fen
  }
  return fen
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new MoneyError(`金额必须是整数分，现为 ${String(fen)}`)
}

/** 123450 → "1,234.50"; symbol → "¥1,234.50"; negative → "-1,234.50" / "-¥1,234.50". */
export function formatYuan(fen: number, opts: { symbol?: boolean; grouping?: boolean } = {}): string {
  assertFen(fen)
  const grouping = opts.grouping ?? true
  const abs = Math.abs(fen)
  let yuan = String(Math.floor(abs / 100))
  if (grouping && yuan.length > 3) {
    // thousands separators without a regex: this runs for every line of a 提标 batch
    let out = ''
    const head = yuan.length % 3
    if (head) out = yuan.slice(0, head)
    for (let i = head; i < yuan.length; i += 3) out += (out ? ',' : '') + yuan.slice(i, i + 3)
    yuan = out
  }
  const rest = abs % 100
  const cents = rest < 10 ? `0${rest}` : String(rest)
  return `${fen < 0 ? '-' : ''}${opts.symbol ? '¥' : ''}${yuan}.${cents}`
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const SMALL_UNITS = ['', '拾', '佰', '仟'] // within a 4-digit section
const BIG_UNITS = ['', '万', '亿', '万亿'] // section units

/** 大写 of a non-negative integer number of 元 (without "元"); 0 → ''. */
function integerUppercase(n: number): string {
  if (n === 0) return ''
  const digits = String(n)
  const len = digits.length
  let out = ''
  let pendingZero = false
  let sectionHasDigit = false
  for (let i = 0; i < len; i++) {
    const d = Number(digits[i])
    const pos = len - 1 - i // position from the right (0 = units)
    const small = pos % 4
    const section = Math.floor(pos / 4)
    if (d === 0) {
      if (out !== '') pendingZero = true
    } else {
      if (pendingZero) out += '零'
      pendingZero = false
      out += DIGITS[d] + SMALL_UNITS[small]
      sectionHasDigit = true
    }
    if (small === 0) {
      if (sectionHasDigit) out += BIG_UNITS[section]
      sectionHasDigit = false
    }
  }
  return out
}

/**
 * 大写 amount per 会计基础工作规范:
 * - ends in 元 or 角 → append "整"; ends in 分 → no "整";
 * - one "零" for any run of zeros inside the number; "零" between 元 and 分 when 角 is 0;
 * - when the 元 digit is 0 but 角 is not, the optional "零" is omitted (规范 allows either).
 * 123450 → 壹仟贰佰叁拾肆元伍角整; 100507 → 壹仟零伍元零柒分; 5 → 伍分; 0 → 零元整.
 */
export function toChineseUppercase(fen: number): string {
  assertFen(fen)
  if (fen < 0) return '负' + toChineseUppercase(-fen)
  if (fen === 0) return '零元整'
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor(fen / 10) % 10
  const fenDigit = fen % 10
  const yuanPart = yuan > 0 ? integerUppercase(yuan) + '元' : ''
  if (jiao === 0 && fenDigit === 0) return yuanPart + '整'
  if (fenDigit === 0) return yuanPart + DIGITS[jiao] + '角整'
  if (jiao === 0) return yuanPart + (yuan > 0 ? '零' : '') + DIGITS[fenDigit] + '分'
  return yuanPart + DIGITS[jiao] + '角' + DIGITS[fenDigit] + '分'
}

/**
 * round(fen × num ÷ den), half away from zero (四舍五入), computed exactly with BigInt.
 * All arguments must be integers; den ≠ 0.
 */
export function mulDivRound(fen: number, num: number, den: number): number {
  for (const [label, v] of [['fen', fen], ['num', num], ['den', den]] as const) {
    if (!Number.isSafeInteger(v)) throw new MoneyError(`mulDivRound 的参数 ${label} 必须是整数，现为 ${String(v)}`)
  }
  if (den === 0) throw new MoneyError('mulDivRound 的除数不能为0')
  const p = BigInt(fen) * BigInt(num)
  const q = BigInt(den)
  const negative = (p < 0n) !== (q < 0n) && p !== 0n
  const ap = p < 0n ? -p : p
  const aq = q < 0n ? -q : q
  const r = (2n * ap + aq) / (2n * aq)
  const result = Number(negative ? -r : r)
  if (!Number.isSafeInteger(result)) throw new MoneyError('mulDivRound 结果超出安全整数范围')
  return result
}

/** Sum of integer 分 amounts (throws on non-integers). */
export function sumFen(values: readonly number[]): number {
  let total = 0
  for (const v of values) {
    assertFen(v)
    total += v
  }
  assertFen(total)
  return total
}
