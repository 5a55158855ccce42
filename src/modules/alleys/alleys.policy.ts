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
  /** Close the region's tasks (整改任务) with a note: its alley heads and whoever manages it. */
  mayCloseTasks: boolean;
}

type RegionRef = { communityId: string; gridId: string | null };

/**
 * The actor's rights on any region they can see, with the scope read once (a task list asks it for every row):
 * inspect the regions they hold (or all, the county), manage the evidence and tasks of their communities' regions.
 */
export async function rightsFor(db: Db, actor: Actor): Promise<(region: RegionRef) => RegionRights> {
  const [scope, heldIds] = await Promise.all([resolveScope(db, actor), heldAlleyGridIds(db, actor)]);
  const mayInspectAny = can(actor, 'alleys.inspect');
  const mayManageAny = can(actor, 'alleys.manage');
  return (region) => {
    const held = region.gridId !== null && heldIds.includes(region.gridId);
    const mayInspect = mayInspectAny && (scope.all || held);
    const mayManage = mayManageAny && (scope.all || scope.communityIds.includes(region.communityId));
    return { mayInspect, mayManage, mayCloseTasks: mayManage || mayInspect };
  };
}

/** What the actor may do on a region they can see. */
export async function rightsOn(db: Db, actor: Actor, region: RegionRef): Promise<RegionRights> {
  return (await rightsFor(db, actor))(region);
}

/** Inspecting: an alley head only the regions they hold (a region out of sight was already a 404). */
export async function assertMayInspect(db: Db, actor: Actor, region: RegionRef) {
  if (!(await rightsOn(db, actor, region)).mayInspect) throw new AppError('FORBIDDEN');
}

/** Evidence (notes, links, photos, documents) and cancelling tasks: the county and the region's community. */
export async function assertMayManage(db: Db, actor: Actor, region: RegionRef) {
  if (!(await rightsOn(db, actor, region)).mayManage) throw new AppError('FORBIDDEN');
}

/** Closing a task by hand: the region's alley heads and whoever manages it. */
export async function assertMayCloseTask(db: Db, actor: Actor, region: RegionRef) {
  if (!(await rightsOn(db, actor, region)).mayCloseTasks) throw new AppError('FORBIDDEN');
}
