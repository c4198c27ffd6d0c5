// Household search over a county-sized register without scans: ID numbers via indexes on member
// (full number, last 6), names via the search_key table (汉字 suffixes and pinyin forms, prefix
// ranges on a WITHOUT ROWID primary key), 档案号 by prefix or serial. Filters and sorting server-side.
import type { SearchInputT } from '../api/schemas'
import { convert15to18 } from '../domain/idcard'
import { normalizeQuery } from '../domain/pinyin'
import type { ReadCtx } from './context'
import { OPEN_STATUSES } from './households'
import type { HouseholdListRow, SearchResult } from '../api/types'
export type { HouseholdListRow, SearchResult } from '../api/types'

export const MATCH_CAP = 5000
/** In relevance order the page streams from the key index, so counting stops early too. */
export const RELEVANCE_CAP = 1000

export function maskId(id: string): string { return id.length === 18 ? `${id.slice(0, 4)}**********${id.slice(14)}` : id }

const HIGH = '\u{10FFFF}'
/** Name queries return a key range of search_key; ID and 档案号 queries a short list of household ids. */
type Match = { keyRange?: [string, string]; ids?: string[]; by: string }

async function findMatches(ctx: ReadCtx, raw: string): Promise<Match | null> {
  const q = raw.replace(/\s+/g, '')
  if (!q) return null
  if (/^\d{1,17}[\dXx]?$/.test(q)) {
    const d = q.toUpperCase()
    const ids = new Set<string>()
    const base = () => ctx.db.selectFrom('member').select('household_id')
    const byMember = async (w: (qb: ReturnType<typeof base>) => ReturnType<typeof base>) => { for (const r of await w(base()).limit(MATCH_CAP).execute()) ids.add(r.household_id) }
    let by = '身份证号'
    if (d.length === 18) await byMember((qb) => qb.where('id_number', '=', d))
    else if (d.length === 15) { try { await byMember((qb) => qb.where('id_number', '=', convert15to18(d))) } catch { /* not an ID number */ } }
    else if (d.length === 6) { by = '身份证号后6位 / 档案序号'; await byMember((qb) => qb.where('id_tail', '=', d)) }
    if (d.length >= 7 && d.length < 18) await byMember((qb) => qb.where('id_number', '>=', d).where('id_number', '<', d + HIGH))
    if (/^\d+$/.test(d)) {
      // 档案号: full/prefix (≥ 9 digits) or the 6-digit serial (township code + serial)
      if (d.length >= 9) {
        for (const r of await ctx.db.selectFrom('household').select('id').where('file_no', '>=', d).where('file_no', '<', d + HIGH).limit(MATCH_CAP).execute()) ids.add(r.id)
        by = '档案号 / 身份证号'
      } else if (d.length === 6) {
        const t = await ctx.db.selectFrom('township').select('code').executeTakeFirst()
        if (t) for (const r of await ctx.db.selectFrom('household').select('id').where('file_no', '=', t.code + d).execute()) ids.add(r.id)
      }
    }
    return { ids: [...ids], by }
  }
  const nq = normalizeQuery(q)
  if (!nq) return { ids: [], by: '无法识别的查询' }
  return { keyRange: [nq.key, nq.key + (nq.kind === 'pinyin' ? '{' : HIGH)], by: nq.kind === 'pinyin' ? '姓名拼音' : '姓名' }
}

const SORT_COL = { relevance: 'household.file_no', fileNo: 'household.file_no', headName: 'household.head_sort', memberCount: 'household.member_count', updatedAt: 'household.updated_at', village: 'household.village_code' } as const

