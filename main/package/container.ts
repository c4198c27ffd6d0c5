// The .dbpkg container (issue 6; docs/package-format.md §2): a zip holding manifest.json, manifest.sig (SM2-SM3
// over the manifest's exact bytes) and the payload files the manifest lists with size and SM3. Writing streams
// every file (hash, then zip), goes to a temp file beside the target, fsyncs, renames, and reads the result back
// through the same verifier before it reports success. Reading trusts nothing: names, types, sizes, ratios,
// duplicates and the file set are checked before a byte is hashed, and one failure refuses the whole package.
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform, Writable } from 'node:stream'
import zlib from 'node:zlib'
import yazl from 'yazl'
import yauzl from 'yauzl'
import { createSm3, sm3Hex } from './sm3stream'
import { hashRanges, type RangeJob } from './parallelSm3'
import crypto from 'node:crypto'
import { sign, unwrapKey, verify, wrapKey, type KeyPair } from './keys'
import { sm4CbcDecrypt, sm4CbcEncrypt, sm4CbcSize, sm4CbcStream } from './sm4stream'

// yazl takes each entry's CRC-32 from buffer-crc32, plain JS at ~400 MB/s: five seconds of a 2 GB package.
// Node's zlib.crc32 (Node 22, also in Electron) gives the same value ten times faster, so buffer-crc32's
// `unsigned` — the one function yazl calls, always with a Buffer and a number — is pointed at it where it exists.
// Every CRC written is checked by `unzip -t` in the container test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bufferCrc32 = require('buffer-crc32') as { unsigned: (buf: Uint8Array, previous?: number) => number }
if (typeof zlib.crc32 === 'function') bufferCrc32.unsigned = (buf, previous) => zlib.crc32(buf, previous ?? 0)

export const FORMAT_VERSION = 1
export const MANIFEST = 'manifest.json'
export const SIGNATURE = 'manifest.sig'

/** size and sm3 are of the bytes in the zip: the ciphertext when the payload is encrypted (then `iv` is the file's SM4-CBC IV). */
export interface ManifestFile { path: string; size: number; sm3: string; iv?: string }
/** Optional payload encryption: one random SM4 key, wrapped to the county's SM2 public key. */
export interface ManifestEncryption { cipher: 'SM4-CBC'; padding: 'PKCS#7'; keyWrap: 'SM2'; wrappedKey: string; recipient: string }
export interface Manifest {
  format: number
  kind: 'submission' | 'reply'
  township: { code: string; name: string }
  county: { code: string }
  sequence: number
  previous: string | null
  createdAt: string
  operator: string
  period: { from: string | null; to: string }
  counts: Record<string, number>
  signer: string
  files: ManifestFile[]
  [extra: string]: unknown
}

export class PackageError extends Error {}

/** Limits on what a reader accepts (a zip bomb or a hostile archive stops here). */
export const LIMITS = { entries: 200_000, totalBytes: 32 * 1024 ** 3, entryBytes: 8 * 1024 ** 3, ratio: 200, manifestBytes: 64 * 1024 ** 2 }

