import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { can, type Permission } from '../../core/auth/permissions.js';
import { anyOf, gridCodeUnder } from '../../core/auth/scope.js';
import { resolveScope, type DataScope } from '../grid/grid.scope.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { grids } from '../grid/grid.schema.js';
import { partyMembers } from './members/members.schema.js';
import { people } from './people.schema.js';

const NOTHING = sql`false`;

/**
 * Who sees which people: the county everyone; a community admin the residents of their communities; a grid
 * worker or alley head those living in their grids; a unit admin their unit's members; everyone themselves.
 */
export async function peopleVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const scope = await resolveScope(db, actor);
  if (scope.all) return undefined;
  const inGrids = gridCodeUnder(grids.code, scope.gridCodePrefixes);
  return (
    anyOf(
      scope.communityIds.length ? inArray(people.communityId, scope.communityIds) : undefined,
      inGrids ? inArray(people.homeGridId, db.select({ id: grids.id }).from(grids).where(inGrids)) : undefined,
      scope.unitIds.length
        ? inArray(
            people.id,
            db
              .select({ id: partyMembers.personId })
              .from(partyMembers)
              .where(inArray(partyMembers.unitId, scope.unitIds)),
          )
        : undefined,
      scope.personId ? eq(people.id, scope.personId) : undefined,
    ) ?? NOTHING
  );
}

export interface PersonPlacement {
  communityId: string | null;
  homeGridCode: string | null;
}

/** Whether the actor may change people living at this place (community admin: community; grid worker: grid). */
export function mayManagePlace(scope: DataScope, place: PersonPlacement): boolean {
  if (scope.all) return true;
  if (place.communityId && scope.communityIds.includes(place.communityId)) return true;
  const code = place.homeGridCode;
  return !!code && scope.gridCodePrefixes.some((p) => code.startsWith(p));
}

export async function assertMayManagePlace(
  db: Db,
  actor: Actor,
  place: PersonPlacement,
  permission: Permission = 'people.write',
): Promise<void> {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
  const scope = await resolveScope(db, actor);
  if (!mayManagePlace(scope, place)) throw new AppError('FORBIDDEN');
}
