import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import type {
  AgendaItemView,
  InvitationView,
  MeetingDetail,
  MeetingListQuery,
  MeetingView,
  TaskStatus,
} from './meetings.contracts.js';
import { assertMayReadMeetings, mayManageMeetings, meetingsVisibleTo, unitsActorSpeaksFor } from './meetings.policy.js';
import { jointMeetingAgendaItems, jointMeetings, jointMeetingUnits, meetingTasks } from './meetings.schema.js';
import { OPEN_TASK_STATUSES, overdueWhere, tasksOfMeeting } from './meetings.tasks.query.js';

/** Reading joint meetings: the list with its counts, and one meeting with invitations, agenda and resolutions. */
const countWhere = (cond: SQL) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);

function unitCounts(db: Db) {
  return db
    .select({
      meetingId: jointMeetingUnits.meetingId,
      invited: count().as('invited'),
      attended: countWhere(eq(jointMeetingUnits.attended, true)).as('attended'),
    })
    .from(jointMeetingUnits)
    .groupBy(jointMeetingUnits.meetingId)
    .as('unit_counts');
}

function taskCounts(db: Db, today: string) {
  return db
    .select({
      meetingId: meetingTasks.meetingId,
      total: count().as('tasks_total'),
      done: countWhere(eq(meetingTasks.status, 'done')).as('tasks_done'),
      open: countWhere(inArray(meetingTasks.status, [...OPEN_TASK_STATUSES]) as SQL).as('tasks_open'),
      overdue: countWhere(overdueWhere(today)).as('tasks_overdue'),
    })
    .from(meetingTasks)
    .groupBy(meetingTasks.meetingId)
    .as('task_counts');
}

function agendaCounts(db: Db) {
  return db
    .select({ meetingId: jointMeetingAgendaItems.meetingId, n: count().as('agenda_n') })
    .from(jointMeetingAgendaItems)
    .groupBy(jointMeetingAgendaItems.meetingId)
    .as('agenda_counts');
}

function selectViews(db: Db, today: string) {
  const u = unitCounts(db);
  const t = taskCounts(db, today);
  const a = agendaCounts(db);
  return db
    .select({
      m: jointMeetings,
      communityName: organisations.name,
      communityCode: organisations.code,
      invited: u.invited,
      attended: u.attended,
      agenda: a.n,
      total: t.total,
      done: t.done,
      open: t.open,
      overdue: t.overdue,
    })
    .from(jointMeetings)
    .innerJoin(organisations, eq(organisations.id, jointMeetings.communityId))
    .leftJoin(u, eq(u.meetingId, jointMeetings.id))
    .leftJoin(t, eq(t.meetingId, jointMeetings.id))
    .leftJoin(a, eq(a.meetingId, jointMeetings.id));
}
type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number];

function present(r: ViewRow): MeetingView {
  const m = r.m;
  return {
    id: m.id,
    communityId: m.communityId,
    communityName: r.communityName,
    year: m.year,
    quarter: m.quarter,
    status: m.status,
    meetingDate: m.meetingDate,
    place: m.place,
    minutes: m.minutes,
    cancelReason: m.cancelReason,
    heldAt: m.heldAt?.toISOString() ?? null,
    invitedCount: Number(r.invited ?? 0),
    attendedCount: Number(r.attended ?? 0),
    agendaCount: Number(r.agenda ?? 0),
    tasks: {
      total: Number(r.total ?? 0),
      done: Number(r.done ?? 0),
      open: Number(r.open ?? 0),
      overdue: Number(r.overdue ?? 0),
    },
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    version: m.version,
  };
}

