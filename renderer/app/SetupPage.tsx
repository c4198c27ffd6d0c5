// First run: which office this installation serves — a township (乡镇安装, the default: the register, the
// procedure, the packages to the county) or a county civil-affairs bureau (县级安装: verifies the townships'
// packages, signs the county's decisions and answers with a signed reply) — and its first administrator.
// There are no default accounts or passwords; whoever installs sets them here.
import { Alert, Button, Checkbox, Col, Divider, Form, Input, Radio, Row, Typography } from 'antd'
import type { FormInstance } from 'antd'
import { useState } from 'react'
import type { CountyOfficeView, TownshipView } from '../../main/api/types'
import { newPassphraseRules, StrengthHint } from '../components/passphrase'
import { confirmRule, passwordRules, required, usernameRules } from '../components/rules'
import { feedback } from './feedback'
import { AuthFrame } from './AuthFrame'
import { useMutation } from './useApi'

export type SetupDone =
  | { mode: 'township'; township: TownshipView; username: string }
  | { mode: 'county'; county: CountyOfficeView; username: string }

type Mode = 'township' | 'county'

interface AdminValues {
  adminUsername: string; adminName: string; adminPassword: string; confirmPassword: string
  /** the signing key of the USB exchange, made right away when ticked */
  withKey?: boolean; keyPassphrase?: string; keyConfirm?: string
}

const keyPassphraseOf = (v: AdminValues): string | null => (v.withKey && v.keyPassphrase ? v.keyPassphrase : null)

/** The message after setup: with the fingerprint when the key was made, so the clerk knows the next step. */
function setupDone(what: string, fingerprint: string | null, sheet: string): void {
  feedback.success(fingerprint
    ? `${what}，签名密钥已生成（指纹 ${fingerprint.split(' ').slice(0, 2).join(' ')} …）：登录后在“数据交换密钥”页打印${sheet}`
    : `${what}，请用刚才设置的管理员账号登录`)
}
interface TownshipValues extends AdminValues { countyName: string; townshipName: string; townshipCode: string }
interface CountyValues extends AdminValues { countyCode: string; countyName: string }

const MODE_OPTIONS = [
  { value: 'township', label: '乡镇（街道）安装' },
  { value: 'county', label: '县级安装（县民政局，核验乡镇报送包并回复）' }
]

export function SetupPage({ onDone }: { onDone: (r: SetupDone) => void }) {
  const [mode, setMode] = useState<Mode>('township')
  const county = mode === 'county'
  return (
    <AuthFrame title="首次运行：初始设置" county={county} width={640}
      subtitle={county ? '请填写本县（市、区）民政局信息并设置管理员账号' : '请填写本乡镇（街道）信息并设置管理员账号'}>
      <div style={{ marginBottom: 12 }} data-testid="setup-mode">
        <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>安装类型</Typography.Text>
        <Radio.Group aria-label="安装类型" value={mode} onChange={(e) => setMode(e.target.value as Mode)} options={MODE_OPTIONS} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
          {county
            ? '县级安装没有家庭档案：导入各乡镇用U盘报送的报送包，核验签名后逐件审核确认（抽查案件登记入户核查），再导出签名的回复包交回乡镇。安装后不能改为乡镇安装。'
            : '乡镇（街道）民政办使用：家庭档案、低保办理、民主评议、公示，并向县民政局报送。绝大多数安装选这一项。'}
        </Typography.Paragraph>
      </div>
      <Alert
        type="info" showIcon style={{ marginBottom: 16 }}
        title="本程序没有默认账号和默认密码。"
        description={`请在这里设置第一位管理员的登录名和密码（至少8位，须同时包含字母和数字），并妥善保管。管理员登录后可以新增${county ? '县级经办人、县级审核确认人' : '经办人、审核人'}等操作员。`}
      />
      {county ? <CountyForm onDone={onDone} /> : <TownshipForm onDone={onDone} />}
    </AuthFrame>
  )
}

