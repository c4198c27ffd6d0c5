// The 入户调查 生活状况核查清单: the local exclusion list's items (domain.md §5.2) that only a visit can establish —
// X5 business profit and staff, X7 graduates, 住房公积金 and high-fee schooling, X11 contact and address, X12 group
// enrolment, X13 the LOCAL living-standard tests. The investigators tick what they found, with a note (and the
// member, amount or months where the item needs one); an unticked item means “not found”. The rules read the
// latest 入户调查 record's ticks; none of them is a ground for refusal by itself (warn, or blockUnlessExempt
// against a county threshold row), the reviewer decides.

export type VisitCheckCode =
  | 'businessProfit' | 'businessStaff'
  | 'graduateEmployed' | 'housingFund' | 'highFeeSchool'
  | 'contactChanged' | 'falseAddress' | 'uncollected'
  | 'groupEnrolment'
  | 'recentBuild' | 'highBills' | 'bigPurchase' | 'hiring' | 'propertyGiven' | 'idleLand' | 'tekun'

export type VisitCheckDef = {
  code: VisitCheckCode
  /** local list item (§5.2) whose rule reads it */
  item: 'X5' | 'X7' | 'X11' | 'X12' | 'X13'
  label: string
  /** what the note should say */
  hint: string
  needs?: 'member' | 'amount' | 'months'
}

export const VISIT_CHECKS: readonly VisitCheckDef[] = [
  { code: 'businessProfit', item: 'X5', label: '经营实体有稳定利润', hint: '经营项目和利润来源', needs: 'amount' },
  { code: 'businessStaff', item: 'X5', label: '经营实体常年雇工（12 个月以上）', hint: '雇工人数和时间' },
  { code: 'graduateEmployed', item: 'X7', label: '成员已毕业并就业（含外地就业）', hint: '就业单位、岗位和收入', needs: 'member' },
  { code: 'housingFund', item: 'X7', label: '成员缴存住房公积金', hint: '缴存单位和月缴存额', needs: 'member' },
  { code: 'highFeeSchool', item: 'X7', label: '子女在高收费学校就读或出国（境）留学', hint: '学校和费用', needs: 'member' },
  { code: 'contactChanged', item: 'X11', label: '联系方式变更未告知', hint: '原联系方式和核实经过' },
  { code: 'falseAddress', item: 'X11', label: '登记住址不实（查无此户或长期无人）', hint: '走访经过和邻里说法' },
  { code: 'uncollected', item: 'X11', label: '低保金未按月领取', hint: '未领取的月份和原因', needs: 'months' },
  { code: 'groupEnrolment', item: 'X12', label: '以群体身份申请（改制职工、失地农民、两女结扎户等）', hint: '所属群体和申请依据' },
  { code: 'recentBuild', item: 'X13', label: '近 3 年新建、购买或高标准装修住房', hint: '时间、面积和花费' },
  { code: 'highBills', item: 'X13', label: '水电燃气、通讯等日常费用明显偏高', hint: '费用和核实来源' },
  { code: 'bigPurchase', item: 'X13', label: '近 6 个月有大额消费', hint: '所购物品和时间', needs: 'amount' },
  { code: 'hiring', item: 'X13', label: '雇佣他人从事生产经营或家务', hint: '雇佣人数和时间' },
  { code: 'propertyGiven', item: 'X13', label: '近年赠与、低价转让或放弃财产', hint: '财产、对象和时间' },
  { code: 'idleLand', item: 'X13', label: '有劳动能力但承包土地闲置撂荒', hint: '土地面积和闲置时间' },
  { code: 'tekun', item: 'X13', label: '已纳入特困人员救助供养', hint: '供养方式和起始时间', needs: 'member' },
]

export const VISIT_CHECK_CODES = VISIT_CHECKS.map((c) => c.code) as [VisitCheckCode, ...VisitCheckCode[]]
export const visitCheckDef = (code: string): VisitCheckDef | undefined => VISIT_CHECKS.find((c) => c.code === code)
/** The X13 living-standard items (⚙ livingTests.items switches them one by one). */
export const LIVING_TEST_CODES: VisitCheckCode[] = VISIT_CHECKS.filter((c) => c.item === 'X13').map((c) => c.code)
