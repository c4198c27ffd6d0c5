// The texts of printed documents an administrator may adjust (issue 5: "make the layout a template an
// administrator can adjust"): each template is a list of paragraphs with {占位符} filled from the case. The
// defaults follow domain.md §8–§9 and forms.md §5–§6; a county's own wording is entered as a dated policy row
// `template.<key>` with its source (services/policy.ts), so the text a document was printed with stays traceable.

export interface TemplateDef {
  key: string
  label: string
  /** the placeholders this template may use, with what they stand for */
  placeholders: Record<string, string>
  /** paragraphs; {name} is replaced, any other brace is refused when the administrator saves */
  paragraphs: string[]
}

const P_TOWN = { 乡镇: '乡镇名称（如 小冀镇）', 县: '县（市、区）名称' }

export const TEMPLATES = {
  noticeBody: {
    key: 'noticeBody', label: '公示正文（审核公示）',
    placeholders: { ...P_TOWN, 范围: '公示范围（村名或乡镇名）', 户数: '户数', 人数: '人数', 金额: '拟保障金额合计（元/月），无金额时为空' },
    paragraphs: ['根据《最低生活保障审核确认办法》规定，经本人申请、入户调查、家庭经济状况核对，现将{范围}最低生活保障审核情况予以公示（共 {户数} 户 {人数} 人{金额}）。'],
  },
  noticeCounty: {
    key: 'noticeCounty', label: '公示正文（县级审批公示·三榜）',
    placeholders: { ...P_TOWN, 范围: '公示范围', 户数: '户数', 人数: '人数', 金额: '拟保障金额合计（元/月），无金额时为空' },
    paragraphs: ['经本人申请、村级民主评议和公示、乡镇人民政府审核，{县}民政局审批，现将{范围}拟批准享受最低生活保障的家庭予以公示（共 {户数} 户 {人数} 人{金额}）。'],
  },
  noticePublication: {
    key: 'noticePublication', label: '公布正文（审核确认结果公布）',
    placeholders: { ...P_TOWN, 范围: '公布范围', 户数: '户数', 人数: '人数', 金额: '保障金额合计（元/月），无金额时为空' },
    paragraphs: ['根据《最低生活保障审核确认办法》第二十四条规定，现将{范围}经审核确认纳入最低生活保障的家庭予以公布（共 {户数} 户 {人数} 人{金额}），接受社会监督。'],
  },
  pledge: {
    key: 'pledge', label: '申请人承诺书',
    placeholders: { ...P_TOWN, 申请人: '申请人姓名', 村: '村（社区）名称' },
    paragraphs: [
      '本人{申请人}代表共同生活的家庭成员向{乡镇}人民政府申请最低生活保障，郑重承诺：',
      '一、所提供的家庭人口、收入、财产和支出等信息真实、完整、有效，共同生活的家庭成员及其收入、财产已全部如实申报，没有隐瞒、虚报或伪造。',
      '二、配合入户调查、邻里访问、信函索证和家庭经济状况信息核对，接受民主评议和公示监督。',
      '三、享受最低生活保障期间，家庭人口、收入、财产状况发生变化的，及时主动向{乡镇}人民政府或{村}报告。',
      '四、如有虚报、隐瞒、伪造等情形，自愿退回违规领取的保障金，并依法承担相应的法律责任，同意将有关情况记入社会信用记录。',
    ],
  },
  authorization: {
    key: 'authorization', label: '家庭经济状况核对授权书',
    placeholders: { ...P_TOWN, 申请人: '申请人姓名' },
    paragraphs: [
      '为申请最低生活保障，本人及共同生活的家庭成员（以及须核对经济状况的赡养、抚养、扶养义务人）声明并授权如下：',
      '一、授权{县}民政局及其家庭经济状况核对机构、{乡镇}人民政府，向公安、人力资源社会保障、自然资源（不动产登记）、市场监督管理、税务、住房公积金管理等部门和机构，以及银行、证券、保险、非银行支付机构等，查询、核对本人及家庭成员的基本信息和家庭经济状况，用于最低生活保障审核确认和动态管理。',
      '二、授权上述部门和机构向核对机构提供相关信息。',
      '三、本授权自签字之日起生效，在申请及享受最低生活保障期间（含退出后的监测期间）持续有效；家庭成员发生变化的，重新签署。',
      '四、本人及家庭成员所填写的身份信息和签名真实有效，如有不实，由签字人承担相应责任。',
    ],
  },
  cadrePledge: {
    key: 'cadrePledge', label: '干部承诺书（村干部、乡镇干部、民政工作人员）',
    placeholders: { ...P_TOWN, 姓名: '承诺人姓名', 职务: '职务（岗位）', 单位: '工作单位' },
    paragraphs: [
      '本人{姓名}，{单位}{职务}，在最低生活保障工作中郑重承诺：',
      '一、严格执行低保法规政策、程序规范和工作纪律，坚决不办人情保、关系保，不插手、不干预低保审核审批工作，认真纠正错保、漏保、骗保等问题。',
      '二、如实申报本人近亲属申请或享受最低生活保障的情况，并按规定备案。',
      '三、办理本人近亲属或与本人有其他利害关系人员的低保事项时，主动回避。',
      '四、严格保守工作中知悉的申请人个人信息和家庭经济状况信息，不泄露、不违规使用。',
      '五、自觉接受组织和群众监督。如有违反，愿接受组织处理并承担相应责任。',
    ],
  },
  remedy: {
    key: 'remedy', label: '书面告知书的救济途径',
    placeholders: { ...P_TOWN, 复议机关: '行政复议机关（默认：县级人民政府）', 法院: '管辖的人民法院' },
    paragraphs: ['如对本决定不服，可以自收到本告知书之日起六十日内向{复议机关}申请行政复议，也可以自收到本告知书之日起六个月内向{法院}提起行政诉讼。'],
  },
} as const satisfies Record<string, TemplateDef>

export type TemplateKey = keyof typeof TEMPLATES
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[]

/** Placeholders in `text` this template does not know (an administrator's typo, refused when saving). */
export function unknownPlaceholders(key: TemplateKey, paragraphs: readonly string[]): string[] {
  const known = TEMPLATES[key].placeholders as Record<string, string>
  const out = new Set<string>()
  for (const p of paragraphs) for (const m of p.matchAll(/\{([^{}]*)\}/g)) if (!(m[1]! in known)) out.add(m[1]!)
  return [...out]
}

/** Fills the placeholders; a value missing from `vars` is an error in the caller, not a blank on paper. */
export function fillTemplate(paragraphs: readonly string[], vars: Record<string, string>): string[] {
  return paragraphs.map((p) => p.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const v = vars[name]
    if (v === undefined) throw new Error(`模板占位符 {${name}} 没有取值`)
    return v
  }))
}
