import { z } from 'zod';
import { ZVersion } from '../../../core/contracts.js';
import { listResponse, ZListQuery } from '../../../core/list.js';

/** 党建工作联席会 (joint meetings) and their resolution tasks: request and response contracts (the web imports the types). */
export const MEETING_STATUSES = ['proposed', 'scheduled', 'held', 'cancelled'] as const;
export const ZMeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof ZMeetingStatus>;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof ZTaskStatus>;
export const AGENDA_SOURCES = ['follow_up', 'overdue_case', 'open_need', 'delayed_project', 'manual'] as const;
export const ZAgendaSource = z.enum(AGENDA_SOURCES);
export type AgendaSourceKind = z.infer<typeof ZAgendaSource>;
export const ZInvitationResponse = z.enum(['pending', 'accepted', 'declined']);

export const ZYear = z.coerce.number().int().min(2000).max(2100);
export const ZQuarter = z.coerce.number().int().min(1).max(4);
const ZDay = z.iso.date();
const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZBoolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZMeetingParams = z.object({ id: z.uuid() });
export const ZMeetingUnitParams = z.object({ id: z.uuid(), unitId: z.uuid() });
export const ZAgendaItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
export const ZTaskParams = z.object({ id: z.uuid() });

/** Propose the quarter's meetings: for every community (or the ones named) that has none yet. */
export const ZProposeRequest = z.strictObject({
  year: ZYear,
  quarter: ZQuarter,
  communityIds: z.array(z.uuid()).max(500).optional(),
});
export type ProposeRequest = z.infer<typeof ZProposeRequest>;
export const ZProposeResult = z.object({
  year: z.number().int(),
  quarter: z.number().int(),
  created: z.array(z.object({ id: z.string(), communityId: z.string(), meetingDate: z.string() })),
  /** Communities that already had a meeting in the quarter. */
  existing: z.number().int(),
});
export type ProposeResult = z.infer<typeof ZProposeResult>;

/** Create one community's meeting by hand (a second one for the quarter is 409 MEETING_EXISTS). */
export const ZCreateMeeting = z.strictObject({
  communityId: z.uuid(),
  year: ZYear,
  quarter: ZQuarter,
  meetingDate: ZDay.optional(),
});
export type CreateMeeting = z.infer<typeof ZCreateMeeting>;

export const ZUpdateMeeting = z.strictObject({
  meetingDate: ZDay.optional(),
  place: z.string().trim().max(200).nullable().optional(),
  minutes: z.string().trim().max(20_000).nullable().optional(),
  version: ZVersion,
});
export type UpdateMeeting = z.infer<typeof ZUpdateMeeting>;

export const ZScheduleRequest = z.strictObject({ meetingDate: ZDay, place: ZText(200), version: ZVersion });
export type ScheduleRequest = z.infer<typeof ZScheduleRequest>;
/** Holding needs the minutes (sent here or saved before): a held meeting without minutes is 400 MEETING_MINUTES_REQUIRED. */
export const ZHoldRequest = z.strictObject({ minutes: z.string().trim().max(20_000).optional(), version: ZVersion });
export type HoldRequest = z.infer<typeof ZHoldRequest>;
export const ZCancelRequest = z.strictObject({ reason: ZText(500), version: ZVersion });
export type CancelRequest = z.infer<typeof ZCancelRequest>;

export const ZInviteRequest = z.strictObject({ unitId: z.uuid() });
export const ZRespondRequest = z.strictObject({
  response: z.enum(['accepted', 'declined']),
  note: z.string().trim().max(500).nullable().optional(),
});
export type RespondRequest = z.infer<typeof ZRespondRequest>;
/** Staff check-in: whether the unit came and who came (names). */
export const ZAttendanceRequest = z.strictObject({
  attended: z.boolean(),
  attendees: z.array(ZText(50)).max(30).optional(),
});
export type AttendanceRequest = z.infer<typeof ZAttendanceRequest>;

export const ZAgendaItemRequest = z.strictObject({
  title: ZText(200),
  detail: z.string().trim().max(2000).nullable().optional(),
});
export type AgendaItemRequest = z.infer<typeof ZAgendaItemRequest>;
export const ZAgendaProgressRequest = z.strictObject({ progressNote: z.string().trim().max(2000).nullable() });

/**
 * A resolution. Owner unit and deadline are required; they are optional in the schema only so that leaving one
 * out answers with its own code (MEETING_TASK_OWNER_REQUIRED / MEETING_TASK_DEADLINE_REQUIRED) rather than a
 * generic validation error.
 */
