// The loopback browser shell (design.md §6): the built renderer and POST /api/<method> on 127.0.0.1,
// dispatching to the same handlers as IPC. Entry needs the one-time token printed at start; it is
// exchanged for an HttpOnly SameSite=Strict session cookie. Foreign Host/Origin headers, requests
// without the session, and any other path are refused. Never binds a non-loopback address.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../api/dispatch'
import { newSession, type Session } from '../api/session'
import type { Core } from '../services/context'

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.otf': 'font/otf', '.map': 'application/json'
}
const MAX_BODY = 48 * 1024 * 1024
const COOKIE = 'dibao_sid'

export interface WebShell { url: string; port: number; token: string; close(): Promise<void>; sessions: number }

export function defaultRendererDir(): string {
  // out/main/web.js or a chunk under out/main/chunks/: the built renderer is out/renderer
  const candidates: string[] = []
  for (let d = __dirname, i = 0; i < 4; i++, d = path.dirname(d)) candidates.push(path.join(d, 'renderer'), path.join(d, 'out', 'renderer'))
  const hit = candidates.find((p) => fs.existsSync(path.join(p, 'index.html')))
  if (!hit) throw new Error('找不到界面文件 out/renderer/index.html，请先运行 npm run build')
  return hit
}

const safeEq = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export async function startWebShell(core: Core, opts: { port?: number; rendererDir?: string } = {}): Promise<WebShell> {
  const rendererDir = opts.rendererDir ?? defaultRendererDir()
  let token: string | null = randomBytes(24).toString('hex')
  const firstToken = token
  const sessions = new Map<string, Session>()
  let port = 0

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
    res.writeHead(status, {
      'Content-Type': type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Resource-Policy': 'same-origin', ...extra
    })
    res.end(body)
  }
  const refuse = (res: http.ServerResponse, status: number, msg: string) => send(res, status, `阳光低保：${msg}`)

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e) => { if (!res.headersSent) refuse(res, 500, `内部错误：${(e as Error).message}`) })
  })

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(res, 403, '拒绝：Host 头不是本机地址')
    const origin = req.headers.origin
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return refuse(res, 403, '拒绝：来自其他网站的请求')
    const secFetchSite = req.headers['sec-fetch-site']
    if (secFetchSite && secFetchSite !== 'same-origin' && secFetchSite !== 'none') return refuse(res, 403, '拒绝：跨站请求')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)

    const sid = parseCookie(req.headers.cookie ?? '')[COOKIE]
    const session = sid ? sessions.get(sid) : undefined

    if (!session) {
      const t = url.searchParams.get('t')
      if (req.method === 'GET' && url.pathname === '/' && t && token && safeEq(t, token)) {
        token = null // one-time
        const id = randomBytes(32).toString('hex')
        sessions.set(id, newSession())
        return send(res, 302, '', 'text/plain', { Location: '/', 'Set-Cookie': `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/` })
      }
      return refuse(res, 401, '请用启动时终端里打印的地址（含一次性令牌）打开本页面；令牌只能使用一次，如需新地址请重新启动浏览器版。')
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, '只接受 POST')
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, '只接受 JSON')
      if (req.headers['x-dibao-request'] !== '1') return refuse(res, 403, '缺少请求标记')
      const method = decodeURIComponent(url.pathname.slice(5))
      let body: unknown
      try { body = JSON.parse((await readBody(req)).toString('utf8') || '{}') } catch (e) {
        return send(res, 200, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: (e as Error).message === 'too large' ? '提交的数据过大' : '提交的数据不是有效的 JSON' } }), 'application/json')
      }
      const env = await dispatch(core, session, method, body)
      return send(res, 200, JSON.stringify(env), 'application/json; charset=utf-8')
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求方法')
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const file = path.resolve(rendererDir, rel)
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return refuse(res, 404, '页面不存在')
    const ext = path.extname(file)
    const cache: Record<string, string> = rel.startsWith('assets/') ? { 'Cache-Control': 'private, max-age=31536000, immutable' } : {}
    return send(res, 200, fs.readFileSync(file), MIME[ext] ?? 'application/octet-stream', cache)
  }

  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()) })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?t=${firstToken}`, port, token: firstToken,
    get sessions() { return sessions.size },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) })
  }
}

function parseCookie(h: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of h.split(';')) { const i = part.indexOf('='); if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim() }
  return out
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => { size += c.length; if (size > MAX_BODY) { reject(new Error('too large')); req.destroy() } else chunks.push(c) })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
