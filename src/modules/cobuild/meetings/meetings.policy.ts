import { and, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { hasRole } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import { anyOf } from '../../../core/auth/scope.js';
import { resolveScope } from '../../grid/grid.scope.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { jointMeetings, jointMeetingUnits, meetingTasks } from './meetings.schema.js';

/**
 * Who may do what with joint meetings (党建联席会): the county everything; a community admin runs its own
 * community's meetings (meetings.write); a unit admin sees the meetings its unit is invited to, answers the
 * invitation, confirms its own attendance and works the tasks its unit owns (meetings.tasks). Everyone else: 403.
 */
export function assertMayReadMeetings(actor: Actor): void {
  if (!can(actor, 'cobuild.read') || !hasRole(actor, 'county_admin', 'community_admin', 'unit_admin'))
    throw new AppError('FORBIDDEN');
}

/** Meetings this actor may see: its communities' meetings, and the ones its units are invited to. */
export async function meetingsVisibleTo(db: Db, actor: Actor): Promise<SQL> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return sql`true`;
  const invited = scope.unitIds.length
    ? exists(
        db
          .select({ one: sql`1` })
          .from(jointMeetingUnits)
          .where(
            and(eq(jointMeetingUnits.meetingId, jointMeetings.id), inArray(jointMeetingUnits.unitId, scope.unitIds)),
          ),
      )
    : undefined;
  const own = scope.communityIds.length ? inArray(jointMeetings.communityId, scope.communityIds) : undefined;
  return anyOf(own, invited) ?? sql`false`;
}

/** Tasks this actor may see: its communities' tasks, and the ones its units own. */
export async function tasksVisibleTo(db: Db, actor: Actor): Promise<SQL> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return sql`true`;
  const own = scope.communityIds.length ? inArray(meetingTasks.communityId, scope.communityIds) : undefined;
  const owned = scope.unitIds.length ? inArray(meetingTasks.ownerUnitId, scope.unitIds) : undefined;
  return anyOf(own, owned) ?? sql`false`;
}

/** May this actor run the meetings of this community (meetings.write, and the community in scope)? */
export async function mayManageMeetings(db: Db, actor: Actor, communityId: string): Promise<boolean> {
  if (!can(actor, 'meetings.write')) return false;
  const scope = await resolveScope(db, actor);
  return scope.all || scope.communityIds.includes(communityId);
}

export async function assertMayManageMeetings(db: Db, actor: Actor, communityId: string): Promise<void> {
  if (!(await mayManageMeetings(db, actor, communityId))) throw new AppError('FORBIDDEN');
}

/** Proposing for every community at once is the county's job; a community admin proposes for its own. */
export async function communitiesManagedBy(db: Db, actor: Actor): Promise<'all' | string[]> {
  if (!can(actor, 'meetings.write')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  return scope.all ? 'all' : scope.communityIds;
}

/** The units of these whose admin this actor is, and so may answer for (meetings.tasks). */
export async function unitsActorSpeaksFor(db: Db, actor: Actor, unitIds: string[]): Promise<string[]> {
  if (!can(actor, 'meetings.tasks')) return [];
  const scope = await resolveScope(db, actor);
  return unitIds.filter((id) => scope.unitIds.includes(id));
}

/**
 * How the actor may touch a task: 'staff' (the community's admin or the county: every field), 'owner' (an admin
 * of the owner unit: status and completion note), or a 403.
 */
export async function taskAccess(
  db: Db,
  actor: Actor,
  task: { communityId: string; ownerUnitId: string },
): Promise<'staff' | 'owner'> {
  if (await mayManageMeetings(db, actor, task.communityId)) return 'staff';
  if ((await unitsActorSpeaksFor(db, actor, [task.ownerUnitId])).length) return 'owner';
  throw new AppError('FORBIDDEN');
}
