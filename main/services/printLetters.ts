// The letters of a case (issue 5; domain.md §4.4, §9): the 书面告知书 of its decision (or of 不予受理 and
// 终止), and the 补正材料告知书 of its 一次性告知 record. The facts come from the signed steps and the
// assessment stored with the decision, so the letter says what was decided, not what the file says today.
import { AppError } from '../api/errors'
import type { CaseRecordView, CaseView, TownshipView } from '../api/types'
import { NOT_ACCEPTED_GROUNDS } from '../api/caseSchemas'
import { decisionLetterDocument, materialsLetterDocument, type DecisionLetterData, type MaterialsLetterData } from '../documents/letters'
import { yuanWithUpper } from '../documents/common'
import { formatChineseDate } from '../domain/dates'
import { formatYuan } from '../domain/money'
import { fillTemplate } from '../domain/templates'
import { getCase } from './cases'
import { readCtx, type Actor, type Core, type ReadCtx } from './context'
import { getHousehold, memberName } from './households'
import { templateParagraphs, townParam } from './policy'
import { stampAndRender, type Printed } from './printing'
import { requireTownship } from './setup'
import { supervisionPhones } from './notices'

const month = (ym: string) => `${Number(ym.slice(0, 4))}年${Number(ym.slice(5, 7))}月`
const HEARING_METHODS: Record<string, string> = { inPerson: '当面', visit: '入户', phone: '电话', letter: '书面' }

/** The newest record of a kind that no later record corrects. */
export const latestRecord = (c: CaseView, kind: string): CaseRecordView | undefined => [...c.records].reverse().find((r) => r.kind === kind && !r.superseded)

interface Letter { title: string; paragraphs: string[]; adverse: boolean }

/** What the letter says for each outcome: its title, the decision sentence and basis, and whether it is adverse (remedy clause). */
function letterFor(c: CaseView, issuer: string, received: string, process: string): Letter {
  const d = c.decision
  const applied = `你（户）于${formatChineseDate(received)}提出的最低生活保障申请`
  const reviewed = `经${process}`
  const step = (k: string) => [...c.steps].reverse().find((s) => s.kind === k)
  if (c.currentStep === 'notAccepted' || step('notAccepted')) {
    const s = step('notAccepted')!
    const ground = NOT_ACCEPTED_GROUNDS[(s.data?.ground as keyof typeof NOT_ACCEPTED_GROUNDS) ?? 'openCase'] ?? ''
    return { title: '最低生活保障申请不予受理告知书', adverse: true, paragraphs: [`${applied}，经审查，${ground}${s.reason ? `（${s.reason}）` : ''}。根据《最低生活保障审核确认办法》第十条的规定，决定不予受理。`] }
  }
  if (step('terminated')) {
    const s = step('terminated')!
    return { title: '最低生活保障审核确认终止告知书', adverse: true, paragraphs: [`${applied}，在审核确认过程中${s.reason ?? '无正当理由拒不配合入户调查、信息查询或家庭经济状况核对'}。根据《最低生活保障审核确认办法》第二十九条的规定，决定终止审核确认。你（户）可以在具备条件后重新提出申请。`] }
  }
  if (!d) throw new AppError('VALIDATION', `案件 ${c.caseNo} 还没有作出决定，不能打印书面告知书（决定签署后再打印）`)
  const amount = d.amountFen !== null ? yuanWithUpper(d.amountFen) : ''
  const from = d.startMonth ? `自${month(d.startMonth)}起` : ''
  const mgmt = c.variantId === 'management'
  // the reason the signer gave: the decision's own, else the 初审 proposal's; a refusal of a new application adds the assessment's findings
  const signedReason = c.steps.find((s) => s.seq === d.stepSeq)?.reason ?? step('preliminary')?.reason ?? null
  const why = [...(mgmt ? [] : (d.assessment?.reasons ?? [])), ...(signedReason ? [signedReason] : [])].join('；')
  const checked = mgmt ? `经${process}` : reviewed
  switch (d.outcome) {
    case 'approve':
      return { title: '最低生活保障确认通知书', adverse: false, paragraphs: [`${applied}，${reviewed}和公示，你家符合最低生活保障条件。根据《最低生活保障审核确认办法》第二十一条的规定，${issuer}决定${from}将你家纳入最低生活保障，保障人数 ${d.assessment?.persons ?? ''} 人，月保障金 ${amount}。`, '享受最低生活保障期间，家庭人口、收入和财产状况发生变化的，请及时告知乡镇人民政府或村（居）民委员会。']}
    case 'rejected':
      return mgmt
        ? { title: '最低生活保障调整不予批准告知书', adverse: true, paragraphs: [`${checked}，${issuer}决定不予调整你家的最低生活保障待遇。理由：${why || '见审核意见'}。`] }
        : { title: '最低生活保障不予确认告知书', adverse: true, paragraphs: [`${applied}，${reviewed}，你家不符合最低生活保障条件。理由：${why || '见审核意见'}。根据《最低生活保障审核确认办法》第二十一条的规定，${issuer}决定不予确认。`] }
    case 'decrease':
      return { title: '最低生活保障减发告知书', adverse: true, paragraphs: [`${checked}，${why || '你家的家庭人口、收入或财产状况发生变化'}。根据《社会救助法》第四十七条和《最低生活保障审核确认办法》第三十二条的规定，${issuer}决定${from}减发你家的最低生活保障金，月保障金由 ${d.previousFen !== null ? `${formatYuan(d.previousFen)} 元` : '原金额'}调整为 ${amount}。`] }
    case 'stop':
      return { title: '最低生活保障停发告知书', adverse: true, paragraphs: [`${checked}，${why ? `${why}，` : ''}你家已不再符合最低生活保障条件。根据《社会救助法》第四十七条和《最低生活保障审核确认办法》第三十二条的规定，${issuer}决定${from}停止发放你家的最低生活保障金。`] }
    case 'phaseOut':
      return { title: '最低生活保障渐退告知书', adverse: true, paragraphs: [`${checked}，${why || '你家因家庭成员就业等原因，家庭月人均收入已超过最低生活保障标准'}。根据《最低生活保障审核确认办法》第三十三条的规定，给予渐退期：${from}继续按月发放 ${amount}，至${d.phaseOutUntil ? month(d.phaseOutUntil) : '渐退期满'}止，期满后停止发放。`] }
    case 'increase':
      return { title: '最低生活保障增发通知书', adverse: false, paragraphs: [`${checked}，根据《最低生活保障审核确认办法》第三十一条的规定，${issuer}决定${from}增发你家的最低生活保障金，月保障金由 ${d.previousFen !== null ? `${formatYuan(d.previousFen)} 元` : '原金额'}调整为 ${amount}。`] }
    case 'resume':
      return { title: '最低生活保障恢复发放通知书', adverse: false, paragraphs: [`${checked}，暂停发放的原因已消除，${issuer}决定${from}恢复发放你家的最低生活保障金，月保障金 ${amount}。`] }
    default:
      return { title: '最低生活保障复核结果告知书', adverse: false, paragraphs: [`${checked}，你家的家庭人口、收入和财产状况没有明显变化。根据《最低生活保障审核确认办法》第三十一条的规定，继续按月发放最低生活保障金 ${amount}。`] }
  }
}

