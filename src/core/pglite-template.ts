import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_DIR, ROOT_DIR } from './paths.js';

/**
 * A fresh PGlite data directory costs an initdb (~3.5 s); loading a dump of one costs ~0.5 s. `npm install`
 * (the prepare script) writes that dump once per PGlite version, and a first start on an empty DATA_DIR loads
 * it. It also writes a dump with the current migrations applied (named by a hash of migrations/), which a first
 * start prefers: applying ten migrations to an empty cluster costs ~1 s. Migrations still run at start as usual
 * (on the migrated dump they find nothing to do), and the demo seed is never part of a dump.
 */
// The package does not export its package.json, so read it from node_modules.
const pgliteVersion = (
  JSON.parse(readFileSync(path.join(ROOT_DIR, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  }
).version;
export const TEMPLATE_FILE = path.join(ROOT_DIR, '.cache', `pglite-initdb-${pgliteVersion}.tar`);

export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** A hash of every file in migrations/: a migrated dump is used only with the migrations it was made from. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (name === 'meta') walk(file);
      else if (name.endsWith('.sql') || name === '_journal.json') hash.update(name).update(readFileSync(file));
    }
  };
  walk(MIGRATIONS_DIR);
  return hash.digest('hex').slice(0, 16);
}

export function migratedTemplateFile(): string {
  return path.join(ROOT_DIR, '.cache', `pglite-migrated-${pgliteVersion}-${migrationsHash()}.tar`);
}

/** The migrated cluster unpacked into a directory (written by the prepare script next to its dump). */
export function migratedClusterDir(): string {
  return migratedTemplateFile().replace(/\.tar$/, '');
}

/**
 * Starts an empty data directory as a copy of the unpacked migrated cluster, if this install has one. The copy goes
 * to a sibling first and is renamed into place, so an interrupted start leaves an empty directory, not half a one.
 */
export function copyMigratedCluster(dataDir: string): boolean {
  const source = migratedClusterDir();
  if (!existsSync(path.join(source, 'PG_VERSION'))) return false;
  const tmp = `${dataDir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  cpSync(source, tmp, { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(tmp, dataDir);
  return true;
}

/** The cached cluster to start an empty data directory from: migrated if this install has one, else empty. */
export function initdbTemplate(): Blob | undefined {
  const migrated = migratedTemplateFile();
  const file = existsSync(migrated) ? migrated : TEMPLATE_FILE;
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Writes a dump of a cluster (empty or migrated) atomically, so a concurrent start never reads half a file. */
export async function writeTemplate(file: string, dump: Blob): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return file;
}

export async function writeInitdbTemplate(): Promise<string> {
  const db = await PGlite.create({ dataDir: 'memory://' });
  const dump = await db.dumpDataDir('none');
  await db.close();
  return writeTemplate(TEMPLATE_FILE, dump);
}
