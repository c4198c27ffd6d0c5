import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ATTACHMENT_KINDS } from '../../main/domain/codes'
import { buildCalendar, type HolidayRow } from '../../main/domain/workdays'
import {
  STEP_KIND_LABELS,
  VARIANTS,
  canTransition,
  caseDueDate,
  checkSignature,
  dueDate,
  isOverdue,
  stepOrder,
  variantFor,
  variantIdForCase,
  proposalAllows,
  type ProposalOutcome,
  type StepDef,
  type StepKind,
  type Variant,
  type VariantId,
} from '../../main/domain/workflow'
import { noticeEnd, type NoticeDuration } from '../../main/domain/notice'

const rows: HolidayRow[] = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../resources/policy/holidays.json'), 'utf8'),
)
const cal = buildCalendar(rows)
const national = variantFor('national', 'county')
const township = variantFor('national', 'township')

function walk(v: Variant, path: StepKind[]): void {
  for (let i = 0; i + 1 < path.length; i++) {
    expect(canTransition(v, path[i], path[i + 1]), `${path[i]} → ${path[i + 1]}`).toEqual({ ok: true })
  }
  expect(v.steps[path[path.length - 1]]?.terminal).toBe(true)
}

const allVariants: Array<[string, Variant]> = [
  ...(Object.keys(VARIANTS) as VariantId[]).map((id) => [id, VARIANTS[id]] as [string, Variant]),
  ['national/township', township],
]

describe('程序数据的一致性（四种程序 + 乡镇审核确认）', () => {
  it.each(allVariants)('%s：环节齐全、流向有效、附件代码存在、时限起点存在', (_id, v) => {
    const codes = new Set(ATTACHMENT_KINDS.map((k) => k.code))
    expect(v.steps[v.start]).toBeDefined()
    for (const def of Object.values(v.steps) as StepDef[]) {
      expect(def.label).toMatch(/[\u4e00-\u9fff]/)
      expect(v.steps[def.kind]).toBe(def)
      for (const n of def.next) expect(v.steps[n], `${def.kind} → ${n}`).toBeDefined()
      for (const a of def.requiredAttachments) expect(codes.has(a), a).toBe(true)
      if (def.deadlineWD) expect(v.steps[def.deadlineWD.from]).toBeDefined()
      for (const s of def.separationFrom ?? []) expect(v.steps[s]).toBeDefined()
      expect(def.terminal === true).toBe(def.next.length === 0)
      expect(def.role).not.toBe('admin')
    }
  })

  it.each(allVariants)('%s：每个环节都能从起点到达，且都能到达终结环节', (_id, v) => {
    const reach = new Set<StepKind>([v.start])
    const queue: StepKind[] = [v.start]
    while (queue.length) for (const n of v.steps[queue.shift()!]!.next) if (!reach.has(n)) (reach.add(n), queue.push(n))
    expect([...reach].sort()).toEqual(stepOrder(v).sort())
    for (const k of stepOrder(v)) {
      const seen = new Set<StepKind>([k])
      const q: StepKind[] = [k]
      let ends = false
      while (q.length) {
        const d = v.steps[q.shift()!]!
        if (d.terminal) ends = true
        for (const n of d.next) if (!seen.has(n)) (seen.add(n), q.push(n))
      }
      expect(ends, k).toBe(true)
    }
  })
})

