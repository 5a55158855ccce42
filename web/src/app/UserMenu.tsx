import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, type MenuProps } from 'antd';
import { lazy, useState } from 'react';
import type { MeResponse } from '../api/contracts';
import { useSession } from '../auth/session';
import { labelOf, useI18n } from '../i18n';
import { useFeedback } from '../ui/feedback';
import { OnFirstOpen } from '../ui/OnFirstOpen';

// The form (and antd's Form with its validator) loads when the user first asks to change the password.
const ChangePasswordModal = lazy(() =>
  import('./ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
);

/** "杭东社区 · 社区管理员" for one role binding. */
export function roleScopeText(b: MeResponse['roles'][number]): string {
  const scope = b.scopeGridName ?? b.scopeOrgName;
  return scope ? `${scope} · ${labelOf('role', b.role)}` : labelOf('role', b.role);
}

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const { me, logout } = useSession();
  const feedback = useFeedback();
  const [pwOpen, setPwOpen] = useState(false);
  const primary = me.roles[0];

  const items: MenuProps['items'] = [
    ...me.roles.map((r, i) => ({ key: `role-${i}`, label: roleScopeText(r), disabled: true })),
    ...(me.roles.length === 0 ? [{ key: 'role-none', label: t('auth.noRole'), disabled: true }] : []),
    { type: 'divider' as const },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="change-password">{t('auth.changePassword')}</span>,
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">{t('auth.logout')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPwOpen(true);
    if (key === 'logout') {
      void logout().then(
        () => feedback.success(t('auth.loggedOut')),
        (err: unknown) => feedback.error(err),
      );
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <button type="button" className="user-button" data-testid="user-menu" aria-haspopup="menu">
          <Avatar size="small" icon={<UserOutlined />} className="user-avatar" />
          {!compact && (
            <span className="user-text">
              <span className="user-name">{me.user.displayName}</span>
              <span className="user-scope">{primary ? roleScopeText(primary) : t('auth.noRole')}</span>
            </span>
          )}
          <DownOutlined className="user-caret" />
        </button>
      </Dropdown>
      <OnFirstOpen open={pwOpen}>
        <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
      </OnFirstOpen>
    </>
  );
}
