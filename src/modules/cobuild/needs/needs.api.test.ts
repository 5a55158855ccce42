import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { api, expectError, expectOk, type Page } from '../../../../test/http.js';
import { auditLog } from '../../../core/audit.schema.js';
import type { NeedView, ResourceView } from './needs.contracts.js';
import { needs, resources } from './needs.schema.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

const needBody = (over: Record<string, unknown> = {}) => ({
  communityId: ctx.world.communityA.id,
  title: '老旧小区楼道清理',
  domain: 'old_estate_renovation',
  priority: 4,
  lng: 117.334,
  lat: 27.544,
  quantity: 40,
  unit: 'person_hours',
  ...over,
});
const resourceBody = (over: Record<string, unknown> = {}) => ({
  kind: 'people_hours',
  title: '党员志愿服务工时',
  capacity: 60,
  unit: 'person_hours',
  availableFrom: '2020-01-01',
  availableTo: '2099-12-31',
  ...over,
});

async function audits(action: string, entityId: string) {
  return ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
}

describe('needs: CRUD with community scope', () => {
  it('a community admin enters, edits and lists its own needs; each write is audited', async () => {
    const created = expectOk<NeedView>(await call('POST', '/api/needs', { as: 'hangdong', body: needBody() }), 201);
    expect(created).toMatchObject({
      status: 'open',
      served: 0,
      remaining: 40,
      source: 'community',
      communityName: '杭东社区',
    });
    const [row] = await ctx.database.db.select().from(needs).where(eq(needs.id, created.id));
    expect(row.priority).toBe(4);
    expect(await audits('need.create', created.id)).toHaveLength(1);
    const edited = expectOk<NeedView>(
      await call('PATCH', `/api/needs/${created.id}`, {
        as: 'grid01',
        body: { priority: 5, version: created.version },
      }),
    );
    expect(edited.priority).toBe(5);
    expectError(
      await call('PATCH', `/api/needs/${created.id}`, {
        as: 'hangdong',
        body: { priority: 3, version: created.version },
      }),
      409,
      'STALE_UPDATE',
    );
    const list = expectOk<Page<NeedView>>(await call('GET', '/api/needs?priority=5&q=楼道', { as: 'hangdong' }));
    expect(list.items.map((n) => n.id)).toContain(created.id);
  });

  it('refuses another community (403), a unit admin (403) and a point outside the county (400)', async () => {
    expectError(await call('POST', '/api/needs', { as: 'sanfeng', body: needBody() }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/needs', { as: 'unit01', body: needBody() }), 403, 'FORBIDDEN');
    expectError(
      await call('POST', '/api/needs', { as: 'hangdong', body: needBody({ lng: 116.4, lat: 39.9 }) }),
      400,
      'OUTSIDE_COUNTY',
    );
    expectError(
      await call('POST', '/api/needs', { as: 'hangdong', body: needBody({ priority: 9 }) }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('POST', '/api/needs', { as: 'hangdong', body: needBody({ quantity: -1 }) }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('POST', '/api/needs', { as: 'hangdong', body: needBody({ communityId: ctx.world.unit1.id }) }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/needs', { as: 'admin', body: needBody({ communityId: ctx.world.unit1.id }) }),
      400,
      'VALIDATION_FAILED',
    );
    const b = expectOk<NeedView>(
      await call('POST', '/api/needs', {
        as: 'sanfeng',
        body: needBody({ communityId: ctx.world.communityB.id, title: '三凤防汛沙袋' }),
      }),
      201,
    );
    expectError(
      await call('PATCH', `/api/needs/${b.id}`, { as: 'hangdong', body: { priority: 1, version: b.version } }),
      404,
      'NOT_FOUND',
    );
    const seen = expectOk<Page<NeedView>>(await call('GET', '/api/needs?pageSize=200', { as: 'hangdong' }));
    expect(seen.items.every((n) => n.communityId === ctx.world.communityA.id)).toBe(true);
    expectError(await call('GET', '/api/needs', { as: 'resident01' }), 403, 'FORBIDDEN');
    expectOk(await call('DELETE', `/api/needs/${b.id}`, { as: 'sanfeng' }));
    expect(await ctx.database.db.select().from(needs).where(eq(needs.id, b.id))).toHaveLength(0);
  });

  it('marks a case as a need once: title, place and community come from the case; a retry returns the same need', async () => {
    const c = expectOk<{ id: string; title: string }>(
      await call('POST', '/api/cases', {
        as: 'hangdong',
        body: {
          channel: 'hall',
          categoryCode: 'facilities.road',
          description: '小区路面破损需要修补',
          lng: 117.337,
          lat: 27.545,
          reporterName: '来访居民',
        },
      }),
      201,
    );
    expectError(await call('POST', `/api/needs/from-case/${c.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    const first = expectOk<NeedView>(
      await call('POST', `/api/needs/from-case/${c.id}`, { as: 'hangdong', body: { priority: 5, quantity: 16 } }),
      201,
    );
    expect(first).toMatchObject({
      source: 'case',
      caseId: c.id,
      title: c.title,
      priority: 5,
      lng: 117.337,
      lat: 27.545,
      communityId: ctx.world.communityA.id,
    });
    const again = expectOk<NeedView>(await call('POST', `/api/needs/from-case/${c.id}`, { as: 'hangdong' }), 200);
    expect(again.id).toBe(first.id);
    expect(await ctx.database.db.select().from(needs).where(eq(needs.caseId, c.id))).toHaveLength(1);
    expect(await audits('need.from_case', first.id)).toHaveLength(1);
    // The case itself now says it was raised as a need.
    expect(expectOk<{ isNeed: boolean }>(await call('GET', `/api/cases/${c.id}`, { as: 'hangdong' })).isNeed).toBe(
      true,
    );
  });
});

describe('resources: a unit manages its own', () => {
  it('a unit admin offers a resource at its own location by default; another unit cannot touch it', async () => {
    const r = expectOk<ResourceView>(await call('POST', '/api/resources', { as: 'unit01', body: resourceBody() }), 201);
    expect(r).toMatchObject({ unitId: ctx.world.unit1.id, lng: 117.336, lat: 27.546, reserved: 0, remaining: 60 });
    expect(await audits('resource.create', r.id)).toHaveLength(1);
    expectError(
      await call('PATCH', `/api/resources/${r.id}`, { as: 'unit02', body: { capacity: 10, version: r.version } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('POST', '/api/resources', { as: 'unit02', body: resourceBody({ unitId: ctx.world.unit1.id }) }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/resources', { as: 'hangdong', body: resourceBody({ unitId: ctx.world.unit1.id }) }),
      403,
      'FORBIDDEN',
    );
    const edited = expectOk<ResourceView>(
      await call('PATCH', `/api/resources/${r.id}`, { as: 'unit01', body: { capacity: 80, version: r.version } }),
    );
    expect(edited.capacity).toBe(80);
    // Community staff see every offer; a unit only its own.
    const seenByUnit2 = expectOk<Page<ResourceView>>(await call('GET', '/api/resources', { as: 'unit02' }));
    expect(seenByUnit2.items.map((x) => x.id)).not.toContain(r.id);
    const seenByCommunity = expectOk<Page<ResourceView>>(
      await call('GET', `/api/resources?unitId=${ctx.world.unit1.id}`, { as: 'hangdong' }),
    );
    expect(seenByCommunity.items.map((x) => x.id)).toContain(r.id);
  });

  it('rejects a unit of measure that does not fit the kind, a backwards period and an unknown field', async () => {
    expectError(
      await call('POST', '/api/resources', {
        as: 'unit01',
        body: resourceBody({ kind: 'money', unit: 'person_hours' }),
      }),
      400,
      'RESOURCE_UNIT_KIND',
    );
    expectError(
      await call('POST', '/api/resources', {
        as: 'unit01',
        body: resourceBody({ availableFrom: '2026-05-01', availableTo: '2026-04-01' }),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('POST', '/api/resources', { as: 'unit01', body: resourceBody({ colour: 'red' }) }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await call('POST', '/api/resources', { as: 'admin', body: resourceBody() }), 400, 'VALIDATION_FAILED');
    const county = expectOk<ResourceView>(
      await call('POST', '/api/resources', {
        as: 'admin',
        body: resourceBody({ unitId: ctx.world.unit2.id, kind: 'money', unit: 'yuan', capacity: 5000 }),
      }),
      201,
    );
    expect(county.unitName).toBe('县卫健局党组');
    const [row] = await ctx.database.db.select().from(resources).where(eq(resources.id, county.id));
    expect(row.unit).toBe('yuan');
  });

  it('exports the lists as Excel workbooks', async () => {
    const res = await call('GET', '/api/needs/export.xlsx', { as: 'hangdong' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(Number(res.headers['x-export-rows'])).toBeGreaterThan(0);
    const r2 = await call('GET', '/api/resources/export.xlsx', { as: 'unit01' });
    expect(r2.statusCode).toBe(200);
  });
});
