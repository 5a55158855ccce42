/**
 * Upkeep of the embedded database (docs/OPERATIONS.md "Embedded database maintenance"). PGlite is PostgreSQL in single
 * user mode: no autovacuum runs, so a table's dead row versions (every UPDATE and DELETE leaves one) are reclaimed
 * only by page pruning as later statements pass, and the planner's statistics are never refreshed. Once a night, in
 * the county's quiet hours, src/background.ts runs `VACUUM (ANALYZE)` on the tables that need it. PostgreSQL has
 * autovacuum; the job is not started there.
 *
 * Which tables: PGlite keeps pg_stat_user_tables' counters (dead rows, changes since the last analyze, inserts since
 * the last vacuum) while the database is open, but starts them at zero on every open (measured: they are not written
 * at close). So a table is taken when autovacuum's default rule would take it (vacuum when dead > 50 + 20 % of live
 * rows, analyze when changed > 50 + 10 %, inserts > 1000 + 20 %, transaction ids older than 150 million), or when it
 * has 8 pages or more and has not been vacuumed since this process opened the database: after a restart the counters
 * know nothing of what happened before, so the first night takes every table that is not tiny.
 */
import { sql } from 'drizzle-orm';
import { SHANGHAI_OFFSET_MS } from './calendar.js';
import { clock } from './clock.js';
import type { Database, Db } from './db.js';
import { jobRuns } from './system.schema.js';

/** The job's name in job_runs; its last_result holds what the last maintenance did (and so when it is next due). */
export const MAINTENANCE_JOB = 'vacuum';

/** A maintenance is due when the last one is at least this old (once a night, whatever the window's length). */
export const MAINTENANCE_EVERY_MS = 20 * 3_600_000;

/** County hours [from, to) in which maintenance may run; to < from wraps past midnight (e.g. 23-4). */
export interface QuietHours {
  from: number;
  to: number;
}

/** MAINTENANCE_HOURS: 'off' (or '') → null; 'F-T' with whole hours 0–24 → the window. Throws on anything else. */
export function parseQuietHours(text: string): QuietHours | null {
  const value = text.trim();
  if (value === '' || value === 'off') return null;
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(value);
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from > 23 || to > 24 || from === to) {
    throw new RangeError(`expected county hours "from-to" such as 2-5 (0–24, not equal), or "off": ${text}`);
  }
  return { from, to };
}

/** Whether the instant's county hour (Asia/Shanghai) lies in the window. */
export function inQuietHours(window: QuietHours, at: Date): boolean {
  const hour = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
  return window.from < window.to ? hour >= window.from && hour < window.to : hour >= window.from || hour < window.to;
}

export interface TableSize {
  /** pg_relation_size: the table's main fork. */
  tableBytes: number;
  /** pg_indexes_size: all its indexes. */
  indexBytes: number;
  /** pg_total_relation_size: table, indexes, TOAST and the free-space and visibility maps. */
  totalBytes: number;
  /** pg_stat_user_tables.n_dead_tup (as counted since the database was opened). */
  deadRows: number;
}

export interface VacuumedTable {
  table: string;
  /** Which of the rules took it (see the header). */
  reason: 'dead' | 'analyze' | 'inserts' | 'xid-age' | 'since-open' | 'asked';
  ms: number;
  before: TableSize;
  after: TableSize;
}

interface TableStats {
  table: string;
  live: number;
  dead: number;
  modified: number;
  inserted: number;
  xidAge: number;
  vacuumed: boolean;
  bytes: number;
}

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as { rows?: T[] }).rows ?? [];
}

/**
 * The counters of the statements just run reach pg_stat_user_tables at most once a second; this asks the next
 * statement's end to send them, so what follows reads them whole.
 */
async function flushStats(db: Db): Promise<void> {
  await db.execute(sql`select pg_stat_force_next_flush()`);
}

async function tableStats(db: Db): Promise<TableStats[]> {
  await flushStats(db);
  return rowsOf<TableStats>(
    db,
    sql`select s.relname as "table", s.n_live_tup::float8 as live, s.n_dead_tup::float8 as dead,
          s.n_mod_since_analyze::float8 as modified, s.n_ins_since_vacuum::float8 as inserted,
          age(c.relfrozenxid)::float8 as "xidAge", (s.last_vacuum is not null) as vacuumed,
          pg_relation_size(s.relid)::float8 as bytes
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = 'public' order by s.relname`,
  );
}

/**
 * A table this small is read whole by any statement that looks at it (which prunes its pages) and costs nothing to
 * plan; vacuuming it only because the counters are new would add its free-space and visibility maps (32 kB) for nothing.
 */
const SINCE_OPEN_MIN_BYTES = 8 * 8192;

/** Why a table needs a VACUUM (ANALYZE) now, or null (autovacuum's default thresholds; header). */
export function vacuumReason(s: Omit<TableStats, 'table'>): Exclude<VacuumedTable['reason'], 'asked'> | null {
  if (s.dead > 50 + 0.2 * s.live) return 'dead';
  if (s.modified > 50 + 0.1 * s.live) return 'analyze';
  if (s.inserted > 1000 + 0.2 * s.live) return 'inserts';
  if (s.xidAge > 150_000_000) return 'xid-age';
  if (!s.vacuumed && s.bytes >= SINCE_OPEN_MIN_BYTES) return 'since-open';
  return null;
}

