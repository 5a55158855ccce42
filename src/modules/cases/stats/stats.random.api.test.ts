// Random data: the rollup path, the direct path and a plain TypeScript recomputation agree. The data and its set-up:
// test/api-setup/cases-stats-random.ts (stats.fold.api.test.ts checks the triggers and the fold on the same data).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actors,
  ctx,
  data,
  setupRandomStats,
  world,
  type World,
} from '../../../../test/api-setup/cases-stats-random.js';
import { at, type CaseRow, type DispatchRow, query } from '../../../../test/cases-stats.js';
import { localDayOf, localInstant } from '../../../core/calendar.js';
import { STATS_GROUP_BY } from '../cases.enums.js';
import type { StatsRow } from './stats.contracts.js';
import { caseStats, COUNTER_KEYS, type Counters, emptyCounters, statsRow } from './stats.js';

setupRandomStats();

/** The definitions of docs/CASES.md, straight over the rows. */
function oracle(opts: {
  cases: CaseRow[];
  dispatches: DispatchRow[];
  grids: World['grids'];
  from: string;
  to: string;
  now: Date;
  visible: (c: CaseRow, dispatchedTo: Set<string>) => boolean;
  filters: { communityId?: string; gridCode?: string; unitId?: string; whistle?: string };
  unitLens: string[] | null;
  groupBy: string;
  gridLevel: number;
}): { totals: Counters; groups: Map<string, Counters> } {
  const fromStart = localInstant(opts.from).getTime();
  const toEnd = localInstant(opts.to).getTime() + 86_400_000;
  const today = localDayOf(opts.now);
  const eventsEnd = Math.min(toEnd, localInstant(today).getTime() + 86_400_000);
  const dueEnd = Math.min(toEnd, opts.now.getTime());
  const inEvents = (d: Date | null) => d !== null && d.getTime() >= fromStart && d.getTime() < eventsEnd;
  const inDue = (d: Date) => d.getTime() >= fromStart && d.getTime() < dueEnd;
  const gridById = new Map(opts.grids.map((g) => [g.id, g]));
  const byCase = new Map<string, DispatchRow[]>();
  for (const d of opts.dispatches) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d]);
  const totals = emptyCounters();
  const groups = new Map<string, Counters>();
  const add = (keys: string[], k: keyof Counters, whistle: string | null) => {
    for (const key of keys) {
      const g = groups.get(key) ?? emptyCounters();
      g[k] += 1;
      if (k === 'raised' && whistle === 'resident') g.residentWhistles += 1;
      if (k === 'raised' && whistle === 'community') g.communityWhistles += 1;
      groups.set(key, g);
    }
  };
  const f = opts.filters;
  for (const c of opts.cases) {
    if (c.mergedIntoId) continue;
    const ds = byCase.get(c.id) ?? [];
    const units = new Set(ds.map((d) => d.unitId));
    if (!opts.visible(c, units)) continue;
    const grid = gridById.get(c.gridId)!;
    if (f.communityId && c.communityId !== f.communityId) continue;
    if (f.gridCode && !grid.code.startsWith(f.gridCode)) continue;
    if (f.unitId && !units.has(f.unitId)) continue;
    if (
      f.whistle === 'any'
        ? c.whistle === null
        : f.whistle === 'none'
          ? c.whistle !== null
          : f.whistle
            ? c.whistle !== f.whistle
            : false
    )
      continue;
    const ancestor = opts.grids.find((g) => g.code === grid.code.slice(0, 6 + 3 * opts.gridLevel))!;
    const lensUnits = [...units].filter((u) => !opts.unitLens || opts.unitLens.includes(u));
    const keysAt = (d: Date, unit?: string): string[] => {
      switch (opts.groupBy) {
        case 'community':
          return [c.communityId];
        case 'grid':
          return [ancestor.id];
        case 'category':
          return [c.categoryCode];
        case 'channel':
          return [c.channel];
        case 'month':
          return [localDayOf(d).slice(0, 7)];
        case 'unit':
          return unit ? [unit] : lensUnits;
        default:
          return [''];
      }
    };
    const count = (d: Date, k: keyof Counters, unit?: string) => {
      totals[k] += 1;
      if (k === 'raised' && c.whistle === 'resident') totals.residentWhistles += 1;
      if (k === 'raised' && c.whistle === 'community') totals.communityWhistles += 1;
      add(keysAt(d, unit), k, c.whistle);
    };
    if (inEvents(c.reportedAt)) count(c.reportedAt, 'raised');
    if (c.resolvedAt && inEvents(c.resolvedAt)) count(c.resolvedAt, 'resolved');
    if (c.satisfaction && c.ratedAt && inEvents(c.ratedAt)) {
      count(c.ratedAt, 'rated');
      if (c.satisfaction === 'satisfied') count(c.ratedAt, 'satisfied');
      if (c.satisfaction === 'basically_satisfied') count(c.ratedAt, 'basicallySatisfied');
    }
    if (c.status !== 'rejected' && inDue(c.responseDueAt)) {
      count(c.responseDueAt, 'responseDue');
      if (c.acknowledgedAt && c.acknowledgedAt.getTime() <= c.responseDueAt.getTime())
        count(c.responseDueAt, 'respondedOnTime');
    }
    if (c.status !== 'rejected' && inDue(c.resolutionDueAt)) {
      count(c.resolutionDueAt, 'resolutionDue');
      if (c.resolvedAt) count(c.resolutionDueAt, 'resolvedOfDue');
      if (c.resolvedAt && c.resolvedAt.getTime() <= c.resolutionDueAt.getTime())
        count(c.resolutionDueAt, 'resolvedOnTime');
    }
    for (const d of ds) {
      if (d.doneAt && inEvents(d.doneAt) && (!opts.unitLens || opts.unitLens.includes(d.unitId)))
        count(d.doneAt, 'dispatchesDone', d.unitId);
    }
  }
  for (const [k, g] of groups) if (COUNTER_KEYS.every((x) => g[x] === 0)) groups.delete(k);
  return { totals, groups };
}

