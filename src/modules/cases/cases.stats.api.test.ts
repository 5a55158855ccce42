import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, expectError, expectOk } from '../../../test/http.js';
import type { Actor } from '../../core/auth/actor.js';
import { rowsOf } from '../../core/bulk.js';
import { localDayOf, localInstant } from '../../core/calendar.js';
import type { Db } from '../../core/db.js';
import { roleBindings, users } from '../auth/auth.schema.js';
import { grids } from '../grid/grid.schema.js';
import { createRng, type Rng } from '../../seed/rng.js';
import { caseDispatches, cases } from './cases.schema.js';
import { type CaseStatsQuery, type CaseStats, STATS_GROUP_BY, type StatsRow, ZCaseStatsQuery } from './cases.stats.contracts.js';
import { caseStats, COUNTER_KEYS, type Counters, emptyCounters, statsRow } from './cases.stats.js';
import { foldCaseStats } from './cases.stats.rollup.js';

type CaseInsert = typeof cases.$inferInsert;
type DispatchInsert = typeof caseDispatches.$inferInsert;
type CaseRow = typeof cases.$inferSelect;
type DispatchRow = typeof caseDispatches.$inferSelect;

const at = (day: string, time = '10:00') => localInstant(day, time);
let numbers = 0;

function caseRow(p: Partial<CaseInsert> & Pick<CaseInsert, 'gridId' | 'communityId' | 'reportedAt'>): CaseInsert {
  numbers += 1;
  const reported = p.reportedAt as Date;
  return {
    id: randomUUID(), number: `T${numbers}`, channel: 'hall', title: '测试', description: '测试事项', categoryCode: 'environment.garbage',
    priority: 'ordinary', responseDueAt: new Date(reported.getTime() + 86_400_000), resolutionDueAt: new Date(reported.getTime() + 7 * 86_400_000),
    ...p,
  };
}

async function insertCases(db: Db, rows: CaseInsert[], dispatches: DispatchInsert[] = []): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insert(cases).values(rows.slice(i, i + 200));
  for (let i = 0; i < dispatches.length; i += 200) await db.insert(caseDispatches).values(dispatches.slice(i, i + 200));
}

async function actorFor(db: Db, username: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const bindings = await db.select({ role: roleBindings.role, scopeOrgId: roleBindings.scopeOrgId, scopeGridId: roleBindings.scopeGridId })
    .from(roleBindings).where(eq(roleBindings.userId, u.id));
  return { userId: u.id, username, displayName: u.displayName, personId: u.personId, locale: 'zh-CN', bindings, ip: null, requestId: null };
}

const query = (q: Record<string, string | number> = {}): CaseStatsQuery => ZCaseStatsQuery.parse(q);

// ---------------------------------------------------------------------------------------------------------------

