// AppError: the one error type that crosses a door. messageZh is shown to the clerk as is.
export type ErrorCode =
  | 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'DUPLICATE_PERSON' | 'FORBIDDEN' | 'UNAUTHENTICATED'
  | 'NOT_INITIALIZED' | 'ALREADY_INITIALIZED' | 'BAD_CREDENTIALS' | 'LOCKED' | 'STALE' | 'INTERNAL' | 'DB'

export interface WireError { code: ErrorCode; message: string; fields?: Record<string, string> }

export class AppError extends Error {
  constructor(readonly code: ErrorCode, readonly messageZh: string, readonly fields?: Record<string, string>) {
    super(messageZh)
  }
  toWire(): WireError { return { code: this.code, message: this.messageZh, ...(this.fields ? { fields: this.fields } : {}) } }
}

export function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, { [path]: message })
}

export function toWireError(e: unknown): WireError {
  if (e instanceof AppError) return e.toWire()
  const err = e as { code?: string; message?: string }
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_')) {
    return { code: 'DB', message: `数据库写入失败，本次修改未保存：${err.message ?? err.code}` }
  }
  return { code: 'INTERNAL', message: `程序内部错误，本次操作未完成：${err?.message ?? String(e)}` }
}
