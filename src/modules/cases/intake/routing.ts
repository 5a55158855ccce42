import { localDayOf } from '../../../core/calendar.js';
import { and, desc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { insideCounty } from '../../../core/geo.js';
import { locateGrid } from '../../grid/grid.service.js';
import { gridDuties } from '../../duties/duties.schema.js';
import { grids } from '../../grid/grid.schema.js';
import { people } from '../../people/people.schema.js';

export interface Routing {
  gridId: string;
  gridCode: string;
  communityId: string;
  ownerPersonId: string | null;
}

/** Roles that own cases in their grid, most accountable first (the full-time grid worker answers for the grid). */
export const OWNER_ROLES = ['grid_worker', 'neighbourhood_worker', 'community_secretary'] as const;

/**
 * 问题在网格发生: a case with a location goes to the deepest grid containing it; otherwise to the reporter's home
 * grid. Its owner is the active grid worker of that grid or the nearest grid above it.
 */
export async function routeCase(opts: {
  db: Db;
  lng?: number;
  lat?: number;
  reporterPersonId?: string | null;
  now: Date;
}): Promise<Routing> {
  return routeToGrid(opts.db, await routedGrid(opts), opts.now);
}

/** The grid a report belongs to: the deepest grid at its location, else the grid the caller named, else the reporter's home grid. */
export async function routedGrid(opts: {
  db: Db;
  lng?: number;
  lat?: number;
  reporterPersonId?: string | null;
  /** A grid named by the caller when there is no point (an Open311 address that names one). */
  gridId?: string;
}): Promise<string> {
  let gridId: string | null = null;
  if (opts.lng !== undefined && opts.lat !== undefined) {
    if (!insideCounty(opts.lng, opts.lat)) throw new AppError('OUTSIDE_COUNTY');
    gridId = await locateGrid({ db: opts.db, lng: opts.lng, lat: opts.lat });
  }
  gridId ??= opts.gridId ?? null;
  if (!gridId && opts.reporterPersonId) {
    const [p] = await opts.db
      .select({ homeGridId: people.homeGridId })
      .from(people)
      .where(eq(people.id, opts.reporterPersonId));
    gridId = p?.homeGridId ?? null;
  }
  if (!gridId) {
    throw new AppError('VALIDATION_FAILED', {}, [
      {
        path: '/lng',
        message: 'a location inside a grid, or a reporter with a home grid, is needed to route the case',
      },
    ]);
  }
  return gridId;
}

export async function routeToGrid(db: Db, gridId: string, now: Date): Promise<Routing> {
  const [grid] = await db
    .select({ code: grids.code, communityId: grids.communityId })
    .from(grids)
    .where(eq(grids.id, gridId));
  if (!grid) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/gridId', message: 'grid does not exist' }]);
  return {
    gridId,
    gridCode: grid.code,
    communityId: grid.communityId,
    ownerPersonId: await ownerOf(db, grid.code, now),
  };
}

/** The codes of a grid and its ancestors, the community grid first (codes are prefixes: county 6 + 3 per level). */
function pathCodes(code: string): string[] {
  return Array.from({ length: (code.length - 6) / 3 }, (_, i) => code.slice(0, 9 + 3 * i));
}

/** A duty that is still running on `now` (an open-ended one, or one that ends today or later). */
function activeOn(now: Date) {
  return or(isNull(gridDuties.until), gte(gridDuties.until, localDayOf(now)));
}

/** The active duty holder of the grid or its nearest ancestor (codes are prefixes), deepest first. */
export async function ownerOf(db: Db, code: string, now: Date): Promise<string | null> {
  const prefixes = pathCodes(code);
  const rows = await db
    .select({ personId: gridDuties.personId, role: gridDuties.role, code: grids.code })
    .from(gridDuties)
    .innerJoin(grids, eq(grids.id, gridDuties.gridId))
    .where(and(inArray(grids.code, prefixes), inArray(gridDuties.role, [...OWNER_ROLES]), activeOn(now)))
    .orderBy(desc(grids.level));
  // Prefer a full-time grid worker on the path; otherwise the deepest owner of any kind.
  return (rows.find((r) => r.role === 'grid_worker') ?? rows[0])?.personId ?? null;
}

/**
 * 督办 escalation: one grid level above the grid the current owner answers for on this case's path (or above the
 * case's own grid when the owner holds no duty on it), resolved by the same rule as routing. A level whose owner is
 * the same person is skipped, so the case really reaches someone else; null when nobody above answers for it.
 */
export async function ownerAbove(
  db: Db,
  gridCode: string,
  currentOwner: string | null,
  now: Date,
): Promise<{ personId: string; gridCode: string } | null> {
  const path = pathCodes(gridCode);
  let from = path.length - 1;
  if (currentOwner) {
    const held = await db
      .select({ code: grids.code })
      .from(gridDuties)
      .innerJoin(grids, eq(grids.id, gridDuties.gridId))
      .where(
        and(
          eq(gridDuties.personId, currentOwner),
          inArray(grids.code, path),
          inArray(gridDuties.role, [...OWNER_ROLES]),
          activeOn(now),
        ),
      );
    const deepest = Math.max(-1, ...held.map((h) => path.indexOf(h.code)));
    if (deepest >= 0) from = deepest;
  }
  for (let i = from - 1; i >= 0; i--) {
    const personId = await ownerOf(db, path[i], now);
    if (personId && personId !== currentOwner) return { personId, gridCode: path[i] };
  }
  return null;
}
