import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../test/http.js';
import type { GridDetail } from '../grid/grid.contracts.js';
import type { GridDutyView } from './duties.contracts.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
/** Duties set up before the tests: an active grid worker on gA1, an ended building head on gA111, and so on. */
const d: Record<'gridWorker' | 'oldBuildingHead' | 'neighbourhood' | 'memberB', GridDutyView> = {} as never;

const create = async (body: Record<string, unknown>, as = 'admin') =>
  expectOk<GridDutyView>(await call('POST', '/api/grid-duties', { as, body }), 201);
const list = async (query: string, as = 'admin') =>
  expectOk<Page<GridDutyView>>(await call('GET', `/api/grid-duties?${query}`, { as }));
const ids = (p: Page<GridDutyView>) => p.items.map((x) => x.id).sort();

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  const { grids: g, people: p } = ctx.world;
  d.gridWorker = await create({
    gridId: g.gA1.id,
    personId: p.gridWorkerPerson.id,
    role: 'grid_worker',
    since: '2024-01-01',
  });
  d.oldBuildingHead = await create({
    gridId: g.gA111.id,
    personId: p.residentA.id,
    role: 'building_head',
    since: '2023-01-01',
    until: '2023-12-31',
  });
  d.neighbourhood = await create({
    gridId: g.gA11.id,
    personId: p.memberPerson1.id,
    role: 'neighbourhood_worker',
    since: '2024-02-01',
    until: '2099-12-31',
  });
  d.memberB = await create({
    gridId: g.gB1.id,
    personId: p.memberPerson2.id,
    role: 'in_service_member',
    since: '2024-03-01',
  });
});
afterAll(async () => {
  await ctx?.close();
});

