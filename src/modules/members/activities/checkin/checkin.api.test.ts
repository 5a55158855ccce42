import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  checkin,
  checkout,
  ctx,
  MIN,
  member3,
  newActivity,
  recordsOf,
  secret,
  usePostActivitiesContext,
} from '../../../../../test/api-setup/post-activities.js';
import { TEST_CLOCK } from '../../../../../test/clock.js';
import { auditRows, expectError, expectOk, type Page } from '../../../../../test/http.js';
import { actorFor } from '../../../../../test/cases-stats.js';
import { addMember, issueToken } from '../../../../../test/post-activities.js';
import type { Actor } from '../../../../core/auth/actor.js';
import { advanceClock, clock } from '../../../../core/clock.js';
import type { AppError } from '../../../../core/errors.js';
import { serviceRecords } from '../../../ledger/ledger.schema.js';
import type { CheckinOpen, PostActivityView, PostCheckin, PostSignupView } from '../activities.contracts.js';
import { checkInBatch } from './checkin.batch.js';

// Check-in (the window, by 报到证 token, scope) and check-out writing the ledger. Scheduling, sign-ups and the sweep:
// ../activities.api.test.ts.
usePostActivitiesContext();

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

describe('scans at once', () => {
  it('one batch answers each scan its own: a walk-in, a sign-up made in advance, a repeat, refusals', async () => {
    const db = ctx.database.db;
    // Starting in 20 minutes: open for sign-up, and for check-in (from 30 minutes before).
    const a = await newActivity(20);
    const place = { communityId: ctx.world.communityA.id, unitId: ctx.world.unit1.id };
    const walkIn = await addMember(db, { name: '郑党员', ...place });
    const early = await addMember(db, { name: '王党员', ...place });
    expectOk(await call('POST', `/api/post-activities/${a.id}/signups`, { as: 'hangdong', body: { memberId: early } }));
    const token = await issueToken(db, secret, {
      memberId: walkIn,
      communityId: ctx.world.communityA.id,
      expiresAt: new Date(clock.nowMs() + 86_400_000),
      serial: 'T-A-9',
    });
    const [staff, gridWorker] = [await actorFor(db, 'hangdong'), await actorFor(db, 'grid01')];
    const scan = (actor: Actor, input: PostCheckin) => ({ actor, activityId: a.id, input, secret });
    const answers = await checkInBatch(db, [
      scan(staff, { token }),
      scan(staff, { memberId: early }),
      scan(gridWorker, { memberId: walkIn }),
      scan(staff, { token: `${token.slice(0, -2)}xx` }),
      scan(staff, { memberId: ctx.world.members.member2.id }),
    ]);
    const summary = answers.map((x) =>
      x.ok ? [x.value.created, x.value.signup.memberId, x.value.signup.checkinMethod] : (x.error as AppError).code,
    );
    expect(summary).toEqual([
      [true, walkIn, 'qr'],
      [true, early, 'staff'],
      [false, walkIn, 'qr'],
      'CERTIFICATE_INVALID',
      'POST_MEMBER_OTHER_COMMUNITY',
    ]);
    const rows = expectOk<{ items: PostSignupView[] }>(
      await call('GET', `/api/post-activities/${a.id}/signups`, { as: 'hangdong' }),
    ).items;
    expect(rows.map((r) => [r.memberId, r.state, Boolean(r.signedUpAt)]).sort()).toEqual(
      [
        [walkIn, 'checked_in', false],
        [early, 'checked_in', true],
      ].sort(),
    );
    const audits = await auditRows(ctx, { entityType: 'post_activity' });
    const actions = audits.filter((r) => r.entityId === a.id).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['post_activity_checkin.walk_in', 'post_activity_checkin.staff']));
    expect(actions.filter((x) => x.startsWith('post_activity_checkin.'))).toHaveLength(2);
  });
});
