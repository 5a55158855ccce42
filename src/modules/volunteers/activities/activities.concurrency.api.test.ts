import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/app.js';
import { createTestContext } from '../../../../test/app.js';
import { seedVolunteerWorld } from '../../../../test/api-setup/volunteers.js';
import { TEST_CLOCK } from '../../../../test/clock.js';
import { api, expectOk } from '../../../../test/http.js';
import { clock, setClock } from '../../../core/clock.js';
import type { VolunteerActivityDetail } from './activities.contracts.js';
import {
  insertLoadVolunteers,
  runWaitlistLoad,
  signupStates,
  waitlistProblems,
} from '../../../../test/volunteer-waitlist-load.js';

// 200 operations at once on one activity with two roles (20 and 10 slots): 150 volunteers sign up, the first 50
// cancel as soon as their sign-up is in. On PGlite (one connection) and, in the PostgreSQL pass of `npm test`
// (TEST_DATABASE_URL), on a pool where the activity's row lock is what keeps them apart.
let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedVolunteerWorld>>;
const MIN = 60_000;
const at = (minutes: number) => new Date(clock.nowMs() + minutes * MIN).toISOString();

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedVolunteerWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});
beforeEach(() => setClock(TEST_CLOCK, { frozen: true }));

describe('sign-ups and cancellations at once', () => {
  it('fills exactly the slots, promotes nobody twice, keeps the waitlist in queuedAt order', async () => {
    const a = expectOk<VolunteerActivityDetail>(
      await api(ctx)('POST', '/api/volunteer-activities', {
        as: 'hangdong',
        body: {
          communityId: ctx.world.communityA.id,
          typeId: w.types.traffic_guidance,
          title: '马拉松文明引导',
          place: '杭川大道',
          startsAt: at(24 * 60),
          endsAt: at(28 * 60),
          signupOpensAt: at(-60),
          signupClosesAt: at(20 * 60),
          cancelDeadlineAt: at(12 * 60),
          roles: [
            { name: '引导员', slots: 20 },
            { name: '补给员', slots: 10 },
          ],
        },
      }),
      201,
    );
    const vols = await insertLoadVolunteers(ctx.database.db, 150, ctx.world.communityA.id);
    const result = await runWaitlistLoad(
      ctx.database.db,
      a.id,
      a.roles.map((r) => r.id),
      vols,
      50,
    );
    expect(result.failed).toEqual([]);
    expect(result.operations).toBe(200);
    expect(await waitlistProblems(ctx.database.db, a.id)).toEqual([]);
    const states = await signupStates(ctx.database.db, a.id);
    // Volunteer i takes role i % 2: 75 each, 25 of each cancel: 50 live on each role.
    expect({ signed_up: states.signed_up, waitlisted: states.waitlisted, cancelled: states.cancelled }).toEqual({
      signed_up: 30,
      waitlisted: 70,
      cancelled: 50,
    });
    const detail = expectOk<VolunteerActivityDetail>(
      await api(ctx)('GET', `/api/volunteer-activities/${a.id}`, { as: 'hangdong' }),
    );
    expect(detail.roles.map((r) => [r.taken, r.waiting])).toEqual([
      [20, 30],
      [10, 40],
    ]);
  }, 120_000);
});
