// One 公示 batch (domain.md §8): the header (title, period, places, phones), the lines exactly as posted — only
// the whitelist columns —, 登记张贴 (the server fixes the period end), dated photos of the posted notice, and
// the objections received: registered per case, closed with the investigation, result and feedback.
import { ArrowLeftOutlined, CameraOutlined, InboxOutlined, PlusOutlined, PrinterOutlined, PushpinOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Image, Input, Radio, Row, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd'
import type { TableProps, UploadFile } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { call } from '../../api'
import { PAPER_IDS } from '../../../main/documents/layout'
import { PrintModal } from '../../app/PrintModal'
import type { NoticeLineView, NoticeView, ObjectionView } from '../../../main/api/types'
import { formatYuan } from '../../../main/domain/money'
import { fmtDateTime } from '../../app/format'
import { feedback } from '../../app/feedback'
import { Link } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { maxLen, required, requiredSelect } from '../../components/rules'
import { PeriodTag } from './NoticesPage'
import { CHANNEL_OPTIONS, MAX_UPLOAD_BYTES, noFuture, readBase64, StoredThumb, ymd } from './shared'


const PHOTO_ACCEPT = '.jpg,.jpeg,.png,image/jpeg,image/png'
/** Who sees an objector's identity and contact (main/services/notices.ts objectionView; domain.md §8). */

export function NoticePage({ id }: { id: string }) {
  const session = useSession()
  const writable = canWrite(session.operator)
  const q = useApi('notices.get', { id })
  const n = q.data
  const [posting, setPosting] = useState(false)
  const [photo, setPhoto] = useState(false)
  const [objecting, setObjecting] = useState(false)
  const [closing, setClosing] = useState<ObjectionView | null>(null)
  const [printing, setPrinting] = useState(false)

  return (
    <div className="page">
      <div className="page-toolbar">
        <Link to="/notices"><ArrowLeftOutlined /> 公示</Link>
        {n ? (
          <>
            <Typography.Title level={5} style={{ margin: '0 0 0 8px' }}>{n.title}</Typography.Title>
            <PeriodTag state={n.periodState} />
            <div className="grow" />
            {n.lines.length ? <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>打印公示</Button> : null}
            {writable && n.status === 'draft' ? <Button type="primary" icon={<PushpinOutlined />} onClick={() => setPosting(true)}>登记张贴</Button> : null}
            {writable && n.status === 'posted' ? <Button icon={<CameraOutlined />} onClick={() => setPhoto(true)}>上传张贴照片</Button> : null}
            {writable && n.status === 'posted' ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setObjecting(true)}>登记异议</Button> : null}
          </>
        ) : null}
      </div>
      {q.error ? <Alert type="error" showIcon title={q.error.message} /> : null}
      {n ? <PrintModal title={`打印公示：${n.title}（${n.batchNo}）`} open={printing} onClose={() => setPrinting(false)} papers={PAPER_IDS}
        request={({ preview, paper }) => call('print.notice', { batchId: n.id, paper, preview })} /> : null}
      {!n && q.loading ? <div style={{ textAlign: 'center', padding: 48 }}><Spin /></div> : null}
      {n ? (
        <>
          <HeaderCard n={n} />
          <LinesCard n={n} />
          <Row gutter={12}>
            <Col span={9}><PhotosCard n={n} writable={writable} onAdd={() => setPhoto(true)} /></Col>
            <Col span={15}><ObjectionsCard n={n} writable={writable} onAdd={() => setObjecting(true)} onClose={setClosing} /></Col>
          </Row>
          <PostModal n={n} open={posting} onClose={() => setPosting(false)} />
          <PhotoModal n={n} open={photo} onClose={() => setPhoto(false)} />
          <ObjectionModal n={n} open={objecting} onClose={() => setObjecting(false)} />
          <CloseObjectionModal n={n} objection={closing} onClose={() => setClosing(null)} />
        </>
      ) : null}
    </div>
  )
}

