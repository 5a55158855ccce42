import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { hasRole } from '../../core/auth/actor.js';
import { anyOf, type DataScope, gridCodeUnder, resolveScope } from '../../core/auth/scope.js';
import type { Db } from '../../core/db.js';
import { grids } from '../grid/grid.schema.js';
import type { CaseRelation } from './cases.machine.js';
import { caseDispatches, casePhotos, cases } from './cases.schema.js';

/**
 * Who sees which cases: the county all; a community admin their communities'; a grid worker those in their
 * grids; a unit only what was dispatched to it; a resident only what they reported.
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
    ) ?? sql`false`
  );
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
  /** Units the case is dispatched to (not returned). */
  unitIds: string[];
}

/** How this actor stands to this case; the state machine decides what each relation may do. */
export function relationsTo(actor: Actor, scope: DataScope, c: CaseFacts): CaseRelation[] {
  const rel: CaseRelation[] = [];
  if (scope.all) rel.push('county');
  if (scope.communityIds.includes(c.communityId)) rel.push('community');
  if (hasRole(actor, 'grid_worker') && scope.gridCodePrefixes.some((p) => c.gridCode.startsWith(p))) rel.push('owner');
  if (scope.unitIds.some((u) => c.unitIds.includes(u))) rel.push('unit');
  if (c.reporterUserId === actor.userId || (actor.personId && c.reporterPersonId === actor.personId))
    rel.push('reporter');
  return rel;
}

/** Staff who may record a case for others or classify text: anyone who handles cases somewhere. */
export function isCaseStaff(actor: Actor): boolean {
  return hasRole(actor, 'county_admin', 'community_admin', 'grid_worker');
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
