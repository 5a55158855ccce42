import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/** A retried write with the same Idempotency-Key returns the first answer instead of writing twice. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key, t.route] })],
);

/**
 * Scheduled jobs claim their run through this table, so several app processes run each tick once; every run is
 * counted with the process that ran it (`host:pid`), which shows where background work runs (docs/SCALING.md).
 */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }).notNull(),
  lastResult: jsonb('last_result'),
  runs: integer('runs').notNull().default(0),
  ranBy: text('ran_by'),
});

/**
 * The HTTP rate limits' counters on PostgreSQL (core/http/rate-limit-store.ts): one row per key and fixed window, so
 * every app process counts together. Old windows are pruned by the background work.
 */
export const rateLimitHits = pgTable('rate_limit_hits', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