function HeaderCard({ n }: { n: NoticeView }) {
  const period = n.status === 'draft'
    ? <Typography.Text type="secondary">{n.durationLabel}（登记张贴后起算，张贴当日不计入）</Typography.Text>
    : <span><Typography.Text strong>{n.startDate} 至 {n.endDate}</Typography.Text><Typography.Text type="secondary">（{n.durationLabel}）</Typography.Text></span>
  return (
    <Card size="small" className="section-card">
      <Descriptions size="small" column={3} items={[
        { key: 'no', label: '批次号', children: <span className="mono">{n.batchNo}</span> },
        { key: 'kind', label: '类型', children: n.kindLabel },
        { key: 'v', label: '村（社区）', children: n.villageName ?? '全乡镇' },
        { key: 'p', label: '公示期', span: 2, children: period },
        { key: 'posted', label: '张贴登记', children: n.postedAt ? `${n.postedBy ?? ''} ${fmtDateTime(n.postedAt)}` : '未张贴' },
        { key: 'places', label: '张贴地点', span: 2, children: n.places.length ? <Space size={[4, 4]} wrap>{n.places.map((p) => <Tag key={p}>{p}</Tag>)}</Space> : '—' },
        { key: 'phones', label: '监督电话', children: n.phones || '—' }
      ]} />
      {n.periodState === 'running' ? <Alert type="info" showIcon style={{ marginTop: 4 }} title={`公示中：公示期至 ${n.endDate} 止，期内收到的异议请及时登记，调查核实后办结。`} /> : null}
    </Card>
  )
}

/** The whitelist (domain.md §8) — exactly these columns, nothing else. */
function LinesCard({ n }: { n: NoticeView }) {
  const columns: TableProps<NoticeLineView>['columns'] = [
    { title: '序号', dataIndex: 'seq', key: 'seq', width: 60, align: 'center' },
    { title: '村（组）', dataIndex: 'villageName', key: 'villageName', width: 180 },
    { title: '申请人', dataIndex: 'applicantName', key: 'applicantName', width: 110 },
    { title: '保障人数', dataIndex: 'persons', key: 'persons', width: 90, align: 'right' },
    { title: '(拟)保障金额（元/月）', dataIndex: 'amountFen', key: 'amountFen', width: 170, align: 'right', render: (v: number | null) => (v === null ? '—' : formatYuan(v)) },
    { title: '类别', dataIndex: 'category', key: 'category', width: 160 },
    { title: '备注', dataIndex: 'remark', key: 'remark', render: (v: string | null) => v ?? '' }
  ]
  return (
    <Card size="small" title={`公示名单（${n.lines.length} 户）`} className="section-card">
      <Table<NoticeLineView> size="small" rowKey="seq" columns={columns} dataSource={n.lines} pagination={false} bordered
        scroll={n.lines.length > 12 ? { y: 360 } : undefined} locale={{ emptyText: '本批公示没有名单' }} />
    </Card>
  )
}

