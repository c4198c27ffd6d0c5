// SM2 keys of the USB exchange (issue 6; docs/package-format.md): generated with sm-crypto-v2, stored as an
// encrypted PKCS#8 PEM (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC, the scheme `openssl pkcs8 -topk8 -v2 aes-256-cbc`
// writes) and a public SPKI PEM, both readable by stock OpenSSL 3. Signatures are SM2 with SM3 and the
// user ID 1234567812345678, DER-encoded — `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:…`.
import crypto from 'node:crypto'
import { sm2, sm3 } from 'sm-crypto-v2'
import { DerError, bits, child, ctx, int, intValue, nul, octets, oid, oidString, parse, pem, seq, unpem } from './der'

export const SM2_USER_ID = '1234567812345678'
const OID_EC = '1.2.840.10045.2.1'
const OID_SM2 = '1.2.156.10197.1.301'
const OID_PBES2 = '1.2.840.113549.1.5.13'
const OID_PBKDF2 = '1.2.840.113549.1.5.12'
const OID_HMAC_SHA256 = '1.2.840.113549.2.9'
const OID_AES256_CBC = '2.16.840.1.101.3.4.1.42'
/** PBKDF2 iterations for a new key file: 200 000 (OpenSSL's own default is 2 048); opening the key costs ~0.2 s on an office PC, and the passphrase plus the file are both needed to sign. */
const ITERATIONS = 200_000

export class KeyError extends Error {}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const unhex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'))

export interface KeyPair { privateKey: string; publicKey: string }

export function generateKeyPair(): KeyPair {
  const k = sm2.generateKeyPairHex()
  return { privateKey: k.privateKey.padStart(64, '0'), publicKey: k.publicKey }
}

const algorithm = () => seq(oid(OID_EC), oid(OID_SM2))

/** SubjectPublicKeyInfo PEM of an uncompressed public key (04‖X‖Y hex). */
export function publicKeyPem(publicKey: string): string {
  if (!/^04[0-9a-f]{128}$/i.test(publicKey)) throw new KeyError('公钥格式无效')
  return pem('PUBLIC KEY', seq(algorithm(), bits(unhex(publicKey))))
}

export function readPublicKeyPem(text: string): string {
  try {
    const n = parse(unpem(text, 'PUBLIC KEY'))
    const alg = child(n, 0, 0x30)
    if (oidString(child(alg, 0)) !== OID_EC || oidString(child(alg, 1)) !== OID_SM2) throw new KeyError('不是 SM2 公钥（算法标识不是 SM2 曲线）')
    const bs = child(n, 1, 0x03).body
    const key = hex(bs.subarray(1))
    if (bs[0] !== 0 || !/^04[0-9a-f]{128}$/.test(key) || !sm2.verifyPublicKey(key)) throw new KeyError('公钥不是 SM2 曲线上的点')
    return key
  } catch (e) {
    if (e instanceof KeyError) throw e
    throw new KeyError(`无法读取公钥文件：${e instanceof DerError ? e.message : '格式无效'}（应为 SPKI PEM，以 -----BEGIN PUBLIC KEY----- 开头）`)
  }
}

/** 指纹: SM3 of the SPKI DER, as 16 groups of 4 hex digits (shown in the UI and on the registration sheet). */
export function fingerprint(publicKey: string): string {
  const der = unpem(publicKeyPem(publicKey), 'PUBLIC KEY')
  return sm3(der).toUpperCase().match(/.{4}/g)!.join(' ')
}

function pkcs8(k: KeyPair): Uint8Array {
  const ecPrivateKey = seq(int(1), octets(unhex(k.privateKey)), ctx(1, bits(unhex(k.publicKey))))
  return seq(int(0), algorithm(), octets(ecPrivateKey))
}

/** Encrypted PKCS#8 PEM of the key pair under a passphrase (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC). */
export function encryptedPrivateKeyPem(k: KeyPair, passphrase: string, iterations = ITERATIONS): string {
  if (passphrase.length < 8) throw new KeyError('口令至少 8 位')
  const salt = crypto.randomBytes(16)
  const iv = crypto.randomBytes(16)
  const key = crypto.pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, 32, 'sha256')
  const c = crypto.createCipheriv('aes-256-cbc', key, iv)
  const enc = Buffer.concat([c.update(pkcs8(k)), c.final()])
  const params = seq(
    seq(oid(OID_PBKDF2), seq(octets(salt), int(iterations), seq(oid(OID_HMAC_SHA256), nul()))),
    seq(oid(OID_AES256_CBC), octets(iv)),
  )
  return pem('ENCRYPTED PRIVATE KEY', seq(seq(oid(OID_PBES2), params), octets(enc)))
}

