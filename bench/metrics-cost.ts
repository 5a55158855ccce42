/**
 * What the Prometheus metrics cost case intake (issue 17: "/metrics adds < 2 % to intake cost"). Two apps on one
 * database, the same build but for METRICS: one with the metrics on (the onResponse hook timing every request by its
 * route template, the intake-batch listener, /metrics scraped every SCRAPE_MS during its runs, far more often than
 * Prometheus's 15 s), one with them off (no hook, no route). The real POST /api/cases as the hall posts it
 * (bench/intake-load.ts), autocannon in a worker thread at 50 connections. After a warm-up of each, ROUNDS rounds of
 * one run each, the order swapped every round so neither always runs second; reported per round and as the median of
 * the per-round ratios on / off. The two apps share the database handle, so the intake-batch listener of the "on" app
 * also counts the "off" app's batches (one counter increment and one observation per batch of up to 64 reports):
 * that part of the cost, if anything, flatters "off" downwards.
 * Run: node --import tsx bench/metrics-cost.ts [seconds per run, default 5] [--rounds=N, default 5]   (PGlite, on disk)
 *      … --pg[=url]                                                                     (a fresh PostgreSQL database)
 */
import type { Result } from 'autocannon';
import { buildApp } from '../src/app.js';
import { defaultClassifier } from '../src/modules/cases/classifier/classifier.js';
import { FOLD_EVERY_MS, foldCaseStats } from '../src/modules/cases/stats/rollup.js';
import { seedDemo } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { benchAppConfig, browserHeaders, intakeBodies, line } from './intake-load.js';
import { runLoad } from './load-worker.js';
import { benchPostgresUrl, loginCookieInject, median, openBenchDatabase } from './util.js';

const CONNECTIONS = 50;
const SCRAPE_MS = 1000;
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 5);
const SECONDS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);

type BenchApp = Awaited<ReturnType<typeof buildApp>>;

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
  const run = async (which: 'on' | 'off', duration: number): Promise<Result> => {
    const url = which === 'on' ? onBase : offBase;
    const scraper =
      which === 'on'
        ? setInterval(() => {
            scrapes++;
            void fetch(`${onBase}/metrics`).then((r) => r.text());
          }, SCRAPE_MS)
        : null;
    try {
      const headers = browserHeaders(cookie, url);
      return await runLoad({ url, path: '/api/cases', connections: CONNECTIONS, duration, headers, bodies });
    } finally {
      if (scraper) clearInterval(scraper);
    }
  };

  await run('on', 3);
  await run('off', 3);
  const counted0 = await intakeCounted(on);
  scrapes = 0;
  const rounds: { on: Result; off: Result }[] = [];
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
  clearInterval(folder);
  await folding;
  report(pgUrl, rounds, { counted, scrapes });
  await on.close();
  await off.close();
  await database.close();
}

function report(
  pgUrl: string | null,
  rounds: { on: Result; off: Result }[],
  extra: { counted: number; scrapes: number },
) {
  console.log(
    `database: ${pgUrl ? 'PostgreSQL (fresh database)' : 'PGlite (a data directory)'}; POST /api/cases, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per side, after a warm-up`,
  );
  rounds.forEach((r, i) => {
    const both = [line(`round ${i + 1}: metrics on`, r.on), line(`round ${i + 1}: metrics off`, r.off)];
    console.log((i % 2 === 0 ? both : both.reverse()).join('\n'));
  });
  const ratios = rounds.map((r) => r.on.requests.average / r.off.requests.average);
  const p99 = (f: (r: { on: Result; off: Result }) => Result) => rounds.map((r) => f(r).latency.p99).join(', ');
  console.log(`on / off req/s per round: ${ratios.map((x) => x.toFixed(3)).join(', ')}`);
  console.log(
    `median on / off ${median(ratios).toFixed(3)}: metrics cost ${((1 - median(ratios)) * 100).toFixed(1)} % of intake throughput (goal < 2 %)`,
  );
  console.log(`p99 on: ${p99((r) => r.on)} ms; off: ${p99((r) => r.off)} ms`);
  const answered = rounds.reduce((n, r) => n + r.on['2xx'], 0);
  console.log(
    `/metrics scraped ${extra.scrapes} times during the "on" runs; it counted ${extra.counted} intake answers, autocannon saw ${answered} 2xx`,
  );
  const refused = rounds.flatMap((r) => [r.on, r.off]).filter((r) => r.non2xx > 0 || r.errors > 0).length;
  if (refused) console.log(`WARNING: ${refused} runs had non-2xx answers or errors: not like for like`);
}

await main();
