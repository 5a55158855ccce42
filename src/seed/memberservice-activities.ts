import { and, asc, eq } from 'drizzle-orm';
import { insertRows } from '../core/bulk.js';
import { addDays, localDayOf, localInstant } from '../core/calendar.js';
import type { Db } from '../core/db.js';
import { serviceRecords } from '../modules/ledger/ledger.schema.js';
import {
  postActivities,
  postActivitySignups,
  postAssignments,
  postOpenings,
  postTypes,
} from '../modules/members/posts/posts.schema.js';
import { memberReports } from '../modules/members/reports/reports.schema.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';
import { ledgerFrom } from './memberservice-ratings.js';
import { createRng, type Rng } from './rng.js';

/**
 * Post activities in the demo (岗位活动), written after the posts: ~1,200 a year (the article's 850+ "this year" from
 * mid-September on), each a duty of one of the community's post openings, 2–4 hours, from 1 January of the year of the
 * earliest quarter the demo rates (memberservice-ratings.ts ledgerFrom: the three ended quarters are rated from the
 * ledger, and a quarter's pace cap reads its year from 1 January) up to yesterday — so 9 to 21 months of them. The
 * openings are this year's (设岗定责 is planned per year and the demo holds only this year's plan): an activity of an
 * earlier year keeps its opening's post type, grid and members but names no opening.
 *
 * Who serves: a community rotates its duties among the members who reported to it, the opening's own members first —
 * each activity takes those who have served least for how engaged they are (rank), so every member's hours are spread
 * over the months and every quarter has its share. Engagement is drawn per member: about one in eight rarely serves
 * (the at-risk list has names), one in seven is keen (the 优秀 of the ratings), the rest ordinary (¾–1⅓ of a typical
 * member). A typical member's post duties come to YEAR_HOURS a year: above the 20-hour pace with the service days on
 * top, and near the default points' 合格 line (80: about 7 hours a quarter), so the ratings spread over the four grades
 * (the keen reach 优秀, the less engaged 基本合格). A member checked in and out writes the ledger row recordService would
 * (post_duty, source = the sign-up, the span inside the activity, verified by the community's admin); a few signed up
 * and never came (no-shows, as the sweep marks them). Upcoming activities for the next two weeks carry sign-ups only;
 * member01 is signed up for a long duty today and one tomorrow. Records never overlap per member. Bulk inserts,
 * deterministic for a given first day.
 */
type ActivityRow = typeof postActivities.$inferInsert;
type SignupRow = typeof postActivitySignups.$inferInsert;
type RecordRow = typeof serviceRecords.$inferInsert;

const ACTIVITIES_PER_YEAR = 1_200;
/** A typical member's post duties in a year (engagement 1). */
const YEAR_HOURS = 26;
const DURATIONS = [120, 150, 150, 180, 180, 210, 240, 240];
const STARTS = ['08:00', '08:30', '09:00', '09:30', '14:00', '14:30', '15:00', '19:00'];
/** In rank's units (minutes served ÷ engagement): the opening's own members come this far ahead, chance this much. */
const OWN_AHEAD = 180;
const JITTER = 360;
const TITLES: Record<string, string[]> = {
  dispute_mediation: ['邻里纠纷调解', '物业矛盾调处', '调解室值班'],
  public_security: ['夜间治安巡逻', '平安巡防', '重点路段值守'],
  opinion_collection: ['入户民情走访', '居民说事点值守', '民意收集'],
  social_work_counsel: ['社区议事会参议', '社会工作咨询', '困难家庭走访'],
  legal_service: ['法律咨询服务', '普法宣传', '法律援助值班'],
  elderly_disabled_help: ['敬老助残走访', '独居老人探访', '助残送服务'],
  environment: ['楼道环境整治', '垃圾分类督导', '小区卫生清理'],
  youth_care: ['四点半课堂辅导', '青少年关爱活动', '暑期托管志愿服务'],
};

interface Opening {
  id: string;
  communityId: string;
  postTypeId: string;
  gridId: string | null;
  seats: number;
  key: string;
  typeName: string;
}

