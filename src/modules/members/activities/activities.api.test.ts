import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/app.js';
import { createTestContext } from '../../../../test/app.js';
import { TEST_CLOCK } from '../../../../test/clock.js';
import { api, expectError, expectOk, type Page } from '../../../../test/http.js';
import { addMember, issueToken, seedPostTypes } from '../../../../test/post-activities.js';
import { advanceClock, clock, setClock } from '../../../core/clock.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import type {
  CheckinOpen,
  MyPostActivity,
  PostActivityDetail,
  PostActivityView,
  PostSignupView,
} from './activities.contracts.js';
import { sweepPostActivities } from './activities.sweep.js';
import { noShowCounts } from './activities.queries.js';
import { postAssignments, postOpenings } from '../posts/posts.schema.js';

const MIN = 60_000;
let ctx: TestContext;
let call: ReturnType<typeof api>;
let typesA: Record<string, string>;
let typesB: Record<string, string>;
let member3: string;
let secret: string;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  secret = ctx.app.config.sessionSecret;
  typesA = await seedPostTypes(ctx.database.db, ctx.world.communityA.id);
  typesB = await seedPostTypes(ctx.database.db, ctx.world.communityB.id);
  member3 = await addMember(ctx.database.db, {
    name: '孙党员',
    communityId: ctx.world.communityA.id,
    unitId: ctx.world.unit2.id,
  });
});
afterAll(async () => {
  await ctx?.close();
});
// Time stands still at the suite's instant; a test moves it forward to check in and out.
beforeEach(() => setClock(TEST_CLOCK, { frozen: true }));

const at = (minutesFromNow: number) => new Date(clock.nowMs() + minutesFromNow * MIN).toISOString();

/** An activity in 杭东 (side A) starting `startIn` minutes from now and lasting `minutes`. */
async function newActivity(
  startIn: number,
  minutes = 120,
  extra: Record<string, unknown> = {},
  as = 'hangdong',
): Promise<PostActivityDetail> {
  return expectOk<PostActivityDetail>(
    await call('POST', '/api/post-activities', {
      as,
      body: {
        communityId: ctx.world.communityA.id,
        postTypeId: typesA.environment,
        title: '楼道环境整治',
        place: '杭东路1号',
        startsAt: at(startIn),
        endsAt: at(startIn + minutes),
        capacity: 5,
        ...extra,
      },
    }),
    201,
  );
}

const checkin = (id: string, body: unknown, as = 'hangdong', headers?: Record<string, string>) =>
  call('POST', `/api/post-activities/${id}/checkins`, { as, body, headers });
const checkout = (id: string, memberId: string, as = 'hangdong') =>
  call('POST', `/api/post-activities/${id}/checkouts`, { as, body: { memberId } });

async function recordsOf(memberId: string): Promise<number> {
  const [{ n }] = await ctx.database.db
    .select({ n: count() })
    .from(serviceRecords)
    .where(eq(serviceRecords.memberId, memberId));
  return n;
}

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

describe('the check-in window', () => {
  it('refuses before it opens and after the end (409, with the window in local time)', async () => {
    const early = await newActivity(45);
    const res = expectError(
      await call('POST', `/api/post-activities/${early.id}/checkins`, {
        as: 'hangdong',
        body: { memberId: ctx.world.members.member1.id },
        headers: { 'accept-language': 'en' },
      }),
      409,
      'POST_CHECKIN_OUTSIDE_WINDOW',
    );
    expect(res.error.message).toMatch(/from \d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-\d\d-\d\d \d\d:\d\d/);
    const ended = await newActivity(-180, 120);
    expectError(
      await checkin(ended.id, { memberId: ctx.world.members.member1.id }),
      409,
      'POST_CHECKIN_OUTSIDE_WINDOW',
    );
  });

  it('opens 30 minutes early; a walk-in gets a sign-up row; a repeat returns the first check-in', async () => {
    const a = await newActivity(25);
    const first = expectOk<PostSignupView>(await checkin(a.id, { memberId: member3 }), 201);
    expect(first).toMatchObject({ state: 'checked_in', checkinMethod: 'staff', signedUpAt: null });
    advanceClock(5 * MIN);
    const again = expectOk<PostSignupView>(await checkin(a.id, { memberId: member3 }), 200);
    expect(again.checkedInAt).toBe(first.checkedInAt);
  });
});

