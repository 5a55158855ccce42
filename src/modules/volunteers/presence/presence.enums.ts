/** Value lists of volunteer presence (check-in and check-out). Imports nothing, so the web imports them as values. */

/** What a scan of the activity's code leads to for the caller: check in, check out, or nothing (with why). */
export const PRESENCE_NEXT_ACTIONS = ['checkin', 'checkout', 'none'] as const;
export type PresenceNextAction = (typeof PRESENCE_NEXT_ACTIONS)[number];

/** Why a scan leads to nothing: no live sign-up, still waiting for a slot, outside the check-in window, … */
export const PRESENCE_NONE_REASONS = [
  'not_signed_up',
  'waitlisted',
  'not_open',
  'cancelled',
  'checked_out',
  'no_show',
] as const;
export type PresenceNoneReason = (typeof PRESENCE_NONE_REASONS)[number];

/** What the organiser records by hand (indoors, no phone). */
export const PRESENCE_ACTIONS = ['checkin', 'checkout'] as const;
export type PresenceAction = (typeof PRESENCE_ACTIONS)[number];

/**
 * What became of the ledger record at a check-out: written (an in-service Party member), not one (not such a member),
 * or skipped because the ledger refused it (another record of the member overlaps): the check-out stands anyway.
 */
export const PRESENCE_LEDGER_OUTCOMES = ['recorded', 'not_member', 'skipped'] as const;
export type PresenceLedgerOutcome = (typeof PRESENCE_LEDGER_OUTCOMES)[number];
