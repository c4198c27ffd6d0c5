// 承诺书 (issue 5; domain.md §9): the household's 承诺书 and 授权书 prefilled from the file, and the register of
// cadre and staff pledges (干部承诺书): who has to sign, the printed pledge, when the signed paper came back
// (with its scan), and who has left his post. Every register change is one write with its audit event.
import { AppError } from '../api/errors'
import type { Paper } from '../documents/layout'
import { cadrePledgeDocument, pledgeDocument, type CadrePledgeDocData, type PledgeDocData } from '../documents/pledge'
import { CADRE_LEVELS, HOUSEHOLD_CATEGORIES, OBLIGOR_RELATIONS, codeName, type CadreLevel } from '../domain/codes'
import { fillTemplate } from '../domain/templates'
import { readCtx, withWrite, type Actor, type Core, type ReadCtx } from './context'
import { getHousehold } from './households'
import { newId } from './ids'
import { sniffMime, storeContent } from './attachments'
import { templateParagraphs } from './policy'
import { stampAndRender, type Printed } from './printing'
import { requireTownship } from './setup'
import { ageOn } from '../domain/idcard'
import type { CadrePledgeView, HouseholdFile, TownshipView } from '../api/types'

/** What the 承诺书 + 授权书 of a household list: every co-resident member, and each obligor whose finances are checked. */
export async function pledgeData(ctx: ReadCtx, f: HouseholdFile, t: TownshipView): Promise<PledgeDocData> {
  const h = f.household
  const members = f.members.filter((m) => m.coResident)
  if (members.length === 0) throw new AppError('VALIDATION', `档案 ${h.fileNo} 没有共同生活的家庭成员，请先在档案中登记成员`)
  const applicant = f.members.find((m) => m.id === h.applicantMemberId) ?? f.members.find((m) => m.id === h.headMemberId) ?? members[0]!
  const agentRow = await ctx.db.selectFrom('case_record').innerJoin('dibao_case', 'dibao_case.id', 'case_record.case_id').select(['case_record.data_json'])
    .where('dibao_case.household_id', '=', h.id).where('case_record.kind', '=', 'application').orderBy('case_record.created_at', 'desc').limit(1).executeTakeFirst()
  const agent = agentRow ? ((JSON.parse(agentRow.data_json) as { agent?: { name: string; relation: string } | null }).agent ?? null) : null
  const vars = { 乡镇: t.name, 县: t.countyName, 申请人: applicant.name, 村: h.villageName }
  return {
    townshipName: t.name, countyName: t.countyName, villageName: h.groupName ? `${h.villageName}${h.groupName}` : h.villageName, fileNo: h.fileNo,
    applicantName: applicant.name, headName: h.headName, categoryLabel: codeName(HOUSEHOLD_CATEGORIES, h.category), date: ctx.today,
    pledgeText: fillTemplate(await templateParagraphs(ctx, 'pledge', ctx.today), vars),
    authorizationText: fillTemplate(await templateParagraphs(ctx, 'authorization', ctx.today), vars),
    members: members.map((m) => ({ name: m.name, relation: m.relationName, idNumber: m.idNumber, minor: ageOn(m.birthDate, ctx.today) < 18 })),
    obligors: f.obligors.filter((o) => !o.waiver).map((o) => ({ name: o.name, relation: codeName(OBLIGOR_RELATIONS, o.relation) || o.relation, idNumber: o.idNumber, minor: false })),
    agent: agent ? { name: agent.name, relation: agent.relation } : null,
  }
}

export async function householdPledgePdf(core: Core, actor: Actor | null, input: { householdId: string; paper?: Paper; preview?: boolean }): Promise<Printed> {
  const ctx = readCtx(core, actor)
  const f = await getHousehold(ctx, input.householdId)
  const t = await requireTownship(ctx)
  const data = await pledgeData(ctx, f, t)
  const h = f.household
  const title = `${data.applicantName}家最低生活保障申请承诺书和授权书`
  return stampAndRender(core, actor, { kind: 'pledge', refId: h.id, householdId: h.id, title, data, paper: input.paper ?? 'A4', what: `档案 ${h.fileNo} 的承诺书`, fileName: `${h.fileNo}-${data.applicantName}-承诺书和授权书.pdf`, townshipCode: t.code, preview: input.preview, build: (stamp) => pledgeDocument(data, stamp) })
}

