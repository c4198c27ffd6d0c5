// The app:// scheme: the built renderer (out/renderer) served from app://dibao/ with a strict CSP.
// Registered as privileged (standard, secure) before `ready`; only files inside the renderer folder
// are served, everything else is a 404. No file:// URL ever reaches the window.
import fs from 'node:fs/promises'
import path from 'node:path'
import { protocol } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'dibao'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** Same policy as the renderer's meta CSP, plus the directives a meta tag cannot carry. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "frame-src 'self' blob:",
  "object-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'"
].join('; ')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf'
}
export const mimeFor = (file: string): string => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream'

/** Is this URL one of our own pages (app://dibao/…, or the electron-vite dev server in development)? */
export function isAppUrl(raw: string, devOrigin: string | null): boolean {
  let u: URL
  try { u = new URL(raw) } catch { return false }
  // Node's WHATWG URL gives origin "null" for non-special schemes, so compare scheme and host.
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true
  return devOrigin !== null && u.origin === devOrigin
}

/** Must run before app `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** The built renderer next to the built main process: out/main → out/renderer. */
export const rendererDir = (): string => path.join(__dirname, '../renderer')

function respond(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' }
  })
}

/**
 * Resolve a URL path to a file strictly inside `root` (after symlinks), or null.
 * Exported for tests of the traversal rules; it touches only the file system.
 */
export async function resolveInside(root: string, urlPath: string): Promise<string | null> {
  let rel: string
  try { rel = decodeURIComponent(urlPath) } catch { return null }
  if (rel.includes('\0') || rel.includes('\\')) return null
  if (rel === '' || rel === '/') rel = '/index.html'
  const realRoot = await fs.realpath(root).catch(() => null)
  if (!realRoot) return null
  const candidate = path.resolve(realRoot, '.' + path.posix.normalize('/' + rel))
  if (!isInside(realRoot, candidate)) return null
  const real = await fs.realpath(candidate).catch(() => null)
  if (!real || !isInside(realRoot, real)) return null
  const stat = await fs.stat(real).catch(() => null)
  return stat?.isFile() ? real : null
}

function isInside(root: string, p: string): boolean {
  const r = path.relative(root, p)
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r)
}

/** Register the app:// handler. Call after `ready`. */
export function serveRenderer(root = rendererDir()): void {
  protocol.handle(APP_SCHEME, async (request) => {
    let url: URL
    try { url = new URL(request.url) } catch { return respond(400, 'Bad Request') }
    if (url.host !== APP_HOST) return respond(404, 'Not Found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method Not Allowed')
    let file = await resolveInside(root, url.pathname)
    // A client-side route reloaded from the menu (no file extension, no such file) gets the app shell.
    if (!file && path.posix.extname(url.pathname) === '' && !url.pathname.includes('..')) file = await resolveInside(root, '/index.html')
    if (!file) return respond(404, 'Not Found')
    try {
      const body = request.method === 'HEAD' ? null : await fs.readFile(file)
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mimeFor(file),
          'Content-Security-Policy': CSP,
          'X-Content-Type-Options': 'nosniff',
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-cache'
        }
      })
    } catch {
      return respond(404, 'Not Found')
    }
  })
}
