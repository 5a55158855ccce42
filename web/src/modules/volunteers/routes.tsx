import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { menuAllows, type NavKey } from '../../app/menu';
import { RequireAccess } from '../../app/RequireAuth';

const ActivitiesPage = lazy(() => import('./activities/ActivitiesPage'));
const ActivityPage = lazy(() => import('./activities/ActivityPage'));
const CodeScreen = lazy(() => import('./activities/CodeScreen'));
const TeamsPage = lazy(() => import('./teams/TeamsPage'));
const TeamPage = lazy(() => import('./teams/TeamPage'));
const VolunteersPage = lazy(() => import('./registry/VolunteersPage'));
const HoursPage = lazy(() => import('./hours/HoursPage'));
const CertificatesPage = lazy(() => import('./certificates/CertificatesPage'));
const SettingsPage = lazy(() => import('./settings/SettingsPage'));

const PAGES: [string, NavKey, ReactNode][] = [
  ['volunteer-activities', 'volunteerActivities', <ActivitiesPage key="a" />],
  ['volunteer-activities/:id', 'volunteerActivities', <ActivityPage key="d" />],
  ['volunteer-activities/:id/code', 'volunteerActivities', <CodeScreen key="c" />],
  ['volunteer-teams', 'volunteerTeams', <TeamsPage key="t" />],
  ['volunteer-teams/:id', 'volunteerTeams', <TeamPage key="td" />],
  ['volunteers', 'volunteers', <VolunteersPage key="v" />],
  ['volunteer-hours', 'volunteerHours', <HoursPage key="h" />],
  ['volunteer-certificates', 'volunteerCertificates', <CertificatesPage key="cf" />],
  ['volunteer-settings', 'volunteerSettings', <SettingsPage key="s" />],
];

/** 志愿服务's staff pages, each opened on the rule of its menu entry (the permission its requests need). */
export function volunteerRoutes() {
  return (
    <>
      {PAGES.map(([path, key, page]) => (
        <Route key={path} path={path} element={<RequireAccess allow={menuAllows(key)}>{page}</RequireAccess>} />
      ))}
    </>
  );
}
