// County mode (issue 6; docs/package-format.md §3): the 县民政局's side of the USB exchange. A submission package is
// accepted only when it verifies under the sending township's registered key, is next in that township's sequence
// and its payload reads; then, in one write with its audit event, it is recorded with one review row per case and
// the 抽查 list drawn. The reviewer records the county's 入户核查 and signs each decision; the signed reply carries
// the decided cases back. Nothing is imported from a package that fails any check.
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { AppError } from '../api/errors'
import type { CountyDecisionInputT } from '../api/schemas'
import type { CaseView, CountyImportResult, CountyPackageView, CountyReviewDetail, CountyReviewView, CountyVisitView, HouseholdFile, PackageRecordView } from '../api/types'
import { PackageError, readKeptManifest, readPayloadFile, verifyPackage, writePackage, type Manifest, type PackageInput } from '../package/container'
import { readPublicKeyPem, sameFingerprint, type KeyPair } from '../package/keys'
import { sequenceProblem } from '../package/sequence'
import { sm3Hex } from '../package/sm3stream'
import { countyReplyDocument, type CountyReplyData } from '../documents/countyReply'
import { renderPdf } from '../documents/render'
import { actorLabel, readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { listKeys, openSigningKey } from './exchangeKeys'
import { newId } from './ids'
import { paramInForce, paramRowInForce } from './policy'
import { requireCounty } from './setup'
import { keepReceivedPackage, lastPackage, oneAtATime, packageView, readPayloadJson } from './packages'
import { formatYuan } from '../domain/money'

const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8')

/** What the county needs of each case and household file in a package (the rest is kept as it came). */
const PackagedCase = z.object({
  id: z.string().min(1), caseNo: z.string().min(1), householdId: z.string().min(1), headName: z.string(), kindLabel: z.string(),
  currentStep: z.string(), currentStepLabel: z.string(), closedAt: z.string().nullable(), triggerKind: z.string().nullable().optional(),
  steps: z.array(z.object({ kind: z.string(), date: z.string(), data: z.record(z.string(), z.unknown()).nullable().optional() }).loose()).min(1),
  next: z.array(z.object({ kind: z.string() }).loose()),
  flags: z.array(z.object({ ruleId: z.string(), severity: z.string(), title: z.string(), status: z.string() }).loose()),
  objections: z.array(z.object({}).loose()),
}).loose()
const PackagedHousehold = z.object({
  household: z.object({ id: z.string().min(1), villageName: z.string(), relativeFiling: z.boolean() }).loose(),
  members: z.array(z.object({}).loose()),
}).loose()
type PCase = z.infer<typeof PackagedCase>

export const DECISION_LABELS: Record<string, string> = { approve: '同意', reject: '不同意', return: '退回补充调查', filed: '备案无异议' }
/** The steps a county decision signs at the township, by what the case allows next (CaseView.next). */
const DECISIONS_FOR_NEXT: Array<[decision: 'approve' | 'reject' | 'return', steps: string[]]> = [['approve', ['approved', 'countyNoticing']], ['reject', ['rejected']], ['return', ['returned']]]
const AWAITING_STEPS = ['submitted', 'countyNoticing']

/** Why a case must be checked by the county whatever the sample (办法 art. 20: 备案 and complained-about cases). */
export function mandatoryReasons(c: PCase, h: z.infer<typeof PackagedHousehold> | undefined): string[] {
  const out: string[] = []
  if (h?.household.relativeFiling) out.push('近亲属备案')
  if (c.objections.length) out.push(`公示异议 ${c.objections.length} 件`)
  if (c.triggerKind === 'complaint') out.push('投诉举报')
  if (!out.length && c.flags.some((f) => f.ruleId === 'county.visit')) out.push('备案或投诉案件')
  return out
}

/**
 * The 抽查 list: every mandatory case, then cases drawn at random until ⌈rate × total⌉ are on the list. The draw is
 * reproducible by anyone holding the package: cases are ordered by SM3(manifest SM3 ‖ case number) — the county
 * cannot pick which cases to skip, the township cannot know beforehand which will be drawn.
 */
export function drawSample(cases: Array<{ caseNo: string; mandatory: string[] }>, rate: number, manifestSm3: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const c of cases) if (c.mandatory.length) out.set(c.caseNo, `${c.mandatory.join('、')}（必查）`)
  const target = Math.ceil(Math.max(0, Math.min(1, rate)) * cases.length)
  const rest = cases.filter((c) => !out.has(c.caseNo)).map((c) => ({ c, key: sm3Hex(Buffer.from(`${manifestSm3}${c.caseNo}`, 'utf8')) })).sort((a, b) => a.key.localeCompare(b.key))
  for (const { c } of rest.slice(0, Math.max(0, target - out.size))) out.set(c.caseNo, '随机抽取')
  return out
}


