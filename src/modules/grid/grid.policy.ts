import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { hasRole, scopeGridIds } from '../../core/auth/actor.js';
import { can, type Permission } from '../../core/auth/permissions.js';
import { resolveScope } from './grid.scope.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { people } from '../people/people.schema.js';
import { gridDuties, grids } from './grid.schema.js';

/**
 * Grid names and boundaries are public to logged-in users (a resident picks a place on the map); changing a
 * grid or its duties is for the county, or the community admin of the grid's community.
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

/** Roles that work with grids across the county and see every duty holder (names, masked phones). */
const DUTY_STAFF = ['county_admin', 'community_admin', 'grid_worker', 'unit_admin'] as const;

/** The codes of a grid and its ancestors (codes are prefixes: county 6 digits + 3 per level). */
export function gridPathCodes(code: string): string[] {
  return Array.from({ length: Math.max(0, (code.length - 6) / 3) }, (_, i) => code.slice(0, 9 + 3 * i));
}

/**
 * Whose grid duties an actor may list (joined with grids). Staff: all, as the grid map. Anyone else — a resident, a
 * party member, a volunteer, an alley head — "who is my grid worker, my building head": the duties on their home grid
 * and its ancestors (and on grids they are bound to), and their own duties; nothing else.
 */
export async function dutiesVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  if (hasRole(actor, ...DUTY_STAFF)) return undefined;
  const gridIds = scopeGridIds(actor, 'alley_head');
  const homeOf = actor.personId
    ? db.select({ id: people.homeGridId }).from(people).where(eq(people.id, actor.personId))
    : null;
  const own = await db
    .select({ code: grids.code })
    .from(grids)
    .where(
      or(gridIds.length ? inArray(grids.id, gridIds) : undefined, homeOf ? inArray(grids.id, homeOf) : undefined) ??
        sql`false`,
    );
  const codes = [...new Set(own.flatMap((g) => gridPathCodes(g.code)))];
  return (
    or(
      codes.length ? inArray(grids.code, codes) : undefined,
      actor.personId ? eq(gridDuties.personId, actor.personId) : undefined,
    ) ?? sql`false`
  );
}
