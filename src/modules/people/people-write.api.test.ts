import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { idCheckChar } from '../../core/idcard.js';
import { api, auditRows, badCheckDigit, expectError, expectOk, type Page, validIdNumber } from '../../../test/http.js';
import type { PersonView } from './people.contracts.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

const get = async (id: string, as = 'admin') => expectOk<PersonView>(await call('GET', `/api/people/${id}`, { as }));
const create = async (body: Record<string, unknown>, as = 'admin') =>
  expectOk<PersonView>(await call('POST', '/api/people', { as, body }), 201);
const count = async () =>
  expectOk<Page<PersonView>>(await call('GET', '/api/people?pageSize=1', { as: 'admin' })).total;

describe('POST /api/people', () => {
  it('creates a person in the admin’s community, derives the community from the home grid, masks PII in the response and the audit log', async () => {
    const idNumber = validIdNumber('35072319880808123');
    const p = await create(
      {
        name: '吴新户',
        gender: 'female',
        birthDate: '1988-08-08',
        phone: '15912345678',
        idNumber,
        homeGridId: ctx.world.grids.gA2.id,
        roles: ['resident'],
      },
      'hangdong',
    );
    expect(p).toMatchObject({
      name: '吴新户',
      phone: '159****5678',
      idNumber: `350723********${idNumber.slice(-4)}`,
      communityId: ctx.world.communityA.id,
      homeGridCode: '350723001002',
      version: 1,
    });
    const [row] = await auditRows(ctx, { action: 'person.create', entityId: p.id });
    expect(row).toMatchObject({ actorName: 'hangdong', entityType: 'person' });
    expect(row.after).toMatchObject({
      name: '吴新户',
      phone: '159****5678',
      idNumber: `350723********${idNumber.slice(-4)}`,
    });
    expect(JSON.stringify(row.after)).not.toContain('15912345678');
  });

  it('upper-cases an ID number that ends in a lowercase x', async () => {
    const first17 = Array.from({ length: 900 }, (_, i) => `35072320000101${100 + i}`).find(
      (s) => idCheckChar(s) === 'X',
    )!;
    const p = await create({ name: '谢X', idNumber: `${first17}x`, homeGridId: ctx.world.grids.gA2.id });
    expect(p.idNumber?.endsWith('X')).toBe(true);
  });

  it('rejects an invalid phone or an ID number with a wrong check digit (400) and writes nothing', async () => {
    const before = await count();
    const base = { name: '校验', homeGridId: ctx.world.grids.gA2.id };
    for (const body of [
      { ...base, phone: '12345678901' },
      { ...base, phone: '1380000111' },
      { ...base, phone: '138-0000-1111' },
      { ...base, idNumber: badCheckDigit('35072319900101987') },
      { ...base, idNumber: validIdNumber('35072319901301987') },
      { ...base, idNumber: '35072319900101' },
    ]) {
      const err = expectError(await call('POST', '/api/people', { as: 'admin', body }), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(err.error.details)).toMatch(/phone|idNumber/);
    }
    expect(await count()).toBe(before);
  });

  it('validates the body: unknown fields, empty name, bad gender, bad date, unknown grid', async () => {
    const base = { name: '校验', homeGridId: ctx.world.grids.gA2.id };
    for (const body of [
      { ...base, isAdmin: true },
      { ...base, name: '  ' },
      { ...base, gender: 'other' },
      { ...base, birthDate: '1990-02-30' },
      { ...base, roles: ['king'] },
      { ...base, homeGridId: crypto.randomUUID() },
      { ...base, name: 42 },
    ]) {
      expectError(await call('POST', '/api/people', { as: 'admin', body }), 400, 'VALIDATION_FAILED');
    }
  });

  it('rejects a duplicate ID number with 409 DUPLICATE', async () => {
    const idNumber = validIdNumber('35072319770707123');
    await create({ name: '原户', idNumber, homeGridId: ctx.world.grids.gB1.id }, 'sanfeng');
    const before = await count();
    const res = await call('POST', '/api/people', {
      as: 'admin',
      body: { name: '重号', idNumber, homeGridId: ctx.world.grids.gA2.id },
    });
    expect(expectError(res, 409, 'DUPLICATE').error.message).toContain('身份证号');
    expect(await count()).toBe(before);
  });

  it('places people only where the caller manages: community admin in their community, grid worker in their grids', async () => {
    const { gB1, gA11, gA2 } = ctx.world.grids;
    expectError(
      await call('POST', '/api/people', { as: 'hangdong', body: { name: '越界', homeGridId: gB1.id } }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('POST', '/api/people', { as: 'hangdong', body: { name: '无格' } }), 403, 'FORBIDDEN');
    expect((await create({ name: '格内新户', homeGridId: gA11.id }, 'grid01')).homeGridName).toBe('杭东一格邻里一');
    expectError(
      await call('POST', '/api/people', { as: 'grid01', body: { name: '格外新户', homeGridId: gA2.id } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/people', { as: 'unit01', body: { name: '单位加人', homeGridId: gA2.id } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/people', { as: 'resident01', body: { name: '居民加人', homeGridId: gA2.id } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/people', { body: { name: '匿名', homeGridId: gA2.id } }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('PATCH /api/people/:id', () => {
  it('updates with the current version and audits masked before and after', async () => {
    const id = ctx.world.people.residentA.id;
    const cur = await get(id);
    const updated = expectOk<PersonView>(
      await call('PATCH', `/api/people/${id}`, {
        as: 'hangdong',
        body: { address: '杭东路1号之一', phone: '13811112222', version: cur.version },
      }),
    );
    expect(updated).toMatchObject({ address: '杭东路1号之一', phone: '138****2222', version: cur.version + 1 });
    const [row] = await auditRows(ctx, { action: 'person.update', entityId: id });
    expect(row.before).toMatchObject({ address: '杭东路1号', phone: '138****1111', idNumber: '350723********1234' });
    expect(row.after).toMatchObject({ address: '杭东路1号之一', phone: '138****2222' });
  });

  it('rejects a stale version with 409: nothing changes and no update is audited', async () => {
    const id = ctx.world.people.memberPerson1.id;
    const cur = await get(id);
    expectOk(await call('PATCH', `/api/people/${id}`, { as: 'admin', body: { note: '第一次', version: cur.version } }));
    const audits = (await auditRows(ctx, { action: 'person.update', entityId: id })).length;
    expectError(
      await call('PATCH', `/api/people/${id}`, { as: 'hangdong', body: { note: '第二次', version: cur.version } }),
      409,
      'STALE_UPDATE',
    );
    expect(await get(id)).toMatchObject({ note: '第一次', version: cur.version + 1 });
    expect(await auditRows(ctx, { action: 'person.update', entityId: id })).toHaveLength(audits);
  });

  it('a community admin cannot edit a person in another community (404) nor move one out of theirs (403)', async () => {
    const { residentB, gridWorkerPerson } = ctx.world.people;
    expectError(
      await call('PATCH', `/api/people/${residentB.id}`, { as: 'hangdong', body: { note: '越权', version: 1 } }),
      404,
      'NOT_FOUND',
    );
    const cur = await get(gridWorkerPerson.id);
    expectError(
      await call('PATCH', `/api/people/${cur.id}`, {
        as: 'hangdong',
        body: { homeGridId: ctx.world.grids.gB1.id, version: cur.version },
      }),
      403,
      'FORBIDDEN',
    );
    expect(await get(cur.id)).toMatchObject({ homeGridId: ctx.world.grids.gA1.id, version: cur.version });
    expect((await get(residentB.id)).note).toBeNull();
  });

  it('moving a person to another community’s grid moves them out of the old admin’s scope', async () => {
    const p = await create({ name: '搬家户', homeGridId: ctx.world.grids.gA2.id });
    const moved = expectOk<PersonView>(
      await call('PATCH', `/api/people/${p.id}`, {
        as: 'admin',
        body: { homeGridId: ctx.world.grids.gB1.id, version: p.version },
      }),
    );
    expect(moved).toMatchObject({ communityId: ctx.world.communityB.id, communityName: '三凤社区' });
    expectError(await call('GET', `/api/people/${p.id}`, { as: 'hangdong' }), 404, 'NOT_FOUND');
    expect((await get(p.id, 'sanfeng')).name).toBe('搬家户');
  });

  it('grid workers edit only their grids; unit admins and residents not at all', async () => {
    const { memberPerson1, residentA } = ctx.world.people;
    const p = await create({ name: '二格户', homeGridId: ctx.world.grids.gA2.id });
    expectError(
      await call('PATCH', `/api/people/${p.id}`, { as: 'grid01', body: { note: 'x', version: 1 } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('PATCH', `/api/people/${memberPerson1.id}`, { as: 'unit01', body: { note: 'x', version: 2 } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/people/${residentA.id}`, { as: 'resident01', body: { note: 'x', version: 2 } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/people/${residentA.id}`, { body: { note: 'x', version: 2 } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('validates the body: bad phone, bad ID, missing version, unknown field; unknown id is 404', async () => {
    const id = ctx.world.people.residentB.id;
    for (const body of [
      { phone: '110', version: 1 },
      { idNumber: badCheckDigit('35072319920202234'), version: 1 },
      { note: 'x' },
      { communityId: ctx.world.communityA.id, version: 1 },
    ]) {
      expectError(await call('PATCH', `/api/people/${id}`, { as: 'admin', body }), 400, 'VALIDATION_FAILED');
    }
    expectError(
      await call('PATCH', `/api/people/${crypto.randomUUID()}`, { as: 'admin', body: { note: 'x', version: 1 } }),
      404,
      'NOT_FOUND',
    );
  });

  it('rejects changing an ID number to one that already exists (409)', async () => {
    const a = await create({
      name: '甲',
      idNumber: validIdNumber('35072319660606111'),
      homeGridId: ctx.world.grids.gA2.id,
    });
    const b = await create({
      name: '乙',
      idNumber: validIdNumber('35072319660606222'),
      homeGridId: ctx.world.grids.gA2.id,
    });
    expectError(
      await call('PATCH', `/api/people/${b.id}`, {
        as: 'admin',
        body: { idNumber: validIdNumber('35072319660606111'), version: b.version },
      }),
      409,
      'DUPLICATE',
    );
    expect((await get(b.id)).idNumber).toBe(b.idNumber);
    expect((await get(a.id)).version).toBe(1);
  });
});

describe('DELETE /api/people/:id', () => {
  it('refuses to delete a Party member or someone with a login, saying why', async () => {
    const { memberPerson2, gridWorkerPerson } = ctx.world.people;
    expect(
      expectError(await call('DELETE', `/api/people/${memberPerson2.id}`, { as: 'sanfeng' }), 409, 'REFERENCED').error
        .message,
    ).toContain('党员');
    expect(
      expectError(await call('DELETE', `/api/people/${gridWorkerPerson.id}`, { as: 'admin' }), 409, 'REFERENCED').error
        .message,
    ).toContain('登录账号');
    expect((await get(memberPerson2.id)).name).toBe('赵党员');
    expect(await auditRows(ctx, { action: 'person.delete', entityId: memberPerson2.id })).toHaveLength(0);
  });

  it('refuses to delete someone who reported a case, naming the case, not the foreign key', async () => {
    const p = await create({ name: '反映人', homeGridId: ctx.world.grids.gA11.id });
    expectOk(
      await call('POST', '/api/cases', {
        as: 'hangdong',
        body: {
          channel: 'hall',
          description: '楼道堆放杂物',
          categoryCode: 'facilities.streetlight',
          reporterPersonId: p.id,
          lng: 117.331,
          lat: 27.541,
        },
      }),
      201,
    );
    const res = await call('DELETE', `/api/people/${p.id}`, { as: 'admin' });
    expect(expectError(res, 409, 'REFERENCED').error.message).toBe('无法删除：仍有1条事项引用它，请先处理这些记录');
    expect((await get(p.id)).name).toBe('反映人');
  });

  it('deletes an unreferenced person in scope and audits the masked record', async () => {
    const p = await create({ name: '待删户', phone: '13900009999', homeGridId: ctx.world.grids.gA11.id });
    expectError(await call('DELETE', `/api/people/${p.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expectError(await call('DELETE', `/api/people/${p.id}`, { as: 'unit01' }), 403, 'FORBIDDEN');
    expectError(await call('DELETE', `/api/people/${p.id}`), 401, 'UNAUTHENTICATED');
    expect(expectOk(await call('DELETE', `/api/people/${p.id}`, { as: 'grid01' }))).toEqual({ ok: true });
    expectError(await call('GET', `/api/people/${p.id}`, { as: 'admin' }), 404, 'NOT_FOUND');
    const [row] = await auditRows(ctx, { action: 'person.delete', entityId: p.id });
    expect(row).toMatchObject({ actorName: 'grid01', after: null, before: { name: '待删户', phone: '139****9999' } });
  });

  it('rejects a malformed id (400) and an unknown one (404)', async () => {
    expectError(await call('DELETE', '/api/people/zzz', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('DELETE', `/api/people/${crypto.randomUUID()}`, { as: 'admin' }), 404, 'NOT_FOUND');
  });
});
