// 入户调查表 and 审核确认表 (issue 5) printed from real case data (a demo township on a temp SQLite file) and read
// back with poppler: the names, investigators, conclusion, check-list labels, the amount with 大写, the -DC-/-SP-
// numbers, one embedded subset font; and the refusal for a case without a home visit. Set CASEFORMS_KEEP to a
// directory to keep the PDFs for a look (pdftoppm -png -r 60 …).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../fixtures/core'
import { openCore } from '../../main/services/core'
import { generateDemo } from '../../main/services/demo'
import { ensureDemoOperators } from '../../main/services/demoCases'
import { addRecord } from '../../main/services/caseRecords'
import { getCase } from '../../main/services/cases'
import { getHousehold } from '../../main/services/households'
import { readCtx } from '../../main/services/context'
import { reviewFormPdf, visitFormPdf } from '../../main/services/printCase'
import { reviewFormDocument, visitFormDocument, type FormMember, type VisitFormData } from '../../main/documents/caseForms'
import { renderPdf } from '../../main/documents/render'
import { yuanWithUpper } from '../../main/documents/common'
import { VISIT_CHECKS } from '../../main/domain/visitChecks'

let dir = ''
let data = ''
const keep = process.env.CASEFORMS_KEEP ?? process.env.DIBAO_DOCS_OUT
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
const flat = (s: string) => s.replace(/\s+/g, '')
const fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])
const write = (name: string, bytes: Buffer) => {
  const f = path.join(dir, name)
  fs.writeFileSync(f, bytes)
  if (keep) { fs.mkdirSync(keep, { recursive: true }); fs.copyFileSync(f, path.join(keep, name)) }
  return f
}
const oneFont = (f: string) => {
  const fl = fonts(f)
  expect(fl).toHaveLength(1)
  expect(fl[0]).toMatch(/^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes/)
}

beforeAll(async () => {
  dir = tempDir('dibao-caseforms-')
  data = path.join(dir, 'township')
  const core = await openCore(data)
  await generateDemo(core, { households: 60, seed: 11, adminPassword: 'Demo2026pass', cases: 24 })
  await core.close()
}, 180_000)
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }) })

