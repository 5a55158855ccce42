/**
 * Open311 GeoReport v2 under load, beside the app's own intake in the same run.
 * 1. intake: POST /open311/v2/requests.json (a form body, an api_key, through the cases module's intake on channel
 *    open311) against POST /api/cases (a hall report by 杭东社区's admin, JSON, session cookie), both over HTTP on a
 *    loopback port with autocannon at 50 connections in a worker thread (bench/load-worker.ts): after a warm-up,
 *    alternating rounds, the median ratio of the two (goal >= 0.8x) and each one's p99.
 * 2. read: GET /open311/v2/requests.json for the default 90-day window at 1,000,000 generated cases (plus the demo's),
 *    through app.inject: median of 20 after 3 warm-ups (goal < 100 ms), with the default window, with status=open and
 *    with a service_code.
 * Run: node --import tsx bench/open311.ts [intake|read|both] [seconds per run, default 5] [--rounds=3] [--cases=1000000]
 *      … --pg[=url]   (a fresh PostgreSQL database next to url, dropped after)
 */
import type { Result } from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { rowsOf } from '../src/core/bulk.js';
import { defaultClassifier } from '../src/modules/cases/classifier/classifier.js';
import { FOLD_EVERY_MS, foldCaseStats } from '../src/modules/cases/stats/rollup.js';
import { createOpen311Client } from '../src/modules/open311/open311.service.js';
import { seedDemo } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { generateCases } from './cases-generate.js';
import { benchAppConfig, hallReports } from './intake-load.js';
import { runLoad } from './load-worker.js';
import { benchPostgresUrl, loginCookieInject, median, openBenchDatabase } from './util.js';

const CONNECTIONS = 50;
const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', 3);
type Database = Awaited<ReturnType<typeof openBenchDatabase>>;
type Db = Database['db'];

async function startApp(database: Database) {
  const config = benchAppConfig();
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

const line = (name: string, r: Result) =>
  `${name.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   2xx ${r['2xx']}  non-2xx ${r.non2xx}  errors ${r.errors}`;

/** The same reports as JSON for /api/cases and as forms for Open311. */
async function bodiesFor(db: Db, key: string) {
  const rows = await hallReports(db);
  const casesBodies = rows.map((r) =>
    JSON.stringify({ channel: 'hall', description: r.text, lng: r.p.lng, lat: r.p.lat, reporterName: `居民${r.i}` }),
  );
  // The category a client chooses is the classifier's own suggestion here, so both routes file the same cases.
  const { classify } = await import('../src/modules/cases/classifier/classifier.js');
  const formBodies = rows.map((r) =>
    new URLSearchParams({
      api_key: key,
      service_code: classify(r.text).category,
      lat: String(r.p.lat),
      long: String(r.p.lng),
      description: r.text,
      last_name: '居民',
      first_name: String(r.i),
      ...(classify(r.text).category === 'facilities.streetlight' ? { 'attribute[LIGHT_STATE]': 'out' } : {}),
      ...(classify(r.text).category === 'property.elevator' ? { 'attribute[TRAPPED]': 'no' } : {}),
    }).toString(),
  );
  return { casesBodies, formBodies };
}

type IntakeRound = { cases: Result; open311: Result };

function reportIntake(rounds: IntakeRound[], pgUrl: string | null): void {
  console.log(
    `database: ${pgUrl ? 'PostgreSQL (fresh database)' : 'PGlite (a data directory)'}; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${seconds} s`,
  );
  rounds.forEach((r, i) => {
    console.log(line(`round ${i + 1}: POST /api/cases`, r.cases));
    console.log(line(`round ${i + 1}: POST /open311/v2/requests.json`, r.open311));
  });
  const ratios = rounds.map((r) => r.open311.requests.average / r.cases.requests.average);
  console.log(
    `open311 / api per round: ${ratios.map((x) => x.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)}x (goal >= 0.8x)`,
  );
  console.log(
    `p99 api: ${rounds.map((r) => r.cases.latency.p99).join(', ')} ms; p99 open311: ${rounds.map((r) => r.open311.latency.p99).join(', ')} ms`,
  );
  if (rounds.some((r) => r.cases.non2xx || r.open311.non2xx || r.cases.errors || r.open311.errors))
    console.log('WARNING: some runs had non-2xx answers or errors: not like for like');
}

async function benchIntake(seconds: number, pgUrl: string | null): Promise<void> {
  const database = await openBenchDatabase(pgUrl, { onDisk: true });
  const { db } = database;
  await seedReferenceData({ db });
  await seedDemo({ db });
  const { app, base } = await startApp(database);
  defaultClassifier();
  const client = await createOpen311Client({
    db,
    actor: null,
    input: { name: '压测客户端', requestsPerMinute: 1_000_000_000 },
  });
  const cookie = await loginCookieInject(app, 'hangdong');
  const { casesBodies, formBodies } = await bodiesFor(db, client.key);
  const json = { cookie, 'content-type': 'application/json', accept: 'application/json' };
  const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  const cases = (d: number) =>
    runLoad({
      url: base,
      path: '/api/cases',
      connections: CONNECTIONS,
      duration: d,
      headers: json,
      bodies: casesBodies,
    });
  const open311 = (d: number) =>
    runLoad({
      url: base,
      path: '/open311/v2/requests.json',
      connections: CONNECTIONS,
      duration: d,
      headers: form,
      bodies: formBodies,
    });
  let folding: Promise<unknown> = Promise.resolve();
  const folder = setInterval(() => {
    if (pgUrl) folding = folding.then(() => foldCaseStats({ db }));
  }, FOLD_EVERY_MS);
  await cases(3);
  await open311(3);
  const rounds: IntakeRound[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) rounds.push({ cases: await cases(seconds), open311: await open311(seconds) });
    else {
      const o = await open311(seconds);
      rounds.push({ cases: await cases(seconds), open311: o });
    }
  }
  clearInterval(folder);
  await folding;
  reportIntake(rounds, pgUrl);
  await app.close();
  await database.close();
}