interface World {
  rng: Rng;
  time: DemoTime;
  openings: Opening[];
  /** Members of each opening (confirmed), and the members who reported to each community. */
  staffOf: Map<string, string[]>;
  residentsOf: Map<string, string[]>;
  /** How much each member who reported serves, relative to a typical member (1). */
  engagement: Map<string, number>;
  /** Minutes each member has been picked for so far (the rotation's memory). */
  served: Map<string, number>;
  /** poolOf, once per opening. */
  pools: Map<string, { id: string; own: boolean }[]>;
  adminOf: Map<string, string>;
  busy: Map<string, { from: number; to: number }[]>;
}

/** Rarely (about one in eight: the at-risk ones), keen (one in seven) or ordinary; member01 a little above typical. */
function drawEngagement(rng: Rng, memberIds: string[], member01: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const id of memberIds) {
    const r = rng.next();
    const e = r < 0.12 ? 0.08 : r < 0.26 ? rng.float(1.6, 2.5) : rng.float(0.75, 1.35);
    out.set(id, id === member01 ? 1.2 : e);
  }
  return out;
}

async function loadWorld(db: Db, data: DemoData, time: DemoTime): Promise<World> {
  const rng = createRng(13_0309);
  const rows = await db
    .select({ o: postOpenings, key: postTypes.key, typeName: postTypes.name })
    .from(postOpenings)
    .innerJoin(postTypes, eq(postTypes.id, postOpenings.postTypeId))
    .where(eq(postOpenings.year, time.year))
    .orderBy(asc(postOpenings.id));
  const openings = rows.map((r) => ({ ...r.o, key: r.key, typeName: r.typeName }));
  const staffOf = new Map<string, string[]>();
  const assigned = await db
    .select({ openingId: postAssignments.openingId, memberId: postAssignments.memberId })
    .from(postAssignments)
    .where(and(eq(postAssignments.year, time.year), eq(postAssignments.state, 'confirmed')))
    .orderBy(asc(postAssignments.id));
  for (const a of assigned) staffOf.set(a.openingId, [...(staffOf.get(a.openingId) ?? []), a.memberId]);
  const residentsOf = new Map<string, string[]>();
  const reported = await db
    .selectDistinct({ memberId: memberReports.memberId, communityId: memberReports.communityId })
    .from(memberReports)
    .where(eq(memberReports.state, 'approved'))
    .orderBy(asc(memberReports.memberId), asc(memberReports.communityId));
  for (const r of reported) residentsOf.set(r.communityId, [...(residentsOf.get(r.communityId) ?? []), r.memberId]);
  const member01 = data.partyMembers.find(
    (m) => m.personId === data.users.find((u) => u.username === 'member01')?.personId,
  )?.id;
  const engagement = drawEngagement(rng, [...new Set(reported.map((r) => r.memberId))], member01);
  const adminOf = new Map(
    data.roleBindings
      .filter((b) => b.role === 'community_admin' && b.scopeOrgId)
      .map((b) => [b.scopeOrgId as string, b.userId as string]),
  );
  return {
    rng,
    time,
    openings,
    staffOf,
    residentsOf,
    engagement,
    served: new Map(),
    pools: new Map(),
    adminOf,
    busy: new Map(),
  };
}

function isFree(w: World, memberId: string, from: number, to: number): boolean {
  return !(w.busy.get(memberId) ?? []).some((i) => i.from < to && i.to > from);
}

function occupy(w: World, memberId: string, from: number, to: number): void {
  w.busy.set(memberId, [...(w.busy.get(memberId) ?? []), { from, to }]);
  w.served.set(memberId, (w.served.get(memberId) ?? 0) + (to - from) / 60_000);
}

/** Lower comes first: the minutes served so far for the member's engagement, the opening's own ahead, some chance. */
function rank(w: World, memberId: string, own: boolean): number {
  const served = (w.served.get(memberId) ?? 0) / (w.engagement.get(memberId) ?? 1);
  return served - (own ? OWN_AHEAD : 0) + w.rng.float(0, JITTER);
}

/** Who may serve at an opening's activities: its own members, then the others who reported to its community. */
function poolOf(w: World, o: Opening): { id: string; own: boolean }[] {
  let pool = w.pools.get(o.id);
  if (!pool) {
    const own = new Set(w.staffOf.get(o.id) ?? []);
    const ids = [...new Set([...own, ...(w.residentsOf.get(o.communityId) ?? [])])];
    pool = ids.map((id) => ({ id, own: own.has(id) }));
    w.pools.set(o.id, pool);
  }
  return pool;
}

