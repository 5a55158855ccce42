/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const VERDICTS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const SESSION_STATUSES = ['draft', 'held'] as const;
