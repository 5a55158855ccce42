import { and, count, desc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../../../core/audit.js';
import type { Actor } from '../../../../core/auth/actor.js';
import { insertRows } from '../../../../core/bulk.js';
import type { Db } from '../../../../core/db.js';
import { AppError } from '../../../../core/errors.js';
import { type Page, readPage } from '../../../../core/list.js';
import { users } from '../../../auth/auth.schema.js';
import { organisations } from '../../../org/org.schema.js';
import { assertIsCommunity } from '../../../org/org.service.js';
import { buildCandidates } from './matching.candidates.js';
import type { MatchListQuery, MatchView, RunListQuery, RunMatching, RunStats, RunView } from './matching.contracts.js';
import { type MatchingProblem, solveMatching } from './matching.flow.js';
import { solveLpInWorker } from './matching.runner.js';
import { runStats } from './matching.stats.js';
import { assertMayRunFor, matchingCommunities, needsVisibleTo, runsVisibleTo } from '../needs.policy.js';
import { matchingRuns, MEASURE_UNITS, needMatches, needs, needTasks, resources } from '../needs.schema.js';

/**
 * A matching run: the open needs in scope and the resources available on the day become a transportation LP over
 * candidate pairs (same unit of measure, within maxDistanceKm, the k nearest per need), solved exactly by the network
 * flow (or by HiGHS in a worker, as a check), and stored with its proposed matches. Nothing is reserved until a
 * match is accepted (matching.decide.ts).
 */
const EPS = 1e-6;
/** HiGHS runs in a worker but still takes seconds per 100k pairs: beyond this the flow is the only sensible choice. */
export const HIGHS_MAX_EDGES = 300_000;
const LIVE_NEED = ['open', 'matched', 'in_progress'] as const;

interface Loaded {
  needRows: { id: string; priority: number; lng: number; lat: number; left: number; unit: string }[];
  resourceRows: { id: string; lng: number; lat: number; left: number; unit: string }[];
}

/**
 * The communities the run covers: null = county-wide. A community admin always runs for its own communities; a
 * county-wide actor may name any community, which must be one (else the run's insert would break its foreign key).
 */
async function runScope(
  db: Db,
  actor: Actor,
  communityId: string | undefined,
): Promise<{ ids: string[] | null; communityId: string | null }> {
  const managed = await matchingCommunities(db, actor);
  if (!managed && communityId) await assertIsCommunity(db, communityId);
  if (!managed) return { ids: communityId ? [communityId] : null, communityId: communityId ?? null };
  const ids = assertMayRunFor(managed, communityId);
  return { ids, communityId: communityId ?? (ids.length === 1 ? ids[0] : null) };
}

async function loadInstance(db: Db, opts: { ids: string[] | null; on: string; minPriority: number }): Promise<Loaded> {
  const needRows = await db
    .select({
      id: needs.id,
      priority: needs.priority,
      lng: needs.lng,
      lat: needs.lat,
      left: sql<number>`${needs.quantity} - ${needs.served}`.mapWith(Number),
      unit: needs.unit,
    })
    .from(needs)
    .where(
      and(
        inArray(needs.status, [...LIVE_NEED]),
        gt(sql`${needs.quantity} - ${needs.served}`, EPS),
        gte(needs.priority, opts.minPriority),
        opts.ids ? inArray(needs.communityId, opts.ids) : undefined,
      ),
    )
    .orderBy(needs.id);
  const resourceRows = await db
    .select({
      id: resources.id,
      lng: resources.lng,
      lat: resources.lat,
      left: sql<number>`${resources.capacity} - ${resources.reserved}`.mapWith(Number),
      unit: resources.unit,
    })
    .from(resources)
    .where(
      and(
        lte(resources.availableFrom, opts.on),
        gte(resources.availableTo, opts.on),
        gt(sql`${resources.capacity} - ${resources.reserved}`, EPS),
      ),
    )
    .orderBy(resources.id);
  return { needRows, resourceRows };
}

function toProblem(data: Loaded, input: RunMatching) {
  const group = (unit: string) => MEASURE_UNITS.indexOf(unit as (typeof MEASURE_UNITS)[number]);
  const points = (rows: { lng: number; lat: number; unit: string }[]) => ({
    lng: Float64Array.from(rows, (r) => r.lng),
    lat: Float64Array.from(rows, (r) => r.lat),
    group: Int32Array.from(rows, (r) => group(r.unit)),
  });
  const cand = buildCandidates({
    needs: points(data.needRows),
    resources: points(data.resourceRows),
    maxDistanceKm: input.maxDistanceKm,
    k: input.k,
  });
  const problem: MatchingProblem = {
    weight: Float64Array.from(data.needRows, (r) => r.priority),
    demand: Float64Array.from(data.needRows, (r) => r.left),
    capacity: Float64Array.from(data.resourceRows, (r) => r.left),
    edgeStart: cand.edgeStart,
    edgeResource: cand.edgeResource,
  };
  return { problem, distance: cand.edgeDistanceKm };
}

async function solve(
  problem: MatchingProblem,
  solver: RunMatching['solver'],
): Promise<{ flow: Float64Array; objective: number; bound: number; solver: string }> {
  if (solver === 'highs') {
    const edges = problem.edgeResource.length;
    if (edges > HIGHS_MAX_EDGES) throw new AppError('MATCHING_TOO_LARGE', { edges, max: HIGHS_MAX_EDGES });
    const lp = await solveLpInWorker(problem);
    if (lp.status !== 'Optimal') throw new Error(`HiGHS did not reach an optimum (${lp.status})`);
    return { flow: lp.flow, objective: lp.objective, bound: lp.objective, solver: 'highs' };
  }
  const r = solveMatching(problem);
  return { flow: r.flow, objective: r.objective, bound: r.bound, solver: 'flow' };
}

/** Runs a matching and stores it with its proposals; returns the run's id. */
export async function runMatching(opts: { db: Db; actor: Actor; input: RunMatching; today: string }): Promise<string> {
  const { db, actor, input } = opts;
  const started = performance.now();
  const scope = await runScope(db, actor, input.communityId);
  const on = input.on ?? opts.today;
  const data = await loadInstance(db, { ids: scope.ids, on, minPriority: input.minPriority });
  const { problem, distance } = toProblem(data, input);
  const result = await solve(problem, input.solver);
  const rows: (typeof needMatches.$inferInsert)[] = [];
  for (let i = 0; i < data.needRows.length; i++) {
    for (let e = problem.edgeStart[i]; e < problem.edgeStart[i + 1]; e++) {
      const amount = Math.round(result.flow[e] * 1e6) / 1e6;
      if (amount > EPS)
        rows.push({
          runId: '',
          needId: data.needRows[i].id,
          resourceId: data.resourceRows[problem.edgeResource[e]].id,
          amount,
          distanceKm: Math.round(distance[e] * 1000) / 1000,
        });
    }
  }
  const stats = runStats(problem, result.flow, rows.length);
  const parameters = {
    maxDistanceKm: input.maxDistanceKm,
    k: input.k,
    on,
    minPriority: input.minPriority,
    solver: input.solver,
  };
  const gap = result.bound > 0 ? Math.max(0, (result.bound - result.objective) / result.bound) : 0;
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(matchingRuns)
      .values({
        communityId: scope.communityId,
        parameters,
        solver: result.solver,
        status: 'done',
        objective: result.objective,
        bound: result.bound,
        gap,
        stats,
        elapsedMs: Math.round(performance.now() - started),
        createdBy: actor.userId,
      })
      .returning({ id: matchingRuns.id });
    await insertRows(
      tx,
      needMatches,
      rows.map((r) => ({ ...r, runId: run.id, status: 'proposed' as const })),
    );
    await recordAudit(tx, {
      actor,
      action: 'matching.run',
      entityType: 'matching_run',
      entityId: run.id,
      after: {
        communityId: scope.communityId,
        parameters,
        objective: result.objective,
        bound: result.bound,
        matches: rows.length,
      },
    });
    return run.id;
  });
}

