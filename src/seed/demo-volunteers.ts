import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { insertRows } from '../core/bulk.js';
import { addDays, localDayOf, localInstant } from '../core/calendar.js';
import type { Db } from '../core/db.js';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { alleyRegionItems } from '../modules/alleys/alleys.schema.js';
import { alleyRegions } from '../modules/grid/grid.schema.js';
import { DEFAULT_VOLUNTEER_RULES } from '../modules/volunteers/volunteers.enums.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerCertificates,
  volunteerSeries,
  volunteerServiceTypes,
  volunteerSignups,
  volunteerTeamMembers,
  volunteers,
  volunteerTeams,
} from '../modules/volunteers/volunteers.schema.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';
import { type ActivityRows, buildActivities } from './demo-volunteers-activities.js';
import { buildVolunteers, placesOf, type SignupRow, type VolunteerWorld } from './demo-volunteers-world.js';
import { createRng } from './rng.js';
import { VOLUNTEER_CATALOGUE } from './volunteer-catalogue.js';

/**
 * Volunteer service in the demo (issue 14 § Demo; docs/VOLUNTEERS.md): the article's catalogue (7 series, 19 types),
 * its 15 teams with 120+ volunteers and 380+ services a year (demo-volunteers-plan.ts), the patrol team's five years
 * of patrols that bring some volunteers to each star level, the next three weeks open for sign-up with an activity
 * running on the first day, and the certificates of the last months. Written directly in bulk (chunks of ≤ 1,000
 * rows), from its own generator, so the rest of the demo is untouched; deterministic for a given first day.
 */
const VOLUNTEERS_SEED = 14_2026_1207;
const CHUNK = 1000;
const CERTIFICATES = 9;

type CertificateRow = typeof volunteerCertificates.$inferInsert;

function catalogueRows(w: VolunteerWorld) {
  const stamp = { createdAt: w.time.createdAt, updatedAt: w.time.createdAt };
  const series: (typeof volunteerSeries.$inferInsert)[] = [];
  const types: (typeof volunteerServiceTypes.$inferInsert)[] = [];
  VOLUNTEER_CATALOGUE.forEach((s, i) => {
    const id = w.rng.uuid();
    w.seriesIds.set(s.key, id);
    series.push({ id, key: s.key, name: s.name, nameEn: s.nameEn, sort: i, active: true, ...stamp });
    s.types.forEach((t, k) => {
      const typeId = w.rng.uuid();
      w.typeIds.set(t.key, typeId);
      w.typeNames.set(t.key, t.name);
      types.push({
        id: typeId,
        seriesId: id,
        key: t.key,
        name: t.name,
        nameEn: t.nameEn,
        sort: k,
        active: true,
        ...stamp,
      });
    });
  });
  return { series, types };
}

function newWorld(data: DemoData, time: DemoTime): VolunteerWorld {
  const county = data.organisations.find((o) => o.kind === 'county');
  if (!county) throw new Error('the demo has no county');
  const binding = (role: string, orgId?: string) =>
    data.roleBindings.find((b) => b.role === role && (!orgId || b.scopeOrgId === orgId))?.userId ?? null;
  const adminOf = new Map<string, string>();
  for (const b of data.roleBindings)
    if (b.role === 'community_admin' && b.scopeOrgId) adminOf.set(b.scopeOrgId, b.userId as string);
  return {
    rng: createRng(VOLUNTEERS_SEED),
    time,
    typeIds: new Map(),
    typeNames: new Map(),
    seriesIds: new Map(),
    places: placesOf(data),
    adminOf,
    countyAdmin: binding('county_admin', county.id),
    countyId: county.id,
    teams: [],
    unattached: [],
    blocked: null,
    noShowed: new Set(),
    logins: new Set(),
    busy: new Set(),
    volunteerRows: [],
    teamRows: [],
    memberRows: [],
  };
}

/** Counted minutes less penalties, and activities served, of a volunteer's sign-ups on county days [from, to]. */
function served(signups: { s: SignupRow; day: string }[], from: string, to: string) {
  let minutes = 0;
  let activities = 0;
  for (const { s, day } of signups) {
    if (day < from || day > to) continue;
    if (s.state === 'checked_out') {
      minutes += s.minutes ?? 0;
      activities += 1;
    }
    minutes -= s.penaltyMinutes ?? 0;
  }
  return { minutes: Math.max(0, minutes), activities };
}

/**
 * Certificates of the last four months for the volunteers who served most in the year before: the last two issued
 * within the 公示 days (still publicised on the first day), one revoked with a reason. Serials GZZY-<year>-<6 digits>.
 */
