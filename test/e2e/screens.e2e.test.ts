// Every screen on a realistic register (300 demo households): renders at 1366×768 without page
// errors, console errors or failed requests, and a screenshot of each goes to test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateDemo } from '../../main/services/demo'
import { shot, startE2E, type E2E } from './helpers'

let e: E2E
let page: Page
let origin = ''
let richId = ''

beforeAll(async () => {
  e = await startE2E()
  page = e.page
  origin = new URL(e.shell.url).origin
  await generateDemo(e.core, { households: 300, seed: 11, adminPassword: 'Demo2026pass' })
  // a household with incomes, assets, an obligor and an attachment
  const rich = await e.core.db.selectFrom('household').innerJoin('obligor', 'obligor.household_id', 'household.id').innerJoin('asset', 'asset.household_id', 'household.id')
    .innerJoin('attachment', 'attachment.household_id', 'household.id').innerJoin('income', 'income.household_id', 'household.id').select('household.id').executeTakeFirstOrThrow()
  richId = rich.id
  await page.goto(e.shell.url)
  await page.getByLabel('登录名').fill('admin')
  await page.getByLabel('密码', { exact: true }).fill('Demo2026pass')
  await page.getByRole('button', { name: '登录系统' }).click()
  await page.getByTestId('household-search').waitFor({ timeout: 15000 })
})
afterAll(async () => { await e?.close() })

describe('各页面在 1366×768 下正常显示', () => {
  it('家庭档案列表：300 户，分页与筛选', async () => {
    await expect.poll(() => page.getByTestId('household-total').textContent(), { timeout: 10000 }).toMatch(/共 \d+ 户/)
    await shot(page, '20-list-demo')
    await page.getByTestId('household-search').fill('王')
    await expect.poll(() => page.getByTestId('matched-by').textContent()).toContain('姓名')
    await shot(page, '21-list-search-hanzi')
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
    expect(width).toBeLessThanOrEqual(1366)
  })

  it('一户一档的每个标签页', async () => {
    await page.goto(`${origin}/#/households/${richId}`)
    await expect.poll(() => page.getByRole('tab', { name: '家庭成员' }).isVisible(), { timeout: 10000 }).toBe(true)
    await shot(page, '22-file-members')
    for (const [tab, name] of [['收入', '23-file-incomes'], ['财产', '24-file-assets'], ['赡养义务人', '25-file-obligors'], ['材料', '26-file-attachments'], ['变更记录', '27-file-timeline']] as const) {
      await page.getByRole('tab', { name: tab, exact: true }).click()
      await shot(page, name)
    }
    await page.getByRole('tab', { name: '材料', exact: true }).click()
    await page.getByRole('button', { name: '预览材料' }).first().click()
    await expect.poll(() => page.getByRole('dialog').getByRole('img').first().isVisible(), { timeout: 10000 }).toBe(true)
    await shot(page, '28-file-preview')
    await page.getByRole('button', { name: '关闭预览' }).click()
  })

  it('新建档案页、操作员、村（社区）、修改密码', async () => {
    for (const [route, name] of [['/households/new', '29-create-empty'], ['/settings/operators', '30-operators'], ['/settings/villages', '31-villages'], ['/account', '32-account']] as const) {
      await page.goto(`${origin}/#${route}`)
      await page.waitForLoadState('networkidle')
      await shot(page, name)
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(1366)
    }
  })

  it('没有页面错误、控制台错误或失败的请求', () => {
    expect(e.errors).toEqual([])
  })
})
