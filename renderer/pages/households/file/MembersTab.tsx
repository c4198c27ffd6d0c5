// 家庭成员: current members with their full ID numbers (this is the internal file), and the
// members who moved out, were removed or died. Add / edit / remove / move to another household.
import { ExclamationCircleFilled, PlusOutlined } from '@ant-design/icons'
import { Button, Collapse, DatePicker, Form, Select, Space, Table, Tag, Tooltip, Typography } from 'antd'
import type { TableProps } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useRef, useState, type HTMLAttributes } from 'react'
import type { HouseholdListRow, MemberView } from '../../../../main/api/types'
import { codeName, EMPLOYMENT, ETHNICITIES, HEALTH, LABOUR, RELATIONS, SCHOOLING } from '../../../../main/domain/codes'
import { DISABILITY_CATEGORIES, DISABILITY_GRADES } from '../../../../main/domain/idcard'
import { call } from '../../../api'
import { age, codeOptions, fmtDate, fmtDateTime, genderName, yesNo } from '../../../app/format'
import { feedback } from '../../../app/feedback'
import { mutate } from '../../../app/useApi'
import { FormModal, ReasonField } from '../../../components/FormModal'
import { MemberFields, memberFromForm, memberToForm, newMemberDefaults, type MemberFormValues } from '../../../components/MemberFields'
import { requiredSelect } from '../../../components/rules'
import { useFile } from './context'

const HEADS = new Set(['01', '02'])

function disabilityText(m: MemberView): string {
  if (!m.disabilityCategory) return m.disabilityCert ? '有证' : ''
  return `${DISABILITY_CATEGORIES[m.disabilityCategory] ?? ''}${m.disabilityGrade ? DISABILITY_GRADES[m.disabilityGrade] ?? '' : ''}`
}

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; member: MemberView }
  | { kind: 'remove'; member: MemberView }
  | { kind: 'move'; member: MemberView }
  | null

