import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, expectError, expectOk, type Page } from '../../../test/http.js';
import { auditLog } from '../../core/audit.schema.js';
import { localInstant } from '../../core/calendar.js';
import { clock } from '../../core/clock.js';
import type { ServiceRecordView, ServiceSummary } from './ledger.contracts.js';
import { serviceRecords } from './ledger.schema.js';
import { recordService, type ServiceRecordRow } from './ledger.service.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
const year = clock.year();
const day = (md: string) => `${year}-${md}`;
const at = (md: string, time: string) => localInstant(day(md), time);
/** r1: member1 (unit1, lives in A) served in A; r2: member2 (unit2, lives in B) served in A; r3: member2 in B. */
let r1: ServiceRecordRow;
let r2: ServiceRecordRow;
let r3: ServiceRecordRow;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  const { db } = ctx.database;
  const w = ctx.world;
  const write = (memberId: string, communityId: string, title: string, md: string, from: string, to: string) =>
    db.transaction((tx) =>
      recordService(tx, null, {
        memberId,
        kind: 'post_duty',
        sourceId: crypto.randomUUID(),
        communityId,
        title,
        startsAt: at(md, from),
        endsAt: at(md, to),
      }),
    );
  r1 = await write(w.members.member1.id, w.communityA.id, '楼道值守', '01-01', '08:00', '10:00');
  r2 = await write(w.members.member2.id, w.communityA.id, '纠纷调解', '01-01', '09:00', '12:00');
  r3 = await write(w.members.member2.id, w.communityB.id, '环境整治', '01-01', '14:00', '15:30');
});
afterAll(async () => {
  await ctx?.close();
});

async function listIds(as: string, query = ''): Promise<string[]> {
  const page = expectOk<Page<ServiceRecordView>>(await call('GET', `/api/service-records?${query}`, { as }));
  return page.items.map((r) => r.id).sort();
}
const ids = (...rows: ServiceRecordRow[]) => rows.map((r) => r.id).sort();
async function current(id: string) {
  const [row] = await ctx.database.db.select().from(serviceRecords).where(eq(serviceRecords.id, id));
  return row;
}

