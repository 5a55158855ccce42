import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import { anyOf, gridCodeUnder } from '../../../core/auth/scope.js';
import { resolveScope } from '../../grid/grid.scope.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { grids } from '../../grid/grid.schema.js';
import { organisations } from '../../org/org.schema.js';
import { people } from '../people.schema.js';
import { partyMembers } from './members.schema.js';

/** Branches under the given parents (community or unit), as a subquery. */
function branchesUnder(db: Db, parentIds: string[]) {
  return db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.parentId, parentIds));
}

/**
 * 双重管理: a member is visible to the community they live in and to the unit they work for (and its
 * branches); grid workers see members living in their grids; everyone sees themselves.
 */
export async function membersVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const inGrids = gridCodeUnder(grids.code, scope.gridCodePrefixes);
  const orgIds = [...scope.communityIds, ...scope.unitIds];
  return (
    anyOf(
      scope.communityIds.length ? inArray(partyMembers.residenceCommunityId, scope.communityIds) : undefined,
      scope.unitIds.length ? inArray(partyMembers.unitId, scope.unitIds) : undefined,
      orgIds.length ? inArray(partyMembers.branchId, branchesUnder(db, orgIds)) : undefined,
      inGrids
        ? inArray(
            partyMembers.personId,
            db.select({ id: people.id }).from(people).innerJoin(grids, eq(grids.id, people.homeGridId)).where(inGrids),
          )
        : undefined,
      scope.personId ? eq(partyMembers.personId, scope.personId) : undefined,
    ) ?? sql`false`
  );
}

interface MemberPlacement {
  unitId: string | null;
  residenceCommunityId: string | null;
  branchId: string | null;
}

/** A community admin manages members living in (or organised by) their community; a unit admin their unit's. */
export async function assertMayManageMember(db: Db, actor: Actor, m: MemberPlacement): Promise<void> {
  if (!can(actor, 'members.write')) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (scope.all) return;
  const owners = [...scope.communityIds, ...scope.unitIds];
  let branchParent: string | null = null;
  if (m.branchId) {
    const [b] = await db
      .select({ parentId: organisations.parentId })
      .from(organisations)
      .where(eq(organisations.id, m.branchId));
    branchParent = b?.parentId ?? null;
  }
  const ok =
    (m.residenceCommunityId && scope.communityIds.includes(m.residenceCommunityId)) ||
    (m.unitId && scope.unitIds.includes(m.unitId)) ||
    (branchParent && owners.includes(branchParent));
  if (!ok) throw new AppError('FORBIDDEN');
}
