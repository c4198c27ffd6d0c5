// Electron entry: app lifecycle only. One instance; open the core on the data directory; hand over
// to shell/ (protocol, window, menu, IPC). Everything else lives in the core.
import path from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import { defaultDataDir, openCore } from './services/core'
import { registerIpc } from './shell/ipc'
import { registerAppScheme, serveRenderer } from './shell/protocol'
import { createMainWindow, devServer, focusWindow, guardAllWebContents, hardenSession, installMenu } from './shell/window'

type OpenedCore = Awaited<ReturnType<typeof openCore>>

/**
 * `--data DIR` / `--data=DIR`, else env DIBAO_DATA, else the same default folder the CLI and the
 * browser shell use (defaultDataDir: %APPDATA%\sunshine-dibao, ~/.config/sunshine-dibao), so every door
 * finds the same township without --data.
 */
function resolveDataDir(argv: readonly string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--data' && argv[i + 1]) return path.resolve(argv[i + 1]!)
    if (a.startsWith('--data=') && a.length > 7) return path.resolve(a.slice(7))
  }
  return path.resolve(defaultDataDir())
}

const dataDir = resolveDataDir(process.argv)
// Keep Chromium's own files (caches, local storage) out of the folder that is backed up.
app.setPath('sessionData', path.join(app.getPath('userData'), 'Chromium'))

registerAppScheme()
guardAllWebContents()

let core: OpenedCore | null = null
let mainWindow: BrowserWindow | null = null
let closed = false

function fail(message: string): void {
  dialog.showErrorBox('阳光低保无法启动', message)
  closed = true
  app.exit(1)
}

async function start(): Promise<void> {
  serveRenderer()
  hardenSession()
  try {
    core = await openCore(dataDir)
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e))
    return
  }
  registerIpc(core, { devOrigin: devServer()?.origin ?? null })
  installMenu({ dataDir })
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => { mainWindow = null })
}

if (!app.requestSingleInstanceLock()) {
  // Another 阳光低保 is running; it receives 'second-instance' and comes to the front.
  closed = true
  app.quit()
} else {
  app.on('second-instance', () => focusWindow(mainWindow))
  app.on('activate', () => {
    if (core && !mainWindow) {
      mainWindow = createMainWindow()
      mainWindow.on('closed', () => { mainWindow = null })
    } else focusWindow(mainWindow)
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (e) => {
    if (closed || !core) return
    // Let the write queue drain and the database close cleanly before the process ends.
    e.preventDefault()
    const c = core
    core = null
    closed = true
    c.close().catch((err) => console.error('[阳光低保] 关闭数据库失败', err)).finally(() => app.quit())
  })
  app.whenReady().then(start).catch((e) => fail(e instanceof Error ? e.message : String(e)))
}
