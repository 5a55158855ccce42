import type { Actor } from '../../core/auth/actor.js';
import { can, type Permission } from '../../core/auth/permissions.js';
import { resolveScope } from './grid.scope.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';

/**
 * Grid names and boundaries are public to logged-in users (a resident picks a place on the map); changing a
 * grid (or, in duties/, its duties) is for the county, or the community admin of the grid's community.
 */
export async function assertCanManageCommunity(
  db: Db,
  actor: Actor,
  communityId: string,
  permission: Permission,
): Promise<void> {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (scope.all) return;
  if (!scope.communityIds.includes(communityId)) throw new AppError('FORBIDDEN');
}

/** The codes of a grid and its ancestors (codes are prefixes: county 6 digits + 3 per level). */
export function gridPathCodes(code: string): string[] {
  return Array.from({ length: Math.max(0, (code.length - 6) / 3) }, (_, i) => code.slice(0, 9 + 3 * i));
}
