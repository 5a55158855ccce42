import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { adoptTestPairing } from '../../../../test/cobuild.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { organisations } from '../../org/org.schema.js';
import type { Committee, Comparison, PairView, PlanDetail, PlanView } from './pairing.contracts.js';
import { stopSolver } from './pairing.runner.js';
import { pairingPlans, pairings } from './pairing.schema.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
let A: string, B: string, U1: string, U2: string;
const YEAR = 2027;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  ({ id: A } = ctx.world.communityA);
  ({ id: B } = ctx.world.communityB);
  ({ id: U1 } = ctx.world.unit1);
  ({ id: U2 } = ctx.world.unit2);
  await ctx.database.db
    .update(organisations)
    .set({ leaderName: '李明', leaderTitle: '党组书记' })
    .where(eq(organisations.id, U1));
});
afterAll(async () => {
  await stopSolver();
  await ctx?.close();
});

const pairSet = (p: PlanDetail) => p.pairs.map((x) => `${x.unitName}→${x.communityName}`).sort();
const run = (as: string, body: unknown) => call('POST', '/api/pairing-plans/run', { as, body });

describe('running the optimiser', () => {
  it('the county admin runs it: a draft with the nearest pairs, objective per principle and per-pair explanations, audited', async () => {
    const plan = expectOk<PlanDetail>(await run('admin', { year: YEAR, name: '第一稿' }), 201);
    expect(plan).toMatchObject({ year: YEAR, name: '第一稿', status: 'draft', pairCount: 2, violations: [] });
    expect(pairSet(plan)).toEqual(['县卫健局党组→三凤社区', '县司法局党组→杭东社区']);
    expect(plan.solve).toMatchObject({ method: 'mip', status: 'optimal' });
    expect(plan.objective?.allocation).toEqual({ unitsPaired: 2, units: 2, pairs: 2 });
    expect(plan.objective?.distance.meanKm).toBeGreaterThan(0);
    const u1 = plan.pairs.find((p) => p.unitId === U1);
    expect(u1).toMatchObject({ source: 'optimiser', unitLeader: '李明（党组书记）' });
    expect(u1?.explanation?.distanceKm).toBeCloseTo(u1?.distanceKm ?? -1, 6);
    const rows = await ctx.database.db.select().from(pairings).where(eq(pairings.planId, plan.id));
    expect(rows).toHaveLength(2);
    const audit = await auditRows(ctx, { entityType: 'pairing_plan' });
    expect(audit.find((r) => r.entityId === plan.id)?.action).toBe('pairing_plan.run');
  });

  it('only the county admin may run, edit or adopt (403 for community and unit admins)', async () => {
    expectError(await run('hangdong', { year: YEAR }), 403, 'FORBIDDEN');
    expectError(await run('unit01', { year: YEAR }), 403, 'FORBIDDEN');
    expectError(await call('GET', `/api/pairing-plans?year=${YEAR}`, { as: 'hangdong' }), 403, 'FORBIDDEN');
  });

  it('bad input: weights out of range, min above max, unknown ids → 400; a pin that is also forbidden → 400 naming it', async () => {
    expectError(
      await run('admin', { year: YEAR, settings: { weights: { distance: 2, complement: 0.5, balance: 0 } } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await run('admin', { year: YEAR, settings: { weights: { distance: -0.1, complement: 0.5, balance: 0 } } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await run('admin', {
        year: YEAR,
        settings: { bounds: { minUnits: 3, maxUnits: 1, minMembers: 0, maxMembers: 100 } },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await run('admin', { year: YEAR, settings: { pins: [{ unitId: A, communityId: A }] } }),
      400,
      'VALIDATION_FAILED',
    );
    const both = { unitId: U1, communityId: B };
    const body = expectError(
      await run('admin', { year: YEAR, settings: { pins: [both], forbids: [both] } }),
      400,
      'PAIRING_PIN_FORBIDDEN',
    );
    expect(body.error.message).toContain('县司法局党组');
  });

  it('bounds no pairing can meet: 422 naming the constraint, and nothing written', async () => {
    const before = (await ctx.database.db.select().from(pairingPlans)).length;
    const body = expectError(
      await run('admin', {
        year: YEAR,
        settings: { bounds: { minUnits: 2, maxUnits: 2, minMembers: 0, maxMembers: 1000 } },
      }),
      422,
      'PAIRING_MIN_UNITS_TOO_HIGH',
    );
    expect(body.error.message).toContain('社区单位数下限之和 4');
    const en = await call('POST', '/api/pairing-plans/run', {
      as: 'admin',
      headers: { 'accept-language': 'en' },
      body: { year: YEAR, settings: { bounds: { minUnits: 0, maxUnits: 1, minMembers: 0, maxMembers: 50 } } },
    });
    expect(expectError(en, 422, 'PAIRING_INFEASIBLE').error.message).toContain('headcount');
    expect((await ctx.database.db.select().from(pairingPlans)).length).toBe(before);
  });
});

describe('compare, hand edits and adoption', () => {
  let first: PlanDetail;
  let second: PlanDetail;
  let otherYearPlan: string;

  beforeAll(async () => {
    otherYearPlan = await adoptTestPairing(ctx.database.db, { year: 2026, pairs: [{ communityId: A, unitId: U2 }] });
    first = expectOk<PlanDetail>(await run('admin', { year: YEAR, name: '方案一' }), 201);
  });

  it('adopting a draft makes it the adopted plan of its year, audited', async () => {
    const adopted = expectOk<PlanDetail>(
      await call('POST', `/api/pairing-plans/${first.id}/adopt`, { as: 'admin', body: { version: first.version } }),
    );
    expect(adopted.status).toBe('adopted');
    expect(adopted.adoptedAt).not.toBeNull();
    const audit = await auditRows(ctx, { action: 'pairing_plan.adopt' });
    expect(audit.some((r) => r.entityId === first.id)).toBe(true);
    expectError(
      await call('PATCH', `/api/pairing-plans/${first.id}/pairs`, {
        as: 'admin',
        body: { version: adopted.version, changes: [{ op: 'remove', unitId: U1, communityId: A }] },
      }),
      409,
      'PAIRING_PLAN_NOT_DRAFT',
    );
    // The adopted plan is compared with last year's: the 2026 pairing had 县卫健局党组 with 杭东社区.
    const cmp = expectOk<Comparison>(await call('GET', `/api/pairing-plans/${first.id}/compare`, { as: 'admin' }));
    expect(cmp.other?.id).toBe(otherYearPlan);
    expect(cmp.moved.map((m) => m.unitName).sort()).toEqual(['县卫健局党组', '县司法局党组']);
  });

  it('a second run with swapping pins compares against the adopted plan: both units moved', async () => {
    second = expectOk<PlanDetail>(
      await run('admin', { year: YEAR, name: '方案二', settings: { pins: [{ unitId: U1, communityId: B }] } }),
      201,
    );
    expect(pairSet(second)).toEqual(['县卫健局党组→杭东社区', '县司法局党组→三凤社区']);
    expect(second.pairs.find((p) => p.unitId === U1)?.source).toBe('pinned');
    const cmp = expectOk<Comparison>(await call('GET', `/api/pairing-plans/${second.id}/compare`, { as: 'admin' }));
    expect(cmp.other?.id).toBe(first.id);
    expect(cmp.moved.map((m) => m.unitName).sort()).toEqual(['县卫健局党组', '县司法局党组']);
    expect(cmp.unchanged).toBe(0);
    expect(cmp.plan.objective?.distance.totalKm).toBeGreaterThan(cmp.other?.objective?.distance.totalKm ?? Infinity);
  });

  it('a hand edit recomputes the objective and lists broken constraints as warnings; stale versions are refused', async () => {
    const moved = expectOk<PlanDetail>(
      await call('PATCH', `/api/pairing-plans/${second.id}/pairs`, {
        as: 'admin',
        body: { version: second.version, changes: [{ op: 'move', unitId: U2, fromCommunityId: A, toCommunityId: B }] },
      }),
    );
    expect(pairSet(moved)).toEqual(['县卫健局党组→三凤社区', '县司法局党组→三凤社区']);
    expect(moved.pairs.find((p) => p.unitId === U2)?.source).toBe('manual');
    expect(moved.violations.map((v) => v.code).sort()).toEqual([
      'community_members_max',
      'community_members_min',
      'community_units_max',
      'community_units_min',
    ]);
    expect(moved.version).toBe(second.version + 1);
    expectError(
      await call('PATCH', `/api/pairing-plans/${second.id}/pairs`, {
        as: 'admin',
        body: { version: second.version, changes: [{ op: 'remove', unitId: U2, communityId: B }] },
      }),
      409,
      'STALE_UPDATE',
    );
    expectError(
      await call('PATCH', `/api/pairing-plans/${second.id}/pairs`, {
        as: 'admin',
        body: { version: moved.version, changes: [{ op: 'remove', unitId: U2, communityId: A }] },
      }),
      400,
      'VALIDATION_FAILED',
    );
    second = moved;
  });

  it('a plan with warnings is adopted only when confirmed; then the previous plan of the year is superseded and other years untouched', async () => {
    expectError(
      await call('POST', `/api/pairing-plans/${second.id}/adopt`, { as: 'admin', body: { version: second.version } }),
      409,
      'PAIRING_PLAN_HAS_VIOLATIONS',
    );
    expectError(
      await call('POST', `/api/pairing-plans/${second.id}/adopt`, {
        as: 'hangdong',
        body: { version: second.version, acceptViolations: true },
      }),
      403,
      'FORBIDDEN',
    );
    expect((await ctx.database.db.select().from(pairingPlans).where(eq(pairingPlans.id, second.id)))[0].status).toBe(
      'draft',
    );
    expectOk(
      await call('POST', `/api/pairing-plans/${second.id}/adopt`, {
        as: 'admin',
        body: { version: second.version, acceptViolations: true },
      }),
    );
    const plans = await ctx.database.db.select().from(pairingPlans);
    const status = (id: string) => plans.find((p) => p.id === id)?.status;
    expect(status(first.id)).toBe('superseded');
    expect(status(second.id)).toBe('adopted');
    expect(status(otherYearPlan)).toBe('adopted');
    expect(plans.filter((p) => p.year === YEAR && p.status === 'adopted')).toHaveLength(1);
    const audit = (await auditRows(ctx, { action: 'pairing_plan.adopt' })).find((r) => r.entityId === second.id);
    expect(audit?.before).toMatchObject({ supersededPlanIds: [first.id] });
  });

  it('two drafts adopted at the same time: exactly one adopted plan for the year', async () => {
    const a = expectOk<PlanDetail>(await run('admin', { year: YEAR }), 201);
    const b = expectOk<PlanDetail>(await run('admin', { year: YEAR }), 201);
    const results = await Promise.all(
      [a, b].map((p) =>
        call('POST', `/api/pairing-plans/${p.id}/adopt`, { as: 'admin', body: { version: p.version } }),
      ),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const adopted = await ctx.database.db
      .select()
      .from(pairingPlans)
      .where(and(eq(pairingPlans.year, YEAR), eq(pairingPlans.status, 'adopted')));
    expect(adopted).toHaveLength(1);
    const list = expectOk<Page<PlanView>>(await call('GET', `/api/pairing-plans?year=${YEAR}`, { as: 'admin' }));
    expect(list.items.filter((p) => p.status === 'superseded').length).toBeGreaterThanOrEqual(2);
  });
});

describe('reading pairs (/api/pairings) and the 大党委', () => {
  it("a community admin sees only its community's adopted pairs, a unit admin only its unit's; others 403", async () => {
    const all = expectOk<Page<PairView>>(await call('GET', `/api/pairings?year=${YEAR}`, { as: 'admin' }));
    expect(all.total).toBe(2);
    const mine = expectOk<Page<PairView>>(await call('GET', `/api/pairings?year=${YEAR}`, { as: 'hangdong' }));
    expect(mine.items.every((p) => p.communityId === A && p.planStatus === 'adopted')).toBe(true);
    const unit = expectOk<Page<PairView>>(await call('GET', `/api/pairings?year=${YEAR}`, { as: 'unit02' }));
    expect(unit.items.map((p) => p.unitId)).toEqual([U2]);
    const drafts = expectOk<PlanDetail>(await run('admin', { year: YEAR }), 201);
    const hidden = expectOk<Page<PairView>>(await call('GET', `/api/pairings?planId=${drafts.id}`, { as: 'hangdong' }));
    expect(hidden.total).toBe(0);
    expect(
      expectOk<Page<PairView>>(await call('GET', `/api/pairings?planId=${drafts.id}`, { as: 'admin' })).total,
    ).toBe(2);
    expectError(await call('GET', '/api/pairings', { as: 'member01' }), 403, 'FORBIDDEN');
    expectError(await call('GET', '/api/pairings?year=20', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it("the roster: head, the paired units' leaders as deputies, editable by the community, printable", async () => {
    const pair = expectOk<Page<PairView>>(
      await call('GET', `/api/pairings?year=${YEAR}&communityId=${A}`, { as: 'admin' }),
    ).items[0];
    const roster = expectOk<Committee>(
      await call('GET', `/api/party-committees/${A}?year=${YEAR}`, { as: 'hangdong' }),
    );
    expect(roster.members[0]).toMatchObject({ key: 'secretary', role: 'head' });
    expect(roster.members[1]).toMatchObject({ key: `unit:${pair.unitId}`, role: 'deputy', unitId: pair.unitId });
    const added = expectOk<Committee>(
      await call('POST', `/api/party-committees/${A}/members`, {
        as: 'hangdong',
        body: { year: YEAR, name: '王芳', title: '社区民警', role: 'member' },
      }),
      201,
    );
    expect(added.members.map((m) => m.name)).toContain('王芳');
    const edited = expectOk<Committee>(
      await call('PATCH', `/api/party-committees/${A}/members/unit:${pair.unitId}`, {
        as: 'hangdong',
        body: { year: YEAR, role: 'member', title: '联络员' },
      }),
    );
    expect(edited.members.find((m) => m.unitId === pair.unitId)).toMatchObject({
      role: 'member',
      title: '联络员',
      origin: 'edited',
    });
    const removed = expectOk<Committee>(
      await call('PATCH', `/api/party-committees/${A}/members/unit:${pair.unitId}`, {
        as: 'hangdong',
        body: { year: YEAR, removed: true },
      }),
    );
    expect(removed.removed.map((m) => m.unitId)).toEqual([pair.unitId]);
    expectError(
      await call('POST', `/api/party-committees/${A}/members`, {
        as: 'sanfeng',
        body: { year: YEAR, name: '赵六', role: 'member' },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/party-committees/${A}/members/unit:${B}`, {
        as: 'admin',
        body: { year: YEAR, role: 'head' },
      }),
      404,
      'NOT_FOUND',
    );
    expect((await auditRows(ctx, { entityType: 'party_committee' })).length).toBe(3);
    const pdf = await call('GET', `/api/party-committees/${A}/roster.pdf?year=${YEAR}`, { as: 'hangdong' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a unit admin reads the roster of a community its unit is paired with, not another', async () => {
    const mine = expectOk<Page<PairView>>(await call('GET', `/api/pairings?year=${YEAR}`, { as: 'unit01' })).items[0];
    const other = mine.communityId === A ? B : A;
    expectOk(await call('GET', `/api/party-committees/${mine.communityId}?year=${YEAR}`, { as: 'unit01' }));
    expectError(await call('GET', `/api/party-committees/${other}?year=${YEAR}`, { as: 'unit01' }), 404, 'NOT_FOUND');
  });
});
