// Sandboxed preload: exposes window.api with exactly one function per contract method, each sending
// (method, input) over the single 'dibao:call' channel. Nothing else crosses: no ipcRenderer, no
// process, no events. The main process re-checks the sender, the method and the input.
import { contextBridge, ipcRenderer } from 'electron'
import { methods } from '../main/api/contract'
import type { Api } from './api'

const CALL_CHANNEL = 'dibao:call'

const api: Api = {}
for (const name of methods) {
  api[name] = (input?: unknown) => ipcRenderer.invoke(CALL_CHANNEL, name, input)
}

contextBridge.exposeInMainWorld('api', Object.freeze(api))
