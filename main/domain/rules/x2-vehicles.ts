// X2 vehicles, boats, 工程机械 and 大型农机 (办法 art. 14; seed 003 item 2; domain.md §5.2).
// ⚙ vehicle.exemptKinds (the description contains one; default 残疾人机动轮椅车, 电瓶车, 摩托) and assets marked exempt
// are skipped. ⚙ vehicle.valueLimit (分, or {valueFen, operator, source}; bare number = “超过”) per vehicle: over it
// → blockUnlessExempt; no row → warn. Boats and machinery: the list names 中型以上 tractors and harvesters and
// 工程机械, so a machine recorded as 小型 (e.g. a 手扶拖拉机) is not flagged; 中型, 大型 or no size class → warn.

import { ART14, EXEMPT_HINT, X_SOURCE, limitText, withLocal } from './assetHelpers'
import { exceeds, fenLimitParam, stringListParam } from './params'
import type { Rule, RuleFlag } from './types'
import { assetLine, exclusionEnabled, makeFlag, yuan } from './util'

const DEFAULT_VEHICLE_EXEMPT = ['残疾人机动轮椅车', '电瓶车', '摩托']
const SIZE = { small: '小型', medium: '中型', large: '大型' } as const

export const vehicles: Rule = {
  id: 'X2.vehicles',
  label: '机动车辆、船舶和大型机械',
  source: withLocal(ART14, `${X_SOURCE}第2项`),
  params: ['vehicle.valueLimit', 'vehicle.exemptKinds', 'exclusion.items'],
  evaluate(facts, params) {
    if (!exclusionEnabled(params, 'X2')) return []
    const exemptKinds = stringListParam(params, 'vehicle.exemptKinds', DEFAULT_VEHICLE_EXEMPT)
    const limit = fenLimitParam(params, 'vehicle.valueLimit')
    const src = withLocal(ART14, limit?.source ?? `${X_SOURCE}第2项`)
    const out: RuleFlag[] = []
    for (const a of facts.assets) {
      if (a.kind !== 'vehicle' && a.kind !== 'boatMachinery') continue
      if (a.exempt) continue
      const exemptKind = exemptKinds.find((k) => a.description.includes(k))
      if (a.kind === 'vehicle' && exemptKind) continue
      if (a.kind === 'boatMachinery' && a.sizeClass === 'small') continue
      const size = a.sizeClass ? `（${SIZE[a.sizeClass]}）` : ''
      const ev = [`${assetLine(facts, a)}${size}`]
      if (a.kind === 'vehicle' && limit) {
        if (!exceeds(a.valueFen, limit.valueFen, limit.operator)) continue
        out.push(makeFlag(vehicles, 'blockUnlessExempt', '车辆价值超过本地限额',
          `${a.description || '车辆'}价值 ${yuan(a.valueFen)}，${limitText(limit)}，不符合财产条件。${EXEMPT_HINT}`,
          ev, src))
      } else {
        out.push(makeFlag(vehicles, 'warn', a.kind === 'vehicle' ? '家庭拥有机动车辆' : '家庭拥有船舶或大型机械',
          `家庭拥有${a.description || (a.kind === 'vehicle' ? '机动车辆' : '船舶、工程机械或大型农机')}${size}（价值 ${yuan(a.valueFen)}）${a.kind === 'vehicle' ? '，本县尚未录入车辆价值限额（vehicle.valueLimit）' : a.sizeClass ? '' : '，未登记规格'}：请入户核实${a.kind === 'vehicle' ? '车辆类型（是否经营性大中型客货车）' : '规格（是否中型以上）'}、用途和价值，属生产生活必需的登记豁免理由，由审核人判断。`,
          ev, src))
      }
    }
    return out
  },
}

