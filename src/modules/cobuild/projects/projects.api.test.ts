import { clock } from '../../../core/clock.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { adoptTestPairing } from '../../../../test/cobuild.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import type { PlanView, ProjectDetail, ProjectSummary, ProjectView } from './projects.contracts.js';
import { countyToday } from './projects.rollup.js';
import { projectPlans, projects } from './projects.schema.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
const Y = Number(countyToday(clock.now()).slice(0, 4));
const A = () => ctx.world.communityA.id;
const B = () => ctx.world.communityB.id;
const U1 = () => ctx.world.unit1.id;
const U2 = () => ctx.world.unit2.id;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  // unit1 with 杭东 (A), unit2 with 三凤 (B), this year and last.
  for (const year of [Y - 1, Y, Y + 1]) {
    await adoptTestPairing(ctx.database.db, {
      year,
      pairs: [
        { communityId: A(), unitId: U1() },
        { communityId: B(), unitId: U2() },
      ],
    });
  }
});
afterAll(async () => {
  await ctx?.close();
});

function body(over: Record<string, unknown> = {}) {
  return {
    communityId: A(),
    year: Y,
    name: '水南小区老旧小区改造提升工程',
    domain: 'old_estate_renovation',
    units: [{ unitId: U1(), role: 'lead' }],
    budget: 100_000,
    startOn: `${Y}-03-01`,
    endOn: `${Y}-10-31`,
    ...over,
  };
}

async function create(as: string, over: Record<string, unknown> = {}): Promise<ProjectDetail> {
  return expectOk<ProjectDetail>(await call('POST', '/api/projects', { as, body: body(over) }), 201);
}

async function get(id: string, as = 'admin'): Promise<ProjectDetail> {
  return expectOk<ProjectDetail>(await call('GET', `/api/projects/${id}`, { as }));
}

