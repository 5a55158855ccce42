import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { Download, ExportColumn } from '../../../core/excel/excel.js';
import { allAtOnce, auditedExport } from '../../../core/excel/export.js';
import { organisations } from '../../org/org.schema.js';
import type { CreateResolution, TaskListQuery, TaskStatus, TaskView, UpdateTask } from './meetings.contracts.js';
import { assertMayEditTaskDetails, assertMayMoveTask, type TaskAccess, taskAccess } from './meetings.policy.js';
import { jointMeetings, meetingTasks } from './meetings.schema.js';
import { lockForManage } from './meetings.service.js';
import { selectTaskViews, presentTask, taskFilters, taskSort } from './meetings.tasks.query.js';
import { clock } from '../../../core/clock.js';

/**
 * Resolutions (决议) as tasks: recorded at the meeting with an owner unit and a deadline, then worked by the owner
 * unit (open → in progress → done, with a note) until closed. Done tasks are the 急事难事 solved.
 */
type TaskRow = typeof meetingTasks.$inferSelect;

/** Status moves; which of them an owner unit may make is the policy's (assertMayMoveTask). */
const NEXT: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: [],
};

async function assertOwnerIsUnit(tx: Db, unitId: string): Promise<void> {
  const [org] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, unitId));
  if (org?.kind !== 'unit') throw new AppError('MEETING_TASK_OWNER_NOT_UNIT');
}

function assertDeadline(deadline: string, meetingDate: string): void {
  if (deadline < meetingDate) throw new AppError('MEETING_TASK_DEADLINE_BEFORE_MEETING', { deadline, meetingDate });
}

/** Adds a resolution to a scheduled or held meeting: owner unit and deadline required, the deadline not before the meeting. */
export async function createResolution(opts: {
  db: Db;
  actor: Actor;
  meetingId: string;
  input: CreateResolution;
}): Promise<string> {
  const { actor, input } = opts;
  if (!input.ownerUnitId) throw new AppError('MEETING_TASK_OWNER_REQUIRED');
  if (!input.deadline) throw new AppError('MEETING_TASK_DEADLINE_REQUIRED');
  const { ownerUnitId, deadline } = input;
  return opts.db.transaction(async (tx) => {
    const m = await lockForManage(tx, actor, opts.meetingId, 'resolve');
    assertDeadline(deadline, m.meetingDate);
    await assertOwnerIsUnit(tx, ownerUnitId);
    const [task] = await tx
      .insert(meetingTasks)
      .values({
        meetingId: m.id,
        communityId: m.communityId,
        ownerUnitId,
        deadline,
        content: input.content,
        createdByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'meeting_task.create',
      entityType: 'meeting_task',
      entityId: task.id,
      after: { meetingId: m.id, ownerUnitId, deadline, content: task.content },
    });
    return task.id;
  });
}

/** The status move and its completion fields: done needs a note and gets a completion day (today unless given). */
function statusChanges(before: TaskRow, input: UpdateTask, access: TaskAccess, today: string): Partial<TaskRow> {
  const to = input.status;
  const note = input.completionNote === undefined ? before.completionNote : input.completionNote || null;
  const changes: Partial<TaskRow> = input.completionNote === undefined ? {} : { completionNote: note };
  if (to === undefined || to === before.status) return changes;
  if (!NEXT[before.status].includes(to))
    throw new AppError('MEETING_TASK_TRANSITION', { from: `task_${before.status}`, to: `task_${to}` });
  assertMayMoveTask(access, before.status, to);
  if (to === 'done') {
    if (!note) throw new AppError('MEETING_TASK_NOTE_REQUIRED');
    const completedOn = input.completedOn ?? today;
    if (completedOn > today)
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '/completedOn', message: 'in the future' }]);
    return { ...changes, status: to, completedOn };
  }
  return { ...changes, status: to, completedOn: null };
}

