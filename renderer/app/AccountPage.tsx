// Change one's own password. `forced`: the administrator set a temporary password, nothing else
// can be done until it is changed (the server refuses every other call too).
import { Alert, Button, Card, Form, Input, Space } from 'antd'
import { confirmRule, passwordRules } from '../components/rules'
import { AuthFrame } from './AuthFrame'
import { officeTitle, useSession } from './session'
import { useMutation } from './useApi'

interface PwValues { oldPassword: string; newPassword: string; confirmPassword: string }

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<PwValues>()
  const { pending, run } = useMutation()
  const submit = async (v: PwValues) => {
    const res = await run('auth.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword }, { form, success: '密码已修改' })
    if (res.ok) { form.resetFields(); onDone() }
  }
  return (
    <Form<PwValues> form={form} name="changePassword" layout="vertical" onFinish={submit} style={{ maxWidth: 400 }}>
      <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请填写原密码' }]}>
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" rules={passwordRules} extra="至少8位，须同时包含字母和数字" hasFeedback>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="确认新密码" name="confirmPassword" dependencies={['newPassword']} hasFeedback rules={[{ required: true, message: '请再次输入新密码' }, confirmRule('newPassword')]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>保存新密码</Button>
    </Form>
  )
}

export function AccountPage({ forced = false }: { forced?: boolean }) {
  const session = useSession()
  if (forced) {
    return (
      <AuthFrame title="请先修改密码" subtitle={officeTitle(session) || undefined} county={session.mode === 'county'}>
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${session.operator.name}（${session.operator.username}），管理员为您设置的是临时密码，请先修改密码再继续。`} />
        <ChangePasswordForm onDone={() => { void session.refresh() }} />
        <div style={{ marginTop: 16 }}><Button type="link" onClick={() => { void session.logout() }} style={{ padding: 0 }}>退出登录</Button></div>
      </AuthFrame>
    )
  }
  return (
    <div className="page">
      <Card title="修改密码" size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div>当前账号：{session.operator.name}（{session.operator.username}，{session.operator.roleLabel}）</div>
          <ChangePasswordForm onDone={() => { void session.refresh() }} />
        </Space>
      </Card>
    </div>
  )
}
