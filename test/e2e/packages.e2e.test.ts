// E2E: 报送县级 — the page shows the signing key's fingerprint and the next sequence number; exporting to a folder
// that does not exist or with a wrong passphrase shows the server's message on the field; a real export writes a
// package that verifies against the township's public key and is listed in the 报送记录; a second export right away
// is refused (no case changed), on the demo data at 1366×768 without page errors, console errors or failed requests.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateDemo } from '../../main/services/demo'
import { demoAdmin } from '../../main/services/demoCases'
import { initKeys, listKeys } from '../../main/services/exchangeKeys'
import { listPackages } from '../../main/services/packages'
import { readCtx } from '../../main/services/context'
import { verifyPackage } from '../../main/package/container'
import { readPublicKeyPem } from '../../main/package/keys'
import { tempDir } from '../fixtures/core'
import { loginDemoAdmin, shot, startE2E, type E2E } from './helpers'

let e: E2E
let page: Page
let origin = ''
let usb = ''
let exported = ''
const PASS = 'Xiaoji2026!key'
const noHorizontalScroll = async (name: string) => expect(Number(await page.evaluate('document.documentElement.scrollWidth')), name).toBeLessThanOrEqual(1366)
const keys = () => listKeys(readCtx(e.core, null))
const messagesGone = () => expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15000 }).toBe(0)
const card = () => page.getByTestId('export-card')
const folderInput = () => card().getByLabel('输出文件夹', { exact: true })
const passInput = () => card().getByLabel('签名密钥口令', { exact: true })
const exportButton = () => card().getByRole('button', { name: '导出报送包' })
const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? ''
/** waits for the export to finish (the button is enabled again) */
const idle = () => expect.poll(() => exportButton().isEnabled(), { timeout: 60000 }).toBe(true)

beforeAll(async () => {
  e = await startE2E()
  page = e.page
  origin = new URL(e.shell.url).origin
  usb = tempDir('dibao-usb-')
  await generateDemo(e.core, { households: 60, seed: 11, adminPassword: 'Demo2026pass', cases: 24 })
  const actor = await demoAdmin(e.core)
  await initKeys(e.core, actor, { passphrase: PASS })

  await loginDemoAdmin(e)
}, 120_000)
afterAll(async () => {
  await e?.close()
  if (usb) fs.rmSync(usb, { recursive: true, force: true })
})

