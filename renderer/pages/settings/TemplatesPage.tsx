// 文书模板 (issue 5): the texts printed on 承诺书, 授权书, 干部承诺书, 公示正文 and the 救济途径 of 书面告知书. Each is a
// list of paragraphs with {占位符} filled from the case. Everyone may read them; the administrator saves a new
// version as a dated policy row `template.<key>` with its source (policy.add) — rows are never overwritten, the
// newest row in force on a date wins from that date, and the server refuses placeholders the template does not know.
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Menu, Row, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd'
import type { TableProps } from 'antd'
import type { TextAreaRef } from 'antd/es/input/TextArea'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useRef, useState, type ReactNode } from 'react'
import type { TemplateView } from '../../../main/api/types'
import { today } from '../../app/format'
import { isAdmin, useSession } from '../../app/session'
import { applyFieldErrors, mutate, useApi } from '../../app/useApi'
import { maxLen, required } from '../../components/rules'

/** Menu order and short names (the full label is the card title). */
const ORDER = ['pledge', 'authorization', 'cadrePledge', 'noticeBody', 'noticeCounty', 'noticePublication', 'remedy']
const SHORT: Record<string, string> = {
  pledge: '申请人承诺书', authorization: '核对授权书', cadrePledge: '干部承诺书', noticeBody: '审核公示正文', noticeCounty: '县级公示正文（三榜）',
  noticePublication: '结果公布正文', remedy: '告知书的救济途径'
}
const PH = /\{([^{}]*)\}/g

/** The editor's text → paragraphs (one a line, blank lines ignored). */
const toParagraphs = (text: string | undefined) => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')
const unknownIn = (paragraphs: string[], known: Record<string, string>) => {
  const out = new Set<string>()
  for (const p of paragraphs) for (const m of p.matchAll(PH)) if (!(m[1]! in known)) out.add(m[1]!)
  return [...out]
}

/** A paragraph with its placeholders highlighted (known: blue with the meaning; unknown: red). */
function Highlighted({ text, known }: { text: string; known: Record<string, string> }) {
  const parts: ReactNode[] = []
  let last = 0
  for (const m of text.matchAll(PH)) {
    const i = m.index
    if (i > last) parts.push(text.slice(last, i))
    const name = m[1]!
    const ok = name in known
    parts.push(
      <Tooltip key={i} title={ok ? known[name] : '未知的占位符：保存时会被拒绝'}>
        <span data-testid={ok ? 'ph-known' : 'ph-unknown'} style={{ background: ok ? '#e6f0ff' : '#fff1f0', color: ok ? '#1f4e99' : '#cf1322', border: `1px solid ${ok ? '#adc6ff' : '#ffa39e'}`, borderRadius: 3, padding: '0 2px', margin: '0 1px' }}>{m[0]}</span>
      </Tooltip>
    )
    last = i + m[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return <>{parts}</>
}

function Paragraphs({ paragraphs, known, testId }: { paragraphs: string[]; known: Record<string, string>; testId?: string }) {
  return (
    <div data-testid={testId} style={{ border: '1px solid #f0f0f0', background: '#fcfcfc', borderRadius: 4, padding: '8px 12px', lineHeight: 1.9, fontSize: 14 }}>
      {paragraphs.length
        ? paragraphs.map((p, i) => <p key={i} style={{ textIndent: '2em', margin: 0 }}><Highlighted text={p} known={known} /></p>)
        : <Typography.Text type="secondary">（没有文字）</Typography.Text>}
    </div>
  )
}

const head = (ps: string[]) => { const s = ps.join(''); return s.length > 40 ? `${s.slice(0, 40)}…` : s }

export function TemplatesPage() {
  const session = useSession()
  const admin = isAdmin(session.operator)
  const { data, loading, error } = useApi('templates.list', {})
  const [chosen, setChosen] = useState<string | null>(null)
  const list = useMemo(() => {
    const rank = (k: string) => { const i = ORDER.indexOf(k); return i < 0 ? 99 : i }
    return [...(data ?? [])].sort((a, b) => rank(a.key) - rank(b.key))
  }, [data])
  const t = list.find((x) => x.key === chosen) ?? list[0] ?? null

  return (
    <div className="page">
      <Card size="small" title="文书模板">
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          打印的承诺书、授权书、干部承诺书、公示和公布的正文、书面告知书的救济途径使用这里的文字，花括号中的占位符（如 {'{乡镇}'}）在打印时换成案件的内容。
          {admin ? '按本县文件调整文字时，保存为带起用日期和依据的新版本：原有版本保留不变，自起用日期起打印的文书使用新版本。' : '模板由管理员按本县文件调整，您可以查看。'}
        </Typography.Paragraph>
        {loading && !data ? <div style={{ textAlign: 'center', padding: 32 }}><Spin /></div> : !t ? <Empty description="没有文书模板" /> : (
          <Row gutter={12} wrap={false}>
            <Col flex="224px">
              <Menu
                mode="inline" selectedKeys={[t.key]} onClick={({ key }) => setChosen(key)} style={{ border: '1px solid #f0f0f0', borderRadius: 4 }}
                items={list.map((x) => ({
                  key: x.key,
                  label: <span style={{ display: 'flex', alignItems: 'center', gap: 4 }}><span title={x.label} style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis' }}>{SHORT[x.key] ?? x.label}</span>{x.effectiveFrom ? <Tag color="blue" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', padding: '0 4px' }}>本县</Tag> : null}</span>
                }))}
              />
            </Col>
            <Col flex="auto" style={{ minWidth: 0 }}>
              <TemplateDetail key={t.key} t={t} admin={admin} />
            </Col>
          </Row>
        )}
      </Card>
    </div>
  )
}

