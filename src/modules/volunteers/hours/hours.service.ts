import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { allAtOnce, auditedExport } from '../../../core/excel/export.js';
import { type Download, type ExportColumn, fileDay } from '../../../core/excel/excel.js';
import type { Page } from '../../../core/list.js';
import { currentVolunteerRules, type VolunteerRulesView } from '../rules.js';
import { requireOwnVolunteer } from '../volunteers.policy.js';
import { volunteerActivities, volunteerSignups } from '../volunteers.schema.js';
import type { HoursFilter, HoursQuery, HoursSummary, MyHours, MySignup, VolunteerHours } from './hours.contracts.js';
import { volunteersVisibleTo } from './hours.policy.js';
import { blockedUntil } from '../activities/activities.block.js';
import {
  countedHours,
  type HoursFilterInput,
  recentNoShows,
  servicesHeld,
  teamsOf,
  type VolunteerTotals,
  volunteerTotals,
} from './hours.query.js';

/** Hours and stars: the staff list, the summary (dashboard figure), the volunteer's own, the Excel export. */

type Ranked = Omit<VolunteerHours, 'teams' | 'blockedUntil'>;

function rank(t: VolunteerTotals, rules: VolunteerRulesView): Ranked {
  const c = countedHours(t.verifiedMinutes, t.penaltyMinutes, rules.starHours);
  return {
    volunteerId: t.volunteerId,
    name: t.name,
    communityId: t.communityId,
    communityName: t.communityName,
    verifiedMinutes: t.verifiedMinutes,
    penaltyMinutes: t.penaltyMinutes,
    hours: c.hours,
    star: c.star,
    nextStar: c.nextStar,
    hoursToNextStar: c.hoursToNextStar,
    services: t.services,
    noShows: t.noShows,
  };
}

// One collator: localeCompare with a locale builds one per call, which costs more than the list's query.
const collator = new Intl.Collator('zh-Hans-CN');
const byName = (a: Ranked, b: Ranked) =>
  collator.compare(a.name, b.name) || (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0);

/** Sort: -hours (default) | hours | name | -name | services | -services; ties by name. */
function sorter(sort: string | undefined): (a: Ranked, b: Ranked) => number {
  const field = sort?.replace(/^-/, '');
  const sign = sort?.startsWith('-') ? -1 : 1;
  if (field === 'name') return (a, b) => sign * byName(a, b);
  if (field === 'services') return (a, b) => sign * (a.services - b.services) || byName(a, b);
  if (field === 'hours' && sign === 1) return (a, b) => a.hours - b.hours || byName(a, b);
  return (a, b) => b.hours - a.hours || byName(a, b);
}

/** Every volunteer in scope matching the filter, with hours and star, filtered by star and sorted. */
async function rankedList(db: Db, actor: Actor, f: HoursFilter) {
  const [rules, scope] = await Promise.all([currentVolunteerRules(db), volunteersVisibleTo(db, actor)]);
  const totals = await volunteerTotals(db, scope, f);
  const ranked = totals.map((t) => rank(t, rules)).filter((r) => f.star === undefined || r.star === f.star);
  return { rules, ranked: ranked.sort(sorter(f.sort)) };
}

/** Teams and block for the rows shown (a page, or the export). */
async function complete(db: Db, rules: VolunteerRulesView, rows: Ranked[]): Promise<VolunteerHours[]> {
  const ids = rows.map((r) => r.volunteerId);
  const now = clock.now();
  const [teams, noShows] = await Promise.all([teamsOf(db, ids), recentNoShows(db, rules, now, ids)]);
  return rows.map((r) => ({
    ...r,
    teams: teams.get(r.volunteerId) ?? [],
    blockedUntil: blockedUntil(noShows.get(r.volunteerId) ?? [], rules, now)?.until.toISOString() ?? null,
  }));
}

export async function listHours(opts: { db: Db; actor: Actor; query: HoursQuery }): Promise<Page<VolunteerHours>> {
  const { db, query: q } = opts;
  const { rules, ranked } = await rankedList(db, opts.actor, q);
  const start = (q.page - 1) * q.pageSize;
  const items = await complete(db, rules, ranked.slice(start, start + q.pageSize));
  return { items, total: ranked.length, page: q.page, pageSize: q.pageSize };
}

