// The .dbpkg container (issue 6): a signed package written through temp file → fsync → rename → read back,
// verified by stock tools exactly as docs/package-format.md says (unzip, openssl pkeyutl, openssl dgst -sm3), and
// every hostile input refused with a Chinese reason: flipped bytes, files added or removed, a wrong key,
// zip-slip and absolute paths, symlinks, duplicates, declared-size lies, a zip bomb, truncation, an unknown
// format version — plus random mutations of a valid package (fuzz) that must never verify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import yazl from 'yazl'
import { tempDir } from '../fixtures/core'
import { encryptedPrivateKeyPem, fingerprint, generateKeyPair, publicKeyPem, sign, type KeyPair } from '../../main/package/keys'
import { PackageError, readPayloadFile, verifyPackage, writePackage, type Manifest } from '../../main/package/container'
import { sm3Hex } from '../../main/package/sm3stream'

let dir = ''
let key: KeyPair
const f = (n: string) => path.join(dir, n)
const base = (): Omit<Manifest, 'files' | 'format'> => ({ kind: 'submission', township: { code: '410721101', name: '小冀镇' }, county: { code: '410721' }, sequence: 3, previous: 'a'.repeat(64), createdAt: '2026-12-02T16:00:00+08:00', operator: '张丽（jingban）', period: { from: '2026-11-01', to: '2026-12-02' }, counts: { cases: 2 }, signer: 'FP' })
let good = ''

/** A zip written by hand from entries (for the hostile cases): [name, bytes, options]. */
async function rawZip(out: string, items: Array<{ name: string; data: Buffer; mode?: number; compress?: boolean }>): Promise<void> {
  const z = new yazl.ZipFile()
  for (const it of items) z.addBuffer(it.data, it.name, { compress: it.compress ?? true, mode: it.mode, mtime: new Date('2026-12-02') })
  z.end()
  await new Promise<void>((resolve, reject) => z.outputStream.pipe(fs.createWriteStream(out)).on('close', resolve).on('error', reject))
}
/** A manifest+signature pair over `files` (each [path, bytes]), optionally with changes to the manifest. */
function signed(files: Array<[string, Buffer]>, patch: Partial<Manifest> = {}, k = key) {
  const manifest = { format: 1, ...base(), files: files.map(([p, d]) => ({ path: p, size: d.length, sm3: sm3Hex(d) })), ...patch }
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n')
  return { manifest: bytes, sig: Buffer.from(sign(bytes, k)) }
}
/** Refused with `reason` both ways: hashed in this thread, and with the stored files hashed on worker threads. */
const refused = async (file: string, reason: RegExp) => {
  for (const parallel of ['never', 'always'] as const) {
    const e = await verifyPackage(file, key.publicKey, { parallel, threads: 2 }).then(() => null, (x: unknown) => x)
    expect(e, `${path.basename(file)} should be refused (${parallel})`).toBeInstanceOf(PackageError)
    expect((e as Error).message).toMatch(reason)
  }
}

beforeAll(async () => {
  dir = tempDir('dibao-pkg-')
  key = generateKeyPair()
  fs.writeFileSync(f('scan.jpg'), crypto.randomBytes(300_000))
  fs.writeFileSync(f('township.pub.pem'), publicKeyPem(key.publicKey))
  good = f('good.dbpkg')
  await writePackage(good, base(), [
    { path: 'payload/cases.json', data: Buffer.from(JSON.stringify([{ caseNo: '410721101-2026-00009', decision: '确认纳入低保' }])) },
    { path: 'payload/attachments/scan-1.jpg', file: f('scan.jpg') },
    { path: 'payload/报送单.pdf', data: Buffer.from('%PDF-1.4\n%中文路径\n') },
  ], key)
})
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }) })

