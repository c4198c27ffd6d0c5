// The documents a case has produced so far (issue 5), each printed through the shared print dialog: 入户调查表
// (a home-visit record), 补正材料告知书 (a 一次性告知 record), 审核确认表 (from the 初审 on; unsigned blocks blank),
// and the 书面告知书 of its decision (or of 不予受理 / 终止).
import { FileTextOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { useState } from 'react'
import type { CaseView } from '../../../../../main/api/types'
import { call } from '../../../../api'
import { PrintModal } from '../../../../app/PrintModal'
import { Section } from './CaseModal'

type Doc = { kind: 'visit' | 'review' | 'decisionNotice' | 'materialsNotice'; label: string }

export function caseDocuments(c: CaseView): Doc[] {
  const live = (k: string) => c.records.some((r) => r.kind === k && !r.superseded)
  const out: Doc[] = []
  if (live('materialsNotice')) out.push({ kind: 'materialsNotice', label: '补正材料告知书' })
  if (live('homeVisit')) out.push({ kind: 'visit', label: '入户调查表' })
  if (c.steps.some((s) => s.kind === 'preliminary')) out.push({ kind: 'review', label: '审核确认表' })
  if (c.decision || c.steps.some((s) => s.kind === 'notAccepted' || s.kind === 'terminated')) out.push({ kind: 'decisionNotice', label: c.decision?.outcome === 'approve' ? '确认通知书' : '书面告知书' })
  return out
}

export function CaseDocuments({ c, writable }: { c: CaseView; writable: boolean }) {
  const [doc, setDoc] = useState<Doc | null>(null)
  const docs = caseDocuments(c)
  if (!docs.length) return null
  return (
    <Section title="文书" testId="case-documents">
      {writable ? (
        <Space wrap size={[6, 6]}>
          {docs.map((d) => <Button key={d.kind} size="small" icon={<FileTextOutlined />} onClick={() => setDoc(d)}>{d.label}</Button>)}
        </Space>
      ) : <Typography.Text type="secondary">{docs.map((d) => d.label).join('、')}（打印须有办理权限）</Typography.Text>}
      <PrintModal open={!!doc} onClose={() => setDoc(null)} title={doc ? `打印${doc.label}：案件 ${c.caseNo}（户主 ${c.headName}）` : ''}
        request={({ preview }) => call('print.document', { kind: doc!.kind, caseId: c.id, preview })} />
    </Section>
  )
}