function TownshipForm({ onDone }: { onDone: (r: SetupDone) => void }) {
  const [form] = Form.useForm<TownshipValues>()
  const { pending, run } = useMutation()
  const submit = async (v: TownshipValues) => {
    const res = await run('setup.init', {
      countyName: v.countyName, townshipName: v.townshipName, townshipCode: v.townshipCode.trim(),
      adminUsername: v.adminUsername, adminName: v.adminName, adminPassword: v.adminPassword, keyPassphrase: keyPassphraseOf(v)
    }, { form })
    if (res.ok) setupDone('初始设置完成', res.value.keyFingerprint, '密钥登记表，签字盖章后连同公钥文件报县民政局登记')
    if (res.ok) onDone({ mode: 'township', township: res.value.township, username: res.value.admin.username })
  }
  return (
    <Form<TownshipValues> form={form} name="setup" layout="vertical" onFinish={submit} requiredMark autoComplete="off">
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
      <AdminFields />
      <KeyFields form={form} county={false} />
      <Button type="primary" htmlType="submit" loading={pending} block>完成初始设置</Button>
    </Form>
  )
}

function CountyForm({ onDone }: { onDone: (r: SetupDone) => void }) {
  const [form] = Form.useForm<CountyValues>()
  const { pending, run } = useMutation()
  const submit = async (v: CountyValues) => {
    const res = await run('setup.initCounty', {
      countyCode: v.countyCode.trim(), countyName: v.countyName,
      adminUsername: v.adminUsername, adminName: v.adminName, adminPassword: v.adminPassword, keyPassphrase: keyPassphraseOf(v)
    }, { form })
    if (res.ok) setupDone('县级安装初始设置完成', res.value.keyFingerprint, '密钥告知表，盖章后连同公钥文件发各乡镇')
    if (res.ok) onDone({ mode: 'county', county: res.value.county, username: res.value.admin.username })
  }
  return (
    <Form<CountyValues> form={form} name="setupCounty" layout="vertical" onFinish={submit} requiredMark autoComplete="off">
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label="县（市、区）代码" name="countyCode" extra="6位数字，即行政区划代码（GB/T 2260），如 410721"
            rules={[required('请填写县（市、区）代码'), { pattern: /^\s*\d{6}\s*$/, message: '县（市、区）代码应为6位数字（GB/T 2260 行政区划代码）' }]}
          >
            <Input autoFocus inputMode="numeric" maxLength={6} placeholder="6位数字" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="县（市、区）名称" name="countyName" rules={[required('请填写县（市、区）名称'), { max: 40, message: '不能超过40个字' }]}
            extra="不含“民政局”，如：某某县">
            <Input placeholder="例如：某某县" />
          </Form.Item>
        </Col>
      </Row>
      <AdminFields />
      <KeyFields form={form} county />
      <Button type="primary" htmlType="submit" loading={pending} block>完成初始设置</Button>
    </Form>
  )
}

/**
 * Optional: the signing key of the USB exchange (数据交换密钥) made with the first administrator. Left unticked,
 * the administrator makes it later on the 数据交换密钥 page (or restores a backup there, on a reinstalled PC).
 */
function KeyFields({ form, county }: { form: FormInstance; county: boolean }) {
  const withKey = Form.useWatch('withKey', form) as boolean | undefined
  return (
    <div style={{ marginBottom: 16 }} data-testid="setup-key">
      <Form.Item name="withKey" valuePropName="checked" style={{ marginBottom: withKey ? 8 : 0 }}
        extra={withKey ? undefined : (county
          ? '也可以登录后在“数据交换密钥”页生成；重装电脑的，请不要在这里生成，登录后从U盘备份恢复原来的密钥。'
          : '报送县级要用它签名；也可以登录后在“数据交换密钥”页生成。重装电脑的，请不要在这里生成，登录后从U盘备份恢复原来的密钥。')}>
        <Checkbox>现在生成{county ? '县级签名密钥' : '报送签名密钥'}（可选）</Checkbox>
      </Form.Item>
      {withKey ? (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="签名密钥口令" name="keyPassphrase" rules={newPassphraseRules} extra={<StrengthHint form={form} name="keyPassphrase" />}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="确认口令" name="keyConfirm" dependencies={['keyPassphrase']} rules={[{ required: true, message: '请再次输入口令' }, confirmRule('keyPassphrase', '两次输入的口令不一致')]}
              extra="口令不同于登录密码，程序不保存、无法找回：请抄在纸上由管理员密封保管">
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </div>
  )
}

function AdminFields() {
  return (
    <>
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
    </>
  )
}
