// Code tables shipped as data (domain.md §13.4, §3). Pure data + two lookups; no I/O.
// Display names are the standard's wording; ⚠ rows in domain.md are kept as listed there.

export type Code = { code: string; name: string }

/** GB/T 4761-2008 家庭关系代码（与户主关系）. 98 is not used (⚠ in domain.md). */
export const RELATIONS: Code[] = [
  { code: '01', name: '本人' },
  { code: '02', name: '户主' },
  { code: '10', name: '配偶' },
  { code: '11', name: '夫' },
  { code: '12', name: '妻' },
  { code: '20', name: '子' },
  { code: '21', name: '独生子' },
  { code: '22', name: '长子' },
  { code: '23', name: '次子' },
  { code: '24', name: '三子' },
  { code: '25', name: '四子' },
  { code: '26', name: '五子' },
  { code: '27', name: '养子或继子' },
  { code: '28', name: '女婿' },
  { code: '29', name: '其他儿子' },
  { code: '30', name: '女' },
  { code: '31', name: '独生女' },
  { code: '32', name: '长女' },
  { code: '33', name: '次女' },
  { code: '34', name: '三女' },
  { code: '35', name: '四女' },
  { code: '36', name: '五女' },
  { code: '37', name: '养女或继女' },
  { code: '38', name: '儿媳' },
  { code: '39', name: '其他女儿' },
  { code: '40', name: '孙子女/外孙子女' },
  { code: '41', name: '孙子' },
  { code: '42', name: '孙女' },
  { code: '43', name: '外孙子' },
  { code: '44', name: '外孙女' },
  { code: '45', name: '孙媳妇或外孙媳妇' },
  { code: '46', name: '孙女婿或外孙女婿' },
  { code: '47', name: '曾孙子或外曾孙子' },
  { code: '48', name: '曾孙女或外曾孙女' },
  { code: '49', name: '其他孙子、孙女、外孙子、外孙女' },
  { code: '50', name: '父母' },
  { code: '51', name: '父亲' },
  { code: '52', name: '母亲' },
  { code: '53', name: '公公' },
  { code: '54', name: '婆婆' },
  { code: '55', name: '岳父' },
  { code: '56', name: '岳母' },
  { code: '57', name: '继父或养父' },
  { code: '58', name: '继母或养母' },
  { code: '59', name: '其他父母关系' },
  { code: '60', name: '祖父母/外祖父母' },
  { code: '61', name: '祖父' },
  { code: '62', name: '祖母' },
  { code: '63', name: '外祖父' },
  { code: '64', name: '外祖母' },
  { code: '65', name: '配偶的祖父母/外祖父母' },
  { code: '66', name: '曾祖父' },
  { code: '67', name: '曾祖母' },
  { code: '68', name: '配偶的曾祖父母/外曾祖父母' },
  { code: '69', name: '其他祖父母或外祖父母关系' },
  { code: '70', name: '兄弟姐妹' },
  { code: '71', name: '兄' },
  { code: '72', name: '嫂' },
  { code: '73', name: '弟' },
  { code: '74', name: '弟媳' },
  { code: '75', name: '姐姐' },
  { code: '76', name: '姐夫' },
  { code: '77', name: '妹妹' },
  { code: '78', name: '妹夫' },
  { code: '79', name: '其他兄弟姐妹' },
  { code: '80', name: '其他' },
  { code: '81', name: '伯父' },
  { code: '82', name: '伯母' },
  { code: '83', name: '叔父' },
  { code: '84', name: '婶母' },
  { code: '85', name: '舅父' },
  { code: '86', name: '舅母' },
  { code: '87', name: '姨夫' },
  { code: '88', name: '姨母' },
  { code: '89', name: '姑父' },
  { code: '90', name: '姑母' },
  { code: '91', name: '堂兄弟/堂姐妹' },
  { code: '92', name: '表兄弟/表姐妹' },
  { code: '93', name: '侄子' },
  { code: '94', name: '侄女' },
  { code: '95', name: '外甥' },
  { code: '96', name: '外甥女' },
  { code: '97', name: '其他亲属' },
  { code: '99', name: '非亲属' },
]

