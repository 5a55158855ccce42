import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  activityIn,
  call,
  checkin,
  checkout,
  codeOf,
  ctx,
  MIN,
  north,
  PLACE,
  signedCode,
  signUp,
  signupRow,
  usePresenceContext,
  vw,
} from '../../../../test/api-setup/volunteer-presence.js';
import { auditRows, expectError, expectOk } from '../../../../test/http.js';
import { advanceClock, clock } from '../../../core/clock.js';
import { volunteerSignups } from '../volunteers.schema.js';
import type { ActivityCode, CheckoutResult, PresenceList, PresenceSignupView, ScanView } from './presence.contracts.js';

// The code, the scan, check-in and check-out by code (every refusal writes nothing), the geofence, the organiser's
// presence by hand, and who may do what. Hours, the day cap, the ledger, the sweep and corrections:
// presence.hours.api.test.ts.
usePresenceContext();

/** The sign-up row is exactly as it was and no presence audit row names it. */
async function unchanged(before: typeof volunteerSignups.$inferSelect) {
  const [now] = await ctx.database.db.select().from(volunteerSignups).where(eq(volunteerSignups.id, before.id));
  expect(now).toEqual(before);
  expect(await auditRows(ctx, { entityType: 'volunteer_signup', entityId: before.id })).toEqual([]);
}

