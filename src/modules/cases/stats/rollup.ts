import { and, or, type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../../core/bulk.js';
import type { Db } from '../../../core/db.js';
import { grids } from '../../grid/grid.schema.js';
import type { StatsWhistle } from './stats.contracts.js';
import {
  addDays,
  type CounterRow,
  DUE_COUNTS,
  EVENT_COUNTS,
  type Counters,
  type GroupKey,
  gridCodeLength,
  minDay,
  monthStart,
  nextMonthStart,
  type StatsPeriod,
  toCounters,
} from './rates.js';

/*
 * The rollup path of case statistics: counts read from `case_stats` (kept by triggers, see cases.stats.schema.ts),
 * month rows for whole months and day rows for the rest. cases.stats.ts decides when this path may answer.
 */

export type RollupKind = 'geo' | 'cat' | 'channel' | 'unit';

export interface FastRestriction {
  /** null = any community. */
  communities: string[] | null;
  /** A where-clause over `grids`: the case's grid must match it. */
  gridWhere: SQL | undefined;
  /** The grid restriction selects whole level-2 grids (what 'geo' rows are keyed by). */
  gridWhole: boolean;
  /** The one unit the view is about (cases dispatched to it, its own completed dispatches). */
  unit: string | null;
  whistle: StatsWhistle | undefined;
}

/**
 * Which rollup rows answer the groups (and the totals) for this restriction, or null when only `direct` can. Each
 * kind has the dimensions its questions need (case_stats_keys in the migrations): geo = community, whistle, level-2
 * grid and channel; cat = community, category; channel = community, whistle, channel; unit = whistle, unit and
 * channel.
 */
export function rollupKinds(
  groupBy: GroupKey,
  r: FastRestriction,
  gridLevel: number,
): { groups: RollupKind; totals: RollupKind } | null {
  if (r.unit) {
    if (r.gridWhere || r.communities) return null;
    return ['none', 'month', 'unit', 'channel'].includes(groupBy) ? { groups: 'unit', totals: 'unit' } : null;
  }
  if (r.gridWhere) {
    if (!r.gridWhole) return null;
    return ['none', 'community', 'month', 'channel'].includes(groupBy) || (groupBy === 'grid' && gridLevel === 2)
      ? { groups: 'geo', totals: 'geo' }
      : null;
  }
  switch (groupBy) {
    case 'grid':
      return gridLevel === 2 ? { groups: 'geo', totals: 'channel' } : null;
    case 'category':
      return r.whistle ? null : { groups: 'cat', totals: 'channel' };
    case 'unit':
      return r.communities ? null : { groups: 'unit', totals: 'channel' };
    default:
      return { groups: 'channel', totals: 'channel' };
  }
}

/** Whole months inside [from, last] and the day ranges around them. */
function buckets(
  from: string,
  last: string,
  monthsUntil: string,
): { months: [string, string] | null; days: [string, string][] } {
  if (from > last) return { months: null, days: [] };
  const firstFull = from === monthStart(from) ? from : nextMonthStart(from);
  let lastFullStart: string | null = null;
  for (let m = firstFull; addDays(nextMonthStart(m), -1) <= monthsUntil; m = nextMonthStart(m)) lastFullStart = m;
  if (!lastFullStart) return { months: null, days: [[from, last]] };
  const afterFull = nextMonthStart(lastFullStart);
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, addDays(firstFull, -1)]);
  if (afterFull <= last) days.push([afterFull, last]);
  return { months: [firstFull, lastFullStart], days };
}

/**
 * The parts of a row's dim: geo and unit rows keep '<grid or unit id>:<channel>' (migrations/0016), cat and channel
 * rows one value.
 */
function dimParts(kind: RollupKind): { id: SQL; channel: SQL } {
  return kind === 'geo' || kind === 'unit'
    ? { id: sql`split_part(s.dim, ':', 1)`, channel: sql`split_part(s.dim, ':', 2)` }
    : { id: sql`s.dim`, channel: sql`s.dim` };
}

