import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
 * counted with the process that ran it (`host:pid`), which shows where background work runs (docs/SCALING.md), and
 * with its outcome (core/periodic.ts `recordJobOutcome`), which the admins' job-runs page reads. Times are the
 * database's clock (now()), as the sweep's claim is; durations are measured in the process with performance.now().
 */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  /** The last run: when it ended (core/periodic.ts) or, for a job claiming its ticks (the case sweep), its claim. */
  lastRunAt: timestamp('last_run_at', { withTimezone: true }).notNull(),
  lastResult: jsonb('last_result'),
  /** Every run, failed ones included. */
  runs: integer('runs').notNull().default(0),
  ranBy: text('ran_by'),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastDurationMs: integer('last_duration_ms'),
  /** Null until a run has finished with its outcome recorded. */
  lastOk: boolean('last_ok'),
  /** Of `runs`, those that failed. */
  failures: integer('failures').notNull().default(0),
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true }),
  /** The last failure's message only (no stack), cut to JOB_ERROR_MAX_CHARS. */
  lastError: text('last_error'),
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
