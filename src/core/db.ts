import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { MIGRATIONS_DIR } from './paths.js';
import {
  copyMigratedCluster,
  initdbTemplate,
  isEmptyDir,
  migratedClusterDir,
  migratedTemplateFile,
  TEMPLATE_FILE,
  writeTemplate,
} from './pglite-template.js';

/** A database handle or a transaction: services accept either, so callers decide the transaction boundary. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Set for the embedded database (dumps, tests). */
  pglite?: PGlite;
  /** Set for PostgreSQL (advisory locks on a dedicated connection). */
  pool?: pg.Pool;
  /**
   * PostgreSQL only: a new connection outside the pool, for what holds a connection for the life of the process
   * (LISTEN, the background-work leadership lock: core/leader.ts, core/listen.ts). The caller ends it.
   */
  connectDedicated?: () => Promise<pg.Client>;
  close(): Promise<void>;
}

/**
 * How many intake batches may be in flight at once on a handle: one on the embedded database (one connection), two on
 * PostgreSQL, so that one batch's statement runs while the previous one commits. More only made each batch smaller,
 * and no faster (bench/cases-intake.ts).
 */
const parallelism = new WeakMap<Db, number>();
export function parallelWrites(db: Db): number {
  return parallelism.get(db) ?? 1;
}

const pools = new WeakMap<Db, pg.Pool>();

const dialect = new PgDialect();

/** Whether a handle is on PostgreSQL (shared by several processes), not the embedded PGlite (one process). */
export function onPostgres(db: Db): boolean {
  return pools.has(db);
}

/**
 * Rows of a statement whose text never changes (only its parameters do), run on PostgreSQL as a named prepared
 * statement: each pooled connection parses and plans it once instead of on every call, which for a large statement
 * is a good part of its cost (~0.8 ms of intake's batch write). On PGlite, or inside a transaction, an ordinary query.
 */
export async function preparedRows<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return ((await db.execute(query)) as { rows?: T[] }).rows ?? [];
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await pool.query({ name, text, values: params })).rows as T[];
}

/** Arbitrary but fixed: every Lianjian process takes this advisory lock before migrating. */
const MIGRATION_LOCK_KEY = 7_150_020_260;

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  dataDir?: string;
  /** A PGlite dump (from dumpDataDir) to start from instead of running initdb. */
  loadDataDir?: Blob;
  migrate?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts);
  if (opts.migrate !== false) await applyMigrations(database);
  return database;
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const dataDir = opts.dataDir ?? 'memory://';
  const onDisk = !dataDir.startsWith('memory://');
  if (onDisk) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const fresh = onDisk && !opts.loadDataDir && isEmptyDir(dataDir);
  const copied = fresh && copyMigratedCluster(dataDir);
  const loadDataDir = opts.loadDataDir ?? (fresh && !copied ? initdbTemplate() : undefined);
  const client = await PGlite.create({ dataDir, loadDataDir });
  // A new 16 MB WAL segment is otherwise zero-filled first, on this thread: every few seconds of steady writing
  // that stalled a write for 30–70 ms (bench/cases-intake.ts). PGlite runs with fsync off, so the zeroes bought nothing.
  await client.exec('set wal_init_zero = off');
  // One connection, so no intake ever waits on another's rollup rows: new cases update case_stats directly, not by way
  // of case_stats_pending, whose folds would run on this thread (migrations/0010).
  await client.exec('set lianjian.case_stats_direct = on');
  const db = drizzlePglite(client) as unknown as Db;
  parallelism.set(db, 1);
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover, DROP DATABASE) is reported here; without a
  // listener Node would crash the process. The pool discards it and the next query connects afresh.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool) as unknown as Db;
  parallelism.set(db, 2);
  pools.set(db, pool);
  const connectDedicated = async () => {
    const client = new pg.Client({ connectionString: url });
    // As for the pool: a dropped connection is reported to its owner through 'end', never a crash.
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  return { db, kind: 'postgres', pool, connectDedicated, close: () => pool.end() };
}

/**
 * Applies the committed drizzle-kit migrations. On PostgreSQL a session-level advisory lock, held on its own
 * connection, makes concurrent starts wait for each other instead of applying a migration twice. (A server starts
 * through core/upgrade.ts instead, which also refuses a newer database and backs up an older one.)
 */
export async function applyMigrations(database: Database): Promise<void> {
  await oneProcessAtATime(database, () => migrateNow(database));
}

/**
 * drizzle's migrator, for a caller that holds the start-up lock already. It applies every migration newer than the
 * last one recorded in drizzle.__drizzle_migrations, all of them in one transaction (drizzle-orm's PgDialect.migrate,
 * on PGlite and node-postgres alike): a failing statement leaves the database as it was. There are no down migrations.
 */
export async function migrateNow(database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder });
  else await migratePg(database.db as never, { migrationsFolder });
}

/**
 * Runs `task` while holding the start-up advisory lock on PostgreSQL (on PGlite, one process, it just runs): processes
 * starting together on one database — `WORKERS=N`, or N instances behind a balancer — migrate and seed one after the
 * other, so the first does the work and the others find it done.
 */
export async function oneProcessAtATime<T>(database: Database, task: () => Promise<T>): Promise<T> {
  const pool = database.pool;
  if (database.kind === 'pglite') return task();
  if (!pool) throw new Error('PostgreSQL database without a pool');
  const lockClient = await pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await task();
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lockClient.release();
  }
}

/** Caches a cluster with every migration applied (see pglite-template.ts); made from the empty-cluster dump. */
export async function writeMigratedTemplate(): Promise<string> {
  const empty = existsSync(TEMPLATE_FILE) ? new Blob([readFileSync(TEMPLATE_FILE)]) : undefined;
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir: empty });
  let file: string;
  try {
    file = await writeTemplate(migratedTemplateFile(), await database.pglite!.dumpDataDir('none'));
  } finally {
    await database.close();
  }
  // The same cluster unpacked: a first start copies the directory (~1 s less than unpacking the dump).
  const dir = migratedClusterDir();
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const unpacked = await PGlite.create({ dataDir: tmp, loadDataDir: new Blob([readFileSync(file)]) });
  await unpacked.close();
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return file;
}

export async function ping(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
