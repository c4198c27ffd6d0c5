// 收入 / 财产 / 赡养义务人 tabs: a table each, add/edit in a modal, delete with a written reason
// (records are soft-removed and the removal is in the 变更记录).
import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, Tooltip, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useState } from 'react'
import type { AssetView, IncomeView, ObligorView } from '../../../../main/api/types'
import { ASSET_KINDS, codeName, INCOME_KINDS, OBLIGOR_RELATIONS } from '../../../../main/domain/codes'
import { yesNo, yuan } from '../../../app/format'
import { mutate } from '../../../app/useApi'
import { FormModal, ReasonField } from '../../../components/FormModal'
import {
  AssetFields, assetFromForm, assetToForm, IncomeFields, incomeFromForm, incomeToForm, newAssetDefaults, newIncomeDefaults, newObligorDefaults,
  ObligorFields, obligorFromForm, obligorToForm, type AssetFormValues, type IncomeFormValues, type ObligorFormValues
} from '../../../components/RecordFields'
import { useFile } from './context'

type Kind = 'income' | 'asset' | 'obligor'
const KIND_LABEL: Record<Kind, string> = { income: '收入', asset: '财产', obligor: '义务人' }

function RemoveRecordModal({ target, onClose }: { target: { kind: Kind; id: string; label: string } | null; onClose: () => void }) {
  return (
    <FormModal<{ reason: string }>
      open={!!target}
      name="recordRemove"
      danger
      title={target ? `删除${KIND_LABEL[target.kind]}记录：${target.label}` : ''}
      okText="确定删除"
      onClose={onClose}
      onSubmit={async (v, form) => {
        if (!target) return false
        const res = await mutate('records.remove', { kind: target.kind, id: target.id, reason: v.reason }, { form, success: '已删除（记录保留在变更记录中）' })
        return res.ok
      }}
    >
      <ReasonField label="删除原因" placeholder="如：重复登记、录入错误、已不再有此收入" />
    </FormModal>
  )
}

function actionsColumn<T extends { id: string }>(onEdit: (r: T) => void, onRemove: (r: T) => void): NonNullable<TableProps<T>['columns']>[number] {
  return {
    title: '操作', key: 'actions', width: 150, fixed: 'end',
    render: (_: unknown, r: T) => (
      <Space size={0}>
        <Button type="link" size="small" onClick={() => onEdit(r)}>修改记录</Button>
        <Button type="link" size="small" danger onClick={() => onRemove(r)}>删除记录</Button>
      </Space>
    )
  }
}

// ── 收入 ──────────────────────────────────────────────────────────────────

