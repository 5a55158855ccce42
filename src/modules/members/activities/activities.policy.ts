import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { hasRole } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { resolveScope } from '../../grid/grid.scope.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { postActivities, postActivitySignups } from '../posts/posts.schema.js';

/**
 * Who may do what with post activities (岗位活动):
 * - the county: everything;
 * - a community admin: the activities of their communities (create, edit, cancel, add and remove sign-ups, check
 *   members in and out);
 * - a grid worker: reads the activities of the communities their grids lie in, and checks members in and out at
 *   those of their grids (an activity without a grid is the whole community's: any of its grid workers);
 * - a unit admin: reads the activities its members signed up for, and only its own members' sign-ups;
 * - a Party member: their own sign-ups, through the member routes (memberservice.self), never anyone else's.
 */
export async function activitiesVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const communities = [...new Set([...scope.communityIds, ...scope.gridCommunityIds])];
  const byUnit = scope.unitIds.length
    ? sql`exists (select 1 from ${postActivitySignups} join ${partyMembers} on ${partyMembers.id} = ${postActivitySignups.memberId}
        where ${postActivitySignups.activityId} = ${postActivities.id} and ${inArray(partyMembers.unitId, scope.unitIds)})`
    : undefined;
  const parts = [communities.length ? inArray(postActivities.communityId, communities) : undefined, byUnit].filter(
    (p): p is SQL => p !== undefined,
  );
  return parts.length ? or(...parts) : sql`false`;
}

export function assertMayReadActivities(actor: Actor): void {
  if (!can(actor, 'memberservice.read')) throw new AppError('FORBIDDEN');
}

/** Whether the actor runs this community's activities (county, or its community admin). */
export async function managesActivities(db: Db, actor: Actor, communityId: string): Promise<boolean> {
  if (!can(actor, 'memberservice.manage')) return false;
  const scope = await resolveScope(db, actor);
  return scope.all || scope.communityIds.includes(communityId);
}

export async function assertMayManageActivities(db: Db, actor: Actor, communityId: string): Promise<void> {
  if (!(await managesActivities(db, actor, communityId))) throw new AppError('FORBIDDEN');
}

/** Where an activity is, as the check-in rule needs it: its community and its grid's code (null: community-wide). */
export interface ActivityPlace {
  communityId: string;
  gridCode: string | null;
}

/** Whether the actor may check members in and out here: its managers, or a grid worker of its grid. */
export async function checksInAt(db: Db, actor: Actor, at: ActivityPlace): Promise<boolean> {
  if (!can(actor, 'memberservice.checkin')) return false;
  if (await managesActivities(db, actor, at.communityId)) return true;
  if (!hasRole(actor, 'grid_worker')) return false;
  const scope = await resolveScope(db, actor);
  if (at.gridCode === null) return scope.gridCommunityIds.includes(at.communityId);
  const code = at.gridCode;
  return scope.gridCodePrefixes.some((prefix) => code.startsWith(prefix));
}

export async function assertMayCheckIn(db: Db, actor: Actor, at: ActivityPlace): Promise<void> {
  if (!(await checksInAt(db, actor, at))) throw new AppError('FORBIDDEN');
}

/**
 * The communities whose activities the actor may check in at (a scanner's list of what is open now); undefined: all.
 * A grid worker's list is narrowed further to their grids by `checksInAt`.
 */
export async function checkinCommunitiesOf(db: Db, actor: Actor): Promise<string[] | undefined> {
  if (!can(actor, 'memberservice.checkin')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  return [...new Set([...scope.communityIds, ...(hasRole(actor, 'grid_worker') ? scope.gridCommunityIds : [])])];
}

/** The sign-ups of an activity a reader sees: all for its community's staff, a unit admin only its own members'. */
export async function signupsVisibleTo(db: Db, actor: Actor, communityId: string): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all || scope.communityIds.includes(communityId) || scope.gridCommunityIds.includes(communityId))
    return undefined;
  return scope.unitIds.length ? inArray(partyMembers.unitId, scope.unitIds) : sql`false`;
}

/** A member signs up and withdraws only themself (memberservice.self and a Party member record of their own). */
export function assertMaySignUpSelf(actor: Actor, member: { id: string } | null): asserts member {
  if (!can(actor, 'memberservice.self') || !member) throw new AppError('FORBIDDEN');
}
