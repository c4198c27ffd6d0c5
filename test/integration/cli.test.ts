// The `dibao` CLI end to end, as a child process on the built bundle (npm test builds first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir, testId } from '../fixtures/core'
import { openCore } from '../../main/services/core'
import { createOperator } from '../../main/services/operators'

const root = path.resolve(__dirname, '../..')
const bin = path.join(root, 'main/cli/dibao.cjs')
let dir = ''

function dibao(args: string[], input?: string) {
  if (!fs.existsSync(path.join(root, 'out/main/cli.js'))) throw new Error('out/main/cli.js 不存在：请先 npm run build（npm test 会自动构建）')
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, DIBAO_DATA: '' } })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

beforeAll(() => { dir = tempDir('dibao-cli-') })
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }) })

describe('dibao CLI', () => {
  it('init 只从标准输入读密码，且不能重复初始化', () => {
    const noStdin = dibao(['init', '--data', dir, '--township-code', '410721101', '--township-name', '小冀镇', '--county-name', '新乡县', '--admin', 'admin'])
    expect(noStdin.code).toBe(2)
    expect(noStdin.err).toMatch(/--password-stdin/)
    const weak = dibao(['init', '--data', dir, '--township-code', '410721101', '--township-name', '小冀镇', '--county-name', '新乡县', '--admin', 'admin', '--password-stdin'], 'short\n')
    expect(weak.code).toBe(1)
    expect(weak.err).toMatch(/密码至少8位/)
    const ok = dibao(['init', '--data', dir, '--township-code', '410721101', '--township-name', '小冀镇', '--county-name', '新乡县', '--admin', 'admin', '--password-stdin', '--json'], 'Admin2026ok\n')
    expect(ok.code, ok.err).toBe(0)
    expect(JSON.parse(ok.out).township.code).toBe('410721101')
    const again = dibao(['init', '--data', dir, '--township-code', '410721101', '--township-name', '小冀镇', '--county-name', '新乡县', '--admin', 'admin2', '--password-stdin'], 'Admin2026ok\n')
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/已经初始化/)
    expect(JSON.parse(ok.out).keyFingerprint).toBeNull()
  })

  it('init --with-key：第二行是签名密钥口令，密钥随管理员生成；口令太短则什么都不建', () => {
    const d2 = path.join(dir, 'with-key'), d3 = path.join(dir, 'county-key')
    const args = (d: string) => ['init', '--data', d, '--township-code', '410721102', '--township-name', '大召营镇', '--county-name', '新乡县', '--admin', 'admin', '--with-key', '--password-stdin', '--json']
    const one = dibao(args(d2), 'Admin2026ok\n')
    expect(one.code).toBe(2)
    expect(one.err).toMatch(/第二行签名密钥口令/)
    const short = dibao(args(d2), 'Admin2026ok\nshort\n')
    expect(short.code).toBe(1)
    expect(short.err).toMatch(/签名密钥口令至少 8 位/)
    expect(dibao(['keys', 'show', '--data', d2, '--json']).code).not.toBe(0) // not initialised: nothing was written
    const ok = dibao(args(d2), 'Admin2026ok\nDazhao2026!key\n')
    expect(ok.code, ok.err).toBe(0)
    const fp = (JSON.parse(ok.out) as { keyFingerprint: string }).keyFingerprint
    expect(fp).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/)
    expect(JSON.parse(dibao(['keys', 'show', '--data', d2, '--json']).out)).toMatchObject({ own: { fingerprint: fp } })
    const c = dibao(['init', '--county', '--data', d3, '--county-code', '410721', '--county-name', '新乡县', '--admin', 'xadmin', '--with-key', '--password-stdin'], 'County2026ok\nXinxiang2026!county\n')
    expect(c.code, c.err).toBe(0)
    expect(c.out).toMatch(/签名密钥已生成，指纹 [0-9A-F ]+：请打印密钥告知表/)
  })

  it('village add 校验代码属于本乡镇', () => {
    expect(dibao(['village', 'add', '--data', dir, '--code', '410721101201', '--name', '东风村']).code).toBe(0)
    const wrong = dibao(['village', 'add', '--data', dir, '--code', '410721102201', '--name', '外镇村'])
    expect(wrong.code).toBe(1)
    expect(wrong.err).toMatch(/前9位应为本乡镇代码 410721101/)
    const list = dibao(['village', 'list', '--data', dir, '--json'])
    expect(JSON.parse(list.out).map((v: { name: string }) => v.name)).toEqual(['东风村'])
  })

  it('household add / list / show 与 JSON 输出', () => {
    const file = path.join(dir, 'hh.json')
    const headId = testId('1958-04-12', 'male')
    fs.writeFileSync(file, JSON.stringify({
      villageCode: '410721101201', groupName: '2组', address: '东风村2组8号', category: 'rural',
      members: [
        { name: '吉𠮷', idNumber: headId, relation: '02', health: 'serious', diagnosis: '尿毒症', labour: 'none' },
        { name: '王珺', idNumber: testId('1960-11-02', 'female'), relation: '12' }
      ],
      incomes: [{ memberIdNumber: headId, kind: 'transfer', subtype: '养老金', amountFen: 18000, source: '核对报告' }]
    }))
    const add = dibao(['household', 'add', '--data', dir, '--file', file, '--json'])
    expect(add.code, add.err).toBe(0)
    const { id, fileNo } = JSON.parse(add.out)
    expect(fileNo).toBe('410721101000001')
    const dup = dibao(['household', 'add', '--data', dir, '--file', file])
    expect(dup.code).toBe(1)
    expect(dup.err).toMatch(/已在东风村 户主 吉𠮷 的家庭档案（档案号 410721101000001）中登记/)
    const list = dibao(['household', 'list', '--data', dir, '--q', 'ji', '--json'])
    expect(JSON.parse(list.out).rows.map((r: { id: string }) => r.id)).toEqual([id])
    const byTail = dibao(['household', 'list', '--data', dir, '--q', headId.slice(-6)])
    expect(byTail.out).toMatch(/吉𠮷/)
    const show = dibao(['household', 'show', '--data', dir, '--id', fileNo, '--json'])
    const f = JSON.parse(show.out)
    expect(f.members.map((m: { name: string }) => m.name)).toEqual(['吉𠮷', '王珺'])
    expect(f.totals.monthlyIncomeFen).toBe(18000)
    const bad = path.join(dir, 'bad.json')
    fs.writeFileSync(bad, JSON.stringify({ villageCode: '410721101201', address: 'x', category: 'rural', members: [{ name: '', idNumber: '1', relation: '02' }] }))
    const badRun = dibao(['household', 'add', '--data', dir, '--file', bad])
    expect(badRun.code).toBe(1)
    expect(badRun.err).toMatch(/请填写姓名/)
  })

  it('idcard check：0 有效，1 无效并说明原因', () => {
    const ok = dibao(['idcard', 'check', '11010519491231002x', '--json'])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, normalized: '11010519491231002X', gender: 'female', birthDate: '1949-12-31' })
    const bad = dibao(['idcard', 'check', '110105194912310021'])
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/第18位校验码应为 X/)
    expect(dibao(['idcard', 'check', '130503670401001']).out).toMatch(/130503196704010016/)
  })

  it('demo 生成确定性数据，audit verify 通过', () => {
    const d2 = tempDir('dibao-demo-'), d3 = tempDir('dibao-demo-')
    try {
      const a = dibao(['demo', '--data', d2, '--households', '40', '--seed', '9', '--json'])
      expect(a.code, a.err).toBe(0)
      const r = JSON.parse(a.out)
      expect(r.households).toBe(40)
      expect(r.attachments).toBeGreaterThan(0)
      expect(dibao(['demo', '--data', d3, '--households', '40', '--seed', '9']).code).toBe(0)
      const l2 = JSON.parse(dibao(['household', 'list', '--data', d2, '--page-size', '500', '--json']).out).rows.map((x: { headName: string; fileNo: string }) => x.fileNo + x.headName)
      const l3 = JSON.parse(dibao(['household', 'list', '--data', d3, '--page-size', '500', '--json']).out).rows.map((x: { headName: string; fileNo: string }) => x.fileNo + x.headName)
      expect(l2).toEqual(l3)
      expect(l2).toHaveLength(40)
      expect(r).toMatchObject({ cases: expect.any(Number), notices: expect.any(Number), operatorPassword: 'Demo2026ok' })
      expect(r.cases).toBeGreaterThanOrEqual(10)
      const c2 = JSON.parse(dibao(['case', 'list', '--data', d2, '--status', 'all', '--json']).out).map((x: { caseNo: string; currentStep: string }) => x.caseNo + x.currentStep)
      const c3 = JSON.parse(dibao(['case', 'list', '--data', d3, '--status', 'all', '--json']).out).map((x: { caseNo: string; currentStep: string }) => x.caseNo + x.currentStep)
      expect(c2).toEqual(c3)
      const v = dibao(['audit', 'verify', '--data', d2])
      expect(v.code).toBe(0)
      expect(v.out).toMatch(/审计链完整/)
    } finally { fs.rmSync(d2, { recursive: true, force: true }); fs.rmSync(d3, { recursive: true, force: true }) }
  }, 90_000)

  it('audit verify 发现篡改：退出码 1 并指出第一条坏记录', () => {
    const file = path.join(dir, 'dibao.sqlite')
    spawnSync('sqlite3', [file, "drop trigger audit_log_no_update; update audit_log set after_json = replace(after_json, '东风村', '西风村') where seq = 2;"])
    const v = dibao(['audit', 'verify', '--data', dir])
    expect(v.code).toBe(1)
    expect(v.err).toMatch(/第 2 条记录/)
  })

  it('用法错误退出码 2', () => {
    expect(dibao(['nonsense']).code).toBe(2)
    expect(dibao(['household', 'list']).code).toBe(2)
  })
})

