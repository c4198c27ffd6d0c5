// `npm run web -- --data DIR [--port N] [--open]`: starts the loopback browser shell and prints its URL.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { openCore, defaultDataDir } from '../services/core'
import { startWebShell } from './server'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]]
  try {
    const child = spawn(cmd[0] as string, cmd[1] as string[], { stdio: 'ignore', detached: true })
    child.on('error', () => console.log('（未能自动打开浏览器，请手动复制上面的地址到浏览器中打开）'))
    child.unref()
  } catch { /* printed URL is enough */ }
}

async function main(): Promise<void> {
  const dataDir = path.resolve(arg('--data') ?? defaultDataDir())
  const core = await openCore(dataDir)
  const shell = await startWebShell(core, { port: arg('--port') ? Number(arg('--port')) : 0 })
  console.log(`阳光低保浏览器版已启动（数据目录 ${dataDir}）`)
  console.log(`请在本机浏览器打开：${shell.url}`)
  console.log('（地址含一次性令牌，只能打开一次；按 Ctrl+C 退出）')
  if (process.argv.includes('--open')) openBrowser(shell.url)
  const stop = async () => { await shell.close(); await core.close(); process.exit(0) }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((e) => { console.error(`阳光低保浏览器版无法启动：${(e as Error).message}`); process.exit(1) })
