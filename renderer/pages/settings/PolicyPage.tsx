// 政策参数 (domain.md §0.2): every parameter is a dated row (key, area, value, effective from/to, source); the
// value in force on a date is the most specific area's latest row. Everyone may read them; the administrator
// adds rows for the editable keys (main/services/policy.ts EDITABLE_PARAMS) — a new row never overwrites an old one.
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Tooltip, Typography } from 'antd'
import type { FormInstance, TableProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { TEMPLATES } from '../../../main/domain/templates'
import { formatYuan, parseYuan } from '../../../main/domain/money'
import { durationLabel, type NoticeDuration } from '../../../main/domain/notice'
import { VARIANTS, type VariantId } from '../../../main/domain/workflow'
import { EXCLUSION_ITEMS } from '../../../main/domain/exclusionItems'
import { VISIT_CHECKS } from '../../../main/domain/visitChecks'
import type { Output } from '../../api'
import { today } from '../../app/format'
import { isAdmin, useSession } from '../../app/session'
import { mutate, useApi } from '../../app/useApi'
import { FormModal } from '../../components/FormModal'
import { maxLen, moneyRule, required, requiredSelect } from '../../components/rules'

type ParamRow = Output<'policy.list'>[number]
type Opt = { value: string | number; label: string }

const VARIANT_OPTIONS: Opt[] = (['national', 'legacy2012', 'nineSteps', 'fourGates'] as VariantId[]).map((v) => ({ value: v, label: VARIANTS[v].label }))
const LEVEL_OPTIONS: Opt[] = [{ value: 'county', label: '县级审核确认（乡镇初审）' }, { value: 'township', label: '乡镇审核确认（省级委托）' }]
const REVIEW_MODE_OPTIONS: Opt[] = [{ value: 'onObjection', label: '公示有异议时评议' }, { value: 'optional', label: '视情评议' }, { value: 'always', label: '每案评议' }]
const ROUNDING_OPTIONS: Opt[] = [
  { value: 'fenHalfUp', label: '精确到分（四舍五入）' }, { value: 'jiaoHalfUp', label: '到角（四舍五入）' }, { value: 'jiaoUp', label: '到角（进位）' },
  { value: 'jiaoDown', label: '到角（舍去）' }, { value: 'yuanHalfUp', label: '到元（四舍五入）' }, { value: 'yuanUp', label: '到元（进位）' }, { value: 'yuanDown', label: '到元（舍去）' }
]
const SHARE_OPTIONS: Opt[] = [{ value: 1 / 2, label: '二分之一（1/2）' }, { value: 3 / 5, label: '五分之三（3/5）' }, { value: 2 / 3, label: '三分之二（2/3）' }, { value: 3 / 4, label: '四分之三（3/4）' }, { value: 4 / 5, label: '五分之四（4/5）' }]
const BASIS_OPTIONS: Opt[] = [{ value: 'perCapitaMonths', label: '按人均：家庭人口 × 月标准 × 月数' }, { value: 'householdMonths', label: '按全户：保障人数 × 月标准 × 月数' }, { value: 'absolute', label: '固定金额' }]
const OPERATOR_OPTIONS: Opt[] = [{ value: 'gt', label: '超过限额不符合' }, { value: 'gte', label: '达到限额即不符合' }]
const UNIT_OPTIONS: Opt[] = [{ value: 'calendar', label: '自然日' }, { value: 'workdays', label: '工作日' }]

type Spec =
  | { kind: 'enum'; options: Opt[] } | { kind: 'int'; min?: number; max?: number; unit: string } | { kind: 'bool' }
  | { kind: 'duration' } | { kind: 'interval' } | { kind: 'financial' } | { kind: 'fen' } | { kind: 'share' } | { kind: 'bp' }
  | { kind: 'toggles'; options: Opt[] } | { kind: 'multiple' } | { kind: 'words' }

const EXCLUSION_OPTIONS: Opt[] = EXCLUSION_ITEMS.map((i) => ({ value: i.code, label: i.label }))
const LIVING_OPTIONS: Opt[] = VISIT_CHECKS.filter((c) => c.item === 'X13').map((c) => ({ value: c.code, label: c.label }))

/** main/services/policy.ts EDITABLE_PARAMS: the keys an administrator may add a row for, labels copied. */
const EDITABLE: Record<string, { label: string; spec: Spec }> = {
  'procedure.variant': { label: '审核确认程序', spec: { kind: 'enum', options: VARIANT_OPTIONS } },
  'procedure.decisionLevel': { label: '新申请审核确认层级（县级/乡镇）', spec: { kind: 'enum', options: LEVEL_OPTIONS } },
  'procedure.changeDecisionLevel': { label: '变更、停发决定层级', spec: { kind: 'enum', options: LEVEL_OPTIONS } },
  'acceptance.deemedIfNoNotice': { label: '未出具一次性告知书的自收到申请之日起视为受理', spec: { kind: 'bool' } },
  'acceptance.lapseDays': { label: '逾期未补正视为撤回的天数（补正期限后）', spec: { kind: 'int', min: 1, max: 365, unit: '天' } },
  'check.objectionWD': { label: '对核对结果提出异议的期限（工作日）', spec: { kind: 'int', min: 1, max: 30, unit: '个工作日' } },
  'notice.duration': { label: '公示期', spec: { kind: 'duration' } },
  'notice.shiftEndToWorkday': { label: '公示期末日遇节假日顺延', spec: { kind: 'bool' } },
  'review.mode': { label: '民主评议方式', spec: { kind: 'enum', options: REVIEW_MODE_OPTIONS } },
  'review.representativeShare': { label: '评议代表比例', spec: { kind: 'share' } },
  'review.quorum': { label: '评议最少人数', spec: { kind: 'int', min: 1, unit: '人' } },
  'investigation.requireCheck': { label: '初审前须有核对报告', spec: { kind: 'bool' } },
  'recheck.intervalMonths': { label: '复核周期（月）', spec: { kind: 'interval' } },
  'recheck.materialChange': { label: '复核“维持”的金额变化界限（基点，500 = 5%）', spec: { kind: 'int', min: 0, max: 10000, unit: '基点' } },
  'recheck.leadDays': { label: '复核提前提醒天数', spec: { kind: 'int', min: 0, max: 180, unit: '天' } },
  'benefit.rounding': { label: '保障金取整方式', spec: { kind: 'enum', options: ROUNDING_OPTIONS } },
  'benefit.floorShareBp': { label: '保底比例（基点）', spec: { kind: 'bp' } },
  'asset.financialLimit': { label: '金融资产限额', spec: { kind: 'financial' } },
  'vehicle.valueLimit': { label: '车辆价值限额（分）', spec: { kind: 'fen' } },
  'housing.maxUnits': { label: '住房套数上限', spec: { kind: 'int', min: 1, unit: '套' } },
  'phaseOut.maxMonths': { label: '渐退期最长月数', spec: { kind: 'int', min: 1, max: 12, unit: '个月' } },
  'raise.backPay': { label: '提标补发', spec: { kind: 'bool' } },
  'shop.valueLimit': { label: '商铺价值限额（分）', spec: { kind: 'fen' } },
  'business.valueLimit': { label: '经营实体价值限额（分）', spec: { kind: 'fen' } },
  'business.profitLimit': { label: '经营月利润限额（月低保标准的倍数）', spec: { kind: 'multiple' } },
  'exclusion.items': { label: '启用的清查项目（X1–X13）', spec: { kind: 'toggles', options: EXCLUSION_OPTIONS } },
  'livingTests.items': { label: '启用的生活水平核查项（X13）', spec: { kind: 'toggles', options: LIVING_OPTIONS } },
  'livingTests.purchaseMultiple': { label: '大额消费认定倍数（保障人数 × 月标准 × 倍数）', spec: { kind: 'int', min: 1, max: 60, unit: '倍' } },
  'flag.idleCoupleAge': { label: '青壮年夫妻无业提示年龄（含本数）', spec: { kind: 'int', min: 18, max: 70, unit: '岁' } },
  'flag.uncollectedMonths': { label: '长期未领取提示月数', spec: { kind: 'int', min: 1, max: 24, unit: '个月' } },
  'flag.equalAmountsMin': { label: '平均发放提示户数', spec: { kind: 'int', min: 2, max: 100, unit: '户' } },
  'notice.showGroup': { label: '公示中列出村民小组（否则只列村名）', spec: { kind: 'bool' } },
  'notice.showArea': { label: '公示类别中注明城市/农村', spec: { kind: 'bool' } },
  'notice.sensitiveWords': { label: '公示备注和类别中不得出现的词（打印前检查）', spec: { kind: 'words' } }
}

/** Labels for the keys that are shipped as defaults but not editable here. */
const OTHER_LABELS: Record<string, string> = {
  'standard.monthly.urban': '城市低保标准（元/人·月）', 'standard.monthly.rural': '农村低保标准（元/人·月）',
  'notice.postNegativeOpinions': '拟不予纳入的也予公示', 'investigation.minInvestigators': '入户调查最少人数',
  'deadline.investigationStartWD': '受理后开始入户调查期限', 'deadline.checkStartWD': '县级开始核对期限', 'deadline.countyDecisionWD': '县级审核确认期限',
  'deadline.refusalNoticeWD': '不予确认书面告知期限', 'income.lookbackMonths': '收入计算期', 'income.excludeBasicPension': '城乡居民基础养老金不计入收入',
  'marginal.factor': '低保边缘家庭认定倍数', 'relatives.recusal': '近亲属回避', 'payment.allowCardCustody': '允许代管存折（须书面协议）',
  'archive.retentionYears': '档案保管年限', 'attachment.maxBytes': '单个扫描件大小上限', 'benefit.mode': '保障金计算方式', 'benefit.tiers': '分档标准'
}
const KEY_ORDER = [
  'standard.monthly.urban', 'standard.monthly.rural', 'procedure.variant', 'procedure.decisionLevel', 'procedure.changeDecisionLevel', 'acceptance.deemedIfNoNotice', 'acceptance.lapseDays',
  'deadline.investigationStartWD', 'deadline.checkStartWD', 'deadline.countyDecisionWD', 'deadline.refusalNoticeWD', 'check.objectionWD', 'investigation.minInvestigators', 'investigation.requireCheck',
  'review.mode', 'review.representativeShare', 'review.quorum', 'notice.duration', 'notice.shiftEndToWorkday', 'notice.postNegativeOpinions', 'notice.showGroup', 'notice.showArea', 'notice.sensitiveWords',
  'income.lookbackMonths', 'income.excludeBasicPension', 'benefit.mode', 'benefit.rounding', 'benefit.floorShareBp', 'raise.backPay', 'marginal.factor',
  'asset.financialLimit', 'vehicle.valueLimit', 'housing.maxUnits', 'shop.valueLimit', 'business.valueLimit', 'business.profitLimit', 'exclusion.items', 'livingTests.items', 'livingTests.purchaseMultiple',
  'flag.idleCoupleAge', 'flag.uncollectedMonths', 'flag.equalAmountsMin', 'phaseOut.maxMonths', 'recheck.intervalMonths', 'recheck.materialChange', 'recheck.leadDays',
  'relatives.recusal', 'payment.allowCardCustody', 'archive.retentionYears', 'attachment.maxBytes'
]
const keyLabel = (k: string) => EDITABLE[k]?.label.replace('（分）', '') ?? OTHER_LABELS[k] ?? (k.startsWith('template.') ? `文书模板：${(TEMPLATES as Record<string, { label: string }>)[k.slice(9)]?.label ?? k.slice(9)}` : k)
const optLabel = (opts: Opt[], v: unknown) => opts.find((o) => o.value === v)?.label ?? String(v)
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/** A parameter value in words. */
export function formatParam(key: string, v: unknown): string {
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (key.startsWith('template.') && Array.isArray(v)) return `${v.length} 段：${String(v[0] ?? '').slice(0, 40)}…`
  switch (key) {
    case 'procedure.variant': return optLabel(VARIANT_OPTIONS, v)
    case 'procedure.decisionLevel': case 'procedure.changeDecisionLevel': return optLabel(LEVEL_OPTIONS, v)
    case 'review.mode': return optLabel(REVIEW_MODE_OPTIONS, v)
    case 'benefit.rounding': return optLabel(ROUNDING_OPTIONS, v)
    case 'benefit.mode': return v === 'tiered' ? '分档定额' : v === 'gap' ? '补差（标准 × 人数 − 家庭收入）' : String(v)
    case 'review.representativeShare': {
      const f = SHARE_OPTIONS.find((o) => typeof v === 'number' && Math.abs((o.value as number) - v) < 1e-6)
      return f ? `不少于参加人数的${f.label}` : typeof v === 'number' ? `不少于参加人数的 ${(v * 100).toFixed(2)}%` : String(v)
    }
    case 'notice.duration': return isObj(v) ? durationLabel(v as unknown as NoticeDuration) : String(v)
    case 'recheck.intervalMonths': return isObj(v) ? ['A', 'B', 'C'].map((c) => `${c}类 ${String(v[c])} 个月`).join('，') : String(v)
    case 'benefit.floorShareBp': return typeof v === 'number' ? `${v / 100}%（${v} 基点）` : String(v)
    case 'exclusion.items': case 'livingTests.items': {
      if (!isObj(v)) return String(v)
      const off = Object.entries(v).filter(([, r]) => isObj(r) && r.enabled === false).map(([k]) => k)
      const opts = key === 'exclusion.items' ? EXCLUSION_OPTIONS : LIVING_OPTIONS
      return off.length ? `停用：${off.map((c) => optLabel(opts, c)).join('；')}` : '全部启用'
    }
    case 'business.profitLimit': return `月低保标准的 ${String(v)} 倍`
    case 'notice.sensitiveWords': return Array.isArray(v) ? (v.length ? v.join('、') : '（不检查）') : String(v)
    case 'livingTests.purchaseMultiple': return `${String(v)} 倍`
    case 'flag.idleCoupleAge': return `${String(v)} 岁`
    case 'flag.uncollectedMonths': return `${String(v)} 个月`
    case 'flag.equalAmountsMin': return `${String(v)} 户`
    case 'standard.monthly.urban': case 'standard.monthly.rural': case 'vehicle.valueLimit': case 'shop.valueLimit': case 'business.valueLimit':
      return typeof v === 'number' && Number.isSafeInteger(v) ? `${formatYuan(v)} 元` : String(v)
    case 'asset.financialLimit': {
      if (!isObj(v)) return String(v)
      const amount = v.basis === 'absolute' && typeof v.value === 'number' && Number.isSafeInteger(v.value) ? `${formatYuan(v.value)} 元` : `${String(v.value)} 个月`
      const basis = v.basis === 'perCapitaMonths' ? '人均' : v.basis === 'householdMonths' ? '全户' : '固定金额'
      return `${basis} ${amount}，${optLabel(OPERATOR_OPTIONS, v.operator ?? 'gt')}`
    }
    case 'archive.retentionYears': return isObj(v) ? `审批类 ${String(v.approval)} 年，日常管理类 ${String(v.daily)} 年` : String(v)
    case 'attachment.maxBytes': return typeof v === 'number' ? `${Math.round(v / 1048576)} MB` : String(v)
    case 'marginal.factor': return `${String(v)} 倍`
    case 'investigation.minInvestigators': case 'review.quorum': return `${String(v)} 人`
    case 'housing.maxUnits': return `${String(v)} 套`
    case 'recheck.leadDays': case 'acceptance.lapseDays': return `${String(v)} 天`
    case 'check.objectionWD': return `${String(v)} 个工作日`
    case 'recheck.materialChange': return typeof v === 'number' ? `现发金额的 ${v / 100}%（${v} 基点）` : String(v)
    case 'income.lookbackMonths': case 'phaseOut.maxMonths': return `${String(v)} 个月`
    default:
      if (key.startsWith('deadline.') && typeof v === 'number') return `${v} 个工作日`
      return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)
  }
}

