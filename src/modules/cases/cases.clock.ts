import type { WorkCalendar } from '../../core/calendar.js';
import type { Db } from '../../core/db.js';
import { loadWorkCalendar } from '../calendar/calendar.service.js';

// The calendar (a few dozen exception days) is read for every intake and transition: keep it for a minute per
// process. An edit elsewhere shows up within that minute, which only shifts due times computed meanwhile.
const TTL_MS = 60_000;
let cached: { calendar: WorkCalendar; at: number } | null = null;

export async function workCalendar(db: Db, now = performance.now()): Promise<WorkCalendar> {
  if (cached && now - cached.at < TTL_MS) return cached.calendar;
  const calendar = await loadWorkCalendar({ db });
  cached = { calendar, at: now };
  return calendar;
}

export function forgetWorkCalendar(): void {
  cached = null;
}
