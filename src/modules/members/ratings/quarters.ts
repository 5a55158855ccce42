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
