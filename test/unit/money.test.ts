import { describe, expect, it } from 'vitest'
import { formatYuan, MoneyError, mulDivRound, parseYuan, sumFen, toChineseUppercase } from '../../main/domain/money'

describe('parseYuan 解析', () => {
  it.each([
    { name: '千分位+一位小数', text: '1,234.5', fen: 123450 },
    { name: '带“元”', text: '1234.50元', fen: 123450 },
    { name: '带¥和千分位', text: '¥1,234.56', fen: 123456 },
    { name: '全角￥', text: '￥1,234.56', fen: 123456 },
    { name: '五分钱', text: '0.05', fen: 5 },
    { name: '前后空格 整数', text: '  12 ', fen: 1200 },
    { name: '10.00', text: '10.00', fen: 1000 },
    { name: '100,000.07', text: '100,000.07', fen: 10000007 },
    { name: '1,005.07', text: '1,005.07', fen: 100507 },
    { name: '10,500.00', text: '10,500.00', fen: 1050000 },
    { name: '1,234.50', text: '1,234.50', fen: 123450 },
    { name: '空格分组（domain.md 写法 1 234.50）', text: '1 234.50', fen: 123450 },
    { name: '细空格分组', text: '1\u2009234.50', fen: 123450 },
    { name: '全角数字和逗号', text: '１，２３４．５０', fen: 123450 },
    { name: '省略整数部分 .5', text: '.5', fen: 50 },
    { name: '小数点结尾 5.', text: '5.', fen: 500 },
    { name: '零', text: '0', fen: 0 },
    { name: '前导零', text: '007.10', fen: 710 },
    { name: '多余的尾随零可以接受', text: '1.230', fen: 123 },
    { name: '上限 99,999,999.99', text: '99,999,999.99', fen: 9999999999 },
    { name: '人民币前缀', text: '人民币800.00元', fen: 80000 },
  ])('$name', ({ text, fen }) => {
    expect(parseYuan(text)).toBe(fen)
  })

  it.each([
    { name: '空字符串', text: '', msg: '请输入金额' },
    { name: '只有空格', text: '   ', msg: '请输入金额' },
    { name: '只有单位', text: '元', msg: '请输入金额' },
    { name: '负数', text: '-12.00', msg: '金额不能为负数' },
    { name: '¥后负数', text: '¥-12.00', msg: '金额不能为负数' },
    { name: '三位小数', text: '1.234', msg: '金额最多两位小数' },
    { name: '五厘', text: '0.005', msg: '金额最多两位小数' },
    { name: '非数字', text: 'abc', msg: /金额格式不正确/ },
    { name: '两个小数点', text: '1.2.3', msg: /金额格式不正确/ },
    { name: '千分位位置错误', text: '12,34.00', msg: /金额格式不正确/ },
    { name: '只有小数点', text: '.', msg: /金额格式不正确/ },
    { name: '科学计数法', text: '1e5', msg: /金额格式不正确/ },
    { name: '超过上限一分', text: '100,000,000.00', msg: '金额过大（超过 99,999,999.99 元），请核对' },
    { name: '极大数字', text: '123456789012345678901234567890', msg: '金额过大（超过 99,999,999.99 元），请核对' },
  ])('拒绝：$name', ({ text, msg }) => {
    expect(() => parseYuan(text)).toThrow(MoneyError)
    expect(() => parseYuan(text)).toThrow(msg)
  })

  it.each([
    { name: '允许负数', text: '-1,234.50', fen: -123450 },
    { name: '允许负数 ¥前负号', text: '-¥0.05', fen: -5 },
    { name: '负零为零', text: '-0.00', fen: 0 },
  ])('选项 allowNegative：$name', ({ text, fen }) => {
    expect(parseYuan(text, { allowNegative: true })).toBe(fen)
  })
})

describe('formatYuan 格式化', () => {
  it.each([
    { name: '默认千分位', fen: 123450, opts: undefined, out: '1,234.50' },
    { name: '带符号', fen: 123450, opts: { symbol: true }, out: '¥1,234.50' },
    { name: '负数', fen: -123450, opts: undefined, out: '-1,234.50' },
    { name: '负数带符号', fen: -123450, opts: { symbol: true }, out: '-¥1,234.50' },
    { name: '不分组', fen: 123456789, opts: { grouping: false }, out: '1234567.89' },
    { name: '百万分组', fen: 123456789, opts: undefined, out: '1,234,567.89' },
    { name: '零', fen: 0, opts: undefined, out: '0.00' },
    { name: '五分', fen: 5, opts: undefined, out: '0.05' },
    { name: '一角', fen: 10, opts: undefined, out: '0.10' },
    { name: '整千', fen: 100000, opts: undefined, out: '1,000.00' },
    { name: '999元不加逗号', fen: 99900, opts: undefined, out: '999.00' },
    { name: '100,000.07', fen: 10000007, opts: undefined, out: '100,000.07' },
  ])('$name', ({ fen, opts, out }) => {
    expect(formatYuan(fen, opts)).toBe(out)
  })
  it('非整数分抛错', () => {
    expect(() => formatYuan(1.5)).toThrow(MoneyError)
  })
  it.each([0, 5, 10, 99, 100, 100507, 1050000, 10000007, 9999999999])('与 parseYuan 往返一致：%i', (fen) => {
    expect(parseYuan(formatYuan(fen))).toBe(fen)
    expect(parseYuan(formatYuan(fen, { symbol: true, grouping: false }))).toBe(fen)
  })
})

