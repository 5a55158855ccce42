import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { resolveScope } from '../../grid/grid.scope.js';
import { managedScope, runs } from '../volunteers.policy.js';
import { volunteerActivities } from '../volunteers.schema.js';

/**
 * Who may do what with volunteer activities, on top of volunteers.policy.ts:
 * - reading an activity: anyone who may read volunteer service or take part (volunteers.read / volunteers.self);
 *   service is county-wide, so a volunteer sees the open activities of every community;
 * - the staff list: the county all; a community admin or grid worker their communities; a leader their teams';
 * - running one (edit, cancel, outcome, roster, adding and cancelling others' sign-ups): assertMayRunActivity;
 * - a volunteer signs themself up and cancels their own sign-up (volunteers.self).
 */
export function assertMayReadActivities(actor: Actor): void {
  if (!can(actor, 'volunteers.read') && !can(actor, 'volunteers.self')) throw new AppError('FORBIDDEN');
}

export function assertMayTakePart(actor: Actor): void {
  if (!can(actor, 'volunteers.self')) throw new AppError('FORBIDDEN');
}

/** Signing up someone else, editing, cancelling: the organisers (community admins, leaders, the county). */
export function assertMayOrganise(actor: Actor): void {
  if (!can(actor, 'volunteers.lead') && !can(actor, 'volunteers.manage')) throw new AppError('FORBIDDEN');
}

/** The staff list's scope as a filter: what the caller runs, and the communities their grids lie in. */
export async function activitiesListedFor(db: Db, actor: Actor): Promise<SQL> {
  if (!can(actor, 'volunteers.read')) return sql`false`;
  const [scope, m] = await Promise.all([resolveScope(db, actor), managedScope(db, actor)]);
  if (scope.all) return sql`true`;
  const communities = [...new Set([...scope.communityIds, ...scope.gridCommunityIds])];
  return (
    or(
      communities.length ? inArray(volunteerActivities.communityId, communities) : undefined,
      m.teamIds.length ? inArray(volunteerActivities.teamId, m.teamIds) : undefined,
    ) ?? sql`false`
  );
}

/** Whether the caller runs this activity (the detail's `can.run`, the roster). */
export async function mayRunActivity(
  db: Db,
  actor: Actor,
  a: { communityId: string; teamId: string | null },
): Promise<boolean> {
  return runs(await managedScope(db, actor), a);
}

/**
 * Who cancels a sign-up: its volunteer ('self': until the cancellation deadline) or the activity's organiser
 * ('organiser': until the start). Anyone else does not see the sign-up (404).
 */
export async function signupCanceller(
  db: Db,
  actor: Actor,
  a: { communityId: string; teamId: string | null },
  signupPersonId: string,
): Promise<'self' | 'organiser'> {
  if (await mayRunActivity(db, actor, a)) return 'organiser';
  if (actor.personId === signupPersonId && can(actor, 'volunteers.self')) return 'self';
  throw new AppError('NOT_FOUND', { entity: 'volunteer_signup' });
}
