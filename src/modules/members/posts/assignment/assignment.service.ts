import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../../../core/audit.js';
import type { Actor } from '../../../../core/auth/actor.js';
import { addDays, localInstant } from '../../../../core/calendar.js';
import { clock } from '../../../../core/clock.js';
import type { Db } from '../../../../core/db.js';
import { AppError, type ErrorCode } from '../../../../core/errors.js';
import type { Page } from '../../../../core/list.js';
import type { SolverThreadError } from '../../../../core/solver-thread.js';
import { grids } from '../../../grid/grid.schema.js';
import { assertIsCommunity } from '../../../org/org.service.js';
import { type AssignmentProblem, DEFAULT_ASSIGNMENT_WEIGHTS, type OpenSeat } from './assignment.model.js';
import { caseNeeds, gridCentres, needOf, reportingMembers } from './assignment.queries.js';
import { assignmentThread } from './assignment.runner.js';
import type { AssignmentResult } from './assignment.solver.js';
import { readAssignmentPage, selectAssignments, presentAssignment } from './assignment.view.js';
import type {
  AssignmentRun,
  AssignmentRunResult,
  PostAssignmentListQuery,
  PostAssignmentView,
} from '../posts.openings.contracts.js';
import {
  assertMayManagePosts,
  assertMayReadOwnPosts,
  assertMayReadPosts,
  assertMayRunCounty,
  assignmentsVisibleTo,
  ownMemberWhere,
} from '../posts.openings.policy.js';
import { postAssignments, postOpenings, postTypes } from '../posts.schema.js';

/**
 * The assignment run (生成岗位安排建议): the open seats of a year (in one community, or the county), the members
 * reporting there without a post, the need of each opening from the last year's cases, solved in the solver thread
 * (assignment.solver.ts). The plan replaces the earlier suggestions of that scope and year in one transaction;
 * confirmed, declined and ended assignments are never touched.
 */
const NEED_WINDOW_DAYS = 365;
/** Each member starts with their best few pairs; the solver prices the rest in (the answer does not depend on it). */
const START_PAIRS = 3;

interface ScopeOpenings {
  seats: OpenSeat[];
  ids: string[];
}

async function openSeats(db: Db, communityIds: string[] | undefined, year: number): Promise<ScopeOpenings> {
  const confirmed =
    sql<number>`(select count(*) from ${postAssignments} where ${postAssignments.openingId} = ${postOpenings.id}
    and ${postAssignments.state} = 'confirmed')`.mapWith(Number);
  const scope = and(
    eq(postOpenings.year, year),
    communityIds ? inArray(postOpenings.communityId, communityIds) : undefined,
  );
  const rows = await db
    .select({ o: postOpenings, typeKey: postTypes.key, gridCode: grids.code, confirmed })
    .from(postOpenings)
    .innerJoin(postTypes, eq(postTypes.id, postOpenings.postTypeId))
    .leftJoin(grids, eq(grids.id, postOpenings.gridId))
    .where(scope);
  const open = rows.filter((r) => r.o.state === 'open' && r.o.seats > r.confirmed);
  const centres = await gridCentres(
    db,
    open.map((r) => r.o.gridId),
  );
  const since = localInstant(addDays(clock.today(), -NEED_WINDOW_DAYS));
  const needs = needOf(
    open.map((r) => ({ communityId: r.o.communityId, gridCode: r.gridCode, typeKey: r.typeKey })),
    await caseNeeds(db, communityIds, since),
  );
  const seats = open.map((r, i): OpenSeat => {
    const at = r.o.lng !== null && r.o.lat !== null ? { lng: r.o.lng, lat: r.o.lat } : centres.get(r.o.gridId ?? '');
    return {
      id: r.o.id,
      communityId: r.o.communityId,
      typeKey: r.typeKey,
      seats: r.o.seats - r.confirmed,
      need: needs[i],
      lng: at?.lng ?? null,
      lat: at?.lat ?? null,
    };
  });
  return { seats, ids: rows.map((r) => r.o.id) };
}