describe('dibao case', () => {
  it('case open / show / list：须指定签字的经办人，JSON 输出案件与期限', async () => {
    const d = tempDir('dibao-case-')
    try {
      expect(dibao(['demo', '--data', d, '--households', '8', '--cases', '0', '--seed', '3', '--password-stdin'], 'Admin2026ok\n').code).toBe(0)
      // a 经办人 account (the CLI has no operator command; the service is the same one the UI uses)
      const core = await openCore(d)
      const admin = await core.db.selectFrom('operator').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow()
      await createOperator(core, { operatorId: admin.id, username: 'admin', name: admin.name, role: 'admin' }, { username: 'zhangjb', name: '张经办', role: 'handler', password: 'Handler2026' })
      await core.close()
      const file = JSON.parse(dibao(['household', 'list', '--data', d, '--status', 'applying', '--json']).out).rows[0].fileNo
      const active = JSON.parse(dibao(['household', 'list', '--data', d, '--status', 'active', '--json']).out).rows[0].fileNo
      const noOp = dibao(['case', 'open', '--data', d, '--household', file, '--kind', 'new'])
      expect(noOp.code).toBe(2)
      expect(noOp.err).toMatch(/--operator/)
      expect(dibao(['case', 'open', '--data', d, '--household', file, '--kind', 'bogus', '--operator', 'zhangjb']).code).toBe(2)
      const asAdmin = dibao(['case', 'open', '--data', d, '--household', file, '--kind', 'new', '--operator', 'admin'])
      expect(asAdmin.code).toBe(1)
      expect(asAdmin.err).toMatch(/请用经办人、审核人或乡镇审核确认人账号/)
      const wrongKind = dibao(['case', 'open', '--data', d, '--household', active, '--kind', 'new', '--operator', 'zhangjb'])
      expect(wrongKind.code).toBe(1)
      expect(wrongKind.err).toMatch(/已在保.*复核或变更/)
      const opened = dibao(['case', 'open', '--data', d, '--household', file, '--kind', 'new', '--operator', 'zhangjb', '--date', '2026-09-14', '--json'])
      expect(opened.code, opened.err).toBe(0)
      const c = JSON.parse(opened.out)
      expect(c).toMatchObject({ caseNo: '410721101-2026-00001', currentStep: 'received', kind: 'newApplication' })
      const again = dibao(['case', 'open', '--data', d, '--household', file, '--kind', 'new', '--operator', 'zhangjb'])
      expect(again.code).toBe(1)
      expect(again.err).toMatch(/已有在办案件/)
      const show = dibao(['case', 'show', '--data', d, '--id', c.caseNo])
      expect(show.out).toMatch(/1\. 2026-09-14 接收申请\t经办人 张经办（zhangjb）/)
      const list = JSON.parse(dibao(['case', 'list', '--data', d, '--json']).out)
      expect(list.map((x: { caseNo: string }) => x.caseNo)).toEqual([c.caseNo])
      expect(JSON.parse(dibao(['case', 'list', '--data', d, '--status', 'closed', '--json']).out)).toEqual([])
      expect(dibao(['case', 'show', '--data', d, '--id', 'nope']).code).toBe(1)
      const re = JSON.parse(dibao(['case', 'open', '--data', d, '--household', active, '--kind', 'recheck', '--operator', 'zhangjb', '--json']).out)
      expect(re).toMatchObject({ kind: 'recheck', variantId: 'management', currentStepLabel: expect.stringMatching(/登记启动/) })

      // benefit calc: 试算 with the standard in force (demo: rural 800.00, urban 950.00 from January)
      const calc = dibao(['benefit', 'calc', '--data', d, '--household', file, '--json'])
      expect(calc.code, calc.err).toBe(0)
      const a = JSON.parse(calc.out)
      expect(a).toMatchObject({ standardFen: expect.any(Number), persons: expect.any(Number), steps: expect.any(Array) })
      expect(a.steps.at(-1)?.label ?? '').toMatch(a.eligible ? /月低保金/ : /低保标准合计/)
      const text = dibao(['benefit', 'calc', '--data', d, '--household', file])
      expect(text.out).toMatch(/试算（.*标准 .* 元\/人·月/)
      expect(text.out).toMatch(/结论：/)
      const before = dibao(['benefit', 'calc', '--data', d, '--household', file, '--date', '2025-06-01'])
      expect(before.code).toBe(1) // no standard entered for 2025
      expect(before.err).toMatch(/低保标准/)
      expect(dibao(['benefit', 'calc', '--data', d, '--household', file, '--date', '2025/06/01']).code).toBe(2)
    } finally { fs.rmSync(d, { recursive: true, force: true }) }
  }, 60_000)
})
