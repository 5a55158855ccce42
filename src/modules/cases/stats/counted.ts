import { and, eq, gte, isNotNull, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { resolveScope } from '../../grid/grid.scope.js';
import type { CountedEvent, StatsWhistle } from '../cases.enums.js';
import { caseDispatches, cases } from '../cases.schema.js';
import { statsPeriod } from './rates.js';

/*
 * Which cases a statistic counts, as a where-clause on `cases`: the case list's `counted` filter, so that a figure's
 * link lists exactly the cases behind it. Each condition is the one direct.ts counts by (its lateral VALUES and its
 * dispatch rows); stats/figures.api.test.ts checks that every figure equals the list it links to.
 */

/** The whistle (吹哨) condition of both the statistics and the list: any, none, one kind, or no condition. */
export function whistleSql(w: StatsWhistle | undefined): SQL | undefined {
  if (w === 'any') return isNotNull(cases.whistle);
  if (w === 'none') return isNull(cases.whistle);
  return w ? eq(cases.whistle, w) : undefined;
}

/**
 * The units whose completed dispatches an actor's statistics count: the unit filter, else a unit admin's own units
 * (as stats.ts's unit lens), else every unit (null).
 */
async function unitLens(db: Db, actor: Actor, unitId: string | undefined): Promise<string[] | null> {
  if (unitId) return [unitId];
  const s = await resolveScope(db, actor);
  const unitOnly = !s.all && s.unitIds.length > 0 && !s.communityIds.length && !s.gridCodePrefixes.length;
  return unitOnly ? s.unitIds : null;
}

/**
 * The cases whose `event` fell in the local days [from, to] (defaults and limits as the statistics: from 1 January,
 * to today; events up to the end of today, limits up to `now`), merged duplicates excluded.
 */
export async function countedSql(opts: {
  db: Db;
  actor: Actor;
  event: CountedEvent;
  from?: string;
  to?: string;
  unitId?: string;
  now: Date;
}): Promise<SQL | undefined> {
  const p = statsPeriod({ from: opts.from, to: opts.to }, opts.now);
  type TimeColumn =
    | typeof cases.reportedAt
    | typeof cases.resolvedAt
    | typeof cases.ratedAt
    | typeof cases.responseDueAt
    | typeof cases.resolutionDueAt;
  const within = (column: TimeColumn, end: Date) => and(gte(column, p.fromStart), lt(column, end));
  const due = (column: TimeColumn) => and(ne(cases.status, 'rejected'), within(column, p.dueEnd));
  let condition: SQL | undefined;
  switch (opts.event) {
    case 'reported':
      condition = within(cases.reportedAt, p.eventsEnd);
      break;
    case 'resolved':
      condition = within(cases.resolvedAt, p.eventsEnd);
      break;
    case 'rated':
      condition = and(isNotNull(cases.satisfaction), within(cases.ratedAt, p.eventsEnd));
      break;
    case 'responseDue':
      condition = due(cases.responseDueAt);
      break;
    case 'resolutionDue':
      condition = due(cases.resolutionDueAt);
      break;
    case 'dispatchDone': {
      const lens = await unitLens(opts.db, opts.actor, opts.unitId);
      condition = sql`exists (select 1 from ${caseDispatches} d where d.case_id = ${cases.id}
        and d.done_at >= ${p.fromStart.toISOString()}::timestamptz and d.done_at < ${p.eventsEnd.toISOString()}::timestamptz
        ${lens ? sql`and d.unit_id = any(${sql.param(lens)}::uuid[])` : sql``})`;
      break;
    }
  }
  return and(isNull(cases.mergedIntoId), condition);
}
