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
import { GuestOnly, RequireAuth } from './RequireAuth';
import { pageRoutes } from './routes';
import { theme } from './theme';

// The login page and the shell are chunks of their own: the login page needs no menu, the home no form.
const LoginPage = lazy(() => import('../auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const AppShell = lazy(() => import('./AppShell').then((m) => ({ default: m.AppShell })));

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
                  {pageRoutes()}
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
