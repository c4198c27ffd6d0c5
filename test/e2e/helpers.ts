// E2E plumbing: the real built renderer served by the real browser shell over a temp data dir,
// driven by playwright-core in Debian's Chromium (never a downloaded browser).
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openCore } from '../../main/services/core'
import { startWebShell, type WebShell } from '../../main/web/server'
import { tempDir } from '../fixtures/core'
import { createOperator } from '../../main/services/operators'
import type { Actor } from '../../main/services/context'

export const ROOT = path.resolve(__dirname, '../..')
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface E2E { browser: Browser; page: Page; shell: WebShell; dir: string; core: Awaited<ReturnType<typeof openCore>>; errors: string[]; close(): Promise<void> }

export async function startE2E(): Promise<E2E> {
  const rendererDir = path.join(ROOT, 'out/renderer')
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('out/renderer 不存在：请先 npm run build（npm test 会自动构建）')
  if (!fs.existsSync(CHROMIUM)) throw new Error(`找不到 ${CHROMIUM}：请安装 Debian 的 chromium（apt-get install chromium）`)
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const dir = tempDir('dibao-e2e-')
  const core = await openCore(dir)
  const shell = await startWebShell(core, { rendererDir })
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN']
  })
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
  const page = await ctx.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`) })
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`) })
  return {
    browser, page, shell, dir, core, errors,
    async close() { await browser.close(); await shell.close(); await core.close(); fs.rmSync(dir, { recursive: true, force: true }) }
  }
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250) // let antd animations settle
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false })
}

/** Logs in as the demo administrator (admin / Demo2026pass) and waits for the household list. */
export async function loginDemoAdmin(e: E2E): Promise<void> {
  await e.page.goto(e.shell.url)
  await e.page.getByLabel('登录名').fill('admin')
  await e.page.getByLabel('密码', { exact: true }).fill('Demo2026pass')
  await e.page.getByRole('button', { name: '登录系统' }).click()
  await e.page.getByTestId('household-search').waitFor({ timeout: 15000 })
}

/** A read-only operator (查询人员 chaxun / Chaxun2026ok, no forced password change) for the read-only views. */
export async function addReadonlyOperator(e: E2E, admin: Actor): Promise<void> {
  const ro = await createOperator(e.core, admin, { username: 'chaxun', name: '刘查询', role: 'readonly', password: 'Chaxun2026ok' })
  await e.core.db.updateTable('operator').set({ must_change_password: 0 }).where('id', '=', ro.id).execute()
}
