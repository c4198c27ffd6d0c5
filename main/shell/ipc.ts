// The Electron door: the one ipcMain.handle in the codebase. It checks who is calling (our page, in
// the main frame of one of our windows) and that the method is in the contract, then hands the bytes
// to dispatch, which validates the input and checks the operator's role. It never throws to the page.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { isMethod, type Envelope } from '../api/contract'
import { dispatch } from '../api/dispatch'
import { newSession, type Session } from '../api/session'
import type { Core } from '../services/context'
import { isAppUrl } from './protocol'

export const CALL_CHANNEL = 'dibao:call'

const forbidden = (): Envelope<never> => ({ ok: false, error: { code: 'FORBIDDEN', message: '非法的调用来源' } })

/** The sender is the top frame of a window showing app://dibao/ (or the dev server in development). */
export function isTrustedSender(event: IpcMainInvokeEvent, devOrigin: string | null): boolean {
  const frame = event.senderFrame
  if (!frame || frame.isDestroyed()) return false
  if (frame.parent !== null) return false
  if (frame !== event.sender.mainFrame && frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId) return false
  return isAppUrl(frame.url, devOrigin)
}

export function registerIpc(core: Core, opts: { devOrigin: string | null }): void {
  const sessions = new Map<number, Session>()
  const sessionFor = (wc: WebContents): Session => {
    let s = sessions.get(wc.id)
    if (!s) {
      s = newSession()
      sessions.set(wc.id, s)
      const id = wc.id
      wc.once('destroyed', () => sessions.delete(id))
    }
    return s
  }
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    try {
      if (!isTrustedSender(event, opts.devOrigin) || !isMethod(method)) return forbidden()
      return await dispatch(core, sessionFor(event.sender), method, input)
    } catch (e) {
      // dispatch maps every error itself; this is the last line so the page always gets an envelope.
      console.error('[阳光低保] IPC 调用失败', e)
      return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，请重试或联系管理员' } }
    }
  })
}
