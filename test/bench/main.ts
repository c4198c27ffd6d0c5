// `npm run bench`: prints the registry figures of issue 3 and the procedure figures of issue 4 (not a pass/fail test).
//   node out/main/bench.js [--sizes 50000,500000] [--fresh]
// For each size: demo generation rate, DB size per household, search p50/p95 in the service layer
// and end to end through the browser shell (name, pinyin initials, ID last 6), open-file and create
// latency, and the RSS of the browser-shell process.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pinyin } from 'pinyin-pro'
import { openCore } from '../../main/services/core'
import { readCtx } from '../../main/services/context'
import { generateDemo, rng } from '../../main/services/demo'
import { searchHouseholds } from '../../main/services/search'
import { createHousehold, getHousehold } from '../../main/services/households'
import { SearchInput, HouseholdCreateInput } from '../../main/api/schemas'
import { openCase, todo } from '../../main/services/cases'
import { demoAdmin, ensureDemoOperators } from '../../main/services/demoCases'
import { buildFacts, ruleParams } from '../../main/services/rules'
import { evaluateRules } from '../../main/domain/rules'
import { applyRaise, previewRaise, standardInForce } from '../../main/services/benefits'
import { noticeDocument } from '../../main/documents/notice'
import { renderPdf } from '../../main/documents/render'
import { execFileSync } from 'node:child_process'
import { makeScanPdf } from '../../main/services/demo'
import { uploadAttachment } from '../../main/services/attachments'
import { archivePdf } from '../../main/services/archive'
import { longTermNoticePdf } from '../../main/services/printing'
import crypto from 'node:crypto'
import { storeContent } from '../../main/services/attachments'
import { initKeys } from '../../main/services/exchangeKeys'
import { nativeSm3 } from '../../main/package/sm3stream'

