import { and, count, eq, gt, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRollback, openDemoWorld } from '../../test/demo-world.js';
import { localInstant } from '../core/calendar.js';
import type { Database } from '../core/db.js';
import { serviceRecords } from '../modules/ledger/ledger.schema.js';
import { expectedMinutesBy } from '../modules/members/pace/pace.rules.js';
import { postActivities, postActivitySignups } from '../modules/members/posts/posts.schema.js';
import { memberRatings } from '../modules/members/ratings/ratings.schema.js';
import type { DemoData } from './demo.js';
import { demoTime } from './demo-types.js';
import { seedDemoActivities } from './memberservice-activities.js';
import { seedDemoPosts } from './memberservice-posts.js';
import { seedDemoRatings } from './memberservice-ratings.js';
import { seedDemoReports } from './memberservice-reports.js';

/**
 * The member-service demo for the day of the first start: post activities over the ledger the ratings need (from 1
 * January of the earliest rated quarter's year), the article's 850+ this year late in the year, ledger rows that never
 * overlap and never lie after yesterday, a few no-shows, some members far behind, member01 signed up today; then
 * four quarters of ratings computed from that ledger — the three that ended last confirmed, the current one open.
 */
const DAYS = {
  '2026-12-07': { rated: ['2026-1', '2026-2', '2026-3'], open: '2026-4', from: '2026-01-01' },
  '2027-01-01': { rated: ['2026-2', '2026-3', '2026-4'], open: '2027-1', from: '2026-01-01' },
  '2028-02-29': { rated: ['2027-2', '2027-3', '2027-4'], open: '2028-1', from: '2027-01-01' },
} as const;

let database: Database;
let data: DemoData;

