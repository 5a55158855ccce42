import { and, eq, notInArray } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { resolveScope } from '../grid/grid.scope.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { grids } from '../grid/grid.schema.js';
import { casesVisibleTo, relationsTo } from './cases.policy.js';
import { DISPATCH_RELEASED } from './cases.enums.js';
import { caseDispatches, cases } from './cases.schema.js';

// Its own file because the writer (cases.transition.ts), the reader (cases.query.ts), merging and reassigning all
// load a case this way: kept in one of them, the others would import each other in a circle.

/** The case as this actor may see it, with what the policy needs to know about it. */
export async function loadCaseFor(tx: Db, actor: Actor, caseId: string) {
  const [row] = await tx
    .select({ c: cases, gridCode: grids.code })
    .from(cases)
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .where(and(eq(cases.id, caseId), await casesVisibleTo(tx, actor)));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'case' });
  const units = await tx
    .select({ unitId: caseDispatches.unitId })
    .from(caseDispatches)
    // A unit that sent the case back or declined it no longer holds it: it may not act on the case any more.
    .where(and(eq(caseDispatches.caseId, caseId), notInArray(caseDispatches.status, [...DISPATCH_RELEASED])));
  const scope = await resolveScope(tx, actor);
  const relations = relationsTo(actor, scope, {
    communityId: row.c.communityId,
    gridCode: row.gridCode,
    reporterUserId: row.c.reporterUserId,
    reporterPersonId: row.c.reporterPersonId,
    unitIds: units.map((u) => u.unitId),
  });
  return { row: row.c, relations, scope };
}