async function addressee(ctx: ReadCtx, householdId: string) {
  const f = await getHousehold(ctx, householdId)
  const h = f.household
  return { name: memberName(f, h.applicantMemberId) ?? h.headName, place: `${h.villageName}${h.groupName ?? ''}`, fileNo: h.fileNo }
}

/** Whether a case has a letter to print: decided, not accepted or terminated. */
export const hasDecisionLetter = (c: CaseView) => !!c.decision || c.steps.some((s) => s.kind === 'notAccepted' || s.kind === 'terminated')

/** 书面告知书 of a case's decision (or 不予受理 / 终止). */
export async function decisionLetterPdf(core: Core, actor: Actor | null, input: { caseId: string; preview?: boolean }): Promise<Printed> {
  const ctx = readCtx(core, actor)
  const c = await getCase(ctx, input.caseId)
  const t = await requireTownship(ctx)
  const data = await decisionLetterData(ctx, c, t)
  return stampAndRender(core, actor, { kind: 'decisionNotice', refId: c.id, householdId: c.householdId, title: `${data.addressee}：${data.title}`, data, paper: 'A4', what: `${data.title}（${c.caseNo}）`, fileName: `${c.caseNo}-${data.addressee}-${data.title}.pdf`, townshipCode: t.code, preview: input.preview, build: (stamp) => decisionLetterDocument(data, stamp) })
}