/** Verifies and imports a township's submission package; any failure refuses the whole package. */
export async function importSubmission(core: Core, actor: Actor | null, input: { file: string; passphrase?: string | null }): Promise<CountyImportResult> {
  return oneAtATime(core, () => importOne(core, actor, input))
}

async function importOne(core: Core, actor: Actor | null, input: { file: string; passphrase?: string | null }): Promise<CountyImportResult> {
  const ctx = readCtx(core, actor)
  const county = await requireCounty(ctx)
  const keys = await listKeys(ctx)
  const file = path.resolve(input.file.trim())
  const refuse = (msg: string, fields?: Record<string, string>) => new AppError('VALIDATION', `报送包未导入：${msg}`, fields)
  let verified
  try {
    verified = await verifyPackage(file, (m) => {
      const code = typeof m.township?.code === 'string' ? m.township.code : ''
      const reg = keys.townships.find((k) => k.ownerCode === code)
      if (!reg) throw new PackageError(`${String(m.township?.name ?? '')}（乡镇代码 ${code || '未知'}）的报送公钥尚未在本县登记：请先核对该乡镇的密钥登记表并登记公钥`)
      if (typeof m.signer !== 'string' || !sameFingerprint(m.signer, reg.fingerprint)) throw new PackageError(`签名密钥指纹 ${String(m.signer)} 与${reg.ownerName}登记的 ${reg.fingerprint} 不一致：乡镇若更换了密钥，须重新报送密钥登记表并登记新公钥`)
      return readPublicKeyPem(reg.publicKeyPem)
    })
  } catch (e) {
    if (e instanceof PackageError) throw refuse(e.message)
    throw e
  }
  const m = verified.manifest
  const reg = keys.townships.find((k) => k.ownerCode === m.township.code)!
  const last = await lastPackage(ctx.db, 'in', 'submission', reg.ownerCode)
  const problem = sequenceProblem(m, { kind: 'submission', township: { code: reg.ownerCode, name: reg.ownerName }, county: { code: county.code, name: county.name }, registeredFingerprint: reg.fingerprint }, last ? { sequence: last.sequence, manifestSm3: last.manifest_sm3 } : null)
  if (problem) throw refuse(problem)

  let recipient: KeyPair | null = null
  const enc = m.encryption as { recipient?: string } | undefined
  if (enc) {
    if (!keys.own || !sameFingerprint(String(enc.recipient), keys.own.fingerprint)) throw refuse(`报送包的内容是加密给指纹 ${String(enc.recipient)} 的县级密钥的，不是本机的县级密钥${keys.own ? `（${keys.own.fingerprint}）` : ''}：本机解不开这一号报送包。请乡镇在“数据交换密钥”页核对并导入本县现用的公钥（以后的报送包才能加密给本局）；这一号如何补报，须与乡镇核对后处理`)
    if (!input.passphrase) throw refuse('报送包内容已加密：请输入县级签名密钥的口令', { passphrase: '请输入口令' })
    recipient = (await openSigningKey(core, input.passphrase)).key
  }
  let cases: PCase[], households: Array<z.infer<typeof PackagedHousehold>>
  try {
    cases = await readPayloadJson(file, m, 'payload/cases.json', recipient, z.array(PackagedCase))
    households = await readPayloadJson(file, m, 'payload/households.json', recipient, z.array(PackagedHousehold))
  } catch (e) {
    if (e instanceof PackageError) throw refuse(e.message)
    throw e
  }
  const hh = new Map(households.map((h) => [h.household.id, h]))
  const dup = cases.find((c, i) => cases.findIndex((x) => x.caseNo === c.caseNo) !== i)
  if (dup) throw refuse(`案件 ${dup.caseNo} 在报送包中出现两次`)
  const orphan = cases.find((c) => !hh.has(c.householdId))
  if (orphan) throw refuse(`案件 ${orphan.caseNo} 的家庭档案不在报送包中`)

  // what the county is asked to do with each case: decide it, take the township's decision on file, or only note the progress
  const filedBefore = new Set((await ctx.db.selectFrom('county_review').select('case_id').where('township_code', '=', reg.ownerCode).where('decision', '=', 'filed').execute()).map((r) => r.case_id))
  const awaitingOf = (c: PCase): 'decision' | 'filing' | 'info' =>
    !c.closedAt && AWAITING_STEPS.includes(c.currentStep) ? 'decision' : c.steps.some((s) => s.kind === 'townshipDecision') && c.decision && !filedBefore.has(c.id) ? 'filing' : 'info'
  const rate = (await paramInForce<number>(ctx, 'countySample.rate', ctx.today, county.code)) ?? 0.3
  const sample = drawSample(cases.filter((c) => awaitingOf(c) !== 'info').map((c) => ({ caseNo: c.caseNo, mandatory: mandatoryReasons(c, hh.get(c.householdId)) })), rate, verified.manifestSm3)

  // the package as it came (the signed original, kept as evidence) and its documents, decrypted, for reading here
  const kept = await keepReceivedPackage(core, file, `${reg.ownerCode}-报送包-第${m.sequence}号-${verified.manifestSm3.slice(0, 12)}`)
  try {
    for (const f of m.files) {
      if (!f.path.startsWith('payload/documents/') && f.path !== 'payload/报送单.pdf') continue
      const bytes = await readPayloadFile(file, m, f.path, recipient)
      fs.mkdirSync(path.join(kept.dir, 'documents'), { recursive: true })
      fs.writeFileSync(path.join(kept.dir, 'documents', path.basename(f.path)), bytes)
    }
    // an encrypted package's scans are decrypted now, while the key is open (the reviewer views them later without
    // the passphrase); each must be the file the township registered under that SM3. A plain package's scans are
    // read from the kept original when viewed.
    if (recipient) {
      for (const f of m.files) {
        if (!f.path.startsWith('payload/files/')) continue
        const bytes = await readPayloadFile(file, m, f.path, recipient)
        const name = path.basename(f.path)
        if (sm3Hex(bytes) !== name) throw refuse(`材料文件 ${name} 解密后与其 SM3 不符：报送包内容有误，请乡镇重新导出`)
        fs.mkdirSync(path.join(kept.dir, 'files'), { recursive: true })
        fs.writeFileSync(path.join(kept.dir, 'files', name), bytes)
      }
    }
    const id = newId()
    const awaiting = cases.filter((c) => awaitingOf(c) === 'decision').length
    const filing = cases.filter((c) => awaitingOf(c) === 'filing').length
    await withWrite(core, actor, async (w) => {
      await w.tx.insertInto('package_record').values({
        id, direction: 'in', kind: 'submission', township_code: reg.ownerCode, sequence: m.sequence, manifest_sm3: verified.manifestSm3, previous_sm3: m.previous,
        file_name: path.basename(file), bytes: verified.bytes, counts_json: JSON.stringify(m.counts ?? {}), period_from: m.period?.from ?? null, period_to: m.period?.to ?? m.createdAt,
        operator: actorLabel(w.actor), created_at: w.now, in_reply_to: null, stored_file: path.relative(core.dataDir, kept.file),
      }).execute()
      for (const c of cases) {
        const h = hh.get(c.householdId)!
        await w.tx.insertInto('county_review').values({
          id: newId(), package_id: id, township_code: reg.ownerCode, case_id: c.id, case_no: c.caseNo, household_id: c.householdId, head_name: c.headName,
          village_name: h.household.villageName, kind_label: c.kindLabel, step: c.currentStep, step_label: c.currentStepLabel,
          awaiting: awaitingOf(c), case_json: JSON.stringify(c), household_json: JSON.stringify(h),
          sample_reason: sample.get(c.caseNo) ?? null, decision: null, reason: null, decision_date: null, visit_json: null, decided_by: null, decided_at: null, reply_id: null, created_at: w.now,
        }).execute()
      }
      await w.audit({ action: 'county.import', entity: 'package', entityId: id, summary: `导入${reg.ownerName}第 ${m.sequence} 号报送包（${m.createdAt.slice(0, 10)} 生成，签名与 ${m.files.length} 个文件核验无误${enc ? '，已解密' : ''}）：案件 ${cases.length} 件，其中待县级审核确认 ${awaiting} 件、乡镇已审核确认报备案 ${filing} 件；抽查 ${sample.size} 件（比例 ${Math.round(rate * 100)}%）`, after: { township: reg.ownerCode, sequence: m.sequence, manifestSm3: verified.manifestSm3, sampled: [...sample.keys()] } })
    })
    const record = (await listPackageRecords(readCtx(core, actor))).find((r) => r.id === id)!
    return { record, packageId: id, township: { code: reg.ownerCode, name: reg.ownerName }, cases: cases.length, awaitingDecision: awaiting, filing, sampled: sample.size, encrypted: !!enc }
  } catch (e) {
    kept.remove()
    throw e
  }
}