describe('报送县级', () => {
  it('页面显示签名密钥指纹、下一个序号和空的报送记录', async () => {
    await page.getByRole('menuitem', { name: '报送县级' }).click()
    const own = (await keys()).own!
    await expect.poll(() => page.getByTestId('signing-fingerprint').getAttribute('data-fingerprint'), { timeout: 15000 }).toBe(own.fingerprint)
    expect((await text('signing-fingerprint')).trim()).toBe(own.fingerprint)
    expect(await text('last-package')).toContain('下一个为第 1 号')
    await expect.poll(() => text('package-table'), { timeout: 15000 }).toContain('还没有报送记录')
    expect(await page.getByTestId('no-key').count()).toBe(0)
    expect(await exportButton().isEnabled()).toBe(true)
    await shot(page, '63-packages')
    await noHorizontalScroll('63-packages')
  })

  it('文件夹不存在：服务器的提示显示在输出文件夹下', async () => {
    const missing = path.join(usb, '没有插入的U盘')
    await folderInput().fill(missing)
    await passInput().fill(PASS)
    await exportButton().click()
    await expect.poll(() => page.locator('#packageExport_folder_help').textContent(), { timeout: 30000 }).toContain('找不到文件夹')
    expect(await page.locator('#packageExport_folder_help').textContent()).toContain(missing)
    await idle()
    expect(await listPackages(e.core, null)).toHaveLength(0)
  })

  it('口令不正确：提示显示在口令下，不写出文件', async () => {
    await folderInput().fill(usb)
    await passInput().fill('Xiaoji2025!old')
    await exportButton().click()
    await expect.poll(() => page.locator('#packageExport_passphrase_help').textContent(), { timeout: 30000 }).toContain('口令不正确')
    await idle()
    expect(fs.readdirSync(usb)).toEqual([])
    expect(await listPackages(e.core, null)).toHaveLength(0)
  })

  it('导出第 1 号报送包：写到文件夹、读回核验通过、列入报送记录', async () => {
    await passInput().fill(PASS)
    // every progress sentence the page shows, recorded in the page (the export may be quicker than playwright's polling)
    await page.evaluate(`(() => {
      window.__progress = []
      const note = () => { const el = document.querySelector('[data-testid=export-progress]'); const t = el && el.textContent; if (t && !window.__progress.includes(t)) window.__progress.push(t) }
      window.__progressObserver = new MutationObserver(note)
      window.__progressObserver.observe(document.body, { subtree: true, childList: true, characterData: true })
    })()`)
    await exportButton().click()
    await expect.poll(() => page.getByTestId('export-result').count(), { timeout: 120000 }).toBe(1)
    const result = await text('export-result')
    expect(result).toContain('第 1 号')
    expect(result).toContain('读回核验无误')
    expect(result).toMatch(/\d+\.\d+ MB/)
    const progress = (await page.evaluate('window.__progressObserver.disconnect(), window.__progress')) as string[]
    expect(progress.some((t) => /正在(汇集案件和档案|生成文书（审核确认表、公示、会议记录）|写入材料文件 \d+%|读回核验)/.test(t)), progress.join(' | ')).toBe(true)
    exported = ((await page.getByTestId('export-file').textContent()) ?? '').trim()
    expect(path.dirname(exported)).toBe(usb)
    expect(fs.existsSync(exported)).toBe(true)
    expect(fs.readdirSync(usb)).toEqual([path.basename(exported)]) // no .part left behind

    const own = (await keys()).own!
    const v = await verifyPackage(exported, readPublicKeyPem(own.publicKeyPem))
    expect(v.manifest.sequence).toBe(1)
    expect(v.manifest.previous).toBeNull()
    expect(v.manifest.signer).toBe(own.fingerprint)
    const [rec] = await listPackages(e.core, null)
    expect(rec!.manifestSm3).toBe(v.manifestSm3)
    expect(result).toContain(`案件 ${v.manifest.counts.cases} 个`)
    expect(await passInput().inputValue()).toBe('') // the passphrase is not kept on screen

    const row = page.getByTestId('package-table').locator('.ant-table-tbody tr.ant-table-row')
    await expect.poll(() => row.count(), { timeout: 15000 }).toBe(1)
    const rowText = (await row.first().textContent()) ?? ''
    expect(rowText).toContain('导出')
    expect(rowText).toContain(path.basename(exported))
    expect(rowText).toContain('建档以来')
    expect(rowText).toContain(v.manifestSm3.slice(0, 16))
    expect(await row.first().locator(`[data-sm3="${v.manifestSm3}"]`).count()).toBe(1)
    await expect.poll(() => text('last-package')).toContain('下一个为第 2 号')
    expect(await text('last-package')).toContain('第 1 号')
    await shot(page, '63a-packages-exported')
    await noHorizontalScroll('63a-packages-exported')
  })

  it('紧接着再导出：没有案件变动，不导出', async () => {
    await passInput().fill(PASS)
    await exportButton().click()
    await expect.poll(() => page.getByTestId('export-error').textContent(), { timeout: 30000 }).toContain('没有案件变动')
    await idle()
    expect(await listPackages(e.core, null)).toHaveLength(1)
    expect(fs.readdirSync(usb)).toEqual([path.basename(exported)])
  })

  it('U 盘丢失：从报送记录再次写出第 1 号，与原包逐字节相同；文件夹不存在时提示在输入框下', async () => {
    const usb2 = tempDir('dibao-usb2-')
    try {
      const row = page.getByTestId('package-table').locator('.ant-table-tbody tr.ant-table-row').first()
      await row.getByRole('button', { name: '再次写出' }).click()
      const dlg = page.getByTestId('copy-modal')
      await expect.poll(() => dlg.getByLabel('输出文件夹').inputValue()).toBe(usb) // the remembered folder
      await dlg.getByLabel('输出文件夹').fill(path.join(usb2, '没有这个文件夹'))
      await dlg.getByRole('button', { name: '写出并核验' }).click()
      await expect.poll(() => page.locator('#packageCopy_folder_help').textContent(), { timeout: 15000 }).toContain('文件夹不存在')
      await dlg.getByLabel('输出文件夹').fill(usb2)
      await shot(page, '63b-packages-copy')
      await dlg.getByRole('button', { name: '写出并核验' }).click()
      await expect.poll(() => page.getByTestId('copy-modal').count(), { timeout: 60000 }).toBe(0)
      const again = path.join(usb2, path.basename(exported))
      expect(fs.readFileSync(again).equals(fs.readFileSync(exported))).toBe(true)
      expect(fs.readdirSync(usb2)).toEqual([path.basename(exported)])
      expect(await listPackages(e.core, null)).toHaveLength(1) // the same package, not a new one
      const audit = await e.core.db.selectFrom('audit_log').select('summary').where('action', '=', 'package.copy').execute()
      expect(audit.map((a) => a.summary).join()).toContain('再次写出第 1 号报送包')
      await messagesGone()
      await page.evaluate(`localStorage.setItem('dibao.packages.folder', ${JSON.stringify(usb)})`)
    } finally { fs.rmSync(usb2, { recursive: true, force: true }) }
  })

  it('记住上次的输出文件夹', async () => {
    await page.goto(`${origin}/#/packages`)
    await page.reload()
    await expect.poll(() => folderInput().inputValue(), { timeout: 15000 }).toBe(usb)
    expect(await passInput().inputValue()).toBe('')
    await noHorizontalScroll('packages reload')
  })

  it('没有页面错误、控制台错误和失败的请求', () => {
    expect(e.errors).toEqual([])
  })
})
