// Demo procedure data (dibao demo): operators for each role, the 低保标准, township decision mode, and cases in
// every state — run through the same services a clerk uses (records, 民主评议, 公示 with an objection,
// decisions with amounts), so the demo shows real signed histories, never fabricated rows.
import { AppError } from '../api/errors'
import { addDays } from '../domain/dates'
import { ATTACHMENT_KINDS, codeName } from '../domain/codes'
import { readCtx, withWrite, type Actor, type Core } from './context'
import { newId } from './ids'
import { hashPassword } from './passwords'
import { addStandard, standardInForce } from './benefits'
import { addParam } from './policy'
import * as cases from './cases'
import { addRecord } from './caseRecords'
import { saveIncome } from './households'
import { clearFlag } from './rules'
import { createMeeting, setMeetingCase, attachSignin, closeMeeting } from './meetings'
import { createNotice, postNotice, addNoticePhoto, addObjection, closeObjection } from './notices'
import { makeScanPdf, makeScanPng, rng } from './demo'
import { storeContent } from './attachments'
import type { StepKind } from '../domain/workflow'

export const DEMO_OPERATOR_PASSWORD = 'Demo2026ok'
export type DemoOperators = { handler: Actor; reviewer: Actor; approver: Actor }

/** Demo operators (password DEMO_OPERATOR_PASSWORD, no forced change): 经办人, 审核人, 乡镇审核确认人. */
export async function ensureDemoOperators(core: Core): Promise<DemoOperators> {
  const want = [
    { username: 'jingban', name: '张丽（经办）', role: 'handler' as const },
    { username: 'shenhe', name: '李强（审核）', role: 'reviewer' as const },
    { username: 'zhenzhang', name: '王建国（镇长）', role: 'townshipApprover' as const },
  ]
  const out: Actor[] = []
  for (const o of want) {
    let row = await core.db.selectFrom('operator').selectAll().where('username', '=', o.username).executeTakeFirst()
    if (!row) {
      await withWrite(core, null, async (w) => {
        await w.tx.insertInto('operator').values({ id: newId(), username: o.username, name: o.name, role: o.role, password_hash: hashPassword(DEMO_OPERATOR_PASSWORD), active: 1, must_change_password: 0, failed_logins: 0, locked_until: null, last_login_at: null, created_at: w.now, updated_at: w.now }).execute()
        await w.audit({ action: 'operator.create', entity: 'operator', summary: `演示数据：新增操作员 ${o.name}（${o.username}）` })
      })
      row = await core.db.selectFrom('operator').selectAll().where('username', '=', o.username).executeTakeFirstOrThrow()
    }
    out.push({ operatorId: row.id, username: row.username, name: row.name, role: row.role })
  }
  return { handler: out[0]!, reviewer: out[1]!, approver: out[2]! }
}

/** The demo township's administrator (`admin`, created by generateDemo), as the services' Actor. */
export async function demoAdmin(core: Core): Promise<Actor> {
  const row = await core.db.selectFrom('operator').select(['id', 'username', 'name']).where('username', '=', 'admin').executeTakeFirstOrThrow()
  return { operatorId: row.id, username: row.username, name: row.name, role: 'admin' }
}

/** Standards and (unless `level` is 'county') the township decision delegation (demo values, marked as such in their source notes). */
export async function ensureDemoPolicy(core: Core, admin: Actor, level: 'county' | 'township' = 'township'): Promise<void> {
  const today = readCtx(core, null).today
  const year = today.slice(0, 4)
  if (!(await standardInForce(readCtx(core, null), 'rural', today))) await addStandard(core, null, { category: 'rural', amountFen: 80000, effectiveMonth: `${year}-01`, sourceNote: '演示数据：县人民政府关于公布城乡低保标准的通知（示例文号）' })
  if (!(await standardInForce(readCtx(core, null), 'urban', today))) await addStandard(core, null, { category: 'urban', amountFen: 95000, effectiveMonth: `${year}-01`, sourceNote: '演示数据：县人民政府关于公布城乡低保标准的通知（示例文号）' })
  const lvl = await core.db.selectFrom('policy_param').select('id').where('key', '=', 'procedure.decisionLevel').where('value_json', '=', '"township"').executeTakeFirst()
  if (!lvl && level === 'township') await addParam(core, admin, { key: 'procedure.decisionLevel', value: 'township', effectiveFrom: `${Number(year) - 1}-01-01`, sourceNote: '演示数据：省民政厅关于委托乡镇人民政府（街道办事处）审核确认低保的通知（示例）' })
}

