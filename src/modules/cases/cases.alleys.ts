import { and, desc, eq, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { escapeLike } from '../../core/strings.js';
import { visibleRegion } from '../alleys/alleys.service.js';
import { grids } from '../grid/grid.schema.js';
import type { AlleyRegionCases } from './cases.contracts.js';
import { caseSummariesByIds } from './cases.query.js';
import { cases } from './cases.schema.js';

/** Open: still being worked (a resolved case awaiting verification counts as solved). */
const WORKING = ['reported', 'accepted', 'dispatched', 'acknowledged', 'in_progress', 'returned', 'reopened'] as const;
const SOLVED = ['resolved', 'verified', 'closed', 'rated'] as const;
const LATEST = 10;

/**
 * An alley region's cases (those located in its alley grid or below): open and solved counts, the median time from
 * report to resolution, and the latest cases. Whoever sees the region sees these figures (a region out of sight is
 * a 404); opening a case itself is still the case policy's.
 */
export async function alleyRegionCases(db: Db, actor: Actor, regionId: string): Promise<AlleyRegionCases> {
  const region = await visibleRegion(db, actor, regionId);
  const [grid] = region.gridId
    ? await db.select({ code: grids.code }).from(grids).where(eq(grids.id, region.gridId))
    : [];
  if (!grid) return { open: 0, resolved: 0, medianResolveHours: null, latest: [] };
  const inRegion: SQL = and(
    inArray(
      cases.gridId,
      db
        .select({ id: grids.id })
        .from(grids)
        .where(like(grids.code, `${escapeLike(grid.code)}%`)),
    ),
    isNull(cases.mergedIntoId),
  ) as SQL;
  const hours = sql`extract(epoch from (${cases.resolvedAt} - ${cases.reportedAt})) / 3600.0`;
  const [[figures], ids] = await Promise.all([
    db
      .select({
        open: sql<number>`count(*) filter (where ${inArray(cases.status, [...WORKING])})::int`,
        resolved: sql<number>`count(*) filter (where ${inArray(cases.status, [...SOLVED])})::int`,
        median: sql<string | null>`percentile_cont(0.5) within group (order by ${hours})
          filter (where ${inArray(cases.status, [...SOLVED])} and ${cases.resolvedAt} is not null)`,
      })
      .from(cases)
      .where(inRegion),
    db
      .select({ id: cases.id })
      .from(cases)
      .where(inRegion)
      .orderBy(desc(cases.reportedAt), desc(cases.id))
      .limit(LATEST),
  ]);
  const summaries = await caseSummariesByIds(
    db,
    ids.map((r) => r.id),
  );
  const byId = new Map(summaries.map((s) => [s.id, s]));
  return {
    open: figures.open,
    resolved: figures.resolved,
    medianResolveHours: figures.median === null ? null : Math.round(Number(figures.median) * 10) / 10,
    latest: ids.flatMap((r) => byId.get(r.id) ?? []),
  };
}
