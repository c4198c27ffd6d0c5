// The plain frame around the first-run, login and forced password pages.
import { Card, Typography } from 'antd'
import type { ReactNode } from 'react'
import { PRIMARY } from './theme'

export function AuthFrame({ title, subtitle, width = 420, county = false, children }: { title: string; subtitle?: ReactNode; width?: number; county?: boolean; children: ReactNode }) {
  return (
    <div style={{ height: '100%', overflow: 'auto', background: `linear-gradient(180deg, ${PRIMARY} 0, ${PRIMARY} 180px, #f3f5f9 180px)` }}>
      <div style={{ maxWidth: width, margin: '0 auto', padding: '32px 16px' }}>
        <div style={{ color: '#fff', textAlign: 'center', marginBottom: 16 }}>
          <div style={{ fontSize: 24, fontWeight: 600, letterSpacing: 2 }}>{county ? '阳光低保 · 县级审核' : '阳光低保 · 乡镇工作台'}</div>
          {subtitle ? <div style={{ opacity: 0.85, marginTop: 4 }}>{subtitle}</div> : null}
        </div>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>{title}</Typography.Title>
          {children}
        </Card>
      </div>
    </div>
  )
}