/** 乡镇代码 → name, from every township key ever registered (a retired key keeps naming its old packages). */
const townshipNames = async (ctx: ReadCtx) => new Map((await listKeys(ctx)).history.filter((k) => k.role === 'township').map((k) => [k.ownerCode, k.ownerName]))

const listPackageRecords = async (ctx: ReadCtx) => (await ctx.db.selectFrom('package_record').selectAll().orderBy('created_at', 'desc').execute()).map(packageView)

/** The packages this county accepted, newest first, with how far their review has come. */
export async function listCountyPackages(ctx: ReadCtx): Promise<CountyPackageView[]> {
  await requireCounty(ctx)
  const names = await townshipNames(ctx)
  const recs = await ctx.db.selectFrom('package_record').selectAll().where('kind', '=', 'submission').where('direction', '=', 'in').orderBy('created_at', 'desc').execute()
  const replies = await ctx.db.selectFrom('package_record').selectAll().where('kind', '=', 'reply').where('direction', '=', 'out').execute()
  const rows = await ctx.db.selectFrom('county_review').select(['package_id', 'decision', 'reply_id', 'sample_reason', 'awaiting']).execute()
  return recs.map((r) => {
    const mine = rows.filter((x) => x.package_id === r.id)
    return {
      ...packageView(r), townshipName: names.get(r.township_code) ?? r.township_code, total: mine.length, awaitingDecision: mine.filter((x) => x.awaiting === 'decision').length, filing: mine.filter((x) => x.awaiting === 'filing').length,
      sampled: mine.filter((x) => x.sample_reason).length, decided: mine.filter((x) => x.decision).length, replied: mine.filter((x) => x.reply_id).length,
      replies: replies.filter((x) => x.in_reply_to === r.manifest_sm3).map(packageView),
    }
  })
}

