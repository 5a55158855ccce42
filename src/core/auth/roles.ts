/**
 * The roles a user can hold. This file imports nothing, so the web app imports it as a value and the database
 * enum (modules/auth/auth.schema.ts) is built from the same list.
 */
export const ROLES = [
  'county_admin',
  'community_admin',
  'grid_worker',
  'unit_admin',
  'party_member',
  'volunteer',
  'alley_head',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];