const argv = process.argv.slice(2)
const opt = (n: string) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined }
const sizes = (opt('--sizes') ?? process.env.BENCH_SIZES ?? '50000').split(',').map(Number)
const fresh = argv.includes('--fresh')
/** --only procedure: just the issue-4 figures (to-do, rules, 提标) on the existing data */
const only = opt('--only')
const SAMPLES = 300

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! }
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(3)} ms · p95 ${pct(xs, 95).toFixed(3)} ms · max ${Math.max(...xs).toFixed(2)} ms`

async function bench(n: number): Promise<void> {
  const dir = path.join(os.tmpdir(), `dibao-bench-${n}`)
  const marker = path.join(dir, 'bench-marker.json')
  if (fresh) fs.rmSync(dir, { recursive: true, force: true })
  let gen: { rate: number; seconds: number; password: string }
  // v2: data generated with benefits and cases (migration 0003); older bench data is regenerated
  if (fs.existsSync(marker) && (JSON.parse(fs.readFileSync(marker, 'utf8')) as { v?: number }).v === 2) {
    gen = JSON.parse(fs.readFileSync(marker, 'utf8'))
    console.log(`\n== ${n} 户（复用 ${dir}；生成速率取首次生成时的记录，--fresh 重新生成）==`)
  } else {
    fs.rmSync(dir, { recursive: true, force: true })
    console.log(`\n== ${n} 户：生成演示数据到 ${dir} …`)
    const core = await openCore(dir)
    const r = await generateDemo(core, { households: n, seed: 7, adminPassword: 'Bench2026pass', onProgress: (d, t) => { if (d % 50000 === 0 || d === t) process.stderr.write(`  ${d}/${t}\n`) } })
    await core.close()
    gen = { rate: r.rate, seconds: r.seconds, password: 'Bench2026pass' }
    fs.writeFileSync(marker, JSON.stringify({ ...gen, v: 2 }))
  }
  if (only === 'procedure') { const c = await openCore(dir); c.opened.raw.pragma('wal_checkpoint(TRUNCATE)'); await procedureBench(c); await c.close(); await raiseAllBench(dir); return }
  if (only === 'raise') { await raiseAllBench(dir); return }
  if (only === 'documents') { await documentsBench(); return }
  if (only === 'package') { await packageBench(); return }
  const core = await openCore(dir)
  const raw = core.opened.raw
  raw.pragma('wal_checkpoint(TRUNCATE)')
  const dbBytes = fs.statSync(path.join(dir, 'dibao.sqlite')).size
  const members = (raw.prepare('select count(*) n from member').get() as { n: number }).n
  const keys = (raw.prepare('select count(*) n from search_key').get() as { n: number }).n
  console.log(`生成：${gen.rate.toFixed(0)} 户/秒（${gen.seconds.toFixed(1)} 秒）；成员 ${members}；检索键 ${keys}`)
  console.log(`数据库：${(dbBytes / 1048576).toFixed(1)} MB，每户 ${(dbBytes / n / 1024).toFixed(2)} KB`)

  // sample real people from the register
  const r = rng(42)
  const total = (raw.prepare('select max(rowid) m from member').get() as { m: number }).m
  const people: Array<{ name: string; id: string; hh: string }> = []
  const stmt = raw.prepare('select name, id_number id, household_id hh from member where rowid = ?')
  // sample the demo's people, not the households earlier bench runs created (named 测试…)
  while (people.length < SAMPLES) { const row = stmt.get(1 + Math.floor(r() * total)) as { name: string; id: string; hh: string } | undefined; if (row && !row.name.startsWith('测试')) people.push(row) }
  const initials = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase()
  const queries = {
    '姓名': people.map((p) => p.name),
    '拼音首字母': people.map((p) => initials(p.name)).filter((q) => /^[a-z]{2,}$/.test(q)),
    '身份证后6位': people.map((p) => p.id.slice(-6))
  }
  const ctx = readCtx(core, null)
  // the list as the UI asks for it while a clerk types: 在办 files, best matches first, first page of 50.
  // First pass = cold (pages come from disk), second pass = warm (steady state while a clerk works).
  for (const pass of ['首轮·冷缓存', '次轮·热缓存']) {
    for (const [label, qs] of Object.entries(queries)) {
      const times: number[] = []
      let hits = 0
      for (const q of qs) { const t = performance.now(); const res = await searchHouseholds(ctx, SearchInput.parse({ q, status: 'open', sort: 'relevance' })); times.push(performance.now() - t); hits += res.total }
      console.log(`检索（服务层，${pass}）${label}：${fmt(times)}（平均命中 ${(hits / qs.length).toFixed(1)} 户）`)
    }
  }
  const open: number[] = []
  for (const p of people) { const t = performance.now(); await getHousehold(ctx, p.hh); open.push(performance.now() - t) }
  console.log(`打开一户一档：${fmt(open)}`)

  // creates: realistic 3-person households with fresh ID numbers
  const { makeIdNumber } = await import('../../main/services/demo')
  const village = (raw.prepare('select code from village limit 1').get() as { code: string }).code
  const actor = { operatorId: 'bench', username: 'bench', name: '基准测试', role: 'admin' as const }
  const create: number[] = []
  const benchRun = Date.now() % 90
  for (let i = 0; i < 200; i++) {
    // region 410722 is never used by the demo, so these ID numbers are new on every run
    const d = `19${String(benchRun + 10).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`
    const input = HouseholdCreateInput.parse({
      villageCode: village, address: `基准路${i}号`, category: 'rural', members: [
        { name: '测试户主', idNumber: makeIdNumber('410722', d, 101, 'male'), relation: '02' },
        { name: '测试配偶', idNumber: makeIdNumber('410722', d, 202, 'female'), relation: '12' },
        { name: '测试子女', idNumber: makeIdNumber('410722', d, 303, 'male'), relation: '20' }
      ], incomes: [{ kind: 'wage', amountFen: 80000, source: '入户调查' }]
    })
    const t = performance.now()
    try { await createHousehold(core, actor, input) } catch (e) { console.log(`  新建失败：${(e as Error).message}`); continue }
    create.push(performance.now() - t)
  }
  console.log(`新建档案（3人，含审计）：${fmt(create)}（${create.length} 次）`)
  await procedureBench(core)
  await core.close()
  await raiseAllBench(dir)
  await documentsBench()

  // end to end through the browser shell, in its own process
  const child = spawn(process.execPath, [path.join(__dirname, 'web.js'), '--data', dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    let buf = ''
    child.stdout.on('data', (c: Buffer) => { buf += c.toString(); const m = buf.match(/(http:\/\/127\.0\.0\.1:\d+\/\?t=[0-9a-f]+)/); if (m) resolve(m[1]!) })
    child.on('exit', (code) => reject(new Error(`浏览器版退出：${code}`)))
  })
  const origin = new URL(url).origin
  const entry = await fetch(url, { redirect: 'manual' })
  const cookie = (entry.headers.get('set-cookie') ?? '').split(';')[0]!
  const call = async (method: string, body: unknown) => {
    const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Dibao-Request': '1', Cookie: cookie, Origin: origin }, body: JSON.stringify(body) })
    const env = await res.json() as { ok: boolean; error?: { message: string } }
    if (!env.ok) throw new Error(env.error?.message)
    return env
  }
  await call('auth.login', { username: 'admin', password: gen.password })
  for (const q of queries['姓名'].slice(0, 20)) await call('households.search', { q, status: 'open', sort: 'relevance' })
  for (const [label, qs] of Object.entries(queries)) {
    const times: number[] = []
    for (const q of qs) { const t = performance.now(); await call('households.search', { q, status: 'open', sort: 'relevance' }); times.push(performance.now() - t) }
    console.log(`检索（浏览器版接口，端到端）${label}：${fmt(times)}`)
  }
  const rss = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)?.[1]
  const hwm = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1]
  console.log(`浏览器版进程 RSS：${(Number(rss) / 1024).toFixed(0)} MB（峰值 ${(Number(hwm) / 1024).toFixed(0)} MB）`)
  child.kill('SIGTERM')
}

/** Issue 4: to-do list, rules evaluation, 提标 (one transaction, one audit event per household). */
async function procedureBench(core: Awaited<ReturnType<typeof openCore>>): Promise<void> {
  const admin = await core.db.selectFrom('operator').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow()
  const adminActor = { operatorId: admin.id, username: admin.username, name: admin.name, role: admin.role }
  const ops = await ensureDemoOperators(core)
  // a township of this size has about 2 % of its files in an open case; top up to 1,000 open cases
  const open = Number((await core.db.selectFrom('dibao_case').select((eb) => eb.fn.countAll().as('n')).where('closed_at', 'is', null).executeTakeFirstOrThrow()).n)
  if (open < 1000) {
    const free = await core.db.selectFrom('household').leftJoin('dibao_case', (j) => j.onRef('dibao_case.household_id', '=', 'household.id').on('dibao_case.closed_at', 'is', null))
      .select(['household.id', 'household.status']).where('dibao_case.id', 'is', null).where('household.status', 'in', ['applying', 'active']).limit(1000 - open).execute()
    const today = readCtx(core, null).today
    for (const h of free) await openCase(core, ops.handler, { householdId: h.id, kind: h.status === 'applying' ? 'newApplication' : 'recheck', origin: 'window', receivedDate: today, triggerKind: h.status === 'applying' ? null : 'due' })
  }
  const openNow = Number((await core.db.selectFrom('dibao_case').select((eb) => eb.fn.countAll().as('n')).where('closed_at', 'is', null).executeTakeFirstOrThrow()).n)
  const ctxH = readCtx(core, ops.handler)
  for (let i = 0; i < 10; i++) await todo(ctxH, {})
  const tAll: number[] = [], tMine: number[] = []
  for (let i = 0; i < 100; i++) { let t = performance.now(); await todo(ctxH, {}); tAll.push(performance.now() - t); t = performance.now(); await todo(ctxH, { mine: true }); tMine.push(performance.now() - t) }
  console.log(`待办列表（${openNow} 个在办案件）：全部 ${fmt(tAll)}；仅本人 ${fmt(tMine)}`)

  // rules: facts from the file + the engine, for open cases of varied households
  const sample = await core.db.selectFrom('dibao_case').selectAll().where('closed_at', 'is', null).limit(SAMPLES).execute()
  const t0 = await core.db.selectFrom('township').select('code').executeTakeFirstOrThrow()
  const params = await ruleParams(ctxH, ctxH.today, t0.code)
  const facts: Array<Awaited<ReturnType<typeof buildFacts>>> = []
  const tFacts: number[] = [], tEval: number[] = [], tBoth: number[] = []
  for (const c of sample) {
    let t = performance.now()
    const f = await buildFacts(ctxH, c, ctxH.today)
    const a = performance.now() - t
    facts.push(f)
    t = performance.now()
    evaluateRules(f, params)
    const b = performance.now() - t
    tFacts.push(a); tEval.push(b); tBoth.push(a + b)
  }
  console.log(`规则检查（每案，${sample.length} 案）：读取事实 ${fmt(tFacts)}；规则计算 ${fmt(tEval)}；合计 ${fmt(tBoth)}`)

  await raiseBench(core, adminActor, '农村')
}

/**
 * 提标: the rural standard + 10.00 元 from next month, every active rural household recomputed in one
 * transaction with one audit event each. Run on the bench data as generated (about 62 % of the files in
 * payment) and then on a copy where every file of the township is in payment in one category — the
 * target's 50,000 households.
 */
async function raiseBench(core: Awaited<ReturnType<typeof openCore>>, adminActor: Parameters<typeof applyRaise>[1], label: string): Promise<void> {
  const today = readCtx(core, null).today
  const std = await standardInForce(readCtx(core, adminActor), 'rural', today)
  const [y, m] = today.split('-').map(Number) as [number, number]
  const nextMonth = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}`
  const later = await core.db.selectFrom('policy_param').select('effective_from').where('key', '=', 'standard.monthly.rural').orderBy('effective_from', 'desc').executeTakeFirst()
  const month = later && later.effective_from.slice(0, 7) >= nextMonth ? `${Number(later.effective_from.slice(0, 4)) + 1}-${later.effective_from.slice(5, 7)}` : nextMonth
  const amount = (std?.amountFen ?? 80000) + 1000
  const pv = performance.now()
  const preview = await previewRaise(readCtx(core, adminActor), { category: 'rural', amountFen: amount, effectiveMonth: month, sourceNote: '基准测试' })
  const previewMs = performance.now() - pv
  const r = await applyRaise(core, adminActor, { category: 'rural', amountFen: amount, effectiveMonth: month, sourceNote: '基准测试（提标）', expectHouseholds: preview.households })
  // the WAL checkpoint the raise defers until after its result (it still holds the write queue)
  const cp = performance.now()
  await core.writeQueue
  const cpMs = performance.now() - cp
  console.log(`提标（${label}，${r.households} 户在保，一个事务，每户一条审计记录）：预览 ${previewMs.toFixed(0)} ms；执行至提交 ${r.ms} ms（${((r.ms * 1000) / Math.max(1, r.households)).toFixed(1)} µs/户）；随后检查点 ${cpMs.toFixed(0)} ms`)
}

