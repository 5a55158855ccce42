import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { people } from '../../people/people.schema.js';
import type { TeamRole } from '../volunteers.enums.js';
import { volunteers, volunteerTeamMembers } from '../volunteers.schema.js';
import type { AddTeamMember, TeamMemberView } from './catalogue.contracts.js';
import { assertMayChangeRoster } from './catalogue.policy.js';
import { loadTeam, presentMember } from './catalogue.teams.js';

/**
 * A team's roster: adding, re-roling and removing members. Removing keeps the row as history (`leftAt`); one open
 * membership per team and volunteer is a unique index, so adding twice — even at once — is 409
 * VOLUNTEER_TEAM_MEMBER_EXISTS. A team's leader may change plain members only (catalogue.policy.ts).
 */
type MemberRow = typeof volunteerTeamMembers.$inferSelect;

async function volunteerWithPerson(db: Db, volunteerId: string) {
  const [row] = await db
    .select({ v: volunteers, name: people.name, phone: people.phone })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .where(eq(volunteers.id, volunteerId));
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volunteer' });
  return row;
}

/** Puts a volunteer in a team (inside the caller's transaction); false when they already are. */
export async function insertMembership(
  tx: Db,
  actor: Actor,
  m: { teamId: string; volunteerId: string; role: TeamRole },
): Promise<MemberRow | null> {
  const [row] = await tx
    .insert(volunteerTeamMembers)
    .values({ ...m, joinedAt: clock.now() })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await recordAudit(tx, {
    actor,
    action: 'volunteer_team_member.add',
    entityType: 'volunteer_team',
    entityId: m.teamId,
    after: row,
  });
  return row;
}

export async function addMember(opts: {
  db: Db;
  actor: Actor;
  teamId: string;
  input: AddTeamMember;
}): Promise<TeamMemberView> {
  const { db, actor, teamId, input } = opts;
  const team = await loadTeam(db, teamId);
  await assertMayChangeRoster(db, actor, team, [input.role]);
  const vp = await volunteerWithPerson(db, input.volunteerId);
  if (vp.v.state !== 'active') throw new AppError('VOLUNTEER_INACTIVE');
  const row = await db.transaction((tx) => insertMembership(tx, actor, { teamId, ...input }));
  if (!row) throw new AppError('VOLUNTEER_TEAM_MEMBER_EXISTS', { name: vp.name });
  return presentMember(row, vp.v, vp);
}

/** An open membership of this team, or 404. */
async function openMembership(db: Db, teamId: string, memberId: string): Promise<MemberRow> {
  const [m] = await db
    .select()
    .from(volunteerTeamMembers)
    .where(
      and(
        eq(volunteerTeamMembers.id, memberId),
        eq(volunteerTeamMembers.teamId, teamId),
        isNull(volunteerTeamMembers.leftAt),
      ),
    );
  if (!m) throw new AppError('NOT_FOUND', { entity: 'volunteer_team_member' });
  return m;
}

export async function updateMember(opts: {
  db: Db;
  actor: Actor;
  teamId: string;
  memberId: string;
  role: TeamRole;
}): Promise<TeamMemberView> {
  const { db, actor, teamId, memberId, role } = opts;
  const team = await loadTeam(db, teamId);
  const before = await openMembership(db, teamId, memberId);
  await assertMayChangeRoster(db, actor, team, [before.role, role]);
  const row = await db.transaction(async (tx) => {
    const [after] = await tx
      .update(volunteerTeamMembers)
      .set({ role, version: sql`${volunteerTeamMembers.version} + 1`, updatedAt: clock.now() })
      .where(and(eq(volunteerTeamMembers.id, memberId), isNull(volunteerTeamMembers.leftAt)))
      .returning();
    if (!after) throw new AppError('NOT_FOUND', { entity: 'volunteer_team_member' });
    await recordAudit(tx, {
      actor,
      action: 'volunteer_team_member.update',
      entityType: 'volunteer_team',
      entityId: teamId,
      before,
      after,
    });
    return after;
  });
  const vp = await volunteerWithPerson(db, row.volunteerId);
  return presentMember(row, vp.v, vp);
}

export async function removeMember(opts: { db: Db; actor: Actor; teamId: string; memberId: string }): Promise<void> {
  const { db, actor, teamId, memberId } = opts;
  const team = await loadTeam(db, teamId);
  const before = await openMembership(db, teamId, memberId);
  await assertMayChangeRoster(db, actor, team, [before.role]);
  await db.transaction(async (tx) => {
    const now = clock.now();
    const [after] = await tx
      .update(volunteerTeamMembers)
      .set({ leftAt: now, version: sql`${volunteerTeamMembers.version} + 1`, updatedAt: now })
      .where(and(eq(volunteerTeamMembers.id, memberId), isNull(volunteerTeamMembers.leftAt)))
      .returning();
    if (!after) throw new AppError('NOT_FOUND', { entity: 'volunteer_team_member' });
    await recordAudit(tx, {
      actor,
      action: 'volunteer_team_member.remove',
      entityType: 'volunteer_team',
      entityId: teamId,
      before,
      after,
    });
  });
}
