/**
 * Backup and restore: the Guangze demo (with --cases=N, plus N generated cases: bench/cases-generate.ts) seeded into
 * a fresh database, then `runs` times a backup (createBackup: the snapshot's tables as gzip JSON lines, the manifest)
 * and a restore of it into an empty database (restoreBackup: checksums, migrations to the backup's version, load,
 * sequences, counts), timed, with the backup's size. With --load, case intake over HTTP (POST /api/cases, as
 * bench/cases-intake.ts, 50 connections) first alone and then while a backup runs, in 3-second rounds until it ends:
 * the requests answered per second in each, and the slowest answer.
 * On PGlite (in memory) and, with --pg=<url of a database the role may CREATE DATABASE from>, PostgreSQL.
 * Run: node --import tsx bench/backup.ts [--runs=3] [--pg=postgres://postgres@127.0.0.1:5432/test]
 *      node --import tsx bench/backup.ts --runs=1 --cases=1000000 --load [--pg=…] [--no-pglite]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from 'autocannon';
import { buildApp } from '../src/app.js';
import { restoreBackup } from '../src/core/backup/restore.js';
import { createBackup } from '../src/core/backup/write.js';
import { type Database, openDatabase } from '../src/core/db.js';
import { TEMPLATE_FILE } from '../src/core/pglite-template.js';
import { seedDemoIfEmpty } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { seedDemoWithCases } from './cases-generate.js';
import { benchAppConfig, browserHeaders, intakeBodies } from './intake-load.js';
import { runLoad } from './load-worker.js';
import { loginCookieInject, median, scratchPostgresDatabase } from './util.js';

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
      const scratch = await scratchPostgresDatabase(url, 'lj_bench');
      const database = await openDatabase({ databaseUrl: scratch.url, migrate: !empty });
      return {
        ...database,
        close: async () => {
          await database.close();
          await scratch.drop();
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

interface Options {
  runs: number;
  cases: number;
  load: boolean;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Requests answered per second over some load rounds, and the slowest answer of any. */
function summarise(rounds: Result[]): string {
  const answered = rounds.reduce((n, r) => n + r['2xx'], 0);
  const duration = rounds.reduce((n, r) => n + r.duration, 0);
  const failed = rounds.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  const slowest = Math.max(...rounds.map((r) => r.latency.max));
  return `${(answered / duration).toFixed(0)} cases/s over ${duration.toFixed(0)} s, slowest answer ${slowest} ms, ${failed} failed or timed out`;
}

/** Case intake alone, then while a backup runs (3-second rounds until it has ended). */
async function intakeDuringBackup(source: Database, work: string): Promise<void> {
  const app = await buildApp({ config: benchAppConfig(), database: source, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const spec = {
      url,
      path: '/api/cases',
      connections: 50,
      headers: browserHeaders(await loginCookieInject(app, 'hangdong'), url),
      bodies: await intakeBodies(source.db),
    };
    await runLoad({ ...spec, duration: 3 });
    console.log(`  intake alone:          ${summarise([await runLoad({ ...spec, duration: 10 })])}`);
    const t0 = performance.now();
    let backupMs = 0;
    const backup = createBackup(source, { outDir: work, uploadsDir: path.join(work, 'none') }).then(() => {
      backupMs = performance.now() - t0;
    });
    const during: Result[] = [];
    while (backupMs === 0) during.push(await runLoad({ ...spec, duration: 3 }));
    await backup;
    console.log(`  intake during backup:  ${summarise(during)}; the backup took ${seconds(backupMs)} under load`);
  } finally {
    await app.close();
  }
}

async function backupAndRestore(opener: Opener, source: Database, work: string, run: number) {
  let t0 = performance.now();
  const { dir, manifest } = await createBackup(source, { outDir: work, uploadsDir: path.join(work, 'none') });
  const backupMs = performance.now() - t0;
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  const bytes = sizeOf(dir);
  const target = await opener.open(true);
  t0 = performance.now();
  try {
    await restoreBackup(target, { backupDir: dir, uploadsDir: path.join(work, `uploads-${run}`) });
  } finally {
    await target.close();
  }
  const restoreMs = performance.now() - t0;
  console.log(
    `${opener.name} run ${run + 1}: ${manifest.tables.length} tables, ${rows.toLocaleString('en')} rows; ` +
      `backup ${seconds(backupMs)}, ${(bytes / 1e6).toFixed(1)} MB; restore ${seconds(restoreMs)}`,
  );
  rmSync(dir, { recursive: true, force: true });
  return { backupMs, restoreMs };
}

async function bench(opener: Opener, opts: Options): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lj-bench-backup-'));
  const source = await opener.open(false);
  if (opts.cases > 0) await seedDemoWithCases(source.db, opts.cases, 365, opener.name);
  else {
    await seedReferenceData({ db: source.db });
    await seedDemoIfEmpty({ db: source.db });
  }
  const backups: number[] = [];
  const restores: number[] = [];
  try {
    for (let i = 0; i < opts.runs; i++) {
      const { backupMs, restoreMs } = await backupAndRestore(opener, source, work, i);
      backups.push(backupMs);
      restores.push(restoreMs);
    }
    console.log(
      `${opener.name} median of ${opts.runs}: backup ${seconds(median(backups))}, restore ${seconds(median(restores))}`,
    );
    if (opts.load) await intakeDuringBackup(source, work);
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
  const opts: Options = {
    runs: Number(arg('runs') ?? 3),
    cases: Number(arg('cases') ?? 0),
    load: process.argv.includes('--load'),
  };
  if (!process.argv.includes('--no-pglite')) await bench(pgliteOpener(), opts);
  const url = arg('pg');
  if (url) await bench(postgresOpener(url), opts);
}

await main();