describe('the definitions, on a small hand-built fixture (March 2026)', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  const get = async (qs: string, as = 'admin') => expectOk<CaseStats>(await api(ctx)('GET', `/api/cases/stats?${qs}`, { as }));

  beforeAll(async () => {
    ctx = await createTestContext();
    const w = ctx.world;
    const A = { gridId: w.grids.gA111.id, communityId: w.communityA.id };
    const A2 = { gridId: w.grids.gA2.id, communityId: w.communityA.id };
    const B = { gridId: w.grids.gB1.id, communityId: w.communityB.id };
    const rows: Record<string, CaseInsert> = {
      // on time all the way, rated satisfied in March
      onTime: caseRow({ ...A, reportedAt: at('2026-03-02'), responseDueAt: at('2026-03-03'), acknowledgedAt: at('2026-03-03', '09:00'),
        resolutionDueAt: at('2026-03-10'), resolvedAt: at('2026-03-09'), status: 'rated', satisfaction: 'satisfied', ratedAt: at('2026-03-12') }),
      // acknowledged an hour late; resolved after its limit (in April); rated in April
      late: caseRow({ ...A2, reportedAt: at('2026-03-05'), responseDueAt: at('2026-03-06', '10:00'), acknowledgedAt: at('2026-03-06', '11:00'),
        resolutionDueAt: at('2026-03-20'), resolvedAt: at('2026-04-02'), status: 'rated', satisfaction: 'basically_satisfied', ratedAt: at('2026-04-05') }),
      // never acknowledged, never resolved
      open: caseRow({ ...A, reportedAt: at('2026-03-10'), responseDueAt: at('2026-03-11'), resolutionDueAt: at('2026-03-25'), status: 'reported' }),
      // rejected: raised, but no limits fall due
      rejected: caseRow({ ...A, reportedAt: at('2026-03-12'), responseDueAt: at('2026-03-13'), resolutionDueAt: at('2026-03-20'), status: 'rejected' }),
      // 三凤: acknowledged on time, resolution limit in April
      sanfeng: caseRow({ ...B, reportedAt: at('2026-03-15'), responseDueAt: at('2026-03-16'), acknowledgedAt: at('2026-03-15', '15:00'),
        resolutionDueAt: at('2026-04-15'), status: 'acknowledged' }),
      // 三凤: reported in February, limit and resolution and rating in March
      february: caseRow({ ...B, reportedAt: at('2026-02-20'), responseDueAt: at('2026-02-23'), acknowledgedAt: at('2026-02-21'),
        resolutionDueAt: at('2026-03-05'), resolvedAt: at('2026-03-04'), status: 'rated', satisfaction: 'basically_satisfied', ratedAt: at('2026-03-06') }),
      // 群众吹哨 to unit 1, done in March
      residentWhistle: caseRow({ ...A, reportedAt: at('2026-03-04'), whistle: 'resident', responseDueAt: at('2026-03-05'), acknowledgedAt: at('2026-03-04', '15:00'),
        resolutionDueAt: at('2026-03-14'), resolvedAt: at('2026-03-08'), status: 'rated', satisfaction: 'satisfied', ratedAt: at('2026-03-09') }),
      // 社区吹哨 to units 1 and 2, both done; rated unsatisfied
      communityWhistle: caseRow({ ...A2, channel: 'community_whistle', whistle: 'community', reportedAt: at('2026-03-16'), responseDueAt: at('2026-03-17'),
        acknowledgedAt: at('2026-03-16', '16:00'), resolutionDueAt: at('2026-03-25'), resolvedAt: at('2026-03-18'), status: 'rated',
        satisfaction: 'unsatisfied', ratedAt: at('2026-03-20') }),
    };
    // a duplicate merged into the first: counts nowhere
    rows.merged = caseRow({ ...A, reportedAt: at('2026-03-03'), responseDueAt: at('2026-03-04'), resolutionDueAt: at('2026-03-11'), status: 'rated',
      mergedIntoId: rows.onTime.id, acknowledgedAt: at('2026-03-05'), resolvedAt: at('2026-03-09'), satisfaction: 'unsatisfied', ratedAt: at('2026-03-12') });
    for (const [k, r] of Object.entries(rows)) ids[k] = r.id as string;
    const dispatch = (caseId: string, unitId: string, doneAt: Date): DispatchInsert => ({
      caseId, unitId, dispatchedAt: at('2026-03-04', '11:00'), responseDueAt: at('2026-03-05'), status: 'done', doneAt,
    });
    await insertCases(ctx.database.db, Object.values(rows), [
      dispatch(ids.residentWhistle, w.unit1.id, at('2026-03-08')),
      dispatch(ids.communityWhistle, w.unit1.id, at('2026-03-18')),
      dispatch(ids.communityWhistle, w.unit2.id, at('2026-03-18', '11:00')),
      // merged cases' dispatches count nowhere either
      dispatch(ids.merged, w.unit2.id, at('2026-03-09')),
    ]);
  });
  afterAll(async () => { await ctx?.close(); });

  const MARCH = 'from=2026-03-01&to=2026-03-31';

  it('counts and rates for the county: response on time ÷ due, resolved (now) ÷ due, (satisfied + basic) ÷ rated', async () => {
    const s = await get(MARCH);
    expect(s).toMatchObject({ from: '2026-03-01', to: '2026-03-31', groupBy: null, basicWeight: 1, groups: [] });
    expect(s.totals).toEqual({
      raised: 7, residentWhistles: 1, communityWhistles: 1, resolved: 4, overdue: 2, dispatchesDone: 3,
      responseRate: 4 / 6, resolutionRate: 5 / 6, satisfactionRate: 3 / 4, composite: 0.1 * (4 / 6) + 0.5 * (5 / 6) + 0.4 * (3 / 4),
      basis: { responseDue: 6, respondedOnTime: 4, resolutionDue: 6, resolvedOfDue: 5, resolvedOnTime: 4, rated: 4, satisfied: 2, basicallySatisfied: 1 },
    } satisfies StatsRow);
  });

  it('基本满意 counts with the configured weight; the composite takes the configured weights', async () => {
    const s = await get(`${MARCH}&basicWeight=0.9&responseWeight=0.2&resolutionWeight=0.3&satisfactionWeight=0.5`);
    expect(s.totals.satisfactionRate).toBeCloseTo((2 + 0.9) / 4, 15);
    expect(s.totals.composite).toBeCloseTo((0.2 * (4 / 6) + 0.3 * (5 / 6) + 0.5 * (2.9 / 4)) / 1.0, 15);
    expect(s.weights).toEqual({ response: 0.2, resolution: 0.3, satisfaction: 0.5 });
  });

  it('a period with nothing due or rated has null rates (never NaN), and a null composite', async () => {
    const s = await get('from=2026-02-20&to=2026-02-20');
    expect(s.totals).toMatchObject({ raised: 1, resolved: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, composite: null });
    const empty = await get('from=2025-01-01&to=2025-01-31');
    expect(empty.totals.raised).toBe(0);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
  });

  it('the composite renormalises over the rates that exist', async () => {
    // April: 'late' was rated (basically satisfied), nothing fell due before 04-15 except 三凤's resolution limit.
    const s = await get('from=2026-04-01&to=2026-04-14');
    expect(s.totals).toMatchObject({ responseRate: null, resolutionRate: null, satisfactionRate: 1, composite: 1 });
  });

  it('groups by community, grid, unit, category, month and channel, each summing to the totals where a case has one group', async () => {
    const w = ctx.world;
    const byCommunity = await get(`${MARCH}&groupBy=community`);
    expect(byCommunity.groups.map((g) => [g.name, g.raised, g.resolved])).toEqual([['杭东社区', 6, 3], ['三凤社区', 1, 1]]);
    const byGrid = await get(`${MARCH}&groupBy=grid`);
    expect(byGrid.groups.map((g) => [g.key, g.raised])).toEqual([[w.grids.gA1.id, 4], [w.grids.gA2.id, 2], [w.grids.gB1.id, 1]]);
    const inGA1 = await get(`${MARCH}&groupBy=grid&gridId=${w.grids.gA1.id}`);
    expect(inGA1.groups.map((g) => [g.key, g.raised])).toEqual([[w.grids.gA11.id, 4]]);
    const byUnit = await get(`${MARCH}&groupBy=unit`);
    expect(byUnit.groups.map((g) => [g.name, g.raised, g.dispatchesDone])).toEqual([['县司法局党组', 2, 2], ['县卫健局党组', 1, 1]]);
    expect(byUnit.totals.raised).toBe(7);
    const byChannel = await get(`${MARCH}&groupBy=channel`);
    expect(byChannel.groups.map((g) => [g.key, g.name, g.raised])).toEqual([['hall', '居民说事厅', 6], ['community_whistle', '社区吹哨', 1]]);
    const byMonth = await get('from=2026-02-01&to=2026-04-30&groupBy=month');
    expect(byMonth.groups.map((g) => [g.key, g.raised, g.basis.responseDue])).toEqual([['2026-02', 1, 1], ['2026-03', 7, 6], ['2026-04', 0, 0]]);
    const byCategory = await get(`${MARCH}&groupBy=category`);
    expect(byCategory.groups).toHaveLength(1);
    expect(byCategory.groups[0]).toMatchObject({ key: 'environment.garbage', name: '垃圾清运与分类', raised: 7 });
    const en = expectOk<CaseStats>(await api(ctx)('GET', `/api/cases/stats?${MARCH}&groupBy=category`, { as: 'admin', headers: { 'accept-language': 'en' } }));
    expect(en.groups[0].name).not.toBe('垃圾清运与分类');
  });

  it('filters by whistle: the 吹哨报到 rates', async () => {
    const s = await get(`${MARCH}&whistle=any`);
    expect(s.totals).toMatchObject({ raised: 2, residentWhistles: 1, communityWhistles: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 0.5, dispatchesDone: 3 });
    expect((await get(`${MARCH}&whistle=none`)).totals.raised).toBe(5);
  });

  it('a limit later than now has not fallen due yet', async () => {
    const db = ctx.database.db;
    const admin = await actorFor(db, 'admin');
    // 2026-03-11 12:00: 'open' (response limit 03-11 10:00) is due and late; the rest of March's limits are not due yet.
    const mid = await caseStats({ db, actor: admin, query: query({ from: '2026-03-01', to: '2026-03-31' }), now: at('2026-03-11', '12:00') });
    expect(mid.totals.basis).toMatchObject({ responseDue: 4, respondedOnTime: 2, resolutionDue: 2, resolvedOfDue: 2 });
    const before = await caseStats({ db, actor: admin, query: query({ from: '2026-03-01', to: '2026-03-31' }), now: at('2026-03-11', '09:59') });
    expect(before.totals.basis.responseDue).toBe(3);
    const direct = await caseStats({ db, actor: admin, query: query({ from: '2026-03-01', to: '2026-03-31' }), now: at('2026-03-11', '12:00'), mode: 'direct' });
    expect(direct.totals).toEqual(mid.totals);
    expect([mid.source, direct.source]).toEqual(['rollup', 'direct']);
  });

  it('a community admin sees only their community; a unit only what was dispatched to it; a grid worker their grids', async () => {
    const hangdong = await get(`${MARCH}&groupBy=community`, 'hangdong');
    expect(hangdong.groups.map((g) => g.name)).toEqual(['杭东社区']);
    expect(hangdong.totals.raised).toBe(6);
    const other = await get(`${MARCH}&communityId=${ctx.world.communityB.id}`, 'hangdong');
    expect(other.totals.raised).toBe(0);
    const sanfeng = await get(MARCH, 'sanfeng');
    expect(sanfeng.totals.raised).toBe(1);
    const unit = await get(`${MARCH}&groupBy=unit`, 'unit01');
    expect(unit.totals).toMatchObject({ raised: 2, dispatchesDone: 2 });
    expect(unit.groups.map((g) => g.name)).toEqual(['县司法局党组']);
    const grid = await get(MARCH, 'grid01');
    expect(grid.totals.raised).toBe(4);
  });

  it('residents and members may not read statistics; anonymous callers must log in', async () => {
    expectError(await api(ctx)('GET', `/api/cases/stats?${MARCH}`, { as: 'resident01' }), 403, 'FORBIDDEN');
    expectError(await api(ctx)('GET', `/api/cases/stats?${MARCH}`, { as: 'member01' }), 403, 'FORBIDDEN');
    expectError(await api(ctx)('GET', `/api/cases/stats?${MARCH}`), 401, 'UNAUTHENTICATED');
  });

  it('rejects a bad period, an unknown groupBy, weights out of range, unknown parameters and wrong ids', async () => {
    const w = ctx.world;
    for (const qs of [
      'from=2026-04-01&to=2026-03-01', 'from=2021-01-01&to=2026-01-01', 'from=2026-02-30', 'from=2026/03/01', 'groupBy=street',
      'basicWeight=1.5', 'basicWeight=-0.1', 'responseWeight=0&resolutionWeight=0&satisfactionWeight=0', 'sort=raised',
      `gridId=${randomUUID()}`, `communityId=${w.unit1.id}`, `unitId=${w.communityA.id}`, 'communityId=abc',
    ]) {
      expectError(await api(ctx)('GET', `/api/cases/stats?${qs}`, { as: 'admin' }), 400, 'VALIDATION_FAILED');
    }
    expect((await get('from=2021-01-01&to=2025-12-31')).from).toBe('2021-01-01');
  });

  it('defaults to this year up to today', async () => {
    const s = await get('');
    const today = localDayOf(new Date());
    expect(s).toMatchObject({ from: `${today.slice(0, 4)}-01-01`, to: today });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Random data: the rollup path, the direct path and a plain TypeScript recomputation agree.

interface World {
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
const later = (rng: Rng, from: Date, maxDays: number) => new Date(from.getTime() + Math.floor(rng.next() * maxDays * 86_400_000));

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
    const satisfaction = resolvedAt ? maybe(rng, 0.7, () => rng.pick(['satisfied', 'basically_satisfied', 'unsatisfied'] as const)) : null;
    const reporter = rng.pick(w.reporters);
    const row = caseRow({
      gridId: grid.id, communityId: grid.communityId, reportedAt, channel, categoryCode: rng.pick(CATEGORIES),
      whistle: dispatched ? (channel === 'community_whistle' ? 'community' : 'resident') : null,
      status: rng.chance(0.08) ? 'rejected' : resolvedAt ? 'resolved' : 'accepted',
      responseDueAt, resolutionDueAt, acknowledgedAt: maybe(rng, 0.85, () => later(rng, reportedAt, 2)), resolvedAt,
      satisfaction, ratedAt: satisfaction && resolvedAt ? later(rng, resolvedAt, 5) : null,
      reporterUserId: reporter.userId, reporterPersonId: reporter.personId,
      mergedIntoId: rows.length && rng.chance(0.05) ? rng.pick(rows).id : null,
    });
    rows.push(row);
    if (dispatched) {
      for (const unitId of rng.shuffle(w.units).slice(0, rng.int(1, w.units.length))) {
        dispatches.push({ caseId: row.id as string, unitId, dispatchedAt: reportedAt, responseDueAt, doneAt: maybe(rng, 0.6, () => later(rng, reportedAt, 20)) });
      }
    }
  }
  return { rows, dispatches };
}

/** Writes through every trigger: multi-row updates of each counted field, merges, moves, dispatch upserts, deletes. */
async function mutate(db: Db, rng: Rng, w: World): Promise<void> {
  const all = await db.select({ id: cases.id }).from(cases);
  const some = (p: number) => all.filter(() => rng.chance(p)).map((r) => r.id);
  await db.update(cases).set({ acknowledgedAt: sql`${cases.acknowledgedAt} + interval '30 hours'` }).where(inArray(cases.id, some(0.2)));
  await db.update(cases).set({ resolvedAt: null, satisfaction: null, ratedAt: null, status: 'reopened' }).where(inArray(cases.id, some(0.1)));
  await db.update(cases).set({ resolvedAt: sql`${cases.reportedAt} + interval '50 hours'`, status: 'resolved' }).where(inArray(cases.id, some(0.1)));
  await db.update(cases).set({ status: 'rejected' }).where(inArray(cases.id, some(0.05)));
  await db.update(cases).set({ categoryCode: 'property.elevator', resolutionDueAt: sql`${cases.resolutionDueAt} - interval '3 days'` }).where(inArray(cases.id, some(0.1)));
  await db.update(cases).set({ satisfaction: 'basically_satisfied', ratedAt: sql`${cases.reportedAt} + interval '9 days'` }).where(inArray(cases.id, some(0.1)));
  const target = rng.pick(w.grids);
  await db.update(cases).set({ gridId: target.id, communityId: target.communityId }).where(inArray(cases.id, some(0.08)));
  const main = rng.pick(all).id;
  await db.update(cases).set({ mergedIntoId: main }).where(inArray(cases.id, some(0.04).filter((id) => id !== main)));
  await db.update(cases).set({ mergedIntoId: null }).where(inArray(cases.id, some(0.02)));
  await db.update(cases).set({ whistle: 'resident' }).where(inArray(cases.id, some(0.05)));
  const ds = await db.select({ id: caseDispatches.id }).from(caseDispatches);
  await db.update(caseDispatches).set({ doneAt: sql`now() - interval '200 days'` }).where(inArray(caseDispatches.id, ds.filter(() => rng.chance(0.2)).map((d) => d.id)));
  await db.update(caseDispatches).set({ doneAt: null }).where(inArray(caseDispatches.id, ds.filter(() => rng.chance(0.1)).map((d) => d.id)));
  await db.delete(caseDispatches).where(inArray(caseDispatches.id, ds.filter(() => rng.chance(0.1)).map((d) => d.id)));
  // Re-dispatch as dispatchToUnits does: INSERT … ON CONFLICT DO UPDATE (fires both the insert and the update trigger).
  const again = some(0.1).flatMap((caseId) => w.units.map((unitId) => ({
    caseId, unitId, dispatchedAt: at('2026-03-01'), responseDueAt: at('2026-03-02'), doneAt: rng.chance(0.5) ? at('2026-03-05') : null,
  })));
  if (again.length) {
    await db.insert(caseDispatches).values(again).onConflictDoUpdate({
      target: [caseDispatches.caseId, caseDispatches.unitId], set: { doneAt: sql`excluded.done_at`, status: 'pending' },
    });
  }
  const gone = some(0.03);
  await db.update(cases).set({ mergedIntoId: null }).where(inArray(cases.mergedIntoId, gone));
  await db.delete(caseDispatches).where(inArray(caseDispatches.caseId, gone));
  await db.delete(cases).where(inArray(cases.id, gone));
}

/** The definitions of docs/CASES.md, straight over the rows. */
function oracle(opts: {
  cases: CaseRow[]; dispatches: DispatchRow[]; grids: World['grids']; from: string; to: string; now: Date;
  visible: (c: CaseRow, dispatchedTo: Set<string>) => boolean; filters: { communityId?: string; gridCode?: string; unitId?: string; whistle?: string };
  unitLens: string[] | null; groupBy: string; gridLevel: number;
}): { totals: Counters; groups: Map<string, Counters> } {
  const fromStart = localInstant(opts.from).getTime();
  const toEnd = localInstant(opts.to).getTime() + 86_400_000;
  const today = localDayOf(opts.now);
  const eventsEnd = Math.min(toEnd, localInstant(today).getTime() + 86_400_000);
  const dueEnd = Math.min(toEnd, opts.now.getTime());
  const inEvents = (d: Date | null) => d !== null && d.getTime() >= fromStart && d.getTime() < eventsEnd;
  const inDue = (d: Date) => d.getTime() >= fromStart && d.getTime() < dueEnd;
  const gridById = new Map(opts.grids.map((g) => [g.id, g]));
  const byCase = new Map<string, DispatchRow[]>();
  for (const d of opts.dispatches) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d]);
  const totals = emptyCounters();
  const groups = new Map<string, Counters>();
  const add = (keys: string[], k: keyof Counters, whistle: string | null) => {
    for (const key of keys) {
      const g = groups.get(key) ?? emptyCounters();
      g[k] += 1;
      if (k === 'raised' && whistle === 'resident') g.residentWhistles += 1;
      if (k === 'raised' && whistle === 'community') g.communityWhistles += 1;
      groups.set(key, g);
    }
  };
  const f = opts.filters;
  for (const c of opts.cases) {
    if (c.mergedIntoId) continue;
    const ds = byCase.get(c.id) ?? [];
    const units = new Set(ds.map((d) => d.unitId));
    if (!opts.visible(c, units)) continue;
    const grid = gridById.get(c.gridId)!;
    if (f.communityId && c.communityId !== f.communityId) continue;
    if (f.gridCode && !grid.code.startsWith(f.gridCode)) continue;
    if (f.unitId && !units.has(f.unitId)) continue;
    if (f.whistle === 'any' ? c.whistle === null : f.whistle === 'none' ? c.whistle !== null : f.whistle ? c.whistle !== f.whistle : false) continue;
    const ancestor = opts.grids.find((g) => g.code === grid.code.slice(0, 6 + 3 * opts.gridLevel))!;
    const lensUnits = [...units].filter((u) => !opts.unitLens || opts.unitLens.includes(u));
    const keysAt = (d: Date, unit?: string): string[] => {
      switch (opts.groupBy) {
        case 'community': return [c.communityId];
        case 'grid': return [ancestor.id];
        case 'category': return [c.categoryCode];
        case 'channel': return [c.channel];
        case 'month': return [localDayOf(d).slice(0, 7)];
        case 'unit': return unit ? [unit] : lensUnits;
        default: return [''];
      }
    };
    const count = (d: Date, k: keyof Counters, unit?: string) => {
      totals[k] += 1;
      if (k === 'raised' && c.whistle === 'resident') totals.residentWhistles += 1;
      if (k === 'raised' && c.whistle === 'community') totals.communityWhistles += 1;
      add(keysAt(d, unit), k, c.whistle);
    };
    if (inEvents(c.reportedAt)) count(c.reportedAt, 'raised');
    if (c.resolvedAt && inEvents(c.resolvedAt)) count(c.resolvedAt, 'resolved');
    if (c.satisfaction && c.ratedAt && inEvents(c.ratedAt)) {
      count(c.ratedAt, 'rated');
      if (c.satisfaction === 'satisfied') count(c.ratedAt, 'satisfied');
      if (c.satisfaction === 'basically_satisfied') count(c.ratedAt, 'basicallySatisfied');
    }
    if (c.status !== 'rejected' && inDue(c.responseDueAt)) {
      count(c.responseDueAt, 'responseDue');
      if (c.acknowledgedAt && c.acknowledgedAt.getTime() <= c.responseDueAt.getTime()) count(c.responseDueAt, 'respondedOnTime');
    }
    if (c.status !== 'rejected' && inDue(c.resolutionDueAt)) {
      count(c.resolutionDueAt, 'resolutionDue');
      if (c.resolvedAt) count(c.resolutionDueAt, 'resolvedOfDue');
      if (c.resolvedAt && c.resolvedAt.getTime() <= c.resolutionDueAt.getTime()) count(c.resolutionDueAt, 'resolvedOnTime');
    }
    for (const d of ds) {
      if (d.doneAt && inEvents(d.doneAt) && (!opts.unitLens || opts.unitLens.includes(d.unitId))) count(d.doneAt, 'dispatchesDone', d.unitId);
    }
  }
  for (const [k, g] of groups) if (COUNTER_KEYS.every((x) => g[x] === 0)) groups.delete(k);
  return { totals, groups };
}

