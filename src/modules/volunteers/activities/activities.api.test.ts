import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/app.js';
import { createTestContext } from '../../../../test/app.js';
import { seedVolunteerWorld } from '../../../../test/api-setup/volunteers.js';
import { TEST_CLOCK } from '../../../../test/clock.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { localDayOf } from '../../../core/calendar.js';
import { advanceClock, clock, setClock } from '../../../core/clock.js';
import { users } from '../../auth/auth.schema.js';
import { notifications } from '../../notifications/notifications.schema.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerServiceTypes,
  volunteerSignups,
} from '../volunteers.schema.js';
import type { VolunteerActivityDetail, VolunteerActivityView, VolunteerSignupView } from './activities.contracts.js';

// Volunteer activities: scheduling (time order, leader scope), lists, the outcome. Sign-ups, the waitlist and the
// block: activities.signups.api.test.ts; 200 concurrent operations: activities.concurrency.api.test.ts.
let ctx: TestContext;
let call: ReturnType<typeof api>;
let w: Awaited<ReturnType<typeof seedVolunteerWorld>>;
const MIN = 60_000;
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

/** A body for an activity in community A starting in `startIn` minutes: sign-up open now until the start. */
const body = (extra: Record<string, unknown> = {}, startIn = 24 * 60) => ({
  communityId: ctx.world.communityA.id,
  teamId: w.teams.A,
  typeId: w.types.street_patrol,
  title: '夜间巡逻',
  place: '杭川路口',
  startsAt: at(startIn),
  endsAt: at(startIn + 120),
  signupOpensAt: at(-60),
  signupClosesAt: at(startIn - 60),
  cancelDeadlineAt: at(startIn - 120),
  roles: [
    { name: '巡逻员', slots: 2 },
    { name: '引导员', slots: 1 },
  ],
  ...extra,
});
const create = async (extra: Record<string, unknown> = {}, as = 'hangdong', startIn = 24 * 60) =>
  expectOk<VolunteerActivityDetail>(
    await call('POST', '/api/volunteer-activities', { as, body: body(extra, startIn) }),
    201,
  );
const rows = async () => {
  const db = ctx.database.db;
  const [[a], [r], [s]] = await Promise.all([
    db.select({ n: count() }).from(volunteerActivities),
    db.select({ n: count() }).from(volunteerActivityRoles),
    db.select({ n: count() }).from(volunteerSignups),
  ]);
  return { activities: a.n, roles: r.n, signups: s.n };
};

