import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { ratingRoutes } from '../modules/members/ratings/routes';
import { ledgerRoutes } from '../modules/members/ledger/routes';
import { postRoutes } from '../modules/members/posts/routes';
import { memberReportRoutes } from '../modules/members/reports/routes';
import { postActivityRoutes } from '../modules/members/activities/routes';
import { volunteerRoutes } from '../modules/volunteers/routes';
import { menuAllows } from './menu';
import { RequireAccess, RequirePermission } from './RequireAuth';

// Every page is a chunk of its own, loaded when first opened.
const OverviewPage = lazy(() => import('../modules/overview/OverviewPage'));
const OrganisationsPage = lazy(() => import('../modules/org/OrganisationsPage'));
const GridMapPage = lazy(() => import('../modules/grid/GridMapPage'));
const PeoplePage = lazy(() => import('../modules/people/PeoplePage'));
const MembersPage = lazy(() => import('../modules/members/MembersPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const Open311ClientsPage = lazy(() => import('../modules/open311/Open311ClientsPage'));
const JobRunsPage = lazy(() => import('../modules/operations/JobRunsPage'));
const CasesPage = lazy(() => import('../modules/cases/CasesPage'));
const CasePage = lazy(() => import('../modules/cases/CasePage'));
const UnitInboxPage = lazy(() => import('../modules/cases/UnitInboxPage'));
const StatsPage = lazy(() => import('../modules/cases/StatsPage'));
const ClassifierPage = lazy(() => import('../modules/cases/classifier/ClassifierPage'));
const EvaluationsPage = lazy(() => import('../modules/evaluations/EvaluationsPage'));
const EvaluationSessionPage = lazy(() => import('../modules/evaluations/EvaluationSessionPage'));
const FollowUpsPage = lazy(() => import('../modules/evaluations/FollowUpsPage'));
const AlleyRegionsPage = lazy(() => import('../modules/alleys/AlleyRegionsPage'));
const AlleyRegionPage = lazy(() => import('../modules/alleys/AlleyRegionPage'));

/** The staff pages inside the shell, each behind the permission (or access rule) that opens it. */
export function pageRoutes() {
  return (
    <>
      <Route index element={<OverviewPage />} />
      <Route
        path="organisations"
        element={
          <RequireAccess allow={menuAllows('organisations')}>
            <OrganisationsPage />
          </RequireAccess>
        }
      />
      <Route
        path="grids"
        element={
          <RequireAccess allow={menuAllows('grids')}>
            <GridMapPage />
          </RequireAccess>
        }
      />
      <Route
        path="people"
        element={
          <RequireAccess allow={menuAllows('people')}>
            <PeoplePage />
          </RequireAccess>
        }
      />
      <Route
        path="members"
        element={
          <RequireAccess allow={menuAllows('members')}>
            <MembersPage />
          </RequireAccess>
        }
      />
      {adminRoutes()}
      {postActivityRoutes()}
      {memberReportRoutes()}
      {postRoutes()}
      {ratingRoutes()}
      {ledgerRoutes()}
      {volunteerRoutes()}
      <Route
        path="cases"
        element={
          <RequireAccess allow={menuAllows('cases')}>
            <CasesPage />
          </RequireAccess>
        }
      />
      <Route
        path="cases/stats"
        element={
          <RequireAccess allow={menuAllows('caseStats')}>
            <StatsPage />
          </RequireAccess>
        }
      />
      <Route
        path="cases/classifier"
        element={
          <RequireAccess allow={menuAllows('classifier')}>
            <ClassifierPage />
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
          <RequireAccess allow={menuAllows('unitInbox')}>
            <UnitInboxPage />
          </RequireAccess>
        }
      />
      <Route
        path="evaluations"
        element={
          <RequireAccess allow={menuAllows('evaluations')}>
            <EvaluationsPage />
          </RequireAccess>
        }
      />
      <Route
        path="evaluations/:id"
        element={
          <RequireAccess allow={menuAllows('evaluations')}>
            <EvaluationSessionPage />
          </RequireAccess>
        }
      />
      <Route
        path="alleys"
        element={
          <RequireAccess allow={menuAllows('alleys')}>
            <AlleyRegionsPage />
          </RequireAccess>
        }
      />
      <Route
        path="alleys/:id"
        element={
          <RequireAccess allow={menuAllows('alleys')}>
            <AlleyRegionPage />
          </RequireAccess>
        }
      />
      <Route
        path="evaluation-follow-ups"
        element={
          <RequireAccess allow={menuAllows('followUps')}>
            <FollowUpsPage />
          </RequireAccess>
        }
      />
    </>
  );
}

/** The county's administration pages: the audit log, outside systems' keys, the background jobs. */
function adminRoutes() {
  return (
    <>
      <Route
        path="audit"
        element={
          <RequireAccess allow={menuAllows('audit')}>
            <AuditPage />
          </RequireAccess>
        }
      />
      <Route
        path="open311-clients"
        element={
          <RequireAccess allow={menuAllows('open311')}>
            <Open311ClientsPage />
          </RequireAccess>
        }
      />
      <Route
        path="job-runs"
        element={
          <RequireAccess allow={menuAllows('jobs')}>
            <JobRunsPage />
          </RequireAccess>
        }
      />
    </>
  );
}
