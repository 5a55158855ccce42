import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { actorFor } from '../../../../test/cases-stats.js';
import { TEST_CLOCK } from '../../../../test/clock.js';
import { api, expectOk, type Page } from '../../../../test/http.js';
import { recordPostDuty } from '../../../../test/ledger.js';
import { auditLog } from '../../../core/audit.schema.js';
import { addDays, localDayOf, localInstant } from '../../../core/calendar.js';
import { advanceClock, clock, setClock } from '../../../core/clock.js';
import { users } from '../../auth/auth.schema.js';
import type { ServiceRecordView } from '../../ledger/ledger.contracts.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import type { MyServiceYear } from '../../members/me/me.contracts.js';
import { partyMembers } from '../../people/members/members.schema.js';
import type { CaseDetail, DispatchItem } from '../cases.contracts.js';
import { caseEvents, cases } from '../cases.schema.js';
import { type HandlingLedger, recordCaseHandlers } from './record.js';

/**
 * A case handled by a Party member writes one 'case' record when it is verified. unit01 and unit02 are here the
 * accounts of the in-service members 张党员 (member1) and 赵党员 (member2); the grid worker 陈网格 (grid01) is made an
 * ordinary Party member. Business time stands still and is moved on by each step, so every span is exact.
 */
let ctx: TestContext;
let call: ReturnType<typeof api>;
const MIN = 60_000;
let gridMemberId: string;

beforeAll(async () => {
  setClock(TEST_CLOCK, { frozen: true });
  // Business time moves on by more than a day here: sessions must outlast it.
  ctx = await createTestContext({ config: { sessionIdleMinutes: 100_000, sessionMaxHours: 10_000 } });
  call = api(ctx);
  const { db } = ctx.database;
  const { members, people, communityA } = ctx.world;
  await db.update(users).set({ personId: members.member1.personId }).where(eq(users.username, 'unit01'));
  await db.update(users).set({ personId: members.member2.personId }).where(eq(users.username, 'unit02'));
  const [gridMember] = await db
    .insert(partyMembers)
    .values({ personId: people.gridWorkerPerson.id, kind: 'ordinary', residenceCommunityId: communityA.id })
    .returning();
  gridMemberId = gridMember.id;
});
afterAll(async () => {
  setClock(TEST_CLOCK);
  await ctx?.close();
});

async function detail(id: string, as = 'hangdong'): Promise<CaseDetail> {
  return expectOk<CaseDetail>(await call('GET', `/api/cases/${id}`, { as }));
}

async function act(id: string, as: string, body: Record<string, unknown>): Promise<CaseDetail> {
  const { version } = await detail(id, as);
  return expectOk<CaseDetail>(await call('POST', `/api/cases/${id}/transitions`, { as, body: { version, ...body } }));
}

async function report(description: string): Promise<CaseDetail> {
  const body = { channel: 'snap', description, categoryCode: 'neighbour.leak', lng: 117.331, lat: 27.541 };
  const c = expectOk<CaseDetail>(await call('POST', '/api/cases', { as: 'resident01', body }), 201);
  await act(c.id, 'grid01', { action: 'accept' });
  return c;
}

/** A reported case whistled to units (dispatched by the community). */
async function whistle(description: string, unitIds: string[]): Promise<CaseDetail> {
  const c = await report(description);
  await act(c.id, 'hangdong', { action: 'dispatch', unitIds, instructions: '请到场', reason: '未结对' });
  return c;
}

async function unitStep(caseId: string, as: string, step: string, note?: string): Promise<void> {
  const inbox = expectOk<Page<DispatchItem>>(await call('GET', '/api/case-dispatches', { as }));
  const d = inbox.items.find((i) => i.caseId === caseId);
  if (!d) throw new Error(`${as} has no dispatch of the case`);
  expectOk(await call('POST', `/api/case-dispatches/${d.id}/${step}`, { as, body: { version: d.version, note } }));
}

/** One unit works its row: reports, arrives, `minutes` later finishes. */
async function unitVisit(caseId: string, as: string, minutes: number, note?: string): Promise<void> {
  await unitStep(caseId, as, 'acknowledge');
  advanceClock(5 * MIN);
  await unitStep(caseId, as, 'arrive');
  advanceClock(minutes * MIN);
  await unitStep(caseId, as, 'done', note);
}

const recordsOf = (caseTitle: string) =>
  ctx.database.db
    .select()
    .from(serviceRecords)
    .where(and(eq(serviceRecords.kind, 'case'), eq(serviceRecords.title, caseTitle)));