/** Sizes and dead rows of public tables, by name (all of them when `tables` is not given). */
export async function tableSizes(db: Db, tables?: string[]): Promise<Map<string, TableSize>> {
  await flushStats(db);
  const rows = await rowsOf<TableSize & { table: string }>(
    db,
    sql`select s.relname as "table", pg_relation_size(s.relid)::float8 as "tableBytes",
          pg_indexes_size(s.relid)::float8 as "indexBytes", pg_total_relation_size(s.relid)::float8 as "totalBytes",
          s.n_dead_tup::float8 as "deadRows"
        from pg_stat_user_tables s where s.schemaname = 'public'`,
  );
  const wanted = tables && new Set(tables);
  return new Map(rows.filter((r) => !wanted || wanted.has(r.table)).map(({ table, ...size }) => [table, size]));
}

const NO_SIZE: TableSize = { tableBytes: 0, indexBytes: 0, totalBytes: 0, deadRows: 0 };

/**
 * `VACUUM (ANALYZE)` of each table that needs it (or of `only`, all of them, when given), one at a time: each holds
 * PGlite's one connection while it runs, and requests wait behind it.
 */
export async function vacuumBusyTables(db: Db, opts: { only?: string[] } = {}): Promise<VacuumedTable[]> {
  const stats = await tableStats(db);
  const chosen = stats
    .map((s) => ({ table: s.table, reason: opts.only ? ('asked' as const) : vacuumReason(s) }))
    .filter((c): c is { table: string; reason: VacuumedTable['reason'] } =>
      opts.only ? opts.only.includes(c.table) : c.reason !== null,
    );
  const before = await tableSizes(db);
  const took = new Map<string, number>();
  for (const { table } of chosen) {
    const started = performance.now();
    await db.execute(sql`vacuum (analyze) ${sql.identifier(table)}`);
    took.set(table, performance.now() - started);
  }
  const after = await tableSizes(db);
  return chosen.map(({ table, reason }) => ({
    table,
    reason,
    ms: took.get(table) ?? 0,
    before: before.get(table) ?? NO_SIZE,
    after: after.get(table) ?? NO_SIZE,
  }));
}

/** Rows nothing else removes, deleted before the vacuum (e.g. ended sessions); each answers how many it deleted. */
export type PruneTasks = Record<string, (db: Db) => Promise<number>>;

export interface MaintenanceResult {
  /** Business time of the run (ISO): the next is due MAINTENANCE_EVERY_MS later. */
  at: string;
  ms: number;
  pruned: Record<string, number>;
  tables: VacuumedTable[];
  totalBytesBefore: number;
  totalBytesAfter: number;
}

async function lastMaintenanceAt(db: Db): Promise<number | null> {
  const [row] = await rowsOf<{ at: string | null }>(
    db,
    sql`select last_result->>'at' as at from ${jobRuns} where ${jobRuns.name} = ${MAINTENANCE_JOB}`,
  );
  return row?.at ? Date.parse(row.at) : null;
}

/** Prunes, vacuums and records the result in job_runs' last_result; no window or due check (maintainIfDue does). */
export async function runMaintenance(database: Database, prune: PruneTasks = {}): Promise<MaintenanceResult> {
  const db = database.db;
  const started = performance.now();
  const at = clock.now().toISOString();
  const pruned: Record<string, number> = {};
  for (const [name, task] of Object.entries(prune)) pruned[name] = await task(db);
  const tables = await vacuumBusyTables(db);
  const sum = (key: 'before' | 'after') => tables.reduce((n, t) => n + t[key].totalBytes, 0);
  const result: MaintenanceResult = {
    at,
    ms: Math.round(performance.now() - started),
    pruned,
    tables: tables.map((t) => ({ ...t, ms: Math.round(t.ms) })),
    totalBytesBefore: sum('before'),
    totalBytesAfter: sum('after'),
  };
  // The row is counted by core/periodic.ts after this task; written here first so the result outlives a restart.
  await db
    .insert(jobRuns)
    .values({ name: MAINTENANCE_JOB, lastRunAt: sql`now()`, runs: 0, lastResult: result })
    .onConflictDoUpdate({ target: jobRuns.name, set: { lastResult: result } });
  return result;
}

export interface MaintenanceLog {
  info(obj: object, msg?: string): void;
}

/**
 * The background job's task, checked every hour: maintenance runs when the county hour is in the window and the last
 * one is MAINTENANCE_EVERY_MS old (or there was none). Answers what it did, or null when it was not the time.
 */
export async function maintainIfDue(
  database: Database,
  opts: { hours: QuietHours; prune?: PruneTasks; log?: MaintenanceLog },
): Promise<MaintenanceResult | null> {
  if (!inQuietHours(opts.hours, clock.now())) return null;
  const last = await lastMaintenanceAt(database.db);
  if (last !== null && clock.nowMs() - last < MAINTENANCE_EVERY_MS) return null;
  const result = await runMaintenance(database, opts.prune);
  opts.log?.info(
    {
      ms: result.ms,
      pruned: result.pruned,
      totalBytesBefore: result.totalBytesBefore,
      totalBytesAfter: result.totalBytesAfter,
      tables: result.tables.map((t) => ({
        table: t.table,
        reason: t.reason,
        ms: t.ms,
        bytes: [t.before.totalBytes, t.after.totalBytes],
        dead: [t.before.deadRows, t.after.deadRows],
      })),
    },
    `database maintenance: VACUUM (ANALYZE) of ${result.tables.length} tables in ${result.ms} ms`,
  );
  return result;
}
