// Exporting the township's submission package (issue 6; docs/package-format.md §2): everything that changed since
// the last package — the cases with their steps, records, flags and decisions, the household files concerned,
// the 民主评议 meetings and 公示 batches they were in, the audit entries of the period (with their hashes, so the
// county can check the chain), the scanned files, the PDFs of the 审核确认表 / 公示 / minutes, and the 报送单 —
// signed with the township key, written and read back, then recorded in the 报送记录 with its sequence number.
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../api/errors'
import type { CaseView, ExportProgress, HouseholdFile, MeetingView, NoticeView, PackageRecordView } from '../api/types'
import type { Selectable } from 'kysely'
import type { z } from 'zod'
import type { PackageRecordTable } from '../../db/schema'
import { copyDurably, driveError, PackageError, readPayloadFile, verifyPackage, writePackage, type Manifest, type PackageInput } from '../package/container'
import { transmittalDocument, type TransmittalData } from '../documents/transmittal'
import { renderPdf } from '../documents/render'
import { fingerprint, readPublicKeyPem, sameFingerprint, type KeyPair } from '../package/keys'
import { attachmentPath } from './attachments'
import { getCase } from './cases'
import { actorLabel, readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { listKeys, openSigningKey } from './exchangeKeys'
import { getHousehold } from './households'
import { getMeeting } from './meetings'
import { minutesPdf } from './printMeeting'
import { noticePdf } from './printing'
import { printReviewForm } from './printCase'
import { getNotice } from './notices'
import { newId } from './ids'
import { batchCollector } from './memory'
import { requireTownship } from './setup'


/** What an export in progress is doing (one per data directory), for the UI's progress bar. */
const progress = new Map<string, ExportProgress>()
const running = new Set<string>()
export const exportProgress = (core: Core): ExportProgress | null => progress.get(core.dataDir) ?? null
const setProgress = (core: Core, p: Omit<ExportProgress, 'at'>) => progress.set(core.dataDir, { ...p, at: new Date().toISOString() })

/** The folder a clerk chose (a USB drive) → the package's path there, named by township and sequence. */
export async function exportToFolder(core: Core, actor: Actor | null, input: { folder: string; passphrase: string; encrypt?: boolean }): Promise<{ record: PackageRecordView; file: string }> {
  const folder = input.folder.trim()
  if (!folder || !path.isAbsolute(folder)) throw new AppError('VALIDATION', '请填写 U 盘或文件夹的完整路径（如 E:\\ 或 /media/usb）', { folder: '请填写完整路径' })
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new AppError('VALIDATION', `找不到文件夹 ${folder}：请插入 U 盘并确认路径`, { folder: '文件夹不存在' })
  const t = await requireTownship(readCtx(core, actor))
  const last = await lastSubmission(core.db)
  const file = path.join(folder, `${t.name}-报送包-第${(last?.sequence ?? 0) + 1}号-${readCtx(core, actor).today}.dbpkg`)
  return oneAtATime(core, async () => {
    try {
      const r = await exportSubmission(core, actor, { out: file, passphrase: input.passphrase, encrypt: input.encrypt, onProgress: (done, total) => setProgress(core, { phase: 'write', done, total, message: null }), onVerify: () => setProgress(core, { phase: 'verify', done: 0, total: 0, message: null }) })
      setProgress(core, { phase: 'done', done: 1, total: 1, message: null })
      return { record: r.record, file }
    } catch (e) {
      setProgress(core, { phase: 'failed', done: 0, total: 0, message: e instanceof Error ? e.message : String(e) })
      throw e
    }
  })
}

type PackageRow = Selectable<PackageRecordTable>
export const packageView = (r: PackageRow): PackageRecordView => ({ id: r.id, direction: r.direction, kind: r.kind, townshipCode: r.township_code, sequence: r.sequence, manifestSm3: r.manifest_sm3, previousSm3: r.previous_sm3, inReplyTo: r.in_reply_to, fileName: r.file_name, bytes: r.bytes, counts: JSON.parse(r.counts_json) as Record<string, number>, periodFrom: r.period_from, periodTo: r.period_to, operator: r.operator, createdAt: r.created_at, kept: !!r.stored_file })

export async function listPackages(core: Core, actor: Actor | null): Promise<PackageRecordView[]> {
  const rows = await readCtx(core, actor).db.selectFrom('package_record').selectAll().orderBy('created_at', 'desc').execute()
  return rows.map(packageView)
}

/** One package operation at a time per data directory (a second click while a 2 GB import runs is refused, not raced). */
export async function oneAtATime<T>(core: Core, fn: () => Promise<T>): Promise<T> {
  if (running.has(core.dataDir)) throw new AppError('CONFLICT', '正在导入或导出另一个包，请等它完成')
  running.add(core.dataDir)
  try { return await fn() } finally { running.delete(core.dataDir) }
}

/** The newest package of one direction and kind for one township (its sequence is the base of the next). */
export const lastPackage = (db: ReadCtx['db'], direction: 'in' | 'out', kind: 'submission' | 'reply', townshipCode?: string) => {
  let q = db.selectFrom('package_record').selectAll().where('direction', '=', direction).where('kind', '=', kind)
  if (townshipCode) q = q.where('township_code', '=', townshipCode)
  return q.orderBy('sequence', 'desc').limit(1).executeTakeFirst()
}
/** The last submission package this install wrote. */
const lastSubmission = (db: Core['db']) => lastPackage(db, 'out', 'submission')

/**
 * Keeps a copy of an accepted package under <data>/packages/in/<name>.dbpkg (copied to a temp file, fsynced, renamed),
 * with a folder <name>/ beside it for what is read out of it; `remove` undoes both when the import is refused later.
 */
export async function keepReceivedPackage(core: Core, file: string, name: string): Promise<{ file: string; dir: string; remove: () => void }> {
  const dir = path.join(core.dataDir, 'packages', 'in')
  fs.mkdirSync(dir, { recursive: true })
  const dest = path.join(dir, `${safe(name)}.dbpkg`)
  try { await copyDurably(file, dest) } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('VALIDATION', '本机数据盘空间不足，无法保存报送包副本：请清理磁盘后重新导入（未导入任何内容）')
    throw e
  }
  const sub = dest.replace(/\.dbpkg$/, '')
  return { file: dest, dir: sub, remove: () => { fs.rmSync(dest, { force: true }); fs.rmSync(sub, { recursive: true, force: true }) } }
}

