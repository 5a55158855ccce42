/**
 * The unit's quarterly sheet (issue 13 "Measured": < 50 ms over all 1,762 members).
 * Run: node --import tsx bench/unit-sheet.ts [--runs=31] [--pg | --pg=postgres://…]
 *   A fresh database (PGlite in memory, or a scratch PostgreSQL database) with the county's scale: 11 communities,
 *   83 units (sizes uneven, the largest ~90 members), 1,762 in-service members, 9 in 10 reported, a year of ledger
 *   rows up to yesterday (0–40 records a member, 1–4 h each: ~36,000 rows) and the ended quarters of this year rated.
 *   Times `buildSheet` (what GET /api/member-ratings/unit-sheet runs after the policy) for the county-wide sheet and
 *   the largest unit, in the last ended quarter (rated: stored points) and the current one (points computed live).
 *   After ANALYZE (the statistics a database in use has). Prints median and p95 of `runs` after three warm-up runs,
 *   and the median CPU time of this process per sheet (the embedded database runs on this thread): a figure that moves
 *   less with the shared machine's load than the wall time.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addDays, localInstant } from '../src/core/calendar.js';
import { clock } from '../src/core/clock.js';
import type { Db } from '../src/core/db.js';
import { insertRows } from '../src/core/bulk.js';
import { SERVICE_RECORD_KINDS } from '../src/modules/ledger/ledger.enums.js';
import { serviceRecords } from '../src/modules/ledger/ledger.schema.js';
import { quarterFigures } from '../src/modules/members/ratings/ratings.figures.js';
import { rulesInForce } from '../src/modules/members/ratings/ratings.ruleset.js';
import { memberRatings } from '../src/modules/members/ratings/ratings.schema.js';
import { buildSheet } from '../src/modules/members/ratings/ratings.sheet.js';
import { type QuarterKey, quarterHasEnded, quarterOfDay } from '../src/modules/members/ratings/quarters.js';
import { memberReports } from '../src/modules/members/reports/reports.schema.js';
import { organisations } from '../src/modules/org/org.schema.js';
import { partyMembers } from '../src/modules/people/members/members.schema.js';
import { people } from '../src/modules/people/people.schema.js';
import { createRng } from '../src/seed/rng.js';
import { benchPostgresUrl, median, openBenchDatabase } from './util.js';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 31);
const MEMBERS = 1762;

async function seedOrgs(db: Db) {
  const [county] = await db
    .insert(organisations)
    .values({ kind: 'county', name: '光泽县', code: '350723' })
    .returning();
  const communities = await db
    .insert(organisations)
    .values(
      Array.from({ length: 11 }, (_, i) => ({ kind: 'community' as const, name: `社区${i + 1}`, parentId: county.id })),
    )
    .returning({ id: organisations.id });
  const units = await db
    .insert(organisations)
    .values(
      Array.from({ length: 83 }, (_, i) => ({ kind: 'unit' as const, name: `单位${i + 1}`, parentId: county.id })),
    )
    .returning({ id: organisations.id });
  return { communities: communities.map((c) => c.id), units: units.map((u) => u.id) };
}

/** Members, their reports and a year of ledger rows; returns the largest unit. */
async function seedMembers(db: Db, orgs: { communities: string[]; units: string[] }, today: string): Promise<string> {
  const rng = createRng(42);
  // Uneven unit sizes: weight 1/(rank+3), so the first unit is the largest (~90 of 1,762).
  const weights = orgs.units.map((_, i) => 1 / (i + 3));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickUnit = () => {
    let x = rng.float(0, total);
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) <= 0) return orgs.units[i];
    return orgs.units[0];
  };
  const persons = Array.from({ length: MEMBERS }, (_, i) => ({
    id: randomUUID(),
    name: `党员${i + 1}`,
    roles: ['resident'],
  }));
  await insertRows(db, people, persons);
  const members = persons.map((p) => ({
    id: randomUUID(),
    personId: p.id,
    kind: 'in_service' as const,
    unitId: pickUnit(),
    residenceCommunityId: rng.pick(orgs.communities),
  }));
  await insertRows(db, partyMembers, members);
  const reports = members
    .filter(() => rng.chance(0.9))
    .map((m) => {
      const at = localInstant(addDays(today, -rng.int(1, 150)), '10:00');
      return {
        memberId: m.id,
        communityId: m.residenceCommunityId,
        state: 'approved' as const,
        appliedAt: at,
        decidedAt: at,
      };
    });
  await insertRows(db, memberReports, reports);
  const records = members.flatMap((m) => {
    const days = new Set(Array.from({ length: rng.int(0, 40) }, () => addDays(today, -rng.int(1, 365))));
    return [...days].map((day) => {
      const minutes = rng.int(60, 240);
      const startsAt = localInstant(day, '09:00');
      return {
        memberId: m.id,
        kind: rng.pick(SERVICE_RECORD_KINDS),
        sourceId: randomUUID(),
        communityId: m.residenceCommunityId,
        title: '服务',
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        minutes,
        day,
      };
    });
  });
  await insertRows(db, serviceRecords, records);
  console.log(`seeded ${MEMBERS} members, ${reports.length} reported, ${records.length} ledger rows`);
  return orgs.units[0];
}

