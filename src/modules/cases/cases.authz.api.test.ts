import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import type { CaseDetail } from './cases.contracts.js';

let ctx: TestContext;

async function call(method: 'GET' | 'POST', url: string, as: string, body?: object) {
  return ctx.app.inject({ method, url, payload: body, headers: { cookie: await ctx.cookieFor(as) } });
}

async function create(as: string, body: Record<string, unknown>): Promise<CaseDetail> {
  const res = await call('POST', '/api/cases', as, { categoryCode: 'facilities.road', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseDetail;
}

async function act(id: string, as: string, body: Record<string, unknown>) {
  const current = (await call('GET', `/api/cases/${id}`, 'admin')).json() as CaseDetail;
  return call('POST', `/api/cases/${id}/transitions`, as, { version: current.version, ...body });
}

async function listIds(as: string): Promise<string[]> {
  const res = await call('GET', '/api/cases?pageSize=200', as);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string }[] }).items.map((c) => c.id).sort();
}

/** Cases spread over the world: A's building grid (gA1), A's second grid (gA2), community B, and one whistled to unit1. */
const cs: Record<'mine' | 'inA2' | 'inB' | 'whistled', CaseDetail> = {} as never;

beforeAll(async () => {
  ctx = await createTestContext();
  cs.mine = await create('resident01', { channel: 'snap', description: '路面有个大坑', lng: 117.331, lat: 27.541 });
  cs.inA2 = await create('hangdong', {
    channel: 'hall',
    description: '二网格路面塌陷',
    lng: 117.337,
    lat: 27.545,
    reporterName: '来访居民',
  });
  cs.inB = await create('sanfeng', {
    channel: 'door_visit',
    description: '三凤路面破损',
    reporterPersonId: ctx.world.people.residentB.id,
  });
  cs.whistled = await create('hangdong', {
    channel: 'community_whistle',
    description: '一网格道路积水需要单位协助',
    lng: 117.3315,
    lat: 27.5415,
  });
  expect((await act(cs.whistled.id, 'hangdong', { action: 'accept' })).statusCode).toBe(200);
  expect(
    (
      await act(cs.whistled.id, 'hangdong', {
        action: 'dispatch',
        unitIds: [ctx.world.unit1.id],
        reason: '未结对，跨社区吹哨',
      })
    ).statusCode,
  ).toBe(200);
});
afterAll(async () => {
  await ctx?.close();
});

const ids = (...keys: (keyof typeof cs)[]) => keys.map((k) => cs[k].id).sort();

describe('who sees which cases', () => {
  it('a resident sees only their own cases, in the list and in detail', async () => {
    expect(await listIds('resident01')).toEqual(ids('mine'));
    expect((await call('GET', `/api/cases/${cs.mine.id}`, 'resident01')).statusCode).toBe(200);
    for (const other of [cs.inA2, cs.inB, cs.whistled])
      expect((await call('GET', `/api/cases/${other.id}`, 'resident01')).statusCode).toBe(404);
    expect(await listIds('member01')).toEqual([]);
  });

  it('a unit sees only the cases dispatched to it', async () => {
    expect(await listIds('unit01')).toEqual(ids('whistled'));
    expect((await call('GET', `/api/cases/${cs.mine.id}`, 'unit01')).statusCode).toBe(404);
  });

  it('a grid worker sees only the cases in their grids', async () => {
    expect(await listIds('grid01')).toEqual(ids('mine', 'whistled'));
    expect((await call('GET', `/api/cases/${cs.inA2.id}`, 'grid01')).statusCode).toBe(404);
  });

  it("a community admin sees only their community's cases; the county sees all", async () => {
    expect(await listIds('hangdong')).toEqual(ids('mine', 'inA2', 'whistled'));
    expect(await listIds('sanfeng')).toEqual(ids('inB'));
    expect((await call('GET', `/api/cases/${cs.mine.id}`, 'sanfeng')).statusCode).toBe(404);
    expect(await listIds('admin')).toEqual(ids('mine', 'inA2', 'inB', 'whistled'));
  });

  it('no one outside the case can act on it (404 hides it), and a unit cannot accept or close', async () => {
    expect((await act(cs.mine.id, 'sanfeng', { action: 'accept' })).statusCode).toBe(404);
    expect((await act(cs.whistled.id, 'unit01', { action: 'verify' })).statusCode).toBe(409);
    expect((await act(cs.whistled.id, 'unit01', { action: 'acknowledge' })).statusCode).toBe(200);
    expect((await act(cs.whistled.id, 'resident01', { action: 'start' })).statusCode).toBe(404);
  });
});

