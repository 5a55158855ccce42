/**
 * Backup and restore: the Guangze demo (with --cases=N, plus N generated cases: bench/cases-generate.ts) seeded into
 * a fresh database, then `runs` times a backup (createBackup: the snapshot's tables as gzip JSON lines, the manifest)
 * and a restore of it into an empty database (restoreBackup: checksums, migrations to the backup's version, load,
 * sequences, counts), timed, with the backup's size. With --load, case intake over HTTP (POST /api/cases, as
 * bench/cases-intake.ts, 50 connections) first alone and then in one load spanning a backup (the quiet backup's time
 * and a half, or --load-seconds=S; --runs=0 skips the quiet backups): the requests answered per second in each, the
 * slowest answer, and those that failed or waited past autocannon's 10 s.
 * On PGlite (in memory) and, with --pg=<url of a database the role may CREATE DATABASE from>, PostgreSQL.
 * Run: node --import tsx bench/backup.ts [--runs=3] [--pg=postgres://postgres@127.0.0.1:5432/test]
 *      node --import tsx bench/backup.ts --runs=1 --cases=1000000 --load [--load-seconds=S] [--pg=…] [--no-pglite]
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
  loadSeconds?: number;
}

const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Requests answered per second in a load, the slowest answer, and those that failed or waited past 10 s. */
function summarise(r: Result): string {
  const failed = r.non2xx + r.errors + r.timeouts;
  return `${(r['2xx'] / r.duration).toFixed(0)} cases/s over ${r.duration.toFixed(0)} s, slowest answer ${r.latency.max} ms, ${failed} failed or timed out (10 s)`;
}

/**
 * Case intake alone, then one load of `seconds` started with a backup (long enough to span it: the caller passes the
 * quiet backup's time and a margin). Requests still waiting when a load ends are not counted, so one load spans the
 * backup rather than short rounds.
 */
async function intakeDuringBackup(source: Database, work: string, seconds: number): Promise<void> {
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
    console.log(`  intake alone:          ${summarise(await runLoad({ ...spec, duration: 10 }))}`);
    const load = runLoad({ ...spec, duration: seconds });
    // The load's worker thread needs a moment to connect before the backup takes the database.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const t0 = performance.now();
    await createBackup(source, { outDir: work, uploadsDir: path.join(work, 'none') });
    const backupMs = performance.now() - t0;
    console.log(
      `  intake during backup:  ${summarise(await load)}; the backup took ${formatSeconds(backupMs)} under load`,
    );
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
      `backup ${formatSeconds(backupMs)}, ${(bytes / 1e6).toFixed(1)} MB; restore ${formatSeconds(restoreMs)}`,
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
    if (opts.runs > 0)
      console.log(
        `${opener.name} median of ${opts.runs}: backup ${formatSeconds(median(backups))}, restore ${formatSeconds(median(restores))}`,
      );
    // Long enough to span a backup under load: the quiet backup's time and a half (else 60 s), or --load-seconds.
    const seconds = opts.loadSeconds ?? (backups.length ? Math.ceil((median(backups) * 1.5) / 1000 + 5) : 60);
    if (opts.load) await intakeDuringBackup(source, work, seconds);
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
    loadSeconds: arg('load-seconds') === undefined ? undefined : Number(arg('load-seconds')),
  };
  if (!process.argv.includes('--no-pglite')) await bench(pgliteOpener(), opts);
  const url = arg('pg');
  if (url) await bench(postgresOpener(url), opts);
}

await main();
