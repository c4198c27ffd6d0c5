// 下一步: one button per step the case may move to, with the role that signs it, its due date and what is
// still missing (the server's blockers, shown before the clerk tries). Exits (撤回, 终止, 不予受理, 退回) are
// kept apart from the forward steps.
import { ExclamationCircleOutlined } from '@ant-design/icons'
import { Button, Tag, Tooltip } from 'antd'
import { useState } from 'react'
import type { CaseNextStep, CaseView } from '../../../../../main/api/types'
import { useSession } from '../../../../app/session'
import { EXIT_STEPS } from './labels'
import { SignStepModal } from './SignStepModal'

export function NextSteps({ c, writable, currentBenefitFen }: { c: CaseView; writable: boolean; currentBenefitFen: number | null }) {
  const { operator } = useSession()
  // the kind only: after a reload (rule check, another clerk's write) the dialog shows the fresh step and blockers
  const [signingKind, setSigning] = useState<string | null>(null)
  const signing = signingKind ? c.next.find((n) => n.kind === signingKind) ?? null : null
  const forward = c.next.filter((n) => !EXIT_STEPS.has(n.kind))
  const exits = c.next.filter((n) => EXIT_STEPS.has(n.kind))

  const why = (n: CaseNextStep): string => {
    if (!writable) return '本档案只能查看'
    if (n.role === 'countyApprover') return '由县级民政部门审核确认，结果随县级回执导入'
    if (operator.role !== n.role) return `应由${n.roleLabel}签字，您的角色是${operator.roleLabel}`
    return ''
  }

  // blockers every forward step shares are said once, above the buttons
  const common = forward.length > 1 ? forward[0]!.blockers.filter((b) => forward.every((n) => n.blockers.includes(b))) : []
  const own = (n: CaseNextStep) => n.blockers.filter((b) => !common.includes(b))

  const button = (n: CaseNextStep, exit: boolean) => {
    const blocked = n.blockers.length > 0
    const reason = why(n)
    const mine = !reason
    return (
      <Tooltip title={reason || (blocked ? '还缺少所列内容，签字会被拒绝' : '')}>
        <Button size="small" type={mine && !blocked && !exit ? 'primary' : 'default'} danger={exit && mine && (n.kind === 'withdrawn' || n.kind === 'terminated')}
          disabled={!mine} icon={blocked && mine ? <ExclamationCircleOutlined /> : undefined} onClick={() => setSigning(n.kind)} data-testid={`sign-${n.kind}`}>
          {`办理：${n.label}`}
        </Button>
      </Tooltip>
    )
  }
  const meta = (n: CaseNextStep) => (
    <span className="case-next-meta">
      {n.roleLabel}签字
      {n.due ? <> · 期限 {n.due}{n.overdue ? <Tag color="red" style={{ marginInlineStart: 4 }}>已超期</Tag> : null}</> : null}
      {n.warnings.map((w) => <span key={w} style={{ color: '#d46b08' }}> · {w}</span>)}
    </span>
  )

  return (
    <div data-testid="next-steps">
      {common.length ? (
        <div className="case-common-blockers">
          <b>继续办理前须先：</b>
          <ul className="case-blockers" aria-label="继续办理前须先">{common.map((b) => <li key={b}>{b}</li>)}</ul>
        </div>
      ) : null}
      {forward.map((n) => {
        const mine = !why(n)
        const list = own(n)
        return (
          <div key={n.kind} className={`case-next-row${list.length && mine ? ' blocked' : ''}`} data-testid={`next-${n.kind}`}>
            {button(n, false)}
            {meta(n)}
            {list.length ? <ul className="case-blockers" aria-label={`${n.label}还缺少`}>{list.map((b) => <li key={b}>{b}</li>)}</ul> : null}
          </div>
        )
      })}
      {exits.length ? (
        <div className="case-next-exits">
          <span className="case-muted">其他办理结果：</span>
          {exits.map((n) => (
            <span key={n.kind} className="case-next-exit" data-testid={`next-${n.kind}`}>
              {button(n, true)}
              <span className="case-next-meta">{n.roleLabel}</span>
              {n.blockers.length ? <Tooltip title={n.blockers.join('；')}><ExclamationCircleOutlined style={{ color: '#d46b08' }} aria-label={n.blockers.join('；')} /></Tooltip> : null}
            </span>
          ))}
        </div>
      ) : null}
      {signing ? <SignStepModal c={c} step={signing} currentBenefitFen={currentBenefitFen} onClose={() => setSigning(null)} /> : null}
    </div>
  )
}
