// The whole USB exchange on two real installs (issue 6): a township (county decision level) exports its package,
// a county install registers the township's key, verifies and imports it (hostile and out-of-order packages
// refused with nothing imported), draws the 抽查 list, signs decisions with its 入户核查, and exports a signed reply
// that the township verifies and applies — all or nothing. Then the same again through the CLI, and encryption.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../fixtures/core'
import { openCore } from '../../main/services/core'
import { generateDemo } from '../../main/services/demo'
import { demoAdmin, ensureDemoOperators } from '../../main/services/demoCases'
import { readCtx, type Actor, type Core } from '../../main/services/context'
import { importCountyKey, initKeys, listKeys, registerTownshipKey } from '../../main/services/exchangeKeys'
import { exportSubmission } from '../../main/services/packages'
import { approveUnsampled, decideReview, drawSample, exportReply, importSubmission, listCountyPackages, packageAttachment, packageReviews, reviewDetail, sampleRate } from '../../main/services/county'
import { addParam } from '../../main/services/policy'
import { attachmentPath, uploadAttachment } from '../../main/services/attachments'
import { importReply } from '../../main/services/replies'
import { initCounty, status } from '../../main/services/setup'
import { CountySetupInput } from '../../main/api/schemas'
import { createOperator } from '../../main/services/operators'
import { addRecord } from '../../main/services/caseRecords'
import { advanceCase, getCase } from '../../main/services/cases'
import { writePackage } from '../../main/package/container'
import { generateKeyPair, publicKeyPem, readEncryptedPrivateKeyPem } from '../../main/package/keys'
import type { CountyReviewView } from '../../main/api/types'

