import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../bulk.js';
import { now } from '../clock.js';
import type { Database, Db } from '../db.js';
import { ROOT_DIR } from '../paths.js';
import { ident, publicTables, sequenceStates, type TableInfo } from './catalog.js';
import {
  BACKUP_FORMAT,
  type ManifestBody,
  sha256File,
  type TableEntry,
  type UploadEntry,
  writeManifest,
} from './manifest.js';
import { appliedSchemaVersion } from './schema-version.js';

export const BACKUP_PREFIX = 'lianjian-backup-';
/** Rows fetched from the cursor at a time: bounded memory whatever the table's size. */
const FETCH_ROWS = 2000;

const appVersion = (JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string })
  .version;

/** 'lianjian-backup-20270101-003000' in the county's time (UTC+8), from the business clock. */
export function backupName(at: Date, prefix = BACKUP_PREFIX): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${prefix}${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 19).replaceAll(':', '')}`;
}

/**
 * Writes a backup folder under `outDir` and returns its path. The rows come from one REPEATABLE READ, read-only
 * transaction, so every table is from the same instant while writes go on (on PGlite, whose one connection the
 * transaction holds, writes wait for it). Each table is a gzip file of JSON lines (`to_jsonb(row)`, key order):
 * the same text from PGlite and PostgreSQL, and read back by jsonb_populate_recordset. The uploads are copied after
 * the snapshot: files are written before the rows that name them, so every file a row names is there. The folder is
 * written under a `.partial` name and renamed when complete. `prefix` and `note` mark a backup taken for a reason (the
 * pre-upgrade one, core/upgrade.ts): retention deletes only folders named with BACKUP_PREFIX.
 */
export async function createBackup(
  database: Database,
  opts: { outDir: string; uploadsDir: string; prefix?: string; note?: string },
): Promise<{ dir: string; manifest: ManifestBody }> {
  const createdAt = now();
  const dir = await freeName(opts.outDir, backupName(createdAt, opts.prefix));
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(path.join(partial, 'tables'), { recursive: true });
  try {
    const snapshot = await database.db.transaction((tx) => snapshotTables(tx, partial), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    });
    const uploads = await copyUploads(opts.uploadsDir, path.join(partial, 'uploads'));
    const manifest: ManifestBody = {
      format: BACKUP_FORMAT,
      createdAt: createdAt.toISOString(),
      appVersion,
      database: database.kind,
      ...(opts.note ? { note: opts.note } : {}),
      ...snapshot,
      uploads,
    };
    await writeManifest(partial, manifest);
    await rename(partial, dir);
    return { dir, manifest };
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    throw e;
  }
}

async function freeName(outDir: string, name: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const taken = new Set(await readdir(outDir));
  let candidate = name;
  for (let n = 2; taken.has(candidate) || taken.has(`${candidate}.partial`); n++) candidate = `${name}-${n}`;
  return path.join(outDir, candidate);
}

async function snapshotTables(tx: Db, dir: string): Promise<Pick<ManifestBody, 'schema' | 'tables' | 'sequences'>> {
  const schema = await appliedSchemaVersion(tx);
  if (!schema) throw new Error('the database has no migrations applied: nothing to back up');
  const tables: TableEntry[] = [];
  for (const table of await publicTables(tx)) tables.push(await dumpTable(tx, table, dir));
  return { schema, tables, sequences: await sequenceStates(tx) };
}

async function dumpTable(tx: Db, table: TableInfo, dir: string): Promise<TableEntry> {
  const file = `tables/${table.name}.jsonl.gz`;
  const order = table.key.length > 0 ? table.key.map(ident).join(', ') : 't::text';
  const cursor = `backup_${table.name.replace(/\W/g, '_')}`;
  await tx.execute(
    sql.raw(
      `declare ${ident(cursor)} no scroll cursor for select to_jsonb(t)::text as j from ${ident(table.name)} t order by ${order}`,
    ),
  );
  const content = createHash('sha256');
  const gzip = createGzip();
  const out = createWriteStream(path.join(dir, file));
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  let rows = 0;
  for (;;) {
    const batch = (await rowsOf(tx, sql.raw(`fetch ${FETCH_ROWS} from ${ident(cursor)}`))) as { j: string }[];
    if (batch.length === 0) break;
    const text = batch.map((r) => `${r.j}\n`).join('');
    content.update(text);
    rows += batch.length;
    if (!gzip.write(text)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  await tx.execute(sql.raw(`close ${ident(cursor)}`));
  return {
    name: table.name,
    file,
    rows,
    sha256: await sha256File(path.join(dir, file)),
    contentSha256: content.digest('hex'),
  };
}

/** Copies every finished upload (not the `.tmp` files of writes in progress), recording each copy's checksum. */
async function copyUploads(from: string, to: string): Promise<UploadEntry[]> {
  const entries: UploadEntry[] = [];
  const walk = async (rel: string): Promise<void> => {
    const names = await readdir(path.join(from, rel)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      const info = await stat(path.join(from, relPath)).catch(() => null);
      if (info?.isDirectory()) await walk(relPath);
      else if (info?.isFile() && !name.endsWith('.tmp')) {
        await mkdir(path.join(to, rel), { recursive: true });
        await copyFile(path.join(from, relPath), path.join(to, relPath));
        const copied = await stat(path.join(to, relPath));
        entries.push({ path: relPath, bytes: copied.size, sha256: await sha256File(path.join(to, relPath)) });
      }
    }
  };
  await walk('');
  return entries;
}
