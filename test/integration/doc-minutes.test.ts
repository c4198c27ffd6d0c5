// 民主评议会议记录 printing (domain.md §7; forms.md §4), read back with poppler: a demo township on a temp SQLite
// file, its 公示 cases with an objection taken to 民主评议 through the meeting services as the clerk would, the
// meeting signed, then printed: the words (header, votes, signature section, -JL- number), one embedded subset
// font, the register's audit event; a draft prints with the 草稿 mark; a meeting without cases is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../fixtures/core'
import { AppError } from '../../main/api/errors'
import type { MeetingView } from '../../main/api/types'
import { openCore } from '../../main/services/core'
import { generateDemo, makeScanPdf } from '../../main/services/demo'
import { readCtx, type Actor, type Core } from '../../main/services/context'
import { advanceCase, getCase } from '../../main/services/cases'
import { addObjection } from '../../main/services/notices'
import { attachSignin, closeMeeting, createMeeting, setMeetingCase } from '../../main/services/meetings'
import { minutesPdf } from '../../main/services/printMeeting'
import { DRAFT_LINE, minutesDocument, type MinutesDocData } from '../../main/documents/minutes'
import { renderPdf } from '../../main/documents/render'

let dir = ''
let core: Core & { close(): Promise<void> }
let handler: Actor
let closed: MeetingView
let draft: MeetingView
let empty: MeetingView
const text = (file: string, mode = '-layout') => execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8' })
const fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
const write = (name: string, bytes: Buffer) => { const f = path.join(dir, name); fs.writeFileSync(f, bytes); if (process.env.DIBAO_DOCS_OUT) fs.copyFileSync(f, path.join(process.env.DIBAO_DOCS_OUT, name)); return f }
const flat = (s: string) => s.replace(/\s+/g, '')
const ATTENDEES = [
  { name: '张丽', kind: 'townshipStaff', signed: true }, { name: '孙书记', kind: 'villageCadre', signed: true }, { name: '刘党员', kind: 'partyMember', signed: true },
  { name: '陈代表', kind: 'representative', signed: true }, { name: '周代表', kind: 'representative', signed: true }, { name: '吴代表', kind: 'representative', signed: true },
  { name: '郑代表', kind: 'representative', signed: true }, { name: '冯代表', kind: 'representative', signed: true }, { name: '钱监督', kind: 'supervisor', signed: true },
]

beforeAll(async () => {
  dir = tempDir('dibao-minutes-')
  core = await openCore(path.join(dir, 'township'))
  await generateDemo(core, { households: 60, seed: 11, adminPassword: 'Demo2026pass', cases: 24 })
  const op = await core.db.selectFrom('operator').selectAll().where('username', '=', 'jingban').executeTakeFirstOrThrow()
  handler = { operatorId: op.id, username: op.username, name: op.name, role: op.role }
  const today = readCtx(core, null).today
  // the village with the most cases in 公示: each gets an objection and goes to 异议处理 (民主评议 on objection, 办法 art. 19)
  const noticing = await core.db.selectFrom('dibao_case').innerJoin('household', 'household.id', 'dibao_case.household_id')
    .select(['dibao_case.id', 'household.village_code']).where('dibao_case.current_step', '=', 'noticing').where('dibao_case.closed_at', 'is', null).orderBy('dibao_case.case_no').execute()
  const counts = new Map<string, number>()
  for (const n of noticing) counts.set(n.village_code, (counts.get(n.village_code) ?? 0) + 1)
  const village = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]
  const ids = noticing.filter((n) => n.village_code === village).map((n) => n.id)
  for (const id of ids) {
    const has = await core.db.selectFrom('objection').select('id').where('case_id', '=', id).executeTakeFirst()
    if (!has) await addObjection(core, handler, { caseId: id, receivedDate: today, channel: 'phone', realName: false, content: '反映该户有家庭成员在外务工，收入未如实申报。' })
    const c = await getCase(readCtx(core, handler), id)
    await advanceCase(core, handler, { caseId: id, version: c.version, to: 'objectionHandling', date: today })
  }
  const m = await createMeeting(core, handler, {
    villageCode: village, date: today, place: '村委会二楼会议室', chair: '张丽', recorder: '孙书记', dueCount: 11, attendees: ATTENDEES,
    briefing: '主持人宣讲《最低生活保障审核确认办法》规定的申请条件、当地城乡低保标准和不予纳入的情形，以及评议纪律和回避要求。',
    minutes: '经办人逐户介绍入户调查、家庭经济状况核对和公示异议的核实情况。\n参会人员逐户发表意见、询问情况后举手表决，主持人归纳形成评议结论。',
  })
  for (const [i, id] of ids.entries()) {
    await setMeetingCase(core, handler, {
      meetingId: m.id, caseId: id, presentation: '入户调查两名工作人员在场，核对报告未发现车辆、房产；异议所反映的务工收入已向务工单位核实。',
      agree: 6 + (i % 2), disagree: 1 - (i % 2), abstain: 1, opinion: i === 0 ? '异议不成立，家庭收入低于当地低保标准，同意按初审意见办理。' : '情况属实，同意纳入。',
      result: 'pass', recusals: i === 0 ? '周代表（申请人近亲属）回避' : null,
    })
  }
  await attachSignin(core, handler, { meetingId: m.id, originalName: '签到表.pdf', dataBase64: makeScanPdf('signin').toString('base64') })
  closed = await closeMeeting(core, handler, { id: m.id })
  // a later meeting on the same cases, not yet signed (the sheet printed for the participants to sign)
  const d = await createMeeting(core, handler, { villageCode: village, date: today, place: '村委会', chair: '张丽', recorder: '孙书记', attendees: ATTENDEES.map((a, i) => ({ ...a, signed: i < 3 })), minutes: null })
  draft = await setMeetingCase(core, handler, { meetingId: d.id, caseId: ids[0]!, presentation: '复议异议核实情况' })
  empty = await createMeeting(core, handler, { villageCode: village, date: today, place: '村委会', chair: '张丽', recorder: '孙书记', attendees: ATTENDEES })
}, 180_000)

