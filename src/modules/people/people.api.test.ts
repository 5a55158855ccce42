import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, auditRows, expectError, expectOk, type Page, validIdNumber } from '../../../test/http.js';
import type { PersonView } from './people.contracts.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
/** A person living in gA2: in 杭东社区 but outside grid01's grid gA1. */
let inGA2: PersonView;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  inGA2 = expectOk<PersonView>(
    await call('POST', '/api/people', {
      as: 'hangdong',
      body: {
        name: '周二格',
        gender: 'male',
        phone: '13312345678',
        idNumber: validIdNumber('35072319950505123'),
        address: '杭东路9号',
        homeGridId: ctx.world.grids.gA2.id,
        roles: ['resident', 'volunteer'],
      },
    }),
    201,
  );
});
afterAll(async () => {
  await ctx?.close();
});

const list = async (query: string, as = 'admin') =>
  expectOk<Page<PersonView>>(await call('GET', `/api/people?${query}`, { as }));
const names = (p: Page<PersonView>) => p.items.map((x) => x.name).sort();

describe('GET /api/people', () => {
  it('masks phone and ID numbers in every list item', async () => {
    const page = await list('pageSize=200');
    const wang = page.items.find((p) => p.name === '王小明')!;
    expect(wang.phone).toBe('138****1111');
    expect(wang.idNumber).toBe('350723********1234');
    for (const p of page.items) {
      expect(p.phone ?? '').toMatch(/^(\d{3}\*{4}\d{4})?$/);
      expect(p.idNumber ?? '').toMatch(/^(\d{6}\*{8}[\dX]{4})?$/);
    }
  });

  it('pages with total, page and pageSize, and rejects pageSize above 200', async () => {
    const p1 = await list('pageSize=4');
    expect(p1).toMatchObject({ total: 6, page: 1, pageSize: 4 });
    const p2 = await list('pageSize=4&page=2');
    expect(p2.items).toHaveLength(2);
    expect(new Set([...p1.items, ...p2.items].map((p) => p.id)).size).toBe(6);
    expectError(await call('GET', '/api/people?pageSize=201', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('filters by community, grid subtree, role, gender and Party membership', async () => {
    const { communityB, grids: g } = ctx.world;
    expect(names(await list(`communityId=${communityB.id}`))).toEqual(['李小红', '赵党员'].sort());
    expect(names(await list(`gridId=${g.gA1.id}`))).toEqual(['王小明', '张党员', '陈网格'].sort());
    expect((await list(`gridId=${g.gA.id}`)).total).toBe(4);
    expect(names(await list('role=grid_worker'))).toEqual(['陈网格']);
    expect(names(await list('role=volunteer'))).toEqual(['周二格']);
    expect((await list('gender=female')).total).toBe(3);
    expect(names(await list('partyMember=true'))).toEqual(['张党员', '赵党员'].sort());
    expect((await list('partyMember=false')).total).toBe(4);
    expectError(await call('GET', '/api/people?partyMember=maybe', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', '/api/people?role=mayor', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', `/api/people?gridId=${crypto.randomUUID()}`, { as: 'admin' }), 404, 'NOT_FOUND');
  });

  it('searches name, address and the phone’s last digits with q', async () => {
    expect(names(await list(`q=${encodeURIComponent('小明')}`))).toEqual(['王小明']);
    expect(names(await list(`q=${encodeURIComponent('三凤路')}`))).toEqual(['李小红', '赵党员'].sort());
    expect(names(await list('q=2222'))).toEqual(['李小红']);
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('sorts by name and by home grid code, ascending and descending', async () => {
    const asc = (await list('sort=name')).items.map((p) => p.name);
    expect((await list('sort=-name')).items.map((p) => p.name)).toEqual([...asc].reverse());
    const byGrid = (await list('sort=-homeGridCode')).items.map((p) => p.homeGridCode);
    expect(byGrid[0]).toBe('350723002001');
    expect(byGrid[byGrid.length - 1]).toBe('350723001001');
  });

  it('a community admin sees only the residents of their community', async () => {
    expect(names(await list('', 'hangdong'))).toEqual(['周二格', '王小明', '张党员', '陈网格'].sort());
    expect(names(await list('', 'sanfeng'))).toEqual(['李小红', '赵党员'].sort());
    expect((await list(`communityId=${ctx.world.communityB.id}`, 'hangdong')).total).toBe(0);
  });

  it('a grid worker sees only the people living in their grid’s subtree', async () => {
    expect(names(await list('', 'grid01'))).toEqual(['王小明', '张党员', '陈网格'].sort());
  });

  it('a unit admin sees only their unit’s members, a resident only themselves', async () => {
    expect(names(await list('', 'unit01'))).toEqual(['张党员']);
    const own = await list('', 'resident01');
    expect(own.total).toBe(1);
    expect(own.items[0]).toMatchObject({ id: ctx.world.people.residentA.id, phone: '138****1111' });
  });

  it('needs a login (401); a Party member sees only their own record', async () => {
    expectError(await call('GET', '/api/people'), 401, 'UNAUTHENTICATED');
    const page = expectOk<Page<PersonView>>(await call('GET', '/api/people', { as: 'member01' }));
    expect(page.items.map((p) => p.name)).toEqual(['张党员']);
  });
});

describe('GET /api/people/:id', () => {
  it('returns a masked person with home grid, community and Party membership', async () => {
    const p = expectOk<PersonView>(
      await call('GET', `/api/people/${ctx.world.people.memberPerson1.id}`, { as: 'hangdong' }),
    );
    expect(p).toMatchObject({
      name: '张党员',
      phone: '137****3333',
      idNumber: '350723********3456',
      homeGridCode: '350723001001001',
      homeGridName: '杭东一格邻里一',
      communityName: '杭东社区',
      partyMemberKind: 'in_service',
      version: 1,
    });
  });

  it('hides people outside the caller’s scope as 404', async () => {
    const { residentA, residentB } = ctx.world.people;
    expectError(await call('GET', `/api/people/${residentB.id}`, { as: 'hangdong' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/people/${inGA2.id}`, { as: 'grid01' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/people/${residentA.id}`, { as: 'unit01' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/people/${inGA2.id}`, { as: 'resident01' }), 404, 'NOT_FOUND');
    expect(expectOk<PersonView>(await call('GET', `/api/people/${residentA.id}`, { as: 'resident01' })).name).toBe(
      '王小明',
    );
  });

  it('rejects a malformed id (400), anonymous callers (401) and hides other people from a Party member (404)', async () => {
    expectError(await call('GET', '/api/people/42', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', `/api/people/${inGA2.id}`), 401, 'UNAUTHENTICATED');
    expectError(
      await call('GET', `/api/people/${ctx.world.people.residentA.id}`, { as: 'member01' }),
      404,
      'NOT_FOUND',
    );
    expectOk(await call('GET', `/api/people/${ctx.world.people.memberPerson1.id}`, { as: 'member01' }));
  });
});

describe('POST /api/people/:id/reveal', () => {
  it('returns the full phone and ID number and records the reveal in the audit log', async () => {
    const id = ctx.world.people.residentA.id;
    const res = await call('POST', `/api/people/${id}/reveal`, { as: 'hangdong', body: { reason: '上门走访核实' } });
    expect(expectOk(res)).toEqual({ phone: '13800001111', idNumber: '350723199001011234' });
    const page = expectOk<Page<{ actorName: string; entityId: string; after: unknown }>>(
      await call('GET', '/api/audit?action=person.reveal', { as: 'admin' }),
    );
    expect(page.items[0]).toMatchObject({
      actorName: 'hangdong',
      entityId: id,
      after: { fields: ['phone', 'idNumber'], reason: '上门走访核实' },
    });
  });

  it('reveals only the fields asked for', async () => {
    const id = ctx.world.people.memberPerson1.id;
    expect(
      expectOk(await call('POST', `/api/people/${id}/reveal`, { as: 'grid01', body: { fields: ['phone'] } })),
    ).toEqual({ phone: '13700003333' });
    const [row] = await auditRows(ctx, { action: 'person.reveal', entityId: id });
    expect(row).toMatchObject({ actorName: 'grid01', after: { fields: ['phone'], reason: null } });
  });

  it('is refused to a unit admin and a resident (403), even for people they can see', async () => {
    const { memberPerson1, residentA } = ctx.world.people;
    expectError(
      await call('POST', `/api/people/${memberPerson1.id}/reveal`, { as: 'unit01', body: {} }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/people/${residentA.id}/reveal`, { as: 'resident01', body: {} }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('POST', `/api/people/${residentA.id}/reveal`, { body: {} }), 401, 'UNAUTHENTICATED');
    expect(await auditRows(ctx, { action: 'person.reveal', entityId: memberPerson1.id })).toHaveLength(1);
  });

  it('hides people outside the caller’s scope (404) and audits nothing', async () => {
    const { residentB } = ctx.world.people;
    expectError(
      await call('POST', `/api/people/${residentB.id}/reveal`, { as: 'hangdong', body: {} }),
      404,
      'NOT_FOUND',
    );
    expectError(await call('POST', `/api/people/${inGA2.id}/reveal`, { as: 'grid01', body: {} }), 404, 'NOT_FOUND');
    expect(await auditRows(ctx, { action: 'person.reveal', entityId: residentB.id })).toHaveLength(0);
  });

  it('validates the body: unknown or empty field lists, unknown keys', async () => {
    const id = ctx.world.people.residentA.id;
    for (const body of [{ fields: ['email'] }, { fields: [] }, { fields: ['phone'], all: true }]) {
      expectError(await call('POST', `/api/people/${id}/reveal`, { as: 'admin', body }), 400, 'VALIDATION_FAILED');
    }
  });
});
