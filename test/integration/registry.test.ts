// Services on a real SQLite file: CRUD, one-open-file-per-person, rollback, audit chain, search.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../main/api/errors'
import * as hh from '../../main/services/households'
import { searchHouseholds } from '../../main/services/search'
import { readCtx, withWrite } from '../../main/services/context'
import { householdTimeline, verifyChain } from '../../main/services/audit'
import { AssetInput, SearchInput } from '../../main/api/schemas'
import { newTestCore, testId, threeMemberHousehold, VILLAGE_B, type TestCore } from '../fixtures/core'

let t: TestCore
beforeEach(async () => { t = await newTestCore() })
afterEach(async () => { await t.cleanup() })

const search = (q: string, extra: Record<string, unknown> = {}) => searchHouseholds(readCtx(t.core, t.admin), SearchInput.parse({ q, ...extra }))
const expectAppError = async (p: Promise<unknown>, code: string, text?: string | RegExp) => {
  const e = await p.then(() => null, (x: unknown) => x)
  expect(e, '应当失败').toBeInstanceOf(AppError)
  expect((e as AppError).code).toBe(code)
  if (text) expect((e as AppError).messageZh).toMatch(text)
  return e as AppError
}

describe('家庭档案 CRUD', () => {
  it('新建三口之家并完整读回', async () => {
    const { id, fileNo } = await hh.createHousehold(t.core, t.admin, threeMemberHousehold({
      incomes: [{ memberIdNumber: null, memberId: null, kind: 'wage', subtype: '务工', amountFen: 123450, periodFrom: '2026-01', periodTo: '2026-06', source: '入户调查', counted: true, note: null }]
    }))
    expect(fileNo).toBe('410721101000001')
    const f = await hh.getHousehold(readCtx(t.core, t.admin), id)
    expect(f.household.headName).toBe('张三')
    expect(f.household.villageName).toBe('东风村')
    expect(f.household.status).toBe('applying')
    expect(f.members.map((m) => m.name)).toEqual(['张三', '李秀英', '张小山'])
    expect(f.members[0]!.relationName).toBe('户主')
    expect(f.members[1]!.gender).toBe('female')
    expect(f.members[2]!.birthDate).toBe('2010-09-01')
    expect(f.totals.monthlyIncomeFen).toBe(123450)
  })

  it('修改基本信息需要当前版本号，旧版本被拒绝', async () => {
    const { id } = await hh.createHousehold(t.core, t.admin, threeMemberHousehold())
    const f = await hh.getHousehold(readCtx(t.core, t.admin), id)
    const fields = { ...threeMemberHousehold(), address: '东风村3组15号' }
    const v = await hh.updateHousehold(t.core, t.admin, { ...fields, id, version: f.household.version })
    expect(v.address).toBe('东风村3组15号')
    await expectAppError(hh.updateHousehold(t.core, t.admin, { ...fields, id, version: f.household.version }), 'STALE', /已被其他人修改/)
  })

  it('增加、修改、减少成员；户主不能直接减少', async () => {
    const { id } = await hh.createHousehold(t.core, t.admin, threeMemberHousehold())
    const ctx = () => readCtx(t.core, t.admin)
    const grandma = await hh.addMember(t.core, t.admin, { householdId: id, member: { ...threeMemberHousehold().members[1]!, name: '赵桂兰', idNumber: testId('1940-01-20', 'female'), relation: '52' } })
    expect((await hh.getHousehold(ctx(), id)).household.memberCount).toBe(4)
    await hh.updateMember(t.core, t.admin, { id: grandma.id, member: { ...threeMemberHousehold().members[1]!, name: '赵桂兰', idNumber: grandma.idNumber, relation: '52', health: 'serious', diagnosis: '脑梗后遗症' } })
    expect((await hh.getHousehold(ctx(), id)).members.find((m) => m.id === grandma.id)!.health).toBe('serious')
    await hh.removeMember(t.core, t.admin, { id: grandma.id, reason: '死亡', deathDate: '2026-11-01' })
    const f = await hh.getHousehold(ctx(), id)
    expect(f.household.memberCount).toBe(3)
    expect(f.formerMembers.map((m) => m.name)).toEqual(['赵桂兰'])
    await expectAppError(hh.removeMember(t.core, t.admin, { id: f.members[0]!.id, reason: '迁出' }), 'VALIDATION', /户主/)
  })

  it('成员在两户之间迁移，原户留痕，新户可查', async () => {
    const a = await hh.createHousehold(t.core, t.admin, threeMemberHousehold())
    const b = await hh.createHousehold(t.core, t.admin, threeMemberHousehold({ villageCode: VILLAGE_B }, ['刘建国', '孙丽', '刘洋']))
    const son = (await hh.getHousehold(readCtx(t.core, t.admin), a.id)).members[2]!
    await hh.moveMember(t.core, t.admin, { id: son.id, toHouseholdId: b.id, relation: '93', reason: '随舅舅生活' })
    const fa = await hh.getHousehold(readCtx(t.core, t.admin), a.id)
    const fb = await hh.getHousehold(readCtx(t.core, t.admin), b.id)
    expect(fa.members.map((m) => m.name)).not.toContain('张小山')
    expect(fa.formerMembers[0]!.leftReason).toMatch(/迁至档案/)
    expect(fb.members.map((m) => m.name)).toContain('张小山')
    expect((await search(son.idNumber)).rows.map((r) => r.id)).toEqual(expect.arrayContaining([b.id]))
  })

  it('注销档案后，其成员可以在新档案中登记', async () => {
    const input = threeMemberHousehold()
    const { id } = await hh.createHousehold(t.core, t.admin, input)
    await hh.deactivateHousehold(t.core, t.admin, { id, status: 'stopped', reason: '家庭收入超过标准' })
    const again = await hh.createHousehold(t.core, t.admin, { ...input, villageCode: VILLAGE_B })
    expect(again.id).not.toBe(id)
    await expectAppError(hh.updateHousehold(t.core, t.admin, { ...input, id, version: 99 }), 'CONFLICT', /停保/)
  })

  it('收入、财产、义务人登记与删除（软删除并留原因）', async () => {
    const { id } = await hh.createHousehold(t.core, t.admin, threeMemberHousehold())
    const inc = await hh.saveIncome(t.core, t.admin, { householdId: id, income: { memberIdNumber: null, memberId: null, kind: 'transfer', subtype: '养老金', amountFen: 15000, periodFrom: null, periodTo: null, source: '核对报告', counted: true, note: null } })
    await hh.saveAsset(t.core, t.admin, { householdId: id, asset: { memberIdNumber: null, memberId: null, kind: 'vehicle', description: '三轮摩托车', valueFen: 300000, quantity: '1辆', sizeClass: 'small', evidence: '入户调查', exempt: true, exemptReason: '务农生产必需' } })
    await hh.saveObligor(t.core, t.admin, { householdId: id, obligor: { name: '张大山', idNumber: testId('1990-02-02'), relation: 'child', age: 36, health: '健康', job: '外出务工', householdSize: 3, monthlyIncomeFen: 500000, supportPaidFen: 30000, waiver: false, waiverReason: null, consent: true } })
    await hh.removeChild(t.core, t.admin, { kind: 'income', id: inc.id, reason: '重复录入' })
    const f = await hh.getHousehold(readCtx(t.core, t.admin), id)
    expect(f.incomes).toHaveLength(0)
    expect(f.assets[0]).toMatchObject({ exempt: true, sizeClass: 'small' })
    expect(f.obligors[0]!.name).toBe('张大山')
    expect(() => AssetInput.parse({ kind: 'deposit', description: '存款', valueFen: 100, sizeClass: 'large' })).toThrow(/只有车辆、船舶和机械需要选择规格/)
  })
})

