// E2E through the browser shell: first-run setup, login, a village, a three-member household,
// search by pinyin initials, upload an attachment, the timeline. Screenshots at 1366×768.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { makeScanPng, rng } from '../../main/services/demo'
import { testId } from '../fixtures/core'
import { shot, startE2E, type E2E } from './helpers'

let e: E2E
let page: Page
const ids = { head: testId('1966-05-12', 'male'), wife: testId('1968-02-03', 'female'), son: testId('2011-07-21', 'male') }

async function pick(scope: Page | Locator, label: string, text: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click()
  await page.keyboard.type(text)
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click()
}

beforeAll(async () => { e = await startE2E(); page = e.page })
afterAll(async () => { await e?.close() })

describe('一户一档：从首次运行到变更记录', () => {
  it('首次运行：填写乡镇信息并创建管理员', async () => {
    await page.goto(e.shell.url)
    await expect.poll(() => page.getByText('首次运行：初始设置').isVisible()).toBe(true)
    await shot(page, '01-setup')
    await page.getByLabel('县（市、区）名称').fill('新乡县')
    await page.getByLabel('乡镇（街道）名称').fill('小冀镇')
    await page.getByLabel('乡镇代码').fill('410721101')
    await page.getByLabel('登录名').fill('wangli')
    await page.getByLabel('姓名', { exact: true }).fill('王力')
    await page.getByLabel('密码', { exact: true }).fill('Xiaoji2026')
    await page.getByLabel('确认密码').fill('Xiaoji2026')
    await page.getByRole('button', { name: '完成初始设置' }).click()
    await expect.poll(() => page.getByRole('button', { name: '登录系统' }).isVisible(), { timeout: 15000 }).toBe(true)
  })

  it('登录：错误密码给出中文提示，正确密码进入工作台', async () => {
    await page.getByLabel('登录名').fill('wangli')
    await page.getByLabel('密码', { exact: true }).fill('wrong-pass1')
    await page.getByRole('button', { name: '登录系统' }).click()
    await expect.poll(() => page.getByText('登录名或密码不正确').first().isVisible()).toBe(true)
    await shot(page, '02-login-error')
    await page.getByLabel('密码', { exact: true }).fill('Xiaoji2026')
    await page.getByRole('button', { name: '登录系统' }).click()
    await expect.poll(() => page.getByTestId('household-search').isVisible(), { timeout: 15000 }).toBe(true)
    await expect.poll(() => page.getByText('新乡县小冀镇').first().isVisible()).toBe(true)
    await shot(page, '03-households-empty')
  })

  it('管理员添加村', async () => {
    await page.goto(`${new URL(e.shell.url).origin}/#/settings/villages`)
    await page.getByRole('button', { name: '新增村（社区）' }).click()
    const dlg = page.getByRole('dialog')
    await dlg.getByLabel('村（社区）代码').fill('410721101201')
    await dlg.getByLabel('名称').fill('东风村')
    await shot(page, '04-village-create')
    await dlg.getByRole('button', { name: '确定新增' }).click()
    await expect.poll(() => page.getByRole('cell', { name: '东风村' }).isVisible()).toBe(true)
    await shot(page, '05-villages')
  })

  it('新建三口之家：身份证号即时校验，保存后打开一户一档', async () => {
    await page.goto(`${new URL(e.shell.url).origin}/#/households/new`)
    await pick(page, '村（社区）', '东风村')
    await page.getByLabel('组', { exact: true }).fill('3组')
    await page.getByLabel('现住址').fill('东风村3组12号')
    await pick(page, '低保类别', '农村低保')
    const row = (i: number) => page.getByTestId(`member-row-${i}`)
    await row(0).getByLabel('姓名').fill('张三')
    await row(0).getByLabel('公民身份号码').fill(ids.head.slice(0, 17) + (ids.head.endsWith('0') ? '1' : '0'))
    await expect.poll(() => row(0).getByText(/第18位校验码应为/).isVisible()).toBe(true)
    await shot(page, '06-create-id-error')
    await row(0).getByLabel('公民身份号码').fill(ids.head)
    await expect.poll(() => row(0).getByText(/校验码/).count()).toBe(0)
    await page.getByTestId('add-member').click()
    await row(1).getByLabel('姓名').fill('李秀英')
    await row(1).getByLabel('公民身份号码').fill(ids.wife)
    await pick(row(1), '与户主关系', '妻')
    await page.getByTestId('add-member').click()
    await row(2).getByLabel('姓名').fill('张小山')
    await row(2).getByLabel('公民身份号码').fill(ids.son)
    await pick(row(2), '与户主关系', '长子')
    await shot(page, '07-create-filled')
    await page.getByTestId('save-household').click()
    await expect.poll(() => page.getByRole('tab', { name: '家庭成员' }).isVisible(), { timeout: 15000 }).toBe(true)
    await expect.poll(() => page.getByText('410721101000001').first().isVisible()).toBe(true)
    for (const n of ['张三', '李秀英', '张小山']) expect(await page.getByRole('cell').filter({ hasText: new RegExp(`^${n}(户主)?$`) }).count()).toBeGreaterThan(0)
    await shot(page, '08-file-members')
  })

  it('按拼音首字母 zhs 找到这一户', async () => {
    await page.goto(`${new URL(e.shell.url).origin}/#/households`)
    await page.getByTestId('household-search').fill('zhs')
    await expect.poll(() => page.getByTestId('household-total').textContent(), { timeout: 10000 }).toBe('共 1 户')
    await expect.poll(() => page.getByTestId('household-row-0').textContent()).toContain('张三')
    await shot(page, '09-search-zhs')
    await page.getByTestId('household-row-0').click()
    await expect.poll(() => page.getByRole('tab', { name: '材料' }).isVisible(), { timeout: 10000 }).toBe(true)
  })

  it('上传扫描件并预览', async () => {
    await page.getByRole('tab', { name: '材料' }).click()
    await page.getByRole('button', { name: '上传材料' }).click()
    const dlg = page.getByRole('dialog')
    await pick(dlg, '材料类别', '住房照片')
    const file = path.join(e.dir, '住房照片.png')
    fs.writeFileSync(file, makeScanPng(rng(5), 300, 420))
    await dlg.locator('input[type=file]').setInputFiles(file)
    await shot(page, '10-upload-dialog')
    await dlg.getByRole('button', { name: '开始上传' }).click()
    await expect.poll(() => page.getByRole('cell', { name: '住房照片.png' }).isVisible(), { timeout: 10000 }).toBe(true)
    await shot(page, '11-attachments')
    const f = await e.core.db.selectFrom('attachment').selectAll().executeTakeFirstOrThrow()
    expect(f.original_name).toBe('住房照片.png')
    expect(f.mime).toBe('image/png')
  })

  it('变更记录显示谁在何时做了什么', async () => {
    await page.getByRole('tab', { name: '变更记录' }).click()
    await expect.poll(() => page.getByText(/新建家庭档案 410721101000001/).isVisible(), { timeout: 10000 }).toBe(true)
    await expect.poll(() => page.getByText(/上传材料“住房照片.png”/).isVisible()).toBe(true)
    expect(await page.getByText('王力（wangli）').count()).toBeGreaterThan(0)
    await shot(page, '12-timeline')
  })

  it('没有页面错误、控制台错误或失败的请求', () => {
    expect(e.errors).toEqual([])
  })
})
