/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const GRID_KINDS = ['community', 'full_time', 'neighbourhood', 'building', 'alley'] as const;
export type GridKind = (typeof GRID_KINDS)[number];
