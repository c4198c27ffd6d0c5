// The loopback browser shell: one-time token, cookie session, Host/Origin checks, API dispatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { startWebShell, type WebShell } from '../../main/web/server'
import { newTestCore, tempDir, ADMIN_PASSWORD, type TestCore } from '../fixtures/core'

let t: TestCore
let shell: WebShell
let cookie = ''
const rendererDir = tempDir('dibao-renderer-')

function req(p: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port: shell.port, path: p, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${shell.port}`, ...opts.headers } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    r.on('error', reject)
    r.end(opts.body)
  })
}
const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  req(`/api/${method}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'X-Dibao-Request': '1', Cookie: cookie, ...headers } })

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>阳光低保</title>')
  fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'x')
  t = await newTestCore()
  shell = await startWebShell(t.core, { rendererDir })
})
afterAll(async () => { await shell.close(); await t.cleanup(); fs.rmSync(rendererDir, { recursive: true, force: true }) })

describe('浏览器版外壳', () => {
  it('只绑定 127.0.0.1，地址含一次性令牌', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?t=[0-9a-f]{48}$/)
  })
  it('没有会话的请求被拒绝', async () => {
    expect((await req('/')).status).toBe(401)
    expect((await api('setup.status', {})).status).toBe(401)
  })
  it('令牌换取 HttpOnly Cookie，且只能用一次', async () => {
    const first = await req(`/?t=${shell.token}`)
    expect(first.status).toBe(302)
    const set = String(first.headers['set-cookie'])
    expect(set).toMatch(/HttpOnly/)
    expect(set).toMatch(/SameSite=Strict/)
    cookie = set.split(';')[0]!
    expect((await req(`/?t=${shell.token}`)).status).toBe(401)
    const page = await req('/', { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/)
  })
  it('外来 Host、Origin 与跨站请求被拒绝', async () => {
    expect((await req('/', { headers: { Cookie: cookie, Host: `evil.example:${shell.port}` } })).status).toBe(403)
    expect((await api('setup.status', {}, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('setup.status', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await req('/api/setup.status', { method: 'POST', body: '{}', headers: { Cookie: cookie, 'Content-Type': 'application/json' } })).status).toBe(403)
  })
  it('路径穿越与未知路径返回 404', async () => {
    expect((await req('/../../etc/passwd', { headers: { Cookie: cookie } })).status).toBe(404)
    expect((await req('/%2e%2e/%2e%2e/etc/passwd', { headers: { Cookie: cookie } })).status).toBe(404)
  })
  it('接口与 IPC 使用同一个 dispatch：校验、登录、权限', async () => {
    const st = JSON.parse((await api('setup.status', {})).body)
    expect(st).toMatchObject({ ok: true, value: { initialized: true, township: { name: '小冀镇' } } })
    const denied = JSON.parse((await api('households.search', {})).body)
    expect(denied).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    const wrong = JSON.parse((await api('auth.login', { username: 'admin', password: 'nope' })).body)
    expect(wrong.error.message).toBe('登录名或密码不正确')
    const ok = JSON.parse((await api('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).body)
    expect(ok).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } })
    const bad = JSON.parse((await api('households.create', { villageCode: '410721101201', address: '', category: 'rural', members: [] })).body)
    expect(bad.ok).toBe(false)
    expect(bad.error.code).toBe('VALIDATION')
    expect(bad.error.fields).toHaveProperty('address')
    expect(JSON.parse((await api('no.such', {})).body).error.code).toBe('NOT_FOUND')
  })
})
