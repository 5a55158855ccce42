import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { menuAllows } from '../../app/menu';
import { RequireAccess, RequirePermission } from '../../app/RequireAuth';

const PairingPage = lazy(() => import('./pairing/PairingPage'));
const ProjectsPage = lazy(() => import('./projects/ProjectsPage'));
const ProjectPage = lazy(() => import('./projects/ProjectPage'));
const PlanPage = lazy(() => import('./projects/PlanPage'));
const NeedsPage = lazy(() => import('./needs/NeedsPage'));
const MeetingsPage = lazy(() => import('./meetings/MeetingsPage'));
const MeetingDetailPage = lazy(() => import('./meetings/MeetingDetailPage'));
const ServiceDaysPage = lazy(() => import('./servicedays/ServiceDaysPage'));
const ServiceDayPage = lazy(() => import('./servicedays/ServiceDayPage'));

/** The co-building pages under /cobuild; a sub-module adds its detail routes here. */
export function cobuildRoutes() {
  return (
    <Route path="cobuild">
      <Route
        path="pairing"
        element={
          <RequireAccess allow={menuAllows('pairing')}>
            <PairingPage />
          </RequireAccess>
        }
      />
      <Route
        path="projects"
        element={
          <RequireAccess allow={menuAllows('projects')}>
            <ProjectsPage />
          </RequireAccess>
        }
      />
      <Route
        path="projects/plan/:communityId/:year"
        element={
          <RequirePermission permission="cobuild.read">
            <PlanPage />
          </RequirePermission>
        }
      />
      <Route
        path="projects/:id"
        element={
          <RequirePermission permission="cobuild.read">
            <ProjectPage />
          </RequirePermission>
        }
      />
      <Route
        path="needs"
        element={
          <RequireAccess allow={menuAllows('needs')}>
            <NeedsPage />
          </RequireAccess>
        }
      />
      <Route
        path="needs/:tab"
        element={
          <RequireAccess allow={menuAllows('needs')}>
            <NeedsPage />
          </RequireAccess>
        }
      />
      <Route
        path="meetings"
        element={
          <RequireAccess allow={menuAllows('meetings')}>
            <MeetingsPage />
          </RequireAccess>
        }
      />
      <Route
        path="meetings/:id"
        element={
          <RequireAccess allow={menuAllows('meetings')}>
            <MeetingDetailPage />
          </RequireAccess>
        }
      />
      <Route
        path="service-days"
        element={
          <RequireAccess allow={menuAllows('serviceDays')}>
            <ServiceDaysPage />
          </RequireAccess>
        }
      />
      <Route
        path="service-days/:id"
        element={
          <RequirePermission permission="cobuild.read">
            <ServiceDayPage />
          </RequirePermission>
        }
      />
    </Route>
  );
}