describe('the ledger list: who sees which records', () => {
  it('the county sees every record, with names and hours', async () => {
    const page = expectOk<Page<ServiceRecordView>>(
      await call('GET', '/api/service-records?sort=minutes', { as: 'admin' }),
    );
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({
      title: '环境整治',
      minutes: 90,
      memberName: '赵党员',
      unitName: '县卫健局党组',
    });
    expect(page.items[2]).toMatchObject({
      communityName: '杭东社区',
      residenceCommunityName: '三凤社区',
      minutes: 180,
    });
  });

  it('a community sees its residents and what was served there; a grid worker the members living in its grids', async () => {
    expect(await listIds('hangdong')).toEqual(ids(r1, r2));
    expect(await listIds('sanfeng')).toEqual(ids(r2, r3));
    expect(await listIds('grid01')).toEqual(ids(r1));
  });

  it('a unit admin sees only its own members, wherever they served', async () => {
    expect(await listIds('unit01')).toEqual(ids(r1));
    expect(await listIds('unit02')).toEqual(ids(r2, r3));
    expect(await listIds('unit02', `communityId=${ctx.world.communityA.id}`)).toEqual(ids(r2));
  });

  it('a Party member sees only their own records; a resident none', async () => {
    expect(await listIds('member01')).toEqual(ids(r1));
    expect(await listIds('member01', `memberId=${ctx.world.members.member2.id}`)).toEqual([]);
    expectError(await call('GET', '/api/service-records', { as: 'resident01' }), 403, 'FORBIDDEN');
    expectError(await call('GET', `/api/service-records/${r2.id}`, { as: 'member01' }), 404, 'NOT_FOUND');
  });

  it('filters by unit, kind, year, days and text', async () => {
    const w = ctx.world;
    expect(await listIds('admin', `unitId=${w.unit2.id}`)).toEqual(ids(r2, r3));
    expect(await listIds('admin', 'kind=service_day')).toEqual([]);
    expect(await listIds('admin', `year=${year}&kind=post_duty`)).toEqual(ids(r1, r2, r3));
    expect(await listIds('admin', `year=${year - 1}`)).toEqual([]);
    expect(await listIds('admin', `from=${day('01-01')}&to=${day('01-01')}`)).toEqual(ids(r1, r2, r3));
    expect(await listIds('admin', `q=${encodeURIComponent('调解')}`)).toEqual(ids(r2));
    expect(await listIds('admin', `q=${encodeURIComponent('张党员')}`)).toEqual(ids(r1));
    expectError(await call('GET', '/api/service-records?kind=nap', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('exports the filtered list to Excel, audited', async () => {
    const res = await call('GET', '/api/service-records/export.xlsx', { as: 'unit02' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-export-rows']).toBe('2');
    const [audit] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'service_record.export'));
    expect(audit).toBeDefined();
  });
});

describe('staff corrections', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    startsAt: at('01-01', '08:30').toISOString(),
    endsAt: at('01-01', '10:30').toISOString(),
    reason: '签到时间登记有误',
    version: 1,
    ...over,
  });

  it('needs a reason: without one nothing is written', async () => {
    const { reason: _reason, ...noReason } = body();
    expectError(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'hangdong', body: noReason }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'hangdong', body: body({ reason: '  ' }) }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await current(r1.id)).version).toBe(1);
  });

  it('refuses an overlap, more than 24 hours and times out of order, writing nothing', async () => {
    const { db } = ctx.database;
    // r2 (09:00–12:00) and r3 (14:00–15:30) are member2's: moving r3 onto r2 overlaps.
    const overlap = body({ startsAt: at('01-01', '11:00').toISOString(), endsAt: at('01-01', '13:00').toISOString() });
    const res = await call('POST', `/api/service-records/${r3.id}/correct`, { as: 'sanfeng', body: overlap });
    expect(expectError(res, 409, 'SERVICE_RECORD_OVERLAP').error.details).toMatchObject({ recordId: r2.id });
    const long = body({ endsAt: at('01-02', '09:00').toISOString() });
    expectError(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'hangdong', body: long }),
      422,
      'SERVICE_RECORD_OVER_DAY',
    );
    const backwards = body({ endsAt: at('01-01', '08:00').toISOString() });
    expectError(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'hangdong', body: backwards }),
      400,
      'SERVICE_RECORD_TIME_ORDER',
    );
    expect((await current(r1.id)).version).toBe(1);
    expect((await current(r3.id)).startsAt).toEqual(r3.startsAt);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'service_record.correct'));
    expect(audits).toHaveLength(0);
  });

  it('only managing staff of the community served in or lived in may correct; never the member', async () => {
    expectError(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'member01', body: body() }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'unit01', body: body() }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'grid01', body: body() }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'sanfeng', body: body() }),
      404,
      'NOT_FOUND',
    );
  });

  it('corrects the times with a reason, audited with before and after; a stale version is refused', async () => {
    const fixed = expectOk<ServiceRecordView>(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'hangdong', body: body() }),
    );
    expect(fixed).toMatchObject({ minutes: 120, correctionReason: '签到时间登记有误', version: 2 });
    expect(fixed.startsAt).toBe(at('01-01', '08:30').toISOString());
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'service_record.correct'), eq(auditLog.entityId, r1.id)));
    expect(audit.before).toMatchObject({ startsAt: r1.startsAt.toISOString() });
    expect(audit.after).toMatchObject({ reason: '签到时间登记有误', version: 2 });
    const stale = body({ endsAt: at('01-01', '11:00').toISOString() });
    expectError(
      await call('POST', `/api/service-records/${r1.id}/correct`, { as: 'hangdong', body: stale }),
      409,
      'STALE_UPDATE',
    );
    expect((await current(r1.id)).minutes).toBe(120);
  });

  it('a community may correct a record served in it by a member living elsewhere', async () => {
    const moved = body({ startsAt: at('01-01', '09:00').toISOString(), endsAt: at('01-01', '11:00').toISOString() });
    const fixed = expectOk<ServiceRecordView>(
      await call('POST', `/api/service-records/${r2.id}/correct`, { as: 'hangdong', body: moved }),
    );
    expect(fixed.minutes).toBe(120);
  });

  it('voids with a reason: the record stays listed on request and counts for nothing', async () => {
    const version = (await current(r3.id)).version;
    expectError(
      await call('POST', `/api/service-records/${r3.id}/void`, { as: 'sanfeng', body: { version } }),
      400,
      'VALIDATION_FAILED',
    );
    const voided = expectOk<ServiceRecordView>(
      await call('POST', `/api/service-records/${r3.id}/void`, {
        as: 'sanfeng',
        body: { reason: '重复登记', version },
      }),
    );
    expect(voided).toMatchObject({ voidReason: '重复登记' });
    expect(await listIds('unit02')).toEqual(ids(r2));
    expect(await listIds('unit02', 'includeVoided=true')).toEqual(ids(r2, r3));
    expectError(
      await call('POST', `/api/service-records/${r3.id}/correct`, {
        as: 'sanfeng',
        body: body({ version: voided.version }),
      }),
      409,
      'SERVICE_RECORD_VOIDED',
    );
  });
});

describe("a member's year", () => {
  it('sums counted minutes by kind and month against the requirement', async () => {
    const mine = expectOk<ServiceSummary>(await call('GET', '/api/service-records/summary', { as: 'member02' }));
    // r2 corrected to 120 minutes, r3 voided.
    expect(mine).toMatchObject({ year, totalMinutes: 120, requiredMinutes: 1200, records: 1, memberName: '赵党员' });
    expect(mine.byKind).toEqual([{ kind: 'post_duty', minutes: 120, records: 1 }]);
    expect(mine.byMonth).toHaveLength(12);
    expect(mine.byMonth[0]).toEqual({ month: 1, minutes: 120 });
    const m2 = ctx.world.members.member2.id;
    const staff = expectOk<ServiceSummary>(
      await call('GET', `/api/service-records/summary?memberId=${m2}&year=${year}`, { as: 'unit02' }),
    );
    expect(staff.totalMinutes).toBe(120);
    expectError(await call('GET', `/api/service-records/summary?memberId=${m2}`, { as: 'unit01' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/service-records/summary?memberId=${m2}`, { as: 'member01' }), 404, 'NOT_FOUND');
    expectError(await call('GET', '/api/service-records/summary', { as: 'admin' }), 404, 'NOT_FOUND');
  });
});
