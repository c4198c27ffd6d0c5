// Small pure validators used by zod schemas (`.superRefine`): each returns null when fine,
// otherwise a Chinese message that says what is wrong and what to enter.

export const VILLAGE_CODE_ERROR = '村（社区）代码应为12位数字（统计用区划代码）'
export const TOWNSHIP_CODE_ERROR = '乡镇（街道）代码应为9位数字（统计用区划代码前9位）'
export const COUNTY_CODE_ERROR = '县级区划代码应为6位数字（GB/T 2260）'
export const PHONE_ERROR =
  '电话号码格式不正确：手机号为1开头的11位数字，如 13812345678；固定电话写成“区号-号码”，如 0371-12345678'

/** 统计用区划代码, village (村委会/居委会) level: 12 digits (6 county + 3 township + 3 village). */
export function checkVillageCode(code: string): string | null {
  return typeof code === 'string' && /^\d{12}$/.test(code) ? null : VILLAGE_CODE_ERROR
}

/** 统计用区划代码, township (乡镇/街道) level: 9 digits. */
export function checkTownshipCode(code: string): string | null {
  return typeof code === 'string' && /^\d{9}$/.test(code) ? null : TOWNSHIP_CODE_ERROR
}

/** GB/T 2260 county code: 6 digits. */
export function checkCountyCode(code: string): string | null {
  return typeof code === 'string' && /^\d{6}$/.test(code) ? null : COUNTY_CODE_ERROR
}

/** True when `villageCode` (12 digits) lies in `townshipCode` (9 digits). */
export function villageInTownship(villageCode: string, townshipCode: string): boolean {
  return checkVillageCode(villageCode) === null && checkTownshipCode(townshipCode) === null && villageCode.startsWith(townshipCode)
}

const MOBILE = /^1[3-9]\d{9}$/
// Area code 0 + 2–3 digits (010, 0371), a hyphen, 7–8 digits, optional extension "-123".
const LANDLINE = /^0\d{2,3}-\d{7,8}(?:-\d{1,6})?$/

/** Mobile 1[3-9]xxxxxxxxx, or landline 0xxx-xxxxxxx(x) with an optional "-分机". */
export function checkPhone(p: string): string | null {
  if (typeof p !== 'string') return PHONE_ERROR
  return MOBILE.test(p) || LANDLINE.test(p) ? null : PHONE_ERROR
}
