import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ROOT_DIR } from './paths.js';

/**
 * A fresh PGlite data directory costs an initdb (~3.5 s); loading a dump of one costs ~0.5 s. `npm install`
 * (the prepare script) writes that dump once per PGlite version, and a first start on an empty DATA_DIR loads
 * it. Migrations and the demo seed still run at start as usual: the dump is an empty cluster, nothing more.
 */
// The package does not export its package.json, so read it from node_modules.
const pgliteVersion = (JSON.parse(readFileSync(path.join(ROOT_DIR, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
export const TEMPLATE_FILE = path.join(ROOT_DIR, '.cache', `pglite-initdb-${pgliteVersion}.tar`);

export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** The cached empty cluster, if this install has one. */
export function initdbTemplate(): Blob | undefined {
  return existsSync(TEMPLATE_FILE) ? new Blob([readFileSync(TEMPLATE_FILE)]) : undefined;
}

export async function writeInitdbTemplate(): Promise<string> {
  const db = await PGlite.create({ dataDir: 'memory://' });
  const dump = await db.dumpDataDir('none');
  await db.close();
  mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  const tmp = `${TEMPLATE_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, TEMPLATE_FILE);
  return TEMPLATE_FILE;
}
