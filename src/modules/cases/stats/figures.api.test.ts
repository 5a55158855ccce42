// The article's figures: each equals the case list it links to (figures.rules.ts), on random data, for every role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import {
  actorFor,
  type CaseInsert,
  caseRow,
  type DispatchInsert,
  insertCases,
  query,
} from '../../../../test/cases-stats.js';
import { api, expectOk, type Page } from '../../../../test/http.js';
import { addDays as addLocalDays, localInstant } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import { createRng, type Rng } from '../../../seed/rng.js';
import type { CaseSummary } from '../cases.contracts.js';
import { CASE_CHANNELS } from '../cases.enums.js';
import { ARTICLE_FIGURE_KEYS, figureListQuery } from './figures.rules.js';
import type { CaseStats } from './stats.contracts.js';
import { caseStats } from './stats.js';

const DAY = 86_400_000;
const now = clock.now();
const today = clock.today();
const ago = (rng: Rng, maxDays: number) => new Date(now.getTime() - Math.floor(rng.next() * maxDays * DAY));
const after = (rng: Rng, from: Date, maxDays: number) =>
  new Date(from.getTime() + Math.floor(rng.next() * maxDays * DAY));

/** Cases over the last 200 days in every channel and state, some whistled to one or both units, a few merged. */
function randomCases(rng: Rng, ctx: TestContext, n: number): { rows: CaseInsert[]; dispatches: DispatchInsert[] } {
  const w = ctx.world;
  const places = [w.grids.gA111, w.grids.gA2, w.grids.gB1].map((g) => ({ gridId: g.id, communityId: g.communityId }));
  const rows: CaseInsert[] = [];
  const dispatches: DispatchInsert[] = [];
  for (let i = 0; i < n; i++) {
    const channel = rng.pick(CASE_CHANNELS);
    const whistled = channel === 'community_whistle' || rng.chance(0.35);
    const reportedAt = ago(rng, 200);
    const responseDueAt = after(rng, reportedAt, 3);
    const resolvedAt = rng.chance(0.7) ? after(rng, reportedAt, 30) : null;
    const satisfaction =
      resolvedAt && rng.chance(0.7) ? rng.pick(['satisfied', 'basically_satisfied', 'unsatisfied'] as const) : null;
    const row = caseRow({
      ...rng.pick(places),
      channel,
      reportedAt,
      whistle: whistled ? (channel === 'community_whistle' ? 'community' : 'resident') : null,
      status: rng.chance(0.08) ? 'rejected' : resolvedAt ? 'resolved' : 'accepted',
      responseDueAt,
      resolutionDueAt: after(rng, responseDueAt, 20),
      acknowledgedAt: rng.chance(0.8) ? after(rng, reportedAt, 2) : null,
      resolvedAt,
      satisfaction,
      ratedAt: satisfaction && resolvedAt ? after(rng, resolvedAt, 5) : null,
      reporterUserId: rng.chance(0.1) ? w.users.resident01.id : null,
      mergedIntoId: rows.length && rng.chance(0.04) ? rng.pick(rows).id : null,
    });
    rows.push(row);
    if (!whistled) continue;
    for (const unitId of rng.shuffle([w.unit1.id, w.unit2.id]).slice(0, rng.int(1, 2)))
      dispatches.push({
        caseId: row.id as string,
        unitId,
        dispatchedAt: reportedAt,
        responseDueAt,
        doneAt: rng.chance(0.6) ? after(rng, reportedAt, 20) : null,
      });
  }
  return { rows, dispatches };
}

