import type { ComponentType } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { NotificationPage, Permission } from '../api/contracts';
import { can, servesAsMember } from '../auth/access';
import { ME_KEY, useMeQuery } from '../auth/session';
import { setLanguage, useI18n } from '../i18n';
import { useVolunteerTab } from '../modules/volunteers/mobile/entry';
import { DutyIcon, ScanIcon } from './icons';

export function LangToggle() {
  const { language } = useI18n();
  return (
    <button
      type="button"
      className="m-lang"
      data-testid="m-lang"
      onClick={() => void setLanguage(language === 'en' ? 'zh-CN' : 'en')}
    >
      {language === 'en' ? '中文' : 'EN'}
    </button>
  );
}

/** Unread notifications, polled every 30 s (the count shows on the "my reports" tab). */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications', { unread: 'true', pageSize: 5 }, signal),
    refetchInterval: 30_000,
  });
}

const ReportIcon = () => (
  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden>
    <path
      fill="currentColor"
      d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9Zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10Zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z"
    />
  </svg>
);
const ListIcon = () => (
  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden>
    <path
      fill="currentColor"
      d="M4 5h2v2H4V5Zm4 0h12v2H8V5Zm-4 6h2v2H4v-2Zm4 0h12v2H8v-2Zm-4 6h2v2H4v-2Zm4 0h12v2H8v-2Z"
    />
  </svg>
);

const CertificateIcon = () => (
  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden>
    <path
      fill="currentColor"
      d="M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Zm0 2v12h16V6H4Zm2 2h5v5H6V8Zm7 1h5v2h-5V9Zm0 4h5v2h-5v-2Zm-7 2h5v1H6v-1Z"
    />
  </svg>
);

const HomeIcon = () => (
  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden>
    <path fill="currentColor" d="M12 3 2 11h3v9h6v-6h2v6h6v-9h3L12 3Zm0 2.6 5 4V18h-2v-6H9v6H7V9.6l5-4Z" />
  </svg>
);

const AlleyIcon = () => (
  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden>
    <path
      fill="currentColor"
      d="M3 21V8l5-4 5 4v13H3Zm2-2h2v-3h2v3h2V9L8 6.6 5 9v10Zm10 2V11h6v10h-6Zm2-2h2v-6h-2v6Z"
    />
  </svg>
);

const VolunteerIcon = () => (
  <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden>
    <path
      fill="currentColor"
      d="M12 21 10.6 19.7C5.4 15 2 11.9 2 8.1 2 5 4.4 2.6 7.5 2.6c1.7 0 3.4.8 4.5 2.1 1.1-1.3 2.8-2.1 4.5-2.1C19.6 2.6 22 5 22 8.1c0 3.8-3.4 6.9-8.6 11.6L12 21Z"
    />
  </svg>
);

interface Tab {
  key: string;
  to: string;
  label: string;
  Icon: ComponentType;
  /** Shown to a user holding this permission (the page's requests need it). */
  permission: Permission;
  /** Only for a Party member on their own pages (servesAsMember), or only for others. */
  member?: boolean;
  /** Only for a volunteer (useVolunteerTab: a volunteer login, or anyone registered). */
  volunteer?: true;
  /** Another path whose pages belong to the tab (the header names it there). */
  also?: string;
}

/**
 * The tab bar, in order: a Party member's 我的服务 (their landing page), 岗位活动 and 报到证; 随手拍 (a member reports
 * at /report, anyone else lands on it at /) and my reports; a volunteer's 我的志愿; staff's 活动签到. The member's other pages (微心愿,
 * 服务日, 评定) are a tap away on 我的服务.
 */
const TABS = [
  { key: 'home', to: '/', label: 'mobile.myService', Icon: HomeIcon, permission: 'memberservice.self', member: true },
  {
    key: 'post-activities',
    to: '/post-activities',
    label: 'mobile.duties',
    Icon: DutyIcon,
    permission: 'memberservice.self',
    member: true,
  },
  {
    key: 'certificate',
    to: '/certificate',
    label: 'mobile.certificate',
    Icon: CertificateIcon,
    permission: 'memberservice.self',
    member: true,
  },
  { key: 'report', to: '/report', label: 'mobile.report', Icon: ReportIcon, permission: 'cases.report', member: true },
  { key: 'report', to: '/', label: 'mobile.report', Icon: ReportIcon, permission: 'cases.report', member: false },
  { key: 'cases', to: '/cases', label: 'mobile.myCases', Icon: ListIcon, permission: 'cases.read' },
  // 我的志愿: a volunteer's hours and star, activities, check-in by QR code, certificates.
  {
    key: 'volunteer',
    to: '/volunteer',
    label: 'mobile.volunteer',
    Icon: VolunteerIcon,
    permission: 'volunteers.self',
    volunteer: true,
    also: '/v/',
  },
  // 我的小巷: an alley head's regions, their 六有 and the inspection form.
  { key: 'alleys', to: '/alleys', label: 'mobile.myAlleys', Icon: AlleyIcon, permission: 'alleys.inspect' },
  {
    key: 'post-checkin',
    to: '/post-checkin',
    label: 'mobile.checkin',
    Icon: ScanIcon,
    permission: 'memberservice.checkin',
  },
] as const satisfies readonly Tab[];

/**
 * Header (brand, language, log out), the page, and the tab bar at the bottom, each tab offered by the permission its
 * page's requests need, as in the staff menu; the unread count shows on my reports.
 */
export function MLayout() {
  const { t } = useI18n();
  const me = useMeQuery();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  const may = (p: Permission) => me.data !== undefined && me.data !== null && can(me.data, p);
  const member = me.data ? servesAsMember(me.data) : false;
  const volunteer = useVolunteerTab(me.data);
  const tabs = TABS.filter(
    (tab: Tab) =>
      may(tab.permission) && (tab.member === undefined || tab.member === member) && (!tab.volunteer || volunteer),
  );
  const { pathname } = useLocation();
  // The header names the tab the page belongs to (我的小巷 on an alley head's pages), else the app's own title.
  const current = tabs.find(
    (tab: Tab) =>
      tab.to !== '/' &&
      (pathname === tab.to || pathname.startsWith(`${tab.to}/`) || (!!tab.also && pathname.startsWith(tab.also))),
  );
  const title = current?.label ?? (member ? 'mobile.myService' : 'mobile.title');
  const logout = async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      navigate('/login', { replace: true });
    }
  };
  return (
    <div className="m-shell">
      <header className="m-header">
        <span className="m-brand-mark small">{t('app.mark')}</span>
        <span className="m-header-title">{t(title)}</span>
        <span className="m-header-user">{me.data?.user.displayName}</span>
        <LangToggle />
        <button type="button" className="m-header-btn" onClick={() => void logout()} data-testid="m-logout">
          {t('mobile.logout')}
        </button>
      </header>
      <main className="m-main">
        <Outlet />
      </main>
      <nav className="m-tabs">
        {tabs.map(({ key, to, label, Icon }) => (
          <NavLink key={key} to={to} end={to === '/'} className="m-tab" data-testid={`m-tab-${key}`}>
            <span className="m-tab-icon">
              <Icon />
              {key === 'cases' && count > 0 && (
                <span className="m-badge" data-testid="m-unread">
                  {count > 99 ? '99+' : count}
                </span>
              )}
            </span>
            <span>{t(label)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
