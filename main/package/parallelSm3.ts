// SM3 of byte ranges of one file on worker threads. A package's scans are stored in the zip as they are (no
// compression), so each one is a contiguous range of the package file: reading them back is hashing gigabytes,
// and one thread is the limit (SM3 runs at ~300 MB/s native, less in JS). The ranges are split into one
// contiguous run per worker (each reads sequentially), hashed there, and only the digests come back. The main
// thread stays free meanwhile (the window does not freeze during a 2 GB read-back).
// The worker is inline source that needs only Node's built-ins: the app ships as one bundle (and an asar), so
// there is no separate worker file to find; the JS SM3 class travels as its own source text (sm3stream.ts keeps
// it self-contained) for runtimes without native SM3.
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { Sm3 } from './sm3stream'

export interface RangeJob { index: number; start: number; size: number }
export interface RangeResult { index: number; sm3: string; read: number }

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const crypto = require('node:crypto')
const Sm3 = (${String(Sm3)})
let native = false
try { native = crypto.getHashes().includes('sm3') && crypto.createHash('sm3').update('abc').digest('hex') === '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' } catch (e) { native = false }
parentPort.once('message', ({ file, jobs, js }) => {
  let fd
  try {
    fd = fs.openSync(file, 'r')
    const buf = Buffer.allocUnsafe(1 << 20)
    const out = []
    for (const j of jobs) {
      const useNative = native && !js
      const h = useNative ? crypto.createHash('sm3') : new Sm3()
      let pos = j.start, left = j.size, read = 0
      while (left > 0) {
        const n = fs.readSync(fd, buf, 0, Math.min(buf.length, left), pos)
        if (n === 0) break
        h.update(n === buf.length ? buf : buf.subarray(0, n))
        pos += n; left -= n; read += n
      }
      out.push({ index: j.index, sm3: useNative ? h.digest('hex') : h.digest(), read })
    }
    parentPort.postMessage({ ok: true, out })
  } catch (e) {
    parentPort.postMessage({ ok: false, message: String((e && e.message) || e) })
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
})
`

/** Threads for hashing: the machine's cores, at most 4 (a USB stick gives no more than that). */
export const hashThreads = (): number => Math.max(1, Math.min(4, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length))

/** Splits the ranges (in file order) into at most `lanes` contiguous runs of about equal bytes. */
export function splitRuns(jobs: RangeJob[], lanes: number): RangeJob[][] {
  const sorted = [...jobs].sort((a, b) => a.start - b.start)
  const total = sorted.reduce((s, j) => s + j.size, 0)
  const runs: RangeJob[][] = []
  let cur: RangeJob[] = [], bytes = 0
  for (const j of sorted) {
    cur.push(j); bytes += j.size
    if (runs.length < lanes - 1 && bytes >= (total * (runs.length + 1)) / lanes) { runs.push(cur); cur = [] }
  }
  if (cur.length) runs.push(cur)
  return runs
}

function runLane(file: string, jobs: RangeJob[], js: boolean): Promise<RangeResult[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_SOURCE, { eval: true })
    let settled = false
    const done = (f: () => void) => { if (settled) return; settled = true; f(); void w.terminate() }
    w.once('message', (m: { ok: true; out: RangeResult[] } | { ok: false; message: string }) => done(() => (m.ok ? resolve(m.out) : reject(new Error(m.message)))))
    w.once('error', (e) => done(() => reject(e)))
    w.once('exit', (code) => done(() => reject(new Error(`SM3 线程意外退出（${code}）`))))
    w.postMessage({ file, jobs, js })
  })
}

/**
 * The SM3 (hex) and bytes read of each range of `file`, hashed on up to `threads` worker threads. `js` makes the
 * workers use the JS SM3 even where a native one exists (what Electron runs; the tests check both agree).
 */
export async function hashRanges(file: string, jobs: RangeJob[], threads = hashThreads(), js = false): Promise<Map<number, RangeResult>> {
  const out = new Map<number, RangeResult>()
  if (!jobs.length) return out
  const lanes = await Promise.all(splitRuns(jobs, threads).map((run) => runLane(file, run, js)))
  for (const lane of lanes) for (const r of lane) out.set(r.index, r)
  return out
}