describe('national：完整流程', () => {
  it('接收→受理→调查→评议→初审→公示→报送→确认→公布→办结', () => {
    walk(national, ['received', 'accepted', 'investigating', 'reviewMeeting', 'preliminary', 'noticing', 'submitted', 'approved', 'published', 'closed'])
  })
  it('其他合法路径：补正、核对异议复查、公示异议、退回、不予确认、撤回', () => {
    walk(national, ['received', 'pendingMaterials', 'accepted', 'investigating', 'checkObjection', 'investigating', 'preliminary', 'noticing', 'objectionHandling', 'preliminary', 'noticing', 'submitted', 'returned', 'investigating', 'preliminary', 'submitted', 'rejected', 'closed'])
    walk(national, ['received', 'notAccepted'])
    walk(national, ['received', 'pendingMaterials', 'withdrawn'])
    walk(national, ['received', 'accepted', 'investigating', 'terminated'])
  })
  it('国家程序默认县级确认，受理后有 30（45）个工作日的总时限', () => {
    expect(national).toBe(VARIANTS.national)
    expect(national.decisionLevel).toBe('county')
    expect(national.caseLimitWD).toMatchObject({ days: 30, extendedDays: 45 })
    expect(national.steps.preliminary?.requiredAttachments).toEqual(['visitForm', 'checkReport'])
    expect(national.steps.accepted?.requiredAttachments).toEqual(['application', 'pledge', 'consent'])
    expect(national.steps.noticing?.durationDays).toBe(7)
  })
})

describe('national + 乡镇审核确认', () => {
  it('“报送县级”换成“乡镇审核确认”，由乡镇审核确认人签字', () => {
    expect(township.steps.submitted).toBeUndefined()
    expect(township.steps.townshipDecision?.role).toBe('townshipApprover')
    expect(township.steps.approved?.role).toBe('townshipApprover')
    expect(township.steps.rejected?.role).toBe('townshipApprover')
    expect(township.decisionLevel).toBe('township')
    expect(township.caseLimitWD).toMatchObject({ days: 20, extendedDays: 45 })
    walk(township, ['received', 'accepted', 'investigating', 'preliminary', 'noticing', 'townshipDecision', 'approved', 'published', 'closed'])
    walk(township, ['received', 'accepted', 'investigating', 'preliminary', 'townshipDecision', 'rejected', 'closed'])
    // the county data itself is untouched
    expect(VARIANTS.national.steps.submitted?.role).toBe('handler')
  })
  it('旧程序只能县级审批', () => {
    expect(() => variantFor('nineSteps', 'township')).toThrow('只适用于县级审批')
    expect(() => variantFor('fourGates', 'township')).toThrow('只适用于县级审批')
    expect(variantFor('legacy2012', 'county')).toBe(VARIANTS.legacy2012)
  })
})

describe('其他程序的顺序', () => {
  it('九步工作法：户主申请→审查受理→调查核实→民主评议→张榜公示→乡镇审核→县民政局审批→长期公示→发放', () => {
    const v = VARIANTS.nineSteps
    const path: StepKind[] = ['received', 'accepted', 'investigating', 'reviewMeeting', 'noticing', 'preliminary', 'submitted', 'approved', 'published', 'closed']
    walk(v, path)
    expect(path.map((k) => v.steps[k]!.label)).toEqual(['户主申请', '审查受理', '调查核实', '民主评议', '张榜公示', '乡镇审核', '报送县民政局审批', '县民政局审批同意', '长期公示', '发放（办结）'])
    expect(canTransition(v, 'reviewMeeting', 'preliminary').ok).toBe(false)
  })
  it('四道关口：一榜→二榜→县级会审后三榜，三榜无异议才确定为低保对象', () => {
    const v = VARIANTS.fourGates
    walk(v, ['received', 'accepted', 'villageInvestigation', 'villageReview', 'villageNoticing', 'investigating', 'reviewMeeting', 'preliminary', 'noticing', 'submitted', 'countyNoticing', 'approved', 'published', 'closed'])
    walk(v, ['received', 'accepted', 'villageInvestigation', 'villageReview', 'villageNoticing', 'investigating', 'reviewMeeting', 'preliminary', 'noticing', 'submitted', 'countyNoticing', 'objectionHandling', 'investigating', 'reviewMeeting', 'preliminary', 'noticing', 'submitted', 'rejected', 'closed'])
    expect(canTransition(v, 'submitted', 'approved').ok).toBe(false)
    const notices = stepOrder(v).filter((k) => v.steps[k]!.durationDays)
    expect(notices).toEqual(['villageNoticing', 'noticing', 'countyNoticing'])
  })
  it('2012试行：先核对，核对不符由乡镇书面告知；乡镇、县两级公示；民主评议必经', () => {
    const v = VARIANTS.legacy2012
    walk(v, ['received', 'accepted', 'checking', 'checkRejected', 'closed'])
    walk(v, ['received', 'accepted', 'checking', 'investigating', 'reviewMeeting', 'preliminary', 'noticing', 'submitted', 'countyNoticing', 'approved', 'published', 'closed'])
    expect(canTransition(v, 'investigating', 'preliminary').ok).toBe(false)
    expect(canTransition(v, 'accepted', 'investigating').ok).toBe(false)
  })
})

