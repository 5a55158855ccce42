/**
 * How long the demo seed takes on a fresh in-memory PGlite (migrated, reference data in): the organisations, grids,
 * people and logins alone (what seedDemo wrote before the cases), and the whole seed with its year of cases.
 * Run: node --import tsx bench/demo-seed.ts [runs]
 */
import { count } from 'drizzle-orm';
import { hashPassword } from '../src/core/auth/password.js';
import { openDatabase } from '../src/core/db.js';
import { caseDispatches, caseEvents, cases } from '../src/modules/cases/cases.schema.js';
import { caseStats } from '../src/modules/cases/stats/stats.schema.js';
import { buildDemo, createRng, DEMO_PASSWORD, seedDemo, writeDemo } from '../src/seed/demo.js';
import { buildDemoCases } from '../src/seed/demo-cases.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { median } from './util.js';

async function fresh() {
  const database = await openDatabase({ dataDir: 'memory://' });
  await seedReferenceData({ db: database.db });
  return database;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const without: number[] = [];
  const whole: number[] = [];
  const build: number[] = [];
  let rows = '';
  for (let i = 0; i < runs + 1; i++) {
    const a = await fresh();
    let t0 = performance.now();
    const data = buildDemo(createRng(), passwordHash);
    await a.db.transaction((tx) => writeDemo(tx, data));
    const tWithout = performance.now() - t0;
    t0 = performance.now();
    buildDemoCases(data);
    const tBuild = performance.now() - t0;
    await a.close();
    const b = await fresh();
    t0 = performance.now();
    await seedDemo({ db: b.db, passwordHash });
    const tWhole = performance.now() - t0;
    const n = async (table: typeof cases | typeof caseEvents | typeof caseDispatches | typeof caseStats) =>
      (await b.db.select({ n: count() }).from(table))[0].n;
    rows = `cases ${await n(cases)}, events ${await n(caseEvents)}, dispatches ${await n(caseDispatches)}, case_stats rows ${await n(caseStats)}`;
    await b.close();
    // The first round warms the JIT and the file caches; it is not counted.
    if (i === 0) continue;
    without.push(tWithout);
    whole.push(tWhole);
    build.push(tBuild);
    console.log(
      `run ${i}: without cases ${tWithout.toFixed(0)} ms; whole seed ${tWhole.toFixed(0)} ms (building the cases in memory ${tBuild.toFixed(0)} ms)`,
    );
  }
  console.log(rows);
  console.log(
    `median over ${runs}: without cases ${median(without).toFixed(0)} ms; whole seed ${median(whole).toFixed(0)} ms (goal: well under 2000 ms); cases built in ${median(build).toFixed(0)} ms`,
  );
}

await main();
