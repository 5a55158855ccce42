/** Value lists of this module. This file imports nothing server-side (no zod, no database), so the web app imports it as values. */
export const PAIRING_PLAN_STATUSES = ['draft', 'adopted', 'superseded'] as const;
export const PAIR_SOURCES = ['optimiser', 'manual', 'pinned'] as const;
/** 大党委 roles: head = community secretary, deputies = paired units' Party leaders. */
export const COMMITTEE_ROLES = ['head', 'deputy', 'member'] as const;
