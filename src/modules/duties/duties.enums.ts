/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const DUTY_ROLES = [
  'community_secretary',
  'grid_worker',
  'neighbourhood_worker',
  'building_head',
  'alley_head',
  'in_service_member',
] as const;
