/** Value lists of this module. This file imports nothing server-side, so the web app imports it as values. */

/** 六有: the six things every back-alley region should have, in the article's order. */
export const SIX_HAVES = [
  'guideline',
  'cleaningCompany',
  'volunteerTeam',
  'residentsPact',
  'responsibilityBoard',
  'culturalFeature',
] as const;
export type SixHave = (typeof SIX_HAVES)[number];

/** What an inspection finds for an item: 有 (present), 缺 (missing), 需整改 (needs work). */
export const ITEM_STATUSES = ['present', 'needs_work', 'missing'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Points an item earns by its status; an inspection's score is their sum over the six, out of 100 (see score.ts). */
export const ITEM_POINTS: Record<ItemStatus, number> = { present: 2, needs_work: 1, missing: 0 };

/**
 * The score of one inspection: each item present earns 2, needing work 1, missing 0; the sum over the six as a
 * percentage of 12, rounded. All present is 100, all missing 0, one item needing work 92.
 */
export function inspectionScore(statuses: readonly ItemStatus[]): number {
  const earned = statuses.reduce((sum, s) => sum + ITEM_POINTS[s], 0);
  return Math.round((earned / (2 * SIX_HAVES.length)) * 100);
}

/** An item is open (a weak item to follow up) unless it was last found present. */
export const isWeak = (status: ItemStatus): boolean => status !== 'present';

/** The items whose evidence may be a document (the written guideline, the residents' pact): PDF only. */
export const DOCUMENT_ITEMS = ['guideline', 'residentsPact'] as const satisfies readonly SixHave[];
export type DocumentItem = (typeof DOCUMENT_ITEMS)[number];

/** 整改任务: a weak item found by an inspection is open until an inspection finds it present or someone closes it. */
export const ALLEY_TASK_STATES = ['open', 'done', 'cancelled'] as const;
export type AlleyTaskState = (typeof ALLEY_TASK_STATES)[number];

/** A task opened by an inspection is due this many days after the inspection's (county) day. */
export const TASK_DUE_DAYS = 14;
