// Operators, roles and attachments through dispatch (the path every door takes).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import { dispatch } from '../../main/api/dispatch'
import { newSession, type Session } from '../../main/api/session'
import { makeScanPng, makeScanPdf, rng } from '../../main/services/demo'
import { attachmentPath } from '../../main/services/attachments'
import { newTestCore, threeMemberHousehold, ADMIN_PASSWORD, type TestCore } from '../fixtures/core'

let t: TestCore
let admin: Session
const call = async (s: Session, method: string, input: unknown) => dispatch(t.core, s, method, input)
const ok = async <T = any>(s: Session, method: string, input: unknown): Promise<T> => {
  const r = await call(s, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as T
}
const fail = async (s: Session, method: string, input: unknown) => {
  const r = await call(s, method, input)
  expect(r.ok, `${method} 应当失败`).toBe(false)
  return (r as { error: { code: string; message: string; fields?: Record<string, string> } }).error
}

beforeEach(async () => {
  t = await newTestCore()
  admin = newSession()
  await ok(admin, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })
})
afterEach(async () => { await t.cleanup() })

describe('初始设置与登录', () => {
  it('初始化后不能再次初始化；未初始化时要求先设置', async () => {
    const e = await fail(newSession(), 'setup.init', { townshipCode: '410721101', townshipName: '小冀镇', countyName: '新乡县', adminUsername: 'boss', adminName: '李', adminPassword: 'Passw0rd99' })
    expect(e.code).toBe('ALREADY_INITIALIZED')
    const fresh = await newTestCore({ init: false })
    try {
      expect(await dispatch(fresh.core, newSession(), 'setup.status', {})).toMatchObject({ ok: true, value: { initialized: false } })
      const weak = await dispatch(fresh.core, newSession(), 'setup.init', { townshipCode: '41072110', townshipName: '小冀镇', countyName: '新乡县', adminUsername: 'admin', adminName: '李', adminPassword: 'password' })
      expect(weak.ok).toBe(false)
      expect((weak as any).error.fields).toMatchObject({ townshipCode: expect.stringMatching(/9位/), adminPassword: expect.stringMatching(/字母和数字/) })
    } finally { await fresh.cleanup() }
  })

  it('连续输错5次锁定账号', async () => {
    for (let i = 0; i < 5; i++) expect((await fail(newSession(), 'auth.login', { username: 'admin', password: 'wrong' })).message).toBe('登录名或密码不正确')
    expect((await fail(newSession(), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).code).toBe('LOCKED')
  })

  it('管理员新建操作员：首次登录必须改密码；只读账号不能写', async () => {
    await ok(admin, 'operators.create', { username: 'reader', name: '赵只读', role: 'readonly', password: 'Temp2026pw' })
    const s = newSession()
    const me = await ok(s, 'auth.login', { username: 'reader', password: 'Temp2026pw' })
    expect(me.mustChangePassword).toBe(true)
    expect((await fail(s, 'households.search', {})).message).toMatch(/请先修改密码/)
    expect((await fail(s, 'auth.changePassword', { oldPassword: 'Temp2026pw', newPassword: 'short' })).fields?.newPassword).toMatch(/至少8位/)
    await ok(s, 'auth.changePassword', { oldPassword: 'Temp2026pw', newPassword: 'Reader2026ok' })
    expect((await ok(s, 'households.search', {})).total).toBe(0)
    expect((await fail(s, 'households.create', threeMemberHousehold())).message).toMatch(/只读账号不能修改档案/)
    expect((await fail(s, 'operators.list', {})).message).toBe('此操作仅限管理员')
  })

  it('不能停用最后一名管理员', async () => {
    const me = await ok(admin, 'auth.me', {})
    expect((await fail(admin, 'operators.update', { id: me.id, active: false })).message).toMatch(/不能停用自己/)
  })
})

describe('附件材料', () => {
  it('上传扫描件按 SM3 内容寻址保存，可读回，重复内容只存一份', async () => {
    const { id } = await ok(admin, 'households.create', threeMemberHousehold())
    const png = makeScanPng(rng(3), 200, 280)
    const a = await ok(admin, 'attachments.upload', { householdId: id, docKind: 'housingPhoto', originalName: '住房照片.png', dataBase64: png.toString('base64') })
    expect(a.mime).toBe('image/png')
    expect(a.sm3).toMatch(/^[0-9a-f]{64}$/)
    expect(fs.readFileSync(attachmentPath(t.dir, a.sm3)).equals(png)).toBe(true)
    const b = await ok(admin, 'attachments.upload', { householdId: id, docKind: 'other', originalName: '副本.png', dataBase64: png.toString('base64') })
    expect(b.sm3).toBe(a.sm3)
    expect(fs.readdirSync(path.dirname(attachmentPath(t.dir, a.sm3))).filter((f) => !f.endsWith('.tmp'))).toHaveLength(1)
    const pdf = await ok(admin, 'attachments.upload', { householdId: id, docKind: 'checkReport', originalName: '核对报告.pdf', dataBase64: makeScanPdf('report').toString('base64') })
    expect(pdf.mime).toBe('application/pdf')
    const back = await ok(admin, 'attachments.read', { id: a.id })
    expect(Buffer.from(back.dataBase64, 'base64').equals(png)).toBe(true)
    const file = await ok(admin, 'households.get', { id })
    expect(file.attachments).toHaveLength(3)
    await ok(admin, 'attachments.remove', { id: b.id, reason: '重复上传' })
    expect((await ok(admin, 'households.get', { id })).attachments).toHaveLength(2)
    const tl = await ok(admin, 'households.timeline', { id })
    expect(tl.map((e: { summary: string }) => e.summary).join('\n')).toMatch(/撤下材料“副本.png”：重复上传/)
  })

  it('拒绝非图片/PDF 和空文件；被改动的文件读取时报错', async () => {
    const { id } = await ok(admin, 'households.create', threeMemberHousehold())
    expect((await fail(admin, 'attachments.upload', { householdId: id, docKind: 'other', originalName: 'a.exe', dataBase64: Buffer.from('MZ\x90\x00hello').toString('base64') })).message).toMatch(/不是可识别的图片或 PDF/)
    const a = await ok(admin, 'attachments.upload', { householdId: id, docKind: 'other', originalName: 'a.pdf', dataBase64: makeScanPdf('x').toString('base64') })
    fs.appendFileSync(attachmentPath(t.dir, a.sm3), 'tamper')
    expect((await fail(admin, 'attachments.read', { id: a.id })).message).toMatch(/已损坏或被改动/)
  })
})
