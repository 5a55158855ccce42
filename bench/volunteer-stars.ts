/**
 * Star levels and hours of every volunteer of the county for a year (issue 14: < 50 ms).
 * Run: node --import tsx bench/volunteer-stars.ts [--runs=31] [--pg | --pg=postgres://…]
 *   Seeds by direct inserts into a fresh database (PGlite in memory, or a scratch PostgreSQL database): the county
 *   with 8 communities, the article's catalogue, 1,600 volunteers (residents of the communities) in 16 teams, and a
 *   year of activities (400, one or two a day, 2–4 h) with 50 sign-ups each (20,000: ~90 % checked out with their
 *   minutes, ~5 % no-shows with a penalty, the rest cancelled). After ANALYZE, times `listHours` (what
 *   GET /api/volunteer-hours runs after the permission check: scope, one grouped query over the sign-ups, the rule,
 *   star filter, sort, page of 20 with teams and blocks) for the county admin over the year (from/to), and the
 *   summary and a community admin's list besides. Prints median and p95 of `runs` after three warm-up runs.
 */
import { randomUUID } from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import type { Actor } from '../src/core/auth/actor.js';
import type { Role } from '../src/core/auth/roles.js';
import { insertRows } from '../src/core/bulk.js';
import { addDays, localInstant } from '../src/core/calendar.js';
import { clock } from '../src/core/clock.js';
import type { Db } from '../src/core/db.js';
import { organisations } from '../src/modules/org/org.schema.js';
import { people } from '../src/modules/people/people.schema.js';
import { ZHoursFilter, ZHoursQuery } from '../src/modules/volunteers/hours/hours.contracts.js';
import { volunteerTotals } from '../src/modules/volunteers/hours/hours.query.js';
import { hoursSummary, listHours } from '../src/modules/volunteers/hours/hours.service.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerSeries,
  volunteerServiceTypes,
  volunteerSignups,
  volunteers,
  volunteerTeamMembers,
  volunteerTeams,
} from '../src/modules/volunteers/volunteers.schema.js';
import { createRng } from '../src/seed/rng.js';
import { VOLUNTEER_CATALOGUE } from '../src/seed/volunteer-catalogue.js';
import { benchPostgresUrl, median, openBenchDatabase } from './util.js';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 31);
const VOLUNTEERS = 1600;
const COMMUNITIES = 8;
const TEAMS = 16;
const ACTIVITIES = 400;
const SIGNUPS_PER_ACTIVITY = 50;
const rng = createRng(14);

function actor(role: Role, scopeOrgId: string): Actor {
  return {
    userId: randomUUID(),
    username: role,
    displayName: role,
    personId: null,
    locale: 'zh-CN',
    bindings: [{ role, scopeOrgId, scopeGridId: null }],
    ip: null,
    requestId: null,
  };
}

async function seedCatalogue(db: Db): Promise<string[]> {
  const typeIds: string[] = [];
  for (const [i, s] of VOLUNTEER_CATALOGUE.entries()) {
    const [row] = await db
      .insert(volunteerSeries)
      .values({ key: s.key, name: s.name, nameEn: s.nameEn, sort: i })
      .returning({ id: volunteerSeries.id });
    const made = await db
      .insert(volunteerServiceTypes)
      .values(s.types.map((t, k) => ({ seriesId: row.id, key: t.key, name: t.name, nameEn: t.nameEn, sort: k })))
      .returning({ id: volunteerServiceTypes.id });
    typeIds.push(...made.map((t) => t.id));
  }
  return typeIds;
}

/** The county, its communities, the volunteers and their teams; returns what the activities need. */
async function seedPeople(db: Db) {
  const [county] = await db
    .insert(organisations)
    .values({ kind: 'county', name: '光泽县', code: '350723' })
    .returning({ id: organisations.id });
  const communities = await db
    .insert(organisations)
    .values(
      Array.from({ length: COMMUNITIES }, (_, i) => ({
        kind: 'community' as const,
        name: `社区${i + 1}`,
        parentId: county.id,
        code: `3507230${i + 10}`,
      })),
    )
    .returning({ id: organisations.id });
  const typeIds = await seedCatalogue(db);
  const [series] = await db.select({ id: volunteerSeries.id }).from(volunteerSeries).limit(1);
  const teams = await db
    .insert(volunteerTeams)
    .values(
      Array.from({ length: TEAMS }, (_, i) => ({
        name: `服务队${i + 1}`,
        seriesId: series.id,
        communityId: communities[i % COMMUNITIES].id,
      })),
    )
    .returning({ id: volunteerTeams.id, communityId: volunteerTeams.communityId });
  const personIds = Array.from({ length: VOLUNTEERS }, () => randomUUID());
  await insertRows(
    db,
    people,
    personIds.map((id, i) => ({
      id,
      name: `志愿者${i + 1}`,
      communityId: communities[i % COMMUNITIES].id,
      roles: ['volunteer'],
    })),
  );
  const volunteerIds = personIds.map(() => randomUUID());
  const now = clock.now();
  await insertRows(
    db,
    volunteers,
    volunteerIds.map((id, i) => ({ id, personId: personIds[i], registeredAt: now })),
  );
  await insertRows(
    db,
    volunteerTeamMembers,
    volunteerIds.map((volunteerId, i) => ({
      teamId: teams[i % TEAMS].id,
      volunteerId,
      joinedAt: now,
      role: i < TEAMS ? ('leader' as const) : ('member' as const),
    })),
  );
  return { county: county.id, communities: communities.map((c) => c.id), teams, typeIds, volunteerIds };
}

