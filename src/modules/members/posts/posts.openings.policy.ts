import { eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { resolveScope } from '../../grid/grid.scope.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { postAssignments, postOpenings } from './posts.schema.js';

/**
 * Who may do what with post types, openings and assignments (设岗定责):
 * - the county: everything, and runs the assignment for the whole county;
 * - a community admin: the types, openings and assignments of their communities (write: memberservice.manage);
 * - a grid worker: reads the openings and assignments of the communities their grids lie in;
 * - a unit admin: reads its members' assignments (wherever they live) and the openings they hold;
 * - a Party member: their own post(s) only (memberservice.self); the type catalogue is readable by every reader.
 */
export function assertMayReadTypes(actor: Actor): void {
  if (!can(actor, 'memberservice.read') && !can(actor, 'memberservice.self')) throw new AppError('FORBIDDEN');
}

export function assertMayReadPosts(actor: Actor): void {
  if (!can(actor, 'memberservice.read')) throw new AppError('FORBIDDEN');
}

export function assertMayReadOwnPosts(actor: Actor): void {
  if (!can(actor, 'memberservice.self')) throw new AppError('FORBIDDEN');
}

async function readableCommunities(db: Db, actor: Actor): Promise<{ all: boolean; ids: string[]; units: string[] }> {
  const scope = await resolveScope(db, actor);
  return {
    all: scope.all,
    ids: [...new Set([...scope.communityIds, ...scope.gridCommunityIds])],
    units: scope.unitIds,
  };
}

const anyOf = (parts: (SQL | undefined)[]): SQL => {
  const kept = parts.filter((p): p is SQL => p !== undefined);
  return kept.length ? (or(...kept) as SQL) : sql`false`;
};

export async function openingsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const r = await readableCommunities(db, actor);
  if (r.all) return undefined;
  const byUnit = r.units.length
    ? sql`exists (select 1 from ${postAssignments} join ${partyMembers} on ${partyMembers.id} = ${postAssignments.memberId}
        where ${postAssignments.openingId} = ${postOpenings.id} and ${inArray(partyMembers.unitId, r.units)})`
    : undefined;
  return anyOf([r.ids.length ? inArray(postOpenings.communityId, r.ids) : undefined, byUnit]);
}

/** Assignments a reader sees (the query joins the opening and the member). */
export async function assignmentsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const r = await readableCommunities(db, actor);
  if (r.all) return undefined;
  return anyOf([
    r.ids.length ? inArray(postOpenings.communityId, r.ids) : undefined,
    r.units.length ? inArray(partyMembers.unitId, r.units) : undefined,
  ]);
}

/** The actor's own Party member row, as a where-clause (their own posts). */
export function ownMemberWhere(actor: Actor): SQL {
  return actor.personId ? eq(partyMembers.personId, actor.personId) : sql`false`;
}

/** Whether the actor sets up this community's posts (county, or its community admin). */
export async function managesPosts(db: Db, actor: Actor, communityId: string): Promise<boolean> {
  if (!can(actor, 'memberservice.manage')) return false;
  const scope = await resolveScope(db, actor);
  return scope.all || scope.communityIds.includes(communityId);
}

export async function assertMayManagePosts(db: Db, actor: Actor, communityId: string): Promise<void> {
  if (!(await managesPosts(db, actor, communityId))) throw new AppError('FORBIDDEN');
}

/** The assignment for the whole county at once is the county's. */
export async function assertMayRunCounty(db: Db, actor: Actor): Promise<void> {
  if (!can(actor, 'memberservice.manage') || !(await resolveScope(db, actor)).all) throw new AppError('FORBIDDEN');
}

/** A row the actor may not even read is 404 (its existence is private); one they read but do not manage is 403. */
export async function assertMayChange(db: Db, actor: Actor, communityId: string, readable: boolean): Promise<void> {
  if (!readable) throw new AppError('NOT_FOUND', { entity: 'post_opening' });
  await assertMayManagePosts(db, actor, communityId);
}
