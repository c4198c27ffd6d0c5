// Printed documents (issue 5), read back with poppler: pdftotext for the words, pdffonts for the one embedded
// subset font, pdfinfo for the pages. Built from real data (a demo township on a temp SQLite file) and through
// the `dibao print` CLI as a child process on the built bundle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../fixtures/core'
import { noticeDocument, type NoticeDocData } from '../../main/documents/notice'
import { renderPdf } from '../../main/documents/render'
import { FontError } from '../../main/documents/fonts'
import { openCore } from '../../main/services/core'
import { generateDemo } from '../../main/services/demo'
import { longTermNoticePdf, noticePdf } from '../../main/services/printing'
import { readCtx } from '../../main/services/context'
import { verifyPayload } from '../../main/services/docRegister'
import { TILE_GRID } from '../../main/documents/tile'

const root = path.resolve(__dirname, '../..')
let dir = ''
const text = (file: string, args: string[] = []) => execFileSync('pdftotext', ['-layout', ...args, file, '-'], { encoding: 'utf8' })
const fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
const write = (name: string, bytes: Buffer) => { const f = path.join(dir, name); fs.writeFileSync(f, bytes); if (process.env.DIBAO_DOCS_OUT) fs.copyFileSync(f, path.join(process.env.DIBAO_DOCS_OUT, name)); return f }

const base: NoticeDocData = {
  townshipName: '小冀镇', countyName: '新乡县', title: '小冀镇东风村最低生活保障审核公示', batchNo: '公示-2026-009', villageName: '东风村',
  startDate: '2026-09-28', endDate: '2026-10-08', durationLabel: '7天', phones: '乡镇民政办 0373-5551234，县民政局 0373-5556789，民政服务热线 12349', lines: [],
}
const line = (i: number, name: string, amountFen: number | null = 144_000) => ({ seq: i, villageName: '东风村3组', applicantName: name, persons: 3, amountFen, category: amountFen === null ? '拟不予纳入（农村）' : '新增（农村）', remark: amountFen === null ? '拟不予纳入' : '新增' })

beforeAll(() => { dir = tempDir('dibao-docs-') })
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }) })

describe('公示（村级）', () => {
  it('生僻字姓名照常打印并能复制出原字；只嵌入一种子集字体', async () => {
    const names = ['吉𠮷', '王䶮', '李堃', '张喆', '赵昇', '钱珺', '孙彧']
    const f = write('rare.pdf', await renderPdf(noticeDocument({ ...base, lines: names.map((n, i) => line(i + 1, n)) }), '公示'))
    const t = text(f)
    const flat = t.replace(/\s+/g, '') // lines wrap where the layout puts them
    for (const n of names) expect(t).toContain(n)
    expect(flat).toContain('小冀镇东风村最低生活保障审核公示')
    expect(flat).toContain('公示期：2026年9月28日至2026年10月8日（7天）')
    expect(flat).toContain('如有异议，请于公示期内向小冀镇人民政府或新乡县民政局反映')
    expect(t).toContain('1,440.00')
    const fl = fonts(f)
    expect(fl).toHaveLength(1)
    expect(fl[0]).toMatch(/^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes/)
  })

  it('字体没有的字（如自造字 U+E000）拒绝打印，并指出是哪个字', async () => {
    const e = await renderPdf(noticeDocument({ ...base, lines: [line(1, '王\ue000')] }), '公示 公示-2026-009').then(() => null, (x: unknown) => x)
    expect(e).toBeInstanceOf(FontError)
    expect((e as Error).message).toMatch(/公示 公示-2026-009中有字体无法显示的字：“.”（U\+E000）/)
  })

  it('公布（审核确认结果）：表头为“保障金额”而非“拟保障金额”，正文按公布模板', async () => {
    const f = write('publication.pdf', await renderPdf(noticeDocument({ ...base, kind: 'publication', title: '小冀镇东风村最低生活保障审核确认结果公布', bodyText: ['根据《最低生活保障审核确认办法》第二十四条规定，现将东风村经审核确认纳入最低生活保障的家庭予以公布。'], lines: [line(1, '张三')] }), '公布'))
    const t = text(f).replace(/\s+/g, '')
    expect(t).toContain('保障金额')
    expect(t).not.toContain('拟保')
    expect(t).toContain('第二十四条规定，现将东风村经审核确认纳入最低生活保障的家庭予以公布')
  })

  it('300 户的公示：表头每页重复，页码“第 X 页 共 Y 页”，一行不跨页，结尾署名不与公示期分开', async () => {
    const f = write('long.pdf', await renderPdf(noticeDocument({ ...base, lines: Array.from({ length: 300 }, (_, i) => line(i + 1, `申请人${i + 1}`, i % 10 === 9 ? null : 100_000 + i)) }), '公示'))
    const n = pages(f)
    expect(n).toBeGreaterThan(10)
    for (let p = 1; p <= n; p++) {
      const t = text(f, ['-f', String(p), '-l', String(p)])
      expect(t, `第 ${p} 页`).toContain(`第 ${p} 页 共 ${n} 页`)
      if (p < n) expect(t, `第 ${p} 页表头`).toMatch(/序号\s+村（组）\s+申请人/)
    }
    const last = text(f, ['-f', String(n), '-l', String(n)])
    expect(last).toContain('公示期：')
    expect(last).toContain('2026年9月28日\n')
    expect(text(f)).toContain('申请人300')
  })
})

