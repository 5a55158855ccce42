/** Value lists of the service ledger. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */

/** What a service record came from: each source module writes its own kind (one record per source row and member). */
export const SERVICE_RECORD_KINDS = [
  'post_duty',
  'service_day',
  'case',
  'need',
  'volunteer_shift',
  'school_lesson',
] as const;
export type ServiceRecordKind = (typeof SERVICE_RECORD_KINDS)[number];

/** Longest a single record may be: hours in a day cannot exceed 24 (records never overlap, so a day cannot either). */
export const MAX_RECORD_MINUTES = 24 * 60;
