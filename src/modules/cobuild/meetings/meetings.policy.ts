import { and, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import { anyOf } from '../../../core/auth/scope.js';
import { resolveScope } from '../../grid/grid.scope.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { TaskStatus } from './meetings.contracts.js';
import { jointMeetings, jointMeetingUnits, meetingTasks } from './meetings.schema.js';

/**
 * Who may do what with joint meetings (党建联席会): the county everything; a community admin runs its own
 * community's meetings (meetings.write); a unit admin sees the meetings its unit is invited to, answers the
 * invitation, confirms its own attendance and works the tasks its unit owns (meetings.tasks). Reading them is
 * meetings.read (the web's menu offers the page by the same permission); everyone else: 403.
 */
export function assertMayReadMeetings(actor: Actor): void {
  if (!can(actor, 'meetings.read')) throw new AppError('FORBIDDEN');
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

/**
 * The communities whose meetings this actor may propose: every one for the county (or the scheduled job, actor null),
 * its own for a community admin. Asking for a community outside them is 403; undefined means every community.
 */
export async function communitiesToPropose(
  db: Db,
  actor: Actor | null,
  requested?: string[],
): Promise<string[] | undefined> {
  if (!actor) return requested;
  if (!can(actor, 'meetings.write')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (scope.all) return requested;
  const ids = requested ? requested.filter((id) => scope.communityIds.includes(id)) : scope.communityIds;
  if (requested && ids.length < requested.length) throw new AppError('FORBIDDEN');
  return ids;
}

/** The units of these whose admin this actor is, and so may answer for (meetings.tasks). */
export async function unitsActorSpeaksFor(db: Db, actor: Actor, unitIds: string[]): Promise<string[]> {
  if (!can(actor, 'meetings.tasks')) return [];
  const scope = await resolveScope(db, actor);
  return unitIds.filter((id) => scope.unitIds.includes(id));
}

/** Answering an invitation: the meeting's staff for any invited unit, otherwise an admin of this unit. */
export async function assertMaySpeakForUnit(
  db: Db,
  actor: Actor,
  meeting: { communityId: string },
  unitId: string,
): Promise<void> {
  if (await mayManageMeetings(db, actor, meeting.communityId)) return;
  await assertMayActAsUnit(db, actor, unitId);
}

/** Confirming a unit's own attendance: only an admin of that unit (meetings.tasks). */
export async function assertMayActAsUnit(db: Db, actor: Actor, unitId: string): Promise<void> {
  if (!(await unitsActorSpeaksFor(db, actor, [unitId])).length) throw new AppError('FORBIDDEN');
}

export type TaskAccess = 'staff' | 'owner';

/**
 * How the actor may touch a task: 'staff' (the community's admin or the county: every field), 'owner' (an admin
 * of the owner unit: status and completion note), or a 403.
 */
export async function taskAccess(
  db: Db,
  actor: Actor,
  task: { communityId: string; ownerUnitId: string },
): Promise<TaskAccess> {
  if (await mayManageMeetings(db, actor, task.communityId)) return 'staff';
  if ((await unitsActorSpeaksFor(db, actor, [task.ownerUnitId])).length) return 'owner';
  throw new AppError('FORBIDDEN');
}

/** Reopening a done task and cancelling one are the community's (staff) decisions, not the owner unit's. */
export function assertMayMoveTask(access: TaskAccess, from: TaskStatus, to: TaskStatus): void {
  if (access === 'owner' && (to === 'cancelled' || from === 'done')) throw new AppError('FORBIDDEN');
}

/** A task's content, deadline and owner are the staff's: an owner unit sending them is 403. */
export function assertMayEditTaskDetails(access: TaskAccess): void {
  if (access !== 'staff') throw new AppError('FORBIDDEN');
}
