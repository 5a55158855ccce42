import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { hasRole } from '../../core/auth/actor.js';
import { resolveScope } from '../grid/grid.scope.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { evaluationSessions } from './evaluations.schema.js';

/**
 * Who may do what with evaluation sessions (每月20日定期评事): the county everything; a community admin runs the
 * sessions of their communities; a grid worker reads the sessions of the communities their grids lie in. Everyone
 * else has no business here (403).
 */
export async function sessionsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const ids = [...new Set([...scope.communityIds, ...(hasRole(actor, 'grid_worker') ? scope.gridCommunityIds : [])])];
  return ids.length ? inArray(evaluationSessions.communityId, ids) : sql`false`;
}

/** Reading at all needs one of the roles that sees sessions. */
export function assertMayReadSessions(actor: Actor): void {
  if (!hasRole(actor, 'county_admin', 'community_admin', 'grid_worker')) throw new AppError('FORBIDDEN');
}

/** Creating, editing, recording verdicts and holding: the county, or an admin of that community. */
export async function assertMayManageSessions(db: Db, actor: Actor, communityId: string): Promise<void> {
  if (!hasRole(actor, 'county_admin', 'community_admin')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (!scope.all && !scope.communityIds.includes(communityId)) throw new AppError('FORBIDDEN');
}