function matchCount(status: string) {
  return sql<number>`(select count(*) from ${needMatches} where ${needMatches.runId} = ${matchingRuns.id} and ${needMatches.status} = ${status})`.mapWith(
    Number,
  );
}

function selectRuns(db: Db) {
  return db
    .select({
      r: matchingRuns,
      communityName: organisations.name,
      createdBy: users.username,
      proposed: matchCount('proposed'),
      accepted: matchCount('accepted'),
      rejected: matchCount('rejected'),
    })
    .from(matchingRuns)
    .leftJoin(organisations, eq(organisations.id, matchingRuns.communityId))
    .leftJoin(users, eq(users.id, matchingRuns.createdBy));
}
type RunJoin = Awaited<ReturnType<ReturnType<typeof selectRuns>['execute']>>[number];

function presentRun(j: RunJoin): RunView {
  const r = j.r;
  return {
    id: r.id,
    communityId: r.communityId,
    communityName: j.communityName,
    parameters: r.parameters as RunView['parameters'],
    solver: r.solver,
    status: r.status,
    objective: r.objective,
    bound: r.bound,
    gap: r.gap,
    stats: r.stats as RunStats | null,
    elapsedMs: r.elapsedMs,
    createdBy: j.createdBy,
    createdAt: r.createdAt.toISOString(),
    counts: { proposed: j.proposed, accepted: j.accepted, rejected: j.rejected },
  };
}

