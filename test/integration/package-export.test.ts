// Exporting the township's submission package from real data (issue 6): a demo township on a temp SQLite file,
// its SM2 key, the package written and read back, its content (cases, files, audit with hashes, documents,
// 报送单), the 报送记录 with consecutive sequence numbers chained by manifest SM3, and the CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../fixtures/core'
import { openCore } from '../../main/services/core'
import { generateDemo } from '../../main/services/demo'
import { demoAdmin, ensureDemoOperators } from '../../main/services/demoCases'
import type { Actor, Core } from '../../main/services/context'
import { importCountyKey, initKeys, listKeys } from '../../main/services/exchangeKeys'
import { copySentPackage, exportProgress, exportSubmission, exportToFolder, listPackages } from '../../main/services/packages'
import { readPayloadFile, verifyPackage, type Manifest } from '../../main/package/container'
import { fingerprint, generateKeyPair, publicKeyPem, readPublicKeyPem } from '../../main/package/keys'
import { readCtx } from '../../main/services/context'
import { addRecord } from '../../main/services/caseRecords'
import { attachmentPath, uploadAttachment } from '../../main/services/attachments'

let dir = ''
let data = ''
let core: Core & { close(): Promise<void> }
let handler: Actor
let pub = ''
const PASS = 'Xiaoji2026!key'
const unzip = (pkg: string, name: string) => spawnSync('unzip', ['-p', pkg, name]).stdout as Buffer

beforeAll(async () => {
  dir = tempDir('dibao-export-')
  data = path.join(dir, 'data')
  core = await openCore(data)
  await generateDemo(core, { households: 60, seed: 11, adminPassword: 'Demo2026pass', cases: 24 })
  handler = (await ensureDemoOperators(core)).handler
  await initKeys(core, await demoAdmin(core), { passphrase: PASS })
  pub = readPublicKeyPem((await listKeys(readCtx(core, null))).own!.publicKeyPem)
})
afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }) })

