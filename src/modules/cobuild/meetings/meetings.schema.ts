import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { idColumn, createdAt, updatedAt, editedColumns, requiredRef } from '../../../core/columns.js';
import { users } from '../../auth/auth.schema.js';
import { organisations } from '../../org/org.schema.js';
import { AGENDA_SOURCES, MEETING_STATUSES, TASK_STATUSES } from './meetings.contracts.js';

/**
 * 党建工作联席会: one joint meeting per community per quarter. It is proposed (automatically, with a suggested date),
 * scheduled (date and place fixed), then held (minutes) or cancelled. The unique index keeps a second meeting for
 * the same community and quarter out, however many proposers run at once.
 */
export const meetingStatus = pgEnum('joint_meeting_status', MEETING_STATUSES);

export const jointMeetings = pgTable(
  'joint_meetings',
  {
    id: idColumn(),
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    year: integer('year').notNull(),
    quarter: smallint('quarter').notNull(),
    status: meetingStatus('status').notNull().default('proposed'),
    /** The suggested day while proposed, the fixed day once scheduled (YYYY-MM-DD, county time). */
    meetingDate: text('meeting_date').notNull(),
    place: text('place'),
    minutes: text('minutes'),
    cancelReason: text('cancel_reason'),
    heldAt: timestamp('held_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('joint_meetings_community_quarter_uq').on(t.communityId, t.year, t.quarter),
    index('joint_meetings_year_quarter_idx').on(t.year, t.quarter),
  ],
);

export const INVITATION_SOURCES = ['paired', 'extra'] as const;
export const invitationSource = pgEnum('joint_meeting_invitation_source', INVITATION_SOURCES);
export const INVITATION_RESPONSES = ['pending', 'accepted', 'declined'] as const;
export const invitationResponse = pgEnum('joint_meeting_invitation_response', INVITATION_RESPONSES);

/** A unit invited to a meeting (the community's paired units, plus any extra): its answer and its attendance. */
export const jointMeetingUnits = pgTable(
  'joint_meeting_units',
  {
    id: idColumn(),
    meetingId: requiredRef('meeting_id', () => jointMeetings.id, 'cascade'),
    unitId: requiredRef('unit_id', () => organisations.id, 'restrict'),
    source: invitationSource('source').notNull().default('paired'),
    response: invitationResponse('response').notNull().default('pending'),
    responseNote: text('response_note'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** Checked in by staff at the meeting (who came from the unit, by name). */
    attended: boolean('attended').notNull().default(false),
    attendees: text('attendees').array().notNull().default(sql`'{}'::text[]`),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** The unit's own confirmation of its attendance. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedByUserId: uuid('confirmed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('joint_meeting_units_meeting_unit_uq').on(t.meetingId, t.unitId),
    index('joint_meeting_units_unit_idx').on(t.unitId),
  ],
);

/** Where an agenda item came from: an earlier resolution still open, an overdue case, an open need, a delayed project, or typed in. */
export const agendaSource = pgEnum('joint_meeting_agenda_source', AGENDA_SOURCES);

export const jointMeetingAgendaItems = pgTable(
  'joint_meeting_agenda_items',
  {
    id: idColumn(),
    meetingId: requiredRef('meeting_id', () => jointMeetings.id, 'cascade'),
    source: agendaSource('source').notNull(),
    /** The task, case, need or project the item refers to (null for a manual item). */
    refId: uuid('ref_id'),
    title: text('title').notNull(),
    detail: text('detail'),
    sort: integer('sort').notNull().default(0),
    /** What the meeting recorded about the item (for a follow-up: the progress of the earlier resolution). */
    progressNote: text('progress_note'),
    /** For a follow-up: the task's status when the meeting was held. */
    taskStatusAtMeeting: text('task_status_at_meeting'),
    createdAt: createdAt(),
  },
  (t) => [
    index('joint_meeting_agenda_meeting_idx').on(t.meetingId, t.sort),
    uniqueIndex('joint_meeting_agenda_ref_uq').on(t.meetingId, t.source, t.refId),
  ],
);

/** A resolution (决议) is a task: an owner unit, a deadline not before the meeting, a status; done ones are the 急事难事 solved. */
export const taskStatus = pgEnum('meeting_task_status', TASK_STATUSES);

export const meetingTasks = pgTable(
  'meeting_tasks',
  {
    id: idColumn(),
    meetingId: requiredRef('meeting_id', () => jointMeetings.id, 'restrict'),
    /** The meeting's community, repeated so the task lists filter without a join. */
    communityId: requiredRef('community_id', () => organisations.id, 'restrict'),
    ownerUnitId: requiredRef('owner_unit_id', () => organisations.id, 'restrict'),
    content: text('content').notNull(),
    deadline: text('deadline').notNull(),
    status: taskStatus('status').notNull().default('open'),
    completionNote: text('completion_note'),
    completedOn: text('completed_on'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    ...editedColumns(),
  },
  (t) => [
    index('meeting_tasks_meeting_idx').on(t.meetingId),
    index('meeting_tasks_owner_idx').on(t.ownerUnitId, t.status),
    index('meeting_tasks_community_idx').on(t.communityId, t.status),
    index('meeting_tasks_deadline_idx').on(t.deadline),
  ],
);
