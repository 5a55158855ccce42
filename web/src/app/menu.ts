/**
 * The staff app's menu as data: each entry's page and who is offered it. An entry is shown only to a user who holds
 * the permissions its page's requests need, as the server's permission table grants them (core/auth/permissions.rules.ts,
 * sent as `permissions` by GET /api/auth/me), so no menu entry answers 403 (e2e/menus.e2e.test.ts opens every entry
 * as each demo login). The list pages' routes (app/routes.tsx, cobuild/routes.tsx) open on the same rule: `menuAllows`.
 * No React here: nav.tsx adds the icons.
 */
import type { MeResponse, Permission } from '../api/contracts';
import { hasUnitInbox, seesWholeCounty } from '../auth/access';

export type NavKey =
  | 'overview'
  | 'cases'
  | 'unitInbox'
  | 'caseStats'
  | 'classifier'
  | 'evaluations'
  | 'followUps'
  | 'organisations'
  | 'grids'
  | 'alleys'
  | 'people'
  | 'members'
  | 'audit'
  | 'open311'
  | 'jobs'
  | 'mobile'
  | 'pairing'
  | 'projects'
  | 'needs'
  | 'meetings'
  | 'serviceDays'
  | 'postActivities'
  | 'memberReports'
  | 'posts'
  | 'ratings'
  | 'serviceRules'
  | 'unitSheet'
  | 'coverage'
  | 'serviceLedger'
  | 'servicePace'
  | 'volunteerActivities'
  | 'volunteerTeams'
  | 'volunteers'
  | 'volunteerHours'
  | 'volunteerCertificates'
  | 'volunteerSettings';

/** A heading the menu puts over its consecutive entries (志愿服务). */
export type NavGroup = 'volunteers';

export interface Access {
  me: MeResponse;
  can: (p: Permission) => boolean;
}

export interface MenuEntry {
  key: NavKey;
  path: string;
  /** Shown only to users holding this permission (none: everyone logged in). */
  permission?: Permission;
  /** A further condition (roles) where a permission alone does not say it. */
  show?: (a: Access) => boolean;
  /** A page of the resident phone app: opened with a full page load. */
  external?: boolean;
  /** Shown under this heading, with the entries around it that name the same. */
  group?: NavGroup;
}

/** Statistics: whoever the server lets read them (scoped to what they may see). */
export const canSeeStats = (a: Access) => a.can('cases.stats');
/** The unit inbox is for unit administrators (吹哨报到). */
export const canSeeUnitInbox = (a: Access) => hasUnitInbox(a.me);

export const MENU: readonly MenuEntry[] = [
  { key: 'overview', path: '/' },
  { key: 'cases', path: '/cases', permission: 'cases.manage' },
  { key: 'unitInbox', path: '/unit-inbox', show: canSeeUnitInbox },
  { key: 'caseStats', path: '/cases/stats', show: canSeeStats },
  { key: 'classifier', path: '/cases/classifier', permission: 'cases.classifier' },
  { key: 'evaluations', path: '/evaluations', permission: 'evaluations.read' },
  { key: 'followUps', path: '/evaluation-follow-ups', permission: 'evaluations.followups' },
  { key: 'pairing', path: '/cobuild/pairing', permission: 'pairings.read' },
  { key: 'projects', path: '/cobuild/projects', permission: 'cobuild.read' },
  { key: 'needs', path: '/cobuild/needs', permission: 'cobuild.read' },
  { key: 'meetings', path: '/cobuild/meetings', permission: 'meetings.read' },
  { key: 'serviceDays', path: '/cobuild/service-days', permission: 'cobuild.read' },
  { key: 'postActivities', path: '/post-activities', permission: 'memberservice.read' },
  { key: 'memberReports', path: '/member-reports', permission: 'memberservice.read' },
  // 设岗定责: readers see the posts of their scope; the community's staff set them up (memberservice.manage).
  { key: 'posts', path: '/posts', permission: 'memberservice.read' },
  // Ratings: the community rates (and the county); the county sets the rules; a unit reads its own members' sheet
  // (the county every unit's); the coverage is the county's and a community's for its residents.
  { key: 'ratings', path: '/member-ratings', permission: 'memberservice.rate' },
  { key: 'serviceRules', path: '/member-service-rules', permission: 'memberservice.rules' },
  {
    key: 'unitSheet',
    path: '/unit-sheet',
    permission: 'memberservice.read',
    show: (a) => seesWholeCounty(a.me) || hasUnitInbox(a.me),
  },
  { key: 'coverage', path: '/member-coverage', permission: 'memberservice.rate' },
  // 服务台账 and 20小时进度: staff read their scope's records and pace (a member's own are on their pages).
  { key: 'serviceLedger', path: '/service-records', permission: 'memberservice.read' },
  { key: 'servicePace', path: '/service-pace', permission: 'memberservice.read' },
  // 志愿服务: staff of a community and team leaders read it (a leader only their team's: the server scopes each list);
  // the county alone keeps the catalogue and the rules.
  { key: 'volunteerActivities', path: '/volunteer-activities', permission: 'volunteers.read', group: 'volunteers' },
  { key: 'volunteerTeams', path: '/volunteer-teams', permission: 'volunteers.read', group: 'volunteers' },
  { key: 'volunteers', path: '/volunteers', permission: 'volunteers.read', group: 'volunteers' },
  { key: 'volunteerHours', path: '/volunteer-hours', permission: 'volunteers.read', group: 'volunteers' },
  {
    key: 'volunteerCertificates',
    path: '/volunteer-certificates',
    permission: 'volunteers.read',
    group: 'volunteers',
  },
  { key: 'volunteerSettings', path: '/volunteer-settings', permission: 'volunteers.rules', group: 'volunteers' },
  { key: 'organisations', path: '/organisations', permission: 'org.read' },
  { key: 'grids', path: '/grids', permission: 'grid.read' },
  // 背街小巷: the county, a community (its own) and an alley head (theirs) read the regions.
  { key: 'alleys', path: '/alleys', permission: 'alleys.read' },
  { key: 'people', path: '/people', permission: 'people.read' },
  { key: 'members', path: '/members', permission: 'members.read' },
  { key: 'audit', path: '/audit', permission: 'audit.read' },
  { key: 'open311', path: '/open311-clients', permission: 'open311.clients' },
  { key: 'jobs', path: '/job-runs', permission: 'operations.jobs.read' },
  {
    key: 'mobile',
    path: '/m/',
    permission: 'cases.report',
    show: (a) => !a.can('cases.manage'),
    external: true,
  },
];

export function navVisible(n: MenuEntry, a: Access): boolean {
  return (!n.permission || a.can(n.permission)) && (!n.show || n.show(a));
}

/** The rule that opens an entry's page: the same that shows it in the menu. */
export function menuAllows(key: NavKey): (a: Access) => boolean {
  const entry = MENU.find((n) => n.key === key);
  return (a) => entry !== undefined && navVisible(entry, a);
}

/** The menu entry of a path: the longest matching path wins (/cases/stats before /cases). */
export function navKeyOf(pathname: string): NavKey {
  let best: MenuEntry | undefined;
  for (const n of MENU) {
    if (n.path === '/' || n.external) continue;
    if ((pathname === n.path || pathname.startsWith(`${n.path}/`)) && (!best || n.path.length > best.path.length))
      best = n;
  }
  return best?.key ?? 'overview';
}
