import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  addActivity,
  call,
  checkin,
  checkout,
  codeOf,
  ctx,
  MIN,
  moveTo,
  shiftRecords,
  signUp,
  signupRow,
  usePresenceContext,
  vw,
} from '../../../../test/api-setup/volunteer-presence.js';
import { auditRows, expectError, expectOk } from '../../../../test/http.js';
import { addDays, localInstant } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import { users } from '../../auth/auth.schema.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import { notifications } from '../../notifications/notifications.schema.js';
import { DEFAULT_VOLUNTEER_RULES } from '../volunteers.enums.js';
import { volunteerRules, volunteerSignups } from '../volunteers.schema.js';
import type { CheckoutResult } from './presence.contracts.js';
import { sweepVolunteerActivities } from './presence.sweep.js';

// Hours (travel excluded, the day cap), the ledger record of an in-service Party member (and none for others, and a
// refused one not stopping the check-out), the sweep (missing check-outs, no-shows) and corrections.
usePresenceContext();

/** 08:00 county time on the day `n` days after the suite's day: each test has a day of its own. */
const dayAt = (n: number, time: string) => localInstant(addDays(clock.today(), n), time);

/** Checks `as` in at `inAt` and out at `outAt` by code (the organiser's screen is read at each instant). */
async function serve(activityId: string, as: string, inAt: Date, outAt: Date): Promise<CheckoutResult> {
  moveTo(inAt);
  expectOk(await checkin(activityId, { code: await codeOf(activityId) }, as), 201);
  moveTo(outAt);
  return expectOk<CheckoutResult>(await checkout(activityId, { code: await codeOf(activityId) }, as));
}

describe('hours at check-out', () => {
  it('count only the scheduled times, and write the ledger record for an in-service Party member only', async () => {
    const start = dayAt(1, '09:00');
    const a = await addActivity(start, 60);
    const mine = await signUp(a, vw.volunteers.member01);
    await signUp(a, vw.volunteers.vol01);
    const end = new Date(start.getTime() + 60 * MIN);
    const member = await serve(a.id, 'member01', new Date(start.getTime() - 25 * MIN), end);
    expect(member).toMatchObject({ state: 'checked_out', minutes: 60, cappedMinutes: 0, ledger: 'recorded' });
    expect(member.day).toBe(addDays(clock.today(), 0));
    const [record] = await shiftRecords(mine.id);
    expect(record).toMatchObject({ memberId: ctx.world.members.member1.id, minutes: 60, startsAt: start, endsAt: end });
    expect(record.title).toMatch(/ · 小巷巡逻$/);
    expect(member.serviceRecordId).toBe(record.id);
    const vol = await serve(a.id, 'vol01', new Date(start.getTime() + 10 * MIN), new Date(end.getTime() - 5 * MIN));
    expect(vol).toMatchObject({ minutes: 45, ledger: 'not_member', serviceRecordId: null });
    expect(await shiftRecords(vol.id)).toEqual([]);
  });

  it('cuts the second activity of a day to what the day cap leaves', async () => {
    const { db } = ctx.database;
    const [rules] = await db
      .insert(volunteerRules)
      .values({ rules: { ...DEFAULT_VOLUNTEER_RULES, dayCapMinutes: 90 } })
      .returning();
    try {
      const first = await addActivity(dayAt(3, '08:00'), 60);
      const second = await addActivity(dayAt(3, '14:00'), 60);
      await signUp(first, vw.volunteers.vol01);
      await signUp(second, vw.volunteers.vol01);
      const one = await serve(first.id, 'vol01', first.startsAt, first.endsAt);
      expect(one).toMatchObject({ minutes: 60, cappedMinutes: 0 });
      const two = await serve(second.id, 'vol01', second.startsAt, second.endsAt);
      expect(two).toMatchObject({ minutes: 30, cappedMinutes: 30, day: one.day });
    } finally {
      await db.delete(volunteerRules).where(eq(volunteerRules.id, rules.id));
    }
  });

  it('stands when the ledger refuses the record (another record of the member overlaps), and says so', async () => {
    const a = await addActivity(dayAt(5, '09:00'), 60);
    const s = await signUp(a, vw.volunteers.member01);
    await ctx.database.db.insert(serviceRecords).values({
      memberId: ctx.world.members.member1.id,
      kind: 'post_duty',
      sourceId: crypto.randomUUID(),
      communityId: ctx.world.communityA.id,
      title: '楼道值守',
      startsAt: dayAt(5, '09:30'),
      endsAt: dayAt(5, '10:30'),
      minutes: 60,
      day: addDays(clock.today(), 5),
    });
    const out = await serve(a.id, 'member01', a.startsAt, a.endsAt);
    expect(out).toMatchObject({ state: 'checked_out', minutes: 60, ledger: 'skipped', serviceRecordId: null });
    expect(await shiftRecords(s.id)).toEqual([]);
    const [audit] = await auditRows(ctx, {
      entityType: 'volunteer_signup',
      entityId: s.id,
      action: 'volunteer_signup.checkout',
    });
    expect(audit.after).toMatchObject({ ledger: 'skipped', ledgerRefusal: 'SERVICE_RECORD_OVERLAP', minutes: 60 });
  });
});

