import { count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { auditLog } from '../../../core/audit.schema.js';
import { rowsOf } from '../../../core/bulk.js';
import type { CaseSummary } from '../cases.contracts.js';
import type { CaseStats } from '../stats/stats.contracts.js';
import { foldCaseStats } from '../stats/rollup.js';
import { caseEvents, cases } from '../cases.schema.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

async function report(i: number, key?: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: await ctx.cookieFor('hangdong'), ...(key ? { 'idempotency-key': key } : {}) },
    payload: {
      channel: 'hall',
      description: `来访居民反映第${i}处路灯不亮`,
      categoryCode: 'facilities.streetlight',
      lng: 117.331 + (i % 10) * 0.0002,
      lat: 27.541,
      reporterName: `居民${i}`,
    },
  });
}

describe('intake under concurrent reports (group commit)', () => {
  it('writes each of many simultaneous reports once, with its own number, event and audit row', async () => {
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => report(i)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(24).fill(201));
    const made = answers.map((a) => a.json<CaseSummary>());
    expect(new Set(made.map((c) => c.id)).size).toBe(24);
    expect(new Set(made.map((c) => c.number)).size).toBe(24);
    expect(made.map((c) => c.reporterName)).toEqual(Array.from({ length: 24 }, (_, i) => `居民${i}`));
    expect(made.every((c) => c.status === 'reported' && c.communityName === '杭东社区')).toBe(true);
    const ids = made.map((c) => c.id);
    const [{ n: events }] = await ctx.database.db
      .select({ n: count() })
      .from(caseEvents)
      .where(inArray(caseEvents.caseId, ids));
    const [{ n: audits }] = await ctx.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(inArray(auditLog.entityId, ids));
    expect([events, audits]).toEqual([24, 24]);
    const stored = await ctx.database.db
      .select({ id: cases.id, reporterName: cases.reporterName })
      .from(cases)
      .where(inArray(cases.id, ids));
    expect(new Map(stored.map((s) => [s.id, s.reporterName]))).toEqual(
      new Map(made.map((c) => [c.id, c.reporterName])),
    );
  });

  it('a retry in the same batch as its first try gets the first answer, and one bad report fails alone', async () => {
    const [first, retry, ...others] = await Promise.all([
      report(100, 'desk-7'),
      report(100, 'desk-7'),
      report(101),
      report(102),
      ctx.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: await ctx.cookieFor('hangdong') },
        payload: {
          channel: 'hall',
          description: '位置在县外',
          categoryCode: 'facilities.streetlight',
          lng: 116.4,
          lat: 39.9,
          reporterName: '外地',
        },
      }),
    ]);
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.json<CaseSummary>().id).toBe(first.json<CaseSummary>().id);
    expect([first.headers['idempotent-replayed'], retry.headers['idempotent-replayed']].filter(Boolean)).toEqual([
      'true',
    ]);
    expect(others.map((o) => o.statusCode)).toEqual([201, 201, 400]);
    const [{ n }] = await ctx.database.db.select({ n: count() }).from(cases).where(eq(cases.reporterName, '居民100'));
    expect(n).toBe(1);
  });
});

describe('the statistics of new cases (case_stats_pending, folded in)', () => {
  const stats = async () =>
    (
      await ctx.app.inject({
        method: 'GET',
        url: '/api/cases/stats?from=2024-01-01&to=2028-12-31&groupBy=category',
        headers: { cookie: await ctx.cookieFor('admin') },
      })
    ).json<CaseStats>();
  const rollupRows = sql`select kind, grain, bucket::text, community_id::text, whistle, dim, raised, response_due, resolution_due
    from case_stats where raised <> 0 or response_due <> 0 or resolution_due <> 0 order by 1, 2, 3, 4, 5, 6`;

  it('count at once, stay the same while reports and folds run side by side, and the folded rollup equals a rebuild', async () => {
    const db = ctx.database.db;
    await foldCaseStats({ db });
    const before = await stats();
    const answers = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => report(200 + i)),
      foldCaseStats({ db }),
      foldCaseStats({ db }),
    ]);
    expect(answers.slice(0, 30).map((a) => (a as { statusCode: number }).statusCode)).toEqual(Array(30).fill(201));
    const during = await stats();
    expect(during.totals.raised).toBe(before.totals.raised + 30);
    expect(during.source).toBe('rollup');
    await Promise.all([foldCaseStats({ db }), foldCaseStats({ db })]);
    const [{ n: pending }] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from case_stats_pending`);
    expect(pending).toBe(0);
    expect({ ...(await stats()), asOf: during.asOf }).toEqual(during);
    const folded = await rowsOf(db, rollupRows);
    await db.execute(sql`select case_stats_rebuild()`);
    expect(await rowsOf(db, rollupRows)).toEqual(folded);
  });
});