export function MembersTab() {
  const { file, writable, version, id } = useFile()
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)

  const columns: TableProps<MemberView>['columns'] = [
    {
      title: '姓名', dataIndex: 'name', key: 'name', width: 96, fixed: 'start',
      render: (v: string, m) => <Space size={4}>{v}{HEADS.has(m.relation) ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>户主</Tag> : null}</Space>
    },
    { title: '关系', dataIndex: 'relationName', key: 'relation', width: 72 },
    { title: '身份证号', dataIndex: 'idNumber', key: 'idNumber', width: 172, render: (v: string) => <span className="mono">{v}</span> },
    { title: '性别', dataIndex: 'gender', key: 'gender', width: 48, render: genderName },
    { title: '出生日期', dataIndex: 'birthDate', key: 'birthDate', width: 96, render: fmtDate },
    { title: '年龄', key: 'age', width: 48, align: 'right', render: (_: unknown, m) => age(m.birthDate) ?? '' },
    { title: '民族', dataIndex: 'ethnicity', key: 'ethnicity', width: 64, render: (v: string) => codeName(ETHNICITIES, v) },
    {
      title: '共同生活', dataIndex: 'coResident', key: 'coResident', width: 72,
      render: (v: boolean, m) => (v ? '是' : <Tooltip title={m.notCountedReason ?? ''}><Typography.Text type="warning">否</Typography.Text></Tooltip>)
    },
    { title: '保障对象', dataIndex: 'isBeneficiary', key: 'isBeneficiary', width: 72, render: yesNo },
    { title: '健康', dataIndex: 'health', key: 'health', width: 96, render: (v: string, m) => <Tooltip title={m.diagnosis ?? ''}>{codeName(HEALTH, v)}</Tooltip> },
    { title: '残疾', key: 'disability', width: 96, render: (_: unknown, m) => disabilityText(m) },
    { title: '劳动能力', dataIndex: 'labour', key: 'labour', width: 120, render: (v: string) => codeName(LABOUR, v) },
    {
      title: '就业/在校', key: 'employment', width: 100,
      render: (_: unknown, m) => [codeName(EMPLOYMENT, m.employment) || m.employment, codeName(SCHOOLING, m.schooling) || m.schooling].filter(Boolean).join(' / ')
    },
    {
      title: '提示', key: 'warnings', width: 48, align: 'center',
      render: (_: unknown, m) => (m.warnings.length ? (
        <Tooltip title={<div>{m.warnings.map((w) => <div key={w}>{w}</div>)}</div>}>
          <ExclamationCircleFilled style={{ color: '#d46b08' }} aria-label={`提示：${m.warnings.join('；')}`} data-testid="member-warning" />
        </Tooltip>
      ) : null)
    },
    ...(writable ? [{
      title: '操作', key: 'actions', width: 200, fixed: 'end' as const,
      render: (_: unknown, m: MemberView) => {
        const head = HEADS.has(m.relation)
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', member: m })}>修改信息</Button>
            <Tooltip title={head ? '户主不能直接减少，请先把另一名成员设为户主' : ''}>
              <Button type="link" size="small" danger disabled={head} onClick={() => setDialog({ kind: 'remove', member: m })}>减少成员</Button>
            </Tooltip>
            <Tooltip title={head ? '户主不能迁出，请先指定新的户主' : ''}>
              <Button type="link" size="small" disabled={head} onClick={() => setDialog({ kind: 'move', member: m })}>迁移成员</Button>
            </Tooltip>
          </Space>
        )
      }
    }] : [])
  ]

  return (
    <div>
      <div className="page-toolbar">
        <Typography.Text>现有成员 {file.members.length} 人，其中保障对象（共同生活）{file.totals.beneficiaries} 人</Typography.Text>
        <div className="grow" />
        {writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>增加成员</Button> : null}
      </div>
      <Table<MemberView>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={file.members}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(_m, i) => ({ 'data-testid': `member-row-${i}` } as HTMLAttributes<HTMLElement>)}
      />
      {file.formerMembers.length ? (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[{
            key: 'former',
            label: `已迁出/减少的成员（${file.formerMembers.length}）`,
            children: (
              <Table<MemberView>
                size="small" rowKey="id" pagination={false} dataSource={file.formerMembers} scroll={{ x: 'max-content' }}
                columns={[
                  { title: '姓名', dataIndex: 'name', width: 90 },
                  { title: '关系', dataIndex: 'relationName', width: 80 },
                  { title: '身份证号', dataIndex: 'idNumber', width: 172, render: (v: string) => <span className="mono">{v}</span> },
                  { title: '性别', dataIndex: 'gender', width: 48, render: genderName },
                  { title: '出生日期', dataIndex: 'birthDate', width: 96, render: fmtDate },
                  { title: '离开时间', dataIndex: 'leftAt', width: 140, render: fmtDateTime },
                  { title: '死亡日期', dataIndex: 'deathDate', width: 96, render: fmtDate },
                  { title: '原因', dataIndex: 'leftReason', ellipsis: true }
                ]}
              />
            )
          }]}
        />
      ) : null}

      <FormModal<MemberFormValues>
        open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        name="memberForm"
        width={980}
        title={dialog?.kind === 'edit' ? `修改成员信息：${dialog.member.name}` : '增加家庭成员'}
        okText={dialog?.kind === 'edit' ? '保存修改' : '确定增加'}
        initialValues={dialog?.kind === 'edit' ? memberToForm(dialog.member) : newMemberDefaults()}
        onClose={close}
        testId="member-modal"
        onSubmit={async (v, form) => {
          const member = memberFromForm(v)
          const res = dialog?.kind === 'edit'
            ? await mutate('members.update', { id: dialog.member.id, version, member }, { form, prefix: 'member', success: '成员信息已保存' })
            : await mutate('members.add', { householdId: id, version, member }, { form, prefix: 'member', success: `已增加成员 ${member.name}` })
          return res.ok
        }}
      >
        <MemberFields base={[]} full={[]} idAutoFocus testIdPrefix="member-edit" />
      </FormModal>

      <FormModal<{ reason: string; deathDate?: Dayjs | null }>
        open={dialog?.kind === 'remove'}
        name="memberRemove"
        danger
        title={dialog?.kind === 'remove' ? `减少成员：${dialog.member.name}` : ''}
        okText="确定减少"
        onClose={close}
        onSubmit={async (v, form) => {
          if (dialog?.kind !== 'remove') return false
          const res = await mutate('members.remove', { id: dialog.member.id, version, reason: v.reason, deathDate: v.deathDate ? v.deathDate.format('YYYY-MM-DD') : null }, { form, success: `已减少成员 ${dialog.member.name}` })
          return res.ok
        }}
      >
        <Typography.Paragraph type="secondary">成员减少后仍保留在档案的“已迁出/减少的成员”中，可追溯。</Typography.Paragraph>
        <ReasonField label="减少原因" placeholder="如：死亡、婚嫁迁出、服刑、户口迁出" />
        <Form.Item label="死亡日期（因死亡减少时填写）" name="deathDate">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(new Date())} />
        </Form.Item>
      </FormModal>

      <FormModal<{ toHouseholdId: string; relation: string; reason: string }>
        open={dialog?.kind === 'move'}
        name="memberMove"
        title={dialog?.kind === 'move' ? `迁移成员：${dialog.member.name} 迁入另一户` : ''}
        okText="确定迁移"
        width={640}
        onClose={close}
        onSubmit={async (v, form) => {
          if (dialog?.kind !== 'move') return false
          const res = await mutate('members.move', { id: dialog.member.id, toHouseholdId: v.toHouseholdId, relation: v.relation, reason: v.reason }, { form })
          if (res.ok) feedback.success(`${dialog.member.name} 已迁入所选的家庭档案`)
          return res.ok
        }}
      >
        <Form.Item label="迁入的家庭档案" name="toHouseholdId" rules={[requiredSelect('请选择迁入的家庭档案')]}>
          <HouseholdPicker excludeId={id} />
        </Form.Item>
        <Form.Item label="在新家庭中的与户主关系" name="relation" rules={[requiredSelect('请选择与户主关系')]}>
          <Select options={codeOptions(RELATIONS)} showSearch={{ optionFilterProp: 'search' }} placeholder="输入代码或名称" />
        </Form.Item>
        <ReasonField label="迁移原因" placeholder="如：婚嫁、分户、投靠子女" autoFocus={false} />
      </FormModal>
    </div>
  )
}