export function IncomesTab() {
  const { file, id, writable, memberName, memberOptions } = useFile()
  const [editing, setEditing] = useState<IncomeView | 'new' | null>(null)
  const [removing, setRemoving] = useState<{ kind: Kind; id: string; label: string } | null>(null)

  const columns: TableProps<IncomeView>['columns'] = [
    { title: '所属成员', dataIndex: 'memberId', key: 'member', width: 90, render: (v: string | null) => memberName(v) || '全户' },
    { title: '类别', dataIndex: 'kind', key: 'kind', width: 100, render: (v: string) => codeName(INCOME_KINDS, v) },
    { title: '细项', dataIndex: 'subtype', key: 'subtype', width: 120, ellipsis: true },
    { title: '月收入', dataIndex: 'amountFen', key: 'amount', width: 110, align: 'right', render: (v: number) => <span className="mono">{yuan(v)}</span> },
    { title: '期间', key: 'period', width: 140, render: (_: unknown, r) => (r.periodFrom || r.periodTo ? `${r.periodFrom ?? '…'} 至 ${r.periodTo ?? '…'}` : '') },
    { title: '来源/依据', dataIndex: 'source', key: 'source', width: 140, ellipsis: true },
    { title: '计入', dataIndex: 'counted', key: 'counted', width: 56, render: (v: boolean) => (v ? '计入' : <Typography.Text type="secondary">不计</Typography.Text>) },
    { title: '备注', dataIndex: 'note', key: 'note', ellipsis: true },
    ...(writable ? [actionsColumn<IncomeView>((r) => setEditing(r), (r) => setRemoving({ kind: 'income', id: r.id, label: `${memberName(r.memberId)} ${r.subtype ?? codeName(INCOME_KINDS, r.kind)} ${yuan(r.amountFen)}` }))] : [])
  ]

  return (
    <div>
      <div className="page-toolbar">
        <Typography.Text>家庭月收入合计 <b data-testid="income-total">{yuan(file.totals.monthlyIncomeFen)}</b>，其中计入 <b data-testid="income-counted">{yuan(file.totals.countedIncomeFen)}</b></Typography.Text>
        <div className="grow" />
        {writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>登记收入</Button> : null}
      </div>
      <Table<IncomeView>
        size="small" rowKey="id" columns={columns} dataSource={file.incomes} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无收入记录' }}
        summary={() => (file.incomes.length ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}><b>合计</b></Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right"><b className="mono">{yuan(file.totals.monthlyIncomeFen)}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={4} colSpan={columns.length - 4}>其中计入家庭收入 <b className="mono">{yuan(file.totals.countedIncomeFen)}</b></Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null)}
      />
      <FormModal<IncomeFormValues>
        open={editing !== null}
        name="incomeForm"
        width={900}
        title={editing === 'new' ? '登记收入' : '修改收入记录'}
        okText="保存收入"
        initialValues={editing && editing !== 'new' ? incomeToForm(editing) : newIncomeDefaults()}
        onClose={() => setEditing(null)}
        onSubmit={async (v, form) => {
          const income = incomeFromForm(v)
          const res = await mutate('incomes.save', { householdId: id, id: editing && editing !== 'new' ? editing.id : null, income }, { form, prefix: 'income', success: '收入已保存' })
          return res.ok
        }}
      >
        <IncomeFields base={[]} members={memberOptions} memberRef="memberId" testIdPrefix="income-edit" />
      </FormModal>
      <RemoveRecordModal target={removing} onClose={() => setRemoving(null)} />
    </div>
  )
}

// ── 财产 ──────────────────────────────────────────────────────────────────

export function AssetsTab() {
  const { file, id, writable, memberName, memberOptions } = useFile()
  const [editing, setEditing] = useState<AssetView | 'new' | null>(null)
  const [removing, setRemoving] = useState<{ kind: Kind; id: string; label: string } | null>(null)

  const columns: TableProps<AssetView>['columns'] = [
    { title: '所属成员', dataIndex: 'memberId', key: 'member', width: 90, render: (v: string | null) => memberName(v) || '全户' },
    { title: '类别', dataIndex: 'kind', key: 'kind', width: 110, render: (v: string) => codeName(ASSET_KINDS, v) },
    { title: '说明', dataIndex: 'description', key: 'description', width: 200, ellipsis: true },
    { title: '价值', dataIndex: 'valueFen', key: 'value', width: 120, align: 'right', render: (v: number) => <span className="mono">{yuan(v)}</span> },
    { title: '数量/面积', dataIndex: 'quantity', key: 'quantity', width: 90, render: (v: string | null, r) => [v, r.sizeClass ? ({ small: '小型', medium: '中型', large: '大型' } as const)[r.sizeClass] : null].filter(Boolean).join('，') },
    { title: '依据', dataIndex: 'evidence', key: 'evidence', width: 120, ellipsis: true },
    { title: '豁免', dataIndex: 'exempt', key: 'exempt', render: (v: boolean, r) => (v ? <Tooltip title={r.exemptReason ?? ''}><Typography.Text type="warning">豁免：{r.exemptReason}</Typography.Text></Tooltip> : '否') },
    ...(writable ? [actionsColumn<AssetView>((r) => setEditing(r), (r) => setRemoving({ kind: 'asset', id: r.id, label: r.description }))] : [])
  ]

  return (
    <div>
      <div className="page-toolbar">
        <Typography.Text>财产价值合计 <b data-testid="asset-total">{yuan(file.totals.assetValueFen)}</b></Typography.Text>
        <div className="grow" />
        {writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>登记财产</Button> : null}
      </div>
      <Table<AssetView>
        size="small" rowKey="id" columns={columns} dataSource={file.assets} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无财产记录' }}
        summary={() => (file.assets.length ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}><b>合计</b></Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right"><b className="mono">{yuan(file.totals.assetValueFen)}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={4} colSpan={columns.length - 4} />
          </Table.Summary.Row>
        ) : null)}
      />
      <FormModal<AssetFormValues>
        open={editing !== null}
        name="assetForm"
        width={900}
        title={editing === 'new' ? '登记财产' : '修改财产记录'}
        okText="保存财产"
        initialValues={editing && editing !== 'new' ? assetToForm(editing) : newAssetDefaults()}
        onClose={() => setEditing(null)}
        onSubmit={async (v, form) => {
          const asset = assetFromForm(v)
          const res = await mutate('assets.save', { householdId: id, id: editing && editing !== 'new' ? editing.id : null, asset }, { form, prefix: 'asset', success: '财产已保存' })
          return res.ok
        }}
      >
        <AssetFields base={[]} full={[]} members={memberOptions} memberRef="memberId" testIdPrefix="asset-edit" />
      </FormModal>
      <RemoveRecordModal target={removing} onClose={() => setRemoving(null)} />
    </div>
  )
}

