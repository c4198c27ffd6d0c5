// The `dibao` command (design.md §7): the same services under plain Node. Stable contract:
// exit 0 on success; 1 when the operation failed or the checked thing is invalid; 2 for usage
// errors; Chinese message on stderr; `--json` prints machine-readable output on stdout.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ZodError } from 'zod'
import { AppError } from '../api/errors'
import { zodToAppError } from '../api/dispatch'
import { CountyDecisionInput, CountySetupInput, HouseholdCreateInput, SearchInput, SetupInput, VillageInput } from '../api/schemas'
import { checkIdNumber } from '../domain/idcard'
import { codeName, HOUSEHOLD_STATUSES, HOUSEHOLD_CATEGORIES } from '../domain/codes'
import { localDate } from '../services/clock'
import type { Actor, Core } from '../services/context'
import { readCtx } from '../services/context'
import { openCore } from '../services/core'
import * as setup from '../services/setup'
import * as villages from '../services/villages'
import * as households from '../services/households'
import { searchHouseholds } from '../services/search'
import { verifyChain } from '../services/audit'
import { generateDemo } from '../services/demo'
import { longTermNoticePdf, noticePdf } from '../services/printing'
import { PAPER_IDS, type Paper } from '../documents/layout'
import { verifyPayload } from '../services/docRegister'
import { cadrePledgePdf, householdPledgePdf } from '../services/pledges'
import { minutesPdf } from '../services/printMeeting'
import { reviewFormPdf, visitFormPdf } from '../services/printCase'
import { decisionLetterPdf, materialsLetterPdf } from '../services/printLetters'
import { archivePdf } from '../services/archive'
import { PackageError, verifyPackage } from '../package/container'
import { copySentPackage, exportSubmission, listPackages } from '../services/packages'
import * as county from '../services/county'
import { importReply } from '../services/replies'
import { fingerprint, readPublicKeyPem } from '../package/keys'
import { backupKeys, importCountyKey, initKeys, keySheetPdf, listKeys, publicKeyFile, registerTownshipKey, restoreKeys } from '../services/exchangeKeys'
import { backupTo, integrityCheck } from '../../db'
import * as cases from '../services/cases'
import { trialCalc } from '../services/benefits'
import { formatYuan } from '../domain/money'
import type { CaseKind } from '../domain/workflow'

class UsageError extends Error {}
const isPaper = (p: string): p is Paper => (PAPER_IDS as readonly string[]).includes(p)
const USAGE = `用法：dibao <命令> [选项]

  init --data DIR --township-code CODE --township-name NAME --county-name NAME --admin USER [--admin-name NAME] [--with-key] --password-stdin
  init --county --data DIR --county-code CODE6 --county-name NAME --admin USER [--admin-name NAME] [--with-key] --password-stdin
  village add --data DIR --code CODE12 --name NAME [--kind village|community]
  village list --data DIR [--json]
  household add --data DIR --file HOUSEHOLD.json [--json]
  household list --data DIR [--q TEXT] [--village CODE] [--status STATUS] [--page N] [--page-size N] [--json]
  household show --data DIR --id ID|档案号 [--json]
  idcard check NUMBER [--json]
  demo --data DIR --households N [--cases N] [--seed S] [--decision-level county|township] [--password-stdin]
  case open --data DIR --household ID|档案号 --kind new|recheck|change|stop|phaseout|resume --operator USER [--date YYYY-MM-DD] [--origin ORIGIN] [--json]
  case show --data DIR --id ID|案件号 [--json]
  case list --data DIR [--status open|closed|all] [--overdue] [--json]
  benefit calc --data DIR --household ID|档案号 [--date YYYY-MM-DD] [--json]
  print notice --data DIR --kind village|township|county --batch ID|公示编号 --out FILE.pdf [--paper A4|A4-landscape|A3|A2-tiled|A1-tiled] [--json]
  print notice --data DIR --kind longterm [--village CODE] --out FILE.pdf [--paper A4|A4-landscape|A3|A2-tiled|A1-tiled] [--json]
  print pledge --data DIR --household ID|档案号 --out FILE.pdf [--json]
  print pledge --data DIR --cadre NAME --out FILE.pdf [--json]
  print minutes --data DIR --meeting ID|会议编号 --out FILE.pdf [--json]
  print archive --data DIR --household ID|档案号 --out FILE.pdf [--json]
  print form --data DIR --case ID|案件号 --kind visit|review --out FILE.pdf [--json]
  print letter --data DIR --case ID|案件号 --kind decision|materials --out FILE.pdf [--json]
  doc verify --data DIR --payload TEXT [--json]
  package export --data DIR --out FILE.dbpkg [--encrypt] --passphrase-stdin [--json]
  package copy --data DIR --sequence N --out FOLDER [--json]
  package verify FILE.dbpkg --key TOWNSHIP.pub.pem [--json]
  package import-reply --data DIR --file FILE.dbpkg [--json]
  county register --data DIR --file TOWNSHIP.pub.pem --township-code CODE --township-name NAME --fingerprint FP [--json]
  county import --data DIR --file FILE.dbpkg [--passphrase-stdin] [--json]
  county list --data DIR [--json]
  county show --data DIR --package ID|乡镇代码-序号 [--json]
  county decide --data DIR --package ID --case 案件号 --decision approve|reject|return|filed --operator USER [--reason TEXT] [--date YYYY-MM-DD] [--visit VISIT.json] [--json]
  county reply --data DIR --package ID|乡镇代码-序号 --out FILE.dbpkg --passphrase-stdin [--json]
  keys init --data DIR --passphrase-stdin [--rotate] [--json]
  keys show --data DIR [--json]
  keys export-public --data DIR --out FILE.pem
  keys import-county --data DIR --file FILE.pem [--fingerprint FP] [--json]
  keys backup --data DIR --out FILE.dbkey --passphrase-stdin
  keys restore --data DIR --file FILE.dbkey --passphrase-stdin [--json]
  keys sheet --data DIR --out FILE.pdf [--json]
  audit verify --data DIR [--json]
  db check --data DIR [--json]
  db backup --data DIR [--json]

退出码：0 成功；1 操作失败或校验不通过；2 用法错误。详见 docs/cli.md。`

