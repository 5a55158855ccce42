/**
 * A task run now and then every `everyMs` in this process (src/background.ts starts them in the process that leads:
 * core/leader.ts). Each run is counted in job_runs with the process that ran it, so an operator (and the
 * several-process test) sees where and how often background work runs.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { PROCESS_NAME } from './leader.js';
import { jobRuns } from './system.schema.js';

export interface PeriodicLog {
  error(obj: object, msg?: string): void;
}

/** Counts one run of `name` by this process. */
export async function countJobRun(db: Db, name: string): Promise<void> {
  await db
    .insert(jobRuns)
    .values({ name, lastRunAt: sql`now()`, runs: 1, ranBy: PROCESS_NAME })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { lastRunAt: sql`now()`, runs: sql`${jobRuns.runs} + 1`, ranBy: PROCESS_NAME },
    });
}

/** Runs the task now and every `everyMs`, never two at once; a failure is logged and the next tick tries again. */
export function startPeriodic(opts: {
  db: Db;
  log: PeriodicLog;
  everyMs: number;
  /** The job's name in job_runs. */
  name: string;
  task: (db: Db) => Promise<unknown>;
}): () => Promise<void> {
  let inFlight: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (inFlight || stopped) return;
    inFlight = opts
      .task(opts.db)
      .then(() => countJobRun(opts.db, opts.name))
      .catch((err: unknown) => opts.log.error({ err }, `${opts.name} failed`))
      .finally(() => {
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