describe('checking in with a 报到证', () => {
  let token: string;
  beforeAll(async () => {
    token = await issueToken(ctx.database.db, secret, {
      memberId: ctx.world.members.member1.id,
      communityId: ctx.world.communityA.id,
      expiresAt: new Date(Date.parse(TEST_CLOCK) + 200 * 86_400_000),
      serial: 'T-A-1',
    });
  });

  it('checks the scanned member in once, and replays an Idempotency-Key', async () => {
    const a = await newActivity(-10);
    const open = expectOk<CheckinOpen>(
      await call('GET', `/api/post-activities/checkin-open?token=${encodeURIComponent(token)}`, { as: 'grid01' }),
    );
    expect(open.member?.name).toBe('张党员');
    expect(open.items.find((i) => i.id === a.id)?.memberState).toBeNull();
    const headers = { 'idempotency-key': `scan-${a.id}` };
    const first = expectOk<PostSignupView>(await checkin(a.id, { token }, 'grid01', headers), 201);
    expect(first).toMatchObject({ memberId: ctx.world.members.member1.id, checkinMethod: 'qr' });
    const replay = await checkin(a.id, { token }, 'grid01', headers);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(expectOk<PostSignupView>(replay).id).toBe(first.id);
    expect(expectOk<PostSignupView>(await checkin(a.id, { token: `https://x/m/scan/${token}` }), 200).id).toBe(
      first.id,
    );
  });

  it('refuses forged, expired and revoked tokens, and a member of another community', async () => {
    const a = await newActivity(-10);
    const forged = `${token.slice(0, -2)}xx`;
    expectError(await checkin(a.id, { token: forged }), 400, 'CERTIFICATE_INVALID');
    const expired = await issueToken(ctx.database.db, secret, {
      memberId: member3,
      communityId: ctx.world.communityA.id,
      expiresAt: new Date(clock.nowMs() - MIN),
      serial: 'T-A-2',
    });
    expectError(await checkin(a.id, { token: expired }), 410, 'CERTIFICATE_EXPIRED');
    const revoked = await issueToken(ctx.database.db, secret, {
      memberId: member3,
      communityId: ctx.world.communityA.id,
      expiresAt: new Date(clock.nowMs() + 86_400_000),
      revoked: true,
      serial: 'T-A-3',
    });
    expectError(await checkin(a.id, { token: revoked }), 410, 'CERTIFICATE_REVOKED');
    const elsewhere = await issueToken(ctx.database.db, secret, {
      memberId: ctx.world.members.member2.id,
      communityId: ctx.world.communityB.id,
      expiresAt: new Date(clock.nowMs() + 86_400_000),
      serial: 'T-B-1',
    });
    expectError(await checkin(a.id, { token: elsewhere }), 422, 'POST_MEMBER_OTHER_COMMUNITY');
    const signups = expectOk<{ items: PostSignupView[] }>(
      await call('GET', `/api/post-activities/${a.id}/signups`, { as: 'hangdong' }),
    );
    expect(signups.items).toEqual([]);
  });
});