export async function hoursSummary(opts: { db: Db; actor: Actor; query: HoursFilter }): Promise<HoursSummary> {
  const { db, query: q } = opts;
  const { rules, ranked } = await rankedList(db, opts.actor, q);
  const stars = [0, 0, 0, 0, 0, 0];
  let minutes = 0;
  for (const r of ranked) {
    stars[r.star] += 1;
    minutes += Math.max(0, r.verifiedMinutes - r.penaltyMinutes);
  }
  const held = await servicesHeld(
    db,
    ranked.map((r) => r.volunteerId),
    q,
  );
  return {
    volunteers: ranked.length,
    stars,
    totalHours: Math.round((minutes / 60) * 10) / 10,
    servicesHeld: held.activities,
    residentsServed: held.residents,
    starHours: rules.starHours,
  };
}

/** One volunteer's hours over a period (the certificate's figures, `me`). */
export async function hoursOfVolunteer(db: Db, volunteerId: string, p: HoursFilterInput = {}) {
  const rules = await currentVolunteerRules(db);
  const [t] = await volunteerTotals(db, sql`true`, { ...p, volunteerId });
  return { rules, totals: t, ranked: t ? rank(t, rules) : null };
}

async function recentSignups(db: Db, volunteerId: string): Promise<MySignup[]> {
  const s = volunteerSignups;
  const a = volunteerActivities;
  const rows = await db
    .select({ s, title: a.title, place: a.place, startsAt: a.startsAt, endsAt: a.endsAt })
    .from(s)
    .innerJoin(a, eq(a.id, s.activityId))
    .where(and(eq(s.volunteerId, volunteerId), notInArray(s.state, ['cancelled', 'waitlisted'])))
    .orderBy(desc(a.startsAt), desc(s.id))
    .limit(20);
  return rows.map((r) => ({
    signupId: r.s.id,
    activityId: r.s.activityId,
    activityTitle: r.title,
    place: r.place,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    state: r.s.state,
    minutes: r.s.minutes,
    penaltyMinutes: r.s.penaltyMinutes,
    cappedMinutes: r.s.cappedMinutes,
    autoClosed: r.s.autoClosed,
    capped: r.s.cappedMinutes > 0,
    corrected: r.s.correctionReason !== null || r.s.correctedByUserId !== null,
    correctionReason: r.s.correctionReason,
  }));
}

export async function myHours(opts: { db: Db; actor: Actor }): Promise<MyHours> {
  const { db } = opts;
  const own = await requireOwnVolunteer(db, opts.actor);
  const { rules, ranked } = await hoursOfVolunteer(db, own.id);
  // ranked is null only if the volunteer's row vanished between the two reads.
  if (!ranked) throw new AppError('VOLUNTEER_NOT_REGISTERED');
  const [full] = await complete(db, rules, [ranked]);
  return { ...full, starHours: rules.starHours, recent: await recentSignups(db, own.id) };
}

const COLUMNS: ExportColumn<VolunteerHours>[] = [
  { title: '姓名', value: (r) => r.name, width: 12 },
  { title: '所在社区', value: (r) => r.communityName, width: 14 },
  { title: '服务队', value: (r) => r.teams.map((t) => t.name).join('、'), width: 28 },
  { title: '服务时长（小时）', value: (r) => r.hours, width: 14 },
  { title: '星级', value: (r) => r.star, width: 8 },
  { title: '距下一星级（小时）', value: (r) => r.hoursToNextStar, width: 16 },
  { title: '服务次数', value: (r) => r.services, width: 10 },
  { title: '缺席次数', value: (r) => r.noShows, width: 10 },
  { title: '扣减（分钟）', value: (r) => r.penaltyMinutes, width: 12 },
  { title: '暂停报名至', value: (r) => r.blockedUntil?.slice(0, 10) ?? null, width: 12 },
];

export async function exportHours(opts: { db: Db; actor: Actor; query: HoursFilter }): Promise<Download> {
  const { db, actor, query } = opts;
  const { rules, ranked } = await rankedList(db, actor, query);
  const rows = await complete(db, rules, ranked);
  const day = fileDay(clock.now());
  return auditedExport(db, {
    actor,
    action: 'volunteer_hours.export',
    entityType: 'volunteer',
    filter: query,
    rows: rows.length,
    truncated: false,
    fileName: `志愿服务时长-${day}.xlsx`,
    asciiName: `volunteer-hours-${day}.xlsx`,
    sheetName: '志愿服务时长',
    columns: COLUMNS,
    batches: () => allAtOnce(rows),
  });
}