/** GB 3304-91 中国各民族名称的罗马字母拼写法和代码; 97/98 as used in practice (⚠). */
export const ETHNICITIES: Code[] = [
  { code: '01', name: '汉族' },
  { code: '02', name: '蒙古族' },
  { code: '03', name: '回族' },
  { code: '04', name: '藏族' },
  { code: '05', name: '维吾尔族' },
  { code: '06', name: '苗族' },
  { code: '07', name: '彝族' },
  { code: '08', name: '壮族' },
  { code: '09', name: '布依族' },
  { code: '10', name: '朝鲜族' },
  { code: '11', name: '满族' },
  { code: '12', name: '侗族' },
  { code: '13', name: '瑶族' },
  { code: '14', name: '白族' },
  { code: '15', name: '土家族' },
  { code: '16', name: '哈尼族' },
  { code: '17', name: '哈萨克族' },
  { code: '18', name: '傣族' },
  { code: '19', name: '黎族' },
  { code: '20', name: '傈僳族' },
  { code: '21', name: '佤族' },
  { code: '22', name: '畲族' },
  { code: '23', name: '高山族' },
  { code: '24', name: '拉祜族' },
  { code: '25', name: '水族' },
  { code: '26', name: '东乡族' },
  { code: '27', name: '纳西族' },
  { code: '28', name: '景颇族' },
  { code: '29', name: '柯尔克孜族' },
  { code: '30', name: '土族' },
  { code: '31', name: '达斡尔族' },
  { code: '32', name: '仫佬族' },
  { code: '33', name: '羌族' },
  { code: '34', name: '布朗族' },
  { code: '35', name: '撒拉族' },
  { code: '36', name: '毛南族' },
  { code: '37', name: '仡佬族' },
  { code: '38', name: '锡伯族' },
  { code: '39', name: '阿昌族' },
  { code: '40', name: '普米族' },
  { code: '41', name: '塔吉克族' },
  { code: '42', name: '怒族' },
  { code: '43', name: '乌孜别克族' },
  { code: '44', name: '俄罗斯族' },
  { code: '45', name: '鄂温克族' },
  { code: '46', name: '德昂族' },
  { code: '47', name: '保安族' },
  { code: '48', name: '裕固族' },
  { code: '49', name: '京族' },
  { code: '50', name: '塔塔尔族' },
  { code: '51', name: '独龙族' },
  { code: '52', name: '鄂伦春族' },
  { code: '53', name: '赫哲族' },
  { code: '54', name: '门巴族' },
  { code: '55', name: '珞巴族' },
  { code: '56', name: '基诺族' },
  { code: '97', name: '其他' },
  { code: '98', name: '外国血统' },
]

/** GB/T 2261.1-2003 人的性别代码. */
export const GENDERS: Code[] = [
  { code: '0', name: '未知的性别' },
  { code: '1', name: '男' },
  { code: '2', name: '女' },
  { code: '9', name: '未说明的性别' },
]

/** GB/T 2261.2-2003 婚姻状况代码. */
export const MARITAL: Code[] = [
  { code: '10', name: '未婚' },
  { code: '20', name: '已婚' },
  { code: '21', name: '初婚' },
  { code: '22', name: '再婚' },
  { code: '23', name: '复婚' },
  { code: '30', name: '丧偶' },
  { code: '40', name: '离婚' },
  { code: '90', name: '未说明的婚姻状况' },
]

/** 健康状况 (domain.md §3.1). */
export const HEALTH: Code[] = [
  { code: 'healthy', name: '健康' },
  { code: 'chronic', name: '多病/慢性病' },
  { code: 'serious', name: '重病' },
]

/** 劳动能力. */
export const LABOUR: Code[] = [
  { code: 'full', name: '有劳动能力' },
  { code: 'partial', name: '部分丧失劳动能力' },
  { code: 'none', name: '无劳动能力' },
]

/** 就业状况 (domain.md §3.1, LOCAL 重庆 list plus 务农/无业). */
export const EMPLOYMENT: Code[] = [
  { code: 'preschool', name: '学龄前儿童' },
  { code: 'student', name: '在校学生' },
  { code: 'employed', name: '在职人员' },
  { code: 'flexible', name: '灵活就业' },
  { code: 'registeredUnemployed', name: '登记失业' },
  { code: 'unregisteredUnemployed', name: '未登记失业' },
  { code: 'retired', name: '单位退休' },
  { code: 'farming', name: '务农' },
  { code: 'none', name: '无业' },
]

/** 文化程度. */
export const SCHOOLING: Code[] = [
  { code: 'none', name: '未入学' },
  { code: 'primary', name: '小学' },
  { code: 'junior', name: '初中' },
  { code: 'senior', name: '高中/中职' },
  { code: 'college', name: '大专' },
  { code: 'bachelor', name: '本科' },
  { code: 'postgraduate', name: '研究生' },
]

/** 收入类别 (办法 art. 13; domain.md §3.2). */
export const INCOME_KINDS: Code[] = [
  { code: 'wage', name: '工资性收入' },
  { code: 'business', name: '经营净收入' },
  { code: 'property', name: '财产净收入' },
  { code: 'transfer', name: '转移净收入' },
  { code: 'other', name: '其他收入' },
]

/** 财产类别 (办法 art. 14; 社救法 art. 41; domain.md §3.3). */
export const ASSET_KINDS: Code[] = [
  { code: 'deposit', name: '存款' },
  { code: 'securities', name: '证券' },
  { code: 'fund', name: '基金' },
  { code: 'savingsInsurance', name: '储蓄型保险' },
  { code: 'claim', name: '债权' },
  { code: 'internetFinance', name: '互联网金融资产' },
  { code: 'paymentBalance', name: '支付机构余额' },
  { code: 'vehicle', name: '机动车辆' },
  { code: 'boatMachinery', name: '船舶/工程机械/大型农机' },
  { code: 'housing', name: '房产' },
  { code: 'shop', name: '商铺' },
  { code: 'business', name: '工商登记/企业' },
  { code: 'forest', name: '林木' },
  { code: 'land', name: '承包地' },
  { code: 'livestock', name: '牲畜' },
  { code: 'other', name: '其他' },
]

