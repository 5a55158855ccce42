import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { organisations } from '../../org/org.schema.js';
import type { AttendanceRequest, RespondRequest } from './meetings.contracts.js';
import { assertMayActAsUnit, assertMayManageMeetings, assertMaySpeakForUnit } from './meetings.policy.js';
import { jointMeetingUnits } from './meetings.schema.js';
import { assertMeetingState, lockForManage, lockMeeting, type MeetingRow } from './meetings.service.js';
import { clock } from '../../../core/clock.js';

/**
 * Invitations and attendance: staff invite extra units and check in who came; a unit admin answers its own
 * invitation and confirms its own attendance. Each write is audited in the transaction that makes it.
 */
type InvitationRow = typeof jointMeetingUnits.$inferSelect;

async function invitationOf(tx: Db, meetingId: string, unitId: string): Promise<InvitationRow> {
  const [row] = await tx
    .select()
    .from(jointMeetingUnits)
    .where(and(eq(jointMeetingUnits.meetingId, meetingId), eq(jointMeetingUnits.unitId, unitId)));
  if (!row) throw new AppError('MEETING_UNIT_NOT_INVITED');
  return row;
}

async function assertUnit(tx: Db, unitId: string): Promise<void> {
  const [org] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, unitId));
  if (org?.kind !== 'unit') throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: 'not a unit' }]);
}

async function audit(
  tx: Db,
  actor: Actor,
  action: string,
  m: MeetingRow,
  before: Partial<InvitationRow> | null,
  after: Partial<InvitationRow>,
): Promise<void> {
  await recordAudit(tx, {
    actor,
    action: `joint_meeting.${action}`,
    entityType: 'joint_meeting',
    entityId: m.id,
    before,
    after,
  });
}

/**
 * Writes a unit's answer or attendance to its invitation and audits it: before, the unit and the `changed` fields as
 * they were; after, the unit and what was written.
 */
async function writeInvitation(
  tx: Db,
  actor: Actor,
  action: string,
  m: MeetingRow,
  before: InvitationRow,
  changed: (keyof InvitationRow)[],
  after: Partial<InvitationRow>,
  updatedAt: Date = clock.now(),
): Promise<void> {
  await tx
    .update(jointMeetingUnits)
    .set({ ...after, updatedAt })
    .where(eq(jointMeetingUnits.id, before.id));
  const was: Partial<InvitationRow> = { unitId: before.unitId };
  for (const field of changed) Object.assign(was, { [field]: before[field] });
  await audit(tx, actor, action, m, was, { unitId: before.unitId, ...after });
}

/** Invites a unit beyond the paired ones; inviting one already invited changes nothing. */
export async function inviteUnit(opts: { db: Db; actor: Actor; id: string; unitId: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const m = await lockForManage(tx, opts.actor, opts.id, 'invite');
    await assertUnit(tx, opts.unitId);
    const [row] = await tx
      .insert(jointMeetingUnits)
      .values({ meetingId: m.id, unitId: opts.unitId, source: 'extra' })
      .onConflictDoNothing({ target: [jointMeetingUnits.meetingId, jointMeetingUnits.unitId] })
      .returning();
    if (row) await audit(tx, opts.actor, 'invite', m, null, { unitId: row.unitId, source: row.source });
  });
}

/** The unit's answer: by an admin of that unit, or by the community's staff on its behalf (before the meeting). */
export async function respondToInvitation(opts: {
  db: Db;
  actor: Actor;
  id: string;
  unitId: string;
  input: RespondRequest;
}): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const m = await lockMeeting(tx, actor, opts.id);
    await assertMaySpeakForUnit(tx, actor, m, opts.unitId);
    assertMeetingState(m, 'respond');
    const before = await invitationOf(tx, m.id, opts.unitId);
    const after = { response: input.response, responseNote: input.note || null, respondedAt: clock.now() };
    await writeInvitation(tx, actor, 'respond', m, before, ['response', 'responseNote'], after);
  });
}

/** Staff check-in at the meeting: whether the unit came and who came. */
export async function checkIn(opts: {
  db: Db;
  actor: Actor;
  id: string;
  unitId: string;
  input: AttendanceRequest;
  now?: Date;
}): Promise<void> {
  const { actor, input } = opts;
  await opts.db.transaction(async (tx) => {
    const m = await lockMeeting(tx, actor, opts.id);
    await assertMayManageMeetings(tx, actor, m.communityId);
    assertMeetingState(m, 'checkin');
    const before = await invitationOf(tx, m.id, opts.unitId);
    const after = input.attended
      ? {
          attended: true,
          attendees: input.attendees ?? before.attendees,
          checkedInAt: before.checkedInAt ?? opts.now ?? clock.now(),
        }
      : { attended: false, attendees: [], checkedInAt: null, confirmedAt: null, confirmedByUserId: null };
    await writeInvitation(tx, actor, 'checkin', m, before, ['attended', 'attendees'], after);
  });
}

/** A unit admin confirms its own unit attended (once the meeting is scheduled or held); confirming again is a no-op. */
export async function confirmAttendance(opts: {
  db: Db;
  actor: Actor;
  id: string;
  unitId: string;
  now?: Date;
}): Promise<void> {
  const { actor } = opts;
  await opts.db.transaction(async (tx) => {
    const m = await lockMeeting(tx, actor, opts.id);
    await assertMayActAsUnit(tx, actor, opts.unitId);
    assertMeetingState(m, 'checkin');
    const before = await invitationOf(tx, m.id, opts.unitId);
    if (before.confirmedAt) return;
    const now = opts.now ?? clock.now();
    const after = {
      attended: true,
      confirmedAt: now,
      confirmedByUserId: actor.userId,
      checkedInAt: before.checkedInAt ?? now,
    };
    await writeInvitation(tx, actor, 'confirm_attendance', m, before, ['attended'], after, now);
  });
}