describe('scope of check-in', () => {
  it('a grid worker checks in only at their grids; a member cannot check anyone in', async () => {
    const inOtherGrid = await newActivity(-10, 120, { gridId: ctx.world.grids.gA2.id });
    expectError(await checkin(inOtherGrid.id, { memberId: member3 }, 'grid01'), 403, 'FORBIDDEN');
    const inOwnGrid = await newActivity(-10, 120, { gridId: ctx.world.grids.gA11.id });
    expectOk(await checkin(inOwnGrid.id, { memberId: member3 }, 'grid01'), 201);
    expectError(await checkin(inOwnGrid.id, { memberId: ctx.world.members.member1.id }, 'member01'), 403, 'FORBIDDEN');
    expectError(await checkout(inOwnGrid.id, member3, 'member01'), 403, 'FORBIDDEN');
    expectError(await checkin(inOwnGrid.id, { memberId: member3 }, 'sanfeng'), 404, 'NOT_FOUND');
  });

  it('a unit admin sees only the activities and sign-ups of its own members', async () => {
    const a = await newActivity(120);
    expectOk(await call('POST', `/api/post-activities/${a.id}/signup`, { as: 'member01' }));
    expectOk(
      await call('POST', `/api/post-activities/${a.id}/signups`, { as: 'hangdong', body: { memberId: member3 } }),
    );
    const seen = expectOk<{ items: PostSignupView[] }>(
      await call('GET', `/api/post-activities/${a.id}/signups`, { as: 'unit01' }),
    );
    expect(seen.items.map((s) => s.memberId)).toEqual([ctx.world.members.member1.id]);
    const list = expectOk<Page<PostActivityView>>(
      await call('GET', '/api/post-activities?pageSize=200', { as: 'unit01' }),
    );
    expect(list.items.map((i) => i.id)).toContain(a.id);
    expect(list.items.every((i) => i.signupCount > 0)).toBe(true);
  });
});

describe('checking out writes the ledger', () => {
  it('writes exactly one record with the minutes served inside the activity', async () => {
    const a = await newActivity(10, 120);
    const m = ctx.world.members.member1.id;
    const before = await recordsOf(m);
    expectError(await checkout(a.id, m), 409, 'POST_NOT_CHECKED_IN');
    expectOk(await checkin(a.id, { memberId: m }), 201);
    advanceClock(100 * MIN);
    const out = expectOk<PostSignupView>(await checkout(a.id, m));
    // Checked in 10 minutes before the start: the record starts at the start, 90 minutes to the check-out.
    expect(out).toMatchObject({ state: 'checked_out', minutes: 90 });
    expect(expectOk<PostSignupView>(await checkout(a.id, m)).serviceRecordId).toBe(out.serviceRecordId);
    expect(await recordsOf(m)).toBe(before + 1);
    const [record] = await ctx.database.db
      .select()
      .from(serviceRecords)
      .where(eq(serviceRecords.id, out.serviceRecordId!));
    expect(record).toMatchObject({ kind: 'post_duty', sourceId: out.id, title: '岗位7 · 楼道环境整治', minutes: 90 });
  });

  it('refuses a check-out overlapping another record of the member (409) and writes nothing', async () => {
    const a = await newActivity(-60, 120);
    expectOk(await checkin(a.id, { memberId: member3 }), 201);
    await ctx.database.db.insert(serviceRecords).values({
      memberId: member3,
      kind: 'service_day',
      sourceId: a.id,
      communityId: ctx.world.communityA.id,
      title: '集中报到服务日',
      startsAt: new Date(clock.nowMs() + 10 * MIN),
      endsAt: new Date(clock.nowMs() + 40 * MIN),
      minutes: 30,
      day: clock.today(),
    });
    const records = await recordsOf(member3);
    advanceClock(50 * MIN);
    expectError(await checkout(a.id, member3), 409, 'SERVICE_RECORD_OVERLAP');
    expect(await recordsOf(member3)).toBe(records);
    const [s] = expectOk<{ items: PostSignupView[] }>(
      await call('GET', `/api/post-activities/${a.id}/signups`, { as: 'hangdong' }),
    ).items;
    expect(s).toMatchObject({ state: 'checked_in', checkedOutAt: null, serviceRecordId: null });
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
