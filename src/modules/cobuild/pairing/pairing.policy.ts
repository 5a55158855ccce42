import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import { resolveScope } from '../../grid/grid.scope.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { pairingPlans, pairings } from './pairing.schema.js';

/**
 * Pairing is the county's decision (县委组织部): only pairings.manage runs, edits and adopts plans and sees drafts.
 * A community admin reads the adopted pairs of its communities, a unit admin those of its unit.
 */
export function assertMayManagePairings(actor: Actor): void {
  if (!can(actor, 'pairings.manage')) throw new AppError('FORBIDDEN');
}

export function assertMayReadPairings(actor: Actor): void {
  if (!can(actor, 'pairings.read')) throw new AppError('FORBIDDEN');
}

/** The pairs this actor may see: everything for the county; otherwise adopted plans, own communities or units. */
export async function pairsVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const own = [
    scope.communityIds.length ? inArray(pairings.communityId, scope.communityIds) : undefined,
    scope.unitIds.length ? inArray(pairings.unitId, scope.unitIds) : undefined,
  ].filter((x): x is SQL => x !== undefined);
  if (!own.length) return sql`false`;
  return and(eq(pairingPlans.status, 'adopted'), own.length === 1 ? own[0] : sql`(${own[0]} or ${own[1]})`);
}

/** A community's 大党委 roster: the county, or an admin of that community, may change it. */
export async function assertMayEditCommittee(db: Db, actor: Actor, communityId: string): Promise<void> {
  const scope = await resolveScope(db, actor);
  if (scope.all && can(actor, 'pairings.manage')) return;
  if (!scope.communityIds.includes(communityId)) throw new AppError('FORBIDDEN');
}

/** Reading a roster: anyone who reads pairings and sees that community or one of its paired units. */
export async function mayReadCommittee(
  db: Db,
  actor: Actor,
  communityId: string,
  pairedUnitIds: string[],
): Promise<boolean> {
  if (!can(actor, 'pairings.read')) return false;
  const scope = await resolveScope(db, actor);
  return scope.all || scope.communityIds.includes(communityId) || pairedUnitIds.some((u) => scope.unitIds.includes(u));
}

/**
 * Which rosters this actor's list of 大党委 shows: every one for the county, its own communities', and another
 * community's when one of its paired units is the actor's (pairedUnitIds is only asked then: one query per community).
 */
export async function committeesVisibleTo(
  db: Db,
  actor: Actor,
): Promise<(communityId: string, pairedUnitIds: () => Promise<string[]>) => Promise<boolean>> {
  const scope = await resolveScope(db, actor);
  return async (communityId, pairedUnitIds) =>
    scope.all ||
    scope.communityIds.includes(communityId) ||
    (await pairedUnitIds()).some((u) => scope.unitIds.includes(u));
}