/** Up to `n` members free over [from, to): those of the community who have served least (rank) first. */
function pickMembers(w: World, o: Opening, n: number, from: number, to: number): string[] {
  const ranked = poolOf(w, o)
    .map(({ id, own }) => ({ id, rank: rank(w, id, own) }))
    .sort((a, b) => a.rank - b.rank);
  const chosen: string[] = [];
  for (const { id } of ranked) {
    if (chosen.length >= n) break;
    if (isFree(w, id, from, to)) chosen.push(id);
  }
  return chosen;
}

function activityRow(w: World, o: Opening, day: string, clockTime: string, minutes: number, capacity: number) {
  const startsAt = localInstant(day, clockTime);
  const created = new Date(Math.min(startsAt.getTime() - 7 * 86_400_000, w.time.now.getTime()));
  const createdAt = created < w.time.createdAt ? w.time.createdAt : created;
  return {
    id: w.rng.uuid(),
    communityId: o.communityId,
    postTypeId: o.postTypeId,
    // This year's openings only: an earlier year's activity names none (see the file's comment).
    openingId: day.startsWith(String(w.time.year)) ? o.id : null,
    gridId: o.gridId,
    title: w.rng.pick(TITLES[o.key] ?? [o.typeName]),
    place: w.rng.pick(['党群服务中心', '社区居委会', '小区广场', '网格工作站', '居民说事点']),
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    capacity,
    createdByUserId: w.adminOf.get(o.communityId) ?? null,
    createdAt,
    updatedAt: createdAt,
  } satisfies ActivityRow;
}

/** One past activity's sign-ups and, for those who came, their ledger rows. */
function pastAttendance(w: World, a: ReturnType<typeof activityRow>, typeName: string, members: string[]) {
  const signups: SignupRow[] = [];
  const records: RecordRow[] = [];
  const verifiedBy = w.adminOf.get(a.communityId) ?? null;
  for (const memberId of members) {
    const id = w.rng.uuid();
    const signedUpAt = new Date(a.startsAt.getTime() - w.rng.int(1, 6) * 86_400_000);
    if (w.rng.chance(0.03)) {
      signups.push({
        id,
        activityId: a.id,
        memberId,
        signedUpAt,
        noShow: true,
        createdAt: signedUpAt,
        updatedAt: a.endsAt,
      });
      continue;
    }
    const checkedInAt = new Date(a.startsAt.getTime() - w.rng.int(0, 20) * 60_000);
    const leaveEarly = w.rng.chance(0.1) ? w.rng.int(15, 45) * 60_000 : 0;
    const checkedOutAt = new Date(a.endsAt.getTime() - leaveEarly + (leaveEarly ? 0 : w.rng.int(0, 10) * 60_000));
    const startsAt = a.startsAt;
    const endsAt = checkedOutAt < a.endsAt ? checkedOutAt : a.endsAt;
    const recordId = w.rng.uuid();
    const minutes = Math.floor((endsAt.getTime() - startsAt.getTime()) / 60_000);
    records.push({
      id: recordId,
      memberId,
      kind: 'post_duty',
      sourceId: id,
      communityId: a.communityId,
      title: `${typeName} · ${a.title}`,
      startsAt,
      endsAt,
      minutes,
      day: localDayOf(startsAt),
      verifiedByUserId: verifiedBy,
      createdAt: checkedOutAt,
      updatedAt: checkedOutAt,
    });
    signups.push({
      id,
      activityId: a.id,
      memberId,
      signedUpAt: w.rng.chance(0.92) ? signedUpAt : null,
      checkedInAt,
      checkinMethod: w.rng.chance(0.8) ? 'qr' : 'staff',
      checkedInByUserId: verifiedBy,
      checkedOutAt,
      serviceRecordId: recordId,
      noShow: false,
      createdAt: signedUpAt,
      updatedAt: checkedOutAt,
    });
  }
  return { signups, records };
}

