/**
 * Point-in-polygon lookups per second over the demo grids: the Flatbush index (what GET /api/grids/locate uses)
 * against a baseline scan of every polygon, in the same process; plus the HTTP route through app.inject.
 * Run: node --import tsx bench/locate.ts
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { openDatabase } from '../src/core/db.js';
import { gridLocator } from '../src/modules/grid/grid.locate.js';
import { seedDemo } from '../src/seed/demo.js';
import { loginCookieInject } from './util.js';

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await seedDemo({ db: database.db });
  const locator = await gridLocator(database.db);
  const grids = locator.grids;
  const minLng = Math.min(...grids.map((g) => g.bbox[0])),
    maxLng = Math.max(...grids.map((g) => g.bbox[2]));
  const minLat = Math.min(...grids.map((g) => g.bbox[1])),
    maxLat = Math.max(...grids.map((g) => g.bbox[3]));
  const random = rng(42);
  const points = Array.from(
    { length: 100_000 },
    () => [minLng + random() * (maxLng - minLng), minLat + random() * (maxLat - minLat)] as const,
  );

  let hits = 0;
  let t0 = performance.now();
  for (const [lng, lat] of points) if (locator.locate(lng, lat)) hits++;
  const indexed = points.length / ((performance.now() - t0) / 1000);

  const scanPoints = points.slice(0, 2_000);
  t0 = performance.now();
  for (const [lng, lat] of scanPoints) {
    let best = -1;
    for (const g of grids) if (g.level > best && booleanPointInPolygon([lng, lat], g.boundary)) best = g.level;
  }
  const scan = scanPoints.length / ((performance.now() - t0) / 1000);

  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), webDistDir: null };
  const app = await buildApp({ config, database, logger: false });
  const cookie = await loginCookieInject(app, 'admin');
  const httpPoints = points.slice(0, 3_000);
  t0 = performance.now();
  for (const [lng, lat] of httpPoints)
    await app.inject({ method: 'GET', url: `/api/grids/locate?lng=${lng}&lat=${lat}`, headers: { cookie } });
  const http = httpPoints.length / ((performance.now() - t0) / 1000);
  await app.close();
  await database.close();

  console.log(`grids indexed: ${grids.length}; points: ${points.length}; hits: ${hits}`);
  console.log(`index lookups/s: ${indexed.toFixed(0)} (goal >= 5000)`);
  console.log(`baseline full scan lookups/s: ${scan.toFixed(0)}; index/scan ratio: ${(indexed / scan).toFixed(1)}x`);
  console.log(`HTTP route via app.inject (session check + lookup + summary), sequential: ${http.toFixed(0)} req/s`);
}

await main();
