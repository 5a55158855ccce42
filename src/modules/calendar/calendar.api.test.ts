import { calendarDays } from './calendar.schema.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, auditRows, expectError, expectOk } from '../../../test/http.js';
import { formatLocalIso, localInstant, WorkCalendar } from '../../core/calendar.js';
import type { CalendarDay, CalendarYear } from './calendar.contracts.js';
import { CALENDAR_DEFAULT_YEARS, calendarDefaults, seedCalendarDefaults } from './calendar.defaults.js';
import { calendarProblems, loadWorkCalendar } from './calendar.service.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

const getYear = async (year: number | string, as = 'admin') =>
  expectOk<CalendarYear>(await call('GET', `/api/calendar/${year}`, { as }));
const put = (year: number | string, days: unknown, as = 'admin', headers?: Record<string, string>) =>
  call('PUT', `/api/calendar/${year}`, { as, body: { days }, headers });
const due = async (query: string, as = 'admin') =>
  expectOk<{ due: string }>(await call('GET', `/api/calendar/working-time?${query}`, { as })).due;
const q = (start: string, limit: string) => `start=${encodeURIComponent(start)}&${limit}`;

describe('GET /api/calendar/:year', () => {
  it('returns an empty list for a year without exceptions, to any logged-in user', async () => {
    expect(await getYear(2030)).toEqual({ year: 2030, days: [] });
    expect(await getYear(2030, 'resident01')).toEqual({ year: 2030, days: [] });
  });

  it('needs a login (401) and a four-digit year in range (400)', async () => {
    expectError(await call('GET', '/api/calendar/2026'), 401, 'UNAUTHENTICATED');
    for (const year of ['26', '1999', '2101', '20x6', '2026.0']) {
      expectError(await call('GET', `/api/calendar/${year}`, { as: 'admin' }), 400, 'VALIDATION_FAILED');
    }
  });
});

