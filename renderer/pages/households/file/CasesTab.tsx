// 案件办理: the household's cases, the open one first. Open a case (新申请 for a household still applying;
// 复核/变更/停保/渐退/恢复 for one in payment); each case card shows what to sign next and what is missing, the
// rule flags, the records, the decision and the signed history. The server decides every step (transition,
// role, separation of duties, records, dates); its Chinese messages and field errors are shown on the forms.
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Spin, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { CaseView } from '../../../../main/api/types'
import { statusName } from '../../../app/format'
import { useSession } from '../../../app/session'
import { useApi } from '../../../app/useApi'
import { useFile } from './context'
import { CaseCard } from './case/CaseCard'
import { OpenCaseModal } from './case/OpenCaseModal'
import './case/case.css'

/** `#/households/<id>?tab=cases&case=<caseId>` → the case to expand and scroll to. */
function focusedCase(): string | null {
  const q = window.location.hash.split('?')[1]
  return q ? new URLSearchParams(q).get('case') : null
}

/** The amount of the household's latest decision (HouseholdView has no benefit field): for 动态管理 comparisons. */
export function CasesTab() {
  const { id, writable, file } = useFile()
  const { operator } = useSession()
  const list = useApi('cases.forHousehold', { householdId: id })
  const [opening, setOpening] = useState(false)
  const [focus, setFocus] = useState<string | null>(focusedCase)
  const cases = useMemo(() => [...(list.data ?? [])].sort((a, b) => Number(!!a.closedAt) - Number(!!b.closedAt)), [list.data])
  const openCase = cases.find((c) => !c.closedAt)
  const status = file.household.status
  const applying = status === 'applying'
  const signer = operator.role === 'handler'
  // the amount in payment now (decisions, 提标 and legacy files alike)
  const benefit = file.household.benefitFen

  return (
    <div data-testid="cases-tab">
      <div className="page-toolbar">
        <Typography.Text>
          共 {cases.length} 个案件{openCase ? `，其中 1 个在办（${openCase.caseNo}）` : ''}
        </Typography.Text>
        {list.loading && list.data ? <Spin size="small" /> : null}
        <div className="grow" />
        {writable && !openCase ? (
          <Button type="primary" icon={<PlusOutlined />} disabled={!signer} title={signer ? '' : '开案由经办人登记'} onClick={() => setOpening(true)}>
            {applying ? '受理新申请' : '登记复核/变更'}
          </Button>
        ) : null}
      </div>
      {list.error ? <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 8 }} /> : null}
      {!cases.length && !list.loading ? (
        <Empty description={
          <span>
            本户还没有案件。
            {writable ? (applying ? '收到申请后点“受理新申请”登记。' : `档案状态为“${statusName(status)}”：到期复核或情况变化时点“登记复核/变更”。`) : ''}
          </span>
        } />
      ) : null}
      {!list.data && list.loading ? <div style={{ textAlign: 'center', padding: 24 }}><Spin /></div> : null}
      {cases.map((c) => (
        <CaseCard key={c.id} c={c} writable={writable} currentBenefitFen={benefit} focus={focus === c.id && cases.length > 1} />
      ))}
      {opening ? (
        <OpenCaseModal householdId={id} status={status} onClose={() => setOpening(false)} onOpened={(caseId) => { setFocus(caseId); list.reload() }} />
      ) : null}
    </div>
  )
}
