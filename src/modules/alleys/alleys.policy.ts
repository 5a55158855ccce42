import { and, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { type Actor, scopeGridIds } from '../../core/auth/actor.js';
import { can } from '../../core/auth/permissions.js';
import { clock } from '../../core/clock.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { gridDuties } from '../duties/duties.schema.js';
import { alleyRegions } from '../grid/grid.schema.js';
import { resolveScope } from '../grid/grid.scope.js';

/**
 * The alley grids an actor holds as 巷长: those of their alley_head role bindings, and those where their person has an
 * active alley_head grid duty (the register of 按格定岗, which names the 85 heads even before they have a login).
 */
export async function heldAlleyGridIds(db: Db, actor: Actor): Promise<string[]> {
  const bound = scopeGridIds(actor, 'alley_head');
  if (!actor.personId) return bound;
  const today = clock.today();
  const duties = await db
    .select({ gridId: gridDuties.gridId })
    .from(gridDuties)
    .where(
      and(
        eq(gridDuties.personId, actor.personId),
        eq(gridDuties.role, 'alley_head'),
        sql`${gridDuties.since} <= ${today}`,
        or(isNull(gridDuties.until), gte(gridDuties.until, today)),
      ),
    );
  return [...new Set([...bound, ...duties.map((d) => d.gridId)])];
}

/** The regions an actor sees (alleys.read): the county all, a community admin their communities', an alley head theirs. */
export async function regionsVisibleTo(db: Db, actor: Actor): Promise<SQL> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return sql`true`;
  const held = await heldAlleyGridIds(db, actor);
  return (
    or(
      scope.communityIds.length ? inArray(alleyRegions.communityId, scope.communityIds) : undefined,
      held.length ? inArray(alleyRegions.gridId, held) : undefined,
    ) ?? sql`false`
  );
}

export interface RegionRights {
  mayInspect: boolean;
  mayManage: boolean;
}

/** What the actor may do on a region they can see: inspect it if they hold it (or are the county), manage its evidence in their community. */
export async function rightsOn(
  db: Db,
  actor: Actor,
  region: { communityId: string; gridId: string | null },
): Promise<RegionRights> {
  const scope = await resolveScope(db, actor);
  const held = region.gridId !== null && (await heldAlleyGridIds(db, actor)).includes(region.gridId);
  return {
    mayInspect: can(actor, 'alleys.inspect') && (scope.all || held),
    mayManage: can(actor, 'alleys.manage') && (scope.all || scope.communityIds.includes(region.communityId)),
  };
}

/** Inspecting: an alley head only the regions they hold (a region out of sight was already a 404). */
export async function assertMayInspect(db: Db, actor: Actor, region: { communityId: string; gridId: string | null }) {
  if (!(await rightsOn(db, actor, region)).mayInspect) throw new AppError('FORBIDDEN');
}

export async function assertMayManage(db: Db, actor: Actor, region: { communityId: string; gridId: string | null }) {
  if (!(await rightsOn(db, actor, region)).mayManage) throw new AppError('FORBIDDEN');
}
