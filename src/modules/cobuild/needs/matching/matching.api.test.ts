import { clock } from '../../../../core/clock.js';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../../test/app.js';
import { adoptTestPairing } from '../../../../../test/cobuild.js';
import { api, expectError, expectOk, type Page } from '../../../../../test/http.js';
import { auditLog } from '../../../../core/audit.schema.js';
import { projects } from '../../projects/projects.schema.js';
import type { MatchView, NeedTaskView, RunView } from './matching.contracts.js';
import { stopMatchingSolver } from './matching.runner.js';
import type { NeedView, ResourceView } from '../needs.contracts.js';
import { needMatches, needs, needTasks, resources } from '../needs.schema.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
const year = clock.year();
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  await stopMatchingSolver();
  await ctx?.close();
});

async function need(as: string, over: Record<string, unknown>): Promise<NeedView> {
  return expectOk<NeedView>(
    await call('POST', '/api/needs', {
      as,
      body: {
        communityId: ctx.world.communityA.id,
        title: '需求',
        domain: 'living_environment',
        priority: 3,
        lng: 117.334,
        lat: 27.544,
        quantity: 40,
        unit: 'person_hours',
        ...over,
      },
    }),
    201,
  );
}
async function run(as: string, body: Record<string, unknown> = {}): Promise<RunView> {
  return expectOk<RunView>(await call('POST', '/api/matching-runs', { as, body }), 201);
}
async function matchesOf(runId: string, as = 'admin'): Promise<MatchView[]> {
  return expectOk<Page<MatchView>>(await call('GET', `/api/need-matches?runId=${runId}&pageSize=200`, { as })).items;
}
const db = () => ctx.database.db;

