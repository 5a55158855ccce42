/**
 * core/upgrade.ts and drizzle's migrator on a database of its own: the embedded PGlite, or with TEST_DATABASE_URL a
 * scratch PostgreSQL database. A database "one release behind" is an empty one migrated to the journal's
 * second-to-last migration (backup/schema-version.ts migrateTo), so these hold whatever the newest migration is.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { scratchPostgresDatabase } from '../../test/app.js';
import { BackupError, type BackupErrorCode } from './backup/errors.js';
import { verifyBackup } from './backup/restore.js';
import { pruneBackups } from './backup/schedule.js';
import { appliedMigrations, codeSchemaVersion, journalEntries, migrateTo, versionOf } from './backup/schema-version.js';
import { createBackup } from './backup/write.js';
import { rowsOf } from './bulk.js';
import { type Database, migrateNow, openDatabase } from './db.js';
import { MIGRATIONS_DIR } from './paths.js';
import { TEMPLATE_FILE } from './pglite-template.js';
import { PRE_UPGRADE_PREFIX, schemaState, type UpgradeOptions, upgradeDatabase } from './upgrade.js';

async function openEmptyDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url && inject('pgTemplateDb')) return scratchPostgresDatabase(url, { prefix: 'lj_u' });
  const blank = existsSync(TEMPLATE_FILE) ? new Blob([readFileSync(TEMPLATE_FILE)]) : undefined;
  return openDatabase({ dataDir: 'memory://', loadDataDir: blank, migrate: false });
}

const entries = journalEntries();
const previous = entries[entries.length - 2];

/** Every column of every table in public and drizzle, as text: equal before and after means no DDL stayed. */
async function catalog(database: Database): Promise<string> {
  const rows = await rowsOf<{ c: string }>(
    database.db,
    sql`select table_schema || '.' || table_name || '.' || column_name || ':' || data_type as c
        from information_schema.columns where table_schema in ('public', 'drizzle') order by 1`,
  );
  return rows.map((r) => r.c).join('\n');
}

async function refusal(p: Promise<unknown>): Promise<BackupErrorCode> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BackupError);
  return (e as BackupError).code;
}

let database: Database;
let tmp: string;
const options = (over: Partial<UpgradeOptions> = {}): UpgradeOptions => ({
  backupDir: path.join(tmp, 'backups'),
  uploadsDir: path.join(tmp, 'uploads'),
  backup: true,
  log: () => undefined,
  ...over,
});

beforeEach(async () => {
  database = await openEmptyDatabase();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'lj-upgrade-'));
});
afterEach(async () => {
  await database.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('migrations are forward-only and applied in one transaction', () => {
  it('a failing statement in the last pending migration leaves the database at the version it had', async () => {
    await migrateTo(database, versionOf(previous));
    const before = { catalog: await catalog(database), applied: await appliedMigrations(database.db) };
    // A copy of migrations/ plus one more whose first statement works and whose second fails: the pending ones are
    // this code's newest real migration and the broken one, so the real one must be rolled back with it.
    const folder = path.join(tmp, 'migrations');
    cpSync(MIGRATIONS_DIR, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: object[] };
    const latest = entries[entries.length - 1];
    const broken = {
      idx: latest.idx + 1,
      version: '7',
      when: latest.when + 1000,
      tag: '9999_broken',
      breakpoints: true,
    };
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: [...journal.entries, broken] }));
    writeFileSync(
      path.join(folder, '9999_broken.sql'),
      'CREATE TABLE "upgrade_probe" ("id" integer);\n--> statement-breakpoint\nINSERT INTO "no_such_table" VALUES (1);\n',
    );

    await expect(migrateNow(database, folder)).rejects.toThrow(/no_such_table/);

    expect(await appliedMigrations(database.db)).toEqual(before.applied);
    expect(before.applied.at(-1)?.when).toBe(previous.when);
    expect(await catalog(database)).toBe(before.catalog);
    const probe = await rowsOf<{ t: string | null }>(database.db, sql`select to_regclass('upgrade_probe')::text as t`);
    expect(probe[0].t).toBeNull();
  });
});