describe('ratings', () => {
  it('only the reporter rates; staff only record a phone visit; a unit may not rate at all', async () => {
    const id = cs.mine.id;
    for (const [as, body] of [
      ['grid01', { action: 'accept' }],
      ['grid01', { action: 'dispatch' }],
      ['grid01', { action: 'acknowledge' }],
      ['grid01', { action: 'resolve', note: '已填平' }],
      ['hangdong', { action: 'verify' }],
    ] as const) {
      expect((await act(id, as, body)).statusCode).toBe(200);
    }
    // The reporter has a login: the verified case waits for their rating, the community cannot close it first.
    const close = await act(id, 'hangdong', { action: 'close' });
    expect([close.statusCode, close.json().error.code]).toEqual([409, 'CASE_AWAITING_RATING']);
    const byStaff = await act(id, 'hangdong', { action: 'rate', satisfaction: 'satisfied' });
    expect([byStaff.statusCode, byStaff.json().error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await act(id, 'grid01', { action: 'rate', satisfaction: 'satisfied' })).statusCode).toBe(403);
    expect((await act(id, 'member01', { action: 'rate', satisfaction: 'satisfied' })).statusCode).toBe(404);
    const phone = await act(id, 'hangdong', { action: 'rate', satisfaction: 'basically_satisfied', phoneVisit: true });
    expect(phone.statusCode, phone.body).toBe(200);
    expect(phone.json()).toMatchObject({
      status: 'rated',
      satisfaction: 'basically_satisfied',
      ratedByPhoneVisit: true,
    });
  });

  it('the reporter rates their own case', async () => {
    const c = await create('resident01', {
      channel: 'online',
      description: '人行道砖块松动',
      lng: 117.3312,
      lat: 27.5411,
    });
    for (const body of [
      { action: 'accept' },
      { action: 'dispatch' },
      { action: 'acknowledge' },
      { action: 'resolve', note: '已修复' },
      { action: 'verify' },
    ]) {
      expect((await act(c.id, 'hangdong', body)).statusCode).toBe(200);
    }
    const page = (await call('GET', `/api/cases/${c.id}`, 'resident01')).json() as CaseDetail;
    expect(page.actions).toEqual(['rate']);
    const rated = await act(c.id, 'resident01', { action: 'rate', satisfaction: 'satisfied' });
    expect(rated.json()).toMatchObject({ status: 'rated', ratedByPhoneVisit: false });
    expect(rated.json().closedAt).not.toBeNull();
  });
});

describe('intake rules', () => {
  it('a resident cannot use staff channels', async () => {
    for (const channel of ['hall', 'community_whistle', 'door_visit']) {
      const res = await call('POST', '/api/cases', 'resident01', {
        channel,
        description: '想反映一个问题',
        lng: 117.331,
        lat: 27.541,
      });
      expect([channel, res.statusCode]).toEqual([channel, 403]);
    }
  });

  it('rejects coordinates outside the county (400 OUTSIDE_COUNTY)', async () => {
    const res = await call('POST', '/api/cases', 'resident01', {
      channel: 'snap',
      description: '路灯坏了',
      lng: 116.4,
      lat: 39.9,
    });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'OUTSIDE_COUNTY']);
  });

  it('rejects a case with neither a location nor a reporter with a home grid (400)', async () => {
    const res = await call('POST', '/api/cases', 'hangdong', {
      channel: 'hall',
      description: '来访群众反映路灯坏了',
      reporterName: '匿名',
    });
    expect([res.statusCode, res.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const routedHome = await call('POST', '/api/cases', 'resident01', {
      channel: 'online',
      description: '家门口路灯坏了',
    });
    expect(routedHome.statusCode).toBe(201);
    expect((routedHome.json() as CaseDetail).gridId).toBe(ctx.world.grids.gA111.id);
  });
});
