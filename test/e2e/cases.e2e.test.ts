// E2E: one new application taken through every step in the browser, by the people who sign them —
// 经办人 (受理, 入户调查, 核对, 公示), 审核人 (规则核实, 初审意见), 乡镇审核确认人 (审核确认) — with a screenshot
// of each step at 1366×768. Only the starting file and the operators come from the services.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import * as setup from '../../main/services/setup'
import { addVillage } from '../../main/services/villages'
import { createHousehold } from '../../main/services/households'
import { ensureDemoOperators, ensureDemoPolicy, DEMO_OPERATOR_PASSWORD } from '../../main/services/demoCases'
import { makeScanPdf, makeScanPng, rng } from '../../main/services/demo'
import { addDays } from '../../main/domain/dates'
import { localDate } from '../../main/services/clock'
import { threeMemberHousehold } from '../fixtures/core'
import { shot, startE2E, type E2E } from './helpers'

let e: E2E
let page: Page
let householdId = ''
const today = localDate(new Date())
// dates in the past so the 7-day 公示 (even moved past a long holiday) has ended before the decision
const D = { received: addDays(today, -30), invest: addDays(today, -29), records: addDays(today, -28), prelim: addDays(today, -27), noticing: addDays(today, -26), posted: addDays(today, -25), decision: addDays(today, -5), published: addDays(today, -4), closed: addDays(today, -3) }
const dlg = () => page.getByRole('dialog').last()

