import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/app.js';
import { createTestContext } from '../../../../test/app.js';
import { seedVolunteerWorld } from '../../../../test/api-setup/volunteers.js';
import { TEST_CLOCK } from '../../../../test/clock.js';
import { api, auditRows, expectError, expectOk } from '../../../../test/http.js';
import { advanceClock, clock, setClock } from '../../../core/clock.js';
import { users } from '../../auth/auth.schema.js';
import { notifications } from '../../notifications/notifications.schema.js';
import { DEFAULT_VOLUNTEER_RULES } from '../volunteers.enums.js';
import { volunteerActivities, volunteerActivityRoles, volunteerSignups, volunteers } from '../volunteers.schema.js';
import type {
  MyVolunteerActivities,
  OpenActivities,
  VolunteerActivityDetail,
  VolunteerSignupView,
} from './activities.contracts.js';
import { blockedUntil } from './activities.block.js';

// Sign-ups: the window, refusals that write nothing, the block, the waitlist and its promotion, cancellation by the
// volunteer (deadline) and the organiser, the phone's lists and the roster.
let ctx: TestContext;
let call: ReturnType<typeof api>;
let w: Awaited<ReturnType<typeof seedVolunteerWorld>>;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const at = (minutes: number) => new Date(clock.nowMs() + minutes * MIN).toISOString();

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  w = await seedVolunteerWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});
beforeEach(() => setClock(TEST_CLOCK, { frozen: true }));

/** An activity of team A: sign-up from `opensIn` minutes, start in 4 h, cancellation until 2 h before. */
async function activity(slots = 1, opensIn = -60): Promise<VolunteerActivityDetail> {
  return expectOk<VolunteerActivityDetail>(
    await call('POST', '/api/volunteer-activities', {
      as: 'lead01',
      body: {
        communityId: ctx.world.communityA.id,
        teamId: w.teams.A,
        typeId: w.types.street_patrol,
        title: '护学岗',
        place: '杭川小学门口',
        startsAt: at(240),
        endsAt: at(360),
        signupOpensAt: at(opensIn),
        signupClosesAt: at(180),
        cancelDeadlineAt: at(120),
        roles: [
          { name: '巡逻员', slots },
          { name: '引导员', slots: 1 },
        ],
      },
    }),
    201,
  );
}
const signUp = (a: { id: string }, roleId: string, as: string, volunteerId?: string) =>
  call('POST', `/api/volunteer-activities/${a.id}/signups`, { as, body: { roleId, volunteerId } });
const signed = async (a: { id: string }, roleId: string, as: string) =>
  expectOk<VolunteerSignupView>(await signUp(a, roleId, as), 201);
const cancel = (id: string, as: string) => call('POST', `/api/volunteer-signups/${id}/cancel`, { as, body: {} });
const signupCount = async () => (await ctx.database.db.select({ n: count() }).from(volunteerSignups))[0].n;