interface EditValues { text: string; effectiveFrom: Dayjs; sourceNote: string }

function TemplateDetail({ t, admin }: { t: TemplateView; admin: boolean }) {
  const d = today()
  const pending = t.history.filter((h) => h.effectiveFrom > d)
  const currentIndex = t.effectiveFrom ? t.history.findIndex((r) => r.effectiveFrom === t.effectiveFrom && r.sourceNote === t.source && r.paragraphs.join('\n') === t.current.join('\n')) : -1
  const history: TableProps<TemplateView['history'][number] & { i: number }>['columns'] = [
    { title: '起用日期', dataIndex: 'effectiveFrom', key: 'from', width: 100 },
    { title: '依据', dataIndex: 'sourceNote', key: 'source', width: 280, ellipsis: { showTitle: true } },
    { title: '文字（前40字）', key: 'text', ellipsis: { showTitle: true }, render: (_: unknown, r) => head(r.paragraphs) },
    {
      title: '', key: 'state', width: 72,
      render: (_: unknown, r) => (r.effectiveFrom > d ? <Tag color="processing">待起用</Tag>
        : r.i === currentIndex ? <Tag color="success">现行</Tag> : null)
    }
  ]
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 4 }}>{t.label}</Typography.Title>
      <div data-testid="template-source" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">现行文本来源：</Typography.Text>
        {t.effectiveFrom
          ? <><Tag color="blue">本县文本</Tag><Typography.Text>{t.source}</Typography.Text><Typography.Text type="secondary">（{t.effectiveFrom} 起用）</Typography.Text></>
          : <Tag>程序默认文本</Tag>}
        {pending.length ? <Typography.Text type="warning" style={{ marginInlineStart: 8 }}>另有 {pending.length} 个版本待起用（{pending.map((p) => p.effectiveFrom).join('、')}）</Typography.Text> : null}
      </div>
      <Paragraphs paragraphs={t.current} known={t.placeholders} testId="template-current" />

      {admin ? <Editor t={t} /> : (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>占位符</Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }}>
            {Object.entries(t.placeholders).map(([name, meaning]) => <Tag key={name} style={{ marginInlineEnd: 0 }}>{`{${name}}`} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{meaning}</Typography.Text></Tag>)}
          </div>
        </div>
      )}

      <Typography.Text strong style={{ display: 'block', margin: '16px 0 4px' }}>版本记录</Typography.Text>
      <Table size="small" rowKey="i" columns={history} dataSource={t.history.map((h, i) => ({ ...h, i }))} pagination={false}
        locale={{ emptyText: '没有调整记录：使用程序默认文本' }} />
    </div>
  )
}

