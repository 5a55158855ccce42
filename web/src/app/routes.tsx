import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { canSeeStats, canSeeUnitInbox } from './nav';
import { RequireAccess, RequirePermission } from './RequireAuth';

// Every page is a chunk of its own, loaded when first opened.
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

/** The staff pages inside the shell, each behind the permission (or access rule) that opens it. */
export function pageRoutes() {
  return (
    <>
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
    </>
  );
}
