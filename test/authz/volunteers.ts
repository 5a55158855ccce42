import { and, eq } from 'drizzle-orm';
import { clock } from '../../src/core/clock.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerCertificates,
  volunteers,
  volunteerSignups,
  volunteerTeamMembers,
} from '../../src/modules/volunteers/volunteers.schema.js';
import type { TestContext } from '../app.js';
import { seedVolunteerWorld } from '../api-setup/volunteers.js';
import type { Side } from './world.js';

/**
 * The volunteer rows of the matrix (志愿服务, docs/VOLUNTEERS.md), written straight into the database: the test
 * volunteer world (test/api-setup/volunteers.ts: team A of 杭东 led by lead01 with vol01, team B of 三凤 led by
 * lead02), and on each side an activity of the side's team two days ahead with its sign-up window open, the side's
 * volunteer signed up, and a certificate of theirs in 公示. The matrix's person logins (member01, member02,
 * resident01) are registered volunteers signed up for their side's activity, so their registration probes are
 * refused (409) and change nothing.
 */
const HOUR = 3_600_000;

export interface VolunteerSideRows {
  volunteerTeam: string;
  /** A plain membership of the side's team, and its volunteer (vol01 in team A, vol02 in team B). */
  teamMember: string;
  plainMember: string;
  volunteer: string;
  volunteerActivity: string;
  volunteerRole: string;
  volunteerSignup: string;
  volunteerCertificate: string;
}

let serial = 0;

async function activity(ctx: TestContext, communityId: string, teamId: string, typeId: string) {
  const now = clock.now().getTime();
  const [a] = await ctx.database.db
    .insert(volunteerActivities)
    .values({
      communityId,
      teamId,
      typeId,
      title: '矩阵探针活动',
      place: '社区广场',
      startsAt: new Date(now + 48 * HOUR),
      endsAt: new Date(now + 50 * HOUR),
      signupOpensAt: new Date(now - 24 * HOUR),
      signupClosesAt: new Date(now + 24 * HOUR),
      cancelDeadlineAt: new Date(now + 47 * HOUR),
    })
    .returning({ id: volunteerActivities.id });
  const [role] = await ctx.database.db
    .insert(volunteerActivityRoles)
    .values({ activityId: a.id, name: '引导员', slots: 10 })
    .returning({ id: volunteerActivityRoles.id });
  return { activity: a.id, role: role.id };
}

/** A live sign-up of a volunteer on an activity's role (made again for each cell that cancels one). */
export async function matrixVolunteerSignup(ctx: TestContext, activityId: string, roleId: string, volunteerId: string) {
  const db = ctx.database.db;
  await db
    .update(volunteerSignups)
    .set({ state: 'cancelled', cancelledAt: clock.now() })
    .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.volunteerId, volunteerId)));
  const [s] = await db
    .insert(volunteerSignups)
    .values({ activityId, roleId, volunteerId, state: 'signed_up', queuedAt: clock.now() })
    .returning({ id: volunteerSignups.id });
  return s.id;
}

/** A certificate of the volunteer in 公示, issued by the community (made again for each cell that revokes one). */
export async function matrixVolunteerCertificate(ctx: TestContext, volunteerId: string, issuerOrgId: string) {
  const now = clock.now();
  serial += 1;
  const [c] = await ctx.database.db
    .insert(volunteerCertificates)
    .values({
      serial: `MATRIX-${now.getTime()}-${serial}`,
      volunteerId,
      issuerOrgId,
      periodFrom: '2020-01-01',
      periodTo: clock.today(),
      minutes: 600,
      activities: 3,
      content: '矩阵探针：街巷巡逻 3 次',
      issuedAt: now,
      publicUntil: new Date(now.getTime() + 7 * 24 * HOUR),
    })
    .returning({ id: volunteerCertificates.id });
  return c.id;
}

