import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { expectOk } from '../../../test/http.js';
import { dayKit } from '../../../test/servicedays.js';
import { auditLog } from '../../core/audit.schema.js';
import type { CheckinView, StaffCheckinResult } from '../cobuild/servicedays/servicedays.contracts.js';
import { serviceDays } from '../cobuild/servicedays/servicedays.schema.js';
import { serviceRecords } from './ledger.schema.js';

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
