import type { StatsGroupBy } from './stats.contracts.js';
import { localDayOf, localInstant } from '../../../core/calendar.js';
import { AppError } from '../../../core/errors.js';
import type { CaseStatsQuery, StatsRow } from './stats.contracts.js';

/* Counters, the rates computed from them, and the period a statistics query covers: pure, no database. */

export const DAY_MS = 86_400_000;

export const COUNTER_KEYS = [
  'raised',
  'residentWhistles',
  'communityWhistles',
  'resolved',
  'rated',
  'satisfied',
  'basicallySatisfied',
  'dispatchesDone',
  'responseDue',
  'respondedOnTime',
  'resolutionDue',
  'resolvedOfDue',
  'resolvedOnTime',
] as const;
export type Counters = Record<(typeof COUNTER_KEYS)[number], number>;

export function emptyCounters(): Counters {
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as Counters;
}

export function addCounters(into: Counters, more: Counters): Counters {
  for (const k of COUNTER_KEYS) into[k] += more[k];
  return into;
}

export const isZero = (c: Counters) => COUNTER_KEYS.every((k) => c[k] === 0);

export interface StatsWeights {
  basic: number;
  response: number;
  resolution: number;
  satisfaction: number;
}

export const DEFAULT_WEIGHTS: StatsWeights = { basic: 1, response: 0.1, resolution: 0.5, satisfaction: 0.4 };

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.min(1, numerator / denominator) : null;
}

/** The counts and the three rates and composite of DESIGN §1 from integer counters. */
export function statsRow(c: Counters, w: StatsWeights = DEFAULT_WEIGHTS): StatsRow {
  const responseRate = ratio(c.respondedOnTime, c.responseDue);
  const resolutionRate = ratio(c.resolvedOfDue, c.resolutionDue);
  const satisfactionRate = ratio(c.satisfied + w.basic * c.basicallySatisfied, c.rated);
  const parts = [
    [w.response, responseRate],
    [w.resolution, resolutionRate],
    [w.satisfaction, satisfactionRate],
  ] as const;
  let weighted = 0;
  let weights = 0;
  const present = parts.filter(([weight, value]) => value !== null && weight > 0);
  for (const [weight, value] of present) {
    weighted += weight * (value as number);
    weights += weight;
  }
  // With one rate there is nothing to weigh: the composite is that rate (exactly, without w·r/w rounding).
  const composite = present.length === 1 ? present[0][1] : ratio(weighted, weights);
  return {
    raised: c.raised,
    residentWhistles: c.residentWhistles,
    communityWhistles: c.communityWhistles,
    resolved: c.resolved,
    overdue: c.resolutionDue - c.resolvedOnTime,
    dispatchesDone: c.dispatchesDone,
    responseRate,
    resolutionRate,
    satisfactionRate,
    composite,
    basis: {
      responseDue: c.responseDue,
      respondedOnTime: c.respondedOnTime,
      resolutionDue: c.resolutionDue,
      resolvedOfDue: c.resolvedOfDue,
      resolvedOnTime: c.resolvedOnTime,
      rated: c.rated,
      satisfied: c.satisfied,
      basicallySatisfied: c.basicallySatisfied,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The period

export const addDays = (day: string, n: number) => localDayOf(new Date(localInstant(day).getTime() + n * DAY_MS));
export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
export const nextMonthStart = (day: string) => {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
export const minDay = (a: string, b: string) => (a < b ? a : b);
export const minDate = (a: Date, b: Date) => (a.getTime() < b.getTime() ? a : b);

export const MAX_PERIOD_YEARS = 5;

export interface StatsPeriod {
  /** Local days, both included. */
  from: string;
  to: string;
  today: string;
  /** Events count in [fromStart, eventsEnd): the period up to the end of today. */
  fromStart: Date;
  eventsEnd: Date;
  /** Limits count in [fromStart, dueEnd): the period up to now. */
  dueEnd: Date;
}

export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ path, message }]);
}

export function statsPeriod(query: Pick<CaseStatsQuery, 'from' | 'to'>, now: Date): StatsPeriod {
  const today = localDayOf(now);
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalid('/from', 'from must not be after to');
  const fiveYearsOn = `${Number(from.slice(0, 4)) + MAX_PERIOD_YEARS}${from.slice(4)}`;
  const limit = fiveYearsOn.endsWith('-02-29') ? fiveYearsOn.replace(/-02-29$/, '-03-01') : fiveYearsOn;
  if (to >= limit) throw invalid('/to', `the period may span at most ${MAX_PERIOD_YEARS} years`);
  const fromStart = localInstant(from);
  const toEnd = localInstant(addDays(to, 1));
  return {
    from,
    to,
    today,
    fromStart,
    eventsEnd: minDate(toEnd, localInstant(addDays(today, 1))),
    dueEnd: minDate(toEnd, now),
  };
}

/** The level of the grids a statistic is grouped by, as the length of their codes (county 6 + 3 per level). */
export const gridCodeLength = (level: number) => 6 + 3 * level;

export type GroupKey = StatsGroupBy | 'none';

/** The counted columns as the SQL aggregates (and case_stats) name them: per event, and per limit falling due. */
export const EVENT_COUNTS = [
  'raised',
  'resident_whistles',
  'community_whistles',
  'resolved',
  'rated',
  'satisfied',
  'basically_satisfied',
  'dispatches_done',
] as const;
export const DUE_COUNTS = [
  'response_due',
  'responded_on_time',
  'resolution_due',
  'resolved_of_due',
  'resolved_on_time',
] as const;

/** One group's counts as the SQL aggregates name them. */
export interface CounterRow {
  key: string;
  raised: number;
  resident_whistles: number;
  community_whistles: number;
  resolved: number;
  rated: number;
  satisfied: number;
  basically_satisfied: number;
  dispatches_done: number;
  response_due: number;
  responded_on_time: number;
  resolution_due: number;
  resolved_of_due: number;
  resolved_on_time: number;
}

export function toCounters(r: CounterRow): Counters {
  return {
    raised: r.raised,
    residentWhistles: r.resident_whistles,
    communityWhistles: r.community_whistles,
    resolved: r.resolved,
    rated: r.rated,
    satisfied: r.satisfied,
    basicallySatisfied: r.basically_satisfied,
    dispatchesDone: r.dispatches_done,
    responseDue: r.response_due,
    respondedOnTime: r.responded_on_time,
    resolutionDue: r.resolution_due,
    resolvedOfDue: r.resolved_of_due,
    resolvedOnTime: r.resolved_on_time,
  };
}