async function verifyAudit(caseId: string): Promise<HandlingLedger[]> {
  const rows = await ctx.database.db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'case.verify'), eq(auditLog.entityId, caseId)));
  return rows.map((r) => (r.after as { serviceRecords: HandlingLedger }).serviceRecords);
}

describe('cases handled by Party members write the service ledger when verified', () => {
  it("each unit's member: arrival → done, written at verification only, shown to staff and on the member's year", async () => {
    const c = await whistle('楼道下水管堵塞外溢', [ctx.world.unit1.id, ctx.world.unit2.id]);
    const arrivedAt = clock.now();
    await unitStep(c.id, 'unit01', 'acknowledge');
    await unitStep(c.id, 'unit02', 'acknowledge');
    await unitStep(c.id, 'unit01', 'arrive');
    advanceClock(20 * MIN);
    await unitStep(c.id, 'unit02', 'arrive');
    advanceClock(90 * MIN);
    await unitStep(c.id, 'unit01', 'done', '已疏通下水管');
    advanceClock(30 * MIN);
    await unitStep(c.id, 'unit02', 'done');
    const resolved = await detail(c.id);
    expect(resolved.status).toBe('resolved');
    // Resolved is not verified: nothing counts yet.
    expect(await recordsOf(`${c.number} ${resolved.title}`)).toHaveLength(0);
    advanceClock(60 * MIN);
    await act(c.id, 'hangdong', { action: 'verify' });

    const rows = await recordsOf(`${c.number} ${resolved.title}`);
    const byMember = new Map(rows.map((r) => [r.memberId, r]));
    const { member1, member2 } = ctx.world.members;
    expect(byMember.get(member1.id)).toMatchObject({
      minutes: 110,
      startsAt: arrivedAt,
      communityId: ctx.world.communityA.id,
      verifiedByUserId: ctx.world.users.hangdong.id,
      evidence: '已疏通下水管',
      day: localDayOf(arrivedAt),
      voidedAt: null,
    });
    expect(byMember.get(member2.id)?.minutes).toBe(120);
    const [audit] = await verifyAudit(c.id);
    expect(audit.recorded.map((r) => [r.memberId, r.minutes]).sort()).toEqual(
      [
        [member1.id, 110],
        [member2.id, 120],
      ].sort(),
    );
    expect(audit.skipped).toEqual([]);

    const staff = expectOk<Page<ServiceRecordView>>(
      await call('GET', '/api/service-records?kind=case', { as: 'hangdong' }),
    );
    expect(staff.items.find((r) => r.memberId === member1.id)).toMatchObject({
      kind: 'case',
      title: `${c.number} ${resolved.title}`,
      memberName: '张党员',
      communityName: ctx.world.communityA.name,
      minutes: 110,
    });
    const own = expectOk<Page<ServiceRecordView>>(await call('GET', '/api/service-records', { as: 'member01' }));
    expect(own.items.map((r) => [r.kind, r.minutes])).toEqual([['case', 110]]);
    const year = expectOk<MyServiceYear>(await call('GET', '/api/member-service/me/year', { as: 'member01' }));
    expect(year.minutes).toBe(110);
    const quarter = year.quarters.find((q) => q.minutes > 0);
    expect(quarter?.quarter).toBe(Math.floor((Number(localDayOf(arrivedAt).slice(5, 7)) - 1) / 3) + 1);
  });

  it('a grid owner who is a Party member: start → resolve; verifying their own work counts nothing', async () => {
    const own = await report('小区门口路灯不亮');
    const other = await report('健身器材松动');
    for (const c of [own, other]) {
      await act(c.id, 'grid01', { action: 'dispatch', unitIds: [] });
      await act(c.id, 'grid01', { action: 'acknowledge' });
      await act(c.id, 'grid01', { action: 'start' });
      advanceClock(45 * MIN);
      await act(c.id, 'grid01', { action: 'resolve', note: '已修复' });
      advanceClock(5 * MIN);
    }
    // The owner may verify (the machine lets them), but their own hours are not verified by themself.
    const self = await act(own.id, 'grid01', { action: 'verify' });
    expect(self.status).toBe('verified');
    expect(await recordsOf(`${own.number} ${own.title}`)).toHaveLength(0);
    expect((await verifyAudit(own.id))[0].skipped).toMatchObject([
      { memberId: gridMemberId, reason: 'self_verified', minutes: 45 },
    ]);
    await act(other.id, 'hangdong', { action: 'verify' });
    expect(await recordsOf(`${other.number} ${other.title}`)).toMatchObject([{ memberId: gridMemberId, minutes: 45 }]);
  });

  it('a span over 24 hours, past midnight or overlapping another record is skipped with its reason; the verification succeeds', async () => {
    const long = await whistle('河道垃圾需要清理', [ctx.world.unit1.id]);
    await unitVisit(long.id, 'unit01', 25 * 60);
    advanceClock(10 * MIN);
    expect((await act(long.id, 'hangdong', { action: 'verify' })).status).toBe('verified');
    expect(await recordsOf(`${long.number} ${long.title}`)).toHaveLength(0);
    expect((await verifyAudit(long.id))[0].skipped).toMatchObject([
      { memberId: ctx.world.members.member1.id, reason: 'multi_day', minutes: 25 * 60 },
    ]);

    // Under a day, but arriving at 22:30 and finishing after midnight: the case stayed open overnight.
    setClock(localInstant(addDays(clock.today(), 1), '22:25'), { frozen: true });
    const overnight = await whistle('夜间噪音扰民', [ctx.world.unit1.id]);
    await unitVisit(overnight.id, 'unit01', 180);
    await act(overnight.id, 'hangdong', { action: 'verify' });
    expect(await recordsOf(`${overnight.number} ${overnight.title}`)).toHaveLength(0);
    expect((await verifyAudit(overnight.id))[0].skipped).toMatchObject([{ reason: 'multi_day', minutes: 180 }]);

    // member1 is already counted for a post duty during the next visit.
    advanceClock(8 * 60 * MIN);
    const clash = await recordPostDuty(ctx.database.db, {
      memberId: ctx.world.members.member1.id,
      communityId: ctx.world.communityA.id,
      startsAt: new Date(clock.nowMs() + 30 * MIN),
      endsAt: new Date(clock.nowMs() + 90 * MIN),
    });
    const overlapping = await whistle('井盖缺失', [ctx.world.unit1.id]);
    await unitVisit(overlapping.id, 'unit01', 60);
    expect((await act(overlapping.id, 'hangdong', { action: 'verify' })).status).toBe('verified');
    expect(await recordsOf(`${overlapping.number} ${overlapping.title}`)).toHaveLength(0);
    expect((await verifyAudit(overlapping.id))[0].skipped).toMatchObject([
      { reason: 'overlap', clashRecordId: clash.id, minutes: 60 },
    ]);
  });

  it('a failed verification counts nothing; a reopened case keeps its verified record and the next round adds one', async () => {
    advanceClock(3 * 60 * MIN);
    const c = await whistle('楼上空调滴水', [ctx.world.unit1.id]);
    const title = `${c.number} ${c.title}`;
    await unitVisit(c.id, 'unit01', 50);
    await act(c.id, 'hangdong', { action: 'fail_verification', reason: '回访发现仍在滴水' });
    expect(await recordsOf(title)).toHaveLength(0);
    await act(c.id, 'hangdong', { action: 'dispatch', unitIds: [ctx.world.unit1.id], reason: '未结对' });
    await unitVisit(c.id, 'unit01', 30);
    await act(c.id, 'hangdong', { action: 'verify' });
    const [first] = await recordsOf(title);
    expect(first.minutes).toBe(30);

    await act(c.id, 'resident01', { action: 'rate', satisfaction: 'unsatisfied', comment: '还会滴' });
    await act(c.id, 'resident01', { action: 'reopen', reason: '问题反复' });
    await act(c.id, 'hangdong', { action: 'dispatch', unitIds: [ctx.world.unit1.id], reason: '未结对' });
    await unitVisit(c.id, 'unit01', 40);
    await act(c.id, 'hangdong', { action: 'verify' });
    const rows = await recordsOf(title);
    expect(rows.map((r) => [r.minutes, r.voidedAt]).sort()).toEqual([
      [30, null],
      [40, null],
    ]);
    expect(rows[0].sourceId).not.toBe(rows[1].sourceId);

    // Writing a verification again finds its records: nothing new.
    const [row] = await ctx.database.db.select().from(cases).where(eq(cases.id, c.id));
    const verifies = await ctx.database.db
      .select({ id: caseEvents.id })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, 'verify')))
      .orderBy(caseEvents.id);
    const hangdong = await actorFor(ctx.database.db, 'hangdong');
    const again = await ctx.database.db.transaction((tx) =>
      recordCaseHandlers(tx, hangdong, row, verifies[verifies.length - 1].id),
    );
    expect(again.recorded.map((r) => r.recordId)).toEqual(rows.filter((r) => r.minutes === 40).map((r) => r.id));
    expect(await recordsOf(title)).toHaveLength(2);
  });
});
