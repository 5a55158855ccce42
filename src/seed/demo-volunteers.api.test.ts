import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inRollback, openDemoWorld } from '../../test/demo-world.js';
import { addDays, localInstant } from '../core/calendar.js';
import type { Database } from '../core/db.js';
import { serviceRecords } from '../modules/ledger/ledger.schema.js';
import { DEFAULT_VOLUNTEER_RULES, starLevel } from '../modules/volunteers/volunteers.enums.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerCertificates,
  volunteerSeries,
  volunteerServiceTypes,
  volunteerSignups,
  volunteers,
  volunteerTeamMembers,
  volunteerTeams,
} from '../modules/volunteers/volunteers.schema.js';
import type { DemoData } from './demo.js';
import { demoTime } from './demo-types.js';
import { seedDemoVolunteers } from './demo-volunteers.js';

/**
 * The volunteer demo for the day of the first start (issue 14 § Demo): the article's catalogue, 15 teams and 120+
 * volunteers, 380+ services in the last year, some volunteer at every star level, the hours rules kept (day cap, no
 * overlaps, penalties), one volunteer blocked, the next weeks open with an activity running today, certificates; the
 * logins volunteer01 and lead01 in the patrol team. Seeded for two first days, each in a rolled-back transaction.
 */
const DAYS = ['2026-12-07', '2028-02-29'];
const rules = DEFAULT_VOLUNTEER_RULES;

let database: Database;
let data: DemoData;