export async function listMeetings(opts: {
  db: Db;
  actor: Actor;
  query: MeetingListQuery;
  today: string;
}): Promise<Page<MeetingView>> {
  const { db, query: q } = opts;
  assertMayReadMeetings(opts.actor);
  const where = and(
    await meetingsVisibleTo(db, opts.actor),
    q.year ? eq(jointMeetings.year, q.year) : undefined,
    q.quarter ? eq(jointMeetings.quarter, q.quarter) : undefined,
    q.communityId ? eq(jointMeetings.communityId, q.communityId) : undefined,
    q.status ? eq(jointMeetings.status, q.status) : undefined,
    q.q ? ilike(organisations.name, `%${escapeLike(q.q)}%`) : undefined,
  );
  const sort = orderBy(
    q.sort,
    {
      meetingDate: jointMeetings.meetingDate,
      community: organisations.code,
      status: jointMeetings.status,
      createdAt: jointMeetings.createdAt,
    },
    [desc(jointMeetings.year), desc(jointMeetings.quarter), asc(organisations.code)],
    jointMeetings.id,
  );
  return readPage(q, {
    rows: selectViews(db, opts.today)
      .where(where)
      .orderBy(...sort)
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(jointMeetings)
      .innerJoin(organisations, eq(organisations.id, jointMeetings.communityId))
      .where(where),
    present,
  });
}

async function invitationsOf(db: Db, meetingId: string): Promise<InvitationView[]> {
  const rows = await db
    .select({ i: jointMeetingUnits, name: organisations.name, leaderName: organisations.leaderName })
    .from(jointMeetingUnits)
    .innerJoin(organisations, eq(organisations.id, jointMeetingUnits.unitId))
    .where(eq(jointMeetingUnits.meetingId, meetingId))
    .orderBy(asc(jointMeetingUnits.source), asc(organisations.code), asc(organisations.name));
  return rows.map(({ i, name, leaderName }) => ({
    unitId: i.unitId,
    unitName: name,
    leaderName,
    source: i.source,
    response: i.response,
    responseNote: i.responseNote,
    respondedAt: i.respondedAt?.toISOString() ?? null,
    attended: i.attended,
    attendees: i.attendees,
    checkedInAt: i.checkedInAt?.toISOString() ?? null,
    confirmedAt: i.confirmedAt?.toISOString() ?? null,
  }));
}

async function agendaOf(db: Db, meetingId: string): Promise<AgendaItemView[]> {
  const rows = await db
    .select({ a: jointMeetingAgendaItems, taskStatus: meetingTasks.status })
    .from(jointMeetingAgendaItems)
    .leftJoin(
      meetingTasks,
      and(eq(jointMeetingAgendaItems.source, 'follow_up'), eq(meetingTasks.id, jointMeetingAgendaItems.refId)),
    )
    .where(eq(jointMeetingAgendaItems.meetingId, meetingId))
    .orderBy(asc(jointMeetingAgendaItems.sort), asc(jointMeetingAgendaItems.id));
  return rows.map(({ a, taskStatus }) => ({
    id: a.id,
    source: a.source,
    refId: a.refId,
    title: a.title,
    detail: a.detail,
    sort: a.sort,
    progressNote: a.progressNote,
    taskStatus: taskStatus ?? null,
    taskStatusAtMeeting: (a.taskStatusAtMeeting as TaskStatus | null) ?? null,
  }));
}

/** A meeting the actor may see, with everything on it; out of scope is NOT_FOUND. */
export async function getMeeting(opts: { db: Db; actor: Actor; id: string; today: string }): Promise<MeetingDetail> {
  const { db, actor } = opts;
  assertMayReadMeetings(actor);
  const [row] = await selectViews(db, opts.today).where(
    and(eq(jointMeetings.id, opts.id), await meetingsVisibleTo(db, actor)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'joint_meeting' });
  const invitations = await invitationsOf(db, row.m.id);
  return {
    ...present(row),
    invitations,
    agenda: await agendaOf(db, row.m.id),
    resolutions: await tasksOfMeeting(db, row.m.id, opts.today),
    can: {
      manage: await mayManageMeetings(db, actor, row.m.communityId),
      respondFor: await unitsActorSpeaksFor(
        db,
        actor,
        invitations.map((i) => i.unitId),
      ),
    },
  };
}
