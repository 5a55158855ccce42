import { clock } from '../../../core/clock.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import {
  actorFor,
  at,
  type CaseInsert,
  caseRow,
  type DispatchInsert,
  insertCases,
  query,
} from '../../../../test/cases-stats.js';
import { api, expectError, expectOk } from '../../../../test/http.js';
import { type CaseStats, type StatsRow } from './stats.contracts.js';
import { caseStats } from './stats.js';

describe('the definitions, on a small hand-built fixture (March 2026)', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};
  const get = async (qs: string, as = 'admin') =>
    expectOk<CaseStats>(await api(ctx)('GET', `/api/cases/stats?${qs}`, { as }));

  beforeAll(async () => {
    ctx = await createTestContext();
    const w = ctx.world;
    const A = { gridId: w.grids.gA111.id, communityId: w.communityA.id };
    const A2 = { gridId: w.grids.gA2.id, communityId: w.communityA.id };
    const B = { gridId: w.grids.gB1.id, communityId: w.communityB.id };
    const rows: Record<string, CaseInsert> = {
      // on time all the way, rated satisfied in March
      onTime: caseRow({
        ...A,
        reportedAt: at('2026-03-02'),
        responseDueAt: at('2026-03-03'),
        acknowledgedAt: at('2026-03-03', '09:00'),
        resolutionDueAt: at('2026-03-10'),
        resolvedAt: at('2026-03-09'),
        status: 'rated',
        satisfaction: 'satisfied',
        ratedAt: at('2026-03-12'),
      }),
      // acknowledged an hour late; resolved after its limit (in April); rated in April
      late: caseRow({
        ...A2,
        reportedAt: at('2026-03-05'),
        responseDueAt: at('2026-03-06', '10:00'),
        acknowledgedAt: at('2026-03-06', '11:00'),
        resolutionDueAt: at('2026-03-20'),
        resolvedAt: at('2026-04-02'),
        status: 'rated',
        satisfaction: 'basically_satisfied',
        ratedAt: at('2026-04-05'),
      }),
      // never acknowledged, never resolved
      open: caseRow({
        ...A,
        reportedAt: at('2026-03-10'),
        responseDueAt: at('2026-03-11'),
        resolutionDueAt: at('2026-03-25'),
        status: 'reported',
      }),
      // rejected: raised, but no limits fall due
      rejected: caseRow({
        ...A,
        reportedAt: at('2026-03-12'),
        responseDueAt: at('2026-03-13'),
        resolutionDueAt: at('2026-03-20'),
        status: 'rejected',
      }),
      // 三凤: acknowledged on time, resolution limit in April
      sanfeng: caseRow({
        ...B,
        reportedAt: at('2026-03-15'),
        responseDueAt: at('2026-03-16'),
        acknowledgedAt: at('2026-03-15', '15:00'),
        resolutionDueAt: at('2026-04-15'),
        status: 'acknowledged',
      }),
      // 三凤: reported in February, limit and resolution and rating in March
      february: caseRow({
        ...B,
        reportedAt: at('2026-02-20'),
        responseDueAt: at('2026-02-23'),
        acknowledgedAt: at('2026-02-21'),
        resolutionDueAt: at('2026-03-05'),
        resolvedAt: at('2026-03-04'),
        status: 'rated',
        satisfaction: 'basically_satisfied',
        ratedAt: at('2026-03-06'),
      }),
      // 群众吹哨 to unit 1, done in March
      residentWhistle: caseRow({
        ...A,
        reportedAt: at('2026-03-04'),
        whistle: 'resident',
        responseDueAt: at('2026-03-05'),
        acknowledgedAt: at('2026-03-04', '15:00'),
        resolutionDueAt: at('2026-03-14'),
        resolvedAt: at('2026-03-08'),
        status: 'rated',
        satisfaction: 'satisfied',
        ratedAt: at('2026-03-09'),
      }),
      // 社区吹哨 to units 1 and 2, both done; rated unsatisfied
      communityWhistle: caseRow({
        ...A2,
        channel: 'community_whistle',
        whistle: 'community',
        reportedAt: at('2026-03-16'),
        responseDueAt: at('2026-03-17'),
        acknowledgedAt: at('2026-03-16', '16:00'),
        resolutionDueAt: at('2026-03-25'),
        resolvedAt: at('2026-03-18'),
        status: 'rated',
        satisfaction: 'unsatisfied',
        ratedAt: at('2026-03-20'),
      }),
    };
    // a duplicate merged into the first: counts nowhere
    rows.merged = caseRow({
      ...A,
      reportedAt: at('2026-03-03'),
      responseDueAt: at('2026-03-04'),
      resolutionDueAt: at('2026-03-11'),
      status: 'rated',
      mergedIntoId: rows.onTime.id,
      acknowledgedAt: at('2026-03-05'),
      resolvedAt: at('2026-03-09'),
      satisfaction: 'unsatisfied',
      ratedAt: at('2026-03-12'),
    });
    for (const [k, r] of Object.entries(rows)) ids[k] = r.id as string;
    const dispatch = (caseId: string, unitId: string, doneAt: Date): DispatchInsert => ({
      caseId,
      unitId,
      dispatchedAt: at('2026-03-04', '11:00'),
      responseDueAt: at('2026-03-05'),
      status: 'done',
      doneAt,
    });
    await insertCases(ctx.database.db, Object.values(rows), [
      dispatch(ids.residentWhistle, w.unit1.id, at('2026-03-08')),
      dispatch(ids.communityWhistle, w.unit1.id, at('2026-03-18')),
      dispatch(ids.communityWhistle, w.unit2.id, at('2026-03-18', '11:00')),
      // merged cases' dispatches count nowhere either
      dispatch(ids.merged, w.unit2.id, at('2026-03-09')),
    ]);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const MARCH = 'from=2026-03-01&to=2026-03-31';

  it('counts and rates for the county: response on time ÷ due, resolved (now) ÷ due, (satisfied + basic) ÷ rated', async () => {
    const s = await get(MARCH);
    expect(s).toMatchObject({ from: '2026-03-01', to: '2026-03-31', groupBy: null, basicWeight: 1, groups: [] });
    expect(s.totals).toEqual({
      raised: 7,
      residentWhistles: 1,
      communityWhistles: 1,
      resolved: 4,
      overdue: 2,
      dispatchesDone: 3,
      responseRate: 4 / 6,
      resolutionRate: 5 / 6,
      satisfactionRate: 3 / 4,
      composite: 0.1 * (4 / 6) + 0.5 * (5 / 6) + 0.4 * (3 / 4),
      basis: {
        responseDue: 6,
        respondedOnTime: 4,
        resolutionDue: 6,
        resolvedOfDue: 5,
        resolvedOnTime: 4,
        rated: 4,
        satisfied: 2,
        basicallySatisfied: 1,
      },
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
    expect(s.totals).toMatchObject({
      raised: 1,
      resolved: 0,
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      composite: null,
    });
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
    expect(byCommunity.groups.map((g) => [g.name, g.raised, g.resolved])).toEqual([
      ['杭东社区', 6, 3],
      ['三凤社区', 1, 1],
    ]);
    const byGrid = await get(`${MARCH}&groupBy=grid`);
    expect(byGrid.groups.map((g) => [g.key, g.raised])).toEqual([
      [w.grids.gA1.id, 4],
      [w.grids.gA2.id, 2],
      [w.grids.gB1.id, 1],
    ]);
    const inGA1 = await get(`${MARCH}&groupBy=grid&gridId=${w.grids.gA1.id}`);
    expect(inGA1.groups.map((g) => [g.key, g.raised])).toEqual([[w.grids.gA11.id, 4]]);
    const byUnit = await get(`${MARCH}&groupBy=unit`);
    expect(byUnit.groups.map((g) => [g.name, g.raised, g.dispatchesDone])).toEqual([
      ['县司法局党组', 2, 2],
      ['县卫健局党组', 1, 1],
    ]);
    expect(byUnit.totals.raised).toBe(7);
    const byChannel = await get(`${MARCH}&groupBy=channel`);
    expect(byChannel.groups.map((g) => [g.key, g.name, g.raised])).toEqual([
      ['hall', '居民说事厅', 6],
      ['community_whistle', '社区吹哨', 1],
    ]);
    const byMonth = await get('from=2026-02-01&to=2026-04-30&groupBy=month');
    expect(byMonth.groups.map((g) => [g.key, g.raised, g.basis.responseDue])).toEqual([
      ['2026-02', 1, 1],
      ['2026-03', 7, 6],
      ['2026-04', 0, 0],
    ]);
    const byCategory = await get(`${MARCH}&groupBy=category`);
    expect(byCategory.groups).toHaveLength(1);
    expect(byCategory.groups[0]).toMatchObject({ key: 'environment.garbage', name: '垃圾清运与分类', raised: 7 });
    const en = expectOk<CaseStats>(
      await api(ctx)('GET', `/api/cases/stats?${MARCH}&groupBy=category`, {
        as: 'admin',
        headers: { 'accept-language': 'en' },
      }),
    );
    expect(en.groups[0].name).not.toBe('垃圾清运与分类');
  });

  it('filters by whistle: the 吹哨报到 rates', async () => {
    const s = await get(`${MARCH}&whistle=any`);
    expect(s.totals).toMatchObject({
      raised: 2,
      residentWhistles: 1,
      communityWhistles: 1,
      responseRate: 1,
      resolutionRate: 1,
      satisfactionRate: 0.5,
      dispatchesDone: 3,
    });
    expect((await get(`${MARCH}&whistle=none`)).totals.raised).toBe(5);
  });

  it('a limit later than now has not fallen due yet', async () => {
    const db = ctx.database.db;
    const admin = await actorFor(db, 'admin');
    // 2026-03-11 12:00: 'open' (response limit 03-11 10:00) is due and late; the rest of March's limits are not due yet.
    const mid = await caseStats({
      db,
      actor: admin,
      query: query({ from: '2026-03-01', to: '2026-03-31' }),
      now: at('2026-03-11', '12:00'),
    });
    expect(mid.totals.basis).toMatchObject({ responseDue: 4, respondedOnTime: 2, resolutionDue: 2, resolvedOfDue: 2 });
    const before = await caseStats({
      db,
      actor: admin,
      query: query({ from: '2026-03-01', to: '2026-03-31' }),
      now: at('2026-03-11', '09:59'),
    });
    expect(before.totals.basis.responseDue).toBe(3);
    const direct = await caseStats({
      db,
      actor: admin,
      query: query({ from: '2026-03-01', to: '2026-03-31' }),
      now: at('2026-03-11', '12:00'),
      mode: 'direct',
    });
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
      'from=2026-04-01&to=2026-03-01',
      'from=2021-01-01&to=2026-01-01',
      'from=2026-02-30',
      'from=2026/03/01',
      'groupBy=street',
      'basicWeight=1.5',
      'basicWeight=-0.1',
      'responseWeight=0&resolutionWeight=0&satisfactionWeight=0',
      'sort=raised',
      `gridId=${randomUUID()}`,
      `communityId=${w.unit1.id}`,
      `unitId=${w.communityA.id}`,
      'communityId=abc',
    ]) {
      expectError(await api(ctx)('GET', `/api/cases/stats?${qs}`, { as: 'admin' }), 400, 'VALIDATION_FAILED');
    }
    expect((await get('from=2021-01-01&to=2025-12-31')).from).toBe('2021-01-01');
  });

  it('defaults to this year up to today', async () => {
    const s = await get('');
    const today = clock.today();
    expect(s).toMatchObject({ from: `${today.slice(0, 4)}-01-01`, to: today });
  });
});
