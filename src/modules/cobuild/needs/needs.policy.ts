import { eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { hasRole } from '../../../core/auth/actor.js';
import { can, type Permission } from '../../../core/auth/permissions.js';
import { resolveScope } from '../../grid/grid.scope.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { pairedCommunityIds } from '../pairing/pairing.queries.js';
import { matchingRuns, needClaims, needMatches, needs, needTasks, resources } from './needs.schema.js';

/**
 * Who sees and changes what in the needs and resources lists. The county: everything. A community admin: its
 * communities' needs, every resource on offer, matching runs for its communities. A grid worker: the needs of the
 * communities its grids lie in. A unit admin: its own resources and tasks, and the needs of the communities it is
 * paired with this year or that its resources were matched to.
 */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
}

/** Communities whose needs this actor manages (needs.write): null = all. */
export async function managedNeedCommunities(db: Db, actor: Actor): Promise<string[] | null> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return null;
  return [...new Set([...scope.communityIds, ...(hasRole(actor, 'grid_worker') ? scope.gridCommunityIds : [])])];
}

export async function assertMayManageNeeds(db: Db, actor: Actor, communityId: string): Promise<void> {
  assertCan(actor, 'needs.write');
  const ids = await managedNeedCommunities(db, actor);
  if (ids && !ids.includes(communityId)) throw new AppError('FORBIDDEN');
}

/** Communities whose matches this actor may run, accept and reject (matching.run): null = all. */
export async function matchingCommunities(db: Db, actor: Actor): Promise<string[] | null> {
  assertCan(actor, 'matching.run');
  const scope = await resolveScope(db, actor);
  return scope.all ? null : scope.communityIds;
}

/**
 * The communities of a run by a community admin (managed: its communities): the one asked for if it is one of them,
 * else all of them; asking for another, or managing none, is 403.
 */
export function assertMayRunFor(managed: string[], communityId: string | undefined): string[] {
  if (communityId && !managed.includes(communityId)) throw new AppError('FORBIDDEN');
  if (communityId) return [communityId];
  if (!managed.length) throw new AppError('FORBIDDEN');
  return managed;
}

/**
 * Runs are read by those who may run them: the county all; a community admin those for its communities and the
 * county-wide ones (whose proposals for its needs it decides; the match list shows it only its own needs).
 */
export async function runsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const ids = await matchingCommunities(db, actor);
  if (!ids) return undefined;
  return ids.length
    ? or(inArray(matchingRuns.communityId, ids), isNull(matchingRuns.communityId))
    : isNull(matchingRuns.communityId);
}

export async function assertMayMatch(db: Db, actor: Actor, communityId: string): Promise<void> {
  const ids = await matchingCommunities(db, actor);
  if (ids && !ids.includes(communityId)) throw new AppError('FORBIDDEN');
}

export async function needsVisibleTo(db: Db, actor: Actor, year: number): Promise<SQL | undefined> {
  assertCan(actor, 'cobuild.read');
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const communityIds = new Set([
    ...scope.communityIds,
    ...(hasRole(actor, 'grid_worker') ? scope.gridCommunityIds : []),
  ]);
  for (const unitId of scope.unitIds)
    for (const c of await pairedCommunityIds(db, { year, unitId })) communityIds.add(c);
  const clauses: SQL[] = [];
  if (communityIds.size) clauses.push(inArray(needs.communityId, [...communityIds]));
  if (scope.unitIds.length) {
    clauses.push(
      inArray(
        needs.id,
        db
          .select({ id: needMatches.needId })
          .from(needMatches)
          .innerJoin(resources, eq(resources.id, needMatches.resourceId))
          .where(inArray(resources.unitId, scope.unitIds)),
      ),
    );
  }
  return clauses.length ? or(...clauses) : sql`false`;
}

/** Resources: a unit admin sees its own; staff of communities see every offer (they match needs against them). */
export async function resourcesVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  assertCan(actor, 'cobuild.read');
  const scope = await resolveScope(db, actor);
  if (scope.all || scope.communityIds.length || scope.gridCommunityIds.length) return undefined;
  return scope.unitIds.length ? inArray(resources.unitId, scope.unitIds) : sql`false`;
}

/** The units an actor administers (a unit admin offering a resource without naming its unit). */
export async function ownUnitIds(db: Db, actor: Actor): Promise<string[]> {
  return (await resolveScope(db, actor)).unitIds;
}

export async function assertMayManageResources(db: Db, actor: Actor, unitId: string): Promise<void> {
  assertCan(actor, 'resources.write');
  const scope = await resolveScope(db, actor);
  if (!scope.all && !scope.unitIds.includes(unitId)) throw new AppError('FORBIDDEN');
}

/** Tasks: the owner unit's admin, the need's community's staff, the county. */
export async function tasksVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  assertCan(actor, 'cobuild.read');
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const communityIds = [
    ...new Set([...scope.communityIds, ...(hasRole(actor, 'grid_worker') ? scope.gridCommunityIds : [])]),
  ];
  const clauses: SQL[] = [];
  if (scope.unitIds.length) clauses.push(inArray(needTasks.ownerUnitId, scope.unitIds));
  if (communityIds.length)
    clauses.push(
      inArray(
        needTasks.needId,
        db.select({ id: needs.id }).from(needs).where(inArray(needs.communityId, communityIds)),
      ),
    );
  return clauses.length ? or(...clauses) : sql`false`;
}

/** Working a task (status): its owner unit or the staff who manage the need's community. */
export async function assertMayWorkTask(
  db: Db,
  actor: Actor,
  task: { ownerUnitId: string; communityId: string },
): Promise<void> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return;
  if (can(actor, 'resources.write') && scope.unitIds.includes(task.ownerUnitId)) return;
  if (can(actor, 'matching.run') && scope.communityIds.includes(task.communityId)) return;
  throw new AppError('FORBIDDEN');
}

/**
 * 微心愿认领: a Party member (memberservice.self) claims for themself — which needs they may claim (their residence
 * community's) is a rule of the claim, answered with its own code; staff who manage the need's community
 * (needs.write) fulfil or withdraw a claim; the member may withdraw their own while it is open.
 */
export function assertMayClaim(actor: Actor): void {
  assertCan(actor, 'memberservice.self');
}

export async function assertMayHandleClaim(
  db: Db,
  actor: Actor,
  claim: { communityId: string; ownClaim: boolean },
  action: 'fulfil' | 'withdraw',
): Promise<void> {
  if (action === 'withdraw' && claim.ownClaim && can(actor, 'memberservice.self')) return;
  await assertMayManageNeeds(db, actor, claim.communityId);
}

/** Claims staff see: those on the needs they see; a Party member: their own (by member id). */
export async function claimsVisibleTo(
  db: Db,
  actor: Actor,
  year: number,
  ownMemberId: string | null,
): Promise<SQL | undefined> {
  if (can(actor, 'cobuild.read')) {
    const visible = await needsVisibleTo(db, actor, year);
    return visible ? inArray(needClaims.needId, db.select({ id: needs.id }).from(needs).where(visible)) : undefined;
  }
  assertCan(actor, 'memberservice.self');
  return ownMemberId ? eq(needClaims.memberId, ownMemberId) : sql`false`;
}