describe('upgradeDatabase', () => {
  it('migrates a fresh database without a backup', async () => {
    const outcome = await upgradeDatabase(database, options());
    expect(outcome.state.kind).toBe('fresh');
    expect(outcome.backupDir).toBeNull();
    expect(existsSync(path.join(tmp, 'backups'))).toBe(false);
    expect((await schemaState(database.db)).kind).toBe('current');
  });

  it('backs an older database up (marked as the pre-upgrade one) before migrating it', async () => {
    await migrateTo(database, versionOf(previous));
    const lines: string[] = [];
    const outcome = await upgradeDatabase(database, options({ log: (l) => lines.push(l) }));
    expect(outcome.state).toMatchObject({ kind: 'older', applied: { tag: previous.tag } });
    expect(path.basename(outcome.backupDir ?? '')).toMatch(new RegExp(`^${PRE_UPGRADE_PREFIX}\\d{8}-\\d{6}$`));
    const manifest = await verifyBackup(outcome.backupDir ?? '');
    expect(manifest.schema.tag).toBe(previous.tag);
    expect(manifest.note).toBe(`before upgrade from ${previous.tag} to ${codeSchemaVersion().tag}`);
    expect(lines.join('\n')).toContain(`pre-upgrade backup (${manifest.note}) written to ${outcome.backupDir}`);
    expect((await schemaState(database.db)).kind).toBe('current');
    // A second start finds nothing to do: no second backup.
    expect((await upgradeDatabase(database, options())).backupDir).toBeNull();
    expect(readdirSync(path.join(tmp, 'backups'))).toHaveLength(1);
  });

  it('does not migrate when the pre-upgrade backup fails, and migrates without one when UPGRADE_BACKUP=off', async () => {
    await migrateTo(database, versionOf(previous));
    writeFileSync(path.join(tmp, 'not-a-folder'), '');
    const blocked = options({ backupDir: path.join(tmp, 'not-a-folder') });
    expect(await refusal(upgradeDatabase(database, blocked))).toBe('UPGRADE_BACKUP_FAILED');
    expect((await appliedMigrations(database.db)).at(-1)?.when).toBe(previous.when);

    const outcome = await upgradeDatabase(database, options({ backup: false }));
    expect(outcome).toMatchObject({ state: { kind: 'older' }, backupDir: null });
    expect((await schemaState(database.db)).kind).toBe('current');
  });

  it('refuses a newer database (or another branch) and writes nothing, not even a backup', async () => {
    await migrateNow(database);
    const code = codeSchemaVersion();
    const future = code.when + 86_400_000;
    await database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', ${future})`,
    );
    const before = await appliedMigrations(database.db);
    const e = await upgradeDatabase(database, options()).catch((err: unknown) => err as BackupError);
    expect(e).toBeInstanceOf(BackupError);
    expect(e).toMatchObject({ code: 'UPGRADE_SCHEMA_NEWER' });
    expect((e as BackupError).message).toContain(`unknown-${future}`);
    expect((e as BackupError).message).toContain(code.tag);
    expect((e as BackupError).message).toMatch(/比本程序更新.*is newer than this code/);
    expect(await appliedMigrations(database.db)).toEqual(before);
    expect(existsSync(path.join(tmp, 'backups'))).toBe(false);

    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${future}`);
    await database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('another-branch', ${previous.when + 1})`,
    );
    expect(await refusal(upgradeDatabase(database, options()))).toBe('UPGRADE_SCHEMA_UNKNOWN');
  });
});

it('retention deletes scheduled backups only, never a pre-upgrade one', async () => {
  await migrateNow(database);
  const backupDir = path.join(tmp, 'backups');
  const opts = { outDir: backupDir, uploadsDir: path.join(tmp, 'uploads') };
  const kept = await createBackup(database, { ...opts, prefix: PRE_UPGRADE_PREFIX, note: 'before upgrade' });
  for (let i = 0; i < 3; i++) await createBackup(database, opts);
  await pruneBackups(backupDir, 1);
  const left = readdirSync(backupDir);
  expect(left).toContain(path.basename(kept.dir));
  expect(left).toHaveLength(2);
});
