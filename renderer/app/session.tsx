// Who is logged in, and which office this installation serves: a township (乡镇安装, the default) or a county
// civil-affairs bureau (县级安装, which verifies the townships' packages and answers them).
import { createContext, useContext } from 'react'
import type { CountyOfficeView, InstallMode, OperatorRole, OperatorView, TownshipView } from '../../main/api/types'

export interface SessionValue {
  mode: InstallMode
  township: TownshipView | null
  county: CountyOfficeView | null
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

/** "新乡县民政局" for a county install. */
export function countyTitle(c: CountyOfficeView | null | undefined): string {
  return c ? `${c.name}民政局` : ''
}

/** The office shown in the header and on the login page. */
export function officeTitle(o: { mode: InstallMode | null; township: TownshipView | null; county: CountyOfficeView | null }): string {
  return o.mode === 'county' ? countyTitle(o.county) : townshipTitle(o.township)
}

/** The page an operator lands on after logging in. */
export const homePath = (mode: InstallMode | null): string => (mode === 'county' ? '/county' : '/households')

const COUNTY_ROLE_LABELS: Partial<Record<OperatorRole, string>> = { handler: '县级经办人', reviewer: '县级审核确认人' }

/** The role's name as this installation calls it (a county's reviewer signs as 县级审核确认人). */
export function roleLabel(op: Pick<OperatorView, 'role' | 'roleLabel'>, mode: InstallMode | null): string {
  return (mode === 'county' ? COUNTY_ROLE_LABELS[op.role] : undefined) ?? op.roleLabel
}

/** The administrator's login name, handed from the first-run page to the login page. */
let loginHint = ''
export function setLoginHint(u: string): void { loginHint = u }
export function takeLoginHint(): string { const u = loginHint; loginHint = ''; return u }
