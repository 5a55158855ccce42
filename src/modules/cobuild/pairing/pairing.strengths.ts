import type { Strength } from './pairing.contracts.js';

/**
 * Which unit strengths (UNIT_STRENGTHS) answer which case categories: the one place that says so, imported by the
 * pairing (a community's needs profile) and by the demo (which units a whistle calls in). Two tables, because the two
 * questions differ: the needs profile splits each case over the few strengths its (sub-)category needs most, while a
 * whistle for a top-level category may call in any unit that can help with it, so that list is wider.
 */

/** A community's needs profile: per case category, sub-category first, then its top-level category. */
export const CATEGORY_STRENGTHS: Readonly<Record<string, readonly Strength[]>> = {
  environment: ['environment'],
  facilities: ['construction'],
  'facilities.utilities': ['construction', 'emergency'],
  property: ['construction', 'social_work'],
  'property.fees': ['law', 'finance'],
  neighbour: ['law', 'social_work'],
  security: ['public_security', 'law'],
  'security.fraud': ['public_security', 'finance'],
  livelihood: ['social_work'],
  'livelihood.elderly': ['elderly_care'],
  'livelihood.assistance': ['social_work', 'finance'],
  'livelihood.medical': ['health'],
  'livelihood.employment': ['law', 'finance'],
  'livelihood.children': ['education', 'youth'],
  traffic: ['public_security'],
  safety: ['emergency'],
  'safety.building': ['construction', 'emergency'],
  policy: ['law', 'social_work'],
  'policy.social_security': ['finance', 'social_work'],
  'policy.housing': ['construction', 'finance'],
  civility: ['environment', 'culture'],
  'civility.illegal_building': ['construction', 'law'],
};

export function strengthsForCategory(code: string): readonly Strength[] {
  return CATEGORY_STRENGTHS[code] ?? CATEGORY_STRENGTHS[code.split('.')[0]] ?? [];
}

/** Units that can help with a case of each top-level category, for choosing whom to whistle in (the demo's cases). */
export const WHISTLE_STRENGTHS: Readonly<Record<string, readonly Strength[]>> = {
  environment: ['environment'],
  facilities: ['construction', 'emergency'],
  property: ['construction', 'social_work'],
  neighbour: ['law', 'social_work'],
  security: ['public_security', 'law'],
  livelihood: ['elderly_care', 'social_work', 'health', 'youth'],
  traffic: ['public_security', 'construction'],
  safety: ['emergency', 'public_security'],
  policy: ['social_work', 'law', 'finance'],
  civility: ['environment', 'construction', 'law'],
};
