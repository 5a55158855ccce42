/**
 * What the intake benches share (bench/cases-intake.ts, bench/intake-processes.ts, bench/open311.ts): the app's
 * configuration, the reports and request bodies, the headers a browser sends, and one line of results.
 */
import type { Result } from 'autocannon';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/core/config.js';
import type { Db } from '../src/core/db.js';
import { grids } from '../src/modules/grid/grid.schema.js';
import { organisations } from '../src/modules/org/org.schema.js';
import { loadExamples } from '../src/modules/cases/classifier/data.js';
import { pointInGrid } from '../src/seed/cases-world.js';
import { createRng } from '../src/seed/rng.js';

/**
 * The configuration of an app under intake load: one user (or client) posts thousands of reports a second, so the
 * write limit is raised out of reach (its check still runs).
 */
export function benchAppConfig() {
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      RATE_LIMIT_WRITES_PER_MINUTE: '1000000000',
    }),
    webDistDir: null,
  };
}

/** 1,000 residents' reports at 杭东社区: real wording, a point inside one of its grids (the same draws every run). */
export async function hallReports(db: Db): Promise<{ p: { lng: number; lat: number }; text: string; i: number }[]> {
  const [hangdong] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '杭东社区'));
  const leaves = (await db.select().from(grids).where(eq(grids.communityId, hangdong.id))).filter((g) => g.level === 4);
  const rng = createRng(7);
  const texts = loadExamples()
    .map((e) => e.text)
    .filter((t) => t.length >= 6);
  return Array.from({ length: 1000 }, (_, i) => ({ p: pointInGrid(rng, rng.pick(leaves)), text: rng.pick(texts), i }));
}

/** 杭东社区's admin records residents' reports at the hall (hallReports) as POST /api/cases bodies. */
export async function intakeBodies(db: Db): Promise<string[]> {
  return (await hallReports(db)).map(({ p, text, i }) =>
    JSON.stringify({
      channel: 'hall',
      description: text,
      lng: p.lng,
      lat: p.lat,
      reporterName: `居民${i}`,
      reporterPhone: `139${String(10_000_000 + i).slice(-8)}`,
    }),
  );
}

/**
 * What Chromium sends with the web app's fetch() POST from its own page. Origin is the server as the client
 * addressed it (the check compares it with request.protocol/host), so each app gets its own.
 */
export function browserHeaders(cookie: string, origin: string, secFetch = true): Record<string, string> {
  return {
    cookie,
    'content-type': 'application/json',
    accept: 'application/json',
    'accept-language': 'zh-CN,zh;q=0.9',
    'user-agent':
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    origin,
    ...(secFetch ? { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' } : {}),
  };
}

export const line = (name: string, r: Result) =>
  `${name.padEnd(40)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   2xx ${r['2xx']}  non-2xx ${r.non2xx}  errors ${r.errors}`;
