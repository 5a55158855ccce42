import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from '../api/client';
import { cobuildRoutes } from '../modules/cobuild/routes';
import { useI18n } from '../i18n';
import { Loading, Result } from '../ui/states';
import { canSeeStats, canSeeUnitInbox } from './nav';
import { GuestOnly, RequireAccess, RequireAuth, RequirePermission } from './RequireAuth';
import { theme } from './theme';

// The login page and the shell are chunks of their own: the login page needs no menu, the home no form.
const LoginPage = lazy(() => import('../auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const AppShell = lazy(() => import('./AppShell').then((m) => ({ default: m.AppShell })));
const OverviewPage = lazy(() => import('../modules/overview/OverviewPage'));
const OrganisationsPage = lazy(() => import('../modules/org/OrganisationsPage'));
const GridMapPage = lazy(() => import('../modules/grid/GridMapPage'));
const PeoplePage = lazy(() => import('../modules/people/PeoplePage'));
const MembersPage = lazy(() => import('../modules/members/MembersPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const CasesPage = lazy(() => import('../modules/cases/CasesPage'));
const CasePage = lazy(() => import('../modules/cases/CasePage'));
const UnitInboxPage = lazy(() => import('../modules/cases/UnitInboxPage'));
const StatsPage = lazy(() => import('../modules/cases/StatsPage'));
const EvaluationsPage = lazy(() => import('../modules/evaluations/EvaluationsPage'));
const EvaluationSessionPage = lazy(() => import('../modules/evaluations/EvaluationSessionPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a 4xx only repeats the same answer; retry network trouble and 5xx once.
      retry: (count, err) => count < 1 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
    },
  },
});

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('errors.notFoundPage')} />;
}

export function App() {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp message={{ top: 64, maxCount: 3 }}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Suspense fallback={<Loading minHeight="100vh" />}>
              <Routes>
                <Route
                  path="/login"
                  element={
                    <GuestOnly>
                      <LoginPage />
                    </GuestOnly>
                  }
                />
                <Route
                  element={
                    <RequireAuth>
                      <AppShell />
                    </RequireAuth>
                  }
                >
                  <Route index element={<OverviewPage />} />
                  <Route
                    path="organisations"
                    element={
                      <RequirePermission permission="org.read">
                        <OrganisationsPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="grids"
                    element={
                      <RequirePermission permission="grid.read">
                        <GridMapPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="people"
                    element={
                      <RequirePermission permission="people.read">
                        <PeoplePage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="members"
                    element={
                      <RequirePermission permission="members.read">
                        <MembersPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="audit"
                    element={
                      <RequirePermission permission="audit.read">
                        <AuditPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="cases"
                    element={
                      <RequirePermission permission="cases.manage">
                        <CasesPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="cases/stats"
                    element={
                      <RequireAccess allow={canSeeStats}>
                        <StatsPage />
                      </RequireAccess>
                    }
                  />
                  <Route
                    path="cases/:id"
                    element={
                      <RequirePermission permission="cases.read">
                        <CasePage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="unit-inbox"
                    element={
                      <RequireAccess allow={canSeeUnitInbox}>
                        <UnitInboxPage />
                      </RequireAccess>
                    }
                  />
                  <Route
                    path="evaluations"
                    element={
                      <RequirePermission permission="cases.manage">
                        <EvaluationsPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="evaluations/:id"
                    element={
                      <RequirePermission permission="cases.manage">
                        <EvaluationSessionPage />
                      </RequirePermission>
                    }
                  />
                  {cobuildRoutes()}
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
