/**
 * Case intake under load. The real POST /api/cases (session, zod validation, classification, grid routing by point,
 * working-hour clocks, the case row — with its case_stats rollup, maintained by trigger — the first event, the
 * audit row, the owner's notification, and the case summary in the answer) against a baseline route that only
 * inserts one row, registered by this script for this run only. Both over HTTP on a loopback port, in the same
 * process and run, with autocannon (in a worker thread: bench/load-worker.ts) at 50 connections: after a warm-up,
 * three rounds of baseline then intake, reported per round and as the median ratio. Then the intake once more with
 * the case_stats insert trigger off, to show what the rollup costs.
 * Run: node --import tsx bench/cases-intake.ts [seconds per run, default 5]            (PGlite in memory, demo seeded)
 *      node --import tsx bench/cases-intake.ts [seconds] --pg[=url]  (a fresh PostgreSQL database, dropped after)
 */
import type { Result } from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { grids } from '../src/modules/grid/grid.schema.js';
import { organisations } from '../src/modules/org/org.schema.js';
import { loadExamples } from '../src/modules/cases/classifier/data.js';
import { defaultClassifier } from '../src/modules/cases/classifier/classifier.js';
import { FOLD_EVERY_MS, foldCaseStats } from '../src/modules/cases/cases.stats.rollup.js';
import { pointInGrid } from '../src/seed/cases-world.js';
import { seedDemo } from '../src/seed/demo.js';
import { createRng } from '../src/seed/rng.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { runLoad } from './load-worker.js';
import { benchPostgresUrl, loginCookieInject, median, openBenchDatabase } from './util.js';

const CONNECTIONS = 50;
const ROUNDS = 3;

async function main(): Promise<void> {
  const seconds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
  const pgUrl = benchPostgresUrl();
  const database = await openBenchDatabase(pgUrl, { onDisk: true });
  const db = database.db;
  await seedReferenceData({ db });
  await seedDemo({ db });
  await db.execute(sql`create table bench_baseline (id uuid primary key default gen_random_uuid(), body jsonb not null, created_at timestamptz not null default now())`);

  // One user posts thousands of cases a second here: the write limit is raised out of reach (its check still runs).
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', RATE_LIMIT_WRITES_PER_MINUTE: '1000000000' }), webDistDir: null,
  };
  const app = await buildApp({ config, database, logger: false });
  // The baseline: parse the JSON body, insert it as one row, answer 201. Not part of the product.
  app.post('/bench/baseline', async (req, reply) => {
    await app.db.execute(sql`insert into bench_baseline (body) values (${JSON.stringify(req.body)}::jsonb)`);
    return reply.status(201).send({ ok: true });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  defaultClassifier();

  // 杭东社区's admin records residents' reports at the hall: real wording, a point inside one of its grids.
  const cookie = await loginCookieInject(app, 'hangdong');
  const [hangdong] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, '杭东社区'));
  const leaves = (await db.select().from(grids).where(eq(grids.communityId, hangdong.id))).filter((g) => g.level === 4);
  const rng = createRng(7);
  const texts = loadExamples().map((e) => e.text).filter((t) => t.length >= 6);
  const bodies = Array.from({ length: 1000 }, (_, i) => {
    const p = pointInGrid(rng, rng.pick(leaves));
    return JSON.stringify({
      channel: 'hall', description: rng.pick(texts), lng: p.lng, lat: p.lat, reporterName: `居民${i}`, reporterPhone: `139${String(10_000_000 + i).slice(-8)}`,
    });
  });
  const run = (path: string, duration: number): Promise<Result> => runLoad({
    url: base, path, connections: CONNECTIONS, duration, headers: { cookie, 'content-type': 'application/json' }, bodies,
  });

  // As the server does on PostgreSQL (src/server.ts): new cases' statistics are folded from case_stats_pending every
  // FOLD_EVERY_MS.
  let folding: Promise<unknown> = Promise.resolve();
  const folder = setInterval(() => { if (pgUrl) folding = folding.then(() => foldCaseStats({ db })); }, FOLD_EVERY_MS);
  await run('/bench/baseline', 2);
  await run('/api/cases', 3);
  // Alternating rounds, and the median of the per-round ratios: the machine's speed drifts over a minute (other
  // work, the database's own housekeeping), and a ratio of two runs taken side by side is steadier than either.
  const rounds: { baseline: Result; intake: Result }[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push({ baseline: await run('/bench/baseline', seconds), intake: await run('/api/cases', seconds) });
  await db.execute(sql`alter table cases disable trigger case_stats_cases_insert`);
  const noRollup = await run('/api/cases', seconds);
  await db.execute(sql`alter table cases enable trigger case_stats_cases_insert`);

  const line = (name: string, r: Result) =>
    `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   2xx ${r['2xx']}  non-2xx ${r.non2xx}  errors ${r.errors}`;
  console.log(`database: ${pgUrl ? 'PostgreSQL (fresh database)' : 'PGlite (a data directory, as the app runs)'}; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${seconds} s each, after a warm-up`);
  rounds.forEach((r, i) => {
    console.log(line(`round ${i + 1}: baseline (insert one row)`, r.baseline));
    console.log(line(`round ${i + 1}: POST /api/cases`, r.intake));
  });
  console.log(line('POST /api/cases, rollup trigger off', noRollup));
  const ratios = rounds.map((r) => r.intake.requests.average / r.baseline.requests.average);
  const p99s = rounds.map((r) => r.intake.latency.p99);
  const intakeRate = median(rounds.map((r) => r.intake.requests.average));
  console.log(`intake / baseline per round: ${ratios.map((x) => x.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)}x (goal >= 0.5x)`);
  console.log(`intake p99 per round: ${p99s.join(', ')} ms; worst ${Math.max(...p99s)} ms (goal < 50 ms)`);
  console.log(`rollup trigger costs ${((1 - intakeRate / noRollup.requests.average) * 100).toFixed(0)} % of intake throughput`);
  clearInterval(folder);
  await folding;
  await app.close();
  await database.close();
}

await main();