export async function searchHouseholds(ctx: ReadCtx, input: SearchInputT): Promise<SearchResult> {
  const match = await findMatches(ctx, input.q)
  if (match?.ids && !match.ids.length) return empty(input, match.by)
  if (match?.keyRange && !input.villageCode && !input.category && (!input.status || input.status === 'open') && (input.sort === 'fileNo' || input.sort === 'relevance')) {
    return searchByKeysOnly(ctx, input, match.keyRange, match.by)
  }
  // The matching households come first (a materialised CTE) and drive the join, so the planner never
  // scans the register in sort order probing for matches: the cost follows the matches, not the register.
  const [lo, hi] = match?.keyRange ?? ['', '']
  const matched = ctx.db.with((cte) => cte('m').materialized(), (db) => db.selectFrom('search_key').select('hh_seq').distinct()
    .where('k', '>=', lo).where('k', '<', hi).limit(MATCH_CAP + 1))
  const base = () => {
    let q = match?.keyRange
      ? matched.selectFrom('m').crossJoin('household').whereRef('household.seq', '=', 'm.hh_seq')
      : matched.selectFrom('household')
    if (match?.ids) q = q.where('household.id', 'in', match.ids)
    if (input.villageCode) q = q.where('household.village_code', '=', input.villageCode)
    if (input.category) q = q.where('household.category', '=', input.category)
    if (input.status === 'open') q = q.where('household.status', 'in', OPEN_STATUSES)
    else if (input.status) q = q.where('household.status', '=', input.status)
    return q
  }
  const counts = await base().select((eb) => [
    eb.fn.countAll<number>().as('n'),
    ...(match?.keyRange ? [eb.selectFrom('m').select((e2) => e2.fn.countAll<number>().as('c')).as('matched')] : [])
  ]).executeTakeFirstOrThrow() as { n: number; matched?: number }
  const capped = Number(counts.matched ?? 0) > MATCH_CAP
  // page of ids from the covering index, then the page's rows
  const page = await base().select('household.id').orderBy(SORT_COL[input.sort], input.order).orderBy('household.file_no', input.order)
    .limit(input.pageSize).offset((input.page - 1) * input.pageSize).execute()
  const rows = await pageRows(ctx, 'id', page.map((r) => r.id))
  return {
    rows,
    total: match?.keyRange ? Math.min(Number(counts.n), MATCH_CAP) : Number(counts.n), capped, cap: MATCH_CAP, page: input.page, pageSize: input.pageSize, matchedBy: match?.by ?? null
  }
}

/**
 * The common case — a name or pinyin query over the open files, in 档案号 order — is answered from the
 * search_key primary key alone: its `open` flag replaces the status filter and hh_seq order is 档案号
 * order (both are issued by the same counters in insertHousehold). Only the page's rows are read.
 */
async function searchByKeysOnly(ctx: ReadCtx, input: SearchInputT, [lo, hi]: [string, string], by: string): Promise<SearchResult> {
  const keys = () => {
    let q = ctx.db.selectFrom('search_key').select('hh_seq').distinct().where('k', '>=', lo).where('k', '<', hi)
    if (input.status === 'open') q = q.where('open', '=', 1)
    return q
  }
  const relevance = input.sort === 'relevance'
  const cap = relevance ? RELEVANCE_CAP : MATCH_CAP
  const counted = await ctx.db.selectFrom(keys().limit(cap + 1).as('c')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const n = Number(counted.n)
  if (!n) return empty(input, by)
  const offset = (input.page - 1) * input.pageSize
  // relevance: the primary key's own order (k, hh_seq) — the exact key first, then longer keys — so the
  // page streams and stops after pageSize households; 档案号: hh_seq order over all matches.
  const seqs = (relevance
    ? await keys().limit(input.pageSize).offset(offset).execute()
    : await keys().orderBy('hh_seq', input.order).limit(input.pageSize).offset(offset).execute()).map((r) => r.hh_seq)
  return { rows: await pageRows(ctx, 'seq', seqs), total: Math.min(n, cap), capped: n > cap, cap, page: input.page, pageSize: input.pageSize, matchedBy: by }
}

/** The list rows of one page, read by household id or seq, returned in the order of `keys`. */
async function pageRows<K extends 'id' | 'seq'>(ctx: ReadCtx, by: K, keys: Array<K extends 'id' ? string : number>): Promise<HouseholdListRow[]> {
  if (!keys.length) return []
  const found = await ctx.db.selectFrom('household').innerJoin('village', 'village.code', 'household.village_code').select([
    'household.id', 'household.seq', 'household.file_no', 'household.village_code', 'village.name as village_name', 'household.group_name', 'household.head_name',
    'household.head_id_number', 'household.member_count', 'household.category', 'household.status', 'household.legacy_import', 'household.updated_at'
  ]).where(`household.${by}`, 'in', keys as never[]).execute()
  const byKey = new Map<string | number, (typeof found)[number]>(found.map((r) => [r[by], r]))
  return keys.map((k) => {
    const r = byKey.get(k)!
    return { id: r.id, fileNo: r.file_no, villageCode: r.village_code, villageName: r.village_name, groupName: r.group_name, headName: r.head_name, headIdMasked: maskId(r.head_id_number), memberCount: r.member_count, category: r.category, status: r.status, legacyImport: r.legacy_import === 1, updatedAt: r.updated_at }
  })
}

function empty(input: SearchInputT, by: string): SearchResult { return { rows: [], total: 0, capped: false, cap: MATCH_CAP, page: input.page, pageSize: input.pageSize, matchedBy: by } }