describe('scheduling', () => {
  it('creates an activity with its roles, audited; the geofence defaults to the rules’ when the place is on the map', async () => {
    const a = await create({ lng: 120.1, lat: 30.2 });
    expect(a).toMatchObject({
      state: 'scheduled',
      teamName: '杭川老大妈义务巡逻队',
      geofenceMeters: 500,
      can: { run: true },
      roles: [
        { name: '巡逻员', slots: 2, taken: 0, waiting: 0, free: 2 },
        { name: '引导员', slots: 1, taken: 0, waiting: 0, free: 1 },
      ],
    });
    expect(a.seriesName).toBeTruthy();
    expect((await create({ lng: 120.1, lat: 30.2, geofenceMeters: null })).geofenceMeters).toBeNull();
    expect((await create()).geofenceMeters).toBeNull();
    const audit = await auditRows(ctx, { entityType: 'volunteer_activity', entityId: a.id });
    expect(audit.map((r) => r.action)).toEqual(['volunteer_activity.create']);
    expect((audit[0].after as { roles: unknown[] }).roles).toHaveLength(2);
  });

  it('refuses times out of order, over a day, and an inactive or unknown type; nothing is written', async () => {
    const before = await rows();
    const bad = async (extra: Record<string, unknown>, code: string, status = 400) =>
      expectError(await call('POST', '/api/volunteer-activities', { as: 'hangdong', body: body(extra) }), status, code);
    const order = 'VOLUNTEER_ACTIVITY_TIME_ORDER';
    await bad({ signupOpensAt: at(25 * 60) }, order); // opens after it closes
    await bad({ signupClosesAt: at(24 * 60 + 1) }, order); // closes after the start
    await bad({ endsAt: at(24 * 60) }, order); // ends at the start
    await bad({ endsAt: at(48 * 60 + 1) }, order); // longer than a day
    await bad({ cancelDeadlineAt: at(24 * 60 + 1) }, order); // deadline after the start
    await bad({ typeId: '00000000-0000-4000-8000-000000000000' }, 'VOLUNTEER_TYPE_UNKNOWN');
    const typeId = w.types.choir;
    await ctx.database.db
      .update(volunteerServiceTypes)
      .set({ active: false })
      .where(eq(volunteerServiceTypes.id, typeId));
    await bad({ typeId }, 'VOLUNTEER_TYPE_UNKNOWN');
    await ctx.database.db
      .update(volunteerServiceTypes)
      .set({ active: true })
      .where(eq(volunteerServiceTypes.id, typeId));
    await bad({ roles: [] }, 'VALIDATION_FAILED');
    await bad({ roles: [{ name: '巡逻员', slots: 0 }] }, 'VALIDATION_FAILED');
    expect(await rows()).toEqual(before);
  });

  it('a leader schedules for their team in its community only; nothing is written when refused', async () => {
    const mine = await create({}, 'lead01');
    expect(mine).toMatchObject({ teamId: w.teams.A, can: { run: true } });
    const before = await rows();
    const communityB = ctx.world.communityB.id;
    const post = (extra: Record<string, unknown>) =>
      call('POST', '/api/volunteer-activities', { as: 'lead01', body: body(extra) });
    expectError(await post({ communityId: communityB, teamId: w.teams.B }), 403, 'FORBIDDEN');
    expectError(await post({ communityId: communityB, teamId: null }), 403, 'FORBIDDEN');
    expectError(await post({ teamId: null }), 403, 'FORBIDDEN'); // the community's own: its admin's
    expectError(await post({ communityId: communityB, teamId: w.teams.A }), 400, 'VALIDATION_FAILED');
    expectError(await post({ communityId: communityB, teamId: w.teams.A }), 400, 'VALIDATION_FAILED');
    expectError(await call('POST', '/api/volunteer-activities', { as: 'sanfeng', body: body() }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/volunteer-activities', { as: 'vol01', body: body() }), 403, 'FORBIDDEN');
    expect(await rows()).toEqual(before);
    // lead02 runs team B only: lead01's activity is not theirs to edit.
    expectError(
      await call('PATCH', `/api/volunteer-activities/${mine.id}`, { as: 'lead02', body: { title: 'x' } }),
      403,
      'FORBIDDEN',
    );
  });

  it('lists by start with filters, each with its roles; a leader sees their team’s, the other community nothing', async () => {
    const later = await create({ title: '周末义诊' }, 'hangdong', 3 * 24 * 60);
    const sooner = await create({ title: '周末义诊' }, 'hangdong', 2 * 24 * 60);
    const list = async (as: string, q = '') =>
      expectOk<Page<VolunteerActivityView>>(await call('GET', `/api/volunteer-activities?pageSize=200&${q}`, { as }));
    const ids = (await list('hangdong', 'q=义诊')).items.map((a) => a.id);
    expect(ids).toEqual([sooner.id, later.id]);
    expect((await list('hangdong', 'q=义诊')).items[0].roles.map((r) => r.name)).toEqual(['巡逻员', '引导员']);
    expect((await list('lead01', `teamId=${w.teams.A}&q=义诊`)).total).toBe(2);
    expect((await list('lead02', 'q=义诊')).total).toBe(0);
    expect((await list('sanfeng', 'q=义诊')).total).toBe(0);
    expect((await list('admin', `communityId=${ctx.world.communityB.id}&q=义诊`)).total).toBe(0);
    const day = localDayOf(new Date(later.startsAt));
    const ranged = await list('admin', `q=义诊&from=${day}&to=${day}`);
    expect(ranged.items.map((a) => a.id)).toEqual([later.id]);
    expect(ranged.items.every((a) => localDayOf(new Date(a.startsAt)) === day)).toBe(true);
    // A volunteer reads any activity (service is county-wide); resident01 takes part too (volunteers.self).
    expect(
      expectOk<VolunteerActivityDetail>(await call('GET', `/api/volunteer-activities/${later.id}`, { as: 'vol02' })).can
        .run,
    ).toBe(false);
    expectError(
      await call('GET', '/api/volunteer-activities/00000000-0000-4000-8000-000000000000', { as: 'vol02' }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('editing, cancelling, the outcome', () => {
  const signUp = async (id: string, roleId: string, as: string) =>
    expectOk<VolunteerSignupView>(
      await call('POST', `/api/volunteer-activities/${id}/signups`, { as, body: { roleId } }),
      201,
    );

  it('keeps slots at or above those taken (nothing written), raising them promotes the first waiting', async () => {
    const a = await create({ roles: [{ name: '巡逻员', slots: 2 }] }, 'hangdong', 180);
    const role = a.roles[0].id;
    await signUp(a.id, role, 'vol01');
    await signUp(a.id, role, 'lead01');
    const waiting = await signUp(a.id, role, 'vol02');
    expect([waiting.state, waiting.queuePosition]).toEqual(['waitlisted', 1]);
    const patch = (b: unknown, as = 'hangdong') => call('PATCH', `/api/volunteer-activities/${a.id}`, { as, body: b });
    const before = await rows();
    const err = expectError(
      await patch({ title: '改名', roles: [{ id: role, name: '巡逻员', slots: 1 }] }),
      409,
      'VOLUNTEER_SLOTS_BELOW_TAKEN',
    );
    expect(err.error.message).toContain('2');
    const other = await create();
    expectError(
      await patch({ roles: [{ id: other.roles[0].id, name: 'x', slots: 3 }] }),
      400,
      'VOLUNTEER_ROLE_UNKNOWN',
    );
    expectError(await patch({ endsAt: at(179) }), 400, 'VOLUNTEER_ACTIVITY_TIME_ORDER');
    expect(await rows()).toEqual({ ...before, activities: before.activities + 1, roles: before.roles + 2 });
    const unchanged = expectOk<VolunteerActivityDetail>(
      await call('GET', `/api/volunteer-activities/${a.id}`, { as: 'hangdong' }),
    );
    expect([unchanged.title, unchanged.version]).toEqual([a.title, a.version]);

    const raised = expectOk<VolunteerActivityDetail>(
      await patch(
        {
          roles: [
            { id: role, name: '巡逻队员', slots: 3 },
            { name: '医护', slots: 1 },
          ],
        },
        'lead01',
      ),
    );
    expect(raised.roles).toMatchObject([
      { name: '巡逻队员', slots: 3, taken: 3, waiting: 0, free: 0 },
      { name: '医护', slots: 1, taken: 0, free: 1 },
    ]);
    const roster = expectOk<{ items: VolunteerSignupView[] }>(
      await call('GET', `/api/volunteer-activities/${a.id}/signups`, { as: 'lead01' }),
    ).items;
    expect(roster.find((s) => s.id === waiting.id)).toMatchObject({ state: 'signed_up', queuePosition: null });
    expect(roster.find((s) => s.id === waiting.id)?.promotedAt).toBe(clock.now().toISOString());
    const audit = await auditRows(ctx, { entityType: 'volunteer_activity', entityId: a.id });
    expect(audit.map((r) => r.action).sort()).toEqual(
      [
        'volunteer_activity.create',
        'volunteer_activity.update',
        'volunteer_activity_role.create',
        'volunteer_activity_role.update',
        'volunteer_signup.create',
        'volunteer_signup.create',
        'volunteer_signup.create',
        'volunteer_signup.promote',
      ].sort(),
    );
    advanceClock(180 * MIN);
    expectError(await patch({ title: '晚了' }), 409, 'VOLUNTEER_ACTIVITY_STARTED');
  });

  it('cancels an activity with a reason: its sign-ups are cancelled and their volunteers notified', async () => {
    const a = await create({ roles: [{ name: '巡逻员', slots: 1 }] });
    await signUp(a.id, a.roles[0].id, 'vol01');
    await signUp(a.id, a.roles[0].id, 'vol02');
    expectError(
      await call('POST', `/api/volunteer-activities/${a.id}/cancel`, { as: 'vol01', body: { reason: '下雨' } }),
      403,
      'FORBIDDEN',
    );
    const done = expectOk<VolunteerActivityDetail>(
      await call('POST', `/api/volunteer-activities/${a.id}/cancel`, { as: 'lead01', body: { reason: '暴雨预警' } }),
    );
    expect(done).toMatchObject({ state: 'cancelled', cancelReason: '暴雨预警' });
    expect(done.roles[0]).toMatchObject({ taken: 0, waiting: 0 });
    const sent = await ctx.database.db
      .select({ username: users.username, link: notifications.link, title: notifications.title })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.entityId, a.id));
    expect(sent.map((n) => n.username).sort()).toEqual(['vol01', 'vol02']);
    expect(sent[0].link).toBe(`/m/volunteer/activities/${a.id}`);
    expect(sent[0].title).toContain('暴雨预警');
    expectError(
      await call('POST', `/api/volunteer-activities/${a.id}/signups`, {
        as: 'lead01',
        body: { roleId: a.roles[0].id },
      }),
      409,
      'VOLUNTEER_ACTIVITY_CANCELLED',
    );
    expectError(
      await call('POST', `/api/volunteer-activities/${a.id}/cancel`, { as: 'lead01', body: { reason: 'x' } }),
      409,
      'VOLUNTEER_ACTIVITY_CANCELLED',
    );
  });

  it('records the residents served once the activity has started', async () => {
    const a = await create({}, 'hangdong', 180);
    const outcome = (as = 'hangdong') =>
      call('PATCH', `/api/volunteer-activities/${a.id}/outcome`, { as, body: { residentsServed: 38 } });
    expectError(await outcome(), 409, 'VOLUNTEER_ACTIVITY_NOT_STARTED');
    advanceClock(181 * MIN);
    expectError(await outcome('sanfeng'), 403, 'FORBIDDEN');
    expect(expectOk<VolunteerActivityDetail>(await outcome('lead01')).residentsServed).toBe(38);
    const audit = await auditRows(ctx, { entityType: 'volunteer_activity', entityId: a.id });
    expect(audit[0]).toMatchObject({ action: 'volunteer_activity.outcome', after: { residentsServed: 38 } });
  });
});
