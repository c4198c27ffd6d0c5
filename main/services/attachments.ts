// Scanned documents: content-addressed, write-once files under <data>/attachments/ab/<sm3>, named by
// their SM3 hash; the row records the original name, type, size and document kind.
import fs from 'node:fs'
import path from 'node:path'
import { sm3 } from 'sm-crypto-v2'
import { AppError } from '../api/errors'
import { ATTACHMENT_KINDS, codeName } from '../domain/codes'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { newId } from './ids'
import { paramInForce } from './policy'
import { OPEN_STATUSES, type AttachmentView } from './households'

const MAGIC: Array<{ mime: string; test: (b: Uint8Array) => boolean; ext: string }> = [
  { mime: 'application/pdf', ext: 'pdf', test: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 },
  { mime: 'image/png', ext: 'png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { mime: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', ext: 'gif', test: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 },
  { mime: 'image/webp', ext: 'webp', test: (b) => b[0] === 0x52 && b[1] === 0x49 && b[8] === 0x57 && b[9] === 0x45 },
  { mime: 'image/bmp', ext: 'bmp', test: (b) => b[0] === 0x42 && b[1] === 0x4d },
  { mime: 'image/tiff', ext: 'tif', test: (b) => (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a) }
]

export function sniffMime(bytes: Uint8Array): string | null { return MAGIC.find((m) => m.test(bytes))?.mime ?? null }
export function attachmentPath(dataDir: string, hash: string): string { return path.join(dataDir, 'attachments', hash.slice(0, 2), hash) }

/** Writes a file so a crash leaves the old content or the new, never half: temp file, fsync, rename. */
export function writeFileAtomic(file: string, data: Uint8Array | string, mode = 0o644): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
  const fd = fs.openSync(tmp, 'w', mode)
  try { fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data); fs.fsyncSync(fd) } finally { fs.closeSync(fd) }
  fs.renameSync(tmp, file)
}

/** Writes bytes under their SM3 name; an existing identical file is kept. */
export function storeContent(dataDir: string, bytes: Uint8Array): string {
  const hash = sm3(bytes)
  const file = attachmentPath(dataDir, hash)
  if (fs.existsSync(file) && fs.statSync(file).size === bytes.length) return hash
  writeFileAtomic(file, bytes)
  return hash
}

export interface UploadInput { householdId: string; memberId?: string | null; docKind: string; originalName: string; dataBase64: string; note?: string | null }

export async function uploadAttachment(core: Core, actor: Actor, input: UploadInput): Promise<AttachmentView> {
  const bytes = Buffer.from(input.dataBase64, 'base64')
  if (!bytes.length) throw new AppError('VALIDATION', `文件“${input.originalName}”是空文件，请重新扫描或选择正确的文件`)
  const rctx = readCtx(core, actor)
  const max = (await paramInForce<number>(rctx, 'attachment.maxBytes', rctx.today)) ?? 20 * 1024 * 1024
  if (bytes.length > max) throw new AppError('VALIDATION', `文件“${input.originalName}”大小 ${(bytes.length / 1048576).toFixed(1)}MB，超过上限 ${(max / 1048576).toFixed(0)}MB；请降低扫描分辨率（建议200dpi）后重试`)
  const mime = sniffMime(bytes)
  if (!mime) throw new AppError('VALIDATION', `文件“${input.originalName}”不是可识别的图片或 PDF（支持 JPG、PNG、TIF、GIF、WEBP、BMP、PDF）`)
  if (!ATTACHMENT_KINDS.some((k) => k.code === input.docKind)) throw new AppError('VALIDATION', '请选择材料类别', { docKind: '请选择材料类别' })
  const hash = storeContent(core.dataDir, bytes)
  return withWrite(core, actor, async (w) => {
    const h = await w.tx.selectFrom('household').select(['id', 'file_no', 'status']).where('id', '=', input.householdId).executeTakeFirst()
    if (!h) throw new AppError('NOT_FOUND', '找不到该家庭档案')
    if (!OPEN_STATUSES.includes(h.status)) throw new AppError('CONFLICT', `档案 ${h.file_no} 已${h.status === 'stopped' ? '停保' : '归档'}，不能再上传材料`)
    if (input.memberId) {
      const m = await w.tx.selectFrom('member').select('id').where('id', '=', input.memberId).where('household_id', '=', h.id).executeTakeFirst()
      if (!m) throw new AppError('VALIDATION', '所选成员不属于本户')
    }
    const row = { id: newId(), household_id: h.id, member_id: input.memberId ?? null, sm3: hash, original_name: input.originalName.slice(0, 200), mime, size: bytes.length, doc_kind: input.docKind, note: input.note ?? null, created_by: actor.name, removed_at: null, removed_reason: null, created_at: w.now }
    await w.tx.insertInto('attachment').values(row).execute()
    await w.audit({ action: 'attachment.add', entity: 'attachment', entityId: row.id, householdId: h.id, summary: `档案 ${h.file_no} 上传材料“${row.original_name}”（${codeName(ATTACHMENT_KINDS, row.doc_kind)}，${(row.size / 1024).toFixed(0)}KB）`, after: { originalName: row.original_name, docKind: row.doc_kind, mime, size: row.size, sm3: hash } })
    return { id: row.id, memberId: row.member_id, sm3: hash, originalName: row.original_name, mime, size: row.size, docKind: row.doc_kind, note: row.note, createdBy: row.created_by, createdAt: row.created_at }
  })
}

export async function readAttachment(ctx: ReadCtx, id: string): Promise<{ mime: string; originalName: string; dataBase64: string }> {
  const a = await ctx.db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) throw new AppError('NOT_FOUND', '找不到该材料')
  const file = attachmentPath(ctx.core.dataDir, a.sm3)
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `材料文件缺失：${a.original_name}（${a.sm3.slice(0, 12)}…），请从备份恢复 attachments 目录`)
  const bytes = fs.readFileSync(file)
  if (sm3(bytes) !== a.sm3) throw new AppError('CONFLICT', `材料文件“${a.original_name}”已损坏或被改动（SM3 不符），请从备份恢复`)
  return { mime: a.mime, originalName: a.original_name, dataBase64: bytes.toString('base64') }
}

export async function removeAttachment(core: Core, actor: Actor, input: { id: string; reason: string }): Promise<void> {
  if (!input.reason.trim()) throw new AppError('VALIDATION', '请写明撤下该材料的原因', { reason: '请写明原因' })
  await withWrite(core, actor, async (w) => {
    const a = await w.tx.selectFrom('attachment').selectAll().where('id', '=', input.id).where('removed_at', 'is', null).executeTakeFirst()
    if (!a) throw new AppError('NOT_FOUND', '找不到该材料')
    const h = await w.tx.selectFrom('household').select('file_no').where('id', '=', a.household_id).executeTakeFirstOrThrow()
    await w.tx.updateTable('attachment').set({ removed_at: w.now, removed_reason: input.reason }).where('id', '=', a.id).execute()
    await w.audit({ action: 'attachment.remove', entity: 'attachment', entityId: a.id, householdId: a.household_id, summary: `档案 ${h.file_no} 撤下材料“${a.original_name}”：${input.reason}（文件保留可追溯）`, before: { removed: false }, after: { removed: true, reason: input.reason } })
  })
}
