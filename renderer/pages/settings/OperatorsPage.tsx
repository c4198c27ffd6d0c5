// 操作员 (administrators only): who may use this installation and in which role.
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import type { TableProps } from 'antd'
import { useState } from 'react'
import type { OperatorRole, OperatorView } from '../../../main/api/types'
import { fmtDateTime, ROLE_OPTIONS } from '../../app/format'
import { feedback } from '../../app/feedback'
import { roleLabel, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { confirmRule, passwordRules, required, requiredSelect, usernameRules } from '../../components/rules'

/** The roles offered; a county install has no 乡镇审核确认人 and calls its reviewer 县级审核确认人. */
function roleOptionsFor(county: boolean, current?: OperatorRole) {
  return ROLE_OPTIONS
    .filter((r) => !county || r.value !== 'townshipApprover' || r.value === current)
    .map((r) => ({ value: r.value, label: roleLabel({ role: r.value, roleLabel: r.label }, county ? 'county' : 'township') }))
}

export function OperatorsPage() {
  const session = useSession()
  const { data, loading, error } = useApi('operators.list', {})
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<OperatorView | null>(null)
  const [resetting, setResetting] = useState<OperatorView | null>(null)
  const county = session.mode === 'county'
  const roleOptions = roleOptionsFor(county)

  const toggleActive = (op: OperatorView) => {
    const next = !op.active
    feedback.modal?.confirm({
      title: next ? `启用账号：${op.name}（${op.username}）？` : `停用账号：${op.name}（${op.username}）？`,
      content: next ? '启用后该操作员可以重新登录。' : '停用后该操作员不能再登录，其经办记录保留。',
      okText: next ? '确定启用' : '确定停用',
      okButtonProps: { danger: !next },
      cancelText: '取消',
      onOk: async () => {
        await mutate('operators.update', { id: op.id, active: next }, { success: next ? '账号已启用' : '账号已停用' })
      }
    })
  }

  const columns: TableProps<OperatorView>['columns'] = [
    { title: '登录名', dataIndex: 'username', key: 'username', width: 130, render: (v: string) => <span className="mono">{v}</span> },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 110 },
    { title: '角色', key: 'role', width: county ? 120 : 90, render: (_: unknown, op) => roleLabel(op, session.mode) },
    {
      title: '状态', key: 'status', width: 140,
      render: (_: unknown, op) => (
        <Space size={4}>
          {op.active ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>}
          {op.mustChangePassword ? <Tag color="warning">待修改密码</Tag> : null}
        </Space>
      )
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', key: 'lastLoginAt', width: 140, render: (v: string | null) => fmtDateTime(v) || '从未登录' },
    {
      title: '操作', key: 'actions',
      render: (_: unknown, op) => {
        const self = op.id === session.operator.id
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setEditing(op)}>修改角色</Button>
            <Button type="link" size="small" onClick={() => setResetting(op)}>重置密码</Button>
            <Button type="link" size="small" danger={op.active} disabled={self} title={self ? '不能停用自己的账号' : undefined} onClick={() => toggleActive(op)}>
              {op.active ? '停用账号' : '启用账号'}
            </Button>
          </Space>
        )
      }
    }
  ]

  return (
    <div className="page">
      <Card
        size="small"
        title="操作员"
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新增操作员</Button>}
      >
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {county
            ? '县级经办人导入乡镇报送包、导出回复包；县级审核确认人逐件签署审核确认意见并登记入户核查；管理员另可管理操作员和数据交换密钥；只读账号只能查看。'
            : '经办人录入和修改档案；审核人负责审核并决定豁免等事项；管理员另可管理操作员和村（社区）；只读账号只能查看。'}
          新增或重置密码后，操作员首次登录须自行修改密码。
        </Typography.Paragraph>
        <Table<OperatorView> size="small" rowKey="id" columns={columns} dataSource={data ?? []} loading={loading} pagination={false} scroll={{ x: 'max-content' }} />
      </Card>

      <FormModal<{ username: string; name: string; role: OperatorRole; password: string; confirmPassword: string }>
        open={creating}
        name="operatorCreate"
        title="新增操作员"
        okText="确定新增"
        initialValues={{ role: 'handler' }}
        onClose={() => setCreating(false)}
        onSubmit={async (v, form) => {
          const res = await mutate('operators.create', { username: v.username, name: v.name, role: v.role, password: v.password }, { form, success: `已新增操作员 ${v.name}` })
          return res.ok
        }}
      >
        <Form.Item label="登录名" name="username" rules={usernameRules} extra="字母开头，3–32位字母、数字或 _ . -">
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[required('请填写姓名'), { max: 20, message: '姓名不能超过20个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[requiredSelect('请选择角色')]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item label="初始密码" name="password" rules={passwordRules} extra="至少8位，须同时包含字母和数字；请当面告知本人">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认密码" name="confirmPassword" dependencies={['password']} rules={[{ required: true, message: '请再次输入密码' }, confirmRule('password')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModal>

      <FormModal<{ name: string; role: OperatorRole }>
        open={!!editing}
        name="operatorEdit"
        title={editing ? `修改操作员：${editing.username}` : ''}
        okText="保存修改"
        initialValues={editing ? { name: editing.name, role: editing.role } : undefined}
        onClose={() => setEditing(null)}
        onSubmit={async (v, form) => {
          if (!editing) return false
          const res = await mutate('operators.update', { id: editing.id, name: v.name, role: v.role }, { form, success: '已保存' })
          if (res.ok && editing.id === session.operator.id) void session.refresh()
          return res.ok
        }}
      >
        <Form.Item label="姓名" name="name" rules={[required('请填写姓名'), { max: 20, message: '姓名不能超过20个字' }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[requiredSelect('请选择角色')]}>
          <Select options={roleOptionsFor(county, editing?.role)} />
        </Form.Item>
      </FormModal>

      <FormModal<{ password: string; confirmPassword: string }>
        open={!!resetting}
        name="operatorReset"
        title={resetting ? `重置密码：${resetting.name}（${resetting.username}）` : ''}
        okText="确定重置"
        onClose={() => setResetting(null)}
        onSubmit={async (v, form) => {
          if (!resetting) return false
          const res = await mutate('operators.resetPassword', { id: resetting.id, password: v.password }, { form, success: '密码已重置，该操作员下次登录须修改密码' })
          return res.ok
        }}
      >
        <Form.Item label="新的临时密码" name="password" rules={passwordRules}>
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认临时密码" name="confirmPassword" dependencies={['password']} rules={[{ required: true, message: '请再次输入密码' }, confirmRule('password')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModal>
    </div>
  )
}
