import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { hasRole, scopeGridIds } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { assertCanManageCommunity, gridPathCodes } from '../grid/grid.policy.js';
import { grids } from '../grid/grid.schema.js';
import { people } from '../people/people.schema.js';
import { gridDuties } from './duties.schema.js';

/** Changing a duty is for whoever may manage the grid's community (grid.policy.ts), with the duty.write permission. */
export async function assertMayManageDuty(db: Db, actor: Actor, communityId: string): Promise<void> {
  await assertCanManageCommunity(db, actor, communityId, 'duty.write');
}

/** Roles that work with grids across the county and see every duty holder (names, masked phones). */
const DUTY_STAFF = ['county_admin', 'community_admin', 'grid_worker', 'unit_admin'] as const;

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
