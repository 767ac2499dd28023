import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, type MenuProps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.js';
import type { WebModule } from '../modules.js';
import { findRoute } from '../nav.js';
import { PRODUCT_NAME } from '../product.js';
import { OrgSwitcher } from './org-switcher.js';
import { UserMenu } from './user-menu.js';

const HEADER_BG = '#8e1b1b';

function menuItems(modules: WebModule[]): MenuProps['items'] {
  return modules
    .filter((m) => m.routes.some((r) => !r.hidden))
    .map((m) => {
      const listed = m.routes.filter((r) => !r.hidden);
      const only = listed.length === 1 ? listed[0] : undefined;
      if (only) return { key: only.path, icon: m.icon, label: m.title };
      return {
        key: m.key,
        icon: m.icon,
        label: m.title,
        children: listed.map((r) => ({ key: r.path, label: r.title })),
      };
    });
}

export function AppLayout({ modules }: { modules: WebModule[] }) {
  const { orgId, scopeOrgs } = useAuth();
  const screens = Grid.useBreakpoint();
  // Until the breakpoints are measured `lg` is undefined: lay out for a laptop.
  const mobile = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const current = findRoute(modules, location.pathname);
  const items = useMemo(() => menuItems(modules), [modules]);
  const [openKeys, setOpenKeys] = useState<string[]>(current ? [current.module.key] : []);

  useEffect(() => {
    document.title = current ? `${current.route.title} - ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [current]);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[current?.route.hidden ? location.pathname.replace(/\/[^/]+$/, '') : location.pathname]}
      openKeys={collapsed && !mobile ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        navigate(key);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: mobile ? 8 : 16,
          background: HEADER_BG,
          position: 'sticky',
          top: 0,
          zIndex: 10,
          height: 56,
          lineHeight: '56px',
        }}
      >
        {mobile && (
          <Button
            type="text"
            aria-label="打开菜单"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Typography.Text
          strong
          ellipsis
          style={{
            color: '#fff',
            fontSize: mobile ? 16 : 18,
            letterSpacing: 1,
            flex: '0 1 auto',
            minWidth: 0,
          }}
        >
          {PRODUCT_NAME}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        {!mobile && <OrgSwitcher width={260} />}
        <UserMenu compact={mobile} />
      </Layout.Header>
      <Layout>
        {!mobile && (
          <Layout.Sider
            theme="light"
            width={208}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            style={{
              borderInlineEnd: '1px solid #f0f0f0',
              position: 'sticky',
              top: 56,
              height: 'calc(100vh - 56px)',
              overflow: 'auto',
            }}
          >
            {menu}
          </Layout.Sider>
        )}
        {mobile && (
          <Drawer
            title="功能菜单"
            placement="left"
            width={260}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            styles={{ body: { padding: 0 } }}
          >
            {scopeOrgs.length > 1 && (
              <div style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }}>
                <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
                  机构范围
                </Typography.Text>
                <OrgSwitcher width="100%" />
              </div>
            )}
            {menu}
          </Drawer>
        )}
        <Layout.Content style={{ padding: mobile ? 8 : 16, minWidth: 0 }}>
          {/* Remount the screen when the org switcher changes: every list, tree and select reloads. */}
          <Outlet key={orgId ?? 'all'} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
