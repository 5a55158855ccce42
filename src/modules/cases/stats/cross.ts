import { and, count, eq, gte, inArray, isNull, like, lt } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { escapeLike } from '../../../core/strings.js';
import { grids } from '../../grid/grid.schema.js';
import { resolveScope } from '../../grid/grid.scope.js';
import { casesVisibleTo } from '../cases.policy.js';
import { caseDispatches, cases } from '../cases.schema.js';
import type { CaseStatsQuery } from './stats.contracts.js';
import { whistleSql } from './counted.js';
import type { StatsPeriod } from './rates.js';

/**
 * 跨社区吹哨 counted apart: the dispatch rows flagged cross-community (a unit not paired with the case's community,
 * dispatch/pairing.ts) whose whistle was blown in the period's local days, on cases the actor may see that match the
 * filters; merged duplicates excluded. A unit filter, or a unit admin's own units, count only those units' rows (as
 * dispatchesDone does). Read from case_dispatches through its partial index on the flagged rows: they are few.
 */
export async function crossCommunityDispatches(opts: {
  db: Db;
  actor: Actor;
  query: Pick<CaseStatsQuery, 'communityId' | 'gridId' | 'unitId' | 'whistle'>;
  period: Pick<StatsPeriod, 'fromStart' | 'eventsEnd'>;
}): Promise<number> {
  const { db, query: q, period } = opts;
  const s = await resolveScope(db, opts.actor);
  const unitOnly = !s.all && s.unitIds.length > 0 && !s.communityIds.length && !s.gridCodePrefixes.length;
  const units = q.unitId ? [q.unitId] : unitOnly ? s.unitIds : null;
  const [grid] = q.gridId ? await db.select({ code: grids.code }).from(grids).where(eq(grids.id, q.gridId)) : [];
  const [{ n }] = await db
    .select({ n: count() })
    .from(caseDispatches)
    .innerJoin(cases, eq(cases.id, caseDispatches.caseId))
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .where(
      and(
        eq(caseDispatches.crossCommunity, true),
        gte(caseDispatches.dispatchedAt, period.fromStart),
        lt(caseDispatches.dispatchedAt, period.eventsEnd),
        isNull(cases.mergedIntoId),
        await casesVisibleTo(db, opts.actor),
        q.communityId ? eq(cases.communityId, q.communityId) : undefined,
        grid ? like(grids.code, `${escapeLike(grid.code)}%`) : undefined,
        units ? inArray(caseDispatches.unitId, units) : undefined,
        whistleSql(q.whistle),
      ),
    );
  return n;
}
