// Printing a document (issue 5): the modal opens on an unnumbered preview (watermarked 预览稿, nothing
// registered); "编号打印" registers the document (文书编号, QR) and shows the numbered PDF, which is printed from
// the viewer (Electron's print dialog / the browser's) or saved to a folder. Papers and other choices re-preview.
import { Alert, Button, Modal, Select, Space, Spin, Tag, Typography } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { PAPERS, type Paper } from '../../main/documents/layout'
import { ApiError } from '../api'
import { base64ToBlob } from './files'

export interface PrintedFile { fileName: string; mime: string; dataBase64: string; docNo: string }
type Shown = { url: string; name: string; docNo: string }

export function PrintModal({ title, open, onClose, request, papers, extra, choiceKey = '' }: {
  title: string; open: boolean; onClose: () => void
  /** the print call; preview → unnumbered */
  request: (o: { preview: boolean; paper: Paper }) => Promise<PrintedFile>
  /** offered papers (wall notices); forms and letters print on A4 */
  papers?: readonly Paper[]
  /** further choices (a village …) shown beside the paper; `choiceKey` changes when they do */
  extra?: ReactNode
  choiceKey?: string
}) {
  const [paper, setPaper] = useState<Paper>('A4')
  const [shown, setShown] = useState<Shown | { error: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const frame = useRef<HTMLIFrameElement>(null)
  const req = useRef(request)
  req.current = request

  useEffect(() => {
    if (!open) { setShown(null); setPaper('A4'); return }
    let gone = false
    let url: string | null = null
    setShown(null)
    req.current({ preview: true, paper })
      .then((r) => { if (gone) return; url = URL.createObjectURL(base64ToBlob(r.dataBase64, r.mime)); setShown({ url, name: r.fileName, docNo: '' }) })
      .catch((e: unknown) => { if (!gone) setShown({ error: e instanceof ApiError ? e.message : String(e) }) })
    return () => { gone = true; if (url) URL.revokeObjectURL(url) }
  }, [open, paper, choiceKey])

  const numbered = async () => {
    setBusy(true)
    try {
      const r = await req.current({ preview: false, paper })
      setShown((old) => { if (old && 'url' in old) URL.revokeObjectURL(old.url); return { url: URL.createObjectURL(base64ToBlob(r.dataBase64, r.mime)), name: r.fileName, docNo: r.docNo } })
    } catch (e) {
      setShown({ error: e instanceof ApiError ? e.message : String(e) })
    } finally { setBusy(false) }
  }
  const printNow = () => { try { frame.current?.contentWindow?.print() } catch { /* the viewer's own print button remains */ } }
  const ready = shown && 'url' in shown ? shown : null
  const tiled = !!PAPERS[paper].tile

  return (
    <Modal open={open} onCancel={onClose} destroyOnHidden title={title} width="92vw" style={{ top: 12 }}
      footer={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          {extra}
          {papers ? <Select aria-label="纸张" value={paper} onChange={setPaper} style={{ width: 230, textAlign: 'left' }} options={papers.map((p) => ({ value: p, label: PAPERS[p].label }))} disabled={!!ready?.docNo} /> : null}
          {ready?.docNo ? <Tag color="green" data-testid="print-docno">文书编号 {ready.docNo}</Tag> : null}
          {ready && !ready.docNo ? <Button type="primary" icon={<PrinterOutlined />} loading={busy} onClick={() => void numbered()}>编号并生成正式文书</Button> : null}
          {ready?.docNo ? <Button type="primary" icon={<PrinterOutlined />} onClick={printNow}>打印</Button> : null}
          {ready?.docNo ? <Button href={ready.url} download={ready.name}>另存文件</Button> : null}
          <Button onClick={onClose}>关闭</Button>
        </Space>
      }>
      {tiled ? <Alert type="info" showIcon style={{ marginBottom: 8 }} title="大幅公示按 A4 纸拼贴：打印时缩放请选“实际大小（100%）”，不要选“适合纸张”；按每张纸边上的行列号拼好，沿裁切线对齐粘贴。" /> : null}
      {!shown ? <div style={{ textAlign: 'center', padding: 48 }}><Spin description="正在生成预览…" /></div>
        : 'error' in shown ? <Alert type="error" showIcon title={shown.error} />
          : (
            <>
              <Typography.Text type={shown.docNo ? 'success' : 'secondary'} style={{ display: 'block', marginBottom: 4 }}>
                {shown.docNo ? '已编号登记，可打印或另存；二维码可在“文书核验”页核验。' : '预览稿（未编号，不能作为正式文书）。核对无误后点“编号并生成正式文书”。'}
              </Typography.Text>
              <iframe ref={frame} title={title} src={shown.url} style={{ width: '100%', height: 'calc(100vh - 230px)', border: '1px solid #f0f0f0' }} />
            </>
          )}
    </Modal>
  )
}