function certificates(w: VolunteerWorld, rows: ActivityRows): CertificateRow[] {
  const dayOf = new Map(rows.activities.map((a) => [a.id, localDayOf(a.startsAt)]));
  const byVolunteer = new Map<string, { s: SignupRow; day: string }[]>();
  for (const s of rows.signups) {
    const list = byVolunteer.get(s.volunteerId) ?? [];
    list.push({ s, day: dayOf.get(s.activityId) ?? '' });
    byVolunteer.set(s.volunteerId, list);
  }
  const lastYear = addDays(w.time.today, -365);
  const ranked = [...w.teams.flatMap((t) => t.members.map((m) => ({ m, t })))]
    .map((x) => ({ ...x, ...served(byVolunteer.get(x.m.id) ?? [], lastYear, w.time.lastDay) }))
    .sort((a, b) => b.minutes - a.minutes || a.m.id.localeCompare(b.m.id))
    .slice(0, CERTIFICATES);
  const serials = new Map<number, number>();
  return ranked.map(({ m, t }, k) => {
    const issueDay = addDays(w.time.today, k < 2 ? -(k + 2) : -(10 + (k - 2) * 16));
    const periodFrom = addDays(issueDay, -365);
    const periodTo = addDays(issueDay, -1);
    const figures = served(byVolunteer.get(m.id) ?? [], periodFrom, periodTo);
    const issuedAt = localInstant(issueDay, '10:00');
    const year = Number(issueDay.slice(0, 4));
    serials.set(year, (serials.get(year) ?? 0) + 1);
    const revoked = k === 4;
    const revokedAt = revoked ? localInstant(addDays(issueDay, 3), '15:00') : null;
    return {
      id: w.rng.uuid(),
      serial: `GZZY-${year}-${String(100 + (serials.get(year) ?? 0)).padStart(6, '0')}`,
      volunteerId: m.id,
      issuerOrgId: t.community?.id ?? w.countyId,
      periodFrom,
      periodTo,
      minutes: figures.minutes,
      activities: figures.activities,
      content: `参加${t.plan.name}${t.plan.types.map((key) => w.typeNames.get(key)).join('、')}等志愿服务`,
      issuedAt,
      publicUntil: new Date(issuedAt.getTime() + DEFAULT_VOLUNTEER_RULES.publicityDays * 86_400_000),
      revokedAt,
      revokeReason: revoked ? '服务时长统计有误（含重复补录），核定后另行出具' : null,
      issuedByUserId: (t.community && w.adminOf.get(t.community.id)) ?? w.countyAdmin,
      createdAt: issuedAt,
      updatedAt: revokedAt ?? issuedAt,
    };
  });
}

async function insertChunks<T extends PgTable>(db: Db, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insertRows(db, table, rows.slice(i, i + CHUNK));
}

/** Builds the volunteer demo in memory (pure apart from its own generator). */
export function buildVolunteerDemo(data: DemoData, time: DemoTime) {
  const w = newWorld(data, time);
  const catalogue = catalogueRows(w);
  buildVolunteers(w, data);
  const patrol = w.teams[0];
  w.logins = new Set([patrol.members[0].id, patrol.members[3].id]);
  // The one blocked now: a member of the square choir (not its leader) who missed two of its services lately.
  w.blocked = w.teams.find((t) => t.plan.name === '激情广场合唱团')?.members[2] ?? null;
  const activities = buildActivities(w);
  return { w, catalogue, activities, certificates: certificates(w, activities) };
}

export async function seedDemoVolunteers(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const built = buildVolunteerDemo(data, time);
  await insertChunks(db, volunteerSeries, built.catalogue.series);
  await insertChunks(db, volunteerServiceTypes, built.catalogue.types);
  await insertChunks(db, volunteerTeams, built.w.teamRows);
  await insertChunks(db, volunteers, built.w.volunteerRows);
  await insertChunks(db, volunteerTeamMembers, built.w.memberRows);
  await insertChunks(db, volunteerActivities, built.activities.activities);
  await insertChunks(db, volunteerActivityRoles, built.activities.roles);
  await insertChunks(db, volunteerSignups, built.activities.signups);
  await insertChunks(db, volunteerCertificates, built.certificates);
  await linkAlleyTeams(db);
}

/**
 * 六有 · 有志愿服务队: an alley region whose volunteer-team item is not missing is served by a team of its community
 * (the first by name; the alleys demo ran before the teams existed). Regions of a community without a team, and
 * items found missing, stay unlinked.
 */
async function linkAlleyTeams(db: Db): Promise<void> {
  const i = alleyRegionItems;
  const teamOfCommunity = db
    .select({ id: volunteerTeams.id })
    .from(volunteerTeams)
    .where(and(eq(volunteerTeams.communityId, alleyRegions.communityId), eq(volunteerTeams.active, true)))
    .orderBy(asc(volunteerTeams.name))
    .limit(1);
  await db
    .update(i)
    .set({ volunteerTeamId: sql`(${teamOfCommunity})` })
    .from(alleyRegions)
    .where(and(eq(alleyRegions.id, i.regionId), eq(i.item, 'volunteerTeam'), ne(i.status, 'missing')));
}
