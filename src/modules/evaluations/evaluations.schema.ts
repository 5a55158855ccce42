import { sql } from 'drizzle-orm';
import { pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt, version } from '../../core/columns.js';
import { cases } from '../cases/cases.schema.js';
import { organisations } from '../org/org.schema.js';
import { VERDICTS } from './evaluations.enums.js';

/** A verdict is pending until the session rules on the case. */
export const verdict = pgEnum('evaluation_verdict', [...VERDICTS, 'pending']);

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
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('evaluation_items_session_case_uq').on(t.sessionId, t.caseId)],
);
