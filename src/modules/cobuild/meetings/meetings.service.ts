import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { localDayOf } from '../../../core/calendar.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { fillAgendas } from './meetings.agenda.js';
import type {
  AgendaItemRequest,
  CancelRequest,
  HoldRequest,
  MeetingStatus,
  ScheduleRequest,
  UpdateMeeting,
} from './meetings.contracts.js';
import { assertMayManageMeetings, assertMayReadMeetings } from './meetings.policy.js';
import { isInQuarter } from './meetings.quarter.js';
import { jointMeetingAgendaItems, jointMeetings, meetingTasks } from './meetings.schema.js';
import { clock } from '../../../core/clock.js';

/**
 * The meeting's own lifecycle: proposed → scheduled (date, place) → held (with minutes) or cancelled, plus its
 * agenda. Every write locks the meeting row, checks scope, state and version, and is audited in its transaction.
 */
export type MeetingRow = typeof jointMeetings.$inferSelect;
export type MeetingAction = 'edit' | 'schedule' | 'hold' | 'cancel' | 'resolve' | 'checkin' | 'invite' | 'respond';

/** Which states allow which action: editing and planning before the meeting; resolutions and check-in at or after it. */
const ALLOWED: Record<MeetingAction, readonly MeetingStatus[]> = {
  edit: ['proposed', 'scheduled'],
  schedule: ['proposed', 'scheduled'],
  hold: ['scheduled'],
  cancel: ['proposed', 'scheduled'],
  invite: ['proposed', 'scheduled'],
  respond: ['proposed', 'scheduled'],
  checkin: ['scheduled', 'held'],
  resolve: ['scheduled', 'held'],
};

export function assertMeetingState(row: MeetingRow, action: MeetingAction): void {
  if (!ALLOWED[action].includes(row.status))
    throw new AppError('MEETING_STATE', { status: `meeting_${row.status}`, action: `meeting_do_${action}` });
}

/**
 * The meeting locked for this transaction (404 if there is none). Not narrowed by visibility: every write checks its
 * own permission next, so a write out of scope is a 403 rather than a 404.
 */
export async function lockMeeting(tx: Db, actor: Actor, id: string): Promise<MeetingRow> {
  assertMayReadMeetings(actor);
  const [row] = await tx.select().from(jointMeetings).where(eq(jointMeetings.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', { entity: 'joint_meeting' });
  return row;
}

/** Locked, managed by the actor (else 403) and in a state that allows the action (else 409). */
export async function lockForManage(tx: Db, actor: Actor, id: string, action: MeetingAction): Promise<MeetingRow> {
  const row = await lockMeeting(tx, actor, id);
  await assertMayManageMeetings(tx, actor, row.communityId);
  assertMeetingState(row, action);
  return row;
}

function assertVersion(row: MeetingRow, version: number): void {
  if (row.version !== version) throw new AppError('STALE_UPDATE');
}

function assertDateInQuarter(row: MeetingRow, day: string): void {
  if (!isInQuarter(day, row))
    throw new AppError('MEETING_DATE_OUTSIDE_QUARTER', { date: day, year: row.year, quarter: row.quarter });
}

/** Writes the changes with the version bump and the audit row; `action` names the audit entry. */
async function writeMeeting(
  tx: Db,
  actor: Actor,
  before: MeetingRow,
  action: string,
  changes: Partial<typeof jointMeetings.$inferInsert>,
): Promise<void> {
  await tx
    .update(jointMeetings)
    .set({ ...changes, version: sql`${jointMeetings.version} + 1`, updatedAt: clock.now() })
    .where(eq(jointMeetings.id, before.id));
  const keys = Object.keys(changes) as (keyof MeetingRow)[];
  await recordAudit(tx, {
    actor,
    action: `joint_meeting.${action}`,
    entityType: 'joint_meeting',
    entityId: before.id,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: changes,
  });
}

export async function updateMeeting(opts: { db: Db; actor: Actor; id: string; input: UpdateMeeting }): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockForManage(tx, actor, opts.id, 'edit');
    assertVersion(before, input.version);
    if (input.meetingDate) assertDateInQuarter(before, input.meetingDate);
    const changes: Partial<typeof jointMeetings.$inferInsert> = {};
    if (input.meetingDate !== undefined) changes.meetingDate = input.meetingDate;
    if (input.place !== undefined) changes.place = input.place || null;
    if (input.minutes !== undefined) changes.minutes = input.minutes || null;
    await writeMeeting(tx, actor, before, 'update', changes);
  });
}

export async function scheduleMeeting(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: ScheduleRequest;
}): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockForManage(tx, actor, opts.id, 'schedule');
    assertVersion(before, input.version);
    assertDateInQuarter(before, input.meetingDate);
    await writeMeeting(tx, actor, before, 'schedule', {
      status: 'scheduled',
      meetingDate: input.meetingDate,
      place: input.place,
    });
  });
}

