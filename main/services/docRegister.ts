// The register of printed documents (issue 5; design.md §8): a number per printed document, and a QR payload
// that carries a short digest signed with the township's document key, so a printed copy can be checked
// against the database offline: `DBDOC1|<编号>|<kind>|<date>|<content hash, 16 hex>|<HMAC-SM3, 16 hex>`.
// The key is 32 random bytes in <data>/keys/doc-mac.key, created on first use (owner-only permissions).
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sm3 } from 'sm-crypto-v2'
import { canonicalJson } from './audit'
import { actorLabel, type Core, type ReadCtx, type WriteCtx } from './context'
import { newId } from './ids'

const PREFIX = 'DBDOC1'
/** Each kind of printed document: its code in the number, and its name. */
export const DOC_KINDS = {
  notice: { code: 'GS', label: '公示' },
  longterm: { code: 'CQ', label: '长期公示' },
  pledge: { code: 'CN', label: '承诺书和授权书' },
  cadrePledge: { code: 'GC', label: '干部承诺书' },
  minutes: { code: 'JL', label: '民主评议会议记录' },
  visit: { code: 'DC', label: '入户调查表' },
  review: { code: 'SP', label: '审核确认表' },
  decisionNotice: { code: 'GZ', label: '书面告知书' },
  materialsNotice: { code: 'BZ', label: '补正材料告知书' },
  archive: { code: 'DA', label: '一户一档' },
  keySheet: { code: 'MY', label: '密钥登记表' },
} as const satisfies Record<string, { code: string; label: string }>
export type DocKind = keyof typeof DOC_KINDS
const KIND_CODES: Record<string, { code: string; label: string }> = DOC_KINDS

const keyFile = (core: Core) => path.join(core.dataDir, 'keys', 'doc-mac.key')
const keys = new Map<string, string>()
/** The township's document key, read once per data directory (created by the first printing). */
function docKey(core: Core): string {
  const cached = keys.get(core.dataDir)
  if (cached) return cached
  const file = keyFile(core)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' })
  }
  const key = fs.readFileSync(file, 'utf8').trim()
  keys.set(core.dataDir, key)
  return key
}

const mac = (core: Core, fields: string) => sm3(fields, { key: docKey(core), mode: 'hmac' }).slice(0, 16)
export const contentHash = (data: unknown) => sm3(canonicalJson(data))

export type Registered = { docNo: string; payload: string }

/** Numbers and registers a document inside the caller's write (one audit event with it). */
export async function registerDocument(w: WriteCtx, input: { kind: DocKind; refId: string; householdId?: string | null; title: string; data: unknown; paper: string | null; townshipCode: string }): Promise<Registered> {
  const k = KIND_CODES[input.kind]!
  const year = w.today.slice(0, 4)
  const prefix = `${input.townshipCode}-${k.code}-${year}-`
  const last = await w.tx.selectFrom('printed_document').select('doc_no').where('doc_no', 'like', `${prefix}%`).orderBy('doc_no', 'desc').limit(1).executeTakeFirst()
  const docNo = `${prefix}${String((last ? Number(last.doc_no.slice(prefix.length)) : 0) + 1).padStart(5, '0')}`
  const hash = contentHash(input.data)
  await w.tx.insertInto('printed_document').values({ id: newId(), doc_no: docNo, kind: input.kind, ref_id: input.refId, title: input.title, content_sm3: hash, paper: input.paper, printed_by: actorLabel(w.actor), printed_at: w.now }).execute()
  await w.audit({ action: 'document.print', entity: 'document', entityId: input.refId, householdId: input.householdId ?? null, summary: `打印${k.label}“${input.title}”，文书编号 ${docNo}${input.paper ? `（${input.paper}）` : ''}`, after: { docNo, kind: input.kind, contentSm3: hash } })
  const fields = `${docNo}|${input.kind}|${w.today}|${hash.slice(0, 16)}`
  return { docNo, payload: `${PREFIX}|${fields}|${mac(w.core, fields)}` }
}

/** The register rows of what was printed from these (a household, its cases, a meeting …), newest first. */
export async function printHistory(ctx: ReadCtx, refIds: string[]) {
  const rows = await ctx.db.selectFrom('printed_document').selectAll().where('ref_id', 'in', refIds).orderBy('printed_at', 'desc').limit(500).execute()
  return rows.map((r) => ({ docNo: r.doc_no, kind: r.kind, kindLabel: KIND_CODES[r.kind]?.label ?? r.kind, title: r.title, paper: r.paper, printedBy: r.printed_by, printedAt: r.printed_at }))
}

export interface DocVerifyResult { ok: boolean; reason: string | null; docNo: string | null; kind: string | null; kindLabel: string | null; title: string | null; printedAt: string | null; printedBy: string | null }

/** Checks a scanned QR payload: format, signature (this township's key), and the register row with the same content hash. */
export async function verifyPayload(ctx: ReadCtx, payload: string): Promise<DocVerifyResult> {
  const fail = (reason: string, docNo: string | null = null): DocVerifyResult => ({ ok: false, reason, docNo, kind: null, kindLabel: null, title: null, printedAt: null, printedBy: null })
  const parts = payload.trim().split('|')
  if (parts.length !== 6 || parts[0] !== PREFIX) return fail('不是本系统打印文书的二维码内容（应以 DBDOC1| 开头，共 6 段）')
  const [, docNo, kind, date, hash16, sig] = parts as [string, string, string, string, string, string]
  if (!/^[0-9a-f]{16}$/.test(hash16!) || !/^[0-9a-f]{16}$/.test(sig!)) return fail('二维码内容不完整或被改动', docNo)
  if (!keys.has(ctx.core.dataDir) && !fs.existsSync(keyFile(ctx.core))) return fail('本机还没有打印过文书，无法核验（核验须在打印该文书的乡镇数据上进行）', docNo)
  if (mac(ctx.core, `${docNo}|${kind}|${date}|${hash16}`) !== sig) return fail('签名不符：二维码内容被改动，或不是本乡镇打印的文书', docNo)
  const row = await ctx.db.selectFrom('printed_document').selectAll().where('doc_no', '=', docNo).executeTakeFirst()
  if (!row) return fail('签名正确，但登记簿中没有这份文书（数据可能来自其他备份）', docNo)
  if (row.kind !== kind || !row.content_sm3.startsWith(hash16)) return fail('登记簿中的文书内容与二维码不一致', docNo)
  return { ok: true, reason: null, docNo, kind, kindLabel: KIND_CODES[kind]?.label ?? kind, title: row.title, printedAt: row.printed_at, printedBy: row.printed_by }
}
