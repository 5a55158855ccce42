import { clock } from '../../../core/clock.js';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { auditLog } from '../../../core/audit.schema.js';
import type { CaseDetail, DispatchItem } from '../cases.contracts.js';
import { caseDispatches, caseEvents } from '../cases.schema.js';

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

async function act(id: string, as: string, body: Record<string, unknown>): Promise<CaseDetail> {
  const current = (await call('GET', `/api/cases/${id}`, as)).json() as CaseDetail;
  const res = await call('POST', `/api/cases/${id}/transitions`, as, { version: current.version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDetail;
}

async function inbox(as: string, query = ''): Promise<{ items: DispatchItem[]; total: number }> {
  const res = await call('GET', `/api/case-dispatches${query}`, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: DispatchItem[]; total: number };
}

async function step(d: DispatchItem, name: string, as: string, extra: Record<string, unknown> = {}) {
  return call('POST', `/api/case-dispatches/${d.id}/${name}`, as, { version: d.version, ...extra });
}

async function whistle(description: string): Promise<CaseDetail> {
  const res = await call('POST', '/api/cases', 'resident01', {
    channel: 'snap',
    description,
    categoryCode: 'neighbour.leak',
    lng: 117.331,
    lat: 27.541,
  });
  expect(res.statusCode, res.body).toBe(201);
  await act((res.json() as CaseDetail).id, 'grid01', { action: 'accept' });
  return act((res.json() as CaseDetail).id, 'hangdong', {
    action: 'dispatch',
    unitIds: [ctx.world.unit1.id, ctx.world.unit2.id],
    instructions: '请两家单位到场',
    reason: '两家单位均未与本社区结对',
  });
}

describe('the unit inbox (吹哨报到)', () => {
  let c: CaseDetail;
  let mine: DispatchItem;
  let theirs: DispatchItem;

  it('shows each unit only its own dispatch rows; the community and the county see all of theirs', async () => {
    c = await whistle('楼上漏水到我家天花板，协商不成');
    const one = await inbox('unit01');
    expect(one.items).toHaveLength(1);
    mine = one.items[0];
    expect(mine).toMatchObject({
      caseId: c.id,
      caseNumber: c.number,
      casePriority: 'complex',
      caseStatus: 'dispatched',
      unitId: ctx.world.unit1.id,
      status: 'pending',
      overdue: false,
    });
    theirs = (await inbox('unit02')).items[0];
    expect(theirs.unitId).toBe(ctx.world.unit2.id);
    expect((await inbox('hangdong')).total).toBe(2);
    expect((await inbox('admin')).total).toBe(2);
    expect((await inbox('grid01')).total).toBe(2);
    expect((await inbox('sanfeng')).total).toBe(0);
    expect((await inbox('resident01')).total).toBe(0);
  });

  it('a unit reports (报到): its row is stamped, the case event and audit row written, the case response clock stopped', async () => {
    const res = await step(mine, 'acknowledge', 'unit01', { note: '已收到，马上安排' });
    expect(res.statusCode, res.body).toBe(200);
    mine = res.json() as DispatchItem;
    expect(mine).toMatchObject({ status: 'acknowledged', reportNote: '已收到，马上安排' });
    expect(mine.acknowledgedAt).not.toBeNull();
    const detail = (await call('GET', `/api/cases/${c.id}`, 'hangdong')).json() as CaseDetail;
    expect(detail.acknowledgedAt).toBe(mine.acknowledgedAt);
    // The first unit to report moves the case itself on through the state machine.
    expect(detail.status).toBe('acknowledged');
    // Stored twice (the unit's step and the case's transition), shown once: the unit's step with the case's states.
    const stored = await ctx.database.db
      .select({ action: caseEvents.action })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), inArray(caseEvents.action, ['acknowledge', 'unit_acknowledge'])));
    expect(stored.map((e) => e.action).sort()).toEqual(['acknowledge', 'unit_acknowledge']);
    expect(detail.events.filter((e) => e.action === 'acknowledge')).toHaveLength(0);
    expect(detail.events.filter((e) => e.action === 'unit_acknowledge')).toMatchObject([
      { fromStatus: 'dispatched', toStatus: 'acknowledged', actorName: expect.any(String) },
    ]);
    const [{ n }] = await ctx.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case_dispatch.acknowledge'), eq(auditLog.entityId, mine.id)));
    expect(n).toBe(1);
  });

  it("refuses a second report (409), another unit's row (403), staff acting for a unit (403), and a stale version (409)", async () => {
    const again = await step(mine, 'acknowledge', 'unit01');
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'CASE_TRANSITION_NOT_ALLOWED']);
    expect((await step(theirs, 'acknowledge', 'unit01')).statusCode).toBe(403);
    expect((await step(theirs, 'acknowledge', 'hangdong')).statusCode).toBe(403);
    expect((await step(theirs, 'arrive', 'unit02')).json().error.code).toBe('CASE_TRANSITION_NOT_ALLOWED');
    const stale = await step({ ...mine, version: mine.version - 1 }, 'arrive', 'unit01');
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'STALE_UPDATE']);
    expect(
      (await call('POST', '/api/case-dispatches/00000000-0000-4000-8000-000000000000/arrive', 'unit01', { version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('each unit still reports and arrives as its own steps after another unit moved the case on', async () => {
    await act(c.id, 'unit01', { action: 'start' });
    const firstAck = mine.acknowledgedAt;
    const acked = await step(theirs, 'acknowledge', 'unit02');
    expect(acked.statusCode, acked.body).toBe(200);
    theirs = acked.json() as DispatchItem;
    expect(theirs).toMatchObject({ status: 'acknowledged', caseStatus: 'in_progress' });
    const arrived = await step(theirs, 'arrive', 'unit02', { note: '已到现场查看' });
    theirs = arrived.json() as DispatchItem;
    expect(theirs.status).toBe('on_site');
    expect(new Date(theirs.arrivedAt ?? 0).getTime()).toBeGreaterThanOrEqual(
      new Date(theirs.acknowledgedAt ?? 0).getTime(),
    );
    const detail = (await call('GET', `/api/cases/${c.id}`, 'hangdong')).json() as CaseDetail;
    expect(detail.acknowledgedAt).toBe(firstAck);
    // The case-level actions moved unit01's row on without re-stamping its report time.
    expect(detail.dispatches.find((d) => d.unitId === ctx.world.unit1.id)).toMatchObject({
      status: 'on_site',
      acknowledgedAt: firstAck,
    });
    expect(detail.events.map((e) => e.action).filter((a) => a.startsWith('unit_'))).toEqual([
      'unit_acknowledge',
      'unit_acknowledge',
      'unit_arrive',
    ]);
  });

  it('a unit finishes its part or sends it back with a reason', async () => {
    const noReason = await step(theirs, 'return', 'unit02');
    expect(noReason.statusCode).toBe(400);
    const returned = await step(theirs, 'return', 'unit02', { reason: '不属于本单位职责' });
    expect(returned.json()).toMatchObject({ status: 'returned', reportNote: '不属于本单位职责' });
    const current = (await inbox('unit01')).items[0];
    const done = await step(current, 'done', 'unit01', { note: '已协调修复管道' });
    expect(done.json()).toMatchObject({ status: 'done', reportNote: '已协调修复管道' });
    expect((await inbox('hangdong', '?status=done,returned')).total).toBe(2);
    expect((await inbox('hangdong', '?status=pending')).total).toBe(0);
    // The last live unit finishing resolves the case with its note.
    const detail = (await call('GET', `/api/cases/${c.id}`, 'hangdong')).json() as CaseDetail;
    expect(detail.status).toBe('resolved');
  });

  it('flags a dispatch not reported by its response time as overdue', async () => {
    const late = await whistle('隔壁装修渗水严重');
    const row = (await inbox('unit01', '?status=pending')).items.find((d) => d.caseId === late.id);
    expect(row?.overdue).toBe(false);
    await ctx.database.db
      .update(caseDispatches)
      .set({ responseDueAt: new Date(clock.nowMs() - 60_000) })
      .where(eq(caseDispatches.id, row?.id ?? ''));
    const overdue = await inbox('unit01', '?overdue=true');
    expect(overdue.items.map((d) => [d.caseId, d.overdue])).toEqual([[late.id, true]]);
    expect((await inbox('unit01', '?overdue=false')).items.every((d) => !d.overdue)).toBe(true);
  });
});
