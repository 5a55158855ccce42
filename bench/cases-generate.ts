import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/core/bulk.js';
import { localInstant } from '../src/core/calendar.js';
import type { Db } from '../src/core/db.js';
import { seedDemo } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';

const CHUNK = 100_000;

/**
 * Bulk test cases in SQL (generate_series), over the grids, categories and units already in the database: `total`
 * cases spread evenly over `days` days up to 2026-11-24 18:00, a third whistled to one unit, most resolved and rated.
 * Numbered B1…; the case_stats rollup is left to one case_stats_rebuild() by the caller.
 */
export async function generateCases(
  db: Db,
  total: number,
  days: number,
  progress?: (done: number) => void,
): Promise<void> {
  const end = localInstant('2026-11-24', '18:00').getTime();
  const start = end - days * 86_400_000;
  const at = (x: number) => start + (x - 1) * ((end - start) / total);
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await db.transaction(async (tx) => {
      // Bulk load: one rollup pass at the end instead of the triggers' (same result).
      await tx.execute(sql`select set_config('lianjian.case_stats_deferred', 'on', true)`);
      await tx.execute(sql`
        with g as (select array_agg(id order by code) as ids, array_agg(community_id order by code) as communities, count(*)::int as n from grids where level = 4),
             k as (select array_agg(code order by code) as codes, array_agg(priority::text order by code) as priorities, count(*)::int as n from case_categories where parent_code is not null),
             r as (select x, hashint4(x) & 2147483647 as h1, hashint4(x + 7777777) & 2147483647 as h2, hashint4(x + 3333333) & 2147483647 as h3,
                     to_timestamp((${start}::float8 + (x - 1)::float8 * ${(end - start) / total}) / 1000) as at
                   from generate_series(${from}::int, ${to}::int) as x)
        insert into cases (number, channel, title, description, category_code, priority, status, grid_id, community_id, whistle,
          reported_at, acknowledged_at, resolved_at, response_due_at, resolution_due_at, satisfaction, rated_at)
        select 'B' || r.x,
          (array['hall', 'street_point', 'door_visit', 'snap', 'online', 'community_whistle'])[r.h3 % 6 + 1]::case_channel,
          '测试', '批量生成的测试事项', k.codes[r.h2 % k.n + 1], k.priorities[r.h2 % k.n + 1]::case_priority,
          (case when r.h3 % 50 = 0 then 'rejected' when r.h2 % 100 < 85 then 'rated' else 'in_progress' end)::case_status,
          g.ids[r.h1 % g.n + 1], g.communities[r.h1 % g.n + 1],
          (case when r.h3 % 6 = 5 then 'community' when (r.h3 / 6) % 10 < 3 then 'resident' end)::whistle_kind,
          r.at, r.at + ((r.h1 / 7) % 30) * interval '1 hour',
          case when r.h2 % 100 < 85 then r.at + ((r.h2 / 13) % 12) * interval '1 day' + interval '3 hours' end,
          r.at + interval '24 hours', r.at + interval '7 days',
          (case when r.h2 % 100 < 85 and r.h1 % 10 < 8 then (array['satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'])[(r.h1 / 10) % 5 + 1] end)::satisfaction,
          case when r.h2 % 100 < 85 and r.h1 % 10 < 8 then r.at + ((r.h2 / 13) % 12) * interval '1 day' + interval '1 day' end
        from r, g, k`);
      await tx.execute(sql`
        with u as (select array_agg(id order by code) as ids, count(*)::int as n from organisations where kind = 'unit')
        insert into case_dispatches (case_id, unit_id, status, dispatched_at, response_due_at, acknowledged_at, done_at)
        select c.id, u.ids[(hashint4(substr(c.number, 2)::int) & 2147483647) % u.n + 1],
          case when c.resolved_at is null then 'acknowledged' else 'done' end::dispatch_status,
          c.reported_at + interval '1 hour', c.reported_at + interval '25 hours', c.acknowledged_at, c.resolved_at
        from cases c, u
        where c.reported_at >= ${new Date(at(from) - 1000).toISOString()}::timestamptz and c.reported_at <= ${new Date(at(to) + 1000).toISOString()}::timestamptz
          and c.whistle is not null and c.number like 'B%' and substr(c.number, 2)::int between ${from} and ${to}`);
    });
    progress?.(to);
  }
}

/**
 * The demo plus `total` generated cases over `days` (generateCases), the case_stats rollup built once, and a line
 * saying what was made (`label` names the database).
 */
export async function seedDemoWithCases(db: Db, total: number, days: number, label: string): Promise<void> {
  await seedReferenceData({ db });
  await seedDemo({ db });
  const t0 = performance.now();
  await generateCases(db, total, days, (n) =>
    process.stdout.write(
      `\rgenerated ${n.toLocaleString('en')} cases (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    ),
  );
  const tRollup = performance.now();
  await db.execute(sql`select case_stats_rebuild()`);
  await db.execute(sql`analyze`);
  const [counts] = await rowsOf<{ cases: number; dispatches: number; rollup: number; in2026: number }>(
    db,
    sql`
    select (select count(*)::int from cases) as cases, (select count(*)::int from case_dispatches) as dispatches,
           (select count(*)::int from case_stats) as rollup,
           (select count(*)::int from cases where reported_at >= '2026-01-01T00:00:00+08:00' and reported_at < '2027-01-01T00:00:00+08:00') as in2026`,
  );
  console.log(
    `\n${label}: ${counts.cases.toLocaleString('en')} cases (${counts.in2026.toLocaleString('en')} reported in 2026), ${counts.dispatches.toLocaleString('en')} dispatches; generated in ${((tRollup - t0) / 1000).toFixed(1)} s; rollup (${counts.rollup.toLocaleString('en')} rows) built in ${((performance.now() - tRollup) / 1000).toFixed(1)} s`,
  );
}
