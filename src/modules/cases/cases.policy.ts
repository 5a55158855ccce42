import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { hasRole } from '../../core/auth/actor.js';
import { can } from '../../core/auth/permissions.js';
import { anyOf, gridCodeUnder } from '../../core/auth/scope.js';
import { type DataScope, resolveScope } from '../grid/grid.scope.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { grids } from '../grid/grid.schema.js';
import { heldAlleyGridIds } from '../alleys/alleys.policy.js';
import { type DispatchStatus, STAFF_CHANNELS } from './cases.enums.js';
import { type CaseAction, type CaseRelation, TRANSITIONS } from './cases.machine.js';
import { caseDispatches, casePhotos, cases } from './cases.schema.js';

/**
 * Who sees which cases: the county all; a community admin their communities'; a grid worker those in their
 * grids; an alley head those in the alley regions they hold; a unit only what was dispatched to it; a resident only
 * what they reported.
 */
export async function casesVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const inGrids = gridCodeUnder(grids.code, scope.gridCodePrefixes);
  return (
    anyOf(
      scope.communityIds.length ? inArray(cases.communityId, scope.communityIds) : undefined,
      inGrids ? inArray(cases.gridId, db.select({ id: grids.id }).from(grids).where(inGrids)) : undefined,
      scope.unitIds.length
        ? inArray(
            cases.id,
            db
              .select({ id: caseDispatches.caseId })
              .from(caseDispatches)
              .where(inArray(caseDispatches.unitId, scope.unitIds)),
          )
        : undefined,
      reportedBy(actor),
      await inHeldAlleys(db, actor),
    ) ?? sql`false`
  );
}

/**
 * 巷长's inbox: the cases located in the alley grids they hold today (a role binding or an alley_head duty in force;
 * the duty alone is enough, so heads without a grid binding see them too). They read and follow these cases; the
 * grid worker still owns them (relationsTo gives an alley head no 'owner').
 */
export async function inHeldAlleys(db: Db, actor: Actor): Promise<SQL | undefined> {
  const held = await heldAlleyGridIds(db, actor);
  if (!held.length) return undefined;
  const codes = await db.select({ code: grids.code }).from(grids).where(inArray(grids.id, held));
  const under = gridCodeUnder(
    grids.code,
    codes.map((g) => g.code),
  );
  return under ? inArray(cases.gridId, db.select({ id: grids.id }).from(grids).where(under)) : undefined;
}

function reportedBy(actor: Actor): SQL | undefined {
  return actor.personId
    ? or(eq(cases.reporterUserId, actor.userId), eq(cases.reporterPersonId, actor.personId))
    : eq(cases.reporterUserId, actor.userId);
}

export interface CaseFacts {
  communityId: string;
  gridCode: string;
  reporterUserId: string | null;
  reporterPersonId: string | null;
  /** Units the case is dispatched to that still hold it (not returned or declined). */
  unitIds: string[];
}

/** How this actor stands to this case; the state machine decides what each relation may do. */
export function relationsTo(actor: Actor, scope: DataScope, c: CaseFacts): CaseRelation[] {
  const rel: CaseRelation[] = [];
  if (scope.all) rel.push('county');
  if (scope.communityIds.includes(c.communityId)) rel.push('community');
  // 巷长 answer for grids too, but only a grid worker owns the cases in them (DESIGN: 网格员 is the duty holder).
  if (hasRole(actor, 'grid_worker') && scope.gridCodePrefixes.some((p) => c.gridCode.startsWith(p))) rel.push('owner');
  if (scope.unitIds.some((u) => c.unitIds.includes(u))) rel.push('unit');
  if (c.reporterUserId === actor.userId || (actor.personId && c.reporterPersonId === actor.personId))
    rel.push('reporter');
  return rel;
}

/** Staff who may record a case for others or classify text: anyone who handles cases somewhere. */
export function isCaseStaff(actor: Actor): boolean {
  return can(actor, 'cases.manage');
}

const STAFF_CHANNEL_SET: ReadonlySet<string> = new Set(STAFF_CHANNELS);

/** Intake: a staff channel (hall, door visit, street point, community whistle) is recorded by staff only. */
export function assertMayReportThrough(actor: Actor, channel: string): void {
  if (STAFF_CHANNEL_SET.has(channel) && !isCaseStaff(actor)) throw new AppError('FORBIDDEN');
}

/** The relations that handle a case (as opposed to a unit it was dispatched to, or its reporter). */
const STAFF_RELATIONS: ReadonlySet<CaseRelation> = new Set(['county', 'community', 'owner']);
const handles = (relations: readonly CaseRelation[]) => relations.some((r) => STAFF_RELATIONS.has(r));

