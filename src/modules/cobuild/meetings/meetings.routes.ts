import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { localDayOf } from '../../../core/calendar.js';
import type { App } from '../../../core/http/types.js';
import {
  ZAgendaItemParams,
  ZAgendaItemRequest,
  ZAgendaProgressRequest,
  ZAttendanceRequest,
  ZCancelRequest,
  ZCreateMeeting,
  ZHoldRequest,
  ZInviteRequest,
  ZMeetingDetail,
  ZMeetingList,
  ZMeetingListQuery,
  ZMeetingParams,
  ZMeetingUnitParams,
  ZProposeRequest,
  ZProposeResult,
  ZRespondRequest,
  ZScheduleRequest,
  ZUpdateMeeting,
} from './meetings.contracts.js';
import { checkIn, confirmAttendance, inviteUnit, respondToInvitation } from './meetings.invitations.js';
import { createMeeting, proposeMeetings } from './meetings.propose.js';
import { getMeeting, listMeetings } from './meetings.query.js';
import {
  addAgendaItem,
  cancelMeeting,
  holdMeeting,
  refreshAgenda,
  removeAgendaItem,
  scheduleMeeting,
  setAgendaProgress,
  updateMeeting,
} from './meetings.service.js';
import { clock } from '../../../core/clock.js';

const tags = ['joint-meetings'];
const today = () => localDayOf(clock.now());

type MeetingDetail = (actor: Actor, id: string) => Promise<z.infer<typeof ZMeetingDetail>>;
const write = (req: FastifyRequest) => authorize(req, 'meetings.write');
const meetingSchema = <B>(summary: string, body: B) => ({
  schema: { tags, summary, params: ZMeetingParams, body, response: { 200: ZMeetingDetail } },
});

/**
 * 党建联席会: the quarterly joint meetings. Reading needs cobuild.read (the policy narrows it by role and scope);
 * running a meeting needs meetings.write; a unit's answers and attendance need meetings.tasks.
 */
export async function meetingsRoutes(app: App): Promise<void> {
  const detail = (actor: Actor, id: string) => getMeeting({ db: app.db, actor, id, today: today() });
  meetingListRoutes(app, detail);
  meetingRoutes(app, detail);
  agendaRoutes(app, detail);
  agendaItemRoutes(app, detail);
  registerInvitationRoutes(app, detail);
}

/** The meetings, a proposed meeting from the agenda, and a new meeting. */
function meetingListRoutes(app: App, detail: MeetingDetail): void {
  app.get(
    '/joint-meetings',
    {
      schema: { tags, summary: 'List joint meetings', querystring: ZMeetingListQuery, response: { 200: ZMeetingList } },
    },
    async (req) => {
      return listMeetings({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, today: today() });
    },
  );
  app.post(
    '/joint-meetings/propose',
    {
      schema: {
        tags,
        summary: "Propose the quarter's meetings for every community without one (idempotent)",
        body: ZProposeRequest,
        response: { 200: ZProposeResult },
      },
    },
    async (req) => {
      return proposeMeetings({ db: app.db, actor: write(req), ...req.body });
    },
  );
  app.post(
    '/joint-meetings',
    {
      schema: {
        tags,
        summary: "Create one community's meeting for a quarter",
        body: ZCreateMeeting,
        response: { 201: ZMeetingDetail },
      },
    },
    async (req, reply) => {
      const actor = write(req);
      const id = await createMeeting({ db: app.db, actor, input: req.body });
      return reply.status(201).send(await detail(actor, id));
    },
  );
}

/** One meeting: read, edit, and its states (scheduled, held, cancelled). */
function meetingRoutes(app: App, detail: MeetingDetail): void {
  app.get(
    '/joint-meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting with invitations, agenda and resolutions',
        params: ZMeetingParams,
        response: { 200: ZMeetingDetail },
      },
    },
    async (req) => {
      return detail(authorize(req, 'cobuild.read'), req.params.id);
    },
  );
  app.patch('/joint-meetings/:id', meetingSchema('Edit date, place or minutes', ZUpdateMeeting), async (req) => {
    const actor = write(req);
    await updateMeeting({ db: app.db, actor, id: req.params.id, input: req.body });
    return detail(actor, req.params.id);
  });
  app.post(
    '/joint-meetings/:id/schedule',
    meetingSchema('Schedule: fix date and place', ZScheduleRequest),
    async (req) => {
      const actor = write(req);
      await scheduleMeeting({ db: app.db, actor, id: req.params.id, input: req.body });
      return detail(actor, req.params.id);
    },
  );
  app.post(
    '/joint-meetings/:id/hold',
    meetingSchema('Mark held, with the minutes (required)', ZHoldRequest),
    async (req) => {
      const actor = write(req);
      await holdMeeting({ db: app.db, actor, id: req.params.id, input: req.body });
      return detail(actor, req.params.id);
    },
  );
  app.post('/joint-meetings/:id/cancel', meetingSchema('Cancel, with a reason', ZCancelRequest), async (req) => {
    const actor = write(req);
    await cancelMeeting({ db: app.db, actor, id: req.params.id, input: req.body });
    return detail(actor, req.params.id);
  });
}