describe('signing up', () => {
  it('refuses outside the window, a second sign-up, another activity’s role, the unregistered and the inactive; nothing is written', async () => {
    const soon = await activity(1, 30);
    const a = await activity();
    const before = await signupCount();
    const closed = expectError(await signUp(soon, soon.roles[0].id, 'vol01'), 409, 'VOLUNTEER_SIGNUP_CLOSED');
    expect(closed.error.message).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expectError(await signUp(a, soon.roles[0].id, 'vol01'), 400, 'VOLUNTEER_ROLE_UNKNOWN');
    expectError(await signUp(a, a.roles[0].id, 'resident01'), 409, 'VOLUNTEER_NOT_REGISTERED');
    expectError(await signUp(a, a.roles[0].id, 'grid01'), 403, 'FORBIDDEN');
    await ctx.database.db.update(volunteers).set({ state: 'inactive' }).where(eq(volunteers.id, w.volunteers.vol02));
    expectError(await signUp(a, a.roles[0].id, 'vol02'), 409, 'VOLUNTEER_INACTIVE');
    await ctx.database.db.update(volunteers).set({ state: 'active' }).where(eq(volunteers.id, w.volunteers.vol02));
    expect(await signupCount()).toBe(before);
    const first = await signed(a, a.roles[0].id, 'vol01');
    expect(first).toMatchObject({ state: 'signed_up', roleName: '巡逻员', queuePosition: null });
    expectError(await signUp(a, a.roles[1].id, 'vol01'), 409, 'VOLUNTEER_ALREADY_SIGNED_UP');
    expect(await signupCount()).toBe(before + 1);
    advanceClock(181 * MIN);
    expectError(await signUp(a, a.roles[1].id, 'vol02'), 409, 'VOLUNTEER_SIGNUP_CLOSED');
    // The organiser may still add someone until the start; the volunteer could not.
    const added = expectOk<VolunteerSignupView>(await signUp(a, a.roles[1].id, 'hangdong', w.volunteers.vol02), 201);
    expect(added.state).toBe('signed_up');
    expectError(await signUp(a, a.roles[1].id, 'lead02', w.volunteers.lead02), 403, 'FORBIDDEN');
    expect(await signupCount()).toBe(before + 2);
    const audit = await auditRows(ctx, {
      entityType: 'volunteer_activity',
      entityId: a.id,
      action: 'volunteer_signup.create',
    });
    expect(audit.map((r) => r.actorName).sort()).toEqual(['hangdong', 'vol01']);
  });

  it('blocks a volunteer with two no-shows in the window until the last + blockDays', async () => {
    const db = ctx.database.db;
    const past = async (daysAgo: number) => {
      const starts = new Date(clock.nowMs() - daysAgo * DAY);
      const [a] = await db
        .insert(volunteerActivities)
        .values({
          communityId: ctx.world.communityA.id,
          typeId: w.types.street_patrol,
          title: '旧活动',
          place: '杭川路',
          startsAt: starts,
          endsAt: new Date(starts.getTime() + 60 * MIN),
          signupOpensAt: new Date(starts.getTime() - DAY),
          signupClosesAt: starts,
          cancelDeadlineAt: starts,
        })
        .returning();
      const [r] = await db
        .insert(volunteerActivityRoles)
        .values({ activityId: a.id, name: '巡逻员', slots: 5 })
        .returning();
      await db.insert(volunteerSignups).values({
        activityId: a.id,
        roleId: r.id,
        volunteerId: w.volunteers.member01,
        state: 'no_show',
        queuedAt: new Date(starts.getTime() - DAY),
      });
      return new Date(starts.getTime() + 60 * MIN);
    };
    await past(40);
    const last = await past(10);
    const a = await activity();
    const before = await signupCount();
    const err = expectError(await signUp(a, a.roles[0].id, 'member01'), 409, 'VOLUNTEER_BLOCKED');
    const until = new Date(last.getTime() + DEFAULT_VOLUNTEER_RULES.blockDays * DAY);
    expect(err.error.message).toContain('2');
    expect(await signupCount()).toBe(before);
    const open = expectOk<OpenActivities>(await call('GET', '/api/volunteer-activities/open', { as: 'member01' }));
    expect(open.blockedUntil).toBe(until.toISOString());
    expect(blockedUntil([last], DEFAULT_VOLUNTEER_RULES, clock.now())).toBeNull();
    expect(blockedUntil([last, new Date(clock.nowMs() - 200 * DAY)], DEFAULT_VOLUNTEER_RULES, clock.now())).toBeNull();
    expect(blockedUntil([last, last], DEFAULT_VOLUNTEER_RULES, new Date(until.getTime() + 1))).toBeNull();
  });
});