describe('一人只能在一个在办档案中', () => {
  it('第二次登记被拒绝，并指明已登记的档案', async () => {
    const first = threeMemberHousehold()
    const { fileNo } = await hh.createHousehold(t.core, t.admin, first)
    const second = threeMemberHousehold({ villageCode: VILLAGE_B }, ['刘建国', '孙丽', '刘洋'])
    second.members[1] = { ...second.members[1]!, idNumber: first.members[1]!.idNumber }
    const e = await expectAppError(hh.createHousehold(t.core, t.admin, second), 'DUPLICATE_PERSON', new RegExp(`东风村 户主 张三 的家庭档案（档案号 ${fileNo}）`))
    expect(e.fields?.['members.1.idNumber']).toMatch(fileNo)
    expect((await search('')).total).toBe(1) // nothing half-saved
  })

  it('数据库的部分唯一索引本身也拒绝（绕过服务层直接写入）', async () => {
    const first = threeMemberHousehold()
    await hh.createHousehold(t.core, t.admin, first)
    const raw = new BetterSqlite3(path.join(t.dir, 'dibao.sqlite'))
    const m = raw.prepare('select * from member limit 1').get() as Record<string, unknown>
    expect(() => raw.prepare('insert into member (' + Object.keys(m).join(',') + ') values (' + Object.keys(m).map(() => '?').join(',') + ')').run(...Object.values({ ...m, id: 'x-dup' }))).toThrow(/UNIQUE/)
    raw.close()
  })

  it('同一户内重复的身份证号、两个户主、无户主都给出中文说明', async () => {
    const dup = threeMemberHousehold()
    dup.members[2] = { ...dup.members[2]!, idNumber: dup.members[0]!.idNumber }
    await expectAppError(hh.createHousehold(t.core, t.admin, dup), 'VALIDATION', /重复登记/)
    const twoHeads = threeMemberHousehold()
    twoHeads.members[1] = { ...twoHeads.members[1]!, relation: '02' }
    await expectAppError(hh.createHousehold(t.core, t.admin, twoHeads), 'VALIDATION', /只能有一名户主/)
    const noHead = threeMemberHousehold()
    noHead.members[0] = { ...noHead.members[0]!, relation: '10' }
    await expectAppError(hh.createHousehold(t.core, t.admin, noHead), 'VALIDATION', /请指定户主/)
    const badId = threeMemberHousehold()
    badId.members[1] = { ...badId.members[1]!, idNumber: '110105194912310021' }
    const e = await expectAppError(hh.createHousehold(t.core, t.admin, badId), 'VALIDATION', /第18位校验码应为 X/)
    expect(e.fields?.['members.1.idNumber']).toMatch(/校验码/)
  })
})

