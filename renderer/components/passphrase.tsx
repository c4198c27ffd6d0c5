// The passphrase of a signing key (数据交换密钥): the rules of a new one and a live hint of how hard it is to guess.
// Used where a key is created — the 数据交换密钥 page and the first-run setup.
import { Form, Tag, Typography } from 'antd'
import type { FormInstance, FormRule } from 'antd'

/** A rough hint of how hard a passphrase is to guess (the server only requires 8 characters). */
export function strength(p: string): { label: string; color: string; tip: string } | null {
  if (!p) return null
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length
  if (p.length < 8) return { label: '太短', color: 'red', tip: '至少 8 位' }
  if (/^(.)\1+$/.test(p) || /^(?:0123|1234|abcd|qwer|password|1111)/i.test(p) || classes <= 1 || (p.length < 10 && classes <= 2)) {
    return { label: '弱', color: 'orange', tip: '建议 12 位以上，混用大小写字母、数字和符号，不要用生日、电话号码或乡镇名称' }
  }
  if (p.length >= 12 && classes >= 3) return { label: '强', color: 'green', tip: '请把口令抄在纸上，由管理员密封保管' }
  return { label: '中', color: 'gold', tip: '再长一些、混用字母、数字和符号更安全' }
}

export function StrengthHint({ form, name }: { form: FormInstance; name: string }) {
  const v = (Form.useWatch(name, form) as string | undefined) ?? ''
  const s = strength(v)
  if (!s) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>至少 8 位；建议 12 位以上，混用字母、数字和符号</Typography.Text>
  return <span data-testid="passphrase-strength" style={{ fontSize: 12 }}>口令强度：<Tag color={s.color} style={{ marginInlineEnd: 4 }}>{s.label}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.tip}</Typography.Text></span>
}

export const newPassphraseRules: FormRule[] = [
  { required: true, message: '请输入口令' },
  { min: 8, message: '口令至少 8 位' },
  { max: 200, message: '口令不能超过 200 位' }
]
