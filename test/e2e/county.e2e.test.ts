// E2E: 县级安装 — first run as a county install (县民政局), the county layout (only 报送包审核, 数据交换密钥, 操作员),
// registering a township's public key against its sheet's fingerprint, then as the 县级审核确认人: import the
// township's package by its path, open it, sign a sampled case with a two-person 入户核查, return one case with a
// reason, 未抽查案件一并同意, and export the signed reply to a folder; the township applies it (services), and its
// 报送县级 page imports a second reply through the UI — at 1366×768, without page errors, console errors or failed
// requests and without horizontal scrolling.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { openCore } from '../../main/services/core'
import { generateDemo, makeScanPng } from '../../main/services/demo'
import { uploadAttachment } from '../../main/services/attachments'
import { demoAdmin, ensureDemoOperators } from '../../main/services/demoCases'
import { readCtx, type Actor, type Core } from '../../main/services/context'
import { importCountyKey, initKeys, listKeys } from '../../main/services/exchangeKeys'
import { exportSubmission } from '../../main/services/packages'
import { packageReviews } from '../../main/services/county'
import { importReply } from '../../main/services/replies'
import { status } from '../../main/services/setup'
import { createOperator } from '../../main/services/operators'
import { getCase } from '../../main/services/cases'
import { startWebShell, type WebShell } from '../../main/web/server'
import type { CountyReviewView, TownshipView } from '../../main/api/types'
import { tempDir } from '../fixtures/core'
import { ROOT, shot, startE2E, type E2E } from './helpers'

type Opened = Core & { close(): Promise<void> }
let e: E2E
let page: Page
let origin = ''
let town: Opened
let townDir = ''
let usb = ''
let pkgFile = ''
let pemFile = ''
let t: TownshipView
let handler: Actor
let packageId = ''
let townShell: WebShell | null = null
let townCtx: BrowserContext | null = null
let townPage: Page
const townErrors: string[] = []
const TPASS = 'Xiaoji2026!key', CPASS = 'Xinxiang2026!county'
let replyFile = ''
let sampledCase: CountyReviewView
let returnedCase: CountyReviewView

const noHorizontalScroll = async (p: Page, name: string) => expect(Number(await p.evaluate('document.documentElement.scrollWidth')), name).toBeLessThanOrEqual(1366)
const messagesGone = (p: Page = page) => expect.poll(() => p.locator('.ant-message-notice').count(), { timeout: 15000 }).toBe(0)
const drawer = () => page.locator('.ant-drawer-body')
const reviews = () => packageReviews(readCtx(e.core, null), packageId)
const reviewRow = (caseNo: string) => page.getByTestId('review-table').locator('tr.ant-table-row').filter({ hasText: caseNo })

async function login(p: Page, username: string, password: string): Promise<void> {
  await p.getByLabel('登录名').fill(username)
  await p.getByLabel('密码', { exact: true }).fill(password)
  await p.getByRole('button', { name: '登录系统' }).click()
}

beforeAll(async () => {
  e = await startE2E()
  page = e.page
  origin = new URL(e.shell.url).origin
  // the township: a separate data directory, built with the services, its first package on a "USB drive"
  townDir = tempDir('dibao-e2e-town-')
  usb = tempDir('dibao-e2e-usb-')
  town = await openCore(townDir)
  await generateDemo(town, { households: 60, seed: 5, adminPassword: 'Demo2026pass', cases: 26, decisionLevel: 'county' })
  handler = (await ensureDemoOperators(town)).handler
  await initKeys(town, await demoAdmin(town), { passphrase: TPASS })
  // every household waiting for the county has a scanned image to look at (besides the demo's PDFs)
  const waiting = await town.db.selectFrom('dibao_case').select('household_id').where('current_step', '=', 'submitted').execute()
  for (const w of waiting) await uploadAttachment(town, handler, { householdId: w.household_id, originalName: '户口簿.png', docKind: 'idCopy', dataBase64: makeScanPng(() => 0.5).toString('base64') })
  pkgFile = path.join(usb, '小冀镇-报送包-第1号.dbpkg')
  await exportSubmission(town, handler, { out: pkgFile, passphrase: TPASS })
  t = (await status(readCtx(town, null))).township!
  pemFile = path.join(usb, `${t.name}-报送公钥.pem`)
  fs.writeFileSync(pemFile, (await listKeys(readCtx(town, null))).own!.publicKeyPem)
}, 180_000)
afterAll(async () => {
  await townCtx?.close()
  await townShell?.close()
  await e?.close()
  await town?.close()
  for (const d of [townDir, usb]) if (d) fs.rmSync(d, { recursive: true, force: true })
})

