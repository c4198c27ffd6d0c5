// 批量打印长期公示 (issue 5): one numbered 长期公示 per village, printed one after another with progress and a
// cancel that stops after the village in hand; villages without households in payment are skipped with the
// reason. The results can be opened or saved one by one, or merged into one file for one print job.
import { Alert, Button, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd'
import { PDFDocument } from 'pdf-lib'
import { useRef, useState } from 'react'
import { PAPER_OPTIONS, type Paper } from '../../../main/documents/layout'
import { ApiError, call } from '../../api'
import { base64ToBlob } from '../../app/files'

type Result = { code: string; name: string; state: 'done' | 'skipped' | 'failed'; message: string; docNo?: string; url?: string; fileName?: string; bytes?: Uint8Array }

export function BatchPrintModal({ open, onClose, villages }: { open: boolean; onClose: () => void; villages: Array<{ code: string; name: string }> }) {
  const [paper, setPaper] = useState<Paper>('A4')
  const [running, setRunning] = useState(false)
  const [current, setCurrent] = useState<string | null>(null)
  const [results, setResults] = useState<Result[]>([])
  const [merged, setMerged] = useState<string | null>(null)
  const cancel = useRef(false)

  const start = async () => {
    cancel.current = false
    setRunning(true); setMerged(null)
    results.forEach((r) => r.url && URL.revokeObjectURL(r.url))
    const out: Result[] = []
    setResults([])
    for (const v of villages) {
      if (cancel.current) break
      setCurrent(v.name)
      try {
        const r = await call('print.longterm', { villageCode: v.code, paper })
        const blob = base64ToBlob(r.dataBase64, r.mime)
        out.push({ code: v.code, name: v.name, state: 'done', message: '已生成', docNo: r.docNo, url: URL.createObjectURL(blob), fileName: r.fileName, bytes: new Uint8Array(await blob.arrayBuffer()) })
      } catch (e) {
        const msg = e instanceof ApiError ? e.message : String(e)
        out.push({ code: v.code, name: v.name, state: /没有在保家庭/.test(msg) ? 'skipped' : 'failed', message: msg })
      }
      setResults([...out])
    }
    setCurrent(null); setRunning(false)
  }

  const merge = async () => {
    const doc = await PDFDocument.create()
    for (const r of results) {
      if (!r.bytes) continue
      const src = await PDFDocument.load(r.bytes)
      for (const p of await doc.copyPages(src, src.getPageIndices())) doc.addPage(p)
    }
    const bytes = await doc.save()
    setMerged(URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' })))
  }

  const done = results.filter((r) => r.state === 'done').length
  const close = () => { if (running) cancel.current = true; else { results.forEach((r) => r.url && URL.revokeObjectURL(r.url)); if (merged) URL.revokeObjectURL(merged); setResults([]); setMerged(null); onClose() } }
  return (
    <Modal open={open} onCancel={close} title="批量打印长期公示（按村，每村一份，编号登记）" width={860} destroyOnHidden
      footer={<Space>
        {running ? <Button danger onClick={() => { cancel.current = true }}>取消（本村完成后停止）</Button> : <Button type="primary" disabled={!villages.length} onClick={() => void start()}>{results.length ? '重新生成' : '开始生成'}</Button>}
        {!running && done > 1 ? <Button onClick={() => void merge()}>合并为一个文件</Button> : null}
        {merged ? <Button href={merged} download={`长期公示-${done}个村.pdf`} type="primary">另存合并文件</Button> : null}
        <Button onClick={close}>{running ? '停止' : '关闭'}</Button>
      </Space>}>
      <Space style={{ marginBottom: 8 }} wrap>
        <span>纸张</span>
        <Select aria-label="纸张" value={paper} onChange={setPaper} disabled={running} style={{ width: 230 }} options={PAPER_OPTIONS} />
        <Typography.Text type="secondary">共 {villages.length} 个村（社区）；没有在保家庭的村自动跳过。</Typography.Text>
      </Space>
      {running || results.length ? (
        <Progress percent={Math.round((results.length / Math.max(1, villages.length)) * 100)} status={running ? 'active' : cancel.current ? 'exception' : 'success'}
          format={() => `${results.length}/${villages.length}`} />
      ) : null}
      {current ? <Typography.Text data-testid="batch-current">正在生成：{current}…</Typography.Text> : null}
      {!running && cancel.current && results.length < villages.length ? <Alert type="warning" showIcon style={{ margin: '8px 0' }} title={`已取消：生成了 ${results.length} 个村，其余未生成。`} /> : null}
      <Table size="small" rowKey="code" dataSource={results} pagination={false} style={{ marginTop: 8 }} scroll={{ y: 320 }} data-testid="batch-results"
        columns={[
          { title: '村（社区）', dataIndex: 'name', key: 'name', width: 140 },
          { title: '结果', key: 'state', width: 90, render: (_: unknown, r: Result) => <Tag color={r.state === 'done' ? 'green' : r.state === 'skipped' ? 'default' : 'red'}>{r.state === 'done' ? '已生成' : r.state === 'skipped' ? '跳过' : '失败'}</Tag> },
          { title: '文书编号 / 说明', key: 'msg', render: (_: unknown, r: Result) => (r.docNo ? <span className="mono">{r.docNo}</span> : <Typography.Text type={r.state === 'failed' ? 'danger' : 'secondary'}>{r.message}</Typography.Text>) },
          { title: '文件', key: 'file', width: 150, render: (_: unknown, r: Result) => (r.url ? <Space size={4}><a href={r.url} target="_blank" rel="noreferrer">打开</a><a href={r.url} download={r.fileName}>另存</a></Space> : null) },
        ]} />
    </Modal>
  )
}
