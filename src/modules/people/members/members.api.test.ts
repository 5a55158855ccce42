import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { dayKit } from '../../../../test/servicedays.js';
import { serviceDayCheckins } from '../../cobuild/servicedays/servicedays.schema.js';
import type { PersonView } from '../people.contracts.js';
import type { PartyMemberView } from './members.contracts.js';

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
  expectOk<Page<PartyMemberView>>(await call('GET', `/api/party-members?${query}`, { as }));
const names = (p: Page<PartyMemberView>) => p.items.map((m) => m.name).sort();
const get = async (id: string, as = 'admin') =>
  expectOk<PartyMemberView>(await call('GET', `/api/party-members/${id}`, { as }));
const newPerson = async (name: string, gridId: string) =>
  expectOk<PersonView>(await call('POST', '/api/people', { as: 'admin', body: { name, homeGridId: gridId } }), 201);

describe('GET /api/party-members', () => {
  it('lists members with unit, branch and residence names and a masked phone', async () => {
    const page = await list('');
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(page.items.find((m) => m.name === '张党员')).toMatchObject({
      kind: 'in_service',
      unitName: '县司法局党组',
      branchName: '杭东社区第一党支部',
      residenceCommunityName: '杭东社区',
      phone: '137****3333',
      joinedAt: '2010-07-01',
    });
  });

  it('filters by kind, unit, branch and residence community, and searches names', async () => {
    const { unit2, branchA, communityB } = ctx.world;
    expect((await list('kind=in_service')).total).toBe(2);
    expect((await list('kind=retired,mobile')).total).toBe(0);
    expect(names(await list(`unitId=${unit2.id}`))).toEqual(['赵党员']);
    expect(names(await list(`branchId=${branchA.id}`))).toEqual(['张党员']);
    expect(names(await list(`residenceCommunityId=${communityB.id}`))).toEqual(['赵党员']);
    expect(names(await list(`q=${encodeURIComponent('张')}`))).toEqual(['张党员']);
    expectError(await call('GET', '/api/party-members?kind=honorary', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', '/api/party-members?unitId=U001', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('pages and sorts', async () => {
    const first = await list('pageSize=1&sort=joinedAt');
    expect(first).toMatchObject({ total: 2, pageSize: 1 });
    expect(first.items[0].joinedAt).toBe('2010-07-01');
    expect((await list('pageSize=1&sort=-joinedAt')).items[0].joinedAt).toBe('2012-07-01');
    expect((await list('sort=-name')).items.map((m) => m.name)).toEqual(
      [...(await list('sort=name')).items.map((m) => m.name)].reverse(),
    );
    expectError(await call('GET', '/api/party-members?pageSize=201', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('a community admin sees only members living in their community', async () => {
    expect(names(await list('', 'hangdong'))).toEqual(['张党员']);
    expect(names(await list('', 'sanfeng'))).toEqual(['赵党员']);
    expect((await list(`unitId=${ctx.world.unit2.id}`, 'hangdong')).total).toBe(0);
  });

  it('a unit admin sees only their unit’s members; a grid worker those living in their grids', async () => {
    expect(names(await list('', 'unit01'))).toEqual(['张党员']);
    expect(names(await list('', 'grid01'))).toEqual(['张党员']);
  });

  it('needs a login (401) and members.read (403 for residents); a Party member sees only themselves', async () => {
    expectError(await call('GET', '/api/party-members'), 401, 'UNAUTHENTICATED');
    expectError(await call('GET', '/api/party-members', { as: 'resident01' }), 403, 'FORBIDDEN');
    const page = expectOk<{ items: PartyMemberView[] }>(await call('GET', '/api/party-members', { as: 'member01' }));
    expect(page.items.map((m) => m.name)).toEqual(['张党员']);
  });
});

describe('GET /api/party-members/:id', () => {
  it('shows a member in scope and hides one outside it as 404', async () => {
    const { member1, member2 } = ctx.world.members;
    expect((await get(member1.id, 'unit01')).unitName).toBe('县司法局党组');
    expectError(await call('GET', `/api/party-members/${member2.id}`, { as: 'unit01' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/party-members/${member2.id}`, { as: 'hangdong' }), 404, 'NOT_FOUND');
    expectError(await call('GET', '/api/party-members/not-an-id', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', `/api/party-members/${member1.id}`), 401, 'UNAUTHENTICATED');
  });
});

describe('POST /api/party-members', () => {
  it('lets a community admin register a retired member living in their community, and audits it', async () => {
    const body = {
      personId: ctx.world.people.residentA.id,
      kind: 'retired',
      residenceCommunityId: ctx.world.communityA.id,
      joinedAt: '1985-07-01',
    };
    const m = expectOk<PartyMemberView>(await call('POST', '/api/party-members', { as: 'hangdong', body }), 201);
    expect(m).toMatchObject({
      name: '王小明',
      kind: 'retired',
      unitId: null,
      residenceCommunityName: '杭东社区',
      version: 1,
    });
    const [row] = await auditRows(ctx, { action: 'party_member.create', entityId: m.id });
    expect(row).toMatchObject({ actorName: 'hangdong', entityType: 'party_member' });
    expect(row.after).toMatchObject({ personId: ctx.world.people.residentA.id, kind: 'retired' });
  });

  it('requires a unit for an in-service member, and the unit to be a unit', async () => {
    const p = await newPerson('在职新党员', ctx.world.grids.gA2.id);
    const noUnit = await call('POST', '/api/party-members', {
      as: 'admin',
      body: { personId: p.id, kind: 'in_service', residenceCommunityId: ctx.world.communityA.id },
    });
    expect(expectError(noUnit, 400, 'VALIDATION_FAILED').error.details).toEqual([
      { path: '/unitId', message: 'an in-service member needs their unit' },
    ]);
    const community = await call('POST', '/api/party-members', {
      as: 'admin',
      body: { personId: p.id, kind: 'in_service', unitId: ctx.world.communityA.id },
    });
    expect(expectError(community, 400, 'VALIDATION_FAILED').error.details).toEqual([
      { path: '/unitId', message: 'must be an existing unit' },
    ]);
    expectError(
      await call('POST', '/api/party-members', {
        as: 'admin',
        body: { personId: p.id, kind: 'ordinary', branchId: ctx.world.unit1.id },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await list(`q=${encodeURIComponent('在职新党员')}`)).total).toBe(0);
  });

  it('validates the body: unknown person, bad kind, bad date, unknown field', async () => {
    const base = {
      personId: ctx.world.people.residentB.id,
      kind: 'ordinary',
      residenceCommunityId: ctx.world.communityB.id,
    };
    for (const body of [
      { ...base, personId: crypto.randomUUID() },
      { ...base, kind: 'honorary' },
      { ...base, joinedAt: '1921-7-1' },
      { ...base, dues: 10 },
    ]) {
      expectError(await call('POST', '/api/party-members', { as: 'admin', body }), 400, 'VALIDATION_FAILED');
    }
  });

  it('rejects a second membership for the same person with 409 DUPLICATE', async () => {
    const res = await call('POST', '/api/party-members', {
      as: 'admin',
      body: { personId: ctx.world.people.memberPerson1.id, kind: 'ordinary' },
    });
    expect(expectError(res, 409, 'DUPLICATE').error.message).toBe('党员“张党员”已存在');
    expect((await list(`q=${encodeURIComponent('张党员')}`)).total).toBe(1);
  });

  it('places members only within the caller’s community or unit', async () => {
    const p = await newPerson('单位新党员', ctx.world.grids.gA2.id);
    expectError(
      await call('POST', '/api/party-members', {
        as: 'hangdong',
        body: { personId: p.id, kind: 'ordinary', residenceCommunityId: ctx.world.communityB.id },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/party-members', {
        as: 'unit01',
        body: { personId: p.id, kind: 'in_service', unitId: ctx.world.unit2.id },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/party-members', {
        as: 'grid01',
        body: { personId: p.id, kind: 'ordinary', residenceCommunityId: ctx.world.communityA.id },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/party-members', { body: { personId: p.id, kind: 'ordinary' } }),
      401,
      'UNAUTHENTICATED',
    );
    // A community admin cannot enrol another community's resident by knowing their id.
    expectError(
      await call('POST', '/api/party-members', {
        as: 'hangdong',
        body: {
          personId: ctx.world.people.residentB.id,
          kind: 'ordinary',
          residenceCommunityId: ctx.world.communityA.id,
        },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const m = expectOk<PartyMemberView>(
      await call('POST', '/api/party-members', {
        as: 'unit01',
        body: { personId: p.id, kind: 'in_service', unitId: ctx.world.unit1.id },
      }),
      201,
    );
    expect(m.unitName).toBe('县司法局党组');
  });
});

describe('PATCH /api/party-members/:id', () => {
  it('lets a unit admin edit their unit’s member, bumping the version and auditing it', async () => {
    const cur = await get(ctx.world.members.member1.id);
    const m = expectOk<PartyMemberView>(
      await call('PATCH', `/api/party-members/${cur.id}`, {
        as: 'unit01',
        body: { joinedAt: '2010-06-30', version: cur.version },
      }),
    );
    expect(m).toMatchObject({ joinedAt: '2010-06-30', version: cur.version + 1 });
    const [row] = await auditRows(ctx, { action: 'party_member.update', entityId: cur.id });
    expect(row).toMatchObject({
      actorName: 'unit01',
      before: { joinedAt: '2010-07-01' },
      after: { joinedAt: '2010-06-30' },
    });
  });

  it('a unit admin cannot edit another unit’s member (404) nor move their own member to another unit (403)', async () => {
    const { member1, member2 } = ctx.world.members;
    expectError(
      await call('PATCH', `/api/party-members/${member2.id}`, {
        as: 'unit01',
        body: { joinedAt: '2000-01-01', version: 1 },
      }),
      404,
      'NOT_FOUND',
    );
    const cur = await get(member1.id);
    expectError(
      await call('PATCH', `/api/party-members/${member1.id}`, {
        as: 'unit01',
        body: { unitId: ctx.world.unit2.id, version: cur.version },
      }),
      403,
      'FORBIDDEN',
    );
    expect(await get(member1.id)).toMatchObject({ unitId: ctx.world.unit1.id, version: cur.version });
    expect((await get(member2.id)).joinedAt).toBe('2012-07-01');
  });

  it('keeps the in-service rule on update: no unit, or a community as unit, is 400', async () => {
    const p = await newPerson('退休转在职', ctx.world.grids.gB1.id);
    const m = expectOk<PartyMemberView>(
      await call('POST', '/api/party-members', {
        as: 'sanfeng',
        body: { personId: p.id, kind: 'retired', residenceCommunityId: ctx.world.communityB.id },
      }),
      201,
    );
    expectError(
      await call('PATCH', `/api/party-members/${m.id}`, {
        as: 'sanfeng',
        body: { kind: 'in_service', version: m.version },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PATCH', `/api/party-members/${m.id}`, {
        as: 'admin',
        body: { kind: 'in_service', unitId: ctx.world.communityB.id, version: m.version },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PATCH', `/api/party-members/${m.id}`, {
        as: 'admin',
        body: { personId: ctx.world.people.residentB.id, version: m.version },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await get(m.id)).kind).toBe('retired');
  });

  it('rejects a stale version (409) without changing or auditing anything', async () => {
    const cur = await get(ctx.world.members.member2.id);
    expectOk(
      await call('PATCH', `/api/party-members/${cur.id}`, {
        as: 'sanfeng',
        body: { joinedAt: '2012-07-02', version: cur.version },
      }),
    );
    const audits = (await auditRows(ctx, { action: 'party_member.update', entityId: cur.id })).length;
    expectError(
      await call('PATCH', `/api/party-members/${cur.id}`, {
        as: 'admin',
        body: { joinedAt: '1999-01-01', version: cur.version },
      }),
      409,
      'STALE_UPDATE',
    );
    expect(await get(cur.id)).toMatchObject({ joinedAt: '2012-07-02', version: cur.version + 1 });
    expect(await auditRows(ctx, { action: 'party_member.update', entityId: cur.id })).toHaveLength(audits);
  });

  it('refuses roles without members.write and anonymous callers', async () => {
    const id = ctx.world.members.member1.id;
    expectError(
      await call('PATCH', `/api/party-members/${id}`, { as: 'grid01', body: { joinedAt: '2000-01-01', version: 2 } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/party-members/${id}`, { body: { joinedAt: '2000-01-01', version: 2 } }),
      401,
      'UNAUTHENTICATED',
    );
    expectError(
      await call('PATCH', `/api/party-members/${crypto.randomUUID()}`, {
        as: 'admin',
        body: { joinedAt: '2000-01-01', version: 1 },
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('DELETE /api/party-members/:id', () => {
  it('removes a membership in scope (the person stays) and audits it; out of scope is 404', async () => {
    const p = await newPerson('待删党员', ctx.world.grids.gA2.id);
    const m = expectOk<PartyMemberView>(
      await call('POST', '/api/party-members', {
        as: 'hangdong',
        body: { personId: p.id, kind: 'mobile', residenceCommunityId: ctx.world.communityA.id },
      }),
      201,
    );
    expectError(await call('DELETE', `/api/party-members/${m.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expectError(await call('DELETE', `/api/party-members/${m.id}`, { as: 'grid01' }), 403, 'FORBIDDEN');
    expectError(await call('DELETE', `/api/party-members/${m.id}`), 401, 'UNAUTHENTICATED');
    expect(expectOk(await call('DELETE', `/api/party-members/${m.id}`, { as: 'hangdong' }))).toEqual({ ok: true });
    expectError(await call('GET', `/api/party-members/${m.id}`, { as: 'admin' }), 404, 'NOT_FOUND');
    expect(expectOk<PersonView>(await call('GET', `/api/people/${p.id}`, { as: 'admin' })).partyMemberKind).toBeNull();
    const [row] = await auditRows(ctx, { action: 'party_member.delete', entityId: m.id });
    expect(row).toMatchObject({ actorName: 'hangdong', after: null, before: { kind: 'mobile', personId: p.id } });
  });

  it('keeps a member who checked in at a service day: 409 REFERENCED, not a 500 (ON DELETE RESTRICT)', async () => {
    const p = await newPerson('报到党员', ctx.world.grids.gA2.id);
    const m = expectOk<PartyMemberView>(
      await call('POST', '/api/party-members', {
        as: 'hangdong',
        body: { personId: p.id, kind: 'mobile', residenceCommunityId: ctx.world.communityA.id },
      }),
      201,
    );
    const day = await dayKit(ctx).newDay();
    await ctx.database.db.insert(serviceDayCheckins).values({ dayId: day.id, memberId: m.id, method: 'staff' });
    const res = await call('DELETE', `/api/party-members/${m.id}`, { as: 'hangdong' });
    // Named as a record, not as the foreign key (service_day_checkins_member_id_party_members_id_fk).
    expect(expectError(res, 409, 'REFERENCED').error.message).toBe('无法删除：仍有1条签到记录引用它，请先处理这些记录');
    expect(await get(m.id)).toMatchObject({ id: m.id });
  });

  it('rejects a malformed id (400) and an unknown one (404)', async () => {
    expectError(await call('DELETE', '/api/party-members/0', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('DELETE', `/api/party-members/${crypto.randomUUID()}`, { as: 'admin' }), 404, 'NOT_FOUND');
  });
});
