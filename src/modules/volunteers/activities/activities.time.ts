import { formatLocalIso } from '../../../core/calendar.js';

/** The times of a volunteer activity and the rules they obey (pure: the service and its unit test use them). */
export interface ActivityTimes {
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelDeadlineAt: Date;
}

/** An activity lasts at most a day: a longer service is several activities (hours are counted per shift). */
export const MAX_ACTIVITY_MS = 24 * 3_600_000;

/** The phone lists activities whose sign-up opens within this many days. */
export const OPEN_SOON_DAYS = 14;

/** opens ≤ closes ≤ start < end ≤ start + 24 h, and the cancellation deadline no later than the start. */
export function timesInOrder(t: ActivityTimes): boolean {
  const [opens, closes, starts, ends, cancel] = [
    t.signupOpensAt,
    t.signupClosesAt,
    t.startsAt,
    t.endsAt,
    t.cancelDeadlineAt,
  ].map((d) => d.getTime());
  return opens <= closes && closes <= starts && starts < ends && ends - starts <= MAX_ACTIVITY_MS && cancel <= starts;
}

/** Sign-up is open at `now`: within [signupOpensAt, signupClosesAt]. */
export function signupOpenAt(t: Pick<ActivityTimes, 'signupOpensAt' | 'signupClosesAt'>, now: Date): boolean {
  return now >= t.signupOpensAt && now <= t.signupClosesAt;
}

/** A county time as messages show it: 2026-12-07 09:30. */
export function localLabel(at: Date): string {
  return formatLocalIso(at).slice(0, 16).replace('T', ' ');
}
