import { clock } from '../src/core/clock.js';
import { eq } from 'drizzle-orm';
import type { TestContext } from './app.js';
import { api, expectOk } from './http.js';
import type { ServiceDayDetail } from '../src/modules/cobuild/servicedays/servicedays.contracts.js';
import { serviceDays } from '../src/modules/cobuild/servicedays/servicedays.schema.js';
import { localParts } from '../src/modules/cobuild/servicedays/servicedays.time.js';

/** Helpers shared by the service-day API tests (not a test file itself). */
export function dayKit(ctx: TestContext) {
  const call = api(ctx);
  /** A local date `days` from now in the county. */
  const dateIn = (days: number) => localParts(new Date(clock.nowMs() + days * 86_400_000)).date;
  async function newDay(
    opts: { as?: string; communityId?: string; date?: string; kindCodes?: string[] } = {},
  ): Promise<ServiceDayDetail> {
    const res = await call('POST', '/api/service-days', {
      as: opts.as ?? 'hangdong',
      body: {
        communityId: opts.communityId ?? ctx.world.communityA.id,
        date: opts.date ?? dateIn(7),
        startTime: '08:30',
        endTime: '11:30',
        place: '杭东社区党群服务中心',
        theme: '集中报到服务日',
        kindCodes: opts.kindCodes ?? ['free_clinic', 'legal_advice'],
      },
    });
    return expectOk<ServiceDayDetail>(res, 201);
  }
  /** Moves a day in time relative to now (minutes), straight in the database. */
  async function shift(dayId: string, startInMin: number, endInMin: number): Promise<void> {
    const now = clock.nowMs();
    await ctx.database.db
      .update(serviceDays)
      .set({
        startsAt: new Date(now + startInMin * 60_000),
        endsAt: new Date(now + endInMin * 60_000),
      })
      .where(eq(serviceDays.id, dayId));
  }
  async function detail(dayId: string, as = 'admin'): Promise<ServiceDayDetail> {
    return expectOk<ServiceDayDetail>(await call('GET', `/api/service-days/${dayId}`, { as }));
  }
  return { call, dateIn, newDay, shift, detail };
}