/** Opens an encrypted PKCS#8 PEM; a wrong passphrase is a KeyError that says so. */
export function readEncryptedPrivateKeyPem(text: string, passphrase: string): KeyPair {
  let der: Uint8Array
  try { der = unpem(text, 'ENCRYPTED PRIVATE KEY') } catch { throw new KeyError('不是加密的私钥文件（应以 -----BEGIN ENCRYPTED PRIVATE KEY----- 开头）') }
  let info: Uint8Array
  try {
    const n = parse(der)
    const alg = child(n, 0, 0x30)
    if (oidString(child(alg, 0)) !== OID_PBES2) throw new KeyError('私钥文件的加密方式不受支持（应为 PBES2）')
    const kdf = child(child(alg, 1), 0)
    const cipher = child(child(alg, 1), 1)
    if (oidString(child(kdf, 0)) !== OID_PBKDF2 || oidString(child(cipher, 0)) !== OID_AES256_CBC) throw new KeyError('私钥文件的加密方式不受支持（应为 PBKDF2 + AES-256-CBC）')
    const kp = child(kdf, 1)
    const salt = child(kp, 0, 0x04).body
    const iter = intValue(child(kp, 1))
    const prf = kp.children!.find((c) => c.tag === 0x30)
    if (prf && oidString(child(prf, 0)) !== OID_HMAC_SHA256) throw new KeyError('私钥文件的口令算法不受支持（应为 HMAC-SHA256）')
    if (iter < 1000 || iter > 10_000_000) throw new KeyError('私钥文件的迭代次数异常')
    const iv = child(cipher, 1, 0x04).body
    const key = crypto.pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iter, 32, 'sha256')
    const d = crypto.createDecipheriv('aes-256-cbc', key, iv)
    try { info = Buffer.concat([d.update(child(n, 1, 0x04).body), d.final()]) } catch { throw new KeyError('口令不正确，无法打开签名私钥') }
  } catch (e) {
    if (e instanceof KeyError) throw e
    throw new KeyError(`私钥文件已损坏：${e instanceof Error ? e.message : ''}`)
  }
  try {
    const n = parse(info)
    const alg = child(n, 1, 0x30)
    if (oidString(child(alg, 0)) !== OID_EC || oidString(child(alg, 1)) !== OID_SM2) throw new KeyError('不是 SM2 私钥')
    const ec = parse(child(n, 2, 0x04).body)
    const privateKey = hex(child(ec, 1, 0x04).body).padStart(64, '0')
    const publicKey = sm2.getPublicKeyFromPrivateKey(privateKey)
    const stored = ec.children!.find((c) => c.tag === 0xa1)
    if (stored && hex(parse(stored.body).body.subarray(1)) !== publicKey) throw new KeyError('私钥文件中的公钥与私钥不符')
    return { privateKey, publicKey }
  } catch (e) {
    if (e instanceof KeyError) throw e
    throw new KeyError('口令不正确，无法打开签名私钥')
  }
}

/** SM2 signature with SM3 and the user ID, DER-encoded (what `openssl pkeyutl -verify -rawin -digest sm3` checks). */
export function sign(message: Uint8Array, k: KeyPair): Uint8Array {
  return unhex(sm2.doSignature(message, k.privateKey, { hash: true, der: true, publicKey: k.publicKey, userId: SM2_USER_ID }))
}

export function verify(message: Uint8Array, signature: Uint8Array, publicKey: string): boolean {
  try { return sm2.doVerifySignature(message, hex(signature), publicKey, { hash: true, der: true, userId: SM2_USER_ID }) } catch { return false }
}

/** Wraps a content key to a recipient's SM2 public key (C1C3C2, ASN.1 DER: what `openssl pkeyutl -decrypt` reads). */
export function wrapKey(secret: Uint8Array, publicKey: string): Uint8Array {
  return unhex(sm2.doEncrypt(secret, publicKey, 1, { asn1: true }))
}

/** Unwraps it with the recipient's key pair; a wrong key is a KeyError. */
export function unwrapKey(wrapped: Uint8Array, k: KeyPair): Uint8Array {
  try {
    const out = sm2.doDecrypt(hex(wrapped), k.privateKey, 1, { output: 'array', asn1: true })
    if (!out || out.length === 0) throw new Error('empty')
    return out
  } catch { throw new KeyError('无法解开内容密钥：报送包不是加密给本机密钥的，或密钥不对') }
}

/** Whether two fingerprints name the same key, however they were written down (spaces, colons, dashes, case). */
export const sameFingerprint = (a: string, b: string) => a.replace(/[\s:-]+/g, '').toUpperCase() === b.replace(/[\s:-]+/g, '').toUpperCase()
