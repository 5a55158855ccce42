// Shared set-up of the case-statistics tests on random data: stats.random.api.test.ts (the rollup, the direct path and
// a plain recomputation agree) and stats.fold.api.test.ts (the triggers, the pending table and the fold keep every
// count). One test context per file with 500 random cases (createRng(4242)) and their dispatches, then random writes
// through every trigger. Call setupRandomStats() at the top of the test file; `ctx`, `world`, `data` and `actors` are
// live bindings.
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '../../src/core/auth/actor.js';
import type { Db } from '../../src/core/db.js';
import { caseDispatches, cases } from '../../src/modules/cases/cases.schema.js';
import { grids } from '../../src/modules/grid/grid.schema.js';
import { createRng, type Rng } from '../../src/seed/rng.js';
import { createTestContext, type TestContext } from '../app.js';
import {
  actorFor,
  at,
  type CaseInsert,
  caseRow,
  type CaseRow,
  type DispatchInsert,
  type DispatchRow,
  insertCases,
} from '../cases-stats.js';

export interface World {
  grids: { id: string; code: string; level: number; communityId: string }[];
  units: string[];
  communities: string[];
  reporters: { userId: string | null; personId: string | null }[];
}

const CATEGORIES = ['environment.garbage', 'facilities.utilities', 'neighbour.noise', 'traffic.parking', 'safety.gas'];
const CHANNELS = ['hall', 'street_point', 'door_visit', 'snap', 'online', 'community_whistle'] as const;

function randomInstant(rng: Rng): Date {
  // 2025-12-01 … 2026-07-31, any time of day
  const start = at('2025-12-01', '00:00').getTime();
  return new Date(start + Math.floor(rng.next() * 243 * 86_400_000));
}
const maybe = <T>(rng: Rng, p: number, value: () => T): T | null => (rng.chance(p) ? value() : null);
const later = (rng: Rng, from: Date, maxDays: number) =>
  new Date(from.getTime() + Math.floor(rng.next() * maxDays * 86_400_000));

function randomCases(rng: Rng, w: World, n: number): { rows: CaseInsert[]; dispatches: DispatchInsert[] } {
  const rows: CaseInsert[] = [];
  const dispatches: DispatchInsert[] = [];
  for (let i = 0; i < n; i++) {
    const grid = rng.pick(w.grids);
    const reportedAt = randomInstant(rng);
    const channel = rng.pick(CHANNELS);
    const dispatched = channel === 'community_whistle' || rng.chance(0.3);
    const responseDueAt = later(rng, reportedAt, 3);
    const resolutionDueAt = later(rng, responseDueAt, 20);
    const resolvedAt = maybe(rng, 0.7, () => later(rng, reportedAt, 30));
    const satisfaction = resolvedAt
      ? maybe(rng, 0.7, () => rng.pick(['satisfied', 'basically_satisfied', 'unsatisfied'] as const))
      : null;
    const reporter = rng.pick(w.reporters);
    const row = caseRow({
      gridId: grid.id,
      communityId: grid.communityId,
      reportedAt,
      channel,
      categoryCode: rng.pick(CATEGORIES),
      whistle: dispatched ? (channel === 'community_whistle' ? 'community' : 'resident') : null,
      status: rng.chance(0.08) ? 'rejected' : resolvedAt ? 'resolved' : 'accepted',
      responseDueAt,
      resolutionDueAt,
      acknowledgedAt: maybe(rng, 0.85, () => later(rng, reportedAt, 2)),
      resolvedAt,
      satisfaction,
      ratedAt: satisfaction && resolvedAt ? later(rng, resolvedAt, 5) : null,
      reporterUserId: reporter.userId,
      reporterPersonId: reporter.personId,
      mergedIntoId: rows.length && rng.chance(0.05) ? rng.pick(rows).id : null,
    });
    rows.push(row);
    if (dispatched) {
      for (const unitId of rng.shuffle(w.units).slice(0, rng.int(1, w.units.length))) {
        dispatches.push({
          caseId: row.id as string,
          unitId,
          dispatchedAt: reportedAt,
          responseDueAt,
          doneAt: maybe(rng, 0.6, () => later(rng, reportedAt, 20)),
        });
      }
    }
  }
  return { rows, dispatches };
}

/** Writes through every trigger: multi-row updates of each counted field, merges, moves, dispatch upserts, deletes. */
async function mutate(db: Db, rng: Rng, w: World): Promise<void> {
  const all = await db.select({ id: cases.id }).from(cases);
  const some = (p: number) => all.filter(() => rng.chance(p)).map((r) => r.id);
  await updateCases(db, rng, w, all, some);
  await redispatch(db, rng, w, some);
  const gone = some(0.03);
  await db.update(cases).set({ mergedIntoId: null }).where(inArray(cases.mergedIntoId, gone));
  await db.delete(caseDispatches).where(inArray(caseDispatches.caseId, gone));
  await db.delete(cases).where(inArray(cases.id, gone));
}