describe('入户调查表', () => {
  it('最新的入户调查记录：户主、成员（含完整身份证号）、调查人员、结论、核查清单全部事项；编号 -DC-，一种字体；不印银行账号', async () => {
    const core = await openCore(data)
    try {
      const row = await core.db.selectFrom('case_record').innerJoin('dibao_case', 'dibao_case.id', 'case_record.case_id').select(['dibao_case.id']).where('case_record.kind', '=', 'homeVisit').where('dibao_case.kind', '=', 'newApplication').orderBy('dibao_case.case_no').executeTakeFirstOrThrow()
      const ctx = readCtx(core, null)
      const c = await getCase(ctx, row.id)
      const f = await getHousehold(ctx, c.householdId)
      const r = await visitFormPdf(core, null, { caseId: c.id })
      expect(r.docNo).toMatch(/^\d{9}-DC-\d{4}-\d{5}$/)
      const file = write('visit.pdf', r.bytes)
      const t = text(file)
      const ft = flat(t)
      expect(ft).toContain('最低生活保障家庭入户调查表')
      expect(ft).toContain(`文书编号${r.docNo}`)
      expect(ft).toContain(`案件编号${c.caseNo}`)
      expect(t).toContain(c.headName)
      for (const m of f.members) { expect(t).toContain(m.name); expect(t).toContain(m.idNumber) }
      expect(t).toContain('张丽')
      expect(t).toContain('乡镇民政办工作人员')
      expect(ft).toContain('家庭生活困难，情况属实。')
      expect(ft).toContain('走访邻居两户，反映该户生活困难属实。')
      // two items a row: a long label may wrap beside its neighbour, so look for its opening words
      for (const ch of VISIT_CHECKS) expect(ft).toContain(`□${flat(ch.label).slice(0, 9)}`)
      expect(ft).toContain('被调查人/在场家庭成员')
      if (f.household.bankAccount) expect(t).not.toContain(f.household.bankAccount)
      oneFont(file)
      const reg = await core.db.selectFrom('printed_document').selectAll().where('doc_no', '=', r.docNo).executeTakeFirstOrThrow()
      expect(reg).toMatchObject({ kind: 'visit', ref_id: c.id, paper: 'A4' })
    } finally { await core.close() }
  })

  it('核查清单：勾选的事项印 ⊠ 和说明（成员、金额、月数），成员调查情况逐条；可指定记录打印', async () => {
    const core = await openCore(data)
    try {
      const ops = await ensureDemoOperators(core)
      const row = await core.db.selectFrom('dibao_case').leftJoin('case_record', (j) => j.onRef('case_record.case_id', '=', 'dibao_case.id').on('case_record.kind', '=', 'homeVisit'))
        .select(['dibao_case.id']).where('dibao_case.current_step', '=', 'investigating').where('case_record.id', 'is', null).orderBy('dibao_case.case_no').executeTakeFirstOrThrow()
      const ctx = readCtx(core, null)
      const c0 = await getCase(ctx, row.id)
      const f = await getHousehold(ctx, c0.householdId)
      const [m1, m2] = [f.members[0]!, f.members[f.members.length - 1]!]
      const c = await addRecord(core, ops.handler, { caseId: c0.id, kind: 'homeVisit', date: readCtx(core, null).today, data: {
        investigators: [{ name: '张丽', role: '乡镇民政办工作人员' }, { name: '赵村委', role: '村委会委员' }, { name: '钱核查', role: '县民政局工作人员' }],
        membersPresent: [m1.id], livingConditions: '家中有彩电一台、冰箱一台，均使用多年；院内养鸡十余只。', housing: '砖混结构平房三间，未装修',
        findings: [{ memberId: m2.id, text: '常年在家务农，农闲时在镇上打零工' }], neighbourInquiry: '走访邻居李某、王某，反映情况基本属实。',
        conclusion: '经入户调查，家庭经营小卖部有稳定利润，近半年购买电动三轮车一辆，建议结合核对报告审慎认定。',
        checks: [
          { code: 'businessProfit', amountFen: 120000, note: '在村口经营小卖部，月利润约一千二百元' },
          { code: 'bigPurchase', amountFen: 680000, note: '2026年8月购买电动三轮车一辆' },
          { code: 'housingFund', memberId: m2.id, note: '在县城企业务工期间缴存，月缴存额二百元' },
        ],
        investigatorsSigned: true, familySigned: true,
      } })
      const rec = c.records.filter((x) => x.kind === 'homeVisit').at(-1)!
      const r = await visitFormPdf(core, null, { caseId: c.id, recordId: rec.id })
      const file = write('visit-checks.pdf', r.bytes)
      const ft = flat(text(file))
      expect(ft).toContain(flat('⊠ 经营实体有稳定利润'))
      expect(ft).toContain('月利润1,200.00元')
      expect(ft).toContain(flat('⊠ 近 6 个月有大额消费'))
      expect(ft).toContain('金额6,800.00元')
      expect(ft).toContain(flat('⊠ 成员缴存住房公积金'))
      expect(ft).toContain(`${m2.name}；在县城企业务工期间缴存`)
      expect(ft).toContain(flat('□ 已纳入特困人员救助供养'))
      expect(ft).toContain(`${m2.name}：常年在家务农`)
      expect(ft).toContain('钱核查')
      expect(ft).toContain('砖混结构平房三间，未装修')
      oneFont(file)
      await expect(visitFormPdf(core, null, { caseId: c.id, recordId: 'no-such-record' })).rejects.toThrow(/没有这条入户调查记录/)
    } finally { await core.close() }
  })

  it('没有入户调查记录的案件不能打印，并说明先做什么', async () => {
    const core = await openCore(data)
    try {
      const row = await core.db.selectFrom('dibao_case').leftJoin('case_record', (j) => j.onRef('case_record.case_id', '=', 'dibao_case.id').on('case_record.kind', '=', 'homeVisit'))
        .select(['dibao_case.id', 'dibao_case.case_no']).where('case_record.id', 'is', null).orderBy('dibao_case.case_no').executeTakeFirstOrThrow()
      const before = await core.db.selectFrom('printed_document').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      await expect(visitFormPdf(core, null, { caseId: row.id })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(new RegExp(`案件 ${row.case_no}.*还没有登记入户调查记录，不能打印入户调查表：请先.*登记入户调查记录`)) })
      const after = await core.db.selectFrom('printed_document').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      expect(Number(after.n)).toBe(Number(before.n))
    } finally { await core.close() }
  })

  it('大家庭：成员表跨页时表头重复，18 位身份证号不折行', async () => {
    const member = (i: number): FormMember => ({
      name: i === 0 ? '欧阳建国' : `成员${i}`, relation: i === 0 ? '户主' : i % 3 === 0 ? '孙女婿或外孙女婿' : '子', idNumber: `41072119${String(50 + i).padStart(2, '0')}0101123X`, gender: i % 2 ? 'female' : 'male', age: 80 - i * 3,
      health: i % 4 === 1 ? '慢性病' : '健康', diagnosis: i % 4 === 1 ? '慢性支气管炎' : null, disability: i === 2 ? '肢体残疾二级' : null, labour: i % 3 === 0 ? '部分丧失' : '有',
      employment: i > 8 ? '在校学生' : '务农', employerSchool: i > 8 ? '小冀镇中心高级中学' : null, monthlyIncomeFen: i * 12345, beneficiary: true, notCounted: i === 5 ? '服刑人员' : null,
    })
    const d: VisitFormData = {
      townshipName: '小冀镇', countyName: '新乡县', villageName: '东风村', groupName: '3组', category: 'rural', caseNo: '410721101-2026-00099', fileNo: '410721101201-0099',
      household: { headName: '欧阳建国', applicantName: '欧阳建国', memberCount: 24, phone: '13812345678', address: '东风村3组 建设路12号', hukouAddress: null, povertyCause: '重病', registeredPoor: true, relativeFiling: false, housingType: '自建房', housingArea: 120 },
      members: Array.from({ length: 24 }, (_, i) => member(i)),
      assets: [{ kind: '机动车辆', description: '电动三轮车', owner: '欧阳建国', quantity: '1辆', sizeClass: '小型', valueFen: 680000, exempt: true, exemptReason: '生产用车', evidence: '入户调查' }],
      incomes: [{ memberName: '成员1', kind: '工资性收入', subtype: '务工收入', amountFen: 150000, source: '本人申报', counted: true, note: null }, { memberName: null, kind: '转移净收入', subtype: '城乡居民基础养老金', amountFen: 18000, source: '核对报告', counted: false, note: '政策规定不计入' }],
      obligors: [{ name: '欧阳小明', relation: '子女', age: 45, health: '健康', job: '外出务工', householdSize: 4, monthlyIncomeFen: 600000, supportPaidFen: 30000, waiver: false, waiverReason: null }],
      visit: { date: '2026-11-20', investigators: [{ name: '张丽', role: '乡镇民政办工作人员' }, { name: '赵村委', role: '村委会委员' }], membersPresent: [{ name: '欧阳建国', relation: '户主' }, { name: '成员1', relation: '子' }],
        livingConditions: '住房为自建砖瓦房，家具陈旧，无大额消费品。', housing: '砖瓦房，约120平方米', findings: [], neighbourInquiry: null, conclusion: '家庭生活困难，情况属实。', checks: [], remark: null },
    }
    const f = write('visit-big.pdf', await renderPdf(visitFormDocument(d, { docNo: '410721101-DC-2026-00999', payload: 'x' }), '入户调查表'))
    const n = pages(f)
    expect(n).toBeGreaterThanOrEqual(2)
    const t = text(f)
    for (let i = 0; i < 24; i++) expect(t).toContain(`41072119${String(50 + i).padStart(2, '0')}0101123X`)
    // the member table runs over to the second sheet: its heads repeat there
    const p2 = flat(execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', f, '-'], { encoding: 'utf8' }))
    expect(p2).toContain('二、家庭成员情况')
    expect(p2).toContain('公民身份号码')
    expect(p2).toContain('成员12')
    oneFont(f)
  })
})

