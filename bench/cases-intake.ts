/**
 * Case intake under load. The real POST /api/cases (session, zod validation, classification, grid routing by point,
 * working-hour clocks, the case row — with its case_stats rollup, maintained by trigger — the first event, the
 * audit row, the owner's notification, and the case summary in the answer) against a baseline route that only
 * inserts one row, registered by this script for this run only. Both over HTTP on a loopback port, in the same
 * process and run, with autocannon (in a worker thread: bench/load-worker.ts) at 50 connections: after a warm-up,
 * three rounds of baseline then intake, reported per round and as the median ratio. Then the intake once more with
 * the case_stats insert trigger off, to show what the rollup costs.
 * The security layer (helmet's headers, the cross-site write check, the per-user write limit) is measured the same
 * way: each round also posts the intake to a second app on the same database built with `hardening: false`, so
 * "intake" is the app as shipped and "intake, hardening off" the same app without that layer. The load carries what
 * a browser on the app's own page sends (Origin, Sec-Fetch-*), so the check runs as it does for real users; a last
 * run sends Origin without Sec-Fetch-Site (an older browser), the check's longer path (two URL parses).
 * Run: node --import tsx bench/cases-intake.ts [seconds per run, default 5]            (PGlite in memory, demo seeded)
 *      node --import tsx bench/cases-intake.ts [seconds] --pg[=url]  (a fresh PostgreSQL database, dropped after)
 *      … --rounds=N                                                 (N rounds instead of 3)
 *      … --pg --processes   intake by 1 and by 2 server processes (WORKERS=2) beside the baseline, with the cores each
 *                           party used (bench/intake-processes.ts)
 */
import type { Result } from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { defaultClassifier } from '../src/modules/cases/classifier/classifier.js';
import { FOLD_EVERY_MS, foldCaseStats } from '../src/modules/cases/stats/rollup.js';
import { seedDemo } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { benchAppConfig, browserHeaders, intakeBodies, line } from './intake-load.js';
import { runProcessesMode } from './intake-processes.js';
import { runLoad } from './load-worker.js';
import { benchPostgresUrl, loginCookieInject, median, openBenchDatabase } from './util.js';

const CONNECTIONS = 50;
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 3);

type BenchApp = Awaited<ReturnType<typeof buildApp>>;
type Db = BenchApp['db'];
interface Round {
  baseline: Result;
  intake: Result;
  plain: Result;
}