/** Multi-row updates of each counted field of `cases`, a move to another grid, merges and unmerges. */
async function updateCases(
  db: Db,
  rng: Rng,
  w: World,
  all: { id: string }[],
  some: (p: number) => string[],
): Promise<void> {
  await db
    .update(cases)
    .set({ acknowledgedAt: sql`${cases.acknowledgedAt} + interval '30 hours'` })
    .where(inArray(cases.id, some(0.2)));
  await db
    .update(cases)
    .set({ resolvedAt: null, satisfaction: null, ratedAt: null, status: 'reopened' })
    .where(inArray(cases.id, some(0.1)));
  await db
    .update(cases)
    .set({ resolvedAt: sql`${cases.reportedAt} + interval '50 hours'`, status: 'resolved' })
    .where(inArray(cases.id, some(0.1)));
  await db
    .update(cases)
    .set({ status: 'rejected' })
    .where(inArray(cases.id, some(0.05)));
  await db
    .update(cases)
    .set({ categoryCode: 'property.elevator', resolutionDueAt: sql`${cases.resolutionDueAt} - interval '3 days'` })
    .where(inArray(cases.id, some(0.1)));
  await db
    .update(cases)
    .set({ satisfaction: 'basically_satisfied', ratedAt: sql`${cases.reportedAt} + interval '9 days'` })
    .where(inArray(cases.id, some(0.1)));
  const target = rng.pick(w.grids);
  await db
    .update(cases)
    .set({ gridId: target.id, communityId: target.communityId })
    .where(inArray(cases.id, some(0.08)));
  const main = rng.pick(all).id;
  await db
    .update(cases)
    .set({ mergedIntoId: main })
    .where(
      inArray(
        cases.id,
        some(0.04).filter((id) => id !== main),
      ),
    );
  await db
    .update(cases)
    .set({ mergedIntoId: null })
    .where(inArray(cases.id, some(0.02)));
  await db
    .update(cases)
    .set({ whistle: 'resident' })
    .where(inArray(cases.id, some(0.05)));
}

/** Dispatches marked done, undone and deleted, then re-dispatched as dispatchToUnits does. */
async function redispatch(db: Db, rng: Rng, w: World, some: (p: number) => string[]): Promise<void> {
  const ds = await db.select({ id: caseDispatches.id }).from(caseDispatches);
  const someDispatches = (p: number) => ds.filter(() => rng.chance(p)).map((d) => d.id);
  await db
    .update(caseDispatches)
    .set({ doneAt: sql`now() - interval '200 days'` })
    .where(inArray(caseDispatches.id, someDispatches(0.2)));
  await db
    .update(caseDispatches)
    .set({ doneAt: null })
    .where(inArray(caseDispatches.id, someDispatches(0.1)));
  await db.delete(caseDispatches).where(inArray(caseDispatches.id, someDispatches(0.1)));
  // Re-dispatch as dispatchToUnits does: INSERT … ON CONFLICT DO UPDATE (fires both the insert and the update trigger).
  const again = some(0.1).flatMap((caseId) =>
    w.units.map((unitId) => ({
      caseId,
      unitId,
      dispatchedAt: at('2026-03-01'),
      responseDueAt: at('2026-03-02'),
      doneAt: rng.chance(0.5) ? at('2026-03-05') : null,
    })),
  );
  if (again.length) {
    await db
      .insert(caseDispatches)
      .values(again)
      .onConflictDoUpdate({
        target: [caseDispatches.caseId, caseDispatches.unitId],
        set: { doneAt: sql`excluded.done_at`, status: 'pending' },
      });
  }
}

export let ctx: TestContext;
export let world: World;
export let data: { cases: CaseRow[]; dispatches: DispatchRow[] };
export const actors: Record<string, Actor> = {};

export function setupRandomStats(): void {
  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    const w = ctx.world;
    const gridRows = await db
      .select({ id: grids.id, code: grids.code, level: grids.level, communityId: grids.communityId })
      .from(grids);
    world = {
      grids: gridRows,
      units: [w.unit1.id, w.unit2.id],
      communities: [w.communityA.id, w.communityB.id],
      reporters: [
        { userId: null, personId: null },
        { userId: null, personId: null },
        { userId: null, personId: null },
        { userId: w.users.hangdong.id, personId: null },
        { userId: w.users.unit01.id, personId: null },
        { userId: w.users.grid01.id, personId: w.people.gridWorkerPerson.id },
        { userId: null, personId: w.people.gridWorkerPerson.id },
        { userId: w.users.resident01.id, personId: w.people.residentA.id },
      ],
    };
    const rng = createRng(4242);
    const generated = randomCases(rng, world, 500);
    await insertCases(db, generated.rows, generated.dispatches);
    await mutate(db, rng, world);
    data = { cases: await db.select().from(cases), dispatches: await db.select().from(caseDispatches) };
    for (const u of ['admin', 'hangdong', 'sanfeng', 'grid01', 'unit01']) actors[u] = await actorFor(db, u);
  });
  afterAll(async () => {
    await ctx?.close();
  });
}
