// SM3 of file ranges on worker threads (main/package/parallelSm3.ts): the split into contiguous runs, and the
// digests — native and with the JS SM3 the workers get as source text (what Electron runs) — against OpenSSL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { hashRanges, splitRuns, type RangeJob } from '../../main/package/parallelSm3'
import { tempDir } from '../fixtures/core'

let dir = ''
let file = ''
let bytes: Buffer
const opensslSm3 = (b: Buffer) => spawnSync('openssl', ['dgst', '-sm3'], { input: b, encoding: 'utf8' }).stdout.trim().split('= ')[1]

beforeAll(() => {
  dir = tempDir('dibao-psm3-')
  file = path.join(dir, 'data.bin')
  bytes = crypto.randomBytes(5 * 1024 * 1024 + 777)
  fs.writeFileSync(file, bytes)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('多线程计算文件各段的 SM3', () => {
  it('按文件顺序分成连续的几段，字节数大致相等，每段恰好一次', () => {
    const jobs: RangeJob[] = Array.from({ length: 10 }, (_, i) => ({ index: i, start: (9 - i) * 100, size: 100 }))
    const runs = splitRuns(jobs, 3)
    expect(runs).toHaveLength(3)
    expect(runs.flat().map((j) => j.start)).toEqual([...jobs].map((j) => j.start).sort((a, b) => a - b))
    for (const r of runs) expect(r.length).toBeGreaterThanOrEqual(3)
    expect(splitRuns(jobs.slice(0, 1), 4)).toHaveLength(1)
    expect(splitRuns([], 2)).toEqual([])
  })

  it('原生和 JS 的 SM3 在工作线程里与 openssl dgst -sm3 一致；读到文件尾时报告实际读到的字节数', async () => {
    const jobs: RangeJob[] = [
      { index: 0, start: 0, size: 0 },
      { index: 1, start: 3, size: 1 },
      { index: 2, start: 1000, size: 2 * 1024 * 1024 + 5 },
      { index: 3, start: 7, size: 64 },
      { index: 4, start: 4 * 1024 * 1024, size: bytes.length - 4 * 1024 * 1024 },
      { index: 5, start: bytes.length - 10, size: 50 }, // runs past the end: 10 bytes are there
    ]
    for (const js of [false, true]) {
      for (const threads of [1, 2, 4]) {
        const got = await hashRanges(file, jobs, threads, js)
        for (const j of jobs) {
          const have = bytes.subarray(j.start, j.start + j.size)
          expect(got.get(j.index), `job ${j.index} js=${js} threads=${threads}`).toEqual({ index: j.index, sm3: opensslSm3(have), read: have.length })
        }
      }
    }
  })

  it('文件打不开时给出错误（不会挂起）', async () => {
    await expect(hashRanges(path.join(dir, '没有这个文件.bin'), [{ index: 0, start: 0, size: 10 }], 2)).rejects.toThrow(/ENOENT/)
  })
})
