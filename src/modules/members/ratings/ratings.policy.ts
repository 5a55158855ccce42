import { inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasRole } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { resolveScope } from '../../grid/grid.scope.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { memberRatings } from './ratings.schema.js';

/**
 * Who may do what with points and quarterly ratings:
 * - the county: everything (the rules, every community's ratings, every unit's sheet, the coverage);
 * - a community admin: rates and commends the in-service members living in their communities, answers their
 *   appeals, sees the coverage of its residents by unit; not a unit's sheet (that is the unit's supervision);
 * - a grid worker: reads the ratings of the communities their grids lie in;
 * - a unit admin: reads its own members' ratings and its own unit's sheet, wherever the members live;
 * - a Party member: their own confirmed ratings, and one appeal each.
 */

/** The scope filter of rating lists (memberservice.read). */
export async function ratingsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.communityIds.length) parts.push(inArray(memberRatings.communityId, scope.communityIds));
  if (hasRole(actor, 'grid_worker') && scope.gridCommunityIds.length)
    parts.push(inArray(memberRatings.communityId, scope.gridCommunityIds));
  if (scope.unitIds.length) parts.push(inArray(memberRatings.unitId, scope.unitIds));
  return parts.length ? or(...parts) : sql`false`;
}

/**
 * The communities whose members the actor rates (memberservice.rate): null = every community (the county without
 * naming one). Naming a community outside the actor's is 403.
 */
export async function ratingCommunities(db: Db, actor: Actor, communityId?: string): Promise<string[] | null> {
  if (!can(actor, 'memberservice.rate')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (scope.all) return communityId ? [communityId] : null;
  if (communityId) {
    if (!scope.communityIds.includes(communityId)) throw new AppError('FORBIDDEN');
    return [communityId];
  }
  if (!scope.communityIds.length) throw new AppError('FORBIDDEN');
  return scope.communityIds;
}

/** Rating (confirming a grade, answering an appeal) one member's rating of this community. */
export async function assertMayRate(db: Db, actor: Actor, communityId: string): Promise<void> {
  await ratingCommunities(db, actor, communityId);
}

/** Commending a member: the staff who rate the community the member lives in. */
export async function assertMayCommend(db: Db, actor: Actor, residenceCommunityId: string | null): Promise<void> {
  if (!residenceCommunityId) throw new AppError('FORBIDDEN');
  await ratingCommunities(db, actor, residenceCommunityId);
}

/** Commendations a reader sees: by the members' residence community, or a unit admin's own members. */
export async function commendedMembersVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  const communities = [...scope.communityIds, ...(hasRole(actor, 'grid_worker') ? scope.gridCommunityIds : [])];
  if (communities.length) parts.push(inArray(partyMembers.residenceCommunityId, communities));
  if (scope.unitIds.length) parts.push(inArray(partyMembers.unitId, scope.unitIds));
  return parts.length ? or(...parts) : sql`false`;
}

/** The service rules: the county changes them; anyone who reads or has ratings may read them. */
export function assertMayReadRules(actor: Actor): void {
  if (!can(actor, 'memberservice.read') && !can(actor, 'memberservice.self') && !can(actor, 'memberservice.rules'))
    throw new AppError('FORBIDDEN');
}

export function assertMayChangeRules(actor: Actor): void {
  if (!can(actor, 'memberservice.rules')) throw new AppError('FORBIDDEN');
}

/**
 * The unit a sheet is read for: the county any unit or none (the whole county: null); a unit admin its own (the
 * first when it names none); anyone else 403, a community admin included (the sheet is the unit's supervision).
 */
export async function sheetUnitFor(db: Db, actor: Actor, unitId?: string): Promise<string | null> {
  if (!can(actor, 'memberservice.read')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (scope.all) return unitId ?? null;
  if (!scope.unitIds.length) throw new AppError('FORBIDDEN');
  if (!unitId) return scope.unitIds[0];
  if (!scope.unitIds.includes(unitId)) throw new AppError('FORBIDDEN');
  return unitId;
}

/** Coverage by unit: the county (null: every member) or a community admin for its residents; anyone else 403. */
export async function coverageCommunitiesFor(db: Db, actor: Actor): Promise<string[] | null> {
  if (!can(actor, 'memberservice.read')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (scope.all) return null;
  if (!scope.communityIds.length) throw new AppError('FORBIDDEN');
  return scope.communityIds;
}

/** A Party member reads their own ratings (memberservice.self); whose they are is the caller's own member record. */
export function assertMayReadOwnRatings(actor: Actor): void {
  if (!can(actor, 'memberservice.self')) throw new AppError('FORBIDDEN');
}

/**
 * Appealing: only one's own rating (`ownMemberId`: the actor's member record, reports.service.ts ownMember); another
 * member's is 404 (its existence is private).
 */
export function assertMayAppeal(actor: Actor, ownMemberId: string | null, rating: { memberId: string }): void {
  assertMayReadOwnRatings(actor);
  if (ownMemberId !== rating.memberId) throw new AppError('NOT_FOUND', { entity: 'member_rating' });
}
