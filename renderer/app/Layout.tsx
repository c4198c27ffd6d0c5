// The work area: collapsible left menu, header with township and operator, scrolling content.
import { HomeOutlined, ScheduleOutlined, KeyOutlined, LogoutOutlined, SettingOutlined, TeamOutlined, UserOutlined, EnvironmentOutlined, AuditOutlined, CommentOutlined, NotificationOutlined, SyncOutlined, AccountBookOutlined, UsergroupAddOutlined, ControlOutlined, SafetyCertificateOutlined, SolutionOutlined, FileTextOutlined, SafetyOutlined, SendOutlined, InboxOutlined } from '@ant-design/icons'
import { Button, Layout, Menu, Space, Tag, Tooltip } from 'antd'
import type { MenuProps } from 'antd'
import { useState, type ReactNode } from 'react'
import { navigate, type Route } from './router'
import { isAdmin, officeTitle, roleLabel, useSession } from './session'

const { Header, Sider, Content } = Layout

export function AppLayout({ route, children }: { route: Route; children: ReactNode }) {
  const session = useSession()
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < 1200)
  const admin = isAdmin(session.operator)
  const county = session.mode === 'county'

  // a county install (县级安装) has no households, cases or township settings: only the packages it reviews
  const countyItems: MenuProps['items'] = [
    { key: '/county', icon: <InboxOutlined />, label: '报送包审核' },
    {
      key: 'settings', icon: <SettingOutlined />, label: '系统设置',
      children: [
        { key: '/settings/keys', icon: <SafetyOutlined />, label: '数据交换密钥' },
        ...(admin ? [{ key: '/settings/operators', icon: <TeamOutlined />, label: '操作员' }] : [])
      ]
    }
  ]
  const townshipItems: MenuProps['items'] = [
    { key: '/households', icon: <HomeOutlined />, label: '家庭档案' },
    {
      key: 'work', icon: <AuditOutlined />, label: '业务办理',
      children: [
        { key: '/todo', icon: <ScheduleOutlined />, label: '待办案件' },
        { key: '/meetings', icon: <CommentOutlined />, label: '民主评议' },
        { key: '/notices', icon: <NotificationOutlined />, label: '公示' },
        { key: '/recheck', icon: <SyncOutlined />, label: '复核管理' },
        { key: '/verify', icon: <SafetyCertificateOutlined />, label: '文书核验' },
        { key: '/packages', icon: <SendOutlined />, label: '报送县级' }
      ]
    },
    {
      key: 'settings', icon: <SettingOutlined />, label: '系统设置',
      children: [
        ...(admin ? [{ key: '/settings/standards', icon: <AccountBookOutlined />, label: '低保标准与提标' }] : []),
        { key: '/settings/relatives', icon: <UsergroupAddOutlined />, label: '近亲属备案' },
        { key: '/settings/pledges', icon: <SolutionOutlined />, label: '干部承诺书' },
        { key: '/settings/policy', icon: <ControlOutlined />, label: '政策参数' },
        { key: '/settings/templates', icon: <FileTextOutlined />, label: '文书模板' },
        { key: '/settings/keys', icon: <SafetyOutlined />, label: '数据交换密钥' },
        ...(admin ? [
          { key: '/settings/operators', icon: <TeamOutlined />, label: '操作员' },
          { key: '/settings/villages', icon: <EnvironmentOutlined />, label: '村（社区）' }
        ] : [])
      ]
    }
  ]
  const items = county ? countyItems : townshipItems
  const selected = route.name === 'countyPackage' ? '/county'
    : route.name === 'household' || route.name === 'householdNew' ? '/households'
    : route.name === 'meeting' ? '/meetings'
      : route.name === 'notice' ? '/notices'
        : route.path

  return (
    <Layout style={{ height: '100%' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, color: '#fff', lineHeight: '48px', minWidth: 0 }}>
        <div style={{ fontSize: 16, fontWeight: 600, whiteSpace: 'nowrap' }}>阳光低保</div>
        <div data-testid="township-name" style={{ opacity: 0.9, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}>
          {county ? `${officeTitle(session)} · 县级安装` : officeTitle(session)}
        </div>
        <div style={{ flex: 1 }} />
        <Space size={8} style={{ whiteSpace: 'nowrap' }}>
          <span data-testid="operator-name"><UserOutlined /> {session.operator.name}</span>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>{roleLabel(session.operator, session.mode)}</Tag>
          <Tooltip title="修改自己的登录密码">
            <Button size="small" ghost icon={<KeyOutlined />} onClick={() => navigate('/account')}>修改密码</Button>
          </Tooltip>
          <Button size="small" ghost icon={<LogoutOutlined />} onClick={() => { void session.logout() }}>退出登录</Button>
        </Space>
      </Header>
      <Layout style={{ minHeight: 0 }}>
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={180} collapsedWidth={56} theme="light" style={{ borderRight: '1px solid #e5e8ef' }}>
          <Menu
            mode="inline"
            inlineIndent={16}
            selectedKeys={[selected]}
            defaultOpenKeys={county ? ['settings'] : ['work', 'settings']}
            items={items}
            onClick={({ key }) => { if (key.startsWith('/')) navigate(key) }}
            style={{ borderInlineEnd: 'none' }}
          />
        </Sider>
        <Content id="app-content" style={{ overflow: 'auto', minWidth: 0 }}>
          {children}
        </Content>
      </Layout>
    </Layout>
  )
}