describe('plan lifecycle', () => {
  it('drafts on the first project, then submit → return with a reason → submit → approve, each audited', async () => {
    const p = await create('hangdong', {
      name: '计划测试项目',
      year: Y + 1,
      startOn: `${Y + 1}-03-01`,
      endOn: `${Y + 1}-06-30`,
    });
    expect(p.planStatus).toBe('draft');
    const plan = () =>
      call('GET', `/api/project-plans/${p.planId}`, { as: 'hangdong' }).then((r) => expectOk<PlanView>(r));
    let v = await plan();
    expect(v.projectCount).toBe(1);
    expectError(
      await call('POST', `/api/project-plans/${p.planId}/approve`, { as: 'admin', body: { version: v.version } }),
      409,
      'PROJECT_PLAN_TRANSITION',
    );
    v = expectOk<PlanView>(
      await call('POST', `/api/project-plans/${p.planId}/submit`, { as: 'hangdong', body: { version: v.version } }),
    );
    expect(v.status).toBe('submitted');
    // Locked for the community once submitted.
    expectError(
      await call('PATCH', `/api/projects/${p.id}`, { as: 'hangdong', body: { name: '改名', version: p.version } }),
      409,
      'PROJECT_PLAN_LOCKED',
    );
    expectError(
      await call('POST', '/api/projects', {
        as: 'hangdong',
        body: body({ name: '新增', year: Y + 1, startOn: `${Y + 1}-03-01`, endOn: `${Y + 1}-06-30` }),
      }),
      409,
      'PROJECT_PLAN_LOCKED',
    );
    expectError(
      await call('POST', `/api/project-plans/${p.planId}/approve`, { as: 'hangdong', body: { version: v.version } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/project-plans/${p.planId}/return`, { as: 'admin', body: { version: v.version } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('POST', `/api/project-plans/${p.planId}/approve`, { as: 'admin', body: { version: v.version - 1 } }),
      409,
      'STALE_UPDATE',
    );
    v = expectOk<PlanView>(
      await call('POST', `/api/project-plans/${p.planId}/return`, {
        as: 'admin',
        body: { version: v.version, reason: '预算依据不足' },
      }),
    );
    expect(v).toMatchObject({ status: 'draft', returnReason: '预算依据不足' });
    expectOk(
      await call('PATCH', `/api/projects/${p.id}`, { as: 'hangdong', body: { budget: 80_000, version: p.version } }),
    );
    v = expectOk<PlanView>(
      await call('POST', `/api/project-plans/${p.planId}/submit`, { as: 'hangdong', body: { version: v.version } }),
    );
    v = expectOk<PlanView>(
      await call('POST', `/api/project-plans/${p.planId}/approve`, { as: 'admin', body: { version: v.version } }),
    );
    expect(v.status).toBe('approved');
    const [row] = await ctx.database.db.select().from(projectPlans).where(eq(projectPlans.id, p.planId));
    expect(row.status).toBe('approved');
    const actions = (await auditRows(ctx, { entityType: 'project_plan' }))
      .filter((a) => a.entityId === p.planId)
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['project_plan.submit', 'project_plan.return', 'project_plan.approve']),
    );
  });

  it('refuses an empty plan and a second plan for the same community and year', async () => {
    const plan = expectOk<PlanView>(
      await call('POST', '/api/project-plans', { as: 'sanfeng', body: { communityId: B(), year: Y + 2 } }),
      201,
    );
    expectError(
      await call('POST', '/api/project-plans', { as: 'sanfeng', body: { communityId: B(), year: Y + 2 } }),
      409,
      'PROJECT_PLAN_EXISTS',
    );
    expectError(
      await call('POST', `/api/project-plans/${plan.id}/submit`, { as: 'sanfeng', body: { version: plan.version } }),
      409,
      'PROJECT_PLAN_EMPTY',
    );
    expectError(
      await call('POST', '/api/project-plans', { as: 'hangdong', body: { communityId: B(), year: Y + 3 } }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('authorisation', () => {
  let mine: ProjectDetail;
  let theirs: ProjectDetail;
  beforeAll(async () => {
    mine = await create('hangdong', { name: '扫黑除恶专项宣传进小区', domain: 'anti_gang' });
    theirs = await create('sanfeng', {
      communityId: B(),
      name: '三凤汛前排水管网清淤',
      domain: 'flood_control',
      units: [{ unitId: U2(), role: 'lead' }],
    });
  });

  it('lets a unit admin track only the projects it is on, never the plan fields or the plan', async () => {
    const res = await call('POST', `/api/projects/${mine.id}/milestones`, {
      as: 'unit01',
      body: { title: '入户宣传', dueOn: `${Y}-05-01`, weight: 1 },
    });
    expect(expectOk<ProjectDetail>(res, 201).milestones).toHaveLength(1);
    expectError(
      await call('POST', `/api/projects/${theirs.id}/milestones`, {
        as: 'unit01',
        body: { title: 'x', dueOn: `${Y}-05-01` },
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('PATCH', `/api/projects/${mine.id}`, { as: 'unit01', body: { name: '改名', version: mine.version } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/projects/${mine.id}/cancel`, {
        as: 'unit01',
        body: { version: mine.version, reason: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/project-plans/${mine.planId}/submit`, { as: 'unit01', body: { version: 1 } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/projects', { as: 'unit01', body: body({ name: '单位自建' }) }),
      403,
      'FORBIDDEN',
    );
    const list = expectOk<Page<ProjectView>>(await call('GET', '/api/projects?pageSize=200', { as: 'unit01' }));
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((p) => p.units.some((u) => u.unitId === U1()))).toBe(true);
  });

  it('keeps a community admin to its own community and others out', async () => {
    expectError(await call('GET', `/api/projects/${mine.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expectError(await call('POST', '/api/projects', { as: 'sanfeng', body: body({ name: '越界' }) }), 403, 'FORBIDDEN');
    const list = expectOk<Page<ProjectView>>(await call('GET', '/api/projects?pageSize=200', { as: 'sanfeng' }));
    expect(list.items.every((p) => p.communityId === B())).toBe(true);
    for (const who of ['member01', 'resident01'])
      expectError(await call('GET', '/api/projects', { as: who }), 403, 'FORBIDDEN');
    expect(await call('GET', '/api/projects')).toMatchObject({ statusCode: 401 });
    // A grid worker of 杭东 reads 杭东's projects but writes none.
    const grid = expectOk<Page<ProjectView>>(await call('GET', '/api/projects?pageSize=200', { as: 'grid01' }));
    expect(grid.items.some((p) => p.id === mine.id) && grid.items.every((p) => p.communityId === A())).toBe(true);
    expectError(
      await call('PATCH', `/api/projects/${mine.id}`, {
        as: 'grid01',
        body: { manualProgress: 10, version: mine.version },
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('bad input', () => {
  it('answers each with its own code and a message in the asked language', async () => {
    const bad = async (over: Record<string, unknown>, code: string, as = 'hangdong') =>
      expectError(
        await call('POST', '/api/projects', {
          as,
          body: body({ name: `坏${code}`, ...over }),
          headers: { 'accept-language': 'en' },
        }),
        400,
        code,
      );
    await bad({ endOn: `${Y}-02-01` }, 'PROJECT_DATES_INVALID');
    await bad({ startOn: `${Y - 1}-12-01` }, 'PROJECT_START_OUTSIDE_YEAR');
    const m = await bad(
      { milestones: [{ title: '验收', dueOn: `${Y}-11-30`, weight: 1 }] },
      'PROJECT_MILESTONE_OUTSIDE_DATES',
    );
    expect(m.error.message).toContain('验收');
    await bad({ manualProgress: 120 }, 'PROJECT_PROGRESS_OUT_OF_RANGE');
    await bad({ units: [{ unitId: U2(), role: 'lead' }] }, 'PROJECT_UNIT_NOT_PAIRED');
    await bad(
      {
        units: [
          { unitId: U1(), role: 'lead' },
          { unitId: U1(), role: 'partner' },
        ],
      },
      'PROJECT_LEAD_UNIT',
    );
    await bad({ units: [{ unitId: U1(), role: 'partner' }] }, 'PROJECT_LEAD_UNIT');
    // Only the county may name an unpaired unit, and only with a reason.
    await bad({ units: [{ unitId: U2(), role: 'lead' }], pairingOverrideReason: '需要' }, 'PROJECT_UNIT_NOT_PAIRED');
    const ok = expectOk<ProjectDetail>(
      await call('POST', '/api/projects', {
        as: 'admin',
        body: body({
          name: '跨社区支援',
          units: [{ unitId: U2(), role: 'lead' }],
          pairingOverrideReason: '卫健局专业支持',
        }),
      }),
      201,
    );
    expect(ok.units[0]).toMatchObject({ unitId: U2(), paired: false });
    const zh = await call('POST', '/api/projects', { as: 'hangdong', body: body({ name: '坏', endOn: `${Y}-01-01` }) });
    expect(expectError(zh, 400, 'PROJECT_DATES_INVALID').error.message).toContain('早于');
    const count = await ctx.database.db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.name, `坏PROJECT_DATES_INVALID`));
    expect(count).toHaveLength(0);
  });

  it('refuses sub-projects outside the parent, cycles, and manual progress where it is derived', async () => {
    const parent = await create('hangdong', { name: '父项目' });
    const child = await create('hangdong', {
      name: '子项目',
      parentId: parent.id,
      startOn: `${Y}-04-01`,
      endOn: `${Y}-06-30`,
    });
    expectError(
      await call('POST', '/api/projects', {
        as: 'hangdong',
        body: body({ name: '越界子项目', parentId: parent.id, endOn: `${Y}-12-31` }),
      }),
      400,
      'PROJECT_CHILD_OUTSIDE_PARENT',
    );
    const fresh = await get(parent.id);
    expectError(
      await call('PATCH', `/api/projects/${parent.id}`, {
        as: 'hangdong',
        body: { parentId: child.id, version: fresh.version },
      }),
      400,
      'PROJECT_PARENT_CYCLE',
    );
    expectError(
      await call('PATCH', `/api/projects/${parent.id}`, {
        as: 'hangdong',
        body: { parentId: parent.id, version: fresh.version },
      }),
      400,
      'PROJECT_PARENT_CYCLE',
    );
    expectError(
      await call('PATCH', `/api/projects/${parent.id}`, {
        as: 'hangdong',
        body: { endOn: `${Y}-05-31`, version: fresh.version },
      }),
      400,
      'PROJECT_CHILD_OUTSIDE_PARENT',
    );
    expectError(
      await call('PATCH', `/api/projects/${parent.id}`, {
        as: 'hangdong',
        body: { manualProgress: 50, version: fresh.version },
      }),
      400,
      'PROJECT_PROGRESS_DERIVED',
    );
    const withM = await call('POST', `/api/projects/${child.id}/milestones`, {
      as: 'hangdong',
      body: { title: '晚于结束', dueOn: `${Y}-07-01` },
    });
    expectError(withM, 400, 'PROJECT_MILESTONE_OUTSIDE_DATES');
  });
});

describe('progress roll-up through the API', () => {
  it('moves the parent when a child milestone, a child manual figure or a child status changes', async () => {
    const parent = await create('hangdong', { name: '整体改造' });
    const c1 = await create('hangdong', {
      name: '一期',
      parentId: parent.id,
      budget: 100,
      milestones: [
        { title: '设计', dueOn: `${Y}-04-01`, weight: 1 },
        { title: '施工', dueOn: `${Y}-08-01`, weight: 3 },
      ],
    });
    const c2 = await create('hangdong', { name: '二期', parentId: parent.id, budget: 300 });
    expect((await get(parent.id)).progress).toBe(0);
    expect((await get(parent.id)).progressSource).toBe('children');
    const design = c1.milestones.find((m) => m.title === '设计')!;
    const after = expectOk<ProjectDetail>(
      await call('PATCH', `/api/projects/${c1.id}/milestones/${design.id}`, {
        as: 'unit01',
        body: { doneOn: `${Y}-03-30`, version: design.version },
      }),
    );
    expect(after.progress).toBe(25);
    expect((await get(parent.id)).progress).toBe(6.3); // 25 × 100 / 400
    expectOk(
      await call('PATCH', `/api/projects/${c2.id}`, {
        as: 'unit01',
        body: { manualProgress: 50, version: c2.version },
      }),
    );
    expect((await get(parent.id)).progress).toBe(43.8); // (25 × 100 + 50 × 300) / 400
    const c2now = await get(c2.id);
    expectOk(
      await call('POST', `/api/projects/${c2.id}/cancel`, {
        as: 'hangdong',
        body: { version: c2now.version, reason: '并入市级项目' },
      }),
    );
    expect((await get(parent.id)).progress).toBe(25);
    const [stored] = await ctx.database.db.select().from(projects).where(eq(projects.id, parent.id));
    expect(stored.progress).toBe(25);
    const build = after.milestones.find((m) => m.title === '施工')!;
    expectOk(
      await call('PATCH', `/api/projects/${c1.id}/milestones/${build.id}`, {
        as: 'hangdong',
        body: { doneOn: `${Y}-07-30`, version: build.version },
      }),
    );
    const done = await get(parent.id);
    expect(done).toMatchObject({ progress: 100, status: 'done' });
    expect(done.completedOn).not.toBeNull();
    const audits = await auditRows(ctx, { entityType: 'project_milestone' });
    expect(audits.some((a) => a.action === 'project_milestone.done' && a.actorName === 'unit01')).toBe(true);
  });

  it('derives delayed and overdue from dates, and filters and counts them', async () => {
    const late = await create('hangdong', {
      year: Y - 1,
      name: '去年的防汛项目',
      domain: 'flood_control',
      startOn: `${Y - 1}-03-01`,
      endOn: `${Y - 1}-06-30`,
      milestones: [
        { title: '清淤', dueOn: `${Y - 1}-05-01`, weight: 1 },
        { title: '验收', dueOn: `${Y - 1}-06-30`, weight: 1, doneOn: `${Y - 1}-06-29` },
      ],
    });
    expect(late).toMatchObject({ status: 'delayed', overdue: true, milestoneOverdue: true, progress: 50 });
    expect(late.milestones.find((m) => m.title === '清淤')?.overdue).toBe(true);
    const list = expectOk<Page<ProjectView>>(
      await call('GET', `/api/projects?year=${Y - 1}&overdue=true&status=delayed&domain=flood_control`, {
        as: 'hangdong',
      }),
    );
    expect(list.items.map((p) => p.id)).toEqual([late.id]);
    const none = expectOk<Page<ProjectView>>(
      await call('GET', `/api/projects?year=${Y - 1}&overdue=false`, { as: 'hangdong' }),
    );
    expect(none.items.some((p) => p.id === late.id)).toBe(false);
    const summary = expectOk<ProjectSummary>(
      await call('GET', `/api/projects/summary?year=${Y - 1}&communityId=${A()}`, { as: 'hangdong' }),
    );
    expect(summary).toMatchObject({ total: 1, overdue: 1, byStatus: { delayed: 1 } });
    const byUnit = expectOk<Page<ProjectView>>(
      await call('GET', `/api/projects?unitId=${U1()}&q=防汛&sort=-progress`, { as: 'admin' }),
    );
    expect(byUnit.items.some((p) => p.id === late.id)).toBe(true);
  });

  it('refuses a stale edit and leaves the row untouched', async () => {
    const p = await create('hangdong', { name: '并发编辑' });
    expectOk(await call('PATCH', `/api/projects/${p.id}`, { as: 'hangdong', body: { budget: 1, version: p.version } }));
    expectError(
      await call('PATCH', `/api/projects/${p.id}`, { as: 'hangdong', body: { budget: 2, version: p.version } }),
      409,
      'STALE_UPDATE',
    );
    expect((await get(p.id)).budget).toBe(1);
  });
});
