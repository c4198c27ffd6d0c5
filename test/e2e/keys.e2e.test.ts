// E2E: the 数据交换密钥 page — generate the township's signing key (the fingerprint on screen is the stored one),
// print the numbered 密钥登记表, import the county's public key checked against its fingerprint, back the key up
// (.dbkey download) and try restoring it, rotate it (the old passphrase opens the old key, which is then retired),
// and the read-only view, on the demo data at 1366×768 without page errors, console errors or failed requests.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateDemo } from '../../main/services/demo'
import { demoAdmin } from '../../main/services/demoCases'
import { listKeys } from '../../main/services/exchangeKeys'
import { readCtx } from '../../main/services/context'
import { fingerprint, generateKeyPair, publicKeyPem } from '../../main/package/keys'
import { shot, startE2E, type E2E, loginDemoAdmin, addReadonlyOperator } from './helpers'

let e: E2E
let page: Page
let origin = ''
const PASS = 'Xiaoji2026!key'
const NEW_PASS = 'Xiaoji2027!new'
const dlg = () => page.getByRole('dialog').last()
const noHorizontalScroll = async (name: string) => expect(Number(await page.evaluate('document.documentElement.scrollWidth')), name).toBeLessThanOrEqual(1366)
const keys = () => listKeys(readCtx(e.core, null))
const shownFingerprint = async (testId: string) => page.getByTestId(testId).getAttribute('data-fingerprint')
/** waits for the success messages to go, so the screenshots show the page */
const messagesGone = () => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15000 }).toBe(0)
const dialogsClosed = () => expect.poll(() => page.getByRole('dialog').count(), { timeout: 20000 }).toBe(0)
let backupFile = ''

beforeAll(async () => {
  e = await startE2E()
  page = e.page
  origin = new URL(e.shell.url).origin
  await generateDemo(e.core, { households: 60, seed: 11, adminPassword: 'Demo2026pass', cases: 12 })
  const actor = await demoAdmin(e.core)
  await addReadonlyOperator(e, actor)

  await loginDemoAdmin(e)
})
afterAll(async () => { await e?.close() })