describe('报送包容器', () => {
  it('写出后读回核验；清单列出每个文件的大小和 SM3；没有遗留临时文件', async () => {
    const v = await verifyPackage(good, key.publicKey)
    expect(v.manifest).toMatchObject({ format: 1, kind: 'submission', sequence: 3, township: { code: '410721101' } })
    expect(v.manifest.files.map((x) => x.path)).toEqual(['payload/cases.json', 'payload/attachments/scan-1.jpg', 'payload/报送单.pdf'])
    expect(v.manifest.files[1]).toMatchObject({ size: 300_000, sm3: sm3Hex(fs.readFileSync(f('scan.jpg'))) })
    expect(fs.readdirSync(dir).filter((x) => x.endsWith('.part'))).toEqual([])
    // the stored files hashed on worker threads give the same verified package
    for (const threads of [1, 2, 3]) expect((await verifyPackage(good, key.publicKey, { parallel: 'always', threads })).manifestSm3).toBe(v.manifestSm3)
  })

  it('大文件分块写入：每块接续的 CRC-32（unzip -t）和 SM3（openssl）都与一次算出的一致', async () => {
    fs.writeFileSync(f('big.jpg'), crypto.randomBytes(2_500_000 + 333)) // read in three chunks
    const out = f('big.dbpkg')
    // a stored file streamed from disk, and a compressed one from memory
    await writePackage(out, base(), [{ path: 'payload/files/big.jpg', file: f('big.jpg') }, { path: 'payload/big.json', data: Buffer.from(crypto.randomBytes(1_500_000).toString('hex')) }], key)
    const t = spawnSync('unzip', ['-t', out], { encoding: 'utf8' })
    expect(t.status, t.stdout).toBe(0)
    const manifest = (await verifyPackage(out, key.publicKey, { parallel: 'always' })).manifest
    for (const file of manifest.files) {
      const bytes = spawnSync('unzip', ['-p', out, file.path], { maxBuffer: 64 << 20 }).stdout
      expect(spawnSync('openssl', ['dgst', '-sm3'], { input: bytes, encoding: 'utf8' }).stdout.trim().split('= ')[1], file.path).toBe(file.sm3)
    }
  })

  it('陌生人用 unzip 和 OpenSSL 3 按文档命令核验签名和每个文件的 SM3', () => {
    // every entry's CRC-32 (written through zlib.crc32, see container.ts) is what unzip computes
    const t = spawnSync('unzip', ['-t', good], { encoding: 'utf8' })
    expect(t.status, t.stdout).toBe(0)
    expect(t.stdout).toMatch(/No errors detected/)
    const x = (name: string, out: string) => fs.writeFileSync(f(out), spawnSync('unzip', ['-p', good, name]).stdout)
    x('manifest.json', 'm.json'); x('manifest.sig', 'm.sig')
    const v = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', f('township.pub.pem'), '-rawin', '-in', f('m.json'), '-sigfile', f('m.sig'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'], { encoding: 'utf8' })
    expect(v.stdout).toContain('Signature Verified Successfully')
    const manifest = JSON.parse(fs.readFileSync(f('m.json'), 'utf8')) as Manifest
    for (const file of manifest.files) {
      const bytes = spawnSync('unzip', ['-p', good, file.path], { maxBuffer: 64 << 20 }).stdout
      const dg = spawnSync('openssl', ['dgst', '-sm3'], { input: bytes, encoding: 'utf8' }).stdout.trim().split('= ')[1]
      expect(dg, file.path).toBe(file.sm3)
    }
  })

  it('别的密钥、改动一个字节、增删文件、清单篡改：整包拒绝并说明原因', async () => {
    const other = generateKeyPair()
    expect(await verifyPackage(good, other.publicKey).then(() => 'ok', (e: Error) => e.message)).toMatch(/签名验证失败/)
    const cases = Buffer.from('[{"caseNo":"1"}]')
    const s = signed([['payload/cases.json', cases]])
    await rawZip(f('tamper.dbpkg'), [{ name: 'manifest.json', data: s.manifest }, { name: 'manifest.sig', data: s.sig }, { name: 'payload/cases.json', data: Buffer.from('[{"caseNo":"2"}]') }])
    await refused(f('tamper.dbpkg'), /SM3 与清单不符/)
    await rawZip(f('added.dbpkg'), [{ name: 'manifest.json', data: s.manifest }, { name: 'manifest.sig', data: s.sig }, { name: 'payload/cases.json', data: cases }, { name: 'payload/extra.json', data: Buffer.from('{}') }])
    await refused(f('added.dbpkg'), /清单以外的文件：payload\/extra\.json/)
    await rawZip(f('removed.dbpkg'), [{ name: 'manifest.json', data: s.manifest }, { name: 'manifest.sig', data: s.sig }])
    await refused(f('removed.dbpkg'), /缺少文件：payload\/cases\.json/)
    const m2 = Buffer.from(s.manifest.toString().replace('"sequence": 3', '"sequence": 4'))
    await rawZip(f('manifest.dbpkg'), [{ name: 'manifest.json', data: m2 }, { name: 'manifest.sig', data: s.sig }, { name: 'payload/cases.json', data: cases }])
    await refused(f('manifest.dbpkg'), /签名验证失败/)
    await rawZip(f('nosig.dbpkg'), [{ name: 'manifest.json', data: s.manifest }, { name: 'payload/cases.json', data: cases }])
    await refused(f('nosig.dbpkg'), /没有签名文件/)
    const v2 = signed([['payload/cases.json', cases]], { format: 2 })
    await rawZip(f('v2.dbpkg'), [{ name: 'manifest.json', data: v2.manifest }, { name: 'manifest.sig', data: v2.sig }, { name: 'payload/cases.json', data: cases }])
    await refused(f('v2.dbpkg'), /格式版本 2 不受支持/)
  })

  it('危险的条目：路径穿越、绝对路径、符号链接、重复条目、目录条目', async () => {
    const d = Buffer.from('x')
    const s = signed([['payload/a.txt', d]])
    const head = [{ name: 'manifest.json', data: s.manifest }, { name: 'manifest.sig', data: s.sig }, { name: 'payload/a.txt', data: d }]
    // yazl refuses to write such names itself: patch the bytes of a written zip instead
    const patched = async (out: string, from: string, to: string, extra: Array<{ name: string; data: Buffer; mode?: number }> = []) => {
      await rawZip(out, [...head, ...extra])
      const b = fs.readFileSync(out)
      const src = Buffer.from(from), dst = Buffer.from(to)
      expect(src.length).toBe(dst.length)
      let i = -1
      while ((i = b.indexOf(src, i + 1)) >= 0) dst.copy(b, i)
      fs.writeFileSync(out, b)
    }
    await patched(f('slip.dbpkg'), 'payload/zz.txt', '../../../etc/p', [{ name: 'payload/zz.txt', data: d }])
    await refused(f('slip.dbpkg'), /不安全|损坏/)
    await patched(f('abs.dbpkg'), 'payload/zz.txt', '/tmp/evil.txt1', [{ name: 'payload/zz.txt', data: d }])
    await refused(f('abs.dbpkg'), /不安全|损坏/)
    await patched(f('dup.dbpkg'), 'payload/b.txt', 'payload/a.txt', [{ name: 'payload/b.txt', data: d }])
    await refused(f('dup.dbpkg'), /重复的条目：payload\/a\.txt/)
    await rawZip(f('link.dbpkg'), [...head, { name: 'payload/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }])
    await refused(f('link.dbpkg'), /符号链接/)
  })

  it('压缩炸弹、声明大小不实、截断的文件', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024) // 50 MB of zeros: compresses ~1000:1
    const s = signed([['payload/zeros.bin', big]])
    await rawZip(f('bomb.dbpkg'), [{ name: 'manifest.json', data: s.manifest }, { name: 'manifest.sig', data: s.sig }, { name: 'payload/zeros.bin', data: big }])
    await refused(f('bomb.dbpkg'), /压缩比异常/)
    // the declared size in the central directory says 1 byte, the data inflates to more
    const d = Buffer.from('abcdefghij'.repeat(100))
    const s2 = signed([['payload/d.txt', d]])
    await rawZip(f('lie.dbpkg'), [{ name: 'manifest.json', data: s2.manifest }, { name: 'manifest.sig', data: s2.sig }, { name: 'payload/d.txt', data: d }])
    const b = fs.readFileSync(f('lie.dbpkg'))
    const cd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) // the last central directory entry is payload/d.txt
    b.writeUInt32LE(1, cd + 24)
    fs.writeFileSync(f('lie.dbpkg'), b)
    await refused(f('lie.dbpkg'), /大小|损坏/)
    const whole = fs.readFileSync(good)
    fs.writeFileSync(f('trunc.dbpkg'), whole.subarray(0, Math.floor(whole.length * 0.6)))
    await refused(f('trunc.dbpkg'), /损坏|不是报送包/)
    fs.writeFileSync(f('empty.dbpkg'), Buffer.alloc(0))
    await refused(f('empty.dbpkg'), /损坏|不是报送包/)
  })

  it('模糊测试：对有效报送包随机改动 300 次，没有一次能通过核验，也不会抛出 PackageError 以外的异常', async () => {
    const whole = fs.readFileSync(good)
    let seed = 20261202
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n }
    for (let i = 0; i < 300; i++) {
      const b = Buffer.from(whole)
      const kind = i % 4
      if (kind === 0) for (let j = 0, n = 1 + rnd(4); j < n; j++) b[rnd(b.length)] ^= 1 << rnd(8)
      else if (kind === 1) b.writeUInt32LE(rnd(2 ** 32), rnd(b.length - 4))
      else if (kind === 2) { const at = rnd(b.length); b.fill(0, at, Math.min(b.length, at + 1 + rnd(64))) }
      else { const at = rnd(b.length - 8); b.copy(b, rnd(b.length - 8), at, at + 8) }
      if (b.equals(whole)) continue
      const file = f(`fuzz-${i}.dbpkg`)
      fs.writeFileSync(file, b)
      // every third one also with the stored files hashed on worker threads: the same verdict
      const check = (parallel: 'never' | 'always') => verifyPackage(file, key.publicKey, { parallel, threads: 2 }).then(() => 'verified', (e: unknown) => (e instanceof PackageError ? 'refused' : `other: ${String(e)}`))
      const r = await check('never')
      if (i % 3 === 0) expect(await check('always'), `fuzz ${i}`).toBe(r)
      // a flip inside zip padding or an unused header field may leave the content intact: then it must still verify the same content
      if (r === 'verified') {
        const v = await verifyPackage(file, key.publicKey)
        const orig = await verifyPackage(good, key.publicKey)
        expect(v.manifestSm3).toBe(orig.manifestSm3)
      } else expect(r).toBe('refused')
      fs.rmSync(file)
    }
  })

  it('写入目标盘失败时给出明确提示，不留半个文件', async () => {
    const ro = f('readonly')
    fs.mkdirSync(ro)
    fs.chmodSync(ro, 0o500)
    const target = path.join(ro, 'x.dbpkg')
    const e = await writePackage(target, base(), [{ path: 'payload/a.txt', data: Buffer.from('a') }], key).then(() => null, (x: unknown) => x)
    if (process.getuid?.() !== 0) { // root ignores directory permissions
      expect(e).toBeInstanceOf(PackageError)
      expect((e as Error).message).toMatch(/无法写入目标盘/)
    }
    fs.chmodSync(ro, 0o700)
    expect(fs.readdirSync(ro).filter((x) => x.endsWith('.part'))).toEqual([])
    await expect(writePackage(f('bad.dbpkg'), base(), [{ path: '../x', data: Buffer.from('a') }], key)).rejects.toThrow(/文件名不合规/)
  })

  it('命令行：dibao package verify FILE --key PUB.pem 不需要数据目录；通过退出 0，否则 1 并说明原因', () => {
    const bin = path.resolve(__dirname, '../../main/cli/dibao.cjs')
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, DIBAO_DATA: '' } })
    const ok = run(['package', 'verify', good, '--key', f('township.pub.pem'), '--json'])
    expect(ok.stderr).toBe('')
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, kind: 'submission', sequence: 3, township: { code: '410721101' }, files: 3 })
    const other = generateKeyPair()
    fs.writeFileSync(f('other.pub.pem'), publicKeyPem(other.publicKey))
    const bad = run(['package', 'verify', good, '--key', f('other.pub.pem')])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/核验未通过：签名验证失败/)
    const j = run(['package', 'verify', f('tamper.dbpkg'), '--key', f('township.pub.pem'), '--json'])
    expect(j.status).toBe(1)
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, reason: expect.stringMatching(/SM3 与清单不符/) })
    expect(run(['package', 'verify', good]).status).toBe(2)
  })

  it('加密报送包：内容用 SM4 加密、密钥 SM2 封装给县级公钥；不用私钥也能核验完整性；县级私钥（或 OpenSSL）能解开；别的私钥解不开', async () => {
    const county = generateKeyPair()
    const plainCases = Buffer.from(JSON.stringify([{ caseNo: '410721101-2026-00009', members: ['410721198001284555'] }]))
    const out = f('enc.dbpkg')
    const { manifest } = await writePackage(out, base(), [{ path: 'payload/cases.json', data: plainCases }, { path: 'payload/files/scan', file: f('scan.jpg'), compress: false }], key, undefined, { encryptTo: { publicKey: county.publicKey, fingerprint: fingerprint(county.publicKey) } })
    expect(manifest.encryption).toMatchObject({ cipher: 'SM4-CBC', keyWrap: 'SM2', recipient: fingerprint(county.publicKey) })
    const v = await verifyPackage(out, key.publicKey)
    expect(v.manifest.files[1]!.size).toBe(300_000 + 16 - (300_000 % 16))
    // the ciphertext in the zip is not the plaintext
    expect(spawnSync('unzip', ['-p', out, 'payload/cases.json']).stdout.includes(Buffer.from('410721198001284555'))).toBe(false)
    expect(await readPayloadFile(out, v.manifest, 'payload/cases.json', county)).toEqual(plainCases)
    expect(await readPayloadFile(out, v.manifest, 'payload/files/scan', county)).toEqual(fs.readFileSync(f('scan.jpg')))
    await expect(readPayloadFile(out, v.manifest, 'payload/cases.json', generateKeyPair())).rejects.toThrow(/无法解开内容密钥|解密失败/)
    await expect(readPayloadFile(out, v.manifest, 'payload/cases.json', null)).rejects.toThrow(/内容已加密/)
    // OpenSSL: unwrap the SM4 key with the county's private key, then decrypt a file (docs/package-format.md §2)
    fs.writeFileSync(f('county.key.pem'), encryptedPrivateKeyPem(county, 'county-pass-1', 2048))
    fs.writeFileSync(f('wrapped.der'), Buffer.from((manifest.encryption as { wrappedKey: string }).wrappedKey, 'hex'))
    const k = spawnSync('openssl', ['pkeyutl', '-decrypt', '-inkey', f('county.key.pem'), '-passin', 'pass:county-pass-1', '-in', f('wrapped.der')])
    expect(k.status).toBe(0)
    const sm4key = Buffer.from(k.stdout).toString('hex')
    expect(sm4key).toMatch(/^[0-9a-f]{32}$/)
    fs.writeFileSync(f('cases.enc'), spawnSync('unzip', ['-p', out, 'payload/cases.json']).stdout)
    const d = spawnSync('openssl', ['enc', '-d', '-sm4-cbc', '-K', sm4key, '-iv', manifest.files[0]!.iv!, '-in', f('cases.enc')])
    expect(d.status).toBe(0)
    expect(Buffer.from(d.stdout)).toEqual(plainCases)
  })
})

