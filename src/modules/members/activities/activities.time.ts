import { formatLocalIso } from '../../../core/calendar.js';
import {
  CHECKIN_OPENS_MINUTES_BEFORE,
  MAX_ACTIVITY_MINUTES,
  NO_SHOW_GRACE_MINUTES,
  type PostSignupState,
} from './activities.enums.js';

/**
 * The time rules of a post activity, pure so they are tested alone: when check-in opens and closes, which span of a
 * member's attendance counts as service, and where a sign-up stands.
 */
const MINUTE_MS = 60_000;

export interface ActivityTimes {
  startsAt: Date;
  endsAt: Date;
  state: 'scheduled' | 'cancelled';
}

export function checkinOpensAt(a: Pick<ActivityTimes, 'startsAt'>): Date {
  return new Date(a.startsAt.getTime() - CHECKIN_OPENS_MINUTES_BEFORE * MINUTE_MS);
}

/** Check-in closes when the activity ends: a member arriving after the end served no time in it. */
export function checkinClosesAt(a: Pick<ActivityTimes, 'endsAt'>): Date {
  return a.endsAt;
}

export type CheckinWindow = 'open' | 'not_started' | 'closed' | 'cancelled';

export function checkinWindow(a: ActivityTimes, now: Date): CheckinWindow {
  if (a.state === 'cancelled') return 'cancelled';
  if (now < checkinOpensAt(a)) return 'not_started';
  if (now > checkinClosesAt(a)) return 'closed';
  return 'open';
}

/** "2027-03-12 08:30" in the county's zone, for messages. */
export function localLabel(at: Date): string {
  return formatLocalIso(at).slice(0, 16).replace('T', ' ');
}

/** What is wrong with an activity's times (the path and the reason a 400 names), or null. */
export function activityTimesProblem(startsAt: Date, endsAt: Date): string | null {
  const minutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE_MS;
  if (minutes <= 0) return 'must be after startsAt';
  if (minutes > MAX_ACTIVITY_MINUTES) return `at most ${MAX_ACTIVITY_MINUTES / 60} hours after startsAt`;
  return null;
}

/**
 * The span a check-out counts: from the later of check-in and start to the earlier of check-out and end (arriving
 * early or staying late is not service time).
 */
export function servedSpan(
  a: Pick<ActivityTimes, 'startsAt' | 'endsAt'>,
  checkedInAt: Date,
  checkedOutAt: Date,
): { startsAt: Date; endsAt: Date } {
  return {
    startsAt: checkedInAt > a.startsAt ? checkedInAt : a.startsAt,
    endsAt: checkedOutAt < a.endsAt ? checkedOutAt : a.endsAt,
  };
}

/** Activities that ended before this instant are swept (no-shows marked, members still in checked out). */
export function sweptBefore(now: Date): Date {
  return new Date(now.getTime() - NO_SHOW_GRACE_MINUTES * MINUTE_MS);
}

export function signupState(s: {
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  noShow: boolean;
}): PostSignupState {
  if (s.noShow) return 'no_show';
  if (s.checkedOutAt) return 'checked_out';
  if (s.checkedInAt) return 'checked_in';
  return 'signed_up';
}