const OPTIONS = {
  data: { type: 'string' }, json: { type: 'boolean' }, file: { type: 'string' }, q: { type: 'string' }, village: { type: 'string' },
  status: { type: 'string' }, page: { type: 'string' }, 'page-size': { type: 'string' }, id: { type: 'string' }, code: { type: 'string' },
  name: { type: 'string' }, kind: { type: 'string' }, households: { type: 'string' }, cases: { type: 'string' }, seed: { type: 'string' },
  'township-code': { type: 'string' }, 'township-name': { type: 'string' }, 'county-name': { type: 'string' }, admin: { type: 'string' },
  'admin-name': { type: 'string' }, household: { type: 'string' }, date: { type: 'string' }, origin: { type: 'string' }, overdue: { type: 'boolean' }, 'password-stdin': { type: 'boolean' }, operator: { type: 'string' }, batch: { type: 'string' }, out: { type: 'string' }, paper: { type: 'string' }, payload: { type: 'string' }, cadre: { type: 'string' }, meeting: { type: 'string' }, case: { type: 'string' }, 'passphrase-stdin': { type: 'boolean' }, rotate: { type: 'boolean' }, fingerprint: { type: 'string' }, key: { type: 'string' }, encrypt: { type: 'boolean' }, county: { type: 'boolean' }, 'with-key': { type: 'boolean' }, 'decision-level': { type: 'string' }, 'county-code': { type: 'string' }, package: { type: 'string' }, sequence: { type: 'string' }, decision: { type: 'string' }, reason: { type: 'string' }, visit: { type: 'string' }, help: { type: 'boolean', short: 'h' }
} as const

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

function need(v: Values, key: keyof Values, label: string): string {
  const x = v[key]
  if (typeof x !== 'string' || !x.trim()) throw new UsageError(`缺少 --${String(key)}（${label}）`)
  return x
}

/** `init --with-key`: two lines on stdin — the administrator's password, then the signing key's passphrase. */
function readPasswordAndPassphrase(): [string, string] {
  let data = ''
  try { data = fs.readFileSync(0, 'utf8') } catch { throw new UsageError('无法从标准输入读取密码和口令') }
  const [password = '', passphrase = ''] = data.split(/\r?\n/)
  if (!password || !passphrase) throw new UsageError('--with-key 须从标准输入读两行：第一行管理员密码，第二行签名密钥口令')
  return [password, passphrase]
}

function readStdinSecret(): string {
  let data = ''
  try { data = fs.readFileSync(0, 'utf8') } catch { throw new UsageError('无法从标准输入读取密码') }
  const s = data.replace(/\r?\n$/, '')
  if (!s) throw new UsageError('标准输入中没有密码（用法：echo "密码" | dibao … --password-stdin）')
  return s
}

/** The passphrase from stdin (one line; with --rotate two lines: the current passphrase, then the new one). */
function readPassphrases(v: Values, n: 1 | 2): string[] {
  if (!v['passphrase-stdin']) throw new UsageError('口令只能通过 --passphrase-stdin 从标准输入提供（不要写在命令行上）')
  let data = ''
  try { data = fs.readFileSync(0, 'utf8') } catch { throw new UsageError('无法从标准输入读取口令') }
  const lines = data.split(/\r?\n/).filter((l, i, a) => l !== '' || i < a.length - 1)
  if (lines.length < n || lines.slice(0, n).some((l) => !l)) throw new UsageError(n === 2 ? '更换密钥须在标准输入中给出两行：原口令、新口令' : '标准输入中没有口令（用法：printf "%s\\n" "$口令" | dibao … --passphrase-stdin）')
  return lines.slice(0, n)
}

const keyLine = (k: { fingerprint: string; createdAt: string } | null, label: string) => (k ? `${label}指纹 ${k.fingerprint}（${k.createdAt.slice(0, 16).replace('T', ' ')}）` : `${label}：未设置`)

function out(v: Values, json: unknown, text: string): void {
  process.stdout.write(v.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`)
}

/** Writes a printed document to --out and reports it (the same shape for every `print` command). */
/** Writes --out (creating its folder) and returns its absolute path. */
function writeOut(outFile: string, data: Uint8Array | string, mode?: number): string {
  const file = path.resolve(outFile)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, data, mode === undefined ? undefined : { mode })
  return file
}

function writePrinted(v: Values, outFile: string, r: { bytes: Buffer; docNo: string }, extra: Record<string, unknown> = {}): number {
  const file = writeOut(outFile, r.bytes)
  out(v, { file, bytes: r.bytes.length, docNo: r.docNo, ...extra }, `已生成 ${file}（${(r.bytes.length / 1024).toFixed(0)} KB，文书编号 ${r.docNo}）`)
  return 0
}

async function householdRef(core: Core, ref: string): Promise<string> {
  const h = await core.db.selectFrom('household').select('id').where((eb) => eb.or([eb('id', '=', ref), eb('file_no', '=', ref)])).executeTakeFirst()
  if (!h) throw new AppError('NOT_FOUND', `找不到档案 ${ref}`)
  return h.id
}
async function caseRef(core: Core, ref: string): Promise<string> {
  const c = await core.db.selectFrom('dibao_case').select('id').where((eb) => eb.or([eb('id', '=', ref), eb('case_no', '=', ref)])).executeTakeFirst()
  if (!c) throw new AppError('NOT_FOUND', `找不到案件 ${ref}`)
  return c.id
}

async function withCore<T>(v: Values, fn: (core: Core) => Promise<T>): Promise<T> {
  const dir = path.resolve(need(v, 'data', '数据目录'))
  const core = await openCore(dir)
  try { return await fn(core) } finally { await core.close() }
}

/** The CLI's actor in the audit log: a named operator (--operator) or the OS user at this terminal. */
async function cliActor(core: Core, v: Values): Promise<Actor> {
  if (v.operator) {
    const op = await core.db.selectFrom('operator').selectAll().where('username', '=', v.operator).where('active', '=', 1).executeTakeFirst()
    if (!op) throw new AppError('NOT_FOUND', `操作员 ${v.operator} 不存在或已停用`)
    if (op.role === 'readonly') throw new AppError('FORBIDDEN', `操作员 ${v.operator} 是只读账号，不能修改档案`)
    return { operatorId: op.id, username: op.username, name: op.name, role: op.role }
  }
  let user = 'unknown'
  try { user = os.userInfo().username } catch { /* keep unknown */ }
  return { operatorId: `cli:${user}`, username: user, name: '命令行', role: 'admin' }
}

/** A command that imports a package: with --json a refusal is also printed as { ok: false, reason } on stdout. */
async function refusedAsJson<T>(v: Values, file: string, fn: () => Promise<T>): Promise<T | number> {
  try { return await fn() } catch (e) {
    if (!(e instanceof AppError) || !v.json) throw e
    process.stdout.write(`${JSON.stringify({ ok: false, reason: e.messageZh, file: path.resolve(file) }, null, 2)}\n`)
    process.stderr.write(`${e.messageZh}\n`)
    return 1
  }
}

/** --package: the id `county import` printed, or 乡镇代码-序号. */
const countyPackageRef = async (ctx: ReturnType<typeof readCtx>, ref: string): Promise<string> => (await county.packageRef(ctx.db, ref)).id

function readJsonFile(file: string, label: string): unknown {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到${label}文件 ${file}`)
  try { return JSON.parse(fs.readFileSync(file, 'utf8')) } catch { throw new AppError('VALIDATION', `${label}文件 ${file} 不是有效的 JSON`) }
}

