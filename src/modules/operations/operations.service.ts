/**
 * The admins' job-runs page: every background job this version has (the registry, src/background.jobs.ts, handed in
 * by the composition root) with what job_runs recorded of its runs, and its state. Read only; job_runs is core's
 * table (core/system.schema.ts), written by core/periodic.ts and the case sweep.
 */
import { inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../../core/bulk.js';
import type { Db } from '../../core/db.js';
import { jobRuns } from '../../core/system.schema.js';
import type { BackgroundJob, DatabaseKind, JobRun, JobRunList } from './operations.contracts.js';
import { jobState } from './operations.state.js';

type JobRunRow = typeof jobRuns.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(job: BackgroundJob, row: JobRunRow | undefined, now: Date): JobRun {
  return {
    name: job.name,
    state: jobState(job, row ?? null, now),
    offReason: job.off,
    everyMs: job.everyMs,
    databases: [...job.databases],
    lastRunAt: iso(row?.lastRunAt ?? null),
    lastStartedAt: iso(row?.lastStartedAt ?? null),
    lastDurationMs: row?.lastDurationMs ?? null,
    lastOk: row?.lastOk ?? null,
    runs: row?.runs ?? 0,
    failures: row?.failures ?? 0,
    lastFailedAt: iso(row?.lastFailedAt ?? null),
    lastError: row?.lastError ?? null,
    ranBy: row?.ranBy ?? null,
  };
}

/**
 * Every job of the registry, in its order, including those that never ran. "Now" is the database's now(), not the
 * business clock: the runs were stamped by the database (the sweep's claim must be, so that several processes agree),
 * and a server started at another business instant (CLOCK_START, tests) still runs its jobs in real time.
 */
export async function listJobRuns(opts: {
  db: Db;
  jobs: readonly BackgroundJob[];
  database: DatabaseKind;
}): Promise<JobRunList> {
  const names = opts.jobs.map((j) => j.name);
  const [rows, [clockRow]] = await Promise.all([
    names.length ? opts.db.select().from(jobRuns).where(inArray(jobRuns.name, names)) : [],
    rowsOf<{ ms: number }>(opts.db, sql`select (extract(epoch from now()) * 1000)::float8 as ms`),
  ]);
  const now = new Date(Number(clockRow.ms));
  const byName = new Map(rows.map((r) => [r.name, r]));
  return {
    checkedAt: now.toISOString(),
    database: opts.database,
    items: opts.jobs.map((job) => present(job, byName.get(job.name), now)),
  };
}
