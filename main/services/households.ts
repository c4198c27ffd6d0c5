// 一户一档: households, members, incomes, assets, support obligors. Every write is one transaction
// with its audit event (context.withWrite); a person (ID number) is in at most one open file, enforced
// by the partial unique index member_one_open_file and checked here first for a clear message.
import type { Transaction } from 'kysely'
import { AppError } from '../api/errors'
import type {
  AssetInputT, HouseholdCreateInputT, HouseholdFieldsT, IncomeInputT, MemberInputT, ObligorInputT
} from '../api/schemas'
import type { AssetRow, Database, HouseholdRow, HouseholdStatus, IncomeRow, MemberRow, ObligorRow } from '../../db/schema'
import { checkDisabilityCert, checkIdNumber } from '../domain/idcard'
import { codeName, RELATIONS } from '../domain/codes'
import { nameSearchKeys, sortKey } from '../domain/pinyin'
import { withWrite, type Actor, type Core, type ReadCtx, type WriteCtx } from './context'
import { newId } from './ids'
import { memberLeftTrigger } from './recheck'
import { requireTownship } from './setup'
import type { MemberView, IncomeView, AssetView, ObligorView, AttachmentView, HouseholdView, HouseholdFile } from '../api/types'
export type { MemberView, IncomeView, AssetView, ObligorView, AttachmentView, HouseholdView, HouseholdFile } from '../api/types'

type Tx = Transaction<Database>
export const OPEN_STATUSES: HouseholdStatus[] = ['applying', 'active', 'suspended', 'phaseOut']
const HEAD_RELATIONS = new Set(['01', '02'])

// ───────────────────────── views ─────────────────────────

const b = (v: number) => v === 1
export function memberView(m: MemberRow, today: string): MemberView {
  const chk = checkIdNumber(m.id_number, today)
  const warnings = chk.ok ? [...chk.warnings] : [chk.error]
  if (m.disability_cert) { const d = checkDisabilityCert(m.disability_cert, m.id_number); if (d.ok) warnings.push(...d.warnings); else warnings.push(d.error) }
  return {
    id: m.id, name: m.name, idNumber: m.id_number, relation: m.relation, relationName: codeName(RELATIONS, m.relation), gender: m.gender,
    birthDate: m.birth_date, ethnicity: m.ethnicity, marital: m.marital, hukouType: m.hukou_type, coResident: b(m.co_resident),
    notCountedReason: m.not_counted_reason, isBeneficiary: b(m.is_beneficiary), health: m.health, diagnosis: m.diagnosis,
    disabilityCert: m.disability_cert, disabilityCategory: m.disability_category, disabilityGrade: m.disability_grade, labour: m.labour,
    employment: m.employment, schooling: m.schooling, employerSchool: m.employer_school, publicPayroll: b(m.public_payroll), phone: m.phone,
    deathDate: m.death_date, active: b(m.in_open_file) || !m.left_at, leftAt: m.left_at, leftReason: m.left_reason, warnings
  }
}
function householdView(h: HouseholdRow, villageName: string): HouseholdView {
  return {
    id: h.id, fileNo: h.file_no, version: h.version, villageCode: h.village_code, villageName, groupName: h.group_name, address: h.address,
    hukouAddress: h.hukou_address, hukouNo: h.hukou_no, category: h.category, status: h.status, legacyImport: b(h.legacy_import), headMemberId: h.head_member_id,
    applicantMemberId: h.applicant_member_id, headName: h.head_name, memberCount: h.member_count, phone: h.phone, povertyCause: h.poverty_cause,
    registeredPoor: b(h.registered_poor), relativeFiling: b(h.relative_filing), housingType: h.housing_type, housingArea: h.housing_area,
    bankName: h.bank_name, bankAccount: h.bank_account, payeeName: h.payee_name, note: h.note, statusReason: h.status_reason,
    statusChangedAt: h.status_changed_at, createdAt: h.created_at, updatedAt: h.updated_at,
    benefitFen: h.benefit_fen, benefitFrom: h.benefit_from, benefitPersons: h.benefit_persons, standardFen: h.standard_fen,
    recheckClass: h.recheck_class, nextRecheckDue: h.next_recheck_due, phaseOutUntil: h.phase_out_until
  }
}
const incomeView = (r: IncomeRow): IncomeView => ({ id: r.id, memberId: r.member_id, kind: r.kind, subtype: r.subtype, amountFen: r.amount_fen, periodFrom: r.period_from, periodTo: r.period_to, source: r.source, counted: b(r.counted), note: r.note })
const assetView = (r: AssetRow): AssetView => ({ id: r.id, memberId: r.member_id, kind: r.kind, description: r.description, valueFen: r.value_fen, quantity: r.quantity, sizeClass: r.size_class, evidence: r.evidence, exempt: b(r.exempt), exemptReason: r.exempt_reason })
const obligorView = (r: ObligorRow): ObligorView => ({ id: r.id, name: r.name, idNumber: r.id_number, relation: r.relation, age: r.age, health: r.health, job: r.job, householdSize: r.household_size, monthlyIncomeFen: r.monthly_income_fen, supportPaidFen: r.support_paid_fen, waiver: b(r.waiver), waiverReason: r.waiver_reason, consent: b(r.consent) })

// ───────────────────────── validation ─────────────────────────

interface NormalizedMember { input: MemberInputT; idNumber: string; gender: 'male' | 'female'; birthDate: string; disabilityCategory: number | null; disabilityGrade: number | null }