describe('canTransition：拒绝并说明原因', () => {
  it.each<[string, Variant, StepKind, StepKind, string]>([
    ['跳过调查直接初审', national, 'accepted', 'preliminary', '不能从“受理”直接转到“初审意见”，只能转到“调查核实”、“撤回申请”、“终止审核确认”'],
    ['未报送就确认', national, 'noticing', 'approved', '不能从“初审公示”直接转到“确认纳入低保”，只能转到“报送县级审核确认”、“公示异议处理”、“撤回申请”、“终止审核确认”'],
    ['办结后再流转', national, 'closed', 'investigating', '“办结”是终结环节，案件已结束，不能再转到“调查核实”'],
    ['不予受理后再受理', national, 'notAccepted', 'accepted', '“不予受理”是终结环节'],
    ['县级程序没有乡镇审核确认', national, 'noticing', 'townshipDecision', '没有“乡镇审核确认”环节'],
    ['乡镇程序没有报送县级', township, 'noticing', 'submitted', '没有“报送县级审核确认”环节'],
    ['确认后不能不予确认', national, 'approved', 'rejected', '不能从“确认纳入低保”直接转到“不予确认”'],
    ['缺材料不是不予受理的理由：补正只能受理或撤回', national, 'pendingMaterials', 'notAccepted', '只能转到“受理”、“撤回申请”'],
  ])('%s', (_name, v, from, to, reason) => {
    const r = canTransition(v, from, to)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toContain(reason)
  })
})

describe('checkSignature：角色与职责分离', () => {
  const history = [
    { kind: 'received' as StepKind, signerId: 'zhang' },
    { kind: 'accepted' as StepKind, signerId: 'zhang' },
    { kind: 'investigating' as StepKind, signerId: 'li' },
    { kind: 'preliminary' as StepKind, signerId: 'wang' },
  ]
  it('合规签字通过', () => {
    expect(checkSignature(national, 'investigating', 'li', history.slice(0, 2), 'handler')).toEqual({ ok: true })
    expect(checkSignature(national, 'preliminary', 'wang', history.slice(0, 3), 'reviewer')).toEqual({ ok: true })
    expect(checkSignature(township, 'townshipDecision', 'zhao', history, 'townshipApprover')).toEqual({ ok: true })
    expect(checkSignature(township, 'approved', 'zhao', history, 'townshipApprover')).toEqual({ ok: true })
    expect(checkSignature(national, 'approved', 'county1', history, 'countyApprover')).toEqual({ ok: true })
  })
  it.each<[string, Variant, StepKind, string, StepKind[] | null, 'handler' | 'reviewer' | 'townshipApprover' | 'countyApprover' | 'admin', string]>([
    ['调查人不得签初审', national, 'preliminary', 'li', null, 'reviewer', '同一案件中签过“调查核实”的人员不能再签“初审意见”'],
    ['受理人不得签初审', national, 'preliminary', 'zhang', null, 'reviewer', '签过“受理”的人员不能再签“初审意见”'],
    ['初审人不得作乡镇审核确认', township, 'townshipDecision', 'wang', null, 'townshipApprover', '签过“初审意见”的人员不能再签“乡镇审核确认”'],
    ['初审人不得签乡镇确认', township, 'approved', 'wang', null, 'townshipApprover', '签过“初审意见”的人员不能再签“确认纳入低保”'],
    ['调查人不得签乡镇不予确认', township, 'rejected', 'li', null, 'townshipApprover', '签过“调查核实”的人员'],
    ['接收人不得签不予受理', national, 'notAccepted', 'zhang', ['received'], 'reviewer', '签过“接收申请”的人员不能再签“不予受理”'],
    ['经办人不能签初审', national, 'preliminary', 'sun', null, 'handler', '“初审意见”应由审核人签字，当前操作员的角色是经办人'],
    ['审核人不能代经办调查', national, 'investigating', 'wang', null, 'reviewer', '“调查核实”应由经办人签字'],
    ['乡镇不能签县级确认', national, 'approved', 'zhao', null, 'townshipApprover', '应由县级审核确认人签字'],
    ['管理员不签程序环节', national, 'accepted', 'root', null, 'admin', '当前操作员的角色是系统管理员'],
    ['程序没有的环节', national, 'townshipDecision', 'zhao', null, 'townshipApprover', '没有“乡镇审核确认”环节'],
    ['签字人为空', national, 'accepted', '', null, 'handler', '签字人不能为空'],
  ])('%s', (_name, v, kind, signer, kinds, role, reason) => {
    const h = kinds ? history.filter((x) => kinds.includes(x.kind)) : history
    const r = checkSignature(v, kind, signer, h, role)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toContain(reason)
  })
})

