import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  at,
  call,
  checkin,
  ctx,
  MIN,
  member3,
  newActivity,
  typesA,
  typesB,
  usePostActivitiesContext,
} from '../../../../test/api-setup/post-activities.js';
import { expectError, expectOk, type Page } from '../../../../test/http.js';
import { addMember } from '../../../../test/post-activities.js';
import { advanceClock, clock } from '../../../core/clock.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import { postAssignments, postOpenings } from '../posts/posts.schema.js';
import type { MyPostActivity, PostActivityDetail, PostActivityView, PostSignupView } from './activities.contracts.js';
import { noShowCounts } from './activities.queries.js';
import { sweepPostActivities } from './activities.sweep.js';

// Post activities: scheduling, sign-ups and the sweep. Check-in and check-out: checkin/checkin.api.test.ts.
usePostActivitiesContext();

describe('scheduling activities', () => {
  it('creates, lists by start and edits an activity; the type names it', async () => {
    const later = await newActivity(600);
    const sooner = await newActivity(300, 60, { title: '治安巡逻', postTypeId: typesA.public_security });
    expect(sooner).toMatchObject({ postTypeName: '岗位2', state: 'scheduled', signupCount: 0, can: { manage: true } });
    const list = expectOk<Page<PostActivityView>>(
      await call('GET', `/api/post-activities?communityId=${ctx.world.communityA.id}&pageSize=200`, { as: 'hangdong' }),
    );
    const ids = list.items.map((a) => a.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    const edited = expectOk<PostActivityDetail>(
      await call('PATCH', `/api/post-activities/${later.id}`, {
        as: 'hangdong',
        body: { capacity: 9, version: later.version },
      }),
    );
    expect(edited).toMatchObject({ capacity: 9, version: later.version + 1 });
    const sanfeng = await call('GET', `/api/post-activities?communityId=${ctx.world.communityA.id}`, { as: 'sanfeng' });
    expect(expectOk<Page<PostActivityView>>(sanfeng).total).toBe(0);
    expectError(await call('GET', `/api/post-activities/${later.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
  });

  it('refuses times out of order, longer than a day, capacity 0 and a type of another community (400)', async () => {
    const bad = async (extra: Record<string, unknown>) =>
      expectError(
        await call('POST', '/api/post-activities', {
          as: 'hangdong',
          body: {
            communityId: ctx.world.communityA.id,
            postTypeId: typesA.environment,
            title: 't',
            place: 'p',
            startsAt: at(60),
            endsAt: at(120),
            capacity: 3,
            ...extra,
          },
        }),
        400,
        'VALIDATION_FAILED',
      );
    await bad({ endsAt: at(30) });
    await bad({ endsAt: at(60 + 24 * 60 + 1) });
    await bad({ capacity: 0 });
    await bad({ postTypeId: typesB.environment });
    await bad({ gridId: ctx.world.grids.gB1.id });
  });

  it('a community admin schedules only in their community', async () => {
    expectError(
      await call('POST', '/api/post-activities', {
        as: 'sanfeng',
        body: {
          communityId: ctx.world.communityA.id,
          postTypeId: typesA.environment,
          title: 't',
          place: 'p',
          startsAt: at(60),
          endsAt: at(120),
          capacity: 3,
        },
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('signing up', () => {
  it('a member signs up and withdraws before the start; a full activity is 409', async () => {
    const a = await newActivity(120, 60, { capacity: 1 });
    const mine = expectOk<PostSignupView>(
      await call('POST', `/api/post-activities/${a.id}/signup`, { as: 'member01' }),
    );
    expect(mine).toMatchObject({ state: 'signed_up', memberName: '张党员' });
    expectError(
      await call('POST', `/api/post-activities/${a.id}/signups`, { as: 'hangdong', body: { memberId: member3 } }),
      409,
      'POST_ACTIVITY_FULL',
    );
    expectOk(await call('DELETE', `/api/post-activities/${a.id}/signup`, { as: 'member01' }));
    const added = expectOk<PostSignupView>(
      await call('POST', `/api/post-activities/${a.id}/signups`, { as: 'hangdong', body: { memberId: member3 } }),
    );
    expect(added.memberId).toBe(member3);
  });

  it('refuses a cancelled activity (409) and one that has started (409)', async () => {
    const a = await newActivity(120);
    expectOk(
      await call('POST', `/api/post-activities/${a.id}/cancel`, {
        as: 'hangdong',
        body: { reason: '暴雨', version: a.version },
      }),
    );
    expectError(
      await call('POST', `/api/post-activities/${a.id}/signup`, { as: 'member01' }),
      409,
      'POST_ACTIVITY_CANCELLED',
    );
    expectError(await checkin(a.id, { memberId: ctx.world.members.member1.id }), 409, 'POST_ACTIVITY_CANCELLED');
    const started = await newActivity(-10);
    expectError(
      await call('POST', `/api/post-activities/${started.id}/signup`, { as: 'member01' }),
      409,
      'POST_ACTIVITY_STARTED',
    );
  });

  it('a member of another community cannot sign up (404 for a member, 422 when staff add them)', async () => {
    const a = await newActivity(120);
    expectError(await call('POST', `/api/post-activities/${a.id}/signup`, { as: 'member02' }), 404, 'NOT_FOUND');
    expectError(
      await call('POST', `/api/post-activities/${a.id}/signups`, {
        as: 'hangdong',
        body: { memberId: ctx.world.members.member2.id },
      }),
      422,
      'POST_MEMBER_OTHER_COMMUNITY',
    );
  });

  it("a member's list shows their community's upcoming activities, their post's first", async () => {
    const other = await newActivity(60, 60, { postTypeId: typesA.youth_care, title: '四点半课堂' });
    const [opening] = await ctx.database.db
      .insert(postOpenings)
      .values({
        communityId: ctx.world.communityA.id,
        postTypeId: typesA.legal_service,
        year: clock.year(),
        seats: 2,
        title: '法律服务岗',
      })
      .returning();
    await ctx.database.db.insert(postAssignments).values({
      openingId: opening.id,
      memberId: ctx.world.members.member1.id,
      year: clock.year(),
      state: 'confirmed',
    });
    const ofPost = await newActivity(600, 60, { postTypeId: typesA.legal_service, title: '法律咨询' });
    const mine = expectOk<{ items: MyPostActivity[] }>(
      await call('GET', '/api/post-activities/mine', { as: 'member01' }),
    );
    const ids = mine.items.map((i) => i.id);
    expect(ids.indexOf(ofPost.id)).toBeLessThan(ids.indexOf(other.id));
    expect(mine.items.find((i) => i.id === ofPost.id)?.myPost).toBe(true);
    const theirs = expectOk<{ items: MyPostActivity[] }>(
      await call('GET', '/api/post-activities/mine', { as: 'member02' }),
    );
    expect(theirs.items.some((i) => i.id === other.id)).toBe(false);
  });
});
describe('the sweep', () => {
  it('marks no-shows and checks out members still in once the activity is over; a second run does nothing', async () => {
    const a = await newActivity(60, 120, { postTypeId: typesA.dispute_mediation, title: '调解' });
    const four = await addMember(ctx.database.db, {
      name: '周党员',
      communityId: ctx.world.communityA.id,
      unitId: ctx.world.unit1.id,
    });
    const five = await addMember(ctx.database.db, {
      name: '吴党员',
      communityId: ctx.world.communityA.id,
      unitId: ctx.world.unit1.id,
    });
    for (const memberId of [four, five])
      expectOk(await call('POST', `/api/post-activities/${a.id}/signups`, { as: 'hangdong', body: { memberId } }));
    advanceClock(90 * MIN);
    expectOk(await checkin(a.id, { memberId: four }), 201);
    advanceClock(100 * MIN);
    const signupsOf = async () =>
      expectOk<{ items: PostSignupView[] }>(
        await call('GET', `/api/post-activities/${a.id}/signups`, { as: 'hangdong' }),
      ).items;
    // Over 10 minutes ago, inside the grace: nothing of this activity is touched yet (earlier tests' may be).
    await sweepPostActivities({ db: ctx.database.db });
    expect((await signupsOf()).map((s) => s.state).sort()).toEqual(['checked_in', 'signed_up']);
    advanceClock(30 * MIN);
    const swept = await sweepPostActivities({ db: ctx.database.db });
    expect(swept.noShows).toBeGreaterThanOrEqual(1);
    expect(swept).toMatchObject({ checkedOut: 1, refused: 0 });
    expect(await sweepPostActivities({ db: ctx.database.db })).toEqual({ noShows: 0, checkedOut: 0, refused: 0 });
    const signups = await signupsOf();
    expect(signups.find((s) => s.memberId === four)).toMatchObject({ state: 'checked_out', minutes: 90 });
    expect(signups.find((s) => s.memberId === five)).toMatchObject({ state: 'no_show', serviceRecordId: null });
    const counts = await noShowCounts(ctx.database.db, [four, five], new Date(clock.nowMs() - 86_400_000), clock.now());
    expect(Object.fromEntries(counts)).toEqual({ [four]: 0, [five]: 1 });
    const [{ n }] = await ctx.database.db
      .select({ n: count() })
      .from(serviceRecords)
      .where(and(eq(serviceRecords.memberId, four), eq(serviceRecords.kind, 'post_duty')));
    expect(n).toBe(1);
  });
});