const reviewView = (r: Awaited<ReturnType<typeof loadReview>>): CountyReviewView => {
  const c = JSON.parse(r.case_json) as CaseView
  const h = JSON.parse(r.household_json) as HouseholdFile
  const prelim = [...c.steps].reverse().find((s) => s.kind === 'preliminary')
  const a = (prelim?.data?.assessment ?? null) as { monthlyFen?: number | null; persons?: number } | null
  return {
    id: r.id, packageId: r.package_id, caseId: r.case_id, caseNo: r.case_no, householdId: r.household_id, headName: r.head_name, villageName: r.village_name, kindLabel: r.kind_label,
    stepLabel: r.step_label, awaiting: r.awaiting, persons: a?.persons ?? h.members.length, proposedFen: a?.monthlyFen ?? null,
    opinion: c.proposal?.label ?? (c.opinion === 'positive' ? '拟同意' : c.opinion === 'negative' ? '拟不同意' : null),
    openFlags: c.flags.filter((f) => f.status === 'open').map((f) => ({ title: f.title, severity: f.severity, ruleId: f.ruleId })),
    objections: c.objections.length, sampleReason: r.sample_reason, decisions: allowedDecisions(r.awaiting, c),
    decision: r.decision, decisionLabel: r.decision ? DECISION_LABELS[r.decision]! : null, reason: r.reason, decisionDate: r.decision_date,
    visit: r.visit_json ? (JSON.parse(r.visit_json) as CountyVisit) : null, decidedBy: r.decided_by, decidedAt: r.decided_at, replied: !!r.reply_id,
  }
}
const loadReview = async (db: ReadCtx['db'], id: string) => {
  const r = await db.selectFrom('county_review').selectAll().where('id', '=', id).executeTakeFirst()
  if (!r) throw new AppError('NOT_FOUND', '找不到该审核案件')
  return r
}
export type CountyVisit = CountyVisitView

function allowedDecisions(awaiting: 'decision' | 'filing' | 'info', c: { next: Array<{ kind: string }> }): Array<'approve' | 'reject' | 'return' | 'filed'> {
  if (awaiting === 'info') return []
  if (awaiting === 'filing') return ['filed']
  const next = new Set(c.next.map((n) => n.kind))
  return DECISIONS_FOR_NEXT.filter(([, steps]) => steps.some((s) => next.has(s))).map(([d]) => d)
}

export async function packageReviews(ctx: ReadCtx, packageId: string): Promise<CountyReviewView[]> {
  await requireCounty(ctx)
  const rows = await ctx.db.selectFrom('county_review').selectAll().where('package_id', '=', packageId).orderBy('case_no').execute()
  return rows.map(reviewView).sort((a, b) => Number(!!b.sampleReason) - Number(!!a.sampleReason) || a.caseNo.localeCompare(b.caseNo))
}

/** One case as the package carried it: the case with its steps and flags, the household file, the documents kept. */
export async function reviewDetail(ctx: ReadCtx, id: string): Promise<CountyReviewDetail> {
  await requireCounty(ctx)
  const r = await loadReview(ctx.db, id)
  const rec = await ctx.db.selectFrom('package_record').select(['stored_file']).where('id', '=', r.package_id).executeTakeFirstOrThrow()
  const dir = rec.stored_file ? path.join(ctx.core.dataDir, rec.stored_file.replace(/\.dbpkg$/, ''), 'documents') : null
  const docs = dir && fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.pdf')).sort() : []
  const c = JSON.parse(r.case_json) as CaseView
  const mine = docs.filter((n) => n.includes(r.case_no) || c.notices.some((x) => n.includes(x.batchNo)) || c.meetings.some((x) => n.includes(x.meetingNo)) || n === '报送单.pdf')
  return { review: reviewView(r), case: c, household: JSON.parse(r.household_json) as HouseholdFile, documents: mine }
}

