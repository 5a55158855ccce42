import type { BackgroundJob, JobState } from './operations.contracts.js';

/** A job is late when its last run is older than this many of its intervals (a tick or two may be slow or skipped). */
export const LATE_FACTOR = 3;
/** …and never sooner than this: a job ticking every 200 ms is not late because one tick took a second. */
export const LATE_FLOOR_MS = 2 * 60_000;

/** How long after its last run a job that is on counts as late; a just-started server's first run is waited for. */
export function lateAfterMs(job: Pick<BackgroundJob, 'everyMs' | 'firstRunAfterMs'>): number {
  return Math.max(LATE_FACTOR * job.everyMs, LATE_FLOOR_MS) + job.firstRunAfterMs;
}

/** The last run as job_runs has it (null: the job never ran on this database). */
export interface LastRun {
  lastRunAt: Date;
  /** Null while a claimed run has not ended yet, or for a run recorded before outcomes were (migration 0020). */
  lastOk: boolean | null;
}

/**
 * A job's state at `now` (the database's clock, which stamped the runs): off before anything else, then never run,
 * then failing (a failure matters more than lateness: the job ran and could not do its work), then late.
 */
export function jobState(
  job: Pick<BackgroundJob, 'off' | 'everyMs' | 'firstRunAfterMs'>,
  last: LastRun | null,
  now: Date,
): JobState {
  if (job.off) return 'off';
  if (!last) return 'never_run';
  if (last.lastOk === false) return 'failing';
  if (now.getTime() - last.lastRunAt.getTime() > lateAfterMs(job)) return 'late';
  return 'ok';
}
