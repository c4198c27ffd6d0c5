// X4 shops and other income-earning business property (seed 003 item 4; 广东: no non-residential property):
// ⚙ shop.valueLimit (DESIGN key; 分 or {valueFen, operator, source}) per shop — over it → blockUnlessExempt;
// no row → warn.

import { perAssetValueRule } from './assetHelpers'

export const shops = perAssetValueRule({
  id: 'X4.shops',
  item: 'X4',
  kind: 'shop',
  key: 'shop.valueLimit',
  label: '商铺等经营性房产',
  what: '商铺等经营性资产',
  seedItem: 4,
})