const SAFE_NAME = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))(?!.*\/\/)[^\\:*?"<>|\x00-\x1f]+$/
/** A payload path as the manifest may list it: relative, forward slashes, no `.`/`..` segments, no drive letters. */
export const isSafePath = (p: string) => SAFE_NAME.test(p) && !p.endsWith('/') && p.length <= 400

/**
 * A payload file from memory or disk; `compress` false stores it as is (scans are JPEG/PNG/PDF, already compressed).
 * `sm3` is the known SM3 of a content-addressed file on disk (a scan is stored under its SM3): it goes into the
 * manifest without hashing the file again while it is written, and the read-back — which hashes every byte in the
 * package against the manifest — is what proves it. Ignored when the payload is encrypted (the manifest then
 * lists the ciphertext's SM3, computed as it is written).
 */
export interface PackageInput { path: string; data?: Uint8Array; file?: string; compress?: boolean; sm3?: string }


const STORED = /\.(jpe?g|png|gif|webp|pdf|zip|gz|tif|tiff|bmp)$/i

/** A failed write to the target drive as the clerk's message (a full, removed or write-protected USB drive), else the error itself. */
export function driveError(e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOSPC') return new PackageError('目标盘空间不足，报送包未写完（已删除未完成的文件）。请换一个有足够空间的 U 盘后重试')
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENXIO' || code === 'EROFS' || code === 'EACCES') return new PackageError(`无法写入目标盘（${code}）：U 盘可能已拔出、写保护或没有权限。请检查 U 盘后重试`)
  return e
}

/** Writes a signed package to `out` (temp → fsync → rename → read back and verify); returns what was verified. */
export async function writePackage(out: string, base: Omit<Manifest, 'files' | 'format'>, inputs: PackageInput[], key: KeyPair, onProgress?: (done: number, total: number) => void, opts: { encryptTo?: { publicKey: string; fingerprint: string }; onVerify?: () => void; keepCopy?: string } = {}): Promise<{ manifest: Manifest; manifestSm3: string; bytes: number; keepError: unknown }> {
  const seen = new Set<string>()
  for (const f of inputs) {
    if (!isSafePath(f.path) || f.path === MANIFEST || f.path === SIGNATURE) throw new PackageError(`报送包内文件名不合规：${f.path}`)
    if (seen.has(f.path)) throw new PackageError(`报送包内文件重复：${f.path}`)
    seen.add(f.path)
  }
  // one pass over the files: each is hashed as it streams into the zip; the manifest and its signature go last
  const contentKey = opts.encryptTo ? crypto.randomBytes(16) : null
  const encryption: ManifestEncryption | null = opts.encryptTo && contentKey ? { cipher: 'SM4-CBC', padding: 'PKCS#7', keyWrap: 'SM2', wrappedKey: Buffer.from(wrapKey(contentKey, opts.encryptTo.publicKey)).toString('hex'), recipient: opts.encryptTo.fingerprint } : null
  const ivs = inputs.map(() => (contentKey ? crypto.randomBytes(16) : null))
  const datas = inputs.map((f, i) => (f.data ? (contentKey ? sm4CbcEncrypt(f.data, contentKey, ivs[i]!) : f.data) : null))
  const files: ManifestFile[] = inputs.map((f, i) => {
    const plain = f.data ? f.data.length : fs.statSync(f.file!).size
    const known = !contentKey && f.file && f.sm3 && /^[0-9a-f]{64}$/.test(f.sm3) ? f.sm3 : ''
    return { path: f.path, size: contentKey && !f.data ? sm4CbcSize(plain) : (datas[i]?.length ?? plain), sm3: datas[i] ? sm3Hex(datas[i]!) : known, ...(ivs[i] ? { iv: ivs[i]!.toString('hex') } : {}) }
  })
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true })
  const tmp = `${out}.${process.pid}.part`
  try {
    const zip = new yazl.ZipFile()
    const mtime = new Date(String(base.createdAt))
    let done = 0
    const total = files.reduce((s, f, i) => s + (inputs[i]!.file ? f.size : 0), 0)
    const streamed: Array<Promise<void>> = []
    inputs.forEach((f, i) => {
      const compress = contentKey ? false : (f.compress ?? !STORED.test(f.path)) // ciphertext does not compress
      if (datas[i]) { zip.addBuffer(Buffer.from(datas[i]!), f.path, { mtime, compress }); return }
      // opened only when yazl reaches it (one file open at a time); hashed and counted as it passes through; yazl
      // checks the byte count against the size taken above (a file changed meanwhile fails the write)
      let finished!: () => void, failed!: (e: unknown) => void
      streamed.push(new Promise<void>((res, rej) => { finished = res; failed = rej }))
      const known = files[i]!.sm3 !== ''
      zip.addReadStreamLazy(f.path, { mtime, compress, size: files[i]!.size }, (cb) => {
        const h = known ? null : createSm3()
        const counter = new Transform({
          transform(chunk: Buffer, _e, next) { h?.update(chunk); done += chunk.length; onProgress?.(done, total); next(null, chunk) },
          flush(next) { if (h) files[i]!.sm3 = h.digest(); finished(); next() },
        })
        const rs = fs.createReadStream(f.file!, { highWaterMark: 1 << 20 })
        rs.on('error', failed)
        cb(null, contentKey ? rs.pipe(sm4CbcStream(contentKey, ivs[i]!, 'encrypt')).pipe(counter) : rs.pipe(counter))
      })
    })
    const fd = fs.openSync(tmp, 'w')
    try {
      const written = pipeline(zip.outputStream, fs.createWriteStream('', { fd, autoClose: false }))
      await Promise.all(streamed)
      const manifest = { format: FORMAT_VERSION, ...base, ...(encryption ? { encryption } : {}), files } as Manifest
      const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')
      zip.addBuffer(manifestBytes, MANIFEST, { mtime, compress: true })
      zip.addBuffer(Buffer.from(sign(manifestBytes, key)), SIGNATURE, { mtime, compress: false })
      zip.end()
      await written
      fs.fsyncSync(fd)
    } finally { fs.closeSync(fd) }
    fs.renameSync(tmp, out)
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    throw driveError(e)
  }
  // read back what is on the drive, exactly as the county will; a package that does not verify is not left there
  opts.onVerify?.()
  // `keepCopy`: a copy of the written file, made while the read-back hashes it (disk I/O beside the hashing threads);
  // kept only if the package verifies, and a failed copy is reported, not fatal
  const keeping = opts.keepCopy ? copyDurably(out, opts.keepCopy).then(() => null, (e: unknown) => e ?? new Error('copy failed')) : Promise.resolve(null)
  let check: VerifiedPackage
  try { check = await verifyPackage(out, key.publicKey) } catch (e) {
    await keeping
    if (opts.keepCopy) fs.rmSync(opts.keepCopy, { force: true })
    fs.rmSync(out, { force: true })
    const bad = e instanceof PackageError ? /^文件 (\S+) 的 SM3 与清单不符/.exec(e.message)?.[1] : undefined
    const src = bad ? inputs.find((x) => x.path === bad && x.sm3) : undefined
    if (src) throw new PackageError(`本机材料文件 ${path.basename(src.file!)} 已损坏（内容与其 SM3 不符），报送包未生成：请从备份恢复数据目录的 attachments 文件夹后重新导出`)
    throw new PackageError(`报送包写入后读回核验未通过（${e instanceof Error ? e.message : String(e)}），已删除写出的文件：U 盘可能有坏区，请换一个 U 盘重试`)
  }
  return { manifest: check.manifest, manifestSm3: check.manifestSm3, bytes: fs.statSync(out).size, keepError: await keeping }
}

