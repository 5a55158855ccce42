import { and, eq, inArray, like, not, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import { resolveScope } from '../../grid/grid.scope.js';
import { localInstant } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { grids } from '../../grid/grid.schema.js';
import { organisations } from '../../org/org.schema.js';
import { casesVisibleTo } from '../cases.policy.js';
import { caseDispatches, cases } from '../cases.schema.js';
import {
  addCounters,
  type Counters,
  emptyCounters,
  gridCodeLength,
  type GroupKey,
  invalid,
  isZero,
  type StatsPeriod,
  statsPeriod,
  type StatsWeights,
  statsRow,
} from './rates.js';
import { directCounters, dueCounters, type Windows } from './direct.js';
import { type FastRestriction, type RollupKind, rollupCounters, rollupKinds } from './rollup.js';
import { clock } from '../../../core/clock.js';
import { crossCommunityDispatches } from './cross.js';
import { articleFigures } from './figures.js';
import { labelGroups } from './labels.js';
import { whistleSql } from './counted.js';
export * from './rates.js';
import type { CaseStats, CaseStatsQuery, StatsGroup, StatsWhistle } from './stats.contracts.js';

/*
 * Case statistics (DESIGN §1 "Rates"), exactly as docs/CASES.md "Statistics" defines them.
 *
 * The period is the local days [from, to] (Asia/Shanghai). Merged duplicates (merged_into_id set) count nowhere.
 *   raised           cases reported in the period              residentWhistles / communityWhistles: those with that whistle
 *   resolved         cases resolved in the period (their current resolution: a reopened case is not resolved)
 *   dispatchesDone   units' dispatches completed (办结) in the period
 *   due              a limit "falls due" when its instant lies in the period and is not later than now; a rejected
 *                    case has no limits
 *   responseRate     respondedOnTime ÷ responseDue, respondedOnTime = acknowledged at or before the response limit
 *   resolutionRate   resolvedOfDue ÷ resolutionDue, resolvedOfDue = resolved now (whenever that happened)
 *   overdue          resolutionDue − resolvedOnTime: due in the period and not resolved by the limit
 *   satisfactionRate (satisfied + basicWeight × basicallySatisfied) ÷ rated, for ratings given in the period
 *   composite        Σ wᵢ·rateᵢ ÷ Σ wᵢ over the rates that are not null and weigh > 0 (null when none is)
 * A rate with a zero denominator is null. Counts are integers computed in SQL; rates are divided here, so PGlite and
 * PostgreSQL give identical numbers. Events are counted by the local day they happened (up to the end of today).
 *
 * Two ways to compute the same counts:
 *   direct  one aggregate over `cases` (+ `case_dispatches`) under the policy's where-clause (cases.stats.direct.ts);
 *           always right, and what everything falls back to;
 *   rollup  the `case_stats` table (kept by triggers, see cases.stats.schema.ts): month rows for whole months, day
 *           rows for the rest, plus a filtered aggregate over `cases` for the limits falling today before now (a day
 *           row cannot split its day) and `direct` for cases the actor sees only because they reported them.
 * cases.stats.api.test.ts checks that both agree with each other and with a plain TypeScript recomputation.
 */

// ---------------------------------------------------------------------------------------------------------------
// Who and what: the actor's scope and the filters

type AdminScope =
  | { kind: 'all' }
  | { kind: 'community'; ids: string[] }
  | { kind: 'grid'; prefixes: string[] }
  | { kind: 'unit'; ids: string[] }
  | { kind: 'mixed' };

async function adminScopeOf(db: Db, actor: Actor): Promise<AdminScope> {
  const s = await resolveScope(db, actor);
  if (s.all) return { kind: 'all' };
  const parts: AdminScope[] = [];
  if (s.communityIds.length) parts.push({ kind: 'community', ids: s.communityIds });
  if (s.gridCodePrefixes.length) parts.push({ kind: 'grid', prefixes: s.gridCodePrefixes });
  if (s.unitIds.length) parts.push({ kind: 'unit', ids: s.unitIds });
  return parts.length === 1 ? parts[0] : { kind: 'mixed' };
}

const gridsUnder = (prefixes: string[]): SQL =>
  or(...prefixes.map((p) => like(grids.code, `${escapeLike(p)}%`))) ?? sql`false`;
const casesInGrids = (db: Db, where: SQL) =>
  inArray(cases.gridId, db.select({ id: grids.id }).from(grids).where(where));
const casesDispatchedTo = (db: Db, unitIds: string[]) =>
  inArray(
    cases.id,
    db.select({ id: caseDispatches.caseId }).from(caseDispatches).where(inArray(caseDispatches.unitId, unitIds)),
  );

/** The part of the policy's casesVisibleTo that comes from the actor's role scope (not from having reported a case). */
function adminScopeSql(db: Db, scope: AdminScope): SQL | undefined {
  switch (scope.kind) {
    case 'community':
      return inArray(cases.communityId, scope.ids);
    case 'grid':
      return casesInGrids(db, gridsUnder(scope.prefixes));
    case 'unit':
      return casesDispatchedTo(db, scope.ids);
    default:
      return undefined;
  }
}

/** As in cases.policy.ts: the cases a user reported themselves (or were recorded as the reporter of). */
function reportedBy(actor: Actor): SQL {
  return actor.personId
    ? (or(eq(cases.reporterUserId, actor.userId), eq(cases.reporterPersonId, actor.personId)) ?? sql`false`)
    : eq(cases.reporterUserId, actor.userId);
}

interface Filters {
  communityId?: string;
  grid?: { id: string; code: string; level: number };
  unitId?: string;
  whistle?: StatsWhistle;
}

async function loadFilters(db: Db, q: CaseStatsQuery): Promise<Filters> {
  const f: Filters = { whistle: q.whistle };
  const orgIds = [q.communityId, q.unitId].filter((x): x is string => x !== undefined);
  const orgs = orgIds.length
    ? await db
        .select({ id: organisations.id, kind: organisations.kind })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    : [];
  if (q.communityId) {
    if (orgs.find((o) => o.id === q.communityId)?.kind !== 'community')
      throw invalid('/communityId', 'not a community');
    f.communityId = q.communityId;
  }
  if (q.unitId) {
    if (orgs.find((o) => o.id === q.unitId)?.kind !== 'unit') throw invalid('/unitId', 'not a unit');
    f.unitId = q.unitId;
  }
  if (q.gridId) {
    const [g] = await db
      .select({ id: grids.id, code: grids.code, level: grids.level })
      .from(grids)
      .where(eq(grids.id, q.gridId));
    if (!g) throw invalid('/gridId', 'no such grid');
    f.grid = g;
  }
  return f;
}

function filtersSql(db: Db, f: Filters): SQL | undefined {
  return and(
    f.communityId ? eq(cases.communityId, f.communityId) : undefined,
    f.grid ? casesInGrids(db, like(grids.code, `${escapeLike(f.grid.code)}%`)) : undefined,
    f.unitId ? casesDispatchedTo(db, [f.unitId]) : undefined,
    whistleSql(f.whistle),
  );
}

/** Grid groups are one level below the grid filter (level 2, the full-time grid workers' grids, without one). */
function groupGridLevel(f: Filters): number {
  return f.grid ? Math.min(4, f.grid.level + 1) : 2;
}

// ---------------------------------------------------------------------------------------------------------------
// rollup: from case_stats

// ---------------------------------------------------------------------------------------------------------------
// Putting it together

function mergeInto(target: Map<string, Counters>, more: Map<string, Counters>): void {
  for (const [k, c] of more) {
    const have = target.get(k);
    if (have) addCounters(have, c);
    else target.set(k, { ...c });
  }
}

function sumAll(groups: Map<string, Counters>): Counters {
  const total = emptyCounters();
  for (const c of groups.values()) addCounters(total, c);
  return total;
}

interface Computed {
  groups: Map<string, Counters>;
  totals: Counters;
  source: 'rollup' | 'direct';
}

export type StatsMode = 'auto' | 'direct';

interface Plan {
  db: Db;
  actor: Actor;
  groupBy: GroupKey;
  filters: Filters;
  period: StatsPeriod;
  now: Date;
}

const fullWindows = (p: StatsPeriod): Windows => ({
  eventsFrom: p.fromStart,
  eventsTo: p.eventsEnd,
  dueFrom: p.fromStart,
  dueTo: p.dueEnd,
});

async function computeDirect(plan: Plan, scope: AdminScope): Promise<Computed> {
  const { db, actor, groupBy, filters, period } = plan;
  const where = and(await casesVisibleTo(db, actor), filtersSql(db, filters));
  const unitLens = filters.unitId ? [filters.unitId] : scope.kind === 'unit' ? scope.ids : null;
  const common = { db, where, windows: fullWindows(period), unitLens, gridLevel: groupGridLevel(filters) };
  const groups = await directCounters({ ...common, groupBy });
  const totals =
    groupBy === 'unit'
      ? ((await directCounters({ ...common, groupBy: 'none' })).get('') ?? emptyCounters())
      : sumAll(groups);
  return { groups: groupBy === 'none' ? new Map() : groups, totals, source: 'direct' };
}

function fastRestriction(scope: AdminScope, f: Filters): FastRestriction | null {
  if (scope.kind === 'mixed') return null;
  let communities: string[] | null = scope.kind === 'community' ? scope.ids : null;
  if (f.communityId) communities = communities ? communities.filter((c) => c === f.communityId) : [f.communityId];
  const gridWhere = and(
    scope.kind === 'grid' ? gridsUnder(scope.prefixes) : undefined,
    f.grid ? like(grids.code, `${escapeLike(f.grid.code)}%`) : undefined,
  );
  const prefixes = [...(scope.kind === 'grid' ? scope.prefixes : []), ...(f.grid ? [f.grid.code] : [])];
  const gridWhole = prefixes.every((code) => code.length <= gridCodeLength(2));
  let units: string[] | null = scope.kind === 'unit' ? scope.ids : null;
  if (f.unitId) units = units ? units.filter((u) => u === f.unitId) : [f.unitId];
  // Cases dispatched to one of the actor's units and to another one: rare, and `direct` handles it.
  if (units && units.length !== 1) return null;
  return { communities, gridWhere, gridWhole, unit: units?.[0] ?? null, whistle: f.whistle };
}

async function computeFast(plan: Plan, scope: AdminScope): Promise<Computed | null> {
  const { db, actor, groupBy, filters, period, now } = plan;
  const r = fastRestriction(scope, filters);
  const gridLevel = groupGridLevel(filters);
  const kinds = r && rollupKinds(groupBy, r, gridLevel);
  if (!r || !kinds) return null;
  const unitLens = r.unit ? [r.unit] : null;
  const restrictionSql = and(adminScopeSql(db, scope), filtersSql(db, filters));
  // Limits falling today, before now: the day rows cannot tell them from the rest of today's.
  const todayStart = localInstant(period.today);
  const partial = period.from <= period.today && period.today <= period.to ? { from: todayStart, to: now } : null;
  // Cases the actor sees only because they reported them (casesVisibleTo's last clause): few, straight from `cases`
  // (and usually none: one indexed look settles that first).
  const outsideScope =
    scope.kind === 'all' ? null : and(reportedBy(actor), not(adminScopeSql(db, scope) ?? sql`false`));
  const [extra] = outsideScope ? await db.select({ id: cases.id }).from(cases).where(outsideScope).limit(1) : [];
  const extraWhere =
    outsideScope && extra ? and(outsideScope, await casesVisibleTo(db, actor), filtersSql(db, filters)) : null;
  const part = async (key: GroupKey, kind: RollupKind) => {
    const out = await rollupCounters({ db, kind, groupBy: key, r, period, gridLevel });
    if (partial)
      mergeInto(out, await dueCounters({ db, where: restrictionSql, ...partial, groupBy: key, unitLens, gridLevel }));
    if (extraWhere)
      mergeInto(
        out,
        await directCounters({
          db,
          where: extraWhere,
          windows: fullWindows(period),
          groupBy: key,
          unitLens,
          gridLevel,
        }),
      );
    return out;
  };
  const groups = await part(groupBy, kinds.groups);
  const totals = groupBy === 'unit' ? ((await part('none', kinds.totals)).get('') ?? emptyCounters()) : sumAll(groups);
  return { groups: groupBy === 'none' ? new Map() : groups, totals, source: 'rollup' };
}

// ---------------------------------------------------------------------------------------------------------------

/** The counters per channel of the plan's cases with another whistle (the article's figures, figures.ts). */
async function channelCounters(
  plan: Plan,
  scope: AdminScope,
  whistle: StatsWhistle,
  mode: StatsMode | undefined,
): Promise<Map<string, Counters>> {
  const p: Plan = { ...plan, groupBy: 'channel', filters: { ...plan.filters, whistle } };
  return ((mode === 'direct' ? null : await computeFast(p, scope)) ?? (await computeDirect(p, scope))).groups;
}

/**
 * GET /api/cases/stats: the counts and rates of the cases the actor may see (casesVisibleTo) that match the filters,
 * in total and per group. `mode: 'direct'` skips the rollup (tests compare the two).
 */
export async function caseStats(opts: {
  db: Db;
  actor: Actor;
  query: CaseStatsQuery;
  now?: Date;
  locale?: string;
  mode?: StatsMode;
}): Promise<CaseStats> {
  const { db, actor, query: q } = opts;
  const now = opts.now ?? clock.now();
  const period = statsPeriod(q, now);
  if (q.responseWeight + q.resolutionWeight + q.satisfactionWeight <= 0)
    throw invalid('/responseWeight', 'the composite weights must not all be 0');
  const weights: StatsWeights = {
    basic: q.basicWeight,
    response: q.responseWeight,
    resolution: q.resolutionWeight,
    satisfaction: q.satisfactionWeight,
  };
  const filters = await loadFilters(db, q);
  const groupBy: GroupKey = q.groupBy ?? 'none';
  const scope = await adminScopeOf(db, actor);
  const plan: Plan = { db, actor, groupBy, filters, period, now };
  const computed =
    (opts.mode === 'direct' ? null : await computeFast(plan, scope)) ?? (await computeDirect(plan, scope));
  const keys = [...computed.groups.entries()].filter(([, c]) => !isZero(c)).map(([k]) => k);
  const labels = await labelGroups(db, groupBy, keys, opts.locale ?? 'zh-CN');
  const sorted = keys.sort((a, b) => {
    const x = labels.get(a)?.order ?? a;
    const y = labels.get(b)?.order ?? b;
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  const groups: StatsGroup[] = sorted.map((key) => ({
    key,
    name: labels.get(key)?.name ?? key,
    ...statsRow(computed.groups.get(key) ?? emptyCounters(), weights),
  }));
  return {
    from: period.from,
    to: period.to,
    asOf: now.toISOString(),
    groupBy: q.groupBy ?? null,
    basicWeight: weights.basic,
    weights: { response: weights.response, resolution: weights.resolution, satisfaction: weights.satisfaction },
    source: computed.source,
    totals: statsRow(computed.totals, weights),
    groups,
    figures: await articleFigures((w) => channelCounters(plan, scope, w, opts.mode), weights),
    crossCommunityDispatches: await crossCommunityDispatches({ db, actor, query: q, period }),
  };
}

/** Recomputes case_stats from the base tables (the triggers keep it current; this is for repair and benches). */
export async function rebuildCaseStats(db: Db): Promise<void> {
  await db.execute(sql`select case_stats_rebuild()`);
}