/** The same 提标 on a throwaway copy of the bench data in which every file is an active rural household in payment. */
async function raiseAllBench(dir: string): Promise<void> {
  const copy = `${dir}-raise`
  fs.rmSync(copy, { recursive: true, force: true })
  fs.cpSync(dir, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}attachments${path.sep}`) })
  const core = await openCore(copy)
  try {
    // bench setup on a copy, not an app write: every file in payment, one category
    core.opened.raw.exec(`update household set status = 'active', category = 'rural', benefit_fen = coalesce(benefit_fen, 30000), benefit_persons = coalesce(benefit_persons, member_count), income_basis_fen = coalesce(income_basis_fen, 0), standard_fen = coalesce(standard_fen, 80000) where status in ('active', 'applying', 'phaseOut')`)
    core.opened.raw.pragma('wal_checkpoint(TRUNCATE)')
    const admin = await core.db.selectFrom('operator').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow()
    await raiseBench(core, { operatorId: admin.id, username: admin.username, name: admin.name, role: admin.role }, '农村，全部档案在保')
  } finally {
    await core.close()
    fs.rmSync(copy, { recursive: true, force: true })
  }
}

/** Issue 5: a 1,000-household 公示 (A4): time, size, RSS growth. */
async function documentsBench(): Promise<void> {
  const lines = Array.from({ length: 1000 }, (_, i) => ({ seq: i + 1, villageName: `第${(i % 30) + 1}村${(i % 9) + 1}组`, applicantName: `${'张王李赵刘陈杨黄'[i % 8]}${'建国秀英桂兰志强小明'[i % 10]}${'华军芳'[i % 3]}`, persons: 1 + (i % 5), amountFen: i % 20 === 19 ? null : 50_000 + i * 37, category: i % 20 === 19 ? '拟不予纳入（农村）' : '新增（农村）', remark: null }))
  const doc = () => noticeDocument({ townshipName: '小冀镇', countyName: '新乡县', title: '小冀镇最低生活保障审核公示', batchNo: '公示-2026-100', villageName: null, startDate: '2026-09-28', endDate: '2026-10-08', durationLabel: '7天', phones: '民政服务热线 12349', lines })
  await renderPdf(doc(), '公示') // font load and pdfmake warm-up
  const rss0 = process.memoryUsage().rss
  const times: number[] = []
  let bytes = 0, peak = rss0
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    const b = await renderPdf(doc(), '公示')
    times.push(performance.now() - t)
    bytes = b.length
    peak = Math.max(peak, process.memoryUsage().rss)
  }
  console.log(`公示 1000 户（A4）：p50 ${pct(times, 50).toFixed(0)} ms · max ${Math.max(...times).toFixed(0)} ms；${(bytes / 1048576).toFixed(2)} MB；RSS 增长 ${((peak - rss0) / 1048576).toFixed(0)} MB`)
  await townshipDocumentsBench()
}

/** Issue 5: on a 5,000-household township — the 一户一档 archive with 20 scans, and every village's 长期公示 in one batch. */
async function townshipDocumentsBench(): Promise<void> {
  const dir = path.join(os.tmpdir(), 'dibao-bench-docs-5000')
  fs.rmSync(dir, { recursive: true, force: true })
  const core = await openCore(dir)
  try {
    await generateDemo(core, { households: 5000, seed: 5, adminPassword: 'Bench2026pass', cases: 24 })
    const handler = (await ensureDemoOperators(core)).handler
    const h = await core.db.selectFrom('dibao_case').innerJoin('case_step', 'case_step.case_id', 'dibao_case.id').innerJoin('household', 'household.id', 'dibao_case.household_id')
      .select('household.id').where('case_step.kind', '=', 'approved').where('household.status', '=', 'active').executeTakeFirstOrThrow()
    // 20 A4 scans at 150 dpi as JPEG (poppler rasterises a PDF page; each a different page so none is deduplicated)
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-scan-'))
    let scanBytes = 0
    for (let i = 0; i < 20; i++) {
      const src = path.join(tmp, `s${i}.pdf`)
      fs.writeFileSync(src, makeScanPdf(`scan page ${i + 1} of the household file`))
      execFileSync('pdftoppm', ['-jpeg', '-r', '150', '-singlefile', src, path.join(tmp, `s${i}`)])
      const jpg = fs.readFileSync(path.join(tmp, `s${i}.jpg`))
      scanBytes += jpg.length
      await uploadAttachment(core, handler, { householdId: h.id, docKind: 'other', originalName: `扫描件${i + 1}.jpg`, dataBase64: jpg.toString('base64') })
    }
    fs.rmSync(tmp, { recursive: true, force: true })
    await archivePdf(core, handler, { householdId: h.id, preview: true }) // warm-up
    const at: number[] = []
    let archive: { bytes: Buffer; pages: number } = { bytes: Buffer.alloc(0), pages: 0 }
    for (let i = 0; i < 3; i++) { const t = performance.now(); archive = await archivePdf(core, handler, { householdId: h.id }); at.push(performance.now() - t) }
    console.log(`一户一档（20 张 150dpi JPEG 扫描件，共 ${(scanBytes / 1048576).toFixed(1)} MB）：p50 ${pct(at, 50).toFixed(0)} ms · max ${Math.max(...at).toFixed(0)} ms；${archive.pages} 页，${(archive.bytes.length / 1048576).toFixed(1)} MB`)
    const villages = await core.db.selectFrom('village').select(['code', 'name']).orderBy('code').execute()
    const t0 = performance.now()
    let printed = 0, skipped = 0, pages = 0
    for (const v of villages) {
      try { const r = await longTermNoticePdf(core, handler, { villageCode: v.code }); printed++; pages += (r.bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length } catch { skipped++ }
    }
    const ms = performance.now() - t0
    const active = Number((await core.db.selectFrom('household').select((eb) => eb.fn.countAll().as('n')).where('status', 'in', ['active', 'phaseOut']).executeTakeFirstOrThrow()).n)
    console.log(`批量长期公示（5000 户乡镇，${villages.length} 个村，在保 ${active} 户）：${(ms / 1000).toFixed(1)} s，生成 ${printed} 份共 ${pages} 页，跳过 ${skipped} 个村`)
  } finally { await core.close(); fs.rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Issue 6: export and verify of a township with 5,000 households and --package-mb (default 2048) MB of scans,
 * against `sha256sum` + `cp` of the same files in the same run; RSS sampled every 50 ms.
 */
async function packageBench(): Promise<void> {
  const mb = Number(opt('--package-mb') ?? 2048)
  const dir = path.join(os.tmpdir(), 'dibao-bench-pkg')
  fs.rmSync(dir, { recursive: true, force: true })
  const core = await openCore(path.join(dir, 'data'))
  try {
    await generateDemo(core, { households: 5000, seed: 9, adminPassword: 'Bench2026pass', cases: 24 })
    const admin = await demoAdmin(core)
    await initKeys(core, admin, { passphrase: 'Bench2026pass!' })
    // the scans: 2 MB incompressible "JPEG" files spread over the households of the changed cases
    const hh = (await core.db.selectFrom('dibao_case').select('household_id').distinct().execute()).map((r) => r.household_id)
    const n = Math.max(1, Math.round(mb / 2))
    const plain = path.join(dir, 'plain')
    fs.mkdirSync(plain)
    const now = new Date().toISOString()
    const ins = core.opened.raw.prepare('insert into attachment (id, household_id, member_id, sm3, original_name, mime, size, doc_kind, note, created_by, removed_at, removed_reason, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)')
    for (let i = 0; i < n; i++) {
      const b = crypto.randomBytes(2 * 1024 * 1024)
      b[0] = 0xff; b[1] = 0xd8; b[2] = 0xff
      const sm3 = storeContent(core.dataDir, b)
      fs.writeFileSync(path.join(plain, `${i}.jpg`), b)
      ins.run(`bench-${i}`, hh[i % hh.length], null, sm3, `扫描件${i}.jpg`, 'image/jpeg', b.length, 'other', null, 'bench', null, null, now)
    }
    const bytes = n * 2 * 1024 * 1024
    execFileSync('sync')
    let t = performance.now()
    execFileSync('sh', ['-c', `find "${plain}" -type f -print0 | xargs -0 sha256sum > /dev/null`])
    const tSha = performance.now() - t
    t = performance.now()
    execFileSync('cp', ['-r', plain, path.join(dir, 'copy')])
    execFileSync('sync')
    const tCp = performance.now() - t
    const base = bytes / ((tSha + tCp) / 1000)
    // export and verify as a clerk runs them: the dibao CLI in its own process, its peak RSS read from /proc (VmHWM)
    await core.close()
    const bin = path.resolve(__dirname, '../../main/cli/dibao.cjs')
    const cli = (args: string[], input?: string) => new Promise<{ ms: number; peakMb: number; out: string; code: number }>((resolve) => {
      const t0 = performance.now()
      const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'inherit'] })
      let out = '', peakKb = 0
      child.stdout.on('data', (c: Buffer) => { out += c.toString() })
      const poll = setInterval(() => { try { const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')); if (m) peakKb = Math.max(peakKb, Number(m[1])) } catch { /* exited */ } }, 50)
      child.on('exit', (code) => { clearInterval(poll); resolve({ ms: performance.now() - t0, peakMb: peakKb / 1024, out, code: code ?? 1 }) })
      child.stdin.end(input ?? '')
    })
    const out = path.join(dir, 'usb', 'bench.dbpkg')
    execFileSync(process.execPath, [bin, 'keys', 'export-public', '--data', path.join(dir, 'data'), '--out', path.join(dir, 'pub.pem')])
    const ex = await cli(['package', 'export', '--data', path.join(dir, 'data'), '--out', out, '--passphrase-stdin', '--json'], 'Bench2026pass!\n')
    if (ex.code !== 0) throw new Error(`导出失败：${ex.out}`)
    const r = { record: JSON.parse(ex.out) as { bytes: number; counts: Record<string, number> } }
    const tExport = ex.ms, exportPeak = ex.peakMb * 1048576
    const ve = await cli(['package', 'verify', out, '--key', path.join(dir, 'pub.pem'), '--json'])
    if (ve.code !== 0) throw new Error(`核验失败：${ve.out}`)
    const tVerify = ve.ms, peak = ve.peakMb * 1048576
    const mbs = (x: number) => `${(bytes / 1048576 / (x / 1000)).toFixed(0)} MB/s`
    console.log(`报送包：${r.record.counts.cases} 个案件、${(bytes / 1073741824).toFixed(2)} GB 材料（${n} 个文件），包 ${(r.record.bytes / 1073741824).toFixed(2)} GB；SM3 ${nativeSm3 ? '原生（OpenSSL）' : 'JS'}`)
    console.log(`  基准 sha256sum ${(tSha / 1000).toFixed(1)} s + cp ${(tCp / 1000).toFixed(1)} s = ${(base / 1048576).toFixed(0)} MB/s`)
    console.log(`  导出（dibao package export，含读回核验）${(tExport / 1000).toFixed(1)} s = ${mbs(tExport)}（基准的 ${((bytes / (tExport / 1000)) / base * 100).toFixed(0)}%）；进程 RSS 峰值 ${(exportPeak / 1048576).toFixed(0)} MB`)
    console.log(`  核验（dibao package verify）${(tVerify / 1000).toFixed(1)} s = ${mbs(tVerify)}（基准的 ${((bytes / (tVerify / 1000)) / base * 100).toFixed(0)}%）；进程 RSS 峰值 ${(peak / 1048576).toFixed(0)} MB`)
  } finally { await core.close().catch(() => undefined); fs.rmSync(dir, { recursive: true, force: true }) }
}

async function main(): Promise<void> {
  console.log(`阳光低保基准测试 · Node ${process.version} · ${os.cpus().length} 核 · ${new Date().toISOString()}`)
  for (const n of sizes) await bench(n)
}
main().catch((e) => { console.error(e); process.exit(1) })