interface KeyGroup { key: string; rows: ParamRow[]; current: ParamRow | null }

/** The row in force on `date` for the township (most specific area first, then the latest start), as the server picks it. */
function inForce(rows: ParamRow[], date: string, area: string): ParamRow | null {
  const ok = rows.filter((r) => r.effectiveFrom <= date && (!r.effectiveTo || r.effectiveTo >= date) && (r.areaScope === '*' || area.startsWith(r.areaScope)))
  ok.sort((a, b) => (b.areaScope === '*' ? 0 : b.areaScope.length) - (a.areaScope === '*' ? 0 : a.areaScope.length) || b.effectiveFrom.localeCompare(a.effectiveFrom))
  return ok[0] ?? null
}

export function PolicyPage() {
  const session = useSession()
  const admin = isAdmin(session.operator)
  const area = session.township?.code ?? ''
  const { data, loading, error } = useApi('policy.list', {})
  const [adding, setAdding] = useState(false)
  const d = today()
  const groups = useMemo<KeyGroup[]>(() => {
    const byKey = new Map<string, ParamRow[]>()
    for (const r of data ?? []) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r])
    const rank = (k: string) => { const i = KEY_ORDER.indexOf(k); return i < 0 ? 999 : i }
    return [...byKey.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
      .map(([key, rows]) => ({ key, rows: [...rows].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)), current: inForce(rows, d, area) }))
  }, [data, d, area])
  const scopeLabel = (s: string) => (s === '*' ? '通用默认' : s === area ? '本乡镇' : s)

  const columns: TableProps<KeyGroup>['columns'] = [
    {
      title: '参数', key: 'key', width: 250,
      render: (_: unknown, g) => <div><div>{keyLabel(g.key)}{EDITABLE[g.key] ? null : g.key.startsWith('template.') ? <Tooltip title="在“文书模板”页修改"><Tag style={{ marginInlineStart: 6 }}>文书模板页修改</Tag></Tooltip> : g.key.startsWith('standard.') ? (admin ?  <Tooltip title="在“低保标准与提标”页录入或提标"><Tag style={{ marginInlineStart: 6 }}>提标页调整</Tag></Tooltip> : null) : <Tooltip title="随程序提供的规定值，不在此页录入"><Tag style={{ marginInlineStart: 6 }}>固定</Tag></Tooltip>}</div><div className="mono" style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{g.key}</div></div>
    },
    { title: '现行值', key: 'value', width: 280, render: (_: unknown, g) => (g.current ? formatParam(g.key, g.current.value) : <Typography.Text type="secondary">当前没有有效记录</Typography.Text>) },
    { title: '执行起', key: 'from', width: 100, render: (_: unknown, g) => g.current?.effectiveFrom ?? '' },
    { title: '范围', key: 'scope', width: 80, render: (_: unknown, g) => (g.current ? scopeLabel(g.current.areaScope) : '') },
    { title: '依据', key: 'source', ellipsis: true, render: (_: unknown, g) => g.current?.sourceNote ?? '' },
    { title: '记录', key: 'n', width: 64, align: 'right', render: (_: unknown, g) => `${g.rows.length} 条` }
  ]
  const rowColumns: TableProps<ParamRow>['columns'] = [
    { title: '取值', key: 'value', width: 260, render: (_: unknown, r) => formatParam(r.key, r.value) },
    { title: '执行起', dataIndex: 'effectiveFrom', key: 'from', width: 100 },
    { title: '执行止', dataIndex: 'effectiveTo', key: 'to', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '范围', dataIndex: 'areaScope', key: 'scope', width: 80, render: scopeLabel },
    { title: '依据', dataIndex: 'sourceNote', key: 'source', ellipsis: true },
    { title: '', key: 'state', width: 70, render: (_: unknown, r) => { const g = groups.find((x) => x.key === r.key); return g?.current?.id === r.id ? <Tag color="success">现行</Tag> : r.effectiveFrom > d ? <Tag color="processing">待执行</Tag> : null } }
  ]

  return (
    <div className="page">
      <Card size="small" title="政策参数" extra={admin ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>录入参数</Button> : null}>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} /> : null}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          每个参数都按执行日期分条保存：办理时取当日有效的记录（本乡镇的记录优先于通用默认）。新录入的参数另起一条，原有记录保留不变。
          {admin ? '低保标准请在“低保标准与提标”中录入或提标。' : '参数由管理员录入，您可以查看。'}
        </Typography.Paragraph>
        <Table<KeyGroup>
          size="small" rowKey="key" columns={columns} dataSource={groups} loading={loading} pagination={false}
          expandable={{ expandedRowRender: (g) => <Table<ParamRow> size="small" rowKey="id" columns={rowColumns} dataSource={g.rows} pagination={false} />, rowExpandable: (g) => g.rows.length > 0 }}
          locale={{ emptyText: '没有政策参数' }}
        />
      </Card>
      {admin ? <AddParamModal open={adding} onClose={() => setAdding(false)} groups={groups} /> : null}
    </div>
  )
}

