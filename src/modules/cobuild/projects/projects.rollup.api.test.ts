import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import type { ProjectDetail, ProjectSummary, ProjectView } from './projects.contracts.js';
import { projects } from './projects.schema.js';
import { A, body, call, create, ctx, get, U1, U2, useProjectsContext, Y } from '../../../../test/api-setup/projects.js';

useProjectsContext();

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
