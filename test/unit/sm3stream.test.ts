// Streaming SM3 (main/package/sm3stream.ts) against the standard's examples, sm-crypto-v2 and OpenSSL.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import { sm3 } from 'sm-crypto-v2'
import { Sm3, sm3Hex } from '../../main/package/sm3stream'

describe('分段计算的 SM3', () => {
  it('GB/T 32905 示例：abc 与 64 × abcd', () => {
    expect(sm3Hex(Buffer.from('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
    expect(sm3Hex(Buffer.from('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732')
  })
  it('任意长度、任意分段与一次计算、sm-crypto-v2、openssl dgst -sm3 一致', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 128, 1000, 70_001]) {
      const data = crypto.randomBytes(n)
      const h = new Sm3()
      for (let i = 0; i < n;) { const step = 1 + Math.floor(Math.random() * 97); h.update(data.subarray(i, i + step)); i += step }
      const want = sm3(data)
      expect(h.digest()).toBe(want)
      expect(sm3Hex(data)).toBe(want)
      if (n === 70_001) expect(spawnSync('openssl', ['dgst', '-sm3'], { input: data, encoding: 'utf8' }).stdout.trim().split('= ')[1]).toBe(want)
    }
  })
})
