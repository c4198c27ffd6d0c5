// 文书核验 (issue 5): a printed document's QR code (scanned with a code reader, which types its content and
// Enter, or copied from a phone) is checked against this township's register: format, signature, register row.
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import type { Output } from '../../api'
import { ApiError, call } from '../../api'
import { fmtDateTime } from '../../app/format'

export function VerifyPage() {
  const [payload, setPayload] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Output<'documents.verify'> | { error: string } | null>(null)
  const verify = async () => {
    if (!payload.trim()) return
    setBusy(true)
    try { setResult(await call('documents.verify', { payload: payload.trim() })) } catch (e) { setResult({ error: e instanceof ApiError ? e.message : String(e) }) } finally { setBusy(false) }
  }
  return (
    <div className="page">
      <Card size="small" className="section-card" title="文书核验">
        <Typography.Paragraph type="secondary">本系统打印的公示等文书落款旁有二维码。用扫码枪扫描（或把手机扫出的内容粘贴到下面），核对这份文书是否由本乡镇打印、内容摘要是否与登记簿一致。</Typography.Paragraph>
        <Space.Compact style={{ width: '100%', maxWidth: 760 }}>
          <Input autoFocus aria-label="二维码内容" placeholder="DBDOC1|…" value={payload} onChange={(e) => setPayload(e.target.value)} onPressEnter={() => void verify()} allowClear />
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void verify()}>核验</Button>
        </Space.Compact>
        <div style={{ marginTop: 16, maxWidth: 760 }} data-testid="verify-result">
          {!result ? null : 'error' in result ? <Alert type="error" showIcon title={result.error} />
            : result.ok ? (
              <>
                <Alert type="success" showIcon title="核验通过：这份文书由本乡镇打印，内容摘要与登记簿一致" style={{ marginBottom: 12 }} />
                <Descriptions size="small" bordered column={1} items={[
                  { key: 'k', label: '文书', children: `${result.kindLabel ?? ''}：${result.title ?? ''}` },
                  { key: 'n', label: '文书编号', children: <Typography.Text className="mono" copyable>{result.docNo}</Typography.Text> },
                  { key: 'p', label: '打印', children: `${result.printedAt ? fmtDateTime(result.printedAt) : ''} · ${result.printedBy ?? ''}` },
                ]} />
              </>
            ) : <Alert type="error" showIcon title="核验未通过" description={result.reason} />}
        </div>
      </Card>
    </div>
  )
}
