// The one place every door calls: parse the input with the contract's zod schema, check access,
// run the handler, map errors to the wire envelope. Doors only carry bytes.
import { ZodError } from 'zod'
import { contract, isMethod, type Envelope } from './contract'
import { AppError, toWireError } from './errors'
import { handlers } from './handlers'
import { checkAccess, type Session } from './session'
import type { Core } from '../services/context'
import { FIELD_LABELS } from '../domain/glossary'

export function zodToAppError(e: ZodError): AppError {
  const fields: Record<string, string> = {}
  for (const issue of e.issues) {
    const key = issue.path.join('.')
    if (!fields[key]) fields[key] = issue.message
  }
  const first = e.issues[0]!
  const last = String(first.path.filter((p) => typeof p === 'string').at(-1) ?? '')
  const where = first.path.length ? describePath(first.path, last) : ''
  const more = e.issues.length > 1 ? `（另有 ${Object.keys(fields).length - 1} 处需要修改）` : ''
  return new AppError('VALIDATION', `${where}${first.message}${more}`, fields)
}

function describePath(path: PropertyKey[], last: string): string {
  const parts: string[] = []
  const labels: Record<string, string> = { members: '第{n}名成员', incomes: '第{n}条收入', assets: '第{n}项财产', obligors: '第{n}名义务人' }
  for (let i = 0; i < path.length; i++) {
    const p = path[i]
    if (typeof p === 'string' && labels[p] && typeof path[i + 1] === 'number') { parts.push(labels[p].replace('{n}', String((path[i + 1] as number) + 1))); i++ }
  }
  const label = FIELD_LABELS[last]
  return parts.length || label ? `${parts.join('')}${label ? `“${label}”` : ''}：` : ''
}

export async function dispatch(core: Core, session: Session, method: unknown, raw: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isMethod(method)) throw new AppError('NOT_FOUND', `未知的操作：${String(method).slice(0, 60)}`)
    const spec = contract[method]
    checkAccess(session, spec.access, method)
    const parsed = spec.input.safeParse(raw ?? {})
    if (!parsed.success) throw zodToAppError(parsed.error)
    const handler = handlers[method] as (h: { core: Core; session: Session }, i: unknown) => Promise<unknown>
    const value = await handler({ core, session }, parsed.data)
    // a print preview writes nothing (no number, no register row): the pages need not reload
    const preview = (parsed.data as { preview?: unknown } | null)?.preview === true
    return { ok: true, value: value ?? null, mutated: spec.mutates && !preview }
  } catch (e) {
    if (e instanceof ZodError) return { ok: false, error: zodToAppError(e).toWire() }
    return { ok: false, error: toWireError(e) }
  }
}
