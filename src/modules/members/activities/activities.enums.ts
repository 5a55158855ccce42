/**
 * Value lists and tunable rules of post activities (岗位活动). This file imports nothing server-side (no zod, no
 * database), so the web app imports it as values (it shows when check-in opens).
 */

/** Where a member stands at one activity, derived from the sign-up row (posts/posts.schema.ts post_activity_signups). */
export const POST_SIGNUP_STATES = ['signed_up', 'checked_in', 'checked_out', 'no_show'] as const;
export type PostSignupState = (typeof POST_SIGNUP_STATES)[number];

/** Check-in opens this long before an activity starts (members arriving early) and closes at its end. */
export const CHECKIN_OPENS_MINUTES_BEFORE = 30;

/**
 * The sweep marks no-shows and checks out members still in once an activity has been over this long: staff get a
 * little time to check people out by hand, which writes the same record (the hours stop at the end either way).
 */
export const NO_SHOW_GRACE_MINUTES = 30;

/** An activity lasts at most a day, like one service record (ledger.enums.ts MAX_RECORD_MINUTES). */
export const MAX_ACTIVITY_MINUTES = 24 * 60;

/** How far ahead a member's list of upcoming activities reaches. */
export const MEMBER_UPCOMING_DAYS = 30;
