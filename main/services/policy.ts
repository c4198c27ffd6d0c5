// Policy is data (design.md §1.4): parameters with effective dates, and the holiday calendar.
import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { buildCalendar, type Calendar, type HolidayRow } from '../domain/workdays'
import type { ReadCtx } from './context'
import { newId } from './ids'
import { readResourceJson } from './resources'
import { z } from 'zod'
import { AppError } from '../api/errors'
import { withWrite, type Actor, type Core } from './context'
import { EXCLUSION_ITEMS } from '../domain/exclusionItems'
import { LIVING_TEST_CODES } from '../domain/visitChecks'
import { TEMPLATES, TEMPLATE_KEYS, unknownPlaceholders, type TemplateKey } from '../domain/templates'
import type { TemplateView } from '../api/types'


interface DefaultParam { key: string; areaScope: string; value: unknown; effectiveFrom: string; effectiveTo?: string; sourceNote: string }
interface DefaultHoliday extends HolidayRow { source: string }

/** Loads resources/policy defaults into a new database (inside the init transaction). */
export async function loadPolicyDefaults(tx: Transaction<Database>, now: string): Promise<{ params: number; holidays: number }> {
  const params = readResourceJson<DefaultParam[]>('policy', 'params.json')
  const holidays = readResourceJson<DefaultHoliday[]>('policy', 'holidays.json')
  for (const p of params) {
    await tx.insertInto('policy_param').values({
      id: newId(), key: p.key, area_scope: p.areaScope, value_json: JSON.stringify(p.value), effective_from: p.effectiveFrom,
      effective_to: p.effectiveTo ?? null, source_note: p.sourceNote, created_at: now
    }).execute()
  }
  for (let i = 0; i < holidays.length; i += 200) {
    await tx.insertInto('holiday').values(holidays.slice(i, i + 200).map((h) => ({ date: h.date, kind: h.kind, name: h.name, source: h.source }))).execute()
  }
  return { params: params.length, holidays: holidays.length }
}

/** The parameter in force on date D for area A: the most specific area scope, then the latest effective_from ≤ D. */
export async function paramInForce<T>(ctx: ReadCtx, key: string, date: string, area = '*'): Promise<T | undefined> {
  const row = await paramRowInForce(ctx, key, date, area)
  return row ? (JSON.parse(row.value_json) as T) : undefined
}

/** A parameter in force today-or-`date` for this township (the administrator's rows carry the township's code). */
export async function townParam<T>(ctx: ReadCtx, key: string, date: string = ctx.today): Promise<T | undefined> {
  const t = await ctx.db.selectFrom('township').select('code').executeTakeFirst()
  return paramInForce<T>(ctx, key, date, t?.code ?? '*')
}

/** The row behind paramInForce (for callers that show its source and effective date). */
export async function paramRowInForce(ctx: ReadCtx, key: string, date: string, area = '*') {
  const rows = await ctx.db.selectFrom('policy_param').selectAll().where('key', '=', key).where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)])).execute()
  const applicable = rows.filter((r) => r.area_scope === '*' || area.startsWith(r.area_scope))
  applicable.sort((a, b) => (b.area_scope === '*' ? 0 : b.area_scope.length) - (a.area_scope === '*' ? 0 : a.area_scope.length) || b.effective_from.localeCompare(a.effective_from))
  return applicable[0]
}

export async function listParams(ctx: ReadCtx) {
  const rows = await ctx.db.selectFrom('policy_param').selectAll().orderBy('key').orderBy('effective_from').execute()
  return rows.map((r) => ({ id: r.id, key: r.key, areaScope: r.area_scope, value: JSON.parse(r.value_json) as unknown, effectiveFrom: r.effective_from, effectiveTo: r.effective_to, sourceNote: r.source_note }))
}

export async function calendar(ctx: ReadCtx): Promise<Calendar> {
  const rows = await ctx.db.selectFrom('holiday').selectAll().execute()
  return buildCalendar(rows)
}

export async function listHolidays(ctx: ReadCtx, year?: number) {
  let q = ctx.db.selectFrom('holiday').selectAll().orderBy('date')
  if (year) q = q.where('date', 'like', `${year}-%`)
  return q.execute()
}

// ───────────── parameters the administrator may enter (dated rows with their source; never overwritten) ─────────────

