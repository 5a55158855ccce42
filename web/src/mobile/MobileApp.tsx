import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useExpireOnUnauthenticated, useMeQuery } from '../auth/session';
import { useI18n } from '../i18n';
import { MLayout } from './MLayout';
import { MLogin } from './MLogin';
import { Spinner } from './parts';
import { ToastProvider } from './Toast';

const ReportPage = lazy(() => import('./ReportPage'));
const MyCasesPage = lazy(() => import('./MyCasesPage'));
const MCasePage = lazy(() => import('./MCasePage'));
const MCertificatePage = lazy(() => import('../modules/members/reports/MCertificatePage'));
const MApplyPage = lazy(() => import('../modules/members/reports/MApplyPage'));
const MScanPage = lazy(() => import('../modules/members/reports/MScanPage'));
const MMyActivitiesPage = lazy(() => import('../modules/members/activities/mobile/MMyActivitiesPage'));
const MCheckinPage = lazy(() => import('../modules/members/activities/mobile/MCheckinPage'));
const MyRatingsPage = lazy(() => import('../modules/members/ratings/MyRatingsPage'));

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
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <>{children}</>;
}

/** 随手拍: the resident's phone page under /m — report, my reports, rate. */
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
              <Route
                index
                element={
                  <Suspense fallback={<Spinner full />}>
                    <ReportPage />
                  </Suspense>
                }
              />
              <Route
                path="cases"
                element={
                  <Suspense fallback={<Spinner full />}>
                    <MyCasesPage />
                  </Suspense>
                }
              />
              <Route
                path="cases/:id"
                element={
                  <Suspense fallback={<Spinner full />}>
                    <MCasePage />
                  </Suspense>
                }
              />
              <Route
                path="ratings"
                element={
                  <Suspense fallback={<Spinner full />}>
                    <MyRatingsPage />
                  </Suspense>
                }
              />
              <Route
                path="certificate"
                element={
                  <Suspense fallback={<Spinner full />}>
                    <MCertificatePage />
                  </Suspense>
                }
              />
              <Route
                path="report-duty"
                element={
                  <Suspense fallback={<Spinner full />}>
                    <MApplyPage />
                  </Suspense>
                }
              />
              <Route
                path="scan/:token"
                element={
                  <Suspense fallback={<Spinner full />}>
                    <MScanPage />
                  </Suspense>
                }
              />
              <Route
                path="post-activities"
                element={
                  <Suspense fallback={<Spinner full />}>
                    <MMyActivitiesPage />
                  </Suspense>
                }
              />
              <Route
                path="post-checkin"
                element={
                  <Suspense fallback={<Spinner full />}>
                    <MCheckinPage />
                  </Suspense>
                }
              />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </ToastProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