export const ZCreateResolution = z.strictObject({
  ownerUnitId: z.uuid().nullish().describe('required: the unit that owns the task'),
  deadline: ZDay.nullish().describe('required: not before the meeting date'),
  content: ZText(2000),
});
export type CreateResolution = z.infer<typeof ZCreateResolution>;

/** A unit admin may send status and completion note only; staff may also change content, deadline and owner. */
export const ZUpdateTask = z.strictObject({
  status: ZTaskStatus.optional(),
  completionNote: z.string().trim().max(2000).nullable().optional(),
  completedOn: ZDay.optional(),
  content: ZText(2000).optional(),
  deadline: ZDay.optional(),
  ownerUnitId: z.uuid().optional(),
  version: ZVersion,
});
export type UpdateTask = z.infer<typeof ZUpdateTask>;

export const ZMeetingListQuery = ZListQuery.extend({
  year: ZYear.optional(),
  quarter: ZQuarter.optional(),
  communityId: z.uuid().optional(),
  status: ZMeetingStatus.optional(),
});
export type MeetingListQuery = z.infer<typeof ZMeetingListQuery>;

export const ZTaskListQuery = ZListQuery.extend({
  ownerUnitId: z.uuid().optional(),
  communityId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  status: ZTaskStatus.optional(),
  overdue: ZBoolQuery.optional(),
  year: ZYear.optional(),
  quarter: ZQuarter.optional(),
});
export type TaskListQuery = z.infer<typeof ZTaskListQuery>;

export const ZSolvedQuery = z.object({ year: ZYear.optional(), communityId: z.uuid().optional() });
export type SolvedQuery = z.infer<typeof ZSolvedQuery>;

export const ZTaskCounts = z.object({
  total: z.number().int(),
  done: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type TaskCounts = z.infer<typeof ZTaskCounts>;

export const ZMeetingView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  status: ZMeetingStatus,
  meetingDate: z.string(),
  place: z.string().nullable(),
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  heldAt: z.string().nullable(),
  invitedCount: z.number().int(),
  attendedCount: z.number().int(),
  agendaCount: z.number().int(),
  tasks: ZTaskCounts,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type MeetingView = z.infer<typeof ZMeetingView>;
export const ZMeetingList = listResponse(ZMeetingView);

export const ZInvitationView = z.object({
  unitId: z.string(),
  unitName: z.string(),
  leaderName: z.string().nullable(),
  source: z.enum(['paired', 'extra']),
  response: ZInvitationResponse,
  responseNote: z.string().nullable(),
  respondedAt: z.string().nullable(),
  attended: z.boolean(),
  attendees: z.array(z.string()),
  checkedInAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type InvitationView = z.infer<typeof ZInvitationView>;

export const ZAgendaItemView = z.object({
  id: z.string(),
  source: ZAgendaSource,
  refId: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  sort: z.number().int(),
  progressNote: z.string().nullable(),
  /** For a follow-up: the task's status now, and as recorded when this meeting was held. */
  taskStatus: ZTaskStatus.nullable(),
  taskStatusAtMeeting: ZTaskStatus.nullable(),
});
export type AgendaItemView = z.infer<typeof ZAgendaItemView>;

export const ZTaskView = z.object({
  id: z.string(),
  meetingId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  meetingDate: z.string(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  content: z.string(),
  deadline: z.string(),
  status: ZTaskStatus,
  overdue: z.boolean(),
  completionNote: z.string().nullable(),
  completedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TaskView = z.infer<typeof ZTaskView>;
export const ZTaskList = listResponse(ZTaskView);

export const ZMeetingDetail = ZMeetingView.extend({
  invitations: z.array(ZInvitationView),
  agenda: z.array(ZAgendaItemView),
  resolutions: z.array(ZTaskView),
  /** What the actor may do here, so the web shows only the buttons that will work. */
  can: z.object({ manage: z.boolean(), respondFor: z.array(z.string()) }),
});
export type MeetingDetail = z.infer<typeof ZMeetingDetail>;

/** 急事难事 solved: resolution tasks closed (done), county-wide, per community and per quarter of completion. */
export const ZSolvedSummary = z.object({
  year: z.number().int().nullable(),
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  byCommunity: z.array(
    z.object({
      communityId: z.string(),
      communityName: z.string(),
      solved: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  byQuarter: z.array(z.object({ year: z.number().int(), quarter: z.number().int(), solved: z.number().int() })),
});
export type SolvedSummary = z.infer<typeof ZSolvedSummary>;