function normalizeMember(m: MemberInputT, path: string, today: string): NormalizedMember {
  const chk = checkIdNumber(m.idNumber, today)
  if (!chk.ok) throw new AppError('VALIDATION', `${m.name || '成员'}的公民身份号码有误：${chk.error}`, { [`${path}.idNumber`]: chk.error })
  if (m.deathDate && m.deathDate > today) throw new AppError('VALIDATION', `${m.name}的死亡日期不能晚于今天`, { [`${path}.deathDate`]: '死亡日期不能晚于今天' })
  if (m.deathDate && m.deathDate < chk.birthDate) throw new AppError('VALIDATION', `${m.name}的死亡日期早于出生日期`, { [`${path}.deathDate`]: '死亡日期早于出生日期' })
  if (!RELATIONS.some((r) => r.code === m.relation)) throw new AppError('VALIDATION', `${m.name}的与户主关系代码 ${m.relation} 不在 GB/T 4761 代码表中`, { [`${path}.relation`]: '请选择与户主关系' })
  let disabilityCategory: number | null = null, disabilityGrade: number | null = null
  if (m.disabilityCert) {
    const d = checkDisabilityCert(m.disabilityCert, chk.normalized)
    if (!d.ok) throw new AppError('VALIDATION', `${m.name}的残疾人证号有误：${d.error}`, { [`${path}.disabilityCert`]: d.error })
    disabilityCategory = d.category; disabilityGrade = d.grade
  }
  return { input: m, idNumber: chk.normalized, gender: chk.gender, birthDate: chk.birthDate, disabilityCategory, disabilityGrade }
}

/** Exactly one head. `fieldOf(i)` names the form field of member i ('members.2.relation', or 'member.relation' in a one-member form). */
function checkHeads(members: Array<{ relation: string; name: string }>, fieldOf: (i: number) => string = (i) => `members.${i}.relation`): void {
  const heads = members.filter((m) => HEAD_RELATIONS.has(m.relation))
  if (heads.length === 0) throw new AppError('VALIDATION', '请指定户主：须有一名成员的与户主关系为“户主”或“本人”', { [fieldOf(0)]: '须有一名户主' })
  if (heads.length > 1) throw new AppError('VALIDATION', `只能有一名户主，现有 ${heads.map((h) => h.name).join('、')}`, { [fieldOf(members.indexOf(heads[1]!))]: '只能有一名户主' })
}
const singleMemberField = () => 'member.relation'

/** Refuses ID numbers already in another open household file, naming that household. */
async function assertNotElsewhere(tx: Tx, idNumbers: string[], ownHouseholdId: string | null, paths: Map<string, string>): Promise<void> {
  if (!idNumbers.length) return
  let q = tx.selectFrom('member').innerJoin('household', 'household.id', 'member.household_id').innerJoin('village', 'village.code', 'household.village_code')
    .select(['member.id_number', 'member.name', 'household.file_no', 'household.head_name', 'household.id as household_id', 'village.name as village_name'])
    .where('member.id_number', 'in', idNumbers).where('member.in_open_file', '=', 1)
  if (ownHouseholdId) q = q.where('member.household_id', '!=', ownHouseholdId)
  const hit = await q.executeTakeFirst()
  if (hit) {
    const msg = `公民身份号码 ${hit.id_number}（${hit.name}）已在${hit.village_name} 户主 ${hit.head_name} 的家庭档案（档案号 ${hit.file_no}）中登记。一个人只能属于一个在办档案；如确需转入本户，请在原档案中使用“迁移成员”。`
    throw new AppError('DUPLICATE_PERSON', msg, { [paths.get(hit.id_number) ?? 'idNumber']: `已在档案 ${hit.file_no}（户主 ${hit.head_name}）中` })
  }
}

/** The partial unique index is the last word; map its violation to the same Chinese message. */
async function guardUnique<T>(tx: Tx, ids: string[], own: string | null, fn: () => Promise<T>): Promise<T> {
  try { return await fn() } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String((e as Error).message).includes('member.id_number')) {
      await assertNotElsewhere(tx, ids, own, new Map())
      throw new AppError('DUPLICATE_PERSON', '同一公民身份号码在本户中重复登记，请删除重复的成员')
    }
    throw e
  }
}

/** The next value of a named counter (档案号 serial, household seq, case numbers), inside the write's transaction. */
export async function nextCounter(tx: Tx, name: string): Promise<number> {
  const row = await tx.insertInto('counter').values({ name, value: 1 }).onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('counter.value', '+', 1) }))).returning('value').executeTakeFirstOrThrow()
  return row.value
}

function memberRow(n: NormalizedMember, householdId: string, sortOrder: number, now: string): MemberRow {
  const m = n.input
  return {
    id: newId(), household_id: householdId, name: m.name, id_number: n.idNumber, id_tail: n.idNumber.slice(-6), gender: n.gender, birth_date: n.birthDate,
    ethnicity: m.ethnicity, relation: m.relation, marital: m.marital, hukou_type: m.hukouType, co_resident: m.coResident ? 1 : 0,
    not_counted_reason: m.notCountedReason, is_beneficiary: m.isBeneficiary ? 1 : 0, health: m.health, diagnosis: m.diagnosis,
    disability_cert: m.disabilityCert, disability_category: n.disabilityCategory, disability_grade: n.disabilityGrade, labour: m.labour,
    employment: m.employment, schooling: m.schooling, employer_school: m.employerSchool, public_payroll: m.publicPayroll ? 1 : 0, phone: m.phone,
    death_date: m.deathDate, in_open_file: 1, left_at: null, left_reason: null, sort_order: sortOrder, created_at: now, updated_at: now
  }
}