describe("the article's figures", () => {
  let ctx: TestContext;
  let dispatches: DispatchInsert[];
  const call = (url: string, as: string) => api(ctx)('GET', url, { as });

  beforeAll(async () => {
    ctx = await createTestContext();
    const generated = randomCases(createRng(2611), ctx, 400);
    dispatches = generated.dispatches;
    await insertCases(ctx.database.db, generated.rows, generated.dispatches);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** Every case of a list, page by page. */
  async function listAll(qs: URLSearchParams, as: string): Promise<CaseSummary[]> {
    const out: CaseSummary[] = [];
    for (let page = 1; ; page++) {
      qs.set('page', String(page));
      qs.set('pageSize', '200');
      const p = expectOk<Page<CaseSummary>>(await call(`/api/cases?${qs}`, as));
      out.push(...p.items);
      if (out.length >= p.total) return out;
    }
  }

  const periods = [
    { from: addLocalDays(today, -180), to: today },
    { from: addLocalDays(today, -90), to: addLocalDays(today, -31) },
  ];

  it('each figure counts exactly the cases its link lists, for every role that sees statistics', async () => {
    const w = ctx.world;
    for (const as of ['admin', 'hangdong', 'grid01', 'unit01']) {
      for (const period of periods) {
        const stats = expectOk<CaseStats>(await call(`/api/cases/stats?from=${period.from}&to=${period.to}`, as));
        for (const key of ARTICLE_FIGURE_KEYS) {
          const listed = await listAll(new URLSearchParams(figureListQuery(key, period)), as);
          const label = `${as} ${key} ${period.from}…${period.to}`;
          if (key !== 'whistleSolved') {
            expect(listed.length, label).toBe(stats.figures[key].count);
            continue;
          }
          // Dispatches, not cases: the listed cases hold exactly the completed dispatches counted (a unit sees its own).
          const ids = new Set(listed.map((c) => c.id));
          const lens = as === 'unit01' ? w.unit1.id : null;
          const start = localInstant(period.from).getTime();
          const end = Math.min(
            localInstant(addLocalDays(period.to, 1)).getTime(),
            localInstant(addLocalDays(today, 1)).getTime(),
          );
          const done = dispatches.filter(
            (d) =>
              ids.has(d.caseId) &&
              d.doneAt &&
              d.doneAt.getTime() >= start &&
              d.doneAt.getTime() < end &&
              (!lens || d.unitId === lens),
          );
          expect(done.length, label).toBe(stats.figures.whistleSolved.count);
          expect(new Set(done.map((d) => d.caseId)).size, label).toBe(listed.length);
        }
      }
    }
    const admin = expectOk<CaseStats>(
      await call(`/api/cases/stats?from=${periods[0].from}&to=${periods[0].to}`, 'admin'),
    );
    expect(admin.figures.voiceRaised.count).toBeGreaterThan(100);
    expect(admin.figures.whistleSolved.count).toBeGreaterThan(20);
    expect(admin.figures.whistleResponseRate.target).toBe(1);
  });

  it('the figures are the ordinary statistics of whistled cases and residents channels, by the rollup and the direct path alike', async () => {
    const db = ctx.database.db;
    for (const username of ['admin', 'hangdong', 'grid01', 'unit01']) {
      const actor = await actorFor(db, username);
      const q = query({ from: periods[0].from, to: periods[0].to });
      const fast = await caseStats({ db, actor, query: q });
      const direct = await caseStats({ db, actor, query: q, mode: 'direct' });
      expect(fast.figures, username).toEqual(direct.figures);
      const whistled = await caseStats({ db, actor, query: query({ ...periods[0], whistle: 'any' }) });
      expect(fast.figures.whistleResponseRate.rate).toBe(whistled.totals.responseRate);
      expect(fast.figures.whistleResolutionRate.rate).toBe(whistled.totals.resolutionRate);
      expect(fast.figures.whistleSatisfactionRate.rate).toBe(whistled.totals.satisfactionRate);
      expect(fast.figures.whistleSolved.count).toBe(whistled.totals.dispatchesDone);
      expect(fast.figures.residentWhistles.count).toBe(fast.totals.residentWhistles);
      expect(fast.figures.communityWhistles.count).toBe(fast.totals.communityWhistles);
      // 居民说事 is the hall, the street points and the door visits, not 随手拍, online, Open311 or a community whistle.
      const byChannel = await caseStats({ db, actor, query: query({ ...periods[0], groupBy: 'channel' }) });
      const voice = byChannel.groups.filter((g) => ['hall', 'street_point', 'door_visit'].includes(g.key));
      expect(fast.figures.voiceRaised.count).toBe(voice.reduce((n, g) => n + g.raised, 0));
      expect(byChannel.groups.filter((g) => g.key === 'snap' || g.key === 'online').length, username).toBeGreaterThan(
        0,
      );
    }
  });

  it('the list refuses a bad counted filter with a 400', async () => {
    for (const qs of [
      'counted=opened',
      'counted=reported&countedFrom=2026-02-30',
      'counted=reported&countedFrom=2026-05-01&countedTo=2026-04-01',
      'whistle=some',
    ]) {
      const res = await call(`/api/cases?${qs}`, 'admin');
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
