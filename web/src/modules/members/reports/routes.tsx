import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { menuAllows } from '../../../app/menu';
import { RequireAccess } from '../../../app/RequireAuth';

const ReportsPage = lazy(() => import('./ReportsPage'));

/** 双报到's staff page, opened on the rule of its menu entry. */
export function memberReportRoutes() {
  return (
    <Route
      path="member-reports"
      element={
        <RequireAccess allow={menuAllows('memberReports')}>
          <ReportsPage />
        </RequireAccess>
      }
    />
  );
}
