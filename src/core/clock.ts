/**
 * The one clock for business time: every "now" a rule depends on (deadlines, sweeps, "today", the demo's day, stamps
 * written with a record) comes from here, never from `new Date()` or `Date.now()` elsewhere.
 *
 * The clock runs at normal speed from an offset to the system clock, so it can be started at any instant (tests pin
 * it; `CLOCK_START` starts a whole server at a chosen moment) and still moves forward as requests go on. A test that
 * needs time to stand still freezes it.
 *
 * Measuring how long something took (timeouts, caches, benchmarks) is not business time: use `performance.now()`.
 */
import { localDayOf, SHANGHAI_OFFSET_MS } from './calendar.js';

interface ClockState {
  /** Added to the system time. */
  offsetMs: number;
  /** When set, time stands still at this instant. */
  frozenAt: number | null;
}

const state: ClockState = { offsetMs: 0, frozenAt: null };

/** Milliseconds since the epoch, business time. */
export function nowMs(): number {
  return state.frozenAt ?? Date.now() + state.offsetMs;
}

/** The current instant, business time. */
export function now(): Date {
  return new Date(nowMs());
}

/** The county's day (Asia/Shanghai) of the current instant, 'YYYY-MM-DD'. */
export function countyToday(): string {
  return localDayOf(now());
}

/** The county's calendar year of the current instant. */
export function countyYear(): number {
  return Number(countyToday().slice(0, 4));
}

export { SHANGHAI_OFFSET_MS };

/** Accepts an ISO instant ('2027-01-01T00:30:00+08:00') or a county day ('2028-02-29', read as 09:00 there). */
export function parseClockInstant(value: string): number {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T09:00:00+08:00` : value;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${value}`);
  return ms;
}

/**
 * Moves the clock so that it reads `at` now and runs on from there (or stands still there with `frozen`).
 * Used by tests and by `CLOCK_START`; production never calls it.
 */
export function setClock(at: Date | string | number, opts: { frozen?: boolean } = {}): void {
  const ms = typeof at === 'string' ? parseClockInstant(at) : typeof at === 'number' ? at : at.getTime();
  state.frozenAt = opts.frozen ? ms : null;
  state.offsetMs = ms - Date.now();
}

/** Moves business time forward (or back) by `ms`, frozen or running. */
export function advanceClock(ms: number): void {
  if (state.frozenAt !== null) state.frozenAt += ms;
  else state.offsetMs += ms;
}

/** Back to the system clock. */
export function resetClock(): void {
  state.offsetMs = 0;
  state.frozenAt = null;
}

/** The clock as one object, for call sites where a local variable is already called `now`. */
export const clock = { now, nowMs, today: countyToday, year: countyYear } as const;