function PhotosCard({ n, writable, onAdd }: { n: NoticeView; writable: boolean; onAdd: () => void }) {
  return (
    <Card size="small" title={`张贴照片（${n.photos.length} 张）`} className="section-card"
      extra={writable && n.status === 'posted' ? <Button size="small" icon={<CameraOutlined />} onClick={onAdd}>上传照片</Button> : null}>
      {n.photos.length ? (
        <Image.PreviewGroup>
          <Space size={[8, 8]} wrap>
            {n.photos.map((p, i) => (
              <div key={`${p.sm3}-${i}`} style={{ width: 150 }}>
                <StoredThumb sm3={p.sm3} alt={p.originalName} width={150} height={112} />
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={p.originalName}>拍摄 {p.at} · {p.originalName}</div>
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      ) : n.status === 'posted'
        ? <Alert type="warning" showIcon title="尚未上传张贴照片" description="每次张贴都须留存带拍摄日期的现场照片。" />
        : <Typography.Text type="secondary">登记张贴后上传张贴现场照片。</Typography.Text>}
    </Card>
  )
}

function ObjectionsCard({ n, writable, onAdd, onClose }: { n: NoticeView; writable: boolean; onAdd: () => void; onClose: (o: ObjectionView) => void }) {
  const applicant = (caseId: string) => n.lines.find((l) => l.caseId === caseId)?.applicantName ?? ''
  const open = n.objections.filter((o) => o.status === 'open').length
  const columns: TableProps<ObjectionView>['columns'] = [
    { title: '收到日期', dataIndex: 'receivedDate', key: 'receivedDate', width: 96 },
    { title: '针对', key: 'case', width: 76, render: (_: unknown, o) => applicant(o.caseId) },
    { title: '渠道', dataIndex: 'channelLabel', key: 'channel', width: 84 },
    { title: '反映人', key: 'objector', width: 120, ellipsis: true, render: (_: unknown, o) => (!o.realName ? <Typography.Text type="secondary">匿名</Typography.Text> : o.identityVisible ? (o.objectorName ?? '实名') : <Typography.Text type="secondary">实名（保密）</Typography.Text>) },
    { title: '异议内容', dataIndex: 'content', key: 'content', ellipsis: true },
    {
      title: '状态', key: 'status', width: 96,
      render: (_: unknown, o) => (o.status === 'open' ? <Tag color="error">待办结</Tag> : <Tag color={o.upheld ? 'warning' : 'success'}>{o.upheld ? '异议成立' : '异议不成立'}</Tag>)
    },
    ...(writable ? [{ title: '操作', key: 'actions', width: 64, render: (_: unknown, o: ObjectionView) => (o.status === 'open' ? <Button type="link" size="small" onClick={() => onClose(o)}>办结</Button> : null) }] : [])
  ]
  return (
    <Card size="small" title={`异议（${n.objections.length} 件${open ? `，${open} 件待办结` : ''}）`} className="section-card"
      extra={writable && n.status === 'posted' ? <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>登记异议</Button> : null}>
      <Table<ObjectionView>
        size="small" rowKey="id" columns={columns} dataSource={n.objections} pagination={false}
        locale={{ emptyText: n.status === 'draft' ? '公示张贴后可登记异议' : '公示期内没有收到异议' }}
        expandable={{
          expandedRowRender: (o) => (
            <Descriptions size="small" column={1} items={[
              { key: 'c', label: '异议内容', children: <div style={{ whiteSpace: 'pre-wrap' }}>{o.content}</div> },
              ...(!o.identityVisible ? [{ key: 'who', label: '反映人', children: o.realName ? '实名反映，身份和联系方式仅经办人、审核人可见' : '匿名反映' }]
                : o.realName ? [{ key: 'who', label: '反映人及联系方式', children: `${o.objectorName ?? ''}${o.objectorContact ? `，${o.objectorContact}` : ''}（保密，不得向申请人和村干部透露）` }]
                  : o.objectorContact ? [{ key: 'who', label: '联系方式', children: `${o.objectorContact}（保密）` }] : []),
              { key: 'h', label: '调查核实经过', children: o.handling ?? '—' },
              { key: 'r', label: '处理结果', children: o.result ?? '—' },
              ...(o.realName ? [{ key: 'f', label: '向反映人反馈', children: o.feedback ?? '—' }] : []),
              { key: 't', label: '登记 / 办结', children: `${fmtDateTime(o.createdAt)}${o.closedAt ? ` / ${fmtDateTime(o.closedAt)}` : ''}` }
            ]} />
          )
        }}
      />
    </Card>
  )
}

function PostModal({ n, open, onClose }: { n: NoticeView; open: boolean; onClose: () => void }) {
  return (
    <FormModal<{ startDate: Dayjs }>
      open={open} name="noticePost" title={`登记张贴：${n.batchNo}`} okText="登记张贴" initialValues={{ startDate: dayjs() }} onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('notices.post', { id: n.id, startDate: ymd(v.startDate), version: n.version }, { form })
        if (res.ok) {
          feedback.modal?.success({
            title: '已登记张贴',
            content: <div><p>公示期：{res.value.startDate} 至 <b>{res.value.endDate}</b>（{res.value.durationLabel}）。</p><p>请上传张贴现场照片（带拍摄日期）。</p></div>,
            okText: '知道了'
          })
        }
        return res.ok
      }}
    >
      <Typography.Paragraph>
        张贴后公示期开始：{n.durationLabel}，张贴当日不计入，期满日遇节假日顺延到下一个工作日（按政策参数），期满日由系统计算。张贴后名单不能再修改。
      </Typography.Paragraph>
      <Form.Item label="张贴日期" name="startDate" rules={[{ required: true, message: '请选择张贴日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
      </Form.Item>
    </FormModal>
  )
}

function PhotoModal({ n, open, onClose }: { n: NoticeView; open: boolean; onClose: () => void }) {
  return (
    <FormModal<{ takenDate: Dayjs; files: UploadFile[] }>
      open={open} name="noticePhoto" title="上传张贴照片" okText="上传照片" initialValues={{ takenDate: dayjs(), files: [] }} onClose={onClose}
      onSubmit={async (v, form) => {
        let done = 0
        const files = (v.files ?? []).filter((f) => f.originFileObj)
        for (const f of files) {
          const raw = f.originFileObj as File
          if (raw.size > MAX_UPLOAD_BYTES) { feedback.error(`照片“${raw.name}”超过28MB，请压缩后重试`); continue }
          let dataBase64: string
          try { dataBase64 = await readBase64(raw) } catch { feedback.error(`读取照片“${raw.name}”失败`); continue }
          const res = await mutate('notices.addPhoto', { id: n.id, originalName: raw.name, dataBase64, takenDate: ymd(v.takenDate) }, { form })
          if (res.ok) { done++; form.setFieldValue('files', (form.getFieldValue('files') as UploadFile[]).filter((x) => x.uid !== f.uid)) }
        }
        if (done) feedback.success(`已上传 ${done} 张照片`)
        return done > 0 && done === files.length
      }}
    >
      <Form.Item label="拍摄日期" name="takenDate" rules={[{ required: true, message: '请选择拍摄日期' }]} extra="照片上的张贴日期，应在公示期内">
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => noFuture(d) || (n.status === 'posted' && d.isBefore(dayjs(n.startDate), 'day'))} />
      </Form.Item>
      <Form.Item label="照片" name="files" valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e?.fileList ?? []}
        rules={[{ validator: (_r, list?: UploadFile[]) => (list && list.length ? Promise.resolve() : Promise.reject(new Error('请选择照片'))) }]}>
        <Upload.Dragger multiple accept={PHOTO_ACCEPT} beforeUpload={() => false} listType="picture">
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">点击或拖入张贴现场照片（JPG、PNG）</p>
          <p className="ant-upload-hint">照片应能看清公示内容和张贴地点</p>
        </Upload.Dragger>
      </Form.Item>
    </FormModal>
  )
}

interface ObjectionValues { caseId: string; receivedDate: Dayjs; channel: string; realName: boolean; objectorName?: string; objectorContact?: string; content: string }

function ObjectionModal({ n, open, onClose }: { n: NoticeView; open: boolean; onClose: () => void }) {
  return (
    <FormModal<ObjectionValues>
      open={open} name="objectionAdd" title={`登记异议：${n.batchNo}`} okText="登记异议" width={640}
      initialValues={{ receivedDate: dayjs(), realName: true, caseId: n.lines.length === 1 ? n.lines[0]!.caseId : undefined }} onClose={onClose}
      onSubmit={async (v, form) => {
        const res = await mutate('objections.add', {
          caseId: v.caseId, batchId: n.id, receivedDate: ymd(v.receivedDate), channel: v.channel, realName: v.realName,
          objectorName: v.realName ? v.objectorName?.trim() || null : null, objectorContact: v.objectorContact?.trim() || null, content: v.content.trim()
        }, { form, success: '已登记异议，请调查核实后办结' })
        return res.ok
      }}
    >
      {(form) => (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label="针对的申请人" name="caseId" rules={[requiredSelect('请选择针对的申请人')]}>
                <Select showSearch={{ optionFilterProp: 'label' }} placeholder="从本批名单中选择"
                  options={n.lines.map((l) => ({ value: l.caseId, label: `${l.seq}. ${l.applicantName}（${l.villageName}）` }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="收到日期" name="receivedDate" rules={[{ required: true, message: '请选择收到日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="反映渠道" name="channel" rules={[requiredSelect('请选择渠道')]}>
                <Select options={CHANNEL_OPTIONS} placeholder="请选择" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="实名 / 匿名" name="realName" rules={[{ required: true, message: '请选择' }]}>
                <Radio.Group optionType="button" options={[{ value: true, label: '实名' }, { value: false, label: '匿名' }]} />
              </Form.Item>
            </Col>
            <ObjectorFields form={form} />
          </Row>
          <Form.Item label="异议内容" name="content" rules={[required('请填写异议内容'), maxLen('异议内容', 2000)]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder="反映的具体问题（如隐瞒收入、家庭财产、实际居住情况等）" />
          </Form.Item>
          <Typography.Text type="secondary">反映人身份和联系方式只有经办人、审核人和县级可见，不得向申请人和村干部透露。</Typography.Text>
        </>
      )}
    </FormModal>
  )
}

function ObjectorFields({ form }: { form: import('antd').FormInstance<ObjectionValues> }) {
  const realName = Form.useWatch('realName', form)
  return (
    <>
      <Col span={12}>
        {realName ? (
          <Form.Item label="反映人姓名" name="objectorName" rules={[required('实名反映的请填写反映人姓名'), maxLen('姓名', 20)]}>
            <Input />
          </Form.Item>
        ) : <Form.Item label="反映人姓名"><Input disabled placeholder="匿名反映，不登记姓名" /></Form.Item>}
      </Col>
      <Col span={12}>
        <Form.Item label="联系方式" name="objectorContact" rules={[maxLen('联系方式', 40)]} extra={realName ? '用于反馈处理结果' : '如留有联系方式，保密登记'}>
          <Input />
        </Form.Item>
      </Col>
    </>
  )
}

interface CloseValues { handling: string; result: string; upheld: boolean; feedback?: string }

function CloseObjectionModal({ n, objection, onClose }: { n: NoticeView; objection: ObjectionView | null; onClose: () => void }) {
  const applicant = objection ? n.lines.find((l) => l.caseId === objection.caseId)?.applicantName ?? '' : ''
  return (
    <FormModal<CloseValues>
      open={!!objection} name="objectionClose" title={objection ? `异议办结：针对 ${applicant}（${objection.receivedDate} ${objection.channelLabel}）` : ''} okText="确认办结" width={640}
      onClose={onClose}
      onSubmit={async (v, form) => {
        if (!objection) return true
        const res = await mutate('objections.close', { id: objection.id, handling: v.handling.trim(), result: v.result.trim(), upheld: v.upheld, feedback: v.feedback?.trim() || null }, { form, success: '异议已办结' })
        return res.ok
      }}
    >
      {objection ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="异议内容" description={<div style={{ whiteSpace: 'pre-wrap' }}>{objection.content}</div>} /> : null}
      <Form.Item label="调查核实经过" name="handling" rules={[required('请填写调查核实经过'), maxLen('调查核实经过', 2000)]} extra="重新入户调查或召开民主评议的时间、人员和核实情况">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} autoFocus />
      </Form.Item>
      <Form.Item label="异议是否成立" name="upheld" rules={[{ required: true, message: '请选择异议是否成立' }]}>
        <Radio.Group optionType="button" options={[{ value: true, label: '异议成立' }, { value: false, label: '异议不成立' }]} />
      </Form.Item>
      <Form.Item label="处理结果" name="result" rules={[required('请填写处理结果'), maxLen('处理结果', 1000)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如：经核实反映情况不属实，维持初审意见" />
      </Form.Item>
      {objection?.realName ? (
        <Form.Item label="向反映人反馈情况" name="feedback" rules={[required('实名反映的须登记向反映人反馈的情况'), maxLen('反馈情况', 1000)]} extra="实名反映的，须将处理结果反馈反映人（审核确认办法第三十七条）">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="反馈时间、方式和内容" />
        </Form.Item>
      ) : (
        <Form.Item label="反馈情况（匿名可不填）" name="feedback" rules={[maxLen('反馈情况', 1000)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      )}
    </FormModal>
  )
}
