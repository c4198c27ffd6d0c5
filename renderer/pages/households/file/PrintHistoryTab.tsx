// 打印记录: every numbered document printed from this household, its cases and their records (the register,
// newest first) — who printed which 文书编号 when, so a reprint is visible and a copy can be traced.
import { Alert, Table, Typography } from 'antd'
import { useMemo } from 'react'
import { useApi } from '../../../app/useApi'
import { useFile } from './context'

export function PrintHistoryTab() {
  const { id } = useFile()
  const cases = useApi('cases.forHousehold', { householdId: id })
  const refIds = useMemo(() => [id, ...(cases.data ?? []).flatMap((c) => [c.id, ...c.records.filter((r) => r.kind === 'materialsNotice').map((r) => r.id)])], [id, cases.data])
  const q = useApi('print.history', { refIds })
  return (
    <div data-testid="print-history">
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>每份正式打印的文书都有文书编号并登记在册（预览不登记）。重印会得到新的编号；纸面文书上的二维码可在“文书核验”页核验。</Typography.Paragraph>
      {q.error ? <Alert type="error" showIcon title={q.error.message} /> : null}
      <Table size="small" rowKey="docNo" loading={q.loading || cases.loading} dataSource={q.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '本户还没有打印过文书' }}
        columns={[
          { title: '文书编号', dataIndex: 'docNo', key: 'docNo', width: 220, render: (v: string) => <span className="mono">{v}</span> },
          { title: '文书', dataIndex: 'kindLabel', key: 'kind', width: 130 },
          { title: '标题', dataIndex: 'title', key: 'title', ellipsis: true },
          { title: '纸张', dataIndex: 'paper', key: 'paper', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '打印人', dataIndex: 'printedBy', key: 'by', width: 150 },
          { title: '打印时间', dataIndex: 'printedAt', key: 'at', width: 150, render: (v: string) => v.slice(0, 16).replace('T', ' ') },
        ]} />
    </div>
  )
}
