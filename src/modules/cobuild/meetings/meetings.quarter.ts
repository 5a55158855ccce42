import { localDayOf, weekdayOf } from '../../../core/calendar.js';

/** Calendar quarters in county days (YYYY-MM-DD): the meetings are one per community per quarter. */
export interface Quarter {
  year: number;
  quarter: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterOfDay(day: string): Quarter {
  const [year, month] = day.split('-').map(Number);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** The quarter "today" falls in, in the county's zone. */
export function quarterOfInstant(now: Date): Quarter {
  return quarterOfDay(localDayOf(now));
}

/** First and last day of the quarter, inclusive. */
export function quarterDays(q: Quarter): { from: string; to: string } {
  const firstMonth = (q.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(q.year, lastMonth, 0)).getUTCDate();
  return { from: `${q.year}-${pad(firstMonth)}-01`, to: `${q.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

export function isInQuarter(day: string, q: Quarter): boolean {
  const { from, to } = quarterDays(q);
  return day >= from && day <= to;
}

/** The quarter before, for "what happened since the last meeting". */
export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

/**
 * The suggested day: a Wednesday in the middle month of the quarter, staggered by `offset` weeks (0–3) so that the
 * communities' meetings do not all fall on one afternoon and a unit paired with several can attend each.
 */
export function suggestedMeetingDate(q: Quarter, offset = 0): string {
  const month = (q.quarter - 1) * 3 + 2;
  let day = 1;
  while (weekdayOf(`${q.year}-${pad(month)}-${pad(day)}`) !== 3) day += 1;
  day += 7 * (((offset % 4) + 4) % 4);
  return `${q.year}-${pad(month)}-${pad(day)}`;
}

export { addDays } from '../../../core/calendar.js';
