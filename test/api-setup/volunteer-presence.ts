// Shared setup of the volunteer presence API tests (volunteers/presence/*.api.test.ts): one test context per file with
// the volunteer world; activities, roles and sign-ups are inserted directly (presence depends on the tables only);
// the clock is frozen before each test at the suite's instant and tests move it. `ctx`, `call`, `vw` and `secret`
// are live bindings, read them inside tests.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clock, setClock } from '../../src/core/clock.js';
import { signToken } from '../../src/core/signed-token.js';
import { serviceRecords } from '../../src/modules/ledger/ledger.schema.js';
import type { ActivityCode } from '../../src/modules/volunteers/presence/presence.contracts.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerSignups,
} from '../../src/modules/volunteers/volunteers.schema.js';
import type { VolunteerSignupState } from '../../src/modules/volunteers/volunteers.enums.js';
import { createTestContext, type TestContext } from '../app.js';
import { TEST_CLOCK } from '../clock.js';
import { api, expectOk } from '../http.js';
import { seedVolunteerWorld } from './volunteers.js';

export const MIN = 60_000;
export let ctx: TestContext;
export let call: ReturnType<typeof api>;
export let vw: Awaited<ReturnType<typeof seedVolunteerWorld>>;
export let secret: string;

/** The place of the geofenced activities (杭川, Guangze). */
export const PLACE = { lng: 117.3361, lat: 27.5442 };
/** A point about `m` metres north of PLACE. */
export const north = (m: number) => ({ lng: PLACE.lng, lat: PLACE.lat + m / 111_195 });

export function usePresenceContext(): void {
  beforeAll(async () => {
    // Tests move the clock days ahead (a day of their own each): sessions must outlive that.
    ctx = await createTestContext({ config: { sessionIdleMinutes: 30 * 24 * 60, sessionMaxHours: 30 * 24 } });
    call = api(ctx);
    secret = ctx.app.config.sessionSecret;
    vw = await seedVolunteerWorld(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
  });
  beforeEach(() => setClock(TEST_CLOCK, { frozen: true }));
}

export interface TestActivity {
  id: string;
  roleId: string;
  startsAt: Date;
  endsAt: Date;
}

/** An activity of team A (community A) from `startsAt` for `minutes`, with one role of 10 slots. */
export async function addActivity(
  startsAt: Date,
  minutes = 120,
  extra: Partial<typeof volunteerActivities.$inferInsert> = {},
): Promise<TestActivity> {
  const { db } = ctx.database;
  const endsAt = new Date(startsAt.getTime() + minutes * MIN);
  const day = 86_400_000;
  const [a] = await db
    .insert(volunteerActivities)
    .values({
      communityId: ctx.world.communityA.id,
      teamId: vw.teams.A,
      typeId: Object.values(vw.types)[0],
      title: '小巷巡逻',
      place: '杭川小区东门',
      startsAt,
      endsAt,
      signupOpensAt: new Date(startsAt.getTime() - 7 * day),
      signupClosesAt: new Date(startsAt.getTime() - day),
      cancelDeadlineAt: new Date(startsAt.getTime() - day),
      ...extra,
    })
    .returning();
  const [role] = await db
    .insert(volunteerActivityRoles)
    .values({ activityId: a.id, name: '巡逻员', slots: 10 })
    .returning();
  return { id: a.id, roleId: role.id, startsAt, endsAt };
}

/** An activity starting `startIn` minutes from the (frozen) clock. */
export const activityIn = (startIn: number, minutes = 120, extra = {}) =>
  addActivity(new Date(clock.nowMs() + startIn * MIN), minutes, extra);

export async function signUp(a: TestActivity, volunteerId: string, state: VolunteerSignupState = 'signed_up') {
  const [s] = await ctx.database.db
    .insert(volunteerSignups)
    .values({ activityId: a.id, roleId: a.roleId, volunteerId, state, queuedAt: clock.now() })
    .returning();
  return s;
}

export async function signupRow(activityId: string, volunteerId: string) {
  const [s] = await ctx.database.db
    .select()
    .from(volunteerSignups)
    .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.volunteerId, volunteerId)));
  return s;
}

/** The organiser's current code (as lead01). */
export async function codeOf(activityId: string, as = 'lead01'): Promise<string> {
  return expectOk<ActivityCode>(await call('GET', `/api/volunteer-activities/${activityId}/code`, { as })).code;
}

/** A code signed for the activity expiring at `expiresAt` (for instants the code route would refuse). */
export const signedCode = (activityId: string, expiresAt: Date) =>
  signToken({ secret, purpose: 'volunteer-activity', id: activityId, expiresAt });

export const checkin = (activityId: string, body: unknown, as = 'vol01') =>
  call('POST', `/api/volunteer-activities/${activityId}/checkin`, { as, body });
export const checkout = (activityId: string, body: unknown, as = 'vol01') =>
  call('POST', `/api/volunteer-activities/${activityId}/checkout`, { as, body });

/** The ledger records (volunteer_shift) written for a sign-up. */
export async function shiftRecords(signupId: string) {
  return ctx.database.db
    .select()
    .from(serviceRecords)
    .where(and(eq(serviceRecords.kind, 'volunteer_shift'), eq(serviceRecords.sourceId, signupId)));
}

export const moveTo = (at: Date) => setClock(at, { frozen: true });
