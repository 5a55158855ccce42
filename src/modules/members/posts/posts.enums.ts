/** Value lists of 设岗定责. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */

/** The article's eight post types; a community may add its own (post_types rows), these are seeded for each. */
export const DEFAULT_POST_TYPE_KEYS = [
  'dispute_mediation',
  'public_security',
  'opinion_collection',
  'social_work_counsel',
  'legal_service',
  'elderly_disabled_help',
  'environment',
  'youth_care',
] as const;

export const POST_OPENING_STATES = ['open', 'closed'] as const;
/** A suggestion of the optimiser until staff confirm it; a confirmed post ends when the member leaves it. */
export const POST_ASSIGNMENT_STATES = ['suggested', 'confirmed', 'declined', 'ended'] as const;
export const POST_ACTIVITY_STATES = ['scheduled', 'cancelled'] as const;
/** How a member was checked in at a post activity: their 报到证 scanned by staff, or picked from the list by staff. */
export const POST_CHECKIN_METHODS = ['qr', 'staff'] as const;
