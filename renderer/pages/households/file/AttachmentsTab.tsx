// 材料: scanned documents of the household. Upload (read locally as base64, never sent anywhere but
// the local service), preview images and PDFs from a Blob URL, withdraw with a reason (the file is
// kept, the withdrawal is audited).
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Form, Image, Input, Modal, Select, Space, Spin, Table, Typography, Upload } from 'antd'
import type { TableProps, UploadFile } from 'antd'
import { useEffect, useState } from 'react'
import type { AttachmentView } from '../../../../main/api/types'
import { ATTACHMENT_KINDS, codeName } from '../../../../main/domain/codes'
import { ApiError, call } from '../../../api'
import { codeOptions, fileSize, fmtDateTime } from '../../../app/format'
import { feedback } from '../../../app/feedback'
import { mutate } from '../../../app/useApi'
import { FormModal, ReasonField } from '../../../components/FormModal'
import { maxLen, requiredSelect } from '../../../components/rules'
import { useFile } from './context'
import { base64ToBlob, MAX_UPLOAD_BYTES as MAX_BYTES, readBase64 } from '../../../app/files'

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.gif,.webp,.bmp,application/pdf,image/*'


interface UploadValues { docKind: string; memberId?: string | null; note?: string; files?: UploadFile[] }
interface Preview { att: AttachmentView; url: string | null; mime: string; error?: string }

export function AttachmentsTab() {
  const { file, id, writable, memberName, memberOptions } = useFile()
  const [uploading, setUploading] = useState(false)
  const [removing, setRemoving] = useState<AttachmentView | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)

  useEffect(() => () => { if (preview?.url) URL.revokeObjectURL(preview.url) }, [preview?.url])

  const openPreview = async (att: AttachmentView) => {
    setPreview({ att, url: null, mime: att.mime })
    try {
      const r = await call('attachments.read', { id: att.id })
      const url = URL.createObjectURL(base64ToBlob(r.dataBase64, r.mime))
      setPreview((p) => {
        if (p && p.att.id === att.id) return { att, url, mime: r.mime }
        URL.revokeObjectURL(url) // closed or switched meanwhile
        return p
      })
    } catch (e) {
      setPreview((p) => (p && p.att.id === att.id ? { att, url: null, mime: att.mime, error: e instanceof ApiError ? e.message : String(e) } : p))
    }
  }

  const columns: TableProps<AttachmentView>['columns'] = [
    { title: '类别', dataIndex: 'docKind', key: 'docKind', width: 130, render: (v: string) => codeName(ATTACHMENT_KINDS, v) || v },
    {
      title: '文件名', dataIndex: 'originalName', key: 'originalName', width: 260, ellipsis: true,
      render: (v: string, a) => <Typography.Link onClick={() => { void openPreview(a) }}>{v}</Typography.Link>
    },
    { title: '所属成员', dataIndex: 'memberId', key: 'member', width: 90, render: (v: string | null) => memberName(v) },
    { title: '大小', dataIndex: 'size', key: 'size', width: 80, align: 'right', render: fileSize },
    { title: '上传人', dataIndex: 'createdBy', key: 'createdBy', width: 90 },
    { title: '时间', dataIndex: 'createdAt', key: 'createdAt', width: 140, render: fmtDateTime },
    { title: '备注', dataIndex: 'note', key: 'note', ellipsis: true },
    {
      title: '操作', key: 'actions', width: writable ? 160 : 90, fixed: 'end',
      render: (_: unknown, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => { void openPreview(a) }}>预览材料</Button>
          {writable ? <Button type="link" size="small" danger onClick={() => setRemoving(a)}>撤下材料</Button> : null}
        </Space>
      )
    }
  ]

  const isImage = preview?.mime.startsWith('image/') && preview.mime !== 'image/tiff'
  const isPdf = preview?.mime === 'application/pdf'

  return (
    <div>
      <div className="page-toolbar">
        <Typography.Text>共 {file.attachments.length} 份材料</Typography.Text>
        <div className="grow" />
        {writable ? <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)}>上传材料</Button> : null}
      </div>
      <Table<AttachmentView>
        size="small" rowKey="id" columns={columns} dataSource={file.attachments} pagination={false} scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无材料' }}
        onRow={(a) => ({ onDoubleClick: () => { void openPreview(a) } })}
      />

      <FormModal<UploadValues>
        open={uploading}
        name="attachmentUpload"
        title="上传材料"
        okText="开始上传"
        width={620}
        initialValues={{ files: [] }}
        onClose={() => setUploading(false)}
        testId="upload-modal"
        onSubmit={async (v, form) => {
          const files = (v.files ?? []).filter((f) => f.originFileObj)
          let done = 0
          for (const f of files) {
            const raw = f.originFileObj as File
            if (raw.size > MAX_BYTES) { feedback.error(`文件“${raw.name}”超过28MB，请降低扫描分辨率（建议200dpi）后重试`); continue }
            let dataBase64: string
            try { dataBase64 = await readBase64(raw) } catch { feedback.error(`读取文件“${raw.name}”失败`); continue }
            const res = await mutate('attachments.upload', {
              householdId: id, memberId: v.memberId || null, docKind: v.docKind, originalName: raw.name, dataBase64, note: v.note?.trim() || null
            }, { form })
            if (res.ok) {
              done++
              form.setFieldValue('files', (form.getFieldValue('files') as UploadFile[]).filter((x) => x.uid !== f.uid))
            }
          }
          if (done) feedback.success(`已上传 ${done} 份材料`)
          return done === files.length && done > 0
        }}
      >
        <Form.Item label="材料类别" name="docKind" rules={[requiredSelect('请选择材料类别')]}>
          <Select options={codeOptions(ATTACHMENT_KINDS)} placeholder="请选择" data-testid="upload-kind" />
        </Form.Item>
        <Form.Item label="所属成员" name="memberId">
          <Select options={memberOptions} allowClear placeholder="全户材料可不选" />
        </Form.Item>
        <Form.Item label="备注" name="note" rules={[maxLen('备注', 200)]}>
          <Input />
        </Form.Item>
        <Form.Item
          label="文件" name="files" valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e?.fileList ?? []}
          rules={[{ validator: (_r, list?: UploadFile[]) => (list && list.length ? Promise.resolve() : Promise.reject(new Error('请选择要上传的文件'))) }]}
        >
          <Upload.Dragger multiple accept={ACCEPT} beforeUpload={() => false} data-testid="upload-dragger">
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">点击或拖入扫描件（JPG、PNG、TIF、PDF 等）</p>
            <p className="ant-upload-hint">单个文件不超过28MB；文件只保存在本机数据目录中</p>
          </Upload.Dragger>
        </Form.Item>
      </FormModal>

      <FormModal<{ reason: string }>
        open={!!removing}
        name="attachmentRemove"
        danger
        title={removing ? `撤下材料：${removing.originalName}` : ''}
        okText="确定撤下"
        onClose={() => setRemoving(null)}
        onSubmit={async (v, form) => {
          if (!removing) return false
          const res = await mutate('attachments.remove', { id: removing.id, reason: v.reason }, { form, success: '材料已撤下（文件保留，可追溯）' })
          return res.ok
        }}
      >
        <ReasonField label="撤下原因" placeholder="如：扫描不清、上传错户、已有新版" />
      </FormModal>

      <Modal
        open={!!preview}
        onCancel={() => setPreview(null)}
        footer={preview?.url ? (
          <Space>
            <Button icon={<DownloadOutlined />} href={preview.url} download={preview.att.originalName}>另存文件</Button>
            <Button type="primary" onClick={() => setPreview(null)}>关闭预览</Button>
          </Space>
        ) : <Button onClick={() => setPreview(null)}>关闭预览</Button>}
        title={preview ? `${codeName(ATTACHMENT_KINDS, preview.att.docKind)}：${preview.att.originalName}` : ''}
        width={isPdf ? '92vw' : 900}
        style={{ top: 16 }}
        destroyOnHidden
        data-testid="preview-modal"
      >
        {!preview ? null : preview.error ? (
          <Typography.Text type="danger">{preview.error}</Typography.Text>
        ) : !preview.url ? (
          <div style={{ textAlign: 'center', padding: 48 }}><Spin description="正在读取…" /></div>
        ) : isPdf ? (
          <iframe title={preview.att.originalName} src={preview.url} style={{ width: '100%', height: 'calc(100vh - 180px)', border: 0 }} />
        ) : isImage ? (
          <div style={{ textAlign: 'center', maxHeight: 'calc(100vh - 180px)', overflow: 'auto' }}>
            <Image src={preview.url} alt={preview.att.originalName} style={{ maxWidth: '100%' }} />
          </div>
        ) : (
          <Typography.Paragraph>此格式（{preview.mime}）无法在程序内预览，请点“另存文件”后用其他软件打开。</Typography.Paragraph>
        )}
      </Modal>
    </div>
  )
}
