/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
/** holiday: a weekday off (法定节假日); workday: a weekend day worked (调休上班). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