describe('the waitlist', () => {
  it('waits in queue order; a cancellation promotes the first waiting, notified with the phone link, audited', async () => {
    const a = await activity(1);
    const role = a.roles[0].id;
    const holder = await signed(a, role, 'vol01');
    const second = await signed(a, role, 'vol02');
    const third = await signed(a, role, 'lead01');
    expect([second.state, second.queuePosition, third.queuePosition]).toEqual(['waitlisted', 1, 2]);
    expect(Date.parse(second.queuedAt)).toBeLessThan(Date.parse(third.queuedAt));
    const open = expectOk<OpenActivities>(await call('GET', '/api/volunteer-activities/open', { as: 'vol02' }));
    const mine = open.items.find((i) => i.id === a.id);
    expect(mine).toMatchObject({ signupOpen: true, mine: { state: 'waitlisted', queuePosition: 1, mayCancel: true } });
    expect(mine?.roles[0]).toMatchObject({ taken: 1, waiting: 2, free: 0 });

    advanceClock(10 * MIN);
    expect(expectOk<VolunteerSignupView>(await cancel(holder.id, 'vol01')).state).toBe('cancelled');
    const roster = expectOk<{ items: VolunteerSignupView[] }>(
      await call('GET', `/api/volunteer-activities/${a.id}/signups`, { as: 'hangdong' }),
    ).items;
    const byId = new Map(roster.map((s) => [s.id, s]));
    expect(byId.get(second.id)).toMatchObject({ state: 'signed_up', promotedAt: clock.now().toISOString() });
    expect(byId.get(third.id)).toMatchObject({ state: 'waitlisted', queuePosition: 1 });
    expect(roster.every((s) => s.phone === null || s.phone.includes('*'))).toBe(true);
    const sent = await ctx.database.db
      .select({ username: users.username, link: notifications.link, kind: notifications.kind })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(and(eq(notifications.entityId, a.id), eq(notifications.kind, 'volunteer.promoted')));
    expect(sent).toEqual([{ username: 'vol02', link: `/m/volunteer/activities/${a.id}`, kind: 'volunteer.promoted' }]);
    const audit = await auditRows(ctx, { entityType: 'volunteer_activity', entityId: a.id });
    expect(audit.filter((r) => r.action === 'volunteer_signup.promote')).toHaveLength(1);
    expect(audit.filter((r) => r.action === 'volunteer_signup.cancel')).toHaveLength(1);
    // Cancelling again, or someone else's as a volunteer: refused.
    expectError(await cancel(holder.id, 'vol01'), 409, 'VOLUNTEER_NOT_SIGNED_UP');
    expectError(await cancel(second.id, 'vol01'), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/volunteer-activities/${a.id}/signups`, { as: 'vol01' }), 403, 'FORBIDDEN');
  });

  it('after the cancellation deadline the volunteer may not cancel, the organiser may until the start', async () => {
    const a = await activity(1);
    const s1 = await signed(a, a.roles[0].id, 'vol01');
    const s2 = await signed(a, a.roles[0].id, 'vol02');
    advanceClock(121 * MIN);
    const before = await signupCount();
    const err = expectError(await cancel(s1.id, 'vol01'), 409, 'VOLUNTEER_CANCEL_DEADLINE_PASSED');
    expect(err.error.message).toMatch(/\d{2}:\d{2}/);
    const mine = expectOk<MyVolunteerActivities>(await call('GET', '/api/volunteer-activities/mine', { as: 'vol01' }));
    expect(mine.upcoming.find((i) => i.id === a.id)?.mine).toMatchObject({ state: 'signed_up', mayCancel: false });
    expect(await signupCount()).toBe(before);
    expect(expectOk<VolunteerSignupView>(await cancel(s1.id, 'lead01')).state).toBe('cancelled');
    const promoted = expectOk<MyVolunteerActivities>(
      await call('GET', '/api/volunteer-activities/mine', { as: 'vol02' }),
    );
    expect(promoted.upcoming.find((i) => i.id === a.id)?.mine).toMatchObject({ signupId: s2.id, state: 'signed_up' });
    advanceClock(120 * MIN);
    expectError(await cancel(s2.id, 'hangdong'), 409, 'VOLUNTEER_ACTIVITY_STARTED');
    advanceClock(121 * MIN);
    const past = expectOk<MyVolunteerActivities>(await call('GET', '/api/volunteer-activities/mine', { as: 'vol01' }));
    expect(past.past.find((i) => i.id === a.id)?.mine).toMatchObject({ state: 'cancelled', minutes: null });
    const open = expectOk<OpenActivities>(await call('GET', '/api/volunteer-activities/open', { as: 'vol01' }));
    expect(open.items.some((i) => i.id === a.id)).toBe(false);
  });
});
