import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiError } from '../api/client';
import { servesAsMember } from '../auth/access';
import { useExpireOnUnauthenticated, useMeQuery } from '../auth/session';
import { useI18n } from '../i18n';
import { DAY_CHECKIN_ROUTE } from '../modules/cobuild/servicedays/mobile/dayCode';
import { VOLUNTEER_SCAN_ROUTE } from '../modules/volunteers/mobile/entry';
import { MLayout } from './MLayout';
import { MLogin } from './MLogin';
import { Spinner } from './parts';
import { ToastProvider } from './Toast';

/**
 * The phone's pages under /m, one row a page (lazy: a page's code loads when it is first opened). Who sees a page in
 * the tab bar is MLayout's business; the server answers each page's requests by permission.
 */
const PAGES: readonly { path: string; Page: LazyExoticComponent<ComponentType> }[] = [
  { path: 'report', Page: lazy(() => import('./ReportPage')) },
  { path: 'cases', Page: lazy(() => import('./MyCasesPage')) },
  { path: 'cases/:id', Page: lazy(() => import('./MCasePage')) },
  { path: 'ratings', Page: lazy(() => import('../modules/members/ratings/MyRatingsPage')) },
  { path: 'certificate', Page: lazy(() => import('../modules/members/reports/MCertificatePage')) },
  { path: 'report-duty', Page: lazy(() => import('../modules/members/reports/MApplyPage')) },
  { path: 'scan/:token', Page: lazy(() => import('../modules/members/reports/MScanPage')) },
  { path: 'post-activities', Page: lazy(() => import('../modules/members/activities/mobile/MMyActivitiesPage')) },
  { path: 'post-checkin', Page: lazy(() => import('../modules/members/activities/mobile/MCheckinPage')) },
  { path: 'needs', Page: lazy(() => import('../modules/cobuild/needs/claims/MClaimsPage')) },
  { path: 'service-days', Page: lazy(() => import('../modules/cobuild/servicedays/mobile/MServiceDaysPage')) },
  { path: 'alleys', Page: lazy(() => import('../modules/alleys/mobile/MMyAlleysPage')) },
  { path: 'alleys/:id/inspect', Page: lazy(() => import('../modules/alleys/mobile/MInspectPage')) },
  { path: DAY_CHECKIN_ROUTE, Page: lazy(() => import('../modules/cobuild/servicedays/mobile/MDayCheckinPage')) },
  // 我的志愿: a volunteer's hours and star, activities and sign-ups, certificates, and the activity QR code's page.
  { path: 'volunteer', Page: lazy(() => import('../modules/volunteers/mobile/MVolunteerHome')) },
  { path: 'volunteer/activities', Page: lazy(() => import('../modules/volunteers/mobile/MVolunteerActivitiesPage')) },
  { path: 'volunteer/activities/:id', Page: lazy(() => import('../modules/volunteers/mobile/MVolunteerActivityPage')) },
  {
    path: 'volunteer/certificates',
    Page: lazy(() => import('../modules/volunteers/mobile/MVolunteerCertificatesPage')),
  },
  { path: VOLUNTEER_SCAN_ROUTE, Page: lazy(() => import('../modules/volunteers/mobile/MVolunteerScanPage')) },
];
const ReportPage = PAGES[0].Page;
const MemberHome = lazy(() => import('../modules/members/home/MMemberHome'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
    },
  },
});

function RequireLogin({ children }: { children: ReactNode }) {
  useExpireOnUnauthenticated();
  const me = useMeQuery();
  const location = useLocation();
  const { t } = useI18n();
  if (me.isLoading) return <Spinner full />;
  if (me.isError)
    return (
      <div className="m-page">
        <div className="m-card m-error">{t('mobile.offline')}</div>
      </div>
    );
  // The query too: a volunteer activity's QR code carries its code in it (/m/v/scan?a=…&c=…).
  if (!me.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

/** The landing page: a Party member's 我的服务; anyone else (a resident) lands on 随手拍. */
function Landing() {
  const me = useMeQuery();
  const member = me.data ? servesAsMember(me.data) : false;
  return <Suspense fallback={<Spinner full />}>{member ? <MemberHome /> : <ReportPage />}</Suspense>;
}

/** The phone app under /m: a resident's 随手拍, a Party member's own service pages, staff scanning at the door. */
export function MobileApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename="/m">
        <ToastProvider>
          <Routes>
            <Route path="/login" element={<MLogin />} />
            <Route
              element={
                <RequireLogin>
                  <MLayout />
                </RequireLogin>
              }
            >
              <Route index element={<Landing />} />
              {PAGES.map(({ path, Page }) => (
                <Route
                  key={path}
                  path={path}
                  element={
                    <Suspense fallback={<Spinner full />}>
                      <Page />
                    </Suspense>
                  }
                />
              ))}
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </ToastProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
