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
const EXPECTED: Record<Role, NavKey[]> = {
  county_admin: [
    'overview',
    'cases',
    'unitInbox',
    'caseStats',
    'classifier',
    'evaluations',
    'pairing',
    'projects',
    'needs',
    'meetings',
    'serviceDays',
    'organisations',
    'grids',
    'people',
    'members',
    'audit',
  ],
  community_admin: [
    'overview',
    'cases',
    'caseStats',
    'evaluations',
    'pairing',
    'projects',
    'needs',
    'meetings',
    'serviceDays',
    'organisations',
    'grids',
    'people',
    'members',
  ],
  // No 党建联席会 (its lists answer 403 to a grid worker) and no pairing plans.
  grid_worker: [
    'overview',
    'cases',
    'caseStats',
    'evaluations',
    'projects',
    'needs',
    'serviceDays',
    'organisations',
    'grids',
    'people',
    'members',
  ],
  unit_admin: [
    'overview',
    'unitInbox',
    'caseStats',
    'pairing',
    'projects',
    'needs',
    'meetings',
    'serviceDays',
    'organisations',
    'grids',
    'people',
    'members',
    'mobile',
  ],
  party_member: ['overview', 'organisations', 'grids', 'people', 'members', 'mobile'],
  volunteer: ['overview', 'organisations', 'grids', 'people', 'mobile'],
  alley_head: ['overview', 'organisations', 'grids', 'people', 'mobile'],
  resident: ['overview', 'grids', 'people', 'mobile'],
};

describe('the staff menu follows the permission table', () => {
  for (const role of ROLES) {
    it(`${role}: the entries its permissions open`, () => {
      expect(menuOf(role)).toEqual(EXPECTED[role]);
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
