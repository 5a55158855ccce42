/**
 * The arithmetic of presence, pure (no database, no clock): the counted span of a shift and what the day cap leaves
 * of it, and the rotating code's windows. presence.hours.test.ts checks them with fast-check.
 */

const MINUTE_MS = 60_000;

export interface ShiftTimes {
  checkedInAt: Date;
  checkedOutAt: Date;
  startsAt: Date;
  endsAt: Date;
}

export interface CountedShift {
  /** The counted span's start: the check-in, or the scheduled start when the volunteer came early. */
  from: Date;
  /** `from` + `minutes`: where the counted time ends after the day cap (the ledger record's end). */
  to: Date;
  /** Counted minutes, after the day cap. */
  minutes: number;
  /** Minutes the day cap took off. */
  cappedMinutes: number;
}

/**
 * Travel before the start or after the end does not count: the span is [max(check-in, start), min(check-out, end)] in
 * whole minutes (none when it is empty). The day cap then leaves at most what remains of `dayCapMinutes` after
 * `usedMinutes` (the volunteer's other counted minutes that county day); `cappedMinutes` records the cut.
 */
export function countShift(t: ShiftTimes, usedMinutes: number, dayCapMinutes: number): CountedShift {
  // Clamped to the end too, so an empty span (a check-in after the end) still lies inside the times.
  const fromMs = Math.min(Math.max(t.checkedInAt.getTime(), t.startsAt.getTime()), t.endsAt.getTime());
  const toMs = Math.min(t.checkedOutAt.getTime(), t.endsAt.getTime());
  const span = Math.max(0, Math.floor((toMs - fromMs) / MINUTE_MS));
  const left = Math.max(0, dayCapMinutes - Math.max(0, usedMinutes));
  const minutes = Math.min(span, left);
  return { from: new Date(fromMs), to: new Date(fromMs + minutes * MINUTE_MS), minutes, cappedMinutes: span - minutes };
}

/** A no-show's cost: the penalty factor × the shift's scheduled minutes, rounded to whole minutes. */
export function noShowPenalty(startsAt: Date, endsAt: Date, factor: number): number {
  const shift = Math.max(0, Math.floor((endsAt.getTime() - startsAt.getTime()) / MINUTE_MS));
  return Math.max(0, Math.round(shift * factor));
}

/**
 * The code shown now is valid to the end of the window after the current one, so a code read just before it rotates
 * still checks in. Windows are `rotateSeconds` long from the epoch: every screen showing the activity at the same
 * time shows the same code.
 */
export function codeExpiry(nowMs: number, rotateSeconds: number): Date {
  const windowMs = Math.max(1, rotateSeconds) * 1000;
  return new Date((Math.floor(nowMs / windowMs) + 2) * windowMs);
}
