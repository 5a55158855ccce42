import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../../test/app.js';
import { auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { createUploadTestContext, photoForm, samplePhoto } from '../../../../test/photos.js';
import type {
  Candidate,
  CheckinPage,
  CheckinView,
  PhotoView,
  ServiceDayDetail,
  StaffCheckinResult,
} from './servicedays.contracts.js';
import { serviceDayCheckins } from './servicedays.schema.js';
import { dayKit } from '../../../../test/servicedays.js';

let ctx: TestContext & { dataDir: string };
let kit: ReturnType<typeof dayKit>;
beforeAll(async () => {
  ctx = await createUploadTestContext();
  kit = dayKit(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

async function rowsOf(dayId: string): Promise<number> {
  const [{ n }] = await ctx.database.db
    .select({ n: count() })
    .from(serviceDayCheckins)
    .where(eq(serviceDayCheckins.dayId, dayId));
  return n;
}

const scan = (token: string, as: string, lang = 'zh-CN') =>
  kit.call('POST', `/api/service-days/checkin/${token}`, { as, headers: { 'accept-language': lang } });

describe('checking in with the QR code', () => {
  it('refuses a check-in more than 30 minutes before the start, with the opening time', async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, 45, 200);
    const res = expectError(await scan(day.checkinToken!, 'member01', 'en'), 409, 'SERVICE_DAY_CHECKIN_NOT_STARTED');
    expect(res.error.message).toMatch(/check-in opens at \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(await rowsOf(day.id)).toBe(0);
    const page = expectOk<CheckinPage>(
      await kit.call('GET', `/api/service-days/checkin/${day.checkinToken}`, { as: 'member01' }),
    );
    expect(page).toMatchObject({ window: 'not_started', memberName: '张党员', myCheckin: null });
  });

  it('accepts within the early margin, and a second scan answers 200 with the first check-in', async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, 20, 200);
    const first = expectOk<CheckinView>(await scan(day.checkinToken!, 'member01'), 201);
    expect(first).toMatchObject({ memberId: ctx.world.members.member1.id, unitId: ctx.world.unit1.id, method: 'qr' });
    const again = expectOk<CheckinView>(await scan(day.checkinToken!, 'member01'), 200);
    expect(again.id).toBe(first.id);
    expect(await rowsOf(day.id)).toBe(1);
    expect(
      (await auditRows(ctx, { action: 'service_day_checkin.qr' })).filter((a) => a.entityId === day.id),
    ).toHaveLength(1);
    const page = expectOk<CheckinPage>(
      await kit.call('GET', `/api/service-days/checkin/${day.checkinToken}`, { as: 'member01' }),
    );
    expect(page.myCheckin?.id).toBe(first.id);
  });

  it('closes 24 hours after the end, but still answers an existing check-in', async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, -60, 60);
    const first = expectOk<CheckinView>(await scan(day.checkinToken!, 'member01'), 201);
    await kit.shift(day.id, -26 * 60, -(24 * 60 + 5));
    expect(
      expectError(await scan(day.checkinToken!, 'member02'), 409, 'SERVICE_DAY_CHECKIN_CLOSED').error.message,
    ).toContain('24 小时');
    expect(expectOk<CheckinView>(await scan(day.checkinToken!, 'member01'), 200).id).toBe(first.id);
    await kit.shift(day.id, -26 * 60, -(23 * 60));
    expectOk(await scan(day.checkinToken!, 'member02'), 201);
  });

  it('keeps concurrent duplicate check-ins to one row', async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, -5, 120);
    const answers = await Promise.all(Array.from({ length: 6 }, () => scan(day.checkinToken!, 'member02')));
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
    expect(new Set(answers.map((r) => r.json<CheckinView>().id)).size).toBe(1);
    expect(await rowsOf(day.id)).toBe(1);
    const staff = await Promise.all(
      [1, 2, 3].map(() =>
        kit.call('POST', `/api/service-days/${day.id}/checkins`, {
          as: 'hangdong',
          body: { memberIds: [ctx.world.members.member1.id, ctx.world.members.member2.id] },
        }),
      ),
    );
    const results = staff.map((r) => expectOk<StaffCheckinResult>(r));
    expect(results.reduce((s, r) => s + r.created.length, 0)).toBe(1);
    expect(await rowsOf(day.id)).toBe(2);
  });

  it('refuses a cancelled day, an unknown token, a login without a member record and a resident', async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, -5, 120);
    expectError(await scan('x'.repeat(24), 'member01'), 404, 'NOT_FOUND');
    expectError(await scan(day.checkinToken!, 'hangdong'), 403, 'SERVICE_DAY_NOT_MEMBER');
    expectError(await scan(day.checkinToken!, 'resident01'), 403, 'FORBIDDEN');
    expectError(await kit.call('POST', `/api/service-days/checkin/${day.checkinToken}`), 401, 'UNAUTHENTICATED');
    const fresh = await kit.detail(day.id);
    expectOk(
      await kit.call('POST', `/api/service-days/${day.id}/cancel`, {
        as: 'hangdong',
        body: { reason: '暴雨', version: fresh.version },
      }),
    );
    expectError(await scan(day.checkinToken!, 'member01'), 409, 'SERVICE_DAY_CANCELLED');
  });

  it('stops the old QR code working once the day gets a new one', async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, -5, 120);
    const fresh = await kit.detail(day.id);
    const rotated = expectOk<ServiceDayDetail>(
      await kit.call('POST', `/api/service-days/${day.id}/rotate-token`, {
        as: 'hangdong',
        body: { version: fresh.version },
      }),
    );
    expect(rotated.checkinToken).not.toBe(day.checkinToken);
    expectError(await scan(day.checkinToken!, 'member01'), 404, 'NOT_FOUND');
    expectOk(await scan(rotated.checkinToken!, 'member01'), 201);
  });
});