describe('the rotating code', () => {
  it('is shown to the organiser while check-in is open, rotates, and the previous one still checks in', async () => {
    const a = await activityIn(20);
    const s = await signUp(a, vw.volunteers.vol01);
    const shown = expectOk<ActivityCode>(await call('GET', `/api/volunteer-activities/${a.id}/code`, { as: 'lead01' }));
    expect(shown.rotateSeconds).toBe(60);
    expect(shown.url).toBe(`/m/v/scan?a=${a.id}&c=${encodeURIComponent(shown.code)}`);
    const left = Date.parse(shown.expiresAt) - clock.nowMs();
    expect(left).toBeGreaterThan(60_000);
    expect(left).toBeLessThanOrEqual(120_000);
    // The community admin runs it too; the code is the same within one window.
    expect(await codeOf(a.id, 'hangdong')).toBe(shown.code);
    advanceClock(61_000);
    const next = await codeOf(a.id);
    expect(next).not.toBe(shown.code);
    // The previous code is still accepted …
    const inNow = expectOk<PresenceSignupView>(await checkin(a.id, { code: shown.code }), 201);
    expect(inNow).toMatchObject({
      id: s.id,
      state: 'checked_in',
      checkinMethod: 'qr',
      checkedInAt: clock.now().toISOString(),
    });
    // … until the window after its own has passed.
    advanceClock(120_000);
    const before = await signupRow(a.id, vw.volunteers.vol01);
    expectError(await checkout(a.id, { code: shown.code }), 400, 'VOLUNTEER_CODE_INVALID');
    expect(await signupRow(a.id, vw.volunteers.vol01)).toEqual(before);
  });

  it('is refused before check-in opens, after the end and for a cancelled activity', async () => {
    const early = await activityIn(45);
    expectError(
      await call('GET', `/api/volunteer-activities/${early.id}/code`, { as: 'lead01' }),
      409,
      'VOLUNTEER_CHECKIN_NOT_OPEN',
    );
    const ended = await activityIn(-180, 120);
    expectError(
      await call('GET', `/api/volunteer-activities/${ended.id}/code`, { as: 'lead01' }),
      409,
      'VOLUNTEER_CHECKIN_NOT_OPEN',
    );
    const cancelled = await activityIn(0, 60, { state: 'cancelled', cancelReason: '暴雨' });
    expectError(
      await call('GET', `/api/volunteer-activities/${cancelled.id}/code`, { as: 'lead01' }),
      409,
      'VOLUNTEER_ACTIVITY_CANCELLED',
    );
  });

  it('is the organiser’s: a volunteer and another team’s leader may not fetch it; an unknown activity is 404', async () => {
    const a = await activityIn(0);
    expectError(await call('GET', `/api/volunteer-activities/${a.id}/code`, { as: 'vol01' }), 403, 'FORBIDDEN');
    expectError(await call('GET', `/api/volunteer-activities/${a.id}/code`, { as: 'lead02' }), 403, 'FORBIDDEN');
    expectError(await call('GET', `/api/volunteer-activities/${a.id}/code`, { as: 'sanfeng' }), 403, 'FORBIDDEN');
    expectError(
      await call('GET', `/api/volunteer-activities/${crypto.randomUUID()}/code`, { as: 'lead01' }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('the scan', () => {
  it('tells the phone what comes next', async () => {
    const a = await activityIn(-10);
    await signUp(a, vw.volunteers.vol01);
    await signUp(a, vw.volunteers.lead01, 'waitlisted');
    const code = await codeOf(a.id);
    const scan = (as: string) =>
      call('GET', `/api/volunteer-activities/${a.id}/scan?c=${encodeURIComponent(code)}`, { as });
    const first = expectOk<ScanView>(await scan('vol01'));
    expect(first).toMatchObject({ next: 'checkin', why: null, signup: { state: 'signed_up' } });
    expect(first.activity).toMatchObject({ id: a.id, title: '小巷巡逻', place: '杭川小区东门', cancelled: false });
    expectOk(await checkin(a.id, { code }), 201);
    expect(expectOk<ScanView>(await scan('vol01'))).toMatchObject({
      next: 'checkout',
      signup: { state: 'checked_in' },
    });
    expect(expectOk<ScanView>(await scan('vol02'))).toMatchObject({ next: 'none', why: 'not_signed_up', signup: null });
    expect(expectOk<ScanView>(await scan('lead01'))).toMatchObject({ next: 'none', why: 'waitlisted' });
    expectError(await scan('resident01'), 409, 'VOLUNTEER_NOT_REGISTERED');
    expectError(
      await call('GET', `/api/volunteer-activities/${a.id}/scan?c=forged`, { as: 'vol01' }),
      400,
      'VOLUNTEER_CODE_INVALID',
    );
  });
});

describe('check-in and check-out by code: refusals write nothing', () => {
  it('refuses a forged code, another activity’s code, a cancelled activity and outside the window', async () => {
    const a = await activityIn(-10);
    const other = await activityIn(-10);
    const s = await signUp(a, vw.volunteers.vol01);
    const code = await codeOf(a.id);
    const forged = `${code.slice(0, -4)}AAAA`;
    expectError(await checkin(a.id, { code: forged }), 400, 'VOLUNTEER_CODE_INVALID');
    expectError(await checkin(a.id, { code: await codeOf(other.id) }), 400, 'VOLUNTEER_CODE_OTHER_ACTIVITY');
    const cancelled = await activityIn(-10, 120, { state: 'cancelled', cancelReason: '暴雨' });
    const cs = await signUp(cancelled, vw.volunteers.vol01);
    const cancelledCode = signedCode(cancelled.id, new Date(clock.nowMs() + 60_000));
    expectError(await checkin(cancelled.id, { code: cancelledCode }), 409, 'VOLUNTEER_ACTIVITY_CANCELLED');
    const early = await activityIn(31);
    const es = await signUp(early, vw.volunteers.vol01);
    const earlyCode = signedCode(early.id, new Date(clock.nowMs() + 60_000));
    const res = expectError(await checkin(early.id, { code: earlyCode }, 'vol01'), 409, 'VOLUNTEER_CHECKIN_NOT_OPEN');
    expect(res.error.message).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);
    for (const row of [s, cs, es]) await unchanged(row);
  });

  it('refuses without a live sign-up (none, waitlisted) and a check-out before check-in or twice', async () => {
    const a = await activityIn(-10);
    const waiting = await signUp(a, vw.volunteers.vol02, 'waitlisted');
    const s = await signUp(a, vw.volunteers.vol01);
    let code = await codeOf(a.id);
    expectError(await checkin(a.id, { code }, 'lead01'), 409, 'VOLUNTEER_NOT_SIGNED_UP');
    expectError(await checkin(a.id, { code }, 'vol02'), 409, 'VOLUNTEER_NOT_SIGNED_UP');
    expectError(await checkout(a.id, { code }), 409, 'VOLUNTEER_NOT_CHECKED_IN');
    await unchanged(waiting);
    await unchanged(s);
    expect(await signupRow(a.id, vw.volunteers.lead01)).toBeUndefined();
    const first = expectOk<PresenceSignupView>(await checkin(a.id, { code }), 201);
    advanceClock(5 * MIN);
    code = await codeOf(a.id);
    const again = expectOk<PresenceSignupView>(await checkin(a.id, { code }), 200);
    expect(again).toEqual(first);
    advanceClock(30 * MIN);
    // The code has rotated since: check-out scans the screen again.
    expectError(await checkout(a.id, { code }), 400, 'VOLUNTEER_CODE_INVALID');
    code = await codeOf(a.id);
    const out = expectOk<CheckoutResult>(await checkout(a.id, { code }));
    expect(out).toMatchObject({ state: 'checked_out', minutes: 35, checkoutMethod: 'qr', ledger: 'not_member' });
    advanceClock(MIN);
    const closed = await signupRow(a.id, vw.volunteers.vol01);
    expectError(await checkout(a.id, { code }), 409, 'VOLUNTEER_ALREADY_CHECKED_OUT');
    expect(expectOk<PresenceSignupView>(await checkin(a.id, { code }), 200).state).toBe('checked_out');
    expect(await signupRow(a.id, vw.volunteers.vol01)).toEqual(closed);
  });
});

describe('the geofence', () => {
  it('asks for the location, refuses farther than the radius (with the distance) and accepts inside it', async () => {
    const a = await activityIn(-10, 120, { ...PLACE, geofenceMeters: 200 });
    const s = await signUp(a, vw.volunteers.vol01);
    const code = await codeOf(a.id);
    expectError(await checkin(a.id, { code }), 400, 'VOLUNTEER_LOCATION_REQUIRED');
    const far = expectError(await checkin(a.id, { code, ...north(650) }), 422, 'VOLUNTEER_OUTSIDE_GEOFENCE');
    expect(far.error.details).toEqual({ distance: 650, radius: 200 });
    await unchanged(s);
    expectOk(await checkin(a.id, { code, ...north(150) }), 201);
    advanceClock(20 * MIN);
    const later = await codeOf(a.id);
    expectError(await checkout(a.id, { code: later, ...north(400) }), 422, 'VOLUNTEER_OUTSIDE_GEOFENCE');
    expect(expectOk<CheckoutResult>(await checkout(a.id, { code: later, ...north(20) })).minutes).toBe(20);
  });

  it('does not apply to an activity without one', async () => {
    const a = await activityIn(-10, 120, PLACE);
    await signUp(a, vw.volunteers.vol01);
    expectOk(await checkin(a.id, { code: await codeOf(a.id), ...north(5_000) }), 201);
  });
});

describe('presence recorded by the organiser', () => {
  it('checks a signed-up volunteer in and out, and a walk-in gets a row on the first role', async () => {
    const a = await activityIn(-10);
    const s = await signUp(a, vw.volunteers.vol01);
    const url = `/api/volunteer-activities/${a.id}/presence`;
    const inBy = expectOk<CheckoutResult>(
      await call('POST', url, { as: 'lead01', body: { volunteerId: vw.volunteers.vol01, action: 'checkin' } }),
    );
    expect(inBy).toMatchObject({ id: s.id, state: 'checked_in', checkinMethod: 'organiser', ledger: null });
    const walkIn = expectOk<CheckoutResult>(
      await call('POST', url, { as: 'lead01', body: { volunteerId: vw.volunteers.vol02, action: 'checkin' } }),
      201,
    );
    expect(walkIn).toMatchObject({ state: 'checked_in', roleId: a.roleId, checkinMethod: 'organiser' });
    const [audit] = await auditRows(ctx, { entityType: 'volunteer_signup', entityId: walkIn.id });
    expect(audit).toMatchObject({ action: 'volunteer_signup.walk_in', actorName: 'lead01' });
    advanceClock(45 * MIN);
    const out = expectOk<CheckoutResult>(
      await call('POST', url, { as: 'lead01', body: { volunteerId: vw.volunteers.vol02, action: 'checkout' } }),
    );
    expect(out).toMatchObject({ state: 'checked_out', checkoutMethod: 'organiser', minutes: 45 });
    const list = expectOk<PresenceList>(await call('GET', url, { as: 'lead01' }));
    expect(list.items.map((i) => [i.volunteerName, i.state])).toEqual(
      expect.arrayContaining([
        ['志愿者甲', 'checked_in'],
        ['志愿者乙', 'checked_out'],
      ]),
    );
  });

  it('is the organiser’s: another team’s leader and a volunteer are refused, nothing written', async () => {
    const a = await activityIn(-10);
    const s = await signUp(a, vw.volunteers.vol01);
    const url = `/api/volunteer-activities/${a.id}/presence`;
    const body = { volunteerId: vw.volunteers.vol01, action: 'checkin' };
    expectError(await call('POST', url, { as: 'lead02', body }), 403, 'FORBIDDEN');
    expectError(await call('POST', url, { as: 'vol01', body }), 403, 'FORBIDDEN');
    expectError(await call('GET', url, { as: 'lead02' }), 403, 'FORBIDDEN');
    expectError(await call('POST', url, { as: 'resident01', body }), 403, 'FORBIDDEN');
    await unchanged(s);
  });
});

describe('a crowd at once (the batched path)', () => {
  it('checks everyone in and out once; a double scan answers the first in, and is refused out', async () => {
    const a = await activityIn(-10);
    const mine = await signUp(a, vw.volunteers.vol01);
    for (const v of [vw.volunteers.vol02, vw.volunteers.member01, vw.volunteers.lead01]) await signUp(a, v);
    const crowd = ['vol01', 'vol01', 'vol02', 'member01', 'lead01'];
    let code = await codeOf(a.id);
    const ins = await Promise.all([
      ...crowd.map((u) => checkin(a.id, { code }, u)),
      checkin(a.id, { code: 'x' }, 'lead02'),
    ]);
    expect(ins.map((r) => r.statusCode).sort()).toEqual([200, 201, 201, 201, 201, 400]);
    const audits = await auditRows(ctx, { entityType: 'volunteer_signup', entityId: mine.id });
    expect(audits.map((r) => r.action)).toEqual(['volunteer_signup.checkin']);
    advanceClock(40 * MIN);
    code = await codeOf(a.id);
    const outs = await Promise.all(crowd.map((u) => checkout(a.id, { code }, u)));
    expect(outs.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 409]);
    expect(outs.find((r) => r.statusCode === 409)?.json().error.code).toBe('VOLUNTEER_ALREADY_CHECKED_OUT');
    const member = outs[3].json<CheckoutResult>();
    expect(member).toMatchObject({ state: 'checked_out', minutes: 40, ledger: 'recorded' });
  });
});