/** The problem of a scope and year, as the demo seed and the run both build it. */
export async function assignmentProblem(
  db: Db,
  communityIds: string[] | undefined,
  year: number,
  weights: Partial<AssignmentProblem['weights']> = {},
): Promise<{ problem: AssignmentProblem; openingIds: string[] }> {
  const { seats, ids } = await openSeats(db, communityIds, year);
  const members = await reportingMembers(db, communityIds, year);
  return {
    problem: { members, openings: seats, weights: { ...DEFAULT_ASSIGNMENT_WEIGHTS, ...weights }, nearest: START_PAIRS },
    openingIds: ids,
  };
}

/** Replaces the scope's suggestions with the plan (inside the caller's transaction). */
export async function writeSuggestions(
  tx: Db,
  problem: AssignmentProblem,
  openingIds: string[],
  result: AssignmentResult,
  year: number,
): Promise<number> {
  for (let i = 0; i < openingIds.length; i += 5000)
    await tx
      .delete(postAssignments)
      .where(
        and(inArray(postAssignments.openingId, openingIds.slice(i, i + 5000)), eq(postAssignments.state, 'suggested')),
      );
  const rows = result.chosen.map((p) => ({
    openingId: problem.openings[p.opening].id,
    memberId: problem.members[p.member].id,
    year,
    state: 'suggested' as const,
    score: Math.round(p.score * 1e4) / 1e4,
    distanceKm: Math.round(p.distanceKm * 1e3) / 1e3,
  }));
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(postAssignments).values(rows.slice(i, i + 2000));
  return rows.length;
}

async function solve(problem: AssignmentProblem): Promise<AssignmentResult> {
  try {
    return await assignmentThread().run(problem, { timeLimitSec: 20 });
  } catch (e) {
    const err = e as SolverThreadError;
    if (err.code) throw new AppError(err.code as ErrorCode, err.params ?? {});
    throw new AppError('POST_SOLVER_FAILED', { reason: err.message ?? String(e) });
  }
}

export async function runAssignment(opts: {
  db: Db;
  actor: Actor;
  input: AssignmentRun;
}): Promise<AssignmentRunResult> {
  const { db, actor, input } = opts;
  if (input.communityId) {
    await assertIsCommunity(db, input.communityId);
    await assertMayManagePosts(db, actor, input.communityId);
  } else await assertMayRunCounty(db, actor);
  const communityIds = input.communityId ? [input.communityId] : undefined;
  const { problem, openingIds } = await assignmentProblem(db, communityIds, input.year, input.weights);
  const result = await solve(problem);
  const suggested = await db.transaction(async (tx) => {
    const n = await writeSuggestions(tx, problem, openingIds, result, input.year);
    await recordAudit(tx, {
      actor,
      action: 'post_assignment.suggest',
      entityType: 'post_assignment',
      entityId: input.communityId ?? null,
      after: { year: input.year, suggested: n, objective: result.objective, gap: result.gap, ms: result.ms },
    });
    return n;
  });
  return {
    year: input.year,
    communityId: input.communityId ?? null,
    candidates: problem.members.length,
    openSeats: problem.openings.reduce((s, o) => s + o.seats, 0),
    suggested,
    objective: result.objective,
    bound: result.bound,
    gap: result.gap,
    status: result.status,
    solveMs: Math.round(result.ms),
    pairs: result.pairs,
  };
}

export async function listAssignments(opts: {
  db: Db;
  actor: Actor;
  query: PostAssignmentListQuery;
}): Promise<Page<PostAssignmentView>> {
  assertMayReadPosts(opts.actor);
  return readAssignmentPage(opts.db, await assignmentsVisibleTo(opts.db, opts.actor), opts.query);
}

/** The member's own posts: confirmed (and ended) ones, newest year first; suggestions are the staff's business. */
export async function myPosts(opts: { db: Db; actor: Actor }): Promise<PostAssignmentView[]> {
  assertMayReadOwnPosts(opts.actor);
  const rows = await selectAssignments(opts.db)
    .where(and(ownMemberWhere(opts.actor), inArray(postAssignments.state, ['confirmed', 'ended'])))
    .orderBy(sql`${postAssignments.year} desc`, sql`${postAssignments.state}`);
  return rows.map(presentAssignment);
}
