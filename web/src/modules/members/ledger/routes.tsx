import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { menuAllows } from '../../../app/menu';
import { RequireAccess } from '../../../app/RequireAuth';

const LedgerPage = lazy(() => import('./LedgerPage'));
const PacePage = lazy(() => import('./PacePage'));

/** 服务台账 and 20小时进度/预警, each opened on the rule of its menu entry. */
export function ledgerRoutes() {
  return [
    <Route
      key="service-records"
      path="service-records"
      element={<RequireAccess allow={menuAllows('serviceLedger')}>{<LedgerPage />}</RequireAccess>}
    />,
    <Route
      key="service-pace"
      path="service-pace"
      element={<RequireAccess allow={menuAllows('servicePace')}>{<PacePage />}</RequireAccess>}
    />,
  ];
}
