/**
 * The 20-hour pace (issue 13 item 3): pure arithmetic, no database and no clock — the county day comes in as an
 * argument ('YYYY-MM-DD', from `clock.today()`), so the at-risk list, the ratings and the web read the same answer.
 * This file imports nothing, so the web may import it as values.
 *
 * Conventions, and why:
 * - A year's share is counted in whole county days *gone*: on day d of the year (1 = 1 January) the part of the year
 *   gone is (d − 1) / daysInYear. Today is not over, so it does not count yet; on 1 January nothing is expected of
 *   anybody for the new year (last year's outcome is `yearShortfall`, a separate figure), and on 31 December the
 *   expectation is 364/365 (365/366 in a leap year) of the requirement — the whole of it falls due on 1 January.
 * - Leap years have 366 days (Gregorian rule), so 29 February is day 60 and the share for each day is a little
 *   smaller than in a common year.
 * - Minutes expected are rounded down: a member is at risk only when strictly below the share, never for a fraction
 *   of a minute the rounding created.
 */

const DAY_MS = 86_400_000;

/** The year of a county day 'YYYY-MM-DD'. */
export function yearOfDay(day: string): number {
  return Number(day.slice(0, 4));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** The day number within its year: 1 on 1 January, 60 on 29 February, 365 or 366 on 31 December. */
export function dayOfYear(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC here is calendar arithmetic on the given day, not a reading of the current time.
  const at = Date.UTC(y, m - 1, d);
  const check = new Date(at);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`not a day: ${day}`);
  }
  return Math.round((at - Date.UTC(y, 0, 1)) / DAY_MS) + 1;
}

/** Whole county days of the year gone before `day` (0 on 1 January). */
export function daysElapsed(day: string): number {
  return dayOfYear(day) - 1;
}

/** The yearly requirement in minutes. */
export function requiredMinutes(requiredHoursPerYear: number): number {
  return Math.round(requiredHoursPerYear * 60);
}

/** Minutes a member should have served by the start of `day`: the pro-rata share of the year's requirement. */
export function expectedMinutesBy(day: string, requiredHoursPerYear: number): number {
  const year = yearOfDay(day);
  return Math.floor((requiredMinutes(requiredHoursPerYear) * daysElapsed(day)) / daysInYear(year));
}

/** Below the pro-rata share on `day` (strictly: exactly on pace is not at risk). */
export function isAtRisk(minutesThisYear: number, day: string, requiredHoursPerYear: number): boolean {
  return minutesThisYear < expectedMinutesBy(day, requiredHoursPerYear);
}

/** What a finished year left owing (0 when met): the "missed last year" figure, read on or after 1 January. */
export function yearShortfall(minutesInYear: number, requiredHoursPerYear: number): number {
  return Math.max(0, requiredMinutes(requiredHoursPerYear) - minutesInYear);
}

/** A member's pace on a day, as the at-risk list and the ratings show it. */
export interface Pace {
  minutes: number;
  requiredMinutes: number;
  expectedMinutes: number;
  /** Minutes below the share (0 when on pace). */
  shortfallMinutes: number;
  atRisk: boolean;
  /** Share of the year gone, 0 … <1. */
  yearElapsed: number;
}

export function paceOf(minutesThisYear: number, day: string, requiredHoursPerYear: number): Pace {
  const expected = expectedMinutesBy(day, requiredHoursPerYear);
  return {
    minutes: minutesThisYear,
    requiredMinutes: requiredMinutes(requiredHoursPerYear),
    expectedMinutes: expected,
    shortfallMinutes: Math.max(0, expected - minutesThisYear),
    atRisk: minutesThisYear < expected,
    yearElapsed: daysElapsed(day) / daysInYear(yearOfDay(day)),
  };
}
