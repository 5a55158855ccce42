import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import type { CaseDetail, CaseSummary } from './cases.contracts.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

async function call(
  method: 'GET' | 'POST',
  url: string,
  as: string,
  body?: object,
  headers: Record<string, string> = {},
) {
  return ctx.app.inject({ method, url, payload: body, headers: { cookie: await ctx.cookieFor(as), ...headers } });
}

async function act(id: string, as: string, body: Record<string, unknown>): Promise<CaseDetail> {
  const current = (await call('GET', `/api/cases/${id}`, as)).json() as CaseDetail;
  const res = await call('POST', `/api/cases/${id}/transitions`, as, { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDetail;
}

describe('a case from a resident report to a rating', () => {
  let caseId = '';

  it('a resident reports from the phone; it is routed to the grid at the spot, classified, and its clocks start', async () => {
    const res = await call(
      'POST',
      '/api/cases',
      'resident01',
      {
        channel: 'snap',
        description: '小区楼道里有很浓的燃气味道，担心泄漏，请尽快来看看',
        lng: 117.331,
        lat: 27.541,
        address: '杭东路1号3单元',
      },
      { 'idempotency-key': 'phone-retry-1' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CaseSummary;
    caseId = c.id;
    expect(c).toMatchObject({
      status: 'reported',
      gridId: ctx.world.grids.gA111.id,
      communityName: '杭东社区',
      channel: 'snap',
    });
    expect(c.categoryCode).toBe('safety.gas');
    expect(c.priority).toBe('urgent');
    expect(new Date(c.responseDueAt).getTime()).toBeGreaterThan(new Date(c.reportedAt).getTime());
    const detail = (await call('GET', `/api/cases/${c.id}`, 'resident01')).json() as CaseDetail;
    expect(detail.events.map((e) => e.action)).toEqual(['report']);
  });

  it('a retried submission with the same Idempotency-Key creates no second case', async () => {
    const again = await call(
      'POST',
      '/api/cases',
      'resident01',
      {
        channel: 'snap',
        description: '小区楼道里有很浓的燃气味道，担心泄漏，请尽快来看看',
        lng: 117.331,
        lat: 27.541,
      },
      { 'idempotency-key': 'phone-retry-1' },
    );
    expect(again.statusCode).toBe(201);
    expect((again.json() as CaseDetail).id).toBe(caseId);
    const mine = (await call('GET', '/api/cases?mine=true', 'resident01')).json() as { total: number };
    expect(mine.total).toBe(1);
  });

  it('the grid worker accepts, the community whistles a unit in, the unit reports, arrives and resolves', async () => {
    expect((await act(caseId, 'grid01', { action: 'accept' })).status).toBe('accepted');
    const dispatched = await act(caseId, 'hangdong', {
      action: 'dispatch',
      unitIds: [ctx.world.unit1.id],
      instructions: '请司法局派员到场',
      reason: '该单位未与本社区结对，但有法律专业力量',
    });
    expect(dispatched).toMatchObject({ status: 'dispatched', whistle: 'resident' });
    expect(dispatched.dispatches).toHaveLength(1);
    const unitInbox = (await call('GET', '/api/cases', 'unit01')).json() as { items: { id: string }[] };
    expect(unitInbox.items.map((c) => c.id)).toEqual([caseId]);
    const acked = await act(caseId, 'unit01', { action: 'acknowledge' });
    expect(acked.acknowledgedAt).not.toBeNull();
    expect(acked.dispatches[0].status).toBe('acknowledged');
    expect((await act(caseId, 'unit01', { action: 'start' })).dispatches[0].arrivedAt).not.toBeNull();
    const resolved = await act(caseId, 'unit01', { action: 'resolve', note: '已关闭阀门并联系燃气公司更换软管' });
    expect(resolved).toMatchObject({ status: 'resolved' });
    expect(resolved.dispatches[0].status).toBe('done');
  });

  it('the community verifies; the resident, told at every step, rates, and that closes the case', async () => {
    const verified = await act(caseId, 'hangdong', { action: 'verify' });
    expect(verified.actions).not.toContain('close');
    const rated = await act(caseId, 'resident01', { action: 'rate', satisfaction: 'satisfied', comment: '处理很及时' });
    expect(rated).toMatchObject({ status: 'rated', satisfaction: 'satisfied' });
    expect(rated.closedAt).not.toBeNull();
    expect(rated.ratings).toMatchObject([{ round: 1, satisfaction: 'satisfied', comment: '处理很及时' }]);
    expect(rated.events.map((e) => e.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'acknowledge',
      'start',
      'resolve',
      'verify',
      'rate',
    ]);
    const bell = (await call('GET', '/api/notifications?pageSize=50', 'resident01')).json() as {
      items: { kind: string; entityId: string }[];
    };
    const kinds = bell.items.filter((n) => n.entityId === caseId).map((n) => n.kind);
    expect(kinds.sort()).toEqual(['case.accepted', 'case.dispatched', 'case.resolved', 'case.verified']);
  });

  it('refuses a transition from the wrong state (409), for the wrong role (403), and without a required field (400)', async () => {
    const c = (
      await call('POST', '/api/cases', 'resident01', {
        channel: 'online',
        description: '路灯坏了好几天了，晚上很黑',
        lng: 117.331,
        lat: 27.541,
      })
    ).json() as CaseDetail;
    const wrongState = await call('POST', `/api/cases/${c.id}/transitions`, 'hangdong', {
      action: 'close',
      version: c.version,
    });
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().error.code).toBe('CASE_TRANSITION_NOT_ALLOWED');
    expect(
      (await call('POST', `/api/cases/${c.id}/transitions`, 'resident01', { action: 'accept', version: c.version }))
        .statusCode,
    ).toBe(403);
    const noReason = await call('POST', `/api/cases/${c.id}/transitions`, 'hangdong', {
      action: 'reject',
      version: c.version,
    });
    expect(noReason.statusCode).toBe(400);
    const stale = await call('POST', `/api/cases/${c.id}/transitions`, 'hangdong', {
      action: 'accept',
      version: c.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_UPDATE');
  });

  it('keeps cases private: another community admin and another unit cannot see it', async () => {
    expect((await call('GET', `/api/cases/${caseId}`, 'sanfeng')).statusCode).toBe(404);
    expect((await call('GET', `/api/cases/${caseId}`, 'member01')).statusCode).toBe(404);
    const sanfengList = (await call('GET', '/api/cases', 'sanfeng')).json() as { total: number };
    expect(sanfengList.total).toBe(0);
  });
});
