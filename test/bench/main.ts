// `npm run bench`: prints the registry figures of issue 3 (not a pass/fail test).
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

const argv = process.argv.slice(2)
const opt = (n: string) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined }
const sizes = (opt('--sizes') ?? process.env.BENCH_SIZES ?? '50000').split(',').map(Number)
const fresh = argv.includes('--fresh')
const SAMPLES = 300

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! }
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(3)} ms · p95 ${pct(xs, 95).toFixed(3)} ms · max ${Math.max(...xs).toFixed(2)} ms`

async function bench(n: number): Promise<void> {
  const dir = path.join(os.tmpdir(), `dibao-bench-${n}`)
  const marker = path.join(dir, 'bench-marker.json')
  if (fresh) fs.rmSync(dir, { recursive: true, force: true })
  let gen: { rate: number; seconds: number; password: string }
  if (fs.existsSync(marker)) {
    gen = JSON.parse(fs.readFileSync(marker, 'utf8'))
    console.log(`\n== ${n} 户（复用 ${dir}；生成速率取首次生成时的记录，--fresh 重新生成）==`)
  } else {
    fs.rmSync(dir, { recursive: true, force: true })
    console.log(`\n== ${n} 户：生成演示数据到 ${dir} …`)
    const core = await openCore(dir)
    const r = await generateDemo(core, { households: n, seed: 7, adminPassword: 'Bench2026pass', onProgress: (d, t) => { if (d % 50000 === 0 || d === t) process.stderr.write(`  ${d}/${t}\n`) } })
    await core.close()
    gen = { rate: r.rate, seconds: r.seconds, password: 'Bench2026pass' }
    fs.writeFileSync(marker, JSON.stringify(gen))
  }
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
  await core.close()

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

async function main(): Promise<void> {
  console.log(`阳光低保基准测试 · Node ${process.version} · ${os.cpus().length} 核 · ${new Date().toISOString()}`)
  for (const n of sizes) await bench(n)
}
main().catch((e) => { console.error(e); process.exit(1) })