/** Copies `src` to `dest` as temp → fsync → rename, off the event loop (a 2 GB package must not freeze the window); no temp file is left on failure. */
export async function copyDurably(src: string, dest: string): Promise<void> {
  const tmp = `${dest}.${process.pid}.part`
  try {
    await fs.promises.copyFile(src, tmp)
    const fd = fs.openSync(tmp, 'r+')
    try { fs.fsyncSync(fd) } finally { fs.closeSync(fd) }
    fs.renameSync(tmp, dest)
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    throw e
  }
}

const open = (file: string) => new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true, decodeStrings: true }, (err, z) => (err ? reject(err) : resolve(z!))))

async function entries(z: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = []
    z.on('entry', (e: yauzl.Entry) => { out.push(e); if (out.length > LIMITS.entries) reject(new PackageError(`报送包条目过多（超过 ${LIMITS.entries} 个）`)); else z.readEntry() })
    z.on('end', () => resolve(out))
    z.on('error', reject)
    z.readEntry()
  })
}

/** Streams one entry into `sink`; any failure (bad deflate data, a CRC or size mismatch) is a PackageError naming the file. */
async function readEntry(z: yauzl.ZipFile, e: yauzl.Entry, sink: (chunk: Buffer) => void): Promise<number> {
  let n = 0
  try {
    const rs = await new Promise<NodeJS.ReadableStream>((resolve, reject) => z.openReadStream(e, (err, s) => (err ? reject(err) : resolve(s!))))
    await pipeline(rs, new Writable({ write(chunk: Buffer, _e, cb) { n += chunk.length; if (n > e.uncompressedSize) cb(new PackageError(`文件 ${e.fileName} 的实际大小超过声明的大小`)); else { sink(chunk); cb() } } }))
  } catch (err) {
    throw err instanceof PackageError ? err : new PackageError(`文件 ${e.fileName} 已损坏或不完整（${err instanceof Error ? err.message : ''}）`)
  }
  return n
}

/** Stored files of a package at least this big are hashed on worker threads (below it, starting threads costs more than it saves). */
export const PARALLEL_MIN_BYTES = 32 * 1024 ** 2
/** `parallel`: 'auto' (by size), or forced either way (the tests run the hostile inputs both ways); `threads`: at most this many. */
export interface VerifyOptions { parallel?: 'auto' | 'always' | 'never'; threads?: number }

export interface VerifiedPackage { manifest: Manifest; manifestSm3: string; bytes: number }

/**
 * Verifies a package against the signer's public key; throws PackageError saying exactly what failed. `publicKey`
 * may be chosen from the (not yet verified) manifest — a county picks the sending township's registered key — and
 * the chooser may refuse with its own PackageError (an unregistered township, a key it does not know).
 */