// ───────────────────────── 干部承诺书 register ─────────────────────────

export async function listCadrePledges(ctx: ReadCtx): Promise<CadrePledgeView[]> {
  const rows = await ctx.db.selectFrom('cadre_pledge').selectAll().orderBy('level').orderBy('unit').orderBy('name').execute()
  const printed = await ctx.db.selectFrom('printed_document').select(['ref_id', 'doc_no', 'printed_at']).where('kind', '=', 'cadrePledge').orderBy('printed_at').execute()
  const last = new Map(printed.map((p) => [p.ref_id, { docNo: p.doc_no, at: p.printed_at }]))
  return rows.map((r) => {
    const status = r.left_date ? 'left' : r.signed_date ? 'signed' : 'unsigned'
    return {
      id: r.id, name: r.name, post: r.post, unit: r.unit, level: r.level, levelLabel: CADRE_LEVELS.find((l) => l.code === r.level)!.name, villageCode: r.village_code,
      status, statusLabel: { unsigned: '未签回', signed: '已签署', left: '已离岗' }[status], signedDate: r.signed_date,
      scan: r.scan_sm3 ? { sm3: r.scan_sm3, name: r.scan_name ?? '', mime: r.scan_mime ?? '' } : null,
      lastPrinted: last.get(r.id) ?? null, leftDate: r.left_date, leftReason: r.left_reason, version: r.version,
    }
  })
}

async function loadCadre(db: ReadCtx['db'], id: string) {
  const r = await db.selectFrom('cadre_pledge').selectAll().where('id', '=', id).executeTakeFirst()
  if (!r) throw new AppError('NOT_FOUND', '承诺书登记簿中没有这个人')
  return r
}
const checkVersion = (r: { version: number; name: string }, version: number | undefined) => {
  if (version !== undefined && version !== r.version) throw new AppError('CONFLICT', `${r.name}的登记已被他人修改，请刷新后重试`)
}

export async function addCadre(core: Core, actor: Actor, input: { name: string; post: string; unit: string; level: CadreLevel; villageCode?: string | null }): Promise<CadrePledgeView[]> {
  await withWrite(core, actor, async (w) => {
    const dup = await w.tx.selectFrom('cadre_pledge').select('id').where('name', '=', input.name).where('unit', '=', input.unit).where('left_date', 'is', null).executeTakeFirst()
    if (dup) throw new AppError('CONFLICT', `${input.unit}的“${input.name}”已在登记簿中，不需要重复登记`)
    if (input.villageCode) {
      const v = await w.tx.selectFrom('village').select('code').where('code', '=', input.villageCode).executeTakeFirst()
      if (!v) throw new AppError('VALIDATION', '所选村（社区）不存在', { villageCode: '请重新选择' })
    }
    const id = newId()
    await w.tx.insertInto('cadre_pledge').values({ id, name: input.name, post: input.post, unit: input.unit, level: input.level, village_code: input.villageCode ?? null, signed_date: null, scan_sm3: null, scan_mime: null, scan_name: null, signed_recorded_by: null, left_date: null, left_reason: null, created_by: w.actor ? w.actor.name : '命令行', created_at: w.now }).execute()
    await w.audit({ action: 'pledge.cadre.add', entity: 'cadrePledge', entityId: id, summary: `干部承诺书登记：${input.unit}${input.post}${input.name}`, after: input })
  })
  return listCadrePledges(readCtx(core, actor))
}

