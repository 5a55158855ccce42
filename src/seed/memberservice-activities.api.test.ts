import { and, count, eq, gt, gte, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/app.js';
import { localInstant } from '../core/calendar.js';
import type { Database } from '../core/db.js';
import { serviceRecords } from '../modules/ledger/ledger.schema.js';
import { postActivities, postActivitySignups } from '../modules/members/posts/posts.schema.js';
import { buildDemo, createRng, type DemoData, writeDemo } from './demo.js';
import { demoTime } from './demo-types.js';
import { seedDemoActivities } from './memberservice-activities.js';
import { seedDemoPosts } from './memberservice-posts.js';
import { seedDemoReports } from './memberservice-reports.js';

/**
 * The post activities' demo for the day of the first start: the article's 850+ activities this year, ledger rows that
 * never overlap and never lie after yesterday, a few no-shows, some members far behind, member01 signed up today.
 */
const DAYS = ['2026-12-07', '2028-02-29', '2027-01-01'];

let database: Database;
let data: DemoData;

beforeAll(async () => {
  database = await openTestDatabase();
  data = buildDemo(createRng(), 'x', demoTime('2026-01-01'));
  await writeDemo(database.db, data);
}, 60_000);
afterAll(async () => {
  await database?.close();
});

class Rollback extends Error {}

async function inRollback<T>(work: (tx: Database['db']) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await database.db
    .transaction(async (tx) => {
      out = await work(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out as T;
}

describe.each(DAYS)('the post activities of a demo first started on %s', (today) => {
  const time = demoTime(today);
  it('has 850+ past activities, their ledger rows, no-shows and member01 signed up today', async () => {
    const member01 = data.partyMembers.find(
      (m) => m.personId === data.users.find((u) => u.username === 'member01')?.personId,
    )?.id as string;
    const facts = await inRollback(async (tx) => {
      await seedDemoReports(tx, data, time);
      await seedDemoPosts(tx, data, time);
      await seedDemoActivities(tx, data, time);
      const [past] = await tx
        .select({ n: count() })
        .from(postActivities)
        .where(lt(postActivities.endsAt, localInstant(today)));
      const overlapRows = await tx.execute(sql`select count(*)::int as n from ${serviceRecords} a
        join ${serviceRecords} b on a.member_id = b.member_id and a.id < b.id
        and a.starts_at < b.ends_at and b.starts_at < a.ends_at`);
      const overlaps = (overlapRows as unknown as { rows: { n: number }[] }).rows[0];
      const [late] = await tx.select({ n: count() }).from(serviceRecords).where(gt(serviceRecords.endsAt, time.now));
      const [noShows] = await tx
        .select({ n: count() })
        .from(postActivitySignups)
        .where(eq(postActivitySignups.noShow, true));
      const todays = await tx
        .select({ id: postActivities.id })
        .from(postActivitySignups)
        .innerJoin(postActivities, eq(postActivities.id, postActivitySignups.activityId))
        .where(and(eq(postActivitySignups.memberId, member01), gte(postActivities.startsAt, localInstant(today))));
      const hours = await tx
        .select({ memberId: serviceRecords.memberId, minutes: sql<number>`sum(${serviceRecords.minutes})::int` })
        .from(serviceRecords)
        .groupBy(serviceRecords.memberId);
      return { past: past.n, overlaps: overlaps.n, late: late.n, noShows: noShows.n, todays, hours };
    });
    expect(facts.past).toBeGreaterThanOrEqual(850);
    expect(facts.overlaps).toBe(0);
    expect(facts.late).toBe(0);
    expect(facts.noShows).toBeGreaterThan(50);
    expect(facts.todays.length).toBe(2);
    const minutes = facts.hours.map((h) => h.minutes).sort((a, b) => a - b);
    // A spread: the lowest few far below the median (the at-risk list), the median near the pace.
    expect(minutes[Math.floor(minutes.length * 0.05)]).toBeLessThan(minutes[Math.floor(minutes.length / 2)] / 3);
  }, 120_000);
});
