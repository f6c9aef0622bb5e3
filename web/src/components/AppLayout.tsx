import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../features/auth/permissions';
import { useSession } from '../features/auth/session';
import { LanguageSwitch } from './LanguageSwitch';
import { visibleNavigation, type NavItem } from './navigation';
import { ErrorState, Loading } from './States';

function toMenuItems(items: NavItem[], t: (key: string) => string): MenuProps['items'] {
  return items.map((item) => ({
    key: item.key,
    icon: item.icon,
    label: t(item.labelKey),
    children: item.children ? toMenuItems(item.children, t) : undefined,
  }));
}

function allKeys(items: NavItem[]): string[] {
  return items.flatMap((i) => (i.children ? allKeys(i.children) : [i.key]));
}

/** The signed-in frame: a menu built from the person's permissions, who they are, language, sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  // Roles can change while someone works: look at /me again (in the background) on every navigation.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/me'] });
  }, [location.pathname, queryClient]);

  const nav = useMemo(() => visibleNavigation(me.data), [me.data]);
  const selected = useMemo(() => {
    const keys = allKeys(nav).filter((k) => k === '/' ? location.pathname === '/' : location.pathname.startsWith(k));
    return keys.sort((a, b) => b.length - a.length).slice(0, 1);
  }, [nav, location.pathname]);

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} theme="dark">
        <div style={{ color: '#fff', padding: '16px 20px', fontSize: 16, fontWeight: 600 }}>{t('app.title')}</div>
        {me.data && (
          <Menu
            theme="dark"
            mode="inline"
            aria-label="main"
            selectedKeys={selected}
            defaultOpenKeys={nav.filter((item) => item.children).map((item) => item.key)}
            items={toMenuItems(nav, t)}
            onClick={({ key }) => navigate(key)}
          />
        )}
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space size="middle">
            <LanguageSwitch />
            {me.data && (
              <Dropdown
                menu={{
                  items: [
                    { key: 'unit', label: `${t('me.unit')}：${me.data.unitName}`, disabled: true },
                    { type: 'divider' },
                    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), onClick: () => void onLogout() },
                  ],
                }}
              >
                <Button type="text" icon={<UserOutlined />} data-testid="current-user">
                  {me.data.displayName}
                </Button>
              </Dropdown>
            )}
            <Button type="link" icon={<LogoutOutlined />} onClick={() => void onLogout()}>
              {t('auth.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          {me.isPending ? (
            <Loading />
          ) : me.isError ? (
            <ErrorState error={me.error} onRetry={() => void me.refetch()} />
          ) : (
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,.45)' }}>
          <Typography.Text type="secondary">{t('app.company')}</Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
