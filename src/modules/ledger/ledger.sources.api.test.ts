import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { expectError, expectOk } from '../../../test/http.js';
import { dayKit } from '../../../test/servicedays.js';
import { auditLog } from '../../core/audit.schema.js';
import type { CheckinView, StaffCheckinResult } from '../cobuild/servicedays/servicedays.contracts.js';
import { serviceDays } from '../cobuild/servicedays/servicedays.schema.js';
import { localInstant } from '../../core/calendar.js';
import { clock } from '../../core/clock.js';
import type { NeedClaimList, NeedClaimView } from '../cobuild/needs/needs.claims.contracts.js';
import type { NeedView } from '../cobuild/needs/needs.contracts.js';
import { needClaims } from '../cobuild/needs/needs.schema.js';
import { serviceRecords } from './ledger.schema.js';
import { recordService } from './ledger.service.js';

/** The ledger's other sources: service-day check-ins and fulfilled need claims write their records. */
let ctx: TestContext;
let kit: ReturnType<typeof dayKit>;
beforeAll(async () => {
  ctx = await createTestContext();
  kit = dayKit(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

async function recordsOf(sourceId: string) {
  return ctx.database.db.select().from(serviceRecords).where(eq(serviceRecords.sourceId, sourceId));
}

describe('service days', () => {
  it("a member's check-in writes a 'service_day' record spanning the day, in the day's community", async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, -30, 150);
    const checkin = expectOk<CheckinView>(
      await kit.call('POST', `/api/service-days/checkin/${day.checkinToken}`, { as: 'member01' }),
      201,
    );
    const [dayRow] = await ctx.database.db.select().from(serviceDays).where(eq(serviceDays.id, day.id));
    const [record] = await recordsOf(checkin.id);
    expect(record).toMatchObject({
      kind: 'service_day',
      memberId: ctx.world.members.member1.id,
      communityId: ctx.world.communityA.id,
      title: '集中报到服务日',
      minutes: 180,
      voidedAt: null,
    });
    expect(record.startsAt).toEqual(dayRow.startsAt);
    expect(record.endsAt).toEqual(dayRow.endsAt);
    // Scanning again is the same check-in and the same record.
    await kit.call('POST', `/api/service-days/checkin/${day.checkinToken}`, { as: 'member01' });
    expect(await recordsOf(checkin.id)).toHaveLength(1);
  });

  it('an overlapping check-in still succeeds, writes no second record and is flagged on its audit row', async () => {
    const first = await kit.newDay({ as: 'sanfeng', communityId: ctx.world.communityB.id });
    const second = await kit.newDay({ as: 'sanfeng', communityId: ctx.world.communityB.id });
    await kit.shift(first.id, -60, 120);
    await kit.shift(second.id, -30, 90);
    const member = ctx.world.members.member2.id;
    const a = expectOk<StaffCheckinResult>(
      await kit.call('POST', `/api/service-days/${first.id}/checkins`, {
        as: 'sanfeng',
        body: { memberIds: [member] },
      }),
    );
    const b = expectOk<StaffCheckinResult>(
      await kit.call('POST', `/api/service-days/${second.id}/checkins`, {
        as: 'sanfeng',
        body: { memberIds: [member] },
      }),
    );
    expect(b.created).toHaveLength(1);
    const [kept] = await recordsOf(a.created[0].id);
    expect(await recordsOf(b.created[0].id)).toHaveLength(0);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'service_day_checkin.staff'), eq(auditLog.entityId, second.id)));
    expect(audit.after).toMatchObject({
      ledgerSkipped: [{ checkinId: b.created[0].id, memberId: member, clashRecordId: kept.id }],
    });
  });

  it('removing a check-in voids its record, which stays for the record', async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, -24 * 60, -21 * 60);
    const res = expectOk<StaffCheckinResult>(
      await kit.call('POST', `/api/service-days/${day.id}/checkins`, {
        as: 'hangdong',
        body: { memberIds: [ctx.world.members.member1.id] },
      }),
    );
    const checkinId = res.created[0].id;
    expect((await recordsOf(checkinId))[0].voidedAt).toBeNull();
    const del = await kit.call('DELETE', `/api/service-days/${day.id}/checkins/${checkinId}`, { as: 'hangdong' });
    expect(del.statusCode).toBeLessThan(300);
    const [record] = await recordsOf(checkinId);
    expect(record.voidedAt).not.toBeNull();
    expect(record.voidReason).toBe('服务日签到已撤销');
  });
});

