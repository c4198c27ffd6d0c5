// SM3 (GB/T 32905-2016) over a stream: packages carry gigabytes of scans, and sm-crypto-v2 only hashes a whole
// buffer at once. Checked against sm-crypto-v2 and `openssl dgst -sm3` in the tests (incl. the standard's
// examples "abc" and 64 × "abcd").

/**
 * The class refers to nothing outside itself (its constants are made per instance): parallelSm3.ts hands its
 * source text to worker threads, which hash where the runtime has no native SM3 (Electron's BoringSSL).
 */
export class Sm3 {
  private v = Int32Array.from([0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e])
  private t = Array.from({ length: 64 }, (_, j) => { const x = j < 16 ? 0x79cc4519 : 0x7a879d8a, n = j % 32; return ((x << n) | (x >>> (32 - n))) >>> 0 })
  private buf = new Uint8Array(64)
  private used = 0
  private total = 0
  private w = new Int32Array(68)
  private w1 = new Int32Array(64)

  update(data: Uint8Array): this {
    let i = 0
    this.total += data.length
    if (this.used) {
      const take = Math.min(64 - this.used, data.length)
      this.buf.set(data.subarray(0, take), this.used)
      this.used += take; i = take
      if (this.used === 64) { this.block(this.buf, 0); this.used = 0 }
    }
    for (; i + 64 <= data.length; i += 64) this.block(data, i)
    if (i < data.length) { this.buf.set(data.subarray(i), 0); this.used = data.length - i }
    return this
  }

  digest(): string {
    const bitLen = this.total * 8
    const pad = new Uint8Array(((this.used + 9 + 63) >> 6) * 64 - this.used)
    pad[0] = 0x80
    const dv = new DataView(pad.buffer)
    dv.setUint32(pad.length - 8, Math.floor(bitLen / 0x100000000))
    dv.setUint32(pad.length - 4, bitLen >>> 0)
    const total = this.total
    this.update(pad)
    this.total = total
    return Array.from(this.v, (x) => (x >>> 0).toString(16).padStart(8, '0')).join('')
  }

  private block(b: Uint8Array, o: number): void {
    const w = this.w, w1 = this.w1, v = this.v, T = this.t
    for (let j = 0; j < 16; j++) { const p = o + 4 * j; w[j] = (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]! }
    for (let j = 16; j < 68; j++) {
      let x = w[j - 16]! ^ w[j - 9]! ^ ((w[j - 3]! << 15) | (w[j - 3]! >>> 17))
      x = x ^ ((x << 15) | (x >>> 17)) ^ ((x << 23) | (x >>> 9))
      w[j] = x ^ ((w[j - 13]! << 7) | (w[j - 13]! >>> 25)) ^ w[j - 6]!
    }
    for (let j = 0; j < 64; j++) w1[j] = w[j]! ^ w[j + 4]!
    let a = v[0]!, bb = v[1]!, c = v[2]!, d = v[3]!, e = v[4]!, f = v[5]!, g = v[6]!, h = v[7]!
    for (let j = 0; j < 16; j++) {
      const a12 = (a << 12) | (a >>> 20)
      let ss1 = (a12 + e + T[j]!) | 0
      ss1 = (ss1 << 7) | (ss1 >>> 25)
      const tt1 = ((a ^ bb ^ c) + d + (ss1 ^ a12) + w1[j]!) | 0
      const tt2 = ((e ^ f ^ g) + h + ss1 + w[j]!) | 0
      d = c; c = (bb << 9) | (bb >>> 23); bb = a; a = tt1
      h = g; g = (f << 19) | (f >>> 13); f = e; e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15))
    }
    for (let j = 16; j < 64; j++) {
      const a12 = (a << 12) | (a >>> 20)
      let ss1 = (a12 + e + T[j]!) | 0
      ss1 = (ss1 << 7) | (ss1 >>> 25)
      const tt1 = (((a & bb) | (a & c) | (bb & c)) + d + (ss1 ^ a12) + w1[j]!) | 0
      const tt2 = (((e & f) | (~e & g)) + h + ss1 + w[j]!) | 0
      d = c; c = (bb << 9) | (bb >>> 23); bb = a; a = tt1
      h = g; g = (f << 19) | (f >>> 13); f = e; e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15))
    }
    v[0] = v[0]! ^ a; v[1] = v[1]! ^ bb; v[2] = v[2]! ^ c; v[3] = v[3]! ^ d; v[4] = v[4]! ^ e; v[5] = v[5]! ^ f; v[6] = v[6]! ^ g; v[7] = v[7]! ^ h
  }
}


import crypto from 'node:crypto'

export interface Sm3Hasher { update(data: Uint8Array): unknown; digest(): string }
/** Node's OpenSSL 3 has SM3 (the CLI and tests run there); Electron's BoringSSL does not, so the app uses the JS one. */
const NATIVE = (() => { try { return crypto.getHashes().includes('sm3') && crypto.createHash('sm3').update('abc').digest('hex') === '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0' } catch { return false } })()
export const nativeSm3 = NATIVE
/** A streaming SM3: the runtime's native one where it exists (same digest), else this file's. */
export function createSm3(): Sm3Hasher {
  if (!NATIVE) return new Sm3()
  const h = crypto.createHash('sm3')
  return { update: (d: Uint8Array) => h.update(d), digest: () => h.digest('hex') }
}

/** SM3 of a whole buffer (hex): native where the runtime has it (a scan viewed or unpacked is hashed on the main thread). */
export function sm3Hex(data: Uint8Array): string {
  const h = createSm3()
  h.update(data)
  return h.digest()
}
