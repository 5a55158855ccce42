import { or, type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../../core/bulk.js';
import { localDayOf } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { cases } from '../cases.schema.js';
import { type CounterRow, type Counters, gridCodeLength, type GroupKey, toCounters } from './rates.js';

/*
 * The direct path of case statistics: counts computed from the base tables (`cases`, `case_dispatches`) under a
 * where-clause. Always right, and what everything falls back to; cases.stats.ts decides which path answers.
 */

export interface Windows {
  eventsFrom: Date;
  eventsTo: Date;
  dueFrom: Date;
  dueTo: Date;
}

const within = (column: SQL, from: Date, to: Date) =>
  sql`(${column} >= ${from.toISOString()}::timestamptz and ${column} < ${to.toISOString()}::timestamptz)`;
const nonEmpty = (from: Date, to: Date) => from.getTime() < to.getTime();
const localMonth = (at: SQL) => sql`to_char((${at} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;
/** `and <column> in (…)` when the counts look through some units only (unitLens), else nothing. */
const unitLensFilter = (column: SQL, unitLens: string[] | null) =>
  unitLens
    ? sql`and ${column} in (${sql.join(
        unitLens.map((u) => sql`${u}::uuid`),
        sql`, `,
      )})`
    : sql``;

const SUMS = sql`
  coalesce(sum(ev.raised), 0)::int as raised,
  coalesce(sum(ev.raised) filter (where ev.whistle = 'resident'), 0)::int as resident_whistles,
  coalesce(sum(ev.raised) filter (where ev.whistle = 'community'), 0)::int as community_whistles,
  coalesce(sum(ev.resolved), 0)::int as resolved,
  coalesce(sum(ev.rated), 0)::int as rated,
  coalesce(sum(ev.satisfied), 0)::int as satisfied,
  coalesce(sum(ev.basically_satisfied), 0)::int as basically_satisfied,
  coalesce(sum(ev.dispatches_done), 0)::int as dispatches_done,
  coalesce(sum(ev.response_due), 0)::int as response_due,
  coalesce(sum(ev.responded_on_time), 0)::int as responded_on_time,
  coalesce(sum(ev.resolution_due), 0)::int as resolution_due,
  coalesce(sum(ev.resolved_of_due), 0)::int as resolved_of_due,
  coalesce(sum(ev.resolved_on_time), 0)::int as resolved_on_time`;

/**
 * Counters per group from `cases`: every counted event of every matching case becomes a row (the lateral VALUES
 * mirrors case_stats_events in migrations/0003_case_stats.sql), then rows are grouped.
 */
export async function directCounters(opts: {
  db: Db;
  where: SQL | undefined;
  windows: Windows;
  groupBy: GroupKey;
  unitLens: string[] | null;
  gridLevel: number;
}): Promise<Map<string, Counters>> {
  const { db, windows: w, groupBy, unitLens } = opts;
  const hasEvents = nonEmpty(w.eventsFrom, w.eventsTo);
  const hasDue = nonEmpty(w.dueFrom, w.dueTo);
  if (!hasEvents && !hasDue) return new Map();
  const evWin = (col: SQL) => (hasEvents ? within(col, w.eventsFrom, w.eventsTo) : sql`false`);
  const dueWin = (col: SQL) => (hasDue ? within(col, w.dueFrom, w.dueTo) : sql`false`);
  // Top-level ranges on indexed columns, so that a narrow window (the hours of today) is an index scan.
  const prefilter = or(
    ...(hasEvents
      ? [evWin(sql`${cases.reportedAt}`), evWin(sql`${cases.resolvedAt}`), evWin(sql`${cases.ratedAt}`)]
      : []),
    ...(hasDue ? [dueWin(sql`${cases.responseDueAt}`), dueWin(sql`${cases.resolutionDueAt}`)] : []),
  );
  const where = opts.where ?? sql`true`;
  const caseEvents = sql`
    select ${cases.id} as case_id, ${cases.communityId} as community_id, ${cases.gridId} as grid_id, ${cases.categoryCode} as category_code,
      ${cases.channel}::text as channel, ${cases.whistle}::text as whistle, null::uuid as unit_id, x.*
    from ${cases} cross join lateral (values
      ('r', ${cases.reportedAt}, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      ('s', ${cases.resolvedAt}, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0),
      ('t', case when ${cases.satisfaction} is not null then ${cases.ratedAt} end, 0, 0, 1,
        (${cases.satisfaction} = 'satisfied')::int, (${cases.satisfaction} = 'basically_satisfied')::int, 0, 0, 0, 0, 0, 0),
      ('a', case when ${cases.status} <> 'rejected' then ${cases.responseDueAt} end, 0, 0, 0, 0, 0, 0, 1,
        (${cases.acknowledgedAt} is not null and ${cases.acknowledgedAt} <= ${cases.responseDueAt})::int, 0, 0, 0),
      ('b', case when ${cases.status} <> 'rejected' then ${cases.resolutionDueAt} end, 0, 0, 0, 0, 0, 0, 0, 0, 1,
        (${cases.resolvedAt} is not null)::int, (${cases.resolvedAt} is not null and ${cases.resolvedAt} <= ${cases.resolutionDueAt})::int)
    ) as x(t, at, raised, resolved, rated, satisfied, basically_satisfied, dispatches_done, response_due, responded_on_time,
           resolution_due, resolved_of_due, resolved_on_time)
    where ${cases.mergedIntoId} is null and ${prefilter ?? sql`false`} and ${where} and x.at is not null
      and ((x.t in ('r', 's', 't') and ${evWin(sql`x.at`)}) or (x.t in ('a', 'b') and ${dueWin(sql`x.at`)}))`;
  const doneEvents = hasEvents
    ? sql`
    union all
    select ${cases.id}, ${cases.communityId}, ${cases.gridId}, ${cases.categoryCode}, ${cases.channel}::text, ${cases.whistle}::text, d.unit_id,
      'd', d.done_at, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0
    from case_dispatches d join ${cases} on ${cases.id} = d.case_id
    where ${cases.mergedIntoId} is null and d.done_at is not null and ${evWin(sql`d.done_at`)} and ${where}
      ${unitLensFilter(sql`d.unit_id`, unitLens)}`
    : sql``;
  const { key, joins } = eventGrouping(groupBy, opts.gridLevel, unitLens);
  const rows = await rowsOf<CounterRow>(
    db,
    sql`
    with ev as (${caseEvents} ${doneEvents})
    select ${key} as key, ${SUMS}
    from ev ${joins}
    ${groupBy === 'unit' ? sql`where coalesce(ev.unit_id, du.unit_id) is not null` : sql``}
    group by 1`,
  );
  return new Map(rows.map((r) => [r.key, toCounters(r)]));
}

/**
 * The limits falling in a window of today (up to now), per group: the only part the rollup's day rows cannot give.
 * A plain filtered aggregate over the cases due in the window (two indexed ranges), so it stays cheap.
 */
export async function dueCounters(opts: {
  db: Db;
  where: SQL | undefined;
  from: Date;
  to: Date;
  groupBy: GroupKey;
  unitLens: string[] | null;
  gridLevel: number;
}): Promise<Map<string, Counters>> {
  const { db, from, to, groupBy, unitLens } = opts;
  if (!nonEmpty(from, to)) return new Map();
  const responseDue = sql`(${cases.status} <> 'rejected' and ${within(sql`${cases.responseDueAt}`, from, to)})`;
  const resolutionDue = sql`(${cases.status} <> 'rejected' and ${within(sql`${cases.resolutionDueAt}`, from, to)})`;
  const { key, joins } = dueGrouping(groupBy, opts.gridLevel, unitLens, from);
  const rows = await rowsOf<CounterRow>(
    db,
    sql`
    select ${key} as key, 0 as raised, 0 as resident_whistles, 0 as community_whistles, 0 as resolved, 0 as rated, 0 as satisfied,
      0 as basically_satisfied, 0 as dispatches_done,
      count(*) filter (where ${responseDue})::int as response_due,
      count(*) filter (where ${responseDue} and ${cases.acknowledgedAt} <= ${cases.responseDueAt})::int as responded_on_time,
      count(*) filter (where ${resolutionDue})::int as resolution_due,
      count(*) filter (where ${resolutionDue} and ${cases.resolvedAt} is not null)::int as resolved_of_due,
      count(*) filter (where ${resolutionDue} and ${cases.resolvedAt} <= ${cases.resolutionDueAt})::int as resolved_on_time
    from ${cases} ${joins}
    where ${cases.mergedIntoId} is null and ${opts.where ?? sql`true`}
      and (${within(sql`${cases.responseDueAt}`, from, to)} or ${within(sql`${cases.resolutionDueAt}`, from, to)})
    group by 1`,
  );
  return new Map(rows.map((r) => [r.key, toCounters(r)]));
}

interface Grouping {
  /** The group's key, selected as `key`. */
  key: SQL;
  /** The joins the key needs (grids for a grid level, dispatches for units). */
  joins: SQL;
}

/** directCounters' group key over its event rows `ev`. */
function eventGrouping(groupBy: GroupKey, gridLevel: number, unitLens: string[] | null): Grouping {
  switch (groupBy) {
    case 'none':
      return { key: sql`''`, joins: sql`` };
    case 'community':
      return { key: sql`ev.community_id::text`, joins: sql`` };
    case 'category':
      return { key: sql`ev.category_code`, joins: sql`` };
    case 'channel':
      return { key: sql`ev.channel`, joins: sql`` };
    case 'month':
      return { key: localMonth(sql`ev.at`), joins: sql`` };
    case 'grid':
      return {
        key: sql`a.id::text`,
        joins: sql`join grids g on g.id = ev.grid_id join grids a on a.code = left(g.code, ${gridCodeLength(gridLevel)})`,
      };
    case 'unit':
      return {
        key: sql`coalesce(ev.unit_id, du.unit_id)::text`,
        joins: sql`left join case_dispatches du on ev.unit_id is null and du.case_id = ev.case_id ${unitLensFilter(sql`du.unit_id`, unitLens)}`,
      };
  }
}

/** dueCounters' group key over `cases`; a month is the window's own (it lies within today). */
function dueGrouping(groupBy: GroupKey, gridLevel: number, unitLens: string[] | null, from: Date): Grouping {
  switch (groupBy) {
    case 'none':
      return { key: sql`''`, joins: sql`` };
    case 'community':
      return { key: sql`${cases.communityId}::text`, joins: sql`` };
    case 'category':
      return { key: sql`${cases.categoryCode}`, joins: sql`` };
    case 'channel':
      return { key: sql`${cases.channel}::text`, joins: sql`` };
    case 'month':
      return { key: sql`${localDayOf(from).slice(0, 7)}::text`, joins: sql`` };
    case 'grid':
      return {
        key: sql`a.id::text`,
        joins: sql`join grids g on g.id = ${cases.gridId} join grids a on a.code = left(g.code, ${gridCodeLength(gridLevel)})`,
      };
    case 'unit':
      return {
        key: sql`du.unit_id::text`,
        // A lateral lookup by case (offset 0 keeps it one): the few cases due today, not a scan of every dispatch.
        joins: sql`cross join lateral (select d.unit_id from case_dispatches d where d.case_id = ${cases.id}
        ${unitLensFilter(sql`d.unit_id`, unitLens)} offset 0) du`,
      };
  }
}
