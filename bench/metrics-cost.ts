/**
 * What the Prometheus metrics cost case intake (issue 17: "/metrics adds < 2 % to intake cost"). Two apps on one
 * database, the same build but for METRICS: one with the metrics on (the onResponse hook timing every request by its
 * route template, the intake-batch listener, and /metrics scraped every SCRAPE_MS during its runs: 5 s by default,
 * three times as often as Prometheus's usual 15 s), one with them off (no hook, no route). The real POST /api/cases as
 * the hall posts it (bench/intake-load.ts), autocannon in a worker thread at 50 connections. After a warm-up of each,
 * ROUNDS rounds of one run each, the order swapped every round so neither always runs second; reported per round and
 * as the median of the per-round ratios on / off, of throughput and of the server thread's CPU time per case (read
 * from /proc: the machine is shared, and CPU per request moves far less with the neighbours' load than req/s does).
 * The two apps share the database handle, so the "on" app's intake-batch listener also counts the "off" app's batches
 * (one increment and one observation per batch of up to 64 reports): that small part lands on both sides.
 * Run: node --import tsx bench/metrics-cost.ts [seconds per run, default 5] [--rounds=N, default 5] [--scrape-ms=N]
 *      … --pg[=url]                              (a fresh PostgreSQL database; default PGlite in a data directory)
 */
import { readFileSync } from 'node:fs';
import type { Result } from 'autocannon';
import { buildApp } from '../src/app.js';
import type { Db } from '../src/core/db.js';
import { intakeBatchWritten } from '../src/core/metrics/batches.js';
import { createAppMetrics } from '../src/core/metrics/collectors.js';
import { requestObserver } from '../src/core/metrics/plugin.js';
import { defaultClassifier } from '../src/modules/cases/classifier/classifier.js';
import { FOLD_EVERY_MS, foldCaseStats } from '../src/modules/cases/stats/rollup.js';
import { seedDemo } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { benchAppConfig, browserHeaders, intakeBodies, line } from './intake-load.js';
import { runLoad } from './load-worker.js';
import { benchPostgresUrl, loginCookieInject, median, openBenchDatabase } from './util.js';

const CONNECTIONS = 50;
/** Every 5 s by default: three times Prometheus's usual 15 s, and at least once in a 5 s run. */
const SCRAPE_MS = Number(process.argv.find((a) => a.startsWith('--scrape-ms='))?.slice('--scrape-ms='.length) ?? 5000);
/** Clock ticks a second of /proc's utime and stime (getconf CLK_TCK; 100 on Linux). */
const CLOCK_TICKS = 100;
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 5);
const SECONDS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);

type BenchApp = Awaited<ReturnType<typeof buildApp>>;
interface Run {
  load: Result;
  /** CPU time of the main thread (the server, and PGlite on it) per answered report, in µs. */
  cpuPerCase: number;
}

/**
 * CPU ms used so far by this process's main thread (from /proc: utime + stime), not the load generator's thread. The
 * machine is shared (other work runs beside the bench), so throughput moves with the neighbours' load; the CPU a
 * request costs the server thread does much less.
 */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

async function listen(app: BenchApp): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

/** The "on" app really has /metrics and counts the posts it answered; the "off" app has neither. */
async function intakeCounted(on: BenchApp): Promise<number> {
  const text = (await on.inject({ method: 'GET', url: '/metrics' })).body;
  const series = 'lianjian_http_request_duration_seconds_count{method="POST",route="/api/cases",status_class="2xx"} ';
  const found = text.split('\n').find((l) => l.startsWith(series));
  return found ? Number(found.slice(series.length)) : 0;
}

async function main(): Promise<void> {
  const pgUrl = benchPostgresUrl();
  const database = await openBenchDatabase(pgUrl, { onDisk: true });
  await seedReferenceData({ db: database.db });
  await seedDemo({ db: database.db });
  const config = benchAppConfig();
  const on = await buildApp({
    config: { ...config, metrics: { enabled: true, token: null } },
    database,
    logger: false,
  });
  const off = await buildApp({
    config: { ...config, metrics: { enabled: false, token: null } },
    database,
    logger: false,
  });
  const [onBase, offBase] = [await listen(on), await listen(off)];
  if ((await off.inject({ method: 'GET', url: '/metrics' })).statusCode !== 404) throw new Error('metrics not off');
  defaultClassifier();
  const cookie = await loginCookieInject(on, 'hangdong');
  const bodies = await intakeBodies(database.db);
  // As the server does on PostgreSQL: new cases' statistics folded from case_stats_pending every FOLD_EVERY_MS.
  let folding: Promise<unknown> = Promise.resolve();
  const folder = setInterval(() => {
    if (pgUrl) folding = folding.then(() => foldCaseStats({ db: database.db }));
  }, FOLD_EVERY_MS);

  let scrapes = 0;
  const run = async (which: 'on' | 'off', duration: number): Promise<Run> => {
    const url = which === 'on' ? onBase : offBase;
    const scraper =
      which === 'on'
        ? setInterval(() => {
            scrapes++;
            void fetch(`${onBase}/metrics`).then((r) => r.text());
          }, SCRAPE_MS)
        : null;
    const cpu0 = mainThreadCpuMs();
    try {
      const headers = browserHeaders(cookie, url);
      const load = await runLoad({ url, path: '/api/cases', connections: CONNECTIONS, duration, headers, bodies });
      return { load, cpuPerCase: ((mainThreadCpuMs() - cpu0) * 1000) / Math.max(1, load['2xx']) };
    } finally {
      if (scraper) clearInterval(scraper);
    }
  };

  await run('on', 3);
  await run('off', 3);
  const counted0 = await intakeCounted(on);
  scrapes = 0;
  const rounds: { on: Run; off: Run }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      const a = await run('on', SECONDS);
      rounds.push({ on: a, off: await run('off', SECONDS) });
    } else {
      const b = await run('off', SECONDS);
      rounds.push({ on: await run('on', SECONDS), off: b });
    }
  }
  const counted = (await intakeCounted(on)) - counted0;
  const parts = await componentCosts(on);
  clearInterval(folder);
  await folding;
  report(pgUrl, rounds, { counted, scrapes });
  reportComponents(parts, median(rounds.map((r) => r.off.cpuPerCase)));
  await on.close();
  await off.close();
  await database.close();
}

