// Printing a case's forms (issue 5): the 入户调查表 of a home-visit record and the 审核确认表 of the case, from
// the case (getCase: records, signed steps, the stored decision assessment) and the household file (getHousehold).
// Codes become their printed names here; the builders in documents/caseForms.ts only lay out what they receive.
// Each printing is numbered and registered through stampAndRender (…-DC-… and …-SP-…).
import type { z } from 'zod'
import { AppError } from '../api/errors'
import type { CheckReportRecord, HomeVisitRecord } from '../api/caseSchemas'
import type { AssessmentView, CaseView, HouseholdFile, IncomeView, MemberView, TownshipView } from '../api/types'
import {
  reviewFormDocument, visitFormDocument, type FormAsset, type FormHeader, type FormHousehold, type FormIncome, type FormMember, type FormObligor,
  type ReviewFormData, type VisitFormData
} from '../documents/caseForms'
import { ASSET_KINDS, EMPLOYMENT, INCOME_KINDS, OBLIGOR_RELATIONS, POVERTY_CAUSES, RELATIONS, codeName } from '../domain/codes'
import { ageOn, DISABILITY_CATEGORIES, DISABILITY_GRADES } from '../domain/idcard'
import { formatChineseDate } from '../domain/dates'
import { formatYuan, mulDivRound } from '../domain/money'
import { PROPOSAL_LABELS, type ProposalOutcome } from '../domain/workflow'
import { standardInForce } from './benefits'
import { getCase } from './cases'
import { readCtx, type Actor, type Core, type ReadCtx } from './context'
import { getHousehold, memberName } from './households'
import { stampAndRender, type Printed } from './printing'
import { requireTownship } from './setup'
import { signerName } from '../documents/common'

type Visit = z.output<typeof HomeVisitRecord>
type Check = z.output<typeof CheckReportRecord>
type Rec = CaseView['records'][number]

const HEALTH_SHORT: Record<string, string> = { healthy: '健康', chronic: '慢性病', serious: '重病' }
const LABOUR_SHORT: Record<string, string> = { full: '有', partial: '部分丧失', none: '无' }
const SIZE: Record<string, string> = { small: '小型', medium: '中型', large: '大型' }
const APPROVAL_VARIANTS = new Set(['legacy2012', 'nineSteps', 'fourGates'])


/** Why a member is not counted in the family on `asOf` (art. 7), as the assessment words it. */
function notCounted(m: MemberView, asOf: string): string | null {
  if (m.deathDate && m.deathDate <= asOf) return '已死亡'
  if (!m.coResident) return '非共同生活的家庭成员'
  return m.notCountedReason?.trim() || null
}

function formMember(m: MemberView, incomes: IncomeView[], asOf: string, beneficiary: boolean): FormMember {
  const disability = m.disabilityCategory && m.disabilityGrade ? `${DISABILITY_CATEGORIES[m.disabilityCategory] ?? '残疾'}${DISABILITY_GRADES[m.disabilityGrade] ?? ''}` : null
  return {
    name: m.name, relation: m.relationName || codeName(RELATIONS, m.relation), idNumber: m.idNumber, gender: m.gender, age: ageOn(m.birthDate, asOf),
    health: HEALTH_SHORT[m.health] ?? m.health, diagnosis: m.diagnosis, disability,
    labour: LABOUR_SHORT[m.labour] ?? m.labour, employment: codeName(EMPLOYMENT, m.employment), employerSchool: m.employerSchool,
    monthlyIncomeFen: incomes.filter((i) => i.memberId === m.id).reduce((s, i) => s + i.amountFen, 0), beneficiary, notCounted: notCounted(m, asOf),
  }
}

