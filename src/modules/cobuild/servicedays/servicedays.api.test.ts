import { describe, expect, it } from 'vitest';
import { auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import type { ServiceDayView, ServiceKindView } from './servicedays.contracts.js';
import { ctx, kit, useServiceDaysContext } from '../../../../test/api-setup/servicedays.js';

useServiceDaysContext();

describe('the service kind catalogue', () => {
  it("is seeded with the article's kinds and more, in Chinese and English", async () => {
    const { items: kinds } = expectOk<{ items: ServiceKindView[] }>(
      await kit.call('GET', '/api/service-kinds', { as: 'unit01' }),
    );
    expect(kinds.length).toBeGreaterThanOrEqual(20);
    for (const name of ['垃圾分类', '人口普查业务培训', '爱心义诊', '“六一”慰问留守儿童'])
      expect(kinds.map((k) => k.name)).toContain(name);
    expect(kinds.every((k) => k.nameEn.length > 0)).toBe(true);
  });

  it('is edited by the county only, with version checks', async () => {
    expectError(
      await kit.call('POST', '/api/service-kinds', {
        as: 'hangdong',
        body: { code: 'kite_making', name: '风筝制作', nameEn: 'Kite making' },
      }),
      403,
      'FORBIDDEN',
    );
    const created = expectOk<ServiceKindView>(
      await kit.call('POST', '/api/service-kinds', {
        as: 'admin',
        body: { code: 'kite_making', name: '风筝制作', nameEn: 'Kite making' },
      }),
      201,
    );
    expectError(
      await kit.call('POST', '/api/service-kinds', {
        as: 'admin',
        body: { code: 'kite_making', name: 'x', nameEn: 'x' },
      }),
      409,
      'DUPLICATE',
    );
    const renamed = expectOk<ServiceKindView>(
      await kit.call('PATCH', '/api/service-kinds/kite_making', {
        as: 'admin',
        body: { name: '风筝手工', version: created.version },
      }),
    );
    expect(renamed.name).toBe('风筝手工');
    expectError(
      await kit.call('PATCH', '/api/service-kinds/kite_making', {
        as: 'admin',
        body: { name: '旧版本', version: created.version },
      }),
      409,
      'STALE_UPDATE',
    );
    expect((await auditRows(ctx, { action: 'service_kind.update' })).length).toBe(1);
  });
});

describe('scheduling a service day', () => {
  it('lets a community admin schedule a day of their own community, with a QR token, audited', async () => {
    const day = await kit.newDay();
    expect(day.status).toBe('scheduled');
    expect(day.startTime).toBe('08:30');
    expect(day.checkinToken?.length).toBeGreaterThanOrEqual(20);
    const audit = await auditRows(ctx, { action: 'service_day.create' });
    expect(audit.some((a) => a.entityId === day.id && !JSON.stringify(a.after).includes(day.checkinToken!))).toBe(true);
  });

  it('refuses another community, a unit admin and a member (403)', async () => {
    expectError(
      await kit.call('POST', '/api/service-days', {
        as: 'sanfeng',
        body: {
          communityId: ctx.world.communityA.id,
          date: kit.dateIn(3),
          startTime: '08:00',
          endTime: '10:00',
          place: 'x',
          theme: 'x',
          kindCodes: [],
        },
      }),
      403,
      'FORBIDDEN',
    );
    for (const as of ['unit01', 'member01', 'grid01']) {
      expectError(
        await kit.call('POST', '/api/service-days', {
          as,
          body: {
            communityId: ctx.world.communityA.id,
            date: kit.dateIn(3),
            startTime: '08:00',
            endTime: '10:00',
            place: 'x',
            theme: 'x',
            kindCodes: [],
          },
        }),
        403,
        'FORBIDDEN',
      );
    }
  });

  it('refuses an end before the start and an unknown kind with clear codes', async () => {
    const base = { communityId: ctx.world.communityA.id, date: kit.dateIn(3), place: '广场', theme: '服务日' };
    const bad = await kit.call('POST', '/api/service-days', {
      as: 'hangdong',
      body: { ...base, startTime: '10:00', endTime: '09:00', kindCodes: [] },
      headers: { 'accept-language': 'en' },
    });
    expect(expectError(bad, 400, 'SERVICE_DAY_TIME_ORDER').error.message).toMatch(/end time/);
    expectError(
      await kit.call('POST', '/api/service-days', {
        as: 'hangdong',
        body: { ...base, startTime: '08:00', endTime: '09:00', kindCodes: ['no_such_kind'] },
      }),
      400,
      'SERVICE_KIND_UNKNOWN',
    );
    expectError(
      await kit.call('POST', '/api/service-days', {
        as: 'hangdong',
        body: { ...base, startTime: '8 am', endTime: '09:00', kindCodes: [] },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('keeps a community admin to their own community when reading, and hides the token from unit admins', async () => {
    const day = await kit.newDay();
    expectError(await kit.call('GET', `/api/service-days/${day.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    const list = expectOk<Page<ServiceDayView>>(
      await kit.call('GET', '/api/service-days?pageSize=200', { as: 'sanfeng' }),
    );
    expect(list.items.some((d) => d.communityId === ctx.world.communityA.id)).toBe(false);
    expect((await kit.detail(day.id, 'unit01')).checkinToken).toBeNull();
    expectError(await kit.call('GET', '/api/service-days', { as: 'member01' }), 403, 'FORBIDDEN');
  });

  it('edits with the version and cancels; a cancelled day cannot be edited', async () => {
    const day = await kit.newDay();
    const edited = expectOk<ServiceDayView>(
      await kit.call('PATCH', `/api/service-days/${day.id}`, {
        as: 'hangdong',
        body: { theme: '爱心义诊进社区', version: day.version },
      }),
    );
    expect(edited.theme).toBe('爱心义诊进社区');
    expectError(
      await kit.call('PATCH', `/api/service-days/${day.id}`, {
        as: 'hangdong',
        body: { theme: 'stale', version: day.version },
      }),
      409,
      'STALE_UPDATE',
    );
    expectError(
      await kit.call('PATCH', `/api/service-days/${day.id}`, {
        as: 'hangdong',
        body: { endTime: '07:00', version: edited.version },
      }),
      400,
      'SERVICE_DAY_TIME_ORDER',
    );
    expectError(
      await kit.call('PATCH', `/api/service-days/${day.id}`, {
        as: 'hangdong',
        body: { status: 'held', version: edited.version },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const cancelled = expectOk<ServiceDayView>(
      await kit.call('POST', `/api/service-days/${day.id}/cancel`, {
        as: 'hangdong',
        body: { reason: '暴雨预警', version: edited.version },
      }),
    );
    expect(cancelled.status).toBe('cancelled');
    expectError(
      await kit.call('PATCH', `/api/service-days/${day.id}`, {
        as: 'hangdong',
        body: { theme: 'x', version: cancelled.version },
      }),
      409,
      'SERVICE_DAY_NOT_OPEN',
    );
  });
});