interface AddValues { key: string; value: unknown; effectiveFrom: Dayjs; sourceNote: string; delegationConfirmed?: boolean }

/** The stored value → what the form fields hold. */
function toFormValue(spec: Spec, v: unknown): unknown {
  switch (spec.kind) {
    case 'fen': return typeof v === 'number' && Number.isSafeInteger(v) ? formatYuan(v, { grouping: false }) : undefined
    case 'financial': {
      if (!isObj(v)) return { basis: 'perCapitaMonths', operator: 'gt' }
      return v.basis === 'absolute' && typeof v.value === 'number' ? { ...v, yuan: formatYuan(v.value, { grouping: false }) } : v
    }
    case 'share': { const f = SHARE_OPTIONS.find((o) => typeof v === 'number' && Math.abs((o.value as number) - v) < 1e-6); return f?.value }
    case 'bool': return typeof v === 'boolean' ? v : false
    case 'toggles': return spec.options.map((o) => o.value).filter((c) => !(isObj(v) && isObj(v[String(c)]) && (v[String(c)] as Record<string, unknown>).enabled === false))
    default: return v
  }
}

/** The form fields → the value sent (money typed in 元 becomes 分 exactly). */
function fromFormValue(spec: Spec, v: unknown): unknown {
  switch (spec.kind) {
    case 'fen': return parseYuan(String(v))
    case 'bool': return !!v
    case 'toggles': { const on = new Set((v ?? []) as string[]); return Object.fromEntries(spec.options.map((o) => [String(o.value), { enabled: on.has(String(o.value)) }])) }
    case 'financial': {
      const o = (v ?? {}) as { basis: string; value?: number; yuan?: string; operator: string }
      return { basis: o.basis, value: o.basis === 'absolute' ? parseYuan(String(o.yuan ?? '')) : o.value, operator: o.operator }
    }
    default: return v
  }
}