export async function listRuns(opts: { db: Db; actor: Actor; query: RunListQuery }): Promise<Page<RunView>> {
  const { db, query: q } = opts;
  const where = and(
    await runsVisibleTo(db, opts.actor),
    q.communityId ? eq(matchingRuns.communityId, q.communityId) : undefined,
  );
  return readPage(q, {
    rows: selectRuns(db).where(where).orderBy(desc(matchingRuns.createdAt), desc(matchingRuns.id)).$dynamic(),
    total: db.select({ total: count() }).from(matchingRuns).where(where),
    present: presentRun,
  });
}

export async function getRun(opts: { db: Db; actor: Actor; id: string }): Promise<RunView> {
  const [row] = await selectRuns(opts.db).where(
    and(eq(matchingRuns.id, opts.id), await runsVisibleTo(opts.db, opts.actor)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'matching_run' });
  return presentRun(row);
}

const community = alias(organisations, 'match_community');
const unitOrg = alias(organisations, 'match_unit');

export function selectMatches(db: Db) {
  return db
    .select({
      m: needMatches,
      need: needs,
      res: resources,
      communityName: community.name,
      unitName: unitOrg.name,
      task: { id: needTasks.id, dueOn: needTasks.dueOn, status: needTasks.status, projectId: needTasks.projectId },
    })
    .from(needMatches)
    .innerJoin(needs, eq(needs.id, needMatches.needId))
    .innerJoin(resources, eq(resources.id, needMatches.resourceId))
    .innerJoin(community, eq(community.id, needs.communityId))
    .innerJoin(unitOrg, eq(unitOrg.id, resources.unitId))
    .leftJoin(needTasks, eq(needTasks.matchId, needMatches.id));
}
type MatchJoin = Awaited<ReturnType<ReturnType<typeof selectMatches>['execute']>>[number];

export function presentMatch(j: MatchJoin): MatchView {
  const { m, need, res } = j;
  return {
    id: m.id,
    runId: m.runId,
    needId: need.id,
    needTitle: need.title,
    needPriority: need.priority,
    needDomain: need.domain,
    needRemaining: Math.max(0, need.quantity - need.served),
    communityId: need.communityId,
    communityName: j.communityName,
    resourceId: res.id,
    resourceTitle: res.title,
    resourceKind: res.kind,
    resourceRemaining: Math.max(0, res.capacity - res.reserved),
    unitId: res.unitId,
    unitName: j.unitName,
    unit: need.unit,
    amount: m.amount,
    distanceKm: m.distanceKm,
    status: m.status,
    decidedAt: m.decidedAt ? m.decidedAt.toISOString() : null,
    task:
      j.task?.id && j.task.dueOn && j.task.status
        ? { id: j.task.id, dueOn: j.task.dueOn, status: j.task.status, projectId: j.task.projectId }
        : null,
  };
}

export async function listMatches(opts: {
  db: Db;
  actor: Actor;
  query: MatchListQuery;
  year: number;
}): Promise<Page<MatchView>> {
  const { db, query: q } = opts;
  const where = and(
    await needsVisibleTo(db, opts.actor, opts.year),
    q.runId ? eq(needMatches.runId, q.runId) : undefined,
    q.needId ? eq(needMatches.needId, q.needId) : undefined,
    q.resourceId ? eq(needMatches.resourceId, q.resourceId) : undefined,
    q.status ? eq(needMatches.status, q.status) : undefined,
  );
  return readPage(q, {
    rows: selectMatches(db)
      .where(where)
      .orderBy(desc(needs.priority), needMatches.distanceKm, needMatches.id)
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(needMatches)
      .innerJoin(needs, eq(needs.id, needMatches.needId))
      .where(where),
    present: presentMatch,
  });
}

export async function getMatch(opts: { db: Db; actor: Actor; id: string; year: number }): Promise<MatchView> {
  const [row] = await selectMatches(opts.db).where(
    and(eq(needMatches.id, opts.id), await needsVisibleTo(opts.db, opts.actor, opts.year)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'need_match' });
  return presentMatch(row);
}