/** A document of an accepted package (kept decrypted under the data directory), as the PDF bytes. */
export async function packageDocument(ctx: ReadCtx, input: { packageId: string; name: string }): Promise<{ fileName: string; bytes: Buffer }> {
  await requireCounty(ctx)
  const rec = await ctx.db.selectFrom('package_record').select(['stored_file']).where('id', '=', input.packageId).executeTakeFirst()
  if (!rec?.stored_file || input.name !== path.basename(input.name) || !input.name.endsWith('.pdf')) throw new AppError('NOT_FOUND', '找不到该文书')
  const file = path.join(ctx.core.dataDir, rec.stored_file.replace(/\.dbpkg$/, ''), 'documents', input.name)
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到文书 ${input.name}`)
  return { fileName: input.name, bytes: fs.readFileSync(file) }
}

/** The 抽查 rate drawn at import today (⚙ countySample.rate): the row in force, or the statutory 30 % default. */
export async function sampleRate(ctx: ReadCtx): Promise<{ rate: number; effectiveFrom: string | null; sourceNote: string }> {
  const county = await requireCounty(ctx)
  const row = await paramRowInForce(ctx, 'countySample.rate', ctx.today, county.code)
  return row ? { rate: JSON.parse(row.value_json) as number, effectiveFrom: row.effective_from, sourceNote: row.source_note } : { rate: 0.3, effectiveFrom: null, sourceNote: '民发〔2012〕220号试行第二十六条（不低于 30%）' }
}

/** A scanned file of a case's household as the package carried it (the reviewer checks the 户口簿, 收入证明 …). */
export async function packageAttachment(ctx: ReadCtx, input: { reviewId: string; attachmentId: string }): Promise<{ mime: string; originalName: string; dataBase64: string }> {
  await requireCounty(ctx)
  const r = await loadReview(ctx.db, input.reviewId)
  const a = (JSON.parse(r.household_json) as HouseholdFile).attachments.find((x) => x.id === input.attachmentId)
  if (!a) throw new AppError('NOT_FOUND', '报送包中没有该材料')
  const rec = await ctx.db.selectFrom('package_record').select(['stored_file']).where('id', '=', r.package_id).executeTakeFirstOrThrow()
  if (!rec.stored_file) throw new AppError('NOT_FOUND', '找不到报送包副本')
  const pkg = path.join(ctx.core.dataDir, rec.stored_file)
  const extracted = path.join(pkg.replace(/\.dbpkg$/, ''), 'files', a.sm3)
  let bytes: Buffer
  let proven = false // read from the package under a manifest entry with the same SM3: readPayloadFile has checked it
  try {
    if (fs.existsSync(extracted)) bytes = fs.readFileSync(extracted)
    else {
      if (!fs.existsSync(pkg)) throw new AppError('NOT_FOUND', `找不到报送包副本 ${rec.stored_file}：请从备份恢复数据目录的 packages 文件夹`)
      const m = await readKeptManifest(pkg)
      if (m.encryption) throw new AppError('NOT_FOUND', '该报送包的内容是加密的，材料扫描件没有解出（早于本版本导入）')
      const name = `payload/files/${a.sm3}`
      const entry = m.files.find((f) => f.path === name)
      if (!entry) throw new AppError('NOT_FOUND', `报送包中没有材料“${a.originalName}”的文件`)
      bytes = await readPayloadFile(pkg, m, name, null)
      proven = entry.sm3 === a.sm3
    }
  } catch (e) {
    if (e instanceof PackageError) throw new AppError('CONFLICT', `读取材料“${a.originalName}”失败：${e.message}`)
    throw e
  }
  if (!proven && sm3Hex(bytes) !== a.sm3) throw new AppError('CONFLICT', `材料“${a.originalName}”与乡镇登记的 SM3 不符：报送包副本可能已损坏，请从备份恢复`)
  return { mime: a.mime, originalName: a.originalName, dataBase64: bytes.toString('base64') }
}

/** Signs the county's decision on one case (re-signable until the reply carrying it is sent). */
export async function decideReview(core: Core, actor: Actor, input: CountyDecisionInputT): Promise<CountyReviewView> {
  if (actor.role !== 'reviewer') throw new AppError('FORBIDDEN', '县级审核确认意见须由审核人（县级审核确认人）账号签署')
  const ctx = readCtx(core, actor)
  await requireCounty(ctx)
  const r = await loadReview(ctx.db, input.reviewId)
  if (r.reply_id) throw new AppError('CONFLICT', `案件 ${r.case_no} 的意见已随回复包发出，不能再修改`)
  const c = JSON.parse(r.case_json) as PCase & CaseView
  const allowed = allowedDecisions(r.awaiting, c)
  if (r.awaiting === 'info') throw new AppError('VALIDATION', `案件 ${r.case_no} 尚在乡镇办理中（${r.step_label}），报送包只报告进展，不需要县级意见`)
  if (!allowed.includes(input.decision)) throw new AppError('VALIDATION', r.awaiting === 'filing' ? `案件 ${r.case_no} 已由乡镇审核确认（${r.step_label}），报县级备案：只能登记“备案无异议”及抽查情况；发现问题请另行通知乡镇复核` : `案件 ${r.case_no} 当前环节（${r.step_label}）不能选择“${DECISION_LABELS[input.decision]}”`, { decision: '不能选择此项' })
  const reason = input.reason?.trim() || null
  if ((input.decision === 'reject' || input.decision === 'return') && !reason) throw new AppError('VALIDATION', `“${DECISION_LABELS[input.decision]}”须写明理由（乡镇据此告知申请人或补充调查）`, { reason: '请写明理由' })
  const lastDate = c.steps[c.steps.length - 1]!.date
  if (input.date > ctx.today) throw new AppError('VALIDATION', '审核日期不能晚于今天', { date: '不能晚于今天' })
  if (input.date < lastDate) throw new AppError('VALIDATION', `审核日期不能早于乡镇报送的日期（${lastDate}）`, { date: `不能早于 ${lastDate}` })
  const visit = input.visit ?? null
  if (visit && (visit.date > ctx.today || visit.date < c.steps[0]!.date)) throw new AppError('VALIDATION', `入户核查日期应在 ${c.steps[0]!.date} 至今天之间`, { 'visit.date': '日期不对' })
  if (visit && visit.date > input.date) throw new AppError('VALIDATION', '入户核查日期不能晚于审核日期', { 'visit.date': '不能晚于审核日期' })
  if (r.sample_reason && !visit && input.decision !== 'return' && input.decision !== 'reject') throw new AppError('VALIDATION', `案件 ${r.case_no} 在抽查名单中（${r.sample_reason}）：须先登记县级入户核查（日期、两名以上核查人员、核查情况）`, { visit: '请登记入户核查' })
  if (input.decision === 'approve') {
    const blocks = c.flags.filter((f) => f.status === 'open' && (f.severity === 'block' || f.severity === 'blockUnlessExempt') && !(f.ruleId === 'county.visit' && visit))
    if (blocks.length) throw new AppError('VALIDATION', `乡镇报送时规则检查未通过：${blocks.map((f) => f.title).join('；')}。不能同意，请退回补充调查或不予确认`, { decision: '规则检查未通过' })
  }
  await withWrite(core, actor, async (w) => {
    const res = await w.tx.updateTable('county_review').set({ decision: input.decision, reason, decision_date: input.date, visit_json: visit ? JSON.stringify(visit) : null, decided_by: actorLabel(actor), decided_at: w.now }).where('id', '=', r.id).where('reply_id', 'is', null).executeTakeFirst()
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `案件 ${r.case_no} 的意见已随回复包发出，不能再修改`)
    await w.audit({ action: 'county.decide', entity: 'countyReview', entityId: r.id, summary: `${r.case_no}（${r.head_name}）：${DECISION_LABELS[input.decision]}（${actor.name} 签署，${input.date}）${reason ? `，理由：${reason}` : ''}${visit ? `；入户核查 ${visit.date}，${visit.visitors.map((v) => v.name).join('、')}：${visit.findings}` : ''}${r.decision ? `（改签，原意见 ${DECISION_LABELS[r.decision]}）` : ''}`, before: r.decision ? { decision: r.decision, reason: r.reason } : undefined, after: { decision: input.decision, reason, date: input.date, visit } })
  })
  return reviewView(await loadReview(core.db, r.id))
}

/** 未抽查的案件一并同意/备案: the cases off the sample list without a decision and without a block, in one write. */
export async function approveUnsampled(core: Core, actor: Actor, input: { packageId: string; date: string }): Promise<{ decided: number }> {
  if (actor.role !== 'reviewer') throw new AppError('FORBIDDEN', '县级审核确认意见须由审核人（县级审核确认人）账号签署')
  const ctx = readCtx(core, actor)
  await requireCounty(ctx)
  if (input.date > ctx.today) throw new AppError('VALIDATION', '审核日期不能晚于今天', { date: '不能晚于今天' })
  const rows = await ctx.db.selectFrom('county_review').selectAll().where('package_id', '=', input.packageId).where('decision', 'is', null).where('reply_id', 'is', null).where('sample_reason', 'is', null).where('awaiting', '!=', 'info').execute()
  const ok = rows.filter((r) => {
    const c = JSON.parse(r.case_json) as PCase
    if (r.awaiting === 'filing') return true
    const blocked = c.flags.some((f) => f.status === 'open' && (f.severity === 'block' || f.severity === 'blockUnlessExempt'))
    return !blocked && allowedDecisions(r.awaiting, c).includes('approve') && c.steps[c.steps.length - 1]!.date <= input.date
  })
  if (!ok.length) throw new AppError('VALIDATION', '没有可以一并同意的案件（抽查名单中的案件、有规则问题的案件须逐件审核）')
  await withWrite(core, actor, async (w) => {
    for (const r of ok) {
      const decision = r.awaiting === 'filing' ? 'filed' : 'approve'
      await w.tx.updateTable('county_review').set({ decision, reason: null, decision_date: input.date, visit_json: null, decided_by: actorLabel(actor), decided_at: w.now }).where('id', '=', r.id).where('reply_id', 'is', null).execute()
    }
    await w.audit({ action: 'county.decideBatch', entity: 'package', entityId: input.packageId, summary: `未抽查的 ${ok.length} 件案件一并签署（${actor.name}，${input.date}）：${ok.map((r) => `${r.case_no} ${r.awaiting === 'filing' ? '备案无异议' : '同意'}`).join('；')}`, after: { cases: ok.map((r) => r.case_no) } })
  })
  return { decided: ok.length }
}

/** What the reply carries per case (payload/decisions.json; docs/package-format.md §3). */
export interface ReplyDecision {
  caseId: string; caseNo: string; decision: 'approve' | 'reject' | 'return' | 'filed'; reason: string | null; date: string
  decidedBy: { name: string; username: string }; visit: CountyVisit | null; sampleReason: string | null
}

/** An accepted submission package by its id or by 乡镇代码-序号 (e.g. 410721101-3). */
export const packageRef = async (db: ReadCtx['db'], ref: string) => {
  const byId = await db.selectFrom('package_record').selectAll().where('id', '=', ref).where('direction', '=', 'in').where('kind', '=', 'submission').executeTakeFirst()
  if (byId) return byId
  const m = /^(\d{9})[-/](\d+)$/.exec(ref.trim())
  const r = m ? await db.selectFrom('package_record').selectAll().where('direction', '=', 'in').where('kind', '=', 'submission').where('township_code', '=', m[1]!).where('sequence', '=', Number(m[2])).executeTakeFirst() : undefined
  if (!r) throw new AppError('NOT_FOUND', `找不到已导入的报送包 ${ref}（可用导入时显示的编号，或“乡镇代码-序号”如 410721101-3）`)
  return r
}

/** Signs and writes the reply to one package: every decided case not yet replied; recorded only once it verified. */
export async function exportReply(core: Core, actor: Actor | null, input: { packageId: string; out: string; passphrase: string }): Promise<{ record: PackageRecordView; decisions: number; pending: number; manifest: Manifest }> {
  return oneAtATime(core, () => replyOne(core, actor, input))
}

async function replyOne(core: Core, actor: Actor | null, input: { packageId: string; out: string; passphrase: string }): Promise<{ record: PackageRecordView; decisions: number; pending: number; manifest: Manifest }> {
  const ctx = readCtx(core, actor)
  const county = await requireCounty(ctx)
  const pkg = await packageRef(ctx.db, input.packageId)
  const { key, fingerprint: fp } = await openSigningKey(core, input.passphrase)
  const all = await ctx.db.selectFrom('county_review').selectAll().where('package_id', '=', pkg.id).orderBy('case_no').execute()
  const rows = all.filter((r) => r.decision && !r.reply_id)
  const pending = all.filter((r) => !r.decision && r.awaiting !== 'info').length
  if (!rows.length) throw new AppError('VALIDATION', all.every((r) => r.reply_id || r.awaiting === 'info') ? `第 ${pkg.sequence} 号报送包的案件都已回复` : `第 ${pkg.sequence} 号报送包还没有签署意见的案件：请先逐件审核（抽查案件须登记入户核查）`)
  const names = await townshipNames(ctx)
  const townshipName = names.get(pkg.township_code) ?? pkg.township_code
  const last = await lastPackage(ctx.db, 'out', 'reply', pkg.township_code)
  const sequence = (last?.sequence ?? 0) + 1
  const operator = actorLabel(actor)
  const decisions: ReplyDecision[] = rows.map((r) => {
    const by = /^(.*)（(.*)）$/.exec(r.decided_by ?? '') ?? [null, r.decided_by ?? '', '']
    return { caseId: r.case_id, caseNo: r.case_no, decision: r.decision!, reason: r.reason, date: r.decision_date!, decidedBy: { name: by[1]!, username: by[2]! }, visit: r.visit_json ? (JSON.parse(r.visit_json) as CountyVisit) : null, sampleReason: r.sample_reason }
  })
  const rate = (await paramInForce<number>(ctx, 'countySample.rate', ctx.today, county.code)) ?? 0.3
  const sheet: CountyReplyData = {
    countyName: county.name, countyCode: county.code, townshipName, townshipCode: pkg.township_code, sequence, inReplyTo: { sequence: pkg.sequence, manifestSm3: pkg.manifest_sm3 },
    createdAt: ctx.now, operator, signer: fp, sampleRate: rate, sampled: all.filter((r) => r.sample_reason).length, total: all.filter((r) => r.awaiting !== 'info').length, pending,
    rows: rows.map((r) => {
      const v = r.visit_json ? (JSON.parse(r.visit_json) as CountyVisit) : null
      const c = JSON.parse(r.case_json) as CaseView
      const prelim = [...c.steps].reverse().find((s) => s.kind === 'preliminary')
      const fen = (prelim?.data?.assessment as { monthlyFen?: number | null } | undefined)?.monthlyFen
      return { caseNo: r.case_no, headName: r.head_name, village: r.village_name, kind: r.kind_label, sample: r.sample_reason ?? '', visit: v ? `入户核查 ${v.date}（${v.visitors.map((x) => x.name).join('、')}）：${v.findings}` : '', decision: `${DECISION_LABELS[r.decision!]}${r.decision === 'approve' && fen ? `，月 ${formatYuan(fen)} 元` : ''}`, reason: r.reason ?? '', decidedBy: (r.decided_by ?? '').replace(/（.*）$/, ''), date: r.decision_date! }
    }),
  }
  const inputs: PackageInput[] = [
    { path: 'payload/decisions.json', data: json({ inReplyTo: sheet.inReplyTo, decisions }) },
    { path: 'payload/回复单.pdf', data: await renderPdf(countyReplyDocument(sheet, null), '回复单') },
  ]
  const counts: Record<string, number> = { decisions: decisions.length, pending }
  for (const d of decisions) counts[d.decision] = (counts[d.decision] ?? 0) + 1
  const base: Omit<Manifest, 'files' | 'format'> = {
    kind: 'reply', township: { code: pkg.township_code, name: townshipName }, county: { code: county.code, name: county.name }, sequence, previous: last?.manifest_sm3 ?? null,
    createdAt: ctx.now, operator, period: { from: pkg.period_from, to: pkg.period_to }, counts, signer: fp, inReplyTo: sheet.inReplyTo,
  }
  let written
  try { written = await writePackage(input.out, base, inputs, key) } catch (e) {
    if (e instanceof PackageError) throw new AppError('VALIDATION', e.message)
    throw e
  }
  const id = newId()
  try {
    await withWrite(core, actor, async (w) => {
      await w.tx.insertInto('package_record').values({ id, direction: 'out', kind: 'reply', township_code: pkg.township_code, sequence, manifest_sm3: written.manifestSm3, previous_sm3: last?.manifest_sm3 ?? null, file_name: path.basename(input.out), bytes: written.bytes, counts_json: JSON.stringify(counts), period_from: pkg.period_from, period_to: pkg.period_to, operator, created_at: ctx.now, in_reply_to: pkg.manifest_sm3, stored_file: null }).execute()
      for (const r of rows) {
        const u = await w.tx.updateTable('county_review').set({ reply_id: id }).where('id', '=', r.id).where('reply_id', 'is', null).where('decided_at', '=', r.decided_at).executeTakeFirst()
        if (Number(u.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `案件 ${r.case_no} 的意见在导出期间被改签或已回复，请重新导出回复包`)
      }
      await w.audit({ action: 'county.reply', entity: 'package', entityId: id, summary: `导出给${townshipName}的第 ${sequence} 号回复包（答复第 ${pkg.sequence} 号报送包）：${decisions.map((d) => `${d.caseNo} ${DECISION_LABELS[d.decision]}`).join('；')}${pending ? `；另有 ${pending} 件待审核` : ''}`, after: { sequence, manifestSm3: written.manifestSm3, inReplyTo: pkg.manifest_sm3, counts } })
    })
  } catch (e) {
    fs.rmSync(input.out, { force: true })
    throw e
  }
  const record = (await listPackageRecords(readCtx(core, actor))).find((r) => r.id === id)!
  return { record, decisions: decisions.length, pending, manifest: written.manifest }
}

/** The folder a county user chose → the reply's path there, named by county, township and sequence. */
export async function exportReplyToFolder(core: Core, actor: Actor | null, input: { packageId: string; folder: string; passphrase: string }): Promise<{ record: PackageRecordView; file: string; decisions: number; pending: number }> {
  const folder = input.folder.trim()
  if (!folder || !path.isAbsolute(folder)) throw new AppError('VALIDATION', '请填写 U 盘或文件夹的完整路径（如 E:\\ 或 /media/usb）', { folder: '请填写完整路径' })
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new AppError('VALIDATION', `找不到文件夹 ${folder}：请插入 U 盘并确认路径`, { folder: '文件夹不存在' })
  const ctx = readCtx(core, actor)
  const county = await requireCounty(ctx)
  const pkg = await packageRef(ctx.db, input.packageId)
  const names = await townshipNames(ctx)
  const last = await lastPackage(ctx.db, 'out', 'reply', pkg.township_code)
  const file = path.join(folder, `${county.name}民政局-回复${names.get(pkg.township_code) ?? pkg.township_code}-第${(last?.sequence ?? 0) + 1}号-${ctx.today}.dbpkg`)
  const r = await exportReply(core, actor, { packageId: pkg.id, out: file, passphrase: input.passphrase })
  return { record: r.record, file, decisions: r.decisions, pending: r.pending }
}
