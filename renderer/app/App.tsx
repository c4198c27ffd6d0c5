// Startup: setup.status → (first run: Setup) → auth.me → (nobody: Login) → (temporary password:
// forced change) → the work area. Any "please log in" from the server drops back to Login.
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { OperatorView, TownshipView } from '../../main/api/types'
import { ApiError, call, onAuthLost, SESSION_EXPIRED_MESSAGE } from '../api'
import { AccountPage } from './AccountPage'
import { FeedbackBridge } from './feedback'
import { AppLayout } from './Layout'
import { LoginPage } from './LoginPage'
import { currentPath, navigate, useRoute } from './router'
import { SessionContext, isAdmin, setLoginHint, useSession, type SessionValue } from './session'
import { SetupPage } from './SetupPage'
import { appTheme } from './theme'
import { ListPage } from '../pages/households/ListPage'
import { TodoPage } from '../pages/cases/TodoPage'
import { CreatePage } from '../pages/households/CreatePage'
import { FilePage } from '../pages/households/FilePage'
import { OperatorsPage } from '../pages/settings/OperatorsPage'
import { VillagesPage } from '../pages/settings/VillagesPage'
import { StandardsPage } from '../pages/settings/StandardsPage'
import { RelativesPage } from '../pages/settings/RelativesPage'
import { PolicyPage } from '../pages/settings/PolicyPage'
import { PledgesPage } from '../pages/settings/PledgesPage'
import { TemplatesPage } from '../pages/settings/TemplatesPage'
import { KeysPage } from '../pages/settings/KeysPage'
import { MeetingsPage } from '../pages/meetings/MeetingsPage'
import { MeetingPage } from '../pages/meetings/MeetingPage'
import { NoticesPage } from '../pages/notices/NoticesPage'
import { NoticePage } from '../pages/notices/NoticePage'
import { RecheckPage } from '../pages/recheck/RecheckPage'
import { VerifyPage } from '../pages/documents/VerifyPage'
import { PackagesPage } from '../pages/packages/PackagesPage'

type Phase =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'login' }
  | { kind: 'ready'; operator: OperatorView }
  | { kind: 'error'; message: string; expired: boolean }

export function Root() {
  return (
    <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }}>
        <FeedbackBridge />
        <Main />
      </AntApp>
    </ConfigProvider>
  )
}

const PUBLIC_PATHS = ['/login', '/setup']

function Main() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const [township, setTownship] = useState<TownshipView | null>(null)
  const returnTo = useRef<string | null>(null)

  const rememberTarget = () => {
    const p = currentPath()
    if (!PUBLIC_PATHS.includes(p) && p !== '/') returnTo.current = p
  }

  const boot = useCallback(async () => {
    try {
      const st = await call('setup.status', {})
      setTownship(st.township)
      if (!st.initialized) { setPhase({ kind: 'setup' }); navigate('/setup', { replace: true }); return }
      const me = await call('auth.me', {})
      if (!me) { rememberTarget(); setPhase({ kind: 'login' }); navigate('/login', { replace: true }); return }
      setPhase({ kind: 'ready', operator: me })
    } catch (e) {
      const err = e as ApiError
      setPhase({ kind: 'error', message: err.message ?? String(e), expired: err.code === 'UNAUTHENTICATED' && err.message === SESSION_EXPIRED_MESSAGE })
    }
  }, [])

  useEffect(() => { void boot() }, [boot])

  useEffect(() => onAuthLost((err) => {
    if (err.message === SESSION_EXPIRED_MESSAGE) { setPhase({ kind: 'error', message: err.message, expired: true }); return }
    rememberTarget()
    setPhase((p) => (p.kind === 'ready' ? { kind: 'login' } : p))
    navigate('/login', { replace: true })
  }), [])

  const onLoggedIn = useCallback((op: OperatorView) => {
    setPhase({ kind: 'ready', operator: op })
    const target = returnTo.current
    returnTo.current = null
    navigate(target ?? '/households', { replace: true }) // a temporary password shows the forced change page first
  }, [])

  const session = useMemo<SessionValue | null>(() => {
    if (phase.kind !== 'ready') return null
    return {
      township,
      operator: phase.operator,
      refresh: async () => {
        const me = await call('auth.me', {})
        if (me) setPhase({ kind: 'ready', operator: me })
        else { setPhase({ kind: 'login' }); navigate('/login', { replace: true }) }
      },
      logout: async () => {
        returnTo.current = null
        try { await call('auth.logout', {}) } catch { /* already gone */ }
        setPhase({ kind: 'login' })
        navigate('/login', { replace: true })
      }
    }
  }, [phase, township])

  if (phase.kind === 'loading') {
    return <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}><Spin size="large" description="正在连接…" /></div>
  }
  if (phase.kind === 'error') {
    return (
      <Result
        status={phase.expired ? 'warning' : 'error'}
        title={phase.expired ? '浏览器会话已失效' : '无法连接到本机服务'}
        subTitle={phase.message}
        extra={phase.expired ? null : <Button type="primary" onClick={() => { setPhase({ kind: 'loading' }); void boot() }}>重新连接</Button>}
      />
    )
  }
  if (phase.kind === 'setup') {
    return <SetupPage onDone={(t, username) => { setTownship(t); setLoginHint(username); setPhase({ kind: 'login' }); navigate('/login', { replace: true }) }} />
  }
  if (phase.kind === 'login') {
    return <LoginPage township={township} onLoggedIn={onLoggedIn} />
  }
  return (
    <SessionContext.Provider value={session}>
      {phase.operator.mustChangePassword ? <AccountPage forced /> : <Routed />}
    </SessionContext.Provider>
  )
}

function Routed() {
  const route = useRoute()
  const session = useSession()
  const admin = isAdmin(session.operator)

  useEffect(() => {
    if (route.name === 'login' || route.name === 'setup' || route.name === 'notFound') navigate('/households', { replace: true })
    if ((route.name === 'operators' || route.name === 'villages' || route.name === 'standards') && !admin) navigate('/households', { replace: true })
  }, [route.name, admin])

  let page: ReactNode = null
  switch (route.name) {
    case 'households': page = <ListPage />; break
    case 'todo': page = <TodoPage />; break
    case 'householdNew': page = <CreatePage />; break
    case 'household': page = <FilePage key={route.params.id} id={route.params.id!} />; break
    case 'operators': page = admin ? <OperatorsPage /> : null; break
    case 'villages': page = admin ? <VillagesPage /> : null; break
    case 'account': page = <AccountPage />; break
    case 'meetings': page = <MeetingsPage />; break
    case 'meeting': page = <MeetingPage key={route.params.id} id={route.params.id!} />; break
    case 'notices': page = <NoticesPage />; break
    case 'notice': page = <NoticePage key={route.params.id} id={route.params.id!} />; break
    case 'recheck': page = <RecheckPage />; break
    case 'standards': page = admin ? <StandardsPage /> : null; break
    case 'relatives': page = <RelativesPage />; break
    case 'verify': page = <VerifyPage />; break
    case 'packages': page = <PackagesPage />; break
    case 'policy': page = <PolicyPage />; break
    case 'pledges': page = <PledgesPage />; break
    case 'templates': page = <TemplatesPage />; break
    case 'keys': page = <KeysPage />; break
    default: page = null
  }
  return <AppLayout route={route}>{page}</AppLayout>
}

