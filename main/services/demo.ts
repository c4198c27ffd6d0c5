// `dibao demo`: a realistic synthetic township, generated through the services (insertHousehold,
// uploadAttachment's storage), deterministic for a given seed. Used by benchmarks, screenshots, checks.
import { deflateSync } from 'node:zlib'
import { AppError } from '../api/errors'
import type { HouseholdCreateInputT, MemberInputT } from '../api/schemas'
import { HouseholdCreateInput } from '../api/schemas'
import { idCheckDigit } from '../domain/idcard'
import { withWrite, type Actor, type Core } from './context'
import { insertHousehold } from './households'
import { newId } from './ids'
import { storeContent } from './attachments'
import { requireTownship, init } from './setup'
import { addVillage } from './villages'
import { readCtx } from './context'
import { localDate } from './clock'
import { computeBenefit } from '../domain/benefit'
import { addDays } from '../domain/dates'
import { standardInForce } from './benefits'
import { DEMO_OPERATOR_PASSWORD, ensureDemoPolicy, generateDemoCases } from './demoCases'

export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单'.split('')
const COMPOUND_SURNAMES = ['欧阳', '诸葛', '司马', '上官']
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅志文辉鹏飞海燕德福云春生秋菊凤琴金花永宝山林小兵新民建华振兴淑珍秀英桂芳玉梅德胜'.split('')
const RARE = ['𠮷', '䶮', '堃', '喆', '昇', '珺', '彧', '𫖮', '赟', '犇']
const VILLAGE_NAMES = '东风 红星 向阳 胜利 前进 和平 光明 幸福 团结 新华 永安 长乐 太平 兴隆 富民 丰收 青山 柳河 杨庄 李寨 王屯 张营 刘湾 陈岗 马村 赵坡 孙桥 周店 吴楼 郭集'.split(' ')
const ROADS = ['人民路', '建设路', '解放街', '中心街', '北大街', '南环路']

/** decisionLevel: 'township' (default: 审核确认 delegated, the demo decides its own cases) or 'county' (cases stop at 报送县级, for trying the USB exchange). */
export interface DemoOptions { households: number; cases?: number; seed?: number; villages?: number; batch?: number; adminPassword?: string; decisionLevel?: 'county' | 'township'; onProgress?: (done: number, total: number) => void }
export interface DemoResult { households: number; members: number; villages: number; attachments: number; seconds: number; rate: number; adminUsername: string | null; adminPassword: string | null; cases: number; meetings: number; notices: number; operatorPassword: string | null }

/** 18-digit ID with a correct check digit. */
export function makeIdNumber(region: string, birth: string, seq: number, gender: 'male' | 'female'): string {
  const s = seq % 1000
  const adj = gender === 'male' ? (s % 2 === 1 ? s : s + 1) % 1000 : (s % 2 === 0 ? s : s - 1)
  const body = `${region}${birth.replace(/-/g, '')}${String(adj).padStart(3, '0')}`
  return body + idCheckDigit(body)
}

