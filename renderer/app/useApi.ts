// Query and mutation helpers over api.ts. Queries reload themselves after any successful write
// (the envelope's `mutated` flag), so a page that writes never shows stale data. Mutations show the
// server's Chinese message and put its field errors onto the antd Form that was submitted.
import type { FormInstance } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call, onMutated, type Input, type Method, type Output } from '../api'
import { feedback } from './feedback'

export interface QueryState<T> {
  data: T | undefined
  loading: boolean
  error: ApiError | null
  reload: () => void
}

/** Loads `method(input)`; `input === null` means "not yet" (nothing is loaded). */
export function useApi<K extends Method>(method: K, input: Input<K> | null, opts: { reloadOnMutation?: boolean } = {}): QueryState<Output<K>> {
  const key = input === null ? null : JSON.stringify(input)
  const [data, setData] = useState<Output<K> | undefined>(undefined)
  const [loading, setLoading] = useState(input !== null)
  const [error, setError] = useState<ApiError | null>(null)
  const [tick, setTick] = useState(0)
  const seq = useRef(0)
  const reload = useCallback(() => setTick((t) => t + 1), [])
  const reloadOnMutation = opts.reloadOnMutation ?? true

  useEffect(() => {
    if (key === null) { setLoading(false); return }
    const mine = ++seq.current
    setLoading(true)
    call(method, JSON.parse(key) as Input<K>)
      .then((v) => { if (mine === seq.current) { setData(v); setError(null) } })
      .catch((e: unknown) => { if (mine === seq.current) setError(e instanceof ApiError ? e : new ApiError('INTERNAL', String(e))) })
      .finally(() => { if (mine === seq.current) setLoading(false) })
  }, [method, key, tick])

  useEffect(() => {
    if (!reloadOnMutation) return
    return onMutated(() => setTick((t) => t + 1))
  }, [reloadOnMutation])

  return { data, loading, error, reload }
}

/** "members.0.idNumber" → ['members', 0, 'idNumber'] (after removing `prefix.` if given). */
export function toNamePath(path: string, prefix?: string): Array<string | number> {
  let p = path
  if (prefix && (p === prefix || p.startsWith(prefix + '.'))) p = p.slice(prefix.length + 1)
  return p.split('.').filter((s) => s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

export interface FieldMapOptions {
  /** strip this leading segment from server paths, e.g. 'member' for "member.idNumber" */
  prefix?: string
  /** rename a server path (after stripping) to a form path, e.g. { memberId: 'memberIdNumber' } */
  rename?: Record<string, string>
}

/** Puts server field errors onto the form; returns how many landed on a registered field. */
/**
 * A server error for a form whose fields each take the whole message (it says more than a field's short text): on
 * the listed fields the error names, otherwise handed to `formLevel` to show above the form.
 */
export function placeWholeMessage<V>(form: FormInstance<V>, error: { message: string; fields: Record<string, string> }, names: ReadonlyArray<keyof V & string>, formLevel: (message: string) => void): void {
  const list = names.filter((name) => error.fields[name]).map((name) => ({ name, errors: [error.message] }))
  if (list.length) form.setFields(list as Parameters<FormInstance<V>['setFields']>[0])
  else formLevel(error.message)
}

export function applyFieldErrors(form: FormInstance, fields: Record<string, string>, opts: FieldMapOptions = {}): number {
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)))
  const list: Array<{ name: Array<string | number>; errors: string[] }> = []
  for (const [path, msg] of Object.entries(fields)) {
    let p = path
    if (opts.prefix && (p === opts.prefix || p.startsWith(opts.prefix + '.'))) p = p.slice(opts.prefix.length + 1)
    if (opts.rename?.[p]) p = opts.rename[p]!
    const name = toNamePath(p)
    if (name.length && registered.has(JSON.stringify(name))) list.push({ name, errors: [msg] })
  }
  if (list.length) {
    form.setFields(list)
    try { form.scrollToField(list[0]!.name, { block: 'center' }) } catch { /* field not rendered */ }
  }
  return list.length
}

export type MutationResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export interface MutateOptions extends FieldMapOptions {
  form?: FormInstance
  /** message shown on success */
  success?: string
  /** do not show message.error (the caller shows the error itself) */
  quiet?: boolean
}

/** Calls a writing method; on failure shows the message and maps field errors onto `form`. */
export async function mutate<K extends Method>(method: K, input: Input<K>, opts: MutateOptions = {}): Promise<MutationResult<Output<K>>> {
  try {
    const value = await call(method, input)
    if (opts.success) feedback.success(opts.success)
    return { ok: true, value }
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError('INTERNAL', String((e as Error)?.message ?? e))
    if (!opts.quiet) feedback.error(error.message)
    if (opts.form && Object.keys(error.fields).length) applyFieldErrors(opts.form, error.fields, opts)
    return { ok: false, error }
  }
}

/** mutate() with a pending flag for buttons. */
export function useMutation() {
  const [pending, setPending] = useState(false)
  const run = useCallback(async <K extends Method>(method: K, input: Input<K>, opts: MutateOptions = {}): Promise<MutationResult<Output<K>>> => {
    setPending(true)
    try { return await mutate(method, input, opts) } finally { setPending(false) }
  }, [])
  return { pending, run }
}
