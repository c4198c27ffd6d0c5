// 待办案件: every open case with its current step, who signs next and the deadlines (the next step's and the
// whole case's), earliest first; overdue rows in red. 仅看我的 = cases whose next step my role signs (server
// filter); 仅看超期 = past a deadline. A row opens the household file on its 案件办理 tab at that case.
import { Alert, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useState } from 'react'
import type { TodoItem } from '../../../main/api/types'
import { today } from '../../app/format'
import { navigate } from '../../app/router'
import { useSession } from '../../app/session'
import { useApi } from '../../app/useApi'

const SIGNING_ROLES = new Set(['handler', 'reviewer', 'townshipApprover'])
const open = (t: TodoItem) => navigate(`/households/${t.householdId}?tab=cases&case=${t.caseId}`)

function Due({ v, overdue }: { v: string | null; overdue: boolean }) {
  if (!v) return <Typography.Text type="secondary">无</Typography.Text>
  return <Space size={4}><span className="mono">{v}</span>{overdue ? <Tag color="red" style={{ marginInlineEnd: 0 }}>已超期</Tag> : null}</Space>
}

export function TodoPage() {
  const { operator } = useSession()
  const signer = SIGNING_ROLES.has(operator.role)
  const [mine, setMine] = useState(signer)
  const [overdueOnly, setOverdueOnly] = useState(false)
  const { data, loading, error } = useApi('cases.todo', { ...(mine ? { mine: true } : {}), ...(overdueOnly ? { overdueOnly: true } : {}) })
  const rows = data ?? []
  const now = today()
  const overdue = rows.filter((t) => t.overdue).length

  const columns: TableProps<TodoItem>['columns'] = [
    { title: '案件号', dataIndex: 'caseNo', key: 'caseNo', width: 176, render: (v: string) => <span className="mono">{v}</span> },
    {
      title: '户主', dataIndex: 'headName', key: 'headName', width: 132,
      render: (v: string, t) => <div style={{ lineHeight: 1.3 }}><div>{v}</div><div className="mono" style={{ fontSize: 11, color: 'rgba(0,0,0,0.5)' }}>{t.fileNo}</div></div>
    },
    { title: '村（社区）', dataIndex: 'villageName', key: 'village', width: 100, ellipsis: true },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind', width: 64 },
    { title: '当前环节', dataIndex: 'currentStepLabel', key: 'current', ellipsis: { showTitle: false }, render: (v: string) => <Tooltip title={v}>{v}</Tooltip> },
    {
      title: '下一步由谁签字', dataIndex: 'nextRoles', key: 'next', width: 180,
      render: (v: string[], t) => (
        <Space size={[4, 2]} wrap>
          {v.length ? v.map((r) => <Tag key={r} color={t.mine && r === operator.roleLabel ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>{r}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>}
        </Space>
      )
    },
    { title: '环节期限', dataIndex: 'due', key: 'due', width: 150, render: (v: string | null, t) => <Due v={v} overdue={t.overdue} /> },
    { title: '全案期限', dataIndex: 'caseDue', key: 'caseDue', width: 150, render: (v: string | null) => <Due v={v} overdue={!!v && now > v} /> }
  ]

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>待办案件</Typography.Title>
        <Typography.Text data-testid="todo-total">共 {rows.length} 件{overdue ? `，其中 ${overdue} 件已超期` : ''}</Typography.Text>
        <div className="grow" />
        <Space size={6}>
          <Switch size="small" checked={mine} onChange={setMine} aria-label="仅看我的" disabled={!signer} />
          <Tooltip title={signer ? `下一步由${operator.roleLabel}签字的案件` : '您的角色不签署程序环节'}><Typography.Text>仅看我的</Typography.Text></Tooltip>
        </Space>
        <Space size={6}>
          <Switch size="small" checked={overdueOnly} onChange={setOverdueOnly} aria-label="仅看超期" />
          <Typography.Text>仅看超期</Typography.Text>
        </Space>
      </div>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
      <Table<TodoItem>
        size="small" rowKey="caseId" loading={loading} columns={columns} dataSource={rows} tableLayout="fixed"
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        rowClassName={(t) => `clickable-row${t.overdue ? ' row-overdue' : ''}`}
        onRow={(t) => ({
          onClick: () => open(t),
          onKeyDown: (e) => { if (e.key === 'Enter') open(t) },
          tabIndex: 0,
          title: `打开 ${t.headName} 户的案件办理`
        })}
        locale={{ emptyText: overdueOnly ? (mine ? '没有需要您办理的超期案件' : '没有超期案件') : mine ? '没有需要您办理的案件' : '没有在办案件' }}
      />
    </div>
  )
}