async function benchRead(total: number, pgUrl: string | null): Promise<void> {
  const database = await openBenchDatabase(pgUrl);
  const { db } = database;
  await seedReferenceData({ db });
  await seedDemo({ db });
  const t0 = performance.now();
  // Spread over the year before 2026-11-24 (cases-generate.ts), so a 90-day window holds about a quarter of them.
  await generateCases(db, total, 365, (n) => process.stdout.write(`\r${n} cases`));
  await db.execute(sql`analyze`);
  console.log(`\ngenerated ${total} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const { app } = await startApp(database);
  const client = await createOpen311Client({
    db,
    actor: null,
    input: { name: '压测客户端', requestsPerMinute: 1_000_000_000 },
  });
  const time = async (query: string) => {
    const url = `/open311/v2/requests.json?api_key=${client.key}&end_date=2026-11-24T18:00:00%2B08:00${query}`;
    const ms: number[] = [];
    let size = 0;
    for (let i = 0; i < 23; i++) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i >= 3) ms.push(performance.now() - t);
      size = (JSON.parse(res.body) as unknown[]).length;
    }
    console.log(
      `GET requests.json (90 days${query}): median ${median(ms).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms, ${size} requests (goal < 100 ms)`,
    );
  };
  const [{ n }] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from cases where reported_at >= timestamptz '2026-11-24T18:00:00+08:00' - interval '90 days'`,
  );
  console.log(
    `database: ${pgUrl ? 'PostgreSQL' : 'PGlite in memory'}; ${total} generated cases, ${n} of them in the 90-day window`,
  );
  await time('');
  await time('&status=open');
  await time('&service_code=facilities.streetlight,safety.gas');
  await app.close();
  await database.close();
}

const part = process.argv.find((a) => ['intake', 'read', 'both'].includes(a)) ?? 'both';
const seconds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const pgUrl = benchPostgresUrl();
if (part !== 'read') await benchIntake(seconds, pgUrl);
if (part !== 'intake') await benchRead(arg('cases', 1_000_000), pgUrl);