describe('needs (微心愿): claimed by a member, fulfilled by staff', () => {
  const year = clock.year();
  const at = (time: string) => localInstant(`${year}-02-01`, time).toISOString();
  let need: NeedView;
  beforeAll(async () => {
    need = expectOk<NeedView>(
      await kit.call('POST', '/api/needs', {
        as: 'hangdong',
        body: {
          communityId: ctx.world.communityA.id,
          title: '帮独居老人买药',
          domain: 'other',
          priority: 3,
          lng: 117.334,
          lat: 27.544,
          quantity: 2,
          unit: 'person_hours',
        },
      }),
      201,
    );
    // member1 already served 09:00–11:00 that day.
    await ctx.database.db.transaction((tx) =>
      recordService(tx, null, {
        memberId: ctx.world.members.member1.id,
        kind: 'post_duty',
        sourceId: crypto.randomUUID(),
        communityId: ctx.world.communityA.id,
        title: '楼道值守',
        startsAt: new Date(at('09:00')),
        endsAt: new Date(at('11:00')),
      }),
    );
  });

  it('a member claims a need of their residence community once; another community is refused', async () => {
    const claimable = expectOk<{ items: { id: string }[] }>(
      await kit.call('GET', '/api/need-claims/claimable', { as: 'member01' }),
    );
    expect(claimable.items.map((n) => n.id)).toContain(need.id);
    const first = expectOk<NeedClaimView>(
      await kit.call('POST', `/api/needs/${need.id}/claim`, { as: 'member01', body: { note: '周末可以' } }),
      201,
    );
    expect(first).toMatchObject({ status: 'claimed', memberName: '张党员', needTitle: '帮独居老人买药' });
    const again = expectOk<NeedClaimView>(
      await kit.call('POST', `/api/needs/${need.id}/claim`, { as: 'member01' }),
      200,
    );
    expect(again.id).toBe(first.id);
    expectError(
      await kit.call('POST', `/api/needs/${need.id}/claim`, { as: 'member02' }),
      422,
      'NEED_CLAIM_OTHER_COMMUNITY',
    );
    expectError(await kit.call('POST', `/api/needs/${need.id}/claim`, { as: 'hangdong' }), 403, 'FORBIDDEN');
    const mine = expectOk<NeedClaimList>(await kit.call('GET', '/api/need-claims', { as: 'member01' }));
    expect(mine.items.map((c) => c.id)).toEqual([first.id]);
    expect(expectOk<NeedClaimList>(await kit.call('GET', '/api/need-claims', { as: 'member02' })).total).toBe(0);
  });

  it("staff fulfil with verified times: the member's 'need' record; an overlap writes nothing", async () => {
    const [claim] = await ctx.database.db.select().from(needClaims).where(eq(needClaims.needId, need.id));
    const body = (from: string, to: string, version = claim.version) => ({
      startsAt: at(from),
      endsAt: at(to),
      version,
    });
    const url = `/api/need-claims/${claim.id}/fulfil`;
    expectError(await kit.call('POST', url, { as: 'sanfeng', body: body('14:00', '16:00') }), 404, 'NOT_FOUND');
    expectError(await kit.call('POST', url, { as: 'member01', body: body('14:00', '16:00') }), 403, 'FORBIDDEN');
    expectError(
      await kit.call('POST', url, { as: 'hangdong', body: body('10:00', '12:00') }),
      409,
      'SERVICE_RECORD_OVERLAP',
    );
    expectError(await kit.call('POST', url, { as: 'hangdong', body: body('14:00', '16:00', 99) }), 409, 'STALE_UPDATE');
    expect(await recordsOf(claim.id)).toHaveLength(0);
    const done = expectOk<NeedClaimView>(await kit.call('POST', url, { as: 'hangdong', body: body('14:00', '16:00') }));
    expect(done.status).toBe('fulfilled');
    const [record] = await recordsOf(claim.id);
    expect(record).toMatchObject({ kind: 'need', minutes: 120, title: '帮独居老人买药', id: done.serviceRecordId });
    expectError(
      await kit.call('POST', url, { as: 'hangdong', body: body('14:00', '16:00', done.version) }),
      409,
      'NEED_CLAIM_STATE',
    );
  });

  it('a member withdraws their open claim and may claim again', async () => {
    const other = expectOk<NeedView>(
      await kit.call('POST', '/api/needs', {
        as: 'hangdong',
        body: {
          communityId: ctx.world.communityA.id,
          title: '陪同就医',
          domain: 'other',
          priority: 2,
          lng: 117.334,
          lat: 27.544,
          quantity: 1,
          unit: 'person_hours',
        },
      }),
      201,
    );
    const claim = expectOk<NeedClaimView>(
      await kit.call('POST', `/api/needs/${other.id}/claim`, { as: 'member01' }),
      201,
    );
    const withdrawn = expectOk<NeedClaimView>(
      await kit.call('POST', `/api/need-claims/${claim.id}/withdraw`, {
        as: 'member01',
        body: { version: claim.version },
      }),
    );
    expect(withdrawn.status).toBe('withdrawn');
    const back = expectOk<NeedClaimView>(
      await kit.call('POST', `/api/needs/${other.id}/claim`, { as: 'member01' }),
      200,
    );
    expect(back).toMatchObject({ id: claim.id, status: 'claimed' });
  });
});
