import { insertRows } from '../core/bulk.js';
import { localInstant } from '../core/calendar.js';
import type { Db } from '../core/db.js';
import { fillAgendas } from '../modules/cobuild/meetings/meetings.agenda.js';
import { addDays, suggestedMeetingDate } from '../modules/cobuild/meetings/meetings.quarter.js';
import {
  jointMeetingAgendaItems,
  jointMeetings,
  jointMeetingUnits,
  meetingTasks,
} from '../modules/cobuild/meetings/meetings.schema.js';
import type { TaskStatus } from '../modules/cobuild/meetings/meetings.contracts.js';
import { adoptedPairs } from '../modules/cobuild/pairing/pairing.queries.js';
import {
  DECLINE_NOTES,
  fill,
  MATTERS,
  type MatterTemplate,
  minutesText,
  PROGRESS_NOTES,
  TOPICS,
  topicText,
} from './cobuild-meetings-plan.js';
import type { DemoData } from './demo.js';
import { COMMUNITIES, ESTATES } from './demo-places.js';
import { unitCode } from './demo-units.js';
import type { DemoTime, OrgRow } from './demo-types.js';
import { personName } from './names.js';
import { createRng, type Rng } from './rng.js';

/**
 * This year's joint meetings (党建工作联席会) as seen on the demo's first day: each quarter's meeting (on its suggested
 * day in the quarter's middle month) held if that day has passed, in all 11 communities, with the paired units
 * attending, minutes and 9–11 resolutions each (older ones nearly all done, recent ones partly running, some
 * overdue, open ones followed up at the next meeting); the next meeting scheduled or proposed with its agenda drawn
 * from the live sources. Late in the year 260+ tasks are closed: the article's 急事难事 solved. Deterministic for a day.
 */
const MEETINGS_SEED = 5_190_026;

type MeetingInsert = typeof jointMeetings.$inferInsert & { id: string; meetingDate: string };
type InvitationInsert = typeof jointMeetingUnits.$inferInsert;
type AgendaInsert = typeof jointMeetingAgendaItems.$inferInsert;
type TaskInsert = typeof meetingTasks.$inferInsert & {
  id: string;
  deadline: string;
  status: TaskStatus;
  completedOn: string | null;
  communityId: string;
};

interface Out {
  meetings: MeetingInsert[];
  invitations: InvitationInsert[];
  agenda: AgendaInsert[];
  tasks: TaskInsert[];
}

/** The adopted pairing of the year, or — before a pairing is seeded — each community's seven nearest units. */
async function pairsOf(db: Db, year: number, communities: OrgRow[], units: OrgRow[]): Promise<Map<string, OrgRow[]>> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<string, OrgRow[]>(communities.map((c) => [c.id, []]));
  const adopted = await adoptedPairs(db, { year });
  if (adopted.length) {
    for (const p of adopted) {
      const u = byId.get(p.unitId);
      if (u) out.get(p.communityId)?.push(u);
    }
    for (const list of out.values()) list.sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
    return out;
  }
  const d2 = (a: OrgRow, b: OrgRow) => ((a.lng ?? 0) - (b.lng ?? 0)) ** 2 + ((a.lat ?? 0) - (b.lat ?? 0)) ** 2;
  for (const c of communities)
    out.set(c.id, [...units].sort((a, b) => d2(c, a) - d2(c, b) || a.id.localeCompare(b.id)).slice(0, 7));
  return out;
}

const stamp = (day: string, time = '09:00') => localInstant(day, time);
const minDay = (a: string, b: string) => (a < b ? a : b);

/** What became of a resolution by `today`: old meetings' are nearly all done; recent ones' are partly still running. */
function fateOf(rng: Rng, age: number, deadline: string, today: string): TaskStatus {
  const r = rng.next();
  if (age > 200) return r < 0.975 ? 'done' : r < 0.985 ? 'cancelled' : 'in_progress';
  if (age > 110) return r < 0.95 ? 'done' : r < 0.98 ? 'in_progress' : 'open';
  const doneShare = deadline < today ? 0.88 : 0.5;
  return r < doneShare ? 'done' : r < doneShare + (1 - doneShare) * 0.6 ? 'in_progress' : 'open';
}