describe('审核确认表', () => {
  it('已审核确认的案件：基本情况、成员、收入、调查意见、公示、初审和乡镇审核确认意见，月保障金额含大写；编号 -SP-', async () => {
    const core = await openCore(data)
    try {
      const row = await core.db.selectFrom('case_step').innerJoin('dibao_case', 'dibao_case.id', 'case_step.case_id').select(['dibao_case.id']).where('case_step.kind', '=', 'approved').where('dibao_case.kind', '=', 'newApplication').orderBy('dibao_case.case_no').executeTakeFirstOrThrow()
      const ctx = readCtx(core, null)
      const c = await getCase(ctx, row.id)
      const f = await getHousehold(ctx, c.householdId)
      expect(c.decision?.amountFen).toBeGreaterThan(0)
      const r = await reviewFormPdf(core, null, { caseId: c.id })
      expect(r.docNo).toMatch(/^\d{9}-SP-\d{4}-\d{5}$/)
      const file = write('review-decided.pdf', r.bytes)
      const t = text(file)
      const ft = flat(t)
      expect(ft).toContain('最低生活保障审核确认表')
      expect(ft).not.toContain('（未办结）')
      expect(ft).toContain(`文书编号${r.docNo}`)
      expect(t).toContain(c.headName)
      for (const m of f.members) expect(t).toContain(m.name)
      expect(ft).toContain(flat(yuanWithUpper(c.decision!.amountFen!)))
      expect(ft).toContain('家庭生活困难，情况属实。')
      expect(t).toContain('张丽')
      expect(ft).toContain('拟同意纳入最低生活保障')
      expect(ft).toContain('确认纳入低保')
      expect(ft).toContain(c.notices[0]!.batchNo)
      expect(ft).toMatch(/乡镇审核.*确认意见/)
      expect(ft).not.toMatch(/县级审核/)
      const sm = c.decision!.startMonth!
      expect(ft).toContain(`${sm.slice(0, 4)}年${Number(sm.slice(5, 7))}月`)
      expect(ft).toContain('经办人（签字）')
      expect(ft).toContain('负责人（签字）')
      expect(ft).toContain('（乡镇人民政府盖章）')
      if (f.household.bankAccount) expect(t).not.toContain(f.household.bankAccount)
      oneFont(file)
      const reg = await core.db.selectFrom('printed_document').selectAll().where('doc_no', '=', r.docNo).executeTakeFirstOrThrow()
      expect(reg).toMatchObject({ kind: 'review', ref_id: c.id })
    } finally { await core.close() }
  })

  it('未审核确认的案件：标“（未办结）”，未签署的意见栏留空待填，不省略', async () => {
    const core = await openCore(data)
    try {
      const row = await core.db.selectFrom('dibao_case').select(['id']).where('kind', '=', 'newApplication').where('current_step', '=', 'preliminary').orderBy('case_no').executeTakeFirstOrThrow()
      const r = await reviewFormPdf(core, null, { caseId: row.id })
      const file = write('review-open.pdf', r.bytes)
      const ft = flat(text(file))
      expect(ft).toContain('（未办结）')
      expect(ft).toContain('拟同意纳入最低生活保障')
      expect(ft).toContain(flat('□确认纳入最低生活保障　□不予确认'))
      expect(ft).toMatch(/乡镇审核.*确认意见/)
      expect(ft).toContain('月保障金额')
      expect(ft).toContain('负责人（签字）')
      oneFont(file)
    } finally { await core.close() }
  })

  it('公示期有异议的案件：印异议内容和处理情况，不印反映人', async () => {
    const core = await openCore(data)
    try {
      const o = await core.db.selectFrom('objection').select(['case_id', 'status', 'upheld']).orderBy('status').executeTakeFirstOrThrow()
      const r = await reviewFormPdf(core, null, { caseId: o.case_id })
      const ft = flat(text(write('review-objection.pdf', r.bytes)))
      expect(ft).toContain('收到异议：反映该户儿子在外务工收入较高，未如实申报。')
      expect(ft).toContain(o.status === 'closed' ? '处理结果：其子月收入与申报一致，异议不成立。（异议不成立）' : '（尚在调查核实）')
      expect(ft).not.toContain('村民（演示）')
      expect(ft).not.toContain('138****0000')
      expect(ft).toContain('（未办结）')
    } finally { await core.close() }
  })

  it('不予确认的案件印决定和理由、不印金额；复核（渐退）案件印方案和原保障金额', async () => {
    const core = await openCore(data)
    try {
      const rej = await core.db.selectFrom('case_step').innerJoin('dibao_case', 'dibao_case.id', 'case_step.case_id').select(['dibao_case.id']).where('case_step.kind', '=', 'rejected').executeTakeFirstOrThrow()
      const r1 = await reviewFormPdf(core, null, { caseId: rej.id })
      const t1 = flat(text(write('review-rejected.pdf', r1.bytes)))
      expect(t1).toContain('拟不同意纳入最低生活保障')
      expect(t1).toContain('不予确认。理由：经审核，家庭月人均收入高于当地低保标准')
      expect(t1).not.toContain('大写')
      const po = await core.db.selectFrom('case_step').innerJoin('dibao_case', 'dibao_case.id', 'case_step.case_id').select(['dibao_case.id']).where('case_step.kind', '=', 'approved').where('dibao_case.kind', '=', 'phaseOut').executeTakeFirstOrThrow()
      const c = await getCase(readCtx(core, null), po.id)
      const r2 = await reviewFormPdf(core, null, { caseId: po.id })
      const t2 = flat(text(write('review-phaseout.pdf', r2.bytes)))
      expect(t2).toContain('拟渐退')
      expect(t2).toContain(`原保障金额${c.decision!.previousFen !== null ? '' : ''}`)
      expect(t2).toContain('家庭收入已超过低保标准，符合渐退条件。')
      oneFont(write('review-phaseout.pdf', r2.bytes))
    } finally { await core.close() }
  })

  it('县级审核确认的案件：最后一栏为县级审核确认意见、县级民政部门盖章', () => {
    const base = { townshipName: '小冀镇', countyName: '新乡县', villageName: '东风村', groupName: null, category: 'urban' as const, caseNo: 'X', fileNo: 'F' }
    const doc = reviewFormDocument({
      ...base, kindLabel: '新申请', receivedDate: '2026-11-01', decisionLevel: 'county', countyApproval: false, management: false,
      household: { headName: '张三', applicantName: '张三', memberCount: 1, phone: null, address: '东风村', hukouAddress: null, povertyCause: null, registeredPoor: false, relativeFiling: false, housingType: null, housingArea: null },
      individual: null, members: [], assets: [], obligors: [],
      income: { byKind: [], totalFen: 0, perCapitaFen: null, persons: null, standardFen: null, basis: '按档案登记，尚未试算', notCounted: [] },
      investigation: null, check: null, meetings: [{ date: '2026-11-20', meetingNo: '评议-2026-001', resultLabel: '通过', agree: 6, disagree: 0, abstain: 1 }], notices: [], objections: [], preliminary: null, decision: null,
    }, null)
    const s = JSON.stringify(doc.content)
    expect(s).toContain('县级审核\\n确认意见')
    expect(s).toContain('（县级民政部门盖章）')
    expect(s).toContain('（未办结）')
    expect(s.split('\\n').join('')).toContain('2026年11月20日召开民主评议会议（评议-2026-001）：评议结果通过；同意 6 票，不同意 0 票，弃权 1 票。')
  })
})
