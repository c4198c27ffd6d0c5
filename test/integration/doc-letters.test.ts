// 承诺书/授权书, 干部承诺书 and its register, 书面告知书 and 补正材料告知书 (issue 5), printed from a demo township
// on a temp SQLite file and read back with poppler (pdftotext for the words, pdffonts for the one subset font).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../fixtures/core'
import { openCore } from '../../main/services/core'
import { generateDemo } from '../../main/services/demo'
import { demoAdmin, ensureDemoOperators } from '../../main/services/demoCases'
import type { Actor, Core } from '../../main/services/context'
import { readCtx } from '../../main/services/context'
import { getHousehold } from '../../main/services/households'
import { addCadre, cadrePledgePdf, householdPledgePdf, listCadrePledges, markCadreLeft, recordCadreSigned } from '../../main/services/pledges'
import { decisionLetterPdf, materialsLetterPdf } from '../../main/services/printLetters'
import { addParam } from '../../main/services/policy'
import { verifyPayload } from '../../main/services/docRegister'
import { noticePdf } from '../../main/services/printing'
import { advanceCase, getCase } from '../../main/services/cases'
import { clearFlag } from '../../main/services/rules'

let dir = ''
let core: Core & { close(): Promise<void> }
let admin: Actor
const flat = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
const fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
const save = (name: string, bytes: Buffer) => { const f = path.join(dir, name); fs.writeFileSync(f, bytes); if (process.env.DIBAO_DOCS_OUT) fs.copyFileSync(f, path.join(process.env.DIBAO_DOCS_OUT, name)); return f }
const oneSubsetFont = (file: string) => { const fl = fonts(file); expect(fl).toHaveLength(1); expect(fl[0]).toMatch(/^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes/) }

beforeAll(async () => {
  dir = tempDir('dibao-letters-')
  core = await openCore(path.join(dir, 'data'))
  await generateDemo(core, { households: 60, seed: 11, adminPassword: 'Demo2026pass', cases: 24 })
  admin = await demoAdmin(core)
})
afterAll(async () => { await core.close(); fs.rmSync(dir, { recursive: true, force: true }) })

const firstCase = async (where: (q: ReturnType<typeof stepQuery>) => ReturnType<typeof stepQuery>) => (await where(stepQuery()).select('dibao_case.id').executeTakeFirstOrThrow()).id
const stepQuery = () => core.db.selectFrom('dibao_case').innerJoin('case_step', 'case_step.case_id', 'dibao_case.id')

describe('承诺书和授权书（按户预填）', () => {
  it('列出全体共同生活成员（含身份证号供核对）与义务人，两页：承诺书、授权书；模板可由管理员改写', async () => {
    const h = await core.db.selectFrom('household').select('id').where('status', '=', 'active').orderBy('file_no').executeTakeFirstOrThrow()
    const f = await getHousehold(readCtx(core, admin), h.id)
    const r = await householdPledgePdf(core, admin, { householdId: h.id })
    const file = save('pledge.pdf', r.bytes)
    const t = flat(file)
    expect(t).toContain('最低生活保障申请承诺书')
    expect(t).toContain('居民家庭经济状况核对授权书')
    for (const m of f.members.filter((x) => x.coResident)) { expect(t).toContain(m.name); expect(t).toContain(m.idNumber) }
    expect(t).toContain('如有虚报、隐瞒、伪造等情形，自愿退回违规领取的保障金')
    expect(t).toContain('非银行支付机构')
    expect(r.docNo).toMatch(/-CN-\d{4}-\d{5}$/)
    oneSubsetFont(file)
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])).toBeGreaterThanOrEqual(2)
    const audit = await core.db.selectFrom('audit_log').select(['action', 'household_id']).where('action', '=', 'document.print').orderBy('seq', 'desc').executeTakeFirstOrThrow()
    expect(audit.household_id).toBe(h.id)

    // the county's own wording, entered as a dated template row; an unknown placeholder is refused
    await expect(addParam(core, admin, { key: 'template.pledge', value: ['本人{申请人}承诺{错字}'], effectiveFrom: '2026-01-01', sourceNote: '县民政局通知' })).rejects.toThrow(/未知的占位符：\{错字\}/)
    await addParam(core, admin, { key: 'template.pledge', value: ['本人{申请人}向{乡镇}人民政府郑重承诺：所报情况全部属实。', '如有不实，愿承担法律责任。'], effectiveFrom: '2026-01-01', sourceNote: '新民〔2026〕3号' })
    const t2 = flat(save('pledge2.pdf', (await householdPledgePdf(core, admin, { householdId: h.id })).bytes))
    expect(t2).toContain('向小冀镇人民政府郑重承诺：所报情况全部属实')
    expect(t2).not.toContain('自愿退回违规领取的保障金')
    // a dated row is never rewritten: a second one on the same date is refused in words, not a database error
    await expect(addParam(core, admin, { key: 'template.pledge', value: ['本人{申请人}承诺。'], effectiveFrom: '2026-01-01', sourceNote: '更正' })).rejects.toThrow(/在 2026-01-01 已有一条记录/)
  })
})

