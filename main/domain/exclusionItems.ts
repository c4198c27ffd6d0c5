// The local exclusion list's items (必取必退, domain.md §5.2) as the county switches them (⚙ exclusion.items).
export const EXCLUSION_ITEMS: ReadonlyArray<{ code: string; label: string }> = [
  { code: 'X1', label: 'X1 存款、有价证券超过限额' },
  { code: 'X2', label: 'X2 机动车辆、船舶、大型机械' },
  { code: 'X3', label: 'X3 多套住房、在城镇购买商品房' },
  { code: 'X4', label: 'X4 商铺等经营性房产' },
  { code: 'X5', label: 'X5 个体工商户、企业（含经营利润、雇工）' },
  { code: 'X6', label: 'X6 领取养老金、退休金（参考信息）' },
  { code: 'X7', label: 'X7 赡养费、征地补偿、就业、公积金、高收费就读' },
  { code: 'X8', label: 'X8 直系亲属为财政供养人员' },
  { code: 'X9', label: 'X9 户口迁出、长期在外' },
  { code: 'X10', label: 'X10 青壮年夫妻均无业' },
  { code: 'X11', label: 'X11 联系方式变更、住址不实、长期未领取' },
  { code: 'X12', label: 'X12 以群体身份申请' },
  { code: 'X13', label: 'X13 生活水平明显高于申报（本地核查项）' },
]