// ── 赡养义务人 ────────────────────────────────────────────────────────────

export function ObligorsTab() {
  const { file, id, writable } = useFile()
  const [editing, setEditing] = useState<ObligorView | 'new' | null>(null)
  const [removing, setRemoving] = useState<{ kind: Kind; id: string; label: string } | null>(null)

  const columns: TableProps<ObligorView>['columns'] = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 90 },
    { title: '身份证号', dataIndex: 'idNumber', key: 'idNumber', width: 172, render: (v: string | null) => <span className="mono">{v ?? ''}</span> },
    { title: '关系', dataIndex: 'relation', key: 'relation', width: 110, render: (v: string) => codeName(OBLIGOR_RELATIONS, v) || v },
    { title: '年龄', dataIndex: 'age', key: 'age', width: 50, align: 'right' },
    { title: '健康', dataIndex: 'health', key: 'health', width: 70 },
    { title: '职业', dataIndex: 'job', key: 'job', width: 90, ellipsis: true },
    { title: '家庭人口', dataIndex: 'householdSize', key: 'householdSize', width: 72, align: 'right' },
    { title: '家庭月收入', dataIndex: 'monthlyIncomeFen', key: 'monthlyIncome', width: 110, align: 'right', render: (v: number | null) => <span className="mono">{yuan(v)}</span> },
    { title: '每月给付', dataIndex: 'supportPaidFen', key: 'supportPaid', width: 100, align: 'right', render: (v: number | null) => <span className="mono">{yuan(v)}</span> },
    { title: '豁免', dataIndex: 'waiver', key: 'waiver', width: 80, render: (v: boolean, r) => (v ? <Tooltip title={r.waiverReason ?? ''}>豁免</Tooltip> : '否') },
    { title: '同意核对', dataIndex: 'consent', key: 'consent', width: 72, render: yesNo },
    ...(writable ? [actionsColumn<ObligorView>((r) => setEditing(r), (r) => setRemoving({ kind: 'obligor', id: r.id, label: r.name }))] : [])
  ]

  return (
    <div>
      <div className="page-toolbar">
        <Typography.Text type="secondary">赡养、抚养、扶养义务人及其家庭经济状况</Typography.Text>
        <div className="grow" />
        {writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>登记义务人</Button> : null}
      </div>
      <Table<ObligorView>
        size="small" rowKey="id" columns={columns} dataSource={file.obligors} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无义务人记录' }}
      />
      <FormModal<ObligorFormValues>
        open={editing !== null}
        name="obligorForm"
        width={960}
        title={editing === 'new' ? '登记赡养（抚养、扶养）义务人' : '修改义务人记录'}
        okText="保存义务人"
        initialValues={editing && editing !== 'new' ? obligorToForm(editing) : newObligorDefaults()}
        onClose={() => setEditing(null)}
        onSubmit={async (v, form) => {
          const obligor = obligorFromForm(v)
          const res = await mutate('obligors.save', { householdId: id, id: editing && editing !== 'new' ? editing.id : null, obligor }, { form, prefix: 'obligor', success: '义务人已保存' })
          return res.ok
        }}
      >
        <ObligorFields base={[]} full={[]} showWaiver testIdPrefix="obligor-edit" />
      </FormModal>
      <RemoveRecordModal target={removing} onClose={() => setRemoving(null)} />
    </div>
  )
}
