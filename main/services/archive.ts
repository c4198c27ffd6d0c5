// The 一户一档 archive PDF (issue 5; domain.md §10): the household's whole file as one document — the same
// sections the single documents print (so the paper archive matches them), the scanned materials, the
// printed-document register and the audit summary. Images (JPEG/PNG) are embedded; PDF scans are appended
// page for page after the rendered part; other formats are listed. Registered like every printed document.
import fs from 'node:fs'
import type { PDFDocument } from 'pdf-lib'
import type { CaseView, HouseholdFile, TownshipView } from '../api/types'
import { archiveDocument, caseProcessSection, householdSection, type ArchiveDocData, type ArchiveSection, type HouseholdSectionData } from '../documents/archive'
import { reviewSection, visitSection } from '../documents/caseForms'
import { decisionLetterSection, materialsLetterSection } from '../documents/letters'
import { minutesSection } from '../documents/minutes'
import { pledgeSection } from '../documents/pledge'
import { ATTACHMENT_KINDS, EMPLOYMENT, HEALTH, HOUSEHOLD_CATEGORIES, HOUSEHOLD_STATUSES, INCOME_KINDS, POVERTY_CAUSES, ASSET_KINDS, LABOUR, OBLIGOR_RELATIONS, SCHOOLING, codeName } from '../domain/codes'
import { formatYuan } from '../domain/money'
import { signerName } from '../documents/common'
import { attachmentPath } from './attachments'
import { householdTimeline } from './audit'
import { casesOfHousehold } from './cases'
import { readCtx, type Actor, type Core, type ReadCtx } from './context'
import { getHousehold, memberName } from './households'
import { getMeeting } from './meetings'
import { townParam } from './policy'
import { pledgeData } from './pledges'
import { reviewFormData, visitFormData } from './printCase'
import { decisionLetterData, hasDecisionLetter, latestRecord, materialsLetterData } from './printLetters'
import { minutesData } from './printMeeting'
import { stampAndRender, type Printed } from './printing'
import { requireTownship } from './setup'

const TIMELINE_ROWS = 300

function householdData(f: HouseholdFile): HouseholdSectionData {
  const h = f.household
  const nameOf = (id: string | null) => (id ? memberName(f, id) ?? '—' : '全户')
  const yes = (b: boolean) => (b ? '是' : '否')
  return {
    fileNo: h.fileNo, villageName: `${h.villageName}${h.groupName ?? ''}`, address: h.address, hukouAddress: h.hukouAddress, hukouNo: h.hukouNo,
    categoryLabel: codeName(HOUSEHOLD_CATEGORIES, h.category), statusLabel: codeName(HOUSEHOLD_STATUSES, h.status), headName: h.headName,
    applicantName: memberName(f, h.applicantMemberId) ?? '—', phone: h.phone,
    housing: [h.housingType, h.housingArea ? `${h.housingArea} 平方米` : null].filter(Boolean).join('，') || '—',
    bank: h.bankName || h.bankAccount ? `${h.bankName ?? ''} ${h.bankAccount ?? ''}（${h.payeeName ?? h.headName}）` : '—',
    povertyCause: codeName(POVERTY_CAUSES, h.povertyCause) || h.povertyCause || '—',
    benefit: h.benefitFen !== null ? `${formatYuan(h.benefitFen)} 元/月（${h.benefitPersons ?? '—'} 人，${h.benefitFrom ?? ''}起）` : '—',
    recheck: h.recheckClass ? `${h.recheckClass} 类，下次复核 ${h.nextRecheckDue ?? '—'}` : '—',
    members: f.members.map((m) => ({
      name: m.name, relation: m.relationName, idNumber: m.idNumber, gender: m.gender === 'male' ? '男' : '女', birth: m.birthDate,
      health: codeName(HEALTH, m.health) || m.health, labour: codeName(LABOUR, m.labour) || m.labour,
      work: [codeName(EMPLOYMENT, m.employment), codeName(SCHOOLING, m.schooling), m.employerSchool].filter(Boolean).join('，') || '—',
      counted: `${m.coResident ? '共同生活' : '不共同生活'}${m.isBeneficiary ? '·保障' : ''}`,
    })),
    formerMembers: f.formerMembers.map((m) => ({ name: m.name, relation: m.relationName, left: `${m.leftAt?.slice(0, 10) ?? ''} ${m.leftReason ?? ''}${m.deathDate ? `（${m.deathDate} 死亡）` : ''}` })),
    incomes: f.incomes.map((i) => ({ member: nameOf(i.memberId), kind: `${codeName(INCOME_KINDS, i.kind)}${i.subtype ? `·${i.subtype}` : ''}`, amount: formatYuan(i.amountFen), counted: yes(i.counted), source: i.source })),
    assets: f.assets.map((a) => ({ member: nameOf(a.memberId), kind: codeName(ASSET_KINDS, a.kind) || a.kind, description: a.description, value: formatYuan(a.valueFen), exempt: a.exempt ? `豁免：${a.exemptReason ?? ''}` : '否' })),
    obligors: f.obligors.map((o) => ({ name: o.name, relation: codeName(OBLIGOR_RELATIONS, o.relation) || o.relation, income: o.monthlyIncomeFen !== null ? formatYuan(o.monthlyIncomeFen) : '—', support: o.supportPaidFen !== null ? formatYuan(o.supportPaidFen) : '—' })),
    totals: `月收入合计 ${formatYuan(f.totals.monthlyIncomeFen)} 元，其中计入 ${formatYuan(f.totals.countedIncomeFen)} 元；财产合计 ${formatYuan(f.totals.assetValueFen)} 元；保障对象 ${f.totals.beneficiaries} 人。`,
  }
}