type Round = { on: Run; off: Run };

/**
 * The same cost from its parts, each timed alone in a tight loop (steadier than any A/B on a shared machine): the
 * onResponse hook's work per request (requestObserver, as core/metrics/plugin.ts runs it), the intake-batch listener
 * per batch, and one scrape of /metrics.
 */
async function componentCosts(on: BenchApp): Promise<{ hookUs: number; batchUs: number; scrapeMs: number }> {
  const metrics = createAppMetrics({ db: {} as Db, kind: 'pglite', close: async () => undefined });
  const observe = requestObserver(metrics);
  const N = 200_000;
  let t = performance.now();
  for (let i = 0; i < N; i++) observe('/api/cases', 'POST', 201)(0.0123);
  const hookUs = ((performance.now() - t) * 1000) / N;
  metrics.stop();
  // The listener an app with metrics puts on its database handle, on a handle of its own.
  const db = {} as Db;
  const listened = createAppMetrics({ db, kind: 'pglite', close: async () => undefined });
  t = performance.now();
  for (let i = 0; i < N; i++) intakeBatchWritten(db, 32, 0.004, true);
  const batchUs = ((performance.now() - t) * 1000) / N;
  listened.stop();
  const S = 20;
  t = performance.now();
  for (let i = 0; i < S; i++) await on.inject({ method: 'GET', url: '/metrics' });
  return { hookUs, batchUs, scrapeMs: (performance.now() - t) / S };
}

function reportComponents(parts: { hookUs: number; batchUs: number; scrapeMs: number }, offCpuPerCase: number) {
  const perCase = parts.hookUs + parts.batchUs / 16;
  const scrapeShare = parts.scrapeMs / 15_000;
  console.log(
    `parts: hook ${parts.hookUs.toFixed(2)} µs per request, batch listener ${parts.batchUs.toFixed(2)} µs per batch, one scrape ${parts.scrapeMs.toFixed(1)} ms`,
  );
  console.log(
    `  against ${offCpuPerCase.toFixed(0)} µs of server CPU per case (metrics off, median): ${((perCase / offCpuPerCase) * 100).toFixed(2)} % per case (a batch of 16 assumed), plus ${(scrapeShare * 100).toFixed(2)} % of the thread for a scrape every 15 s`,
  );
}

/** Per round and as medians of the per-round ratios: throughput (req/s) and the main thread's CPU per report. */
function report(pgUrl: string | null, rounds: Round[], extra: { counted: number; scrapes: number }) {
  console.log(
    `database: ${pgUrl ? 'PostgreSQL (fresh database)' : 'PGlite (a data directory)'}; POST /api/cases, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per side, after a warm-up; /metrics scraped every ${SCRAPE_MS} ms during the "on" runs`,
  );
  const show = (name: string, r: Run) => `${line(name, r.load)}   cpu ${r.cpuPerCase.toFixed(0)} µs/case`;
  rounds.forEach((r, i) => {
    const both = [show(`round ${i + 1}: metrics on`, r.on), show(`round ${i + 1}: metrics off`, r.off)];
    console.log((i % 2 === 0 ? both : both.reverse()).join('\n'));
  });
  const perRound = (f: (r: Round) => number) => {
    const xs = rounds.map(f);
    return { text: xs.map((x) => x.toFixed(3)).join(', '), median: median(xs) };
  };
  const rate = perRound((r) => r.on.load.requests.average / r.off.load.requests.average);
  const cpu = perRound((r) => r.on.cpuPerCase / r.off.cpuPerCase);
  console.log(`on / off req/s per round: ${rate.text}; median ${rate.median.toFixed(3)}`);
  console.log(`on / off main-thread CPU per case per round: ${cpu.text}; median ${cpu.median.toFixed(3)}`);
  console.log(
    `metrics cost: ${((1 - rate.median) * 100).toFixed(1)} % of intake throughput, ${((cpu.median - 1) * 100).toFixed(1)} % more server CPU per case (goal < 2 %)`,
  );
  const answered = rounds.reduce((n, r) => n + r.on.load['2xx'], 0);
  console.log(
    `/metrics scraped ${extra.scrapes} times during the "on" runs; it counted ${extra.counted} intake answers, autocannon saw ${answered} 2xx (and up to ${CONNECTIONS} a run still in flight when it stopped)`,
  );
  const refused = rounds.flatMap((r) => [r.on.load, r.off.load]).filter((r) => r.non2xx > 0 || r.errors > 0).length;
  if (refused) console.log(`WARNING: ${refused} runs had non-2xx answers or errors: not like for like`);
}

await main();
