import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { can } from '../../../core/auth/permissions.js';
import { anyOf, gridCodeUnder } from '../../../core/auth/scope.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { grids } from '../../grid/grid.schema.js';
import { resolveScope } from '../../grid/grid.scope.js';
import { people } from '../../people/people.schema.js';
import type { TeamRole } from '../volunteers.enums.js';
import { type ManagedScope, managedScope, runs } from '../volunteers.policy.js';
import { volunteers, volunteerTeamMembers, volunteerTeams } from '../volunteers.schema.js';

/**
 * Who may do what with the catalogue, teams and registrations (builds on volunteers.policy.ts):
 * - the catalogue, the teams and the rules are read by anyone who may read volunteer service or take part in it;
 * - a team is created and changed by the county (a county-wide team too) or the admin of its community;
 * - its roster by those, and by its leader — who may add and remove plain members only: making or unmaking a
 *   leader is the community's or the county's decision;
 * - volunteers are registered and changed by staff whose communities the person lives in (the county: anyone);
 *   a person registers themself;
 * - the volunteer list: the county all; a community admin those living in their communities or in their teams;
 *   a leader their team's members and the volunteers living in their teams' communities (whom they may recruit); a grid worker those living in their grids; everyone their own row.
 */

/** Reading the catalogue, teams and rules: volunteers.read (staff, volunteers) or volunteers.self (taking part). */
export function assertMayReadCatalogue(actor: Actor): void {
  if (!can(actor, 'volunteers.read') && !can(actor, 'volunteers.self')) throw new AppError('FORBIDDEN');
}

/** Whether the scope runs a team as staff (county or its community's admin), not merely as its leader. */
function runsAsStaff(m: ManagedScope, team: { communityId: string | null }): boolean {
  return m.all || (team.communityId !== null && m.communityIds.includes(team.communityId));
}

/** Creating a team: the county anywhere (communityId null: county-wide); a community admin in their communities. */
export async function assertMayCreateTeam(db: Db, actor: Actor, communityId: string | null): Promise<void> {
  if (!runsAsStaff(await managedScope(db, actor), { communityId })) throw new AppError('FORBIDDEN');
}

/** Changing a team itself (name, series, description, active): staff only, never its leader. */
export async function assertMayEditTeam(db: Db, actor: Actor, team: { communityId: string | null }): Promise<void> {
  if (!runsAsStaff(await managedScope(db, actor), team)) throw new AppError('FORBIDDEN');
}

/**
 * Changing a team's roster. `roles` are the membership roles the change touches (the role added or removed, both
 * the old and new role of a change): staff may do anything; the team's leader only what touches plain members.
 */
export async function assertMayChangeRoster(
  db: Db,
  actor: Actor,
  team: { id: string; communityId: string | null },
  roles: readonly TeamRole[],
): Promise<void> {
  const m = await managedScope(db, actor);
  if (runsAsStaff(m, team)) return;
  if (!m.teamIds.includes(team.id) || roles.some((r) => r !== 'member')) throw new AppError('FORBIDDEN');
}

/** Per-row answer for the team views: may the caller change this team's roster at all. */
export async function teamRunner(
  db: Db,
  actor: Actor,
): Promise<(team: { id: string; communityId: string | null }) => boolean> {
  const m = await managedScope(db, actor);
  return (team) => runs(m, { communityId: team.communityId, teamId: team.id });
}

/** Registering or changing a volunteer by staff: the person lives in the caller's communities (the county: any). */
export async function assertMayManagePerson(
  db: Db,
  actor: Actor,
  person: { communityId: string | null },
): Promise<void> {
  if (!runsAsStaff(await managedScope(db, actor), person)) throw new AppError('FORBIDDEN');
}

/** Registering oneself needs a login tied to a person. */
export function assertMayRegisterSelf(actor: Actor): string {
  if (!actor.personId) throw new AppError('FORBIDDEN');
  return actor.personId;
}

/** A team a volunteer joins at registration: staff add to the teams they run; a person joins any active team. */
export async function assertMayJoinAtRegistration(
  db: Db,
  actor: Actor,
  team: { id: string; communityId: string | null },
  self: boolean,
): Promise<void> {
  if (self) return;
  await assertMayChangeRoster(db, actor, team, ['member']);
}

const openMemberOf = (teamFilter: SQL) =>
  inArray(
    volunteers.id,
    sql`(select ${volunteerTeamMembers.volunteerId} from ${volunteerTeamMembers}
      join ${volunteerTeams} on ${volunteerTeams.id} = ${volunteerTeamMembers.teamId}
      where ${isNull(volunteerTeamMembers.leftAt)} and ${teamFilter})`,
  );

/** The volunteers the caller sees in the staff list, as a filter over a query joining volunteers and people. */
export async function volunteersVisibleTo(db: Db, actor: Actor): Promise<SQL | undefined> {
  const m = await managedScope(db, actor);
  if (m.all) return undefined;
  const scope = await resolveScope(db, actor);
  const inGrids = can(actor, 'volunteers.read') ? gridCodeUnder(grids.code, scope.gridCodePrefixes) : undefined;
  return (
    anyOf(
      m.communityIds.length ? inArray(people.communityId, m.communityIds) : undefined,
      m.communityIds.length ? openMemberOf(inArray(volunteerTeams.communityId, m.communityIds)) : undefined,
      m.teamIds.length ? openMemberOf(inArray(volunteerTeams.id, m.teamIds)) : undefined,
      // A leader recruits where their team serves: the volunteers living in their teams' communities.
      m.teamIds.length
        ? inArray(
            people.communityId,
            db
              .select({ id: volunteerTeams.communityId })
              .from(volunteerTeams)
              .where(and(inArray(volunteerTeams.id, m.teamIds), isNotNull(volunteerTeams.communityId))),
          )
        : undefined,
      inGrids ? inArray(people.homeGridId, db.select({ id: grids.id }).from(grids).where(inGrids)) : undefined,
      actor.personId ? eq(volunteers.personId, actor.personId) : undefined,
    ) ?? sql`false`
  );
}

/**
 * Changing a registration by staff: the person lives in the caller's communities, or the volunteer is in a team
 * of those communities (the county: anyone).
 */
export async function assertMayChangeVolunteer(
  db: Db,
  actor: Actor,
  v: { volunteerId: string; communityId: string | null },
): Promise<void> {
  const m = await managedScope(db, actor);
  if (runsAsStaff(m, v)) return;
  if (m.communityIds.length) {
    const [inTeam] = await db
      .select({ id: volunteerTeamMembers.id })
      .from(volunteerTeamMembers)
      .innerJoin(volunteerTeams, eq(volunteerTeams.id, volunteerTeamMembers.teamId))
      .where(
        and(
          eq(volunteerTeamMembers.volunteerId, v.volunteerId),
          isNull(volunteerTeamMembers.leftAt),
          inArray(volunteerTeams.communityId, m.communityIds),
        ),
      )
      .limit(1);
    if (inTeam) return;
  }
  throw new AppError('FORBIDDEN');
}