const countersOf = (r: StatsRow): Counters => ({
  raised: r.raised, residentWhistles: r.residentWhistles, communityWhistles: r.communityWhistles, resolved: r.resolved, rated: r.basis.rated,
  satisfied: r.basis.satisfied, basicallySatisfied: r.basis.basicallySatisfied, dispatchesDone: r.dispatchesDone, responseDue: r.basis.responseDue,
  respondedOnTime: r.basis.respondedOnTime, resolutionDue: r.basis.resolutionDue, resolvedOfDue: r.basis.resolvedOfDue, resolvedOnTime: r.basis.resolvedOnTime,
});

/** The nonzero rollup rows of `from` (case_stats alone, or summed with what waits in case_stats_pending), by key. */
const NONZERO_ROLLUP = (from: SQL) => sql`select kind, grain, to_char(bucket, 'YYYY-MM-DD') as bucket, community_id::text as community_id, whistle, dim,
  sum(raised)::int as raised, sum(resident_whistles)::int as resident_whistles, sum(community_whistles)::int as community_whistles,
  sum(resolved)::int as resolved, sum(rated)::int as rated, sum(satisfied)::int as satisfied, sum(basically_satisfied)::int as basically_satisfied,
  sum(dispatches_done)::int as dispatches_done, sum(response_due)::int as response_due, sum(responded_on_time)::int as responded_on_time,
  sum(resolution_due)::int as resolution_due, sum(resolved_of_due)::int as resolved_of_due, sum(resolved_on_time)::int as resolved_on_time
  from ${from}
  group by 1, 2, 3, 4, 5, 6
  having sum(raised) <> 0 or sum(resident_whistles) <> 0 or sum(community_whistles) <> 0 or sum(resolved) <> 0 or sum(rated) <> 0 or sum(satisfied) <> 0
    or sum(basically_satisfied) <> 0 or sum(dispatches_done) <> 0 or sum(response_due) <> 0 or sum(responded_on_time) <> 0 or sum(resolution_due) <> 0 or sum(resolved_of_due) <> 0 or sum(resolved_on_time) <> 0
  order by 1, 2, 3, 4, 5, 6`;

