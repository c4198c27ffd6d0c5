// 复核管理 (domain.md §10): households whose next 复核 falls due within ⚙ recheck.leadDays, or is overdue, by
// village; the clerk selects households and registers their 复核 (one 复核 case each, dated today). Households
// that already have an open case are skipped by the server and listed.
import { SyncOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useState } from 'react'
import type { PhaseOutEndRow, RecheckRow } from '../../../main/api/types'
import { today, yuan } from '../../app/format'
import { feedback } from '../../app/feedback'
import { Link } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'

const CLASS_HINTS: Record<string, string> = {
  A: 'A类：家庭成员和收入状况基本无变化（三无、老弱病残）',
  B: 'B类：家庭成员和收入状况相对稳定',
  C: 'C类：收入不固定、有劳动能力（重点核查）'
}
const CLASS_COLORS: Record<string, string> = { A: 'blue', B: 'geekblue', C: 'purple' }

let lastVillage: string | undefined

export function RecheckPage() {
  const session = useSession()
  const [village, setVillage] = useState<string | undefined>(lastVillage)
  const [selected, setSelected] = useState<string[]>([])
  const [result, setResult] = useState<{ opened: number; skipped: string[] } | null>(null)
  const [pending, setPending] = useState(false)
  const all = useApi('recheck.dashboard', {})
  const q = useApi('recheck.dashboard', village ? { villageCode: village } : {})
  const d = q.data
  const handler = session.operator.role === 'handler'
  const writable = canWrite(session.operator)
  const pick = (code: string | undefined) => { lastVillage = code; setVillage(code); setSelected([]) }

  const register = () => {
    const date = today()
    const rows = (d?.rows ?? []).filter((r) => selected.includes(r.householdId))
    const withCase = rows.filter((r) => r.openCaseNo).length
    feedback.modal?.confirm({
      title: `为选中的 ${rows.length} 户登记复核？`,
      content: (
        <div>
          <p>每户登记一个“复核”案件（定期复核，登记日期 {date}），之后在各户的案件中办理入户调查等环节。</p>
          {withCase ? <p>其中 {withCase} 户已有在办案件，将被跳过（请在该案中一并核实）。</p> : null}
        </div>
      ),
      okText: '登记复核', cancelText: '取消',
      onOk: async () => {
        setPending(true)
        try {
          const res = await mutate('recheck.open', { householdIds: selected, date }, { success: '已登记复核' })
          if (res.ok) { setResult(res.value); setSelected([]) }
        } finally { setPending(false) }
      }
    })
  }

  const columns: TableProps<RecheckRow>['columns'] = [
    { title: '档案号', dataIndex: 'fileNo', key: 'fileNo', width: 150, render: (v: string, r) => <Link to={`/households/${r.householdId}`} className="mono">{v}</Link> },
    { title: '户主', dataIndex: 'headName', key: 'headName', width: 90 },
    { title: '村（社区）', dataIndex: 'villageName', key: 'villageName', width: 110 },
    { title: '类别', dataIndex: 'recheckClass', key: 'class', width: 70, render: (c: string | null) => (c ? <Tooltip title={CLASS_HINTS[c]}><Tag color={CLASS_COLORS[c]}>{c}类</Tag></Tooltip> : <Typography.Text type="secondary">未分类</Typography.Text>) },
    { title: '下次复核日期', dataIndex: 'nextRecheckDue', key: 'due', width: 120 },
    { title: '超期', dataIndex: 'overdue', key: 'overdue', width: 80, render: (o: boolean) => (o ? <Tag color="error">已超期</Tag> : <Tag color="warning">即将到期</Tag>) },
    { title: '在办案件', dataIndex: 'openCaseNo', key: 'openCase', render: (v: string | null) => (v ? <span className="mono">{v}</span> : <Typography.Text type="secondary">无</Typography.Text>) },
    { title: '月保障金', dataIndex: 'benefitFen', key: 'benefit', width: 120, align: 'right', render: (v: number | null) => yuan(v) }
  ]

  const villages = all.data?.villages ?? []
  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={5} style={{ margin: 0, marginRight: 8 }}>复核管理</Typography.Title>
        {d ? <Typography.Text type="secondary">截至 {d.asOf}，列出已超期和 {d.leadDays} 天内到期的在保家庭</Typography.Text> : null}
      </div>
      {all.error ? <Alert type="error" showIcon title={all.error.message} style={{ marginBottom: 8 }} /> : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }} data-testid="recheck-villages">
        <VillageCard label="全部村（社区）" due={villages.reduce((s, v) => s + v.due, 0)} overdue={villages.reduce((s, v) => s + v.overdue, 0)} active={!village} onClick={() => pick(undefined)} />
        {villages.map((v) => <VillageCard key={v.villageCode} label={v.villageName} due={v.due} overdue={v.overdue} active={village === v.villageCode} onClick={() => pick(v.villageCode)} />)}
      </div>
      <div className="page-toolbar">
        <Select allowClear placeholder="全部村（社区）" style={{ width: 160 }} aria-label="村（社区）" value={village} onChange={(v?: string) => pick(v)}
          options={villages.map((v) => ({ value: v.villageCode, label: v.villageName }))} />
        <Typography.Text>共 {d?.total ?? 0} 户{d && d.rows.length < d.total ? `（列出前 ${d.rows.length} 户）` : ''}</Typography.Text>
        {selected.length ? <Typography.Text type="secondary">已选 {selected.length} 户</Typography.Text> : null}
        <div className="grow" />
        {writable ? (
          <Tooltip title={handler ? '' : '复核由经办人登记启动'}>
            <Button type="primary" icon={<SyncOutlined />} disabled={!handler || !selected.length} loading={pending} onClick={register}>登记复核</Button>
          </Tooltip>
        ) : null}
      </div>
      {result ? (
        <Alert
          type={result.skipped.length ? 'warning' : 'success'} showIcon closable={{ onClose: () => setResult(null) }} style={{ marginBottom: 8 }}
          title={`已登记 ${result.opened} 户复核${result.skipped.length ? `，跳过 ${result.skipped.length} 户` : ''}`}
          description={result.skipped.length ? <div>{result.skipped.map((s) => <div key={s}>{s}</div>)}</div> : '请在待办案件中继续办理入户调查等环节。'}
        />
      ) : null}
      {q.error ? <Alert type="error" showIcon title={q.error.message} style={{ marginBottom: 8 }} /> : null}
      {d?.phaseOutEnded.length ? <PhaseOutEnded rows={d.phaseOutEnded} writable={writable && (handler || session.operator.role === 'reviewer')} /> : null}
      <Table<RecheckRow>
        size="small" rowKey="householdId" columns={columns} dataSource={d?.rows ?? []} loading={q.loading}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, size: 'small' }}
        rowSelection={handler ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: false } : undefined}
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
        locale={{ emptyText: village ? '该村（社区）没有到期或超期的复核' : '没有到期或超期的复核' }}
      />
    </div>
  )
}