/**
 * Holds the meeting: the minutes are required (sent now or saved before), and each follow-up item keeps the status
 * its task had at this meeting, so the record shows the progress reported there.
 */
export async function holdMeeting(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: HoldRequest;
  now?: Date;
}): Promise<void> {
  const { actor, input } = opts;
  const now = opts.now ?? clock.now();
  await opts.db.transaction(async (tx) => {
    const before = await lockForManage(tx, actor, opts.id, 'hold');
    assertVersion(before, input.version);
    const minutes = input.minutes !== undefined ? input.minutes : before.minutes;
    if (!minutes?.trim()) throw new AppError('MEETING_MINUTES_REQUIRED');
    await tx
      .update(jointMeetingAgendaItems)
      .set({
        taskStatusAtMeeting: sql`(select ${meetingTasks.status}::text from ${meetingTasks} where ${meetingTasks.id} = ${jointMeetingAgendaItems.refId})`,
      })
      .where(and(eq(jointMeetingAgendaItems.meetingId, before.id), eq(jointMeetingAgendaItems.source, 'follow_up')));
    await writeMeeting(tx, actor, before, 'hold', { status: 'held', minutes, heldAt: now });
  });
}

export async function cancelMeeting(opts: { db: Db; actor: Actor; id: string; input: CancelRequest }): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const before = await lockForManage(tx, actor, opts.id, 'cancel');
    assertVersion(before, input.version);
    await writeMeeting(tx, actor, before, 'cancel', { status: 'cancelled', cancelReason: input.reason });
  });
}

/** Draws the agenda again from the sources, adding only what is new since it was proposed. */
export async function refreshAgenda(opts: { db: Db; actor: Actor; id: string; now?: Date }): Promise<number> {
  const now = opts.now ?? clock.now();
  return opts.db.transaction(async (tx) => {
    const m = await lockForManage(tx, opts.actor, opts.id, 'edit');
    const added =
      (
        await fillAgendas(tx, {
          meetings: [{ meetingId: m.id, communityId: m.communityId }],
          year: m.year,
          quarter: m.quarter,
          today: localDayOf(now),
          now,
        })
      ).get(m.id) ?? 0;
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'joint_meeting.agenda_refresh',
      entityType: 'joint_meeting',
      entityId: m.id,
      after: { added },
    });
    return added;
  });
}

/** A free item typed in by hand, after the others. */
export async function addAgendaItem(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: AgendaItemRequest;
}): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const m = await lockForManage(tx, actor, opts.id, 'edit');
    const [{ maxSort }] = await tx
      .select({ maxSort: sql<number>`coalesce(max(${jointMeetingAgendaItems.sort}), 0)`.mapWith(Number) })
      .from(jointMeetingAgendaItems)
      .where(eq(jointMeetingAgendaItems.meetingId, m.id));
    const [item] = await tx
      .insert(jointMeetingAgendaItems)
      .values({
        meetingId: m.id,
        source: 'manual',
        title: input.title,
        detail: input.detail || null,
        sort: maxSort + 10,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'joint_meeting.agenda_add',
      entityType: 'joint_meeting',
      entityId: m.id,
      after: { itemId: item.id, title: item.title, detail: item.detail },
    });
  });
}

export async function removeAgendaItem(opts: { db: Db; actor: Actor; id: string; itemId: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const m = await lockForManage(tx, opts.actor, opts.id, 'edit');
    const [gone] = await tx
      .delete(jointMeetingAgendaItems)
      .where(and(eq(jointMeetingAgendaItems.id, opts.itemId), eq(jointMeetingAgendaItems.meetingId, m.id)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND', { entity: 'agenda_item' });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'joint_meeting.agenda_remove',
      entityType: 'joint_meeting',
      entityId: m.id,
      before: gone,
    });
  });
}

/** What the meeting recorded about an item (a follow-up's progress); allowed until the meeting is cancelled. */
export async function setAgendaProgress(opts: {
  db: Db;
  actor: Actor;
  id: string;
  itemId: string;
  progressNote: string | null;
}): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const m = await lockMeeting(tx, opts.actor, opts.id);
    await assertMayManageMeetings(tx, opts.actor, m.communityId);
    if (m.status === 'cancelled') assertMeetingState(m, 'edit');
    const progressNote = opts.progressNote || null;
    const [before] = await tx
      .select()
      .from(jointMeetingAgendaItems)
      .where(and(eq(jointMeetingAgendaItems.id, opts.itemId), eq(jointMeetingAgendaItems.meetingId, m.id)));
    if (!before) throw new AppError('NOT_FOUND', { entity: 'agenda_item' });
    await tx.update(jointMeetingAgendaItems).set({ progressNote }).where(eq(jointMeetingAgendaItems.id, before.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'joint_meeting.agenda_progress',
      entityType: 'joint_meeting',
      entityId: m.id,
      before: { itemId: before.id, progressNote: before.progressNote },
      after: { itemId: before.id, progressNote },
    });
  });
}