function householdFieldsRow(f: HouseholdFieldsT) {
  return {
    village_code: f.villageCode, group_name: f.groupName, address: f.address, hukou_address: f.hukouAddress, hukou_no: f.hukouNo, category: f.category, phone: f.phone,
    poverty_cause: f.povertyCause, registered_poor: f.registeredPoor ? 1 as const : 0 as const, relative_filing: f.relativeFiling ? 1 as const : 0 as const,
    housing_type: f.housingType, housing_area: f.housingArea, bank_name: f.bankName, bank_account: f.bankAccount, payee_name: f.payeeName, note: f.note
  }
}

async function requireVillage(tx: Tx | ReadCtx['db'], code: string): Promise<string> {
  const v = await tx.selectFrom('village').select(['name', 'active']).where('code', '=', code).executeTakeFirst()
  if (!v) throw new AppError('VALIDATION', `村（社区）代码 ${code} 未登记，请先由管理员在“村（社区）管理”中添加`, { villageCode: '该村（社区）未登记' })
  if (!v.active) throw new AppError('VALIDATION', `${v.name}已停用，不能登记新档案`, { villageCode: '该村（社区）已停用' })
  return v.name
}

/** Recomputes the denormalised head/member count and rebuilds the household's search keys. */
async function refreshHousehold(tx: Tx, householdId: string, now: string, bumpVersion = true): Promise<HouseholdRow> {
  const h = await tx.selectFrom('household').selectAll().where('id', '=', householdId).executeTakeFirstOrThrow()
  const members = await tx.selectFrom('member').select(['id', 'name', 'relation', 'id_number']).where('household_id', '=', householdId).where('left_at', 'is', null).orderBy('sort_order').execute()
  const head = members.find((m) => HEAD_RELATIONS.has(m.relation)) ?? members[0]
  const patch = {
    head_member_id: head?.id ?? null, head_name: head?.name ?? '', head_sort: head ? sortKey(head.name) : '', head_id_number: head?.id_number ?? '',
    member_count: members.length, updated_at: now, version: bumpVersion ? h.version + 1 : h.version
  }
  await tx.updateTable('household').set(patch).where('id', '=', householdId).execute()
  await tx.deleteFrom('search_key').where('hh_seq', '=', h.seq).execute()
  await writeSearchKeys(tx, h.seq, members.map((m) => m.name), OPEN_STATUSES.includes(h.status))
  return { ...h, ...patch }
}

/** The household's name keys (all current members), flagged open while its file is open. */
async function writeSearchKeys(tx: Tx, seq: number, names: string[], open: boolean): Promise<void> {
  const keys = [...new Set(names.flatMap((n) => nameSearchKeys(n)))]
  for (let i = 0; i < keys.length; i += 300) {
    await tx.insertInto('search_key').values(keys.slice(i, i + 300).map((k) => ({ k, hh_seq: seq, open: open ? 1 as const : 0 as const }))).execute()
  }
}

async function loadHousehold(tx: Tx | ReadCtx['db'], id: string): Promise<HouseholdRow> {
  const h = await tx.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst()
  if (!h) throw new AppError('NOT_FOUND', '找不到该家庭档案（可能已被删除或编号有误）')
  return h
}
function assertOpen(h: HouseholdRow): void {
  if (!OPEN_STATUSES.includes(h.status)) throw new AppError('CONFLICT', `档案 ${h.file_no} 已${h.status === 'stopped' ? '停保' : '归档'}，不能修改；如需恢复请走“恢复”程序`)
}
function assertVersion(h: HouseholdRow, version: number | undefined): void {
  if (version !== undefined && version !== h.version) throw new AppError('STALE', `档案 ${h.file_no} 已被其他人修改（版本 ${h.version}），请刷新后再保存，避免覆盖他人的修改`)
}

const memberAudit = (m: MemberRow) => ({ name: m.name, idNumber: m.id_number, relation: m.relation, ethnicity: m.ethnicity, marital: m.marital, hukouType: m.hukou_type, coResident: !!m.co_resident, notCountedReason: m.not_counted_reason, isBeneficiary: !!m.is_beneficiary, health: m.health, diagnosis: m.diagnosis, disabilityCert: m.disability_cert, labour: m.labour, employment: m.employment, schooling: m.schooling, employerSchool: m.employer_school, publicPayroll: !!m.public_payroll, phone: m.phone, deathDate: m.death_date })
const householdAudit = (h: Pick<HouseholdRow, 'village_code' | 'group_name' | 'address' | 'hukou_address' | 'hukou_no' | 'category' | 'phone' | 'poverty_cause' | 'registered_poor' | 'relative_filing' | 'housing_type' | 'housing_area' | 'bank_name' | 'bank_account' | 'payee_name' | 'note'>) => ({
  villageCode: h.village_code, groupName: h.group_name, address: h.address, hukouAddress: h.hukou_address, hukouNo: h.hukou_no, category: h.category, phone: h.phone,
  povertyCause: h.poverty_cause, registeredPoor: !!h.registered_poor, relativeFiling: !!h.relative_filing, housingType: h.housing_type,
  housingArea: h.housing_area, bankName: h.bank_name, bankAccount: h.bank_account, payeeName: h.payee_name, note: h.note
})

function resolveMemberRef(ref: { memberId: string | null; memberIdNumber: string | null }, byId: Map<string, string>, members: Set<string>, path: string): string | null {
  if (ref.memberId) { if (!members.has(ref.memberId)) throw new AppError('VALIDATION', '所选成员不属于本户', { [path]: '所选成员不属于本户' }); return ref.memberId }
  if (ref.memberIdNumber) {
    const id = byId.get(ref.memberIdNumber)
    if (!id) throw new AppError('VALIDATION', `身份证号 ${ref.memberIdNumber} 不是本户成员`, { [path]: '不是本户成员' })
    return id
  }
  return null
}