/** A year of activities up to yesterday, each with one role and 50 sign-ups of its team's community's volunteers. */
async function seedYear(db: Db, w: Awaited<ReturnType<typeof seedPeople>>, today: string): Promise<number> {
  const activities: (typeof volunteerActivities.$inferInsert)[] = [];
  const roles: (typeof volunteerActivityRoles.$inferInsert)[] = [];
  const signups: (typeof volunteerSignups.$inferInsert)[] = [];
  for (let i = 0; i < ACTIVITIES; i++) {
    const team = w.teams[i % TEAMS];
    const startsAt = localInstant(
      addDays(today, -1 - Math.floor((i * 365) / ACTIVITIES)),
      rng.pick(['08:30', '14:00', '19:00']),
    );
    const minutes = rng.int(2, 4) * 60;
    const id = randomUUID();
    const roleId = randomUUID();
    activities.push({
      id,
      communityId: team.communityId!,
      teamId: team.id,
      typeId: rng.pick(w.typeIds),
      title: '志愿服务',
      place: '社区',
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      signupOpensAt: new Date(startsAt.getTime() - 7 * 86_400_000),
      signupClosesAt: startsAt,
      cancelDeadlineAt: startsAt,
      residentsServed: rng.int(10, 80),
    });
    roles.push({ id: roleId, activityId: id, name: '志愿者', slots: SIGNUPS_PER_ACTIVITY });
    const chosen = new Set<string>();
    while (chosen.size < SIGNUPS_PER_ACTIVITY) chosen.add(rng.pick(w.volunteerIds));
    for (const volunteerId of chosen) {
      const roll = rng.next();
      const state = roll < 0.9 ? 'checked_out' : roll < 0.95 ? 'no_show' : 'cancelled';
      signups.push({
        activityId: id,
        roleId,
        volunteerId,
        state,
        queuedAt: new Date(startsAt.getTime() - 86_400_000),
        minutes: state === 'checked_out' ? minutes - rng.int(0, 30) : null,
        penaltyMinutes: state === 'no_show' ? minutes * 2 : 0,
      });
    }
  }
  await insertRows(db, volunteerActivities, activities);
  await insertRows(db, volunteerActivityRoles, roles);
  for (let i = 0; i < signups.length; i += 2000) await insertRows(db, volunteerSignups, signups.slice(i, i + 2000));
  return signups.length;
}

async function time(label: string, fn: () => Promise<string>): Promise<void> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  const cpu: number[] = [];
  let what = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const cpu0 = process.cpuUsage();
    what = await fn();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
  console.log(
    `${label.padEnd(40)} ${what}  median ${median(ms).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  CPU median ${median(cpu).toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const pg = benchPostgresUrl();
  const database = await openBenchDatabase(pg);
  const db = database.db;
  try {
    const today = clock.today();
    const t0 = performance.now();
    const w = await seedPeople(db);
    const signups = await seedYear(db, w, today);
    await db.execute(sql`analyze`);
    const [{ n }] = await db.select({ n: count() }).from(volunteerSignups);
    console.log(
      `${pg ? 'PostgreSQL' : 'PGlite'}, today ${today}: seeded ${VOLUNTEERS} volunteers, ${ACTIVITIES} activities, ` +
        `${n} sign-ups (${signups}) in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${runs} runs each`,
    );
    const year = { from: addDays(today, -365), to: addDays(today, -1) };
    const county = actor('county_admin', w.county);
    const community = actor('community_admin', w.communities[0]);
    const query = ZHoursQuery.parse({ pageSize: 20, ...year });
    await time('hours list, county admin, a year', async () => {
      const p = await listHours({ db, actor: county, query });
      return `volunteers ${p.total}, top ${p.items[0]?.hours} h`;
    });
    await time('the grouped query alone, county, a year', async () => {
      const rows = await volunteerTotals(db, sql`true`, year);
      return `rows ${rows.length}`;
    });
    await time('hours list, county admin, all time', async () => {
      const p = await listHours({ db, actor: county, query: ZHoursQuery.parse({ pageSize: 20 }) });
      return `volunteers ${p.total}, top ${p.items[0]?.hours} h`;
    });
    await time('summary, county admin, a year', async () => {
      const s = await hoursSummary({ db, actor: county, query: ZHoursFilter.parse(year) });
      return `stars ${s.stars.join('/')}, services ${s.servicesHeld}`;
    });
    await time('hours list, community admin, a year', async () => {
      const p = await listHours({ db, actor: community, query });
      return `volunteers ${p.total}`;
    });
  } finally {
    await database.close();
  }
}

await main();
