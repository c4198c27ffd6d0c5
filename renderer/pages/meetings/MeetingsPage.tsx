// 民主评议 meetings (domain.md §7): one meeting of a village reviews the cases at its 民主评议 step. The list
// shows drafts and signed meetings; a new meeting starts as a draft with its presiding township staff.
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Row, Segmented, Select, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { Output } from '../../api'
import { navigate } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { maxLen, required, requiredSelect } from '../../components/rules'
import { noFuture, ymd } from '../notices/shared'

type Row = Output<'meetings.list'>[number]
type Filter = 'all' | 'draft' | 'closed'

export function MeetingStatusTag({ status }: { status: string }) {
  return status === 'closed' ? <Tag color="success">已签署</Tag> : <Tag color="processing">草稿</Tag>
}

let lastFilter: Filter = 'all'

export function MeetingsPage() {
  const session = useSession()
  const writable = canWrite(session.operator)
  const [filter, setFilter] = useState<Filter>(lastFilter)
  const { data, loading, error } = useApi('meetings.list', { status: filter === 'all' ? null : filter })
  const villages = useApi('villages.list', {}, { reloadOnMutation: false })
  const [creating, setCreating] = useState(false)

  const columns: TableProps<Row>['columns'] = [
    { title: '会议编号', dataIndex: 'meetingNo', key: 'meetingNo', width: 140, render: (v: string) => <span className="mono">{v}</span> },
    { title: '会议日期', dataIndex: 'date', key: 'date', width: 110 },
    { title: '村（社区）', dataIndex: 'villageName', key: 'villageName', width: 140 },
    { title: '会议地点', dataIndex: 'place', key: 'place', ellipsis: true },
    { title: '评议案件', dataIndex: 'cases', key: 'cases', width: 90, align: 'right', render: (n: number) => `${n} 件` },
    { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (s: string) => <MeetingStatusTag status={s} /> }
  ]

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={5} style={{ margin: 0, marginRight: 8 }}>民主评议</Typography.Title>
        <Segmented<Filter>
          value={filter}
          onChange={(v) => { lastFilter = v; setFilter(v) }}
          options={[{ value: 'all', label: '全部' }, { value: 'draft', label: '草稿' }, { value: 'closed', label: '已签署' }]}
        />
        <Typography.Text type="secondary">共 {data?.length ?? 0} 次会议</Typography.Text>
        <div className="grow" />
        {writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建评议会议</Button> : null}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        民主评议由乡镇工作人员主持，党员代表和村（居）民代表应不少于参加人数的三分之二；监督员、县级工作人员列席不计入。
        会议记录签署后不能再修改。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
      <Table<Row>
        size="small" rowKey="id" columns={columns} dataSource={data ?? []} loading={loading}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        rowClassName={() => 'clickable-row'}
        onRow={(r) => ({ onClick: () => navigate(`/meetings/${r.id}`), onKeyDown: (e) => { if (e.key === 'Enter') navigate(`/meetings/${r.id}`) }, tabIndex: 0 })}
        locale={{ emptyText: filter === 'draft' ? '没有未签署的评议会议' : filter === 'closed' ? '还没有已签署的评议会议' : '还没有民主评议会议' }}
      />

      <FormModal<{ villageCode: string; date: Dayjs; place: string; chair: string; recorder: string; dueCount?: number | null }>
        open={creating}
        name="meetingCreate"
        title="新建民主评议会议"
        okText="新建会议"
        width={620}
        initialValues={{ date: dayjs(), place: '村委会会议室', chair: session.operator.name }}
        onClose={() => setCreating(false)}
        onSubmit={async (v, form) => {
          const chair = v.chair.trim()
          const res = await mutate('meetings.create', {
            villageCode: v.villageCode, date: ymd(v.date), place: v.place.trim(), chair, recorder: v.recorder.trim(), dueCount: v.dueCount ?? null,
            attendees: [{ name: chair, kind: 'townshipStaff', signed: false }], briefing: null, minutes: null
          }, { form, success: '已新建评议会议，请登记参会人员和评议案件' })
          if (res.ok) navigate(`/meetings/${res.value.id}`)
          return res.ok
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="村（社区）" name="villageCode" rules={[requiredSelect('请选择村（社区）')]}>
              <Select autoFocus options={(villages.data ?? []).map((x) => ({ value: x.code, label: x.name }))} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="会议日期" name="date" rules={[{ required: true, message: '请选择会议日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="会议地点" name="place" rules={[required('请填写会议地点'), maxLen('会议地点', 60)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="主持人（乡镇工作人员）" name="chair" rules={[required('请填写主持人'), maxLen('主持人', 20)]} extra="主持人会作为第一位参会人员列入名单">
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="记录人" name="recorder" rules={[required('请填写记录人'), maxLen('记录人', 20)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="应到人数" name="dueCount">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} placeholder="评议小组成员数" />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>
    </div>
  )
}
