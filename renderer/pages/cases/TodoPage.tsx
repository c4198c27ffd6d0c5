// 待办案件: every open case with its next steps and the earliest deadline, overdue ones first in red.
// "只看我能办理的" keeps the cases whose next step the logged-in operator's role may sign.
import { Alert, Space, Switch, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useState } from 'react'
import type { TodoItem } from '../../../main/api/types'
import { useSession } from '../../app/session'
import { useApi } from '../../app/useApi'
import { navigate } from '../../app/router'

export function TodoPage() {
  const { operator } = useSession()
  const [mineOnly, setMineOnly] = useState(true)
  const { data, loading, error } = useApi('cases.todo', {})
  const all = data ?? []
  const rows = mineOnly && operator ? all.filter((t) => t.nextRoles.includes(operator.role)) : all
  const overdue = rows.filter((t) => t.overdue).length

  const columns: TableProps<TodoItem>['columns'] = [
    { title: '案件号', dataIndex: 'caseNo', key: 'caseNo', width: 190, render: (v: string) => <span className="mono">{v}</span> },
    { title: '户主', dataIndex: 'headName', key: 'headName', width: 100 },
    { title: '档案号', dataIndex: 'fileNo', key: 'fileNo', width: 150, render: (v: string) => <span className="mono">{v}</span> },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind', width: 70 },
    { title: '当前环节', dataIndex: 'currentStepLabel', key: 'current', width: 130 },
    { title: '村', dataIndex: 'villageName', key: 'village', width: 110 },
    { title: '由谁签字', key: 'next', render: (_: unknown, t) => t.nextRoles.join('、') },
    {
      title: '期限', dataIndex: 'due', key: 'due', width: 150,
      render: (v: string | null, t) => (v ? <Space size={4}>{v}{t.overdue ? <Tag color="red">已超期</Tag> : null}</Space> : <Typography.Text type="secondary">无</Typography.Text>)
    }
  ]

  return (
    <div className="page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Space size={12}>
          <Typography.Title level={5} style={{ margin: 0 }}>待办案件</Typography.Title>
          <Typography.Text data-testid="todo-total">共 {rows.length} 件{overdue ? `，其中 ${overdue} 件已超期` : ''}</Typography.Text>
        </Space>
        <Space size={6}>
          <Switch size="small" checked={mineOnly} onChange={setMineOnly} aria-label="只看我能办理的" />
          <Typography.Text>只看我能办理的</Typography.Text>
        </Space>
      </Space>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
      <Table<TodoItem>
        size="small" rowKey="caseId" loading={loading} columns={columns} dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        rowClassName={(t) => (t.overdue ? 'row-overdue' : '')}
        onRow={(t) => ({ onClick: () => navigate(`/households/${t.householdId}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: mineOnly ? '没有需要您办理的案件' : '没有在办案件' }}
      />
    </div>
  )
}