/** Each case, oldest first: its process record, then its forms and letters in the order they arose. */
async function caseSections(ctx: ReadCtx, c: CaseView, f: HouseholdFile, t: TownshipView): Promise<ArchiveSection[]> {
  const group = `${c.kindLabel} ${c.caseNo}`
  const out: ArchiveSection[] = []
  const push = (s: { title: string; content: unknown[] }, date: string | null) => out.push({ title: s.title, date, content: s.content as ArchiveSection['content'][], group })
  push(caseProcessSection({
    caseNo: c.caseNo, kindLabel: c.kindLabel, variantLabel: c.variantLabel, openedAt: c.openedAt, closedAt: c.closedAt, currentStep: c.currentStepLabel,
    steps: c.steps.map((s) => ({ seq: s.seq, label: s.label, date: s.date, signer: signerName(s.signer), role: s.signerRole, reason: s.reason ?? '' })),
    records: c.records.map((r) => ({ label: r.kindLabel, date: r.date, signer: signerName(r.signer), note: r.superseded ? '（已被更正）' : r.correctionReason ? `更正：${r.correctionReason}` : '' })),
    flags: c.flags.map((x) => ({ title: x.title, status: x.status === 'open' ? '待处理' : x.status === 'cleared' ? '已核实' : '已消除', cleared: x.clearedReason ? `${x.clearedBy ?? ''}：${x.clearedReason}` : '' })),
  }), null)
  if (latestRecord(c, 'materialsNotice')) { const { data, rec } = await materialsLetterData(ctx, c, t); push(materialsLetterSection(data), rec.date) }
  const visit = latestRecord(c, 'homeVisit')
  if (visit) push(visitSection(await visitFormData(ctx, c, f, t, visit.id)), visit.date)
  for (const m of c.meetings.filter((x) => x.status === 'closed')) push(minutesSection(minutesData(await getMeeting(ctx, m.id), t)), m.date)
  if (c.steps.some((s) => s.kind === 'preliminary')) push(reviewSection(await reviewFormData(ctx, c, f, t)), null)
  if (hasDecisionLetter(c)) { const d = await decisionLetterData(ctx, c, t); push(decisionLetterSection(d), d.date) }
  return out
}

const IMAGE_MIMES = new Set(['image/jpeg', 'image/png'])