/** A JSON payload file of a verified package, decrypted when needed and checked against its schema. */
export async function readPayloadJson<T>(file: string, manifest: Manifest, name: string, recipient: KeyPair | null, schema: z.ZodType<T>): Promise<T> {
  const bytes = await readPayloadFile(file, manifest, name, recipient)
  let value: unknown
  try { value = JSON.parse(bytes.toString('utf8')) } catch { throw new PackageError(`${name} 不是有效的 JSON`) }
  const r = schema.safeParse(value)
  if (!r.success) throw new PackageError(`${name} 的内容不符合格式（${r.error.issues[0]?.path.join('.') ?? ''}：${r.error.issues[0]?.message ?? ''}）`)
  return r.data
}

/**
 * Writes an exported package again, byte for byte from the copy kept at export, to a folder (a new USB stick when
 * the first was lost or damaged): temp → fsync → rename, then read back and verified under the key that signed it.
 */
export async function copySentPackage(core: Core, actor: Actor | null, input: { id: string; folder: string }): Promise<{ record: PackageRecordView; file: string }> {
  const folder = input.folder.trim()
  if (!folder || !path.isAbsolute(folder)) throw new AppError('VALIDATION', '请填写 U 盘或文件夹的完整路径（如 E:\\ 或 /media/usb）', { folder: '请填写完整路径' })
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new AppError('VALIDATION', `找不到文件夹 ${folder}：请插入 U 盘并确认路径`, { folder: '文件夹不存在' })
  const ctx = readCtx(core, actor)
  await requireTownship(ctx)
  const r = await ctx.db.selectFrom('package_record').selectAll().where('id', '=', input.id).executeTakeFirst()
  if (!r || r.direction !== 'out' || r.kind !== 'submission') throw new AppError('NOT_FOUND', '找不到该报送包的记录')
  const src = r.stored_file ? path.join(core.dataDir, r.stored_file) : null
  if (!src || !fs.existsSync(src)) throw new AppError('NOT_FOUND', `本机没有第 ${r.sequence} 号报送包的副本${r.stored_file ? `（${r.stored_file} 已不在，请从备份恢复数据目录的 packages 文件夹）` : '（早于本版本导出，或导出时本机空间不足）'}，无法再次写出`)
  const keys = (await listKeys(ctx)).history.filter((k) => k.role === 'own')
  const dest = path.join(folder, r.file_name)
  return oneAtATime(core, async () => {
    try { await copyDurably(src, dest) } catch (e) {
      const d = driveError(e)
      throw d instanceof PackageError ? new AppError('VALIDATION', d.message) : d
    }
    try {
      const v = await verifyPackage(dest, (claimed) => {
        const k = keys.find((x) => sameFingerprint(x.fingerprint, String(claimed.signer)))
        if (!k) throw new PackageError(`签名密钥 ${String(claimed.signer)} 不是本乡镇用过的密钥`)
        return readPublicKeyPem(k.publicKeyPem)
      })
      if (v.manifestSm3 !== r.manifest_sm3) throw new PackageError(`副本的清单摘要与第 ${r.sequence} 号的报送记录不符`)
    } catch (e) {
      fs.rmSync(dest, { force: true })
      if (e instanceof PackageError) throw new AppError('VALIDATION', `再次写出的报送包读回核验未通过（${e.message}），已删除写出的文件：请换一个 U 盘重试；仍不通过的，本机副本可能已损坏`)
      throw e
    }
    await withWrite(core, actor, async (w) => {
      await w.audit({ action: 'package.copy', entity: 'package', entityId: r.id, summary: `再次写出第 ${r.sequence} 号报送包到 ${dest}（与原包逐字节相同，读回核验无误）`, after: { sequence: r.sequence, manifestSm3: r.manifest_sm3, file: dest } })
    })
    return { record: packageView(r), file: dest }
  })
}