/** The SQL key rows are grouped by, and the joins it needs (a grid key rolls the stored grids up to `gridLevel`). */
function groupKeyOf(kind: RollupKind, groupBy: GroupKey, gridLevel: number): { key: SQL; joins: SQL } {
  const dim = dimParts(kind);
  switch (groupBy) {
    case 'none':
      return { key: sql`''`, joins: sql`` };
    case 'community':
      return { key: sql`s.community_id::text`, joins: sql`` };
    case 'month':
      return { key: sql`to_char(s.bucket, 'YYYY-MM')`, joins: sql`` };
    case 'grid':
      return {
        key: sql`a.id::text`,
        joins: sql`join grids g on g.id::text = ${dim.id} join grids a on a.code = left(g.code, ${gridCodeLength(gridLevel)})`,
      };
    case 'channel':
      return { key: dim.channel, joins: sql`` };
    default:
      return { key: dim.id, joins: sql`` };
  }
}

/** The condition on the whistle (吹哨) column: any, none, one kind, or no condition. */
function whistleFilter(whistle: FastRestriction['whistle']): SQL | undefined {
  return whistle === 'any'
    ? sql`s.whistle <> ''`
    : whistle === 'none'
      ? sql`s.whistle = ''`
      : whistle
        ? sql`s.whistle = ${whistle}`
        : undefined;
}

export async function rollupCounters(opts: {
  db: Db;
  kind: RollupKind;
  groupBy: GroupKey;
  r: FastRestriction;
  period: StatsPeriod;
  gridLevel: number;
}): Promise<Map<string, Counters>> {
  const { db, kind, groupBy, r, period } = opts;
  if (r.communities && r.communities.length === 0) return new Map();
  // Events up to today; limits up to yesterday (today's are taken from `cases`, up to now).
  const lastEventDay = minDay(period.to, period.today);
  const lastDueDay = minDay(period.to, addDays(period.today, -1));
  const b = buckets(period.from, lastEventDay, lastDueDay);
  const timeParts = [
    ...(b.months ? [sql`(s.grain = 'm' and s.bucket between ${b.months[0]}::date and ${b.months[1]}::date)`] : []),
    ...b.days.map(([x, y]) => sql`(s.grain = 'd' and s.bucket between ${x}::date and ${y}::date)`),
  ];
  if (!timeParts.length) return new Map();
  const dueCut = (col: string) =>
    sql`coalesce(sum(case when s.bucket > ${lastDueDay}::date then 0 else s.${sql.raw(col)} end), 0)::int`;
  const { key, joins } = groupKeyOf(kind, groupBy, opts.gridLevel);
  const dimId = dimParts(kind).id;
  const whistle = whistleFilter(r.whistle);
  if ((kind === 'cat' && whistle) || (kind === 'unit' && r.communities))
    throw new Error(`case_stats rows of kind ${kind} cannot answer this`);
  const where = and(
    sql`s.kind = ${kind}`,
    or(...timeParts),
    r.communities
      ? sql`s.community_id in (${sql.join(
          r.communities.map((c) => sql`${c}::uuid`),
          sql`, `,
        )})`
      : undefined,
    whistle,
    r.gridWhere ? sql`${dimId} in (select ${grids.id}::text from ${grids} where ${r.gridWhere})` : undefined,
    r.unit ? sql`${dimId} = ${r.unit}` : undefined,
  );
  const rows = await rowsOf<CounterRow>(
    db,
    sql`
    select ${key} as key,
      ${sql.join(
        EVENT_COUNTS.map((c) => sql.raw(`coalesce(sum(s.${c}), 0)::int as ${c}`)),
        sql`, `,
      )},
      ${sql.join(
        DUE_COUNTS.map((c) => sql`${dueCut(c)} as ${sql.raw(c)}`),
        sql`, `,
      )}
    from (select * from case_stats union all select * from case_stats_pending) s ${joins}
    where ${where}
    group by 1`,
  );
  return new Map(rows.map((row) => [row.key, toCounters(row)]));
}

/**
 * How often the server folds (src/server.ts), on PostgreSQL only: the embedded database writes new cases' counts
 * straight to case_stats (migrations/0010).
 */
export const FOLD_EVERY_MS = 200;

/**
 * Adds the contributions that inserted cases left in case_stats_pending into case_stats (case_stats_fold in
 * migrations/0010). Readers sum both tables, so this changes no figure; it keeps the pending table short (autovacuum
 * reclaims the deleted rows). Safe to run from several processes at once. Returns the number of case_stats rows touched.
 */
export async function foldCaseStats(opts: { db: Db }): Promise<number> {
  const [row] = await rowsOf<{ touched: number }>(opts.db, sql`select case_stats_fold() as touched`);
  return row?.touched ?? 0;
}