const fenLimit = z.number().int().min(0)
/** {X1: {enabled: true|false}, …} over a fixed list of codes */
const toggles = (codes: readonly string[]) => z.record(z.string(), z.object({ enabled: z.boolean() })).refine((v) => Object.keys(v).every((k) => codes.includes(k)), '含有未知的项目')
/** Keys an administrator may add a dated row for, with the value's shape and a Chinese label. */
/** `county: true` marks a key a county install (县级安装) sets; every other key belongs to a township install. */
export const EDITABLE_PARAMS: Record<string, { label: string; schema: z.ZodType; county?: true }> = {
  'countySample.rate': { label: '县级随机抽查比例', schema: z.number({ error: '请填写比例' }).min(0.3, '不得低于 30%（民发〔2012〕220号试行第二十六条）').max(1, '不能超过 100%'), county: true },
  'procedure.variant': { label: '审核确认程序', schema: z.enum(['national', 'legacy2012', 'nineSteps', 'fourGates']) },
  'procedure.decisionLevel': { label: '新申请审核确认层级（县级/乡镇）', schema: z.enum(['county', 'township']) },
  'procedure.changeDecisionLevel': { label: '变更、停发决定层级', schema: z.enum(['county', 'township']) },
  'acceptance.deemedIfNoNotice': { label: '未出具一次性告知书的自收到申请之日起视为受理', schema: z.boolean() },
  'acceptance.lapseDays': { label: '逾期未补正视为撤回的天数（补正期限后）', schema: z.number().int().min(1).max(365) },
  'check.objectionWD': { label: '对核对结果提出异议的期限（工作日）', schema: z.number().int().min(1).max(30) },
  'notice.duration': { label: '公示期', schema: z.object({ days: z.number().int().min(1).max(30), unit: z.enum(['calendar', 'workdays']) }) },
  'notice.shiftEndToWorkday': { label: '公示期末日遇节假日顺延', schema: z.boolean() },
  'review.mode': { label: '民主评议方式', schema: z.enum(['onObjection', 'optional', 'always']) },
  'review.representativeShare': { label: '评议代表比例', schema: z.number().min(0).max(1) },
  'review.quorum': { label: '评议最少人数', schema: z.number().int().min(1) },
  'investigation.requireCheck': { label: '初审前须有核对报告', schema: z.boolean() },
  'recheck.intervalMonths': { label: '复核周期（月）', schema: z.object({ A: z.number().int().min(1), B: z.number().int().min(1), C: z.number().int().min(1) }) },
  'recheck.materialChange': { label: '复核“维持”的金额变化界限（基点，500 = 5%）', schema: z.number().int().min(0).max(10000) },
  'recheck.leadDays': { label: '复核提前提醒天数', schema: z.number().int().min(0).max(180) },
  'benefit.rounding': { label: '保障金取整方式', schema: z.enum(['fenHalfUp', 'jiaoHalfUp', 'jiaoUp', 'jiaoDown', 'yuanHalfUp', 'yuanUp', 'yuanDown']) },
  'benefit.floorShareBp': { label: '保底比例（基点）', schema: z.number().int().min(0).max(10000) },
  'benefit.supplements': { label: '分类施保（每人每月加发，分）', schema: z.object({ elderlyAge: z.number().int().min(50).max(100).optional(), elderlyFen: z.number().int().min(0).optional(), minorFen: z.number().int().min(0).optional(), severeDisabilityFen: z.number().int().min(0).optional(), seriousIllnessFen: z.number().int().min(0).optional(), stacking: z.enum(['max', 'sum']).optional() }) },
  'memberStop.method': { label: '本人份额停发的计算方式', schema: z.enum(['perCapitaShare', 'recomputeWithout']) },
  'asset.financialLimit': { label: '金融资产限额', schema: z.object({ basis: z.enum(['perCapitaMonths', 'householdMonths', 'absolute']), value: z.number().positive(), operator: z.enum(['gt', 'gte']) }) },
  'vehicle.valueLimit': { label: '车辆价值限额（分）', schema: fenLimit },
  'housing.maxUnits': { label: '住房套数上限', schema: z.number().int().min(1) },
  'phaseOut.maxMonths': { label: '渐退期最长月数', schema: z.number().int().min(1).max(12) },
  'raise.backPay': { label: '提标补发', schema: z.boolean() },
  'shop.valueLimit': { label: '商铺价值限额（分）', schema: fenLimit },
  'business.valueLimit': { label: '经营实体价值限额（分）', schema: fenLimit },
  'business.profitLimit': { label: '经营月利润限额（月低保标准的倍数）', schema: z.number().positive().max(100) },
  'exclusion.items': { label: '启用的清查项目（X1–X13）', schema: toggles(EXCLUSION_ITEMS.map((i) => i.code)) },
  'livingTests.items': { label: '启用的生活水平核查项（X13）', schema: toggles(LIVING_TEST_CODES) },
  'livingTests.purchaseMultiple': { label: '大额消费认定倍数（保障人数 × 月标准 × 倍数）', schema: z.number().int().min(1).max(60) },
  'flag.idleCoupleAge': { label: '青壮年夫妻无业提示年龄（含本数）', schema: z.number().int().min(18).max(70) },
  'flag.uncollectedMonths': { label: '长期未领取提示月数', schema: z.number().int().min(1).max(24) },
  'notice.showGroup': { label: '公示中列出村民小组（否则只列村名）', schema: z.boolean() },
  'notice.showArea': { label: '公示类别中注明城市/农村', schema: z.boolean() },
  'notice.sensitiveWords': { label: '公示备注和类别中不得出现的词（打印前检查）', schema: z.array(z.string().trim().min(1).max(10)).max(50) },
  'flag.equalAmountsMin': { label: '平均发放提示户数', schema: z.number().int().min(2).max(100) },
  ...Object.fromEntries(TEMPLATE_KEYS.map((k) => [`template.${k}`, { label: `文书模板：${TEMPLATES[k].label}`, schema: templateSchema(k) }])),
}