describe('干部承诺书登记簿', () => {
  it('登记 → 打印（按姓名）→ 签回并附扫描件 → 离岗；离岗后不再打印，重名要求选择', async () => {
    let list = await addCadre(core, admin, { name: '刘建国', post: '村党支部书记', unit: '东风村村民委员会', level: 'village', villageCode: null })
    const row = list.find((x) => x.name === '刘建国')!
    expect(row.statusLabel).toBe('未签回')
    await expect(addCadre(core, admin, { name: '刘建国', post: '村党支部书记', unit: '东风村村民委员会', level: 'village' })).rejects.toThrow(/已在登记簿中/)
    const r = await cadrePledgePdf(core, admin, { name: '刘建国' })
    const file = save('cadre.pdf', r.bytes)
    const t = flat(file)
    expect(t).toContain('最低生活保障工作承诺书')
    expect(t).toContain('本人刘建国，东风村村民委员会村党支部书记')
    expect(t).toContain('坚决不办人情保、关系保')
    expect(t).toContain(r.docNo)
    oneSubsetFont(file)
    expect((await verifyPayload(readCtx(core, admin), r.payload)).ok).toBe(true)
    list = await listCadrePledges(readCtx(core, admin))
    expect(list.find((x) => x.id === row.id)!.lastPrinted?.docNo).toBe(r.docNo)

    await expect(recordCadreSigned(core, admin, { id: row.id, signedDate: '2026-03-01', originalName: 'a.txt', dataBase64: Buffer.from('hello').toString('base64') })).rejects.toThrow(/不是可识别的扫描件/)
    list = await recordCadreSigned(core, admin, { id: row.id, version: row.version, signedDate: '2026-03-01', originalName: '承诺书.pdf', dataBase64: r.bytes.toString('base64') })
    const signed = list.find((x) => x.id === row.id)!
    expect(signed.statusLabel).toBe('已签署')
    expect(signed.signedDate).toBe('2026-03-01')
    expect(signed.scan?.mime).toBe('application/pdf')
    await expect(markCadreLeft(core, admin, { id: row.id, version: row.version, date: '2026-06-01', reason: '换届' })).rejects.toThrow(/已被他人修改/)
    await expect(markCadreLeft(core, admin, { id: row.id, version: signed.version, date: '2026-02-01', reason: '换届' })).rejects.toThrow(/不能早于承诺书签署日期/)
    list = await markCadreLeft(core, admin, { id: row.id, version: signed.version, date: '2026-06-01', reason: '换届' })
    expect(list.find((x) => x.id === row.id)!.statusLabel).toBe('已离岗')
    await expect(cadrePledgePdf(core, admin, { id: row.id })).rejects.toThrow(/已于 2026-06-01 离岗/)
    await expect(cadrePledgePdf(core, admin, { name: '刘建国' })).rejects.toThrow(/没有在岗的“刘建国”/)
    await addCadre(core, admin, { name: '陈红', post: '民政助理员', unit: '小冀镇人民政府', level: 'township' })
    await addCadre(core, admin, { name: '陈红', post: '妇联主席', unit: '红星村村民委员会', level: 'village' })
    await expect(cadrePledgePdf(core, admin, { name: '陈红' })).rejects.toThrow(/有 2 位“陈红”/)
    const actions = (await core.db.selectFrom('audit_log').select('action').where('action', 'like', 'pledge.cadre.%').execute()).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['pledge.cadre.add', 'pledge.cadre.signed', 'pledge.cadre.left']))
  })
})

