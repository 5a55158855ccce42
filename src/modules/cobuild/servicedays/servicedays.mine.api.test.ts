import { describe, expect, it } from 'vitest';
import { expectError, expectOk } from '../../../../test/http.js';
import type { MyServiceDay, MyServiceDays } from './servicedays.contracts.js';
import { ctx, kit, useServiceDaysContext } from '../../../../test/api-setup/servicedays.js';

useServiceDaysContext();

const mine = async (as: string) => expectOk<MyServiceDays>(await kit.call('GET', '/api/service-days/mine', { as }));
const byId = (list: MyServiceDay[], id: string) => list.find((d) => d.id === id);
const items = [{ kindCode: 'legal_advice', description: '法律咨询台' }];

describe("a Party member's own service days", () => {
  it('lists the days where they live and those their unit signed up for, soonest first, nobody else’s', async () => {
    const inA = await kit.newDay({ date: kit.dateIn(9) });
    const inB = await kit.newDay({ as: 'sanfeng', communityId: ctx.world.communityB.id, date: kit.dateIn(8) });
    const otherB = await kit.newDay({ as: 'sanfeng', communityId: ctx.world.communityB.id, date: kit.dateIn(10) });
    // Community B's staff invite unit1 (member01's unit) to their day.
    expectOk(
      await kit.call('POST', `/api/service-days/${inB.id}/signups`, {
        as: 'sanfeng',
        body: { unitId: ctx.world.unit1.id, items, headcount: 3 },
      }),
      201,
    );
    const one = await mine('member01');
    expect(byId(one.upcoming, inA.id)).toMatchObject({
      inMyCommunity: true,
      myUnitSignedUp: false,
      window: 'not_started',
      checkedInAt: null,
      startTime: '08:30',
      endTime: '11:30',
    });
    expect(byId(one.upcoming, inB.id)).toMatchObject({ inMyCommunity: false, myUnitSignedUp: true });
    expect(byId(one.upcoming, otherB.id)).toBeUndefined();
    const ids = one.upcoming.map((d) => d.id);
    expect(ids.indexOf(inB.id)).toBeLessThan(ids.indexOf(inA.id));
    expect(JSON.stringify(one)).not.toContain(inA.checkinToken);

    const two = await mine('member02');
    expect(byId(two.upcoming, otherB.id)).toMatchObject({ inMyCommunity: true, myUnitSignedUp: false });
    expect(byId(two.upcoming, inB.id)).toMatchObject({ inMyCommunity: true, myUnitSignedUp: false });
    expect(byId(two.upcoming, inA.id)).toBeUndefined();
  });

  it('keeps a day on the list while check-in is open, then moves it to attended once checked in', async () => {
    const open = await kit.newDay();
    await kit.shift(open.id, -10, 120);
    expect(byId((await mine('member01')).upcoming, open.id)).toMatchObject({ window: 'open', checkedInAt: null });
    expectOk(await kit.call('POST', `/api/service-days/checkin/${open.checkinToken}`, { as: 'member01' }), 201);
    const after = byId((await mine('member01')).upcoming, open.id);
    expect(after?.checkedInAt).toEqual(expect.any(String));

    // 25 hours after the end: check-in has closed, the day is in the member's history.
    await kit.shift(open.id, -30 * 60, -25 * 60);
    const later = await mine('member01');
    expect(byId(later.upcoming, open.id)).toBeUndefined();
    expect(byId(later.attended, open.id)).toMatchObject({ window: 'closed', inMyCommunity: true });
    // A closed day they did not check in at drops off both lists.
    const missed = await kit.newDay();
    await kit.shift(missed.id, -30 * 60, -25 * 60);
    const now = await mine('member01');
    expect(byId(now.upcoming, missed.id) ?? byId(now.attended, missed.id)).toBeUndefined();
  });

  it('shows a cancelled day as cancelled, with the reason', async () => {
    const day = await kit.newDay({ date: kit.dateIn(12) });
    const fresh = await kit.detail(day.id);
    expectOk(
      await kit.call('POST', `/api/service-days/${day.id}/cancel`, {
        as: 'hangdong',
        body: { reason: '暴雨预警', version: fresh.version },
      }),
    );
    expect(byId((await mine('member01')).upcoming, day.id)).toMatchObject({
      status: 'cancelled',
      window: 'cancelled',
      cancelReason: '暴雨预警',
    });
  });

  it('is a Party member’s own: staff and residents are refused, a login without a member record gets nothing', async () => {
    expectError(await kit.call('GET', '/api/service-days/mine', { as: 'hangdong' }), 403, 'FORBIDDEN');
    expectError(await kit.call('GET', '/api/service-days/mine', { as: 'unit01' }), 403, 'FORBIDDEN');
    expectError(await kit.call('GET', '/api/service-days/mine', { as: 'resident01' }), 403, 'FORBIDDEN');
    expectError(await kit.call('GET', '/api/service-days/mine'), 401, 'UNAUTHENTICATED');
    expect(await mine('admin')).toEqual({ upcoming: [], attended: [] });
  });
});
