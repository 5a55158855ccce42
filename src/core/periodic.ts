/**
 * A task run now and then every `everyMs` in this process (src/background.ts starts them in the process that leads:
 * core/leader.ts). Each run is counted in job_runs with the process that ran it and its outcome (duration, success
 * or the failure's message), so an operator sees on the job-runs page (and the several-process test in the table)
 * where, how often and how well background work runs.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { PROCESS_NAME } from './leader.js';
import { jobRuns } from './system.schema.js';

export interface PeriodicLog {
  error(obj: object, msg?: string): void;
}

/** A failure's message is kept this long at most: enough to recognise it, never a dump of a statement or its data. */
export const JOB_ERROR_MAX_CHARS = 500;

/** How one run ended; `durationMs` measured with performance.now() around the run (elapsed time, not business time). */
export type JobOutcome = { durationMs: number } & ({ ok: true } | { ok: false; error: unknown });

/** The message of what a job threw, without its stack, cut to JOB_ERROR_MAX_CHARS. */
export function jobErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message || err.name : String(err);
  return message.length > JOB_ERROR_MAX_CHARS ? `${message.slice(0, JOB_ERROR_MAX_CHARS - 1)}…` : message;
}

/**
 * The outcome columns of job_runs for one finished run. Times are the database's now(), like the sweep's claim; the
 * start is the end less the measured duration. A success keeps the last failure's time and message (the page shows
 * when a job last failed and why, even once it runs again).
 */
function outcomeColumns(outcome: JobOutcome) {
  const durationMs = Math.max(0, Math.round(outcome.durationMs));
  return {
    run: {
      lastStartedAt: sql`now() - make_interval(secs => ${durationMs / 1000})`,
      lastDurationMs: durationMs,
      lastOk: outcome.ok,
    },
    failure: outcome.ok ? null : { lastFailedAt: sql`now()`, lastError: jobErrorMessage(outcome.error) },
  };
}

/** Counts one finished run of `name` by this process, with its outcome. */
export async function countJobRun(db: Db, name: string, outcome: JobOutcome): Promise<void> {
  const { run, failure } = outcomeColumns(outcome);
  const counted = { lastRunAt: sql`now()`, ranBy: PROCESS_NAME, ...run, ...failure };
  await db
    .insert(jobRuns)
    .values({ name, runs: 1, failures: failure ? 1 : 0, ...counted })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: {
        runs: sql`${jobRuns.runs} + 1`,
        ...(failure && { failures: sql`${jobRuns.failures} + 1` }),
        ...counted,
      },
    });
}

/** Records the outcome of a run already counted when it was claimed (the case sweep claims its ticks in job_runs). */
export async function recordJobOutcome(db: Db, name: string, outcome: JobOutcome): Promise<void> {
  const { run, failure } = outcomeColumns(outcome);
  const failed = failure && { failures: sql`${jobRuns.failures} + 1`, ...failure };
  await db
    .update(jobRuns)
    .set({ ...run, ...failed })
    .where(eq(jobRuns.name, name));
}

/** Runs `task`, measures it and records how it ended; a failure is logged, recorded and not thrown. */
async function runAndCount(opts: Parameters<typeof startPeriodic>[0]): Promise<void> {
  const started = performance.now();
  let outcome: JobOutcome;
  try {
    await opts.task(opts.db);
    outcome = { ok: true, durationMs: performance.now() - started };
  } catch (err) {
    outcome = { ok: false, error: err, durationMs: performance.now() - started };
    opts.log.error({ err }, `${opts.name} failed`);
  }
  try {
    await countJobRun(opts.db, opts.name, outcome);
  } catch (err) {
    opts.log.error({ err }, `${opts.name}: its run could not be counted in job_runs`);
  }
}

/** Runs the task now and every `everyMs`, never two at once; a failure is recorded and the next tick tries again. */
export function startPeriodic(opts: {
  db: Db;
  log: PeriodicLog;
  everyMs: number;
  /** The job's name in job_runs (and in the registry of background jobs). */
  name: string;
  task: (db: Db) => Promise<unknown>;
}): () => Promise<void> {
  let inFlight: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (inFlight || stopped) return;
    inFlight = runAndCount(opts).finally(() => {
      inFlight = null;
    });
  };
  tick();
  const timer = setInterval(tick, opts.everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await inFlight;
  };
}
