import { hashPassword } from '../../src/core/auth/password.js';
import { clock } from '../../src/core/clock.js';
import type { Db } from '../../src/core/db.js';
import { roleBindings, users } from '../../src/modules/auth/auth.schema.js';
import { people } from '../../src/modules/people/people.schema.js';
import {
  volunteers,
  volunteerSeries,
  volunteerServiceTypes,
  volunteerTeamMembers,
  volunteerTeams,
} from '../../src/modules/volunteers/volunteers.schema.js';
import { VOLUNTEER_CATALOGUE } from '../../src/seed/volunteer-catalogue.js';
import type { TestContext } from '../app.js';
import { TEST_PASSWORD } from '../world.js';

/** The article's catalogue (7 series, 19 types); returns the ids by key. */
export async function seedVolunteerCatalogue(db: Db) {
  const series: Record<string, string> = {};
  const types: Record<string, string> = {};
  for (const [i, s] of VOLUNTEER_CATALOGUE.entries()) {
    const [row] = await db
      .insert(volunteerSeries)
      .values({ key: s.key, name: s.name, nameEn: s.nameEn, sort: i })
      .returning({ id: volunteerSeries.id });
    series[s.key] = row.id;
    const made = await db
      .insert(volunteerServiceTypes)
      .values(s.types.map((t, k) => ({ seriesId: row.id, key: t.key, name: t.name, nameEn: t.nameEn, sort: k })))
      .returning({ id: volunteerServiceTypes.id, key: volunteerServiceTypes.key });
    for (const t of made) types[t.key] = t.id;
  }
  return { series, types };
}

/**
 * The volunteer world on top of the test world: the catalogue; team A (杭川老大妈义务巡逻队, community A) led by lead01
 * with vol01; team B (激情广场合唱团, community B) led by lead02; vol02 registered with no team; member01 (an in-service
 * Party member of community A) registered too, in team A. Logins vol01, vol02, lead01, lead02 hold the volunteer
 * role; resident01 has no volunteer registration.
 */
export async function seedVolunteerWorld(ctx: TestContext) {
  const { db } = ctx.database;
  const w = ctx.world;
  const catalogue = await seedVolunteerCatalogue(db);
  const [teamA, teamB] = await db
    .insert(volunteerTeams)
    .values([
      { name: '杭川老大妈义务巡逻队', seriesId: catalogue.series.security_patrol, communityId: w.communityA.id },
      { name: '激情广场合唱团', seriesId: catalogue.series.culture_sports, communityId: w.communityB.id },
    ])
    .returning({ id: volunteerTeams.id });
  const person = (name: string, communityId: string, homeGridId: string) => ({
    name,
    communityId,
    homeGridId,
    roles: ['resident', 'volunteer'],
  });
  const [pVol1, pVol2, pLead1, pLead2] = await db
    .insert(people)
    .values([
      person('志愿者甲', w.communityA.id, w.grids.gA11.id),
      person('志愿者乙', w.communityA.id, w.grids.gA11.id),
      person('队长甲', w.communityA.id, w.grids.gA11.id),
      person('队长乙', w.communityB.id, w.grids.gB1.id),
    ])
    .returning({ id: people.id });
  const now = clock.now();
  const [vol1, vol2, lead1, lead2, member1] = await db
    .insert(volunteers)
    .values(
      [pVol1, pVol2, pLead1, pLead2, { id: w.people.memberPerson1.id }].map((p) => ({
        personId: p.id,
        registeredAt: now,
        skills: ['巡逻'],
      })),
    )
    .returning({ id: volunteers.id });
  await db.insert(volunteerTeamMembers).values([
    { teamId: teamA.id, volunteerId: lead1.id, role: 'leader' as const, joinedAt: now },
    { teamId: teamA.id, volunteerId: vol1.id, role: 'member' as const, joinedAt: now },
    { teamId: teamA.id, volunteerId: member1.id, role: 'member' as const, joinedAt: now },
    { teamId: teamB.id, volunteerId: lead2.id, role: 'leader' as const, joinedAt: now },
  ]);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const logins = [
    ['vol01', '志愿者甲', pVol1.id],
    ['vol02', '志愿者乙', pVol2.id],
    ['lead01', '队长甲', pLead1.id],
    ['lead02', '队长乙', pLead2.id],
  ] as const;
  const made = await db
    .insert(users)
    .values(logins.map(([username, displayName, personId]) => ({ username, displayName, passwordHash, personId })))
    .returning({ id: users.id });
  await db.insert(roleBindings).values(made.map((u) => ({ userId: u.id, role: 'volunteer' as const })));
  return {
    ...catalogue,
    teams: { A: teamA.id, B: teamB.id },
    volunteers: { vol01: vol1.id, vol02: vol2.id, lead01: lead1.id, lead02: lead2.id, member01: member1.id },
    people: { vol01: pVol1.id, vol02: pVol2.id, lead01: pLead1.id, lead02: pLead2.id },
  };
}
