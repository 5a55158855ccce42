import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { adoptTestPairing } from '../../../../test/cobuild.js';
import { auditLog } from '../../../core/audit.schema.js';
import { clock } from '../../../core/clock.js';
import { notifications } from '../../notifications/notifications.schema.js';
import type { CaseDetail, DispatchItem } from '../cases.contracts.js';
import { caseDispatches, caseEvents } from '../cases.schema.js';

// 吹哨 rules (issue 11 item 2): 跨社区吹哨 needs a reason and is flagged, a unit may decline, the community records a
// unit's 报到 only as 代报到 with a reason; and each unit step shows once in the timeline though stored twice.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // This year 杭东 (communityA) is paired with unit1 only: unit2 is a cross-community whistle.
  await adoptTestPairing(ctx.database.db, {
    year: clock.year(),
    pairs: [{ communityId: ctx.world.communityA.id, unitId: ctx.world.unit1.id }],
  });
});
afterAll(async () => {
  await ctx?.close();
});

async function call(method: 'GET' | 'POST', url: string, as: string, body?: object) {
  return ctx.app.inject({ method, url, payload: body, headers: { cookie: await ctx.cookieFor(as) } });
}

async function detail(id: string, as = 'hangdong'): Promise<CaseDetail> {
  return (await call('GET', `/api/cases/${id}`, as)).json() as CaseDetail;
}

async function transition(id: string, as: string, body: Record<string, unknown>) {
  return call('POST', `/api/cases/${id}/transitions`, as, { version: (await detail(id, as)).version, ...body });
}

/** A resident's report, accepted by the grid worker. */
async function accepted(description: string): Promise<CaseDetail> {
  const res = await call('POST', '/api/cases', 'resident01', {
    channel: 'snap',
    description,
    categoryCode: 'neighbour.leak',
    lng: 117.331,
    lat: 27.541,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as CaseDetail).id;
  expect((await transition(id, 'grid01', { action: 'accept' })).statusCode).toBe(200);
  return detail(id);
}

async function whistled(description: string, unitIds: string[], reason?: string): Promise<CaseDetail> {
  const c = await accepted(description);
  const res = await transition(c.id, 'hangdong', { action: 'dispatch', unitIds, reason });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CaseDetail;
}

const rowOf = (c: CaseDetail, unitId: string) => c.dispatches.find((d) => d.unitId === unitId);

async function inboxRow(as: string, caseId: string): Promise<DispatchItem> {
  const res = await call('GET', '/api/case-dispatches?pageSize=200', as);
  return (res.json() as { items: DispatchItem[] }).items.find((d) => d.caseId === caseId) as DispatchItem;
}

async function notified(username: string, kind: string, caseId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ title: notifications.title })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, ctx.world.users[username].id),
        eq(notifications.kind, kind),
        eq(notifications.entityId, caseId),
      ),
    );
  return rows.map((r) => r.title);
}

async function audited(action: string, entityId: string): Promise<number> {
  const rows = await ctx.database.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return rows.length;
}

describe('跨社区吹哨: a unit not paired with the case’s community', () => {
  it('lists the paired units of the case’s community for the whistle dialog (staff only)', async () => {
    const c = await accepted('楼道灯坏了一个月');
    const res = await call('GET', `/api/cases/${c.id}/paired-units`, 'hangdong');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [{ id: ctx.world.unit1.id, name: ctx.world.unit1.name }] });
    expect((await call('GET', `/api/cases/${c.id}/paired-units`, 'unit01')).statusCode).toBe(403);
    expect((await call('GET', `/api/cases/${c.id}/paired-units`, 'sanfeng')).statusCode).toBe(404);
  });

  it('whistles a paired unit without a reason, unflagged', async () => {
    const c = await whistled('楼上漏水，协商不成', [ctx.world.unit1.id]);
    expect(rowOf(c, ctx.world.unit1.id)).toMatchObject({ crossCommunity: false, crossCommunityReason: null });
  });

  it('refuses an unpaired unit without a reason (422 WHISTLE_REASON_REQUIRED), writing nothing', async () => {
    const c = await accepted('小区门口污水外溢');
    const res = await transition(c.id, 'hangdong', {
      action: 'dispatch',
      unitIds: [ctx.world.unit1.id, ctx.world.unit2.id],
      reason: '  ',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'WHISTLE_REASON_REQUIRED' });
    expect(res.json().error.details[0]).toMatchObject({ path: '/reason' });
    expect(res.json().error.details[0].message).toContain(ctx.world.unit2.id);
    const after = await detail(c.id);
    expect(after).toMatchObject({ status: 'accepted', version: c.version, dispatches: [] });
  });

  it('accepts it with a reason, flags only the unpaired row, and the unit’s inbox shows the flag', async () => {
    const c = await whistled(
      '小区门口污水外溢',
      [ctx.world.unit1.id, ctx.world.unit2.id],
      '卫健局负责病媒消杀，需到场',
    );
    expect(rowOf(c, ctx.world.unit1.id)).toMatchObject({ crossCommunity: false, crossCommunityReason: null });
    expect(rowOf(c, ctx.world.unit2.id)).toMatchObject({
      crossCommunity: true,
      crossCommunityReason: '卫健局负责病媒消杀，需到场',
    });
    expect(await inboxRow('unit02', c.id)).toMatchObject({ crossCommunity: true });
    expect(await inboxRow('unit01', c.id)).toMatchObject({ crossCommunity: false });
  });
});

