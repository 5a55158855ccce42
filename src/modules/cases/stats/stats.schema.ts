import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/** The columns of case_stats and case_stats_pending. */
const rollupColumns = () => ({
  kind: text('kind').notNull(),
  grain: text('grain').notNull(),
  bucket: date('bucket', { mode: 'string' }).notNull(),
  communityId: uuid('community_id').notNull(),
  /** '' (no whistle), 'resident' or 'community'. */
  whistle: text('whistle').notNull(),
  dim: text('dim').notNull(),
  /** Event counters: by the day the event happened. */
  raised: integer('raised').notNull().default(0),
  /** …of which 群众吹哨 / 社区吹哨 (kept apart here because 'cat' rows do not split by whistle). */
  residentWhistles: integer('resident_whistles').notNull().default(0),
  communityWhistles: integer('community_whistles').notNull().default(0),
  resolved: integer('resolved').notNull().default(0),
  rated: integer('rated').notNull().default(0),
  satisfied: integer('satisfied').notNull().default(0),
  basicallySatisfied: integer('basically_satisfied').notNull().default(0),
  dispatchesDone: integer('dispatches_done').notNull().default(0),
  /** Limit counters: by the day the limit fell. */
  responseDue: integer('response_due').notNull().default(0),
  respondedOnTime: integer('responded_on_time').notNull().default(0),
  resolutionDue: integer('resolution_due').notNull().default(0),
  resolvedOfDue: integer('resolved_of_due').notNull().default(0),
  resolvedOnTime: integer('resolved_on_time').notNull().default(0),
});

/**
 * The case-statistics rollup (GET /api/cases/stats reads it instead of scanning `cases`).
 *
 * One row per (kind, grain, bucket, community, whistle, dim) holds integer counters of what happened in that
 * bucket: cases reported, resolved and rated on that day/month, limits that fell on it and how those cases did, and
 * units' completed dispatches. Each kind keeps only the dimensions its questions need, so that even a county with a
 * million cases has few rows per day (migrations/0003_case_stats.sql, case_stats_keys; 0016 added the channels):
 *   geo     → dim = '<level-2 grid>:<channel>' (the full-time grid worker's grid the case's grid lies in, and the
 *             case's channel: the article's figures are sums per channel); community; whistle
 *   cat     → dim = the category; community; whistle '*' (all)
 *   channel → dim = the channel; community; whistle
 *   unit    → dim = '<unit>:<channel>', a unit the case was dispatched to (a case sent to two units counts under
 *             both); community nil (all); whistle
 * `grain` is 'd' (bucket = the local day, Asia/Shanghai) or 'm' (bucket = the first day of the local month); the
 * month rows are the sums of the day rows, kept so that a year is ~12 rows per key instead of ~365.
 *
 * Nothing in the application writes this table: statement-level triggers on `cases` and `case_dispatches`
 * (migrations/0003_case_stats.sql, 0010) apply each statement's change in the same transaction — inserted cases by
 * way of case_stats_pending — so case_stats and case_stats_pending summed are exactly the rollup of the base tables
 * at every commit, whichever code path wrote them. `case_stats_rebuild()` recomputes it.
 */
export const caseStats = pgTable('case_stats', rollupColumns(), (t) => [
  primaryKey({ name: 'case_stats_pk', columns: [t.kind, t.grain, t.bucket, t.communityId, t.whistle, t.dim] }),
]);

/**
 * Contributions of newly inserted cases not yet added into case_stats: on PostgreSQL the insert trigger appends them
 * here (no key, no index, so concurrent intakes never wait on a shared counter row), and case_stats_fold() moves them
 * into case_stats, summed, every 200 ms (src/server.ts). Readers sum both tables. PGlite (one connection) writes them
 * to case_stats at once (migrations/0010).
 */
export const caseStatsPending = pgTable('case_stats_pending', rollupColumns());