/** 渐退期满: the stop decided together with the 渐退 falls due; carrying it out closes the file (no new decision). */
function PhaseOutEnded({ rows, writable }: { rows: PhaseOutEndRow[]; writable: boolean }) {
  const [pending, setPending] = useState(false)
  const stop = () => {
    feedback.modal?.confirm({
      title: `为 ${rows.length} 户办理渐退期满停发？`,
      content: <p>渐退期满的家庭按原决定自次月起停发，档案注销（停保）。停发已在渐退决定中听取意见并书面告知，这里只是执行。</p>,
      okText: '办理停发', cancelText: '取消',
      onOk: async () => {
        setPending(true)
        try { await mutate('recheck.endPhaseOut', { householdIds: rows.map((r) => r.householdId) }, { success: '已办理渐退期满停发' }) } finally { setPending(false) }
      }
    })
  }
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="phaseout-ended"
      title={<span>渐退期满待停发 <Tag color="orange">{rows.length} 户</Tag></span>}
      extra={writable ? <Button size="small" danger loading={pending} onClick={stop}>办理停发</Button> : null}>
      <Table<PhaseOutEndRow> size="small" rowKey="householdId" pagination={false} dataSource={rows}
        columns={[
          { title: '档案号', dataIndex: 'fileNo', key: 'fileNo', width: 150, render: (v: string, r) => <Link to={`/households/${r.householdId}`} className="mono">{v}</Link> },
          { title: '户主', dataIndex: 'headName', key: 'headName', width: 90 },
          { title: '村（社区）', dataIndex: 'villageName', key: 'villageName', width: 110 },
          { title: '渐退最后发放月', dataIndex: 'phaseOutUntil', key: 'until', width: 130 },
          { title: '停发起始月', dataIndex: 'stopFrom', key: 'from', width: 110 },
          { title: '渐退期月保障金', dataIndex: 'benefitFen', key: 'benefit', align: 'right', render: (v: number | null) => yuan(v) }
        ]} />
    </Card>
  )
}

function VillageCard({ label, due, overdue, active, onClick }: { label: string; due: number; overdue: number; active: boolean; onClick: () => void }) {
  return (
    <Card size="small" hoverable onClick={onClick} role="button" tabIndex={0} onKeyDown={(e) => { if (e.key === 'Enter') onClick() }}
      style={{ width: 168, borderColor: active ? '#1f4e99' : undefined, boxShadow: active ? '0 0 0 1px #1f4e99' : undefined }}
      styles={{ body: { padding: '8px 12px' } }}>
      <div style={{ fontWeight: 600, marginBottom: 2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{label}</div>
      <Space size={12}>
        <span><Typography.Text type="danger" strong style={{ fontSize: 18 }}>{overdue}</Typography.Text> <Typography.Text type="secondary">超期</Typography.Text></span>
        <span><Typography.Text strong style={{ fontSize: 18, color: '#d46b08' }}>{due}</Typography.Text> <Typography.Text type="secondary">到期</Typography.Text></span>
      </Space>
    </Card>
  )
}