describe('事务', () => {
  it('写入中途失败则整体回滚，审计链不留痕', async () => {
    const before = await verifyChain(t.core.db)
    const input = threeMemberHousehold()
    await expect(withWrite(t.core, t.admin, async (w) => {
      await hh.insertHousehold(w, input)
      throw new Error('模拟断电')
    })).rejects.toThrow('模拟断电')
    expect((await search('')).total).toBe(0)
    expect((await search('张三')).total).toBe(0)
    const after = await verifyChain(t.core.db)
    expect(after.entries).toBe(before.entries)
    // and the same people can then be registered
    await hh.createHousehold(t.core, t.admin, input)
    expect((await search('张三')).total).toBe(1)
  })

  it('没有审计记录的写操作被拒绝', async () => {
    await expect(withWrite(t.core, t.admin, async (w) => { await w.tx.updateTable('village').set({ name: '改名村' }).where('code', '=', '410721101201').execute() })).rejects.toThrow(/缺少审计记录/)
    const v = await t.core.db.selectFrom('village').select('name').where('code', '=', '410721101201').executeTakeFirstOrThrow()
    expect(v.name).toBe('东风村')
  })
})

describe('审计链', () => {
  it('每次写入一条记录，变更记录显示谁在何时改了什么', async () => {
    const { id } = await hh.createHousehold(t.core, t.admin, threeMemberHousehold())
    const f = await hh.getHousehold(readCtx(t.core, t.admin), id)
    await hh.updateHousehold(t.core, t.admin, { ...threeMemberHousehold(), address: '东风村5组1号', id, version: f.household.version })
    const tl = await householdTimeline(readCtx(t.core, t.admin), id)
    expect(tl).toHaveLength(2)
    expect(tl[0]!.operator).toBe('王管理（admin）')
    expect(tl[0]!.changes).toEqual([{ field: 'address', before: '东风村3组12号', after: '东风村5组1号' }])
    expect(tl[1]!.summary).toMatch(/新建家庭档案 410721101000001/)
    // an addition lists what was entered (scalars; unset flags left out)
    expect(tl[1]!.changes).toEqual(expect.arrayContaining([{ field: 'address', before: null, after: '东风村3组12号' }, { field: 'category', before: null, after: 'rural' }]))
    expect(tl[1]!.changes.map((c) => c.field)).not.toContain('registeredPoor')
  })

  it('触发器禁止修改和删除审计记录', async () => {
    await hh.createHousehold(t.core, t.admin, threeMemberHousehold())
    const raw = new BetterSqlite3(path.join(t.dir, 'dibao.sqlite'))
    expect(() => raw.prepare("update audit_log set summary = 'x' where seq = 1").run()).toThrow(/append-only/)
    expect(() => raw.prepare('delete from audit_log where seq = 1').run()).toThrow(/append-only/)
    raw.close()
  })

  it('用 sqlite3 命令行改动一条记录后，校验指出第一条被破坏的记录', async () => {
    for (let i = 0; i < 3; i++) await hh.createHousehold(t.core, t.admin, threeMemberHousehold({}, [`王${'一二三'[i]}`, '李秀英', '王小明']))
    const ok = await verifyChain(t.core.db)
    expect(ok.ok).toBe(true)
    await t.core.close()
    const file = path.join(t.dir, 'dibao.sqlite')
    // a tamperer drops the trigger and edits a summary: the chain must still expose it
    execFileSync('sqlite3', [file, "drop trigger audit_log_no_update; update audit_log set summary = '新建家庭档案（被篡改）' where seq = 5;"])
    const { openCore } = await import('../../main/services/core')
    t.core = await openCore(t.dir)
    const bad = await verifyChain(t.core.db)
    expect(bad.ok).toBe(false)
    expect(bad.broken!.seq).toBe(5)
    expect(bad.broken!.reason).toMatch(/被改动/)
  })
})

