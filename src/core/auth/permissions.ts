import type { Role } from './roles.js';
import type { Actor } from './actor.js';

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'grid.read',
  'grid.write',
  'duty.write',
  'people.read',
  'people.write',
  'people.reveal',
  'people.import',
  'members.read',
  'members.write',
  'members.import',
  'audit.read',
  'users.manage',
  'calendar.write',
  'cases.read',
  'cases.report',
  'cases.manage',
  'cases.configure',
  'cases.stats',
  // Monthly evaluation sessions (每月20日定期评事): reading them, and running them (create, record, hold).
  'evaluations.read',
  'evaluations.manage',
  // Co-building (六联六构建). cobuild.read opens the co-building lists; the scope narrows them per role.
  'cobuild.read',
  'pairings.read',
  'pairings.manage',
  'projects.write',
  'projects.approve',
  'needs.write',
  'resources.write',
  'matching.run',
  'meetings.write',
  'meetings.tasks',
  'servicedays.write',
  'servicedays.signup',
  'servicedays.checkin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do at all; the data scope then narrows it to particular records. */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  county_admin: PERMISSIONS,
  community_admin: [
    'org.read',
    'grid.read',
    'grid.write',
    'duty.write',
    'people.read',
    'people.write',
    'people.reveal',
    'people.import',
    'members.read',
    'members.write',
    'members.import',
    'cases.read',
    'cases.report',
    'cases.manage',
    'cases.stats',
    'evaluations.read',
    'evaluations.manage',
    'cobuild.read',
    'pairings.read',
    'projects.write',
    'needs.write',
    'matching.run',
    'meetings.write',
    'meetings.tasks',
    'servicedays.write',
    'servicedays.signup',
    'servicedays.checkin',
  ],
  grid_worker: [
    'org.read',
    'grid.read',
    'people.read',
    'people.write',
    'people.reveal',
    'members.read',
    'cases.read',
    'cases.report',
    'cases.manage',
    'cases.stats',
    'evaluations.read',
    'cobuild.read',
    'needs.write',
  ],
  // A unit sees and works the cases dispatched to it (吹哨报到).
  // In co-building a unit works on what it is paired with or named on: its projects, resources, tasks and sign-ups.
  unit_admin: [
    'org.read',
    'grid.read',
    'members.read',
    'members.write',
    'people.read',
    'cases.read',
    'cases.report',
    'cases.stats',
    'cobuild.read',
    'pairings.read',
    'projects.write',
    'resources.write',
    'meetings.tasks',
    'servicedays.signup',
    'servicedays.checkin',
  ],
  // The data scope narrows these to the member's or volunteer's own records and the cases they reported.
  party_member: [
    'org.read',
    'grid.read',
    'people.read',
    'members.read',
    'cases.read',
    'cases.report',
    'servicedays.checkin',
  ],
  volunteer: ['org.read', 'grid.read', 'people.read', 'cases.read', 'cases.report'],
  alley_head: ['org.read', 'grid.read', 'people.read', 'cases.read', 'cases.report'],
  // people.read: a resident's scope is their own record only (DESIGN §2: own records and public information).
  resident: ['grid.read', 'people.read', 'cases.read', 'cases.report'],
};

export function permissionsOf(actor: Actor): Permission[] {
  const set = new Set<Permission>();
  for (const b of actor.bindings) for (const p of ROLE_PERMISSIONS[b.role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.bindings.some((b) => grants(b.role, permission));
}

/** Whether one role carries the permission: for a policy whose scope depends on which binding grants it. */
export function grants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
