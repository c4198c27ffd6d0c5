import { describe, expect, it } from 'vitest'
import * as codes from '../../main/domain/codes'
import { codeByName, codeName, codesOf, isCode, type Code } from '../../main/domain/codes'

const tables: { name: string; table: Code[]; size: number }[] = [
  { name: '与户主关系 GB/T 4761-2008', table: codes.RELATIONS, size: 84 },
  { name: '民族 GB 3304-91（56个民族 + 97/98）', table: codes.ETHNICITIES, size: 58 },
  { name: '性别 GB/T 2261.1', table: codes.GENDERS, size: 4 },
  { name: '婚姻状况 GB/T 2261.2-2003', table: codes.MARITAL, size: 8 },
  { name: '健康状况', table: codes.HEALTH, size: 3 },
  { name: '劳动能力', table: codes.LABOUR, size: 3 },
  { name: '就业状况', table: codes.EMPLOYMENT, size: 9 },
  { name: '文化程度', table: codes.SCHOOLING, size: 7 },
  { name: '收入类别', table: codes.INCOME_KINDS, size: 5 },
  { name: '财产类别', table: codes.ASSET_KINDS, size: 16 },
  { name: '低保类别', table: codes.HOUSEHOLD_CATEGORIES, size: 2 },
  { name: '户状态', table: codes.HOUSEHOLD_STATUSES, size: 6 },
  { name: '致贫原因', table: codes.POVERTY_CAUSES, size: 11 },
  { name: '附件类别', table: codes.ATTACHMENT_KINDS, size: 12 },
  { name: '义务人关系', table: codes.OBLIGOR_RELATIONS, size: 6 },
]

describe('代码表结构', () => {
  it.each(tables)('$name：条目数正确、代码与名称均不重复且非空', ({ table, size }) => {
    expect(table.length).toBe(size)
    expect(new Set(table.map((c) => c.code)).size).toBe(size)
    expect(new Set(table.map((c) => c.name)).size).toBe(size)
    for (const c of table) {
      expect(c.code).not.toBe('')
      expect(c.name).not.toBe('')
    }
  })
})

describe('代码表内容（domain.md §13.4）', () => {
  it.each([
    { name: '01 本人', table: codes.RELATIONS, code: '01', label: '本人' },
    { name: '02 户主', table: codes.RELATIONS, code: '02', label: '户主' },
    { name: '10 配偶', table: codes.RELATIONS, code: '10', label: '配偶' },
    { name: '11 夫', table: codes.RELATIONS, code: '11', label: '夫' },
    { name: '12 妻', table: codes.RELATIONS, code: '12', label: '妻' },
    { name: '24 三子', table: codes.RELATIONS, code: '24', label: '三子' },
    { name: '28 女婿', table: codes.RELATIONS, code: '28', label: '女婿' },
    { name: '36 五女', table: codes.RELATIONS, code: '36', label: '五女' },
    { name: '38 儿媳', table: codes.RELATIONS, code: '38', label: '儿媳' },
    { name: '49 其他孙辈', table: codes.RELATIONS, code: '49', label: '其他孙子、孙女、外孙子、外孙女' },
    { name: '52 母亲', table: codes.RELATIONS, code: '52', label: '母亲' },
    { name: '68 配偶的曾祖父母', table: codes.RELATIONS, code: '68', label: '配偶的曾祖父母/外曾祖父母' },
    { name: '78 妹夫', table: codes.RELATIONS, code: '78', label: '妹夫' },
    { name: '91 堂兄弟/堂姐妹', table: codes.RELATIONS, code: '91', label: '堂兄弟/堂姐妹' },
    { name: '97 其他亲属', table: codes.RELATIONS, code: '97', label: '其他亲属' },
    { name: '99 非亲属', table: codes.RELATIONS, code: '99', label: '非亲属' },
    { name: '民族01 汉族', table: codes.ETHNICITIES, code: '01', label: '汉族' },
    { name: '民族08 壮族', table: codes.ETHNICITIES, code: '08', label: '壮族' },
    { name: '民族29 柯尔克孜族', table: codes.ETHNICITIES, code: '29', label: '柯尔克孜族' },
    { name: '民族43 乌孜别克族', table: codes.ETHNICITIES, code: '43', label: '乌孜别克族' },
    { name: '民族56 基诺族', table: codes.ETHNICITIES, code: '56', label: '基诺族' },
    { name: '民族97 其他', table: codes.ETHNICITIES, code: '97', label: '其他' },
    { name: '民族98 外国血统', table: codes.ETHNICITIES, code: '98', label: '外国血统' },
    { name: '性别0', table: codes.GENDERS, code: '0', label: '未知的性别' },
    { name: '性别1', table: codes.GENDERS, code: '1', label: '男' },
    { name: '性别2', table: codes.GENDERS, code: '2', label: '女' },
    { name: '性别9', table: codes.GENDERS, code: '9', label: '未说明的性别' },
    { name: '婚姻23 复婚', table: codes.MARITAL, code: '23', label: '复婚' },
    { name: '婚姻90', table: codes.MARITAL, code: '90', label: '未说明的婚姻状况' },
    { name: '登记失业', table: codes.EMPLOYMENT, code: 'registeredUnemployed', label: '登记失业' },
    { name: '高中/中职', table: codes.SCHOOLING, code: 'senior', label: '高中/中职' },
    { name: '转移净收入', table: codes.INCOME_KINDS, code: 'transfer', label: '转移净收入' },
    { name: '支付机构余额', table: codes.ASSET_KINDS, code: 'paymentBalance', label: '支付机构余额' },
    { name: '渐退期', table: codes.HOUSEHOLD_STATUSES, code: 'phaseOut', label: '渐退期' },
    { name: '缺乏劳动力', table: codes.POVERTY_CAUSES, code: 'lackLabour', label: '缺乏劳动力' },
    { name: '核对报告', table: codes.ATTACHMENT_KINDS, code: 'checkReport', label: '核对报告' },
    { name: '配偶（离异扶养）', table: codes.OBLIGOR_RELATIONS, code: 'spouse', label: '配偶（离异扶养）' },
  ])('$name', ({ table, code, label }) => {
    expect(codeName(table, code)).toBe(label)
  })

  it('关系代码按 GB/T 4761 分组：每组的“x0”类目存在，98 不存在', () => {
    for (const g of ['10', '20', '30', '40', '50', '60', '70', '80']) expect(isCode(codes.RELATIONS, g)).toBe(true)
    expect(isCode(codes.RELATIONS, '98')).toBe(false)
    expect(codes.RELATIONS.map((c) => c.code)).toEqual([...codes.RELATIONS.map((c) => c.code)].sort())
  })
  it('民族代码 01–56 连续', () => {
    expect(codes.ETHNICITIES.slice(0, 56).map((c) => c.code)).toEqual(
      Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')),
    )
    for (const c of codes.ETHNICITIES.slice(0, 56)) expect(c.name.endsWith('族')).toBe(true)
  })
  it('户状态顺序', () => {
    expect(codes.HOUSEHOLD_STATUSES.map((c) => c.code)).toEqual(['applying', 'active', 'suspended', 'phaseOut', 'stopped', 'archived'])
  })
})