describe('检索', () => {
  beforeEach(async () => {
    await hh.createHousehold(t.core, t.admin, threeMemberHousehold())
    await hh.createHousehold(t.core, t.admin, threeMemberHousehold({ villageCode: VILLAGE_B }, ['张小山', '王芳', '张𠮷']))
    await hh.createHousehold(t.core, t.admin, threeMemberHousehold({ category: 'urban' }, ['李四', '赵敏', '李堃']))
  })
  it('拼音首字母 zhs 找到张三和张小山', async () => {
    const r = await search('zhs')
    expect(r.rows.map((x) => x.headName).sort()).toEqual(['张三', '张小山'])
    expect(r.matchedBy).toBe('姓名拼音')
  })
  it('姓名（含成员、生僻字）', async () => {
    expect((await search('张小山')).total).toBe(2) // head of one, member of the other
    expect((await search('𠮷')).rows.map((x) => x.headName)).toEqual(['张小山'])
    expect((await search('堃')).rows.map((x) => x.headName)).toEqual(['李四'])
    expect((await search('ls')).rows.map((x) => x.headName)).toEqual(['李四'])
  })
  it('身份证全号、后6位、档案号', async () => {
    const all = await search('')
    const f = await hh.getHousehold(readCtx(t.core, t.admin), all.rows[2]!.id)
    const id = f.members[1]!.idNumber
    expect((await search(id)).rows.map((r) => r.id)).toEqual([f.household.id])
    expect((await search(id.slice(-6))).rows.map((r) => r.id)).toContain(f.household.id)
    expect((await search(f.household.fileNo)).rows.map((r) => r.id)).toEqual([f.household.id])
    expect((await search(f.household.fileNo.slice(-6))).rows.map((r) => r.id)).toContain(f.household.id)
  })
  it('注销的档案不出现在“在办”检索中，按状态筛选仍可查到；排序与档案号一致', async () => {
    const r = await search('张小山')
    const target = r.rows.find((x) => x.headName === '张小山')!
    await hh.deactivateHousehold(t.core, t.admin, { id: target.id, status: 'stopped', reason: '收入超过标准' })
    expect((await search('张小山', { status: 'open' })).rows.map((x) => x.headName)).toEqual(['张三'])
    expect((await search('张小山')).total).toBe(2) // no status filter: all files
    expect((await search('zxs', { status: null })).total).toBe(2)
    expect((await search('张小山', { status: 'stopped' })).rows.map((x) => x.id)).toEqual([target.id])
    const desc = await search('z', { order: 'desc', status: null })
    expect(desc.rows.map((x) => x.fileNo)).toEqual([...desc.rows.map((x) => x.fileNo)].sort().reverse())
    const seqs = await t.core.db.selectFrom('household').select(['seq', 'file_no']).orderBy('seq').execute()
    expect(seqs.map((x) => x.file_no)).toEqual([...seqs.map((x) => x.file_no)].sort())
  })
  it('按匹配程度排序：完全匹配的键排在前面，计数上限 1000', async () => {
    const r = await search('zhs', { sort: 'relevance', status: 'open' })
    expect(r.rows.map((x) => x.headName)).toEqual(['张三', '张小山'])
    expect(r.cap).toBe(1000)
    const p2 = await search('z', { sort: 'relevance', status: 'open', pageSize: 2, page: 2 })
    expect(p2.total).toBe(3)
    expect(p2.rows).toHaveLength(1)
  })
  it('筛选、排序、分页在服务端完成', async () => {
    expect((await search('', { villageCode: VILLAGE_B })).rows.map((r) => r.headName)).toEqual(['张小山'])
    expect((await search('', { category: 'urban' })).rows.map((r) => r.headName)).toEqual(['李四'])
    const sorted = await search('', { sort: 'headName', order: 'asc' })
    expect(sorted.rows.map((r) => r.headName)).toEqual(['李四', '张三', '张小山'])
    const p2 = await search('', { pageSize: 2, page: 2 })
    expect(p2.total).toBe(3)
    expect(p2.rows).toHaveLength(1)
    expect(sorted.rows[0]!.headIdMasked).toMatch(/^4107\*{10}\d{3}[\dX]$/)
  })
})