export async function verifyPackage(file: string, publicKey: string | ((claimed: Manifest) => string), opts: VerifyOptions = {}): Promise<VerifiedPackage> {
  if (!fs.existsSync(file)) throw new PackageError(`找不到报送包文件 ${file}`)
  const st = fs.lstatSync(file)
  if (!st.isFile()) throw new PackageError('报送包不是普通文件')
  let z: yauzl.ZipFile
  try { z = await open(file) } catch (e) { throw new PackageError(`报送包已损坏或不是报送包（${e instanceof Error ? e.message : ''}）`) }
  try {
    let list: yauzl.Entry[]
    try { list = await entries(z) } catch (e) { throw e instanceof PackageError ? e : new PackageError(`报送包已损坏（${e instanceof Error ? e.message : ''}）`) }
    const names = new Map<string, yauzl.Entry>()
    let total = 0
    for (const e of list) {
      const name = e.fileName
      if (names.has(name)) throw new PackageError(`报送包内有重复的条目：${name}`)
      names.set(name, e)
      if (!isSafePath(name)) throw new PackageError(`报送包内的文件名不安全：${name}（不允许绝对路径、“..”、反斜杠或盘符）`)
      const mode = (e.externalFileAttributes >>> 16) & 0o170000
      if (mode === 0o120000) throw new PackageError(`报送包内有符号链接：${name}`)
      if (mode === 0o040000 || name.endsWith('/')) throw new PackageError(`报送包内有目录条目：${name}`)
      if (e.uncompressedSize > LIMITS.entryBytes) throw new PackageError(`文件 ${name} 声明的大小过大`)
      if (e.compressedSize > 0 && e.uncompressedSize > 1 << 20 && e.uncompressedSize / e.compressedSize > LIMITS.ratio) throw new PackageError(`文件 ${name} 的压缩比异常（疑似压缩炸弹）`)
      if (e.compressedSize === 0 && e.uncompressedSize > 0) throw new PackageError(`文件 ${name} 的大小记录异常`)
      total += e.uncompressedSize
      if (total > LIMITS.totalBytes) throw new PackageError('报送包解压后总大小超过上限')
    }
    const me = names.get(MANIFEST), se = names.get(SIGNATURE)
    if (!me) throw new PackageError('报送包中没有 manifest.json')
    if (!se) throw new PackageError('报送包中没有签名文件 manifest.sig')
    if (me.uncompressedSize > LIMITS.manifestBytes) throw new PackageError('manifest.json 过大')
    const mChunks: Buffer[] = []
    await readEntry(z, me, (c) => mChunks.push(c))
    const manifestBytes = Buffer.concat(mChunks)
    const sChunks: Buffer[] = []
    await readEntry(z, se, (c) => sChunks.push(c))
    let manifest: Manifest
    try { manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest } catch { throw new PackageError('manifest.json 不是有效的 JSON') }
    if (manifest === null || typeof manifest !== 'object') throw new PackageError('manifest.json 不是有效的清单')
    if (manifest.format !== FORMAT_VERSION) throw new PackageError(`报送包格式版本 ${String(manifest.format)} 不受支持（本程序支持版本 ${FORMAT_VERSION}），请升级程序或请对方重新导出`)
    const key = typeof publicKey === 'function' ? publicKey(manifest) : publicKey
    if (!verify(manifestBytes, Buffer.concat(sChunks), key)) throw new PackageError('签名验证失败：manifest.json 被改动，或报送包不是由所登记的密钥签名的')
    if (!Array.isArray(manifest.files)) throw new PackageError('manifest.json 缺少文件清单')
    const listed = new Set<string>()
    for (const f of manifest.files) {
      if (typeof f?.path !== 'string' || !isSafePath(f.path) || !Number.isSafeInteger(f.size) || !/^[0-9a-f]{64}$/.test(String(f.sm3))) throw new PackageError(`manifest.json 的文件清单有无效条目：${String(f?.path)}`)
      if (manifest.encryption && !/^[0-9a-f]{32}$/.test(String(f.iv))) throw new PackageError(`manifest.json 中加密文件 ${f.path} 缺少 IV`)
      if (listed.has(f.path)) throw new PackageError(`manifest.json 重复列出文件：${f.path}`)
      listed.add(f.path)
    }
    for (const name of names.keys()) if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) throw new PackageError(`报送包中有清单以外的文件：${name}`)
    for (const f of manifest.files) {
      const e = names.get(f.path)
      if (!e) throw new PackageError(`报送包中缺少文件：${f.path}`)
      if (e.uncompressedSize !== f.size) throw new PackageError(`文件 ${f.path} 的大小与清单不符（清单 ${f.size} 字节，包内 ${e.uncompressedSize} 字节）`)
    }
    // every byte of every file is hashed: the stored (uncompressed) ones of a big package on worker threads,
    // straight from their range of the file, the others through the zip reader here meanwhile
    const storedBytes = manifest.files.reduce((sum, f) => sum + (names.get(f.path)!.compressionMethod === 0 ? f.size : 0), 0)
    const parallel = opts.parallel === 'always' || (opts.parallel !== 'never' && storedBytes >= PARALLEL_MIN_BYTES)
    const jobs: RangeJob[] = []
    if (parallel) {
      for (const [i, f] of manifest.files.entries()) {
        const e = names.get(f.path)!
        if (e.compressionMethod !== 0 || f.size === 0) continue
        if (e.compressedSize !== e.uncompressedSize) throw new PackageError(`文件 ${f.path} 的大小记录异常`)
        let start: number
        try { start = (await z.readLocalFileHeaderPromise(e, { minimal: true })).fileDataStart } catch (err) { throw new PackageError(`文件 ${f.path} 已损坏或不完整（${err instanceof Error ? err.message : ''}）`) }
        jobs.push({ index: i, start, size: f.size })
      }
    }
    // settled into a value at once: a thread failing while this thread still reads must not be an unhandled rejection
    const threaded = hashRanges(file, jobs, opts.threads).then((r) => ({ ok: true as const, r }), (e: unknown) => ({ ok: false as const, e }))
    const hashed = new Map<number, { sm3: string; read: number }>()
    const onThreads = new Set(jobs.map((j) => j.index))
    try {
      for (const [i, f] of manifest.files.entries()) {
        if (onThreads.has(i)) continue
        const h = createSm3()
        const read = await readEntry(z, names.get(f.path)!, (c) => h.update(c))
        hashed.set(i, { sm3: h.digest(), read })
      }
    } finally { await threaded }
    const t = await threaded
    if (!t.ok) throw new PackageError(`读取报送包失败（${t.e instanceof Error ? t.e.message : String(t.e)}）`)
    for (const [i, r] of t.r) hashed.set(i, r)
    for (const [i, f] of manifest.files.entries()) {
      const r = hashed.get(i)!
      if (r.read !== f.size) throw new PackageError(`文件 ${f.path} 不完整（应为 ${f.size} 字节，实际 ${r.read} 字节）`)
      if (r.sm3 !== f.sm3) throw new PackageError(`文件 ${f.path} 的 SM3 与清单不符：内容被改动或损坏`)
    }
    return { manifest, manifestSm3: sm3Hex(manifestBytes), bytes: fs.statSync(file).size }
  } finally { z.close() }
}