function incomeRow(i: IncomeInputT, householdId: string, memberId: string | null, now: string, id = newId(), path = 'income'): IncomeRow {
  if (i.periodFrom && i.periodTo && i.periodTo < i.periodFrom) throw new AppError('VALIDATION', '收入截止月份早于起始月份', { [`${path}.periodTo`]: '截止月份早于起始月份' })
  return { id, household_id: householdId, member_id: memberId, kind: i.kind, subtype: i.subtype, amount_fen: i.amountFen, period_from: i.periodFrom, period_to: i.periodTo, source: i.source, counted: i.counted ? 1 : 0, note: i.note, removed_at: null, created_at: now, updated_at: now }
}
function assetRow(a: AssetInputT, householdId: string, memberId: string | null, now: string, id = newId()): AssetRow {
  return { id, household_id: householdId, member_id: memberId, kind: a.kind, description: a.description, value_fen: a.valueFen, quantity: a.quantity, size_class: a.sizeClass, evidence: a.evidence, exempt: a.exempt ? 1 : 0, exempt_reason: a.exemptReason, removed_at: null, created_at: now, updated_at: now }
}
function obligorRow(o: ObligorInputT, householdId: string, now: string, id = newId()): ObligorRow {
  return { id, household_id: householdId, name: o.name, id_number: o.idNumber, relation: o.relation, age: o.age, health: o.health, job: o.job, household_size: o.householdSize, monthly_income_fen: o.monthlyIncomeFen, support_paid_fen: o.supportPaidFen, waiver: o.waiver ? 1 : 0, waiver_reason: o.waiverReason, consent: o.consent ? 1 : 0, removed_at: null, created_at: now, updated_at: now }
}

// ───────────────────────── create / read ─────────────────────────

/** Inserts a household inside an open write (used by create and by `dibao demo` batches). */
export async function insertHousehold(w: WriteCtx, input: HouseholdCreateInputT): Promise<{ id: string; fileNo: string }> {
  const township = await requireTownship(w)
  const villageName = await requireVillage(w.tx, input.villageCode)
  if (!input.villageCode.startsWith(township.code)) throw new AppError('VALIDATION', '该村（社区）不属于本乡镇', { villageCode: '不属于本乡镇' })
  const normalized = input.members.map((m, i) => normalizeMember(m, `members.${i}`, w.today))
  checkHeads(input.members)
  const paths = new Map<string, string>()
  normalized.forEach((n, i) => {
    const seen = paths.get(n.idNumber)
    if (seen) throw new AppError('VALIDATION', `公民身份号码 ${n.idNumber} 在本户中重复登记（${n.input.name}）`, { [`members.${i}.idNumber`]: '与本户其他成员重复' })
    paths.set(n.idNumber, `members.${i}.idNumber`)
  })
  const ids = normalized.map((n) => n.idNumber)
  await assertNotElsewhere(w.tx, ids, null, paths)

  const id = newId()
  const seq = await nextCounter(w.tx, 'household_seq')
  const serial = await nextCounter(w.tx, 'file_no')
  const fileNo = `${township.code}${String(serial).padStart(6, '0')}`
  const status: HouseholdStatus = input.legacyImport ? 'active' : 'applying'
  const headIdx = input.members.findIndex((m) => HEAD_RELATIONS.has(m.relation))
  const order = [headIdx, ...normalized.map((_, i) => i).filter((i) => i !== headIdx)]
  const rows = order.map((idx, pos) => memberRow(normalized[idx]!, id, pos, w.now))
  const byIdNumber = new Map(rows.map((r) => [r.id_number, r.id]))
  const applicant = input.applicantIdNumber ? byIdNumber.get(input.applicantIdNumber) : rows[0]!.id
  if (input.applicantIdNumber && !applicant) throw new AppError('VALIDATION', `申请人身份证号 ${input.applicantIdNumber} 不是本户成员`, { applicantIdNumber: '申请人须是本户共同生活的成员' })
  const head = rows[0]!
  await w.tx.insertInto('household').values({
    id, seq, file_no: fileNo, ...householdFieldsRow(input), status, legacy_import: input.legacyImport ? 1 : 0, head_member_id: head.id,
    applicant_member_id: applicant ?? head.id, head_name: head.name, head_sort: sortKey(head.name), head_id_number: head.id_number, member_count: rows.length,
    status_reason: input.legacyImport ? '历史档案导入，待复核' : null, status_changed_at: w.now, version: 1, created_at: w.now, updated_at: w.now,
    // 历史档案导入 (domain.md §3.4): paid as before, queued for re-check (due today unless the old file gives a date)
    ...(input.legacyImport ? {
      benefit_fen: input.legacyBenefitFen, benefit_from: input.legacyBenefitFrom, benefit_persons: input.legacyBenefitFen === null ? null : input.members.filter((m) => m.coResident && m.isBeneficiary && !m.notCountedReason).length,
      income_basis_fen: input.incomes.filter((i) => i.counted).reduce((s, i) => s + i.amountFen, 0), recheck_class: input.recheckClass, next_recheck_due: input.nextRecheckDue ?? w.today,
    } : {})
  }).execute()
  await guardUnique(w.tx, ids, id, () => w.tx.insertInto('member').values(rows).execute())
  const memberIds = new Set(rows.map((r) => r.id))
  const incomes = input.incomes.map((inc, i) => incomeRow(inc, id, resolveMemberRef(inc, byIdNumber, memberIds, `incomes.${i}.memberIdNumber`), w.now, undefined, `incomes.${i}`))
  const assets = input.assets.map((a, i) => assetRow(a, id, resolveMemberRef(a, byIdNumber, memberIds, `assets.${i}.memberIdNumber`), w.now))
  const obligors = input.obligors.map((o) => obligorRow(o, id, w.now))
  if (incomes.length) await w.tx.insertInto('income').values(incomes).execute()
  if (assets.length) await w.tx.insertInto('asset').values(assets).execute()
  if (obligors.length) await w.tx.insertInto('obligor').values(obligors).execute()
  await writeSearchKeys(w.tx, seq, rows.map((r) => r.name), true)
  await w.audit({
    action: 'household.create', entity: 'household', entityId: id, householdId: id,
    summary: `新建家庭档案 ${fileNo}：${villageName}${input.groupName ?? ''} 户主 ${head.name}，${rows.length}人${input.legacyImport ? '（历史档案导入）' : ''}`,
    after: { fileNo, status, ...householdAudit(householdFieldsRow(input) as never), members: rows.map(memberAudit), incomes: incomes.length, assets: assets.length, obligors: obligors.length }
  })
  return { id, fileNo }
}

