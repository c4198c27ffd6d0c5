import { describe, expect, it } from 'vitest'
import {
  checkCountyCode,
  checkPhone,
  checkTownshipCode,
  checkVillageCode,
  PHONE_ERROR,
  villageInTownship,
} from '../../main/domain/validate'

const VILLAGE_ERR = '村（社区）代码应为12位数字（统计用区划代码）'
const TOWNSHIP_ERR = '乡镇（街道）代码应为9位数字（统计用区划代码前9位）'

describe('checkVillageCode', () => {
  it.each([
    { name: '12位数字', code: '410721100201', out: null },
    { name: '11位', code: '41072110020', out: VILLAGE_ERR },
    { name: '13位', code: '4107211002011', out: VILLAGE_ERR },
    { name: '含字母', code: '41072110020A', out: VILLAGE_ERR },
    { name: '含空格', code: '410721 100201', out: VILLAGE_ERR },
    { name: '空串', code: '', out: VILLAGE_ERR },
    { name: '全角数字不接受', code: '４１０７２１１００２０１', out: VILLAGE_ERR },
  ])('$name', ({ code, out }) => {
    expect(checkVillageCode(code)).toBe(out)
  })
})

describe('checkTownshipCode', () => {
  it.each([
    { name: '9位数字', code: '410721100', out: null },
    { name: '6位县级代码', code: '410721', out: TOWNSHIP_ERR },
    { name: '12位村级代码', code: '410721100201', out: TOWNSHIP_ERR },
    { name: '含字母', code: '41072110x', out: TOWNSHIP_ERR },
  ])('$name', ({ code, out }) => {
    expect(checkTownshipCode(code)).toBe(out)
  })
})

describe('checkCountyCode / villageInTownship', () => {
  it('县级6位', () => {
    expect(checkCountyCode('410721')).toBeNull()
    expect(checkCountyCode('41072')).not.toBeNull()
  })
  it.each([
    { name: '村属于乡镇', v: '410721100201', t: '410721100', out: true },
    { name: '村不属于乡镇', v: '410721101201', t: '410721100', out: false },
    { name: '代码无效', v: '4107211002', t: '410721100', out: false },
  ])('$name', ({ v, t, out }) => {
    expect(villageInTownship(v, t)).toBe(out)
  })
})

describe('checkPhone', () => {
  it.each([
    { name: '手机 138', p: '13812345678', ok: true },
    { name: '手机 199', p: '19912345678', ok: true },
    { name: '手机 166', p: '16612345678', ok: true },
    { name: '固话 四位区号八位号码', p: '0371-12345678', ok: true },
    { name: '固话 三位区号八位号码', p: '010-12345678', ok: true },
    { name: '固话 四位区号七位号码', p: '0391-1234567', ok: true },
    { name: '固话带分机', p: '0371-12345678-801', ok: true },
    { name: '手机 12 开头', p: '12812345678', ok: false },
    { name: '手机 10位', p: '1381234567', ok: false },
    { name: '手机 12位', p: '138123456789', ok: false },
    { name: '固话无连字符', p: '037112345678', ok: false },
    { name: '固话区号不以0开头', p: '371-12345678', ok: false },
    { name: '固话号码6位', p: '0371-123456', ok: false },
    { name: '带空格', p: '138 1234 5678', ok: false },
    { name: '+86前缀', p: '+8613812345678', ok: false },
    { name: '空串', p: '', ok: false },
    { name: '热线 12349 不是个人电话', p: '12349', ok: false },
  ])('$name', ({ p, ok }) => {
    expect(checkPhone(p)).toBe(ok ? null : PHONE_ERROR)
  })
})
