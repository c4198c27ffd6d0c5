// Login state of one door's client (an Electron window, a browser-shell cookie, a CLI run).
import type { Actor } from '../services/context'
import { AppError } from './errors'
import type { Access } from './contract'

export interface Session { actor: Actor | null; mustChangePassword: boolean }
export const newSession = (): Session => ({ actor: null, mustChangePassword: false })

const WRITERS = new Set(['handler', 'reviewer', 'townshipApprover', 'admin'])

export function checkAccess(session: Session, access: Access, method: string): void {
  if (access === 'public') return
  if (!session.actor) throw new AppError('UNAUTHENTICATED', '请先登录')
  if (session.mustChangePassword && method !== 'auth.changePassword' && method !== 'auth.logout') {
    throw new AppError('FORBIDDEN', '管理员为您设置的是临时密码，请先修改密码再继续')
  }
  if (access === 'write' && !WRITERS.has(session.actor.role)) throw new AppError('FORBIDDEN', '只读账号不能修改档案，如需修改请联系管理员调整角色')
  if (access === 'admin' && session.actor.role !== 'admin') throw new AppError('FORBIDDEN', '此操作仅限管理员')
}