/** Content, deadline and owner: staff only (an owner sending them is 403). */
async function staffChanges(tx: Db, before: TaskRow, input: UpdateTask, access: TaskAccess): Promise<Partial<TaskRow>> {
  const changes: Partial<TaskRow> = {};
  if (input.content === undefined && input.deadline === undefined && input.ownerUnitId === undefined) return changes;
  assertMayEditTaskDetails(access);
  if (input.content !== undefined) changes.content = input.content;
  if (input.deadline !== undefined) {
    const [m] = await tx
      .select({ meetingDate: jointMeetings.meetingDate })
      .from(jointMeetings)
      .where(eq(jointMeetings.id, before.meetingId));
    assertDeadline(input.deadline, m.meetingDate);
    changes.deadline = input.deadline;
  }
  if (input.ownerUnitId !== undefined) {
    await assertOwnerIsUnit(tx, input.ownerUnitId);
    changes.ownerUnitId = input.ownerUnitId;
  }
  return changes;
}

/**
 * Updates a task: the owner unit's admin moves its status and writes the completion note; the community's staff
 * may also change content, deadline and owner, cancel, or reopen. Version-checked (409 STALE_UPDATE).
 */
export async function updateTask(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdateTask;
  today: string;
}): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(meetingTasks).where(eq(meetingTasks.id, opts.id)).for('update');
    if (!before) throw new AppError('NOT_FOUND', { entity: 'meeting_task' });
    const access = await taskAccess(tx, actor, before);
    if (before.version !== input.version) throw new AppError('STALE_UPDATE');
    const changes = {
      ...(await staffChanges(tx, before, input, access)),
      ...statusChanges(before, input, access, opts.today),
    };
    await tx
      .update(meetingTasks)
      .set({ ...changes, version: sql`${meetingTasks.version} + 1`, updatedAt: clock.now() })
      .where(eq(meetingTasks.id, before.id));
    const keys = Object.keys(changes) as (keyof TaskRow)[];
    await recordAudit(tx, {
      actor,
      action: 'meeting_task.update',
      entityType: 'meeting_task',
      entityId: before.id,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: changes,
    });
  });
}

const STATUS_LABELS: Record<TaskStatus, string> = {
  open: '待办',
  in_progress: '办理中',
  done: '已办结',
  cancelled: '已撤销',
};
const EXPORT_CAP = 50_000;

const EXPORT_COLUMNS: ExportColumn<TaskView>[] = [
  { title: '社区', width: 12, value: (t) => t.communityName },
  { title: '年度', width: 8, value: (t) => t.year },
  { title: '季度', width: 8, value: (t) => `Q${t.quarter}` },
  { title: '会议日期', width: 12, value: (t) => t.meetingDate },
  { title: '决议内容', width: 48, value: (t) => t.content },
  { title: '责任单位', width: 22, value: (t) => t.ownerUnitName },
  { title: '完成时限', width: 12, value: (t) => t.deadline },
  { title: '状态', width: 10, value: (t) => STATUS_LABELS[t.status] },
  { title: '是否逾期', width: 10, value: (t) => (t.overdue ? '逾期' : '') },
  { title: '完成日期', width: 12, value: (t) => t.completedOn },
  { title: '完成情况', width: 40, value: (t) => t.completionNote },
];

/** The filtered task list as a workbook (same filters and scope as the list), audited. */
export async function exportTasks(opts: {
  db: Db;
  actor: Actor;
  query: TaskListQuery;
  today: string;
}): Promise<Download> {
  const { db, query, today } = opts;
  const where = await taskFilters(db, opts.actor, query, today);
  const rows = await selectTaskViews(db)
    .where(where)
    .orderBy(...taskSort(query.sort))
    .limit(EXPORT_CAP + 1);
  const truncated = rows.length > EXPORT_CAP;
  const views = rows.slice(0, EXPORT_CAP).map((r) => presentTask(r, today));
  const day = today.replaceAll('-', '');
  return auditedExport(db, {
    actor: opts.actor,
    action: 'meeting_task.export',
    entityType: 'meeting_task',
    filter: query,
    rows: views.length,
    truncated,
    fileName: `联席会决议任务-${day}.xlsx`,
    asciiName: `meeting-tasks-${day}.xlsx`,
    sheetName: '决议任务',
    columns: EXPORT_COLUMNS,
    batches: () => allAtOnce(views),
  });
}
