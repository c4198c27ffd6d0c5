// 变更记录: the audit events of this household, newest first, with field-level changes in Chinese.
import { Alert, Empty, Spin, Timeline, Typography } from 'antd'
import type { TimelineEntry } from '../../../../main/api/types'
import {
  ASSET_KINDS, ATTACHMENT_KINDS, codeName, EMPLOYMENT, ETHNICITIES, HEALTH, HOUSEHOLD_CATEGORIES, HOUSEHOLD_STATUSES, INCOME_KINDS,
  LABOUR, MARITAL, OBLIGOR_RELATIONS, POVERTY_CAUSES, RELATIONS, SCHOOLING, type Code
} from '../../../../main/domain/codes'
import { ENTITY_LABELS, FIELD_LABELS } from '../../../../main/domain/glossary'
import { fmtDateTime, yuan } from '../../../app/format'
import { useApi } from '../../../app/useApi'
import { useFile } from './context'

const BY_FIELD: Record<string, Code[]> = {
  ethnicity: ETHNICITIES, health: HEALTH, labour: LABOUR, employment: EMPLOYMENT, schooling: SCHOOLING, marital: MARITAL,
  category: HOUSEHOLD_CATEGORIES, status: HOUSEHOLD_STATUSES, povertyCause: POVERTY_CAUSES, docKind: ATTACHMENT_KINDS
}
const HUKOU: Record<string, string> = { urban: '城镇', rural: '农村' }

export function fieldLabel(field: string): string {
  const l = FIELD_LABELS[field]
  if (l) return field.endsWith('Fen') ? l.replace('（分）', '（元）') : l
  if (field === 'applicantMemberId') return '申请人'
  if (field === 'householdId') return '所在档案'
  if (field === 'removed') return '已删除'
  if (field === 'reason') return '原因'
  if (field === 'active') return '在册'
  return field
}

export function formatValue(field: string, v: unknown, entity: string, ctx: { memberName: (id: string) => string; villageName: (code: string) => string }): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (field.endsWith('Fen') && typeof v === 'number') return yuan(v)
  if (typeof v === 'string') {
    if (field === 'relation') return (entity === 'obligor' ? codeName(OBLIGOR_RELATIONS, v) : codeName(RELATIONS, v)) || v
    if (field === 'kind') return (entity === 'asset' ? codeName(ASSET_KINDS, v) : entity === 'income' ? codeName(INCOME_KINDS, v) : '') || v
    if (field === 'hukouType') return HUKOU[v] ?? v
    if (field === 'villageCode') return ctx.villageName(v)
    if (field === 'memberId' || field === 'applicantMemberId' || field === 'newMemberId') return ctx.memberName(v) || v
    const table = BY_FIELD[field]
    if (table) return codeName(table, v) || v
    return v
  }
  if (typeof v === 'number') return String(v)
  if (Array.isArray(v)) return `${v.length} 项`
  try { return JSON.stringify(v) } catch { return String(v) }
}

/** Internal ids the summary already explains in words. */
function hidden(field: string, action: string): boolean {
  return field === 'householdId' || field === 'newMemberId' || (field === 'memberId' && action.startsWith('member.move'))
}

function color(action: string): string {
  if (/remove|deactivate|moveOut/.test(action)) return 'red'
  if (/create|add|moveIn/.test(action)) return 'green'
  return 'blue'
}

export function TimelineTab() {
  const { id, memberName, file } = useFile()
  const { data, loading, error } = useApi('households.timeline', { id })
  const villages = useApi('villages.list', { includeInactive: true }, { reloadOnMutation: false })
  const villageName = (code: string) => villages.data?.find((v) => v.code === code)?.name ?? (code === file.household.villageCode ? file.household.villageName : code)
  const ctx = { memberName: (mid: string) => memberName(mid), villageName }

  if (error) return <Alert type="error" showIcon title={error.message} />
  if (!data) return <div style={{ padding: 24, textAlign: 'center' }}><Spin /></div>
  if (!data.length) return <Empty description="暂无变更记录" />

  return (
    <Spin spinning={loading}>
      <Timeline
        style={{ paddingTop: 8 }}
        items={data.map((e: TimelineEntry) => ({
          key: e.seq,
          color: color(e.action),
          content: (
            <div data-testid="timeline-entry">
              <div>
                <Typography.Text strong>{fmtDateTime(e.at)}</Typography.Text>
                {' · '}{e.operator ?? '系统'}
                {' · '}<Typography.Text type="secondary">{ENTITY_LABELS[e.entity] ?? e.entity}</Typography.Text>
                {' · '}{e.summary}
              </div>
              {e.changes.filter((c) => !hidden(c.field, e.action)).map((c) => (
                <div key={c.field} className="timeline-change">
                  {fieldLabel(c.field)}：{c.before === null ? formatValue(c.field, c.after, e.entity, ctx) : <>{formatValue(c.field, c.before, e.entity, ctx)} → {formatValue(c.field, c.after, e.entity, ctx)}</>}
                </div>
              ))}
            </div>
          )
        }))}
      />
    </Spin>
  )
}