export async function createHousehold(core: Core, actor: Actor, input: HouseholdCreateInputT): Promise<{ id: string; fileNo: string }> {
  return withWrite(core, actor, (w) => insertHousehold(w, input))
}

/** The name of a member of the file, current or former (records name members who may since have left). */
export function memberName(f: HouseholdFile, id: string | null | undefined): string | null {
  if (!id) return null
  return (f.members.find((m) => m.id === id) ?? f.formerMembers.find((m) => m.id === id))?.name ?? null
}

export async function getHousehold(ctx: ReadCtx, id: string): Promise<HouseholdFile> {
  const h = await loadHousehold(ctx.db, id)
  const village = await ctx.db.selectFrom('village').select('name').where('code', '=', h.village_code).executeTakeFirst()
  const [members, incomes, assets, obligors, attachments] = await Promise.all([
    ctx.db.selectFrom('member').selectAll().where('household_id', '=', id).orderBy('sort_order').execute(),
    ctx.db.selectFrom('income').selectAll().where('household_id', '=', id).where('removed_at', 'is', null).orderBy('created_at').execute(),
    ctx.db.selectFrom('asset').selectAll().where('household_id', '=', id).where('removed_at', 'is', null).orderBy('created_at').execute(),
    ctx.db.selectFrom('obligor').selectAll().where('household_id', '=', id).where('removed_at', 'is', null).orderBy('created_at').execute(),
    ctx.db.selectFrom('attachment').selectAll().where('household_id', '=', id).where('removed_at', 'is', null).orderBy('created_at').execute()
  ])
  const current = members.filter((m) => !m.left_at)
  const incomeViews = incomes.map(incomeView)
  const assetViews = assets.map(assetView)
  return {
    household: householdView(h, village?.name ?? h.village_code),
    members: current.map((m) => memberView(m, ctx.today)),
    formerMembers: members.filter((m) => m.left_at).map((m) => ({ ...memberView(m, ctx.today), active: false })),
    incomes: incomeViews, assets: assetViews, obligors: obligors.map(obligorView),
    attachments: attachments.map((a) => ({ id: a.id, memberId: a.member_id, sm3: a.sm3, originalName: a.original_name, mime: a.mime, size: a.size, docKind: a.doc_kind, note: a.note, createdBy: a.created_by, createdAt: a.created_at })),
    totals: {
      monthlyIncomeFen: incomeViews.reduce((s, i) => s + i.amountFen, 0),
      countedIncomeFen: incomeViews.filter((i) => i.counted).reduce((s, i) => s + i.amountFen, 0),
      assetValueFen: assetViews.reduce((s, a) => s + a.valueFen, 0),
      beneficiaries: current.filter((m) => m.is_beneficiary && m.co_resident).length
    }
  }
}

// ───────────────────────── household edits ─────────────────────────

export async function updateHousehold(core: Core, actor: Actor, input: HouseholdFieldsT & { id: string; version: number; applicantMemberId?: string | null }): Promise<HouseholdView> {
  return withWrite(core, actor, async (w) => {
    const h = await loadHousehold(w.tx, input.id)
    assertOpen(h); assertVersion(h, input.version)
    const villageName = await requireVillage(w.tx, input.villageCode)
    const next = householdFieldsRow(input)
    const before = householdAudit(h), after = householdAudit(next)
    let applicant = h.applicant_member_id
    if (input.applicantMemberId !== undefined && input.applicantMemberId !== h.applicant_member_id) {
      const m = input.applicantMemberId ? await w.tx.selectFrom('member').select(['id', 'co_resident']).where('id', '=', input.applicantMemberId).where('household_id', '=', h.id).where('left_at', 'is', null).executeTakeFirst() : null
      if (!m || !m.co_resident) throw new AppError('VALIDATION', '申请人须是本户共同生活的成员', { applicantMemberId: '申请人须是本户共同生活的成员' })
      applicant = m.id
    }
    await w.tx.updateTable('household').set({ ...next, applicant_member_id: applicant, version: h.version + 1, updated_at: w.now }).where('id', '=', h.id).execute()
    await w.audit({ action: 'household.update', entity: 'household', entityId: h.id, householdId: h.id, summary: `修改家庭档案 ${h.file_no} 基本信息`, before: { ...before, applicantMemberId: h.applicant_member_id }, after: { ...after, applicantMemberId: applicant } })
    return householdView({ ...h, ...next, applicant_member_id: applicant, version: h.version + 1, updated_at: w.now }, villageName)
  })
}