type Target = 'received' | 'pendingMaterials' | 'investigating' | 'checkObjection' | 'preliminary' | 'noticing' | 'objection' | 'townshipDecision' | 'approved' | 'closed' | 'rejected' | 'withdrawn'

/**
 * Cases in every state on `count` households of status 申请中 (applying), plus management cases on active ones.
 * Returns the number of cases opened. Dates run from about 35 days ago to today.
 */
export async function generateDemoCases(core: Core, opts: { count: number; seed?: number; admin: Actor; decisionLevel?: 'county' | 'township' }): Promise<{ cases: number; meetings: number; notices: number }> {
  const r = rng((opts.seed ?? 1) * 7 + 3)
  const ops = await ensureDemoOperators(core)
  await ensureDemoPolicy(core, opts.admin, opts.decisionLevel)
  const today = readCtx(core, null).today
  const d0 = addDays(today, -35)
  const applying = await core.db.selectFrom('household').leftJoin('dibao_case', (j) => j.onRef('dibao_case.household_id', '=', 'household.id'))
    .select(['household.id', 'household.village_code', 'household.applicant_member_id']).where('household.status', '=', 'applying').where('dibao_case.id', 'is', null)
    .orderBy('household.file_no').limit(opts.count).execute()
  const targets: Target[] = ['received', 'pendingMaterials', 'investigating', 'preliminary', 'noticing', 'objection', 'townshipDecision', 'approved', 'closed', 'rejected', 'withdrawn', 'checkObjection']
  const scanBytes = makeScanPdf('demo-scan')
  const scan = storeContent(core.dataDir, scanBytes)
  const photo = makeScanPng(rng(11), 320, 240).toString('base64')
  let opened = 0, meetings = 0, notices = 0
  // group the 公示 of the cases reaching it per village
  const toNotice: Array<{ caseId: string; village: string; target: Target }> = []
  for (const [i, h] of applying.entries()) {
    const target = targets[i % targets.length]!
    try {
      const res = await runUpToNotice(h.id, target)
      if (res) toNotice.push({ caseId: res, village: h.village_code, target })
      opened++
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      // households whose data makes the chosen path impossible (e.g. not eligible) stay where the rules stopped them
      opened++
    }
  }
  // 公示: one batch per village, posted 9 days ago (ended), with an objection on the 'objection' cases
  const byVillage = new Map<string, typeof toNotice>()
  for (const n of toNotice) byVillage.set(n.village, [...(byVillage.get(n.village) ?? []), n])
  const postDate = addDays(today, -12)
  for (const [village, list] of byVillage) {
    const nb = await createNotice(core, ops.handler, { kind: 'preliminary', villageCode: village, caseIds: list.map((l) => l.caseId), places: ['村务公开栏', '村委会门口'] })
    notices++
    const posted = await postNotice(core, ops.handler, { id: nb.id, startDate: postDate })
    await addNoticePhoto(core, ops.handler, { id: nb.id, originalName: '公示张贴照片.png', dataBase64: photo, takenDate: postDate })
    for (const l of list) {
      if (l.target === 'objection') {
        const o = await addObjection(core, ops.handler, { caseId: l.caseId, batchId: nb.id, receivedDate: addDays(postDate, 2), channel: 'phone', realName: r() < 0.5, objectorName: '村民（演示）', objectorContact: '138****0000', content: '反映该户儿子在外务工收入较高，未如实申报。' })
        if (r() < 0.5) await closeObjection(core, ops.handler, { id: o.id, handling: '经办人与村干部重新入户调查，并向务工单位核实工资发放记录。', result: '其子月收入与申报一致，异议不成立。', upheld: false, feedback: o.realName ? '已电话告知反映人核查结果。' : null })
        continue
      }
      if (today <= posted.endDate) continue
      const after = addDays(posted.endDate, 1)
      await finishAfterNotice(l.caseId, l.target, after)
    }
  }
  // 民主评议: one meeting for the cases that went through it (national: on objection) — show one signed meeting
  meetings += await demoMeeting()
  opened += await demoManagement()
  return { cases: opened, meetings, notices }

  async function step(caseId: string, to: StepKind, date: string, actor: Actor, extra: { reason?: string; data?: Record<string, unknown> } = {}) {
    const c = await cases.getCase(readCtx(core, actor), caseId)
    return cases.advanceCase(core, actor, { caseId, version: c.version, to, date, reason: extra.reason ?? null, data: extra.data })
  }
  async function attach(householdId: string, kinds: string[]) {
    await withWrite(core, ops.handler, async (w) => {
      for (const k of kinds) {
        const have = await w.tx.selectFrom('attachment').select('id').where('household_id', '=', householdId).where('doc_kind', '=', k).where('removed_at', 'is', null).executeTakeFirst()
        if (have) continue
        await w.tx.insertInto('attachment').values({ id: newId(), household_id: householdId, member_id: null, sm3: scan, original_name: `${codeName(ATTACHMENT_KINDS, k) || k}.pdf`, mime: 'application/pdf', size: scanBytes.length, doc_kind: k, note: '演示扫描件', created_by: ops.handler.name, removed_at: null, removed_reason: null, created_at: w.now }).execute()
      }
      await w.audit({ action: 'attachment.add', entity: 'attachment', householdId, summary: `演示数据：上传材料 ${kinds.join('、')}` })
    })
  }
  async function clearWarnings(caseId: string) {
    const flags = await cases.evaluateCaseRules(core, ops.reviewer, caseId)
    for (const f of flags.filter((x) => x.status === 'open' && x.severity === 'warn')) await clearFlag(core, ops.reviewer, { flagId: f.id, reason: '演示：经入户调查和核对，情况属实，不影响认定' })
  }
  async function runUpToNotice(householdId: string, target: Target): Promise<string | null> {
    let c = await cases.openCase(core, ops.handler, { householdId, kind: 'newApplication', origin: 'window', receivedDate: d0, note: '本人到乡镇便民服务中心提出申请' })
    const members = await core.db.selectFrom('member').select(['id', 'name']).where('household_id', '=', householdId).where('left_at', 'is', null).orderBy('sort_order').execute()
    if (target === 'received') return null
    if (target === 'pendingMaterials') {
      await addRecord(core, ops.handler, { caseId: c.id, kind: 'materialsNotice', date: d0, data: { items: ['残疾人证复印件', '医院诊断证明'], deliveredTo: members[0]!.name, deadline: addDays(d0, 15) } })
      await step(c.id, 'pendingMaterials', d0, ops.handler)
      return null
    }
    await addRecord(core, ops.handler, { caseId: c.id, kind: 'application', date: d0, data: { applicantMemberId: members[0]!.id, reason: '家庭成员患病、缺乏劳动能力，收入低于当地低保标准', pledgeSigned: true, consentSigned: true, allMembersSigned: true, relativesDeclared: true } })
    await attach(householdId, ['application', 'pledge', 'consent'])
    if (target === 'withdrawn') {
      await step(c.id, 'accepted', d0, ops.handler)
      await step(c.id, 'withdrawn', addDays(d0, 3), ops.handler, { reason: '申请人书面申请撤回' })
      return null
    }
    await step(c.id, 'accepted', d0, ops.handler)
    const d1 = addDays(d0, 2)
    c = await step(c.id, 'investigating', d1, ops.handler)
    if (target === 'investigating') return null
    await addRecord(core, ops.handler, { caseId: c.id, kind: 'homeVisit', date: addDays(d1, 1), data: { investigators: [{ name: ops.handler.name.replace(/（.*/, ''), role: '乡镇民政办工作人员' }, { name: '赵村委', role: '村委会委员' }], membersPresent: members.slice(0, 2).map((m) => m.id), livingConditions: '住房为自建砖瓦房，家具陈旧，无大额消费品。', housing: '砖瓦房，约80平方米', findings: [], neighbourInquiry: '走访邻居两户，反映该户生活困难属实。', conclusion: '家庭生活困难，情况属实。', investigatorsSigned: true, familySigned: true } })
    await addRecord(core, ops.handler, { caseId: c.id, kind: 'checkReport', date: addDays(d1, 4), data: { receivedDate: addDays(d1, 4), source: '县居民家庭经济状况核对中心', reportNo: `核对-${d1.slice(0, 4)}-${String(100 + Math.floor(r() * 800))}`, findings: [{ memberId: null, item: 'vehicle', text: '未发现登记车辆', amountFen: null }], consistent: true, summary: '核对结果与申报基本一致。' } })
    await attach(householdId, ['visitForm', 'checkReport'])
    if (target === 'checkObjection') {
      await step(c.id, 'checkObjection', addDays(d1, 5), ops.handler)
      await addRecord(core, ops.handler, { caseId: c.id, kind: 'checkNotice', date: addDays(d1, 5), data: { findings: '核对发现户主名下登记小型轿车一辆', deliveredTo: members[0]!.name, method: 'inPerson' } })
      return null
    }
    await clearWarnings(c.id)
    const negative = target === 'rejected'
    c = await step(c.id, 'preliminary', addDays(d1, 6), ops.reviewer, negative ? { reason: '家庭月人均收入高于当地低保标准', data: { opinion: 'negative' } } : { data: { opinion: 'positive', recheckClass: r() < 0.5 ? 'A' : 'B' } })
    if (target === 'preliminary') return null
    await step(c.id, 'noticing', addDays(d1, 7), ops.handler)
    return c.id
  }
  async function finishAfterNotice(caseId: string, target: Target, after: string) {
    if (target === 'noticing') return
    const c = await cases.getCase(readCtx(core, ops.handler), caseId)
    // county decision level: the township's part ends at 报送县级; the county's answer arrives in its reply package
    if (c.decisionLevel === 'county') { await step(caseId, 'submitted', after, ops.handler); return }
    await step(caseId, 'townshipDecision', after, ops.approver)
    if (target === 'townshipDecision') return
    if (c.opinion === 'negative') {
      await step(caseId, 'rejected', after, ops.approver, { reason: '经审核，家庭月人均收入高于当地低保标准，不符合低保条件' })
      await step(caseId, 'closed', addDays(after, 1), ops.handler)
      return
    }
    await clearWarnings(caseId)
    await step(caseId, 'approved', after, ops.approver)
    if (target === 'approved') return
    await step(caseId, 'published', addDays(after, 1), ops.handler)
    await step(caseId, 'closed', addDays(after, 2), ops.handler)
  }
  /** 复核 and 变更 on households in payment: one opened, one kept (维持), one 减发 with a hearing. */
  async function demoManagement(): Promise<number> {
    const active = await core.db.selectFrom('household').leftJoin('dibao_case', (j) => j.onRef('dibao_case.household_id', '=', 'household.id').on('dibao_case.closed_at', 'is', null))
      .select(['household.id']).where('household.status', '=', 'active').where('household.benefit_fen', '>', 0).where('dibao_case.id', 'is', null).orderBy('household.next_recheck_due').limit(4).execute()
    let n = 0
    for (const [i, h] of active.entries()) {
      const members = await core.db.selectFrom('member').select(['id', 'name']).where('household_id', '=', h.id).where('left_at', 'is', null).orderBy('sort_order').execute()
      if (i === 3) { await demoPhaseOut(h.id, members); n++; continue }
      const c = await cases.openCase(core, ops.handler, { householdId: h.id, kind: 'recheck', origin: 'proactive', receivedDate: addDays(today, -20), note: '定期复核', triggerKind: 'due' })
      n++
      if (i === 0) continue
      await step(c.id, 'investigating', addDays(today, -19), ops.handler)
      await addRecord(core, ops.handler, { caseId: c.id, kind: 'homeVisit', date: addDays(today, -18), data: { investigators: [{ name: '张丽', role: '乡镇民政办工作人员' }, { name: '赵村委', role: '村委会委员' }], membersPresent: [members[0]!.id], livingConditions: '家庭情况与上次复核相比无明显变化。', housing: null, findings: [], neighbourInquiry: null, conclusion: i === 1 ? '家庭收入无明显变化。' : '其子已在县城稳定务工，家庭收入增加。', investigatorsSigned: true, familySigned: true } })
      await attach(h.id, ['visitForm'])
      await clearWarnings(c.id)
      if (i === 1) {
        const ok = await step(c.id, 'preliminary', addDays(today, -16), ops.reviewer, { data: { outcome: 'noChange', recheckClass: 'B' } }).then(() => true, () => false)
        if (ok) await step(c.id, 'closed', addDays(today, -16), ops.handler)
        continue
      }
      const hb = await core.db.selectFrom('household').select(['benefit_fen']).where('id', '=', h.id).executeTakeFirstOrThrow()
      const extra = Math.max(1000, Math.min(30000, Math.floor((hb.benefit_fen ?? 0) / 2)))
      await saveIncome(core, ops.handler, { householdId: h.id, income: { memberIdNumber: null, memberId: members[members.length - 1]!.id, kind: 'wage', subtype: '务工收入', amountFen: extra, periodFrom: null, periodTo: null, source: '入户调查', counted: true, note: '复核时发现新增务工收入' } })
      await clearWarnings(c.id)
      await step(c.id, 'preliminary', addDays(today, -16), ops.reviewer, { reason: '家庭成员就业，月收入增加，拟减发保障金', data: { outcome: 'decrease' } })
      await step(c.id, 'hearing', addDays(today, -15), ops.handler)
      await addRecord(core, ops.handler, { caseId: c.id, kind: 'hearing', date: addDays(today, -14), data: { method: 'visit', heardPerson: members[0]!.name, statement: '对儿子务工收入无异议，希望保留部分保障。', attempts: [], outcome: 'heard' } })
    }
    return n
  }
  /** A 渐退 of one month decided two months ago: listed as 渐退期满 in 复核管理. */
  async function demoPhaseOut(householdId: string, members: Array<{ id: string; name: string }>) {
    const d = (n: number) => addDays(today, n)
    const c = await cases.openCase(core, ops.handler, { householdId, kind: 'phaseOut', origin: 'proactive', receivedDate: d(-70), note: '家庭成员就业', triggerKind: 'reported' })
    await step(c.id, 'investigating', d(-69), ops.handler)
    await addRecord(core, ops.handler, { caseId: c.id, kind: 'homeVisit', date: d(-68), data: { investigators: [{ name: '张丽', role: '乡镇民政办工作人员' }, { name: '赵村委', role: '村委会委员' }], membersPresent: [members[0]!.id], livingConditions: '家庭成员已稳定就业。', housing: null, findings: [], neighbourInquiry: null, conclusion: '家庭收入已超过低保标准，符合渐退条件。', investigatorsSigned: true, familySigned: true } })
    await attach(householdId, ['visitForm'])
    await clearWarnings(c.id)
    await step(c.id, 'preliminary', d(-66), ops.reviewer, { reason: '家庭成员就业，收入超过低保标准，给予渐退期', data: { outcome: 'phaseOut', phaseOutMonths: 1 } })
    await step(c.id, 'hearing', d(-65), ops.handler)
    await addRecord(core, ops.handler, { caseId: c.id, kind: 'hearing', date: d(-64), data: { method: 'inPerson', heardPerson: members[0]!.name, statement: '同意渐退安排。', attempts: [], outcome: 'heard' } })
    if (c.decisionLevel === 'county') { await step(c.id, 'submitted', d(-63), ops.handler); return }
    await step(c.id, 'townshipDecision', d(-60), ops.approver)
    await clearWarnings(c.id)
    await step(c.id, 'approved', d(-60), ops.approver)
    await step(c.id, 'notified', d(-59), ops.handler)
    await step(c.id, 'closed', d(-59), ops.handler)
  }

  async function demoMeeting(): Promise<number> {
    // a re-check case at 民主评议 is not part of the national path; show a signed meeting on a case with an open objection
    const withObjection = await core.db.selectFrom('objection').innerJoin('dibao_case', 'dibao_case.id', 'objection.case_id').innerJoin('household', 'household.id', 'dibao_case.household_id')
      .select(['dibao_case.id', 'household.village_code', 'objection.id as oid', 'objection.status']).where('dibao_case.current_step', '=', 'noticing').where('objection.status', '=', 'closed').limit(1).executeTakeFirst()
    if (!withObjection) return 0
    await step(withObjection.id, 'objectionHandling', today, ops.handler)
    const m = await createMeeting(core, ops.handler, {
      villageCode: withObjection.village_code, date: today, place: '村委会会议室', chair: '张丽', recorder: '赵村委', dueCount: 9,
      attendees: [{ name: '张丽', kind: 'townshipStaff', signed: true }, { name: '孙书记', kind: 'villageCadre', signed: true }, { name: '刘党员', kind: 'partyMember', signed: true }, { name: '陈代表', kind: 'representative', signed: true }, { name: '周代表', kind: 'representative', signed: true }, { name: '吴代表', kind: 'representative', signed: true }, { name: '郑代表', kind: 'representative', signed: true }, { name: '钱监督', kind: 'supervisor', signed: true }],
      briefing: '宣讲《最低生活保障审核确认办法》有关规定。', minutes: '经办人介绍该户申请及异议调查情况；参会人员逐一发表意见；主持人归纳评议结论。',
    })
    await setMeetingCase(core, ops.handler, { meetingId: m.id, caseId: withObjection.id, presentation: '经办人介绍入户调查和异议核实情况', agree: 6, disagree: 0, abstain: 1, opinion: '异议不成立，同意按初审意见办理', result: 'pass' })
    await attachSignin(core, ops.handler, { meetingId: m.id, originalName: '签到表.pdf', dataBase64: makeScanPdf('signin').toString('base64') })
    await closeMeeting(core, ops.handler, { id: m.id })
    return 1
  }
}
