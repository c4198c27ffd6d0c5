// The main window, its hardening (isolation, sandbox, no navigation away, no popups, no webviews,
// no permissions, no network) and the Chinese application menu.
import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, Menu, session as electronSession, type MenuItemConstructorOptions, type Session } from 'electron'
import { APP_INDEX_URL, isAppUrl } from './protocol'

export const WINDOW_TITLE = '阳光低保 · 乡镇工作台'

/**
 * The electron-vite dev server, if we are in development and it is set. A packaged app ignores the
 * variable: a stray environment must never point the window at another page.
 */
export function devServer(): { url: string; origin: string } | null {
  const raw = process.env.ELECTRON_RENDERER_URL
  if (!raw || app.isPackaged) return null
  try {
    const u = new URL(raw)
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) return null
    return { url: u.href, origin: u.origin }
  } catch {
    return null
  }
}

const devOrigin = (): string | null => devServer()?.origin ?? null

/** Schemes that may be requested at all; http(s)/ws(s) only towards the dev server. */
const LOCAL_SCHEMES = new Set(['app:', 'blob:', 'data:', 'devtools:', 'chrome-extension:', 'chrome:', 'about:'])

function allowedRequest(raw: string, dev: string | null): boolean {
  let u: URL
  try { u = new URL(raw) } catch { return false }
  if (LOCAL_SCHEMES.has(u.protocol)) return true
  if (!dev) return false
  const d = new URL(dev)
  if (u.origin === dev) return true
  // Vite's HMR socket: ws(s)://same host:port
  return (u.protocol === 'ws:' || u.protocol === 'wss:') && u.host === d.host
}

/** Session-wide rules: no permission is granted, no request leaves the machine. Call after `ready`. */
export function hardenSession(ses: Session = electronSession.defaultSession): void {
  const dev = devOrigin()
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    // Writing plain text to the clipboard (a 复制 button) is the one thing a page may do.
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(details.requestingUrl ?? wc.getURL(), dev))
  })
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin, dev))
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedRequest(details.url, dev) }))
}

/** Guards for every webContents the app ever creates (windows, devtools, anything else). */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-navigate', (e) => { if (!isAppUrl(e.url, devOrigin())) e.preventDefault() })
    contents.on('will-redirect', (e) => { if (!isAppUrl(e.url, devOrigin())) e.preventDefault() })
    contents.on('will-frame-navigate', (e) => {
      if (e.isMainFrame) return // will-navigate / will-redirect above
      // Sub-frames may show our own pages and in-memory previews (blob:), nothing else.
      const url = e.url
      if (isAppUrl(url, devOrigin()) || url.startsWith('blob:') || url === 'about:blank' || url === 'about:srcdoc') return
      e.preventDefault()
    })
  })
}

function windowIcon(): string | undefined {
  const bases = [
    (process as { resourcesPath?: string }).resourcesPath ? path.join((process as { resourcesPath?: string }).resourcesPath!, 'resources') : null,
    path.resolve(__dirname, '../../resources')
  ]
  for (const base of bases) {
    if (!base) continue
    for (const name of ['icons/icon.png', 'icons/512x512.png', 'icons/256x256.png']) {
      const p = path.join(base, name)
      if (fs.existsSync(p)) return p
    }
  }
  return undefined
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: WINDOW_TITLE,
    icon: windowIcon(),
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Electron's built-in PDF viewer (the only plugin Electron ships) previews scanned PDFs in an iframe
      plugins: true,
      devTools: !app.isPackaged
    }
  })
  win.on('page-title-updated', (e) => e.preventDefault())
  win.once('ready-to-show', () => win.show())
  win.webContents.on('render-process-gone', (_e, details) => {
    console.error(`[阳光低保] 页面进程异常退出：${details.reason}（${details.exitCode}）`)
  })
  const dev = devServer()
  void win.loadURL(dev ? dev.url : APP_INDEX_URL)
  return win
}

export function installMenu(opts: { dataDir: string }): void {
  const about = async (): Promise<void> => {
    const parent = BrowserWindow.getFocusedWindow()
    const options = {
      type: 'info' as const,
      title: '关于阳光低保',
      message: `阳光低保 · 乡镇工作台  版本 ${app.getVersion()}`,
      detail: [
        '乡镇最低生活保障一户一档与审核确认（离线桌面版）',
        `数据目录：${opts.dataDir}`,
        `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`
      ].join('\n'),
      buttons: ['确定'],
      noLink: true
    }
    if (parent) await dialog.showMessageBox(parent, options)
    else await dialog.showMessageBox(options)
  }
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' }
  ]
  if (!app.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' })
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' }
      ]
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于阳光低保', click: () => { void about() } }] }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/** Bring the existing window to the front (a second launch, macOS dock click). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}