/** A transition: the state machine says which relations may fire each action. */
export function canFire(action: CaseAction, relations: readonly CaseRelation[]): boolean {
  return TRANSITIONS[action].by.some((r) => relations.includes(r));
}

export function assertMayFire(action: CaseAction, relations: readonly CaseRelation[]): void {
  if (!canFire(action, relations)) throw new AppError('FORBIDDEN');
}

/** The reporter rates on the phone page; staff only record a phone-visit rating on the reporter's behalf. */
export function assertMayRate(relations: readonly CaseRelation[], phoneVisit: boolean | undefined): void {
  if (!relations.includes('reporter') && !phoneVisit) throw new AppError('FORBIDDEN');
}

/** Reassigning a case to another grid: whoever handles it (county, its community, its grid worker). */
export function assertMayReassign(relations: readonly CaseRelation[]): void {
  if (!handles(relations)) throw new AppError('FORBIDDEN');
}

/** Moving a case out of one's own community needs the county (or an admin of both communities). */
export function assertMayMoveToCommunity(scope: DataScope, fromCommunityId: string, toCommunityId: string): void {
  if (!scope.all && toCommunityId !== fromCommunityId && !scope.communityIds.includes(toCommunityId))
    throw new AppError('FORBIDDEN');
}

/** Merging: each of the two cases must be one this actor handles as staff. */
export function assertMayMerge(relations: readonly CaseRelation[]): void {
  if (!handles(relations)) throw new AppError('FORBIDDEN');
}

/**
 * 报到 is the unit's own step. While a unit called in has not reported and none has, only a unit may acknowledge the
 * case; anyone else gets 403 DISPATCH_PROXY_REQUIRED (the case page then offers no 报到 button) and may record a
 * unit's 报到 only as 代报到 on its row (canProxyAcknowledge). A case kept with its grid is acknowledged as before.
 */
export function mayAcknowledgeCase(relations: readonly CaseRelation[], dispatches: readonly DispatchStatus[]): boolean {
  if (relations.includes('unit')) return true;
  const waiting = dispatches.includes('pending');
  const reported = dispatches.some((s) => s === 'acknowledged' || s === 'on_site');
  return !waiting || reported;
}

export function assertMayAcknowledgeCase(
  relations: readonly CaseRelation[],
  dispatches: readonly DispatchStatus[],
): void {
  if (!mayAcknowledgeCase(relations, dispatches)) throw new AppError('DISPATCH_PROXY_REQUIRED');
}

/** 代报到: the community (or the county) records a unit's 报到 on its behalf, with a reason. */
export function canProxyAcknowledge(relations: readonly CaseRelation[]): boolean {
  return relations.includes('community') || relations.includes('county');
}

export function assertMayProxyAcknowledge(relations: readonly CaseRelation[]): void {
  if (!canProxyAcknowledge(relations)) throw new AppError('FORBIDDEN');
}

/** A dispatch row (吹哨报到) is worked only by an admin of the unit it was sent to. */
export async function assertMayWorkDispatch(db: Db, actor: Actor, unitId: string): Promise<void> {
  if (!(await resolveScope(db, actor)).unitIds.includes(unitId)) throw new AppError('FORBIDDEN');
}

/**
 * Dispatch rows: a unit admin sees its units' rows; a community admin those of their communities' cases; a grid
 * worker those of cases in their grids (the units they whistled in); the county all; anyone else none. The query
 * joins cases and grids.
 */
export async function dispatchesVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  return (
    anyOf(
      scope.unitIds.length ? inArray(caseDispatches.unitId, scope.unitIds) : undefined,
      scope.communityIds.length ? inArray(cases.communityId, scope.communityIds) : undefined,
      gridCodeUnder(grids.code, scope.gridCodePrefixes),
    ) ?? sql`false`
  );
}

/**
 * /cases/similar: staff are told which open case is nearby (number, title, status) even outside their scope, so a
 * report taken at the hall can be joined to it; anyone else learns only that there is one and how far away, unless
 * they may open the case anyway (they reported it, or it was dispatched to their unit).
 */
export function mayNameSimilarCase(actor: Actor, visible: boolean): boolean {
  return visible || isCaseStaff(actor);
}

/** "Same as" at intake: only a case /similar named to this actor may be joined (a guessed or leaked id may not). */
export async function mayJoinCase(db: Db, actor: Actor, caseId: string): Promise<boolean> {
  if (isCaseStaff(actor)) return true;
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), await casesVisibleTo(db, actor)));
  return row !== undefined;
}

/** Photos are attached to a case only by whoever uploaded them: holding a photo id is not enough. */
export function photosAttachableBy(actor: Actor): SQL {
  return eq(casePhotos.uploadedByUserId, actor.userId);
}