/** A plain membership of the volunteer in the team (made again for each cell that removes one). */
export async function matrixTeamMember(ctx: TestContext, teamId: string, volunteerId: string) {
  const db = ctx.database.db;
  await db
    .update(volunteerTeamMembers)
    .set({ leftAt: clock.now() })
    .where(and(eq(volunteerTeamMembers.teamId, teamId), eq(volunteerTeamMembers.volunteerId, volunteerId)));
  const [m] = await db
    .insert(volunteerTeamMembers)
    .values({ teamId, volunteerId, role: 'member', joinedAt: clock.now() })
    .returning({ id: volunteerTeamMembers.id });
  return m.id;
}

export async function matrixVolunteerRows(
  ctx: TestContext,
  communities: Record<Side, string>,
): Promise<{ sides: Record<Side, VolunteerSideRows>; volunteerSeries: string; volunteerType: string }> {
  const vw = await seedVolunteerWorld(ctx);
  const w = ctx.world;
  // member01 is registered by the volunteer world already; member02 and resident01 are registered here.
  const others = await ctx.database.db
    .insert(volunteers)
    .values(
      [w.people.memberPerson2.id, w.people.residentA.id].map((personId) => ({ personId, registeredAt: clock.now() })),
    )
    .returning({ id: volunteers.id });
  // Each signed up on their own side only (member01 and resident01 on A, member02 on B): their own lists name no row
  // of the other side.
  const registered: Record<Side, string[]> = { A: [vw.volunteers.member01, others[1].id], B: [others[0].id] };
  const typeId = vw.types.street_patrol;
  const side = async (s: Side): Promise<VolunteerSideRows> => {
    const team = s === 'A' ? vw.teams.A : vw.teams.B;
    const volunteer = s === 'A' ? vw.volunteers.vol01 : vw.volunteers.lead02;
    const { activity: activityId, role } = await activity(ctx, communities[s], team, typeId);
    for (const id of registered[s]) await matrixVolunteerSignup(ctx, activityId, role, id);
    const plainMember = s === 'A' ? vw.volunteers.vol01 : vw.volunteers.vol02;
    return {
      volunteerTeam: team,
      // vol02 joins team B here (it has only its leader); vol01's membership of team A is written again the same way.
      teamMember: await matrixTeamMember(ctx, team, plainMember),
      plainMember,
      volunteer,
      volunteerActivity: activityId,
      volunteerRole: role,
      volunteerSignup: await matrixVolunteerSignup(ctx, activityId, role, volunteer),
      volunteerCertificate: await matrixVolunteerCertificate(ctx, volunteer, communities[s]),
    };
  };
  return {
    sides: { A: await side('A'), B: await side('B') },
    volunteerSeries: vw.series.security_patrol,
    volunteerType: typeId,
  };
}

/** A new activity of the side's team for a cell that cancels one (with the side volunteer's sign-up). */
export async function freshVolunteerActivity(
  ctx: TestContext,
  rows: { community: string; volunteerTeam: string; volunteer: string },
  typeId: string,
): Promise<Partial<VolunteerSideRows>> {
  const a = await activity(ctx, rows.community, rows.volunteerTeam, typeId);
  return {
    volunteerActivity: a.activity,
    volunteerRole: a.role,
    volunteerSignup: await matrixVolunteerSignup(ctx, a.activity, a.role, rows.volunteer),
  };
}

/** A valid new activity of the side's team two days ahead (an allowed actor adds it; no other cell looks at it). */
export function matrixActivityBody(
  rows: { community: string; volunteerTeam: string },
  world: { volunteerType: string },
) {
  const now = clock.now().getTime();
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
  return {
    communityId: rows.community,
    teamId: rows.volunteerTeam,
    typeId: world.volunteerType,
    title: '矩阵探针新活动',
    place: '社区广场',
    startsAt: at(48),
    endsAt: at(50),
    signupOpensAt: at(-1),
    signupClosesAt: at(24),
    cancelDeadlineAt: at(47),
    roles: [{ name: '引导员', slots: 5 }],
  };
}