async function login(user: string) {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()); i++) await page.keyboard.press('Escape')
  if (await page.getByRole('button', { name: /退出登录/ }).isVisible().catch(() => false)) {
    await page.getByRole('button', { name: /退出登录/ }).click()
  }
  await page.getByLabel('登录名').waitFor({ timeout: 15000 })
  await page.getByLabel('登录名').fill(user)
  await page.getByLabel('密码', { exact: true }).fill(DEMO_OPERATOR_PASSWORD)
  await page.getByRole('button', { name: '登录系统' }).click()
  await page.getByTestId('household-search').waitFor({ timeout: 15000 })
}
async function openCases() {
  await page.goto(`${new URL(e.shell.url).origin}/#/households/${householdId}?tab=cases`)
  await page.getByTestId('cases-tab').waitFor({ timeout: 15000 })
}
async function setDate(scope: Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true })
  await input.click()
  await input.fill(value)
  await input.press('Tab') // Enter would submit the dialog; leaving the field commits a valid typed date
  await expect.poll(() => input.inputValue()).toBe(value)
}
async function pickOption(scope: Locator, label: string, text: string) {
  await scope.getByLabel(label, { exact: true }).click()
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first()
  await option.waitFor()
  await option.click()
  // a multi-select keeps its dropdown open: click the dialog title to close it
  if (await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()) await scope.locator('.ant-modal-title').first().click().catch(() => undefined)
  await expect.poll(() => scope.getByLabel(label, { exact: true }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent().catch(() => '')).toContain(text)
}
async function sign(stepLabel: string, date: string, fill?: () => Promise<void>) {
  await page.getByRole('button', { name: `办理：${stepLabel}` }).click()
  await dlg().getByRole('button', { name: '签字确认' }).waitFor()
  if (fill) await fill()
  await setDate(dlg(), '办理日期', date)
  await dlg().getByRole('button', { name: '签字确认' }).click()
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
}
async function current(label: string) {
  await expect.poll(() => page.getByText(`当前：${label}`).first().isVisible(), { timeout: 15000 }).toBe(true)
}
async function upload(kind: string) {
  await page.getByRole('tab', { name: '材料' }).click()
  await page.getByRole('button', { name: '上传材料' }).click()
  await pickOption(dlg(), '材料类别', kind)
  const file = path.join(e.dir, `${kind}.pdf`)
  fs.writeFileSync(file, makeScanPdf(kind))
  await dlg().locator('input[type=file]').setInputFiles(file)
  await dlg().getByRole('button', { name: '开始上传' }).click()
  await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
  await page.getByRole('tab', { name: '案件办理' }).click()
}

beforeAll(async () => {
  e = await startE2E()
  page = e.page
  const r = await setup.init(e.core, { townshipCode: '410721101', townshipName: '小冀镇', countyName: '新乡县', adminUsername: 'admin', adminName: '王管理', adminPassword: 'Admin2026ok' })
  const admin = { operatorId: r.admin.id, username: 'admin', name: '王管理', role: 'admin' as const }
  await addVillage(e.core, admin, { code: '410721101201', name: '东风村' })
  // 经办人 jingban, 审核人 shenhe, 乡镇审核确认人 zhenzhang; 低保标准 (农村 800.00); 乡镇审核确认 delegated
  const ops = await ensureDemoOperators(e.core)
  await ensureDemoPolicy(e.core, admin)
  householdId = (await createHousehold(e.core, ops.handler, threeMemberHousehold())).id
}, 60_000)
afterAll(async () => { await e?.close() })
afterEach(async (ctx) => { if (ctx.task.result?.state === 'fail') await shot(page, `fail-cases-${ctx.task.name.slice(0, 12)}`).catch(() => undefined) })

describe('新申请在界面中办完全程', () => {
  it('经办人：受理新申请，登记申请和承诺书、授权书，缺材料时不能签“受理”', async () => {
    await page.goto(e.shell.url)
    await login('jingban')
    await openCases()
    await page.getByRole('button', { name: '受理新申请' }).click()
    await setDate(dlg(), '收到申请日期', D.received)
    await shot(page, '40-case-open-dialog')
    await dlg().getByRole('button', { name: '确定受理' }).click()
    await current('接收申请')
    // 受理 before the application is registered: the 下一步 says what is missing
    await expect.poll(() => page.getByText('须先登记申请（申请理由、承诺书和授权书签字情况）').first().isVisible()).toBe(true)
    await page.getByRole('button', { name: /申请登记/ }).click()
    await pickOption(dlg(), '申请人', '张三')
    await dlg().getByLabel('申请理由').fill('户主患慢性病，妻子务农，儿子在校，家庭收入低于当地低保标准')
    for (const t of ['承诺书已签字', '授权书已签字', '全体共同生活成员已签字', '已申报近亲属关系']) await dlg().getByText(t, { exact: true }).click()
    await setDate(dlg(), '记录日期', D.received)
    await shot(page, '41-case-application-record')
    await dlg().getByRole('button', { name: '保存记录' }).click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
    await page.getByRole('button', { name: '办理：受理' }).click()
    await setDate(dlg(), '办理日期', D.received)
    await dlg().getByRole('button', { name: '签字确认' }).click()
    await expect.poll(() => page.getByText(/须先上传：申请书、承诺书、授权书/).first().isVisible(), { timeout: 15000 }).toBe(true)
    await shot(page, '42-case-missing-materials')
    await dlg().getByRole('button', { name: /取\s*消/ }).click()
    for (const k of ['申请书', '承诺书', '授权书']) await upload(k)
    await sign('受理', D.received)
    await current('受理')
    await expect.poll(() => page.getByText(/全案办理期限/).first().isVisible()).toBe(true)
    await shot(page, '43-case-accepted')
  })

  it('经办人：入户调查（两名调查人员）和核对报告', async () => {
    await sign('调查核实', D.invest)
    await current('调查核实')
    await page.getByRole('button', { name: /入户调查/ }).first().click()
    await dlg().getByPlaceholder('姓名').nth(0).fill('张丽')
    await dlg().getByPlaceholder('姓名').nth(1).fill('赵村委')
    const roles = dlg().getByPlaceholder(/身份|职务|单位/)
    if (await roles.count()) { await roles.nth(0).fill('乡镇民政办工作人员'); await roles.nth(1).fill('村委会委员') }
    // 在场的家庭成员 defaults to the applicant
    await expect.poll(() => dlg().locator('.ant-select-selection-item').filter({ hasText: '张三' }).count()).toBeGreaterThan(0)
    await dlg().getByLabel('生活状况').fill('住房为自建砖瓦房，家具陈旧，无大额消费品；户主常年服药。')
    // 生活状况核查清单: one finding, with its note (the reviewer will have to clear the warning it raises)
    await dlg().getByRole('button', { name: '登记一项核查发现' }).click()
    await dlg().locator('#caseRecord-homeVisit_checks_0_code').click()
    const opt = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '联系方式变更未告知' }).first()
    await opt.waitFor()
    await opt.click()
    await dlg().getByPlaceholder('说明：原联系方式和核实经过').fill('原登记手机号已停机，已更新为新号码')
    await dlg().getByRole('button', { name: '登记一项核查发现' }).scrollIntoViewIfNeeded()
    await shot(page, '44b-case-home-visit-checks')
    await dlg().getByLabel('调查结论').fill('家庭生活困难，情况属实。')
    await dlg().getByText('调查人员已在入户调查表上签字').click()
    await dlg().getByText('在场的家庭成员已签字确认').click()
    await setDate(dlg(), '记录日期', D.records)
    await shot(page, '44-case-home-visit')
    await dlg().getByRole('button', { name: '保存记录' }).click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
    await page.getByRole('button', { name: /核对报告/ }).first().click()
    await setDate(dlg(), '报告收到日期', D.records)
    await dlg().getByLabel('出具机构').fill('新乡县居民家庭经济状况核对中心')
    await dlg().getByText('一致', { exact: true }).click()
    await dlg().getByLabel('核对结论').fill('未发现车辆、房产和大额存款，核对结果与申报一致。')
    await setDate(dlg(), '记录日期', D.records)
    await dlg().getByRole('button', { name: '保存记录' }).click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
    for (const k of ['入户调查表', '核对报告']) await upload(k)
    await shot(page, '45-case-investigated')
  })

  it('审核人：规则检查、逐条核实提示，签署初审意见（拟同意，附试算）', async () => {
    await login('shenhe')
    await openCases()
    await page.getByRole('button', { name: '重新检查' }).click()
    await page.waitForTimeout(800)
    await expect.poll(() => page.getByTestId('case-flags').getByText('联系方式变更未告知').first().isVisible(), { timeout: 15000 }).toBe(true)
    // clear every open warning with a written reason (none may be left before the 初审)
    const clearButtons = page.getByTestId('case-flags').getByRole('button', { name: '核实', exact: true })
    for (let i = 0; i < 10; i++) {
      // the list reloads after each clearance: wait until it has settled before looking for the next one
      await page.waitForLoadState('networkidle')
      const n = await clearButtons.count()
      if (n === 0) break
      await clearButtons.first().click()
      await dlg().getByLabel('核实意见').fill('经入户调查和核对，情况属实，不影响认定。')
      await shot(page, '46-case-flag-clear')
      await dlg().getByRole('button', { name: /确\s*定|核实|保存/ }).last().click()
      await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
      await expect.poll(() => clearButtons.count(), { timeout: 15000 }).toBeLessThan(n)
    }
    expect(await clearButtons.count()).toBe(0)
    await page.getByRole('button', { name: '办理：初审意见' }).click()
    await dlg().getByText('拟同意', { exact: true }).click()
    await dlg().getByText('A 类').click()
    await expect.poll(() => dlg().getByText('月低保金 = 2,400.00 元').first().isVisible(), { timeout: 15000 }).toBe(true)
    await setDate(dlg(), '办理日期', D.prelim)
    await shot(page, '47-case-preliminary-dialog')
    await dlg().getByRole('button', { name: '签字确认' }).click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
    await current('初审意见')
    await shot(page, '48-case-preliminary-signed')
  })

  it('经办人：初审公示——建公示、登记张贴、上传照片', async () => {
    await login('jingban')
    await openCases()
    await sign('初审公示', D.noticing)
    await current('初审公示')
    await page.getByRole('menuitem', { name: '公示' }).click()
    await page.getByRole('button', { name: '新建公示' }).click()
    await pickOption(dlg(), '公示类型', '初审公示')
    await pickOption(dlg(), '村（社区）', '东风村')
    // 张贴地点 defaults to 村务公开栏; tick the case in the candidate list
    await dlg().locator('tr.ant-table-row').filter({ hasText: '张三' }).locator('.ant-checkbox').first().click()
    await shot(page, '49-notice-create')
    await dlg().getByRole('button', { name: '新建公示（草稿）' }).click()
    await expect.poll(() => page.getByRole('button', { name: '登记张贴' }).isVisible(), { timeout: 15000 }).toBe(true)
    // the whitelist only: 申请人, 保障人数, 拟保障金额 — never an ID number
    await expect.poll(() => page.getByRole('cell', { name: '张三' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('cell', { name: '2,400.00' }).isVisible()).toBe(true)
    expect(await page.locator('main, #app-content').first().textContent()).not.toMatch(/4107211968/)
    await page.getByRole('button', { name: '登记张贴' }).click()
    await setDate(dlg(), '张贴日期', D.posted)
    await dlg().getByRole('button', { name: '登记张贴' }).click()
    await page.waitForTimeout(800)
    if (await page.getByRole('dialog').count()) await page.getByRole('dialog').getByRole('button', { name: /知道了|确\s*定|OK/ }).first().click().catch(() => undefined)
    await expect.poll(() => page.getByRole('button', { name: '上传张贴照片' }).isVisible(), { timeout: 15000 }).toBe(true)
    await page.getByRole('button', { name: '上传张贴照片' }).click()
    await setDate(dlg(), '拍摄日期', D.posted)
    const img = path.join(e.dir, '公示张贴照片.png')
    fs.writeFileSync(img, makeScanPng(rng(3), 320, 240))
    await dlg().locator('input[type=file]').setInputFiles(img)
    await dlg().getByRole('button', { name: '上传照片' }).click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
    await shot(page, '50-notice-posted')
  })

  it('乡镇审核确认人：公示期满后审核确认、确认纳入，金额和起始月存档', async () => {
    await login('zhenzhang')
    await openCases()
    await sign('乡镇审核确认', D.decision)
    await current('乡镇审核确认')
    await page.getByRole('button', { name: '办理：确认纳入低保' }).click()
    await expect.poll(() => dlg().getByText(/符合收入条件：月低保金\s*2,400.00 元/).first().isVisible(), { timeout: 15000 }).toBe(true)
    await setDate(dlg(), '办理日期', D.decision)
    await shot(page, '51-case-decision-dialog')
    await dlg().getByRole('button', { name: '签字确认' }).click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
    await current('确认纳入低保')
    await expect.poll(() => page.getByText('2,400.00').first().isVisible()).toBe(true)
    await shot(page, '52-case-approved')
    const h = await e.core.db.selectFrom('household').select(['status', 'benefit_fen', 'recheck_class']).where('id', '=', householdId).executeTakeFirstOrThrow()
    expect(h).toEqual({ status: 'active', benefit_fen: 240000, recheck_class: 'A' })
  })

  it('经办人：公布、办结；待办清空，办理经过逐步留痕', async () => {
    await login('jingban')
    await openCases()
    await sign('公布', D.published)
    await sign('办结', D.closed)
    await expect.poll(() => page.getByText(/已办结/).first().isVisible(), { timeout: 15000 }).toBe(true)
    const steps = await e.core.db.selectFrom('case_step').select(['kind', 'signer_name']).orderBy('seq').execute()
    expect(steps.map((s) => s.kind)).toEqual(['received', 'accepted', 'investigating', 'preliminary', 'noticing', 'townshipDecision', 'approved', 'published', 'closed'])
    expect(steps.find((s) => s.kind === 'preliminary')!.signer_name).toMatch(/shenhe/)
    expect(steps.find((s) => s.kind === 'approved')!.signer_name).toMatch(/zhenzhang/)
    await shot(page, '53-case-closed')
    await page.getByRole('menuitem', { name: '待办案件' }).click()
    await expect.poll(() => page.getByTestId('todo-total').textContent(), { timeout: 10000 }).toMatch(/共 0 件/)
  })

  it('审核人：发放被退回时暂停发放（写明原因），档案状态为暂停发放，可办理恢复', async () => {
    await login('shenhe')
    await openCases()
    await page.getByRole('button', { name: '暂停发放' }).click()
    await dlg().getByText('发放退回（账户异常、销户等）').click()
    await dlg().getByLabel('具体情况').fill('12月低保金被银行退回，原账户已销户；已电话通知户主更换账户')
    await shot(page, '54-benefit-suspend-dialog')
    await dlg().getByRole('button', { name: '签字暂停' }).click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15000 }).toBe(0)
    await expect.poll(() => page.getByTestId('household-header').locator('.ant-tag').filter({ hasText: '暂停发放' }).first().isVisible(), { timeout: 15000 }).toBe(true)
    await expect.poll(() => page.getByRole('button', { name: '暂停发放' }).count()).toBe(0)
    await shot(page, '55-benefit-suspended')
    const h = await e.core.db.selectFrom('household').select(['status', 'benefit_fen']).where('id', '=', householdId).executeTakeFirstOrThrow()
    expect(h).toEqual({ status: 'suspended', benefit_fen: 240000 })
  })

  it('没有页面错误、控制台错误或失败的请求（业务拒绝除外）', () => {
    expect(e.errors.filter((x) => !/HTTP 4\d\d .*\/api\/cases\.advance/.test(x))).toEqual([])
  })
})