describe('the sweep', () => {
  it('closes a missing check-out at the end (flagged) and marks a no-show with its penalty, once', async () => {
    const a = await addActivity(dayAt(7, '09:00'), 120);
    const inside = await signUp(a, vw.volunteers.vol01);
    const absent = await signUp(a, vw.volunteers.member01);
    const waiting = await signUp(a, vw.volunteers.vol02, 'waitlisted');
    moveTo(new Date(a.startsAt.getTime() + 10 * MIN));
    expectOk(await checkin(a.id, { code: await codeOf(a.id) }), 201);
    moveTo(new Date(a.endsAt.getTime() + 29 * MIN));
    expect(await sweepVolunteerActivities({ db: ctx.database.db })).toEqual({ autoClosed: 0, noShows: 0 });
    moveTo(new Date(a.endsAt.getTime() + 31 * MIN));
    expect(await sweepVolunteerActivities({ db: ctx.database.db })).toEqual({ autoClosed: 1, noShows: 1 });
    expect(await signupRow(a.id, vw.volunteers.vol01)).toMatchObject({
      state: 'checked_out',
      autoClosed: true,
      checkoutMethod: 'auto',
      checkedOutAt: a.endsAt,
      minutes: 110,
    });
    expect(await signupRow(a.id, vw.volunteers.member01)).toMatchObject({ state: 'no_show', penaltyMinutes: 240 });
    expect((await signupRow(a.id, vw.volunteers.vol02)).state).toBe('waitlisted');
    expect(await shiftRecords(absent.id)).toEqual([]);
    const told = await ctx.database.db
      .select({ username: users.username, title: notifications.title })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(inArray(notifications.entityId, [inside.id, absent.id, waiting.id]));
    expect(told.map((t) => t.username).sort()).toEqual(['member01', 'vol01']);
    expect(told.find((t) => t.username === 'vol01')?.title).toContain('1.8');
    expect(told.find((t) => t.username === 'member01')?.title).toContain('4.0');
    expect((await auditRows(ctx, { entityType: 'volunteer_signup', entityId: inside.id }))[0].action).toBe(
      'volunteer_signup.auto_close',
    );
    expect((await auditRows(ctx, { entityType: 'volunteer_signup', entityId: absent.id }))[0].action).toBe(
      'volunteer_signup.no_show',
    );
    expect(await sweepVolunteerActivities({ db: ctx.database.db })).toEqual({ autoClosed: 0, noShows: 0 });
  });
});