/** Select another open household by searching (name, ID number, 档案号). */
function HouseholdPicker({ id, value, onChange, excludeId }: { id?: string; value?: string; onChange?: (v: string) => void; excludeId: string }) {
  const [rows, setRows] = useState<HouseholdListRow[]>([])
  const [loading, setLoading] = useState(false)
  const [q, setQ] = useState('')
  const seq = useRef(0)
  useEffect(() => {
    const t = window.setTimeout(async () => {
      const mine = ++seq.current
      if (!q.trim()) { setRows([]); return }
      setLoading(true)
      try {
        const r = await call('households.search', { q: q.trim(), status: 'open', pageSize: 20 })
        if (mine === seq.current) setRows(r.rows.filter((x) => x.id !== excludeId))
      } catch { if (mine === seq.current) setRows([]) } finally { if (mine === seq.current) setLoading(false) }
    }, 250)
    return () => window.clearTimeout(t)
  }, [q, excludeId])
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      placeholder="输入户主姓名、身份证号或档案号查找"
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      notFoundContent={q ? (loading ? '正在查找…' : '没有找到在办的家庭档案') : '请输入查找条件'}
      options={rows.map((r) => ({ value: r.id, label: `${r.headName}（${r.villageName}${r.groupName ?? ''}，档案号 ${r.fileNo}，${r.memberCount}人）` }))}
      data-testid="move-target"
    />
  )
}
