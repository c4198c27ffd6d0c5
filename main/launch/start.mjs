// `npm start`: build if the output is missing or stale, then run the desktop app in Electron. Where
// the Electron binary is absent (it cannot be downloaded on offline machines), fall back to the
// loopback browser shell on the same build and data folder.
//
//   npm start                      data in Electron's userData (desktop) or ./.data (browser shell)
//   npm start -- --data D:\低保数据  any other data folder (also env DIBAO_DATA)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const require = createRequire(path.join(repo, 'package.json'))
// `--data DIR` is made absolute against the folder npm was started from (npm runs us in the repo).
const userCwd = process.env.INIT_CWD || process.cwd()
let dataArg = null
const args = []
{
  const argv = process.argv.slice(2)
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--data' && i + 1 < argv.length) { dataArg = path.resolve(userCwd, argv[++i]); continue }
    if (a.startsWith('--data=') && a.length > 7) { dataArg = path.resolve(userCwd, a.slice(7)); continue }
    args.push(a)
  }
}

/** Node 22 for every child: this process if it already is, else the `node` devDependency's binary. */
function node22() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath
  for (const p of ['node_modules/node/bin/node', 'node_modules/node/bin/node.exe']) {
    const abs = path.join(repo, p)
    if (fs.existsSync(abs)) return abs
  }
  console.error(`当前 Node 版本为 ${process.version}，本程序需要 Node 22 或更高版本：请先运行 npm ci，再用 npm start 启动。`)
  process.exit(1)
}
const nodeBin = node22()

// ---- (a) build when the output is missing or older than the sources -------------------------------
const OUTPUTS = ['out/main/index.js', 'out/main/web.js', 'out/preload/index.js', 'out/renderer/index.html']
const SOURCES = ['main', 'preload', 'db', 'renderer', 'electron.vite.config.ts']
const SKIP = new Set(['node_modules', 'out', 'dist', '.git'])

function newestMtime(p) {
  let st
  try { st = fs.statSync(p) } catch { return 0 }
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue
    max = Math.max(max, newestMtime(path.join(p, e.name)))
  }
  return max
}

function needsBuild() {
  let oldestOut = Infinity
  for (const o of OUTPUTS) {
    try { oldestOut = Math.min(oldestOut, fs.statSync(path.join(repo, o)).mtimeMs) } catch { return true }
  }
  const newestSrc = Math.max(...SOURCES.map((s) => newestMtime(path.join(repo, s))))
  return newestSrc > oldestOut
}

if (needsBuild()) {
  // electron-vite's own bin, run by the same Node 22 (no shell, works alike on Windows and Linux).
  const pkg = require('electron-vite/package.json')
  const bin = path.join(path.dirname(require.resolve('electron-vite/package.json')), typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['electron-vite'])
  const r = spawnSync(nodeBin, [bin, 'build'], { cwd: repo, stdio: 'inherit' })
  if (r.status !== 0) {
    console.error('构建失败（electron-vite build），请查看上面的错误信息。')
    process.exit(r.status ?? 1)
  }
}

// ---- child process plumbing ------------------------------------------------------------------------
function run(cmd, cmdArgs, env) {
  const child = spawn(cmd, cmdArgs, { cwd: repo, stdio: 'inherit', env })
  const forward = (sig) => () => { if (child.exitCode === null && child.signalCode === null) child.kill(sig) }
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    if (process.platform === 'win32' && sig === 'SIGHUP') continue
    process.on(sig, forward(sig))
  }
  child.on('error', (e) => {
    console.error(`无法启动 ${path.basename(cmd)}：${e.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

// ---- (b) the desktop app, if the Electron binary is there -----------------------------------------
function electronBinary() {
  const dir = path.join(repo, 'node_modules/electron')
  let rel
  try { rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim() } catch { return null }
  if (!rel) return null
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist')
  const bin = path.join(dist, rel)
  return fs.existsSync(bin) ? bin : null
}

const electron = electronBinary()
if (electron) {
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  run(electron, ['.', ...(dataArg ? ['--data', dataArg] : []), ...args], env)
} else {
  // ---- (c) the browser shell -----------------------------------------------------------------------
  console.log('未找到 Electron 程序文件（本机无法下载），改为启动浏览器版：')
  const dataDir = dataArg ?? (process.env.DIBAO_DATA ? path.resolve(userCwd, process.env.DIBAO_DATA) : path.join(repo, '.data'))
  const rest = args.filter((a) => a !== '--open')
  const web = path.join(repo, 'out/main/web.js')
  if (!fs.existsSync(web)) {
    console.error(`缺少 ${path.relative(repo, web)}：浏览器版尚未构建，请先运行 npm run build。`)
    process.exit(1)
  }
  run(nodeBin, [web, '--data', dataDir, '--open', ...rest], process.env)
}
