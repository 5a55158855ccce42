/**
 * Value lists and default rules of volunteer service (志愿服务). This file imports nothing server-side (no zod, no
 * database), so the web app imports it as values: it shows the star thresholds and the states the server uses.
 */

/** A registered volunteer is active until they (or staff) stop; an inactive one keeps their hours but cannot sign up. */
export const VOLUNTEER_STATES = ['active', 'inactive'] as const;
export type VolunteerState = (typeof VOLUNTEER_STATES)[number];

/** A team member is a leader (manages the team's activities and rosters) or a member. */
export const TEAM_ROLES = ['leader', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** An activity is scheduled (sign-up, check-in, then done by its times) or cancelled by its organiser. */
export const VOLUNTEER_ACTIVITY_STATES = ['scheduled', 'cancelled'] as const;
export type VolunteerActivityState = (typeof VOLUNTEER_ACTIVITY_STATES)[number];

/**
 * Where a volunteer stands at an activity: signed up on a slot of a role, or waiting for one (waitlisted, in queue
 * order); cancelled by themselves or the organiser; checked in, checked out (hours counted); or a no-show (signed up,
 * never checked in by the end).
 */
export const VOLUNTEER_SIGNUP_STATES = [
  'signed_up',
  'waitlisted',
  'cancelled',
  'checked_in',
  'checked_out',
  'no_show',
] as const;
export type VolunteerSignupState = (typeof VOLUNTEER_SIGNUP_STATES)[number];

/** States that hold a slot of a role (a waitlisted or cancelled sign-up does not). */
export const SLOT_HOLDING_STATES = ['signed_up', 'checked_in', 'checked_out', 'no_show'] as const;

/** How presence was recorded: the volunteer scanned the activity's code, or the organiser recorded it (indoors). */
export const VOLUNTEER_CHECKIN_METHODS = ['qr', 'organiser', 'auto'] as const;
export type VolunteerCheckinMethod = (typeof VOLUNTEER_CHECKIN_METHODS)[number];

/** A certificate is in 公示 (public notice) until its publicity ends, then issued; it may be revoked with a reason. */
export const CERTIFICATE_STATES = ['publicising', 'issued', 'revoked'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

/** The tunable rules of volunteer service, saved as versions (volunteer_rules); the defaults below until then. */
export interface VolunteerRules {
  /** Hours for one to five stars (《中国社区志愿者注册管理办法》: 100 / 300 / 600 / 1,000 / 1,500), ascending. */
  starHours: number[];
  /** A no-show costs this many times the shift's length in counted hours (Engelsystem: double). 0: no penalty. */
  noShowPenaltyFactor: number;
  /** This many no-shows within `noShowWindowDays` block sign-up for `blockDays` after the last one. 0: never. */
  blockAfterNoShows: number;
  noShowWindowDays: number;
  blockDays: number;
  /** At most this many minutes counted for one volunteer on one county day (work-time cap). */
  dayCapMinutes: number;
  /** Default geofence radius for an activity with a place on the map; an activity may set its own or none. */
  geofenceMeters: number;
  /** The activity's QR code changes this often; the one before it is still accepted (a slow scan). */
  codeRotateSeconds: number;
  /** A certificate's 公示 lasts this many days. */
  publicityDays: number;
}

export const DEFAULT_VOLUNTEER_RULES: VolunteerRules = {
  starHours: [100, 300, 600, 1000, 1500],
  noShowPenaltyFactor: 2,
  blockAfterNoShows: 2,
  noShowWindowDays: 180,
  blockDays: 30,
  dayCapMinutes: 8 * 60,
  geofenceMeters: 500,
  codeRotateSeconds: 60,
  publicityDays: 7,
};

/** Check-in opens this long before an activity starts and closes at its end. */
export const VOLUNTEER_CHECKIN_OPENS_MINUTES_BEFORE = 30;
/** The sweep closes a missing check-out at the scheduled end, and marks no-shows, this long after the end. */
export const VOLUNTEER_SWEEP_GRACE_MINUTES = 30;

/** Star level (0–5) for verified hours under the given thresholds. */
export function starLevel(hours: number, starHours: readonly number[]): number {
  let level = 0;
  for (const threshold of starHours) if (hours >= threshold) level += 1;
  return level;
}

/** Hours still needed for the next star, or null at the top. */
export function hoursToNextStar(hours: number, starHours: readonly number[]): number | null {
  const next = starHours.find((t) => hours < t);
  return next === undefined ? null : next - hours;
}