describe('导出报送包', () => {
  let first: Manifest
  it('第 1 号：全部案件、相关档案、会议、公示、审计记录、材料文件、文书 PDF 和报送单；读回核验通过', async () => {
    const out = path.join(dir, 'usb', '报送-1.dbpkg')
    const r = await exportSubmission(core, handler, { out, passphrase: PASS })
    first = r.manifest
    expect(r.record).toMatchObject({ direction: 'out', kind: 'submission', sequence: 1, previousSm3: null, periodFrom: null })
    const v = await verifyPackage(out, pub)
    expect(v.manifestSm3).toBe(r.record.manifestSm3)
    const caseCount = Number((await core.db.selectFrom('dibao_case').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    expect(first.counts.cases).toBe(caseCount)
    const cases = JSON.parse(unzip(out, 'payload/cases.json').toString('utf8')) as Array<{ caseNo: string; steps: unknown[] }>
    expect(cases).toHaveLength(caseCount)
    const households = JSON.parse(unzip(out, 'payload/households.json').toString('utf8')) as Array<{ members: Array<{ idNumber: string }> }>
    expect(households[0]!.members[0]!.idNumber).toMatch(/^\d{17}[\dX]$/)
    const audit = unzip(out, 'payload/audit.jsonl').toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { seq: number; prev_hash: string; hash: string })
    for (let i = 1; i < audit.length; i++) expect(audit[i]!.prev_hash).toBe(audit[i - 1]!.hash)
    // every entry up to the package's time, in order, none twice (read in pages of 250)
    const inPeriod = await core.db.selectFrom('audit_log').select('seq').where('at', '<=', first.createdAt).orderBy('seq').execute()
    expect(audit.length).toBeGreaterThan(250)
    expect(audit.map((a) => a.seq)).toEqual(inPeriod.map((r) => r.seq))
    expect(first.counts.auditEntries).toBe(audit.length)
    const paths = first.files.map((f) => f.path)
    expect(paths).toContain('payload/报送单.pdf')
    expect(paths.filter((p) => p.startsWith('payload/files/')).length).toBe(first.counts.files)
    expect(paths.filter((p) => p.startsWith('payload/documents/审核确认表-')).length).toBeGreaterThan(0)
    fs.writeFileSync(path.join(dir, 'sheet.pdf'), unzip(out, 'payload/报送单.pdf'))
    const sheet = execFileSync('pdftotext', ['-layout', path.join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(sheet).toContain('最低生活保障审核材料报送单')
    expect(sheet).toContain('第1号')
    expect(sheet).toContain(cases[0]!.caseNo)
    expect(fs.readdirSync(path.join(dir, 'usb'))).toEqual(['报送-1.dbpkg'])
  })

  it('没有变动时不导出；有变动时第 2 号只含变动的案件，并链接第 1 号的清单摘要', async () => {
    await expect(exportSubmission(core, handler, { out: path.join(dir, 'usb', 'x.dbpkg'), passphrase: PASS })).rejects.toThrow(/以来没有案件变动/)
    const c = await core.db.selectFrom('dibao_case').select(['id', 'current_step']).where('current_step', '=', 'investigating').executeTakeFirstOrThrow()
    const members = await core.db.selectFrom('member').innerJoin('dibao_case', 'dibao_case.household_id', 'member.household_id').select('member.id').where('dibao_case.id', '=', c.id).execute()
    await addRecord(core, handler, { caseId: c.id, kind: 'homeVisit', date: readCtx(core, null).today, data: { investigators: [{ name: '张丽', role: '乡镇民政办工作人员' }, { name: '赵村委', role: '村委会委员' }], membersPresent: [members[0]!.id], livingConditions: '家中陈设简陋。', conclusion: '情况属实。', investigatorsSigned: true, familySigned: true } })
    const r = await exportSubmission(core, handler, { out: path.join(dir, 'usb', '报送-2.dbpkg'), passphrase: PASS })
    expect(r.record.sequence).toBe(2)
    expect(r.manifest.previous).toBe((await listPackages(core, null)).find((p) => p.sequence === 1)!.manifestSm3)
    expect(r.manifest.counts.cases).toBe(1)
    expect(r.record.periodFrom).toBe(first.createdAt)
    await expect(core.db.deleteFrom('package_record').execute()).rejects.toThrow(/append-only/)
  })

  it('口令错误：不写文件、不记报送记录', async () => {
    const before = (await listPackages(core, null)).length
    await expect(exportSubmission(core, handler, { out: path.join(dir, 'usb', 'bad.dbpkg'), passphrase: 'wrong-pass' })).rejects.toThrow(/口令不正确/)
    expect(fs.existsSync(path.join(dir, 'usb', 'bad.dbpkg'))).toBe(false)
    expect((await listPackages(core, null)).length).toBe(before)
  })

  it('命令行：package export（口令从标准输入）后 package verify 用导出的公钥核验通过', async () => {
    const c = await core.db.selectFrom('dibao_case').select('id').where('current_step', '=', 'received').executeTakeFirstOrThrow()
    const members = await core.db.selectFrom('member').innerJoin('dibao_case', 'dibao_case.household_id', 'member.household_id').select('member.id').where('dibao_case.id', '=', c.id).execute()
    await addRecord(core, handler, { caseId: c.id, kind: 'application', date: readCtx(core, null).today, data: { applicantMemberId: members[0]!.id, reason: '家庭困难', pledgeSigned: true, consentSigned: true, allMembersSigned: true, relativesDeclared: true } })
    await core.close()
    const bin = path.resolve(__dirname, '../../main/cli/dibao.cjs')
    const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { ...process.env, DIBAO_DATA: '' } })
    const out = path.join(dir, 'usb', '报送-3.dbpkg')
    const ex = run(['package', 'export', '--data', data, '--out', out, '--passphrase-stdin', '--json'], `${PASS}\n`)
    expect(ex.stderr).toBe('')
    expect(ex.status).toBe(0)
    expect(JSON.parse(ex.stdout)).toMatchObject({ sequence: 3, counts: { cases: 1 } })
    expect(run(['keys', 'export-public', '--data', data, '--out', path.join(dir, 'township.pub.pem')]).status).toBe(0)
    const v = run(['package', 'verify', out, '--key', path.join(dir, 'township.pub.pem'), '--json'])
    expect(v.status).toBe(0)
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, sequence: 3 })
    // the package written again from the copy kept at export: the same bytes, read back; an unknown number exits 1
    const again = path.join(dir, 'usb-again')
    fs.mkdirSync(again)
    const cp = run(['package', 'copy', '--data', data, '--sequence', '3', '--out', again, '--json'])
    expect(cp.stderr).toBe('')
    expect(JSON.parse(cp.stdout)).toEqual({ file: path.join(again, '报送-3.dbpkg'), sequence: 3, manifestSm3: JSON.parse(ex.stdout).manifestSm3, bytes: fs.statSync(out).size })
    expect(fs.readFileSync(path.join(again, '报送-3.dbpkg')).equals(fs.readFileSync(out))).toBe(true)
    const none = run(['package', 'copy', '--data', data, '--sequence', '99', '--out', again])
    expect(none.status).toBe(1)
    expect(none.stderr).toMatch(/没有第 99 号报送包的导出记录/)
    expect(run(['package', 'copy', '--data', data, '--out', again]).status).toBe(2)
    const enc = run(['package', 'export', '--data', data, '--out', out, '--passphrase-stdin', '--encrypt'], `${PASS}\n`)
    expect(enc.status).toBe(1)
    expect(enc.stderr).toMatch(/加密报送须先导入县民政局的公钥/)
    core = await openCore(data)
  })

  it('导出到 U 盘文件夹：路径须存在；文件名含乡镇和序号；进度最后为完成', async () => {
    await expect(exportToFolder(core, handler, { folder: 'relative/usb', passphrase: PASS })).rejects.toThrow(/完整路径/)
    await expect(exportToFolder(core, handler, { folder: path.join(dir, 'no-such-usb'), passphrase: PASS })).rejects.toThrow(/找不到文件夹/)
    const c = await core.db.selectFrom('dibao_case').select('id').where('current_step', '=', 'investigating').orderBy('case_no', 'desc').executeTakeFirstOrThrow()
    await extendNote(c.id)
    const usb = path.join(dir, 'usb2')
    fs.mkdirSync(usb)
    const r = await exportToFolder(core, handler, { folder: usb, passphrase: PASS })
    expect(path.basename(r.file)).toMatch(/^小冀镇-报送包-第4号-\d{4}-\d{2}-\d{2}\.dbpkg$/)
    expect(exportProgress(core)).toMatchObject({ phase: 'done' })
    expect(fs.readdirSync(usb)).toEqual([path.basename(r.file)])
  })

  it('加密导出：导入县级公钥后，内容 SM4 加密给县民政局；核验不需要私钥，县级私钥解出案件清单', async () => {
    const county = generateKeyPair()
    await importCountyKey(core, await demoAdmin(core), { pem: publicKeyPem(county.publicKey) })
    const c = await core.db.selectFrom('dibao_case').select('id').where('current_step', '=', 'investigating').orderBy('case_no').executeTakeFirstOrThrow()
    await extendNote(c.id)
    const out = path.join(dir, 'usb', '报送-加密.dbpkg')
    const r = await exportSubmission(core, handler, { out, passphrase: PASS, encrypt: true })
    expect(r.manifest.encryption).toMatchObject({ cipher: 'SM4-CBC', recipient: fingerprint(county.publicKey) })
    const v = await verifyPackage(out, pub)
    const cases = JSON.parse((await readPayloadFile(out, v.manifest, 'payload/cases.json', county)).toString('utf8')) as Array<{ id: string }>
    expect(cases.map((x) => x.id)).toContain(c.id)
    await expect(readPayloadFile(out, v.manifest, 'payload/cases.json', generateKeyPair())).rejects.toThrow(/无法解开内容密钥|解密失败/)
  })

  it('再次写出：本机保留的副本逐字节写到另一个文件夹并读回核验；副本不在时说明原因；不产生新的报送记录', async () => {
    const [first1] = (await listPackages(core, null)).filter((p) => p.sequence === 1)
    expect(first1!.kept).toBe(true)
    const kept = (await core.db.selectFrom('package_record').select('stored_file').where('id', '=', first1!.id).executeTakeFirstOrThrow()).stored_file!
    expect(kept).toMatch(/^packages[\\/]out[\\/]第1号\.dbpkg$/)
    const usb3 = path.join(dir, 'usb3')
    fs.mkdirSync(usb3)
    const before = (await listPackages(core, null)).length
    const r = await copySentPackage(core, handler, { id: first1!.id, folder: usb3 })
    expect(r.file).toBe(path.join(usb3, '报送-1.dbpkg'))
    expect(fs.readFileSync(r.file).equals(fs.readFileSync(path.join(data, kept)))).toBe(true)
    expect((await verifyPackage(r.file, pub)).manifestSm3).toBe(first1!.manifestSm3)
    expect((await listPackages(core, null)).length).toBe(before)
    await expect(copySentPackage(core, handler, { id: first1!.id, folder: path.join(dir, 'no-usb') })).rejects.toThrow(/找不到文件夹/)
    // a damaged copy is caught by the read-back and nothing is left on the stick
    const keptFile = path.join(data, kept)
    const good = fs.readFileSync(keptFile)
    const bad = Buffer.from(good); bad[Math.floor(bad.length / 2)] ^= 0x10
    fs.writeFileSync(keptFile, bad)
    fs.rmSync(r.file)
    await expect(copySentPackage(core, handler, { id: first1!.id, folder: usb3 })).rejects.toThrow(/读回核验未通过.*本机副本可能已损坏/)
    expect(fs.readdirSync(usb3)).toEqual([])
    fs.rmSync(keptFile)
    await expect(copySentPackage(core, handler, { id: first1!.id, folder: usb3 })).rejects.toThrow(/本机没有第 1 号报送包的副本/)
    fs.writeFileSync(keptFile, good)
  })

  it('本机材料文件损坏（内容与其 SM3 不符）：读回核验发现，说明是哪个文件，不留下报送包、不记报送记录', async () => {
    const c = await core.db.selectFrom('dibao_case').select(['id', 'household_id']).where('current_step', '=', 'investigating').executeTakeFirstOrThrow()
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('损坏测试扫描件'.repeat(400), 'utf8')])
    const a = await uploadAttachment(core, handler, { householdId: c.household_id, originalName: '户口簿.jpg', docKind: 'idCopy', dataBase64: jpeg.toString('base64') })
    const members = await core.db.selectFrom('member').select('id').where('household_id', '=', c.household_id).execute()
    await addRecord(core, handler, { caseId: c.id, kind: 'homeVisit', date: readCtx(core, null).today, data: { investigators: [{ name: '张丽', role: '乡镇民政办工作人员' }, { name: '赵村委', role: '村委会委员' }], membersPresent: [members[0]!.id], livingConditions: '补充查看住房。', conclusion: '情况属实。', investigatorsSigned: true, familySigned: true } })
    const file = attachmentPath(data, a.sm3)
    const good = fs.readFileSync(file)
    const bad = Buffer.from(good); bad[good.length - 10] ^= 0x01 // same size, one bit flipped
    fs.chmodSync(file, 0o644)
    fs.writeFileSync(file, bad)
    const before = (await listPackages(core, null)).length
    const out = path.join(dir, 'usb', '损坏.dbpkg')
    try {
      await expect(exportSubmission(core, handler, { out, passphrase: PASS })).rejects.toThrow(new RegExp(`本机材料文件 ${a.sm3} 已损坏.*请从备份恢复`))
      expect(fs.existsSync(out)).toBe(false)
      expect(fs.readdirSync(path.join(dir, 'usb')).filter((f) => f.includes('.part'))).toEqual([])
      expect((await listPackages(core, null)).length).toBe(before)
    } finally { fs.writeFileSync(file, good) }
  })
})

/** A change on a case (a 县级核查 record is allowed at any open step here: use a correction-free record the step allows). */
async function extendNote(caseId: string): Promise<void> {
  const members = await core.db.selectFrom('member').innerJoin('dibao_case', 'dibao_case.household_id', 'member.household_id').select('member.id').where('dibao_case.id', '=', caseId).execute()
  await addRecord(core, handler, { caseId, kind: 'homeVisit', date: readCtx(core, null).today, data: { investigators: [{ name: '张丽', role: '乡镇民政办工作人员' }, { name: '赵村委', role: '村委会委员' }], membersPresent: [members[0]!.id], livingConditions: '复查。', conclusion: '属实。', investigatorsSigned: true, familySigned: true } })
}