// ── tiny generated "scans": PNG (grey page with dark text-like bars) and a one-page PDF ──
function crc32(buf: Uint8Array): number {
  let c = ~0
  for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)) }
  return ~c >>> 0
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
export function makeScanPng(rand: () => number, w = 620, h = 877): Buffer {
  const raw = Buffer.alloc((w + 1) * h)
  const lines: Array<[number, number, number]> = []
  for (let y = 60; y < h - 60; y += 28) if (rand() > 0.15) lines.push([y, 50 + Math.floor(rand() * 30), w - 50 - Math.floor(rand() * 200)])
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0
    for (let x = 0; x < w; x++) {
      let v = 235 + Math.floor(rand() * 12)
      for (const [ly, x0, x1] of lines) if (y >= ly && y < ly + 9 && x >= x0 && x < x1 && (x % 14) < 11) v = 60
      raw[y * (w + 1) + 1 + x] = v
    }
  }
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 0; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))])
}
export function makeScanPdf(title: string): Buffer {
  const text = `BT /F1 18 Tf 72 760 Td (${title.replace(/[()\\]/g, '')}) Tj ET BT /F1 11 Tf 72 730 Td (Sunshine Dibao demo scan) Tj ET`
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n` })
  const xref = out.length
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
const pad2 = (n: number) => String(n).padStart(2, '0')

export async function generateDemo(core: Core, opts: DemoOptions): Promise<DemoResult> {
  if (!Number.isInteger(opts.households) || opts.households < 1 || opts.households > 2_000_000) throw new AppError('VALIDATION', '--households 应为 1 到 2000000 之间的整数')
  const started = performance.now()
  const seed = opts.seed ?? 1
  const r = rng(seed)
  const sys: Actor = { operatorId: 'demo', username: 'demo', name: '演示数据生成', role: 'admin' }
  let adminUsername: string | null = null, adminPassword: string | null = null
  const status = await readCtx(core, null).db.selectFrom('township').select('code').executeTakeFirst()
  if (!status) {
    adminUsername = 'admin'
    adminPassword = opts.adminPassword ?? `Demo${Math.floor(r() * 1e8).toString().padStart(8, '0')}`
    await init(core, { townshipCode: '410721101', townshipName: '小冀镇', countyName: '新乡县', adminUsername, adminName: '系统管理员', adminPassword })
  }
  const township = await requireTownship(readCtx(core, null))
  const region = township.code.slice(0, 6)
  const wantCases = opts.cases ?? Math.min(66, Math.floor(opts.households / 3))
  await ensureDemoPolicy(core, sys, opts.decisionLevel)
  const stdRural = (await standardInForce(readCtx(core, null), 'rural', localDate(core.clock())))!.amountFen
  const stdUrban = (await standardInForce(readCtx(core, null), 'urban', localDate(core.clock())))!.amountFen

  // villages: about one per 300 households, at least 3
  const wanted = opts.villages ?? Math.max(3, Math.min(700, Math.ceil(opts.households / 300))) // village codes 200–899 (3 digits)
  const existing = await core.db.selectFrom('village').select(['code', 'name']).execute()
  const villages = existing.map((v) => v.code)
  for (let i = villages.length; i < wanted; i++) {
    const code = `${township.code}${String(200 + i).padStart(3, '0')}`
    if (villages.includes(code)) continue
    const base = VILLAGE_NAMES[i % VILLAGE_NAMES.length]!
    const name = i < VILLAGE_NAMES.length ? `${base}村` : `${base}${Math.floor(i / VILLAGE_NAMES.length) + 1}村`
    await addVillage(core, sys, { code, name, kind: 'village' })
    villages.push(code)
  }

  // a small pool of generated scans, reused (content-addressed storage keeps one copy each)
  const scans: Array<{ hash: string; mime: string; size: number; name: string; kind: string }> = []
  const kinds = ['application', 'pledge', 'idCopy', 'housingPhoto', 'incomeProof', 'visitForm']
  for (let i = 0; i < 6; i++) { const b = makeScanPng(rng(seed * 31 + i), 420, 594); scans.push({ hash: storeContent(core.dataDir, b), mime: 'image/png', size: b.length, name: `扫描件-${i + 1}.png`, kind: kinds[i]! }) }
  for (let i = 0; i < 2; i++) { const b = makeScanPdf(`Dibao scan ${seed}-${i}`); scans.push({ hash: storeContent(core.dataDir, b), mime: 'application/pdf', size: b.length, name: `核对报告-${i + 1}.pdf`, kind: 'checkReport' }) }

  const usedIds = new Set<string>()
  const today = localDate(core.clock())
  const thisYear = Number(today.slice(0, 4))
  const person = (age: number, gender: 'male' | 'female', surname?: string) => {
    const y = thisYear - age, mo = 1 + Math.floor(r() * 12), d = 1 + Math.floor(r() * 28)
    const birth = `${y}-${pad2(mo)}-${pad2(d)}`
    let id = ''
    do { id = makeIdNumber(region, birth, Math.floor(r() * 1000), gender) } while (usedIds.has(id))
    usedIds.add(id)
    const sur = surname ?? (r() < 0.02 ? pick(r, COMPOUND_SURNAMES) : pick(r, SURNAMES))
    const givenLen = r() < 0.35 ? 1 : 2
    let given = ''
    for (let k = 0; k < givenLen; k++) given += r() < 0.012 ? pick(r, RARE) : pick(r, GIVEN)
    return { name: sur + given, idNumber: id, birth }
  }

  const batch = opts.batch ?? 250
  let done = 0, members = 0, attachments = 0
  while (done < opts.households) {
    const n = Math.min(batch, opts.households - done)
    const inputs: HouseholdCreateInputT[] = []
    for (let i = 0; i < n; i++) inputs.push(makeHousehold())
    await withWrite(core, sys, async (w) => {
      for (const input of inputs) {
        const { id } = await insertHousehold(w, input)
        members += input.members.length
        const count = r() < 0.7 ? 1 + Math.floor(r() * 2) : 0
        for (let k = 0; k < count; k++) {
          const s = pick(r, scans)
          await w.tx.insertInto('attachment').values({ id: newId(), household_id: id, member_id: null, sm3: s.hash, original_name: s.name, mime: s.mime, size: s.size, doc_kind: s.kind, note: null, created_by: sys.name, removed_at: null, removed_reason: null, created_at: w.now }).execute()
          await w.audit({ action: 'attachment.add', entity: 'attachment', householdId: id, summary: `演示数据：上传材料“${s.name}”`, after: { originalName: s.name, sm3: s.hash } })
          attachments++
        }
      }
    })
    done += n
    opts.onProgress?.(done, opts.households)
  }
  const made = wantCases > 0 ? await generateDemoCases(core, { count: wantCases, seed, admin: sys, decisionLevel: opts.decisionLevel }) : { cases: 0, meetings: 0, notices: 0 }
  const seconds = (performance.now() - started) / 1000
  return { households: done, members, villages: villages.length, attachments, seconds, rate: done / seconds, adminUsername, adminPassword, ...made, operatorPassword: wantCases > 0 ? DEMO_OPERATOR_PASSWORD : null }

  function makeHousehold(): HouseholdCreateInputT {
    const kind = r()
    const headAge = kind < 0.3 ? 62 + Math.floor(r() * 25) : 30 + Math.floor(r() * 30)
    const headGender: 'male' | 'female' = r() < 0.7 ? 'male' : 'female'
    const head = person(headAge, headGender)
    const surname = head.name.startsWith('欧阳') || head.name.startsWith('诸葛') || head.name.startsWith('司马') || head.name.startsWith('上官') ? head.name.slice(0, 2) : [...head.name][0]!
    const ms: MemberInputT[] = []
    const health = (age: number) => (age > 70 && r() < 0.5 ? 'chronic' : r() < 0.12 ? 'serious' : 'healthy') as MemberInputT['health']
    const base = (p: { name: string; idNumber: string }, relation: string, age: number): MemberInputT => {
      const h = health(age)
      const disabled = r() < 0.08
      return {
        name: p.name, idNumber: p.idNumber, relation, ethnicity: r() < 0.93 ? '01' : pick(r, ['03', '06', '08', '15']), marital: age < 20 ? '10' : r() < 0.8 ? '20' : pick(r, ['30', '40']),
        hukouType: 'rural', coResident: true, notCountedReason: null, isBeneficiary: true, health: h, diagnosis: h === 'serious' ? pick(r, ['尿毒症', '恶性肿瘤', '脑梗后遗症', '白血病']) : h === 'chronic' ? pick(r, ['高血压', '糖尿病', '慢性支气管炎']) : null,
        disabilityCert: disabled ? `${p.idNumber}${pick(r, ['1', '2', '4', '5', '6'])}${pick(r, ['1', '2', '3', '4'])}` : null,
        labour: age >= 60 || age < 16 || h === 'serious' || disabled ? 'none' : r() < 0.3 ? 'partial' : 'full',
        employment: age < 6 ? 'preschool' : age < 19 ? 'student' : age >= 60 ? 'none' : pick(r, ['farming', 'flexible', 'unregisteredUnemployed']),
        schooling: age < 6 ? 'none' : age < 12 ? 'primary' : age < 15 ? 'junior' : age < 19 ? 'senior' : null,
        employerSchool: age >= 6 && age < 19 ? `${pick(r, ['小冀镇中心', '东风', '向阳'])}${age < 12 ? '小学' : age < 15 ? '初级中学' : '高级中学'}` : null,
        publicPayroll: false, phone: null, deathDate: null
      }
    }
    ms.push(base(head, '02', headAge))
    if (kind >= 0.15 && r() < 0.8) { const sa = Math.max(20, headAge + Math.floor(r() * 7) - 3); ms.push(base(person(sa, headGender === 'male' ? 'female' : 'male'), headGender === 'male' ? '12' : '11', sa)) }
    const kids = kind < 0.3 ? 0 : Math.floor(r() * 3)
    for (let k = 0; k < kids; k++) { const g: 'male' | 'female' = r() < 0.5 ? 'male' : 'female'; const age = Math.max(1, headAge - 22 - Math.floor(r() * 12)); ms.push(base(person(age, g, surname), g === 'male' ? '20' : '30', age)) }
    if (kind > 0.85) { const age = headAge + 25; if (age < 100) ms.push(base(person(age, 'female', undefined), '52', age)) }
    const incomes = ms.filter(() => r() < 0.5).map((m) => ({ memberIdNumber: m.idNumber, memberId: null, kind: pick(r, ['wage', 'business', 'transfer', 'property'] as const), subtype: pick(r, ['务工收入', '种植收入', '养老金', '土地流转', '零工']), amountFen: Math.round(r() * 90000) + 5000, periodFrom: null, periodTo: null, source: pick(r, ['入户调查', '核对报告', '本人申报']), counted: true, note: null }))
    const assets: Array<Record<string, unknown>> = r() < 0.6 ? [{ memberIdNumber: head.idNumber, memberId: null, kind: 'housing', description: pick(r, ['自建砖混房', '土坯房', '砖瓦房']), valueFen: Math.round(r() * 8_000_000), quantity: `${60 + Math.floor(r() * 80)}㎡`, evidence: '入户调查', exempt: true, exemptReason: '唯一住房，生活必需' }] : []
    if (r() < 0.35) assets.push({ memberIdNumber: head.idNumber, memberId: null, kind: 'deposit', description: '银行存款', valueFen: Math.round(r() * 1_500_000), quantity: null, evidence: '核对报告', exempt: false, exemptReason: null })
    const obligors = r() < 0.2 ? [{ name: person(40, 'male', surname).name, idNumber: null, relation: 'child', age: 35 + Math.floor(r() * 10), health: '健康', job: '外出务工', householdSize: 4, monthlyIncomeFen: 400000 + Math.round(r() * 300000), supportPaidFen: 20000, waiver: false, waiverReason: null, consent: true }] : []
    const village = pick(r, villages)
    const category: 'urban' | 'rural' = r() < 0.85 ? 'rural' : 'urban'
    // legacy files (历史档案导入) carry the amount they were paid; files whose income is not below the standard
    // are new applications instead, so the demo has both kinds
    let legacy = r() < 0.75
    const income = incomes.reduce((s, i) => s + i.amountFen, 0)
    const b = computeBenefit({ standardFen: category === 'urban' ? stdUrban : stdRural, members: ms.length, householdSize: ms.length, monthlyIncomeFen: income, method: 'gap' })
    if (!b.eligible) legacy = false
    const dueIn = Math.floor(r() * 420) - 60
    return HouseholdCreateInput.parse({
      legacyBenefitFen: legacy ? b.monthlyFen : null, legacyBenefitFrom: legacy ? `${thisYear - 1 - Math.floor(r() * 4)}-${pad2(1 + Math.floor(r() * 12))}` : null,
      recheckClass: legacy ? pick(r, ['A', 'B', 'B', 'C']) : null, nextRecheckDue: legacy ? addDays(today, dueIn) : null,
      villageCode: village, groupName: `${1 + Math.floor(r() * 9)}组`, address: `${pick(r, ROADS)}${1 + Math.floor(r() * 200)}号`, hukouAddress: null,
      category, phone: `13${Math.floor(r() * 1e9).toString().padStart(9, '0')}`, povertyCause: pick(r, ['disability', 'illness', 'elderly', 'lackLabour', 'singleParent', 'other']),
      registeredPoor: r() < 0.2, relativeFiling: r() < 0.02, housingType: '自建房', housingArea: 60 + Math.floor(r() * 80), bankName: '农村信用合作联社', bankAccount: `6230${Math.floor(r() * 1e12).toString().padStart(12, '0')}`, payeeName: head.name, note: null,
      legacyImport: legacy, applicantIdNumber: null, members: ms, incomes, assets, obligors
    })
  }
}
