import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { api, expectError, expectOk } from '../../../../test/http.js';
import { localInstant } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import { recordService } from '../../ledger/ledger.service.js';
import { notifications } from '../../notifications/notifications.schema.js';
import type { AtRiskList, RemindResult } from './pace.contracts.js';
import { expectedMinutesBy, isAtRisk } from './pace.rules.js';
import { remindAtRiskMonthly } from './pace.service.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
const today = clock.today();
const year = clock.year();
/** Whether anybody can be behind today (on 1 January nothing is expected yet). */
const behindPossible = expectedMinutesBy(today, 20) > 0;

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  const { db } = ctx.database;
  const w = ctx.world;
  // member1: ten hours in the first days of the year (on pace until late June), and 25 hours last year.
  const write = (memberId: string, day: string, from: string, to: string) =>
    db.transaction((tx) =>
      recordService(tx, null, {
        memberId,
        kind: 'post_duty',
        sourceId: crypto.randomUUID(),
        communityId: w.communityA.id,
        title: '楼道值守',
        startsAt: localInstant(day, from),
        endsAt: localInstant(day, to),
      }),
    );
  await write(w.members.member1.id, `${year}-01-01`, '08:00', '18:00');
  await write(w.members.member1.id, `${year - 1}-03-01`, '00:00', '23:00');
  await write(w.members.member1.id, `${year - 1}-03-02`, '08:00', '10:00');
  // member2: three hours last year, nothing this year.
  await write(w.members.member2.id, `${year - 1}-05-01`, '08:00', '11:00');
});
afterAll(async () => {
  await ctx?.close();
});

const list = async (as: string, query = 'all=true') =>
  expectOk<AtRiskList>(await call('GET', `/api/member-service/at-risk?${query}`, { as }));

describe('the pace list', () => {
  it("shows each member's hours against the share of the year gone, and last year's shortfall", async () => {
    const page = await list('admin', 'all=true&sort=memberName');
    const expected = expectedMinutesBy(today, 20);
    expect(page).toMatchObject({ day: today, year, requiredMinutes: 1200, expectedMinutes: expected, members: 2 });
    const [m2, m1] = [
      page.items.find((r) => r.memberName === '赵党员')!,
      page.items.find((r) => r.memberName === '张党员')!,
    ];
    expect(m1).toMatchObject({
      minutes: today >= `${year}-01-01` ? 600 : 0,
      lastYearMinutes: 1500,
      lastYearShortfallMinutes: 0,
    });
    expect(m2).toMatchObject({
      minutes: 0,
      lastYearMinutes: 180,
      lastYearShortfallMinutes: 1020,
      unitName: '县卫健局党组',
    });
    expect(m2.atRisk).toBe(behindPossible);
    expect(m2.shortfallMinutes).toBe(expected);
    expect(page.missedLastYear).toBe(1);
    expect(page.atRisk).toBe(page.items.filter((r) => r.atRisk).length);
  });

  it('lists only those behind by default, the furthest behind first', async () => {
    const page = await list('admin', '');
    expect(page.items.every((r) => r.atRisk)).toBe(true);
    if (behindPossible) expect(page.items.map((r) => r.memberName)).toContain('赵党员');
    else expect(page.items).toEqual([]);
    for (let i = 1; i < page.items.length; i++)
      expect(page.items[i - 1].shortfallMinutes).toBeGreaterThanOrEqual(page.items[i].shortfallMinutes);
  });

  it('keeps each to their scope: a unit its members, a community its residents; members and residents none', async () => {
    expect((await list('unit01')).items.map((r) => r.memberName)).toEqual(['张党员']);
    expect((await list('unit02')).items.map((r) => r.memberName)).toEqual(['赵党员']);
    expect((await list('hangdong')).items.map((r) => r.memberName)).toEqual(['张党员']);
    expect((await list('grid01')).items.map((r) => r.memberName)).toEqual(['张党员']);
    expect((await list('admin', `all=true&unitId=${ctx.world.unit2.id}`)).members).toBe(1);
    expectError(await call('GET', '/api/member-service/at-risk', { as: 'member01' }), 403, 'FORBIDDEN');
    expectError(await call('GET', '/api/member-service/at-risk', { as: 'resident01' }), 403, 'FORBIDDEN');
  });

  it('exports the list to Excel', async () => {
    const res = await call('GET', '/api/member-service/at-risk/export.xlsx?all=true', { as: 'unit02' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-export-rows']).toBe('1');
  });
});

describe('reminders', () => {
  async function remindersOf(username: string) {
    const user = ctx.world.users[username];
    return ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), eq(notifications.kind, 'service_pace')));
  }

  it('staff remind those behind in their scope, once a month', async () => {
    const m1Behind = isAtRisk(today >= `${year}-01-01` ? 600 : 0, today, 20);
    expectError(await call('POST', '/api/member-service/at-risk/remind', { as: 'unit02', body: {} }), 403, 'FORBIDDEN');
    const first = expectOk<RemindResult>(
      await call('POST', '/api/member-service/at-risk/remind', { as: 'sanfeng', body: {} }),
    );
    const m2 = behindPossible ? 1 : 0;
    expect(first).toEqual({ atRisk: m2, reminded: m2, alreadyReminded: 0, noLogin: 0 });
    const county = expectOk<RemindResult>(
      await call('POST', '/api/member-service/at-risk/remind', { as: 'admin', body: {} }),
    );
    expect(county).toMatchObject({ reminded: m1Behind ? 1 : 0, alreadyReminded: m2 });
    const again = expectOk<RemindResult>(
      await call('POST', '/api/member-service/at-risk/remind', { as: 'admin', body: {} }),
    );
    expect(again.reminded).toBe(0);
    expect(await remindersOf('member02')).toHaveLength(m2);
    expect(await remindersOf('member01')).toHaveLength(m1Behind ? 1 : 0);
    if (behindPossible) expect((await list('sanfeng')).items[0].remindedThisMonth).toBe(true);
  });

  it('the monthly job reminds, at the start of a month, those behind the share of the months gone; January nobody', async () => {
    const { db } = ctx.database;
    // 1 June: 151 days gone, 496 minutes expected: member2 (0) is behind, member1 (600) is not.
    const june = await remindAtRiskMonthly({ db, today: `${year}-06-15` });
    expect(june).toEqual({ atRisk: 1, reminded: 1, alreadyReminded: 0, noLogin: 0 });
    expect(await remindAtRiskMonthly({ db, today: `${year}-06-28` })).toMatchObject({
      reminded: 0,
      alreadyReminded: 1,
    });
    // 1 November: 304 days gone (305 in a leap year), about 1,000 minutes expected: both behind; member2 reminded already in June, not in November.
    expect(await remindAtRiskMonthly({ db, today: `${year}-11-02` })).toMatchObject({ atRisk: 2, reminded: 2 });
    expect(await remindAtRiskMonthly({ db, today: `${year + 1}-01-09` })).toMatchObject({ atRisk: 0, reminded: 0 });
    const november = (await remindersOf('member01')).filter((n) => n.entityId?.endsWith(`:${year}-11`));
    const expected = (expectedMinutesBy(`${year}-11-01`, 20) / 60).toFixed(1);
    expect(november.map((n) => n.title)).toEqual([
      `服务时长提醒：今年已服务 10.0 小时，按进度应达 ${expected} 小时（全年 20 小时）`,
    ]);
  });
});