/** Writes the audit entries after `from` up to `to` (the package's period) as JSON lines, 250 rows at a time (a few MB of JSON at most in memory). */
async function writeAuditLines(ctx: ReadCtx, from: string | null, to: string, file: string): Promise<number> {
  const fd = fs.openSync(file, 'w', 0o600)
  let n = 0
  let after = -1
  try {
    for (;;) {
      let q = ctx.db.selectFrom('audit_log').selectAll().where('seq', '>', after).where('at', '<=', to).orderBy('seq').limit(250)
      if (from) q = q.where('at', '>', from)
      const rows = await q.execute()
      if (!rows.length) break
      fs.writeSync(fd, rows.map((a) => `${JSON.stringify(a)}\n`).join(''))
      n += rows.length
      after = rows[rows.length - 1]!.seq
    }
  } finally { fs.closeSync(fd) }
  return n
}

const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8')
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_')

type ExportInput = { out: string; passphrase: string; encrypt?: boolean; onProgress?: (done: number, total: number) => void; onVerify?: () => void }

/** Writes the next submission package to `out`; nothing is recorded unless the file on the drive verified. */
export async function exportSubmission(core: Core, actor: Actor | null, input: ExportInput): Promise<{ record: PackageRecordView; manifest: Manifest }> {
  const tmpDir = path.join(core.dataDir, 'packages', 'tmp')
  fs.mkdirSync(tmpDir, { recursive: true })
  const auditTmp = path.join(tmpDir, `audit-${process.pid}-${newId()}.jsonl`)
  try { return await writeSubmission(core, actor, input, auditTmp) } finally { fs.rmSync(auditTmp, { force: true }) }
}

