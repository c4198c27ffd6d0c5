// Every screen on a realistic register (300 demo households): renders at 1366×768 without page
// errors, console errors or failed requests, and a screenshot of each goes to test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateDemo } from '../../main/services/demo'
import { noticePdf } from '../../main/services/printing'
import { shot, startE2E, type E2E, loginDemoAdmin } from './helpers'

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
  await loginDemoAdmin(e)
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

  it('办理程序的各页面：待办、民主评议、公示、复核管理、低保标准与提标、近亲属备案、政策参数（演示数据中各状态的案件）', async () => {
    const meeting = await e.core.db.selectFrom('review_meeting').select('id').executeTakeFirstOrThrow()
    const notice = await e.core.db.selectFrom('notice_batch').innerJoin('objection', 'objection.batch_id', 'notice_batch.id').select('notice_batch.id').executeTakeFirstOrThrow()
    const approved = await e.core.db.selectFrom('dibao_case').innerJoin('case_step', 'case_step.case_id', 'dibao_case.id').select('dibao_case.household_id').where('case_step.kind', '=', 'approved').executeTakeFirstOrThrow()
    const hearing = await e.core.db.selectFrom('dibao_case').select('household_id').where('current_step', '=', 'hearing').executeTakeFirstOrThrow()
    const checkObjection = await e.core.db.selectFrom('dibao_case').select('household_id').where('current_step', '=', 'checkObjection').executeTakeFirstOrThrow()
    const routes: Array<[string, string, string]> = [
      ['/todo', '33-todo', '待办'], [`/meetings`, '34-meetings', '民主评议'], [`/meetings/${meeting.id}`, '35-meeting', '会议'], ['/notices', '36-notices', '公示'],
      [`/notices/${notice.id}`, '37-notice-objection', '异议'], ['/recheck', '38-recheck', '渐退期满待停发'], ['/settings/standards', '39-standards', '低保标准'],
      ['/settings/relatives', '39b-relatives', '近亲属'], ['/settings/policy', '39c-policy', '政策参数'],
      [`/households/${approved.household_id}?tab=cases`, '39d-case-approved', '审核确认结果'], [`/households/${hearing.household_id}?tab=cases`, '39e-case-hearing', '听取'],
      [`/households/${checkObjection.household_id}?tab=cases`, '39f-case-check-objection', '核对结果告知'],
    ]
    for (const [route, name, text] of routes) {
      await page.goto(`${origin}/#${route}`)
      await expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15000 }).toBe(true)
      await page.waitForLoadState('networkidle')
      await shot(page, name)
      expect(Number(await page.evaluate('document.documentElement.scrollWidth')), name).toBeLessThanOrEqual(1366)
    }
    // 打印公示: an unnumbered preview first (nothing registered), then 编号并生成正式文书 (numbered, registered), print or save
    const countDocs = async () => Number((await e.core.db.selectFrom('printed_document').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    const before = await countDocs()
    await page.goto(`${origin}/#/notices/${notice.id}`)
    await page.getByRole('button', { name: '打印公示' }).click()
    const dialog = page.getByRole('dialog').last()
    await expect.poll(() => dialog.locator('iframe[src^="blob:"]').count(), { timeout: 20000 }).toBe(1)
    await expect.poll(() => dialog.getByText('预览稿（未编号').isVisible()).toBe(true)
    expect(await countDocs()).toBe(before)
    await dialog.getByRole('button', { name: /编号并生成正式文书/ }).click()
    await expect.poll(() => dialog.getByTestId('print-docno').textContent(), { timeout: 20000 }).toMatch(/-GS-\d{4}-\d{5}/)
    await expect.poll(() => dialog.getByRole('link', { name: '另存文件' }).getAttribute('download')).toMatch(/^公示-\d{4}-\d{3}-.+公示\.pdf$/)
    expect(await countDocs()).toBe(before + 1)
    await shot(page, '37b-notice-print')
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10000 }).toBe(0)
    // 打印长期公示: the households in payment of a village (or the whole township); the A2 board is tiled over A4 sheets
    await page.goto(`${origin}/#/notices`)
    await page.getByRole('button', { name: '打印长期公示' }).click()
    const lt = page.getByRole('dialog').last()
    await expect.poll(() => lt.locator('iframe[src^="blob:"]').count(), { timeout: 20000 }).toBe(1)
    await lt.getByLabel('纸张').click()
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'A2 大幅' }).click()
    await expect.poll(() => lt.getByText('实际大小（100%）').isVisible(), { timeout: 60000 }).toBe(true)
    await expect.poll(() => lt.locator('iframe[src^="blob:"]').count(), { timeout: 60000 }).toBe(1)
    await lt.getByRole('button', { name: /编号并生成正式文书/ }).click()
    await expect.poll(() => lt.getByTestId('print-docno').textContent(), { timeout: 20000 }).toMatch(/-CQ-/)
    await shot(page, '36b-longterm-print')
    await lt.getByRole('button', { name: '关闭', exact: true }).last().click()
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 10000 }).toBe(0)
    expect((await e.core.db.selectFrom('printed_document').select('paper').where('kind', '=', 'longterm').orderBy('printed_at', 'desc').executeTakeFirstOrThrow()).paper).toBe('A2-tiled')
    // 批量打印: one numbered 长期公示 per village with progress; villages without households in payment are skipped
    await page.getByRole('button', { name: '批量打印各村长期公示' }).click()
    const bd = page.getByRole('dialog').last()
    await bd.getByRole('button', { name: '开始生成' }).click()
    await expect.poll(() => bd.getByRole('button', { name: '合并为一个文件' }).isVisible(), { timeout: 60000 }).toBe(true)
    expect(await bd.getByTestId('batch-results').getByText('已生成').count()).toBeGreaterThan(1)
    await bd.getByRole('button', { name: '合并为一个文件' }).click()
    await expect.poll(() => bd.getByRole('link', { name: '另存合并文件' }).isVisible(), { timeout: 20000 }).toBe(true)
    await shot(page, '36c-batch-print')
    await bd.getByRole('button', { name: '关闭', exact: true }).last().click()
    // the household's documents: 一户一档 archive from the 打印 menu, the case's 文书, and the 打印记录 tab
    await page.goto(`${origin}/#/households/${approved.household_id}?tab=cases`)
    await expect.poll(() => page.getByTestId('case-documents').first().isVisible(), { timeout: 15000 }).toBe(true)
    await page.getByTestId('case-documents').first().getByRole('button', { name: '审核确认表' }).click()
    const rf = page.getByRole('dialog').last()
    await expect.poll(() => rf.locator('iframe[src^="blob:"]').count(), { timeout: 20000 }).toBe(1)
    await shot(page, '59-case-review-form-preview')
    await rf.getByRole('button', { name: '关闭', exact: true }).last().click()
    await page.getByRole('button', { name: /打\s*印/ }).first().click()
    await page.getByRole('menuitem', { name: /一户一档档案/ }).click()
    const ar = page.getByRole('dialog').last()
    await expect.poll(() => ar.locator('iframe[src^="blob:"]').count(), { timeout: 30000 }).toBe(1)
    await ar.getByRole('button', { name: /编号并生成正式文书/ }).click()
    await expect.poll(() => ar.getByTestId('print-docno').textContent(), { timeout: 30000 }).toMatch(/-DA-/)
    await shot(page, '60-archive-print')
    await ar.getByRole('button', { name: '关闭', exact: true }).last().click()
    await page.getByRole('tab', { name: '打印记录' }).click()
    await expect.poll(() => page.getByTestId('print-history').getByText('一户一档').first().isVisible(), { timeout: 15000 }).toBe(true)
    await shot(page, '61-print-history')
    // 文书核验: the QR content of a printed 公示 passes; an altered one is refused with the reason
    const printed = await noticePdf(e.core, null, { batchId: notice.id })
    await page.goto(`${origin}/#/verify`)
    await page.getByLabel('二维码内容').fill(printed.payload)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('verify-result').textContent(), { timeout: 15000 }).toContain(printed.docNo)
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toContain('核验通过')
    await shot(page, '39h-document-verify')
    await page.getByLabel('二维码内容').fill(printed.payload.replace(/\|([0-9a-f]{16})$/, '|0000000000000000'))
    await page.getByRole('button', { name: '核验' }).click()
    await expect.poll(() => page.getByTestId('verify-result').textContent(), { timeout: 15000 }).toContain('签名不符')
    // 录入参数: switching the local list items (exclusion.items) is a checkbox list, all items on by default
    await page.goto(`${origin}/#/settings/policy`)
    await page.getByRole('button', { name: '录入参数' }).click()
    const dlg = page.getByRole('dialog').last()
    await dlg.locator('.ant-select').first().click()
    await page.keyboard.type('启用的清查项目')
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '启用的清查项目' }).first().click()
    await expect.poll(() => dlg.getByText('X13 生活水平明显高于申报（本地核查项）').isVisible(), { timeout: 15000 }).toBe(true)
    await shot(page, '39g-policy-exclusion-items')
    await dlg.getByRole('button', { name: /取\s*消/ }).click()
  })

  it('没有页面错误、控制台错误或失败的请求', () => {
    expect(e.errors).toEqual([])
  })
})