export async function deactivateHousehold(core: Core, actor: Actor, input: { id: string; version?: number; status: 'stopped' | 'archived'; reason: string }): Promise<HouseholdView> {
  return withWrite(core, actor, async (w) => {
    const h = await loadHousehold(w.tx, input.id)
    assertOpen(h); assertVersion(h, input.version)
    if (!input.reason.trim()) throw new AppError('VALIDATION', '请写明注销（停保/归档）原因', { reason: '请写明原因' })
    await closeFileIndexes(w.tx, h, w.now)
    await w.tx.updateTable('household').set({ status: input.status, status_reason: input.reason, status_changed_at: w.now, version: h.version + 1, updated_at: w.now }).where('id', '=', h.id).execute()
    const label = input.status === 'stopped' ? '停保' : '归档'
    await w.audit({ action: 'household.deactivate', entity: 'household', entityId: h.id, householdId: h.id, summary: `档案 ${h.file_no}（户主 ${h.head_name}）${label}：${input.reason}`, before: { status: h.status }, after: { status: input.status, statusReason: input.reason } })
    const village = await w.tx.selectFrom('village').select('name').where('code', '=', h.village_code).executeTakeFirst()
    return householdView({ ...h, status: input.status, status_reason: input.reason, status_changed_at: w.now, version: h.version + 1, updated_at: w.now }, village?.name ?? '')
  })
}

/**
 * A file leaving the open statuses (停保, 归档): its members no longer hold the one-open-file slot of their ID
 * number, and search stops listing it as 在办. The caller sets the household's own status in the same transaction.
 */
export async function closeFileIndexes(tx: Tx, h: { id: string; seq: number }, now: string): Promise<void> {
  await tx.updateTable('member').set({ in_open_file: 0, updated_at: now }).where('household_id', '=', h.id).execute()
  await tx.updateTable('search_key').set({ open: 0 }).where('hh_seq', '=', h.seq).execute()
}

// ───────────────────────── members ─────────────────────────

async function currentMembers(tx: Tx, householdId: string) {
  return tx.selectFrom('member').selectAll().where('household_id', '=', householdId).where('left_at', 'is', null).orderBy('sort_order').execute()
}

export async function addMember(core: Core, actor: Actor, input: { householdId: string; version?: number; member: MemberInputT }): Promise<MemberView> {
  return withWrite(core, actor, async (w) => {
    const h = await loadHousehold(w.tx, input.householdId)
    assertOpen(h); assertVersion(h, input.version)
    const n = normalizeMember(input.member, 'member', w.today)
    const existing = await currentMembers(w.tx, h.id)
    if (existing.some((m) => m.id_number === n.idNumber)) throw new AppError('VALIDATION', `公民身份号码 ${n.idNumber} 已是本户成员`, { 'member.idNumber': '已是本户成员' })
    checkHeads([...existing.map((m) => ({ relation: m.relation, name: m.name })), { relation: n.input.relation, name: n.input.name }], singleMemberField)
    await assertNotElsewhere(w.tx, [n.idNumber], h.id, new Map([[n.idNumber, 'member.idNumber']]))
    const row = memberRow(n, h.id, existing.length ? Math.max(...existing.map((m) => m.sort_order)) + 1 : 0, w.now)
    await guardUnique(w.tx, [n.idNumber], h.id, () => w.tx.insertInto('member').values(row).execute())
    await refreshHousehold(w.tx, h.id, w.now)
    await w.audit({ action: 'member.add', entity: 'member', entityId: row.id, householdId: h.id, summary: `档案 ${h.file_no} 增加成员 ${row.name}（${codeName(RELATIONS, row.relation)}）`, after: memberAudit(row) })
    return memberView(row, w.today)
  })
}

export async function updateMember(core: Core, actor: Actor, input: { id: string; version?: number; member: MemberInputT }): Promise<MemberView> {
  return withWrite(core, actor, async (w) => {
    const m = await w.tx.selectFrom('member').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!m || m.left_at) throw new AppError('NOT_FOUND', '找不到该成员，或该成员已迁出')
    const h = await loadHousehold(w.tx, m.household_id)
    assertOpen(h); assertVersion(h, input.version)
    const n = normalizeMember(input.member, 'member', w.today)
    const others = (await currentMembers(w.tx, h.id)).filter((x) => x.id !== m.id)
    if (others.some((x) => x.id_number === n.idNumber)) throw new AppError('VALIDATION', `公民身份号码 ${n.idNumber} 与本户其他成员重复`, { 'member.idNumber': '与本户其他成员重复' })
    checkHeads([...others.map((x) => ({ relation: x.relation, name: x.name })), { relation: n.input.relation, name: n.input.name }], singleMemberField)
    if (n.idNumber !== m.id_number) await assertNotElsewhere(w.tx, [n.idNumber], h.id, new Map([[n.idNumber, 'member.idNumber']]))
    const fresh = memberRow(n, h.id, m.sort_order, w.now)
    const { id: _id, created_at: _c, in_open_file: _o, ...patch } = fresh
    await guardUnique(w.tx, [n.idNumber], h.id, () => w.tx.updateTable('member').set({ ...patch, in_open_file: m.in_open_file }).where('id', '=', m.id).execute())
    await refreshHousehold(w.tx, h.id, w.now)
    const before = memberAudit(m), after = memberAudit({ ...m, ...patch })
    await w.audit({ action: 'member.update', entity: 'member', entityId: m.id, householdId: h.id, summary: `档案 ${h.file_no} 修改成员 ${m.name}${m.name !== fresh.name ? ` → ${fresh.name}` : ''} 的信息`, before, after })
    return memberView({ ...m, ...patch }, w.today)
  })
}

