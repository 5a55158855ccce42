import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { adoptTestPairing } from '../../../../test/cobuild.js';
import { rowsOf } from '../../../core/bulk.js';
import { buildDemo, createRng, writeDemo, type DemoData } from '../../../seed/demo.js';
import { demoTime } from '../../../seed/demo-types.js';
import { type DemoServiceDayCounts, seedDemoServiceDays } from '../../../seed/cobuild-servicedays.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { serviceDayCheckins, serviceDays, serviceDaySignups } from './servicedays.schema.js';

/** Built for 2026-11-25: eight months of days held, December's scheduled. */
const time = demoTime('2026-11-25');
let ctx: TestContext;
let data: DemoData;
let counts: DemoServiceDayCounts;
let ms: number;
let pairs: { communityId: string; unitId: string }[];
beforeAll(async () => {
  ctx = await createTestContext({ world: false });
  data = buildDemo(createRng(), 'x', time);
  await writeDemo(ctx.database.db, data);
  // A round-robin adopted pairing: sign-ups must come from it (the nearest-units fallback is for a demo without one).
  const communities = data.organisations.filter((o) => o.kind === 'community');
  pairs = data.organisations
    .filter((o) => o.kind === 'unit')
    .map((u, i) => ({ communityId: communities[i % communities.length].id, unitId: u.id }));
  await adoptTestPairing(ctx.database.db, { year: 2026, pairs });
  const t0 = performance.now();
  counts = await seedDemoServiceDays(ctx.database.db, data, time);
  ms = performance.now() - t0;
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('the service-day demo', () => {
  it('holds days in all 11 communities covering 20+ kinds, quickly', async () => {
    expect(counts.days).toBeGreaterThanOrEqual(80);
    expect(counts.kinds).toBeGreaterThanOrEqual(20);
    const [{ communities }] = await rowsOf<{ communities: number }>(
      ctx.database.db,
      sql`select count(distinct community_id)::int as communities from service_days`,
    );
    expect(communities).toBe(11);
    expect(ms, `seeding took ${ms.toFixed(0)} ms`).toBeLessThan(1000);
    if (process.env.SERVICEDAYS_BENCH)
      console.info(`service-day demo: ${JSON.stringify(counts)} in ${ms.toFixed(0)} ms`);
  });

  it('has upcoming days, one cancelled day, and outcomes on every held day', async () => {
    const upcoming = await ctx.database.db.select().from(serviceDays).where(eq(serviceDays.status, 'scheduled'));
    expect(upcoming.length).toBe(11);
    expect(upcoming.every((d) => d.date >= '2026-12-01' && d.peopleServed === null)).toBe(true);
    const [cancelled] = await ctx.database.db.select().from(serviceDays).where(eq(serviceDays.status, 'cancelled'));
    expect(cancelled.cancelReason).toContain('暴雨');
    const [{ missing }] = await rowsOf<{ missing: number }>(
      ctx.database.db,
      sql`select count(*)::int as missing from service_days where status = 'held' and (people_served is null or summary is null)`,
    );
    expect(missing).toBe(0);
  });

  it('checks in only members of a unit that signed up, within the check-in window, once each', async () => {
    const stray = await ctx.database.db
      .select({ id: serviceDayCheckins.id })
      .from(serviceDayCheckins)
      .innerJoin(partyMembers, eq(partyMembers.id, serviceDayCheckins.memberId))
      .leftJoin(
        serviceDaySignups,
        and(eq(serviceDaySignups.dayId, serviceDayCheckins.dayId), eq(serviceDaySignups.unitId, partyMembers.unitId)),
      )
      .where(sql`${serviceDaySignups.id} is null`);
    expect(stray).toEqual([]);
    const [{ outside }] = await rowsOf<{ outside: number }>(
      ctx.database.db,
      sql`select count(*)::int as outside from service_day_checkins c
      join service_days d on d.id = c.day_id where c.checked_in_at < d.starts_at - interval '30 minutes' or c.checked_in_at > d.ends_at + interval '24 hours'`,
    );
    expect(outside).toBe(0);
    expect(counts.checkins).toBeGreaterThan(800);
  });

  it('signs up only units paired with the community in 2026', async () => {
    const paired = new Set(pairs.map((p) => `${p.communityId}/${p.unitId}`));
    const rows = await ctx.database.db
      .select({ communityId: serviceDays.communityId, unitId: serviceDaySignups.unitId })
      .from(serviceDaySignups)
      .innerJoin(serviceDays, eq(serviceDays.id, serviceDaySignups.dayId));
    expect(rows.length).toBe(counts.signups);
    expect(rows.filter((r) => !paired.has(`${r.communityId}/${r.unitId}`))).toEqual([]);
  });

  it("leaves 杭东's upcoming day open for unit01 to sign up", async () => {
    const hangdong = data.organisations.find((o) => o.name === '杭东社区')!;
    const u001 = data.organisations.find((o) => o.code === 'U001')!;
    const [day] = await ctx.database.db
      .select()
      .from(serviceDays)
      .where(and(eq(serviceDays.communityId, hangdong.id), eq(serviceDays.status, 'scheduled')));
    const signups = await ctx.database.db.select().from(serviceDaySignups).where(eq(serviceDaySignups.dayId, day.id));
    expect(signups.length).toBeGreaterThan(0);
    expect(signups.some((s) => s.unitId === u001.id)).toBe(false);
  });
});
