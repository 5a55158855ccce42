/**
 * Times of a service day. The county's zone is Asia/Shanghai, UTC+8 all year (no daylight saving), so local
 * wall-clock times convert with a fixed offset.
 */
const OFFSET_MS = 8 * 3_600_000;
/** Members arriving a little early may already check in. */
export const CHECKIN_EARLY_MS = 30 * 60_000;
/** A day's check-in stays open this long after its end (members who forgot to scan on the spot). */
export const CHECKIN_LATE_MS = 24 * 3_600_000;

/** The instant of a local date and HH:MM in the county. */
export function localInstant(date: string, clock: string): Date {
  return new Date(`${date}T${clock}:00+08:00`);
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in the county. */
export function localParts(at: Date): { date: string; clock: string } {
  const iso = new Date(at.getTime() + OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), clock: iso.slice(11, 16) };
}

/** "2026-06-01 08:30" in the county's zone, for messages. */
export function localLabel(at: Date): string {
  const p = localParts(at);
  return `${p.date} ${p.clock}`;
}

export type CheckinWindow = 'open' | 'not_started' | 'closed' | 'cancelled';

export interface DayTimes {
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'held' | 'cancelled';
}

export function checkinOpensAt(day: DayTimes): Date {
  return new Date(day.startsAt.getTime() - CHECKIN_EARLY_MS);
}

export function checkinClosesAt(day: DayTimes): Date {
  return new Date(day.endsAt.getTime() + CHECKIN_LATE_MS);
}

/** Whether a check-in at `now` is accepted: from 30 min before the start to 24 h after the end, unless cancelled. */
export function checkinWindow(day: DayTimes, now: Date): CheckinWindow {
  if (day.status === 'cancelled') return 'cancelled';
  if (now < checkinOpensAt(day)) return 'not_started';
  if (now > checkinClosesAt(day)) return 'closed';
  return 'open';
}
