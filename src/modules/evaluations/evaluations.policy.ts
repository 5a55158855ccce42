import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { can, grants } from '../../core/auth/permissions.js';
import { resolveScope } from '../grid/grid.scope.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { evaluationFollowUps, evaluationSessions } from './evaluations.schema.js';

/**
 * Who may do what with evaluation sessions (每月20日定期评事), through the permission table: `evaluations.read`
 * (county, community admins, grid workers) reads them, `evaluations.manage` (county, community admins) runs them.
 * The scope then narrows: the county everything; a community admin the communities they run; a grid worker the
 * communities their grids lie in. Everyone else has no business here (403).
 */
export async function sessionsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  // The communities of one's grids count only through a grid binding that may read sessions (a grid worker's), not
  // through one that may not (an alley head's).
  const readsThroughGrids = actor.bindings.some((b) => b.scopeGridId !== null && grants(b.role, 'evaluations.read'));
  const ids = [...new Set([...scope.communityIds, ...(readsThroughGrids ? scope.gridCommunityIds : [])])];
  return ids.length ? inArray(evaluationSessions.communityId, ids) : sql`false`;
}

/** Reading at all needs `evaluations.read`. */
export function assertMayReadSessions(actor: Actor): void {
  if (!can(actor, 'evaluations.read')) throw new AppError('FORBIDDEN');
}

/** Creating, editing, recording verdicts and holding: `evaluations.manage`, in a community the actor runs. */
export async function assertMayManageSessions(db: Db, actor: Actor, communityId: string): Promise<void> {
  if (!can(actor, 'evaluations.manage')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (!scope.all && !scope.communityIds.includes(communityId)) throw new AppError('FORBIDDEN');
}

/**
 * The follow-up tasks of 不满意 verdicts an actor may list and mark done or open again (`evaluations.followups`, 403
 * without it): the county all; a community admin those of the communities they run (they run its sessions); a unit
 * admin the tasks given to their own units, and no other task of the same case. A filter over the follow-ups joined to
 * their sessions (evaluations.followups.ts).
 */
export async function followUpsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  if (!can(actor, 'evaluations.followups')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const mine = [
    scope.communityIds.length ? inArray(evaluationSessions.communityId, scope.communityIds) : undefined,
    scope.unitIds.length ? inArray(evaluationFollowUps.assigneeUnitId, scope.unitIds) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return mine.length ? or(...mine) : sql`false`;
}