/** 低保类别（按户籍性质选择标准）. */
export const HOUSEHOLD_CATEGORIES: Code[] = [
  { code: 'urban', name: '城市低保' },
  { code: 'rural', name: '农村低保' },
]

/** 户状态, in lifecycle order (domain.md §3.1). */
export const HOUSEHOLD_STATUSES: Code[] = [
  { code: 'applying', name: '申请中' },
  { code: 'active', name: '在保' },
  { code: 'suspended', name: '暂停发放' },
  { code: 'phaseOut', name: '渐退期' },
  { code: 'stopped', name: '停保' },
  { code: 'archived', name: '已归档' },
]

/** 暂停发放的原因 (domain.md §4.3: payment held after returns or when unreachable). */
export const SUSPEND_REASONS = [
  { code: 'returned', name: '发放退回（账户异常、销户等）' },
  { code: 'unreachable', name: '联系不上、长期未领取' },
  { code: 'pendingCheck', name: '收到举报或核查线索，待核实' },
] as const satisfies readonly Code[]
/** Who signs the 干部承诺书 (domain.md §9; the register in services/pledges.ts). */
export const CADRE_LEVELS = [
  { code: 'village', name: '村（社区）两委成员' },
  { code: 'township', name: '乡镇领导和工作人员' },
  { code: 'county', name: '县级民政工作人员' },
] as const
export type CadreLevel = (typeof CADRE_LEVELS)[number]['code']
export const CADRE_LEVEL_CODES = CADRE_LEVELS.map((l) => l.code) as [CadreLevel, ...CadreLevel[]]

export type SuspendReason = (typeof SUSPEND_REASONS)[number]['code']
export const SUSPEND_REASON_CODES = SUSPEND_REASONS.map((r) => r.code) as [SuspendReason, ...SuspendReason[]]

/** 致贫原因. */
export const POVERTY_CAUSES: Code[] = [
  { code: 'disability', name: '残疾' },
  { code: 'illness', name: '重病' },
  { code: 'elderly', name: '孤寡' },
  { code: 'singleParent', name: '单亲' },
  { code: 'disaster', name: '受灾' },
  { code: 'orphan', name: '孤儿' },
  { code: 'unemployment', name: '失业' },
  { code: 'education', name: '教育' },
  { code: 'housing', name: '住房' },
  { code: 'lackLabour', name: '缺乏劳动力' },
  { code: 'other', name: '其他' },
]

/** 附件材料类别 (domain.md §3.4). */
export const ATTACHMENT_KINDS: Code[] = [
  { code: 'application', name: '申请书' },
  { code: 'pledge', name: '承诺书' },
  { code: 'consent', name: '授权书' },
  { code: 'idCopy', name: '身份证/户口簿复印件' },
  { code: 'disabilityCert', name: '残疾证' },
  { code: 'diagnosis', name: '诊断证明' },
  { code: 'incomeProof', name: '收入证明' },
  { code: 'schoolProof', name: '在校证明' },
  { code: 'housingPhoto', name: '住房照片' },
  { code: 'visitForm', name: '入户调查表' },
  { code: 'checkReport', name: '核对报告' },
  { code: 'other', name: '其他材料' },
]

/** 赡养/抚养/扶养义务人与申请人的关系. */
export const OBLIGOR_RELATIONS: Code[] = [
  { code: 'child', name: '子女' },
  { code: 'parent', name: '父母' },
  { code: 'spouse', name: '配偶（离异扶养）' },
  { code: 'sibling', name: '兄弟姐妹' },
  { code: 'grandchild', name: '孙子女/外孙子女' },
  { code: 'grandparent', name: '祖父母/外祖父母' },
]

/** Province-level part (digits 1–2) of GB/T 2260 codes and 公民身份号码 (GB 11643-1999). */
export const PROVINCES: Record<string, string> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  '83': '台湾居民居住证（83）',
}

/** Display name of `code` in `table`; '' when the code is empty or unknown. */
export function codeName(table: Code[], code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return ''
  for (const row of table) if (row.code === code) return row.name
  return ''
}

/** True when `code` is a row of `table`. */
export function isCode(table: Code[], code: string): boolean {
  return table.some((row) => row.code === code)
}

/** Code of the row whose display name is `name` (exact); null when none. Useful for imports. */
export function codeByName(table: Code[], name: string): string | null {
  const n = name.trim()
  for (const row of table) if (row.name === n) return row.code
  return null
}

/** The `code` values of a table, e.g. for z.enum(codesOf(HEALTH)). */
export function codesOf(table: Code[]): [string, ...string[]] {
  if (table.length === 0) throw new Error('代码表为空')
  return table.map((row) => row.code) as [string, ...string[]]
}