describe('toChineseUppercase 大写金额（会计基础工作规范）', () => {
  it.each([
    { name: '1,234.50 角后写整', fen: 123450, out: '壹仟贰佰叁拾肆元伍角整' },
    { name: '1,005.07 中间零与零柒分', fen: 100507, out: '壹仟零伍元零柒分' },
    { name: '10,500.00 万后零', fen: 1050000, out: '壹万零伍佰元整' },
    { name: '10.00 写壹拾', fen: 1000, out: '壹拾元整' },
    { name: '100,000.07 元后零柒分', fen: 10000007, out: '壹拾万元零柒分' },
    { name: '0.05 只有分', fen: 5, out: '伍分' },
    { name: '0.00', fen: 0, out: '零元整' },
    { name: '0.10 只有角', fen: 10, out: '壹角整' },
    { name: '0.15 角分', fen: 15, out: '壹角伍分' },
    { name: '1,000,000.00', fen: 100000000, out: '壹佰万元整' },
    { name: '1.00', fen: 100, out: '壹元整' },
    { name: '1.05', fen: 105, out: '壹元零伍分' },
    { name: '10.50 元位为零、角不为零（不写零）', fen: 1050, out: '壹拾元伍角整' },
    { name: '1,680.32（规范示例）', fen: 168032, out: '壹仟陆佰捌拾元叁角贰分' },
    { name: '800.00 低保标准', fen: 80000, out: '捌佰元整' },
    { name: '920.00', fen: 92000, out: '玖佰贰拾元整' },
    { name: '1,001.00 连续零只写一个', fen: 100100, out: '壹仟零壹元整' },
    { name: '100,005.00 跨万位的零', fen: 10000500, out: '壹拾万零伍元整' },
    { name: '1,010,000.00', fen: 101000000, out: '壹佰零壹万元整' },
    { name: '10,001,000.00', fen: 1000100000, out: '壹仟万零壹仟元整' },
    { name: '110,000.00', fen: 11000000, out: '壹拾壹万元整' },
    { name: '12,345,678.90', fen: 1234567890, out: '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整' },
    { name: '上限 99,999,999.99', fen: 9999999999, out: '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分' },
    { name: '一亿元', fen: 10000000000, out: '壹亿元整' },
    { name: '一亿零一元', fen: 10000000100, out: '壹亿零壹元整' },
    { name: '一亿零一万', fen: 10001000000, out: '壹亿零壹万元整' },
    { name: '负数加“负”', fen: -100507, out: '负壹仟零伍元零柒分' },
  ])('$name', ({ fen, out }) => {
    expect(toChineseUppercase(fen)).toBe(out)
  })
  it('非整数分抛错', () => {
    expect(() => toChineseUppercase(0.5)).toThrow(MoneyError)
  })
})

describe('mulDivRound 四舍五入', () => {
  it.each([
    { name: '整除', fen: 80000, num: 3, den: 4, out: 60000 },
    { name: '0.5 向上', fen: 1, num: 1, den: 2, out: 1 },
    { name: '0.4999 舍去', fen: 4999, num: 1, den: 10000, out: 0 },
    { name: '三分之一', fen: 100, num: 1, den: 3, out: 33 },
    { name: '三分之二', fen: 100, num: 2, den: 3, out: 67 },
    { name: '1.5 倍 边缘标准', fen: 80001, num: 3, den: 2, out: 120002 },
    { name: '负数 -0.5 远离零', fen: -1, num: 1, den: 2, out: -1 },
    { name: '负数 -0.4 舍去', fen: -2, num: 1, den: 5, out: 0 },
    { name: '负除数', fen: 5, num: 1, den: -2, out: -3 },
    { name: '大数：0.999999 倍', fen: 9999999999, num: 999999, den: 1000000, out: 9999989999 },
    { name: '乘积超过 2^53 仍精确（浮点会得到 …334）', fen: 9999999999, num: 1000001, den: 3, out: 3333336666333333 },
    { name: '乘积超过 2^53 的 .5 进位（浮点会得到 …498）', fen: 9999999999, num: 1000003, den: 2, out: 5000014999499999 },
    { name: '零', fen: 0, num: 7, den: 3, out: 0 },
  ])('$name', ({ fen, num, den, out }) => {
    expect(mulDivRound(fen, num, den)).toBe(out)
  })
  it.each([
    { name: '除数为0', args: [100, 1, 0] },
    { name: '小数乘数', args: [100, 1.5, 1] },
    { name: '小数金额', args: [100.5, 1, 1] },
  ])('拒绝：$name', ({ args }) => {
    expect(() => mulDivRound(args[0], args[1], args[2])).toThrow(MoneyError)
  })
})

describe('sumFen', () => {
  it('整数求和', () => expect(sumFen([1, 2, 300])).toBe(303))
  it('小数抛错', () => expect(() => sumFen([1, 0.1])).toThrow(MoneyError))
})
