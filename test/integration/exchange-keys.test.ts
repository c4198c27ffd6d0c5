// SM2 keys of the USB exchange (issue 6), checked against stock OpenSSL 3: the key files we write are read by
// `openssl pkey`, our signatures verify with `openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:…`, and
// OpenSSL's signatures verify with ours. Then the township's key service (init, rotate, county key, backup and
// restore, registration sheet) on a real data directory, and the `dibao keys` commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { newTestCore, tempDir, type TestCore } from '../fixtures/core'
import { encryptedPrivateKeyPem, fingerprint, generateKeyPair, publicKeyPem, readEncryptedPrivateKeyPem, readPublicKeyPem, sign, verify } from '../../main/package/keys'
import { backupKeys, importCountyKey, initKeys, keySheetPdf, listKeys, openSigningKey, restoreKeys } from '../../main/services/exchangeKeys'

let dir = ''
const f = (n: string) => path.join(dir, n)
const openssl = (args: string[], input?: string) => spawnSync('openssl', args, { encoding: 'utf8', input })
const PASS = 'Xiaoji2026!key'

beforeAll(() => { dir = tempDir('dibao-keys-') })
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }) })

describe('SM2 密钥文件与签名：与 OpenSSL 3 互通', () => {
  it('我们写的加密 PKCS#8 私钥和 SPKI 公钥 OpenSSL 能读；签名 OpenSSL 能验；OpenSSL 的签名我们能验', () => {
    const k = generateKeyPair()
    fs.writeFileSync(f('pub.pem'), publicKeyPem(k.publicKey))
    fs.writeFileSync(f('key.pem'), encryptedPrivateKeyPem(k, PASS, 4096))
    const msg = Buffer.from('{"format":1,"kind":"submission","township":"小冀镇"}')
    fs.writeFileSync(f('msg'), msg)
    fs.writeFileSync(f('msg.sig'), sign(msg, k))
    const v = openssl(['pkeyutl', '-verify', '-pubin', '-inkey', f('pub.pem'), '-rawin', '-in', f('msg'), '-sigfile', f('msg.sig'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'])
    expect(v.stdout).toContain('Signature Verified Successfully')
    expect(v.status).toBe(0)
    // one flipped byte: OpenSSL refuses too
    const bad = Buffer.from(msg); bad[5] ^= 1
    fs.writeFileSync(f('bad'), bad)
    expect(openssl(['pkeyutl', '-verify', '-pubin', '-inkey', f('pub.pem'), '-rawin', '-in', f('bad'), '-sigfile', f('msg.sig'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678']).status).not.toBe(0)
    expect(verify(bad, sign(msg, k), k.publicKey)).toBe(false)
    // OpenSSL opens the encrypted key with the passphrase, and derives the same public key
    const plain = openssl(['pkey', '-in', f('key.pem'), '-passin', `pass:${PASS}`])
    expect(plain.status).toBe(0)
    fs.writeFileSync(f('plain.pem'), plain.stdout)
    expect(openssl(['pkey', '-in', f('plain.pem'), '-pubout']).stdout).toBe(publicKeyPem(k.publicKey))
    // the documented fingerprint command (docs/package-format.md §1.4) gives the fingerprint we show
    const der = spawnSync('openssl', ['pkey', '-pubin', '-in', f('pub.pem'), '-outform', 'DER'])
    const dg = spawnSync('openssl', ['dgst', '-sm3'], { input: der.stdout, encoding: 'utf8' })
    expect(dg.stdout.trim().split('= ')[1]!.toUpperCase()).toBe(fingerprint(k.publicKey).replace(/ /g, ''))
    expect(openssl(['pkey', '-pubin', '-in', f('pub.pem'), '-noout', '-text']).stdout).toMatch(/ASN1 OID: SM2/)
    fs.writeFileSync(f('pass.txt'), `${PASS}\n`)
    expect(openssl(['pkey', '-in', f('key.pem'), '-passin', `file:${f('pass.txt')}`, '-noout']).status).toBe(0)
    expect(openssl(['pkey', '-in', f('key.pem'), '-passin', 'pass:wrong-pass']).status).not.toBe(0)
    // OpenSSL signs with it; we verify
    expect(openssl(['pkeyutl', '-sign', '-inkey', f('plain.pem'), '-rawin', '-in', f('msg'), '-out', f('ossl.sig'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678']).status).toBe(0)
    expect(verify(msg, fs.readFileSync(f('ossl.sig')), k.publicKey)).toBe(true)
    // and an OpenSSL-encrypted SM2 key (its own PBES2 defaults) opens with ours
    const enc = openssl(['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', f('plain.pem'), '-passout', `pass:${PASS}`])
    expect(readEncryptedPrivateKeyPem(enc.stdout, PASS)).toEqual(k)
  })

  it('口令错误、文件损坏、不是 SM2 公钥：各有明确的中文提示', () => {
    const k = generateKeyPair()
    const pemText = encryptedPrivateKeyPem(k, PASS, 4096)
    expect(() => readEncryptedPrivateKeyPem(pemText, 'not-the-pass')).toThrow(/口令不正确/)
    expect(() => readEncryptedPrivateKeyPem(pemText.replace(/[A-Za-z0-9+/]{10}\n/, 'AAAAAAAAAA\n'), PASS)).toThrow(/口令不正确|已损坏/)
    expect(() => readEncryptedPrivateKeyPem('hello', PASS)).toThrow(/不是加密的私钥文件/)
    const rsa = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'])
    fs.writeFileSync(f('p256.pem'), rsa.stdout)
    expect(() => readPublicKeyPem(openssl(['pkey', '-in', f('p256.pem'), '-pubout']).stdout)).toThrow(/不是 SM2 公钥/)
    expect(() => encryptedPrivateKeyPem(k, 'short')).toThrow(/口令至少 8 位/)
    expect(fingerprint(k.publicKey)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/)
  })
})

describe('乡镇的报送密钥', () => {
  let t: TestCore
  beforeAll(async () => { t = await newTestCore() })
  afterAll(async () => { await t.cleanup() })

  it('生成 → 指纹与公钥文件；重复生成被拒；更换密钥须原口令，新公钥由原密钥签名（OpenSSL 可验）', async () => {
    const k = await initKeys(t.core, t.admin, { passphrase: PASS })
    expect(k.own?.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/)
    expect(fs.readFileSync(path.join(t.dir, 'keys', 'township-sign.pub.pem'), 'utf8')).toBe(k.own!.publicKeyPem)
    const keyFile = fs.readdirSync(path.join(t.dir, 'keys')).find((x) => x.endsWith('.key.pem'))!
    expect(fs.readFileSync(path.join(t.dir, 'keys', keyFile), 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/)
    expect(fs.statSync(path.join(t.dir, 'keys', keyFile)).mode & 0o077).toBe(0)
    await expect(initKeys(t.core, t.admin, { passphrase: PASS })).rejects.toThrow(/已有签名密钥/)
    expect((await openSigningKey(t.core, PASS)).fingerprint).toBe(k.own!.fingerprint)
    await expect(openSigningKey(t.core, 'wrong-passphrase')).rejects.toThrow(/口令不正确/)

    await expect(initKeys(t.core, t.admin, { passphrase: 'NewPass2027!', rotate: true, oldPassphrase: 'wrong-passphrase' })).rejects.toThrow(/口令不正确/)
    const r = await initKeys(t.core, t.admin, { passphrase: 'NewPass2027!', rotate: true, oldPassphrase: PASS })
    expect(r.own!.fingerprint).not.toBe(k.own!.fingerprint)
    const old = await t.core.db.selectFrom('exchange_key').selectAll().where('fingerprint', '=', k.own!.fingerprint).executeTakeFirstOrThrow()
    expect(old.retired_at).not.toBeNull()
    fs.writeFileSync(f('old.pub.pem'), k.own!.publicKeyPem)
    fs.writeFileSync(f('new.pub.pem'), r.own!.publicKeyPem)
    fs.writeFileSync(f('succ.sig'), Buffer.from(old.successor_sig!, 'hex'))
    expect(openssl(['pkeyutl', '-verify', '-pubin', '-inkey', f('old.pub.pem'), '-rawin', '-in', f('new.pub.pem'), '-sigfile', f('succ.sig'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678']).stdout).toContain('Signature Verified Successfully')
    await expect(t.core.db.deleteFrom('exchange_key').execute()).rejects.toThrow(/append-only/)
    const actions = (await t.core.db.selectFrom('audit_log').select('action').where('action', 'like', 'keys.%').execute()).map((a) => a.action)
    expect(actions).toEqual(['keys.init', 'keys.rotate'])
  })

  it('县级公钥：核对指纹后导入，指纹不符拒绝', async () => {
    const county = generateKeyPair()
    await expect(importCountyKey(t.core, t.admin, { pem: publicKeyPem(county.publicKey), expectFingerprint: '0000 1111' })).rejects.toThrow(/公钥指纹不符/)
    await expect(importCountyKey(t.core, t.admin, { pem: 'garbage' })).rejects.toThrow(/无法读取公钥文件/)
    const k = await importCountyKey(t.core, t.admin, { pem: publicKeyPem(county.publicKey), expectFingerprint: fingerprint(county.publicKey).toLowerCase().replace(/ /g, '') })
    expect(k.county).toMatchObject({ fingerprint: fingerprint(county.publicKey), ownerName: '新乡县民政局' })
    await expect(importCountyKey(t.core, t.admin, { pem: publicKeyPem(county.publicKey) })).rejects.toThrow(/不需要重复导入/)
  })

  it('备份到 U 盘、重装后恢复：同一乡镇、原口令；别的乡镇的备份拒绝', async () => {
    const b = await backupKeys(t.core, t.admin, { passphrase: 'NewPass2027!' })
    await expect(backupKeys(t.core, t.admin, { passphrase: PASS })).rejects.toThrow(/口令不正确/)
    const fresh = await newTestCore()
    try {
      await expect(restoreKeys(fresh.core, fresh.admin, { text: b.text, passphrase: 'bad-passphrase' })).rejects.toThrow(/口令不正确/)
      const k = await restoreKeys(fresh.core, fresh.admin, { text: b.text, passphrase: 'NewPass2027!' })
      expect(k.own!.fingerprint).toBe(b.fingerprint)
      expect((await openSigningKey(fresh.core, 'NewPass2027!')).fingerprint).toBe(b.fingerprint)
      await expect(restoreKeys(fresh.core, fresh.admin, { text: b.text.replace(/"townshipCode": "\d+"/, '"townshipCode": "410721102"'), passphrase: 'NewPass2027!' })).rejects.toThrow(/与本机的乡镇/)
      await expect(restoreKeys(fresh.core, fresh.admin, { text: '{}', passphrase: 'x' })).rejects.toThrow(/不是本系统的密钥备份文件/)
    } finally { await fresh.cleanup() }
  })

  it('密钥登记表 PDF：乡镇、指纹、签字栏，编号 -MY-', async () => {
    const k = await listKeys((await import('../../main/services/context')).readCtx(t.core, t.admin))
    const r = await keySheetPdf(t.core, t.admin)
    fs.writeFileSync(f('sheet.pdf'), r.bytes)
    if (process.env.DIBAO_DOCS_OUT) fs.copyFileSync(f('sheet.pdf'), path.join(process.env.DIBAO_DOCS_OUT, 'key-sheet.pdf'))
    const text = execFileSync('pdftotext', ['-layout', f('sheet.pdf'), '-'], { encoding: 'utf8' })
    expect(text.replace(/\s+/g, '')).toContain(k.own!.fingerprint.replace(/ /g, ''))
    expect(text.replace(/\s+/g, '')).toContain('最低生活保障数据报送密钥登记表')
    expect(text).toContain('替换的原密钥指纹')
    expect(r.docNo).toMatch(/-MY-/)
    expect(execFileSync('pdfinfo', [f('sheet.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/)
  })
})

describe('命令行：dibao keys', () => {
  it('init（口令从标准输入）、show --json、export-public、import-county、sheet', async () => {
    const t = await newTestCore()
    const data = t.dir
    await t.core.close()
    try {
      const bin = path.resolve(__dirname, '../../main/cli/dibao.cjs')
      const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { ...process.env, DIBAO_DATA: '' } })
      expect(run(['keys', 'init', '--data', data]).status).toBe(2)
      const init = run(['keys', 'init', '--data', data, '--passphrase-stdin', '--json'], `${PASS}\n`)
      expect(init.stderr).toBe('')
      expect(init.status).toBe(0)
      const fp = (JSON.parse(init.stdout) as { fingerprint: string }).fingerprint
      const show = run(['keys', 'show', '--data', data, '--json'])
      expect(JSON.parse(show.stdout)).toMatchObject({ own: { fingerprint: fp }, county: null })
      expect(run(['keys', 'export-public', '--data', data, '--out', f('cli.pub.pem')]).status).toBe(0)
      expect(openssl(['pkey', '-pubin', '-in', f('cli.pub.pem'), '-noout', '-text']).stdout).toMatch(/SM2|ASN1 OID: SM2/)
      const county = generateKeyPair()
      fs.writeFileSync(f('county.pem'), publicKeyPem(county.publicKey))
      const wrong = run(['keys', 'import-county', '--data', data, '--file', f('county.pem'), '--fingerprint', 'ABCD'])
      expect(wrong.status).toBe(1)
      expect(wrong.stderr).toMatch(/公钥指纹不符/)
      expect(run(['keys', 'import-county', '--data', data, '--file', f('county.pem'), '--fingerprint', fingerprint(county.publicKey)]).status).toBe(0)
      const sheet = run(['keys', 'sheet', '--data', data, '--out', f('cli-sheet.pdf'), '--json'])
      expect(JSON.parse(sheet.stdout).docNo).toMatch(/-MY-/)
    } finally { fs.rmSync(data, { recursive: true, force: true }) }
  })
})
