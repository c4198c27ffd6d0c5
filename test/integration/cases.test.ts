// Cases on a real SQLite file: opening, signed steps, roles and separation, required materials,
// working-day deadlines, append-only steps, the 待办 list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../main/api/errors'
import * as hh from '../../main/services/households'
import * as cases from '../../main/services/cases'
import { createOperator } from '../../main/services/operators'
import { uploadAttachment } from '../../main/services/attachments'
import { readCtx, type Actor } from '../../main/services/context'
import { verifyChain } from '../../main/services/audit'
import { makeScanPdf } from '../../main/services/demo'
import { newTestCore, threeMemberHousehold, type TestCore } from '../fixtures/core'

let t: TestCore
let handler: Actor, reviewer: Actor, householdId: string
const fail = async (p: Promise<unknown>, code: string, text: RegExp) => {
  const e = await p.then(() => null, (x: unknown) => x)
  expect(e).toBeInstanceOf(AppError)
  expect((e as AppError).code).toBe(code)
  expect((e as AppError).messageZh).toMatch(text)
}
const upload = (docKind: string) => uploadAttachment(t.core, handler, { householdId, docKind, originalName: `${docKind}.pdf`, dataBase64: makeScanPdf(docKind).toString('base64') })

beforeEach(async () => {
  t = await newTestCore({ clock: () => new Date('2026-12-02T09:00:00+08:00') })
  const h = await createOperator(t.core, t.admin, { username: 'zhangjb', name: '张经办', role: 'handler', password: 'Handler2026' })
  const r = await createOperator(t.core, t.admin, { username: 'lishenhe', name: '李审核', role: 'reviewer', password: 'Review2026a' })
  handler = { operatorId: h.id, username: h.username, name: h.name, role: 'handler' }
  reviewer = { operatorId: r.id, username: r.username, name: r.name, role: 'reviewer' }
  householdId = (await hh.createHousehold(t.core, handler, threeMemberHousehold())).id
})
afterEach(async () => { await t.cleanup() })

