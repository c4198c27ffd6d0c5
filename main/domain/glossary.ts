// One Chinese label per identifier (examples.md rule 9). Used by the timeline, forms and documents.
export const ROLE_LABELS = { handler: '经办人', reviewer: '审核人', admin: '管理员', readonly: '只读' } as const

export const FIELD_LABELS: Record<string, string> = {
  // household
  fileNo: '档案号', villageCode: '村（社区）', groupName: '组', address: '现住址', hukouAddress: '户籍地址', hukouNo: '户口簿户号', category: '低保类别',
  status: '档案状态', legacyImport: '历史档案导入', phone: '联系电话', povertyCause: '致贫原因', registeredPoor: '建档立卡户',
  relativeFiling: '近亲属备案', housingType: '住房类型', housingArea: '住房面积（㎡）', bankName: '开户银行', bankAccount: '银行账号',
  payeeName: '开户人', note: '备注', statusReason: '状态变更原因', headName: '户主', memberCount: '成员人数', applicantIdNumber: '申请人身份证号',
  // member
  name: '姓名', idNumber: '公民身份号码', relation: '与户主关系', ethnicity: '民族', marital: '婚姻状况', hukouType: '户口性质',
  coResident: '共同生活', notCountedReason: '不计入共同生活原因', isBeneficiary: '保障对象', health: '健康状况', diagnosis: '疾病诊断',
  disabilityCert: '残疾人证号', labour: '劳动能力', employment: '就业状况', schooling: '在校/学历', employerSchool: '工作单位/学校',
  publicPayroll: '财政供养人员', deathDate: '死亡日期', gender: '性别', birthDate: '出生日期', leftReason: '迁出/注销原因',
  // income / asset / obligor
  kind: '类别', subtype: '细项', amountFen: '月收入（分）', periodFrom: '起始月份', periodTo: '截止月份', source: '来源/依据', counted: '计入收入',
  description: '说明', valueFen: '价值（分）', quantity: '数量/面积', evidence: '依据', exempt: '生活必需（豁免）', exemptReason: '豁免原因',
  age: '年龄', job: '职业', householdSize: '义务人家庭人口', monthlyIncomeFen: '义务人家庭月收入（分）', supportPaidFen: '每月给付赡养费（分）',
  waiver: '豁免义务', waiverReason: '豁免原因', consent: '同意核对', memberId: '所属成员',
  // attachment
  docKind: '材料类别', originalName: '文件名', mime: '文件类型', size: '大小（字节）', sm3: 'SM3 摘要',
  // counts recorded with a new household
  incomes: '收入（条）', assets: '财产（项）', obligors: '义务人（人）', members: '成员'
}

export const ENTITY_LABELS: Record<string, string> = {
  household: '家庭档案', member: '家庭成员', income: '收入', asset: '财产', obligor: '赡养（抚养、扶养）义务人', attachment: '附件材料',
  operator: '操作员', village: '村（社区）', township: '乡镇', policy: '政策参数'
}
