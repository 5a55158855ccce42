/**
 * What a start does to the database it finds (docs/OPERATIONS.md, "Upgrades"): a fresh one is migrated; one at this
 * code's schema is left alone; an older one is backed up into BACKUP_DIR and then migrated; a newer one (or one with a
 * migration this code does not have) is refused before anything is written. All of it under the start-up lock, so
 * with several processes on one PostgreSQL database the first backs up and migrates and the others find it done.
 */
import { BackupError } from './backup/errors.js';
import {
  type AppliedMigration,
  appliedMigrations,
  codeSchemaVersion,
  journalEntries,
  type SchemaVersion,
  tagOf,
} from './backup/schema-version.js';
import { createBackup } from './backup/write.js';
import { type AppConfig, pgliteDir, uploadsDir } from './config.js';
import { type Database, type Db, migrateNow, oneProcessAtATime, openDatabase } from './db.js';

/** Folder names of pre-upgrade backups: unlike BACKUP_PREFIX's, retention never deletes them (schedule.ts). */
export const PRE_UPGRADE_PREFIX = 'lianjian-pre-upgrade-';

export type SchemaState =
  | { kind: 'fresh'; code: SchemaVersion; pending: string[] }
  | { kind: 'current'; applied: SchemaVersion; code: SchemaVersion; pending: [] }
  | { kind: 'older'; applied: SchemaVersion; code: SchemaVersion; pending: string[] };

export interface UpgradeOptions {
  backupDir: string;
  uploadsDir: string;
  /** Back up an older database before migrating it (UPGRADE_BACKUP, default on). */
  backup: boolean;
  log: (line: string) => void;
}

export interface UpgradeOutcome {
  state: SchemaState;
  /** The pre-upgrade backup's folder, when one was written. */
  backupDir: string | null;
}

/** How an applied migration this code does not know is named: drizzle keeps its journal time, not its tag. */
function describeForeign(m: AppliedMigration): string {
  return `${tagOf(m.when)}, ${new Date(m.when).toISOString()}`;
}

/**
 * Where the database stands against this code's journal. Throws (writing nothing) when it has a migration this code
 * does not have: newer than this code's latest, or another branch's. Compared by the journal's `when` (what drizzle
 * itself compares), not by hash: a checkout with other line endings has other hashes for the same migrations.
 */
export async function schemaState(db: Db): Promise<SchemaState> {
  const entries = journalEntries();
  const code = codeSchemaVersion();
  const applied = await appliedMigrations(db);
  const known = new Set(entries.map((e) => e.when));
  const foreign = applied.filter((m) => !known.has(m.when));
  const newest = foreign.at(-1);
  if (newest) {
    const params = { applied: describeForeign(newest), code: code.tag };
    throw new BackupError(newest.when > code.when ? 'UPGRADE_SCHEMA_NEWER' : 'UPGRADE_SCHEMA_UNKNOWN', params);
  }
  const last = applied.at(-1);
  // drizzle applies every journal entry newer than the last one recorded.
  const pending = entries.filter((e) => !last || e.when > last.when).map((e) => e.tag);
  if (!last) return { kind: 'fresh', code, pending };
  const appliedVersion: SchemaVersion = { tag: tagOf(last.when), hash: last.hash, when: last.when };
  if (pending.length === 0) return { kind: 'current', applied: appliedVersion, code, pending: [] };
  return { kind: 'older', applied: appliedVersion, code, pending };
}

/** Refuses a newer database (or one from another branch) without changing anything; for `npm run backup`. */
export async function refuseUnknownSchema(database: Database): Promise<void> {
  await schemaState(database.db);
}

/** Refuse, back up, migrate: see the file's comment. */
export async function upgradeDatabase(database: Database, opts: UpgradeOptions): Promise<UpgradeOutcome> {
  return oneProcessAtATime(database, async () => {
    const state = await schemaState(database.db);
    let backupDir: string | null = null;
    if (state.kind === 'older') {
      const step = `${state.applied.tag} → ${state.code.tag}`;
      if (opts.backup) backupDir = await preUpgradeBackup(database, state, opts);
      else opts.log(`upgrade ${step}: UPGRADE_BACKUP=off, migrating without a backup`);
      opts.log(`upgrade ${step}: applying ${state.pending.length} migration(s) in one transaction`);
    }
    if (state.pending.length > 0) await migrateNow(database);
    return { state, backupDir };
  });
}

async function preUpgradeBackup(
  database: Database,
  state: Extract<SchemaState, { kind: 'older' }>,
  opts: UpgradeOptions,
): Promise<string> {
  const started = performance.now();
  const note = `before upgrade from ${state.applied.tag} to ${state.code.tag}`;
  try {
    const { dir } = await createBackup(database, {
      outDir: opts.backupDir,
      uploadsDir: opts.uploadsDir,
      prefix: PRE_UPGRADE_PREFIX,
      note,
    });
    opts.log(`pre-upgrade backup (${note}) written to ${dir} in ${Math.round(performance.now() - started)} ms`);
    return dir;
  } catch (e) {
    throw new BackupError('UPGRADE_BACKUP_FAILED', {
      from: state.applied.tag,
      to: state.code.tag,
      dir: opts.backupDir,
      detail: e instanceof Error ? e.message : String(e),
    });
  }
}

/**
 * The configured database, opened and brought to this code's schema (upgradeDatabase); closed again when it is
 * refused, so the caller only reports the error. What the server and `npm run seed` open.
 */
export async function openUpgraded(config: AppConfig, log: UpgradeOptions['log']): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config), migrate: false });
  try {
    await upgradeDatabase(database, {
      backupDir: config.backupDir,
      uploadsDir: uploadsDir(config),
      backup: config.upgradeBackup,
      log,
    });
    return database;
  } catch (e) {
    await database.close();
    throw e;
  }
}
