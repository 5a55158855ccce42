/**
 * Backup and restore of the Guangze demo: the demo seeded into a fresh database, then `runs` times a backup
 * (createBackup: the snapshot's tables as gzip JSON lines, the manifest) and a restore of it into an empty database
 * (restoreBackup: checksums, migrations to the backup's version, load, sequences, counts), timed, with the backup's
 * size. On PGlite (in-memory) and, with --pg=<url of a database the role may CREATE DATABASE from>, PostgreSQL.
 * Run: node --import tsx bench/backup.ts [--runs=3] [--pg=postgres://postgres@127.0.0.1:5432/test]
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { restoreBackup } from '../src/core/backup/restore.js';
import { createBackup } from '../src/core/backup/write.js';
import { type Database, openDatabase } from '../src/core/db.js';
import { TEMPLATE_FILE } from '../src/core/pglite-template.js';
import { seedDemoIfEmpty } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { median } from './util.js';

type Opener = { name: string; open(empty: boolean): Promise<Database> };

function pgliteOpener(): Opener {
  const blank = existsSync(TEMPLATE_FILE) ? new Blob([readFileSync(TEMPLATE_FILE)]) : undefined;
  return {
    name: 'PGlite',
    open: (empty) =>
      empty
        ? openDatabase({ dataDir: 'memory://', loadDataDir: blank, migrate: false })
        : openDatabase({ dataDir: 'memory://' }),
  };
}

function postgresOpener(url: string): Opener {
  return {
    name: 'PostgreSQL',
    async open(empty) {
      const name = `lj_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const u = new URL(url);
      u.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: u.toString(), migrate: !empty });
      return {
        ...database,
        close: async () => {
          await database.close();
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        },
      };
    },
  };
}

function sizeOf(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

async function bench(opener: Opener, runs: number): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lj-bench-backup-'));
  const source = await opener.open(false);
  await seedReferenceData({ db: source.db });
  await seedDemoIfEmpty({ db: source.db });
  const backups: number[] = [];
  const restores: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      const { dir, manifest } = await createBackup(source, { outDir: work, uploadsDir: path.join(work, 'none') });
      backups.push(performance.now() - t0);
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      const target = await opener.open(true);
      t0 = performance.now();
      await restoreBackup(target, { backupDir: dir, uploadsDir: path.join(work, `uploads-${i}`) });
      restores.push(performance.now() - t0);
      await target.close();
      console.log(
        `${opener.name} run ${i + 1}: ${manifest.tables.length} tables, ${rows} rows; backup ${backups[i].toFixed(0)} ms, ` +
          `${(sizeOf(dir) / 1e6).toFixed(2)} MB; restore ${restores[i].toFixed(0)} ms`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      `${opener.name} median of ${runs}: backup ${median(backups).toFixed(0)} ms, restore ${median(restores).toFixed(0)} ms`,
    );
  } finally {
    await source.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const arg = (name: string) =>
    process.argv
      .find((a) => a.startsWith(`--${name}=`))
      ?.split('=')
      .slice(1)
      .join('=');
  const runs = Number(arg('runs') ?? 3);
  await bench(pgliteOpener(), runs);
  const url = arg('pg');
  if (url) await bench(postgresOpener(url), runs);
}

await main();