describe('staff check-ins', () => {
  it('lets the community check anyone in, a unit admin only its own members, and nobody else', async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, -5, 120);
    const url = `/api/service-days/${day.id}/checkins`;
    expectError(
      await kit.call('POST', url, { as: 'unit01', body: { memberIds: [ctx.world.members.member2.id] } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await kit.call('POST', url, { as: 'sanfeng', body: { memberIds: [ctx.world.members.member2.id] } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await kit.call('POST', url, { as: 'member01', body: { memberIds: [ctx.world.members.member2.id] } }),
      403,
      'FORBIDDEN',
    );
    // Candidates: members of the units signed up (none yet) for the community; a unit admin's own members.
    expect(
      expectOk<{ items: Candidate[] }>(
        await kit.call('GET', `${url.replace('/checkins', '/checkin-candidates')}`, { as: 'hangdong' }),
      ).items,
    ).toEqual([]);
    const own = expectOk<{ items: Candidate[] }>(
      await kit.call('GET', `${url.replace('/checkins', '/checkin-candidates')}`, { as: 'unit01' }),
    ).items;
    expect(own.map((c) => c.memberId)).toEqual([ctx.world.members.member1.id]);
    expectError(
      await kit.call('GET', `${url.replace('/checkins', '/checkin-candidates')}`, { as: 'member01' }),
      403,
      'FORBIDDEN',
    );
    const mine = expectOk<StaffCheckinResult>(
      await kit.call('POST', url, { as: 'unit01', body: { memberIds: [ctx.world.members.member1.id] } }),
    );
    expect(mine.created.map((c) => c.method)).toEqual(['staff']);
    const both = expectOk<StaffCheckinResult>(
      await kit.call('POST', url, {
        as: 'hangdong',
        body: { memberIds: [ctx.world.members.member1.id, ctx.world.members.member2.id] },
      }),
    );
    expect(both.created.map((c) => c.memberId)).toEqual([ctx.world.members.member2.id]);
    expect(both.existing.map((c) => c.memberId)).toEqual([ctx.world.members.member1.id]);
    expectError(
      await kit.call('POST', url, { as: 'hangdong', body: { memberIds: [ctx.world.unit1.id] } }),
      400,
      'VALIDATION_FAILED',
    );

    const seenByUnit2 = expectOk<Page<CheckinView>>(await kit.call('GET', `${url}?pageSize=50`, { as: 'unit02' }));
    expect(seenByUnit2.items.map((c) => c.memberId)).toEqual([ctx.world.members.member2.id]);
    const all = expectOk<Page<CheckinView>>(await kit.call('GET', url, { as: 'hangdong' }));
    expect(all.total).toBe(2);
    expectError(await kit.call('DELETE', `${url}/${all.items[0].id}`, { as: 'unit01' }), 403, 'FORBIDDEN');
    expectOk(await kit.call('DELETE', `${url}/${all.items[0].id}`, { as: 'hangdong' }));
    expect(await rowsOf(day.id)).toBe(1);
  });

  it('applies the same window to staff', async () => {
    const day = await kit.newDay();
    await kit.shift(day.id, 120, 240);
    expectError(
      await kit.call('POST', `/api/service-days/${day.id}/checkins`, {
        as: 'hangdong',
        body: { memberIds: [ctx.world.members.member1.id] },
      }),
      409,
      'SERVICE_DAY_CHECKIN_NOT_STARTED',
    );
  });
});

describe('outcome photos', () => {
  it('sanitises an uploaded photo, serves it to readers of the day and refuses a non-image', async () => {
    const day = await kit.newDay();
    const upload = async (as: string, file: Buffer) => {
      const form = photoForm(file);
      return ctx.app.inject({
        method: 'POST',
        url: `/api/service-days/${day.id}/photos`,
        payload: form.payload,
        headers: { ...form.headers, cookie: await ctx.cookieFor(as) },
      });
    };
    const photo = expectOk<PhotoView>(await upload('hangdong', await samplePhoto({ exif: true })), 201);
    const served = await ctx.app.inject({
      method: 'GET',
      url: photo.url,
      headers: { cookie: await ctx.cookieFor('unit01') },
    });
    expect(served.statusCode).toBe(200);
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: photo.thumbUrl,
          headers: { cookie: await ctx.cookieFor('sanfeng') },
        })
      ).statusCode,
    ).toBe(404);
    expectError(await upload('hangdong', Buffer.from('not an image at all')), 400, 'INVALID_IMAGE');
    expectError(await upload('unit01', await samplePhoto()), 403, 'FORBIDDEN');
    expect((await kit.detail(day.id)).photos.map((p) => p.id)).toEqual([photo.id]);
    expectOk(await kit.call('DELETE', `/api/service-days/${day.id}/photos/${photo.id}`, { as: 'hangdong' }));
    expect((await kit.detail(day.id)).photos).toEqual([]);
  });
});