describe('县级安装：首次运行与布局', () => {
  it('首次运行选择县级安装，填写县代码和名称并创建管理员', async () => {
    await page.goto(e.shell.url)
    await expect.poll(() => page.getByText('首次运行：初始设置').isVisible()).toBe(true)
    expect(await page.getByRole('radio', { name: '乡镇（街道）安装' }).isChecked()).toBe(true)
    await page.getByRole('radio', { name: /县级安装/ }).check()
    await expect.poll(() => page.getByLabel('县（市、区）代码').isVisible()).toBe(true)
    expect(await page.getByLabel('乡镇代码').count()).toBe(0)
    await page.getByLabel('县（市、区）代码').fill('41072')
    await page.getByLabel('县（市、区）名称').fill(t.countyName)
    await page.getByLabel('登录名').fill('xadmin')
    await page.getByLabel('姓名', { exact: true }).fill('县管理员')
    await page.getByLabel('密码', { exact: true }).fill('County2026ok')
    await page.getByLabel('确认密码').fill('County2026ok')
    // the county's signing key, made with the administrator: passphrase twice, a mismatch is caught
    expect(await page.getByLabel('签名密钥口令').count()).toBe(0)
    await page.getByRole('checkbox', { name: /现在生成县级签名密钥/ }).check()
    await page.getByLabel('签名密钥口令').fill(CPASS)
    await page.getByLabel('确认口令').fill(CPASS + 'x')
    await expect.poll(() => page.getByTestId('passphrase-strength').textContent()).toContain('强')
    await page.getByRole('button', { name: '完成初始设置' }).click()
    await expect.poll(() => page.getByText('县（市、区）代码应为6位数字').first().isVisible()).toBe(true)
    await expect.poll(() => page.getByText('两次输入的口令不一致').isVisible()).toBe(true)
    await page.getByLabel('确认口令').fill(CPASS)
    await shot(page, '64-county-setup')
    await noHorizontalScroll(page, '64-county-setup')
    await page.getByLabel('县（市、区）代码').fill(t.countyCode)
    await page.getByRole('button', { name: '完成初始设置' }).click()
    await expect.poll(() => page.getByRole('button', { name: '登录系统' }).isVisible(), { timeout: 15000 }).toBe(true)
    expect(await page.getByText(`${t.countyName}民政局`).first().isVisible()).toBe(true)
    expect(await page.getByText('阳光低保 · 县级审核').isVisible()).toBe(true)
    expect(await status(readCtx(e.core, null))).toMatchObject({ initialized: true, mode: 'county', township: null, county: { code: t.countyCode, name: t.countyName } })
    const made = await listKeys(readCtx(e.core, null))
    expect(made.own).toMatchObject({ role: 'own', ownerCode: t.countyCode })
    expect(made.history.filter((k) => k.role === 'own')).toHaveLength(1)

    // the county's signing key and a 县级审核确认人, made with the services; the township imports the county key
    const adminRow = await e.core.db.selectFrom('operator').selectAll().where('username', '=', 'xadmin').executeTakeFirstOrThrow()
    const admin: Actor = { operatorId: adminRow.id, username: 'xadmin', name: '县管理员', role: 'admin' }
    const rv = await createOperator(e.core, admin, { username: 'xshenhe', name: '刘审核', role: 'reviewer', password: 'County2026ok' })
    await e.core.db.updateTable('operator').set({ must_change_password: 0 }).where('id', '=', rv.id).execute()
    const ck = (await listKeys(readCtx(e.core, null))).own!
    await importCountyKey(town, await demoAdmin(town), { pem: ck.publicKeyPem, expectFingerprint: ck.fingerprint })
  })

  it('管理员登录：县级布局只有报送包审核、数据交换密钥、操作员', async () => {
    await login(page, 'xadmin', 'County2026ok')
    await expect.poll(() => page.getByTestId('county-import-card').isVisible(), { timeout: 15000 }).toBe(true)
    expect(page.url()).toMatch(/#\/county$/)
    expect((await page.getByTestId('township-name').textContent())?.trim()).toBe(`${t.countyName}民政局 · 县级安装`)
    const menu = (await page.getByRole('menuitem').allTextContents()).map((s) => s.trim())
    expect(menu).toEqual(expect.arrayContaining(['报送包审核', '系统设置', '数据交换密钥', '操作员']))
    for (const hidden of ['家庭档案', '待办案件', '民主评议', '公示', '复核管理', '文书核验', '报送县级', '低保标准与提标', '近亲属备案', '干部承诺书', '政策参数', '文书模板', '村（社区）']) expect(menu).not.toContain(hidden)
    expect(await page.getByTestId('no-townships').isVisible()).toBe(true)
    // the 抽查 rate: 30 % by default; the administrator raises it from today, with its 依据
    await expect.poll(() => page.getByTestId('sample-rate').textContent()).toContain('随机抽查比例：30%')
    await page.getByTestId('sample-rate').getByRole('button', { name: '调整比例' }).click()
    const rd = page.getByRole('dialog')
    await rd.getByLabel('抽查比例（%）').fill('20')
    await rd.getByLabel('依据（文件名称、文号）').fill('新乡县民政局关于低保审核确认抽查工作的通知（新民〔2026〕12号）')
    await rd.getByRole('button', { name: '录入' }).click()
    await expect.poll(() => rd.getByText('比例应在 30% 至 100% 之间').isVisible()).toBe(true)
    await rd.getByLabel('抽查比例（%）').fill('40')
    await shot(page, '64a0-county-sample-rate')
    await rd.getByRole('button', { name: '录入' }).click()
    await expect.poll(() => page.getByTestId('sample-rate').textContent(), { timeout: 15000 }).toContain('随机抽查比例：40%')
    expect(await page.getByTestId('sample-rate').textContent()).toContain('新民〔2026〕12号')
    await messagesGone()
    await expect.poll(() => page.getByTestId('county-package-table').textContent()).toContain('还没有导入报送包')
    // township pages are not reachable by address either
    await page.goto(`${origin}/#/households`)
    await expect.poll(() => page.url()).toMatch(/#\/county$/)
    await shot(page, '64a-county-packages-empty')
    await noHorizontalScroll(page, '64a-county-packages-empty')
  })

  it('操作员：县级的角色名称，没有乡镇审核确认人', async () => {
    await page.getByRole('menuitem', { name: '操作员' }).click()
    const row = page.locator('tr.ant-table-row').filter({ hasText: 'xshenhe' })
    await expect.poll(() => row.textContent()).toContain('县级审核确认人')
    await page.getByRole('button', { name: '新增操作员' }).click()
    await page.getByRole('dialog').getByLabel('角色').click()
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option')
    await expect.poll(() => options.allTextContents()).toEqual(['县级经办人', '县级审核确认人', '管理员', '只读'])
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
  })

  it('数据交换密钥：县级签名密钥；乡镇报送公钥须照登记表上的指纹登记', async () => {
    await page.getByRole('menuitem', { name: '数据交换密钥' }).click()
    const own = (await listKeys(readCtx(e.core, null))).own!
    await expect.poll(() => page.getByTestId('own-fingerprint').getAttribute('data-fingerprint'), { timeout: 15000 }).toBe(own.fingerprint)
    expect(await page.getByTestId('own-key-card').textContent()).toContain('县级签名密钥')
    expect(await page.getByRole('button', { name: '打印密钥告知表' }).isVisible()).toBe(true)
    expect(await page.getByTestId('county-key-card').count()).toBe(0)
    expect(await page.getByRole('button', { name: '导入县级公钥' }).count()).toBe(0)
    expect(await page.getByTestId('township-keys').textContent()).toContain('还没有登记乡镇的报送公钥')

    const card = page.getByTestId('register-township-card')
    const tk = (await listKeys(readCtx(town, null))).own!
    await card.locator('input[type=file]').setInputFiles(pemFile)
    await card.getByLabel('乡镇代码').fill(t.code)
    await card.getByLabel('乡镇名称').fill(t.name)
    await card.getByLabel('登记表上的指纹').fill(tk.fingerprint.replace(/^..../, '0000'))
    await card.getByRole('button', { name: '核对并登记' }).click()
    await expect.poll(() => page.locator('#registerTownship_expectFingerprint_help').textContent(), { timeout: 15000 }).toContain('公钥指纹不符')
    expect((await listKeys(readCtx(e.core, null))).townships).toHaveLength(0)
    await card.getByLabel('登记表上的指纹').fill(tk.fingerprint.toLowerCase().replace(/ /g, ''))
    await card.getByRole('button', { name: '核对并登记' }).click()
    const row = page.getByTestId('township-keys').locator('tr.ant-table-row')
    await expect.poll(() => row.count(), { timeout: 15000 }).toBe(1)
    expect(await row.first().textContent()).toContain(t.name)
    expect(await row.first().textContent()).toContain(t.code)
    expect(await row.first().locator('[data-fingerprint]').getAttribute('data-fingerprint')).toBe(tk.fingerprint)
    expect((await listKeys(readCtx(e.core, null))).townships[0]).toMatchObject({ ownerCode: t.code, fingerprint: tk.fingerprint })
    expect(await card.getByLabel('乡镇代码').inputValue()).toBe('') // the form is cleared for the next township
    await messagesGone()
    await shot(page, '64b-county-keys')
    await noHorizontalScroll(page, '64b-county-keys')
    await page.getByRole('button', { name: '退出登录' }).click()
    await expect.poll(() => page.getByRole('button', { name: '登录系统' }).isVisible()).toBe(true)
  })
})

describe('县级审核确认人：导入、审核、回复', () => {
  it('导入报送包：路径不对时显示服务器的提示；正确的路径核验后导入，显示案件数和抽查数', async () => {
    await login(page, 'xshenhe', 'County2026ok')
    await expect.poll(() => page.getByTestId('county-import-card').isVisible(), { timeout: 15000 }).toBe(true)
    expect(await page.getByTestId('operator-name').textContent()).toContain('刘审核')
    expect(await page.getByText('县级审核确认人', { exact: true }).first().isVisible()).toBe(true)
    const card = page.getByTestId('county-import-card')
    await card.getByLabel('报送包文件').fill(path.join(usb, '没有这个文件.dbpkg'))
    await card.getByRole('button', { name: '核验并导入' }).click()
    await expect.poll(() => page.getByTestId('county-import-error').textContent(), { timeout: 15000 }).toContain('报送包未导入：')
    await card.getByLabel('报送包文件').fill(pkgFile)
    await card.getByRole('button', { name: '核验并导入' }).click()
    await expect.poll(() => page.getByTestId('county-import-result').textContent(), { timeout: 60000 }).toContain(`已导入${t.name}第 1 号报送包`)
    const [rec] = await e.core.db.selectFrom('package_record').selectAll().where('direction', '=', 'in').execute()
    packageId = rec!.id
    const all = await reviews()
    const result = (await page.getByTestId('county-import-result').textContent()) ?? ''
    expect(result).toContain(`案件 ${all.length} 件`)
    expect(result).toContain(`抽查 ${all.filter((r) => r.sampleReason).length} 件`)
    expect(result).toContain(`待县级审核确认 ${all.filter((r) => r.awaiting === 'decision').length} 件`)
    const row = page.getByTestId('county-package-table').locator('tr.ant-table-row')
    await expect.poll(() => row.count(), { timeout: 15000 }).toBe(1)
    expect(await row.first().textContent()).toContain(t.name)
    expect(await row.first().textContent()).toContain('第 1 号')
    expect(await row.first().textContent()).toContain('未回复')
    await messagesGone()
    await shot(page, '64c-county-imported')
    await noHorizontalScroll(page, '64c-county-imported')
  })

  it('报送包页：摘要、抽查名单在前、按类别筛选', async () => {
    await page.getByTestId('county-package-table').locator('tr.ant-table-row').first().click()
    await expect.poll(() => page.url()).toContain(`#/county/${packageId}`)
    const all = await reviews()
    const sampled = all.filter((r) => r.sampleReason)
    expect(sampled.length).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('review-table').locator('tr.ant-table-row').count(), { timeout: 15000 }).toBe(sampled.length)
    expect(await page.getByTestId('package-counts').textContent()).toContain(`共 ${all.length} 件`)
    expect(await page.getByTestId('review-table').getByTestId('sample-tag').count()).toBe(sampled.length)
    await page.getByTestId('review-filter').getByText(/^全部/).click()
    await expect.poll(() => page.getByTestId('review-table').locator('tr.ant-table-row').count()).toBe(Math.min(50, all.length))
    await page.getByTestId('review-filter').getByText(/^进展情况/).click()
    const info = all.filter((r) => r.awaiting === 'info')
    await expect.poll(() => page.getByTestId('review-table').locator('tr.ant-table-row').count()).toBe(info.length)
    if (info.length) expect(await page.getByTestId('review-table').textContent()).toContain('无需审核')
    await page.getByTestId('review-filter').getByText(/^抽查名单/).click()
    await shot(page, '64d-county-package')
    await noHorizontalScroll(page, '64d-county-package')
  })

  it('审核一件抽查案件：入户核查须两名以上核查人员，签署“同意”', async () => {
    const all = await reviews()
    const approvable = (r: CountyReviewView) => r.decisions.includes('approve') && !r.openFlags.some((f) => f.severity.startsWith('block') && f.ruleId !== 'county.visit')
    sampledCase = all.find((r) => r.sampleReason && r.awaiting === 'decision' && approvable(r))!
    expect(sampledCase, JSON.stringify(all.map((r) => [r.caseNo, r.sampleReason, r.decisions, r.openFlags]))).toBeTruthy()
    await reviewRow(sampledCase.caseNo).getByRole('button', { name: '审核' }).click()
    await expect.poll(() => drawer().getByTestId('review-members').isVisible(), { timeout: 15000 }).toBe(true)
    const detail = drawer()
    // what the package carried: members with their ID numbers, the township's steps, the documents
    const hh = await e.core.db.selectFrom('county_review').select('household_json').where('id', '=', sampledCase.id).executeTakeFirstOrThrow()
    const members = (JSON.parse(hh.household_json) as { members: Array<{ name: string; idNumber: string }> }).members
    for (const m of members) {
      expect(await detail.getByTestId('review-members').textContent()).toContain(m.name)
      expect(await detail.getByTestId('review-members').textContent()).toContain(m.idNumber)
    }
    expect(await detail.getByTestId('review-steps').textContent()).toContain('报送县级')
    expect(await detail.getByTestId('review-documents').textContent()).toContain(`审核确认表-${sampledCase.caseNo}`)
    expect(await detail.getByTestId('visit-section').textContent()).toContain('县级入户核查')
    // the household's scans as the package carried them: listed, and opened in a viewer
    const scans = (JSON.parse(hh.household_json) as { attachments: Array<{ originalName: string; mime: string }> }).attachments
    expect(scans.length).toBeGreaterThan(0)
    expect(await detail.getByTestId('review-scans').textContent()).toContain(`材料扫描件（${scans.length} 份）`)
    const img = scans.find((x) => x.mime === 'image/png')!
    await detail.getByTestId('review-scans').getByText(img.originalName).click()
    const viewer = page.locator('.ant-modal').filter({ hasText: img.originalName })
    await expect.poll(() => viewer.locator('img').count(), { timeout: 15000 }).toBe(1)
    await expect.poll(() => viewer.locator('img').evaluate((x) => (x as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100)
    await shot(page, '64e0-county-scan')
    await page.keyboard.press('Escape')
    await expect.poll(() => viewer.count()).toBe(0)
    await detail.getByTestId('review-scans').scrollIntoViewIfNeeded()
    await shot(page, '64e1-county-scans')

    await detail.getByRole('radio', { name: '同意', exact: true }).check()
    await expect.poll(() => detail.getByTestId('visit-section').textContent()).toContain('抽查案件必填')
    await detail.getByLabel('核查人员1姓名').fill('王核查')
    await detail.getByLabel('核查人员1职务').fill('县民政局社会救助股股长')
    await detail.getByLabel('核查情况').fill('入户查看住房和生活用品，询问邻居和村干部，家庭困难情况与乡镇调查一致。')
    await detail.getByLabel('理由（选填）').fill('经入户抽查，情况属实')
    await detail.getByTestId('decision-submit').click()
    await expect.poll(() => detail.getByText('请填写第 2 名核查人员的姓名').isVisible()).toBe(true)
    expect((await reviews()).find((r) => r.id === sampledCase.id)!.decision).toBeNull()
    await detail.getByLabel('核查人员2姓名').fill('李核查')
    await detail.getByLabel('核查人员2职务').fill('县民政局社会救助股科员')
    await shot(page, '64e-county-drawer')
    await noHorizontalScroll(page, '64e-county-drawer')
    await detail.getByTestId('decision-submit').click()
    await expect.poll(() => page.locator('.ant-drawer-body').count(), { timeout: 15000 }).toBe(0)
    const done = (await reviews()).find((r) => r.id === sampledCase.id)!
    expect(done).toMatchObject({ decision: 'approve', reason: '经入户抽查，情况属实', replied: false })
    expect(done.visit?.visitors).toEqual([{ name: '王核查', role: '县民政局社会救助股股长' }, { name: '李核查', role: '县民政局社会救助股科员' }])
    expect(done.decidedBy).toContain('刘审核')
    await expect.poll(() => reviewRow(sampledCase.caseNo).textContent()).toContain('同意')
  })

  it('退回一件案件：须写明理由', async () => {
    const all = await reviews()
    returnedCase = all.find((r) => r.awaiting === 'decision' && !r.decision && r.decisions.includes('return') && !r.sampleReason)
      ?? all.find((r) => r.awaiting === 'decision' && !r.decision && r.decisions.includes('return'))!
    expect(returnedCase).toBeTruthy()
    await page.getByTestId('review-filter').getByText(/^待审核确认/).click()
    await reviewRow(returnedCase.caseNo).getByRole('button', { name: '审核' }).click()
    await expect.poll(() => drawer().getByTestId('decision-form').isVisible(), { timeout: 15000 }).toBe(true)
    const detail = drawer()
    await detail.getByRole('radio', { name: '退回补充调查', exact: true }).check()
    await detail.getByTestId('decision-submit').click()
    await expect.poll(() => detail.getByText('请写明退回补充调查的理由').first().isVisible()).toBe(true)
    await detail.getByLabel('理由（必填）').fill('核对报告未附银行存款查询结果，请补充核对后重新报送')
    await shot(page, '64f-county-drawer-return')
    await detail.getByTestId('decision-submit').click()
    await expect.poll(() => page.locator('.ant-drawer-body').count(), { timeout: 15000 }).toBe(0)
    expect((await reviews()).find((r) => r.id === returnedCase.id)).toMatchObject({ decision: 'return', reason: '核对报告未附银行存款查询结果，请补充核对后重新报送', visit: null })
  })

  it('未抽查案件一并同意', async () => {
    const before = await reviews()
    const expected = before.filter((r) => !r.sampleReason && !r.decision && r.awaiting !== 'info' && (r.awaiting === 'filing' || (r.decisions.includes('approve') && !r.openFlags.some((f) => f.severity.startsWith('block'))))).length
    const button = page.getByTestId('approve-unsampled')
    if (!expected) { expect(await button.isDisabled()).toBe(true); return }
    expect(await button.textContent()).toContain(`（${expected}）`)
    await button.click()
    const confirm = page.locator('.ant-popconfirm:visible')
    await expect.poll(() => confirm.count(), { timeout: 15000 }).toBe(1)
    await confirm.getByRole('button', { name: '一并同意', exact: true }).click()
    // the signed count, with whatever message the page shows (a refusal names its reason)
    const state = async () => `${(await reviews()).filter((r) => r.decision).length} ${(await page.locator('.ant-message-notice').allTextContents()).join(' | ')}`
    await expect.poll(state, { timeout: 20000 }).toMatch(new RegExp(`^${before.filter((r) => r.decision).length + expected}\\b`))
    await expect.poll(() => page.getByTestId('approve-unsampled').isDisabled()).toBe(true)
  })

  it('导出回复包：口令不对时提示在口令下；写到文件夹后显示文件路径', async () => {
    const decided = (await reviews()).filter((r) => r.decision)
    await page.getByTestId('export-reply').click()
    const dlg = page.getByRole('dialog')
    await dlg.getByLabel('输出文件夹').fill(usb)
    await dlg.getByLabel('签名密钥口令').fill('wrong-pass-1')
    await dlg.getByRole('button', { name: '导出回复包' }).click()
    await expect.poll(() => page.locator('#countyReply_passphrase_help').textContent(), { timeout: 15000 }).toContain('口令不正确')
    await dlg.getByLabel('签名密钥口令').fill(CPASS)
    await shot(page, '64g-county-reply-modal')
    await dlg.getByRole('button', { name: '导出回复包' }).click()
    await expect.poll(() => page.getByTestId('reply-result').count(), { timeout: 60000 }).toBe(1)
    replyFile = ((await page.getByTestId('reply-file').textContent()) ?? '').trim()
    expect(path.dirname(replyFile)).toBe(usb)
    expect(fs.existsSync(replyFile)).toBe(true)
    expect(await page.getByTestId('reply-result').textContent()).toContain(`已导出第 1 号回复包（${decided.length} 件意见`)
    await expect.poll(async () => (await reviews()).filter((r) => r.replied).length).toBe(decided.length)
    await expect.poll(() => page.getByTestId('county-package-summary').textContent()).toContain('第 1 号（')
    await messagesGone()
    await shot(page, '64h-county-replied')
    await noHorizontalScroll(page, '64h-county-replied')
    // a replied case is read-only
    await page.getByTestId('review-filter').getByText(/^全部/).click()
    await reviewRow(sampledCase.caseNo).getByRole('button', { name: '查看' }).click()
    await expect.poll(() => drawer().getByTestId('review-decision').textContent(), { timeout: 15000 }).toContain('已随回复包发出')
    expect(await drawer().getByTestId('decision-form').count()).toBe(0)
    expect(await drawer().getByTestId('review-decision').textContent()).toContain('王核查')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.ant-drawer-body').count()).toBe(0)
  })

  it('乡镇导入回复包：县级意见成为案件的签字环节', async () => {
    const decided = (await reviews()).filter((r) => r.decision)
    const res = await importReply(town, handler, { file: replyFile })
    expect(res.inReplyTo).toBe(1)
    expect(res.applied).toHaveLength(decided.length)
    const approved = await getCase(readCtx(town, null), sampledCase.caseId)
    expect(approved.steps.at(-1)!.signerRole).toBe('县级审核确认人')
    expect(approved.steps.at(-1)!.signer).toContain('刘审核')
    expect(approved.records.some((r) => r.kind === 'countyVisit')).toBe(true)
    const back = await getCase(readCtx(town, null), returnedCase.caseId)
    expect(back.steps.at(-1)!.reason).toContain('银行存款')
  })

  it('再签一件，导出第 2 号回复包', async () => {
    const next = (await reviews()).find((r) => !r.decision && r.awaiting === 'decision' && r.decisions.includes('return'))
    expect(next).toBeTruthy()
    await page.getByTestId('review-filter').getByText(/^待审核确认/).click()
    await reviewRow(next!.caseNo).getByRole('button', { name: '审核' }).click()
    await expect.poll(() => drawer().getByTestId('decision-form').isVisible(), { timeout: 15000 }).toBe(true)
    await drawer().getByRole('radio', { name: '退回补充调查', exact: true }).check()
    // returning a sampled case needs no 入户核查: the section stays folded with the rule's hint
    if (next!.sampleReason) await expect.poll(() => drawer().getByTestId('visit-section').textContent()).toContain('可以不登记入户核查')
    await drawer().getByLabel('理由（必填）').fill('家庭成员收入情况需补充核实')
    await drawer().getByTestId('decision-submit').click()
    await expect.poll(() => page.locator('.ant-drawer-body').count(), { timeout: 15000 }).toBe(0)
    await page.getByTestId('export-reply').click()
    const dlg = page.getByRole('dialog')
    await expect.poll(() => dlg.getByLabel('输出文件夹').inputValue()).toBe(usb) // remembered
    await dlg.getByLabel('签名密钥口令').fill(CPASS)
    await dlg.getByRole('button', { name: '导出回复包' }).click()
    await expect.poll(() => page.getByTestId('reply-result').textContent(), { timeout: 60000 }).toContain('已导出第 2 号回复包（1 件意见')
    replyFile = ((await page.getByTestId('reply-file').textContent()) ?? '').trim()
    expect(fs.existsSync(replyFile)).toBe(true)
  })

  it('县级页面没有页面错误、控制台错误和失败的请求', () => {
    expect(e.errors).toEqual([])
  })
})

describe('乡镇：报送县级页导入县级回复包', () => {
  beforeAll(async () => {
    townShell = await startWebShell(town, { rendererDir: path.join(ROOT, 'out/renderer') })
    townCtx = await e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    townPage = await townCtx.newPage()
    townPage.on('pageerror', (x) => townErrors.push(`pageerror: ${x.message}`))
    townPage.on('console', (m) => { if (m.type() === 'error') townErrors.push(`console: ${m.text()}`) })
    townPage.on('response', (r) => { if (r.status() >= 400) townErrors.push(`HTTP ${r.status()} ${r.url()}`) })
    await townPage.goto(townShell.url)
    await login(townPage, 'admin', 'Demo2026pass')
    await townPage.getByTestId('household-search').waitFor({ timeout: 15000 })
  })

  it('路径不对：显示服务器的提示；报送记录列出收到的县级回复', async () => {
    await townPage.getByRole('menuitem', { name: '报送县级' }).click()
    const card = townPage.getByTestId('reply-card')
    await expect.poll(() => card.isVisible(), { timeout: 15000 }).toBe(true)
    expect(await townPage.getByTestId('no-county-key').count()).toBe(0)
    await card.getByLabel('回复包文件').fill(path.join(usb, '没有这个回复包.dbpkg'))
    await card.getByRole('button', { name: '核验并导入' }).click()
    await expect.poll(() => townPage.getByTestId('reply-import-error').textContent(), { timeout: 15000 }).toContain('回复包未导入：')
    const replyRow = townPage.getByTestId('package-table').locator('tr.ant-table-row').filter({ hasText: '收到县级回复' })
    await expect.poll(() => replyRow.count(), { timeout: 15000 }).toBe(1)
    expect(await replyRow.first().textContent()).toContain('答复第 1 号')
  })

  it('导入第 2 号回复包：核验后应用，列出应用的县级意见', async () => {
    const card = townPage.getByTestId('reply-card')
    await card.getByLabel('回复包文件').fill(replyFile)
    await card.getByRole('button', { name: '核验并导入' }).click()
    await expect.poll(() => townPage.getByTestId('reply-import-result').textContent(), { timeout: 60000 }).toContain('已导入第 2 号县级回复包（答复第 1 号报送包）')
    const applied = townPage.getByTestId('reply-applied').locator('tr.ant-table-row')
    await expect.poll(() => applied.count()).toBe(1)
    expect(await applied.first().textContent()).toContain('退回补充调查')
    await expect.poll(() => townPage.getByTestId('package-table').locator('tr.ant-table-row').filter({ hasText: '收到县级回复' }).count(), { timeout: 15000 }).toBe(2)
    await messagesGone(townPage)
    await townPage.getByTestId('reply-card').scrollIntoViewIfNeeded()
    await shot(townPage, '64i-township-reply-import')
    await noHorizontalScroll(townPage, '64i-township-reply-import')
    // the same reply again is refused, nothing applied twice
    await card.getByLabel('回复包文件').fill(replyFile)
    await card.getByRole('button', { name: '核验并导入' }).click()
    await expect.poll(() => townPage.getByTestId('reply-import-error').textContent(), { timeout: 15000 }).toContain('已经导入过')
  })

  it('乡镇页面没有页面错误、控制台错误和失败的请求', () => {
    expect(townErrors).toEqual([])
  })
})
