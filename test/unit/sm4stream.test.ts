// SM4-CBC over streams (main/package/sm4stream.ts): the chunked sm-crypto-v2 path (what Electron runs) and the
// native one give the same ciphertext as a one-shot encryption and as `openssl enc -sm4-cbc`, and decrypt back.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import { Readable } from 'node:stream'
import { sm4 } from 'sm-crypto-v2'
import { sm4CbcDecrypt, sm4CbcEncrypt, sm4CbcSize, sm4CbcStream } from '../../main/package/sm4stream'

async function through(data: Buffer, t: NodeJS.ReadWriteStream, chunk: number): Promise<Buffer> {
  const parts: Buffer[] = []
  for (let i = 0; i < data.length; i += chunk) parts.push(data.subarray(i, i + chunk))
  const out: Buffer[] = []
  await new Promise<void>((resolve, reject) => { Readable.from(parts).pipe(t).on('data', (c: Buffer) => out.push(c)).on('end', resolve).on('error', reject) })
  return Buffer.concat(out)
}

describe('SM4-CBC 流式加解密', () => {
  it('分段（JS 实现与原生实现）与一次加密、openssl enc 的结果一致，且能解回原文', async () => {
    const key = crypto.randomBytes(16), iv = crypto.randomBytes(16)
    for (const n of [0, 1, 15, 16, 17, 1000, 65_537]) {
      const data = crypto.randomBytes(n)
      const want = Buffer.from(sm4.encrypt(data, key, { mode: 'cbc', iv, output: 'array' }) as Uint8Array)
      expect(want.length).toBe(sm4CbcSize(n))
      for (const js of [true, false]) {
        expect(await through(data, sm4CbcStream(key, iv, 'encrypt', js), 1 + (n % 37)), `encrypt ${n} js=${js}`).toEqual(want)
        expect(await through(want, sm4CbcStream(key, iv, 'decrypt', js), 7), `decrypt ${n} js=${js}`).toEqual(data)
      }
      expect(sm4CbcEncrypt(data, key, iv)).toEqual(want)
      expect(sm4CbcDecrypt(want, key, iv)).toEqual(data)
      if (n === 1000) {
        const o = spawnSync('openssl', ['enc', '-sm4-cbc', '-K', key.toString('hex'), '-iv', iv.toString('hex')], { input: data })
        expect(Buffer.from(o.stdout)).toEqual(want)
      }
    }
    expect(() => sm4CbcDecrypt(crypto.randomBytes(32), crypto.randomBytes(16), iv)).toThrow(/解密失败/)
  })
})
