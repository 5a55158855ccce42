import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../src/core/auth/permissions.rules';
import { ROLES, type Role } from '../../../src/core/auth/roles';
import type { MeResponse } from '../api/contracts';
import { can } from '../auth/access';
import { MENU, menuAllows, type NavKey, navVisible } from './menu';

/** A signed-in user holding one role, with the permissions the server's table gives it (as /api/auth/me sends them). */
function meAs(role: Role): MeResponse {
  return {
    user: { id: 'u', username: role, displayName: role, personId: null, locale: 'zh-CN' },
    roles: [{ role, scopeOrgId: 'o', scopeOrgName: 'o', scopeGridId: null, scopeGridName: null }],
    permissions: [...ROLE_PERMISSIONS[role]],
  };
}

const menuOf = (role: Role): NavKey[] => {
  const me = meAs(role);
  return MENU.filter((n) => navVisible(n, { me, can: (p) => can(me, p) })).map((n) => n.key);
};

// Each role's menu, read from the permission table the server enforces: a change to either shows up here.
// e2e/menus.e2e.test.ts opens every entry as the demo logins and fails on any 403.
const STAFF: Role[] = ['county_admin', 'community_admin', 'grid_worker', 'unit_admin'];
const CASE_WORKERS: Role[] = ['county_admin', 'community_admin', 'grid_worker'];
const COUNTY_COMMUNITY_UNIT: Role[] = ['county_admin', 'community_admin', 'unit_admin'];
const VOLUNTEER_READERS: Role[] = ['county_admin', 'community_admin', 'grid_worker', 'volunteer'];

/** Every entry in menu order, with the roles whose menu shows it. */
const SHOWN_TO: [NavKey, readonly Role[]][] = [
  ['overview', ROLES],
  ['cases', CASE_WORKERS],
  ['unitInbox', ['county_admin', 'unit_admin']],
  ['caseStats', STAFF],
  ['classifier', ['county_admin']],
  ['evaluations', CASE_WORKERS],
  // 评事整改: the community's tasks and a unit's own; not a grid worker's (the server answers 403).
  ['followUps', COUNTY_COMMUNITY_UNIT],
  // No pairing plans and no 党建联席会 (its lists answer 403 to a grid worker).
  ['pairing', COUNTY_COMMUNITY_UNIT],
  ['projects', STAFF],
  ['needs', STAFF],
  ['meetings', COUNTY_COMMUNITY_UNIT],
  ['serviceDays', STAFF],
  ['postActivities', STAFF],
  ['memberReports', STAFF],
  ['posts', STAFF],
  ['ratings', ['county_admin', 'community_admin']],
  ['serviceRules', ['county_admin']],
  ['unitSheet', ['county_admin', 'unit_admin']],
  ['coverage', ['county_admin', 'community_admin']],
  ['serviceLedger', STAFF],
  ['servicePace', STAFF],
  // 志愿服务: community staff and volunteers (a leader runs their team; the server scopes each list); the county's rules.
  ['volunteerActivities', VOLUNTEER_READERS],
  ['volunteerTeams', VOLUNTEER_READERS],
  ['volunteers', VOLUNTEER_READERS],
  ['volunteerHours', VOLUNTEER_READERS],
  ['volunteerCertificates', VOLUNTEER_READERS],
  ['volunteerSettings', ['county_admin']],
  ['organisations', ROLES.filter((r) => r !== 'resident')],
  ['grids', ROLES],
  // 背街小巷: the county, a community (its own) and an alley head (the regions they hold).
  ['alleys', ['county_admin', 'community_admin', 'alley_head']],
  ['people', ROLES],
  ['members', [...STAFF, 'party_member']],
  ['audit', ['county_admin']],
  ['open311', ['county_admin']],
  ['jobs', ['county_admin']],
  ['mobile', ['unit_admin', 'party_member', 'volunteer', 'alley_head', 'resident']],
];

const expectedMenu = (role: Role): NavKey[] => SHOWN_TO.filter(([, roles]) => roles.includes(role)).map(([key]) => key);

describe('the staff menu follows the permission table', () => {
  for (const role of ROLES) {
    it(`${role}: the entries its permissions open`, () => {
      expect(menuOf(role)).toEqual(expectedMenu(role));
    });
  }

  it('a page opens on the rule that shows it in the menu', () => {
    for (const role of ROLES) {
      const me = meAs(role);
      const access = { me, can: (p: Parameters<typeof can>[1]) => can(me, p) };
      for (const n of MENU) expect(menuAllows(n.key)(access), `${role} ${n.key}`).toBe(navVisible(n, access));
    }
  });
});
