/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const ORG_KINDS = ['county', 'town', 'community', 'branch', 'unit'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** The strengths vocabulary a unit can bring to a pairing (优势互补). */
export const STRENGTHS = [
  'law',
  'health',
  'construction',
  'education',
  'public_security',
  'environment',
  'culture',
  'finance',
  'elderly_care',
  'youth',
  'emergency',
  'social_work',
] as const;
export type Strength = (typeof STRENGTHS)[number];

/** Which kinds of organisation may sit directly under which (null = the root). */
export const ALLOWED_PARENTS: Readonly<Record<OrgKind, readonly (OrgKind | null)[]>> = {
  county: [null],
  town: ['county'],
  community: ['town', 'county'],
  branch: ['community', 'unit'],
  unit: ['county', 'town'],
};