beforeAll(async () => {
  ({ database, data } = await openDemoWorld());
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const personOf = (username: string) => data.users.find((u) => u.username === username)?.personId;

describe.each(DAYS)('the volunteer demo first started on %s', (today) => {
  const time = demoTime(today);
  const start = localInstant(today);
  type Facts = Awaited<ReturnType<typeof seedAndRead>>;
  let f: Facts;

  async function seedAndRead(tx: Database['db']) {
    await seedDemoVolunteers(tx, data, time);
    const rows = async <T>(q: SQL) => ((await tx.execute(q)) as unknown as { rows: T[] }).rows;
    return {
      series: await tx.select().from(volunteerSeries),
      types: await tx.select().from(volunteerServiceTypes),
      teams: await tx.select().from(volunteerTeams),
      vols: await tx.select().from(volunteers),
      members: await tx.select().from(volunteerTeamMembers),
      activities: await tx.select().from(volunteerActivities),
      roles: await tx.select().from(volunteerActivityRoles),
      signups: await tx.select().from(volunteerSignups),
      certificates: await tx.select().from(volunteerCertificates),
      records: (await tx.select({ id: serviceRecords.id }).from(serviceRecords)).length,
      dayMax: await rows<{ minutes: number }>(sql`select coalesce(max(m), 0)::int as minutes from
        (select sum(minutes) as m from ${volunteerSignups} where day is not null group by volunteer_id, day) d`),
      overlaps: await rows<{ n: number }>(sql`select count(*)::int as n from ${volunteerSignups} a
        join ${volunteerSignups} b on a.volunteer_id = b.volunteer_id and a.id < b.id
        where a.state = 'checked_out' and b.state = 'checked_out'
        and a.checked_in_at < b.checked_out_at and b.checked_in_at < a.checked_out_at`),
    };
  }

  beforeAll(async () => {
    f = await inRollback(database, seedAndRead);
  }, 120_000);

  const activityOf = (id: string) => f.activities.find((a) => a.id === id);
  const volunteerOf = (username: string) => f.vols.find((v) => v.personId === personOf(username));

  it("has the article's catalogue, 15 teams each with one leader, 120+ volunteers in teams and a few in none", () => {
    expect(f.series).toHaveLength(7);
    expect(f.types).toHaveLength(19);
    expect(f.teams).toHaveLength(15);
    const names = f.teams.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['杭川老大妈义务巡逻队', '梦伶歌友会', '激情广场合唱团']));
    expect(names).toEqual(expect.arrayContaining(['三凤社区文明实践志愿服务驿站', '橘子洲社区文明实践志愿服务驿站']));
    expect(new Set(f.teams.map((t) => t.seriesId)).size).toBe(7);
    for (const t of f.teams) expect(f.members.filter((m) => m.teamId === t.id && m.role === 'leader')).toHaveLength(1);
    const inTeams = new Set(f.members.filter((m) => !m.leftAt).map((m) => m.volunteerId));
    expect(inTeams.size).toBeGreaterThanOrEqual(120);
    expect(f.vols.length - inTeams.size).toBeGreaterThan(0);
    const volunteerRole = new Set(data.people.filter((p) => p.roles.includes('volunteer')).map((p) => p.id));
    for (const v of f.vols) {
      expect(volunteerRole.has(v.personId)).toBe(true);
      expect(v.skills.length).toBeGreaterThan(0);
      expect(v.registeredAt <= time.now).toBe(true);
    }
  });

  it('has 380+ services in the last year with residents served, and a volunteer at each star level 1–5', () => {
    const yearAgo = localInstant(addDays(today, -365));
    const lastYear = f.activities.filter((a) => a.startsAt >= yearAgo && a.endsAt <= time.now);
    expect(lastYear.filter((a) => (a.residentsServed ?? 0) > 0).length).toBeGreaterThanOrEqual(380);
    const minutes = new Map<string, number>();
    for (const s of f.signups)
      minutes.set(s.volunteerId, (minutes.get(s.volunteerId) ?? 0) + (s.minutes ?? 0) - s.penaltyMinutes);
    const level = (id: string) => starLevel(Math.max(0, minutes.get(id) ?? 0) / 60, rules.starHours);
    const levels = new Set(f.vols.map((v) => level(v.id)));
    for (const l of [1, 2, 3, 4, 5]) expect(levels.has(l), `star ${l}`).toBe(true);
    // volunteer01 has a few hundred hours (two stars); lead01 leads the patrol with the most.
    expect(level(volunteerOf('volunteer01')?.id ?? '')).toBe(2);
    expect(level(volunteerOf('lead01')?.id ?? '')).toBe(5);
  });

  it('keeps the rules of hours: counted span inside the activity, the day cap, no overlaps, penalties, one blocked', () => {
    expect(f.dayMax[0].minutes).toBeLessThanOrEqual(rules.dayCapMinutes);
    expect(f.overlaps[0].n).toBe(0);
    const done = f.signups.filter((s) => s.state === 'checked_out');
    for (const s of done) {
      const a = activityOf(s.activityId);
      if (!a || !s.checkedInAt || !s.checkedOutAt) throw new Error('a checked-out sign-up without its times');
      const lo = Math.max(a.startsAt.getTime(), s.checkedInAt.getTime());
      const hi = Math.min(a.endsAt.getTime(), s.checkedOutAt.getTime());
      expect(s.minutes).toBe(Math.floor((hi - lo) / 60_000));
      expect(s.checkedOutAt <= time.now).toBe(true);
      expect(s.serviceRecordId).toBeNull();
    }
    expect(done.filter((s) => s.checkinMethod === 'qr').length / done.length).toBeGreaterThan(0.8);
    const auto = done.filter((s) => s.autoClosed);
    expect(auto.length).toBeGreaterThan(0);
    for (const s of auto)
      expect([s.checkoutMethod, s.checkedOutAt]).toEqual(['auto', activityOf(s.activityId)?.endsAt]);
    const corrected = done.filter((s) => s.correctionReason);
    expect(corrected.length).toBeGreaterThan(0);
    for (const s of corrected) expect(s.correctedByUserId).toBeTruthy();
    const noShows = f.signups.filter((s) => s.state === 'no_show');
    expect(noShows.length).toBeGreaterThan(0);
    for (const s of noShows) {
      const a = activityOf(s.activityId);
      const shift = ((a?.endsAt.getTime() ?? 0) - (a?.startsAt.getTime() ?? 0)) / 60_000;
      expect([s.penaltyMinutes, s.checkedInAt, s.minutes]).toEqual([rules.noShowPenaltyFactor * shift, null, null]);
    }
    // Blocked: blockAfterNoShows within the window, the last less than blockDays ago.
    const window = localInstant(addDays(today, -rules.noShowWindowDays));
    const byVolunteer = new Map<string, Date[]>();
    for (const s of noShows) {
      const at = activityOf(s.activityId)?.startsAt as Date;
      if (at >= window) byVolunteer.set(s.volunteerId, [...(byVolunteer.get(s.volunteerId) ?? []), at]);
    }
    const blockedSince = localInstant(addDays(today, -rules.blockDays));
    const blocked = [...byVolunteer].filter(
      ([, at]) => at.length >= rules.blockAfterNoShows && at.some((d) => d >= blockedSince),
    );
    expect(blocked).toHaveLength(1);
    // Nothing recorded after yesterday, and the Party members' ledger is left alone.
    for (const rows of [f.activities, f.signups, f.vols, f.members, f.certificates])
      for (const r of rows) expect(r.createdAt <= time.now).toBe(true);
    expect(f.records).toBe(0);
  });

  it('opens the next weeks for sign-up, with a waitlist, cancellations, and a patrol running today', () => {
    const upcoming = f.activities.filter((a) => a.endsAt > start);
    expect(upcoming.length).toBeGreaterThan(20);
    for (const a of upcoming) {
      expect(a.startsAt < localInstant(addDays(today, 22))).toBe(true);
      expect(a.signupOpensAt <= time.now && a.signupClosesAt > start).toBe(true);
      const held = f.signups.filter((s) => s.activityId === a.id && s.state === 'signed_up').length;
      const slots = f.roles.filter((r) => r.activityId === a.id).reduce((n, r) => n + r.slots, 0);
      expect(held).toBeLessThanOrEqual(slots);
    }
    const ids = new Set(upcoming.map((a) => a.id));
    const states = f.signups.filter((s) => ids.has(s.activityId)).map((s) => s.state);
    expect(new Set(states)).toEqual(new Set(['signed_up', 'waitlisted', 'cancelled']));
    for (const s of f.signups.filter((x) => x.state === 'cancelled'))
      expect((s.cancelledAt as Date) < (activityOf(s.activityId)?.cancelDeadlineAt as Date)).toBe(true);
    const noon = localInstant(today, '12:00');
    const running = upcoming.filter((a) => a.startsAt <= noon && a.endsAt > noon);
    expect(running).toHaveLength(1);
    const [r] = running;
    expect(r.geofenceMeters).toBe(500);
    const community = data.organisations.find((o) => o.id === r.communityId);
    expect(community?.name).toBe('杭东社区');
    const l1 = data.grids.find((g) => g.level === 1 && g.communityId === r.communityId);
    expect(r.lng).toBeGreaterThan(l1?.minLng ?? Infinity);
    expect(r.lng).toBeLessThan(l1?.maxLng ?? -Infinity);
    expect(r.lat).toBeGreaterThan(l1?.minLat ?? Infinity);
    expect(r.lat).toBeLessThan(l1?.maxLat ?? -Infinity);
    const signed = f.signups.filter((s) => s.activityId === r.id && s.state === 'signed_up').map((s) => s.volunteerId);
    expect(signed).toEqual(expect.arrayContaining([volunteerOf('volunteer01')?.id, volunteerOf('lead01')?.id]));
    const mine = f.signups.filter((s) => s.volunteerId === volunteerOf('volunteer01')?.id && ids.has(s.activityId));
    expect(mine.length).toBeGreaterThanOrEqual(3);
  });

  it('puts volunteer01 and lead01 in 杭川老大妈义务巡逻队 of 杭东社区, lead01 as its leader', () => {
    const patrol = f.teams.find((t) => t.name === '杭川老大妈义务巡逻队');
    const hangdong = data.organisations.find((o) => o.name === '杭东社区');
    expect(patrol?.communityId).toBe(hangdong?.id);
    const membership = (username: string) =>
      f.members.find((m) => m.teamId === patrol?.id && m.volunteerId === volunteerOf(username)?.id && !m.leftAt);
    expect(membership('lead01')?.role).toBe('leader');
    expect(membership('volunteer01')?.role).toBe('member');
    for (const username of ['volunteer01', 'lead01']) {
      const user = data.users.find((u) => u.username === username);
      const bindings = data.roleBindings.filter((b) => b.userId === user?.id);
      expect(bindings).toMatchObject([{ role: 'volunteer', scopeOrgId: null, scopeGridId: null }]);
    }
  });

  it('issued certificates in the last months: two still in 公示, one revoked with a reason', () => {
    expect(f.certificates.length).toBeGreaterThanOrEqual(5);
    for (const c of f.certificates) {
      expect(c.serial).toMatch(/^GZZY-\d{4}-\d{6}$/);
      expect(c.issuedAt >= localInstant(addDays(today, -183)) && c.issuedAt <= time.now).toBe(true);
      expect(c.minutes).toBeGreaterThan(0);
      expect(c.periodTo < today).toBe(true);
    }
    expect(f.certificates.filter((c) => c.publicUntil > start && !c.revokedAt)).toHaveLength(2);
    const revoked = f.certificates.filter((c) => c.revokedAt);
    expect(revoked).toHaveLength(1);
    expect(revoked[0].revokeReason).toBeTruthy();
  });
});