describe('corrections', () => {
  it('need the organiser, a reason and times inside the activity; nothing is written otherwise', async () => {
    const a = await addActivity(dayAt(9, '09:00'), 60);
    await signUp(a, vw.volunteers.member01);
    const served = await serve(a.id, 'member01', a.startsAt, a.endsAt);
    const before = await signupRow(a.id, vw.volunteers.member01);
    const url = `/api/volunteer-signups/${served.id}/correct`;
    const at = (m: number) => new Date(a.startsAt.getTime() + m * MIN).toISOString();
    const good = { checkedInAt: at(15), checkedOutAt: at(60), reason: '手机没电，15分钟后才到岗签到' };
    expectError(
      await call('POST', url, { as: 'lead01', body: { ...good, reason: undefined } }),
      422,
      'VOLUNTEER_CORRECTION_REASON_REQUIRED',
    );
    expectError(
      await call('POST', url, { as: 'lead01', body: { ...good, reason: '   ' } }),
      422,
      'VOLUNTEER_CORRECTION_REASON_REQUIRED',
    );
    expectError(
      await call('POST', url, { as: 'lead01', body: { ...good, checkedInAt: at(61) } }),
      400,
      'VOLUNTEER_CORRECTION_TIMES',
    );
    expectError(
      await call('POST', url, { as: 'lead01', body: { ...good, checkedOutAt: at(75) } }),
      400,
      'VOLUNTEER_CORRECTION_TIMES',
    );
    expectError(await call('POST', url, { as: 'lead02', body: good }), 403, 'FORBIDDEN');
    expectError(await call('POST', url, { as: 'member01', body: good }), 403, 'FORBIDDEN');
    expect(await signupRow(a.id, vw.volunteers.member01)).toEqual(before);
    expect(
      await auditRows(ctx, { entityType: 'volunteer_signup', entityId: served.id, action: 'volunteer_signup.correct' }),
    ).toEqual([]);

    const fixed = expectOk<CheckoutResult>(await call('POST', url, { as: 'lead01', body: good }));
    expect(fixed).toMatchObject({ minutes: 45, correctionReason: good.reason, autoClosed: false, ledger: 'recorded' });
    const [record] = await shiftRecords(served.id);
    expect(record).toMatchObject({ id: served.serviceRecordId, minutes: 45, correctionReason: good.reason });
    const [audit] = await auditRows(ctx, {
      entityType: 'volunteer_signup',
      entityId: served.id,
      action: 'volunteer_signup.correct',
    });
    expect(audit.actorName).toBe('lead01');
    expect(audit.before).toMatchObject({ minutes: 60 });
    expect(audit.after).toMatchObject({ minutes: 45, reason: good.reason });
    const [row] = await ctx.database.db
      .select()
      .from(volunteerSignups)
      .where(and(eq(volunteerSignups.id, served.id)));
    expect(row.correctedByUserId).not.toBeNull();
  });

  it('clear the sweep’s flag and a no-show’s penalty', async () => {
    const a = await addActivity(dayAt(11, '09:00'), 60);
    await signUp(a, vw.volunteers.vol01);
    const absent = await signUp(a, vw.volunteers.vol02);
    moveTo(a.startsAt);
    expectOk(await checkin(a.id, { code: await codeOf(a.id) }), 201);
    moveTo(new Date(a.endsAt.getTime() + 40 * MIN));
    await sweepVolunteerActivities({ db: ctx.database.db });
    const closed = await signupRow(a.id, vw.volunteers.vol01);
    expect(closed).toMatchObject({ autoClosed: true, minutes: 60 });
    const body = {
      checkedInAt: a.startsAt.toISOString(),
      checkedOutAt: new Date(a.startsAt.getTime() + 40 * MIN).toISOString(),
      reason: '提前离开',
    };
    const fixed = expectOk<CheckoutResult>(
      await call('POST', `/api/volunteer-signups/${closed.id}/correct`, { as: 'hangdong', body }),
    );
    expect(fixed).toMatchObject({ autoClosed: false, minutes: 40, checkoutMethod: 'organiser' });
    const wasThere = expectOk<CheckoutResult>(
      await call('POST', `/api/volunteer-signups/${absent.id}/correct`, {
        as: 'lead01',
        body: { ...body, reason: '现场登记遗漏' },
      }),
    );
    expect(wasThere).toMatchObject({ state: 'checked_out', penaltyMinutes: 0, minutes: 40 });
  });
});
