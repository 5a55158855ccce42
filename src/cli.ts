/**
 * `npm run seed`, `npm run backup [-- --out <dir>]`, `npm run restore -- <backup-folder> [--data-dir <dir> |
 * --database-url <url>]` (docs/OPERATIONS.md). Configuration as for the server (DATA_DIR, DATABASE_URL, BACKUP_DIR).
 * On the embedded database these refuse while a server holds DATA_DIR: the server takes its own backups.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { BackupError } from './core/backup/errors.js';
import { restoreBackup, verifyBackup } from './core/backup/restore.js';
import { createBackup } from './core/backup/write.js';
import { type AppConfig, loadConfig, pgliteDir, uploadsDir } from './core/config.js';
import { claimDataDir } from './core/datadir-lock.js';
import { type Database, oneProcessAtATime, openDatabase } from './core/db.js';
import { isEmptyDir, TEMPLATE_FILE } from './core/pglite-template.js';
import { openUpgraded, refuseUnknownSchema } from './core/upgrade.js';
import { seedDemoIfEmpty } from './seed/demo.js';
import { seedReferenceData } from './seed/reference.js';

const USAGE = `usage:
  node dist/src/cli.js seed
  node dist/src/cli.js backup [--out <dir>]
  node dist/src/cli.js restore <backup-folder> [--data-dir <dir>] [--database-url <url>]
    (--data-dir alone: an embedded database there; with --database-url: where the uploads go)`;

/**
 * Opens the configured database, claiming DATA_DIR first when it is the embedded one. `migrate`: as a server starts
 * (core/upgrade.ts: refuse a newer schema, back up an older one, migrate); otherwise as it is, but never a newer one
 * (a backup of it would name a schema this code cannot restore).
 */
async function openConfigured(config: AppConfig, migrate: boolean): Promise<Database> {
  if (!config.databaseUrl) {
    process.on('exit', claimDataDir(config.dataDir));
    if (!migrate && isEmptyDir(pgliteDir(config))) throw new Error(`no database in ${pgliteDir(config)}`);
  }
  if (migrate) return openUpgraded(config, (line) => console.log(line));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config), migrate });
  try {
    await refuseUnknownSchema(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

async function seed(config: AppConfig): Promise<void> {
  const database = await openConfigured(config, true);
  try {
    const seeded = await oneProcessAtATime(database, async () => {
      await seedReferenceData({ db: database.db });
      return seedDemoIfEmpty({ db: database.db });
    });
    console.log(
      seeded ? 'demo data seeded' : 'reference data up to date; the database already had data, demo not seeded',
    );
  } finally {
    await database.close();
  }
}

async function backup(config: AppConfig, out: string | undefined): Promise<void> {
  const database = await openConfigured(config, false);
  try {
    const started = performance.now();
    const { dir, manifest } = await createBackup(database, {
      outDir: out ? path.resolve(out) : config.backupDir,
      uploadsDir: uploadsDir(config),
    });
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `backup written to ${dir}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.uploads.length} uploads, ` +
        `schema ${manifest.schema.tag}, ${Math.round(performance.now() - started)} ms`,
    );
  } finally {
    await database.close();
  }
}

/** An empty cluster in an empty PGlite directory (never the migrated template: the restore migrates it itself). */
async function createEmptyCluster(dir: string): Promise<void> {
  const loadDataDir = existsSync(TEMPLATE_FILE) ? new Blob([readFileSync(TEMPLATE_FILE)]) : undefined;
  const client = await PGlite.create({ dataDir: dir, loadDataDir });
  await client.close();
}

async function restore(config: AppConfig, backupDir: string, target: { dataDir?: string; databaseUrl?: string }) {
  const dir = path.resolve(backupDir);
  const manifest = await verifyBackup(dir);
  const dataDir = target.dataDir ? path.resolve(target.dataDir) : config.dataDir;
  // --data-dir alone means the embedded database there, even when DATABASE_URL is set for the server.
  const databaseUrl = target.databaseUrl ?? (target.dataDir ? undefined : config.databaseUrl);
  let created: string | null = null;
  let database: Database;
  if (databaseUrl) database = await openDatabase({ databaseUrl, migrate: false });
  else {
    process.on('exit', claimDataDir(dataDir));
    const pgDir = pgliteDir({ dataDir });
    if (isEmptyDir(pgDir)) {
      await createEmptyCluster(pgDir);
      created = pgDir;
    }
    database = await openDatabase({ dataDir: pgDir, migrate: false });
  }
  try {
    await restoreBackup(database, { backupDir: dir, uploadsDir: uploadsDir({ dataDir }) });
  } catch (e) {
    await database.close();
    if (created) rmSync(created, { recursive: true, force: true });
    throw e;
  }
  await database.close();
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `restored ${dir} (${manifest.createdAt}, schema ${manifest.schema.tag}): ${rows} rows and ` +
      `${manifest.uploads.length} uploads verified; start the server on it to apply newer migrations`,
  );
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  const config = loadConfig();
  if (command === 'seed' && rest.length === 0) return seed(config);
  if (command === 'backup' && rest.length === 0) return backup(config, values.out);
  if (command === 'restore' && rest.length === 1) {
    return restore(config, rest[0], { dataDir: values['data-dir'], databaseUrl: values['database-url'] });
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(e instanceof BackupError ? 2 : 1);
  },
);
