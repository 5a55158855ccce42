import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../bulk.js';
import type { Database, Db } from '../db.js';
import { ident, publicTables, type TableInfo, targetContents } from './catalog.js';
import { BackupError } from './errors.js';
import { type ManifestBody, readManifest, type TableEntry, verifyFiles } from './manifest.js';
import { migrateTo, migrationsUpTo } from './schema-version.js';

/** Rows per INSERT: a few MB of JSON at most. */
const LOAD_ROWS = 1000;

/** Reads a backup's manifest and checks every checksum and the schema version; writes nothing. */
export async function verifyBackup(dir: string): Promise<ManifestBody> {
  const manifest = readManifest(dir);
  await verifyFiles(dir, manifest);
  migrationsUpTo(manifest.schema);
  return manifest;
}

/**
 * Restores a backup into an empty database and an empty uploads folder. Everything that can refuse does so before
 * anything is written: the manifest and every file's checksum, the schema version, the target's emptiness, the
 * rights to turn triggers off. Then the target is migrated to the backup's version and the rows are loaded in one
 * transaction with `session_replication_role = replica` (no triggers, no foreign-key checks: tables load in any order
 * and no trigger counts a row twice), sequences set, counts verified; a failure there puts the target back to empty.
 */
export async function restoreBackup(
  database: Database,
  opts: { backupDir: string; uploadsDir: string },
): Promise<ManifestBody> {
  const manifest = await verifyBackup(opts.backupDir);
  const contents = await targetContents(database.db);
  if (contents) throw new BackupError('RESTORE_TARGET_NOT_EMPTY', { detail: contents });
  const uploads = await readdir(opts.uploadsDir).catch(() => [] as string[]);
  if (uploads.length > 0) throw new BackupError('RESTORE_TARGET_NOT_EMPTY', { detail: `${opts.uploadsDir} has files` });
  await requireSuperuser(database.db);
  try {
    await migrateTo(database, manifest.schema);
    await database.db.transaction((tx) => loadRows(tx, manifest, opts.backupDir));
  } catch (e) {
    await emptyAgain(database.db);
    throw e;
  }
  await copyUploads(manifest, opts.backupDir, opts.uploadsDir);
  return manifest;
}

async function requireSuperuser(db: Db): Promise<void> {
  const row = (
    await rowsOf(db, sql`select rolsuper as "super", current_user as "user" from pg_roles where rolname = current_user`)
  )[0] as { super: boolean; user: string } | undefined;
  if (!row?.super) throw new BackupError('RESTORE_NEEDS_SUPERUSER', { detail: `role ${row?.user ?? '?'}` });
}

/** Back to the empty target the restore found (it was checked empty, so nothing of anyone else's is dropped). */
async function emptyAgain(db: Db): Promise<void> {
  await db.execute(sql`drop schema if exists drizzle cascade`);
  await db.execute(sql`drop schema public cascade`);
  await db.execute(sql`create schema public`);
}

async function loadRows(tx: Db, manifest: ManifestBody, dir: string): Promise<void> {
  await tx.execute(sql`set local session_replication_role = replica`);
  const tables = new Map((await publicTables(tx)).map((t) => [t.name, t]));
  // Rows the migrations themselves inserted are in the backup too (as they were then).
  if (tables.size > 0) await tx.execute(sql.raw(`truncate table ${[...tables.keys()].map(ident).join(', ')}`));
  for (const entry of manifest.tables) {
    const table = tables.get(entry.name);
    if (!table) throw new BackupError('BACKUP_SCHEMA_UNKNOWN', { schema: `${manifest.schema.tag} (${entry.name})` });
    await loadTable(tx, table, path.join(dir, entry.file));
  }
  for (const s of manifest.sequences) {
    await tx.execute(sql`select setval(${`public.${ident(s.name)}`}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`);
  }
  for (const entry of manifest.tables) await verifyCount(tx, entry);
}

async function loadTable(tx: Db, table: TableInfo, file: string): Promise<void> {
  const columns = table.columns.map(ident).join(', ');
  const insert = (json: string) =>
    tx.execute(
      sql`insert into ${sql.raw(ident(table.name))} (${sql.raw(columns)}) overriding system value
          select ${sql.raw(columns)} from jsonb_populate_recordset(null::${sql.raw(ident(table.name))}, ${json}::jsonb)`,
    );
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let batch: string[] = [];
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(line);
    if (batch.length >= LOAD_ROWS) {
      await insert(`[${batch.join(',')}]`);
      batch = [];
    }
  }
  if (batch.length > 0) await insert(`[${batch.join(',')}]`);
}

async function verifyCount(tx: Db, entry: TableEntry): Promise<void> {
  const row = (await rowsOf(tx, sql.raw(`select count(*)::int as n from ${ident(entry.name)}`)))[0] as { n: number };
  if (row.n !== entry.rows) {
    throw new BackupError('RESTORE_VERIFY_FAILED', { table: entry.name, actual: row.n, expected: entry.rows });
  }
}

async function copyUploads(manifest: ManifestBody, dir: string, uploadsDir: string): Promise<void> {
  for (const u of manifest.uploads) {
    const to = path.join(uploadsDir, u.path);
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(path.join(dir, 'uploads', u.path), to);
  }
}
