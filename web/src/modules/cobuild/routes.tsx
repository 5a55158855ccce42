import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { RequirePermission } from '../../app/RequireAuth';

const PairingPage = lazy(() => import('./pairing/PairingPage'));
const ProjectsPage = lazy(() => import('./projects/ProjectsPage'));
const NeedsPage = lazy(() => import('./needs/NeedsPage'));
const MeetingsPage = lazy(() => import('./meetings/MeetingsPage'));
const ServiceDaysPage = lazy(() => import('./servicedays/ServiceDaysPage'));

/** The co-building pages under /cobuild; a sub-module adds its detail routes here. */
export function cobuildRoutes() {
  return (
    <Route path="cobuild">
      <Route path="pairing" element={<RequirePermission permission="pairings.read"><PairingPage /></RequirePermission>} />
      <Route path="projects" element={<RequirePermission permission="cobuild.read"><ProjectsPage /></RequirePermission>} />
      <Route path="needs" element={<RequirePermission permission="cobuild.read"><NeedsPage /></RequirePermission>} />
      <Route path="meetings" element={<RequirePermission permission="cobuild.read"><MeetingsPage /></RequirePermission>} />
      <Route path="service-days" element={<RequirePermission permission="cobuild.read"><ServiceDaysPage /></RequirePermission>} />
    </Route>
  );
}
