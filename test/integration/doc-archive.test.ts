// The 一户一档 archive PDF (issue 5), printed from a demo township with real scans attached (JPEG and PNG made
// by poppler from a PDF page, and a PDF scan), read back with poppler: the 卷内目录 with page numbers, every
// section, the embedded images (pdfimages), the appended PDF pages, one subset font; and previews, which are
// rendered unnumbered and leave the register alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../fixtures/core'
import { openCore } from '../../main/services/core'
import { generateDemo, makeScanPdf } from '../../main/services/demo'
import { ensureDemoOperators } from '../../main/services/demoCases'
import type { Actor, Core } from '../../main/services/context'
import { uploadAttachment } from '../../main/services/attachments'
import { archivePdf } from '../../main/services/archive'
import { printDocument } from '../../main/services/printDocument'
import { printHistory } from '../../main/services/docRegister'
import { readCtx } from '../../main/services/context'

let dir = ''
let core: Core & { close(): Promise<void> }
let handler: Actor
const layout = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
const save = (name: string, bytes: Buffer) => { const f = path.join(dir, name); fs.writeFileSync(f, bytes); if (process.env.DIBAO_DOCS_OUT) fs.copyFileSync(f, path.join(process.env.DIBAO_DOCS_OUT, name)); return f }
/** A real JPEG/PNG "scan": a PDF page rasterised by poppler. */
function scanImage(kind: 'jpeg' | 'png', title: string): Buffer {
  const src = path.join(dir, `${title}.pdf`)
  fs.writeFileSync(src, makeScanPdf(title))
  execFileSync('pdftoppm', [`-${kind}`, '-r', '60', '-singlefile', src, path.join(dir, title)])
  return fs.readFileSync(path.join(dir, `${title}.${kind === 'jpeg' ? 'jpg' : 'png'}`))
}

let householdId = ''
beforeAll(async () => {
  dir = tempDir('dibao-archive-')
  core = await openCore(path.join(dir, 'data'))
  await generateDemo(core, { households: 60, seed: 11, adminPassword: 'Demo2026pass', cases: 24 })
  handler = (await ensureDemoOperators(core)).handler
  // the household with a decided new application (most sections)
  const h = await core.db.selectFrom('dibao_case').innerJoin('case_step', 'case_step.case_id', 'dibao_case.id').innerJoin('household', 'household.id', 'dibao_case.household_id')
    .select('household.id').where('case_step.kind', '=', 'approved').where('dibao_case.kind', '=', 'newApplication').where('household.status', '=', 'active').executeTakeFirstOrThrow()
  householdId = h.id
  await uploadAttachment(core, handler, { householdId, docKind: 'idCopy', originalName: '户口簿.jpg', dataBase64: scanImage('jpeg', 'hukou').toString('base64') })
  await uploadAttachment(core, handler, { householdId, docKind: 'housingPhoto', originalName: '住房照片.png', dataBase64: scanImage('png', 'idcard').toString('base64') })
  await uploadAttachment(core, handler, { householdId, docKind: 'diagnosis', originalName: '医院证明.pdf', dataBase64: makeScanPdf('hospital').toString('base64') })
})
afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }) })

describe('一户一档档案 PDF', () => {
  it('封面、卷内目录（含页码）、家庭基本情况、承诺书、每个案件的办理过程和表格、材料图片、打印登记、变更记录', async () => {
    const r = await archivePdf(core, handler, { householdId })
    const file = save('archive.pdf', r.bytes)
    expect(r.docNo).toMatch(/-DA-\d{4}-\d{5}$/)
    expect(pageCount(file)).toBe(r.pages)
    const t = layout(file)
    const flat = t.replace(/\s+/g, '')
    for (const s of ['最低生活保障家庭档案', '卷内目录', '家庭基本情况', '最低生活保障申请承诺书', '办理过程记录', '入户调查表', '审核确认表', '最低生活保障确认通知书', '文书打印登记', '档案变更记录']) expect(flat).toContain(s)
    // the 卷内目录 lists sections with their page numbers (a title followed by a number at the line end)
    const toc = t.split('\f')[1]!
    expect(toc).toMatch(/家庭基本情况[\s.]*\d+\s*$/m)
    expect(toc).toMatch(/材料 \d+：身份证\/户口簿复印件[\s.]*\d+/)
    // the two images are embedded, the PDF scan appended as its own page
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(images.length).toBeGreaterThanOrEqual(2)
    expect(flat).toMatch(/另附PDF扫描件\d+份/)
    expect(flat).toContain('诊断证明：医院证明.pdf（1页）')
    expect(t.split('\f').some((p) => p.includes('hospital'))).toBe(true)
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(fonts.filter((l) => /CID Type 0C/.test(l))).toHaveLength(1)
    const members = await core.db.selectFrom('member').select(['name', 'id_number']).where('household_id', '=', householdId).where('left_at', 'is', null).execute()
    for (const m of members) expect(t).toContain(m.name)
  })

  it('预览不编号、不登记，带“预览稿”字样；正式打印后出现在打印登记中', async () => {
    const before = (await printHistory(readCtx(core, handler), [householdId])).length
    const p = await printDocument(core, handler, { kind: 'pledge', householdId, preview: true })
    expect(p.docNo).toBe('')
    const t = execFileSync('pdftotext', ['-raw', save('preview.pdf', p.bytes), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(t).toContain('预览稿')
    expect(t).not.toContain('文书编号')
    expect((await printHistory(readCtx(core, handler), [householdId])).length).toBe(before)
    const real = await printDocument(core, handler, { kind: 'pledge', householdId })
    const hist = await printHistory(readCtx(core, handler), [householdId])
    expect(hist.length).toBe(before + 1)
    expect(hist[0]).toMatchObject({ docNo: real.docNo, kind: 'pledge', kindLabel: '承诺书和授权书', printedBy: expect.stringContaining(handler.name) })
  })
})