function fileParts(f: HouseholdFile, c: CaseView, townshipName: string, countyName: string) {
  const h = f.household
  const all = [...f.members, ...f.formerMembers]
  const nameOf = (id: string | null) => memberName(f, id)
  const below = `${h.groupName ?? ''}${h.address}`
  const header: FormHeader = { townshipName, countyName, villageName: h.villageName, groupName: h.groupName, category: c.category, caseNo: c.caseNo, fileNo: h.fileNo }
  const household: FormHousehold = {
    headName: h.headName, applicantName: nameOf(h.applicantMemberId), memberCount: h.memberCount, phone: h.phone,
    // the address is entered with or without the village: print it once
    address: h.address.startsWith(h.villageName) ? h.address : `${h.villageName}${below}`,
    hukouAddress: h.hukouAddress, povertyCause: codeName(POVERTY_CAUSES, h.povertyCause) || h.povertyCause,
    registeredPoor: h.registeredPoor, relativeFiling: h.relativeFiling, housingType: h.housingType, housingArea: h.housingArea,
  }
  const assets: FormAsset[] = f.assets.map((a) => ({ kind: codeName(ASSET_KINDS, a.kind) || a.kind, description: a.description, owner: nameOf(a.memberId), quantity: a.quantity, sizeClass: a.sizeClass ? SIZE[a.sizeClass]! : null, valueFen: a.valueFen, exempt: a.exempt, exemptReason: a.exemptReason, evidence: a.evidence }))
  const incomes: FormIncome[] = f.incomes.map((i) => ({ memberName: nameOf(i.memberId), kind: codeName(INCOME_KINDS, i.kind) || i.kind, subtype: i.subtype, amountFen: i.amountFen, source: i.source, counted: i.counted, note: i.note }))
  const obligors: FormObligor[] = f.obligors.map((o) => ({ name: o.name, relation: codeName(OBLIGOR_RELATIONS, o.relation) || o.relation, age: o.age, health: o.health, job: o.job, householdSize: o.householdSize, monthlyIncomeFen: o.monthlyIncomeFen, supportPaidFen: o.supportPaidFen, waiver: o.waiver, waiverReason: o.waiverReason }))
  return { header, household, assets, incomes, obligors, nameOf, all }
}

const live = (c: CaseView, kind: string): Rec[] => c.records.filter((r) => r.kind === kind && !r.superseded)
const fileName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_')

/**
 * The 入户调查表 data of a case (also for the 一户一档 archive): the newest valid home-visit record, or the one
 * named (a corrected one prints with a remark). Refuses a case without a home visit, saying what to do first.
 */
export async function visitFormData(_ctx: ReadCtx, c: CaseView, f: HouseholdFile, t: TownshipView, recordId?: string | null): Promise<VisitFormData> {
  const visits = c.records.filter((r) => r.kind === 'homeVisit')
  if (visits.length === 0) throw new AppError('VALIDATION', `案件 ${c.caseNo}（户主 ${c.headName}）还没有登记入户调查记录，不能打印入户调查表：请先在案件的“调查核实”环节登记入户调查记录（两名以上调查人员、在场成员、调查结论），再打印`)
  const rec = recordId ? visits.find((r) => r.id === recordId) : [...visits].reverse().find((r) => !r.superseded) ?? visits[visits.length - 1]
  if (!rec) throw new AppError('NOT_FOUND', `案件 ${c.caseNo} 中没有这条入户调查记录，请在案件的办理记录中重新选择`)
  const p = fileParts(f, c, t.name, t.countyName)
  const v = rec.data as unknown as Visit
  const relationOf = (id: string) => p.all.find((m) => m.id === id)?.relationName ?? ''
  const data: VisitFormData = {
    ...p.header, household: p.household,
    members: f.members.map((m) => formMember(m, f.incomes, rec.date, m.isBeneficiary)), assets: p.assets, incomes: p.incomes, obligors: p.obligors,
    visit: {
      date: rec.date, investigators: v.investigators.map((x) => ({ name: x.name, role: x.role })),
      membersPresent: v.membersPresent.map((id) => ({ name: p.nameOf(id) ?? '（已不在本户）', relation: relationOf(id) })),
      livingConditions: v.livingConditions, housing: v.housing ?? null,
      findings: (v.findings ?? []).map((x) => ({ memberName: p.nameOf(x.memberId) ?? '（已不在本户的成员）', text: x.text })),
      neighbourInquiry: v.neighbourInquiry ?? null, conclusion: v.conclusion,
      checks: (v.checks ?? []).map((x) => ({ code: x.code, memberName: p.nameOf(x.memberId ?? null), amountFen: x.amountFen ?? null, months: x.months ?? null, note: x.note })),
      remark: rec.superseded ? '（本记录已被更正，现行内容以更正后的入户调查记录为准）' : rec.supersedesId ? `（更正记录${rec.correctionReason ? `，更正理由：${rec.correctionReason}` : ''}）` : null,
    },
  }
  return data
}

