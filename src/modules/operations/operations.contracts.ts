import { z } from 'zod';
import { DATABASE_KINDS, JOB_NAMES, JOB_OFF_REASONS, JOB_STATES } from './operations.enums.js';

export { DATABASE_KINDS, JOB_NAMES, JOB_OFF_REASONS, JOB_STATES } from './operations.enums.js';
export type JobName = (typeof JOB_NAMES)[number];
export type JobState = (typeof JOB_STATES)[number];
export type DatabaseKind = (typeof DATABASE_KINDS)[number];
export type JobOffReason = (typeof JOB_OFF_REASONS)[number];

/**
 * One background job as this server is set to run it (src/background.jobs.ts): how often, on which databases, and
 * whether it runs here at all.
 */
export interface BackgroundJob {
  name: JobName;
  /** How often it runs while it is on (for a job that checks whether something is due, how often it checks). */
  everyMs: number;
  /** The wait after the server starts before its first run (the backup waits a few minutes). */
  firstRunAfterMs: number;
  databases: readonly DatabaseKind[];
  /** Null when this server runs it. */
  off: JobOffReason | null;
}

/** A job and its last runs, as the admins' job-runs page shows it. Times are ISO instants (the database's clock). */
export const ZJobRun = z.object({
  name: z.enum(JOB_NAMES),
  state: z.enum(JOB_STATES),
  offReason: z.enum(JOB_OFF_REASONS).nullable(),
  everyMs: z.number().int(),
  databases: z.array(z.enum(DATABASE_KINDS)),
  lastRunAt: z.string().nullable(),
  lastStartedAt: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  lastOk: z.boolean().nullable(),
  runs: z.number().int(),
  failures: z.number().int(),
  lastFailedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The process that ran it last (`host:pid`). */
  ranBy: z.string().nullable(),
});
export type JobRun = z.infer<typeof ZJobRun>;

export const ZJobRunList = z.object({
  /** The database's time of the answer: what "late" and "how long ago" were measured against. */
  checkedAt: z.string(),
  /** This server's database kind: which jobs it runs. */
  database: z.enum(DATABASE_KINDS),
  items: z.array(ZJobRun),
});
export type JobRunList = z.infer<typeof ZJobRunList>;