/** The signed paper came back: the date on it and its scan (PDF or image). */
export async function recordCadreSigned(core: Core, actor: Actor, input: { id: string; version?: number; signedDate: string; originalName: string; dataBase64: string }): Promise<CadrePledgeView[]> {
  const bytes = Buffer.from(input.dataBase64, 'base64')
  const mime = sniffMime(bytes)
  if (!bytes.length || !mime) throw new AppError('VALIDATION', `“${input.originalName}”不是可识别的扫描件：请上传签字后的承诺书扫描件（PDF、JPG 或 PNG）`)
  await withWrite(core, actor, async (w) => {
    const r = await loadCadre(w.tx, input.id)
    checkVersion(r, input.version)
    if (r.left_date) throw new AppError('CONFLICT', `${r.name}已于 ${r.left_date} 离岗，不能再登记签署`)
    if (input.signedDate > w.today) throw new AppError('VALIDATION', '签署日期不能晚于今天', { signedDate: '不能晚于今天' })
    const sm3 = storeContent(core.dataDir, bytes)
    await w.tx.updateTable('cadre_pledge').set({ signed_date: input.signedDate, scan_sm3: sm3, scan_mime: mime, scan_name: input.originalName.slice(0, 200), signed_recorded_by: w.actor?.name ?? '命令行', version: r.version + 1 }).where('id', '=', r.id).execute()
    await w.audit({ action: 'pledge.cadre.signed', entity: 'cadrePledge', entityId: r.id, summary: `${r.unit}${r.post}${r.name}的承诺书已签回（签署日期 ${input.signedDate}，扫描件 ${input.originalName}）`, before: { signedDate: r.signed_date, scanSm3: r.scan_sm3 }, after: { signedDate: input.signedDate, scanSm3: sm3 } })
  })
  return listCadrePledges(readCtx(core, actor))
}

export async function markCadreLeft(core: Core, actor: Actor, input: { id: string; version?: number; date: string; reason: string }): Promise<CadrePledgeView[]> {
  await withWrite(core, actor, async (w) => {
    const r = await loadCadre(w.tx, input.id)
    checkVersion(r, input.version)
    if (r.left_date) throw new AppError('CONFLICT', `${r.name}已登记离岗`)
    if (input.date > w.today) throw new AppError('VALIDATION', '离岗日期不能晚于今天', { date: '不能晚于今天' })
    if (r.signed_date && input.date < r.signed_date) throw new AppError('VALIDATION', `离岗日期不能早于承诺书签署日期（${r.signed_date}）`, { date: `不能早于 ${r.signed_date}` })
    await w.tx.updateTable('cadre_pledge').set({ left_date: input.date, left_reason: input.reason, version: r.version + 1 }).where('id', '=', r.id).execute()
    await w.audit({ action: 'pledge.cadre.left', entity: 'cadrePledge', entityId: r.id, summary: `${r.unit}${r.post}${r.name}离岗（${input.date}，${input.reason}），承诺书登记保留`, after: { leftDate: input.date, reason: input.reason } })
  })
  return listCadrePledges(readCtx(core, actor))
}

/** A cadre's pledge, by register id or by name (the CLI's --cadre NAME; a name held by two people asks for the unit). */
export async function cadrePledgePdf(core: Core, actor: Actor | null, input: { id?: string | null; name?: string | null; preview?: boolean }): Promise<Printed> {
  const ctx = readCtx(core, actor)
  const t = await requireTownship(ctx)
  let r
  if (input.id) r = await loadCadre(ctx.db, input.id)
  else {
    const rows = await ctx.db.selectFrom('cadre_pledge').selectAll().where('name', '=', (input.name ?? '').trim()).where('left_date', 'is', null).execute()
    if (rows.length === 0) throw new AppError('NOT_FOUND', `干部承诺书登记簿中没有在岗的“${input.name ?? ''}”：请先在“干部承诺书”页登记其姓名、职务和单位`)
    if (rows.length > 1) throw new AppError('VALIDATION', `登记簿中有 ${rows.length} 位“${input.name}”（${rows.map((x) => x.unit).join('、')}），请在“干部承诺书”页选择要打印的人`)
    r = rows[0]!
  }
  if (r.left_date) throw new AppError('VALIDATION', `${r.name}已于 ${r.left_date} 离岗，不再打印承诺书`)
  const data: CadrePledgeDocData = {
    townshipName: t.name, countyName: t.countyName, name: r.name, post: r.post, unit: r.unit, date: ctx.today,
    text: fillTemplate(await templateParagraphs(ctx, 'cadrePledge', ctx.today), { 乡镇: t.name, 县: t.countyName, 姓名: r.name, 职务: r.post, 单位: r.unit }),
  }
  const cadre = r
  return stampAndRender(core, actor, { kind: 'cadrePledge', refId: cadre.id, title: `${cadre.name}最低生活保障工作承诺书`, data, paper: 'A4', what: `${cadre.name}的承诺书`, fileName: `承诺书-${cadre.unit}-${cadre.name}.pdf`, townshipCode: t.code, preview: input.preview, build: (stamp) => cadrePledgeDocument(data, stamp) })
}