describe('时限（2026年节假日安排）', () => {
  it('周一 2026-09-14 受理 + 3 个工作日 → 调查 2026-09-17 前开始', () => {
    expect(dueDate(national, 'investigating', [{ kind: 'accepted', at: '2026-09-14' }], cal)).toEqual({ due: '2026-09-17', warnings: [] })
  })
  it('2026-09-14 报送 → 县级 10 个工作日内确认：2026-09-28（09-20 周日调休上班，09-25 中秋放假）', () => {
    const h = [{ kind: 'accepted' as StepKind, at: '2026-09-01' }, { kind: 'submitted' as StepKind, at: '2026-09-14' }]
    expect(dueDate(national, 'approved', h, cal)?.due).toBe('2026-09-28')
    expect(dueDate(national, 'rejected', h, cal)?.due).toBe('2026-09-28')
  })
  it('不予确认后 3 个工作日内书面告知：09-14 → 09-17；09-28 → 10-08（跨国庆）', () => {
    expect(dueDate(national, 'closed', [{ kind: 'rejected', at: '2026-09-14' }], cal)?.due).toBe('2026-09-17')
    expect(dueDate(national, 'closed', [{ kind: 'rejected', at: '2026-09-28' }], cal)?.due).toBe('2026-10-08')
    // approved → published → closed: no refusal, no limit
    expect(dueDate(national, 'closed', [{ kind: 'approved', at: '2026-09-28' }], cal)).toBeNull()
  })
  it('2026-02-10 受理 + 3 → 02-13', () => {
    expect(dueDate(national, 'investigating', [{ kind: 'accepted', at: '2026-02-10' }], cal)?.due).toBe('2026-02-13')
  })
  it('退回后重新报送：县级 10 个工作日从最近一次报送起算；总时限从首次受理起算不重置', () => {
    const h = [
      { kind: 'accepted' as StepKind, at: '2026-09-14' },
      { kind: 'submitted' as StepKind, at: '2026-09-15' },
      { kind: 'returned' as StepKind, at: '2026-09-16' },
      { kind: 'submitted' as StepKind, at: '2026-09-14' }, // out-of-order row: latest date wins
      { kind: 'submitted' as StepKind, at: '2026-10-09' },
    ]
    expect(dueDate(national, 'approved', h, cal)?.due).toBe('2026-10-22') // 10-10 (Sat) is a 调休 workday
    expect(caseDueDate(national, h, cal)?.due).toBe('2026-10-30')
    expect(caseDueDate(national, h, cal, true)?.due).toBe('2026-11-20')
    expect(caseDueDate(township, h, cal)?.due).toBe('2026-10-16')
    expect(caseDueDate(VARIANTS.legacy2012, h, cal)).toBeNull()
  })
  it('没有时限或起点尚未发生 → null；乡镇模式确认无单环节时限', () => {
    expect(dueDate(national, 'reviewMeeting', [{ kind: 'accepted', at: '2026-09-14' }], cal)).toBeNull()
    expect(dueDate(national, 'investigating', [], cal)).toBeNull()
    expect(dueDate(township, 'approved', [{ kind: 'townshipDecision', at: '2026-09-14' }], cal)).toBeNull()
    expect(caseDueDate(national, [], cal)).toBeNull()
  })
  it('2012试行：入户 10 个工作日内完成，评议后 5 个工作日内形成审核意见；县级 5 个工作日内提出意见', () => {
    const v = VARIANTS.legacy2012
    expect(dueDate(v, 'reviewMeeting', [{ kind: 'accepted', at: '2026-09-14' }], cal)?.due).toBe('2026-09-28')
    expect(dueDate(v, 'preliminary', [{ kind: 'reviewMeeting', at: '2026-09-14' }], cal)?.due).toBe('2026-09-20') // Sun 调休
    expect(dueDate(v, 'countyNoticing', [{ kind: 'submitted', at: '2026-09-14' }], cal)?.due).toBe('2026-09-20')
  })
  it('无节假日数据的年份给出提示', () => {
    const r = dueDate(national, 'approved', [{ kind: 'submitted', at: '2027-03-01' }], cal)
    expect(r?.due).toBe('2027-03-15')
    expect(r?.warnings).toEqual(['2027年的节假日安排尚未录入，截止日期按普通周末推算，请管理员录入后复核'])
  })
  it.each([
    ['截止当天不算逾期', '2026-09-17', '2026-09-17', false],
    ['截止次日逾期', '2026-09-17', '2026-09-18', true],
    ['截止前', '2026-09-17', '2026-09-16', false],
    ['跨年', '2026-12-31', '2027-01-01', true],
  ])('isOverdue：%s', (_n, due, asOf, expected) => {
    expect(isOverdue(due, asOf)).toBe(expected)
  })
})

