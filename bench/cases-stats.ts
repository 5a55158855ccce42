/**
 * GET /api/cases/stats at scale: 1,000,000 cases (plus the demo's) generated in bulk SQL (generate_series) into a
 * fresh database over the demo's grids, categories and units, a third of them whistled to a unit; the case_stats
 * rollup built once at the end (case_stats_rebuild, the same code the triggers use). Then county-wide statistics for
 * one year (2026) as the county admin, per groupBy: median of 20 after 3 warm-up calls, through app.inject (routing,
 * validation, the service, serialisation). Also a community admin, a unit admin, and the direct path (no rollup) for
 * comparison.
 * Run: node --import tsx bench/cases-stats.ts [--cases=1000000] [--days=1424] [--pg[=url]]
 *   --days: the cases are spread evenly over that many days up to 2026-11-24 (1424 = from 2023-01-01, so 2026 holds
 *   ~230,000 of them; --days=365 puts all of them in the year asked for).
 */
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { rowsOf } from '../src/core/bulk.js';
import { loadConfig } from '../src/core/config.js';
import { seedDemoWithCases } from './cases-generate.js';
import { benchPostgresUrl, loginCookieInject, median, openBenchDatabase } from './util.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

type Db = Awaited<ReturnType<typeof openBenchDatabase>>['db'];
type BenchApp = Awaited<ReturnType<typeof buildApp>>;

/** A timer of GET /api/cases/stats for 2026 as one of three users: the median of `runs` calls after 3 warm-up calls. */
async function statsTimer(app: BenchApp) {
  const cookies = {
    admin: await loginCookieInject(app, 'admin'),
    hangdong: await loginCookieInject(app, 'hangdong'),
    unit01: await loginCookieInject(app, 'unit01'),
    grid01: await loginCookieInject(app, 'grid01'),
  };
  return async (
    who: keyof typeof cookies,
    qs: string,
    runs = 20,
  ): Promise<{ ms: number; source: string; raised: number; figures: string }> => {
    const call = () =>
      app.inject({
        method: 'GET',
        url: `/api/cases/stats?from=2026-01-01&to=2026-12-31${qs}`,
        headers: { cookie: cookies[who] },
      });
    for (let i = 0; i < 3; i++) await call();
    const samples: number[] = [];
    let last = await call();
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      last = await call();
      samples.push(performance.now() - t);
    }
    if (last.statusCode !== 200) throw new Error(last.body);
    const body = last.json<{
      source: string;
      totals: { raised: number };
      figures: Record<string, { count: number; rate: number | null }>;
    }>();
    // Every answer carries the article's figures (stats/figures.ts: three more grouped reads); show what they were.
    const figures = Object.entries(body.figures)
      .map(([k, f]) => `${k} ${f.rate === null ? f.count : `${(f.rate * 100).toFixed(1)}% of ${f.count}`}`)
      .join(', ');
    return { ms: median(samples), source: body.source, raised: body.totals.raised, figures };
  };
}

/** The county admin per groupBy, then a community admin, a unit admin and a whistle filter, through the route. */
async function timeRoute(time: Awaited<ReturnType<typeof statsTimer>>): Promise<void> {
  console.log(
    "GET /api/cases/stats?from=2026-01-01&to=2026-12-31 (median of 20 after 3 warm-up calls; goal < 50 ms; every answer includes the article's figures):",
  );
  for (const groupBy of ['', 'community', 'grid', 'unit', 'category', 'month', 'channel']) {
    const r = await time('admin', groupBy ? `&groupBy=${groupBy}` : '');
    if (!groupBy) console.log(`  figures: ${r.figures}`);
    console.log(
      `  county admin, groupBy=${(groupBy || '(none)').padEnd(10)} ${r.ms.toFixed(1).padStart(7)} ms  [${r.source}] raised ${r.raised.toLocaleString('en')}`,
    );
  }
  for (const [who, qs] of [
    ['hangdong', '&groupBy=grid'],
    ['hangdong', ''],
    ['grid01', ''],
    ['unit01', '&groupBy=month'],
    ['unit01', ''],
    ['admin', '&whistle=any&groupBy=unit'],
  ] as const) {
    const r = await time(who, qs);
    console.log(
      `  ${who.padEnd(8)} ${qs.padEnd(26)} ${r.ms.toFixed(1).padStart(7)} ms  [${r.source}] raised ${r.raised.toLocaleString('en')}`,
    );
  }
}

/** The same numbers without the rollup, straight from `cases` (what the triggers save), through the service. */
async function timeDirect(db: Db): Promise<void> {
  const { caseStats } = await import('../src/modules/cases/stats/stats.js');
  const { ZCaseStatsQuery } = await import('../src/modules/cases/stats/stats.contracts.js');
  const [admin] = await rowsOf<{ id: string }>(db, sql`select id from users where username = 'admin'`);
  const [binding] = await rowsOf<{ scope_org_id: string }>(
    db,
    sql`select scope_org_id from role_bindings where user_id = ${admin.id}`,
  );
  const actor = {
    userId: admin.id,
    username: 'admin',
    displayName: 'admin',
    personId: null,
    locale: 'zh-CN',
    ip: null,
    requestId: null,
    bindings: [{ role: 'county_admin' as const, scopeOrgId: binding.scope_org_id, scopeGridId: null }],
  };
  for (const mode of ['auto', 'direct'] as const) {
    const t = performance.now();
    const s = await caseStats({
      db,
      actor,
      query: ZCaseStatsQuery.parse({ from: '2026-01-01', to: '2026-12-31', groupBy: 'community' }),
      mode,
    });
    console.log(
      `  service, groupBy=community, ${mode.padEnd(6)} ${(performance.now() - t).toFixed(1).padStart(8)} ms  [${s.source}] raised ${s.totals.raised.toLocaleString('en')}`,
    );
  }
}

async function main(): Promise<void> {
  const pgUrl = benchPostgresUrl();
  const database = await openBenchDatabase(pgUrl);
  const db = database.db;
  await seedDemoWithCases(db, arg('cases', 1_000_000), arg('days', 1424), pgUrl ? 'PostgreSQL' : 'PGlite (in memory)');
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false' }), webDistDir: null };
  const app = await buildApp({ config, database, logger: false });
  await timeRoute(await statsTimer(app));
  await timeDirect(db);
  await app.close();
  await database.close();
}

await main();
