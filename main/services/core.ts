// Opening the core: the data directory, the database, the clock. Every door starts here.
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { openDatabase } from '../../db'
import type { Core } from './context'

export function defaultDataDir(): string {
  if (process.env.DIBAO_DATA) return process.env.DIBAO_DATA
  const home = os.homedir()
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'sunshine-dibao')
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'sunshine-dibao')
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'sunshine-dibao')
}

export async function openCore(dataDir: string, opts: { clock?: () => Date } = {}): Promise<Core & { close(): Promise<void> }> {
  for (const sub of ['attachments', 'backups', 'keys', 'exports', 'logs']) fs.mkdirSync(path.join(dataDir, sub), { recursive: true })
  const opened = await openDatabase(dataDir)
  const core: Core & { close(): Promise<void> } = {
    db: opened.db, opened, dataDir, clock: opts.clock ?? (() => new Date()), writeQueue: Promise.resolve(), writes: 0,
    async close() { await core.writeQueue.catch(() => undefined); await opened.close() }
  }
  return core
}
