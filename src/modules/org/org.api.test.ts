import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../test/http.js';
import { blockingForeignKeys, referrerNoun } from '../../core/references.js';
import type { OrganisationView, OrgTreeNode } from './org.contracts.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

const list = async (query: string, as = 'admin') =>
  expectOk<Page<OrganisationView>>(await call('GET', `/api/organisations?${query}`, { as }));
const get = async (id: string) =>
  expectOk<OrganisationView>(await call('GET', `/api/organisations/${id}`, { as: 'admin' }));

describe('GET /api/organisations', () => {
  it('pages through all organisations with total, page and pageSize', async () => {
    const first = await list('pageSize=3');
    expect(first).toMatchObject({ total: 7, page: 1, pageSize: 3 });
    expect(first.items).toHaveLength(3);
    const last = await list('pageSize=3&page=3');
    expect(last.items).toHaveLength(1);
    const seen = new Set([...first.items, ...(await list('pageSize=3&page=2')).items, ...last.items].map((o) => o.id));
    expect(seen.size).toBe(7);
  });

  it('rejects pageSize above 200 and page 0', async () => {
    expectError(await call('GET', '/api/organisations?pageSize=201', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', '/api/organisations?page=0', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('filters by kind (one or several), parent and strength', async () => {
    expect((await list('kind=community')).items.map((o) => o.name).sort()).toEqual(['三凤社区', '杭东社区']);
    expect((await list('kind=community,unit')).total).toBe(4);
    expect((await list('kind=community&kind=unit')).total).toBe(4);
    expect((await list(`parentId=${ctx.world.town.id}`)).items.map((o) => o.kind)).toEqual(['community', 'community']);
    expect((await list('strength=law')).items.map((o) => o.name)).toEqual(['县司法局党组']);
    expectError(await call('GET', '/api/organisations?kind=village', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', '/api/organisations?strength=magic', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('searches names and codes with q, treating % and _ literally', async () => {
    expect((await list('q=三凤')).items.map((o) => o.name)).toEqual(['三凤社区']);
    expect((await list('q=u00')).items.map((o) => o.code).sort()).toEqual(['U001', 'U002']);
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
  });

  it('sorts by field ascending and, with a minus, descending', async () => {
    const asc = (await list('kind=community,unit&sort=population')).items.map((o) => o.population);
    expect(asc).toEqual([40, 60, 4000, 5000]);
    const desc = (await list('kind=community,unit&sort=-population')).items.map((o) => o.population);
    expect(desc).toEqual([5000, 4000, 60, 40]);
    const byCode = (await list('kind=unit&sort=-code')).items.map((o) => o.code);
    expect(byCode).toEqual(['U002', 'U001']);
  });

  it('reports parent name, member count and child count', async () => {
    const [unit1] = (await list('q=U001')).items;
    expect(unit1).toMatchObject({ parentName: '光泽县', memberCount: 1, childCount: 0, strengths: ['law'] });
    const [town] = (await list('kind=town')).items;
    expect(town.childCount).toBe(2);
  });

  it('needs a login (401) and the org.read permission (403 for a resident)', async () => {
    expectError(await call('GET', '/api/organisations'), 401, 'UNAUTHENTICATED');
    expectError(await call('GET', '/api/organisations', { as: 'resident01' }), 403, 'FORBIDDEN');
    // Every other role reads the public organisation tree.
    expect((await list('pageSize=1', 'unit01')).total).toBe(7);
  });
});

describe('GET /api/organisations/tree', () => {
  it('nests county → town → community → branch, with units under the county', async () => {
    const tree = expectOk<OrgTreeNode[]>(await call('GET', '/api/organisations/tree', { as: 'hangdong' }));
    expect(tree).toHaveLength(1);
    const [county] = tree;
    expect(Object.keys(county).sort()).toEqual(['children', 'code', 'id', 'kind', 'name']);
    expect(county).toMatchObject({ name: '光泽县', kind: 'county', code: '350723' });
    expect(county.children.map((c) => c.name).sort()).toEqual(['县卫健局党组', '县司法局党组', '杭川镇'].sort());
    const town = county.children.find((c) => c.kind === 'town')!;
    const a = town.children.find((c) => c.name === '杭东社区')!;
    expect(a.children).toEqual([
      { id: ctx.world.branchA.id, kind: 'branch', name: '杭东社区第一党支部', code: null, children: [] },
    ]);
  });

  it('with a kind filter, returns only those kinds as roots', async () => {
    const tree = expectOk<OrgTreeNode[]>(await call('GET', '/api/organisations/tree?kind=community', { as: 'admin' }));
    expect(tree.map((n) => [n.name, n.children.length])).toEqual([
      ['杭东社区', 0],
      ['三凤社区', 0],
    ]);
  });

  it('rejects an unknown kind, an anonymous caller and a resident', async () => {
    expectError(await call('GET', '/api/organisations/tree?kind=nation', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', '/api/organisations/tree'), 401, 'UNAUTHENTICATED');
    expectError(await call('GET', '/api/organisations/tree', { as: 'resident01' }), 403, 'FORBIDDEN');
  });
});

describe('GET /api/organisations/:id', () => {
  it('returns one organisation with its parent name', async () => {
    const a = await get(ctx.world.communityA.id);
    expect(a).toMatchObject({
      name: '杭东社区',
      kind: 'community',
      parentName: '杭川镇',
      lng: 117.335,
      population: 5000,
      version: 1,
    });
  });

  it('rejects a malformed id (400), an unknown id (404), anonymous (401) and residents (403)', async () => {
    expectError(await call('GET', '/api/organisations/123', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', `/api/organisations/${crypto.randomUUID()}`, { as: 'admin' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/organisations/${ctx.world.communityA.id}`), 401, 'UNAUTHENTICATED');
    expectError(
      await call('GET', `/api/organisations/${ctx.world.communityA.id}`, { as: 'resident01' }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('POST /api/organisations', () => {
  it('lets the county admin create a town and records it in the audit log', async () => {
    const body = { kind: 'town', name: '止马镇', code: '350723101', parentId: ctx.world.county.id };
    const town = expectOk<OrganisationView>(await call('POST', '/api/organisations', { as: 'admin', body }), 201);
    expect(town).toMatchObject({ ...body, parentName: '光泽县', version: 1, childCount: 0 });
    const [row] = await auditRows(ctx, { action: 'organisation.create', entityId: town.id });
    expect(row).toMatchObject({ actorName: 'admin', entityType: 'organisation', before: null });
    expect(row.after).toMatchObject({ name: '止马镇', code: '350723101' });
  });

  it('only the county admin writes: a community admin and a unit admin get 403 and nothing is created', async () => {
    const body = { kind: 'branch', name: '越权支部', parentId: ctx.world.communityA.id };
    expectError(await call('POST', '/api/organisations', { as: 'hangdong', body }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/organisations', { as: 'unit01', body }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/organisations', { body }), 401, 'UNAUTHENTICATED');
    expect((await list('q=越权')).total).toBe(0);
  });

  it('rejects a branch directly under a town with ORG_PARENT_KIND', async () => {
    const res = await call('POST', '/api/organisations', {
      as: 'admin',
      headers: { 'accept-language': 'en' },
      body: { kind: 'branch', name: '错位支部', parentId: ctx.world.town.id },
    });
    const err = expectError(res, 400, 'ORG_PARENT_KIND');
    expect(err.error.message).toBe('Wrong parent: a branch cannot sit under a town');
    expect((await list('q=错位')).total).toBe(0);
  });

  it('validates the body: unknown fields, missing name, bad strengths, a missing parent', async () => {
    const base = { kind: 'unit', name: '县教育局党组', parentId: ctx.world.county.id };
    for (const body of [
      { ...base, secret: 1 },
      { kind: 'unit', parentId: ctx.world.county.id },
      { ...base, strengths: ['magic'] },
      { ...base, code: 'has space' },
      { ...base, parentId: crypto.randomUUID() },
    ]) {
      expectError(await call('POST', '/api/organisations', { as: 'admin', body }), 400, 'VALIDATION_FAILED');
    }
    expect((await list('q=教育局')).total).toBe(0);
  });

  it('rejects a duplicate code with 409 DUPLICATE naming the field', async () => {
    const res = await call('POST', '/api/organisations', {
      as: 'admin',
      body: { kind: 'unit', name: '重码单位', code: 'U001', parentId: ctx.world.county.id },
    });
    const err = expectError(res, 409, 'DUPLICATE');
    expect(err.error.message).toBe('编码“U001”已存在');
  });
});

describe('PATCH /api/organisations/:id', () => {
  it('updates with the current version, bumps it and audits before and after', async () => {
    const unit2 = await get(ctx.world.unit2.id);
    const updated = expectOk<OrganisationView>(
      await call('PATCH', `/api/organisations/${unit2.id}`, {
        as: 'admin',
        body: { phone: '0599-7921234', strengths: ['health', 'elderly_care'], version: unit2.version },
      }),
    );
    expect(updated).toMatchObject({
      phone: '0599-7921234',
      strengths: ['health', 'elderly_care'],
      version: unit2.version + 1,
    });
    const [row] = await auditRows(ctx, { action: 'organisation.update', entityId: unit2.id });
    expect(row.before).toMatchObject({ phone: null, strengths: ['health'], version: 1 });
    expect(row.after).toMatchObject({ phone: '0599-7921234', version: 2 });
  });

  it('rejects a stale version with 409 STALE_UPDATE, changes nothing and writes no audit row', async () => {
    const before = await get(ctx.world.communityB.id);
    expect(
      expectOk<OrganisationView>(
        await call('PATCH', `/api/organisations/${before.id}`, {
          as: 'admin',
          body: { address: '三凤路1号', version: before.version },
        }),
      ).version,
    ).toBe(before.version + 1);
    const auditCount = (await auditRows(ctx, { action: 'organisation.update', entityId: before.id })).length;
    expectError(
      await call('PATCH', `/api/organisations/${before.id}`, {
        as: 'admin',
        body: { name: '改名失败', version: before.version },
      }),
      409,
      'STALE_UPDATE',
    );
    const after = await get(before.id);
    expect(after).toMatchObject({ name: '三凤社区', address: '三凤路1号', version: before.version + 1 });
    expect(await auditRows(ctx, { action: 'organisation.update', entityId: before.id })).toHaveLength(auditCount);
  });

  it('refuses to move a community under its own descendant (ORG_CYCLE) or under itself', async () => {
    const a = await get(ctx.world.communityA.id);
    expectError(
      await call('PATCH', `/api/organisations/${a.id}`, {
        as: 'admin',
        body: { parentId: ctx.world.branchA.id, version: a.version },
      }),
      400,
      'ORG_CYCLE',
    );
    expectError(
      await call('PATCH', `/api/organisations/${a.id}`, { as: 'admin', body: { parentId: a.id, version: a.version } }),
      400,
      'ORG_CYCLE',
    );
    expect((await get(a.id)).parentId).toBe(ctx.world.town.id);
  });

  it('refuses a parent of the wrong kind (a unit under a community)', async () => {
    const u = await get(ctx.world.unit1.id);
    expectError(
      await call('PATCH', `/api/organisations/${u.id}`, {
        as: 'admin',
        body: { parentId: ctx.world.communityA.id, version: u.version },
      }),
      400,
      'ORG_PARENT_KIND',
    );
  });

  it('validates the body and the id', async () => {
    const id = ctx.world.unit1.id;
    expectError(
      await call('PATCH', `/api/organisations/${id}`, { as: 'admin', body: { name: 'x' } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PATCH', `/api/organisations/${id}`, { as: 'admin', body: { kind: 'town', version: 1 } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PATCH', `/api/organisations/${id}`, { as: 'admin', body: { name: '', version: 1 } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PATCH', `/api/organisations/${crypto.randomUUID()}`, {
        as: 'admin',
        body: { name: 'x', version: 1 },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('forbids anyone but the county admin, even for their own community', async () => {
    const a = await get(ctx.world.communityA.id);
    expectError(
      await call('PATCH', `/api/organisations/${a.id}`, { as: 'hangdong', body: { name: '杭东', version: a.version } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/organisations/${a.id}`, { body: { name: '杭东', version: a.version } }),
      401,
      'UNAUTHENTICATED',
    );
    expect((await get(a.id)).name).toBe('杭东社区');
  });
});

describe('DELETE /api/organisations/:id', () => {
  it('refuses to delete a community that has grids, naming them, and deletes nothing', async () => {
    const res = await call('DELETE', `/api/organisations/${ctx.world.communityB.id}`, { as: 'admin' });
    expect(expectError(res, 409, 'REFERENCED').error.message).toBe('无法删除：仍有2条网格引用它，请先处理这些记录');
    const en = await call('DELETE', `/api/organisations/${ctx.world.communityB.id}`, {
      as: 'admin',
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().error.message).toContain('2 grid record(s) still refer to it');
    expect((await get(ctx.world.communityB.id)).name).toBe('三凤社区');
    expect(await auditRows(ctx, { action: 'organisation.delete', entityId: ctx.world.communityB.id })).toHaveLength(0);
  });

  it('refuses to delete a community with a branch, or a unit with members', async () => {
    const a = await call('DELETE', `/api/organisations/${ctx.world.communityA.id}`, { as: 'admin' });
    expect(expectError(a, 409, 'REFERENCED').error.message).toContain('下级组织');
    const u = await call('DELETE', `/api/organisations/${ctx.world.unit1.id}`, { as: 'admin' });
    expect(expectError(u, 409, 'REFERENCED').error.message).toContain('党员');
  });

  it('refuses to delete a unit that only a co-building record refers to, naming the record, not a constraint', async () => {
    const unit = expectOk<OrganisationView>(
      await call('POST', '/api/organisations', {
        as: 'admin',
        body: { kind: 'unit', name: '县资源局党组', parentId: ctx.world.county.id, lng: 117.336, lat: 27.546 },
      }),
      201,
    );
    expectOk(
      await call('POST', '/api/resources', {
        as: 'admin',
        body: {
          unitId: unit.id,
          kind: 'people_hours',
          title: '志愿服务',
          capacity: 10,
          unit: 'person_hours',
          availableFrom: '2026-01-01',
          availableTo: '2027-12-31',
        },
      }),
      201,
    );
    const res = await call('DELETE', `/api/organisations/${unit.id}`, { as: 'admin' });
    expect(expectError(res, 409, 'REFERENCED').error.message).toBe('无法删除：仍有1条资源引用它，请先处理这些记录');
    expect((await get(unit.id)).name).toBe('县资源局党组');
  });

  it('names every kind of row that can block the deletion of an organisation (none is left to its constraint name)', async () => {
    const keys = await blockingForeignKeys(ctx.database.db, 'organisations');
    expect(keys.length).toBeGreaterThanOrEqual(29);
    expect(keys.filter((k) => referrerNoun(k.table, k.column) === undefined)).toEqual([]);
  });

  it('deletes an unreferenced organisation and audits what it was', async () => {
    const created = expectOk<OrganisationView>(
      await call('POST', '/api/organisations', {
        as: 'admin',
        body: { kind: 'branch', name: '临时支部', parentId: ctx.world.unit1.id },
      }),
      201,
    );
    expectError(await call('DELETE', `/api/organisations/${created.id}`, { as: 'hangdong' }), 403, 'FORBIDDEN');
    expectError(await call('DELETE', `/api/organisations/${created.id}`), 401, 'UNAUTHENTICATED');
    expect(expectOk(await call('DELETE', `/api/organisations/${created.id}`, { as: 'admin' }))).toEqual({ ok: true });
    expectError(await call('GET', `/api/organisations/${created.id}`, { as: 'admin' }), 404, 'NOT_FOUND');
    const [row] = await auditRows(ctx, { action: 'organisation.delete', entityId: created.id });
    expect(row).toMatchObject({ actorName: 'admin', after: null });
    expect(row.before).toMatchObject({ name: '临时支部', kind: 'branch' });
  });

  it('rejects a malformed id (400) and an unknown one (404)', async () => {
    expectError(await call('DELETE', '/api/organisations/nope', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('DELETE', `/api/organisations/${crypto.randomUUID()}`, { as: 'admin' }), 404, 'NOT_FOUND');
  });
});