describe('seedCalendarDefaults', () => {
  it('ships the official 2025 and 2026 schedules, each passing the same checks as an edit', () => {
    expect(CALENDAR_DEFAULT_YEARS).toEqual([2025, 2026]);
    for (const year of CALENDAR_DEFAULT_YEARS)
      expect(calendarProblems(year, calendarDefaults(year)), String(year)).toEqual([]);
    const names = new Set([2025, 2026].flatMap((y) => calendarDefaults(y).map((d) => d.name)));
    for (const n of ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'])
      expect(
        [...names].some((x) => x.includes(n)),
        n,
      ).toBe(true);
  });

  it('fills an empty calendar once and then leaves it alone', async () => {
    // Test databases start with the reference data; empty the table to see the first fill.
    await ctx.database.db.delete(calendarDays);
    expect(await seedCalendarDefaults({ db: ctx.database.db })).toBe(23 + 25);
    expect(await seedCalendarDefaults({ db: ctx.database.db })).toBe(0);
    const y2026 = await getYear(2026);
    expect(y2026.days).toHaveLength(25);
    expect(y2026.days.map((d) => d.day)).toEqual([...y2026.days.map((d) => d.day)].sort());
    expect(y2026.days).toContainEqual({ day: '2026-10-10', kind: 'workday', name: '国庆节' });
    expect(y2026.days).toContainEqual({ day: '2026-02-16', kind: 'holiday', name: '春节' });
    expect((await getYear(2025)).days.filter((d) => d.kind === 'workday').map((d) => d.day)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
  });
});

describe('GET /api/calendar/working-time', () => {
  it('counts on the stored calendar: across National Day 2026, its make-up Saturday and the year end', async () => {
    expect(await due(q('2026-09-30T16:30:00+08:00', 'hours=2'))).toBe('2026-10-08T09:00:00+08:00');
    expect(await due(q('2026-10-09T17:00:00+08:00', 'hours=1'))).toBe('2026-10-10T08:30:00+08:00');
    expect(await due(q('2025-12-31T08:30:00Z', 'hours=2'))).toBe('2026-01-04T09:00:00+08:00');
    expect(await due(q('2026-01-05T09:00:00+08:00', 'workingDays=7'), 'resident01')).toBe('2026-01-14T09:00:00+08:00');
  });

  it('matches the pure function on the calendar loadWorkCalendar returns', async () => {
    const stored = await loadWorkCalendar({ db: ctx.database.db, from: '2025-01-01', to: '2026-12-31' });
    const expected = new WorkCalendar([2025, 2026].flatMap(calendarDefaults));
    const limits = [{ hours: 2 }, { hours: 24 }, { workingDays: 7 }, { workingDays: 15 }, { hours: 0.5 }] as const;
    for (let i = 0; i < 12; i++) {
      const start = new Date(localInstant('2025-01-01').getTime() + i * 31 * 86_400_000 + i * 4_321_000);
      for (const limit of limits) {
        const [key, value] = Object.entries(limit)[0];
        const viaApi = await due(q(start.toISOString(), `${key}=${value}`));
        expect(viaApi, `${start.toISOString()} ${key}=${value}`).toBe(formatLocalIso(stored.dueAt(start, limit)));
        expect(viaApi).toBe(formatLocalIso(expected.dueAt(start, limit)));
      }
    }
  });

  it('rejects both or neither limit, a start without offset, negative or unknown parameters, and anonymous callers', async () => {
    const start = encodeURIComponent('2026-01-05T09:00:00+08:00');
    for (const query of [
      `start=${start}`,
      `start=${start}&hours=1&workingDays=1`,
      'hours=1',
      'start=2026-01-05T09:00:00&hours=1',
      `start=${start}&hours=-1`,
      `start=${start}&hours=`,
      `start=${start}&hours=Infinity`,
      `start=${start}&workingDays=1e3`,
      `start=${start}&hours=1&zone=UTC`,
      `start=${start}&workingDays=1001`,
    ]) {
      expectError(await call('GET', `/api/calendar/working-time?${query}`, { as: 'admin' }), 400, 'VALIDATION_FAILED');
    }
    expectError(await call('GET', `/api/calendar/working-time?start=${start}&hours=1`), 401, 'UNAUTHENTICATED');
  });
});

describe('PUT /api/calendar/:year', () => {
  const edited: CalendarDay[] = [
    { day: '2026-10-08', kind: 'holiday', name: '国庆节' },
    { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
    { day: '2026-10-11', kind: 'workday', name: '国庆节' },
  ];

  it('only the county admin writes: a community admin gets 403, anonymous 401, and nothing changes', async () => {
    expectError(await put(2026, edited, 'hangdong'), 403, 'FORBIDDEN');
    expectError(await put(2026, edited, 'resident01'), 403, 'FORBIDDEN');
    expectError(await call('PUT', '/api/calendar/2026', { body: { days: edited } }), 401, 'UNAUTHENTICATED');
    expect((await getYear(2026)).days).toHaveLength(25);
    expect(await auditRows(ctx, { action: 'calendar.update' })).toEqual([]);
  });

  it('rejects a day outside the year, naming it', async () => {
    const res = await put(2026, [...edited, { day: '2025-12-31', kind: 'holiday', name: '元旦' }], 'admin', {
      'accept-language': 'en',
    });
    const err = expectError(res, 400, 'CALENDAR_DAY_OUTSIDE_YEAR');
    expect(err.error.message).toBe('The day 2025-12-31 is not in 2026');
    expect(err.error.details).toEqual([{ path: '/days/3/day', code: 'CALENDAR_DAY_OUTSIDE_YEAR', day: '2025-12-31' }]);
  });

  it('rejects a day listed twice', async () => {
    const err = expectError(
      await put(2026, [...edited, { ...edited[0], name: '重复' }]),
      400,
      'CALENDAR_DAY_DUPLICATE',
    );
    expect(err.error.message).toBe('日期 2026-10-08 重复出现，每天只能设置一次');
  });

  it('rejects a make-up workday on a Wednesday and a holiday on a Saturday, listing every bad row', async () => {
    const days = [
      ...edited,
      { day: '2026-10-14', kind: 'workday', name: '国庆节' },
      { day: '2026-10-17', kind: 'holiday', name: '国庆节' },
    ];
    const err = expectError(await put(2026, days), 400, 'CALENDAR_WORKDAY_NOT_WEEKEND');
    expect(err.error.message).toBe(
      '2026-10-14 是周一至周五，本来就上班，不能设为调休上班日；调休上班日必须是周六或周日',
    );
    expect(err.error.details).toEqual([
      { path: '/days/3/day', code: 'CALENDAR_WORKDAY_NOT_WEEKEND', day: '2026-10-14' },
      { path: '/days/4/day', code: 'CALENDAR_HOLIDAY_NOT_WEEKDAY', day: '2026-10-17' },
    ]);
    const sat = expectError(
      await put(2026, [{ day: '2026-10-17', kind: 'holiday', name: '国庆节' }], 'admin', { 'accept-language': 'en' }),
      400,
      'CALENDAR_HOLIDAY_NOT_WEEKDAY',
    );
    expect(sat.error.message).toBe(
      '2026-10-17 is a Saturday or Sunday, already a day off: a holiday must be a Monday–Friday',
    );
  });

  it('rejects malformed bodies with VALIDATION_FAILED', async () => {
    for (const days of [
      [{ day: '2026-02-30', kind: 'holiday', name: '春节' }],
      [{ day: '2026-10-01', kind: 'vacation', name: '国庆节' }],
      [{ day: '2026-10-01', kind: 'holiday', name: ' ' }],
      [{ day: '2026-10-01', kind: 'holiday', name: '国庆节', extra: 1 }],
      [{ day: '2026-10-01', kind: 'holiday' }],
      'none',
    ]) {
      expectError(await put(2026, days), 400, 'VALIDATION_FAILED');
    }
    expectError(
      await call('PUT', '/api/calendar/2026', { as: 'admin', body: { days: [], year: 2027 } }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await getYear(2026)).days).toHaveLength(25);
  });

  it('replaces the year in one audited write, leaves other years alone, and the clocks follow', async () => {
    const before = await getYear(2026);
    const after = expectOk<CalendarYear>(await put(2026, edited));
    expect(after).toEqual({ year: 2026, days: [edited[1], edited[0], edited[2]] });
    expect(await getYear(2026)).toEqual(after);
    expect((await getYear(2025)).days).toHaveLength(23);
    const [row] = await auditRows(ctx, { action: 'calendar.update', entityId: '2026' });
    expect(row).toMatchObject({ actorName: 'admin', entityType: 'calendar', before, after });
    // Oct 2 is a working day now, Oct 8 is not; the make-up day moved to Sunday Oct 11.
    expect(await due(q('2026-09-30T16:30:00+08:00', 'hours=2'))).toBe('2026-10-02T09:00:00+08:00');
    expect(await due(q('2026-10-07T17:00:00+08:00', 'hours=1'))).toBe('2026-10-09T08:30:00+08:00');
    expect(await due(q('2026-10-10T12:00:00+08:00', 'hours=1'))).toBe('2026-10-11T09:00:00+08:00');
  });

  it('accepts an empty list, clearing the year', async () => {
    expect(expectOk<CalendarYear>(await put(2026, []))).toEqual({ year: 2026, days: [] });
    expect(await due(q('2026-09-30T16:30:00+08:00', 'hours=2'))).toBe('2026-10-01T09:00:00+08:00');
    expect(await auditRows(ctx, { action: 'calendar.update' })).toHaveLength(2);
  });
});
