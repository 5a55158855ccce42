import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import type { Permission } from '../api/contracts';
import {
  SessionProvider,
  useExpireOnUnauthenticated,
  useMeQuery,
  useSession,
  wasLoggedOutOnPurpose,
} from '../auth/session';
import { useI18n } from '../i18n';
import { LoadError, Loading, Result } from '../ui/states';
import type { Access } from './nav';

/** Renders its children for a logged-in user; otherwise sends the user to the login page and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  useExpireOnUnauthenticated();
  const me = useMeQuery();
  const location = useLocation();
  if (me.isLoading) return <Loading minHeight="100vh" />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    const back = next !== '/' && !wasLoggedOutOnPurpose();
    return <Navigate to={back ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  return <SessionProvider me={me.data}>{children}</SessionProvider>;
}

/** A page only users with `permission` may open. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useI18n();
  if (!can(permission)) return <Result status="403" title={t('forbidden.title')} subTitle={t('errors.noPermission')} />;
  return <>{children}</>;
}

/** A page only users passing `allow` (roles and permissions) may open. */
export function RequireAccess({ allow, children }: { allow: (a: Access) => boolean; children: ReactNode }) {
  const { can, me } = useSession();
  const { t } = useI18n();
  if (!allow({ me, can }))
    return <Result status="403" title={t('forbidden.title')} subTitle={t('errors.noPermission')} />;
  return <>{children}</>;
}

/** The login page, or home when already logged in. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const [params] = useSearchParams();
  if (me.isLoading) return <Loading minHeight="100vh" />;
  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <>{children}</>;
}

/** Where to go after login: only paths inside this app. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}
