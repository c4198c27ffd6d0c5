// A minimal DER (X.690) writer and reader for the few structures the package keys need: SPKI public keys,
// PKCS#8 private keys and their PBES2 encryption (RFC 5958, RFC 8018). Written here because the SM2 curve is
// unknown to Electron's BoringSSL, so node:crypto cannot parse or export these keys in the app; stock OpenSSL 3
// reads what this writes (tested with the openssl CLI).

export type Der = Uint8Array

function len(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n)
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Uint8Array.of(0x80 | bytes.length, ...bytes)
}
const cat = (parts: Uint8Array[]) => { const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0)); let o = 0; for (const p of parts) { out.set(p, o); o += p.length } return out }
export const tlv = (tag: number, body: Uint8Array): Der => cat([Uint8Array.of(tag), len(body.length), body])

export const seq = (...items: Der[]) => tlv(0x30, cat(items))
export const octets = (b: Uint8Array) => tlv(0x04, b)
export const bits = (b: Uint8Array) => tlv(0x03, cat([Uint8Array.of(0), b]))
export const nul = () => Uint8Array.of(0x05, 0x00)
export const ctx = (n: number, body: Der) => tlv(0xa0 | n, body)
export function int(v: number | Uint8Array): Der {
  let b: Uint8Array
  if (typeof v === 'number') { const a: number[] = []; for (let x = v; x > 0; x = Math.floor(x / 256)) a.unshift(x & 0xff); b = Uint8Array.from(a.length ? a : [0]) } else b = v
  let i = 0
  while (i < b.length - 1 && b[i] === 0 && (b[i + 1]! & 0x80) === 0) i++
  b = b.subarray(i)
  return tlv(0x02, b[0]! & 0x80 ? cat([Uint8Array.of(0), b]) : b)
}
export function oid(dotted: string): Der {
  const p = dotted.split('.').map(Number)
  const out: number[] = [40 * p[0]! + p[1]!]
  for (const n of p.slice(2)) {
    const enc: number[] = [n & 0x7f]
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) enc.unshift(0x80 | (v & 0x7f))
    out.push(...enc)
  }
  return tlv(0x06, Uint8Array.from(out))
}

export class DerError extends Error {}

export interface Node { tag: number; body: Uint8Array; children?: Node[] }

/** Parses one DER element (and, for constructed ones, its children); throws DerError on anything malformed. */
export function parse(buf: Uint8Array): Node {
  const [node, used] = parseAt(buf, 0, 0)
  if (used !== buf.length) throw new DerError('DER 末尾有多余的数据')
  return node
}
function parseAt(buf: Uint8Array, at: number, depth: number): [Node, number] {
  if (depth > 16) throw new DerError('DER 嵌套过深')
  if (at + 2 > buf.length) throw new DerError('DER 数据不完整')
  const tag = buf[at]!
  let l = buf[at + 1]!
  let o = at + 2
  if (l & 0x80) {
    const n = l & 0x7f
    if (n === 0 || n > 4 || o + n > buf.length) throw new DerError('DER 长度无效')
    l = 0
    for (let i = 0; i < n; i++) l = l * 256 + buf[o + i]!
    o += n
  }
  if (o + l > buf.length) throw new DerError('DER 数据不完整')
  const body = buf.subarray(o, o + l)
  const node: Node = { tag, body }
  if (tag & 0x20) {
    node.children = []
    let p = 0
    while (p < body.length) { const [c, used] = parseAt(body, p, depth + 1); node.children.push(c); p = used }
  }
  return [node, o + l]
}

export function oidString(n: Node): string {
  if (n.tag !== 0x06 || n.body.length === 0) throw new DerError('应为 OID')
  const b = n.body
  const out = [Math.floor(b[0]! / 40), b[0]! % 40]
  let v = 0
  for (let i = 1; i < b.length; i++) { v = v * 128 + (b[i]! & 0x7f); if (!(b[i]! & 0x80)) { out.push(v); v = 0 } }
  return out.join('.')
}
export function intValue(n: Node): number {
  if (n.tag !== 0x02 || n.body.length > 6) throw new DerError('应为整数')
  return n.body.reduce((s, x) => s * 256 + x, 0)
}
export const child = (n: Node, i: number, tag?: number): Node => {
  const c = n.children?.[i]
  if (!c || (tag !== undefined && c.tag !== tag)) throw new DerError('DER 结构不符')
  return c
}

export function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`
}
export function unpem(text: string, label: string): Uint8Array {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text)
  if (!m) throw new DerError(`不是 ${label} 格式的 PEM 文件`)
  return new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'))
}
