// Shared by the procedure pages (民主评议, 公示): code tables copied from the services (the renderer cannot
// import them), the step labels a case must be at to be listed, reading files as base64 and showing stored
// files (公示 photos, 签到表) by their SM3 digest through `notices.readFile`.
import { Button, Image, Modal, Space, Spin, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState, type ReactNode } from 'react'
import { variantFor, VARIANTS, type StepKind, type VariantId } from '../../../main/domain/workflow'
import { ApiError, call } from '../../api'
import { useApi } from '../../app/useApi'
import { base64ToBlob, MAX_UPLOAD_BYTES, readBase64 } from '../../app/files'
export { MAX_UPLOAD_BYTES, readBase64 }

/** main/services/notices.ts NOTICE_KINDS (label, the case steps it lists, level). */
export const NOTICE_KINDS: Record<string, { label: string; steps: StepKind[]; level: 'village' | 'township' | 'county' }> = {
  preliminary: { label: '初审公示', steps: ['noticing'], level: 'village' },
  villageFirst: { label: '村级公示（一榜）', steps: ['villageNoticing'], level: 'village' },
  county: { label: '县级公示（三榜）', steps: ['countyNoticing'], level: 'county' },
  publication: { label: '公布', steps: ['approved', 'published'], level: 'village' }
}
export const NOTICE_KIND_OPTIONS = Object.entries(NOTICE_KINDS).map(([value, k]) => ({ value, label: k.label }))

/** main/services/notices.ts OBJECTION_CHANNELS. */
export const OBJECTION_CHANNELS: Record<string, string> = { visit: '来访', phone: '电话', letter: '来信', box: '举报箱', hotline12349: '12349热线', transfer: '上级转办', other: '其他' }
export const CHANNEL_OPTIONS = Object.entries(OBJECTION_CHANNELS).map(([value, label]) => ({ value, label }))

/** main/services/meetings.ts ATTENDEE_KINDS. */
export const ATTENDEE_KINDS: Record<string, string> = {
  townshipStaff: '乡镇工作人员', villageCadre: '村干部', partyMember: '党员代表', representative: '村（居）民代表', residentCadre: '驻村干部', supervisor: '监督员', countyStaff: '县级工作人员'
}
export const ATTENDEE_KIND_OPTIONS = Object.entries(ATTENDEE_KINDS).map(([value, label]) => ({ value, label }))
/** 监督员 and county staff attend as observers: not counted, do not vote (main/services/meetings.ts). */
export const OBSERVER_KINDS = new Set(['supervisor', 'countyStaff'])
export const REPRESENTATIVE_KINDS = new Set(['partyMember', 'representative'])
/** main/services/meetings.ts REVIEW_STEPS: the steps at which a case may be put on a meeting. */
export const REVIEW_STEPS: StepKind[] = ['reviewMeeting', 'villageReview', 'objectionHandling']

/**
 * Every label those step kinds carry in any procedure variant and decision level. The 待办 list gives only
 * the current step's label, so a case is a candidate when its label is one of these (the server decides).
 */
export function stepLabels(kinds: StepKind[]): Set<string> {
  const out = new Set<string>()
  for (const id of Object.keys(VARIANTS) as VariantId[]) {
    for (const level of ['county', 'township'] as const) {
      let v
      try { v = variantFor(id, level) } catch { continue }
      for (const k of kinds) { const d = v.steps[k]; if (d) out.add(d.label) }
    }
  }
  return out
}

export const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day')
export const ymd = (d: Dayjs) => d.format('YYYY-MM-DD')



/** A stored image as a data URL thumbnail (click to enlarge). */
export function StoredThumb({ sm3, alt, width = 160, height = 120 }: { sm3: string; alt: string; width?: number; height?: number }) {
  const q = useApi('notices.readFile', { sm3 }, { reloadOnMutation: false })
  if (q.error) return <div style={{ width, height, display: 'grid', placeItems: 'center', background: '#fafafa', border: '1px solid #f0f0f0' }}><Typography.Text type="danger" style={{ fontSize: 12 }}>{q.error.message}</Typography.Text></div>
  if (!q.data) return <div style={{ width, height, display: 'grid', placeItems: 'center', background: '#fafafa', border: '1px solid #f0f0f0' }}><Spin size="small" /></div>
  return <Image src={`data:${q.data.mime};base64,${q.data.dataBase64}`} alt={alt} width={width} height={height} style={{ objectFit: 'cover', border: '1px solid #f0f0f0' }} />
}

/** Opens a stored file (PDF or image) in a modal, from a Blob URL. */
export function StoredFileModal({ file, onClose }: { file: { sm3: string; originalName: string; mime: string } | null; onClose: () => void }) {
  return <BlobModal title={file?.originalName ?? ''} open={!!file} load={file ? () => call('notices.readFile', { sm3: file.sm3 }) : null} fileName={file?.originalName ?? ''} onClose={onClose} />
}

/** A PDF or image fetched as base64 and shown in a modal from a Blob URL (stored scans, printed documents). */
export function BlobModal({ title, open, load, fileName, onClose, extra }: {
  title: string; open: boolean; load: (() => Promise<{ mime: string; dataBase64: string; fileName?: string }>) | null; fileName: string; onClose: () => void; extra?: ReactNode
}) {
  const [state, setState] = useState<{ url: string; mime: string; name: string } | { error: string } | null>(null)
  useEffect(() => {
    if (!open || !load) { setState(null); return }
    let url: string | null = null
    let gone = false
    setState(null)
    load()
      .then((r) => { if (gone) return; url = URL.createObjectURL(base64ToBlob(r.dataBase64, r.mime)); setState({ url, mime: r.mime, name: r.fileName ?? fileName }) })
      .catch((e: unknown) => { if (!gone) setState({ error: e instanceof ApiError ? e.message : String(e) }) })
    return () => { gone = true; if (url) URL.revokeObjectURL(url) }
  }, [open, load, fileName])
  const ready = state && 'url' in state ? state : null
  const isPdf = ready?.mime === 'application/pdf'
  return (
    <Modal
      open={open} onCancel={onClose} destroyOnHidden title={title} width={isPdf ? '92vw' : 900} style={{ top: 16 }}
      footer={<Space>{extra}{ready ? <Button href={ready.url} download={ready.name}>另存文件</Button> : null}<Button type="primary" onClick={onClose}>关闭</Button></Space>}
    >
      {!state ? <div style={{ textAlign: 'center', padding: 48 }}><Spin description="正在生成…" /></div>
        : 'error' in state ? <Typography.Text type="danger">{state.error}</Typography.Text>
          : isPdf ? <iframe title={title} src={state.url} style={{ width: '100%', height: 'calc(100vh - 180px)', border: 0 }} />
            : <div style={{ textAlign: 'center', maxHeight: 'calc(100vh - 180px)', overflow: 'auto' }}><Image src={state.url} alt={title} style={{ maxWidth: '100%' }} /></div>}
    </Modal>
  )
}