/** A template's text: 1–20 paragraphs, only the placeholders the template knows. */
function templateSchema(key: TemplateKey) {
  return z.array(z.string().trim().min(1, '段落不能为空').max(1000, '每段不超过1000字'), { error: '模板应为若干段文字' }).min(1, '模板至少一段').max(20, '模板不超过20段')
    .superRefine((v, ctx) => { const bad = unknownPlaceholders(key, v); if (bad.length) ctx.addIssue({ code: 'custom', message: `含有未知的占位符：${bad.map((b) => `{${b}}`).join('、')}；可用的有 ${Object.keys(TEMPLATES[key].placeholders).map((b) => `{${b}}`).join('、')}` }) })
}


/** Every document template: the text in force today (the county's dated row, or the default) and its history. */
export async function listTemplates(ctx: ReadCtx): Promise<TemplateView[]> {
  const t = await ctx.db.selectFrom('township').select('code').executeTakeFirst()
  const out: TemplateView[] = []
  for (const key of TEMPLATE_KEYS) {
    const def = TEMPLATES[key]
    const row = await paramRowInForce(ctx, `template.${key}`, ctx.today, t?.code ?? '*')
    const rows = await ctx.db.selectFrom('policy_param').select(['value_json', 'effective_from', 'source_note']).where('key', '=', `template.${key}`).orderBy('effective_from', 'desc').orderBy('created_at', 'desc').execute()
    out.push({
      key, label: def.label, placeholders: { ...def.placeholders }, defaults: [...def.paragraphs],
      current: row ? (JSON.parse(row.value_json) as string[]) : [...def.paragraphs], source: row ? row.source_note : '程序默认文本', effectiveFrom: row?.effective_from ?? null,
      history: rows.map((r) => ({ paragraphs: JSON.parse(r.value_json) as string[], effectiveFrom: r.effective_from, sourceNote: r.source_note })),
    })
  }
  return out
}

/** The paragraphs of a document template in force on `date`: the administrator's dated row, else the default. */
export async function templateParagraphs(ctx: ReadCtx, key: TemplateKey, date: string): Promise<string[]> {
  return (await townParam<string[]>(ctx, `template.${key}`, date)) ?? [...TEMPLATES[key].paragraphs]
}

export async function addParam(core: Core, actor: Actor, input: { key: string; value: unknown; effectiveFrom: string; sourceNote: string }): Promise<void> {
  const spec = EDITABLE_PARAMS[input.key]
  if (!spec) throw new AppError('VALIDATION', `参数 ${input.key} 不能在此录入（低保标准请在“低保标准与提标”页录入）`, { key: '请选择参数' })
  const v = spec.schema.safeParse(input.value)
  if (!v.success) throw new AppError('VALIDATION', `“${spec.label}”的取值无效：${v.error.issues[0]?.message ?? ''}`, { value: '取值无效' })
  await withWrite(core, actor, async (w) => {
    const t = await w.tx.selectFrom('township').select('code').executeTakeFirst()
    const countyInstall = !t && !!(await w.tx.selectFrom('county_office').select('code').executeTakeFirst())
    if (!!spec.county !== countyInstall) throw new AppError('VALIDATION', spec.county ? `“${spec.label}”由县级安装（县民政局）设定` : `“${spec.label}”是乡镇安装的参数，本机是县级安装`, { key: '本机不能设定此参数' })
    const same = await w.tx.selectFrom('policy_param').select('source_note').where('key', '=', input.key).where('area_scope', '=', t?.code ?? '*').where('effective_from', '=', input.effectiveFrom).executeTakeFirst()
    if (same) throw new AppError('CONFLICT', `“${spec.label}”在 ${input.effectiveFrom} 已有一条记录（依据：${same.source_note}）。已录入的记录不能改写；如需更正，请以另一起用日期录入新的记录`, { effectiveFrom: '这一天已有记录，请改选日期' })
    await w.tx.insertInto('policy_param').values({ id: newId(), key: input.key, area_scope: t?.code ?? '*', value_json: JSON.stringify(v.data), effective_from: input.effectiveFrom, effective_to: null, source_note: input.sourceNote.trim(), created_at: w.now }).execute()
    await w.audit({ action: 'policy.add', entity: 'policy', summary: `录入政策参数“${spec.label}”= ${JSON.stringify(v.data)}（${input.effectiveFrom} 起，依据：${input.sourceNote.trim()}）`, after: { key: input.key, value: v.data, effectiveFrom: input.effectiveFrom } })
  })
}