/** 入户调查表 of a case, numbered and registered (…-DC-…). */
export async function visitFormPdf(core: Core, actor: Actor | null, input: { caseId: string; recordId?: string | null; preview?: boolean }): Promise<Printed> {
  const ctx = readCtx(core, actor)
  const c = await getCase(ctx, input.caseId)
  const t = await requireTownship(ctx)
  const data = await visitFormData(ctx, c, await getHousehold(ctx, c.householdId), t, input.recordId)
  const title = `入户调查表 ${c.caseNo}（户主 ${c.headName}）`
  return stampAndRender(core, actor, { kind: 'visit', refId: c.id, householdId: c.householdId, title, data, paper: 'A4', what: `入户调查表（案件 ${c.caseNo}）`, fileName: fileName(`${c.caseNo}-入户调查表-${c.headName}.pdf`), townshipCode: t.code, preview: input.preview, build: (stamp) => visitFormDocument(data, stamp) })
}

/** The five income kinds of 办法 art. 13, each with its counted monthly amount. */
function byKind(lines: Array<{ label: string; amountFen: number }>) {
  return INCOME_KINDS.map((k) => ({ label: k.name, amountFen: lines.filter((l) => l.label === k.name).reduce((s, l) => s + l.amountFen, 0) }))
}

/** The 审核确认表 data of a case: what the file, the records and the signed steps hold; blocks not yet signed stay blank. */
export async function reviewFormData(ctx: ReadCtx, c: CaseView, f: HouseholdFile, t: TownshipView): Promise<ReviewFormData> {
  const p = fileParts(f, c, t.name, t.countyName)
  const management = c.variantId === 'management'

  const prelimStep = [...c.steps].reverse().find((s) => s.kind === 'preliminary') ?? null
  const pdata = (prelimStep?.data ?? {}) as { opinion?: 'positive' | 'negative'; outcome?: ProposalOutcome; recheckClass?: string; assessment?: AssessmentView }
  const dec = c.decision
  const decStep = dec ? c.steps.find((s) => s.seq === dec.stepSeq) : undefined
  // a refusal stores no assessment of its own (getCase then shows the 初审's): say which one the figures are
  const decidedOn = decStep?.data?.assessment ? dec : null
  const a: AssessmentView | null = dec?.assessment ?? pdata.assessment ?? null
  const asOf = dec?.date ?? prelimStep?.date ?? ctx.today

  let income: ReviewFormData['income']
  if (a) {
    income = {
      byKind: byKind(a.incomeLines.filter((l) => l.counted).map((l) => ({ label: l.kindLabel, amountFen: l.amountFen }))),
      totalFen: a.monthlyIncomeFen, perCapitaFen: a.perCapitaIncomeFen, persons: a.persons, standardFen: a.standardFen,
      basis: decidedOn ? `按${formatChineseDate(decidedOn.date)}审核确认时的试算` : `按${formatChineseDate(prelimStep?.date ?? a.date)}初审时的试算`,
      notCounted: a.incomeLines.filter((l) => !l.counted).map((l) => `${l.memberName ?? '全户'}${l.subtype ?? l.kindLabel} ${formatYuan(l.amountFen)} 元${l.reason ? `（${l.reason}）` : ''}`),
    }
  } else {
    const counted = f.incomes.filter((i) => i.counted)
    const total = counted.reduce((s, i) => s + i.amountFen, 0)
    const persons = f.totals.beneficiaries
    const std = await standardInForce(ctx, c.category, ctx.today)
    income = {
      byKind: byKind(counted.map((i) => ({ label: codeName(INCOME_KINDS, i.kind), amountFen: i.amountFen }))), totalFen: total,
      perCapitaFen: persons ? mulDivRound(total, 1, persons) : null, persons: persons || null, standardFen: std?.amountFen ?? null,
      basis: '按档案登记，尚未试算', notCounted: f.incomes.filter((i) => !i.counted).map((i) => `${p.nameOf(i.memberId) ?? '全户'}${i.subtype ?? codeName(INCOME_KINDS, i.kind)} ${formatYuan(i.amountFen)} 元`),
    }
  }
  const covered = new Set(a?.beneficiaries ?? [])
  const visitRec = live(c, 'homeVisit').at(-1)
  const visit = visitRec ? (visitRec.data as unknown as Visit) : null
  const checkRec = live(c, 'checkReport').at(-1)
  const check = checkRec ? (checkRec.data as unknown as Check) : null
  const opinionLabel = management
    ? (pdata.outcome ? (pdata.outcome === 'noChange' ? PROPOSAL_LABELS.noChange : `拟${PROPOSAL_LABELS[pdata.outcome]}`) : '')
    : pdata.opinion === 'positive' ? '拟同意纳入最低生活保障' : pdata.opinion === 'negative' ? '拟不同意纳入最低生活保障' : ''

  const data: ReviewFormData = {
    ...p.header, kindLabel: c.kindLabel, receivedDate: c.steps[0]?.date ?? null, decisionLevel: c.decisionLevel, countyApproval: APPROVAL_VARIANTS.has(c.variantId), management,
    household: p.household,
    individual: c.individual ? { memberName: p.nameOf(c.individual.memberId) ?? '', basis: c.individual.basis } : null,
    members: f.members.map((m) => formMember(m, f.incomes, asOf, a ? covered.has(m.name) : m.isBeneficiary)), assets: p.assets, obligors: p.obligors,
    income,
    investigation: visit && visitRec ? { date: visitRec.date, conclusion: visit.conclusion, investigators: visit.investigators.map((x) => ({ name: x.name, role: x.role })) } : null,
    check: check ? { date: check.receivedDate, source: check.source, reportNo: check.reportNo ?? null, consistent: check.consistent, summary: check.summary } : null,
    meetings: c.meetings.map((m) => ({ date: m.date, meetingNo: m.meetingNo, resultLabel: m.resultLabel, agree: m.agree, disagree: m.disagree, abstain: m.abstain })),
    notices: c.notices.map((n) => ({ batchNo: n.batchNo, startDate: n.startDate, endDate: n.endDate, posted: n.status === 'posted' })),
    objections: c.objections.map((o) => ({ receivedDate: o.receivedDate, content: o.content, result: o.result, upheld: o.upheld, closed: o.status === 'closed' })),
    preliminary: prelimStep ? {
      signer: signerName(prelimStep.signer), date: prelimStep.date, opinion: opinionLabel, reason: prelimStep.reason, recheckClass: pdata.recheckClass ?? null,
      persons: pdata.assessment?.persons ?? null, amountFen: pdata.opinion === 'negative' ? null : (pdata.assessment?.monthlyFen ?? null),
    } : null,
    decision: dec ? {
      signer: signerName(dec.signer), date: dec.date, outcome: dec.outcomeLabel, reason: decStep?.reason ?? null, rejected: dec.kind === 'rejected',
      standardFen: dec.assessment?.standardFen ?? null, persons: dec.assessment?.persons ?? null, monthlyIncomeFen: dec.assessment?.monthlyIncomeFen ?? null,
      perCapitaFen: dec.assessment?.perCapitaIncomeFen ?? null, steps: dec.assessment?.steps.map((s) => s.label) ?? [],
      amountFen: dec.amountFen, previousFen: dec.previousFen, startMonth: dec.startMonth, phaseOutUntil: dec.phaseOutUntil, recheckClass: dec.recheckClass,
    } : null,
  }
  return data
}

/** 审核确认表 of a case, numbered and registered (…-SP-…). */
export async function reviewFormPdf(core: Core, actor: Actor | null, input: { caseId: string; preview?: boolean }): Promise<Printed> {
  const ctx = readCtx(core, actor)
  const c = await getCase(ctx, input.caseId)
  return printReviewForm(core, actor, c, await getHousehold(ctx, c.householdId), await requireTownship(ctx), input.preview)
}

/** The 审核确认表 of a case already loaded with its file (the submission package prints one per case it carries). */
export async function printReviewForm(core: Core, actor: Actor | null, c: CaseView, f: HouseholdFile, t: TownshipView, preview?: boolean): Promise<Printed> {
  const data = await reviewFormData(readCtx(core, actor), c, f, t)
  const title = `审核确认表 ${c.caseNo}（户主 ${c.headName}）`
  return stampAndRender(core, actor, { kind: 'review', refId: c.id, householdId: c.householdId, title, data, paper: 'A4', what: `审核确认表（案件 ${c.caseNo}）`, fileName: fileName(`${c.caseNo}-审核确认表-${c.headName}.pdf`), townshipCode: t.code, preview, build: (stamp) => reviewFormDocument(data, stamp) })
}
