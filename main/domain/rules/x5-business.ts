// X5 licensed 个体/私营业主, 企业主 (asset kind business; seed 003 item 5): ⚙ business.valueLimit (DESIGN key;
// 分 or {valueFen, operator, source}) per entity — over it → blockUnlessExempt; no row → warn.
// 泗县's tests (profit > 2 × monthly standard, staff ≥ 12 months) need facts the engine does not have.

import { perAssetValueRule } from './assetHelpers'

export const businesses = perAssetValueRule({
  id: 'X5.business',
  item: 'X5',
  kind: 'business',
  key: 'business.valueLimit',
  label: '个体工商户、企业等经营实体',
  what: '工商登记的经营实体',
  seedItem: 5,
})