export async function removeMember(core: Core, actor: Actor, input: { id: string; version?: number; reason: string; deathDate?: string | null }): Promise<void> {
  await withWrite(core, actor, async (w) => {
    const m = await w.tx.selectFrom('member').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!m || m.left_at) throw new AppError('NOT_FOUND', '找不到该成员，或该成员已迁出')
    const h = await loadHousehold(w.tx, m.household_id)
    assertOpen(h); assertVersion(h, input.version)
    if (!input.reason.trim()) throw new AppError('VALIDATION', '请写明减少成员的原因（如死亡、迁出、婚嫁）', { reason: '请写明原因' })
    if (HEAD_RELATIONS.has(m.relation)) throw new AppError('VALIDATION', `${m.name}是户主，不能直接减少；请先把另一名成员的关系改为“户主”`)
    if (input.deathDate && input.deathDate > w.today) throw new AppError('VALIDATION', '死亡日期不能晚于今天', { deathDate: '死亡日期不能晚于今天' })
    await w.tx.updateTable('member').set({ left_at: w.now, left_reason: input.reason, in_open_file: 0, death_date: input.deathDate ?? m.death_date, updated_at: w.now }).where('id', '=', m.id).execute()
    await refreshHousehold(w.tx, h.id, w.now)
    const triggered = (await memberLeftTrigger(w, h.id, m.name, input.deathDate ?? null, input.reason)) ?? ''
    await w.audit({ action: 'member.remove', entity: 'member', entityId: m.id, householdId: h.id, summary: `档案 ${h.file_no} 减少成员 ${m.name}：${input.reason}${triggered}`, before: { ...memberAudit(m), active: true }, after: { ...memberAudit(m), active: false, leftReason: input.reason, deathDate: input.deathDate ?? m.death_date } })
  })
}

/** Moves a member into another open household file: the old membership is closed, a new one opened, in one transaction. */
export async function moveMember(core: Core, actor: Actor, input: { id: string; toHouseholdId: string; relation: string; reason: string }): Promise<MemberView> {
  return withWrite(core, actor, async (w) => {
    const m = await w.tx.selectFrom('member').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!m || m.left_at) throw new AppError('NOT_FOUND', '找不到该成员，或该成员已迁出')
    const from = await loadHousehold(w.tx, m.household_id)
    const to = await loadHousehold(w.tx, input.toHouseholdId)
    assertOpen(from); assertOpen(to)
    if (from.id === to.id) throw new AppError('VALIDATION', '迁入档案与原档案相同')
    if (!input.reason.trim()) throw new AppError('VALIDATION', '请写明迁移原因', { reason: '请写明原因' })
    if (HEAD_RELATIONS.has(m.relation)) throw new AppError('VALIDATION', `${m.name}是原档案的户主，不能迁出；请先指定新的户主`)
    if (!RELATIONS.some((r) => r.code === input.relation)) throw new AppError('VALIDATION', '请选择在新家庭中的与户主关系', { relation: '请选择与户主关系' })
    const toMembers = await currentMembers(w.tx, to.id)
    checkHeads([...toMembers.map((x) => ({ relation: x.relation, name: x.name })), { relation: input.relation, name: m.name }], () => 'relation')
    await w.tx.updateTable('member').set({ left_at: w.now, left_reason: `迁至档案 ${to.file_no}（户主 ${to.head_name}）：${input.reason}`, in_open_file: 0, updated_at: w.now }).where('id', '=', m.id).execute()
    const row: MemberRow = { ...m, id: newId(), household_id: to.id, relation: input.relation, in_open_file: 1, left_at: null, left_reason: null, sort_order: toMembers.length ? Math.max(...toMembers.map((x) => x.sort_order)) + 1 : 0, created_at: w.now, updated_at: w.now }
    await guardUnique(w.tx, [m.id_number], to.id, () => w.tx.insertInto('member').values(row).execute())
    await refreshHousehold(w.tx, from.id, w.now)
    await refreshHousehold(w.tx, to.id, w.now)
    const triggered = (await memberLeftTrigger(w, from.id, m.name, null, `迁至档案 ${to.file_no}`)) ?? ''
    const summary = `成员 ${m.name} 由档案 ${from.file_no}（户主 ${from.head_name}）迁入档案 ${to.file_no}（户主 ${to.head_name}）：${input.reason}${triggered}`
    await w.audit({ action: 'member.moveOut', entity: 'member', entityId: m.id, householdId: from.id, summary, before: { householdId: from.id, relation: m.relation }, after: { householdId: to.id, relation: input.relation, newMemberId: row.id } })
    await w.audit({ action: 'member.moveIn', entity: 'member', entityId: row.id, householdId: to.id, summary, before: { householdId: from.id, memberId: m.id }, after: { householdId: to.id, relation: input.relation } })
    return memberView(row, w.today)
  })
}

// ───────────────────────── incomes, assets, obligors ─────────────────────────

async function memberMaps(tx: Tx, householdId: string) {
  const ms = await currentMembers(tx, householdId)
  return { byIdNumber: new Map(ms.map((m) => [m.id_number, m.id])), ids: new Set(ms.map((m) => m.id)), names: new Map(ms.map((m) => [m.id, m.name])) }
}

