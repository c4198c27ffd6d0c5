// Startup: setup.status → (first run: Setup) → auth.me → (nobody: Login) → (temporary password:
// forced change) → the work area. Any "please log in" from the server drops back to Login.
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { CountyOfficeView, InstallMode, OperatorView, TownshipView } from '../../main/api/types'
import { ApiError, call, onAuthLost, SESSION_EXPIRED_MESSAGE } from '../api'
import { AccountPage } from './AccountPage'
import { FeedbackBridge } from './feedback'
import { AppLayout } from './Layout'
import { LoginPage } from './LoginPage'
import { currentPath, navigate, useRoute, type RouteName } from './router'
import { SessionContext, homePath, isAdmin, setLoginHint, useSession, type SessionValue } from './session'
import { SetupPage, type SetupDone } from './SetupPage'
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
import { CountyPackagesPage } from '../pages/county/CountyPackagesPage'
import { CountyPackagePage } from '../pages/county/CountyPackagePage'

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

/** Which office this installation serves (setup.status). */
interface Office { mode: InstallMode | null; township: TownshipView | null; county: CountyOfficeView | null }
const NO_OFFICE: Office = { mode: null, township: null, county: null }

function Main() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const [office, setOffice] = useState<Office>(NO_OFFICE)
  const returnTo = useRef<string | null>(null)

  const rememberTarget = () => {
    const p = currentPath()
    if (!PUBLIC_PATHS.includes(p) && p !== '/') returnTo.current = p
  }

  const boot = useCallback(async () => {
    try {
      const st = await call('setup.status', {})
      setOffice({ mode: st.mode, township: st.township, county: st.county })
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
    navigate(target ?? homePath(office.mode), { replace: true }) // a temporary password shows the forced change page first
  }, [office.mode])

  const session = useMemo<SessionValue | null>(() => {
    if (phase.kind !== 'ready') return null
    return {
      mode: office.mode ?? 'township',
      township: office.township,
      county: office.county,
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
  }, [phase, office])

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
    const done = (r: SetupDone) => {
      setOffice(r.mode === 'county' ? { mode: 'county', township: null, county: r.county } : { mode: 'township', township: r.township, county: null })
      setLoginHint(r.username)
      setPhase({ kind: 'login' })
      navigate('/login', { replace: true })
    }
    return <SetupPage onDone={done} />
  }
  if (phase.kind === 'login') {
    return <LoginPage office={office} onLoggedIn={onLoggedIn} />
  }
  return (
    <SessionContext.Provider value={session}>
      {phase.operator.mustChangePassword ? <AccountPage forced /> : <Routed />}
    </SessionContext.Provider>
  )
}

/** The pages of a county install (县级安装): it has no households, cases or township settings. */
const COUNTY_ROUTES = new Set<RouteName>(['county', 'countyPackage', 'keys', 'operators', 'account'])

function Routed() {
  const route = useRoute()
  const session = useSession()
  const admin = isAdmin(session.operator)
  const county = session.mode === 'county'
  const home = homePath(session.mode)

  useEffect(() => {
    if (route.name === 'login' || route.name === 'setup' || route.name === 'notFound') navigate(home, { replace: true })
    if ((route.name === 'operators' || route.name === 'villages' || route.name === 'standards') && !admin) navigate(home, { replace: true })
    if (county ? !COUNTY_ROUTES.has(route.name) : route.name === 'county' || route.name === 'countyPackage') navigate(home, { replace: true })
  }, [route.name, admin, county, home])

  if (county) {
    let page: ReactNode = null
    switch (route.name) {
      case 'county': page = <CountyPackagesPage />; break
      case 'countyPackage': page = <CountyPackagePage key={route.params.id} id={route.params.id!} />; break
      case 'keys': page = <KeysPage />; break
      case 'operators': page = admin ? <OperatorsPage /> : null; break
      case 'account': page = <AccountPage />; break
      default: page = null
    }
    return <AppLayout route={route}>{page}</AppLayout>
  }

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