/** The app as shipped and the same app without the security layer, on one database, listening on loopback ports. */
async function startApps(database: Awaited<ReturnType<typeof openBenchDatabase>>) {
  const db = database.db;
  await seedReferenceData({ db });
  await seedDemo({ db });
  await db.execute(
    sql`create table bench_baseline (id uuid primary key default gen_random_uuid(), body jsonb not null, created_at timestamptz not null default now())`,
  );

  const config = benchAppConfig();
  const app = await buildApp({ config, database, logger: false });
  // The same app without the security layer, on the same database (and so the same intake batcher): only the
  // layer differs between the two intake runs of a round.
  const plain = await buildApp({ config, database, logger: false, hardening: false });
  // The baseline: parse the JSON body, insert it as one row, answer 201. Not part of the product.
  app.post('/bench/baseline', async (req, reply) => {
    await app.db.execute(sql`insert into bench_baseline (body) values (${JSON.stringify(req.body)}::jsonb)`);
    return reply.status(201).send({ ok: true });
  });
  const listen = async (a: typeof app): Promise<string> => {
    await a.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(a.server.address() as { port: number }).port}`;
  };
  return { db, app, plain, base: await listen(app), plainBase: await listen(plain) };
}

/**
 * The two builds really differ, and the shipped one lets the load's headers through and counts them: a
 * cross-site POST is 403 only with the layer (the empty body is 400 without it, so no case is made), helmet's CSP
 * is on one answer only, and the write limit's headers on a same-origin POST say the limiter counted it.
 */
async function assertBuildsDiffer(
  cookie: string,
  apps: { app: BenchApp; plain: BenchApp; base: string; plainBase: string },
) {
  const probe = async (a: BenchApp, url: string) => {
    const post = (headers: Record<string, string>) =>
      a.inject({ method: 'POST', url: '/api/cases', headers, payload: {} });
    const foreign = await post({ cookie, 'sec-fetch-site': 'cross-site' });
    const own = await post(browserHeaders(cookie, url));
    const health = await a.inject({ method: 'GET', url: '/api/health' });
    return {
      foreign: foreign.statusCode,
      own: own.statusCode,
      csp: health.headers['content-security-policy'] !== undefined,
      limit: a.hasPlugin('@fastify/rate-limit'),
    };
  };
  const [on, off] = [await probe(apps.app, apps.base), await probe(apps.plain, apps.plainBase)];
  if (
    on.foreign !== 403 ||
    on.own !== 400 ||
    !on.csp ||
    !on.limit ||
    off.foreign !== 400 ||
    off.own !== 400 ||
    off.csp ||
    off.limit
  ) {
    throw new Error(
      `the hardening on/off builds are not what this bench compares: on ${JSON.stringify(on)}, off ${JSON.stringify(off)}`,
    );
  }
}

/**
 * After a warm-up, alternating rounds, and the median of the per-round ratios: the machine's speed drifts over a
 * minute (other work, the database's own housekeeping), and a ratio of two runs taken side by side is steadier than
 * either. Hardening on and off swap places every round, so neither always runs second, after the other's writes.
 */
async function runRounds(
  seconds: number,
  run: (path: string, duration: number) => Promise<Result>,
  runPlain: (duration: number) => Promise<Result>,
): Promise<Round[]> {
  await run('/bench/baseline', 2);
  await run('/api/cases', 3);
  await runPlain(3);
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const baseline = await run('/bench/baseline', seconds);
    if (r % 2 === 0) {
      const intake = await run('/api/cases', seconds);
      rounds.push({ baseline, intake, plain: await runPlain(seconds) });
    } else {
      const plainRun = await runPlain(seconds);
      rounds.push({ baseline, intake: await run('/api/cases', seconds), plain: plainRun });
    }
  }
  return rounds;
}

/** Each round's runs, the last two runs, and the intake's ratio to the baseline and its p99 against the goals. */
function reportRuns(header: string, rounds: Round[], extra: { originOnly: Result; noRollup: Result }): void {
  console.log(header);
  rounds.forEach((r, i) => {
    console.log(line(`round ${i + 1}: baseline (insert one row)`, r.baseline));
    const both = [
      line(`round ${i + 1}: POST /api/cases`, r.intake),
      line(`round ${i + 1}: POST /api/cases, hardening off`, r.plain),
    ];
    console.log((i % 2 === 0 ? both : both.reverse()).join('\n'));
  });
  console.log(line('POST /api/cases, Origin only', extra.originOnly));
  console.log(line('POST /api/cases, rollup trigger off', extra.noRollup));
  const ratios = rounds.map((r) => r.intake.requests.average / r.baseline.requests.average);
  const p99s = rounds.map((r) => r.intake.latency.p99);
  const intakeRate = median(rounds.map((r) => r.intake.requests.average));
  console.log(
    `intake / baseline per round: ${ratios.map((x) => x.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)}x (goal >= 0.5x)`,
  );
  console.log(`intake p99 per round: ${p99s.join(', ')} ms; worst ${Math.max(...p99s)} ms (goal < 50 ms)`);
  console.log(
    `rollup trigger costs ${((1 - intakeRate / extra.noRollup.requests.average) * 100).toFixed(0)} % of intake throughput`,
  );
}

/** The security layer's cost (hardening on vs off, per round), and a warning if any run was refused or failed. */
function reportHardening(rounds: Round[], originOnly: Result): void {
  const perRound = (f: (r: Round) => number, digits = 2) => {
    const xs = rounds.map(f);
    return `${xs.map((x) => x.toFixed(digits)).join(', ')}; median ${median(xs).toFixed(digits)}`;
  };
  console.log('security layer (helmet, cross-site write check, write limit), hardening on vs off:');
  console.log(`  req/s on:  ${perRound((r) => r.intake.requests.average, 0)}`);
  console.log(`  req/s off: ${perRound((r) => r.plain.requests.average, 0)}`);
  console.log(`  on / off per round: ${perRound((r) => r.intake.requests.average / r.plain.requests.average)}x`);
  console.log(`  p99 on:  ${perRound((r) => r.intake.latency.p99, 0)} ms`);
  console.log(`  p99 off: ${perRound((r) => r.plain.latency.p99, 0)} ms`);
  console.log(
    `  vs baseline: on ${perRound((r) => r.intake.requests.average / r.baseline.requests.average)}x; off ${perRound((r) => r.plain.requests.average / r.baseline.requests.average)}x`,
  );
  // A refused or failed request is cheaper than a case and would flatter whichever side had it.
  const refused = [...rounds.flatMap((r) => [r.intake, r.plain]), originOnly].filter(
    (r) => r.non2xx > 0 || r.errors > 0,
  ).length;
  if (refused)
    console.log(
      `WARNING: ${refused} intake runs had non-2xx answers or errors: the comparison above is not like for like`,
    );
}

type RunLoad = (path: string, duration: number, url?: string, headers?: Record<string, string>) => Promise<Result>;

/** The default mode: rounds of baseline and intake (hardening on and off) in this process, then the two extra runs. */
async function defaultMode(opts: {
  db: Db;
  pgUrl: string | null;
  seconds: number;
  run: RunLoad;
  runPlain: (d: number) => Promise<Result>;
  originOnlyHeaders: Record<string, string>;
  base: string;
}) {
  const { db, seconds, run } = opts;
  const rounds = await runRounds(seconds, run, opts.runPlain);
  const originOnly = await run('/api/cases', seconds, opts.base, opts.originOnlyHeaders);
  await db.execute(sql`alter table cases disable trigger case_stats_cases_insert`);
  const noRollup = await run('/api/cases', seconds);
  await db.execute(sql`alter table cases enable trigger case_stats_cases_insert`);
  reportRuns(
    `database: ${opts.pgUrl ? 'PostgreSQL (fresh database)' : 'PGlite (a data directory, as the app runs)'}; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${seconds} s each, after a warm-up`,
    rounds,
    { originOnly, noRollup },
  );
  reportHardening(rounds, originOnly);
}

async function main(): Promise<void> {
  const seconds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
  const pgUrl = benchPostgresUrl();
  const processes = process.argv.includes('--processes');
  const database = await openBenchDatabase(pgUrl, { onDisk: true });
  if (processes && !database.url) throw new Error('--processes needs --pg: PGlite is one process');
  const apps = await startApps(database);
  const { db, app, plain, base, plainBase } = apps;
  defaultClassifier();
  const cookie = await loginCookieInject(app, 'hangdong');
  const bodies = await intakeBodies(db);
  const run = (path: string, duration: number, url = base, headers = browserHeaders(cookie, url)): Promise<Result> =>
    runLoad({ url, path, connections: CONNECTIONS, duration, headers, bodies });
  const runPlain = (duration: number): Promise<Result> => run('/api/cases', duration, plainBase);
  await assertBuildsDiffer(cookie, apps);

  // As the server does on PostgreSQL (src/server.ts): new cases' statistics are folded from case_stats_pending every
  // FOLD_EVERY_MS. With --processes the server processes fold (the one that leads), so the bench does not.
  let folding: Promise<unknown> = Promise.resolve();
  const folder = setInterval(() => {
    if (pgUrl && !processes) folding = folding.then(() => foldCaseStats({ db }));
  }, FOLD_EVERY_MS);
  if (processes && database.url) {
    const common = { db, seconds, rounds: ROUNDS, bodies, base, baseCookie: cookie };
    await runProcessesMode({ ...common, databaseUrl: database.url });
  } else {
    const originOnlyHeaders = browserHeaders(cookie, base, false);
    await defaultMode({ db, pgUrl, seconds, run, runPlain, originOnlyHeaders, base });
  }
  clearInterval(folder);
  await folding;
  await app.close();
  await plain.close();
  await database.close();
}

await main();