/** The days past activities fall on: from ledgerFrom (1 January of the earliest rated quarter's year) to yesterday. */
function pastDays(time: DemoTime): string[] {
  const days: string[] = [];
  for (let d = ledgerFrom(time); d <= time.lastDay; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Members at an activity so that a typical member serves YEAR_HOURS a year (engagements summed). */
function perActivity(w: World): number {
  const engaged = [...w.engagement.values()].reduce((a, b) => a + b, 0);
  const avgMinutes = DURATIONS.reduce((a, b) => a + b, 0) / DURATIONS.length;
  return Math.max(2, Math.round((engaged * YEAR_HOURS * 60) / (ACTIVITIES_PER_YEAR * avgMinutes)));
}

/** The past activities drawn first, then staffed in the order they happened (the rotation runs forward in time). */
function seedPast(w: World) {
  const days = pastDays(w.time);
  const size = perActivity(w);
  const planned = Array.from({ length: Math.round((days.length * ACTIVITIES_PER_YEAR) / 365) }, () => {
    const o = w.rng.pick(w.openings);
    const minutes = w.rng.pick(DURATIONS);
    const clockTime = o.key === 'public_security' && w.rng.chance(0.5) ? '19:00' : w.rng.pick(STARTS);
    return { o, minutes, clockTime, day: w.rng.pick(days) };
  });
  planned.sort((a, b) => (a.day === b.day ? a.clockTime.localeCompare(b.clockTime) : a.day < b.day ? -1 : 1));
  const out = { activities: [] as ActivityRow[], signups: [] as SignupRow[], records: [] as RecordRow[] };
  for (const { o, minutes, clockTime, day } of planned) {
    const capacity = size + w.rng.int(2, 6);
    const a = activityRow(w, o, day, clockTime, minutes, capacity);
    const wanted = Math.min(capacity, w.rng.int(Math.max(1, size - 3), size + 3));
    const chosen = pickMembers(w, o, wanted, a.startsAt.getTime(), a.endsAt.getTime());
    for (const m of chosen) occupy(w, m, a.startsAt.getTime(), a.endsAt.getTime());
    const attended = pastAttendance(w, a, o.typeName, chosen);
    out.activities.push(a);
    out.signups.push(...attended.signups);
    out.records.push(...attended.records);
  }
  return out;
}

/** The next two weeks: a few activities per community with some sign-ups; member01's today and tomorrow. */
function seedUpcoming(w: World, member01: string | undefined, member01Community: string | null | undefined) {
  const activities: ActivityRow[] = [];
  const signups: SignupRow[] = [];
  const add = (o: Opening, day: string, clockTime: string, minutes: number, extra: string[]) => {
    const a = activityRow(w, o, day, clockTime, minutes, w.rng.int(8, 15));
    const wanted = w.rng.int(1, Math.min(6, a.capacity - 1));
    const chosen = [...new Set([...extra, ...pickMembers(w, o, wanted, a.startsAt.getTime(), a.endsAt.getTime())])];
    activities.push(a);
    for (const memberId of chosen) {
      const signedUpAt = new Date(w.time.now.getTime() - w.rng.int(1, 48) * 3_600_000);
      signups.push({
        id: w.rng.uuid(),
        activityId: a.id,
        memberId,
        signedUpAt,
        noShow: false,
        createdAt: signedUpAt,
        updatedAt: signedUpAt,
      });
    }
  };
  const byCommunity = new Map<string, Opening[]>();
  for (const o of w.openings) byCommunity.set(o.communityId, [...(byCommunity.get(o.communityId) ?? []), o]);
  for (const [communityId, list] of byCommunity) {
    for (let i = 0; i < 6; i++)
      add(w.rng.pick(list), addDays(w.time.today, w.rng.int(1, 14)), w.rng.pick(STARTS), w.rng.pick(DURATIONS), []);
    if (member01 && communityId === member01Community) {
      const own = list.find((o) => (w.staffOf.get(o.id) ?? []).includes(member01)) ?? list[0];
      // A long duty today (its check-in is open most of the day) and an ordinary one tomorrow.
      add(own, w.time.today, '08:00', 12 * 60, [member01]);
      add(own, addDays(w.time.today, 1), '09:00', 120, [member01]);
    }
  }
  return { activities, signups };
}

export async function seedDemoActivities(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const w = await loadWorld(db, data, time);
  if (!w.openings.length) return;
  const member01 = data.partyMembers.find(
    (m) => m.personId === data.users.find((u) => u.username === 'member01')?.personId,
  );
  const past = seedPast(w);
  const upcoming = seedUpcoming(w, member01?.id, member01?.residenceCommunityId);
  await insertRows(db, postActivities, [...past.activities, ...upcoming.activities]);
  await insertRows(db, serviceRecords, past.records);
  await insertRows(db, postActivitySignups, [...past.signups, ...upcoming.signups]);
}
