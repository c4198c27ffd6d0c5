// Typed client over the one API contract (design.md §1.2, §6). The renderer cannot tell which door
// it uses: window.api (Electron preload, IPC) when present, else POST /api/<method> to the loopback
// browser shell. Both return the same envelope; {ok:false} becomes an ApiError with the server's
// Chinese message and field errors (path like "members.0.idNumber" → message).
import type { Envelope, Input, Method, Output } from '../main/api/contract'

export type { Input, Method, Output }

export class ApiError extends Error {
  readonly code: string
  readonly fields: Record<string, string>
  constructor(code: string, message: string, fields?: Record<string, string>) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields ?? {}
  }
}

export const SESSION_EXPIRED_MESSAGE = '浏览器会话已失效，请重新打开终端里打印的地址'

type Listener = (method: Method) => void
const mutationListeners = new Set<Listener>()
const authListeners = new Set<(err: ApiError) => void>()

/** Called after every successful call whose envelope says `mutated` (queries reload on it). */
export function onMutated(fn: Listener): () => void {
  mutationListeners.add(fn)
  return () => { mutationListeners.delete(fn) }
}

/** Called when a call fails because the login or the browser session is gone. */
export function onAuthLost(fn: (err: ApiError) => void): () => void {
  authListeners.add(fn)
  return () => { authListeners.delete(fn) }
}

async function viaHttp(method: string, input: unknown): Promise<Envelope<unknown>> {
  let res: Response
  try {
    res = await fetch('/api/' + method, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dibao-Request': '1' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin'
    })
  } catch {
    throw new ApiError('NETWORK', '无法连接到本机服务，请确认阳光低保程序仍在运行')
  }
  const text = await res.text()
  let body: unknown = null
  try { body = JSON.parse(text) } catch { /* not an envelope */ }
  if (body && typeof body === 'object' && 'ok' in body) return body as Envelope<unknown>
  if (res.status === 401 || res.status === 403) throw new ApiError('UNAUTHENTICATED', SESSION_EXPIRED_MESSAGE)
  throw new ApiError('HTTP', `本机服务返回错误（HTTP ${res.status}）：${text.replace(/^阳光低保：/, '').slice(0, 200) || '无内容'}`)
}

async function transport(method: string, input: unknown): Promise<Envelope<unknown>> {
  const bridge = typeof window !== 'undefined' ? window.api : undefined
  if (bridge) {
    const fn = bridge[method]
    if (typeof fn !== 'function') throw new ApiError('NOT_FOUND', `未知的操作：${method}`)
    return (await fn(input ?? {})) as Envelope<unknown>
  }
  return viaHttp(method, input)
}

/** Calls one contract method; resolves to its output or throws ApiError. */
export async function call<K extends Method>(method: K, input: Input<K>): Promise<Output<K>> {
  let env: Envelope<unknown>
  try {
    env = await transport(method, input)
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError('INTERNAL', `调用失败：${(e as Error)?.message ?? String(e)}`)
    if (err.code === 'UNAUTHENTICATED') authListeners.forEach((fn) => fn(err))
    throw err
  }
  if (!env || typeof env !== 'object') throw new ApiError('INTERNAL', '本机服务返回了无法识别的数据')
  if (!env.ok) {
    const err = new ApiError(env.error?.code ?? 'INTERNAL', env.error?.message ?? '操作失败', env.error?.fields)
    if (err.code === 'UNAUTHENTICATED' && method !== 'auth.login') authListeners.forEach((fn) => fn(err))
    throw err
  }
  // login/logout change who is asking, not the data: pages are re-created after them anyway
  if (env.mutated && method !== 'auth.logout' && method !== 'auth.login') mutationListeners.forEach((fn) => fn(method))
  return env.value as Output<K>
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}
