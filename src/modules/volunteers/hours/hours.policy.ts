import { and, eq, exists, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { resolveScope } from '../../grid/grid.scope.js';
import { organisations } from '../../org/org.schema.js';
import { people } from '../../people/people.schema.js';
import { managedScope } from '../volunteers.policy.js';
import { volunteers, volunteerTeamMembers, volunteerTeams } from '../volunteers.schema.js';

/**
 * Whose hours and certificates the caller sees, and for whom they may issue certificates (building on the shared
 * volunteers.policy.ts): the county every volunteer; a community admin the volunteers living in their communities or
 * in their communities' teams; a team leader their team's members (open memberships). Anyone else: none.
 */

/** An open membership of a team matching `team`, as a filter over `volunteers` (correlated). */
export function inTeamWhere(db: Db, team: SQL): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(volunteerTeamMembers)
      .innerJoin(volunteerTeams, eq(volunteerTeams.id, volunteerTeamMembers.teamId))
      .where(and(eq(volunteerTeamMembers.volunteerId, volunteers.id), isNull(volunteerTeamMembers.leftAt), team)),
  );
}

/** Living in these communities or an open member of one of their teams (volunteers joined to their person). */
export function ofCommunities(db: Db, communityIds: string[]): SQL {
  if (!communityIds.length) return sql`false`;
  return or(
    inArray(people.communityId, communityIds),
    inTeamWhere(db, inArray(volunteerTeams.communityId, communityIds)),
  )!;
}

/** The volunteers whose hours and certificates the caller reads, as a filter (the query joins `people`). */
export async function volunteersVisibleTo(db: Db, actor: Actor): Promise<SQL> {
  const m = await managedScope(db, actor);
  if (m.all) return sql`true`;
  return (
    or(
      m.communityIds.length ? ofCommunities(db, m.communityIds) : undefined,
      m.teamIds.length ? inTeamWhere(db, inArray(volunteerTeams.id, m.teamIds)) : undefined,
    ) ?? sql`false`
  );
}

/** The communities the caller certifies for (volunteers.certify): all for the county. */
async function certifyScope(db: Db, actor: Actor): Promise<{ all: boolean; communityIds: string[] }> {
  if (!can(actor, 'volunteers.certify')) return { all: false, communityIds: [] };
  const scope = await resolveScope(db, actor);
  return { all: scope.all, communityIds: scope.communityIds };
}

/**
 * The organisation that issues a certificate for this volunteer when the caller issues it: the county organisation
 * for the county; for a community admin the volunteer's community if theirs, else the first of their communities
 * whose team the volunteer belongs to. 403 when the caller may not certify this volunteer (seen, not certifiable).
 */
export async function issuerFor(db: Db, actor: Actor, volunteerId: string): Promise<string> {
  const scope = await certifyScope(db, actor);
  if (scope.all) {
    const [county] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.kind, 'county'))
      .limit(1);
    if (county) return county.id;
    throw new AppError('FORBIDDEN');
  }
  const [v] = await db
    .select({ communityId: people.communityId })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(eq(volunteers.id, volunteerId));
  if (v?.communityId && scope.communityIds.includes(v.communityId)) return v.communityId;
  const teams = scope.communityIds.length
    ? await db
        .select({ communityId: volunteerTeams.communityId })
        .from(volunteerTeamMembers)
        .innerJoin(volunteerTeams, eq(volunteerTeams.id, volunteerTeamMembers.teamId))
        .where(
          and(
            eq(volunteerTeamMembers.volunteerId, volunteerId),
            isNull(volunteerTeamMembers.leftAt),
            inArray(volunteerTeams.communityId, scope.communityIds),
          ),
        )
        .orderBy(volunteerTeams.name)
    : [];
  if (teams[0]?.communityId) return teams[0].communityId;
  throw new AppError('FORBIDDEN');
}

/** Revoking: the county any certificate; a community admin those their communities issued. */
export async function assertMayRevoke(db: Db, actor: Actor, issuerOrgId: string): Promise<void> {
  const scope = await certifyScope(db, actor);
  if (!scope.all && !scope.communityIds.includes(issuerOrgId)) throw new AppError('FORBIDDEN');
}

/** The 公示 list: anyone who reads volunteer service or takes part in it. */
export function assertMayReadPublic(actor: Actor): void {
  if (!can(actor, 'volunteers.read') && !can(actor, 'volunteers.self')) throw new AppError('FORBIDDEN');
}

/** A certificate's card: the volunteer themself, or a reader whose scope holds the volunteer (else 404). */
export async function mayViewCertificate(
  db: Db,
  actor: Actor,
  cert: { volunteerId: string; personId: string },
): Promise<boolean> {
  if (actor.personId && actor.personId === cert.personId) return true;
  if (!can(actor, 'volunteers.read')) return false;
  const [row] = await db
    .select({ id: volunteers.id })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(and(eq(volunteers.id, cert.volunteerId), await volunteersVisibleTo(db, actor)));
  return row !== undefined;
}
