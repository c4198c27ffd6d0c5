// Login. The server's message is shown as is (登录名或密码不正确, lockout with the time left …).
import { Alert, Button, Form, Input } from 'antd'
import { useState } from 'react'
import type { CountyOfficeView, InstallMode, OperatorView, TownshipView } from '../../main/api/types'
import { ApiError, call } from '../api'
import { AuthFrame } from './AuthFrame'
import { officeTitle, takeLoginHint } from './session'

interface LoginValues { username: string; password: string }

export function LoginPage({ office, onLoggedIn }: { office: { mode: InstallMode | null; township: TownshipView | null; county: CountyOfficeView | null }; onLoggedIn: (op: OperatorView) => void }) {
  const [form] = Form.useForm<LoginValues>()
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const [hint] = useState(() => takeLoginHint())

  const submit = async (v: LoginValues) => {
    setPending(true)
    setError(null)
    try {
      const op = await call('auth.login', { username: v.username, password: v.password })
      onLoggedIn(op)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
      form.setFieldValue('password', '')
      form.focusField('password')
    } finally {
      setPending(false)
    }
  }

  return (
    <AuthFrame title="登录" subtitle={officeTitle(office) || undefined} county={office.mode === 'county'}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" /> : null}
      <Form<LoginValues> form={form} name="login" layout="vertical" onFinish={submit} initialValues={{ username: hint }} requiredMark={false}>
        <Form.Item label="登录名" name="username" rules={[{ required: true, whitespace: true, message: '请填写登录名' }]}>
          <Input autoFocus={!hint} autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoFocus={!!hint} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending}>登录系统</Button>
      </Form>
    </AuthFrame>
  )
}
