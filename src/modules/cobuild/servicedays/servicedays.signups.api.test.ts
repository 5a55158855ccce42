import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import type { DaySummary, ServiceDayView, SignupView, UnitSummary } from './servicedays.contracts.js';
import { serviceDaySignups } from './servicedays.schema.js';
import { ctx, kit, useServiceDaysContext, year } from '../../../../test/api-setup/servicedays.js';

useServiceDaysContext();

const items = [{ kindCode: 'legal_advice', description: '法律咨询台，现场解答婚姻家庭、劳动纠纷问题' }];

describe('signing up', () => {
  it('lets a unit admin sign up its own paired unit once, change it and withdraw it', async () => {
    const day = await kit.newDay();
    const signup = expectOk<SignupView>(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, { as: 'unit01', body: { items, headcount: 6 } }),
      201,
    );
    expect(signup.unitId).toBe(ctx.world.unit1.id);
    expectError(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, { as: 'unit01', body: { items, headcount: 2 } }),
      409,
      'SERVICE_DAY_ALREADY_SIGNED_UP',
    );
    const changed = expectOk<SignupView>(
      await kit.call('PATCH', `/api/service-days/${day.id}/signups/${signup.id}`, {
        as: 'unit01',
        body: { headcount: 8, version: signup.version },
      }),
    );
    expect(changed.headcount).toBe(8);
    expectError(
      await kit.call('PATCH', `/api/service-days/${day.id}/signups/${signup.id}`, {
        as: 'unit01',
        body: { headcount: 9, version: signup.version },
      }),
      409,
      'STALE_UPDATE',
    );
    expectOk(
      await kit.call('DELETE', `/api/service-days/${day.id}/signups/${signup.id}`, {
        as: 'unit01',
        body: { version: changed.version },
      }),
    );
    const [{ n }] = await ctx.database.db
      .select({ n: count() })
      .from(serviceDaySignups)
      .where(eq(serviceDaySignups.dayId, day.id));
    expect(n).toBe(0);
    expect((await auditRows(ctx, { action: 'service_day_signup.withdraw' })).some((a) => a.entityId === day.id)).toBe(
      true,
    );
  });

  it('keeps a unit admin to its own unit and to communities it is paired with', async () => {
    const day = await kit.newDay();
    expectError(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, {
        as: 'unit01',
        body: { unitId: ctx.world.unit2.id, items, headcount: 3 },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, { as: 'unit02', body: { items, headcount: 3 } }),
      403,
      'SERVICE_DAY_UNIT_NOT_PAIRED',
    );
    // The community may invite an unpaired unit in.
    const invited = expectOk<SignupView>(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, {
        as: 'hangdong',
        body: { unitId: ctx.world.unit2.id, items, headcount: 3 },
      }),
      201,
    );
    expectError(
      await kit.call('PATCH', `/api/service-days/${day.id}/signups/${invited.id}`, {
        as: 'unit01',
        body: { headcount: 1, version: invited.version },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, { as: 'member01', body: { items, headcount: 1 } }),
      403,
      'FORBIDDEN',
    );
  });

  it('lets any unit sign up in a year without an adopted pairing', async () => {
    const day = await kit.newDay({ date: `${year + 3}-05-20` });
    expectOk(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, { as: 'unit02', body: { items, headcount: 2 } }),
      201,
    );
  });

  it('refuses a headcount of zero, an unknown kind, and a cancelled, held or started day', async () => {
    const day = await kit.newDay();
    expectError(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, { as: 'unit01', body: { items, headcount: 0 } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, {
        as: 'unit01',
        body: { items: [{ kindCode: 'no_such_kind', description: 'x' }], headcount: 1 },
      }),
      400,
      'SERVICE_KIND_UNKNOWN',
    );
    expectError(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, {
        as: 'unit01',
        body: { items: [], headcount: 1 },
      }),
      400,
      'VALIDATION_FAILED',
    );
    await kit.shift(day.id, -10, 120);
    const started = await kit.call('POST', `/api/service-days/${day.id}/signups`, {
      as: 'unit01',
      body: { items, headcount: 1 },
    });
    expect(expectError(started, 409, 'SERVICE_DAY_NOT_OPEN').error.message).toContain('已开始');
    const held = await kit.detail(day.id);
    expectOk(
      await kit.call('PUT', `/api/service-days/${day.id}/outcome`, {
        as: 'hangdong',
        body: { peopleServed: 40, version: held.version },
      }),
    );
    expect(
      expectError(
        await kit.call('POST', `/api/service-days/${day.id}/signups`, { as: 'unit01', body: { items, headcount: 1 } }),
        409,
        'SERVICE_DAY_NOT_OPEN',
      ).error.message,
    ).toContain('已举办');
    const other = await kit.newDay();
    await kit.call('POST', `/api/service-days/${other.id}/cancel`, {
      as: 'hangdong',
      body: { reason: '台风', version: other.version },
    });
    expectError(
      await kit.call('POST', `/api/service-days/${other.id}/signups`, { as: 'unit01', body: { items, headcount: 1 } }),
      409,
      'SERVICE_DAY_NOT_OPEN',
    );
  });
});