const countersOf = (r: StatsRow): Counters => ({
  raised: r.raised,
  residentWhistles: r.residentWhistles,
  communityWhistles: r.communityWhistles,
  resolved: r.resolved,
  rated: r.basis.rated,
  satisfied: r.basis.satisfied,
  basicallySatisfied: r.basis.basicallySatisfied,
  dispatchesDone: r.dispatchesDone,
  responseDue: r.basis.responseDue,
  respondedOnTime: r.basis.respondedOnTime,
  resolutionDue: r.basis.resolutionDue,
  resolvedOfDue: r.basis.resolvedOfDue,
  resolvedOnTime: r.basis.resolvedOnTime,
});

describe('the rollup on random data', () => {
  it('gives the same counts as the direct path and as a plain recomputation, for every role, grouping, filter and clock; rates stay in [0, 1]', async () => {
    const db = ctx.database.db;
    const w = ctx.world;
    const visible: Record<string, (c: CaseRow, units: Set<string>) => boolean> = {
      admin: () => true,
      hangdong: (c) => c.communityId === w.communityA.id || c.reporterUserId === w.users.hangdong.id,
      sanfeng: (c) => c.communityId === w.communityB.id || c.reporterUserId === w.users.sanfeng.id,
      grid01: (c) =>
        world.grids.find((g) => g.id === c.gridId)!.code.startsWith(w.grids.gA1.code) ||
        c.reporterUserId === w.users.grid01.id ||
        c.reporterPersonId === w.people.gridWorkerPerson.id,
      unit01: (c, units) => units.has(w.unit1.id) || c.reporterUserId === w.users.unit01.id,
    };
    const gridChoices = [w.grids.gA, w.grids.gA1, w.grids.gA11, w.grids.gB1];
    const arb = fc.record({
      actor: fc.constantFrom('admin', 'hangdong', 'sanfeng', 'grid01', 'unit01'),
      groupBy: fc.constantFrom('none', ...STATS_GROUP_BY),
      from: fc.integer({ min: 0, max: 200 }),
      length: fc.integer({ min: 0, max: 240 }),
      now: fc.integer({ min: 0, max: 260 * 24 }),
      community: fc.constantFrom(null, null, null, w.communityA.id, w.communityB.id),
      grid: fc.constantFrom(null, null, null, null, ...gridChoices),
      unit: fc.constantFrom(null, null, null, null, w.unit1.id, w.unit2.id),
      whistle: fc.constantFrom(null, null, null, 'any', 'resident', 'community', 'none'),
      basicWeight: fc.constantFrom(1, 0.9, 0),
    });
    const dayAfter = (n: number) => localDayOf(new Date(at('2025-11-20', '12:00').getTime() + n * 86_400_000));
    let rollupRuns = 0;
    await fc.assert(
      fc.asyncProperty(arb, async (p) => {
        const from = dayAfter(p.from);
        const to = dayAfter(p.from + p.length);
        const now = new Date(at('2025-12-01', '00:00').getTime() + p.now * 3_600_000 + 17 * 60_000);
        const q = query({
          from,
          to,
          basicWeight: p.basicWeight,
          ...(p.groupBy === 'none' ? {} : { groupBy: p.groupBy }),
          ...(p.community ? { communityId: p.community } : {}),
          ...(p.grid ? { gridId: p.grid.id } : {}),
          ...(p.unit ? { unitId: p.unit } : {}),
          ...(p.whistle ? { whistle: p.whistle } : {}),
        });
        const fast = await caseStats({ db, actor: actors[p.actor], query: q, now });
        const direct = await caseStats({ db, actor: actors[p.actor], query: q, now, mode: 'direct' });
        if (fast.source === 'rollup') rollupRuns += 1;
        expect(direct.source).toBe('direct');
        expect(fast.totals).toEqual(direct.totals);
        expect(fast.groups).toEqual(direct.groups);
        const expected = oracle({
          ...data,
          grids: world.grids,
          from,
          to,
          now,
          visible: visible[p.actor],
          groupBy: p.groupBy,
          filters: {
            communityId: p.community ?? undefined,
            gridCode: p.grid?.code,
            unitId: p.unit ?? undefined,
            whistle: p.whistle ?? undefined,
          },
          unitLens: p.unit ? [p.unit] : p.actor === 'unit01' ? [w.unit1.id] : null,
          gridLevel: p.grid ? Math.min(4, p.grid.level + 1) : 2,
        });
        expect(countersOf(fast.totals)).toEqual(expected.totals);
        if (p.groupBy !== 'none') {
          expect(Object.fromEntries(fast.groups.map((g) => [g.key, countersOf(g)]))).toEqual(
            Object.fromEntries(expected.groups),
          );
        }
        for (const row of [fast.totals, ...fast.groups]) {
          for (const r of [row.responseRate, row.resolutionRate, row.satisfactionRate, row.composite]) {
            if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
          }
          expect(row).toMatchObject(
            statsRow(countersOf(row), { basic: p.basicWeight, response: 0.1, resolution: 0.5, satisfaction: 0.4 }),
          );
        }
      }),
      { numRuns: 120, seed: 20260723 },
    );
    expect(rollupRuns).toBeGreaterThan(40);
    // 120 random worlds take ~20 s alone and twice that on two cores shared with the other worker.
  }, 90_000);
});
