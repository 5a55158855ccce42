/**
 * Quarters as county days ('YYYY-MM-DD'): pure, no clock (today comes in as an argument). A quarter has ended when
 * today is on or after the first day of the next one; it has begun when today is on or after its first day.
 */
import { addDays } from '../../../core/calendar.js';

export interface QuarterKey {
  year: number;
  quarter: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterFirstDay(q: QuarterKey): string {
  return `${q.year}-${pad(q.quarter * 3 - 2)}-01`;
}

/** The first day of the quarter after (1 January of the next year after Q4). */
export function nextQuarterFirstDay(q: QuarterKey): string {
  return q.quarter === 4 ? `${q.year + 1}-01-01` : quarterFirstDay({ year: q.year, quarter: q.quarter + 1 });
}

export function quarterLastDay(q: QuarterKey): string {
  return addDays(nextQuarterFirstDay(q), -1);
}

export function quarterOfDay(day: string): QuarterKey {
  return { year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 };
}

export function quarterHasBegun(q: QuarterKey, today: string): boolean {
  return today >= quarterFirstDay(q);
}

export function quarterHasEnded(q: QuarterKey, today: string): boolean {
  return today >= nextQuarterFirstDay(q);
}

/**
 * The day the quarter's figures are read at: its last day once it has ended, else today (a preview of the quarter
 * so far). The pace is read on this day and the year's minutes are counted up to it.
 */
export function quarterAsOf(q: QuarterKey, today: string): string {
  const last = quarterLastDay(q);
  return today < last ? today : last;
}

/** The same day `months` months earlier, clamped to the month's end (31 August − 6 months = 28/29 February). */
export function monthsBefore(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastOfMonth = addDays(month === 11 ? `${year + 1}-01-01` : `${year}-${pad(month + 2)}-01`, -1);
  const d = Math.min(Number(day.slice(8, 10)), Number(lastOfMonth.slice(8, 10)));
  return `${year}-${pad(month + 1)}-${pad(d)}`;
}

/**
 * The days a report counts for a quarter read on `asOf`: an approved report decided on a day after `asOf` less
 * `reportEveryMonths` months and on or before `asOf` (six months before 31 March is 30 September: a report decided
 * on 1 October counts, one of 30 September does not).
 */
export function reportWindow(asOf: string, reportEveryMonths: number): { after: string; through: string } {
  return { after: monthsBefore(asOf, reportEveryMonths), through: asOf };
}