describe('a unit declines a dispatch', () => {
  it('needs a reason; with one the row is declined, audited, and the dispatcher and community hear why', async () => {
    const c = await whistled('路边树枝折断压住电线', [ctx.world.unit1.id, ctx.world.unit2.id], '需卫健局到场');
    const mine = await inboxRow('unit02', c.id);
    const bare = await call('POST', `/api/case-dispatches/${mine.id}/decline`, 'unit02', { version: mine.version });
    expect(bare.statusCode).toBe(400);
    const res = await call('POST', `/api/case-dispatches/${mine.id}/decline`, 'unit02', {
      version: mine.version,
      reason: '电力线路不属本局职责',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', reportNote: '电力线路不属本局职责' });
    expect(res.json().declinedAt).not.toBeNull();
    // Another unit still holds the case, so it stays with the units; the declining unit may no longer act on it.
    expect((await detail(c.id)).status).toBe('dispatched');
    expect((await detail(c.id, 'unit02')).actions).toEqual([]);
    const ack = await transition(c.id, 'unit02', { action: 'acknowledge' });
    expect(ack.statusCode).toBe(403);
    expect(await audited('case_dispatch.decline', mine.id)).toBe(1);
    expect(await notified('hangdong', 'case.unit_decline', c.id)).toEqual([
      `县卫健局党组拒绝了事项 ${c.number} 的吹哨`,
    ]);
    // Declining is before 报到 only.
    const again = await call('POST', `/api/case-dispatches/${mine.id}/decline`, 'unit02', {
      version: mine.version + 1,
      reason: '再拒一次',
    });
    expect(again.json().error.code).toBe('CASE_TRANSITION_NOT_ALLOWED');
  });

  it('the last unit declining sends the case back to the community, shown once in the timeline', async () => {
    const c = await whistled('门前排水沟堵塞', [ctx.world.unit2.id], '需卫健局到场');
    const mine = await inboxRow('unit02', c.id);
    const res = await call('POST', `/api/case-dispatches/${mine.id}/decline`, 'unit02', {
      version: mine.version,
      reason: '排水不属本局职责',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await detail(c.id);
    expect(after.status).toBe('returned');
    expect(after.events.filter((e) => e.action === 'return')).toHaveLength(0);
    expect(after.events.filter((e) => e.action === 'unit_decline')).toMatchObject([
      { fromStatus: 'dispatched', toStatus: 'returned', note: '排水不属本局职责' },
    ]);
    // The community may whistle again: the declined row is called in anew, its decline cleared.
    const again = await transition(c.id, 'hangdong', {
      action: 'dispatch',
      unitIds: [ctx.world.unit2.id],
      reason: '已与该局沟通，请协助',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(rowOf(again.json() as CaseDetail, ctx.world.unit2.id)).toMatchObject({
      status: 'pending',
      declinedAt: null,
      crossCommunityReason: '已与该局沟通，请协助',
    });
  });
});

describe('代报到: the community records a unit’s 报到 only as a proxy, with a reason', () => {
  let c: CaseDetail;
  it('offers the community no 报到 on the case while its unit waits, and refuses it (403 DISPATCH_PROXY_REQUIRED)', async () => {
    c = await whistled('单元门禁坏了', [ctx.world.unit1.id]);
    const seen = await detail(c.id);
    expect(seen.actions).not.toContain('acknowledge');
    expect(rowOf(seen, ctx.world.unit1.id)?.mayProxyAcknowledge).toBe(true);
    expect(rowOf(await detail(c.id, 'grid01'), ctx.world.unit1.id)?.mayProxyAcknowledge).toBe(false);
    expect((await detail(c.id, 'unit01')).actions).toContain('acknowledge');
    const res = await transition(c.id, 'hangdong', { action: 'acknowledge' });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'DISPATCH_PROXY_REQUIRED']);
  });

  it('refuses a 代报到 without a reason (400), by the grid worker or the unit (403)', async () => {
    const row = rowOf(await detail(c.id), ctx.world.unit1.id) as CaseDetail['dispatches'][number];
    const url = `/api/case-dispatches/${row.id}/proxy-acknowledge`;
    expect((await call('POST', url, 'hangdong', { version: row.version })).statusCode).toBe(400);
    expect((await call('POST', url, 'grid01', { version: row.version, reason: '电话报到' })).statusCode).toBe(403);
    expect((await call('POST', url, 'unit01', { version: row.version, reason: '电话报到' })).statusCode).toBe(403);
    expect((await call('POST', url, 'sanfeng', { version: row.version, reason: '电话报到' })).statusCode).toBe(404);
  });

  it('records it: the row says 代报到 and why, the case moves on, the unit is told, one timeline entry', async () => {
    const row = rowOf(await detail(c.id), ctx.world.unit1.id) as CaseDetail['dispatches'][number];
    const res = await call('POST', `/api/case-dispatches/${row.id}/proxy-acknowledge`, 'hangdong', {
      version: row.version,
      reason: '单位来电报到，网络故障无法登录',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'acknowledged',
      proxyAcknowledged: true,
      proxyReason: '单位来电报到，网络故障无法登录',
    });
    const after = await detail(c.id);
    expect(after.status).toBe('acknowledged');
    expect(after.acknowledgedAt).not.toBeNull();
    expect(rowOf(after, ctx.world.unit1.id)?.mayProxyAcknowledge).toBe(false);
    const shown = after.events.filter((e) => e.action.includes('acknowledge'));
    expect(shown).toMatchObject([
      { action: 'unit_proxy_acknowledge', toStatus: 'acknowledged', note: '单位来电报到，网络故障无法登录' },
    ]);
    expect(shown[0].data).toMatchObject({ proxy: true, unitId: ctx.world.unit1.id });
    expect(await audited('case_dispatch.proxy_acknowledge', row.id)).toBe(1);
    expect(await notified('unit01', 'case.unit_proxy_acknowledge', c.id)).toHaveLength(1);
    const [stored] = await ctx.database.db.select().from(caseDispatches).where(eq(caseDispatches.id, row.id));
    expect(stored.proxyAcknowledgedByUserId).toBe(ctx.world.users.hangdong.id);
    const again = await call('POST', `/api/case-dispatches/${row.id}/proxy-acknowledge`, 'hangdong', {
      version: row.version + 1,
      reason: '再次代报到',
    });
    expect(again.json().error.code).toBe('CASE_TRANSITION_NOT_ALLOWED');
  });
});

describe('the timeline shows each unit step once', () => {
  it('报到, 到场 and 办结 through the inbox: two stored events each, one shown', async () => {
    const c = await whistled('楼道堆放杂物堵塞消防通道', [ctx.world.unit1.id]);
    for (const [name, body] of [
      ['acknowledge', {}],
      ['arrive', {}],
      ['done', { note: '已清理杂物' }],
    ] as const) {
      const row = await inboxRow('unit01', c.id);
      const res = await call('POST', `/api/case-dispatches/${row.id}/${name}`, 'unit01', {
        version: row.version,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const after = await detail(c.id);
    expect(after.status).toBe('resolved');
    expect(after.events.map((e) => e.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'unit_acknowledge',
      'unit_arrive',
      'unit_done',
    ]);
    expect(after.events.slice(3).map((e) => e.toStatus)).toEqual(['acknowledged', 'in_progress', 'resolved']);
    const stored = await ctx.database.db
      .select({ action: caseEvents.action })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), inArray(caseEvents.action, ['acknowledge', 'start', 'resolve'])));
    expect(stored).toHaveLength(3);
  });
});

describe('the statistics count 跨社区吹哨 apart', () => {
  it('count the flagged dispatch rows the actor sees: the county and the community all, a unit its own', async () => {
    const flagged = await ctx.database.db
      .select({ unitId: caseDispatches.unitId })
      .from(caseDispatches)
      .where(eq(caseDispatches.crossCommunity, true));
    expect(flagged.length).toBeGreaterThan(0);
    const crossOf = async (as: string, query = '') => {
      const res = await call('GET', `/api/cases/stats${query}`, as);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { crossCommunityDispatches: number }).crossCommunityDispatches;
    };
    expect(await crossOf('admin')).toBe(flagged.length);
    expect(await crossOf('hangdong')).toBe(flagged.length);
    expect(await crossOf('sanfeng')).toBe(0);
    expect(await crossOf('unit02')).toBe(flagged.filter((f) => f.unitId === ctx.world.unit2.id).length);
    expect(await crossOf('unit01')).toBe(flagged.filter((f) => f.unitId === ctx.world.unit1.id).length);
    expect(await crossOf('admin', `?unitId=${ctx.world.unit1.id}`)).toBe(0);
    expect(await crossOf('admin', `?communityId=${ctx.world.communityB.id}`)).toBe(0);
  });
});
