import { bigint, boolean, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases, satisfaction } from '../cases.schema.js';

/**
 * Every rating a case received, one row per round, never updated or deleted: a reopen starts a new round (round 2, 3…)
 * and leaves the earlier ratings as they were. The statistics count the case's `cases.satisfaction`, derived from these
 * rows by resident/rating.ts (the worst of all rounds, at the first rating's time; docs/CASES.md "Definitions").
 */
export const caseRatings = pgTable(
  'case_ratings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    /** 1 for the first rating; each reopen after an unsatisfied rating starts the next round. */
    round: smallint('round').notNull(),
    satisfaction: satisfaction('satisfaction').notNull(),
    comment: text('comment'),
    /** Recorded by staff on the reporter's behalf after a phone visit (回访), not by the reporter. */
    byPhoneVisit: boolean('by_phone_visit').notNull().default(false),
    ratedByUserId: uuid('rated_by_user_id'),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('case_ratings_case_round_uq').on(t.caseId, t.round),
    index('case_ratings_rated_at_idx').on(t.ratedAt),
  ],
);
