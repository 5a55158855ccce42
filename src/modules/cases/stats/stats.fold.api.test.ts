// Random data: the triggers keep the rollup through every kind of write, the pending rows fold without changing a
// count, and the result equals a rebuild. The data and its set-up: test/api-setup/cases-stats-random.ts.
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ctx, setupRandomStats } from '../../../../test/api-setup/cases-stats-random.js';
import { rowsOf } from '../../../core/bulk.js';
import { foldCaseStats } from './rollup.js';

setupRandomStats();

/** The nonzero rollup rows of `from` (case_stats alone, or summed with what waits in case_stats_pending), by key. */
const NONZERO_ROLLUP = (
  from: SQL,
) => sql`select kind, grain, to_char(bucket, 'YYYY-MM-DD') as bucket, community_id::text as community_id, whistle, dim,
  sum(raised)::int as raised, sum(resident_whistles)::int as resident_whistles, sum(community_whistles)::int as community_whistles,
  sum(resolved)::int as resolved, sum(rated)::int as rated, sum(satisfied)::int as satisfied, sum(basically_satisfied)::int as basically_satisfied,
  sum(dispatches_done)::int as dispatches_done, sum(response_due)::int as response_due, sum(responded_on_time)::int as responded_on_time,
  sum(resolution_due)::int as resolution_due, sum(resolved_of_due)::int as resolved_of_due, sum(resolved_on_time)::int as resolved_on_time
  from ${from}
  group by 1, 2, 3, 4, 5, 6
  having sum(raised) <> 0 or sum(resident_whistles) <> 0 or sum(community_whistles) <> 0 or sum(resolved) <> 0 or sum(rated) <> 0 or sum(satisfied) <> 0
    or sum(basically_satisfied) <> 0 or sum(dispatches_done) <> 0 or sum(response_due) <> 0 or sum(responded_on_time) <> 0 or sum(resolution_due) <> 0 or sum(resolved_of_due) <> 0 or sum(resolved_on_time) <> 0
  order by 1, 2, 3, 4, 5, 6`;

describe('the rollup on random data', () => {
  // On PostgreSQL the inserted cases' counts wait in case_stats_pending here (the updates and deletes have already gone
  // to case_stats); stats.random.api.test.ts reads the rollup in that state. PGlite writes them to case_stats at once
  // (lianjian.case_stats_direct).
  it('kept by the triggers through inserts, updates, merges, moves and deletes, folds without changing a count, and equals a rebuild from scratch', async () => {
    const db = ctx.database.db;
    const pendingRows = async () =>
      (await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from case_stats_pending`))[0].n;
    const direct = ctx.database.kind === 'pglite';
    expect((await pendingRows()) > 0).toBe(!direct);
    const summed = await rowsOf(
      db,
      NONZERO_ROLLUP(sql`(select * from case_stats union all select * from case_stats_pending) s`),
    );
    expect(summed.length).toBeGreaterThan(500);
    expect((await foldCaseStats({ db })) > 0).toBe(!direct);
    expect(await pendingRows()).toBe(0);
    const kept = await rowsOf(db, NONZERO_ROLLUP(sql`case_stats s`));
    expect(kept).toEqual(summed);
    expect(await foldCaseStats({ db })).toBe(0);
    await db.execute(sql`select case_stats_rebuild()`);
    expect(await rowsOf(db, NONZERO_ROLLUP(sql`case_stats s`))).toEqual(kept);
  });
});
