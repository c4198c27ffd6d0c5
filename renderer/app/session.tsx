// Who is logged in, and which township this installation serves.
import { createContext, useContext } from 'react'
import type { OperatorView, TownshipView } from '../../main/api/types'

export interface SessionValue {
  township: TownshipView | null
  operator: OperatorView
  /** re-reads auth.me (after a password change, a role change …) */
  refresh: () => Promise<void>
  logout: () => Promise<void>
}

export const SessionContext = createContext<SessionValue | null>(null)

export function useSession(): SessionValue {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession outside SessionContext')
  return s
}

export const canWrite = (op: OperatorView | null | undefined): boolean => !!op && op.role !== 'readonly'
export const isAdmin = (op: OperatorView | null | undefined): boolean => op?.role === 'admin'

export function townshipTitle(t: TownshipView | null | undefined): string {
  return t ? `${t.countyName}${t.name}` : ''
}

/** The administrator's login name, handed from the first-run page to the login page. */
let loginHint = ''
export function setLoginHint(u: string): void { loginHint = u }
export function takeLoginHint(): string { const u = loginHint; loginHint = ''; return u }