/** The agenda: refresh it from the community's open items, add an item. */
function agendaRoutes(app: App, detail: MeetingDetail): void {
  app.post(
    '/joint-meetings/:id/agenda/refresh',
    {
      schema: {
        tags,
        summary: 'Draw the agenda from the sources again (adds only new items)',
        params: ZMeetingParams,
        response: { 200: ZMeetingDetail },
      },
    },
    async (req) => {
      const actor = write(req);
      await refreshAgenda({ db: app.db, actor, id: req.params.id });
      return detail(actor, req.params.id);
    },
  );
  app.post(
    '/joint-meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Add a free agenda item',
        params: ZMeetingParams,
        body: ZAgendaItemRequest,
        response: { 200: ZMeetingDetail },
      },
    },
    async (req) => {
      const actor = write(req);
      await addAgendaItem({ db: app.db, actor, id: req.params.id, input: req.body });
      return detail(actor, req.params.id);
    },
  );
}

/** One agenda item: remove it, record its progress. */
function agendaItemRoutes(app: App, detail: MeetingDetail): void {
  app.delete(
    '/joint-meetings/:id/agenda/:itemId',
    {
      schema: { tags, summary: 'Remove an agenda item', params: ZAgendaItemParams, response: { 200: ZMeetingDetail } },
    },
    async (req) => {
      const actor = write(req);
      await removeAgendaItem({ db: app.db, actor, id: req.params.id, itemId: req.params.itemId });
      return detail(actor, req.params.id);
    },
  );
  app.put(
    '/joint-meetings/:id/agenda/:itemId/progress',
    {
      schema: {
        tags,
        summary: "Record what the meeting said about an item (a follow-up's progress)",
        params: ZAgendaItemParams,
        body: ZAgendaProgressRequest,
        response: { 200: ZMeetingDetail },
      },
    },
    async (req) => {
      const actor = write(req);
      await setAgendaProgress({
        db: app.db,
        actor,
        id: req.params.id,
        itemId: req.params.itemId,
        progressNote: req.body.progressNote,
      });
      return detail(actor, req.params.id);
    },
  );
}

function registerInvitationRoutes(app: App, detail: MeetingDetail): void {
  app.post(
    '/joint-meetings/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a unit beyond the paired ones',
        params: ZMeetingParams,
        body: ZInviteRequest,
        response: { 200: ZMeetingDetail },
      },
    },
    async (req) => {
      const actor = authorize(req, 'meetings.write');
      await inviteUnit({ db: app.db, actor, id: req.params.id, unitId: req.body.unitId });
      return detail(actor, req.params.id);
    },
  );

  app.put(
    '/joint-meetings/:id/invitations/:unitId/response',
    {
      schema: {
        tags,
        summary: "A unit's answer to its invitation",
        params: ZMeetingUnitParams,
        body: ZRespondRequest,
        response: { 200: ZMeetingDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await respondToInvitation({ db: app.db, actor, id: req.params.id, unitId: req.params.unitId, input: req.body });
      return detail(actor, req.params.id);
    },
  );

  app.put(
    '/joint-meetings/:id/invitations/:unitId/attendance',
    {
      schema: {
        tags,
        summary: 'Staff check-in: whether the unit attended and who came',
        params: ZMeetingUnitParams,
        body: ZAttendanceRequest,
        response: { 200: ZMeetingDetail },
      },
    },
    async (req) => {
      const actor = authorize(req, 'meetings.write');
      await checkIn({ db: app.db, actor, id: req.params.id, unitId: req.params.unitId, input: req.body });
      return detail(actor, req.params.id);
    },
  );

  app.post(
    '/joint-meetings/:id/invitations/:unitId/confirm',
    {
      schema: {
        tags,
        summary: 'A unit admin confirms its own unit attended',
        params: ZMeetingUnitParams,
        response: { 200: ZMeetingDetail },
      },
    },
    async (req) => {
      const actor = authorize(req, 'meetings.tasks');
      await confirmAttendance({ db: app.db, actor, id: req.params.id, unitId: req.params.unitId });
      return detail(actor, req.params.id);
    },
  );
}
