/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const MEASURE_UNITS = ['person_hours', 'yuan', 'items', 'sessions'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];
export const NEED_SOURCES = ['case', 'survey', 'community'] as const;
export const NEED_STATUSES = ['open', 'matched', 'in_progress', 'met', 'closed'] as const;
export const RESOURCE_KINDS = ['people_hours', 'money', 'equipment', 'expertise'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const MATCH_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export const NEED_TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
/** A Party member's claim of a need (微心愿认领): claimed, then fulfilled by staff with the service's times, or withdrawn. */
export const NEED_CLAIM_STATUSES = ['claimed', 'fulfilled', 'withdrawn'] as const;
export type NeedClaimStatus = (typeof NEED_CLAIM_STATUSES)[number];
/** Needs a member may still claim: not yet met or closed. */
export const CLAIMABLE_NEED_STATUSES = ['open', 'matched', 'in_progress'] as const;

/** Which units of measure each kind of resource may be counted in; a need matches a resource of the same unit. */
export const KIND_UNITS: Readonly<Record<ResourceKind, readonly MeasureUnit[]>> = {
  people_hours: ['person_hours'],
  money: ['yuan'],
  equipment: ['items'],
  expertise: ['sessions', 'person_hours'],
};
