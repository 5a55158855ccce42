import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { api, expectError, expectOk } from '../../../../test/http.js';
import { localInstant } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import { serviceRecords } from '../../ledger/ledger.schema.js';
import { quarterFirstDay, quarterOfDay } from '../ratings/quarters.js';
import { memberReports } from '../reports/reports.schema.js';
import type { MyServiceYear } from './me.contracts.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  const { member1, member2 } = ctx.world.members;
  const a = ctx.world.communityA.id;
  const today = clock.today();
  const first = quarterFirstDay(quarterOfDay(today));
  await ctx.database.db.insert(memberReports).values({
    memberId: member1.id,
    communityId: a,
    state: 'approved',
    appliedAt: localInstant(first, '08:00'),
    decidedAt: localInstant(first, '09:00'),
  });
  // member1 served 3 h on the quarter's first day (today on 1 January); member2 served elsewhere, never counted here.
  for (const [memberId, hours] of [
    [member1.id, 3],
    [member2.id, 5],
  ] as const) {
    const startsAt = localInstant(first, '00:00');
    await ctx.database.db.insert(serviceRecords).values({
      memberId,
      kind: 'post_duty',
      sourceId: randomUUID(),
      communityId: a,
      title: '楼道值守',
      startsAt,
      endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
      minutes: hours * 60,
      day: first,
    });
  }
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('the member home: my service year', () => {
  it("shows the member's own hours, pace and points, the quarters of the year that have begun", async () => {
    const year = await expectOk<MyServiceYear>(await call('GET', '/api/member-service/me/year', { as: 'member01' }));
    const today = clock.today();
    expect(year.today).toBe(today);
    expect(year.year).toBe(Number(today.slice(0, 4)));
    expect(year.minutes).toBe(180);
    expect(year.requiredHoursPerYear).toBe(20);
    expect(year.reported).toBe(true);
    const current = quarterOfDay(today).quarter;
    expect(year.quarters.map((q) => q.begun)).toEqual([1, 2, 3, 4].map((q) => q <= current));
    // 3 h × 10 + 5 for a post duty (the default rules), in the current quarter only.
    expect(year.quarters[current - 1].points).toBe(35);
    expect(year.points).toBe(35);
    expect(year.atRisk).toBe(year.minutes < year.expectedMinutes);
  });

  it('is a Party member’s own page: staff and residents are refused', async () => {
    await expectError(await call('GET', '/api/member-service/me/year', { as: 'hangdong' }), 403, 'FORBIDDEN');
    await expectError(await call('GET', '/api/member-service/me/year', { as: 'resident01' }), 403, 'FORBIDDEN');
  });
});