/** The ended quarters of this year, rated (confirmed) from their figures. */
async function rateEndedQuarters(db: Db, today: string): Promise<void> {
  const rules = await rulesInForce(db);
  const year = Number(today.slice(0, 4));
  for (const quarter of [1, 2, 3, 4]) {
    const q = { year, quarter };
    if (!quarterHasEnded(q, today)) continue;
    const figures = await quarterFigures(db, { members: undefined, quarter: q, today, rules });
    await insertRows(
      db,
      memberRatings,
      figures.map((f) => ({
        memberId: f.memberId,
        communityId: f.communityId as string,
        unitId: f.unitId,
        ...q,
        rulesId: rules.id,
        points: f.points,
        minutes: f.minutes,
        yearMinutes: f.yearMinutes,
        noShows: f.noShows,
        reported: f.reported,
        suggestedGrade: f.suggestion.grade,
        grade: f.suggestion.grade,
        state: 'confirmed' as const,
        confirmedAt: clock.now(),
        createdAt: clock.now(),
        updatedAt: clock.now(),
        version: 1,
      })),
    );
  }
}

async function time(label: string, fn: () => Promise<number>): Promise<void> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  let rows = 0;
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const cpu0 = process.cpuUsage();
    rows = await fn();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
  console.log(
    `${label.padEnd(44)} rows ${String(rows).padStart(5)}  median ${median(ms).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  CPU median ${median(cpu).toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const pg = benchPostgresUrl();
  const database = await openBenchDatabase(pg);
  const db = database.db;
  try {
    const today = clock.today();
    const orgs = await seedOrgs(db);
    const largest = await seedMembers(db, orgs, today);
    await rateEndedQuarters(db, today);
    // Statistics as the nightly maintenance (PGlite) or autovacuum (PostgreSQL) keeps them: without them the planner
    // takes the year's ~30,000 ledger rows for one and joins each to its member by an index lookup.
    await db.execute(sql`analyze`);
    const current = quarterOfDay(today);
    const ended: QuarterKey =
      current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { ...current, quarter: current.quarter - 1 };
    console.log(`${pg ? 'PostgreSQL' : 'PGlite'}, today ${today}, ${runs} runs each`);
    for (const [name, q] of [
      ['ended', ended],
      ['current', current],
    ] as const) {
      const tag = `${q.year} Q${q.quarter} (${name})`;
      await time(
        `county-wide sheet, ${tag}`,
        async () => (await buildSheet(db, { unitId: null, quarter: q, today })).items.length,
      );
      await time(
        `largest unit, ${tag}`,
        async () => (await buildSheet(db, { unitId: largest, quarter: q, today })).items.length,
      );
    }
  } finally {
    await database.close();
  }
}

await main();