describe('PROVINCES', () => {
  it.each([
    { name: '北京', code: '11', label: '北京市' },
    { name: '内蒙古', code: '15', label: '内蒙古自治区' },
    { name: '广西', code: '45', label: '广西壮族自治区' },
    { name: '重庆', code: '50', label: '重庆市' },
    { name: '西藏', code: '54', label: '西藏自治区' },
    { name: '新疆', code: '65', label: '新疆维吾尔自治区' },
    { name: '台湾', code: '71', label: '台湾省' },
    { name: '香港', code: '81', label: '香港特别行政区' },
    { name: '澳门', code: '82', label: '澳门特别行政区' },
    { name: '83', code: '83', label: '台湾居民居住证（83）' },
  ])('$name', ({ code, label }) => {
    expect(codes.PROVINCES[code]).toBe(label)
  })
  it('共35个省级代码，与身份证号省级白名单一致', () => {
    expect(Object.keys(codes.PROVINCES).sort()).toEqual(
      ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83'],
    )
  })
})

describe('codeName / isCode / codeByName / codesOf', () => {
  it.each([
    { name: '未知代码返回空串', code: 'xx', out: '' },
    { name: 'null 返回空串', code: null, out: '' },
    { name: 'undefined 返回空串', code: undefined, out: '' },
    { name: '空串返回空串', code: '', out: '' },
    { name: '已知代码', code: 'serious', out: '重病' },
  ])('codeName：$name', ({ code, out }) => {
    expect(codeName(codes.HEALTH, code)).toBe(out)
  })
  it('isCode', () => {
    expect(isCode(codes.LABOUR, 'partial')).toBe(true)
    expect(isCode(codes.LABOUR, '部分丧失劳动能力')).toBe(false)
    expect(isCode(codes.LABOUR, '')).toBe(false)
  })
  it('codeByName', () => {
    expect(codeByName(codes.ETHNICITIES, ' 回族 ')).toBe('03')
    expect(codeByName(codes.ETHNICITIES, '火星族')).toBeNull()
  })
  it('codesOf', () => {
    expect(codesOf(codes.HOUSEHOLD_CATEGORIES)).toEqual(['urban', 'rural'])
    expect(() => codesOf([])).toThrow()
  })
})
