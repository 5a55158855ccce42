import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import type { CaseDetail, SimilarCase } from '../cases.contracts.js';
import { haversineMeters } from './duplicates.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

async function call(method: 'GET' | 'POST', url: string, as: string, body?: object) {
  return ctx.app.inject({ method, url, payload: body, headers: { cookie: await ctx.cookieFor(as) } });
}

async function report(as: string, body: Record<string, unknown>): Promise<CaseDetail> {
  const res = await call('POST', '/api/cases', as, {
    channel: 'snap',
    categoryCode: 'facilities.streetlight',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  // The 201 carries the summary; the reporter's view of the detail is what these tests look at.
  return (await call('GET', `/api/cases/${res.json().id}`, as)).json() as CaseDetail;
}

async function act(id: string, as: string, body: Record<string, unknown>): Promise<CaseDetail> {
  const current = (await call('GET', `/api/cases/${id}`, as)).json() as CaseDetail;
  const res = await call('POST', `/api/cases/${id}/transitions`, as, { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDetail;
}

async function similar(
  as: string,
  lng: number,
  lat: number,
  category = 'facilities.streetlight',
): Promise<SimilarCase[]> {
  const res = await call('GET', `/api/cases/similar?lng=${lng}&lat=${lat}&category=${category}`, as);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: SimilarCase[] }).items;
}

async function kinds(as: string): Promise<{ kind: string; entityId: string }[]> {
  return (
    (await call('GET', '/api/notifications?pageSize=200', as)).json() as { items: { kind: string; entityId: string }[] }
  ).items;
}

describe('haversine', () => {
  it('measures about 111 m per 0.001° of latitude and shrinks longitude with the cosine', () => {
    expect(haversineMeters(117.331, 27.541, 117.331, 27.542)).toBeCloseTo(111.2, 0);
    expect(haversineMeters(117.331, 27.541, 117.332, 27.541)).toBeCloseTo(98.6, 0);
  });
});

describe('duplicates: "same as" at intake', () => {
  let main: CaseDetail;
  let dup: CaseDetail;

  it('offers open cases of the same sub-category within 50 m, nearest first; others see only how far they are', async () => {
    main = await report('resident01', { description: '路灯坏了好几天，晚上很黑', lng: 117.331, lat: 27.541 });
    const farther = await report('resident01', { description: '另一盏路灯也不亮了', lng: 117.3313, lat: 27.5412 });
    const near = await similar('member01', 117.3311, 27.541);
    expect(near).toHaveLength(2);
    expect(near[0].distanceM).toBeLessThan(near[1].distanceM);
    for (const c of near) expect(Object.keys(c).sort()).toEqual(['distanceM', 'visible']);
    expect(JSON.stringify(near)).not.toContain(main.id);
    expect(near[0].visible).toBe(false);
    const own = await similar('resident01', 117.3311, 27.541);
    expect(own.map((c) => c.id)).toEqual([main.id, farther.id]);
    expect(own[0]).toMatchObject({ visible: true, title: main.title, status: 'reported', gridName: '杭东一格1号楼' });
    const staff = await similar('hangdong', 117.3311, 27.541);
    expect(staff[0]).toMatchObject({ id: main.id, visible: true, gridName: '杭东一格1号楼' });
    // Staff outside the case's scope are still told which case it is (to join a report taken at the hall), no more.
    expect(Object.keys((await similar('sanfeng', 117.3311, 27.541))[0]).sort()).toEqual([
      'distanceM',
      'id',
      'number',
      'status',
      'title',
      'visible',
    ]);
    expect(Object.keys((await similar('unit01', 117.3311, 27.541))[0]).sort()).toEqual(['distanceM', 'visible']);
    expect(await similar('member01', 117.331, 27.5416)).toHaveLength(0);
    expect(await similar('member01', 117.3311, 27.541, 'facilities.road')).toHaveLength(0);
    expect(
      (await call('GET', '/api/cases/similar?lng=120&lat=30&category=facilities.streetlight', 'member01')).json().error
        .code,
    ).toBe('OUTSIDE_COUNTY');
  });

  it('a resident cannot join a case that /similar did not name to them, even holding its id (404)', async () => {
    const res = await call('POST', '/api/cases', 'member01', {
      channel: 'snap',
      description: '这里的路灯不亮',
      lng: 117.3311,
      lat: 27.541,
      sameAsCaseId: main.id,
    });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('a report "same as" an open case is merged into it at once, with its state, and its reporter is told', async () => {
    await act(main.id, 'grid01', { action: 'accept' });
    // Staff (here the grid worker, on a resident's word) are told which case is nearby and may join a report to it.
    dup = await report('grid01', {
      channel: 'hall',
      reporterPersonId: ctx.world.people.memberPerson1.id,
      description: '这里的路灯不亮',
      lng: 117.3311,
      lat: 27.541,
      sameAsCaseId: main.id,
      categoryCode: 'facilities.road',
    });
    expect(dup).toMatchObject({
      mergedIntoId: main.id,
      status: 'accepted',
      categoryCode: 'facilities.streetlight',
      gridId: main.gridId,
      actions: [],
    });
    expect(dup.events.map((e) => e.action)).toEqual(['report', 'merge']);
    const mainNow = (await call('GET', `/api/cases/${main.id}`, 'hangdong')).json() as CaseDetail;
    expect(mainNow.mergedCaseIds).toEqual([dup.id]);
    expect(mainNow.events.map((e) => e.action)).toContain('merge');
    expect((await kinds('member01')).filter((n) => n.kind === 'case.merged').map((n) => n.entityId)).toEqual([dup.id]);
    expect((await similar('member01', 117.3311, 27.541)).map((c) => c.id)).not.toContain(dup.id);
  });

  it('a merged case cannot be moved on by itself', async () => {
    const res = await call('POST', `/api/cases/${dup.id}/transitions`, 'hangdong', {
      action: 'dispatch',
      version: dup.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CASE_TRANSITION_NOT_ALLOWED');
  });

  it('both reporters hear of the shared resolution and the duplicate follows the main case to closed when it is rated', async () => {
    await act(main.id, 'grid01', { action: 'dispatch' });
    await act(main.id, 'grid01', { action: 'acknowledge' });
    await act(main.id, 'grid01', { action: 'resolve', note: '已更换灯泡' });
    await act(main.id, 'hangdong', { action: 'verify' });
    // The reporter's rating closes the verified case (no 办结 while they can rate) and its duplicate with it.
    await act(main.id, 'resident01', { action: 'rate', satisfaction: 'satisfied' });
    expect((await kinds('resident01')).filter((n) => n.kind === 'case.verified').map((n) => n.entityId)).toEqual([
      main.id,
    ]);
    const dupNotes = await kinds('member01');
    expect(
      dupNotes.filter((n) => n.kind === 'case.resolved' || n.kind === 'case.closed').map((n) => n.entityId),
    ).toEqual([dup.id, dup.id]);
    const after = (await call('GET', `/api/cases/${dup.id}`, 'member01')).json() as CaseDetail;
    expect(after).toMatchObject({ status: 'closed', mergedIntoId: main.id });
    expect(after.resolvedAt).not.toBeNull();
  });

  it('refuses "same as" a finished or unknown case', async () => {
    const closed = await call('POST', '/api/cases', 'grid01', {
      channel: 'hall',
      description: '路灯又坏了',
      lng: 117.331,
      lat: 27.541,
      sameAsCaseId: main.id,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('CASE_MERGE_NOT_ALLOWED');
    const unknown = await call('POST', '/api/cases', 'member01', {
      channel: 'snap',
      description: '路灯又坏了',
      lng: 117.331,
      lat: 27.541,
      sameAsCaseId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('duplicates: staff merge', () => {
  const spot = (i: number) => ({ lng: 117.3305 + i * 0.0001, lat: 27.5405 });
  let a: CaseDetail;
  let b: CaseDetail;
  let c: CaseDetail;

  async function merge(id: string, intoCaseId: string, as = 'hangdong', version?: number) {
    const current = (await call('GET', `/api/cases/${id}`, 'admin')).json() as CaseDetail;
    return call('POST', `/api/cases/${id}/merge`, as, { intoCaseId, version: version ?? current.version });
  }

  it('merges a case into another of the same community; cases merged into it move along (no chains)', async () => {
    a = await report('resident01', { description: '井盖松动', ...spot(1) });
    b = await report('resident01', { description: '井盖松动有响声', ...spot(2) });
    c = await report('resident01', { description: '井盖松了', ...spot(3) });
    const first = await merge(a.id, b.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ mergedIntoId: b.id, status: 'reported' });
    const second = await merge(b.id, c.id);
    expect(second.statusCode, second.body).toBe(200);
    const movedA = (await call('GET', `/api/cases/${a.id}`, 'admin')).json() as CaseDetail;
    expect(movedA.mergedIntoId).toBe(c.id);
    expect(((await call('GET', `/api/cases/${c.id}`, 'admin')).json() as CaseDetail).mergedCaseIds.sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(
      (await kinds('resident01'))
        .filter((n) => n.kind === 'case.merged')
        .map((n) => n.entityId)
        .sort(),
    ).toEqual([a.id, b.id].sort());
  });

  it('refuses merging into itself, into a merged case, across communities, a finished case, or a stale version (409)', async () => {
    const d = await report('resident01', { description: '井盖不见了', ...spot(4) });
    const codes = async (res: Awaited<ReturnType<typeof merge>>) => [res.statusCode, res.json().error.code];
    expect(await codes(await merge(d.id, d.id))).toEqual([409, 'CASE_MERGE_NOT_ALLOWED']);
    expect(await codes(await merge(d.id, a.id))).toEqual([409, 'CASE_MERGE_NOT_ALLOWED']);
    const inB = await report('resident01', { description: '三凤的井盖坏了', lng: 117.345, lat: 27.545 });
    expect(await codes(await merge(d.id, inB.id, 'admin'))).toEqual([409, 'CASE_MERGE_NOT_ALLOWED']);
    const rejected = await act(
      await report('resident01', { description: '不是问题', ...spot(5) }).then((x) => x.id),
      'hangdong',
      { action: 'reject', reason: '重复' },
    );
    expect(await codes(await merge(d.id, rejected.id))).toEqual([409, 'CASE_MERGE_NOT_ALLOWED']);
    expect(await codes(await merge(d.id, c.id, 'hangdong', d.version + 3))).toEqual([409, 'STALE_UPDATE']);
    const message = await ctx.app.inject({
      method: 'POST',
      url: `/api/cases/${d.id}/merge`,
      payload: { intoCaseId: d.id, version: d.version },
      headers: { cookie: await ctx.cookieFor('hangdong'), 'accept-language': 'en' },
    });
    expect(message.json().error.message).toBe('These cases cannot be merged: a case cannot be merged into itself');
  });

  it('only staff related to both cases may merge them', async () => {
    const d = await report('resident01', { description: '井盖翘起来了', ...spot(6) });
    expect((await merge(d.id, c.id, 'resident01')).statusCode).toBe(403);
    expect((await merge(d.id, c.id, 'sanfeng')).statusCode).toBe(404);
    expect((await merge(d.id, c.id, 'unit01')).statusCode).toBe(403);
    expect((await merge(d.id, c.id, 'grid01')).statusCode).toBe(200);
  });
});
