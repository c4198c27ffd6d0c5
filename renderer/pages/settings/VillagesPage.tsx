// 村（社区） (administrators only): the villages and communities of this township, by their
// 12-digit 统计用区划代码 (the first 9 digits are the township's code).
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useState } from 'react'
import type { VillageView } from '../../../main/api/types'
import { feedback } from '../../app/feedback'
import { useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { required, requiredSelect } from '../../components/rules'

const KIND_OPTIONS = [{ value: 'village', label: '村' }, { value: 'community', label: '社区' }]
const kindName = (k: string) => (k === 'community' ? '社区' : '村')

export function VillagesPage() {
  const session = useSession()
  const townshipCode = session.township?.code ?? ''
  const { data, loading, error } = useApi('villages.list', { includeInactive: true })
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<VillageView | null>(null)

  const toggleActive = (v: VillageView) => {
    const next = !v.active
    feedback.modal?.confirm({
      title: next ? `恢复启用：${v.name}？` : `停用：${v.name}？`,
      content: next ? '启用后可以在该村（社区）新建家庭档案。' : '停用后不能再在该村（社区）新建家庭档案，已有档案不受影响。',
      okText: next ? '确定启用' : '确定停用',
      okButtonProps: { danger: !next },
      cancelText: '取消',
      onOk: async () => { await mutate('villages.update', { code: v.code, active: next }, { success: next ? '已启用' : '已停用' }) }
    })
  }

  const columns: TableProps<VillageView>['columns'] = [
    { title: '代码', dataIndex: 'code', key: 'code', width: 140, render: (v: string) => <span className="mono">{v}</span> },
    { title: '名称', dataIndex: 'name', key: 'name', width: 180 },
    { title: '类型', dataIndex: 'kind', key: 'kind', width: 70, render: kindName },
    { title: '在办户数', dataIndex: 'households', key: 'households', width: 90, align: 'right' },
    { title: '状态', dataIndex: 'active', key: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>) },
    {
      title: '操作', key: 'actions',
      render: (_: unknown, v) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(v)}>修改信息</Button>
          <Button type="link" size="small" danger={v.active} onClick={() => toggleActive(v)}>{v.active ? '设为停用' : '恢复启用'}</Button>
        </Space>
      )
    }
  ]

  const codeRule = {
    validator: (_r: unknown, v: string | undefined) => {
      const s = (v ?? '').trim()
      if (!s) return Promise.reject(new Error('请填写村（社区）代码'))
      if (!/^\d{12}$/.test(s)) return Promise.reject(new Error('村（社区）代码应为12位数字（统计用区划代码）'))
      if (townshipCode && !s.startsWith(townshipCode)) return Promise.reject(new Error(`前9位应为本乡镇代码 ${townshipCode}`))
      return Promise.resolve()
    }
  }

  return (
    <div className="page">
      <Card size="small" title="村（社区）" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新增村（社区）</Button>}>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          代码为国家统计局统计用区划代码（12位），前9位为本乡镇代码 <span className="mono">{townshipCode}</span>。
        </Typography.Paragraph>
        <Table<VillageView> size="small" rowKey="code" columns={columns} dataSource={data ?? []} loading={loading} pagination={false} scroll={{ x: 'max-content' }} />
      </Card>

      <FormModal<{ code: string; name: string; kind: 'village' | 'community' }>
        open={creating}
        name="villageCreate"
        title="新增村（社区）"
        okText="确定新增"
        initialValues={{ code: townshipCode, kind: 'village' }}
        onClose={() => setCreating(false)}
        onSubmit={async (v, form) => {
          const res = await mutate('villages.create', { code: v.code.trim(), name: v.name, kind: v.kind }, { form, success: `已新增 ${v.name}` })
          return res.ok
        }}
      >
        <Form.Item label="村（社区）代码" name="code" required rules={[codeRule]} extra="12位数字，前9位为本乡镇代码">
          <Input autoFocus className="mono" maxLength={12} inputMode="numeric" />
        </Form.Item>
        <Form.Item label="名称" name="name" rules={[required('请填写村（社区）名称'), { max: 40, message: '名称不能超过40个字' }]}>
          <Input placeholder="如：红星村、幸福社区" />
        </Form.Item>
        <Form.Item label="类型" name="kind" rules={[requiredSelect('请选择类型')]}>
          <Radio.Group options={KIND_OPTIONS} />
        </Form.Item>
      </FormModal>

      <FormModal<{ name: string; kind: 'village' | 'community' }>
        open={!!editing}
        name="villageEdit"
        title={editing ? `修改村（社区）：${editing.code}` : ''}
        okText="保存修改"
        initialValues={editing ? { name: editing.name, kind: editing.kind } : undefined}
        onClose={() => setEditing(null)}
        onSubmit={async (v, form) => {
          if (!editing) return false
          const res = await mutate('villages.update', { code: editing.code, name: v.name, kind: v.kind }, { form, success: '已保存' })
          return res.ok
        }}
      >
        <Form.Item label="名称" name="name" rules={[required('请填写村（社区）名称'), { max: 40, message: '名称不能超过40个字' }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item label="类型" name="kind" rules={[requiredSelect('请选择类型')]}>
          <Radio.Group options={KIND_OPTIONS} />
        </Form.Item>
      </FormModal>
    </div>
  )
}
