import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { startBackgroundWork } from './background.js';
import { reportReady, runPrimary } from './cluster.js';
import { setClock } from './core/clock.js';
import { type AppConfig, loadConfig } from './core/config.js';
import { claimDataDir } from './core/datadir-lock.js';
import { type Database, oneProcessAtATime } from './core/db.js';
import { openUpgraded } from './core/upgrade.js';
import type { App } from './core/http/types.js';
import { listenTo } from './core/listen.js';
import { listenWhileStarting, type StartupListener } from './core/startup-listener.js';
import { sessionInvalidation } from './modules/auth/auth.service.js';
import { open311KeyInvalidation } from './modules/open311/open311.service.js';
import { defaultClassifier } from './modules/cases/classifier/classifier.js';
import { seedReferenceData } from './seed/reference.js';
import { DEMO_LOGINS, DEMO_PASSWORD, describeMoreDemoLogins, seedDemoIfEmpty } from './seed/demo.js';

interface Running {
  app: App | null;
  database: Database | null;
  stoppers: (() => Promise<void>)[];
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
  databaseKind: Database['kind'];
  workers: number;
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
    `  Database: ${opts.databaseKind === 'pglite' ? `embedded PGlite in ${opts.dataDir}` : 'PostgreSQL (DATABASE_URL)'}` +
      `${opts.seeded ? ', demo data seeded' : ''}; ${opts.workers > 1 ? `${opts.workers} worker processes, ` : ''}` +
      `ready in ${Math.round(opts.ms)} ms`,
  ];
  if (opts.showLogins) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) lines.push(`    ${l.username.padEnd(11)} ${l.description}`);
    lines.push(`    ${describeMoreDemoLogins()}`);
  }
  return lines.join('\n') + '\n\n';
}

/**
 * A revoked Open311 key drops this process's cached keys, and (on PGlite) a change of roles its cached sessions: both
 * notices name a user id on one channel.
 */
async function listenForSessionChanges(database: Database): Promise<() => Promise<void>> {
  const caches = [sessionInvalidation, open311KeyInvalidation];
  const listening = await listenTo(database, sessionInvalidation.channel, {
    onNotice: (userId) => {
      for (const c of caches) c.onNotice(userId);
    },
    onGap: () => {
      for (const c of caches) c.onGap();
    },
  });
  open311KeyInvalidation.trustWhile(listening.live);
  // Sessions are cached on PGlite only (one process); on PostgreSQL another process's logout must be refused at once,
  // and its notice can arrive a few ms after the client's next request (modules/auth/auth.sessions.ts).
  sessionInvalidation.trustWhile(() => database.kind === 'pglite' && listening.live());
  return listening.stop;
}

async function start(running: Running, config: AppConfig, started: number): Promise<void> {
  if (config.clockStart !== null) setClock(config.clockStart);
  // The embedded database opens in one process only: `npm run backup`/`restore` refuse while this one holds it.
  if (!config.databaseUrl) process.on('exit', claimDataDir(config.dataDir));
  // Until the app listens, a bare listener answers health checks: live 200, ready (and all else) 503 STARTING.
  const starting = await answerWhileStarting(config);
  // Refuses a newer schema, backs up an older one before migrating it (docs/OPERATIONS.md, "Upgrades").
  running.database = await openUpgraded(config, (line) => process.stdout.write(`  ${line}\n`));
  const database = running.database;
  // Processes starting together on one database seed one after the other: the first seeds, the others find it done.
  const seeded = await oneProcessAtATime(database, async () => {
    await seedReferenceData({ db: database.db });
    return config.seedDemo ? seedDemoIfEmpty({ db: database.db }) : false;
  });
  running.app = await buildApp({ config, database });
  running.stoppers.push(await listenForSessionChanges(database));
  // Load (or train, ~0.4 s) the case classifier before taking requests, not inside the first resident's report.
  defaultClassifier();
  await starting?.close();
  await running.app.listen({ port: starting?.port ?? config.port, host: config.host });
  // The sweep, the statistics fold, the meeting proposals: in one process of however many share the database.
  running.stoppers.push(startBackgroundWork({ database, config, log: running.app.log }));
  const port = (running.app.server.address() as { port: number }).port;
  if (reportReady({ port, seeded })) return;
  process.stdout.write(
    bannerFor(config, { port, seeded, databaseKind: database.kind, ms: performance.now() - started }),
  );
}

/** The start-up listener (core/startup-listener.ts), except in a WORKERS=N worker (see there why). */
async function answerWhileStarting(config: AppConfig): Promise<StartupListener | null> {
  if (cluster.isWorker) return null;
  const starting = await listenWhileStarting({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  process.stdout.write(`  Lianjian is starting at http://${shownHost}:${starting.port}/ (ready: /api/health/ready)\n`);
  return starting;
}

function bannerFor(
  config: AppConfig,
  ready: { port: number; seeded: boolean; databaseKind: Database['kind']; ms: number },
): string {
  return banner({
    ...ready,
    host: config.host,
    workers: config.workers,
    dataDir: config.dataDir,
    showLogins: config.seedDemo,
    apiDocs: config.apiDocs,
  });
}

function failed(err: unknown): never {
  process.stderr.write(`Lianjian failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  if (err instanceof Error && err.stack && process.env.LOG_LEVEL === 'debug') process.stderr.write(err.stack + '\n');
  process.exit(1);
}

function main(): void {
  const started = performance.now();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    failed(err);
  }
  if (config.workers > 1 && cluster.isPrimary) {
    // WORKERS=N: this process only forks and watches (src/cluster.ts); the workers run start() below.
    runPrimary(config, (ready) => {
      const ms = performance.now() - started;
      process.stdout.write(bannerFor(config, { ...ready, databaseKind: 'postgres', ms }));
    });
    return;
  }
  const running: Running = { app: null, database: null, stoppers: [] };
  const startup = start(running, config, started);
  installShutdown(running, startup);
  startup.catch(failed);
}

main();
