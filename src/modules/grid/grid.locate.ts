import { count, isNotNull, max } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { bboxOf, type Area } from '../../core/geo.js';
import { GridLocator } from './grid.locator.js';
import { grids } from './grid.schema.js';

/** How long a process trusts its index before checking whether another process changed the grids. */
const RECHECK_MS = 2000;

interface Cached {
  locator: GridLocator;
  stamp: string;
  checkedAt: number;
  generation: number;
}

let cache: Cached | null = null;
let generation = 0;

/** Called after a local grid write so the next lookup rebuilds the index. */
export function invalidateGridLocator(): void {
  generation++;
}

async function stampOf(db: Db): Promise<string> {
  const [r] = await db.select({ n: count(), last: max(grids.updatedAt) }).from(grids);
  return `${r.n}:${r.last?.toISOString() ?? ''}`;
}

/** The process's spatial index of grids, rebuilt when the grids table changed (here or in another process). */
export async function gridLocator(db: Db, now = performance.now()): Promise<GridLocator> {
  if (cache && cache.generation === generation && now - cache.checkedAt < RECHECK_MS) return cache.locator;
  const stamp = await stampOf(db);
  if (cache && cache.stamp === stamp && cache.generation === generation) {
    cache.checkedAt = now;
    return cache.locator;
  }
  const gen = generation;
  const rows = await db
    .select({ id: grids.id, level: grids.level, boundary: grids.boundary })
    .from(grids)
    .where(isNotNull(grids.boundary));
  const locator = new GridLocator(
    rows.map((r) => ({ id: r.id, level: r.level, boundary: r.boundary as Area, bbox: bboxOf(r.boundary as Area) })),
  );
  cache = { locator, stamp, checkedAt: now, generation: gen };
  return locator;
}

/** The deepest grid at a point (point-in-polygon over the spatial index), or null. */
export async function locateGrid(opts: { db: Db; lng: number; lat: number }) {
  const locator = await gridLocator(opts.db);
  const hit = locator.locate(opts.lng, opts.lat);
  if (!hit) return null;
  return hit.id;
}