/** The manifest of a package verified earlier and kept under the data directory (the county's copy), read again without re-hashing the package. */
export async function readKeptManifest(file: string): Promise<Manifest> {
  const z = await open(file)
  try {
    const e = (await entries(z)).find((x) => x.fileName === MANIFEST)
    if (!e || e.uncompressedSize > LIMITS.manifestBytes) throw new PackageError('报送包副本中没有 manifest.json')
    const chunks: Buffer[] = []
    await readEntry(z, e, (c) => chunks.push(c))
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Manifest
  } finally { z.close() }
}

/** Reads one payload file of a verified package as plaintext: decrypts with the recipient's key when the payload is encrypted. */
export async function readPayloadFile(file: string, manifest: Manifest, name: string, recipient: KeyPair | null): Promise<Buffer> {
  const entry = manifest.files.find((f) => f.path === name)
  if (!entry) throw new PackageError(`报送包中没有 ${name}`)
  const z = await open(file)
  try {
    const list = await entries(z)
    const e = list.find((x) => x.fileName === name)
    if (!e) throw new PackageError(`报送包中没有 ${name}`)
    const chunks: Buffer[] = []
    await readEntry(z, e, (c) => chunks.push(c))
    const bytes = Buffer.concat(chunks)
    if (sm3Hex(bytes) !== entry.sm3) throw new PackageError(`文件 ${name} 的 SM3 与清单不符`)
    const enc = manifest.encryption as ManifestEncryption | undefined
    if (!enc) return bytes
    if (!recipient) throw new PackageError('报送包内容已加密，须用县民政局的私钥解开')
    let key: Uint8Array
    try { key = unwrapKey(Buffer.from(enc.wrappedKey, 'hex'), recipient) } catch (err) { throw new PackageError(err instanceof Error ? err.message : '无法解开内容密钥') }
    try { return sm4CbcDecrypt(bytes, key, Buffer.from(entry.iv!, 'hex')) } catch { throw new PackageError(`文件 ${name} 解密失败：密钥不对或内容损坏`) }
  } finally { z.close() }
}
