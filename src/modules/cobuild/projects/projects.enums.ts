/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved'] as const;

export const PROJECT_DOMAINS = [
  'old_estate_renovation',
  'living_environment',
  'civilised_city',
  'anti_gang',
  'flood_control',
  'work_safety',
  'elderly_care',
  'culture',
  'other',
] as const;

export const UNIT_ROLES = ['lead', 'partner'] as const;

/** Only `cancelled` is stored; the others are derived at read time (projects.rollup.ts). */
export const PROJECT_STATUSES = ['planned', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