async function writeSubmission(core: Core, actor: Actor | null, input: ExportInput, auditTmp: string): Promise<{ record: PackageRecordView; manifest: Manifest }> {
  const county = input.encrypt ? (await listKeys(readCtx(core, actor))).county : null
  if (input.encrypt && !county) throw new AppError('VALIDATION', '加密报送须先导入县民政局的公钥（“数据交换密钥”页或 dibao keys import-county）')
  const { key, fingerprint: fp } = await openSigningKey(core, input.passphrase)
  setProgress(core, { phase: 'gather', done: 0, total: 0, message: null })
  const ctx = readCtx(core, actor)
  const t = await requireTownship(ctx)
  const last = await lastSubmission(ctx.db)
  const from = last?.created_at ?? null
  const to = ctx.now

  // the cases with a signed step or a record since the last package
  const changed = (table: 'case_step' | 'case_record') => {
    let q = ctx.db.selectFrom(table).select('case_id').distinct()
    if (from) q = q.where('created_at', '>', from)
    return q.execute()
  }
  const caseIds = [...new Set([...(await changed('case_step')), ...(await changed('case_record'))].map((r) => r.case_id))]
  const cases: CaseView[] = []
  for (const id of caseIds) cases.push(await getCase(ctx, id))
  cases.sort((a, b) => a.caseNo.localeCompare(b.caseNo))
  if (cases.length === 0) throw new AppError('VALIDATION', last ? `自上次报送（第 ${last.sequence} 号，${last.created_at.slice(0, 16).replace('T', ' ')}）以来没有案件变动，不需要报送` : '还没有任何案件，不需要报送')
  const householdIds = [...new Set(cases.map((c) => c.householdId))]
  const households: HouseholdFile[] = []
  for (const id of householdIds) households.push(await getHousehold(ctx, id))
  const meetingIds = [...new Set(cases.flatMap((c) => c.meetings.map((m) => m.id)))]
  const meetings: MeetingView[] = []
  for (const id of meetingIds) meetings.push(await getMeeting(ctx, id))
  const noticeIds = [...new Set(cases.flatMap((c) => c.notices.map((n) => n.id)))]
  const notices: NoticeView[] = []
  for (const id of noticeIds) notices.push(await getNotice(ctx, id))
  // the audit entries of the period, paged into a temp file: a first package carries every entry since setup
  const auditEntries = await writeAuditLines(ctx, from, to, auditTmp)

  const inputs: PackageInput[] = [
    { path: 'payload/cases.json', data: json(cases) },
    { path: 'payload/households.json', data: json(households) },
    { path: 'payload/meetings.json', data: json(meetings) },
    { path: 'payload/notices.json', data: json(notices) },
    { path: 'payload/audit.jsonl', file: auditTmp },
  ]
  // scanned files by their SM3 (attachments, 签到表, 公示 photos), each once
  const files = new Set<string>()
  for (const h of households) for (const a of h.attachments) files.add(a.sm3)
  for (const m of meetings) if (m.signinFile) files.add(m.signinFile.sm3)
  for (const n of notices) for (const p of n.photos) files.add(p.sm3)
  const missing: string[] = []
  for (const sm3 of files) {
    const file = attachmentPath(core.dataDir, sm3)
    if (fs.existsSync(file)) inputs.push({ path: `payload/files/${sm3}`, file, compress: false, sm3 })
    else missing.push(sm3)
  }
  if (missing.length) throw new AppError('VALIDATION', `有 ${missing.length} 个材料文件在本机找不到（如 ${missing[0]}），请先从备份恢复数据目录的 attachments 文件夹，再导出报送包`)
  // the documents the county files: each numbered and registered like any printing
  setProgress(core, { phase: 'documents', done: 0, total: cases.length, message: null })
  const pdfs: Array<{ name: string; bytes: Buffer }> = []
  const tidy = batchCollector(6) // the renders' garbage, collected as it builds up (memory.ts)
  for (const c of cases) if (c.steps.some((s) => s.kind === 'preliminary')) { const r = await printReviewForm(core, actor, c, households.find((h) => h.household.id === c.householdId)!, t); pdfs.push({ name: `审核确认表-${c.caseNo}.pdf`, bytes: r.bytes }); tidy() }
  for (const n of notices) if (n.status === 'posted' && n.lines.length) { const r = await noticePdf(core, actor, { batchId: n.id }); pdfs.push({ name: `公示-${n.batchNo}.pdf`, bytes: r.bytes }); tidy() }
  for (const m of meetings) if (m.cases.length) { const r = await minutesPdf(core, actor, { meetingId: m.id }); pdfs.push({ name: `会议记录-${m.meetingNo}.pdf`, bytes: r.bytes }); tidy() }
  for (const p of pdfs) inputs.push({ path: `payload/documents/${safe(p.name)}`, data: p.bytes })

  const counts = { cases: cases.length, households: households.length, meetings: meetings.length, notices: notices.length, auditEntries, files: files.size, documents: pdfs.length }
  const sequence = (last?.sequence ?? 0) + 1
  const operator = actorLabel(actor)
  const sheet: TransmittalData = {
    townshipName: t.name, townshipCode: t.code, countyName: t.countyName, sequence, previous: last?.manifest_sm3 ?? null, createdAt: to, operator, signer: fp, periodFrom: from, periodTo: to,
    counts: [['案件', counts.cases], ['家庭档案', counts.households], ['民主评议会议', counts.meetings], ['公示批次', counts.notices], ['审计记录', counts.auditEntries], ['材料扫描件', counts.files], ['文书 PDF', counts.documents]],
    cases: cases.map((c) => ({ caseNo: c.caseNo, headName: c.headName, village: households.find((h) => h.household.id === c.householdId)?.household.villageName ?? '', kind: c.kindLabel, state: c.decision ? c.decision.outcomeLabel : c.currentStepLabel })),
  }
  inputs.push({ path: 'payload/报送单.pdf', data: await renderPdf(transmittalDocument(sheet, null), '报送单') })

  const base: Omit<Manifest, 'files' | 'format'> = {
    kind: 'submission', township: { code: t.code, name: t.name }, county: { code: t.countyCode }, sequence, previous: last?.manifest_sm3 ?? null,
    createdAt: to, operator, period: { from, to }, counts, signer: fingerprint(key.publicKey),
  }
  // a copy stays in the data directory (made during the read-back): a USB stick lost or damaged on the way is
  // replaced by writing the same signed package again (another export would be the next number, a gap to the county)
  const keptDir = path.join(core.dataDir, 'packages', 'out')
  fs.mkdirSync(keptDir, { recursive: true })
  const keptFile = path.join(keptDir, `第${sequence}号.dbpkg`)
  let written
  try { written = await writePackage(input.out, base, inputs, key, input.onProgress, { ...(county ? { encryptTo: { publicKey: readPublicKeyPem(county.publicKeyPem), fingerprint: county.fingerprint } } : {}), onVerify: input.onVerify, keepCopy: keptFile }) } catch (e) {
    if (e instanceof PackageError) throw new AppError('VALIDATION', e.message)
    throw e
  }
  const kept = written.keepError
    ? { file: null, problem: (written.keepError as NodeJS.ErrnoException).code === 'ENOSPC' ? '本机数据盘空间不足' : written.keepError instanceof Error ? written.keepError.message : String(written.keepError) }
    : { file: path.relative(core.dataDir, keptFile), problem: null }
  const id = newId()
  try {
    await withWrite(core, actor, async (w) => {
      await w.tx.insertInto('package_record').values({ id, direction: 'out', kind: 'submission', township_code: t.code, sequence, manifest_sm3: written.manifestSm3, previous_sm3: last?.manifest_sm3 ?? null, file_name: path.basename(input.out), bytes: written.bytes, counts_json: JSON.stringify(counts), period_from: from, period_to: to, operator, created_at: to, in_reply_to: null, stored_file: kept.file }).execute()
      await w.audit({ action: 'package.export', entity: 'package', entityId: id, summary: `导出第 ${sequence} 号报送包 ${path.basename(input.out)}（${counts.cases} 个案件、${counts.households} 户、${counts.files} 个材料文件、${counts.documents} 份文书，${(written.bytes / 1048576).toFixed(1)} MB）${kept.file ? '' : `；本机未能保留副本（${kept.problem}）`}`, after: { sequence, manifestSm3: written.manifestSm3, counts, kept: kept.file } })
    })
  } catch (e) {
    fs.rmSync(input.out, { force: true }) // an unrecorded package would reuse its sequence number next time
    if (kept.file) fs.rmSync(path.join(core.dataDir, kept.file), { force: true })
    throw e
  }
  const record = (await listPackages(core, actor)).find((r) => r.id === id)!
  return { record, manifest: written.manifest }
}
