/**
 * The application's metrics, one registry per app (tests and benches build several apps in one process): HTTP
 * requests, under-pressure refusals, intake batches, background jobs (read from job_runs at scrape time) and the
 * PostgreSQL pool. The process's own (event loop, heap, GC, CPU) are in process.ts, once per process. What each
 * metric means is in docs/OPERATIONS.md "Health and metrics". Label values are route templates, methods, status
 * classes, job names and limit names: never a URL, an id or anything a user typed.
 */
import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db.js';
import { onIntakeBatch } from './batches.js';

/** Seconds; from a cached answer (~1 ms) to a slow export or import. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds; an intake batch is one statement of 1–64 reports. */
const BATCH_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export interface AppMetrics {
  registry: Registry;
  http: Histogram<'method' | 'route' | 'status_class'>;
  busyRefusals: Counter<'reason'>;
  /** Stops listening to the database's intake batches (the app's onClose). */
  stop(): void;
}

export function createAppMetrics(database: Database): AppMetrics {
  const registry = new Registry();
  const http = new Histogram({
    name: 'lianjian_http_request_duration_seconds',
    help: 'HTTP requests by route template, method and status class: time from receipt to the end of the answer',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const busyRefusals = new Counter({
    name: 'lianjian_http_busy_refusals_total',
    help: 'Requests refused 503 SERVER_BUSY by an under-pressure limit, by the limit that was over',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const stop = intakeMetrics(registry, database);
  jobMetrics(registry, database);
  poolMetrics(registry, database);
  return { registry, http, busyRefusals, stop };
}

function intakeMetrics(registry: Registry, database: Database): () => void {
  const batches = new Counter({
    name: 'lianjian_intake_batches_total',
    help: 'Case intake batches written (group commit: one statement for the reports that arrived together)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const cases = new Counter({
    name: 'lianjian_intake_batch_cases_total',
    help: 'Reports carried by those batches (a failed batch is retried report by report, counted again)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'lianjian_intake_batch_duration_seconds',
    help: 'Time to write one intake batch',
    buckets: BATCH_BUCKETS,
    registers: [registry],
  });
  const ok = { batches: batches.labels('ok'), cases: cases.labels('ok') };
  const failed = { batches: batches.labels('failed'), cases: cases.labels('failed') };
  return onIntakeBatch(database.db, (n, s, succeeded) => {
    const to = succeeded ? ok : failed;
    to.batches.inc();
    to.cases.inc(n);
    seconds.observe(s);
  });
}

interface JobRow extends Record<string, unknown> {
  name: string;
  runs: number;
  failures: number;
  last_run_at: string | Date;
  last_duration_ms: number | null;
  last_ok: boolean | null;
}

/**
 * One read of job_runs per scrape, shared by the five job metrics: prom-client calls every metric's collect() in one
 * synchronous loop (Registry.metrics, getMetricsAsJSON), so they all join the query in flight, which is forgotten as
 * soon as it settles (a later scrape reads afresh).
 */
function jobRowsReader(database: Database): () => Promise<JobRow[]> {
  let inFlight: Promise<JobRow[]> | null = null;
  return () => {
    inFlight ??= database.db
      .execute(sql`select name, runs, failures, last_run_at, last_duration_ms, last_ok from job_runs order by name`)
      .then((r) => (r as unknown as { rows: JobRow[] }).rows)
      // A scrape while the database is away shows no job figures rather than failing whole.
      .catch(() => [])
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}

/**
 * Background jobs as job_runs records them (core/periodic.ts), read at each scrape, so every process shows the same
 * figures (whichever ran the job) and, with WORKERS=N, the aggregation keeps one value (max) rather than a sum.
 */
function jobMetrics(registry: Registry, database: Database): void {
  const read = jobRowsReader(database);
  const common = { labelNames: ['job'] as const, registers: [registry], aggregator: 'max' as const };
  const counter = (name: string, help: string, value: (r: JobRow) => number) =>
    new Counter({
      name,
      help,
      ...common,
      async collect() {
        const rows = await read();
        this.reset();
        for (const r of rows) this.inc({ job: r.name }, value(r));
      },
    });
  const gauge = (name: string, help: string, value: (r: JobRow) => number | null) =>
    new Gauge({
      name,
      help,
      ...common,
      async collect() {
        const rows = await read();
        this.reset();
        for (const r of rows) {
          const v = value(r);
          if (v !== null) this.set({ job: r.name }, v);
        }
      },
    });
  counter('lianjian_job_runs_total', 'Runs of each background job (failed ones included)', (r) => Number(r.runs));
  counter('lianjian_job_failures_total', 'Failed runs of each background job', (r) => Number(r.failures));
  gauge('lianjian_job_last_run_timestamp_seconds', 'When each job last ran (Unix time)', (r) =>
    Math.round(new Date(r.last_run_at).getTime() / 1000),
  );
  gauge('lianjian_job_last_duration_seconds', 'How long its last run took', (r) =>
    r.last_duration_ms === null ? null : r.last_duration_ms / 1000,
  );
  gauge('lianjian_job_last_ok', '1 if its last run succeeded, 0 if it failed', (r) =>
    r.last_ok === null ? null : r.last_ok ? 1 : 0,
  );
}

/**
 * node-postgres's pool: connections open, idle, and queries waiting for one. PGlite is one connection inside this
 * process, with no pool to watch: only lianjian_database_info says which database is in use.
 */
function poolMetrics(registry: Registry, database: Database): void {
  new Gauge({
    name: 'lianjian_database_info',
    help: 'The database in use: kind="pglite" (embedded, one connection) or "postgres" (a pool)',
    labelNames: ['kind'] as const,
    registers: [registry],
    aggregator: 'max',
  }).set({ kind: database.kind }, 1);
  const pool = database.pool;
  if (!pool) return;
  new Gauge({
    name: 'lianjian_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total open, idle)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  new Gauge({
    name: 'lianjian_db_pool_waiting',
    help: 'Queries waiting for a PostgreSQL pool connection',
    registers: [registry],
    collect() {
      this.set(pool.waitingCount);
    },
  });
}
