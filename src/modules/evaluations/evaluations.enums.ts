/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const VERDICTS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Verdict = (typeof VERDICTS)[number];
/**
 * What a session may decide on an item: a verdict, or carrying it over (结转) to the community's next session, where
 * it comes back on the agenda marked with where it came from.
 */
export const ITEM_DECISIONS = [...VERDICTS, 'carried_over'] as const;
export type ItemDecision = (typeof ITEM_DECISIONS)[number];
/** An item's state: pending until decided. Order is the database enum's (values are only ever appended). */
export const ITEM_VERDICTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'pending', 'carried_over'] as const;
export type ItemVerdict = (typeof ITEM_VERDICTS)[number];
/** draft until held; a session is held on or after its day, with no item pending. */
export const SESSION_STATUSES = ['draft', 'held'] as const;
/** What holding a session did to a case judged 不满意: reopened it, or (where it cannot be reopened) opened 督办. */
export const CONSEQUENCES = ['reopened', 'supervised'] as const;
export type Consequence = (typeof CONSEQUENCES)[number];
/** A follow-up task of an unsatisfied verdict, for the case owner or a unit. */
export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_ASSIGNEES = ['owner', 'unit'] as const;
