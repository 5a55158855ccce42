/**
 * The permission table: every permission, and what each role may do at all (the data scope then narrows it to
 * particular records). It imports nothing but the role list, so the web reads the same table as the server: its menu
 * offers a page only to a role that holds the permissions the page's requests need (web/src/app/menu.ts).
 */
import { ROLES, type Role } from './roles.js';

/** The roles below the county that serve others: a community, a grid, a unit (each in its own scope). */
const STAFF = ['community_admin', 'grid_worker', 'unit_admin'] as const;
/** The residents who take part: a Party member, a volunteer, a 巷长 (each narrowed by their data scope). */
const PARTICIPANTS = ['party_member', 'volunteer', 'alley_head'] as const;

/**
 * Who holds each permission, one row a permission in the order of ARCHITECTURE.md's table. The county admin holds
 * every permission, so a row names the other roles; an empty row is the county's alone. A new permission needs a row.
 */
const HOLDERS = {
  'org.read': [...STAFF, ...PARTICIPANTS],
  'org.write': [],
  'grid.read': ROLES,
  'grid.write': ['community_admin'],
  'duty.write': ['community_admin'],
  // people.read: a resident's scope is their own record only (DESIGN §2: own records and public information).
  'people.read': ROLES,
  'people.write': ['community_admin', 'grid_worker'],
  'people.reveal': ['community_admin', 'grid_worker'],
  'people.import': ['community_admin'],
  'members.read': [...STAFF, 'party_member'],
  'members.write': ['community_admin', 'unit_admin'],
  'members.import': ['community_admin'],
  'audit.read': [],
  'users.manage': [],
  'calendar.write': [],
  // A unit sees and works the cases dispatched to it (吹哨报到); a member, volunteer or resident the cases they reported.
  'cases.read': ROLES,
  'cases.report': ROLES,
  'cases.manage': ['community_admin', 'grid_worker'],
  'cases.configure': [],
  'cases.stats': STAFF,
  // The category classifier's learning loop (分类模型): see its versions and retrain it from staff corrections.
  'cases.classifier': [],
  // Monthly evaluation sessions (每月20日定期评事): reading them, and running them (create, record, hold).
  'evaluations.read': ['community_admin', 'grid_worker'],
  'evaluations.manage': ['community_admin'],
  // The follow-up tasks of 不满意 verdicts: listed and marked done by the community (its own) and the unit (its own).
  'evaluations.followups': ['community_admin', 'unit_admin'],
  // Co-building (六联六构建). cobuild.read opens the co-building lists; the scope narrows them per role. A unit works
  // on what it is paired with or named on: its projects, resources, tasks and sign-ups.
  'cobuild.read': STAFF,
  'pairings.read': ['community_admin', 'unit_admin'],
  'pairings.manage': [],
  'projects.write': ['community_admin', 'unit_admin'],
  'projects.approve': [],
  'needs.write': ['community_admin', 'grid_worker'],
  'resources.write': ['unit_admin'],
  'matching.run': ['community_admin'],
  // The joint meetings (党建联席会) and their tasks: the county, the communities that hold them and the units invited.
  'meetings.read': ['community_admin', 'unit_admin'],
  'meetings.write': ['community_admin'],
  'meetings.tasks': ['community_admin', 'unit_admin'],
  'servicedays.write': ['community_admin'],
  'servicedays.signup': ['community_admin', 'unit_admin'],
  'servicedays.checkin': ['community_admin', 'unit_admin', 'party_member'],
  // In-service members' service (双报到, 设岗定责, the ledger, ratings): staff read it in their scope (a unit its own
  // members wherever they live); a member works their own (apply, certificate, sign up, appeal); the community
  // decides, checks in, corrects and rates; the county alone sets the rules (hours owed, points).
  'memberservice.read': STAFF,
  'memberservice.self': ['party_member'],
  'memberservice.manage': ['community_admin'],
  'memberservice.checkin': ['community_admin', 'grid_worker'],
  'memberservice.rate': ['community_admin'],
  'memberservice.rules': [],
  // 背街小巷巷长制: the alley regions and their 六有 — read by the county, a community (its own) and an alley head (the
  // regions they hold); inspected (巡查) by the alley heads of the region; evidence kept by the community.
  'alleys.read': ['community_admin', 'alley_head'],
  'alleys.inspect': ['alley_head'],
  'alleys.manage': ['community_admin'],
  // Volunteer service (志愿服务): staff of a community and team leaders read teams, activities and rosters (a leader
  // only their team's: volunteers.policy.ts); any person with a login works their own registration, sign-ups,
  // check-ins, hours and certificates; a community (and a leader, for their team) runs activities and corrects hours;
  // a community issues certificates; the county alone sets the rules (stars, penalties, caps).
  'volunteers.read': ['community_admin', 'grid_worker', 'volunteer'],
  'volunteers.self': [...PARTICIPANTS, 'resident'],
  'volunteers.lead': ['community_admin', 'volunteer'],
  'volunteers.manage': ['community_admin'],
  'volunteers.certify': ['community_admin'],
  'volunteers.rules': [],
  // Outside systems' Open311 keys (外部系统接入): create, list and revoke them. The county's alone.
  'open311.clients': [],
  // The background jobs' runs (后台任务: last run, duration, failures): how the server runs, the county's alone.
  'operations.jobs.read': [],
} satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof HOLDERS;
/** Every permission, in the table's order (the order /api/auth/me lists an actor's permissions in). */
export const PERMISSIONS = Object.keys(HOLDERS) as readonly Permission[];

function permissionsOfRole(role: Role): readonly Permission[] {
  if (role === 'county_admin') return PERMISSIONS;
  return PERMISSIONS.filter((p) => (HOLDERS[p] as readonly Role[]).includes(role));
}

/** What each role may do at all; the data scope then narrows it to particular records. */
export const ROLE_PERMISSIONS = Object.fromEntries(ROLES.map((role) => [role, permissionsOfRole(role)])) as Record<
  Role,
  readonly Permission[]
>;
