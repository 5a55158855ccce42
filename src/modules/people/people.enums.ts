/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const PERSON_ROLES = ['resident', 'volunteer', 'grid_worker', 'alley_head', 'building_head', 'staff'] as const;
export const GENDERS = ['male', 'female'] as const;