describe('数据交换密钥', () => {
  it('生成签名密钥：口令两次不一致被拦下，指纹与登记的一致', async () => {
    await page.getByRole('menuitem', { name: '数据交换密钥' }).click()
    await expect.poll(() => page.getByTestId('own-key-card').textContent(), { timeout: 15000 }).toContain('还没有报送签名密钥')
    expect(await page.getByTestId('county-key-card').textContent()).toContain('还没有导入')
    expect((await keys()).own).toBeNull()

    await page.getByRole('button', { name: '生成签名密钥' }).click()
    await dlg().getByLabel('口令', { exact: true }).fill(PASS)
    await dlg().getByLabel('再次输入口令', { exact: true }).fill('Xiaoji2026!kex')
    await dlg().getByRole('button', { name: '生成密钥' }).click()
    await expect.poll(() => dlg().getByText('两次输入的口令不一致').isVisible()).toBe(true)
    expect((await keys()).own).toBeNull()
    await expect.poll(() => dlg().getByTestId('passphrase-strength').textContent()).toContain('强')
    await shot(page, '62a-keys-init')
    await dlg().getByLabel('再次输入口令', { exact: true }).fill(PASS)
    await expect.poll(() => dlg().getByText('两次输入的口令不一致').count()).toBe(0)
    await dlg().getByRole('button', { name: '生成密钥' }).click()
    await dialogsClosed()

    await expect.poll(() => page.getByTestId('own-fingerprint').count(), { timeout: 20000 }).toBe(1)
    const own = (await keys()).own!
    expect(own.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/)
    expect(await shownFingerprint('own-fingerprint')).toBe(own.fingerprint)
    expect(((await page.getByTestId('own-fingerprint').textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe(own.fingerprint)
    await expect.poll(() => page.getByTestId('key-history').textContent()).toContain('在用')
  })

  it('打印密钥登记表：预览、编号（-MY-）', async () => {
    await page.getByRole('button', { name: '打印密钥登记表' }).click()
    await expect.poll(() => dlg().locator('iframe[src^="blob:"]').count(), { timeout: 20000 }).toBe(1)
    await dlg().getByRole('button', { name: '编号并生成正式文书' }).click()
    await expect.poll(() => dlg().getByTestId('print-docno').textContent(), { timeout: 20000 }).toMatch(/-MY-/)
    await expect.poll(() => dlg().locator('iframe[src^="blob:"]').count()).toBe(1)
    await expect.poll(() => dlg().getByRole('link', { name: '另存文件' }).getAttribute('download')).toMatch(/报送密钥登记表\.pdf$/)
    await dlg().getByRole('button', { name: '关闭', exact: true }).last().click()
    await dialogsClosed()
  })

  it('下载公钥文件', async () => {
    const wait = page.waitForEvent('download')
    await page.getByRole('button', { name: '下载公钥文件' }).click()
    const d = await wait
    expect(d.suggestedFilename()).toMatch(/-报送公钥\.pem$/)
    const text = fs.readFileSync((await d.path())!, 'utf8')
    expect(text).toBe((await keys()).own!.publicKeyPem)
  })

  it('导入县级公钥：指纹不符被拒绝，核对一致后导入', async () => {
    const county = generateKeyPair()
    const file = path.join(e.dir, '县民政局公钥.pem')
    fs.writeFileSync(file, publicKeyPem(county.publicKey))
    const fp = fingerprint(county.publicKey)
    const wrong = (fp[0] === 'A' ? 'B' : 'A') + fp.slice(1)

    await page.getByRole('button', { name: '导入县级公钥' }).click()
    await dlg().getByRole('button', { name: '导入', exact: true }).click()
    await expect.poll(() => dlg().getByText('请选择县民政局的公钥文件（.pem）').isVisible()).toBe(true)
    await dlg().locator('input[type=file]').setInputFiles(file)
    await dlg().getByLabel('县民政局提供的指纹（用于核对，可不填）').fill(wrong)
    await dlg().getByRole('button', { name: '导入', exact: true }).click()
    const err = dlg().locator('.ant-form-item-explain-error').filter({ hasText: '公钥指纹不符' })
    await expect.poll(() => err.textContent(), { timeout: 20000 }).toContain(fp)
    expect((await keys()).county).toBeNull()
    await shot(page, '62b-keys-county')

    await dlg().getByLabel('县民政局提供的指纹（用于核对，可不填）').fill(fp.replace(/ /g, '').toLowerCase())
    await expect.poll(() => err.count()).toBe(0) // the server's error is cleared as soon as the clerk edits the field
    await dlg().getByRole('button', { name: '导入', exact: true }).click()
    await dialogsClosed()
    await expect.poll(() => shownFingerprint('county-fingerprint'), { timeout: 20000 }).toBe(fp)
    expect((await keys()).county!.fingerprint).toBe(fp)
    expect(await page.getByTestId('county-key-card').textContent()).toContain('民政局')
    expect(await page.getByRole('button', { name: '更换县级公钥' }).count()).toBe(1)
  })

  it('备份密钥到U盘（.dbkey），恢复：口令不正确、正在使用的密钥', async () => {
    await page.getByRole('button', { name: '备份密钥到U盘' }).click()
    await dlg().getByLabel('口令', { exact: true }).fill('wrong-passphrase')
    await dlg().getByRole('button', { name: '生成备份文件' }).click()
    await expect.poll(() => dlg().locator('.ant-form-item-explain-error').textContent(), { timeout: 20000 }).toContain('口令不正确')
    await dlg().getByLabel('口令', { exact: true }).fill(PASS)
    const wait = page.waitForEvent('download')
    await dlg().getByRole('button', { name: '生成备份文件' }).click()
    const d = await wait
    expect(d.suggestedFilename()).toMatch(/\.dbkey$/)
    await dialogsClosed()
    backupFile = path.join(e.dir, d.suggestedFilename())
    await d.saveAs(backupFile)
    const backup = JSON.parse(fs.readFileSync(backupFile, 'utf8')) as { fingerprint: string; key: string }
    expect(backup.fingerprint).toBe((await keys()).own!.fingerprint)
    expect(backup.key).toContain('BEGIN ENCRYPTED PRIVATE KEY')

    const card = page.getByTestId('restore-card')
    await card.locator('input[type=file]').setInputFiles(backupFile)
    await card.getByLabel('口令', { exact: true }).fill('wrong-passphrase')
    await card.getByRole('button', { name: '恢复密钥' }).click()
    await expect.poll(() => card.locator('.ant-form-item-explain-error').textContent(), { timeout: 20000 }).toContain('口令不正确')
    await card.getByLabel('口令', { exact: true }).fill(PASS)
    await card.getByRole('button', { name: '恢复密钥' }).click()
    await expect.poll(() => card.locator('.ant-form-item-explain-error').textContent(), { timeout: 20000 }).toContain('本机正在使用这把密钥')
    expect((await keys()).history.filter((k) => k.role === 'own')).toHaveLength(1)
    await card.scrollIntoViewIfNeeded()
    await messagesGone()
    await shot(page, '62d-keys-restore')
  })

  it('更换密钥：原口令不正确被拒绝，更换后原密钥停用', async () => {
    const before = (await keys()).own!
    await page.getByRole('button', { name: '更换密钥' }).click()
    await dlg().getByLabel('原口令', { exact: true }).fill('Xiaoji2025!old')
    await dlg().getByLabel('新口令', { exact: true }).fill(NEW_PASS)
    await dlg().getByLabel('再次输入新口令', { exact: true }).fill(NEW_PASS)
    await dlg().getByRole('button', { name: '更换密钥' }).click()
    const err = dlg().locator('#keyRotate_oldPassphrase_help')
    await expect.poll(() => err.textContent(), { timeout: 20000 }).toContain('口令不正确')
    expect((await keys()).own!.fingerprint).toBe(before.fingerprint)
    await dlg().getByLabel('原口令', { exact: true }).fill(PASS)
    await dlg().getByRole('button', { name: '更换密钥' }).click()
    await dialogsClosed()

    await expect.poll(() => shownFingerprint('own-fingerprint'), { timeout: 20000 }).not.toBe(before.fingerprint)
    const after = await keys()
    expect(await shownFingerprint('own-fingerprint')).toBe(after.own!.fingerprint)
    const old = after.history.find((k) => k.id === before.id)!
    expect(old.retiredAt).not.toBeNull()
    const oldRow = page.getByTestId('key-history').locator('.ant-table-tbody tr').filter({ has: page.locator(`[data-fingerprint="${before.fingerprint}"]`) })
    await expect.poll(() => oldRow.textContent()).toContain('已停用')
    await expect.poll(() => page.getByTestId('key-history').locator('.ant-table-tbody tr.ant-table-row').count()).toBe(3)
    await page.evaluate("document.getElementById('app-content')?.scrollTo(0, 0)")
    await messagesGone()
    await shot(page, '62-keys')
    await noHorizontalScroll('62-keys')
  })

  it('只读操作员：可查看指纹和记录，不能生成、更换、备份或打印', async () => {
    await page.getByRole('button', { name: /退出登录/ }).click()
    await page.getByLabel('登录名').fill('chaxun')
    await page.getByLabel('密码', { exact: true }).fill('Chaxun2026ok')
    await page.getByRole('button', { name: '登录系统' }).click()
    await page.getByTestId('household-search').waitFor({ timeout: 15000 })
    await page.goto(`${origin}/#/settings/keys`)
    const now = await keys()
    await expect.poll(() => shownFingerprint('own-fingerprint'), { timeout: 15000 }).toBe(now.own!.fingerprint)
    expect(await shownFingerprint('county-fingerprint')).toBe(now.county!.fingerprint)
    for (const name of ['打印密钥登记表', '备份密钥到U盘', '更换密钥', '更换县级公钥', '恢复密钥']) expect(await page.getByRole('button', { name }).count(), name).toBe(0)
    expect(await page.getByTestId('restore-card').count()).toBe(0)
    expect(await page.getByRole('button', { name: '下载公钥文件' }).count()).toBe(1)
    await messagesGone()
    await shot(page, '62c-keys-readonly')
    await noHorizontalScroll('62c-keys-readonly')
  })

  it('没有页面错误、控制台错误和失败的请求', () => {
    expect(e.errors).toEqual([])
  })
})