function ValueFields({ form, spec }: { form: FormInstance<AddValues>; spec: Spec }) {
  const basis = Form.useWatch(['value', 'basis'], form) as string | undefined
  switch (spec.kind) {
    case 'enum':
      return <Form.Item label="取值" name="value" rules={[requiredSelect('请选择取值')]}><Select options={spec.options} /></Form.Item>
    case 'share':
      return <Form.Item label="党员代表和村（居）民代表至少占参加人数" name="value" rules={[requiredSelect('请选择比例')]}><Select options={SHARE_OPTIONS} /></Form.Item>
    case 'int':
      return (
        <Form.Item label="取值" name="value" rules={[{ required: true, message: '请填写取值' }]}>
          <InputNumber min={spec.min} max={spec.max} precision={0} style={{ width: 200 }} suffix={spec.unit} />
        </Form.Item>
      )
    case 'bp':
      return (
        <Form.Item label="保底比例" name="value" rules={[{ required: true, message: '请填写保底比例' }]} extra="100 基点 = 1%；如保底为标准的 20%，填 2000；0 表示不设保底">
          <InputNumber min={0} max={10000} precision={0} style={{ width: 200 }} suffix="基点" />
        </Form.Item>
      )
    case 'bool':
      return <Form.Item label="取值" name="value" valuePropName="checked"><Switch checkedChildren="是" unCheckedChildren="否" /></Form.Item>
    case 'toggles':
      return (
        <Form.Item label="启用的项目" name="value" extra="未勾选的项目不再产生提示；停用须有本县文件依据">
          <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 4 }} options={spec.options.map((o) => ({ value: String(o.value), label: o.label }))} />
        </Form.Item>
      )
    case 'words':
      return (
        <Form.Item label="词语" name="value" extra="逐个输入后回车；打印公示前检查类别和备注，出现这些词时拒绝打印并说明（默认：病、残、精神、癌、服刑、戒毒、吸毒、宗教、骗、低能、智障）">
          <Select mode="tags" tokenSeparators={['，', ',', '、', ' ']} open={false} style={{ width: '100%' }} />
        </Form.Item>
      )
    case 'multiple':
      return (
        <Form.Item label="月利润超过" name="value" rules={[{ required: true, message: '请填写倍数' }]} extra="如泗县：经营月利润超过月低保标准的 2 倍，填 2">
          <InputNumber min={0.5} max={100} precision={1} style={{ width: 200 }} addonAfter="倍月低保标准" />
        </Form.Item>
      )
    case 'fen':
      return (
        <Form.Item label="限额（元）" name="value" rules={[moneyRule({ required: true, label: '限额' })]}>
          <Input inputMode="decimal" suffix="元" style={{ width: 200 }} placeholder="如 30000.00" />
        </Form.Item>
      )
    case 'duration':
      return (
        <Row gutter={12}>
          <Col span={8}><Form.Item label="公示天数" name={['value', 'days']} rules={[{ required: true, message: '请填写天数' }]}><InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} suffix="天" /></Form.Item></Col>
          <Col span={8}><Form.Item label="计算方式" name={['value', 'unit']} rules={[requiredSelect('请选择')]}><Select options={UNIT_OPTIONS} /></Form.Item></Col>
        </Row>
      )
    case 'interval':
      return (
        <Row gutter={12}>
          {(['A', 'B', 'C'] as const).map((c) => (
            <Col span={8} key={c}>
              <Form.Item label={`${c}类复核周期`} name={['value', c]} rules={[{ required: true, message: '请填写月数' }]}>
                <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} suffix="个月" />
              </Form.Item>
            </Col>
          ))}
        </Row>
      )
    case 'financial':
      return (
        <Row gutter={12}>
          <Col span={24}><Form.Item label="计算方式" name={['value', 'basis']} rules={[requiredSelect('请选择计算方式')]}><Select options={BASIS_OPTIONS} /></Form.Item></Col>
          <Col span={12}>
            {basis === 'absolute'
              ? <Form.Item label="限额（元）" name={['value', 'yuan']} rules={[moneyRule({ required: true, label: '限额' })]}><Input inputMode="decimal" suffix="元" /></Form.Item>
              : <Form.Item label="月数" name={['value', 'value']} rules={[{ required: true, message: '请填写月数' }]}><InputNumber min={0.01} precision={2} style={{ width: '100%' }} suffix="个月" /></Form.Item>}
          </Col>
          <Col span={12}><Form.Item label="判定" name={['value', 'operator']} rules={[requiredSelect('请选择')]}><Select options={OPERATOR_OPTIONS} /></Form.Item></Col>
        </Row>
      )
  }
}

