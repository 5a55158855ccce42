import { and, asc, count, desc, eq, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../core/auth/actor.js';
import { escapeLike } from '../../../core/strings.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { organisations } from '../../org/org.schema.js';
import type { SolvedQuery, SolvedSummary, TaskListQuery, TaskStatus, TaskView } from './meetings.contracts.js';
import { assertMayReadMeetings, tasksVisibleTo } from './meetings.policy.js';
import { jointMeetings, meetingTasks } from './meetings.schema.js';

/** Reading resolution tasks: the lists, a meeting's resolutions and the 急事难事 solved figures. */
export const OPEN_TASK_STATUSES = ['open', 'in_progress'] as const satisfies readonly TaskStatus[];

/** Overdue: the deadline (a county day) has passed and the task is neither done nor cancelled. */
export function isTaskOverdue(t: { status: TaskStatus; deadline: string }, today: string): boolean {
  return (t.status === 'open' || t.status === 'in_progress') && t.deadline < today;
}

export function overdueWhere(today: string): SQL {
  return and(inArray(meetingTasks.status, [...OPEN_TASK_STATUSES]), lt(meetingTasks.deadline, today)) as SQL;
}

const owner = alias(organisations, 'owner_unit');

export function selectTaskViews(db: Db) {
  return db
    .select({
      t: meetingTasks,
      m: { year: jointMeetings.year, quarter: jointMeetings.quarter, meetingDate: jointMeetings.meetingDate },
      communityName: organisations.name,
      ownerName: owner.name,
    })
    .from(meetingTasks)
    .innerJoin(jointMeetings, eq(jointMeetings.id, meetingTasks.meetingId))
    .innerJoin(organisations, eq(organisations.id, meetingTasks.communityId))
    .innerJoin(owner, eq(owner.id, meetingTasks.ownerUnitId));
}
type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTaskViews>['execute']>>[number];

export function presentTask(r: TaskRow, today: string): TaskView {
  const t = r.t;
  return {
    id: t.id,
    meetingId: t.meetingId,
    communityId: t.communityId,
    communityName: r.communityName,
    year: r.m.year,
    quarter: r.m.quarter,
    meetingDate: r.m.meetingDate,
    ownerUnitId: t.ownerUnitId,
    ownerUnitName: r.ownerName,
    content: t.content,
    deadline: t.deadline,
    status: t.status,
    overdue: isTaskOverdue(t, today),
    completionNote: t.completionNote,
    completedOn: t.completedOn,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

export async function taskFilters(db: Db, actor: Actor, q: TaskListQuery, today: string): Promise<SQL | undefined> {
  assertMayReadMeetings(actor);
  return and(
    await tasksVisibleTo(db, actor),
    q.ownerUnitId ? eq(meetingTasks.ownerUnitId, q.ownerUnitId) : undefined,
    q.communityId ? eq(meetingTasks.communityId, q.communityId) : undefined,
    q.meetingId ? eq(meetingTasks.meetingId, q.meetingId) : undefined,
    q.status ? eq(meetingTasks.status, q.status) : undefined,
    q.overdue === true ? overdueWhere(today) : q.overdue === false ? sql`not (${overdueWhere(today)})` : undefined,
    q.year ? eq(jointMeetings.year, q.year) : undefined,
    q.quarter ? eq(jointMeetings.quarter, q.quarter) : undefined,
    q.q ? ilike(meetingTasks.content, `%${escapeLike(q.q)}%`) : undefined,
  );
}

export function taskSort(sort: string | undefined): SQL[] {
  return orderBy(
    sort,
    {
      deadline: meetingTasks.deadline,
      createdAt: meetingTasks.createdAt,
      status: meetingTasks.status,
      completedOn: meetingTasks.completedOn,
      meetingDate: jointMeetings.meetingDate,
    },
    [asc(meetingTasks.status), asc(meetingTasks.deadline)],
    meetingTasks.id,
  );
}

export async function listTasks(opts: {
  db: Db;
  actor: Actor;
  query: TaskListQuery;
  today: string;
}): Promise<Page<TaskView>> {
  const { db, query: q } = opts;
  const where = await taskFilters(db, opts.actor, q, opts.today);
  return readPage(q, {
    rows: selectTaskViews(db)
      .where(where)
      .orderBy(...taskSort(q.sort))
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(meetingTasks)
      .innerJoin(jointMeetings, eq(jointMeetings.id, meetingTasks.meetingId))
      .where(where),
    present: (r) => presentTask(r, opts.today),
  });
}

export async function tasksOfMeeting(db: Db, meetingId: string, today: string): Promise<TaskView[]> {
  const rows = await selectTaskViews(db)
    .where(eq(meetingTasks.meetingId, meetingId))
    .orderBy(asc(meetingTasks.createdAt), asc(meetingTasks.id));
  return rows.map((r) => presentTask(r, today));
}

export async function taskById(db: Db, id: string, today: string): Promise<TaskView | undefined> {
  const [row] = await selectTaskViews(db).where(eq(meetingTasks.id, id));
  return row ? presentTask(row, today) : undefined;
}

/** One task the actor may see (its community's, or its unit's); otherwise NOT_FOUND. */
export async function getTask(opts: { db: Db; actor: Actor; id: string; today: string }): Promise<TaskView> {
  assertMayReadMeetings(opts.actor);
  const [row] = await selectTaskViews(opts.db).where(
    and(eq(meetingTasks.id, opts.id), await tasksVisibleTo(opts.db, opts.actor)),
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'meeting_task' });
  return presentTask(row, opts.today);
}

const countWhere = (cond: SQL) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);

/**
 * 急事难事 solved: the actor's visible resolution tasks closed as done, county-wide, per community (with what is
 * still open and overdue) and per quarter of completion. `year` narrows to tasks of that year's meetings.
 */
export async function solvedSummary(opts: {
  db: Db;
  actor: Actor;
  query: SolvedQuery;
  today: string;
}): Promise<SolvedSummary> {
  const { db, query: q, today } = opts;
  assertMayReadMeetings(opts.actor);
  const where = and(
    await tasksVisibleTo(db, opts.actor),
    q.year ? eq(jointMeetings.year, q.year) : undefined,
    q.communityId ? eq(meetingTasks.communityId, q.communityId) : undefined,
  );
  const done = eq(meetingTasks.status, 'done');
  const open = inArray(meetingTasks.status, [...OPEN_TASK_STATUSES]);
  const byCommunity = await db
    .select({
      communityId: meetingTasks.communityId,
      communityName: organisations.name,
      solved: countWhere(done),
      open: countWhere(open as SQL),
      overdue: countWhere(overdueWhere(today)),
    })
    .from(meetingTasks)
    .innerJoin(jointMeetings, eq(jointMeetings.id, meetingTasks.meetingId))
    .innerJoin(organisations, eq(organisations.id, meetingTasks.communityId))
    .where(where)
    .groupBy(meetingTasks.communityId, organisations.name, organisations.code)
    .orderBy(asc(organisations.code));
  const yearOf = sql<number>`cast(substr(${meetingTasks.completedOn}, 1, 4) as int)`.mapWith(Number);
  const quarterOf = sql<number>`(cast(substr(${meetingTasks.completedOn}, 6, 2) as int) + 2) / 3`.mapWith(Number);
  const byQuarter = await db
    .select({ year: yearOf, quarter: quarterOf, solved: count() })
    .from(meetingTasks)
    .innerJoin(jointMeetings, eq(jointMeetings.id, meetingTasks.meetingId))
    .where(and(where, done))
    .groupBy(yearOf, quarterOf)
    .orderBy(desc(yearOf), desc(quarterOf));
  const sum = (k: 'solved' | 'open' | 'overdue') => byCommunity.reduce((n, r) => n + r[k], 0);
  return {
    year: q.year ?? null,
    total: sum('solved'),
    open: sum('open'),
    overdue: sum('overdue'),
    byCommunity,
    byQuarter: byQuarter.filter((r) => r.year > 0).sort((a, b) => a.year - b.year || a.quarter - b.quarter),
  };
}