type ChildKind = 'income' | 'asset' | 'obligor'
const CHILD_LABEL: Record<ChildKind, string> = { income: '收入', asset: '财产', obligor: '赡养（抚养、扶养）义务人' }

/**
 * The shared save path of incomes, assets and obligors: open household, the row to replace (if any)
 * must belong to it, insert or update, bump the household version, one audit event.
 */
async function saveChild<K extends ChildKind, R extends { id: string; created_at: string }, V>(
  core: Core, actor: Actor, kind: K, householdId: string, id: string | null | undefined,
  build: (w: WriteCtx, h: HouseholdRow, rowId: string | undefined) => Promise<R>, view: (r: R) => V, describe: (r: R) => string
): Promise<V> {
  return withWrite(core, actor, async (w) => {
    const h = await loadHousehold(w.tx, householdId); assertOpen(h)
    const table = kind as 'income' // the three tables share id, household_id, removed_at, created_at
    const prev = id ? await w.tx.selectFrom(table).selectAll().where('id', '=', id).where('household_id', '=', h.id).where('removed_at', 'is', null).executeTakeFirst() as R | undefined : undefined
    if (id && !prev) throw new AppError('NOT_FOUND', `找不到要修改的${CHILD_LABEL[kind]}记录`)
    const row = await build(w, h, prev?.id)
    if (prev) await w.tx.updateTable(table).set({ ...row, created_at: prev.created_at } as never).where('id', '=', prev.id).execute()
    else await w.tx.insertInto(table).values(row as never).execute()
    await touch(w, h)
    await w.audit({ action: `${kind}.${prev ? 'update' : 'add'}`, entity: kind, entityId: row.id, householdId: h.id, summary: `档案 ${h.file_no} ${prev ? '修改' : '登记'}${CHILD_LABEL[kind]}：${describe(row)}`, before: prev ? view(prev) : undefined, after: view(row) })
    return view(row)
  })
}

export async function saveIncome(core: Core, actor: Actor, input: { householdId: string; id?: string | null; income: IncomeInputT }): Promise<IncomeView> {
  let who = ''
  return saveChild(core, actor, 'income', input.householdId, input.id, async (w, h, rowId) => {
    const mm = await memberMaps(w.tx, h.id)
    const memberId = resolveMemberRef(input.income, mm.byIdNumber, mm.ids, 'income.memberId')
    who = memberId ? `${mm.names.get(memberId)} ` : ''
    return incomeRow(input.income, h.id, memberId, w.now, rowId)
  }, incomeView, (r) => `${who}${r.subtype ?? ''}${(r.amount_fen / 100).toFixed(2)}元/月`)
}

export async function saveAsset(core: Core, actor: Actor, input: { householdId: string; id?: string | null; asset: AssetInputT }): Promise<AssetView> {
  return saveChild(core, actor, 'asset', input.householdId, input.id, async (w, h, rowId) => {
    const mm = await memberMaps(w.tx, h.id)
    return assetRow(input.asset, h.id, resolveMemberRef(input.asset, mm.byIdNumber, mm.ids, 'asset.memberId'), w.now, rowId)
  }, assetView, (r) => r.description)
}

export async function saveObligor(core: Core, actor: Actor, input: { householdId: string; id?: string | null; obligor: ObligorInputT }): Promise<ObligorView> {
  return saveChild(core, actor, 'obligor', input.householdId, input.id, async (w, h, rowId) => {
    let idNumber = input.obligor.idNumber
    if (idNumber) {
      const chk = checkIdNumber(idNumber, w.today)
      if (!chk.ok) throw new AppError('VALIDATION', `义务人 ${input.obligor.name} 的公民身份号码有误：${chk.error}`, { 'obligor.idNumber': chk.error })
      idNumber = chk.normalized
    }
    return obligorRow({ ...input.obligor, idNumber }, h.id, w.now, rowId)
  }, obligorView, (r) => r.name)
}

/** Soft-removes an income, asset or obligor row (case data is never hard-deleted). */
export async function removeChild(core: Core, actor: Actor, input: { kind: ChildKind; id: string; reason: string }): Promise<void> {
  await withWrite(core, actor, async (w) => {
    if (!input.reason.trim()) throw new AppError('VALIDATION', '请写明删除原因', { reason: '请写明原因' })
    const table = input.kind
    const row = await w.tx.selectFrom(table).selectAll().where('id', '=', input.id).where('removed_at', 'is', null).executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', `找不到该${CHILD_LABEL[input.kind]}记录`)
    const h = await loadHousehold(w.tx, row.household_id); assertOpen(h)
    await w.tx.updateTable(table).set({ removed_at: w.now, updated_at: w.now }).where('id', '=', input.id).execute()
    await touch(w, h)
    const r = row as Partial<AssetRow & ObligorRow & IncomeRow>
    const desc = input.kind === 'asset' ? r.description : input.kind === 'obligor' ? r.name : `${r.subtype ?? ''}${((r.amount_fen ?? 0) / 100).toFixed(2)}元/月`
    await w.audit({ action: `${input.kind}.remove`, entity: input.kind, entityId: input.id, householdId: h.id, summary: `档案 ${h.file_no} 删除${CHILD_LABEL[input.kind]}：${desc}（原因：${input.reason}）`, before: { removed: false }, after: { removed: true, reason: input.reason } })
  })
}

async function touch(w: WriteCtx, h: HouseholdRow): Promise<void> {
  await w.tx.updateTable('household').set({ version: h.version + 1, updated_at: w.now }).where('id', '=', h.id).execute()
}
