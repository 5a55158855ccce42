import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, version } from '../../core/columns.js';
import { cases } from '../cases/cases.schema.js';
import { organisations } from '../org/org.schema.js';
import { people } from '../people/people.schema.js';
import { CONSEQUENCES, FOLLOW_UP_STATUSES, ITEM_VERDICTS } from './evaluations.enums.js';

/** A verdict is pending until the session rules on the case (or carries it over to the next session). */
export const verdict = pgEnum('evaluation_verdict', ITEM_VERDICTS);

/** 每月20日定期评事: one session per community per month, its agenda generated from cases since the last one. */
export const evaluationSessions = pgTable(
  'evaluation_sessions',
  {
    id: idColumn(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    heldOn: text('held_on').notNull(),
    periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('draft'),
    representatives: text('representatives').array().notNull().default(sql`'{}'::text[]`),
    minutes: text('minutes'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('evaluation_sessions_community_day_uq').on(t.communityId, t.heldOn)],
);

export const evaluationItems = pgTable(
  'evaluation_items',
  {
    id: idColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => evaluationSessions.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    verdict: verdict('verdict').notNull().default('pending'),
    comment: text('comment'),
    /** The item of an earlier session that carried this case over (结转) to this one. */
    carriedFromItemId: uuid('carried_from_item_id').references((): AnyPgColumn => evaluationItems.id, {
      onDelete: 'set null',
    }),
    /** What holding the session did to an unsatisfied case (CONSEQUENCES); null otherwise. */
    consequence: text('consequence', { enum: CONSEQUENCES }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('evaluation_items_session_case_uq').on(t.sessionId, t.caseId),
    index('evaluation_items_carried_from_idx').on(t.carriedFromItemId),
  ],
);

/**
 * The follow-up tasks of an unsatisfied verdict (不满意): one for the case owner and one per unit the case was
 * whistled to, open until the community marks them done; the community's next session shows them.
 */
export const evaluationFollowUps = pgTable(
  'evaluation_follow_ups',
  {
    id: idColumn(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => evaluationItems.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    /** The case owner (grid worker) the task is for, or null for a unit's task. */
    assigneePersonId: uuid('assignee_person_id').references(() => people.id, { onDelete: 'set null' }),
    assigneeUnitId: uuid('assignee_unit_id').references(() => organisations.id, { onDelete: 'restrict' }),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('open'),
    note: text('note'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneByUserId: uuid('done_by_user_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('evaluation_follow_ups_item_idx').on(t.itemId), index('evaluation_follow_ups_case_idx').on(t.caseId)],
);