describe('案件办理（全国通用程序，县级确认）', () => {
  it('受理 → 调查 → 初审 → 公示 → 报送，每步签字留痕，期限按工作日计算', async () => {
    let c = await cases.openCase(t.core, handler, { householdId, kind: 'newApplication', origin: 'window', receivedDate: '2026-09-14' })
    expect(c.caseNo).toBe('410721101-2026-00001')
    expect(c.currentStep).toBe('received')
    expect(c.variantId).toBe('national')
    expect(c.next.map((n) => n.kind)).toEqual(['accepted', 'pendingMaterials', 'notAccepted'])

    await fail(cases.advanceCase(t.core, handler, { caseId: c.id, to: 'accepted', date: '2026-09-14' }), 'VALIDATION', /须上传：申请书、承诺书、授权书/)
    for (const k of ['application', 'pledge', 'consent']) await upload(k)
    c = await cases.advanceCase(t.core, handler, { caseId: c.id, to: 'accepted', date: '2026-09-14' })
    expect(c.next.find((n) => n.kind === 'investigating')).toMatchObject({ due: '2026-09-17', overdue: true })
    expect(c.caseDue).toBe('2026-10-30') // 30 WD from 受理 (domain.md §14)

    await fail(cases.advanceCase(t.core, handler, { caseId: c.id, to: 'published', date: '2026-09-15' }), 'VALIDATION', /不能/)
    await fail(cases.advanceCase(t.core, handler, { caseId: c.id, to: 'investigating', date: '2026-09-10' }), 'VALIDATION', /不能早于上一环节（2026-09-14）/)
    c = await cases.advanceCase(t.core, handler, { caseId: c.id, to: 'investigating', date: '2026-09-15' })

    await fail(cases.advanceCase(t.core, handler, { caseId: c.id, to: 'preliminary', date: '2026-09-18' }), 'FORBIDDEN', /应由审核人签字/)
    await fail(cases.advanceCase(t.core, reviewer, { caseId: c.id, to: 'preliminary', date: '2026-09-18' }), 'VALIDATION', /入户调查表、核对报告/)
    await upload('visitForm'); await upload('checkReport')
    c = await cases.advanceCase(t.core, reviewer, { caseId: c.id, to: 'preliminary', date: '2026-09-18' })
    c = await cases.advanceCase(t.core, handler, { caseId: c.id, to: 'noticing', date: '2026-09-18' })
    c = await cases.advanceCase(t.core, handler, { caseId: c.id, version: c.version, to: 'submitted', date: '2026-09-28' })
    // 10 WD from Mon 09-28 across 国庆 (10-01…07 off, Sat 10-10 a make-up workday) → Fri 10-16
    expect(c.next.find((n) => n.kind === 'approved')).toMatchObject({ due: '2026-10-16', roleLabel: expect.stringMatching(/县/) })
    // the county decides through the reply package; no township operator can sign it
    await fail(cases.advanceCase(t.core, reviewer, { caseId: c.id, to: 'approved', date: '2026-09-29' }), 'FORBIDDEN', /应由/)
    await fail(cases.advanceCase(t.core, handler, { caseId: c.id, version: 1, to: 'withdrawn', date: '2026-09-29', reason: '本人撤回' }), 'STALE', /已被其他人办理/)

    expect(c.steps.map((s) => [s.kind, s.signer, s.date])).toEqual([
      ['received', '张经办（zhangjb）', '2026-09-14'], ['accepted', '张经办（zhangjb）', '2026-09-14'], ['investigating', '张经办（zhangjb）', '2026-09-15'],
      ['preliminary', '李审核（lishenhe）', '2026-09-18'], ['noticing', '张经办（zhangjb）', '2026-09-18'], ['submitted', '张经办（zhangjb）', '2026-09-28']
    ])
    const todo = await cases.todo(readCtx(t.core, handler))
    expect(todo).toEqual([expect.objectContaining({ caseNo: c.caseNo, headName: '张三', overdue: true })])
    expect((await verifyChain(t.core.db)).ok).toBe(true)
  })

  it('一户只能有一个在办案件；撤回须写理由并办结案件', async () => {
    const c = await cases.openCase(t.core, handler, { householdId, kind: 'newApplication', origin: 'window', receivedDate: '2026-11-30' })
    await fail(cases.openCase(t.core, handler, { householdId, kind: 'newApplication', origin: 'window', receivedDate: '2026-12-01' }), 'CONFLICT', /已有在办案件 410721101-2026-00001/)
    await fail(cases.advanceCase(t.core, handler, { caseId: c.id, to: 'pendingMaterials', date: '2026-12-03' }), 'VALIDATION', /不能晚于今天/)
    const p = await cases.advanceCase(t.core, handler, { caseId: c.id, to: 'pendingMaterials', date: '2026-12-01' })
    await fail(cases.advanceCase(t.core, handler, { caseId: c.id, to: 'withdrawn', date: '2026-12-02' }), 'VALIDATION', /须写明理由/)
    const w = await cases.advanceCase(t.core, handler, { caseId: p.id, to: 'withdrawn', date: '2026-12-02', reason: '申请人书面撤回申请' })
    expect(w.closedAt).not.toBeNull()
    expect(w.next).toEqual([])
    await cases.openCase(t.core, handler, { householdId, kind: 'newApplication', origin: 'window', receivedDate: '2026-12-02' })
  })

  it('管理员账号不签署程序环节；已签的环节不能修改或删除', async () => {
    await fail(cases.openCase(t.core, t.admin, { householdId, kind: 'newApplication', origin: 'window', receivedDate: '2026-12-01' }), 'FORBIDDEN', /请用经办人或审核人账号/)
    await cases.openCase(t.core, handler, { householdId, kind: 'newApplication', origin: 'window', receivedDate: '2026-12-01' })
    const raw = new BetterSqlite3(path.join(t.dir, 'dibao.sqlite'))
    expect(() => raw.prepare("update case_step set signer_name = 'x'").run()).toThrow(/append-only/)
    expect(() => raw.prepare('delete from case_step').run()).toThrow(/append-only/)
    raw.close()
  })
})