export async function archivePdf(core: Core, actor: Actor | null, input: { householdId: string; preview?: boolean }): Promise<Printed & { pages: number }> {
  const ctx = readCtx(core, actor)
  const t = await requireTownship(ctx)
  const f = await getHousehold(ctx, input.householdId)
  const h = f.household
  const cases = (await casesOfHousehold(ctx, h.id)).sort((a, b) => a.openedAt.localeCompare(b.openedAt))
  const sections: ArchiveSection[] = [{ ...householdSection(householdData(f)), date: null, group: '' }]
  if (f.members.some((m) => m.coResident)) sections.push({ ...pledgeSection(await pledgeData(ctx, f, t)), date: null, group: '' })
  for (const c of cases) sections.push(...await caseSections(ctx, c, f, t))

  const images: ArchiveDocData['images'] = []
  const pdfs: Array<{ title: string; bytes: Buffer }> = []
  for (const a of f.attachments) {
    const file = attachmentPath(core.dataDir, a.sm3)
    const bytes = fs.existsSync(file) ? fs.readFileSync(file) : null
    const kindLabel = codeName(ATTACHMENT_KINDS, a.docKind) || a.docKind
    if (bytes && a.mime === 'application/pdf') { pdfs.push({ title: `${kindLabel}：${a.originalName}`, bytes }); continue }
    images.push({ title: a.originalName, date: a.createdAt.slice(0, 10), kindLabel, memberName: memberName(f, a.memberId), note: bytes ? (a.note ?? '') : '（文件缺失，请从备份恢复）', dataUrl: bytes && IMAGE_MIMES.has(a.mime) ? `data:${a.mime};base64,${bytes.toString('base64')}` : null })
  }
  const { PDFDocument } = await import('pdf-lib') // loaded when an archive is printed, not by every process
  const appended: Array<{ title: string; doc: PDFDocument }> = []
  for (const p of pdfs) {
    try { appended.push({ title: p.title, doc: await PDFDocument.load(p.bytes, { ignoreEncryption: true }) }) } catch { images.push({ title: p.title, date: '', kindLabel: 'PDF 材料', memberName: null, dataUrl: null, note: '（PDF 文件无法读取，见电子档案）' }) }
  }

  const refIds = [h.id, ...cases.map((c) => c.id), ...cases.flatMap((c) => c.records.filter((r) => r.kind === 'materialsNotice').map((r) => r.id))]
  const register = await ctx.db.selectFrom('printed_document').select(['doc_no', 'title', 'printed_at', 'printed_by']).where('ref_id', 'in', refIds).orderBy('printed_at').execute()
  const timeline = await householdTimeline(ctx, h.id)
  const years = (await townParam<{ approval?: number }>(ctx, 'archive.retentionYears'))?.approval ?? 3
  const data: ArchiveDocData = {
    townshipName: t.name, countyName: t.countyName, villageName: `${h.villageName}${h.groupName ?? ''}`, fileNo: h.fileNo, headName: h.headName,
    applicantName: memberName(f, h.applicantMemberId) ?? h.headName, categoryLabel: codeName(HOUSEHOLD_CATEGORIES, h.category), statusLabel: codeName(HOUSEHOLD_STATUSES, h.status),
    createdAt: h.createdAt, retention: `审批类材料自退出低保之日起不少于 ${years} 年`, printedDate: ctx.today,
    sections, images, appendedPdfs: appended.map((p) => ({ title: p.title, pages: p.doc.getPageCount() })),
    register: register.map((r) => ({ docNo: r.doc_no, title: r.title, printedAt: r.printed_at, printedBy: r.printed_by })),
    timeline: timeline.slice(0, TIMELINE_ROWS).map((e) => ({ at: e.at, operator: e.operator ? signerName(e.operator) : '系统', summary: e.summary })), timelineTruncated: timeline.length > TIMELINE_ROWS,
  }
  // the register hashes what the archive shows, with each scan by its SM3 (not its bytes)
  const digest = { fileNo: h.fileNo, sections: sections.map((s) => `${s.group}|${s.title}|${s.date ?? ''}`), attachments: f.attachments.map((a) => a.sm3), register: data.register.map((r) => r.docNo), lastAudit: timeline[0]?.seq ?? 0 }
  let pages = 0
  const r = await stampAndRender(core, actor, {
    kind: 'archive', refId: h.id, householdId: h.id, title: `${h.headName}家一户一档（${h.fileNo}）`, data: digest, paper: 'A4', what: `档案 ${h.fileNo}`,
    fileName: `${h.fileNo}-${h.headName}-一户一档.pdf`, townshipCode: t.code, preview: input.preview, build: (stamp) => archiveDocument(data, stamp),
  })
  if (appended.length === 0) { pages = (await PDFDocument.load(r.bytes)).getPageCount(); return { ...r, pages } }
  const merged = await PDFDocument.load(r.bytes)
  for (const p of appended) for (const page of await merged.copyPages(p.doc, p.doc.getPageIndices())) merged.addPage(page)
  pages = merged.getPageCount()
  return { ...r, bytes: Buffer.from(await merged.save()), pages }
}