it('默认环节名称均为中文', () => {
  for (const label of Object.values(STEP_KIND_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fff（）]+$/)
})

describe('动态管理程序（复核、变更、停保、渐退、恢复）', () => {
  const mgmt = variantFor('management', 'county')
  const mgmtT = variantFor('management', 'township')
  it('新申请用所选程序，其余案件一律走动态管理程序', () => {
    expect(variantIdForCase('newApplication', 'fourGates')).toBe('fourGates')
    for (const k of ['recheck', 'change', 'stop', 'phaseOut', 'resume'] as const) expect(variantIdForCase(k, 'fourGates')).toBe('management')
  })
  it('减发：启动 → 入户调查 → 拟调整方案 → 听取意见 → 报送决定 → 决定 → 书面告知 → 办结', () => {
    walk(mgmt, ['received', 'investigating', 'preliminary', 'hearing', 'submitted', 'approved', 'notified', 'closed'])
    walk(mgmtT, ['received', 'investigating', 'preliminary', 'hearing', 'townshipDecision', 'approved', 'notified', 'closed'])
  })
  it('维持原金额：审核人签署方案后直接办结', () => { walk(mgmt, ['received', 'investigating', 'preliminary', 'closed']) })
  it('听取当事人意见 5 个工作日内（⚙ hearing.responseWD）；书面告知 3 个工作日内', () => {
    expect(dueDate(mgmt, 'hearing', [{ kind: 'preliminary', at: '2026-09-28' }], cal)?.due).toBe('2026-10-10') // 09-29, 09-30, 10-08, 10-09, 10-10 (Sat, 调休上班)
    expect(dueDate(mgmt, 'notified', [{ kind: 'approved', at: '2026-09-14' }], cal)?.due).toBe('2026-09-17')
  })
  const table: Array<[string, ProposalOutcome, StepKind, boolean, RegExp?]> = [
    ['减发须先听取意见', 'decrease', 'submitted', false, /须先听取当事人意见/],
    ['停发须先听取意见', 'stop', 'submitted', false, /社会救助法》第四十八条/],
    ['渐退须先听取意见', 'phaseOut', 'submitted', false, /听取/],
    ['减发可进入听取意见', 'decrease', 'hearing', true],
    ['增发不需听取意见', 'increase', 'hearing', false, /不需要听取意见/],
    ['增发直接报送决定', 'increase', 'submitted', true],
    ['维持原金额直接办结', 'noChange', 'closed', true],
    ['维持原金额不需报送', 'noChange', 'submitted', false, /直接办结/],
    ['恢复直接办结', 'resume', 'closed', true],
    ['停发不能直接办结', 'stop', 'closed', false, /须经决定/],
  ]
  it.each(table)('%s', (_n, outcome, to, ok, re) => {
    const r = proposalAllows(outcome, to, 'submitted')
    expect(r.ok).toBe(ok)
    if (!r.ok && re) expect(r.reason).toMatch(re)
  })
  it('乡镇审核确认模式下的决定由乡镇审核确认人签署，且不能是拟方案的审核人或调查人', () => {
    expect(mgmtT.steps.approved?.role).toBe('townshipApprover')
    const h = [{ kind: 'preliminary' as StepKind, signerId: 'p1' }, { kind: 'investigating' as StepKind, signerId: 'i1' }]
    expect(checkSignature(mgmtT, 'approved', 'p1', h, 'townshipApprover').ok).toBe(false)
    expect(checkSignature(mgmtT, 'approved', 'x9', h, 'townshipApprover').ok).toBe(true)
    expect(variantFor('management', 'township')).toBe(mgmtT) // memoised
  })
})