beforeAll(async () => {
  ({ database, data } = await openDemoWorld());
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe.each(Object.entries(DAYS))('the member-service demo first started on %s', (today, expected) => {
  const time = demoTime(today);
  const member01 = () =>
    data.partyMembers.find((m) => m.personId === data.users.find((u) => u.username === 'member01')?.personId)
      ?.id as string;
  type Facts = Awaited<ReturnType<typeof seedAndRead>>;
  let facts: Facts;

  async function seedAndRead(tx: Database['db']) {
    await seedDemoReports(tx, data, time);
    await seedDemoPosts(tx, data, time);
    await seedDemoActivities(tx, data, time);
    await seedDemoRatings(tx, data, time);
    const byMonth = rowsOf<{ month: string; n: number; named: number }>(
      await tx.execute(sql`select to_char(${postActivities.startsAt} at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
        count(*)::int as n, count(${postActivities.openingId})::int as named from ${postActivities}
        where ${postActivities.endsAt} < ${localInstant(today)} group by 1 order by 1`),
    );
    const overlaps = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from ${serviceRecords} a
        join ${serviceRecords} b on a.member_id = b.member_id and a.id < b.id
        and a.starts_at < b.ends_at and b.starts_at < a.ends_at`),
    )[0].n;
    const [late] = await tx.select({ n: count() }).from(serviceRecords).where(gt(serviceRecords.endsAt, time.now));
    const [noShows] = await tx
      .select({ n: count() })
      .from(postActivitySignups)
      .where(eq(postActivitySignups.noShow, true));
    const todays = await tx
      .select({ id: postActivities.id })
      .from(postActivitySignups)
      .innerJoin(postActivities, eq(postActivities.id, postActivitySignups.activityId))
      .where(and(eq(postActivitySignups.memberId, member01()), gte(postActivities.startsAt, localInstant(today))));
    const hours = rowsOf<{ minutes: number; thisYear: number }>(
      await tx.execute(sql`select sum(minutes)::int as minutes,
        coalesce(sum(minutes) filter (where day >= ${`${time.year}-01-01`}::date), 0)::int as "thisYear"
        from ${serviceRecords} group by member_id`),
    );
    const ratings = await tx.select().from(memberRatings);
    return { byMonth, overlaps, late: late.n, noShows: noShows.n, todays, hours, ratings };
  }

  beforeAll(async () => {
    facts = await inRollback(database, seedAndRead);
  }, 180_000);

  it('has post activities every month from 1 January of the earliest rated quarter, 850+ this year by December', () => {
    const months = facts.byMonth.map((m) => m.month);
    expect(months[0]).toBe(expected.from.slice(0, 7));
    expect(months[months.length - 1]).toBe(time.lastDay.slice(0, 7));
    // Every whole month busy (about 100 a month); an earlier year's activities name no opening (this year's plan).
    for (const m of facts.byMonth.slice(0, -1)) expect(m.n, m.month).toBeGreaterThan(60);
    for (const m of facts.byMonth) expect(m.named, m.month).toBe(m.month.startsWith(String(time.year)) ? m.n : 0);
    const thisYear = facts.byMonth.filter((m) => m.month.startsWith(String(time.year))).reduce((a, m) => a + m.n, 0);
    if (today >= `${time.year}-11-01`) expect(thisYear).toBeGreaterThanOrEqual(850);
  });

  it('writes ledger rows that never overlap nor lie after yesterday, a few no-shows, member01 signed up today', () => {
    expect(facts.overlaps).toBe(0);
    expect(facts.late).toBe(0);
    expect(facts.noShows).toBeGreaterThan(50);
    expect(facts.todays.length).toBe(2);
    const minutes = facts.hours.map((h) => h.minutes).sort((a, b) => a - b);
    // A spread: the lowest few far below the median (the at-risk list), the median above the 20-hour pace.
    expect(minutes[Math.floor(minutes.length * 0.05)]).toBeLessThan(minutes[Math.floor(minutes.length / 2)] / 3);
    // This year's at-risk list has names and is not everyone (none on 1 January: nothing is expected yet).
    const due = expectedMinutesBy(today, 20);
    const behind = (1762 - facts.hours.length + facts.hours.filter((h) => h.thisYear < due).length) / 1762;
    if (due > 0) expect(behind).toBeGreaterThan(0.05);
    expect(behind).toBeLessThan(due > 6 * 60 ? 0.35 : 0.5);
  });

  it('rates the three quarters that ended last, confirmed, and leaves the current one open', () => {
    const key = (r: { year: number; quarter: number }) => `${r.year}-${r.quarter}`;
    const quarters = [...new Set(facts.ratings.map(key))].sort();
    expect(quarters).toEqual([...expected.rated, expected.open]);
    for (const q of quarters) {
      const rows = facts.ratings.filter((r) => key(r) === q);
      expect(rows, q).toHaveLength(1762);
      const state = q === expected.open ? 'suggested' : 'confirmed';
      expect(new Set(rows.map((r) => r.state)), q).toEqual(new Set([state]));
      for (const r of rows) expect(r.createdAt <= time.now && (r.confirmedAt ?? time.now) <= time.now).toBe(true);
      if (state === 'suggested') continue;
      // A realistic spread: every grade given, most at least 合格, some 不合格, most members reported then.
      const share = (g: string) => rows.filter((r) => r.grade === g).length / rows.length;
      for (const g of ['excellent', 'qualified', 'basic', 'unqualified'])
        expect(share(g), `${q} ${g}`).toBeGreaterThan(0);
      expect(share('excellent') + share('qualified'), q).toBeGreaterThan(0.35);
      expect(share('unqualified'), q).toBeLessThan(0.25);
      expect(rows.filter((r) => r.reported).length / rows.length, q).toBeGreaterThan(0.8);
    }
    const own = facts.ratings.filter((r) => r.memberId === member01() && r.state === 'confirmed');
    expect(own).toHaveLength(3);
    expect(own.filter((r) => r.appealState === 'pending')).toHaveLength(1);
    expect(facts.ratings.filter((r) => r.appealState === 'upheld')).toHaveLength(1);
  });
});
