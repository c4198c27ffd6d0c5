// 家庭档案 list: search as you type (name, pinyin initials, ID number or its last 6, 档案号),
// filters, server-side sorting and pagination, virtualised rows. "/" or Ctrl+F focuses the search.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons'
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd'
import type { InputRef, TableProps, TableRef } from 'antd'
import { useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react'
import type { HouseholdListRow } from '../../../main/api/types'
import { HOUSEHOLD_CATEGORIES, HOUSEHOLD_STATUSES } from '../../../main/domain/codes'
import type { Input as ApiInput } from '../../api'
import { categoryName, fmtDateTime, StatusTag } from '../../app/format'
import { navigate } from '../../app/router'
import { canWrite, useSession } from '../../app/session'
import { useApi } from '../../app/useApi'

type Search = ApiInput<'households.search'>
type SortKey = NonNullable<Search['sort']>

/** The server lists at most this many households per query (main/services/search.ts MATCH_CAP). */
const LIST_CAP = 5000

export const SEARCH_PLACEHOLDER = '姓名 / 拼音首字母 / 身份证号（全号或后6位）/ 档案号'

const STATUS_OPTIONS = [
  { value: 'open', label: '在办（申请中/在保/暂停/渐退期）' },
  ...HOUSEHOLD_STATUSES.map((s) => ({ value: s.code, label: s.name })),
  { value: 'all', label: '全部状态' }
]

// Remembered while the app runs, so "back to the list" keeps the clerk's place.
// sortChosen: the clerk clicked a column; until then a search lists the best matches first (relevance)
let lastState: { q: string; villageCode?: string; category?: string; status: string; sort: SortKey; sortChosen: boolean; order: 'asc' | 'desc'; page: number; pageSize: number } = {
  q: '', status: 'open', sort: 'fileNo', sortChosen: false, order: 'asc', page: 1, pageSize: 50
}

function useWindowHeight(): number {
  const [h, setH] = useState(window.innerHeight)
  useEffect(() => {
    const on = () => setH(window.innerHeight)
    window.addEventListener('resize', on)
    return () => window.removeEventListener('resize', on)
  }, [])
  return h
}

export function ListPage() {
  const session = useSession()
  const [state, setState] = useState(lastState)
  const [text, setText] = useState(lastState.q)
  const searchRef = useRef<InputRef>(null)
  const tableWrap = useRef<HTMLDivElement>(null)
  const tableRef = useRef<TableRef>(null)
  const height = useWindowHeight()
  useEffect(() => { lastState = state }, [state])

  // 250 ms debounce on typing
  useEffect(() => {
    if (text === state.q) return
    const t = window.setTimeout(() => setState((s) => ({ ...s, q: text, page: 1 })), 250)
    return () => window.clearTimeout(t)
  }, [text, state.q])

  // "/" or Ctrl+F focuses the search box
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null
      const typing = !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)
      if ((e.key === 'f' || e.key === 'F') && (e.ctrlKey || e.metaKey)) { e.preventDefault(); searchRef.current?.focus({ cursor: 'all' }) }
      else if (e.key === '/' && !typing) { e.preventDefault(); searchRef.current?.focus({ cursor: 'all' }) }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const effectiveSort: SortKey = state.q.trim() && !state.sortChosen ? 'relevance' : state.sort
  const input: Search = {
    q: state.q.trim(),
    villageCode: state.villageCode ?? null,
    category: (state.category as 'urban' | 'rural' | undefined) ?? null,
    status: state.status === 'all' ? null : (state.status as Search['status']),
    sort: effectiveSort, order: state.order, page: state.page, pageSize: state.pageSize
  }
  const { data, loading, error } = useApi('households.search', input)
  const villages = useApi('villages.list', { includeInactive: true }, { reloadOnMutation: false })

  const rows = data?.rows ?? []
  // a new result starts at its first row (the virtual list would otherwise keep the old offset)
  useEffect(() => { tableRef.current?.scrollTo({ top: 0 }) }, [data])
  const open = (row: HouseholdListRow) => navigate(`/households/${row.id}`)
  const focusRow = (i: number) => {
    const trs = tableWrap.current?.querySelectorAll<HTMLElement>('[data-row-index]')
    const tr = trs ? Array.from(trs).find((t) => t.dataset.rowIndex === String(i)) : undefined
    tr?.focus()
  }

  const sortOrderOf = (k: SortKey) => (effectiveSort === k ? (state.order === 'asc' ? 'ascend' : 'descend') : null)
  const columns: TableProps<HouseholdListRow>['columns'] = useMemo(() => [
    { title: '档案号', dataIndex: 'fileNo', key: 'fileNo', width: 150, sorter: true, sortOrder: sortOrderOf('fileNo'), render: (v: string) => <span className="mono">{v}</span> },
    { title: '村（社区）', key: 'village', width: 170, sorter: true, sortOrder: sortOrderOf('village'), ellipsis: true, render: (_: unknown, r: HouseholdListRow) => `${r.villageName}${r.groupName ? ' ' + r.groupName : ''}` },
    { title: '户主', dataIndex: 'headName', key: 'headName', width: 100, sorter: true, sortOrder: sortOrderOf('headName'), ellipsis: true },
    { title: '身份证号', dataIndex: 'headIdMasked', key: 'headIdMasked', width: 170, render: (v: string) => <span className="mono">{v}</span> },
    { title: '人数', dataIndex: 'memberCount', key: 'memberCount', width: 70, align: 'right', sorter: true, sortOrder: sortOrderOf('memberCount') },
    { title: '类别', dataIndex: 'category', key: 'category', width: 90, render: (v: string) => categoryName(v) },
    { title: '状态', dataIndex: 'status', key: 'status', width: 100, render: (v: string, r: HouseholdListRow) => <Space size={2}><StatusTag status={v} />{r.legacyImport ? <Typography.Text type="warning" style={{ fontSize: 12 }} title="历史档案导入，待复核">待复核</Typography.Text> : null}</Space> },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 140, sorter: true, sortOrder: sortOrderOf('updatedAt'), render: (v: string) => fmtDateTime(v) }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  ], [effectiveSort, state.order])
  const tableWidth = 990

  const onTableChange: TableProps<HouseholdListRow>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter
    const key = (s?.order ? s.columnKey : undefined) as SortKey | undefined
    setState((prev) => {
      const pageSize = pagination.pageSize ?? prev.pageSize
      const sortChanged = (key ?? 'fileNo') !== prev.sort || (s?.order === 'descend' ? 'desc' : 'asc') !== prev.order
      return {
        ...prev,
        sort: key ?? 'fileNo',
        sortChosen: !!key,
        order: key && s?.order === 'descend' ? 'desc' : 'asc',
        pageSize,
        page: sortChanged || pageSize !== prev.pageSize ? 1 : pagination.current ?? 1
      }
    })
  }

  const scrollY = Math.max(220, height - 48 - 24 - 96 - 40 - 40 - (data?.capped ? 48 : 0))
  const villageOptions = (villages.data ?? []).map((v) => ({ value: v.code, label: v.active ? v.name : `${v.name}（已停用）` }))

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={5} style={{ margin: 0, marginRight: 8 }}>家庭档案</Typography.Title>
        <Input
          ref={searchRef}
          autoFocus
          allowClear
          prefix={<SearchOutlined />}
          placeholder={SEARCH_PLACEHOLDER}
          aria-label="查找家庭档案"
          data-testid="household-search"
          value={text}
          onChange={(e) => { setText(e.target.value); if (!e.target.value) setState((s) => ({ ...s, q: '', page: 1 })) }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              if (text !== state.q) setState((s) => ({ ...s, q: text, page: 1 }))
              else if (rows.length === 1) open(rows[0]!)
              else if (rows.length > 1) focusRow(0)
            } else if (e.key === 'ArrowDown' && rows.length) { e.preventDefault(); focusRow(0) }
          }}
          style={{ width: 400 }}
        />
        <Select
          allowClear placeholder="全部村（社区）" style={{ width: 150 }} options={villageOptions} aria-label="村（社区）"
          showSearch={{ optionFilterProp: 'label' }}
          value={state.villageCode} onChange={(v?: string) => setState((s) => ({ ...s, villageCode: v, page: 1 }))}
        />
        <Select
          allowClear placeholder="全部类别" style={{ width: 110 }} aria-label="类别"
          options={HOUSEHOLD_CATEGORIES.map((c) => ({ value: c.code, label: c.name }))}
          value={state.category} onChange={(v?: string) => setState((s) => ({ ...s, category: v, page: 1 }))}
        />
        <Select
          style={{ width: 130 }} aria-label="状态" options={STATUS_OPTIONS} popupMatchSelectWidth={false}
          labelRender={({ value }) => (value === 'open' ? '在办' : STATUS_OPTIONS.find((o) => o.value === value)?.label)}
          value={state.status} onChange={(v: string) => setState((s) => ({ ...s, status: v, page: 1 }))}
        />
        <div className="grow" />
        {canWrite(session.operator) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/households/new')}>新建家庭档案</Button>
        ) : null}
      </div>
      <div style={{ marginBottom: 6, minHeight: 22 }}>
        <Space size={12}>
          <Typography.Text data-testid="household-total">共 {data?.total ?? 0} 户</Typography.Text>
          {data?.matchedBy && state.q ? <Typography.Text type="secondary" data-testid="matched-by">按{data.matchedBy}匹配{effectiveSort === 'relevance' ? '，最接近的排在前面（点列头可改为按该列排序）' : ''}</Typography.Text> : null}
          {data && !data.capped && data.total >= LIST_CAP ? <Typography.Text type="secondary">最多列出前 {LIST_CAP} 户，请用查找或筛选条件缩小范围</Typography.Text> : null}
          {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : null}
        </Space>
      </div>
      {data?.capped ? (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`匹配结果超过 ${data.cap} 户，仅列出前 ${data.cap} 户，请输入更完整的姓名或加筛选条件`} data-testid="capped-warning" />
      ) : null}
      <div ref={tableWrap}>
        <Table<HouseholdListRow>
          ref={tableRef}
          virtual
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={loading}
          scroll={{ y: scrollY, x: tableWidth }}
          onChange={onTableChange}
          locale={{ emptyText: state.q ? '没有找到匹配的家庭档案' : '暂无家庭档案' }}
          rowClassName={() => 'clickable-row'}
          onRow={(r, i) => ({
            onClick: () => open(r),
            onKeyDown: (e) => {
              if (e.key === 'Enter') open(r)
              else if (e.key === 'ArrowDown') { e.preventDefault(); focusRow((i ?? 0) + 1) }
              else if (e.key === 'ArrowUp') { e.preventDefault(); if (!i) searchRef.current?.focus(); else focusRow(i - 1) }
            },
            tabIndex: 0,
            'data-row-index': i,
            'data-testid': `household-row-${i}`
          } as HTMLAttributes<HTMLElement>)}
          pagination={{
            current: state.page, pageSize: state.pageSize, total: data?.total ?? 0, showSizeChanger: true,
            pageSizeOptions: [50, 100, 200], showTotal: (t) => `共 ${t} 户`, size: 'small'
          }}
        />
      </div>
    </div>
  )
}
