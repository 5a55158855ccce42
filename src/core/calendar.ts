/**
 * Working-time arithmetic for case clocks (DESIGN §1 "Clocks": 接诉即办 / 吹哨报到 limits).
 *
 * Pure and deterministic: no database, no `Date.now()`; every instant comes in as an argument.
 *
 * Time zone: the county's zone is Asia/Shanghai, a fixed UTC+08:00 with no daylight saving since 1991, so local days
 * and times are plain arithmetic on epoch milliseconds shifted by 8 hours. That is exact for every date this product
 * handles and avoids dayjs' timezone plugin, which goes through Intl on each call and would dominate the cost of the
 * stats and sweeps that compute thousands of due dates.
 *
 * Conventions:
 * - A working period is half-open, [start, end): 12:00 itself is not working time, 08:00 is.
 * - The clock starts at the first working instant at or after `start` (a report on Saturday starts counting on Monday
 *   08:00, one at 12:10 starts at 14:30). Adding 0 minutes therefore returns that instant: `start` itself inside a
 *   period, else the next period start. This is also the limit of adding a tiny positive amount, so the function is
 *   continuous and monotonic in `minutes`.
 * - A positive amount that uses up a period exactly ends at that period's end (08:00 + 4 h → 12:00, not 14:30): a
 *   deadline is never inside non-working time except exactly at a period end.
 * - Minutes may be fractional; arithmetic is in whole milliseconds.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Asia/Shanghai: UTC+08:00 all year. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;

export type CalendarDayKind = 'holiday' | 'workday';

/** An exception to the Monday–Friday week: a weekday off (法定节假日) or a weekend day worked (调休上班). */
export interface CalendarException {
  day: string;
  kind: CalendarDayKind;
}

/** A daily working period in local time, 'HH:MM'–'HH:MM' (end may be '24:00'). */
export interface WorkPeriod {
  start: string;
  end: string;
}

/** 08:00–12:00 and 14:30–17:30: 7 working hours a day (DESIGN §1). */
export const DEFAULT_WORK_PERIODS: readonly WorkPeriod[] = [
  { start: '08:00', end: '12:00' },
  { start: '14:30', end: '17:30' },
];

/** A limit in working hours, or in working days of the calendar's day length (7 h by default). */
export type WorkLimit = { hours: number } | { workingDays: number };

export interface WorkCalendarOptions {
  periods?: readonly WorkPeriod[];
}

// ---------------------------------------------------------------------------------------------------------------
// Local days. A "day number" counts local days since 1970-01-01 (local), so consecutive days differ by 1.

/** The local day number containing an instant. */
function dayNumberOf(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function dayNumberFromKey(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const n = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : NaN;
  // The round trip rejects 2026-02-30 and years Date.UTC would remap (0000–0099).
  if (!Number.isInteger(n) || dayKeyFromNumber(n) !== day) throw new RangeError(`not a calendar day: ${day}`);
  return n;
}

function dayKeyFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
function weekdayOfNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Monday–Friday in [Monday 1969-12-29, n): differences give the weekdays in any range in O(1). */
function weekdaysBefore(n: number): number {
  const sinceMonday = n + 3;
  const mod = ((sinceMonday % 7) + 7) % 7;
  return 5 * Math.floor(sinceMonday / 7) + Math.min(mod, 5);
}

/** The local day ('YYYY-MM-DD', Asia/Shanghai) containing an instant. */
export function localDayOf(instant: Date): string {
  return dayKeyFromNumber(dayNumberOf(instant.getTime()));
}

/** The weekday of a local day: 0 = Sunday … 6 = Saturday. Throws RangeError on a malformed day. */
export function weekdayOf(day: string): number {
  return weekdayOfNumber(dayNumberFromKey(day));
}

/** True when the string is a real calendar day in 'YYYY-MM-DD' form. */
export function isCalendarDay(day: string): boolean {
  try {
    dayNumberFromKey(day);
    return true;
  } catch {
    return false;
  }
}

/** The instant of a local wall-clock time, e.g. localInstant('2026-10-08', '08:00'). */
export function localInstant(day: string, time = '00:00'): Date {
  return new Date(dayNumberFromKey(day) * DAY_MS + parseClock(time) - SHANGHAI_OFFSET_MS);
}

/** ISO 8601 with the county's offset: 2026-01-05T09:00:00+08:00 (milliseconds only when non-zero). */
export function formatLocalIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  const body = shifted.endsWith('.000Z') ? shifted.slice(0, 19) : shifted.slice(0, 23);
  return `${body}+08:00`;
}

