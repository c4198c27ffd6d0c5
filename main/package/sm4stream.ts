// SM4-CBC with PKCS#7 padding over streams (issue 6: optional encryption of the package payload). Node's OpenSSL
// has sm4-cbc and is used where present; Electron's BoringSSL has no SM4, so there the blocks go through
// sm-crypto-v2 chunk by chunk, each chunk's last ciphertext block being the next chunk's IV (plain CBC). Both give
// what `openssl enc -sm4-cbc -K … -iv …` gives (tested).
import crypto from 'node:crypto'
import { Transform } from 'node:stream'
import { sm4 } from 'sm-crypto-v2'

const NATIVE = (() => { try { return crypto.getCiphers().includes('sm4-cbc') } catch { return false } })()

/** Ciphertext size of `n` plaintext bytes (PKCS#7 always adds 1–16 bytes). */
export const sm4CbcSize = (n: number) => (Math.floor(n / 16) + 1) * 16

function jsBlocks(data: Uint8Array, key: Uint8Array, iv: Uint8Array, encrypt: boolean): Uint8Array {
  if (data.length === 0) return data
  return (encrypt ? sm4.encrypt(data, key, { mode: 'cbc', iv, padding: 'none', output: 'array' }) : sm4.decrypt(data, key, { mode: 'cbc', iv, padding: 'none', output: 'array' })) as Uint8Array
}

/** A Transform that SM4-CBC encrypts (or decrypts) what passes through it. */
/** `js`: force the sm-crypto-v2 path (what Electron runs), for the tests. */
export function sm4CbcStream(key: Uint8Array, iv: Uint8Array, mode: 'encrypt' | 'decrypt', js = false): Transform {
  if (NATIVE && !js) {
    return mode === 'encrypt' ? crypto.createCipheriv('sm4-cbc', key, iv) : crypto.createDecipheriv('sm4-cbc', key, iv)
  }
  let chain = Uint8Array.from(iv)
  let rest: Uint8Array = new Uint8Array(0)
  const enc = mode === 'encrypt'
  return new Transform({
    transform(chunk: Buffer, _e, next) {
      const all = Buffer.concat([rest, chunk])
      // when decrypting keep the last block back: it carries the padding
      let whole = all.length - (all.length % 16)
      if (!enc && whole === all.length) whole -= 16
      rest = all.subarray(whole)
      const out = jsBlocks(all.subarray(0, whole), key, chain, enc)
      if (whole > 0) chain = Uint8Array.from((enc ? out : all.subarray(0, whole)).subarray(whole - 16, whole))
      next(null, Buffer.from(out))
    },
    flush(next) {
      try {
        if (enc) {
          const pad = 16 - (rest.length % 16)
          const last = Buffer.concat([rest, Buffer.alloc(pad, pad)])
          next(null, Buffer.from(jsBlocks(last, key, chain, true)))
        } else {
          if (rest.length !== 16) throw new Error('密文长度不是 16 的倍数')
          const last = jsBlocks(rest, key, chain, false)
          const pad = last[15]!
          if (pad < 1 || pad > 16 || last.subarray(16 - pad).some((b) => b !== pad)) throw new Error('解密失败（密钥不对或内容损坏）')
          next(null, Buffer.from(last.subarray(0, 16 - pad)))
        }
      } catch (e) { next(e as Error) }
    },
  })
}

/** One-shot helpers for buffers (manifest-sized data). */
export function sm4CbcEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Buffer {
  if (NATIVE) { const c = crypto.createCipheriv('sm4-cbc', key, iv); return Buffer.concat([c.update(data), c.final()]) }
  return Buffer.from(sm4.encrypt(data, key, { mode: 'cbc', iv, output: 'array' }) as Uint8Array)
}
export function sm4CbcDecrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Buffer {
  try {
    if (NATIVE) { const d = crypto.createDecipheriv('sm4-cbc', key, iv); return Buffer.concat([d.update(data), d.final()]) }
    return Buffer.from(sm4.decrypt(data, key, { mode: 'cbc', iv, output: 'array' }) as Uint8Array)
  } catch { throw new Error('解密失败（密钥不对或内容损坏）') }
}
export const nativeSm4 = NATIVE
