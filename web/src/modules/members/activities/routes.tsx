import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { menuAllows } from '../../../app/menu';
import { RequireAccess } from '../../../app/RequireAuth';

const ActivitiesPage = lazy(() => import('./ActivitiesPage'));
const ActivityPage = lazy(() => import('./ActivityPage'));

/** 岗位活动's staff pages, opened on the rule of their menu entry (memberservice.read). */
export function postActivityRoutes() {
  return (
    <>
      <Route
        path="post-activities"
        element={
          <RequireAccess allow={menuAllows('postActivities')}>
            <ActivitiesPage />
          </RequireAccess>
        }
      />
      <Route
        path="post-activities/:id"
        element={
          <RequireAccess allow={menuAllows('postActivities')}>
            <ActivityPage />
          </RequireAccess>
        }
      />
    </>
  );
}