/** Working minutes in a limit; a working day is `minutesPerDay` long (7 h with the default periods). */
export function limitToWorkingMinutes(limit: WorkLimit, minutesPerDay = 420): number {
  const minutes = 'hours' in limit ? limit.hours * 60 : limit.workingDays * minutesPerDay;
  assertMinutes(minutes);
  return minutes;
}

function parseClock(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!(h >= 0 && min >= 0 && min < 60 && h * 60 + min <= 24 * 60)) throw new RangeError(`not a time of day: ${time}`);
  return (h * 60 + min) * MINUTE_MS;
}

function assertMinutes(minutes: number): void {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`working minutes must be a finite number ≥ 0: ${minutes}`);
}

/** An invalid Date would make the stepping loops run forever; fail loudly instead. */
function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid instant');
  return ms;
}

/** Index of the first element ≥ x in a sorted array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Period {
  start: number;
  end: number;
}

function parsePeriods(periods: readonly WorkPeriod[]): Period[] {
  if (periods.length === 0) throw new RangeError('a work calendar needs at least one working period');
  const parsed = periods.map((p) => ({ start: parseClock(p.start), end: parseClock(p.end) }));
  parsed.forEach((p, i) => {
    if (p.start >= p.end) throw new RangeError(`working period ${periods[i].start}–${periods[i].end} is empty`);
    if (i > 0 && p.start < parsed[i - 1].end) throw new RangeError('working periods must be in order and not overlap');
  });
  return parsed;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Working days are Monday–Friday except holidays, plus make-up workdays on weekends. Exceptions that change nothing
 * (a holiday on a Sunday, a workday on a Tuesday) are accepted and ignored. Days outside the exceptions given are
 * ordinary weeks, so callers load the range their clocks can reach (see loadWorkCalendar).
 */
export class WorkCalendar {
  /** Working minutes in one working day (420 with the default periods). */
  readonly minutesPerDay: number;
  private readonly periods: readonly Period[];
  private readonly dayMs: number;
  /** Sorted day numbers of weekdays off and of weekend days worked: counting in a range is two binary searches. */
  private readonly daysOff: number[] = [];
  private readonly daysOn: number[] = [];
  /** Both lists merged: the next day where the plain 5-of-7 rhythm breaks. */
  private readonly breaks: number[];
  private readonly override = new Map<number, boolean>();

  constructor(exceptions: Iterable<CalendarException> = [], options: WorkCalendarOptions = {}) {
    this.periods = parsePeriods(options.periods ?? DEFAULT_WORK_PERIODS);
    this.dayMs = this.periods.reduce((sum, p) => sum + p.end - p.start, 0);
    this.minutesPerDay = this.dayMs / MINUTE_MS;
    const seen = new Set<number>();
    for (const e of exceptions) {
      const n = dayNumberFromKey(e.day);
      if (seen.has(n)) throw new RangeError(`calendar day listed twice: ${e.day}`);
      seen.add(n);
      const weekend = weekdayOfNumber(n) % 6 === 0;
      if (e.kind === 'holiday' && !weekend) this.daysOff.push(n);
      if (e.kind === 'workday' && weekend) this.daysOn.push(n);
    }
    for (const n of this.daysOff) this.override.set(n, false);
    for (const n of this.daysOn) this.override.set(n, true);
    this.daysOff.sort((a, b) => a - b);
    this.daysOn.sort((a, b) => a - b);
    this.breaks = [...this.daysOff, ...this.daysOn].sort((a, b) => a - b);
  }

  /** Whether a local day ('YYYY-MM-DD', or the day containing a Date) is a working day. */
  isWorkingDay(day: string | Date): boolean {
    return this.isWorkingDayNumber(typeof day === 'string' ? dayNumberFromKey(day) : dayNumberOf(day.getTime()));
  }

  /** Whether an instant falls inside a working period (periods are half-open: 12:00 is not working time). */
  isWorkingTime(instant: Date): boolean {
    const ms = instant.getTime();
    const day = dayNumberOf(ms);
    const tod = ms + SHANGHAI_OFFSET_MS - day * DAY_MS;
    return this.isWorkingDayNumber(day) && this.periods.some((p) => tod >= p.start && tod < p.end);
  }

  /** The first working instant at or after `instant`: where a clock started then begins counting. */
  nextWorkingInstant(instant: Date): Date {
    return this.addWorkingMinutes(instant, 0);
  }