function ownerFor(rng: Rng, matter: MatterTemplate, pool: OrgRow[]): OrgRow {
  const fit = pool.filter((u) => (u.strengths ?? []).some((s) => matter.fits.includes(s)));
  return rng.pick(fit.length ? fit : pool);
}

function buildTasks(
  rng: Rng,
  m: MeetingInsert,
  ctx: { community: OrgRow; streets: readonly string[]; pool: OrgRow[]; today: string },
): TaskInsert[] {
  const { community, streets, pool, today } = ctx;
  const matters = rng.shuffle(MATTERS).slice(0, rng.int(9, 11));
  const age = daysBetween(m.meetingDate, today);
  return matters.map((matter) => {
    const deadline = addDays(m.meetingDate, age <= 110 ? rng.int(30, 130) : rng.int(20, 90));
    const status = fateOf(rng, age, deadline, today);
    const latest = addDays(today, -1);
    const completedOn =
      status === 'done'
        ? minDay(
            rng.chance(0.9)
              ? addDays(m.meetingDate, rng.int(7, Math.max(7, daysBetween(m.meetingDate, deadline))))
              : addDays(deadline, rng.int(1, 20)),
            latest,
          )
        : null;
    const created = stamp(m.meetingDate, '11:30');
    return {
      id: rng.uuid(),
      meetingId: m.id,
      communityId: community.id,
      ownerUnitId: ownerFor(rng, matter, pool).id,
      content: fill(matter.text, rng.pick(ESTATES), rng.pick(streets)),
      deadline,
      status,
      completionNote:
        status === 'done' ? rng.pick(matter.done) : status === 'in_progress' ? rng.pick(PROGRESS_NOTES) : null,
      completedOn,
      createdByUserId: null,
      createdAt: created,
      updatedAt: completedOn ? stamp(completedOn, '16:00') : created,
      version: status === 'open' ? 1 : status === 'done' ? 3 : 2,
    };
  });
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Invitations of the paired units; at a held meeting most came (two people each), a few sent apologies. */
function buildInvitations(rng: Rng, m: MeetingInsert, pool: OrgRow[]): InvitationInsert[] {
  const held = m.status === 'held';
  return pool.map((u) => {
    const came = held ? rng.chance(0.9) : false;
    const answered = held || (m.status === 'scheduled' && rng.chance(0.6));
    const at = stamp(addDays(m.meetingDate, held ? -5 : -3), '10:00');
    return {
      meetingId: m.id,
      unitId: u.id,
      source: 'paired' as const,
      response: answered ? (held && !came ? ('declined' as const) : ('accepted' as const)) : ('pending' as const),
      responseNote: held && !came ? rng.pick(DECLINE_NOTES) : null,
      respondedAt: answered ? at : null,
      attended: came,
      attendees: came ? [personName(rng, 'male'), personName(rng, rng.chance(0.5) ? 'female' : 'male')] : [],
      checkedInAt: came ? stamp(m.meetingDate, '14:55') : null,
      confirmedAt: came && rng.chance(0.6) ? stamp(m.meetingDate, '17:30') : null,
      confirmedByUserId: null,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    };
  });
}

/** A held meeting's agenda: the standing topics, then the earlier resolutions still open on its day (with progress). */
function buildAgenda(rng: Rng, m: MeetingInsert, topics: string[], followUps: TaskInsert[]): AgendaInsert[] {
  const rows: AgendaInsert[] = topics.map((title, i) => ({
    meetingId: m.id,
    source: 'manual' as const,
    refId: null,
    title,
    detail: null,
    sort: (i + 1) * 10,
    progressNote: null,
    taskStatusAtMeeting: null,
    createdAt: m.createdAt,
  }));
  followUps.forEach((t, i) =>
    rows.push({
      meetingId: m.id,
      source: 'follow_up' as const,
      refId: t.id,
      title: t.content,
      detail: t.deadline,
      sort: (topics.length + i + 1) * 10,
      progressNote: rng.pick(PROGRESS_NOTES),
      taskStatusAtMeeting: t.status === 'open' ? 'open' : 'in_progress',
      createdAt: m.createdAt,
    }),
  );
  return rows;
}

/** Tasks of earlier meetings of the community not yet done on `day` (and not cancelled): the follow-ups. */
function openOn(tasks: TaskInsert[], day: string): TaskInsert[] {
  return tasks.filter((t) => t.status !== 'cancelled' && (t.completedOn === null || t.completedOn > day));
}

interface MeetingCtx {
  community: OrgRow;
  index: number;
  pool: OrgRow[];
  streets: readonly string[];
  earlier: TaskInsert[];
  out: Out;
  time: DemoTime;
}

function heldMeeting(rng: Rng, ctx: MeetingCtx, year: number, quarter: number, date: string): void {
  const { community, pool, out } = ctx;
  const place = `${community.name}党群服务中心`;
  const m: MeetingInsert = {
    id: rng.uuid(),
    communityId: community.id,
    year,
    quarter,
    status: 'held',
    meetingDate: date,
    place,
    minutes: null,
    cancelReason: null,
    heldAt: stamp(date, '17:00'),
    createdByUserId: null,
    createdAt: stamp(addDays(date, -20)),
    updatedAt: stamp(date, '17:00'),
    version: 4,
  };
  const topics = rng
    .shuffle(TOPICS[quarter])
    .slice(0, rng.int(2, 3))
    .map((t) => topicText(t, year));
  const followUps = openOn(ctx.earlier, date);
  const tasks = buildTasks(rng, m, { ...ctx, today: ctx.time.today });
  const invitations = buildInvitations(rng, m, pool);
  m.minutes = minutesText({
    date: `${year}年${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`,
    community: community.name,
    place,
    units: invitations.filter((i) => i.attended).length,
    topics,
    resolutions: tasks.length,
    followUps: followUps.length,
  });
  out.meetings.push(m);
  out.invitations.push(...invitations);
  out.agenda.push(...buildAgenda(rng, m, topics, followUps));
  out.tasks.push(...tasks);
  ctx.earlier.push(...tasks);
}

/**
 * The next meeting: the first six communities (杭东 among them) have fixed its date; the others' is still proposed.
 * It was proposed a week into its quarter (or yesterday, when that is still ahead) and scheduled two weeks before.
 */
function upcomingMeeting(rng: Rng, ctx: MeetingCtx, year: number, quarter: number, date: string): void {
  const scheduled = ctx.index < 6;
  const yesterday = ctx.time.lastDay;
  const proposedOn = addDays(`${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`, 7);
  const created = stamp(proposedOn < yesterday ? proposedOn : yesterday);
  const fixedOn = addDays(date, -14);
  const fixed = fixedOn < yesterday && stamp(fixedOn) > created ? stamp(fixedOn) : created;
  const m: MeetingInsert = {
    id: rng.uuid(),
    communityId: ctx.community.id,
    year,
    quarter,
    status: scheduled ? 'scheduled' : 'proposed',
    meetingDate: date,
    place: scheduled ? `${ctx.community.name}党群服务中心` : null,
    minutes: null,
    cancelReason: null,
    heldAt: null,
    createdByUserId: null,
    createdAt: created,
    updatedAt: scheduled ? fixed : created,
    version: scheduled ? 2 : 1,
  };
  const topics = rng
    .shuffle(TOPICS[quarter])
    .slice(0, 2)
    .map((t) => topicText(t, year));
  ctx.out.meetings.push(m);
  ctx.out.invitations.push(...buildInvitations(rng, m, ctx.pool));
  ctx.out.agenda.push(...buildAgenda(rng, m, topics, []));
}

export interface DemoMeetingCounts {
  meetings: number;
  tasks: number;
  solved: number;
  open: number;
  overdue: number;
}

/** This year's meetings of one community: each quarter's held once its day has passed, then the next one upcoming. */
function communityMeetings(rng: Rng, ctx: MeetingCtx): void {
  const { year, today } = ctx.time;
  for (let quarter = 1; quarter <= 4; quarter++) {
    const date = suggestedMeetingDate({ year, quarter }, ctx.index);
    if (date >= today) {
      upcomingMeeting(rng, ctx, year, quarter, date);
      return;
    }
    heldMeeting(rng, ctx, year, quarter, date);
  }
  upcomingMeeting(rng, ctx, year + 1, 1, suggestedMeetingDate({ year: year + 1, quarter: 1 }, ctx.index));
}

export async function seedDemoMeetings(db: Db, data: DemoData, time: DemoTime): Promise<DemoMeetingCounts> {
  const rng = createRng(MEETINGS_SEED);
  const communities = data.organisations.filter((o) => o.kind === 'community');
  const units = data.organisations.filter((o) => o.kind === 'unit');
  const pairs = await pairsOf(db, time.year, communities, units);
  const out: Out = { meetings: [], invitations: [], agenda: [], tasks: [] };
  communities.forEach((community, index) => {
    const paired = pairs.get(community.id) ?? [];
    const pool = paired.length ? paired : units.slice(0, 7);
    communityMeetings(rng, { community, index, pool, streets: streetsOf(community), earlier: [], out, time });
  });
  const demoUnit = units.find((u) => u.code === unitCode(0));
  if (demoUnit && pairs.get(communities[0]?.id)?.includes(demoUnit))
    giveDemoUnitOpenTasks(out, communities[0], demoUnit, time.today);
  await insertRows(db, jointMeetings, out.meetings);
  await insertRows(db, jointMeetingUnits, out.invitations);
  await insertRows(db, meetingTasks, out.tasks);
  await insertRows(db, jointMeetingAgendaItems, out.agenda);
  // The upcoming meetings' agendas are drawn the way the app draws them: follow-ups, overdue cases, open needs and
  // delayed projects (per quarter: the next meeting is not in the same quarter everywhere).
  const upcoming = out.meetings.filter((x) => x.status !== 'held');
  for (const key of new Set(upcoming.map((m) => `${m.year}-${m.quarter}`))) {
    const group = upcoming.filter((m) => `${m.year}-${m.quarter}` === key);
    const q = { year: group[0].year as number, quarter: group[0].quarter as number };
    const meetings = group.map((m) => ({ meetingId: m.id, communityId: m.communityId }));
    await fillAgendas(db, { meetings, ...q, today: time.today, now: localInstant(time.today, '09:00') });
  }
  const open = out.tasks.filter((t) => t.status === 'open' || t.status === 'in_progress');
  return {
    meetings: out.meetings.length,
    tasks: out.tasks.length,
    solved: out.tasks.filter((t) => t.status === 'done').length,
    open: open.length,
    overdue: open.filter((t) => t.deadline < time.today).length,
  };
}

/**
 * The demo login unit01 (U001) gets two running tasks from 杭东社区's latest meeting held at least a month ago — one in
 * progress, one overdue — so its task view has something to update (when it is paired with 杭东社区, as the demo
 * pairing makes it, and a meeting was held: not in the first weeks of a year).
 */
function giveDemoUnitOpenTasks(out: Out, community: OrgRow, unit: OrgRow, today: string): void {
  const held = out.meetings.filter(
    (m) => m.communityId === community.id && m.status === 'held' && m.meetingDate <= addDays(today, -30),
  );
  const latest = held[held.length - 1];
  if (!latest) return;
  const [a, b] = out.tasks.filter((t) => t.meetingId === latest.id);
  Object.assign(a, {
    ownerUnitId: unit.id,
    content: '欠薪纠纷调解，维护务工人员权益',
    status: 'in_progress',
    deadline: addDays(today, 23),
    completionNote: '已约谈用工单位，正在核对工资台账',
    completedOn: null,
    updatedAt: stamp(addDays(today, -13), '16:00'),
    version: 2,
  });
  Object.assign(b, {
    ownerUnitId: unit.id,
    content: '“法律明白人”进楼栋，开展矛盾纠纷排查',
    status: 'open',
    deadline: addDays(today, -12),
    completionNote: null,
    completedOn: null,
    updatedAt: b.createdAt,
    version: 1,
  });
}

/** Streets of the community for the matters' wording (from the demo's place list by name). */
function streetsOf(community: OrgRow): readonly string[] {
  return STREETS.get(community.name) ?? ['中山路'];
}

const STREETS = new Map(COMMUNITIES.map((c) => [c.name, c.streets]));
