import { describe, expect, it } from 'vitest'
import { nameMatches, nameSearchKeys, normalizeQuery } from '../../main/domain/pinyin'

/** The search rule: the normalized query is a prefix of some key of the name. */
function matches(name: string, query: string): boolean {
  const q = normalizeQuery(query)
  if (!q) return false
  return nameSearchKeys(name).some((k) => k.startsWith(q.key))
}

describe('nameSearchKeys / 前缀匹配', () => {
  it.each([
    { name: 'zhs 匹配 张三（声母 zh+s）', person: '张三', query: 'zhs', hit: true },
    { name: 'zhs 匹配 张小山（张山 zh+sh）', person: '张小山', query: 'zhs', hit: true },
    { name: 'zs 匹配 张三', person: '张三', query: 'zs', hit: true },
    { name: 'zs 匹配 张小山（跳过中间字）', person: '张小山', query: 'zs', hit: true },
    { name: 'zhangs 匹配 张三', person: '张三', query: 'zhangs', hit: true },
    { name: 'zhangsan 全拼匹配 张三', person: '张三', query: 'zhangsan', hit: true },
    { name: 'zhang san 带空格匹配 张三', person: '张三', query: ' Zhang San ', hit: true },
    { name: "zhang'san 带隔音符匹配 张三", person: '张三', query: "zhang'san", hit: true },
    { name: '小山 汉字匹配 张小山', person: '张小山', query: '小山', hit: true },
    { name: '张小 汉字前缀匹配 张小山', person: '张小山', query: '张小', hit: true },
    { name: '山 汉字匹配 张小山', person: '张小山', query: '山', hit: true },
    { name: 'xs 匹配 张小山', person: '张小山', query: 'xs', hit: true },
    { name: 'zxs 首字母匹配 张小山', person: '张小山', query: 'zxs', hit: true },
    { name: 'zhxsh 声母匹配 张小山', person: '张小山', query: 'zhxsh', hit: true },
    { name: 'zhangxiaoshan 全拼匹配 张小山', person: '张小山', query: 'zhangxiaoshan', hit: true },
    { name: 'xiaoshan 匹配 张小山', person: '张小山', query: 'xiaoshan', hit: true },
    { name: 'shan 匹配 张小山（单字名）', person: '张小山', query: 'shan', hit: true },
    { name: 'zhangxs 姓全拼+名首字母', person: '张小山', query: 'zhangxs', hit: true },
    { name: 'ls 不匹配 张三', person: '张三', query: 'ls', hit: false },
    { name: 'zx 不匹配 张三', person: '张三', query: 'zx', hit: false },
    { name: 'sz 不匹配 张三（顺序不能颠倒）', person: '张三', query: 'sz', hit: false },
    { name: 'zhangx 不匹配 张三', person: '张三', query: 'zhangx', hit: false },
    { name: '小山 不匹配 张三', person: '张三', query: '小山', hit: false },
    { name: '张山 不匹配 张小山（汉字只做连续子串）', person: '张小山', query: '张山', hit: false },
    { name: 'zx 匹配 张小山（以首字母开头的子序列前缀）', person: '张小山', query: 'zx', hit: true },
    { name: '姓氏 单 读 shan', person: '单田芳', query: 'shantf', hit: true },
    { name: '姓氏 单 不读 dan', person: '单田芳', query: 'dantian', hit: false },
    { name: '姓氏 曾 读 zeng', person: '曾国藩', query: 'zenggf', hit: true },
    { name: '姓氏 曾 不读 ceng', person: '曾国藩', query: 'ceng', hit: false },
    { name: '名字中的 单 读 dan', person: '张单', query: 'zhangdan', hit: true },
    { name: '复姓 长孙 读 zhangsun', person: '长孙无忌', query: 'zhangsunwuji', hit: true },
    { name: '姓氏 朴 读 piao', person: '朴槿惠', query: 'piaojh', hit: true },
    { name: '姓氏 仇 读 qiu', person: '仇英', query: 'qiuy', hit: true },
    { name: '吕 的 ü 写作 v', person: '吕布', query: 'lvbu', hit: true },
    { name: '查询中的 ü 转为 v', person: '吕布', query: 'lübu', hit: true },
    { name: '零声母 欧阳', person: '欧阳娜娜', query: 'oynn', hit: true },
    { name: '全角字母查询', person: '张三', query: 'ｚｓ', hit: true },
    { name: '少数民族姓名 间隔号被忽略', person: '阿依古丽·买买提', query: '古丽买买提', hit: true },
    { name: '长名字只索引连续后缀：mmt', person: '阿依古丽·买买提', query: 'mmt', hit: true },
    { name: '长名字不索引跳字子序列：aymmt', person: '阿依古丽·买买提', query: 'aymmt', hit: false },
    { name: '生僻字名 王堃 kun', person: '王堃', query: 'wangkun', hit: true },
    { name: '生僻字名 张喆 zhe', person: '张喆', query: 'zhzh', hit: true },
    { name: '生僻字名 刘䶮 yan', person: '刘䶮', query: 'liuyan', hit: true },
    { name: '扩展B 𠮷 无读音：汉字仍可搜', person: '𠮷野', query: '𠮷野', hit: true },
    { name: '扩展B 𠮷 无读音：拼音跳过它', person: '𠮷野', query: 'ye', hit: true },
  ])('$name', ({ person, query, hit }) => {
    expect(matches(person, query)).toBe(hit)
    expect(nameMatches(person, query)).toBe(hit)
  })

  it('张三 的全部索引键', () => {
    expect(nameSearchKeys('张三').sort()).toEqual(['s', 'san', 'zhangs', 'zhangsan', 'zhs', 'zs', '三', '张三'].sort())
  })
  it('汉字键：张小山 的每个后缀', () => {
    const keys = nameSearchKeys('张小山')
    for (const k of ['张小山', '小山', '山']) expect(keys).toContain(k)
    expect(keys).not.toContain('张小')
  })
  it('键去重且全为小写', () => {
    const keys = nameSearchKeys('李丽丽')
    expect(new Set(keys).size).toBe(keys.length)
    for (const k of keys) expect(k).toBe(k.toLowerCase())
  })
  it.each(['张小山', '诸葛长青', '单曾长', '李丽', '王'])('三字以内名字键数 ≤ 20（以及四字名 ≤ 40）：%s', (n) => {
    const len = Array.from(n).length
    expect(nameSearchKeys(n).length).toBeLessThanOrEqual(len <= 3 ? 20 : 40)
  })
  it('超过6个字只保留连续后缀，键数有界', () => {
    const keys = nameSearchKeys('阿依古丽买买提江')
    expect(keys.length).toBeLessThanOrEqual(8 * 5)
  })
  it.each(['𠮷', '𠮷野', '刘䶮', '王堃', '张喆', '李昇', '陈珺', '赵彧', '𠀀𠀁𠀂', '张𪚥', '〇'])('生僻字不抛错：%s', (n) => {
    expect(() => nameSearchKeys(n)).not.toThrow()
    const keys = nameSearchKeys(n)
    expect(keys.length).toBeGreaterThan(0)
    expect(keys).toContain(n)
  })
  it('全部为无读音字时只有汉字键', () => {
    expect(nameSearchKeys('𠮷').sort()).toEqual(['𠮷'])
  })
  it.each([
    { name: '李昇 sheng', person: '李昇', key: 'lisheng' },
    { name: '陈珺 jun', person: '陈珺', key: 'chenjun' },
    { name: '赵彧 yu', person: '赵彧', key: 'zhaoyu' },
  ])('生僻字读音：$name', ({ person, key }) => {
    expect(nameSearchKeys(person)).toContain(key)
  })
  it('空名字返回空数组', () => {
    expect(nameSearchKeys('')).toEqual([])
    expect(nameSearchKeys('   ')).toEqual([])
  })
})

describe('normalizeQuery', () => {
  it.each([
    { name: '拼音 小写化并去空格', q: '  Zhang San ', out: { kind: 'pinyin', key: 'zhangsan' } },
    { name: '拼音 去隔音符', q: "xi'an", out: { kind: 'pinyin', key: 'xian' } },
    { name: '拼音 去中文右单引号', q: 'xi’an', out: { kind: 'pinyin', key: 'xian' } },
    { name: '拼音 ü → v', q: 'lü', out: { kind: 'pinyin', key: 'lv' } },
    { name: '汉字', q: ' 张 小山 ', out: { kind: 'hanzi', key: '张小山' } },
    { name: '汉字与字母混合按汉字', q: '张s', out: { kind: 'hanzi', key: '张s' } },
    { name: '扩展B 汉字', q: '𠮷', out: { kind: 'hanzi', key: '𠮷' } },
    { name: '纯数字返回 null', q: '410721', out: null },
    { name: '字母数字混合返回 null', q: 'zs1', out: null },
    { name: '空白返回 null', q: '   ', out: null },
    { name: '标点返回 null', q: '？！', out: null },
  ])('$name', ({ q, out }) => {
    expect(normalizeQuery(q)).toEqual(out)
  })
})
