import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, type AuditRow, auditRows, expectError, expectOk, type Page } from '../../../test/http.js';
import { rect } from '../../../test/world.js';
import type { GridDetail } from '../grid/grid.contracts.js';
import type { OrganisationView } from '../org/org.contracts.js';
import type { PersonView } from '../people/people.contracts.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

interface FullAuditRow extends AuditRow {
  at: string;
  ip: string | null;
  requestId: string | null;
}
const audit = async (query: string, as = 'admin') =>
  expectOk<Page<FullAuditRow>>(await call('GET', `/api/audit?${query}`, { as }));

describe('GET /api/audit', () => {
  it('lists entries newest first with actor, action, entity, before/after, ip and request id', async () => {
    const res = await call('POST', '/api/organisations', {
      as: 'admin',
      headers: { 'x-request-id': 'req-audit-1' },
      body: { kind: 'town', name: '寨里镇', parentId: ctx.world.county.id },
    });
    const org = expectOk<OrganisationView>(res, 201);
    const page = await audit('pageSize=5');
    expect(page).toMatchObject({ page: 1, pageSize: 5 });
    const [newest] = page.items;
    expect(newest).toMatchObject({
      actorUserId: ctx.world.users.admin.id,
      actorName: 'admin',
      action: 'organisation.create',
      entityType: 'organisation',
      // The client's X-Request-Id is not believed (no trusted proxy): the id is the server's, echoed in the answer.
      entityId: org.id,
      before: null,
      requestId: res.headers['x-request-id'],
    });
    expect(newest.requestId).not.toBe('req-audit-1');
    expect(newest.after).toMatchObject({ name: '寨里镇', kind: 'town' });
    expect(new Date(newest.at).toISOString()).toBe(newest.at);
    const ids = page.items.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('filters by action, entity, actor, time window and actor name', async () => {
    const { admin, hangdong } = ctx.world.users;
    await ctx.cookieFor('hangdong');
    expect((await audit('action=auth.login')).items.every((r) => r.action === 'auth.login')).toBe(true);
    const byActor = await audit(`actorUserId=${hangdong.id}`);
    expect(byActor.total).toBeGreaterThan(0);
    expect(byActor.items.every((r) => r.actorName === 'hangdong')).toBe(true);
    expect(
      (await audit(`entityType=organisation&actorUserId=${admin.id}`)).items.every(
        (r) => r.entityType === 'organisation',
      ),
    ).toBe(true);
    expect((await audit(`entityId=${crypto.randomUUID()}`)).total).toBe(0);
    expect((await audit(`from=${encodeURIComponent('2099-01-01T00:00:00+08:00')}`)).total).toBe(0);
    expect((await audit(`to=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).total).toBe(0);
    expect((await audit('q=hang')).items.every((r) => r.actorName === 'hangdong')).toBe(true);
    expect((await audit(`q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('pages with total and rejects bad queries', async () => {
    const all = await audit('pageSize=200');
    const p2 = await audit('pageSize=1&page=2');
    expect(p2.total).toBe(all.total);
    expect(p2.items[0].id).toBe(all.items[1].id);
    for (const q of ['pageSize=201', 'from=yesterday', 'to=2024-01-01', 'actorUserId=admin', 'page=-1']) {
      expectError(await call('GET', `/api/audit?${q}`, { as: 'admin' }), 400, 'VALIDATION_FAILED');
    }
  });

  it('is for the county admin only', async () => {
    expectError(await call('GET', '/api/audit'), 401, 'UNAUTHENTICATED');
    for (const user of ['hangdong', 'grid01', 'unit01', 'resident01']) {
      expectError(await call('GET', '/api/audit', { as: user }), 403, 'FORBIDDEN');
    }
  });
});

describe('audit trail of writes', () => {
  it('records each successful write once, with the acting user and what changed', async () => {
    const { grids: g, people: p } = ctx.world;
    const grid = expectOk<GridDetail>(
      await call('POST', '/api/grids', {
        as: 'hangdong',
        body: {
          name: '审计网格',
          level: 3,
          kind: 'neighbourhood',
          parentId: g.gA2.id,
          boundary: rect(117.336, 27.541, 117.337, 27.542),
        },
      }),
      201,
    );
    const person = expectOk<PersonView>(await call('GET', `/api/people/${p.residentB.id}`, { as: 'sanfeng' }));
    expectOk(
      await call('PATCH', `/api/people/${person.id}`, {
        as: 'sanfeng',
        body: { note: '独居老人', version: person.version },
      }),
    );
    expectOk(
      await call('PATCH', `/api/grids/${grid.id}`, { as: 'admin', body: { kind: 'alley', version: grid.version } }),
    );
    expectOk(await call('DELETE', `/api/grids/${grid.id}`, { as: 'hangdong' }));

    const gridTrail = (await auditRows(ctx, { entityType: 'grid', entityId: grid.id })).reverse();
    expect(gridTrail.map((r) => [r.action, r.actorName])).toEqual([
      ['grid.create', 'hangdong'],
      ['grid.update', 'admin'],
      ['grid.delete', 'hangdong'],
    ]);
    expect(gridTrail[1]).toMatchObject({ before: { kind: 'neighbourhood' }, after: { kind: 'alley' } });
    expect(gridTrail[2]).toMatchObject({ before: { name: '审计网格' }, after: null });

    const [update] = await auditRows(ctx, { action: 'person.update', entityId: person.id });
    expect(update).toMatchObject({
      actorUserId: ctx.world.users.sanfeng.id,
      before: { note: null, version: 1 },
      after: { note: '独居老人', version: 2 },
    });
    // PII stays masked in the log.
    expect(update.before).toMatchObject({ phone: '139****2222', idNumber: '350723********2345' });
  });

  it('writes no audit row when the write fails: stale, forbidden, invalid or referenced', async () => {
    const { grids: g, people: p, communityB } = ctx.world;
    const total = (await audit('pageSize=1')).total;
    const resB = expectOk<PersonView>(await call('GET', `/api/people/${p.residentB.id}`, { as: 'admin' }));
    expectError(
      await call('PATCH', `/api/people/${resB.id}`, { as: 'admin', body: { note: '过期', version: resB.version - 1 } }),
      409,
      'STALE_UPDATE',
    );
    expectError(
      await call('PATCH', `/api/grids/${g.gB1.id}`, { as: 'hangdong', body: { name: '越权', version: 1 } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: {
          name: '坏边界',
          level: 2,
          kind: 'full_time',
          parentId: g.gB.id,
          boundary: { type: 'Point', coordinates: [117.3, 27.5] },
        },
      }),
      400,
      'INVALID_GEOJSON',
    );
    expectError(await call('DELETE', `/api/organisations/${communityB.id}`, { as: 'admin' }), 409, 'REFERENCED');
    expectError(
      await call('POST', '/api/people', { as: 'admin', body: { name: '坏电话', phone: '123', homeGridId: g.gB1.id } }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await audit('pageSize=1')).total).toBe(total);
    expect(await auditRows(ctx, { action: 'person.update', entityId: resB.id })).toHaveLength(1);
  });
});

describe('a write and its audit row commit together', () => {
  // Make the audit insert itself fail for one marked name: the write it belongs to must then be rolled back too.
  beforeAll(async () => {
    await ctx.database.db.execute(
      sql.raw(`
      create function lj_test_refuse_audit() returns trigger language plpgsql as $$
      begin
        if (new.action = 'organisation.create' and new.after->>'name' like '%审计失败%')
          or (new.action = 'person.update' and new.after->>'note' = '审计失败')
          or (new.action = 'grid.delete' and new.before->>'name' like '%审计失败%') then
          raise exception 'audit refused by test';
        end if;
        return new;
      end $$
    `),
    );
    await ctx.database.db.execute(
      sql.raw(
        'create trigger lj_test_refuse_audit before insert on audit_log for each row execute function lj_test_refuse_audit()',
      ),
    );
  });

  it('a created organisation is rolled back when its audit row cannot be written', async () => {
    const res = await call('POST', '/api/organisations', {
      as: 'admin',
      body: { kind: 'town', name: '审计失败镇', parentId: ctx.world.county.id },
    });
    expectError(res, 500, 'INTERNAL');
    const found = expectOk<Page<OrganisationView>>(
      await call('GET', `/api/organisations?q=${encodeURIComponent('审计失败')}`, { as: 'admin' }),
    );
    expect(found.total).toBe(0);
  });

  it('an updated person keeps the old values when the audit row cannot be written', async () => {
    const before = expectOk<PersonView>(
      await call('GET', `/api/people/${ctx.world.people.memberPerson1.id}`, { as: 'admin' }),
    );
    expectError(
      await call('PATCH', `/api/people/${before.id}`, {
        as: 'admin',
        body: { note: '审计失败', version: before.version },
      }),
      500,
      'INTERNAL',
    );
    const after = expectOk<PersonView>(await call('GET', `/api/people/${before.id}`, { as: 'admin' }));
    expect(after).toMatchObject({ note: before.note, version: before.version });
  });

  it('a deleted grid is still there when its audit row cannot be written', async () => {
    const grid = expectOk<GridDetail>(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: { name: '审计失败楼', level: 4, kind: 'building', parentId: ctx.world.grids.gA11.id },
      }),
      201,
    );
    expectError(await call('DELETE', `/api/grids/${grid.id}`, { as: 'admin' }), 500, 'INTERNAL');
    expect(expectOk<GridDetail>(await call('GET', `/api/grids/${grid.id}`, { as: 'admin' })).name).toBe('审计失败楼');
  });
});
