import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Loading } from '../ui/states';
import { useIsMobile } from '../ui/useIsMobile';
import { NotificationBell } from '../modules/notifications/NotificationBell';
import { isResidentOnly } from '../auth/access';
import { NAV_ITEMS, navKeyOf, navVisible } from './nav';
import { UserMenu } from './UserMenu';

const COLLAPSE_KEY = 'lianjian.siderCollapsed';

/** The left menu: the entries this user may see, the current one selected; `onNavigate` closes the phone's drawer. */
function NavMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const { can, me } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const visible = NAV_ITEMS.filter((n) => navVisible(n, { me, can }));
  const entries = visible.map((n) => ({
    key: n.key,
    icon: n.icon,
    label: n.external ? (
      <a href={n.path} data-testid={`nav-${n.key}`}>
        {t(`nav.${n.key}`)}
      </a>
    ) : (
      <Link to={n.path} data-testid={`nav-${n.key}`} onClick={() => onNavigate()}>
        {t(`nav.${n.key}`)}
      </Link>
    ),
    title: t(`nav.${n.key}`),
  }));
  // Entries of one group (志愿服务) go under its heading, where the first of them stands.
  const items: MenuProps['items'] = [];
  visible.forEach((n, i) => {
    if (!n.group) items.push(entries[i]);
    else if (visible[i - 1]?.group !== n.group)
      items.push({
        type: 'group',
        key: `group-${n.group}`,
        label: t(`nav.group.${n.group}`),
        children: entries.filter((_, j) => visible[j].group === n.group),
      });
  });
  const selected = navKeyOf(location.pathname);
  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    const item = NAV_ITEMS.find((n) => n.key === key);
    if (item?.external) window.location.assign(item.path);
    else if (item) navigate(item.path);
    onNavigate();
  };
  return <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={onMenuClick} className="nav-menu" />;
}

/** Header, left menu (a drawer on phones) and the current page. */
export function AppShell() {
  const { t } = useI18n();
  const { me } = useSession();
  const mobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);

  // A resident has the phone page; the staff app would show them nothing useful.
  const residentOnly = isResidentOnly(me);
  useEffect(() => {
    if (residentOnly) window.location.replace('/m/');
  }, [residentOnly]);

  const menu = <NavMenu onNavigate={() => setDrawerOpen(false)} />;

  const toggle = () => {
    setCollapsed((c) => {
      localStorage.setItem(COLLAPSE_KEY, c ? '0' : '1');
      return !c;
    });
  };

  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        {mobile ? (
          <Button
            type="text"
            className="header-icon"
            icon={<MenuOutlined />}
            aria-label={t('common.menu')}
            onClick={() => setDrawerOpen(true)}
            data-testid="nav-open"
          />
        ) : (
          <Button
            type="text"
            className="header-icon"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={t('common.menu')}
            onClick={toggle}
          />
        )}
        <Link to="/" className="brand">
          <span className="brand-mark">{t('app.mark')}</span>
          <span className="brand-name">{t('app.name')}</span>
          {!mobile && <span className="brand-sub">{t('app.subtitle')}</span>}
        </Link>
        <div className="header-right">
          <LanguageSwitch compact={mobile} />
          <NotificationBell />
          <UserMenu compact={mobile} />
        </div>
      </Layout.Header>
      <Layout>
        {!mobile && (
          <Layout.Sider
            collapsible
            collapsed={collapsed}
            trigger={null}
            width={208}
            collapsedWidth={64}
            className="shell-sider"
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="shell-content">
          <Suspense fallback={<Loading minHeight="50vh" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={240}
          title={t('app.name')}
          destroyOnHidden
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