describe('the rollup on random data', () => {
  let ctx: TestContext;
  let world: World;
  let data: { cases: CaseRow[]; dispatches: DispatchRow[] };
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    const db = ctx.database.db;
    const w = ctx.world;
    const gridRows = await db.select({ id: grids.id, code: grids.code, level: grids.level, communityId: grids.communityId }).from(grids);
    world = {
      grids: gridRows, units: [w.unit1.id, w.unit2.id], communities: [w.communityA.id, w.communityB.id],
      reporters: [
        { userId: null, personId: null }, { userId: null, personId: null }, { userId: null, personId: null },
        { userId: w.users.hangdong.id, personId: null }, { userId: w.users.unit01.id, personId: null },
        { userId: w.users.grid01.id, personId: w.people.gridWorkerPerson.id }, { userId: null, personId: w.people.gridWorkerPerson.id },
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
  afterAll(async () => { await ctx?.close(); });

  it('gives the same counts as the direct path and as a plain recomputation, for every role, grouping, filter and clock; rates stay in [0, 1]', async () => {
    const db = ctx.database.db;
    const w = ctx.world;
    const visible: Record<string, (c: CaseRow, units: Set<string>) => boolean> = {
      admin: () => true,
      hangdong: (c) => c.communityId === w.communityA.id || c.reporterUserId === w.users.hangdong.id,
      sanfeng: (c) => c.communityId === w.communityB.id || c.reporterUserId === w.users.sanfeng.id,
      grid01: (c) => world.grids.find((g) => g.id === c.gridId)!.code.startsWith(w.grids.gA1.code)
        || c.reporterUserId === w.users.grid01.id || c.reporterPersonId === w.people.gridWorkerPerson.id,
      unit01: (c, units) => units.has(w.unit1.id) || c.reporterUserId === w.users.unit01.id,
    };
    const gridChoices = [w.grids.gA, w.grids.gA1, w.grids.gA11, w.grids.gB1];
    const arb = fc.record({
      actor: fc.constantFrom('admin', 'hangdong', 'sanfeng', 'grid01', 'unit01'),
      groupBy: fc.constantFrom('none', ...STATS_GROUP_BY),
      from: fc.integer({ min: 0, max: 200 }),
      length: fc.integer({ min: 0, max: 240 }),
      now: fc.integer({ min: 0, max: 260 * 24 }),
      community: fc.constantFrom(null, null, null, w.communityA.id, w.communityB.id),
      grid: fc.constantFrom(null, null, null, null, ...gridChoices),
      unit: fc.constantFrom(null, null, null, null, w.unit1.id, w.unit2.id),
      whistle: fc.constantFrom(null, null, null, 'any', 'resident', 'community', 'none'),
      basicWeight: fc.constantFrom(1, 0.9, 0),
    });
    const dayAfter = (n: number) => localDayOf(new Date(at('2025-11-20', '12:00').getTime() + n * 86_400_000));
    let rollupRuns = 0;
    await fc.assert(fc.asyncProperty(arb, async (p) => {
      const from = dayAfter(p.from);
      const to = dayAfter(p.from + p.length);
      const now = new Date(at('2025-12-01', '00:00').getTime() + p.now * 3_600_000 + 17 * 60_000);
      const q = query({
        from, to, basicWeight: p.basicWeight, ...(p.groupBy === 'none' ? {} : { groupBy: p.groupBy }),
        ...(p.community ? { communityId: p.community } : {}), ...(p.grid ? { gridId: p.grid.id } : {}),
        ...(p.unit ? { unitId: p.unit } : {}), ...(p.whistle ? { whistle: p.whistle } : {}),
      });
      const fast = await caseStats({ db, actor: actors[p.actor], query: q, now });
      const direct = await caseStats({ db, actor: actors[p.actor], query: q, now, mode: 'direct' });
      if (fast.source === 'rollup') rollupRuns += 1;
      expect(direct.source).toBe('direct');
      expect(fast.totals).toEqual(direct.totals);
      expect(fast.groups).toEqual(direct.groups);
      const expected = oracle({
        ...data, grids: world.grids, from, to, now, visible: visible[p.actor], groupBy: p.groupBy,
        filters: { communityId: p.community ?? undefined, gridCode: p.grid?.code, unitId: p.unit ?? undefined, whistle: p.whistle ?? undefined },
        unitLens: p.unit ? [p.unit] : p.actor === 'unit01' ? [w.unit1.id] : null,
        gridLevel: p.grid ? Math.min(4, p.grid.level + 1) : 2,
      });
      expect(countersOf(fast.totals)).toEqual(expected.totals);
      if (p.groupBy !== 'none') {
        expect(Object.fromEntries(fast.groups.map((g) => [g.key, countersOf(g)]))).toEqual(Object.fromEntries(expected.groups));
      }
      for (const row of [fast.totals, ...fast.groups]) {
        for (const r of [row.responseRate, row.resolutionRate, row.satisfactionRate, row.composite]) {
          if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
        }
        expect(row).toMatchObject(statsRow(countersOf(row), { basic: p.basicWeight, response: 0.1, resolution: 0.5, satisfaction: 0.4 }));
      }
    }), { numRuns: 120, seed: 20260723 });
    expect(rollupRuns).toBeGreaterThan(40);
  });
  // After the property above, which read the rollup while the inserted cases' counts still waited in
  // case_stats_pending (and the updates and deletes had already gone to case_stats).
  it('kept by the triggers through inserts, updates, merges, moves and deletes, folds without changing a count, and equals a rebuild from scratch', async () => {
    const db = ctx.database.db;
    const pendingRows = async () => (await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from case_stats_pending`))[0].n;
    expect(await pendingRows()).toBeGreaterThan(0);
    const summed = await rowsOf(db, NONZERO_ROLLUP(sql`(select * from case_stats union all select * from case_stats_pending) s`));
    expect(summed.length).toBeGreaterThan(500);
    expect(await foldCaseStats({ db })).toBeGreaterThan(0);
    expect(await pendingRows()).toBe(0);
    const kept = await rowsOf(db, NONZERO_ROLLUP(sql`case_stats s`));
    expect(kept).toEqual(summed);
    expect(await foldCaseStats({ db })).toBe(0);
    await db.execute(sql`select case_stats_rebuild()`);
    expect(await rowsOf(db, NONZERO_ROLLUP(sql`case_stats s`))).toEqual(kept);
  });
});
