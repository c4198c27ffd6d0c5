// First run: the township this installation serves and its first administrator. There are no
// default accounts or passwords; whoever installs sets them here.
import { Alert, Button, Col, Divider, Form, Input, Row } from 'antd'
import type { TownshipView } from '../../main/api/types'
import { confirmRule, passwordRules, required, usernameRules } from '../components/rules'
import { AuthFrame } from './AuthFrame'
import { useMutation } from './useApi'

interface SetupValues {
  countyName: string; townshipName: string; townshipCode: string
  adminUsername: string; adminName: string; adminPassword: string; confirmPassword: string
}

export function SetupPage({ onDone }: { onDone: (t: TownshipView, username: string) => void }) {
  const [form] = Form.useForm<SetupValues>()
  const { pending, run } = useMutation()

  const submit = async (v: SetupValues) => {
    const res = await run('setup.init', {
      countyName: v.countyName, townshipName: v.townshipName, townshipCode: v.townshipCode.trim(),
      adminUsername: v.adminUsername, adminName: v.adminName, adminPassword: v.adminPassword
    }, { form, success: '初始设置完成，请用刚才设置的管理员账号登录' })
    if (res.ok) onDone(res.value.township, res.value.admin.username)
  }

  return (
    <AuthFrame title="首次运行：初始设置" subtitle="请填写本乡镇（街道）信息并设置管理员账号" width={640}>
      <Alert
        type="info" showIcon style={{ marginBottom: 16 }}
        title="本程序没有默认账号和默认密码。"
        description="请在这里设置第一位管理员的登录名和密码（至少8位，须同时包含字母和数字），并妥善保管。管理员登录后可以新增经办人、审核人等操作员。"
      />
      <Form<SetupValues> form={form} name="setup" layout="vertical" onFinish={submit} requiredMark autoComplete="off">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="县（市、区）名称" name="countyName" rules={[required('请填写县（市、区）名称'), { max: 40, message: '不能超过40个字' }]}>
              <Input autoFocus placeholder="例如：某某县" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="乡镇（街道）名称" name="townshipName" rules={[required('请填写乡镇（街道）名称'), { max: 40, message: '不能超过40个字' }]}>
              <Input placeholder="例如：某某镇" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="乡镇代码" name="townshipCode" extra="9位数字，即国家统计局统计用区划代码的前9位"
              rules={[required('请填写乡镇（街道）代码'), { pattern: /^\s*\d{9}\s*$/, message: '乡镇（街道）代码应为9位数字（统计用区划代码前9位）' }]}
            >
              <Input inputMode="numeric" maxLength={9} placeholder="9位数字" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>管理员账号</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="登录名" name="adminUsername" rules={usernameRules} extra="字母开头，3–32位字母、数字或 _ . -">
              <Input autoComplete="username" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="姓名" name="adminName" rules={[required('请填写管理员姓名'), { max: 20, message: '不能超过20个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="密码" name="adminPassword" rules={passwordRules} hasFeedback>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="确认密码" name="confirmPassword" dependencies={['adminPassword']} hasFeedback rules={[{ required: true, message: '请再次输入密码' }, confirmRule('adminPassword')]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={pending} block>完成初始设置</Button>
      </Form>
    </AuthFrame>
  )
}