afterAll(async () => {
  await core?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('民主评议会议记录', () => {
  it('已签署的会议：表头、参会人员、逐户表决、签名栏、文书编号；只嵌入一种子集字体；登记并记审计', async () => {
    expect(closed.status).toBe('closed')
    expect(closed.cases.length).toBeGreaterThan(0)
    const r = await minutesPdf(core, handler, { meetingId: closed.id })
    expect(r.docNo).toMatch(/^\d{9}-JL-\d{4}-\d{5}$/)
    expect(r.fileName).toBe(`${closed.meetingNo}-民主评议会议记录.pdf`)
    const f = write('minutes.pdf', r.bytes)
    const t = text(f)
    const s = flat(t)
    expect(s).toContain(`${closed.villageName}最低生活保障民主评议会议记录`)
    expect(s).not.toContain(flat(DRAFT_LINE))
    expect(s).toContain('主持人张丽')
    expect(s).toContain('记录人孙书记')
    expect(s).toContain('村委会二楼会议室')
    expect(s).toMatch(/时间\d{4}年\d{1,2}月\d{1,2}日/)
    expect(s).toContain('应到人数11人')
    expect(s).toContain('实到人数9人（含列席1人）')
    expect(s).toContain('符合组成要求')
    for (const h of ['同意', '不同意', '弃权', '评议结论', '回避', '调查情况介绍']) expect(s).toContain(h)
    for (const a of ATTENDEES) expect(s).toContain(a.name)
    for (const c of closed.cases) {
      expect(s).toContain(c.applicantName)
      // 申请人 … 人口 … 同意 不同意 弃权 通过 on the case's row
      const row = t.split('\n').find((l) => l.includes(c.applicantName) && /通过/.test(l))
      expect(row, `${c.applicantName} 的表决行`).toBeDefined()
      expect(row!.replace(/\s+/g, ' ')).toContain(`${c.agree} ${c.disagree} ${c.abstain} 通过`)
    }
    expect(s).toContain('周代表（申请人近亲属）回避')
    expect(s).toContain('宣讲《最低生活保障审核确认办法》')
    expect(s).toContain('四、参会人员签名（签字页）')
    expect(s).toContain('主持人（签字）：')
    expect(s).toContain('记录人（签字）：')
    expect(s).toContain(`${closed.villageName}民主评议小组`)
    expect(s).toContain(`文书编号${r.docNo}`)
    expect(s).toContain(`会议编号${closed.meetingNo}`)
    expect(s).toContain('扫码核验')
    expect(s).toMatch(/第1页共\d+页/)
    expect(t).not.toMatch(/\d{17}[\dX]/)
    const fl = fonts(f)
    expect(fl).toHaveLength(1)
    expect(fl[0]).toMatch(/^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes/)
    const reg = await core.db.selectFrom('printed_document').selectAll().where('doc_no', '=', r.docNo).executeTakeFirstOrThrow()
    expect(reg).toMatchObject({ kind: 'minutes', ref_id: closed.id, paper: 'A4', printed_by: `${handler.name}（${handler.username}）` })
    const ev = await core.db.selectFrom('audit_log').select(['summary', 'entity_id']).where('action', '=', 'document.print').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(ev.summary).toContain(r.docNo)
    expect(ev.summary).toContain('民主评议会议记录')
    expect(ev.entity_id).toBe(closed.id)
  })

  it('未签署的会议打印为草稿：标题下注明、每页水印；未签字的人员标明', async () => {
    expect(draft.status).toBe('draft')
    const r = await minutesPdf(core, null, { meetingId: draft.id })
    const f = write('draft.pdf', r.bytes)
    const t = text(f)
    const s = flat(t)
    expect(s).toContain(flat(DRAFT_LINE))
    // the watermark is drawn diagonally on every page: -raw reads its characters in order
    const pagesOf = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1])
    expect(flat(text(f, '-raw')).split('草稿未签署').length - 1).toBe(pagesOf)
    expect(s).toContain('未签字')
    expect(s).toContain('（未填写会议记录）')
    // what the meeting has not recorded yet is left blank for the pen (no 通过/—)
    const row = t.split('\n').find((l) => l.includes(draft.cases[0]!.applicantName) && l.includes('复议异议核实情况'))
    expect(row).toBeDefined()
    expect(row).not.toMatch(/通过|—/)
    expect(s).toContain(draft.cases[0]!.applicantName)
    expect(r.docNo).toMatch(/-JL-/)
  })

  it('没有列入案件的会议不能打印，提示先加入案件；找不到的会议', async () => {
    const e = await minutesPdf(core, null, { meetingId: empty.id }).then(() => null, (x: unknown) => x)
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).code).toBe('VALIDATION')
    expect((e as AppError).messageZh).toMatch(/还没有列入任何案件，请先.*加入本次会议/)
    const before = await core.db.selectFrom('printed_document').select('id').where('ref_id', '=', empty.id).execute()
    expect(before).toHaveLength(0)
    const n = await minutesPdf(core, null, { meetingId: 'no-such-meeting' }).then(() => null, (x: unknown) => x)
    expect((n as AppError).code).toBe('NOT_FOUND')
  })
})

