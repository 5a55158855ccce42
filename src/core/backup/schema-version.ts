import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../bulk.js';
import { type Database, type Db, migrateNow } from '../db.js';
import { MIGRATIONS_DIR } from '../paths.js';
import { BackupError } from './errors.js';

/** A database's schema version: the last migration applied (drizzle-kit's tag, and the hash drizzle records). */
export interface SchemaVersion {
  tag: string;
  /** sha256 of the migration's SQL file, as drizzle stores it in drizzle.__drizzle_migrations. */
  hash: string;
  /** The journal's `when` (drizzle's created_at). */
  when: number;
}

export interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

function journal(dir = MIGRATIONS_DIR): { entries: JournalEntry[] } {
  return JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
}

/** This code's migrations, oldest first (drizzle-kit's journal). */
export function journalEntries(): JournalEntry[] {
  return journal().entries;
}

export function versionOf(entry: JournalEntry): SchemaVersion {
  const hash = createHash('sha256')
    .update(readFileSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`)))
    .digest('hex');
  return { tag: entry.tag, hash, when: entry.when };
}

/** The newest migration this code has. */
export function codeSchemaVersion(): SchemaVersion {
  const entries = journal().entries;
  return versionOf(entries[entries.length - 1]);
}

/** A row of drizzle.__drizzle_migrations: drizzle records a migration's hash and its journal `when`, not its tag. */
export interface AppliedMigration {
  hash: string;
  when: number;
}

/** Every migration applied to a database, oldest first; empty for a fresh database. */
export async function appliedMigrations(db: Db): Promise<AppliedMigration[]> {
  const exists = (
    await rowsOf(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`)
  )[0] as {
    exists: boolean;
  };
  if (!exists.exists) return [];
  const rows = (await rowsOf(
    db,
    sql`select hash, created_at::text as "when" from drizzle.__drizzle_migrations order by created_at, id`,
  )) as { hash: string; when: string }[];
  return rows.map((r) => ({ hash: r.hash, when: Number(r.when) }));
}

/** The name of an applied migration: its journal tag, or `unknown-<when>` when this code does not have it. */
export function tagOf(when: number): string {
  return journal().entries.find((e) => e.when === when)?.tag ?? `unknown-${when}`;
}

/** The last migration applied to a database, or null when none is (a fresh database). */
export async function appliedSchemaVersion(db: Db): Promise<SchemaVersion | null> {
  const last = (await appliedMigrations(db)).at(-1);
  return last ? { tag: tagOf(last.when), hash: last.hash, when: last.when } : null;
}

/**
 * The journal entries up to and including a backup's version; refuses a version this code does not have (newer, or
 * a migration of that name whose SQL differs), before anything is written.
 */
export function migrationsUpTo(version: SchemaVersion): JournalEntry[] {
  const entries = journal().entries;
  const at = entries.findIndex((e) => e.tag === version.tag);
  const latest = entries[entries.length - 1];
  if (at < 0) {
    if (version.when > latest.when)
      throw new BackupError('BACKUP_SCHEMA_NEWER', { schema: version.tag, latest: latest.tag });
    throw new BackupError('BACKUP_SCHEMA_UNKNOWN', { schema: version.tag });
  }
  if (versionOf(entries[at]).hash !== version.hash)
    throw new BackupError('BACKUP_SCHEMA_UNKNOWN', { schema: version.tag });
  return entries.slice(0, at + 1);
}

/**
 * Applies the migrations up to a backup's version (not beyond: the rows are loaded into the shape they were taken
 * from; the server migrates further when it next starts). drizzle applies a whole folder, so a folder with a shortened
 * journal is written to a temporary directory.
 */
export async function migrateTo(database: Database, version: SchemaVersion): Promise<void> {
  const entries = migrationsUpTo(version);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lianjian-migrations-'));
  try {
    mkdirSync(path.join(dir, 'meta'));
    const full = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as object;
    writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...full, entries }));
    for (const e of entries) {
      writeFileSync(path.join(dir, `${e.tag}.sql`), readFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`)));
    }
    await migrateNow(database, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
