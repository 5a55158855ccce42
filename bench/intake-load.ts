/**
 * What the intake benches share (bench/cases-intake.ts, bench/intake-processes.ts): the request bodies, the headers
 * a browser sends, and one line of results.
 */
import type { Result } from 'autocannon';
import { eq } from 'drizzle-orm';
import type { Db } from '../src/core/db.js';
import { grids } from '../src/modules/grid/grid.schema.js';
import { organisations } from '../src/modules/org/org.schema.js';
import { loadExamples } from '../src/modules/cases/classifier/data.js';
import { pointInGrid } from '../src/seed/cases-world.js';
import { createRng } from '../src/seed/rng.js';

/** 杭东社区's admin records residents' reports at the hall: real wording, a point inside one of its grids. */
export async function intakeBodies(db: Db): Promise<string[]> {
  const [hangdong] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, '杭东社区'));
  const leaves = (await db.select().from(grids).where(eq(grids.communityId, hangdong.id))).filter((g) => g.level === 4);
  const rng = createRng(7);
  const texts = loadExamples()
    .map((e) => e.text)
    .filter((t) => t.length >= 6);
  return Array.from({ length: 1000 }, (_, i) => {
    const p = pointInGrid(rng, rng.pick(leaves));
    return JSON.stringify({
      channel: 'hall',
      description: rng.pick(texts),
      lng: p.lng,
      lat: p.lat,
      reporterName: `居民${i}`,
      reporterPhone: `139${String(10_000_000 + i).slice(-8)}`,
    });
  });
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
