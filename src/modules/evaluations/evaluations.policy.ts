import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { can, grants } from '../../core/auth/permissions.js';
import { resolveScope } from '../grid/grid.scope.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { evaluationSessions } from './evaluations.schema.js';

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
