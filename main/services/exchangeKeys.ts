// The township's SM2 signing key and the county's public key (issue 6). The private key is an encrypted PKCS#8
// PEM in <data>/keys/ (written to a temp file, fsynced, renamed: a crash leaves the old key or the new one), its
// public half and fingerprint a row in `exchange_key`, each change one write with its audit event. Rotation:
// the old key signs the new public key, so the county can follow the change without a new registration visit.
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../api/errors'
import { encryptedPrivateKeyPem, fingerprint, generateKeyPair, KeyError, publicKeyPem, readEncryptedPrivateKeyPem, readPublicKeyPem, sameFingerprint, sign, type KeyPair } from '../package/keys'
import { actorLabel, readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { writeFileAtomic } from './attachments'
import { newId } from './ids'
import { requireCounty, requireOffice, requireTownship, type Office } from './setup'
import type { ExchangeKeyView, KeysView } from '../api/types'
import { keySheetDocument, type KeySheetData } from '../documents/keySheet'
import { stampAndRender, type Printed } from './printing'


const keysDir = (core: Core) => path.join(core.dataDir, 'keys')
const view = (r: { id: string; role: 'own' | 'county' | 'township'; owner_code: string; owner_name: string; fingerprint: string; created_at: string; created_by: string; retired_at: string | null; public_key: string }): ExchangeKeyView => ({
  id: r.id, role: r.role, ownerCode: r.owner_code, ownerName: r.owner_name, fingerprint: r.fingerprint, createdAt: r.created_at, createdBy: r.created_by, retiredAt: r.retired_at, publicKeyPem: publicKeyPem(r.public_key),
})

/** The signing key in use (its row with the key file), or undefined. */
const ownRow = (db: ReadCtx['db']) => db.selectFrom('exchange_key').selectAll().where('role', '=', 'own').where('retired_at', 'is', null).executeTakeFirst()

/**
 * Makes `k` (its encrypted PEM `keyPem`) the key in use: the key file and the public PEM are written atomically
 * (owner-only), then, in one write with its audit event, the key in use is retired and the new row added.
 */
/** The public key file of this install's key in use: township-sign.pub.pem, or county-sign.pub.pem in county mode. */
export const publicKeyFile = (core: Core, mode: Office['mode']) => path.join(keysDir(core), `${mode}-sign.pub.pem`)

async function installOwnKey(core: Core, actor: Actor | null, t: Office, k: KeyPair, keyPem: string, current: { id: string } | null, opts: { successorSig?: string | null; audit: (fp: string) => { action: string; summary: string } }): Promise<KeysView> {
  const fileName = `${t.mode}-sign-${Date.now()}.key.pem`
  writeFileAtomic(path.join(keysDir(core), fileName), keyPem, 0o600)
  writeFileAtomic(publicKeyFile(core, t.mode), publicKeyPem(k.publicKey))
  const fp = fingerprint(k.publicKey)
  await withWrite(core, actor, async (w) => {
    if (current) await w.tx.updateTable('exchange_key').set({ retired_at: w.now, successor_sig: opts.successorSig ?? null }).where('id', '=', current.id).execute()
    await w.tx.insertInto('exchange_key').values({ id: newId(), role: 'own', owner_code: t.code, owner_name: t.label, public_key: k.publicKey, fingerprint: fp, key_file: fileName, created_by: actorLabel(w.actor), created_at: w.now, retired_at: null, successor_sig: null }).execute()
    await w.audit({ ...opts.audit(fp), entity: 'exchangeKey', after: { fingerprint: fp } })
  })
  return listKeys(readCtx(core, actor))
}

export async function listKeys(ctx: ReadCtx): Promise<KeysView> {
  const rows = await ctx.db.selectFrom('exchange_key').selectAll().orderBy('created_at', 'desc').execute()
  const live = (role: string) => rows.find((r) => r.role === role && !r.retired_at)
  const own = live('own'), county = live('county')
  const townships = rows.filter((r) => r.role === 'township' && !r.retired_at).sort((a, b) => a.owner_code.localeCompare(b.owner_code))
  return { own: own ? view(own) : null, county: county ? view(county) : null, townships: townships.map(view), history: rows.map(view) }
}

/** Creates the township's signing key (first time), or rotates it: the old key, opened with its passphrase, signs the new one. */
export async function initKeys(core: Core, actor: Actor | null, input: { passphrase: string; rotate?: boolean; oldPassphrase?: string }): Promise<KeysView> {
  const ctx = readCtx(core, actor)
  const t = await requireOffice(ctx)
  const current = (await listKeys(ctx)).own
  if (current && !input.rotate) throw new AppError('CONFLICT', `本${t.mode === 'county' ? '县民政局' : '乡镇'}已有签名密钥（指纹 ${current.fingerprint}）；更换密钥请选“更换密钥”，并输入原口令`)
  if (input.passphrase.length < 8) throw new AppError('VALIDATION', '口令至少 8 位，请使用不易猜到的口令并妥善保管（忘记口令将无法报送）', { passphrase: '至少 8 位' })
  const row = current ? await ownRow(ctx.db) : undefined
  const old = row ? openKeyFile(core, row.key_file!, input.oldPassphrase ?? '', 'oldPassphrase') : null
  const k = generateKeyPair()
  return installOwnKey(core, actor, t, k, encryptedPrivateKeyPem(k, input.passphrase), current, {
    successorSig: old ? Buffer.from(sign(Buffer.from(publicKeyPem(k.publicKey)), old)).toString('hex') : null,
    audit: (fp) => (current ? { action: 'keys.rotate', summary: `更换${t.mode === 'county' ? '县级' : '报送'}签名密钥：新指纹 ${fp}（原指纹 ${current.fingerprint}，由原密钥签名确认）` } : { action: 'keys.init', summary: `生成${t.mode === 'county' ? '县级' : '报送'}签名密钥，指纹 ${fp}` }),
  })
}

function openKeyFile(core: Core, fileName: string, passphrase: string, field = 'passphrase'): KeyPair {
  const file = path.join(keysDir(core), fileName)
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到签名私钥文件 ${file}：请从密钥备份恢复`)
  try { return readEncryptedPrivateKeyPem(fs.readFileSync(file, 'utf8'), passphrase) } catch (e) {
    if (e instanceof KeyError) throw new AppError('VALIDATION', e.message, { [field]: e.message })
    throw e
  }
}

/** The township's signing key pair, opened with its passphrase (for signing a package). */
export async function openSigningKey(core: Core, passphrase: string): Promise<{ key: KeyPair; fingerprint: string }> {
  const row = await ownRow(core.db)
  if (!row?.key_file) throw new AppError('VALIDATION', '本机还没有签名密钥：请先在“数据交换密钥”页生成密钥（或 dibao keys init）')
  return { key: openKeyFile(core, row.key_file, passphrase), fingerprint: row.fingerprint }
}

/** The county's public key, from its SPKI PEM; with `expectFingerprint` (read over the phone or from the county's letter) it must match. */
export async function importCountyKey(core: Core, actor: Actor | null, input: { pem: string; expectFingerprint?: string | null }): Promise<KeysView> {
  let key: string
  try { key = readPublicKeyPem(input.pem) } catch (e) { throw new AppError('VALIDATION', e instanceof Error ? e.message : '公钥文件无效') }
  const fp = fingerprint(key)
  if (input.expectFingerprint && !sameFingerprint(input.expectFingerprint, fp)) throw new AppError('VALIDATION', `公钥指纹不符：文件的指纹是 ${fp}，与县民政局提供的指纹不一致。请向县民政局核实后重新导入`, { expectFingerprint: '指纹不一致' })
  const ctx = readCtx(core, actor)
  const t = await requireTownship(ctx)
  const current = (await listKeys(ctx)).county
  if (current && current.fingerprint === fp) throw new AppError('CONFLICT', `已导入该县级公钥（指纹 ${fp}），不需要重复导入`)
  await withWrite(core, actor, async (w) => {
    if (current) await w.tx.updateTable('exchange_key').set({ retired_at: w.now }).where('id', '=', current.id).execute()
    await w.tx.insertInto('exchange_key').values({ id: newId(), role: 'county', owner_code: t.countyCode, owner_name: `${t.countyName}民政局`, public_key: key, fingerprint: fp, key_file: null, created_by: actorLabel(w.actor), created_at: w.now, retired_at: null, successor_sig: null }).execute()
    await w.audit({ action: 'keys.importCounty', entity: 'exchangeKey', summary: `导入${t.countyName}民政局公钥，指纹 ${fp}${current ? `（替换原指纹 ${current.fingerprint}）` : ''}`, after: { fingerprint: fp } })
  })
  return listKeys(readCtx(core, actor))
}

/** 密钥登记表 of the signing key in use (numbered and registered like every document). */
export async function keySheetPdf(core: Core, actor: Actor | null, input: { preview?: boolean } = {}): Promise<Printed> {
  const ctx = readCtx(core, actor)
  const t = await requireOffice(ctx)
  const keys = await listKeys(ctx)
  if (!keys.own) throw new AppError('VALIDATION', '本机还没有签名密钥：请先生成密钥，再打印密钥登记表')
  const own = keys.own
  const previous = keys.history.find((k) => k.role === 'own' && k.retiredAt && k.id !== own.id) ?? null
  const data: KeySheetData = { issuer: t.mode, townshipName: t.name, townshipCode: t.code, countyName: t.countyName, fingerprint: own.fingerprint, algorithm: 'SM2（GM/T 0003），SM3 摘要，用户标识 1234567812345678', createdAt: own.createdAt, createdBy: own.createdBy, date: ctx.today, previousFingerprint: previous?.fingerprint ?? null, publicKeyPem: own.publicKeyPem }
  return stampAndRender(core, actor, { kind: 'keySheet', refId: own.id, title: t.mode === 'county' ? `${t.label}县级密钥告知表` : `${t.name}报送密钥登记表`, data, paper: 'A4', what: '密钥登记表', fileName: t.mode === 'county' ? `${t.label}-县级密钥告知表.pdf` : `${t.name}-报送密钥登记表.pdf`, townshipCode: t.code, preview: input.preview, build: (stamp) => keySheetDocument(data, stamp) })
}

const BACKUP_FORMAT = 'dibao-key-backup/1'

/** A key backup for a USB stick: the encrypted private key (still under its passphrase) with its township and fingerprint. */
export async function backupKeys(core: Core, actor: Actor | null, input: { passphrase: string }): Promise<{ fileName: string; text: string; fingerprint: string }> {
  const ctx = readCtx(core, actor)
  const t = await requireOffice(ctx)
  const row = await ownRow(ctx.db)
  if (!row?.key_file) throw new AppError('VALIDATION', '本机还没有签名密钥，无需备份')
  openKeyFile(core, row.key_file, input.passphrase) // a backup nobody can open is worse than none: check the passphrase now
  const text = `${JSON.stringify({ format: BACKUP_FORMAT, mode: t.mode, townshipCode: t.code, townshipName: t.label, fingerprint: row.fingerprint, createdAt: row.created_at, key: fs.readFileSync(path.join(keysDir(core), row.key_file), 'utf8') }, null, 2)}\n`
  await withWrite(core, actor, (w) => w.audit({ action: 'keys.backup', entity: 'exchangeKey', entityId: row.id, summary: `备份签名密钥（指纹 ${row.fingerprint}）` }))
  return { fileName: `${t.label}-${t.mode === 'county' ? '县级' : '报送'}密钥备份-${ctx.today}.dbkey`, text, fingerprint: row.fingerprint }
}

/** Restores a backup on a reinstalled PC: same township, the passphrase opens it; the restored key becomes the key in use. */
export async function restoreKeys(core: Core, actor: Actor | null, input: { text: string; passphrase: string }): Promise<KeysView> {
  let b: { format?: string; townshipCode?: string; fingerprint?: string; key?: string }
  try { b = JSON.parse(input.text) as typeof b } catch { throw new AppError('VALIDATION', '不是密钥备份文件（.dbkey）') }
  if (b.format !== BACKUP_FORMAT || typeof b.key !== 'string') throw new AppError('VALIDATION', '不是本系统的密钥备份文件，或版本不受支持')
  const ctx = readCtx(core, actor)
  const t = await requireOffice(ctx)
  if (b.townshipCode !== t.code) throw new AppError('VALIDATION', `这是代码 ${b.townshipCode ?? '未知'} 的密钥备份，与本机的${t.mode === 'county' ? '县民政局' : '乡镇'}（${t.label}，${t.code}）不符`)
  let k: KeyPair
  try { k = readEncryptedPrivateKeyPem(b.key, input.passphrase) } catch (e) { throw new AppError('VALIDATION', e instanceof Error ? e.message : '无法打开密钥备份', { passphrase: '口令不正确' }) }
  const fp = fingerprint(k.publicKey)
  if (b.fingerprint && b.fingerprint !== fp) throw new AppError('VALIDATION', '密钥备份文件已被改动（指纹与私钥不符）')
  const keys = await listKeys(ctx)
  const current = keys.own
  if (current?.fingerprint === fp) throw new AppError('CONFLICT', `本机正在使用这把密钥（指纹 ${fp}），不需要恢复`)
  const retired = keys.history.find((h) => h.role === 'own' && h.fingerprint === fp && h.retiredAt)
  if (retired) throw new AppError('CONFLICT', `这把密钥已于 ${retired.retiredAt!.slice(0, 10)} 更换停用，不能再恢复为在用密钥；请使用更换后的新密钥的备份`)
  return installOwnKey(core, actor, t, k, b.key, current, { audit: () => ({ action: 'keys.restore', summary: `从备份恢复签名密钥，指纹 ${fp}${current ? `（停用本机原指纹 ${current.fingerprint}）` : ''}` }) })
}

/**
 * County mode: registers a township's public key from its 密钥登记表 — the fingerprint on the paper sheet must
 * match the file (a key arriving on a USB stick without its sheet is not registered). A new key for a township
 * already registered (after `dibao keys init --rotate`) retires the old one, again only against its new sheet.
 */
export async function registerTownshipKey(core: Core, actor: Actor | null, input: { pem: string; townshipCode: string; townshipName: string; expectFingerprint: string }): Promise<KeysView> {
  const ctx = readCtx(core, actor)
  const county = await requireCounty(ctx)
  const code = input.townshipCode.trim(), name = input.townshipName.trim()
  if (!/^\d{9}$/.test(code)) throw new AppError('VALIDATION', '乡镇（街道）代码应为9位数字（统计用区划代码前9位）', { townshipCode: '应为9位数字' })
  if (!code.startsWith(county.code)) throw new AppError('VALIDATION', `乡镇代码 ${code} 不属于本县（${county.code}）`, { townshipCode: `应以 ${county.code} 开头` })
  if (!name) throw new AppError('VALIDATION', '请填写乡镇（街道）名称', { townshipName: '请填写名称' })
  if (!input.expectFingerprint?.trim()) throw new AppError('VALIDATION', '请照密钥登记表填写公钥指纹（逐组核对）', { expectFingerprint: '请填写登记表上的指纹' })
  let key: string
  try { key = readPublicKeyPem(input.pem) } catch (e) { throw new AppError('VALIDATION', e instanceof Error ? e.message : '公钥文件无效') }
  const fp = fingerprint(key)
  if (!sameFingerprint(input.expectFingerprint, fp)) throw new AppError('VALIDATION', `公钥指纹不符：文件的指纹是 ${fp}，与登记表上的指纹不一致。请向乡镇核实后重新登记`, { expectFingerprint: '指纹不一致' })
  const keys = await listKeys(ctx)
  const current = keys.townships.find((k) => k.ownerCode === code) ?? null
  if (current?.fingerprint === fp) throw new AppError('CONFLICT', `${current.ownerName}的这把公钥已经登记（指纹 ${fp}）`)
  const used = keys.history.find((k) => k.role === 'township' && k.fingerprint === fp)
  if (used) throw new AppError('CONFLICT', `这把公钥曾登记为 ${used.ownerName}（${used.ownerCode}）的密钥，不能再登记`)
  await withWrite(core, actor, async (w) => {
    if (current) await w.tx.updateTable('exchange_key').set({ retired_at: w.now }).where('id', '=', current.id).execute()
    await w.tx.insertInto('exchange_key').values({ id: newId(), role: 'township', owner_code: code, owner_name: name, public_key: key, fingerprint: fp, key_file: null, created_by: actorLabel(w.actor), created_at: w.now, retired_at: null, successor_sig: null }).execute()
    await w.audit({ action: 'keys.registerTownship', entity: 'exchangeKey', summary: `登记${name}（${code}）报送公钥，指纹 ${fp}，已与登记表核对${current ? `（替换原指纹 ${current.fingerprint}）` : ''}`, after: { townshipCode: code, fingerprint: fp } })
  })
  return listKeys(readCtx(core, actor))
}