describe('POST /api/grid-duties', () => {
  it('lets a community admin put a person in charge of a grid in their community, masking the phone, and audits it', async () => {
    const duty = await create(
      {
        gridId: ctx.world.grids.gA2.id,
        personId: ctx.world.people.gridWorkerPerson.id,
        role: 'grid_worker',
        since: '2024-05-01',
        note: '兼任',
      },
      'hangdong',
    );
    expect(duty).toMatchObject({
      gridCode: '350723001002',
      personName: '陈网格',
      personPhone: '135****5555',
      role: 'grid_worker',
      since: '2024-05-01',
      until: null,
      note: '兼任',
      active: true,
      version: 1,
    });
    const [row] = await auditRows(ctx, { action: 'grid_duty.create', entityId: duty.id });
    expect(row).toMatchObject({ actorName: 'hangdong', entityType: 'grid_duty' });
    expect(row.after).toMatchObject({ role: 'grid_worker', since: '2024-05-01' });
  });

  it('rejects an end date before the start date with 400 and writes nothing', async () => {
    const before = (await list('pageSize=1')).total;
    const res = await call('POST', '/api/grid-duties', {
      as: 'admin',
      body: {
        gridId: ctx.world.grids.gA1.id,
        personId: ctx.world.people.residentA.id,
        role: 'alley_head',
        since: '2024-06-01',
        until: '2024-05-31',
      },
    });
    const err = expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(err.error.details)).toContain('until');
    expect((await list('pageSize=1')).total).toBe(before);
  });

  it('validates the body: unknown grid or person, bad role, bad date, unknown field', async () => {
    const base = {
      gridId: ctx.world.grids.gA1.id,
      personId: ctx.world.people.residentA.id,
      role: 'alley_head',
      since: '2024-06-01',
    };
    for (const body of [
      { ...base, gridId: crypto.randomUUID() },
      { ...base, personId: crypto.randomUUID() },
      { ...base, role: 'mayor' },
      { ...base, since: '2024-13-01' },
      { ...base, since: '01/06/2024' },
      { ...base, salary: 100 },
      { role: 'alley_head' },
    ]) {
      expectError(await call('POST', '/api/grid-duties', { as: 'admin', body }), 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses a community admin on another community’s grid (403) and roles without duty.write', async () => {
    const body = {
      gridId: ctx.world.grids.gB1.id,
      personId: ctx.world.people.residentB.id,
      role: 'building_head',
      since: '2024-01-01',
    };
    expectError(await call('POST', '/api/grid-duties', { as: 'hangdong', body }), 403, 'FORBIDDEN');
    expectError(
      await call('POST', '/api/grid-duties', { as: 'grid01', body: { ...body, gridId: ctx.world.grids.gA1.id } }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('POST', '/api/grid-duties', { as: 'resident01', body }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/grid-duties', { body }), 401, 'UNAUTHENTICATED');
    expect((await list(`gridId=${ctx.world.grids.gB1.id}`)).total).toBe(1);
  });
});

describe('GET /api/grid-duties', () => {
  it('filters active and ended duties by their dates', async () => {
    const active = await list('active=true&pageSize=200');
    expect(active.items.every((x) => x.active)).toBe(true);
    expect(ids(active)).toContain(d.neighbourhood.id);
    expect(ids(active)).not.toContain(d.oldBuildingHead.id);
    const ended = await list('active=false');
    expect(ids(ended)).toEqual([d.oldBuildingHead.id]);
    expect(ended.items[0].active).toBe(false);
    expectError(await call('GET', '/api/grid-duties?active=yes', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('lists one grid’s duties, or with includeDescendants its whole subtree', async () => {
    const { gA1, gA, gB } = ctx.world.grids;
    expect(ids(await list(`gridId=${gA1.id}`))).toEqual([d.gridWorker.id]);
    expect((await list(`gridId=${gA.id}`)).total).toBe(0);
    expect(ids(await list(`gridId=${gA1.id}&includeDescendants=true`))).toEqual(
      [d.gridWorker.id, d.neighbourhood.id, d.oldBuildingHead.id].sort(),
    );
    expect(ids(await list(`gridId=${gB.id}&includeDescendants=true`))).toEqual([d.memberB.id]);
    expectError(
      await call('GET', `/api/grid-duties?gridId=${crypto.randomUUID()}&includeDescendants=true`, { as: 'admin' }),
      404,
      'NOT_FOUND',
    );
  });

  it('filters by person, role and community, and searches person and grid names', async () => {
    expect(ids(await list(`personId=${ctx.world.people.memberPerson1.id}`))).toEqual([d.neighbourhood.id]);
    expect(ids(await list('role=building_head,in_service_member'))).toEqual(
      [d.memberB.id, d.oldBuildingHead.id].sort(),
    );
    expect(ids(await list(`communityId=${ctx.world.communityB.id}`))).toEqual([d.memberB.id]);
    expect(ids(await list(`q=${encodeURIComponent('张党员')}`))).toEqual([d.neighbourhood.id]);
    expect(ids(await list(`q=${encodeURIComponent('1号楼')}`))).toEqual([d.oldBuildingHead.id]);
    expectError(await call('GET', '/api/grid-duties?role=mayor', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('pages and sorts', async () => {
    const page = await list('pageSize=2&sort=-since');
    expect(page).toMatchObject({ page: 1, pageSize: 2 });
    expect(page.total).toBeGreaterThanOrEqual(4);
    const sinces = page.items.map((x) => x.since);
    expect(sinces).toEqual([...sinces].sort().reverse());
    const asc = (await list('sort=since&pageSize=1')).items[0];
    expect(asc.id).toBe(d.oldBuildingHead.id);
    expectError(await call('GET', '/api/grid-duties?pageSize=201', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('shows a resident or member the duty holders of their own grid and its ancestors only, phones masked', async () => {
    const seen = await list(`gridId=${ctx.world.grids.gA1.id}`, 'resident01');
    expect(seen.items[0].personPhone).toBe('135****5555');
    // resident01 lives in gA111 (under gA11, gA1, gA): their grid worker, neighbourhood worker and building head.
    expect(ids(await list('pageSize=200', 'resident01'))).toEqual(
      [d.gridWorker.id, d.neighbourhood.id, d.oldBuildingHead.id].sort(),
    );
    // member01 lives in gA11: not the building below it, nor the other community's or the neighbouring grid's duties.
    expect(ids(await list('pageSize=200', 'member01'))).toEqual([d.gridWorker.id, d.neighbourhood.id].sort());
    expect(ids(await list('pageSize=200', 'member02'))).toEqual([d.memberB.id]);
    expect((await list(`gridId=${ctx.world.grids.gB1.id}`, 'resident01')).total).toBe(0);
    expect((await list(`communityId=${ctx.world.communityB.id}`, 'member01')).total).toBe(0);
  });

  it('shows staff every duty as before, and nothing to anonymous callers', async () => {
    const all = (await list('pageSize=1')).total;
    for (const as of ['hangdong', 'sanfeng', 'grid01', 'unit01'])
      expect((await list('pageSize=1', as)).total).toBe(all);
    expectError(await call('GET', '/api/grid-duties'), 401, 'UNAUTHENTICATED');
  });
});

describe('PATCH /api/grid-duties/:id', () => {
  it('ends a duty, bumping the version, and audits before and after', async () => {
    const duty = await create(
      {
        gridId: ctx.world.grids.gA2.id,
        personId: ctx.world.people.residentA.id,
        role: 'alley_head',
        since: '2024-01-01',
      },
      'hangdong',
    );
    const ended = expectOk<GridDutyView>(
      await call('PATCH', `/api/grid-duties/${duty.id}`, {
        as: 'hangdong',
        body: { until: '2024-06-30', version: duty.version },
      }),
    );
    expect(ended).toMatchObject({ until: '2024-06-30', active: false, version: duty.version + 1 });
    const [row] = await auditRows(ctx, { action: 'grid_duty.update', entityId: duty.id });
    expect(row.before).toMatchObject({ until: null });
    expect(row.after).toMatchObject({ until: '2024-06-30' });
  });

  it('rejects an end before the (existing) start, a stale version, and an unknown id', async () => {
    const duty = d.gridWorker;
    expectError(
      await call('PATCH', `/api/grid-duties/${duty.id}`, {
        as: 'admin',
        body: { until: '2023-12-31', version: duty.version },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PATCH', `/api/grid-duties/${duty.id}`, {
        as: 'admin',
        body: { note: '过期', version: duty.version + 5 },
      }),
      409,
      'STALE_UPDATE',
    );
    expectError(
      await call('PATCH', `/api/grid-duties/${duty.id}`, {
        as: 'admin',
        body: { gridId: ctx.world.grids.gA2.id, version: duty.version },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PATCH', `/api/grid-duties/${crypto.randomUUID()}`, { as: 'admin', body: { note: 'x', version: 1 } }),
      404,
      'NOT_FOUND',
    );
    expect((await list(`gridId=${ctx.world.grids.gA1.id}`)).items[0]).toMatchObject({
      until: null,
      note: null,
      version: duty.version,
    });
  });

  it('refuses a community admin editing a duty in another community', async () => {
    const duty = d.gridWorker;
    expectError(
      await call('PATCH', `/api/grid-duties/${duty.id}`, {
        as: 'sanfeng',
        body: { note: '越权', version: duty.version },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/grid-duties/${duty.id}`, {
        as: 'unit01',
        body: { note: '越权', version: duty.version },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/grid-duties/${duty.id}`, { body: { note: '越权', version: duty.version } }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('DELETE /api/grid-duties/:id', () => {
  it('removes a duty in the admin’s community and audits it; another community’s is refused', async () => {
    expectError(await call('DELETE', `/api/grid-duties/${d.memberB.id}`, { as: 'hangdong' }), 403, 'FORBIDDEN');
    expectError(await call('DELETE', `/api/grid-duties/${d.oldBuildingHead.id}`, { as: 'grid01' }), 403, 'FORBIDDEN');
    expectError(await call('DELETE', `/api/grid-duties/${d.oldBuildingHead.id}`), 401, 'UNAUTHENTICATED');
    expect(expectOk(await call('DELETE', `/api/grid-duties/${d.oldBuildingHead.id}`, { as: 'hangdong' }))).toEqual({
      ok: true,
    });
    expect(ids(await list('active=false'))).not.toContain(d.oldBuildingHead.id);
    const [row] = await auditRows(ctx, { action: 'grid_duty.delete', entityId: d.oldBuildingHead.id });
    expect(row.before).toMatchObject({ role: 'building_head', until: '2023-12-31' });
    expect(ids(await list(`gridId=${ctx.world.grids.gB1.id}`))).toEqual([d.memberB.id]);
  });

  it('rejects a malformed id (400) and an unknown one (404)', async () => {
    expectError(await call('DELETE', '/api/grid-duties/1', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('DELETE', `/api/grid-duties/${crypto.randomUUID()}`, { as: 'admin' }), 404, 'NOT_FOUND');
  });

  it('keeps a grid that still has a duty from being deleted', async () => {
    const leaf = expectOk<GridDetail>(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: { name: '有岗楼栋', level: 4, kind: 'building', parentId: ctx.world.grids.gA11.id },
      }),
      201,
    );
    await create({
      gridId: leaf.id,
      personId: ctx.world.people.residentA.id,
      role: 'building_head',
      since: '2024-01-01',
    });
    const res = await call('DELETE', `/api/grids/${leaf.id}`, { as: 'admin' });
    expect(expectError(res, 409, 'REFERENCED').error.message).toContain('网格职责');
  });
});
