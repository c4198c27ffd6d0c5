// A tiny hash router: #/households, #/households/:id … (no router library; the app has a handful
// of routes and must work from file://, app:// and the loopback shell alike).
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

export type RouteName =
  | 'login' | 'setup' | 'todo' | 'households' | 'householdNew' | 'household' | 'operators' | 'villages' | 'account' | 'notFound'
  | 'meetings' | 'meeting' | 'notices' | 'notice' | 'recheck' | 'standards' | 'relatives' | 'policy' | 'verify' | 'pledges' | 'templates' | 'keys' | 'packages'
  | 'county' | 'countyPackage'

export interface Route { name: RouteName; path: string; params: Record<string, string> }

const PATTERNS: Array<[RouteName, string]> = [
  ['login', '/login'],
  ['setup', '/setup'],
  ['todo', '/todo'],
  ['households', '/households'],
  ['householdNew', '/households/new'],
  ['household', '/households/:id'],
  ['operators', '/settings/operators'],
  ['villages', '/settings/villages'],
  ['meetings', '/meetings'],
  ['meeting', '/meetings/:id'],
  ['notices', '/notices'],
  ['notice', '/notices/:id'],
  ['recheck', '/recheck'],
  ['verify', '/verify'],
  ['packages', '/packages'],
  ['standards', '/settings/standards'],
  ['relatives', '/settings/relatives'],
  ['policy', '/settings/policy'],
  ['pledges', '/settings/pledges'],
  ['templates', '/settings/templates'],
  ['keys', '/settings/keys'],
  ['account', '/account'],
  ['county', '/county'],
  ['countyPackage', '/county/:id']
]

export function currentPath(): string {
  const h = window.location.hash.replace(/^#/, '')
  return h.startsWith('/') ? h.replace(/\?.*$/, '') : '/'
}

export function matchPath(path: string): Route {
  const parts = path.split('/').filter(Boolean)
  for (const [name, pattern] of PATTERNS) {
    const pp = pattern.split('/').filter(Boolean)
    if (pp.length !== parts.length) continue
    const params: Record<string, string> = {}
    if (pp.every((seg, i) => (seg.startsWith(':') ? ((params[seg.slice(1)] = decodeURIComponent(parts[i]!)), true) : seg === parts[i]))) {
      return { name, path, params }
    }
  }
  return { name: 'notFound', path, params: {} }
}

function subscribe(fn: () => void): () => void {
  window.addEventListener('hashchange', fn)
  return () => window.removeEventListener('hashchange', fn)
}

export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, currentPath, currentPath)
  return matchPath(path)
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const target = '#' + (to.startsWith('/') ? to : '/' + to)
  if (window.location.hash === target) return
  if (opts.replace) {
    window.history.replaceState(null, '', target)
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  } else {
    window.location.hash = target
  }
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return (
    <a
      href={'#' + to}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(e)
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return
        e.preventDefault()
        navigate(to)
      }}
      {...rest}
    />
  )
}