describe('matching runs', () => {
  let resource: ResourceView;
  let low: NeedView;
  let high: NeedView;
  let runLowOnly: RunView;
  let runBoth: RunView;

  beforeAll(async () => {
    resource = expectOk<ResourceView>(
      await call('POST', '/api/resources', {
        as: 'unit01',
        body: {
          kind: 'people_hours',
          title: '司法局志愿工时',
          capacity: 60,
          unit: 'person_hours',
          availableFrom: '2020-01-01',
          availableTo: '2099-12-31',
        },
      }),
      201,
    );
    // A far-away resource and one in another unit of measure: neither is a candidate.
    await call('POST', '/api/resources', {
      as: 'unit02',
      body: {
        kind: 'people_hours',
        title: '远处工时',
        capacity: 500,
        unit: 'person_hours',
        availableFrom: '2020-01-01',
        availableTo: '2099-12-31',
        lng: 117.6,
        lat: 27.9,
      },
    });
    await call('POST', '/api/resources', {
      as: 'unit02',
      body: {
        kind: 'money',
        title: '帮扶资金',
        capacity: 9000,
        unit: 'yuan',
        availableFrom: '2020-01-01',
        availableTo: '2099-12-31',
      },
    });
    low = await need('hangdong', { title: '背街小巷保洁', priority: 3 });
    runLowOnly = await run('hangdong');
    high = await need('hangdong', { title: '防汛物资搬运', priority: 5, domain: 'flood_control' });
    runBoth = await run('hangdong');
  });

  it('proposes the priority-weighted optimum: the urgent need first, the rest of the capacity to the next', async () => {
    expect(runLowOnly.communityId).toBe(ctx.world.communityA.id);
    expect(runBoth).toMatchObject({
      objective: 5 * 40 + 3 * 20,
      bound: 260,
      gap: 0,
      solver: 'flow',
      counts: { proposed: 2, accepted: 0, rejected: 0 },
    });
    expect(runBoth.stats).toMatchObject({
      needs: 2,
      resources: 3,
      candidates: 2,
      matches: 2,
      needsServed: 2,
      needsCovered: 1,
    });
    expect(runBoth.stats?.weightedCoverage).toBeCloseTo((5 * 1 + 3 * 0.5) / 8, 9);
    const ms = await matchesOf(runBoth.id);
    expect(ms.map((m) => [m.needId, m.resourceId, m.amount])).toEqual([
      [high.id, resource.id, 40],
      [low.id, resource.id, 20],
    ]);
    expect(ms[0].distanceKm).toBeGreaterThan(0.1);
    expect(ms[0].distanceKm).toBeLessThan(0.3);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'matching.run'), eq(auditLog.entityId, runBoth.id)));
    expect(audit).toBeTruthy();
  });

  it('HiGHS finds the same optimum in its worker', async () => {
    const lp = await run('admin', { solver: 'highs', communityId: ctx.world.communityA.id });
    expect(lp.solver).toBe('highs');
    expect(lp.objective).toBeCloseTo(260, 6);
  });

  it('limits a community admin to its own community and refuses roles without matching.run', async () => {
    expectError(
      await call('POST', '/api/matching-runs', { as: 'hangdong', body: { communityId: ctx.world.communityB.id } }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('POST', '/api/matching-runs', { as: 'unit01', body: {} }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/matching-runs', { as: 'grid01', body: {} }), 403, 'FORBIDDEN');
    const b = await run('sanfeng');
    expect(b).toMatchObject({ communityId: ctx.world.communityB.id, stats: { needs: 0, matches: 0 } });
    const runs = expectOk<Page<RunView>>(await call('GET', '/api/matching-runs', { as: 'sanfeng' }));
    expect(runs.items.map((r) => r.id)).toEqual([b.id]);
    expectError(await call('GET', `/api/matching-runs/${runBoth.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    // A county-wide run: each community admin sees it, but only the proposals for its own needs.
    const inB = await need('sanfeng', {
      communityId: ctx.world.communityB.id,
      title: '困难家庭帮扶',
      quantity: 1000,
      unit: 'yuan',
      lng: 117.345,
      lat: 27.545,
    });
    const county = await run('admin');
    expect(county.communityId).toBeNull();
    expect(
      expectOk<Page<RunView>>(await call('GET', '/api/matching-runs', { as: 'sanfeng' })).items.map((r) => r.id),
    ).toContain(county.id);
    const seenByB = await matchesOf(county.id, 'sanfeng');
    expect(seenByB.map((m) => m.needId)).toEqual([inB.id]);
    expect((await matchesOf(county.id, 'hangdong')).every((m) => m.communityId === ctx.world.communityA.id)).toBe(true);
    expectError(await call('POST', `/api/need-matches/${seenByB[0].id}/accept`, { as: 'hangdong' }), 404, 'NOT_FOUND');
  });

  it('runs with the defaults on a bare POST', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/matching-runs',
      headers: { cookie: await ctx.cookieFor('hangdong') },
    });
    expect(expectOk<RunView>(res, 201).parameters).toMatchObject({
      maxDistanceKm: 3,
      k: 20,
      minPriority: 1,
      solver: 'flow',
    });
  });

  it('refuses a county-wide run for a community that does not exist, or is not a community, with 400 (not a foreign-key 409)', async () => {
    for (const communityId of [crypto.randomUUID(), ctx.world.unit1.id]) {
      const res = await call('POST', '/api/matching-runs', { as: 'admin', body: { communityId } });
      expect(expectError(res, 400, 'VALIDATION_FAILED').error.details).toEqual([
        { path: '/communityId', message: 'not a community' },
      ]);
    }
  });

  it('rejects bad parameters with 400', async () => {
    for (const body of [
      { maxDistanceKm: 0 },
      { k: 0 },
      { solver: 'magic' },
      { minPriority: 7 },
      { on: '2026-13-01' },
      { extra: 1 },
    ]) {
      expectError(await call('POST', '/api/matching-runs', { as: 'admin', body }), 400, 'VALIDATION_FAILED');
    }
  });

  it('never reserves more than the capacity, even when two accepts race for it', async () => {
    const lowFromFirstRun = (await matchesOf(runLowOnly.id)).find((m) => m.needId === low.id)!;
    const highFromSecondRun = (await matchesOf(runBoth.id)).find((m) => m.needId === high.id)!;
    expect(lowFromFirstRun.amount + highFromSecondRun.amount).toBe(80);
    const [a, b] = await Promise.all([
      call('POST', `/api/need-matches/${lowFromFirstRun.id}/accept`, { as: 'hangdong' }),
      call('POST', `/api/need-matches/${highFromSecondRun.id}/accept`, { as: 'admin' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('MATCH_CAPACITY_EXCEEDED');
    const [r] = await db().select().from(resources).where(eq(resources.id, resource.id));
    expect(r.reserved).toBe(40);
    const served = (await db().select().from(needs).where(eq(needs.communityId, ctx.world.communityA.id))).reduce(
      (s, n) => s + n.served,
      0,
    );
    expect(served).toBe(40);
    expect(await db().select().from(needTasks)).toHaveLength(1);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, 'need_match.accept'))).toHaveLength(1);
  });

  it('accepting moves the need to matched and creates the follow-up task; rejecting it frees the amount', async () => {
    const [accepted] = await db().select().from(needMatches).where(eq(needMatches.status, 'accepted'));
    const view = expectOk<MatchView>(
      await call('GET', `/api/need-matches?status=accepted`, { as: 'hangdong' }),
    ) as unknown as Page<MatchView>;
    expect(view.items[0]).toMatchObject({ id: accepted.id, status: 'accepted', task: { status: 'open' } });
    const [n] = await db().select().from(needs).where(eq(needs.id, accepted.needId));
    expect(n.status).toBe('matched');
    expectError(
      await call('POST', `/api/need-matches/${accepted.id}/accept`, { as: 'hangdong' }),
      409,
      'MATCH_DECIDED',
    );
    expectError(await call('POST', `/api/need-matches/${accepted.id}/reject`, { as: 'unit01' }), 403, 'FORBIDDEN');
    expectError(await call('POST', `/api/need-matches/${accepted.id}/reject`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    const rejected = expectOk<MatchView>(
      await call('POST', `/api/need-matches/${accepted.id}/reject`, {
        as: 'hangdong',
        body: { reason: '单位人手调整' },
      }),
    );
    expect(rejected.status).toBe('rejected');
    const [r] = await db().select().from(resources).where(eq(resources.id, resource.id));
    expect(r.reserved).toBe(0);
    const [n2] = await db().select().from(needs).where(eq(needs.id, accepted.needId));
    expect([n2.status, n2.served]).toEqual(['open', 0]);
    const [task] = await db().select().from(needTasks).where(eq(needTasks.matchId, accepted.id));
    expect(task.status).toBe('cancelled');
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'need_match.reject'), eq(auditLog.entityId, accepted.id)));
    expect(audit.after).toMatchObject({ released: 40, reason: '单位人手调整' });
  });

  it('a partial accept is allowed; more than proposed is not', async () => {
    const fresh = await run('hangdong');
    const [first] = await matchesOf(fresh.id);
    expectError(
      await call('POST', `/api/need-matches/${first.id}/accept`, {
        as: 'hangdong',
        body: { amount: first.amount + 1 },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const ok = expectOk<MatchView>(
      await call('POST', `/api/need-matches/${first.id}/accept`, {
        as: 'hangdong',
        body: { amount: 10, dueOn: `${year}-12-31` },
      }),
    );
    expect(ok).toMatchObject({ amount: 10, status: 'accepted', task: { dueOn: `${year}-12-31` } });
  });

  it('refuses to accept a proposal for a need closed since the run (409) and leaves the resource untouched', async () => {
    const closing = await need('hangdong', { title: '已另行解决的需求', priority: 5, quantity: 4 });
    const r = await run('hangdong', { minPriority: 5 });
    const m = (await matchesOf(r.id)).find((x) => x.needId === closing.id)!;
    expectOk(
      await call('PATCH', `/api/needs/${closing.id}`, {
        as: 'hangdong',
        body: { status: 'closed', version: closing.version },
      }),
    );
    const [before] = await db().select().from(resources).where(eq(resources.id, m.resourceId));
    expectError(await call('POST', `/api/need-matches/${m.id}/accept`, { as: 'hangdong' }), 409, 'CONFLICT');
    const [after] = await db().select().from(resources).where(eq(resources.id, m.resourceId));
    expect(after.reserved).toBe(before.reserved);
  });

  it('the unit works its task; the need follows; the task becomes a co-building project', async () => {
    const tasks = expectOk<Page<NeedTaskView>>(
      await call('GET', '/api/need-tasks?status=open', { as: 'unit01' }),
    ).items;
    expect(tasks).toHaveLength(1);
    const t = tasks[0];
    expectError(
      await call('PATCH', `/api/need-tasks/${t.id}`, {
        as: 'unit02',
        body: { status: 'in_progress', version: t.version },
      }),
      404,
      'NOT_FOUND',
    );
    const working = expectOk<NeedTaskView>(
      await call('PATCH', `/api/need-tasks/${t.id}`, {
        as: 'unit01',
        body: { status: 'in_progress', version: t.version },
      }),
    );
    expect(working.status).toBe('in_progress');
    const [n] = await db().select().from(needs).where(eq(needs.id, t.needId));
    expect(n.status).toBe('in_progress');
    await adoptTestPairing(db(), {
      year,
      pairs: [{ communityId: ctx.world.communityA.id, unitId: ctx.world.unit1.id }],
    });
    const body = { startOn: `${year}-01-10`, endOn: `${year}-12-20` };
    expectError(await call('POST', `/api/need-tasks/${t.id}/project`, { as: 'unit01', body }), 403, 'FORBIDDEN');
    const made = expectOk<{ projectId: string }>(
      await call('POST', `/api/need-tasks/${t.id}/project`, { as: 'hangdong', body }),
    );
    const [p] = await db().select().from(projects).where(eq(projects.id, made.projectId));
    expect(p).toMatchObject({ communityId: ctx.world.communityA.id, source: 'matching', name: n.title });
    const again = expectOk<{ projectId: string }>(
      await call('POST', `/api/need-tasks/${t.id}/project`, { as: 'hangdong', body }),
    );
    expect(again.projectId).toBe(made.projectId);
  });

  it('keeps needs and resources that matches refer to (409 REFERENCED) and guards edits below what is committed', async () => {
    expectError(await call('DELETE', `/api/resources/${resource.id}`, { as: 'unit01' }), 409, 'REFERENCED');
    expectError(await call('DELETE', `/api/needs/${high.id}`, { as: 'hangdong' }), 409, 'REFERENCED');
    const [r] = await db().select().from(resources).where(eq(resources.id, resource.id));
    expectError(
      await call('PATCH', `/api/resources/${resource.id}`, { as: 'unit01', body: { capacity: 1, version: r.version } }),
      409,
      'RESOURCE_BELOW_RESERVED',
    );
  });
});