function AddParamModal({ open, onClose, groups }: { open: boolean; onClose: () => void; groups: KeyGroup[] }) {
  return (
    <FormModal<AddValues>
      open={open} name="policyAdd" title="录入政策参数" okText="录入参数" width={680} initialValues={{ effectiveFrom: dayjs() }} onClose={onClose}
      onSubmit={async (v, form) => {
        const spec = EDITABLE[v.key]?.spec
        if (!spec) return false
        const res = await mutate('policy.add', { key: v.key, value: fromFormValue(spec, v.value), effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), sourceNote: v.sourceNote.trim() },
          { form, success: `已录入“${EDITABLE[v.key]!.label}”（${v.effectiveFrom.format('YYYY-MM-DD')} 起）` })
        return res.ok
      }}
    >
      {(form) => <AddParamFields form={form} groups={groups} />}
    </FormModal>
  )
}

function AddParamFields({ form, groups }: { form: FormInstance<AddValues>; groups: KeyGroup[] }) {
  const key = Form.useWatch('key', form) as string | undefined
  const value = Form.useWatch('value', form) as unknown
  const spec = key ? EDITABLE[key]?.spec : undefined
  const current = key ? groups.find((g) => g.key === key)?.current : null
  const township = key === 'procedure.decisionLevel' && value === 'township'
  const from = Form.useWatch('effectiveFrom', form) as Dayjs | undefined
  const past = !!from && from.isBefore(dayjs(), 'day')
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title="录入的是一条新的带执行日期的记录，不会覆盖或删除原有记录"
        description="自执行日期起办理的事项按新值；此前受理的案件仍按当时有效的记录办理。录错时请再录入一条更正的记录并写明依据。" />
      <Form.Item label="参数" name="key" rules={[requiredSelect('请选择参数')]}
        extra={current ? `现行：${formatParam(key!, current.value)}（${current.effectiveFrom} 起，依据：${current.sourceNote}）` : key ? '当前没有有效记录' : undefined}>
        <Select
          showSearch={{ optionFilterProp: 'label' }} placeholder="请选择要调整的参数"
          options={Object.entries(EDITABLE).map(([k, e]) => ({ value: k, label: e.label.replace('（分）', '') }))}
          onChange={(k: string) => {
            const s = EDITABLE[k]?.spec
            const cur = groups.find((g) => g.key === k)?.current
            form.setFieldsValue({ value: s ? toFormValue(s, cur?.value) : undefined, delegationConfirmed: false })
          }}
        />
      </Form.Item>
      {spec ? <ValueFields key={key} form={form} spec={spec} /> : null}
      {key === 'procedure.decisionLevel' ? (
        <Alert type={township ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }}
          title="乡镇审核确认须有省级委托（授权）文件"
          description="低保审核确认由县级民政部门负责；设为“乡镇审核确认”须依据省级人民政府（或其授权的民政部门）委托乡镇人民政府（街道办事处）审核确认的文件（《社会救助法》第四十四条第二款；审核确认办法第二条），并在“依据”中填写该文件的名称和文号。没有有效委托文件的，乡镇作出的每个审核确认都会被提示。" />
      ) : null}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="执行日期" name="effectiveFrom" rules={[{ required: true, message: '请选择执行日期' }]}
            extra={past ? <Typography.Text type="warning" style={{ fontSize: 12 }}>早于今天：该日期以后办理的事项将改按新值</Typography.Text> : undefined}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={township ? '依据（省级委托文件名称、文号）' : '依据（文件名称、文号）'} name="sourceNote" rules={[required('请填写依据（文件名称、文号）'), maxLen('依据', 200)]}>
            <Input placeholder={township ? '如：××省民政厅关于委托乡镇人民政府审核确认最低生活保障的通知（×民发〔2026〕×号）' : '如：××县民政局关于……的通知（×民〔2026〕×号）'} />
          </Form.Item>
        </Col>
      </Row>
      {township ? (
        <Form.Item name="delegationConfirmed" valuePropName="checked"
          rules={[{ validator: (_r, v?: boolean) => (v ? Promise.resolve() : Promise.reject(new Error('请核对依据为省级委托文件后勾选'))) }]}>
          <Checkbox>已核对：上面填写的依据是有效的省级委托（授权）文件</Checkbox>
        </Form.Item>
      ) : null}
    </>
  )
}
