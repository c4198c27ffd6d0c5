// E2E: a 经办人 opens a case on a household file and signs 受理; missing materials are refused in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import * as setup from '../../main/services/setup'
import { addVillage } from '../../main/services/villages'
import { createOperator } from '../../main/services/operators'
import { createHousehold } from '../../main/services/households'
import { uploadAttachment } from '../../main/services/attachments'
import { makeScanPdf } from '../../main/services/demo'
import { threeMemberHousehold } from '../fixtures/core'
import { shot, startE2E, type E2E } from './helpers'

let e: E2E
let page: Page
let householdId = ''
let handler = { operatorId: '', username: 'zhangjb', name: '张经办', role: 'handler' as const }

beforeAll(async () => {
  e = await startE2E()
  page = e.page
  const r = await setup.init(e.core, { townshipCode: '410721101', townshipName: '小冀镇', countyName: '新乡县', adminUsername: 'admin', adminName: '王管理', adminPassword: 'Admin2026ok' })
  const admin = { operatorId: r.admin.id, username: 'admin', name: '王管理', role: 'admin' as const }
  await addVillage(e.core, admin, { code: '410721101201', name: '东风村' })
  const op = await createOperator(e.core, admin, { username: 'zhangjb', name: '张经办', role: 'handler', password: 'Temp2026pw' })
  handler = { ...handler, operatorId: op.id }
  householdId = (await createHousehold(e.core, handler, threeMemberHousehold())).id
})
afterAll(async () => { await e?.close() })

describe('案件办理（经办人）', () => {
  it('首次登录先改临时密码', async () => {
    await page.goto(e.shell.url)
    await page.getByLabel('登录名').fill('zhangjb')
    await page.getByLabel('密码', { exact: true }).fill('Temp2026pw')
    await page.getByRole('button', { name: '登录系统' }).click()
    await page.getByText('请先修改密码').first().waitFor({ timeout: 15000 })
    await page.getByLabel('原密码').fill('Temp2026pw')
    await page.getByLabel('新密码', { exact: true }).fill('Handler2026')
    await page.getByLabel('确认新密码').fill('Handler2026')
    await shot(page, '40-force-password-change')
    await page.getByRole('button', { name: '保存新密码' }).click()
    await page.getByTestId('household-search').waitFor({ timeout: 15000 })
  })

  it('受理新申请，缺材料时拒绝签“受理”，补齐后签字成功', async () => {
    await page.goto(`${new URL(e.shell.url).origin}/#/households/${householdId}`)
    await page.getByRole('tab', { name: '案件办理' }).click()
    await page.getByRole('button', { name: '受理新申请' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '确定受理' }).click()
    await expect.poll(() => page.getByText('当前：接收申请').isVisible(), { timeout: 10000 }).toBe(true)
    await page.getByRole('button', { name: '办理：受理' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '签字确认' }).click()
    await expect.poll(() => page.getByText(/须上传：申请书、承诺书、授权书/).first().isVisible(), { timeout: 10000 }).toBe(true)
    await shot(page, '41-case-missing-materials')
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消|关闭/ }).first().click().catch(() => page.keyboard.press('Escape'))
    for (const k of ['application', 'pledge', 'consent']) await uploadAttachment(e.core, handler, { householdId, docKind: k, originalName: `${k}.pdf`, dataBase64: makeScanPdf(k).toString('base64') })
    await page.reload()
    await page.getByRole('tab', { name: '案件办理' }).click()
    await page.getByRole('button', { name: '办理：受理' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '签字确认' }).click()
    await expect.poll(() => page.getByText('当前：受理').isVisible(), { timeout: 10000 }).toBe(true)
    expect(await page.getByRole('cell', { name: '张经办（zhangjb）' }).count()).toBe(2)
    await expect.poll(() => page.getByText(/全案办理期限/).isVisible()).toBe(true)
    await shot(page, '42-case-accepted')
  })

  it('待办案件列出本人可办的下一步和期限', async () => {
    await page.getByRole('menuitem', { name: '待办案件' }).click()
    await expect.poll(() => page.getByTestId('todo-total').textContent(), { timeout: 10000 }).toBe('共 1 件')
    expect(await page.getByRole('cell', { name: '调查核实、撤回申请' }).count()).toBe(1)
    await shot(page, '43-todo')
    await page.getByRole('cell', { name: '张三' }).click()
    await expect.poll(() => page.getByRole('tab', { name: '案件办理' }).isVisible(), { timeout: 10000 }).toBe(true)
  })
})