describe('会议记录版式（纯构建器）', () => {
  it('12 户、17 人的会议：逐户表表头每页重复，签名栏整体在一页，没有内容丢失', async () => {
    const people = ['张丽', '孙书记', '欧阳建国', '刘党员', '陈代表', '周代表', '吴代表', '郑代表', '冯代表', '褚代表', '卫代表', '蒋代表', '沈代表', '韩代表', '杨代表', '朱监督', '秦县民政']
    const kinds = ['乡镇工作人员', '村干部', '党员代表', '党员代表', ...Array(11).fill('村（居）民代表'), '监督员', '县级工作人员'] as string[]
    const d: MinutesDocData = {
      townshipName: '小冀镇', villageName: '东风村', meetingNo: '评议-2026-017', date: '2026-07-01', place: '东风村党群服务中心二楼会议室', chair: '张丽', recorder: '孙书记', dueCount: 17,
      attendees: people.map((name, i) => ({ name, kindLabel: kinds[i]!, signed: true })), briefing: '宣讲低保申请条件、标准和评议纪律。'.repeat(3), minutes: Array.from({ length: 6 }, (_, i) => `第${i + 1}项：经办人介绍情况，参会人员发表意见。`.repeat(4)).join('\n'),
      status: 'closed', closedBy: '张丽（jingban）', closedAt: '2026-07-01T16:00:00+08:00',
      composition: { total: 15, representatives: 13, share: 2 / 3, required: 10, ok: true, message: '参加 15 人，代表 13 人，符合组成要求' },
      cases: Array.from({ length: 12 }, (_, i) => ({ seq: i + 1, caseNo: `410721101-2026-${String(i + 1).padStart(5, '0')}`, applicantName: i === 3 ? '司马相如' : `申请人${i + 1}`, persons: 1 + (i % 5), presentation: '入户调查两名工作人员在场，核对报告未发现车辆、房产，邻里走访反映生活困难属实。', agree: 12, disagree: i % 3, abstain: 1, opinion: i % 2 ? '同意纳入。' : null, resultLabel: i === 5 ? '重新调查' : '通过', recusals: i === 2 ? '卫代表（近亲属）回避' : null })),
    }
    const f = write('big.pdf', await renderPdf(minutesDocument(d, { docNo: '410721101-JL-2026-00099', payload: 'DBDOC1|x' }), '会议记录'))
    const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1])
    const page = (p: number) => execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), f, '-'], { encoding: 'utf8' })
    const all = flat(text(f))
    for (const c of d.cases) expect(all).toContain(c.applicantName)
    for (const p of people) expect(all).toContain(p)
    expect(all).toContain('重新调查')
    let tablePages = 0
    for (let p = 1; p <= n; p++) {
      const t = page(p)
      if (/申请人\d+|司马相如/.test(t) && /通过|重新调查/.test(t)) { tablePages++; expect(t, `第 ${p} 页表头`).toMatch(/序号\s+申请人\s+家庭/) }
    }
    expect(tablePages).toBeGreaterThan(0)
    // the signature section, the two lines and all 17 names are on one sheet
    const signPage = [...Array(n).keys()].map((i) => page(i + 1)).find((t) => t.includes('四、参会人员签名'))!
    expect(flat(signPage)).toContain('主持人（签字）')
    expect(flat(signPage)).toContain('记录人（签字）')
    for (const p of people) expect(flat(signPage)).toContain(`${p}（`)
  })

  it('40 人的会议：签名栏超过一页时接续（标题重复），没有人漏掉，主持人、记录人和落款在一起', async () => {
    const people = Array.from({ length: 40 }, (_, i) => `代表${String(i + 1).padStart(2, '0')}`)
    const d: MinutesDocData = {
      townshipName: '小冀镇', villageName: '红星社区', meetingNo: '评议-2026-018', date: '2026-07-02', place: '社区会议室', chair: '代表01', recorder: '代表02', dueCount: 40,
      attendees: people.map((name, i) => ({ name, kindLabel: i === 0 ? '乡镇工作人员' : '村（居）民代表', signed: false })), briefing: null, minutes: null,
      status: 'draft', closedBy: null, closedAt: null,
      composition: { total: 40, representatives: 39, share: 2 / 3, required: 27, ok: true, message: '' },
      cases: [{ seq: 1, caseNo: '410721101-2026-00001', applicantName: '王五', persons: 3, presentation: null, agree: null, disagree: null, abstain: null, opinion: null, resultLabel: null, recusals: null }],
    }
    const f = write('grid40.pdf', await renderPdf(minutesDocument(d, null), '会议记录'))
    const all = flat(text(f))
    for (const p of people) expect(all).toContain(`${p}（`)
    const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1])
    const last = flat(execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), f, '-'], { encoding: 'utf8' }))
    expect(last).toContain('主持人（签字）')
    expect(last).toContain('记录人（签字）')
    expect(last).toContain('红星社区民主评议小组')
    expect(all.split('四、参会人员签名（签字页）').length - 1).toBeGreaterThan(1)
  })

  it('小标题不落在页末：宣讲内容从 1 段到 24 段，每页最后一行都不是小标题', async () => {
    const headings = ['二、回避情况', '三、会议内容', '（一）宣讲政策', '（二）会议记录', '（四）评议意见']
    const base: MinutesDocData = {
      townshipName: '小冀镇', villageName: '东风村', meetingNo: '评议-2026-019', date: '2026-07-03', place: '村委会', chair: '张丽', recorder: '孙书记', dueCount: null,
      attendees: [{ name: '张丽', kindLabel: '乡镇工作人员', signed: true }, { name: '陈代表', kindLabel: '村（居）民代表', signed: true }, { name: '周代表', kindLabel: '村（居）民代表', signed: true }],
      briefing: null, minutes: '经办人介绍情况。', status: 'closed', closedBy: null, closedAt: null,
      composition: { total: 3, representatives: 2, share: 2 / 3, required: 2, ok: true, message: '' },
      cases: [{ seq: 1, caseNo: 'c1', applicantName: '王五', persons: 3, presentation: '情况属实。', agree: 3, disagree: 0, abstain: 0, opinion: '同意。', resultLabel: '通过', recusals: null }],
    }
    for (let k = 1; k <= 24; k++) {
      const d = { ...base, briefing: Array.from({ length: k }, (_, i) => `第${i + 1}段：宣讲低保申请条件和标准。`).join('\n') }
      const f = write(`keep-${k}.pdf`, await renderPdf(minutesDocument(d, null), '会议记录'))
      const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))![1])
      for (let p = 1; p <= n; p++) {
        const lines = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), f, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('会议编号'))
        expect(headings, `${k} 段，第 ${p} 页末行`).not.toContain(lines[lines.length - 1])
      }
    }
  })
})
