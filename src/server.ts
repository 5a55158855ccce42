import { buildApp } from './app.js';
import { setClock } from './core/clock.js';
import { loadConfig, pgliteDir } from './core/config.js';
import { type Database, type Db, openDatabase } from './core/db.js';
import type { App } from './core/http/types.js';
import { FOLD_EVERY_MS, foldCaseStats, startCaseSweeper } from './modules/cases/cases.service.js';
import { defaultClassifier } from './modules/cases/classifier/classifier.js';
import { proposeCurrentQuarter } from './modules/cobuild/meetings/meetings.propose.js';
import { seedReferenceData } from './seed/reference.js';
import { DEMO_LOGINS, DEMO_PASSWORD, describeMoreDemoLogins, seedDemoIfEmpty } from './seed/demo.js';

interface Running {
  app: App | null;
  database: Database | null;
  stoppers: (() => Promise<void>)[];
}

/** Runs a task now and then every `everyMs`, never two at once; a failure is logged and the next tick tries again. */
function startPeriodic(
  running: Running,
  opts: { everyMs: number; what: string; task: (db: Db) => Promise<unknown> },
): void {
  let inFlight: Promise<unknown> | null = null;
  const tick = () => {
    const db = running.database?.db;
    if (inFlight || !db) return;
    inFlight = opts
      .task(db)
      .catch((err: unknown) => running.app?.log.error({ err }, `${opts.what} failed`))
      .finally(() => {
        inFlight = null;
      });
  };
  tick();
  const timer = setInterval(tick, opts.everyMs);
  timer.unref();
  running.stoppers.push(async () => {
    clearInterval(timer);
    await inFlight;
  });
}

/** Stop accepting, let requests in flight finish, then close the database so its files are consistent. */
function installShutdown(running: Running, startup: Promise<unknown>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      // A signal during start-up (migrations, seeding) waits for it, so no transaction is cut in half.
      await startup.catch(() => undefined);
      running.app?.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
      for (const stop of running.stoppers) await stop();
      await running.app?.close();
      await running.database?.close();
      process.exit(0);
    } catch (err) {
      process.stderr.write(`error during shutdown: ${String(err)}\n`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function banner(opts: {
  port: number;
  host: string;
  database: Database;
  dataDir: string;
  seeded: boolean;
  showLogins: boolean;
  apiDocs: boolean;
  ms: number;
}): string {
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  const lines = [
    '',
    `  联建共治 Lianjian is running at http://${shownHost}:${opts.port}/${opts.apiDocs ? '  (API docs: /api/docs)' : ''}`,
    `  Database: ${opts.database.kind === 'pglite' ? `embedded PGlite in ${opts.dataDir}` : 'PostgreSQL (DATABASE_URL)'}` +
      `${opts.seeded ? ', demo data seeded' : ''}; ready in ${Math.round(opts.ms)} ms`,
  ];
  if (opts.showLogins) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) lines.push(`    ${l.username.padEnd(11)} ${l.description}`);
    lines.push(`    ${describeMoreDemoLogins()}`);
  }
  return lines.join('\n') + '\n\n';
}

async function start(running: Running): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  if (config.clockStart !== null) setClock(config.clockStart);
  running.database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config) });
  await seedReferenceData({ db: running.database.db });
  const seeded = config.seedDemo ? await seedDemoIfEmpty({ db: running.database.db }) : false;
  running.app = await buildApp({ config, database: running.database });
  // Load (or train, ~0.4 s) the case classifier before taking requests, not inside the first resident's report.
  defaultClassifier();
  await running.app.listen({ port: config.port, host: config.host });
  // 督办: due-soon warnings and overdue escalation, claimed through the database so any number of processes may run it.
  running.stoppers.push(
    startCaseSweeper({
      db: running.database.db,
      intervalMs: 60_000,
      log: running.app.log,
      ratingWorkingDays: config.caseRatingWorkingDays,
    }),
  );
  // 党建联席会: each community's meeting of the quarter is proposed when the quarter begins. Idempotent, and safe from
  // several processes at once (one meeting per community and quarter, by index).
  startPeriodic(running, {
    everyMs: 3_600_000,
    what: 'proposing joint meetings',
    task: (db) => proposeCurrentQuarter({ db }),
  });
  // On PostgreSQL new cases' statistics wait in case_stats_pending (readers count them there too) until folded in;
  // PGlite writes them to case_stats at once, so it has nothing to fold.
  if (running.database.kind === 'postgres') {
    startPeriodic(running, {
      everyMs: FOLD_EVERY_MS,
      what: 'folding case statistics',
      task: (db) => foldCaseStats({ db }),
    });
  }
  const port = (running.app.server.address() as { port: number }).port;
  process.stdout.write(
    banner({
      port,
      host: config.host,
      database: running.database,
      dataDir: config.dataDir,
      seeded,
      showLogins: config.seedDemo,
      apiDocs: config.apiDocs,
      ms: performance.now() - started,
    }),
  );
}

const running: Running = { app: null, database: null, stoppers: [] };
const startup = start(running);
installShutdown(running, startup);
startup.catch((err: unknown) => {
  process.stderr.write(`Lianjian failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  if (err instanceof Error && err.stack && process.env.LOG_LEVEL === 'debug') process.stderr.write(err.stack + '\n');
  process.exit(1);
});
