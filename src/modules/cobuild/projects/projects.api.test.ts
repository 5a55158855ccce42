import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import type { PlanView, ProjectDetail, ProjectView } from './projects.contracts.js';
import { projectPlans } from './projects.schema.js';
import { A, B, body, call, create, ctx, U1, U2, useProjectsContext, Y } from '../../../../test/api-setup/projects.js';

useProjectsContext();

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