  /**
   * The instant at which `minutes` working minutes have elapsed after `start`. Steps a period at a time within a day,
   * a day at a time near holidays, and whole weeks at a time where no exception lies ahead, so a 15-working-day limit
   * costs a few dozen steps.
   */
  addWorkingMinutes(start: Date, minutes: number): Date {
    assertMinutes(minutes);
    let remaining = Math.round(minutes * MINUTE_MS);
    const t = instantMs(start);
    let day = dayNumberOf(t);
    let tod = t + SHANGHAI_OFFSET_MS - day * DAY_MS;
    for (;;) {
      if (this.isWorkingDayNumber(day)) {
        const at = this.finishWithinDay(tod, remaining);
        if (at !== null) return new Date(day * DAY_MS + at - SHANGHAI_OFFSET_MS);
        remaining -= this.workedFrom(tod);
      }
      day += 1;
      tod = 0;
      const weeks = this.skippableWeeks(day, remaining);
      day += 7 * weeks;
      remaining -= weeks * 5 * this.dayMs;
    }
  }

  /** Working minutes in [a, b); 0 when b ≤ a. Exact (fractional when an end is not on a whole minute). */
  workingMinutesBetween(a: Date, b: Date): number {
    const ta = instantMs(a);
    const tb = instantMs(b);
    if (tb <= ta) return 0;
    const da = dayNumberOf(ta);
    const db = dayNumberOf(tb);
    const ms =
      this.workingDaysIn(da, db) * this.dayMs -
      this.workedBefore(da, ta + SHANGHAI_OFFSET_MS - da * DAY_MS) +
      this.workedBefore(db, tb + SHANGHAI_OFFSET_MS - db * DAY_MS);
    return ms / MINUTE_MS;
  }

  /** The deadline of a limit counted from `start` (e.g. { hours: 24 } or { workingDays: 7 }). */
  dueAt(start: Date, limit: WorkLimit): Date {
    return this.addWorkingMinutes(start, limitToWorkingMinutes(limit, this.minutesPerDay));
  }

  /** Working days in the local days [from, to) ('YYYY-MM-DD'); 0 when to ≤ from. */
  workingDaysBetween(from: string, to: string): number {
    const a = dayNumberFromKey(from);
    const b = dayNumberFromKey(to);
    return b <= a ? 0 : this.workingDaysIn(a, b);
  }

  private isWorkingDayNumber(n: number): boolean {
    return this.override.get(n) ?? weekdayOfNumber(n) % 6 !== 0;
  }

  /** Working days among day numbers [a, b), b ≥ a: weekdays, minus holidays, plus make-up days. */
  private workingDaysIn(a: number, b: number): number {
    const off = lowerBound(this.daysOff, b) - lowerBound(this.daysOff, a);
    const on = lowerBound(this.daysOn, b) - lowerBound(this.daysOn, a);
    return weekdaysBefore(b) - weekdaysBefore(a) - off + on;
  }

  /** Working ms on day `n` before local time `tod`. */
  private workedBefore(n: number, tod: number): number {
    if (!this.isWorkingDayNumber(n)) return 0;
    let sum = 0;
    for (const p of this.periods) sum += Math.min(Math.max(tod - p.start, 0), p.end - p.start);
    return sum;
  }

  /** Working ms of a working day from local time `tod` to midnight. */
  private workedFrom(tod: number): number {
    let sum = 0;
    for (const p of this.periods) sum += Math.max(p.end - Math.max(tod, p.start), 0);
    return sum;
  }

  /**
   * On a working day, from local time `tod`: the local time when `remaining` working ms are used up, or null if the
   * day does not hold them. `remaining ≤ avail` (not `<`) makes an exact fit end at the period end.
   */
  private finishWithinDay(tod: number, remaining: number): number | null {
    let left = remaining;
    for (const p of this.periods) {
      if (p.end <= tod) continue;
      const from = Math.max(tod, p.start);
      const avail = p.end - from;
      if (left <= avail) return from + left;
      left -= avail;
    }
    return null;
  }

  /**
   * How many whole weeks starting at day `n` can be skipped: any 7 consecutive plain days hold exactly 5 working days,
   * so weeks before the next exception are skipped in one step. At least a moment of work is always left for the
   * day-by-day walk, so an exact fit still ends at a period end rather than at the next period start.
   */
  private skippableWeeks(n: number, remaining: number): number {
    const weekMs = 5 * this.dayMs;
    const needed = Math.floor((remaining - 1) / weekMs);
    if (needed <= 0) return 0;
    const next = this.breaks[lowerBound(this.breaks, n)];
    const free = next === undefined ? needed : Math.floor((next - n) / 7);
    return Math.min(needed, free);
  }
}

/** The county day `days` after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  return dayKeyFromNumber(dayNumberFromKey(day) + days);
}