describe('公示期（domain.md §8）', () => {
  const cases: Array<[string, string, NoticeDuration, string]> = [
    ['2026-09-28 张贴，7天末日 10-05 为国庆假期 → 顺延至 10-08', '2026-09-28', { days: 7, unit: 'calendar' }, '2026-10-08'],
    ['2026-10-16 张贴 → 10-23（周五）', '2026-10-16', { days: 7, unit: 'calendar' }, '2026-10-23'],
    ['2026-09-18 张贴，末日 09-25 中秋 → 09-28', '2026-09-18', { days: 7, unit: 'calendar' }, '2026-09-28'],
    ['2026-11-14（周六）张贴，末日 11-21 周六 → 11-23 周一', '2026-11-14', { days: 7, unit: 'calendar' }, '2026-11-23'],
    ['7 个工作日：2026-09-28 → 10-13（跨国庆，10-10 调休上班）', '2026-09-28', { days: 7, unit: 'workdays' }, '2026-10-13'],
  ]
  it.each(cases)('%s', (_n, start, d, end) => { expect(noticeEnd(start, d, cal).end).toBe(end) })
  it('不顺延时按日历天数', () => { expect(noticeEnd('2026-09-28', { days: 7, unit: 'calendar' }, cal, false).end).toBe('2026-10-05') })
  it('跨入无节假日数据的年份时提示', () => { expect(noticeEnd('2027-12-28', { days: 7, unit: 'calendar' }, cal).warnings.join()).toMatch(/2028年的节假日安排尚未录入/) })
  it('天数无效时报错', () => { expect(() => noticeEnd('2026-09-28', { days: 0, unit: 'calendar' }, cal)).toThrow(/正整数/) })
})

describe('再次进入的环节没有时限', () => {
  it('核对异议后复查（再次进入调查核实）不再显示“受理后 3 个工作日内开始调查”', () => {
    const h = [{ kind: 'accepted' as StepKind, at: '2026-09-14' }, { kind: 'investigating' as StepKind, at: '2026-09-15' }, { kind: 'checkObjection' as StepKind, at: '2026-09-18' }]
    expect(dueDate(national, 'investigating', h, cal)).toBeNull()
    expect(dueDate(national, 'investigating', h.slice(0, 1), cal)?.due).toBe('2026-09-17')
  })
})