async function run(argv: string[]): Promise<number> {
  const { values: v, positionals: pos } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] }
  const [cmd, sub, arg] = pos
  if (v.help || !cmd) { process.stdout.write(`${USAGE}\n`); return cmd ? 0 : 2 }

  switch (`${cmd} ${sub ?? ''}`.trim()) {
    case 'init': {
      if (!v['password-stdin']) throw new UsageError('管理员密码只能通过 --password-stdin 从标准输入提供')
      const [adminPassword, keyPassphrase] = v['with-key'] ? readPasswordAndPassphrase() : [readStdinSecret(), null]
      const keyLine = (fp: string | null, sheet: string) => (fp ? `\n签名密钥已生成，指纹 ${fp}：请打印${sheet}（dibao keys sheet）` : '')
      if (v.county) {
        const input = CountySetupInput.parse({ countyCode: need(v, 'county-code', '6位县级行政区划代码'), countyName: need(v, 'county-name', '县名称'), adminUsername: need(v, 'admin', '管理员登录名'), adminName: v['admin-name'] ?? '系统管理员', adminPassword, keyPassphrase })
        return withCore(v, async (core) => {
          const r = await setup.initCounty(core, input)
          out(v, r, `已初始化县级安装：${r.county.name}民政局（${r.county.code}），管理员 ${r.admin.username}${keyLine(r.keyFingerprint, '密钥告知表发各乡镇')}\n下一步：${r.keyFingerprint ? '' : 'dibao keys init 生成县级签名密钥，'}dibao county register 登记各乡镇的报送公钥`)
          return 0
        })
      }
      const input = SetupInput.parse({
        townshipCode: need(v, 'township-code', '9位乡镇代码'), townshipName: need(v, 'township-name', '乡镇名称'), countyName: need(v, 'county-name', '县名称'),
        adminUsername: need(v, 'admin', '管理员登录名'), adminName: v['admin-name'] ?? '系统管理员', adminPassword, keyPassphrase
      })
      return withCore(v, async (core) => {
        const r = await setup.init(core, input)
        out(v, r, `已初始化：${r.township.countyName}${r.township.name}（${r.township.code}），管理员 ${r.admin.username}${keyLine(r.keyFingerprint, '密钥登记表报县民政局登记')}`)
        return 0
      })
    }
    case 'village add': {
      const input = VillageInput.parse({ code: need(v, 'code', '12位村（社区）代码'), name: need(v, 'name', '村（社区）名称'), kind: v.kind })
      return withCore(v, async (core) => {
        const r = await villages.addVillage(core, await cliActor(core, v), input)
        out(v, r, `已添加${r.kind === 'village' ? '村' : '社区'}：${r.name}（${r.code}）`)
        return 0
      })
    }
    case 'village list':
      return withCore(v, async (core) => {
        const rows = await villages.listVillages(readCtx(core, null), { includeInactive: true })
        out(v, rows, rows.map((r) => `${r.code}\t${r.name}\t${r.kind === 'village' ? '村' : '社区'}\t在办 ${r.households} 户${r.active ? '' : '\t已停用'}`).join('\n') || '（尚未登记村/社区）')
        return 0
      })
    case 'household add': {
      const file = need(v, 'file', 'HOUSEHOLD.json 文件')
      let raw: unknown
      try { raw = JSON.parse(fs.readFileSync(file, 'utf8')) } catch (e) { throw new AppError('VALIDATION', `无法读取 ${file}：${(e as Error).message}`) }
      const input = HouseholdCreateInput.parse(raw)
      return withCore(v, async (core) => {
        const r = await households.createHousehold(core, await cliActor(core, v), input)
        out(v, r, r.id)
        return 0
      })
    }
    case 'household list': {
      const input = SearchInput.parse({ q: v.q ?? '', villageCode: v.village ?? null, status: v.status ?? 'open', page: v.page ? Number(v.page) : 1, pageSize: v['page-size'] ? Number(v['page-size']) : 50 })
      return withCore(v, async (core) => {
        const r = await searchHouseholds(readCtx(core, null), input)
        const lines = r.rows.map((h) => `${h.fileNo}\t${h.villageName}${h.groupName ?? ''}\t${h.headName}\t${h.headIdMasked}\t${h.memberCount}人\t${codeName(HOUSEHOLD_CATEGORIES, h.category)}\t${codeName(HOUSEHOLD_STATUSES, h.status)}\t${h.id}`)
        out(v, r, [...lines, `共 ${r.total} 户${r.capped ? '（匹配过多，已截断）' : ''}，第 ${r.page} 页`].join('\n'))
        return 0
      })
    }
    case 'household show': {
      const id = need(v, 'id', '档案编号或档案号')
      return withCore(v, async (core) => {
        const ctx = readCtx(core, null)
        const byNo = await core.db.selectFrom('household').select('id').where((eb) => eb.or([eb('id', '=', id), eb('file_no', '=', id)])).executeTakeFirst()
        if (!byNo) throw new AppError('NOT_FOUND', `找不到档案 ${id}`)
        const f = await households.getHousehold(ctx, byNo.id)
        const h = f.household
        const text = [
          `档案号 ${h.fileNo}（${codeName(HOUSEHOLD_STATUSES, h.status)}，${codeName(HOUSEHOLD_CATEGORIES, h.category)}）`,
          `${h.villageName}${h.groupName ?? ''}  ${h.address}`,
          `户主 ${h.headName}，${h.memberCount} 人`,
          ...f.members.map((m) => `  ${m.relationName}\t${m.name}\t${m.idNumber}\t${m.gender === 'male' ? '男' : '女'}\t${m.birthDate}${m.warnings.length ? `\t⚠ ${m.warnings.join('；')}` : ''}`),
          `收入 ${f.incomes.length} 条（月合计 ${(f.totals.monthlyIncomeFen / 100).toFixed(2)} 元），财产 ${f.assets.length} 项，义务人 ${f.obligors.length} 人，材料 ${f.attachments.length} 份`
        ].join('\n')
        out(v, f, text)
        return 0
      })
    }
    case 'idcard check': {
      const number = sub === 'check' ? arg : undefined
      if (!number) throw new UsageError('用法：dibao idcard check NUMBER')
      const r = checkIdNumber(number, localDate(new Date()))
      if (v.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`)
      if (!r.ok) { if (!v.json) process.stderr.write(`无效：${r.error}\n`); return 1 }
      if (!v.json) process.stdout.write(`有效：${r.normalized}，${r.gender === 'male' ? '男' : '女'}，出生 ${r.birthDate}，${r.provinceName}${r.converted15 ? '（由15位升为18位）' : ''}${r.warnings.length ? `\n提示：${r.warnings.join('；')}` : ''}\n`)
      return 0
    }
    case 'demo': {
      const n = Number(need(v, 'households', '户数'))
      const seed = v.seed ? Number(v.seed) : 1
      const caseCount = v.cases !== undefined ? Number(v.cases) : undefined
      if (caseCount !== undefined && (!Number.isInteger(caseCount) || caseCount < 0)) throw new UsageError('--cases 应为不小于 0 的整数')
      if (!Number.isInteger(seed)) throw new UsageError('--seed 应为整数')
      const level = v['decision-level'] ?? 'township'
      if (level !== 'county' && level !== 'township') throw new UsageError('--decision-level 只能是 county（县级审核确认，案件停在报送县级）或 township（委托乡镇审核确认）')
      const password = v['password-stdin'] ? readStdinSecret() : undefined
      return withCore(v, async (core) => {
        let last = 0
        const r = await generateDemo(core, { households: n, ...(caseCount !== undefined ? { cases: caseCount } : {}), seed, adminPassword: password, decisionLevel: level, onProgress: (d, t) => { if (!v.json && (d - last >= 5000 || d === t)) { last = d; process.stderr.write(`已生成 ${d}/${t} 户\n`) } } })
        out(v, r, `演示数据：${r.households} 户、${r.members} 人、${r.villages} 个村、${r.attachments} 份材料，${r.cases} 个案件、${r.meetings} 次民主评议、${r.notices} 批公示，用时 ${r.seconds.toFixed(1)} 秒（${r.rate.toFixed(0)} 户/秒）${r.adminPassword ? `\n新建管理员 ${r.adminUsername}，初始密码 ${r.adminPassword}（请登录后立即修改）` : ''}${r.operatorPassword ? `\n演示操作员 jingban（经办人）、shenhe（审核人）、zhenzhang（乡镇审核确认人），密码 ${r.operatorPassword}` : ''}`)
        return 0
      })
    }
    case 'case open': {
      const kinds: Record<string, CaseKind> = { new: 'newApplication', recheck: 'recheck', change: 'change', stop: 'stop', phaseout: 'phaseOut', resume: 'resume' }
      const kind = kinds[need(v, 'kind', 'new|recheck|change|stop|phaseout|resume')]
      if (!kind) throw new UsageError('--kind 只能是 new、recheck、change、stop、phaseout、resume')
      if (!v.operator) throw new UsageError('办理案件须用 --operator 指定签字的经办人或审核人')
      const ref = need(v, 'household', '档案编号或档案号')
      return withCore(v, async (core) => {
        const h = await core.db.selectFrom('household').select('id').where((eb) => eb.or([eb('id', '=', ref), eb('file_no', '=', ref)])).executeTakeFirst()
        if (!h) throw new AppError('NOT_FOUND', `找不到档案 ${ref}`)
        const c = await cases.openCase(core, await cliActor(core, v), { householdId: h.id, kind, origin: v.origin ?? 'window', receivedDate: v.date ?? localDate(new Date()) })
        out(v, c, `已登记案件 ${c.caseNo}（${c.kindLabel}，${c.variantLabel}），当前环节：${c.currentStepLabel}\n${c.id}`)
        return 0
      })
    }
    case 'case show': {
      const ref = need(v, 'id', '案件编号或案件号')
      return withCore(v, async (core) => {
        const row = await core.db.selectFrom('dibao_case').select('id').where((eb) => eb.or([eb('id', '=', ref), eb('case_no', '=', ref)])).executeTakeFirst()
        if (!row) throw new AppError('NOT_FOUND', `找不到案件 ${ref}`)
        const c = await cases.getCase(readCtx(core, null), row.id)
        const text = [
          `案件 ${c.caseNo}（${c.kindLabel}，${c.variantLabel}）${c.closedAt ? `已办结：${c.currentStepLabel}` : `当前：${c.currentStepLabel}`}`,
          ...c.steps.map((s) => `  ${s.seq}. ${s.date} ${s.label}\t${s.signerRole} ${s.signer}${s.reason ? `\t${s.reason}` : ''}`),
          ...c.next.map((n) => `  下一步：${n.label}（${n.roleLabel}${n.due ? `，${n.due} 前${n.overdue ? '，已超期' : ''}` : ''}）`),
          ...(c.caseDue ? [`  全案期限：${c.caseDue}${c.caseOverdue ? '（已超期）' : ''}`] : []),
          ...c.records.filter((r) => !r.superseded).map((r) => `  记录：${r.date} ${r.kindLabel}（${r.signer}）`),
          ...c.flags.filter((f) => f.status !== 'resolved').map((f) => `  规则：[${f.severityLabel}${f.status === 'cleared' ? '，已核实' : ''}] ${f.title}${f.clearedReason ? `（${f.clearedBy}：${f.clearedReason}）` : ''}`),
          ...(c.decision ? [`  决定：${c.decision.date} ${c.decision.outcomeLabel}${c.decision.amountFen !== null ? `，月保障金 ${formatYuan(c.decision.amountFen)} 元，自 ${c.decision.startMonth} 起` : ''}（${c.decision.signer}）`, ...(c.decision.assessment?.steps ?? []).map((s) => `    ${s.label}`)] : [])
        ].join('\n')
        out(v, c, text)
        return 0
      })
    }
    case 'case list': {
      const status = v.status ?? 'open'
      if (!['open', 'closed', 'all'].includes(status)) throw new UsageError('--status 只能是 open、closed、all')
      return withCore(v, async (core) => {
        const ctx = readCtx(core, null)
        let q = core.db.selectFrom('dibao_case').select('id').orderBy('opened_at')
        if (status === 'open') q = q.where('closed_at', 'is', null)
        if (status === 'closed') q = q.where('closed_at', 'is not', null)
        const list = []
        for (const r of await q.execute()) list.push(await cases.getCase(ctx, r.id))
        const rows = v.overdue ? list.filter((c) => c.caseOverdue || c.next.some((n) => n.overdue)) : list
        out(v, rows, rows.map((c) => `${c.caseNo}\t${c.kindLabel}\t${c.currentStepLabel}${c.caseDue ? `\t期限 ${c.caseDue}` : ''}${c.caseOverdue || c.next.some((n) => n.overdue) ? '\t超期' : ''}\t${c.id}`).join('\n') || '（没有符合条件的案件）')
        return 0
      })
    }
    case 'print notice': {
      const kind = need(v, 'kind', '公示种类 village|township|county|longterm')
      if (!['village', 'township', 'county', 'longterm'].includes(kind)) throw new UsageError('--kind 只能是 village、township、county、longterm')
      const outFile = need(v, 'out', '输出的 PDF 文件')
      const paper = v.paper ?? 'A4'
      if (!isPaper(paper)) throw new UsageError(`--paper 只能是 ${PAPER_IDS.join('、')}`)
      if (kind === 'longterm') {
        if (v.batch) throw new UsageError('长期公示按村（--village）或全乡镇打印，不用 --batch')
        return withCore(v, async (core) => {
          const r = await longTermNoticePdf(core, null, { villageCode: v.village ?? null, paper })
          return writePrinted(v, outFile, r, { village: v.village ?? null, paper })
        })
      }
      const ref = need(v, 'batch', '公示批次编号或公示编号')
      return withCore(v, async (core) => {
        const b = await core.db.selectFrom('notice_batch').select(['id', 'level', 'batch_no']).where((eb) => eb.or([eb('id', '=', ref), eb('batch_no', '=', ref)])).executeTakeFirst()
        if (!b) throw new AppError('NOT_FOUND', `找不到公示批次 ${ref}`)
        if (b.level !== kind) throw new AppError('VALIDATION', `公示 ${b.batch_no} 是${b.level === 'village' ? '村级' : b.level === 'township' ? '乡镇级' : '县级'}公示，与 --kind ${kind} 不符`)
        const r = await noticePdf(core, null, { batchId: b.id, paper })
        return writePrinted(v, outFile, r, { batchNo: b.batch_no, paper })
      })
    }
    case 'print pledge': {
      const outFile = need(v, 'out', '输出的 PDF 文件')
      if (!!v.household === !!v.cadre) throw new UsageError('请用 --household（申请人承诺书和授权书）或 --cadre（干部承诺书）之一')
      return withCore(v, async (core) => {
        if (v.cadre) return writePrinted(v, outFile, await cadrePledgePdf(core, null, { name: v.cadre }), { cadre: v.cadre })
        const id = await householdRef(core, v.household!)
        return writePrinted(v, outFile, await householdPledgePdf(core, null, { householdId: id }), { householdId: id })
      })
    }
    case 'print minutes': {
      const ref = need(v, 'meeting', '会议编号')
      const outFile = need(v, 'out', '输出的 PDF 文件')
      return withCore(v, async (core) => {
        const m = await core.db.selectFrom('review_meeting').select(['id', 'meeting_no']).where((eb) => eb.or([eb('id', '=', ref), eb('meeting_no', '=', ref)])).executeTakeFirst()
        if (!m) throw new AppError('NOT_FOUND', `找不到民主评议会议 ${ref}`)
        return writePrinted(v, outFile, await minutesPdf(core, null, { meetingId: m.id }), { meetingNo: m.meeting_no })
      })
    }
    case 'print archive': {
      const ref = need(v, 'household', '档案编号或档案号')
      const outFile = need(v, 'out', '输出的 PDF 文件')
      return withCore(v, async (core) => {
        const id = await householdRef(core, ref)
        const r = await archivePdf(core, null, { householdId: id })
        return writePrinted(v, outFile, r, { householdId: id, pages: r.pages })
      })
    }
    case 'print form':
    case 'print letter': {
      const ref = need(v, 'case', '案件编号或案件号')
      const form = sub === 'form'
      const kind = need(v, 'kind', form ? 'visit|review' : 'decision|materials')
      const kinds = form ? ['visit', 'review'] : ['decision', 'materials']
      if (!kinds.includes(kind)) throw new UsageError(`--kind 只能是 ${kinds.join('、')}`)
      const outFile = need(v, 'out', '输出的 PDF 文件')
      return withCore(v, async (core) => {
        const caseId = await caseRef(core, ref)
        const r = kind === 'visit' ? await visitFormPdf(core, null, { caseId }) : kind === 'review' ? await reviewFormPdf(core, null, { caseId })
          : kind === 'decision' ? await decisionLetterPdf(core, null, { caseId }) : await materialsLetterPdf(core, null, { caseId })
        return writePrinted(v, outFile, r, { caseId, kind })
      })
    }
    case 'package export': {
      const outFile = need(v, 'out', '报送包文件（.dbpkg，通常在 U 盘上）')
      const [p] = readPassphrases(v, 1)
      return withCore(v, async (core) => {
        let shown = -1
        const r = await exportSubmission(core, null, { out: outFile, passphrase: p!, encrypt: !!v.encrypt, onProgress: (d, t) => { const pct = t ? Math.floor((d / t) * 10) * 10 : 100; if (!v.json && pct !== shown) { shown = pct; process.stderr.write(`写入材料文件 ${pct}%\n`) } } })
        const rec = r.record
        out(v, { file: path.resolve(outFile), bytes: rec.bytes, encrypted: !!r.manifest.encryption, sequence: rec.sequence, manifestSm3: rec.manifestSm3, previous: rec.previousSm3, counts: rec.counts, periodFrom: rec.periodFrom, periodTo: rec.periodTo },
          `已导出第 ${rec.sequence} 号报送包 ${path.resolve(outFile)}（${(rec.bytes / 1048576).toFixed(1)} MB，案件 ${rec.counts.cases ?? 0} 个、家庭 ${rec.counts.households ?? 0} 户、材料 ${rec.counts.files ?? 0} 个），已读回核验无误`)
        return 0
      })
    }
    case 'package copy': {
      const seq = Number(need(v, 'sequence', '要再次写出的报送包序号'))
      if (!Number.isInteger(seq) || seq < 1) throw new UsageError('--sequence 应为报送包序号（正整数）')
      const folder = path.resolve(need(v, 'out', 'U 盘或文件夹（文件名同原报送包）'))
      return withCore(v, async (core) => {
        const rec = (await listPackages(core, null)).find((x) => x.direction === 'out' && x.kind === 'submission' && x.sequence === seq)
        if (!rec) throw new AppError('NOT_FOUND', `没有第 ${seq} 号报送包的导出记录`)
        const r = await copySentPackage(core, null, { id: rec.id, folder })
        out(v, { file: r.file, sequence: rec.sequence, manifestSm3: rec.manifestSm3, bytes: rec.bytes }, `已再次写出第 ${rec.sequence} 号报送包 ${r.file}（与原包逐字节相同，已读回核验无误）`)
        return 0
      })
    }
    case 'package verify': {
      // works without any data directory: a stranger with the township's public key can run it
      if (!arg) throw new UsageError('缺少报送包文件（用法：dibao package verify FILE.dbpkg --key TOWNSHIP.pub.pem）')
      const keyFile = need(v, 'key', '报送乡镇的公钥文件（.pem）')
      if (!fs.existsSync(keyFile)) throw new AppError('NOT_FOUND', `找不到公钥文件 ${keyFile}`)
      let pub: string
      try { pub = readPublicKeyPem(fs.readFileSync(keyFile, 'utf8')) } catch (e) { throw new AppError('VALIDATION', e instanceof Error ? e.message : '公钥文件无效') }
      try {
        const r = await verifyPackage(arg, pub)
        const m = r.manifest
        out(v, { ok: true, reason: null, file: path.resolve(arg), format: m.format, kind: m.kind, township: m.township, county: m.county, sequence: m.sequence, previous: m.previous, createdAt: m.createdAt, signer: fingerprint(pub), manifestSm3: r.manifestSm3, files: m.files.length, payloadBytes: m.files.reduce((s, x) => s + x.size, 0), bytes: r.bytes },
          `核验通过：${m.township.name}（${m.township.code}）第 ${m.sequence} 号${m.kind === 'reply' ? '回复包' : '报送包'}，${m.createdAt} 生成，${m.files.length} 个文件全部与清单一致，签名密钥指纹 ${fingerprint(pub)}`)
        return 0
      } catch (e) {
        if (!(e instanceof PackageError)) throw e
        if (v.json) process.stdout.write(`${JSON.stringify({ ok: false, reason: e.message, file: path.resolve(arg) }, null, 2)}\n`)
        process.stderr.write(`核验未通过：${e.message}\n`)
        return 1
      }
    }
    case 'package import-reply': {
      const file = need(v, 'file', '县级回复包文件（.dbpkg）')
      return withCore(v, async (core) => {
        const r = await refusedAsJson(v, file, () => importReply(core, null, { file }))
        if (typeof r === 'number') return r
        out(v, { ok: true, file: path.resolve(file), sequence: r.record.sequence, inReplyTo: r.inReplyTo, manifestSm3: r.record.manifestSm3, applied: r.applied.map((a) => ({ caseNo: a.caseNo, decision: a.decision, step: a.step, visit: a.visit, reason: a.reason })) },
          `已导入县级第 ${r.record.sequence} 号回复包（答复第 ${r.inReplyTo} 号报送包），签名与文件核验无误：\n${r.applied.map((a) => `  ${a.caseNo} ${a.headName} ${a.decisionLabel}${a.reason ? `（${a.reason}）` : ''}${a.visit ? '，已登记县级入户核查记录' : ''}`).join('\n')}`)
        return 0
      })
    }
    case 'county register': {
      const file = need(v, 'file', '乡镇的公钥文件（.pem）')
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到文件 ${file}`)
      const input = { pem: fs.readFileSync(file, 'utf8'), townshipCode: need(v, 'township-code', '9位乡镇代码'), townshipName: need(v, 'township-name', '乡镇名称'), expectFingerprint: need(v, 'fingerprint', '密钥登记表上的公钥指纹') }
      return withCore(v, async (core) => {
        const k = await registerTownshipKey(core, null, input)
        const reg = k.townships.find((x) => x.ownerCode === input.townshipCode.trim())!
        out(v, { townshipCode: reg.ownerCode, townshipName: reg.ownerName, fingerprint: reg.fingerprint }, `已登记${reg.ownerName}（${reg.ownerCode}）的报送公钥，指纹 ${reg.fingerprint}`)
        return 0
      })
    }
    case 'county import': {
      const file = need(v, 'file', '乡镇报送包文件（.dbpkg）')
      const passphrase = v['passphrase-stdin'] ? readPassphrases(v, 1)[0]! : null
      return withCore(v, async (core) => {
        const r = await refusedAsJson(v, file, () => county.importSubmission(core, null, { file, passphrase }))
        if (typeof r === 'number') return r
        out(v, { ok: true, packageId: r.packageId, file: path.resolve(file), township: r.township, sequence: r.record.sequence, manifestSm3: r.record.manifestSm3, encrypted: r.encrypted, cases: r.cases, awaitingDecision: r.awaitingDecision, sampled: r.sampled },
          `核验通过并已导入：${r.township.name}（${r.township.code}）第 ${r.record.sequence} 号报送包${r.encrypted ? '（已解密）' : ''}，案件 ${r.cases} 件（待县级审核确认 ${r.awaitingDecision} 件），抽查 ${r.sampled} 件。编号 ${r.packageId}`)
        return 0
      })
    }
    case 'county list':
      return withCore(v, async (core) => {
        const rows = await county.listCountyPackages(readCtx(core, null))
        out(v, rows.map((p) => ({ packageId: p.id, townshipCode: p.townshipCode, townshipName: p.townshipName, sequence: p.sequence, importedAt: p.createdAt, total: p.total, awaitingDecision: p.awaitingDecision, sampled: p.sampled, decided: p.decided, replied: p.replied, replies: p.replies.map((r) => r.sequence) })),
          rows.map((p) => `${p.id}\t${p.townshipName}（${p.townshipCode}）第 ${p.sequence} 号\t案件 ${p.total}，抽查 ${p.sampled}，已审 ${p.decided}，已回复 ${p.replied}`).join('\n') || '（尚未导入报送包）')
        return 0
      })
    case 'county show':
      return withCore(v, async (core) => {
        const ctx = readCtx(core, null)
        const pkg = await countyPackageRef(ctx, need(v, 'package', '报送包编号'))
        const rows = await county.packageReviews(ctx, pkg)
        out(v, rows.map((r) => ({ reviewId: r.id, caseNo: r.caseNo, headName: r.headName, village: r.villageName, kind: r.kindLabel, step: r.stepLabel, awaiting: r.awaiting, sampleReason: r.sampleReason, decisions: r.decisions, decision: r.decision, reason: r.reason, decisionDate: r.decisionDate, visit: r.visit, replied: r.replied })),
          rows.map((r) => `${r.caseNo}\t${r.headName}\t${r.villageName}\t${r.stepLabel}\t${r.sampleReason ? `抽查：${r.sampleReason}` : '未抽查'}\t${r.decisionLabel ?? '待审核'}${r.replied ? '（已回复）' : ''}`).join('\n'))
        return 0
      })
    case 'county decide': {
      const caseNo = need(v, 'case', '案件号')
      const decision = need(v, 'decision', '审核意见 approve|reject|return|filed')
      const visit = v.visit ? readJsonFile(v.visit, '入户核查记录') : null
      return withCore(v, async (core) => {
        const ctx = readCtx(core, null)
        const pkg = await countyPackageRef(ctx, need(v, 'package', '报送包编号'))
        const row = (await county.packageReviews(ctx, pkg)).find((r) => r.caseNo === caseNo)
        if (!row) throw new AppError('NOT_FOUND', `报送包中没有案件 ${caseNo}`)
        const input = CountyDecisionInput.parse({ reviewId: row.id, decision, reason: v.reason ?? null, date: v.date ?? localDate(core.clock()), visit })
        const r = await county.decideReview(core, await cliActor(core, v), input)
        out(v, { reviewId: r.id, caseNo: r.caseNo, decision: r.decision, reason: r.reason, decisionDate: r.decisionDate, decidedBy: r.decidedBy }, `已签署：${r.caseNo} ${r.decisionLabel}（${r.decidedBy}，${r.decisionDate}）`)
        return 0
      })
    }
    case 'county reply': {
      const outFile = need(v, 'out', '回复包文件（.dbpkg）')
      const [p] = readPassphrases(v, 1)
      return withCore(v, async (core) => {
        const pkg = await countyPackageRef(readCtx(core, null), need(v, 'package', '报送包编号'))
        const r = await county.exportReply(core, null, { packageId: pkg, out: outFile, passphrase: p! })
        out(v, { file: path.resolve(outFile), sequence: r.record.sequence, manifestSm3: r.record.manifestSm3, townshipCode: r.record.townshipCode, decisions: r.decisions, pending: r.pending, counts: r.record.counts },
          `已导出第 ${r.record.sequence} 号回复包 ${path.resolve(outFile)}（${r.decisions} 件意见${r.pending ? `，另有 ${r.pending} 件待审核` : ''}），已读回核验无误`)
        return 0
      })
    }
    case 'keys init': {
      const [a, b] = readPassphrases(v, v.rotate ? 2 : 1)
      return withCore(v, async (core) => {
        const k = await initKeys(core, null, v.rotate ? { rotate: true, oldPassphrase: a!, passphrase: b! } : { passphrase: a! })
        const countyMode = (await setup.status(readCtx(core, null))).mode === 'county'
        out(v, { fingerprint: k.own!.fingerprint, publicKeyFile: publicKeyFile(core, countyMode ? 'county' : 'township'), rotated: !!v.rotate }, countyMode
          ? `${v.rotate ? '已更换' : '已生成'}县级签名密钥，${keyLine(k.own, '')}\n请打印密钥告知表（dibao keys sheet）并把公钥文件发给各乡镇导入；口令请妥善保管。`
          : `${v.rotate ? '已更换' : '已生成'}报送签名密钥，${keyLine(k.own, '')}\n请打印密钥登记表（dibao keys sheet）并把公钥文件报县民政局登记；口令请妥善保管。`)
        return 0
      })
    }
    case 'keys show':
      return withCore(v, async (core) => {
        const k = await listKeys(readCtx(core, null))
        const countyMode = (await setup.status(readCtx(core, null))).mode === 'county'
        out(v, { own: k.own ? { fingerprint: k.own.fingerprint, createdAt: k.own.createdAt } : null, county: k.county ? { fingerprint: k.county.fingerprint, name: k.county.ownerName, importedAt: k.county.createdAt } : null, townships: k.townships.map((x) => ({ code: x.ownerCode, name: x.ownerName, fingerprint: x.fingerprint, registeredAt: x.createdAt })), retired: k.history.filter((x) => x.retiredAt).map((x) => ({ role: x.role, fingerprint: x.fingerprint, retiredAt: x.retiredAt })) },
          countyMode
            ? [keyLine(k.own, '县级签名密钥：'), ...(k.townships.length ? k.townships.map((x) => `已登记 ${x.ownerName}（${x.ownerCode}）指纹 ${x.fingerprint}`) : ['尚未登记乡镇公钥'])].join('\n')
            : [keyLine(k.own, '本乡镇签名密钥：'), keyLine(k.county, '县级公钥：')].join('\n'))
        return k.own ? 0 : 1
      })
    case 'keys export-public': {
      const outFile = need(v, 'out', '输出的公钥文件（.pem）')
      return withCore(v, async (core) => {
        const k = await listKeys(readCtx(core, null))
        if (!k.own) throw new AppError('VALIDATION', '本乡镇还没有报送签名密钥：请先运行 dibao keys init')
        const file = writeOut(outFile, k.own.publicKeyPem)
        out(v, { file, fingerprint: k.own.fingerprint }, `已导出公钥 ${file}，指纹 ${k.own.fingerprint}`)
        return 0
      })
    }
    case 'keys import-county': {
      const file = need(v, 'file', '县民政局的公钥文件（.pem）')
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到文件 ${file}`)
      return withCore(v, async (core) => {
        const k = await importCountyKey(core, null, { pem: fs.readFileSync(file, 'utf8'), expectFingerprint: v.fingerprint ?? null })
        out(v, { fingerprint: k.county!.fingerprint, name: k.county!.ownerName }, `已导入${k.county!.ownerName}公钥，指纹 ${k.county!.fingerprint}`)
        return 0
      })
    }
    case 'keys backup': {
      const outFile = need(v, 'out', '备份文件（.dbkey，可存到 U 盘）')
      const [p] = readPassphrases(v, 1)
      return withCore(v, async (core) => {
        const b = await backupKeys(core, null, { passphrase: p! })
        const file = writeOut(outFile, b.text, 0o600)
        out(v, { file, fingerprint: b.fingerprint }, `已备份签名密钥到 ${file}（仍受原口令保护），指纹 ${b.fingerprint}`)
        return 0
      })
    }
    case 'keys restore': {
      const file = need(v, 'file', '密钥备份文件（.dbkey）')
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `找不到文件 ${file}`)
      const [p] = readPassphrases(v, 1)
      return withCore(v, async (core) => {
        const k = await restoreKeys(core, null, { text: fs.readFileSync(file, 'utf8'), passphrase: p! })
        out(v, { fingerprint: k.own!.fingerprint }, `已恢复报送签名密钥，指纹 ${k.own!.fingerprint}`)
        return 0
      })
    }
    case 'keys sheet': {
      const outFile = need(v, 'out', '输出的 PDF 文件')
      return withCore(v, async (core) => writePrinted(v, outFile, await keySheetPdf(core, null)))
    }
    case 'doc verify': {
      const payload = need(v, 'payload', '文书二维码的内容')
      return withCore(v, async (core) => {
        const r = await verifyPayload(readCtx(core, null), payload)
        if (v.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`)
        else if (r.ok) process.stdout.write(`核验通过：${r.kindLabel}“${r.title}”，文书编号 ${r.docNo}，${r.printedAt} 由 ${r.printedBy} 打印\n`)
        if (!r.ok) process.stderr.write(`核验未通过：${r.reason}\n`)
        return r.ok ? 0 : 1
      })
    }
    case 'benefit calc': {
      const ref = need(v, 'household', '档案编号或档案号')
      if (v.date && !/^\d{4}-\d{2}-\d{2}$/.test(v.date)) throw new UsageError('--date 格式应为 YYYY-MM-DD')
      return withCore(v, async (core) => {
        const h = await core.db.selectFrom('household').select('id').where((eb) => eb.or([eb('id', '=', ref), eb('file_no', '=', ref)])).executeTakeFirst()
        if (!h) throw new AppError('NOT_FOUND', `找不到档案 ${ref}`)
        const a = await trialCalc(readCtx(core, null), { householdId: h.id, date: v.date ?? null })
        if (a.standardFen === null) {
          if (v.json) process.stdout.write(`${JSON.stringify(a, null, 2)}\n`)
          process.stderr.write(`${a.warnings.join('；') || `${a.date} 没有适用的${a.categoryLabel}标准`}\n`)
          return 1
        }
        const text = [
          `${a.date} 试算（${a.categoryLabel}，标准 ${formatYuan(a.standardFen)} 元/人·月，依据：${a.standardSource ?? '—'}）`,
          `  保障人数 ${a.persons} 人（家庭 ${a.householdSize} 人）：${a.beneficiaries.join('、')}${a.individual ? `（单人保：${a.individual.memberName}，${a.individual.basis}）` : ''}`,
          ...a.notCounted.map((n) => `  不计入：${n.name}（${n.reason}）`),
          ...a.incomeLines.map((l) => `  收入：${l.memberName ?? '家庭'} ${l.kindLabel}${l.subtype ? `·${l.subtype}` : ''} ${formatYuan(l.amountFen)} 元/月${l.counted ? '' : `（不计入：${l.reason}）`}`),
          ...a.steps.map((s) => `  ${s.label}`),
          ...a.reasons.map((r) => `  说明：${r}`),
          ...a.warnings.map((w) => `  注意：${w}`),
          a.eligible ? `结论：符合收入条件，月保障金 ${formatYuan(a.monthlyFen ?? 0)} 元` : '结论：不符合收入条件'
        ].join('\n')
        out(v, a, text)
        return 0
      })
    }
    case 'audit verify':
      return withCore(v, async (core) => {
        const r = await verifyChain(core.db)
        if (v.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`)
        if (!r.ok) {
          process.stderr.write(`审计链校验失败：第 ${r.broken!.seq} 条记录（${r.broken!.at} ${r.broken!.action}，编号 ${r.broken!.id || '缺失'}）${r.broken!.reason}\n`)
          return 1
        }
        if (!v.json) process.stdout.write(`审计链完整：共 ${r.entries} 条记录，末条哈希 ${r.lastHash}\n`)
        return 0
      })
    case 'db check':
      return withCore(v, async (core) => {
        const problems = integrityCheck(core.opened.raw)
        if (v.json) process.stdout.write(`${JSON.stringify({ ok: problems.length === 0, problems }, null, 2)}\n`)
        if (problems.length) { process.stderr.write(`数据库完整性检查发现问题：\n${problems.slice(0, 20).join('\n')}\n`); return 1 }
        if (!v.json) process.stdout.write('数据库完整性检查通过\n')
        return 0
      })
    case 'db backup':
      return withCore(v, async (core) => {
        const file = await backupTo(core.opened.raw, core.dataDir, 'manual')
        out(v, { file }, `已备份到 ${file}`)
        return 0
      })
    default:
      throw new UsageError(`未知命令：${pos.join(' ')}`)
  }
}

run(process.argv.slice(2)).then((code) => { process.exitCode = code }, (e: unknown) => {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${e instanceof UsageError ? e.message : `参数错误：${(e as Error).message}`}\n\n${USAGE}\n`)
    process.exitCode = 2
    return
  }
  const err = e instanceof ZodError ? zodToAppError(e) : e
  if (err instanceof AppError) {
    process.stderr.write(`${err.messageZh}\n`)
    if (err.fields && Object.keys(err.fields).length > 1) for (const [k, m] of Object.entries(err.fields)) process.stderr.write(`  ${k}：${m}\n`)
  } else process.stderr.write(`出错：${(e as Error).message}\n`)
  process.exitCode = 1
})