describe('outcome and summaries', () => {
  it('records the outcome only once the day has started, and computes the summaries from the rows', async () => {
    const day = await kit.newDay({ kindCodes: ['free_clinic', 'legal_advice', 'waste_sorting'] });
    expectOk(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, {
        as: 'unit01',
        body: { items: [...items, { kindCode: 'waste_sorting', description: '垃圾分类宣传' }], headcount: 5 },
      }),
      201,
    );
    expectOk(
      await kit.call('POST', `/api/service-days/${day.id}/signups`, {
        as: 'hangdong',
        body: { unitId: ctx.world.unit2.id, items: [{ kindCode: 'free_clinic', description: '测血压' }], headcount: 4 },
      }),
      201,
    );
    expectError(
      await kit.call('PUT', `/api/service-days/${day.id}/outcome`, {
        as: 'hangdong',
        body: { peopleServed: 10, version: day.version },
      }),
      409,
      'SERVICE_DAY_OUTCOME_EARLY',
    );
    await kit.shift(day.id, -20, 100);
    const members = [ctx.world.members.member1.id, ctx.world.members.member2.id];
    expectOk(
      await kit.call('POST', `/api/service-days/${day.id}/checkins`, { as: 'hangdong', body: { memberIds: members } }),
    );
    const before = await kit.detail(day.id);
    expectError(
      await kit.call('PUT', `/api/service-days/${day.id}/outcome`, {
        as: 'sanfeng',
        body: { peopleServed: 1, version: before.version },
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await kit.call('PUT', `/api/service-days/${day.id}/outcome`, {
        as: 'unit01',
        body: { peopleServed: 1, version: before.version },
      }),
      403,
      'FORBIDDEN',
    );
    const held = expectOk<ServiceDayView>(
      await kit.call('PUT', `/api/service-days/${day.id}/outcome`, {
        as: 'hangdong',
        body: { peopleServed: 86, summary: '义诊 60 人次，法律咨询 26 人次', version: before.version },
      }),
    );
    expect(held.status).toBe('held');
    const summary = expectOk<DaySummary>(
      await kit.call('GET', `/api/service-days/${day.id}/summary`, { as: 'hangdong' }),
    );
    expect(summary).toMatchObject({
      signups: 2,
      headcountPromised: 9,
      checkedIn: 2,
      checkedInByQr: 0,
      peopleServed: 86,
    });
    expect(summary.kinds).toEqual(
      expect.arrayContaining([
        { code: 'legal_advice', items: 1 },
        { code: 'waste_sorting', items: 1 },
        { code: 'free_clinic', items: 1 },
      ]),
    );
    expect(summary.units.find((u) => u.unitId === ctx.world.unit1.id)).toMatchObject({ headcount: 5, checkedIn: 1 });

    const units = expectOk<Page<UnitSummary>>(
      await kit.call('GET', `/api/service-days/units?year=${year}`, { as: 'admin' }),
    );
    const u1 = units.items.find((u) => u.unitId === ctx.world.unit1.id)!;
    expect(u1.daysAttended).toBeGreaterThanOrEqual(1);
    expect(u1.members).toBe(1);
    const own = expectOk<Page<UnitSummary>>(
      await kit.call('GET', `/api/service-days/units?year=${year}`, { as: 'unit01' }),
    );
    expect(own.items.map((u) => u.unitId)).toEqual([ctx.world.unit1.id]);
  });

  it('filters the list by year, month, status and kind, and exports it', async () => {
    const day = await kit.newDay({ date: `${year}-06-01`, kindCodes: ['left_behind_children'] });
    const byKind = expectOk<Page<ServiceDayView>>(
      await kit.call('GET', '/api/service-days?kind=left_behind_children', { as: 'admin' }),
    );
    expect(byKind.items.map((d) => d.id)).toEqual([day.id]);
    const june = expectOk<Page<ServiceDayView>>(
      await kit.call('GET', `/api/service-days?year=${year}&month=6`, { as: 'admin' }),
    );
    expect(june.items.every((d) => d.date.startsWith(`${year}-06`))).toBe(true);
    const cancelled = expectOk<Page<ServiceDayView>>(
      await kit.call('GET', '/api/service-days?status=cancelled', { as: 'admin' }),
    );
    expect(cancelled.items.length).toBeGreaterThan(0);
    expect(cancelled.items.every((d) => d.status === 'cancelled')).toBe(true);
    const xlsx = await kit.call('GET', `/api/service-days/export.xlsx?year=${year}`, { as: 'hangdong' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
