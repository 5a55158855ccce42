import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.js';
import { can } from '../../core/auth/permissions.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { resolveScope } from '../grid/grid.scope.js';
import { volunteerActivities, volunteers, volunteerTeamMembers, volunteerTeams } from './volunteers.schema.js';

/**
 * Who may do what with volunteer service, shared by the sub-modules (catalogue/, activities/, presence/, hours/),
 * whose own `.policy.ts` files build on these answers:
 * - the county everything; a community admin the teams and activities of their communities;
 * - a team leader (a volunteer whose open membership of a team is `leader`) their team's roster and activities;
 * - a volunteer their own registration, sign-ups, presence, hours and certificates.
 * Teams, the catalogue and open activities are public to anyone who may read or take part.
 */

/** The caller's own volunteer row (by their person), or null when they have not registered. */
export async function ownVolunteer(db: Db, actor: Actor): Promise<typeof volunteers.$inferSelect | null> {
  if (!actor.personId) return null;
  const [v] = await db.select().from(volunteers).where(eq(volunteers.personId, actor.personId));
  return v ?? null;
}

/** The caller's own volunteer row, or 409 VOLUNTEER_NOT_REGISTERED (the phone pages offer registration then). */
export async function requireOwnVolunteer(db: Db, actor: Actor): Promise<typeof volunteers.$inferSelect> {
  const v = await ownVolunteer(db, actor);
  if (!v) throw new AppError('VOLUNTEER_NOT_REGISTERED');
  return v;
}

/** The teams the caller leads (open leader memberships), for `volunteers.lead` held through the volunteer role. */
export async function ledTeamIds(db: Db, actor: Actor): Promise<string[]> {
  if (!actor.personId || !can(actor, 'volunteers.lead')) return [];
  const rows = await db
    .select({ teamId: volunteerTeamMembers.teamId })
    .from(volunteerTeamMembers)
    .innerJoin(volunteers, eq(volunteers.id, volunteerTeamMembers.volunteerId))
    .where(
      and(
        eq(volunteers.personId, actor.personId),
        eq(volunteerTeamMembers.role, 'leader'),
        isNull(volunteerTeamMembers.leftAt),
      ),
    );
  return rows.map((r) => r.teamId);
}

/** What the caller runs: everything (county), these communities (community admin), these teams (as leader). */
export interface ManagedScope {
  all: boolean;
  communityIds: string[];
  teamIds: string[];
}

export async function managedScope(db: Db, actor: Actor): Promise<ManagedScope> {
  const scope = await resolveScope(db, actor);
  const manages = can(actor, 'volunteers.manage');
  return {
    all: scope.all,
    communityIds: manages ? scope.communityIds : [],
    teamIds: await ledTeamIds(db, actor),
  };
}

/** A team or activity is run by the caller: the county; its community's admin; its team's leader. */
export function runs(m: ManagedScope, row: { communityId: string | null; teamId: string | null }): boolean {
  if (m.all) return true;
  if (row.communityId && m.communityIds.includes(row.communityId)) return true;
  return row.teamId !== null && m.teamIds.includes(row.teamId);
}

/** Running an activity (roster, presence by the organiser, corrections, residents served, cancel). */
export async function assertMayRunActivity(
  db: Db,
  actor: Actor,
  a: { communityId: string; teamId: string | null },
): Promise<void> {
  if (!runs(await managedScope(db, actor), a)) throw new AppError('FORBIDDEN');
}

/** Running a team (its roster and leaders): the county; a community admin a team of their community; its leader. */
export async function assertMayRunTeam(
  db: Db,
  actor: Actor,
  team: { id: string; communityId: string | null },
): Promise<void> {
  if (!runs(await managedScope(db, actor), { communityId: team.communityId, teamId: team.id })) {
    throw new AppError('FORBIDDEN');
  }
}

/** The activities the caller runs, as a filter (the staff lists: rosters, hours, corrections). */
export async function activitiesRunBy(db: Db, actor: Actor): Promise<SQL> {
  const m = await managedScope(db, actor);
  if (m.all) return sql`true`;
  return (
    or(
      m.communityIds.length ? inArray(volunteerActivities.communityId, m.communityIds) : undefined,
      m.teamIds.length ? inArray(volunteerActivities.teamId, m.teamIds) : undefined,
    ) ?? sql`false`
  );
}

/** The teams the caller runs, as a filter. */
export async function teamsRunBy(db: Db, actor: Actor): Promise<SQL> {
  const m = await managedScope(db, actor);
  if (m.all) return sql`true`;
  return (
    or(
      m.communityIds.length ? inArray(volunteerTeams.communityId, m.communityIds) : undefined,
      m.teamIds.length ? inArray(volunteerTeams.id, m.teamIds) : undefined,
    ) ?? sql`false`
  );
}