describe('从档案数据打印公示', () => {
  let data = ''
  beforeAll(async () => {
    data = path.join(dir, 'township')
    const core = await openCore(data)
    await generateDemo(core, { households: 60, seed: 11, adminPassword: 'Demo2026pass', cases: 24 })
    await core.close()
  }, 120_000)

  it('服务层：公示只印白名单字段——没有身份证号、银行账号、电话；拟不予纳入的不印金额', async () => {
    const core = await openCore(data)
    try {
      const b = await core.db.selectFrom('notice_batch').select(['id', 'batch_no']).where('status', '=', 'posted').orderBy('batch_no').executeTakeFirstOrThrow()
      const r = await noticePdf(core, null, { batchId: b.id })
      const f = write('db.pdf', r.bytes)
      const t = text(f)
      const lines = await core.db.selectFrom('notice_line').select(['applicant_name']).where('batch_id', '=', b.id).execute()
      for (const l of lines) expect(t).toContain(l.applicant_name)
      expect(t).not.toMatch(/\d{17}[\dX]|\d{15}/)
      expect(t).not.toMatch(/62\d{14,17}/)
      expect(t).not.toMatch(/1[3-9]\d{9}/)
      const ids = await core.db.selectFrom('member').select(['id_number']).execute()
      for (const m of ids) expect(t).not.toContain(m.id_number.slice(-6))
    } finally { await core.close() }
  })

  it('每次打印编号登记（含内容摘要和审计记录）；二维码内容可核验，改动任何一段都不通过', async () => {
    const core = await openCore(data)
    try {
      const b = await core.db.selectFrom('notice_batch').select(['id', 'batch_no']).where('status', '=', 'posted').orderBy('batch_no').executeTakeFirstOrThrow()
      const r1 = await noticePdf(core, null, { batchId: b.id })
      const r2 = await noticePdf(core, null, { batchId: b.id, paper: 'A3' })
      expect(r1.docNo).toMatch(/^\d{9}-GS-\d{4}-\d{5}$/)
      expect(Number(r2.docNo.slice(-5))).toBe(Number(r1.docNo.slice(-5)) + 1)
      const t = text(write('stamped.pdf', r1.bytes)).replace(/\s+/g, '')
      expect(t).toContain(`文书编号${r1.docNo}`)
      expect(t).toContain('扫码核验')
      const reg = await core.db.selectFrom('printed_document').selectAll().where('doc_no', '=', r1.docNo).executeTakeFirstOrThrow()
      expect(reg).toMatchObject({ kind: 'notice', ref_id: b.id, printed_by: '命令行', paper: 'A4' })
      expect(reg.content_sm3).toMatch(/^[0-9a-f]{64}$/)
      const ev = await core.db.selectFrom('audit_log').select('summary').where('action', '=', 'document.print').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()
      expect(ev.summary).toContain(r2.docNo)
      const ok = await verifyPayload(readCtx(core, null), r1.payload)
      expect(ok).toMatchObject({ ok: true, docNo: r1.docNo, kindLabel: '公示', printedBy: '命令行' })
      const parts = r1.payload.split('|')
      const tamper = (i: number, v: string) => verifyPayload(readCtx(core, null), parts.map((p, j) => (j === i ? v : p)).join('|'))
      expect((await tamper(3, '2020-01-01')).reason).toMatch(/签名不符/)
      expect((await tamper(4, '0'.repeat(16))).reason).toMatch(/签名不符/)
      expect((await tamper(5, 'f'.repeat(16))).reason).toMatch(/签名不符/)
      expect((await verifyPayload(readCtx(core, null), 'hello')).reason).toMatch(/不是本系统打印文书的二维码/)
      await expect(core.db.updateTable('printed_document').set({ title: 'x' }).where('doc_no', '=', r1.docNo).execute()).rejects.toThrow(/append-only/)
    } finally { await core.close() }
    // another township's data (another key) does not accept it
    const other = path.join(dir, 'other')
    const c2 = await openCore(other)
    try {
      await generateDemo(c2, { households: 20, seed: 3, adminPassword: 'Demo2026pass', cases: 12 })
      const b2 = await c2.db.selectFrom('notice_batch').select('id').where('status', '=', 'posted').executeTakeFirstOrThrow()
      await noticePdf(c2, null, { batchId: b2.id })
      const core = await openCore(data)
      const b = await core.db.selectFrom('notice_batch').select('id').where('status', '=', 'posted').orderBy('batch_no').executeTakeFirstOrThrow()
      const r = await noticePdf(core, null, { batchId: b.id })
      await core.close()
      expect((await verifyPayload(readCtx(c2, null), r.payload)).reason).toMatch(/签名不符/)
    } finally { await c2.close() }
  }, 120_000)

  it('大幅公示：A4 排版放大到 A2/A1，再切成 A4 纸拼贴（每幅 8 / 15 张），文字仍可复制，只嵌入一种中文字体', async () => {
    const core = await openCore(data)
    try {
      const b = await core.db.selectFrom('notice_batch').select(['id']).where('status', '=', 'posted').orderBy('batch_no').executeTakeFirstOrThrow()
      const a4 = pages(write('board-a4.pdf', (await noticePdf(core, null, { batchId: b.id })).bytes))
      const r2 = await noticePdf(core, null, { batchId: b.id, paper: 'A2-tiled' })
      const f2 = write('board-a2.pdf', r2.bytes)
      expect(pages(f2)).toBe(a4 * TILE_GRID.A2.rows * TILE_GRID.A2.cols)
      expect(execFileSync('pdfinfo', ['-f', '1', '-l', '1', f2], { encoding: 'utf8' })).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts/)
      const name = (await core.db.selectFrom('notice_line').select('applicant_name').where('batch_id', '=', b.id).orderBy('seq').executeTakeFirstOrThrow()).applicant_name
      expect(text(f2)).toContain(name)
      const cjk = fonts(f2).filter((l) => !/Helvetica/.test(l))
      expect(cjk).toHaveLength(1)
      expect(r2.docNo).toMatch(/-GS-/)
      expect((await core.db.selectFrom('printed_document').select('paper').where('doc_no', '=', r2.docNo).executeTakeFirstOrThrow()).paper).toBe('A2-tiled')
      const f1 = write('board-a1.pdf', (await noticePdf(core, null, { batchId: b.id, paper: 'A1-tiled' })).bytes)
      expect(pages(f1)).toBe(a4 * TILE_GRID.A1.rows * TILE_GRID.A1.cols)
    } finally { await core.close() }
  })

  it('长期公示：本村在保家庭（申请人姓名、保障人数、金额、城市/农村），无公示期；申请人已不在保的须先指定新申请人', async () => {
    const core = await openCore(data)
    try {
      const v = await core.db.selectFrom('household').select(['village_code']).where('status', '=', 'active').where('benefit_fen', 'is not', null).groupBy('village_code').orderBy('village_code').executeTakeFirstOrThrow()
      const r = await longTermNoticePdf(core, null, { villageCode: v.village_code })
      expect(r.docNo).toMatch(/-CQ-\d{4}-\d{5}$/)
      const t = text(write('longterm.pdf', r.bytes))
      const flat = t.replace(/\s+/g, '')
      expect(flat).toMatch(/最低生活保障对象长期公示/)
      expect(flat).not.toContain('公示期：')
      expect(flat).toContain('接受社会监督')
      const hh = await core.db.selectFrom('household').innerJoin('member', 'member.id', 'household.applicant_member_id').select(['member.name', 'household.id']).where('household.village_code', '=', v.village_code).where('household.status', 'in', ['active', 'phaseOut']).where('household.benefit_fen', 'is not', null).execute()
      for (const h of hh) expect(t).toContain(h.name)
      expect(t).not.toMatch(/\d{17}[\dX]/)
      expect((await verifyPayload(readCtx(core, null), r.payload)).kindLabel).toBe('长期公示')
      // an applicant who has left: the township must name a new one first
      core.opened.raw.prepare('update member set left_at = ? where id = (select applicant_member_id from household where id = ?)').run('2026-11-30T00:00:00+08:00', hh[0]!.id)
      const e = await longTermNoticePdf(core, null, { villageCode: v.village_code }).then(() => null, (x: unknown) => x as Error)
      expect(e?.message).toMatch(/须先在档案中指定新的申请人/)
      core.opened.raw.prepare('update member set left_at = null where id = (select applicant_member_id from household where id = ?)').run(hh[0]!.id)
    } finally { await core.close() }
  })

  it('命令行：dibao print notice 生成 PDF（--json 给出文件和大小）；级别不符、纸张不对时说明原因', () => {
    const bin = path.join(root, 'main/cli/dibao.cjs')
    if (!fs.existsSync(path.join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js 不存在：请先 npm run build（npm test 会自动构建）')
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, DIBAO_DATA: '' } })
    const out = path.join(dir, 'cli', 'notice.pdf')
    const ok = run(['print', 'notice', '--data', data, '--kind', 'village', '--batch', '公示-2026-001', '--out', out, '--json'])
    expect(ok.stderr).toBe('')
    expect(ok.status).toBe(0)
    const j = JSON.parse(ok.stdout) as { file: string; bytes: number; batchNo: string; paper: string; docNo: string }
    expect(j).toMatchObject({ file: out, batchNo: '公示-2026-001', paper: 'A4' })
    expect(fs.statSync(out).size).toBe(j.bytes)
    expect(text(out)).toContain('最低生活保障审核公示')
    const a3 = run(['print', 'notice', '--data', data, '--kind', 'village', '--batch', '公示-2026-001', '--out', path.join(dir, 'cli', 'a3.pdf'), '--paper', 'A3'])
    expect(a3.status).toBe(0)
    expect(execFileSync('pdfinfo', [path.join(dir, 'cli', 'a3.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 1190\.\d+ pts \(A3\)/)
    const wrong = run(['print', 'notice', '--data', data, '--kind', 'township', '--batch', '公示-2026-001', '--out', out])
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toMatch(/是村级公示，与 --kind township 不符/)
    expect(j.docNo).toMatch(/-GS-/)
    const core = spawnSync('sqlite3', [path.join(data, 'dibao.sqlite'), `select doc_no from printed_document where doc_no = '${j.docNo}'`], { encoding: 'utf8' })
    expect(core.stdout.trim()).toBe(j.docNo)
    const bad = run(['doc', 'verify', '--data', data, '--payload', `DBDOC1|${j.docNo}|notice|2026-12-02|${'0'.repeat(16)}|${'0'.repeat(16)}`])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/核验未通过：签名不符/)
    const lt = run(['print', 'notice', '--data', data, '--kind', 'longterm', '--out', path.join(dir, 'cli', 'longterm.pdf'), '--json'])
    expect(lt.status).toBe(0)
    expect(JSON.parse(lt.stdout)).toMatchObject({ village: null, paper: 'A4', docNo: expect.stringMatching(/-CQ-/) })
    const ltBatch = run(['print', 'notice', '--data', data, '--kind', 'longterm', '--batch', '公示-2026-001', '--out', out])
    expect(ltBatch.status).toBe(2)
    expect(ltBatch.stderr).toMatch(/不用 --batch/)
    const paper = run(['print', 'notice', '--data', data, '--kind', 'village', '--batch', '公示-2026-001', '--out', out, '--paper', 'B5'])
    expect(paper.status).toBe(2)
    expect(paper.stderr).toMatch(/--paper 只能是 A4、A4-landscape、A3、A2-tiled、A1-tiled/)
  })

  it('命令行：dibao print pledge|minutes|archive|form|letter（--json 给出文件、大小和文书编号；找不到时退出码 1，用法错误 2）', () => {
    const bin = path.join(root, 'main/cli/dibao.cjs')
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, DIBAO_DATA: '' } })
    const sql = (q: string) => spawnSync('sqlite3', [path.join(data, 'dibao.sqlite'), q], { encoding: 'utf8' }).stdout.trim()
    const fileNo = sql("select file_no from household where status = 'active' order by file_no limit 1")
    const decided = sql("select c.case_no from dibao_case c join case_step s on s.case_id = c.id where s.kind = 'approved' and c.kind = 'newApplication' limit 1")
    const o = (n: string) => path.join(dir, 'cli', n)
    const json = (r: ReturnType<typeof run>) => { expect(r.stderr).toBe(''); expect(r.status).toBe(0); return JSON.parse(r.stdout) as { file: string; bytes: number; docNo: string; pages?: number } }
    const pledge = json(run(['print', 'pledge', '--data', data, '--household', fileNo, '--out', o('pledge.pdf'), '--json']))
    expect(pledge.docNo).toMatch(/-CN-/)
    expect(text(o('pledge.pdf')).replace(/\s+/g, '')).toContain('居民家庭经济状况核对授权书')
    const archive = json(run(['print', 'archive', '--data', data, '--household', fileNo, '--out', o('archive.pdf'), '--json']))
    expect(archive.docNo).toMatch(/-DA-/)
    expect(archive.pages).toBe(pages(o('archive.pdf')))
    expect(json(run(['print', 'form', '--data', data, '--case', decided, '--kind', 'review', '--out', o('review.pdf'), '--json'])).docNo).toMatch(/-SP-/)
    expect(json(run(['print', 'form', '--data', data, '--case', decided, '--kind', 'visit', '--out', o('visit.pdf'), '--json'])).docNo).toMatch(/-DC-/)
    expect(json(run(['print', 'letter', '--data', data, '--case', decided, '--kind', 'decision', '--out', o('letter.pdf'), '--json'])).docNo).toMatch(/-GZ-/)
    // the cadre pledge needs the person in the register
    const noCadre = run(['print', 'pledge', '--data', data, '--cadre', '不存在的人', '--out', o('cadre.pdf')])
    expect(noCadre.status).toBe(1)
    expect(noCadre.stderr).toMatch(/干部承诺书登记簿中没有在岗的“不存在的人”/)
    expect(run(['print', 'pledge', '--data', data, '--out', o('x.pdf')]).status).toBe(2)
    expect(run(['print', 'form', '--data', data, '--case', decided, '--kind', 'other', '--out', o('x.pdf')]).stderr).toMatch(/--kind 只能是 visit、review/)
    const noMeeting = run(['print', 'minutes', '--data', data, '--meeting', 'PS-0000', '--out', o('m.pdf')])
    expect(noMeeting.status).toBe(1)
    expect(noMeeting.stderr).toMatch(/找不到民主评议会议 PS-0000/)
    const noCase = run(['print', 'letter', '--data', data, '--case', 'nope', '--kind', 'materials', '--out', o('m.pdf')])
    expect(noCase.status).toBe(1)
    expect(noCase.stderr).toMatch(/找不到案件 nope/)
  })
})