type Opened = Core & { close(): Promise<void> }
let dir = ''
let tData = '', cData = ''
let town: Opened, county: Opened
let handler: Actor, countyReviewer: Actor, countyAdmin: Actor
const TPASS = 'Xiaoji2026!key', CPASS = 'Xinxiang2026!county'
const bin = path.resolve(__dirname, '../../main/cli/dibao.cjs')
const cli = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { ...process.env, DIBAO_DATA: '' } })
const count = async (core: Core, table: 'county_review' | 'package_record') => Number((await core.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
const steps = async () => Number((await town.db.selectFrom('case_step').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
const visit = (date: string) => ({ date, visitors: [{ name: '刘核查', role: '县民政局社会救助股' }, { name: '王核查', role: '县民政局社会救助股' }], findings: '入户查看住房和生活用品，询问邻居，家庭困难情况与乡镇调查一致。' })

beforeAll(async () => {
  dir = tempDir('dibao-county-')
  tData = path.join(dir, 'township'); cData = path.join(dir, 'county')
  town = await openCore(tData)
  await generateDemo(town, { households: 80, seed: 5, adminPassword: 'Demo2026pass', cases: 26, decisionLevel: 'county' })
  handler = (await ensureDemoOperators(town)).handler
  await initKeys(town, await demoAdmin(town), { passphrase: TPASS })
  county = await openCore(cData)
  const t = (await status(readCtx(town, null))).township!
  // the county's signing key is made at setup (the passphrase given with the first administrator)
  const c = await initCounty(county, CountySetupInput.parse({ countyCode: t.countyCode, countyName: t.countyName, adminUsername: 'xadmin', adminName: '县管理员', adminPassword: 'County2026ok', keyPassphrase: CPASS }))
  expect(c.keyFingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/)
  countyAdmin = { operatorId: c.admin.id, username: 'xadmin', name: '县管理员', role: 'admin' }
  const op = await createOperator(county, countyAdmin, { username: 'xshenhe', name: '刘审核', role: 'reviewer', password: 'County2026ok' })
  countyReviewer = { operatorId: op.id, username: op.username, name: op.name, role: 'reviewer' }
}, 120_000)
afterAll(async () => { await town.close(); await county.close(); fs.rmSync(dir, { recursive: true, force: true }) })

describe('县级安装与密钥登记', () => {
  it('县级安装没有乡镇档案；乡镇公钥须照登记表上的指纹登记；县级公钥由乡镇核对指纹后导入', async () => {
    expect(await status(readCtx(county, null))).toMatchObject({ initialized: true, mode: 'county', township: null, county: { name: '新乡县' } })
    await expect(exportSubmission(county, countyAdmin, { out: path.join(dir, 'x.dbpkg'), passphrase: CPASS })).rejects.toThrow(/本机是县级安装/)
    await expect(initCounty(county, { countyCode: '410721', countyName: '新乡县', adminUsername: 'again', adminName: 'x', adminPassword: 'County2026ok' })).rejects.toThrow(/已经初始化过/)
    expect(() => CountySetupInput.parse({ countyCode: '410721', countyName: '新乡县', adminUsername: 'again', adminName: 'x', adminPassword: 'County2026ok', keyPassphrase: 'short' })).toThrow(/至少 8 位/)
    expect((await listKeys(readCtx(county, null))).own?.createdBy).toBe('县管理员（xadmin）')
    const tk = (await listKeys(readCtx(town, null))).own!
    const reg = { pem: tk.publicKeyPem, townshipCode: tk.ownerCode, townshipName: tk.ownerName }
    await expect(registerTownshipKey(county, countyAdmin, { ...reg, expectFingerprint: tk.fingerprint.replace(/^..../, '0000') })).rejects.toThrow(/指纹不符/)
    await expect(registerTownshipKey(county, countyAdmin, { ...reg, townshipCode: '410799101', expectFingerprint: tk.fingerprint })).rejects.toThrow(/不属于本县/)
    const k = await registerTownshipKey(county, countyAdmin, { ...reg, expectFingerprint: tk.fingerprint.toLowerCase() })
    expect(k.townships).toHaveLength(1)
    expect(k.townships[0]).toMatchObject({ ownerCode: '410721101', fingerprint: tk.fingerprint, role: 'township' })
    const ck = (await listKeys(readCtx(county, null))).own!
    await importCountyKey(town, await demoAdmin(town), { pem: ck.publicKeyPem, expectFingerprint: ck.fingerprint })
    expect(fs.existsSync(path.join(cData, 'keys', 'county-sign.pub.pem'))).toBe(true)
  })

  it('抽查比例：默认 30%；县级管理员可从某日起调高（不低于 30%，写明依据）；乡镇安装不能设定', async () => {
    expect(await sampleRate(readCtx(county, null))).toMatchObject({ rate: 0.3 })
    const today = readCtx(county, null).today
    await expect(addParam(county, countyAdmin, { key: 'countySample.rate', value: 0.2, effectiveFrom: today, sourceNote: '试行' })).rejects.toThrow(/不得低于 30%/)
    await expect(addParam(town, await demoAdmin(town), { key: 'countySample.rate', value: 0.5, effectiveFrom: today, sourceNote: '试行' })).rejects.toThrow(/由县级安装（县民政局）设定/)
    await expect(addParam(county, countyAdmin, { key: 'notice.showGroup', value: true, effectiveFrom: today, sourceNote: '试行' })).rejects.toThrow(/本机是县级安装/)
    await addParam(county, countyAdmin, { key: 'countySample.rate', value: 0.35, effectiveFrom: today, sourceNote: '某县民政局通知（某民〔2026〕12号）' })
    expect(await sampleRate(readCtx(county, null))).toEqual({ rate: 0.35, effectiveFrom: today, sourceNote: '某县民政局通知（某民〔2026〕12号）' })
  })
})

describe('乡镇 → 县级 → 乡镇', () => {
  let pkg1 = '', packageId = ''
  let reviews: CountyReviewView[] = []
  it('县级导入第 1 号报送包：核验通过，每件案件一条审核记录，抽查名单含全部必查案件且不少于所定比例（35%）', async () => {
    pkg1 = path.join(dir, 'usb', '报送-1.dbpkg')
    const ex = await exportSubmission(town, handler, { out: pkg1, passphrase: TPASS })
    const r = await importSubmission(county, null, { file: pkg1 })
    packageId = r.packageId
    expect(r).toMatchObject({ township: { code: '410721101', name: '小冀镇' }, cases: ex.manifest.counts.cases, encrypted: false })
    expect(r.awaitingDecision).toBeGreaterThan(3)
    reviews = await packageReviews(readCtx(county, null), packageId)
    expect(reviews).toHaveLength(r.cases)
    const toCheck = reviews.filter((x) => x.awaiting !== 'info')
    expect(r.sampled).toBeGreaterThanOrEqual(Math.ceil(0.35 * toCheck.length))
    expect(reviews.filter((x) => x.awaiting === 'info' && x.sampleReason)).toEqual([])
    const submitted = await town.db.selectFrom('dibao_case').select('case_no').where('current_step', '=', 'submitted').execute()
    expect(reviews.filter((x) => x.awaiting === 'decision').map((x) => x.caseNo).sort()).toEqual(submitted.map((s) => s.case_no).sort())
    // every case with an objection is on the list as 必查
    for (const x of toCheck.filter((y) => y.objections > 0)) expect(x.sampleReason).toMatch(/必查/)
    // the draw is reproducible from the package alone
    const again = drawSample(toCheck.map((x) => ({ caseNo: x.caseNo, mandatory: x.sampleReason?.includes('必查') ? ['x'] : [] })), 0.35, r.record.manifestSm3)
    expect([...again.keys()].sort()).toEqual(reviews.filter((x) => x.sampleReason).map((x) => x.caseNo).sort())
    const d = await reviewDetail(readCtx(county, null), reviews[0]!.id)
    expect(d.household.members.length).toBeGreaterThan(0)
    expect(d.documents).toContain('报送单.pdf')
    // the reviewer reads a household's scans from the kept package, byte for byte what the township holds
    const withScans = (await Promise.all(reviews.map((x) => reviewDetail(readCtx(county, null), x.id)))).find((x) => x.household.attachments.length)!
    expect(withScans).toBeTruthy()
    const a = withScans.household.attachments[0]!
    const got = await packageAttachment(readCtx(county, null), { reviewId: withScans.review.id, attachmentId: a.id })
    expect(Buffer.from(got.dataBase64, 'base64').equals(fs.readFileSync(attachmentPath(tData, a.sm3)))).toBe(true)
    await expect(packageAttachment(readCtx(county, null), { reviewId: withScans.review.id, attachmentId: 'no-such-id' })).rejects.toThrow(/报送包中没有该材料/)
    expect((await listCountyPackages(readCtx(county, null)))[0]).toMatchObject({ townshipName: '小冀镇', sequence: 1, total: r.cases, decided: 0 })
    expect(fs.readdirSync(path.join(cData, 'packages', 'in')).filter((n) => n.endsWith('.dbpkg'))).toHaveLength(1)
  })

  it('重放、篡改、未登记的密钥、缺号：整包拒绝，县级什么都没有导入', async () => {
    const before = [await count(county, 'county_review'), await count(county, 'package_record')]
    const kept = () => fs.readdirSync(path.join(cData, 'packages', 'in')).length
    const keptBefore = kept()
    await expect(importSubmission(county, null, { file: pkg1 })).rejects.toThrow(/第 1 号报送包已经导入过/)
    // one flipped byte in a stored scan
    const bytes = fs.readFileSync(pkg1)
    const flipped = Buffer.from(bytes)
    flipped[Math.floor(bytes.length / 3)]! ^= 0x01
    fs.writeFileSync(path.join(dir, 'flipped.dbpkg'), flipped)
    await expect(importSubmission(county, null, { file: path.join(dir, 'flipped.dbpkg') })).rejects.toThrow(/报送包未导入：/)
    // the same township's manifest signed by a key the county never registered
    const rogue = generateKeyPair()
    const fake = path.join(dir, 'rogue.dbpkg')
    const base = { kind: 'submission' as const, township: { code: '410721101', name: '小冀镇' }, county: { code: '410721' }, sequence: 2, previous: null, createdAt: new Date().toISOString(), operator: 'x', period: { from: null, to: new Date().toISOString() }, counts: {}, signer: (await listKeys(readCtx(town, null))).own!.fingerprint }
    await writePackage(fake, base, [{ path: 'payload/cases.json', data: Buffer.from('[]') }], rogue)
    await expect(importSubmission(county, null, { file: fake })).rejects.toThrow(/签名验证失败/)
    // a township nobody registered
    await writePackage(fake, { ...base, township: { code: '410721102', name: '大召营镇' } }, [{ path: 'payload/cases.json', data: Buffer.from('[]') }], rogue)
    await expect(importSubmission(county, null, { file: fake })).rejects.toThrow(/大召营镇（乡镇代码 410721102）的报送公钥尚未在本县登记/)
    // package 3 before package 2
    const c2 = await town.db.selectFrom('dibao_case').select('id').where('current_step', '=', 'received').executeTakeFirstOrThrow()
    await withApplication(c2.id)
    const p2 = path.join(dir, 'usb', '报送-2.dbpkg'), p3 = path.join(dir, 'usb', '报送-3.dbpkg')
    await exportSubmission(town, handler, { out: p2, passphrase: TPASS })
    const c3 = await town.db.selectFrom('dibao_case').select('id').where('current_step', '=', 'received').where('id', '!=', c2.id).executeTakeFirstOrThrow()
    await withApplication(c3.id)
    await exportSubmission(town, handler, { out: p3, passphrase: TPASS })
    await expect(importSubmission(county, null, { file: p3 })).rejects.toThrow(/缺少第 2 号报送包/)
    expect([await count(county, 'county_review'), await count(county, 'package_record')]).toEqual(before)
    expect(kept()).toBe(keptBefore)
    // in order they import; a second click while the first import runs is refused, not raced
    const both = await Promise.allSettled([importSubmission(county, null, { file: p2 }), importSubmission(county, null, { file: p2 })])
    expect(both.map((b) => b.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(String((both.find((b) => b.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(/正在导入或导出另一个包/)
    await importSubmission(county, null, { file: p3 })
    await expect(importSubmission(county, null, { file: p2 })).rejects.toThrow(/比已导入的第 3 号更早/)
  })

  it('县级审核：抽查案件须先入户核查；退回、不同意须写理由；规则未通过不能同意；只读和经办人不能签', async () => {
    const ctx = readCtx(county, null)
    const today = ctx.today
    const awaiting = reviews.filter((x) => x.awaiting === 'decision')
    const sampled = awaiting.find((x) => x.sampleReason && x.decisions.includes('approve') && !x.openFlags.some((f) => f.severity.startsWith('block') && f.ruleId !== 'county.visit'))!
    await expect(decideReview(county, countyAdmin, { reviewId: sampled.id, decision: 'approve', date: today })).rejects.toThrow(/审核人/)
    await expect(decideReview(county, countyReviewer, { reviewId: sampled.id, decision: 'approve', date: today })).rejects.toThrow(/须先登记县级入户核查/)
    const ok = await decideReview(county, countyReviewer, { reviewId: sampled.id, decision: 'approve', reason: '经入户抽查，情况属实', date: today, visit: visit(today) })
    expect(ok).toMatchObject({ decision: 'approve', decisionLabel: '同意', replied: false })
    const others = awaiting.filter((x) => x.id !== sampled.id)
    const toReturn = others.find((x) => x.decisions.includes('return'))!
    await expect(decideReview(county, countyReviewer, { reviewId: toReturn.id, decision: 'return', date: today })).rejects.toThrow(/须写明理由/)
    await decideReview(county, countyReviewer, { reviewId: toReturn.id, decision: 'return', reason: '核对报告未附银行存款查询结果，请补充核对后重新报送', date: today })
    const filing = reviews.find((x) => x.awaiting === 'filing')
    if (filing) await expect(decideReview(county, countyReviewer, { reviewId: filing.id, decision: 'approve', date: today })).rejects.toThrow(/报县级备案/)
    const info = reviews.find((x) => x.awaiting === 'info')!
    expect(info.decisions).toEqual([])
    await expect(decideReview(county, countyReviewer, { reviewId: info.id, decision: 'filed', date: today })).rejects.toThrow(/只报告进展/)
    await expect(decideReview(county, countyReviewer, { reviewId: toReturn.id, decision: 'approve', date: '2001-01-01' })).rejects.toThrow(/不能早于乡镇报送的日期/)
    // the rest of the sample one by one, then everything off the list at once
    for (const x of (await packageReviews(ctx, packageId)).filter((y) => y.sampleReason && !y.decision)) {
      const blocked = x.openFlags.some((f) => f.severity.startsWith('block') && f.ruleId !== 'county.visit')
      const decision = x.awaiting === 'filing' ? 'filed' : blocked || !x.decisions.includes('approve') ? 'return' : 'approve'
      await decideReview(county, countyReviewer, { reviewId: x.id, decision, reason: decision === 'return' ? '规则检查未通过，请补充调查' : null, date: today, visit: decision === 'return' ? null : visit(today) })
    }
    const batch = await approveUnsampled(county, countyReviewer, { packageId, date: today })
    expect(batch.decided).toBeGreaterThan(0)
  })

  it('回复包：县级签名；乡镇导入后县级意见成为案件的签字环节，入户核查成为县级核查记录；重放拒绝', async () => {
    const ctx = readCtx(county, null)
    const before = await packageReviews(ctx, packageId)
    const decided = before.filter((x) => x.decision)
    const out = path.join(dir, 'usb', '回复-1.dbpkg')
    await expect(exportReply(county, countyReviewer, { packageId, out, passphrase: 'wrong-pass' })).rejects.toThrow(/口令不正确/)
    const r = await exportReply(county, countyReviewer, { packageId, out, passphrase: CPASS })
    expect(r.record).toMatchObject({ direction: 'out', kind: 'reply', sequence: 1, townshipCode: '410721101' })
    expect(r.decisions).toBe(decided.length)
    expect((await packageReviews(ctx, packageId)).filter((x) => x.replied)).toHaveLength(decided.length)
    await expect(decideReview(county, countyReviewer, { reviewId: decided[0]!.id, decision: 'return', reason: '改签', date: ctx.today })).rejects.toThrow(/已随回复包发出/)
    await expect(county.db.updateTable('county_review').set({ reason: 'x' }).where('id', '=', decided[0]!.id).execute()).rejects.toThrow(/frozen/)
    // a stranger verifies the reply with OpenSSL and the county's public key
    const cpub = path.join(dir, 'county.pub.pem')
    fs.writeFileSync(cpub, (await listKeys(ctx)).own!.publicKeyPem)
    fs.writeFileSync(path.join(dir, 'r-manifest.json'), spawnSync('unzip', ['-p', out, 'manifest.json']).stdout)
    fs.writeFileSync(path.join(dir, 'r-manifest.sig'), spawnSync('unzip', ['-p', out, 'manifest.sig']).stdout)
    const v = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', cpub, '-rawin', '-in', path.join(dir, 'r-manifest.json'), '-sigfile', path.join(dir, 'r-manifest.sig'), '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'], { encoding: 'utf8' })
    expect(v.stdout).toMatch(/Signature Verified Successfully/)
    fs.writeFileSync(path.join(dir, 'reply.pdf'), spawnSync('unzip', ['-p', out, 'payload/回复单.pdf']).stdout)
    const sheet = execFileSync('pdftotext', ['-layout', path.join(dir, 'reply.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(sheet).toContain('最低生活保障县级审核确认意见回复单')
    if (process.env.DIBAO_DOCS_OUT) fs.copyFileSync(path.join(dir, 'reply.pdf'), path.join(process.env.DIBAO_DOCS_OUT, '回复单.pdf'))
    expect(sheet).toContain(decided[0]!.headName)
    expect(sheet).toContain(`报送${before.filter((x) => x.awaiting !== 'info').length}件`)

    const res = await importReply(town, handler, { file: out })
    expect(res.inReplyTo).toBe(1)
    expect(res.applied).toHaveLength(decided.length)
    for (const d of decided.filter((x) => x.awaiting === 'decision')) {
      const c = await getCase(readCtx(town, null), d.caseId)
      const last = c.steps[c.steps.length - 1]!
      expect(last.kind).toBe(d.decision === 'approve' ? 'approved' : d.decision === 'return' ? 'returned' : 'rejected')
      expect(last.signerRole).toBe('县级审核确认人')
      expect(last.signer).toMatch(/刘审核（新乡县民政局 xshenhe）/)
      if (d.visit) expect(c.records.some((x) => x.kind === 'countyVisit' && x.signer.includes('新乡县民政局'))).toBe(true)
      if (d.decision === 'approve') expect(c.decision?.amountFen).toBeGreaterThan(0)
    }
    const ret = decided.find((x) => x.decision === 'return')!
    expect((await getCase(readCtx(town, null), ret.caseId)).steps.at(-1)!.reason).toMatch(/银行存款/)
    const n = await steps()
    await expect(importReply(town, handler, { file: out })).rejects.toThrow(/第 1 号回复包已经导入过/)
    expect(await steps()).toBe(n)
    // the returned case goes back to investigation at the township
    const back = await getCase(readCtx(town, handler), ret.caseId)
    expect(back.next.map((x) => x.kind)).toContain('investigating')
  })

  it('回复包中有一件案件不能办理：整包拒绝，哪一件都不应用', async () => {
    const ck = (await listKeys(readCtx(county, null))).own!
    const row = await county.db.selectFrom('exchange_key').select('key_file').where('role', '=', 'own').where('retired_at', 'is', null).executeTakeFirstOrThrow()
    const key = readEncryptedPrivateKeyPem(fs.readFileSync(path.join(cData, 'keys', row.key_file!), 'utf8'), CPASS)
    const rev = (await packageReviews(readCtx(county, null), (await listCountyPackages(readCtx(county, null))).find((p) => p.sequence === 2)!.id))[0]!
    const good = (await town.db.selectFrom('dibao_case').select(['id', 'case_no']).where('current_step', '=', 'submitted').executeTakeFirst())
    const closed = await town.db.selectFrom('dibao_case').select(['id', 'case_no']).where('closed_at', 'is not', null).executeTakeFirstOrThrow()
    const sub = await town.db.selectFrom('package_record').selectAll().where('direction', '=', 'out').where('sequence', '=', 2).executeTakeFirstOrThrow()
    const last = await town.db.selectFrom('package_record').selectAll().where('direction', '=', 'in').where('kind', '=', 'reply').executeTakeFirstOrThrow()
    const today = readCtx(town, null).today
    const dec = (c: { id: string; case_no: string }) => ({ caseId: c.id, caseNo: c.case_no, decision: 'approve', reason: null, date: today, decidedBy: { name: '刘审核', username: 'xshenhe' }, visit: null, sampleReason: null })
    const body = { inReplyTo: { sequence: 2, manifestSm3: sub.manifest_sm3 }, decisions: [...(good ? [dec(good)] : []), dec(closed)] }
    const out = path.join(dir, 'bad-reply.dbpkg')
    await writePackage(out, { kind: 'reply', township: { code: '410721101', name: '小冀镇' }, county: { code: '410721' }, sequence: 2, previous: last.manifest_sm3, createdAt: new Date().toISOString(), operator: 'test', period: { from: null, to: today }, counts: {}, signer: ck.fingerprint, inReplyTo: body.inReplyTo }, [{ path: 'payload/decisions.json', data: Buffer.from(JSON.stringify(body)) }], key)
    const n = await steps()
    await expect(importReply(town, handler, { file: out })).rejects.toThrow(new RegExp(`回复包未导入：案件 ${closed.case_no} 已办结`))
    expect(await steps()).toBe(n)
    if (good) expect((await getCase(readCtx(town, null), good.id)).currentStep).toBe('submitted')
    expect(rev).toBeTruthy()
    // signed by another key: refused before anything is read
    await writePackage(out, { kind: 'reply', township: { code: '410721101', name: '小冀镇' }, county: { code: '410721' }, sequence: 2, previous: last.manifest_sm3, createdAt: new Date().toISOString(), operator: 'test', period: { from: null, to: today }, counts: {}, signer: ck.fingerprint, inReplyTo: body.inReplyTo }, [{ path: 'payload/decisions.json', data: Buffer.from(JSON.stringify(body)) }], generateKeyPair())
    await expect(importReply(town, handler, { file: out })).rejects.toThrow(/签名验证失败/)
  })
})

describe('命令行与加密', () => {
  it('county import / show / decide / reply 与 package import-reply：同样的规则，--json 输出稳定', async () => {
    // a case whose 公示 has ended goes to the county
    const noticing = await town.db.selectFrom('dibao_case').select(['id', 'case_no']).where('current_step', '=', 'noticing').execute()
    let sent: { id: string; case_no: string } | null = null
    for (const c of noticing) {
      const ok = await advanceCase(town, handler, { caseId: c.id, to: 'submitted', date: readCtx(town, null).today }).then(() => true, () => false)
      if (ok) { sent = c; break }
    }
    expect(sent).not.toBeNull()
    // a scan on that household: the encrypted package carries it, the county decrypts it at import for viewing
    const hid = (await town.db.selectFrom('dibao_case').select('household_id').where('id', '=', sent!.id).executeTakeFirstOrThrow()).household_id
    const scanBytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('加密报送的户口簿扫描件'.repeat(300))])
    const scan = await uploadAttachment(town, handler, { householdId: hid, originalName: '户口簿.jpg', docKind: 'idCopy', dataBase64: scanBytes.toString('base64') })
    let encPackageId = ''
    await town.close(); await county.close()
    try {
      const p4 = path.join(dir, 'usb', '报送-4.dbpkg')
      const ex = cli(['package', 'export', '--data', tData, '--out', p4, '--passphrase-stdin', '--encrypt', '--json'], `${TPASS}\n`)
      expect(ex.stderr).toBe('')
      expect(JSON.parse(ex.stdout)).toMatchObject({ sequence: 4, encrypted: true })
      const noPass = cli(['county', 'import', '--data', cData, '--file', p4, '--json'])
      expect(noPass.status).toBe(1)
      expect(JSON.parse(noPass.stdout)).toMatchObject({ ok: false, reason: expect.stringMatching(/内容已加密/) })
      expect(cli(['county', 'import', '--data', cData, '--file', p4, '--passphrase-stdin'], 'wrong-pass\n').status).toBe(1)
      const imp = cli(['county', 'import', '--data', cData, '--file', p4, '--passphrase-stdin', '--json'], `${CPASS}\n`)
      expect(imp.stderr).toBe('')
      const ij = JSON.parse(imp.stdout) as { ok: boolean; packageId: string; sequence: number; encrypted: boolean; awaitingDecision: number }
      expect(ij).toMatchObject({ ok: true, sequence: 4, encrypted: true, awaitingDecision: 1 })
      encPackageId = ij.packageId
      const show = JSON.parse(cli(['county', 'show', '--data', cData, '--package', '410721101-4', '--json']).stdout) as Array<{ caseNo: string; awaiting: string; decisions: string[]; sampleReason: string | null }>
      const row = show.find((x) => x.caseNo === sent!.case_no)!
      expect(row).toMatchObject({ awaiting: 'decision', decisions: expect.arrayContaining(['return']) })
      expect(row.sampleReason).not.toBeNull() // one case to decide: ⌈35 % × 1⌉ = 1 is drawn
      const vf = path.join(dir, 'visit.json')
      fs.writeFileSync(vf, JSON.stringify({ ...visit(new Date().toISOString().slice(0, 10)), visitors: [{ name: '刘核查', role: '县民政局' }] }))
      const bad = cli(['county', 'decide', '--data', cData, '--package', ij.packageId, '--case', sent!.case_no, '--decision', 'return', '--reason', '请补充', '--visit', vf, '--operator', 'xshenhe'])
      expect(bad.status).toBe(1)
      expect(bad.stderr).toMatch(/两名以上/)
      const dec = cli(['county', 'decide', '--data', cData, '--package', ij.packageId, '--case', sent!.case_no, '--decision', 'return', '--reason', '公示期间群众反映的情况尚未核实，请补充调查', '--operator', 'xshenhe', '--json'])
      expect(dec.stderr).toBe('')
      expect(JSON.parse(dec.stdout)).toMatchObject({ caseNo: sent!.case_no, decision: 'return' })
      const r4 = path.join(dir, 'usb', '回复-2.dbpkg')
      const rep = cli(['county', 'reply', '--data', cData, '--package', '410721101-4', '--out', r4, '--passphrase-stdin', '--json'], `${CPASS}\n`)
      expect(rep.stderr).toBe('')
      expect(JSON.parse(rep.stdout)).toMatchObject({ sequence: 2, decisions: 1, pending: 0 })
      expect(cli(['package', 'verify', r4, '--key', path.join(dir, 'county.pub.pem')]).status).toBe(0)
      const ir = cli(['package', 'import-reply', '--data', tData, '--file', r4, '--json'])
      expect(ir.stderr).toBe('')
      expect(JSON.parse(ir.stdout)).toMatchObject({ ok: true, sequence: 2, inReplyTo: 4, applied: [{ caseNo: sent!.case_no, decision: 'return', step: 'returned' }] })
      const again = cli(['package', 'import-reply', '--data', tData, '--file', r4, '--json'])
      expect(again.status).toBe(1)
      expect(JSON.parse(again.stdout).reason).toMatch(/已经导入过/)
      expect(cli(['county', 'import', '--data', tData, '--file', p4]).stderr).toMatch(/本机是乡镇安装/)
    } finally {
      town = await openCore(tData); county = await openCore(cData)
    }
    const rv = (await packageReviews(readCtx(county, null), encPackageId)).find((x) => x.caseNo === sent!.case_no)!
    const got = await packageAttachment(readCtx(county, null), { reviewId: rv.id, attachmentId: scan.id })
    expect(got).toMatchObject({ mime: 'image/jpeg', originalName: '户口簿.jpg' })
    expect(Buffer.from(got.dataBase64, 'base64').equals(scanBytes)).toBe(true)
    const kept = (await county.db.selectFrom('package_record').select('stored_file').where('id', '=', encPackageId).executeTakeFirstOrThrow()).stored_file!
    expect(fs.existsSync(path.join(cData, kept.replace(/\.dbpkg$/, ''), 'files', scan.sm3))).toBe(true)
  })

  it('加密给另一把县级密钥：县级导入干净地拒绝，并说明是哪把密钥', async () => {
    const other = generateKeyPair()
    await importCountyKey(town, await demoAdmin(town), { pem: publicKeyPem(other.publicKey) })
    const c = await town.db.selectFrom('dibao_case').select('id').where('current_step', '=', 'accepted').executeTakeFirst() ?? await town.db.selectFrom('dibao_case').select('id').where('current_step', '=', 'received').executeTakeFirstOrThrow()
    await advanceCase(town, handler, { caseId: c.id, to: 'withdrawn', date: readCtx(town, null).today, reason: '申请人书面撤回' }).catch(async () => withApplication(c.id))
    const p5 = path.join(dir, 'usb', '报送-5.dbpkg')
    await exportSubmission(town, handler, { out: p5, passphrase: TPASS, encrypt: true })
    const before = await count(county, 'county_review')
    await expect(importSubmission(county, null, { file: p5, passphrase: CPASS })).rejects.toThrow(/加密给指纹 .* 的县级密钥的，不是本机的县级密钥/)
    expect(await count(county, 'county_review')).toBe(before)
  })
})

/** A change on a received case (its 申请 record), so the next package has something in it. */
async function withApplication(caseId: string): Promise<void> {
  const members = await town.db.selectFrom('member').innerJoin('dibao_case', 'dibao_case.household_id', 'member.household_id').select('member.id').where('dibao_case.id', '=', caseId).execute()
  await addRecord(town, handler, { caseId, kind: 'application', date: readCtx(town, null).today, data: { applicantMemberId: members[0]!.id, reason: '家庭困难', pledgeSigned: true, consentSigned: true, allMembersSigned: true, relativesDeclared: true } })
}