export async function decisionLetterData(ctx: ReadCtx, c: CaseView, t: TownshipView): Promise<DecisionLetterData> {
  const who = await addressee(ctx, c.householdId)
  const issuer = c.decisionLevel === 'county' && c.decision ? `${t.countyName}民政局` : `${t.name}人民政府`
  const process = [
    c.records.some((r) => r.kind === 'homeVisit') ? '入户调查' : null,
    c.records.some((r) => r.kind === 'checkReport') ? '家庭经济状况核对' : null,
    c.meetings.some((m) => m.status === 'closed') ? '民主评议' : null,
  ].filter(Boolean).join('、')
  const letter = letterFor(c, issuer, c.steps[0]!.date, process || '审查')
  const hearing = latestRecord(c, 'hearing')
  const paragraphs = [...letter.paragraphs]
  if (hearing) {
    const h = hearing.data as { method: string; heardPerson: string | null; outcome: string; attempts: Array<{ date: string }> }
    paragraphs.push(h.outcome === 'heard'
      ? `作出本决定前，已于${formatChineseDate(hearing.date)}${HEARING_METHODS[h.method] ?? ''}听取${h.heardPerson ?? '你'}的陈述和申辩，并已对所提意见进行核实。`
      : h.outcome === 'declined' ? `作出本决定前，已于${formatChineseDate(hearing.date)}告知你有陈述和申辩的权利，你明确表示不陈述、不申辩。`
        : `作出本决定前，曾 ${h.attempts.length} 次联系你听取意见（最后一次 ${formatChineseDate(h.attempts[h.attempts.length - 1]?.date ?? hearing.date)}），均未能联系上。`)
  }
  const a = c.decision?.assessment
  const facts: Array<[string, string]> = a ? [
    ['家庭共同生活成员', `${a.householdSize} 人（保障人数 ${a.persons} 人）`],
    ['家庭月总收入', `${formatYuan(a.monthlyIncomeFen)} 元`],
    ['家庭月人均收入', a.perCapitaIncomeFen !== null ? `${formatYuan(a.perCapitaIncomeFen)} 元` : '—'],
    [`当地${a.category === 'urban' ? '城市' : '农村'}低保标准`, a.standardFen !== null ? `${formatYuan(a.standardFen)} 元/人·月` : '—'],
    ...(c.decision!.previousFen !== null && c.decision!.previousFen !== c.decision!.amountFen && c.decision!.outcome !== 'approve' ? [['原月保障金', `${formatYuan(c.decision!.previousFen)} 元`] as [string, string]] : []),
    ...(c.decision!.amountFen !== null && c.decision!.outcome !== 'stop' && c.decision!.outcome !== 'rejected' ? [['月保障金', yuanWithUpper(c.decision!.amountFen)] as [string, string]] : []),
    ...(c.decision!.startMonth && c.decision!.outcome !== 'rejected' ? [['执行月份', `${month(c.decision!.startMonth)}起`] as [string, string]] : []),
  ] : []
  const reconsideration = (await townParam<string>(ctx, 'appeal.reconsiderationBody')) ?? `${t.countyName}人民政府`
  const remedy = letter.adverse ? fillTemplate(await templateParagraphs(ctx, 'remedy', ctx.today), { 乡镇: t.name, 县: t.countyName, 复议机关: reconsideration, 法院: `${t.countyName}人民法院` }).join('') : null
  const decidedOn = c.decision?.date ?? [...c.steps].reverse()[0]!.date
  return { title: letter.title, addressee: who.name, paragraphs, facts, remedy, issuer, date: decidedOn, caseNo: c.caseNo, deliveryPlace: who.place }
}

/** 补正材料告知书 of the case's 一次性告知 record (the newest, or the one named). */
export async function materialsLetterPdf(core: Core, actor: Actor | null, input: { caseId: string; recordId?: string | null; preview?: boolean }): Promise<Printed> {
  const ctx = readCtx(core, actor)
  const c = await getCase(ctx, input.caseId)
  const t = await requireTownship(ctx)
  const { data, rec } = await materialsLetterData(ctx, c, t, input.recordId)
  return stampAndRender(core, actor, { kind: 'materialsNotice', refId: rec.id, householdId: c.householdId, title: `${data.addressee}：补正材料告知书`, data, paper: 'A4', what: `补正材料告知书（${c.caseNo}）`, fileName: `${c.caseNo}-${data.addressee}-补正材料告知书.pdf`, townshipCode: t.code, preview: input.preview, build: (stamp) => materialsLetterDocument(data, stamp) })
}

export async function materialsLetterData(ctx: ReadCtx, c: CaseView, t: TownshipView, recordId?: string | null): Promise<{ data: MaterialsLetterData; rec: CaseRecordView }> {
  const rec = recordId ? c.records.find((r) => r.id === recordId && r.kind === 'materialsNotice') : latestRecord(c, 'materialsNotice')
  if (!rec) throw new AppError('VALIDATION', `案件 ${c.caseNo} 没有登记一次性告知（补正材料清单），请先在案件中登记需要补正的材料`)
  const who = await addressee(ctx, c.householdId)
  const r = rec.data as { items: string[]; deliveredTo: string; deadline: string | null }
  const lapse = await townParam<number>(ctx, 'acceptance.lapseDays')
  const data: MaterialsLetterData = {
    addressee: r.deliveredTo || who.name, receivedDate: formatChineseDate(c.steps[0]!.date), items: r.items, deadline: r.deadline ? formatChineseDate(r.deadline) : null,
    lapseNote: lapse ? `补正期限届满后 ${lapse} 日内仍未补正，又无正当理由的，视为撤回申请。` : null,
    issuer: `${t.name}人民政府`, date: rec.date, caseNo: c.caseNo, deliveryPlace: who.place, contact: await supervisionPhones(ctx, t.name),
  }
  return { data, rec }
}