function Editor({ t }: { t: TemplateView }) {
  const [form] = Form.useForm<EditValues>()
  const [pending, setPending] = useState(false)
  const area = useRef<TextAreaRef>(null)
  const text = Form.useWatch('text', form) as string | undefined
  const from = Form.useWatch('effectiveFrom', form) as Dayjs | undefined
  const paragraphs = toParagraphs(text)
  const unknown = unknownIn(paragraphs, t.placeholders)
  const future = !!from && from.isAfter(dayjs(), 'day')

  const insert = (name: string) => {
    const el = area.current?.resizableTextArea?.textArea
    const cur = (form.getFieldValue('text') as string | undefined) ?? ''
    const token = `{${name}}`
    const start = el ? el.selectionStart : cur.length
    const end = el ? el.selectionEnd : cur.length
    form.setFieldValue('text', cur.slice(0, start) + token + cur.slice(end))
    void form.validateFields(['text']).catch(() => undefined)
    requestAnimationFrame(() => { if (el) { el.focus(); el.setSelectionRange(start + token.length, start + token.length) } })
  }

  const save = async (v: EditValues) => {
    const ps = toParagraphs(v.text)
    setPending(true)
    try {
      const date = v.effectiveFrom.format('YYYY-MM-DD')
      const res = await mutate('policy.add', { key: `template.${t.key}`, value: ps, effectiveFrom: date, sourceNote: v.sourceNote.trim() },
        { quiet: true, success: `已保存“${t.label}”的新版本（${date} 起用）` })
      if (!res.ok) {
        const { value: _v, key: _k, ...rest } = res.error.fields
        const placed = applyFieldErrors(form, rest)
        if (!placed || 'value' in res.error.fields) form.setFields([{ name: 'text', errors: [res.error.message] }])
      } else form.setFieldValue('sourceNote', '')
    } finally { setPending(false) }
  }

  return (
    <Form<EditValues> form={form} name="templateEdit" layout="vertical" style={{ marginTop: 12 }} onFinish={(v) => void save(v)}
      initialValues={{ text: t.current.join('\n'), effectiveFrom: dayjs() }}>
      <Typography.Text strong>调整文字（保存为新版本）</Typography.Text>
      <div style={{ margin: '4px 0 8px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>点击占位符插入到光标处：</Typography.Text>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }} data-testid="template-placeholders">
          {Object.entries(t.placeholders).map(([name, meaning]) => (
            <Tag key={name} color="blue" style={{ cursor: 'pointer', marginInlineEnd: 0, userSelect: 'none' }} role="button" aria-label={`插入{${name}}`}
              onMouseDown={(e) => e.preventDefault()} onClick={() => insert(name)}>
              <b>{`{${name}}`}</b> <span style={{ fontSize: 12, opacity: 0.8 }}>{meaning}</span>
            </Tag>
          ))}
        </div>
      </div>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="文字（每行一段，空行不计）" name="text"
            rules={[{ validator: (_r, v?: string) => (toParagraphs(v).length ? (toParagraphs(v).length > 20 ? Promise.reject(new Error('模板不超过20段')) : Promise.resolve()) : Promise.reject(new Error('请填写模板文字'))) }]}>
            <Input.TextArea ref={area} autoSize={{ minRows: 8, maxRows: 18 }} spellCheck={false} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <div className="ant-form-item-label" style={{ paddingBottom: 2 }}><label>预览（共 {paragraphs.length} 段）</label></div>
          <Paragraphs paragraphs={paragraphs} known={t.placeholders} testId="template-preview" />
          {unknown.length ? <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>含有本模板没有的占位符：{unknown.map((u) => `{${u}}`).join('、')}</Typography.Text> : null}
        </Col>
      </Row>
      <Row gutter={12}>
        <Col flex="180px">
          <Form.Item label="起用日期" name="effectiveFrom" extra={future ? <Typography.Text type="warning" style={{ fontSize: 12 }}>自该日起用，此前仍用现行文本</Typography.Text> : undefined}
            rules={[{ required: true, message: '请选择起用日期' }, {
              // the register keeps one row per template, area and date (policy_param is unique on them)
              validator: (_r, v?: Dayjs) => (v && t.history.some((h) => h.effectiveFrom === v.format('YYYY-MM-DD'))
                ? Promise.reject(new Error('这一天已有一个版本：同一起用日期只能保存一个版本，请改选其他日期')) : Promise.resolve())
            }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col flex="auto">
          <Form.Item label="依据（文件名称、文号）" name="sourceNote" rules={[required('请填写依据（文件名称、文号）'), maxLen('依据', 200)]}>
            <Input placeholder="如：××县民政局关于调整最低生活保障文书格式的通知（×民〔2026〕×号）" />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={pending}>保存为新版本</Button>
        <Tooltip title="把程序默认文本填入编辑框；须保存为新版本（写明依据）才生效">
          <Button onClick={() => { form.setFieldValue('text', t.defaults.join('\n')); void form.validateFields(['text']).catch(() => undefined) }}>恢复默认文本</Button>
        </Tooltip>
        <Button onClick={() => form.setFieldValue('text', t.current.join('\n'))}>还原为现行文本</Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>原有版本不会被覆盖；自起用日期起打印的文书使用新版本。</Typography.Text>
      </Space>
    </Form>
  )
}