describe('书面告知书与补正材料告知书', () => {
  it('不予确认：理由、依据、复议 60 日和诉讼 6 个月的救济途径、送达回证', async () => {
    const id = await firstCase((q) => q.where('case_step.kind', '=', 'rejected').where('dibao_case.kind', '=', 'newApplication'))
    const r = await decisionLetterPdf(core, admin, { caseId: id })
    const file = save('rejected.pdf', r.bytes)
    const t = flat(file)
    expect(t).toContain('最低生活保障不予确认告知书')
    expect(t).toContain('不符合最低生活保障条件')
    expect(t).toContain('第二十一条')
    expect(t).toContain('六十日内向新乡县人民政府申请行政复议')
    expect(t).toContain('六个月内向新乡县人民法院提起行政诉讼')
    expect(t).toContain('送达回证')
    expect(t).toContain('家庭月人均收入')
    expect(r.docNo).toMatch(/-GZ-/)
    oneSubsetFont(file)
  })

  it('减发：原金额与新金额（大写）、执行月份、听取意见的经过', async () => {
    const rows = await core.db.selectFrom('case_step').select(['case_id', 'data_json']).where('kind', '=', 'preliminary').execute()
    const dec = rows.find((s) => s.data_json?.includes('"decrease"'))
    expect(dec).toBeTruthy()
    await expect(decisionLetterPdf(core, admin, { caseId: dec!.case_id })).rejects.toThrow(/还没有作出决定/)
    // the demo leaves it after the hearing: the township decides it here
    const approver = (await ensureDemoOperators(core)).approver
    const today = readCtx(core, admin).today
    await advanceCase(core, approver, { caseId: dec!.case_id, to: 'townshipDecision', date: today })
    for (const f of (await getCase(readCtx(core, admin), dec!.case_id)).flags.filter((x) => x.status === 'open' && x.severity === 'warn')) await clearFlag(core, approver, { flagId: f.id, reason: '已核实' })
    await advanceCase(core, approver, { caseId: dec!.case_id, to: 'approved', date: today })
    const t = flat(save('decrease.pdf', (await decisionLetterPdf(core, admin, { caseId: dec!.case_id })).bytes))
    expect(t).toContain('最低生活保障减发告知书')
    expect(t).toMatch(/调整为[\d,]+\.\d\d元（大写：[零壹贰叁肆伍陆柒捌玖拾佰仟万元角分整]+）/)
    expect(t).toContain('听取')
    expect(t).toContain('申请行政复议')
  })

  it('渐退：渐退期止月与救济途径', async () => {
    const id = await firstCase((q) => q.where('dibao_case.kind', '=', 'phaseOut').where('case_step.kind', 'in', ['approved', 'closed']))
    const t = flat(save('phaseout.pdf', (await decisionLetterPdf(core, admin, { caseId: id })).bytes))
    expect(t).toContain('最低生活保障渐退告知书')
    expect(t).toMatch(/至\d{4}年\d{1,2}月止/)
    expect(t).toContain('申请行政复议')
  })

  it('补正材料告知书：一次性列出全部材料和期限；没有登记一次性告知的案件说明原因', async () => {
    const id = (await core.db.selectFrom('case_record').select('case_id').where('kind', '=', 'materialsNotice').executeTakeFirstOrThrow()).case_id
    const r = await materialsLetterPdf(core, admin, { caseId: id })
    const file = save('materials.pdf', r.bytes)
    const t = flat(file)
    expect(t).toContain('最低生活保障申请补正材料告知书')
    expect(t).toContain('残疾人证复印件')
    expect(t).toContain('医院诊断证明')
    expect(t).toContain('一次性告知需要补正的全部材料')
    expect(t).toMatch(/请于\d{4}年\d{1,2}月\d{1,2}日前/)
    expect(r.docNo).toMatch(/-BZ-/)
    oneSubsetFont(file)
    const other = (await core.db.selectFrom('dibao_case').select('id').where('id', 'not in', core.db.selectFrom('case_record').select('case_id').where('kind', '=', 'materialsNotice')).executeTakeFirstOrThrow()).id
    await expect(materialsLetterPdf(core, admin, { caseId: other })).rejects.toThrow(/没有登记一次性告知/)
  })

  it('未作决定的案件不能打印书面告知书', async () => {
    const open = (await core.db.selectFrom('dibao_case').select('id').where('current_step', '=', 'investigating').executeTakeFirstOrThrow()).id
    await expect(decisionLetterPdf(core, admin, { caseId: open })).rejects.toThrow(/还没有作出决定/)
  })
})

describe('公示的显示选项（县里在政策参数中选择）', () => {
  it('notice.showGroup = 否：公示只列村名，不列村民小组', async () => {
    const b = await core.db.selectFrom('notice_batch').select('id').where('status', '=', 'posted').orderBy('batch_no').executeTakeFirstOrThrow()
    const before = flat(save('group-on.pdf', (await noticePdf(core, admin, { batchId: b.id })).bytes))
    expect(before).toMatch(/村\d+组/)
    await addParam(core, admin, { key: 'notice.showGroup', value: false, effectiveFrom: '2026-01-01', sourceNote: '县民政局通知' })
    const after = flat(save('group-off.pdf', (await noticePdf(core, admin, { batchId: b.id })).bytes))
    expect(after).not.toMatch(/村\d+组/)
    expect(after).toContain('最低生活保障审核公示')
  })
})

