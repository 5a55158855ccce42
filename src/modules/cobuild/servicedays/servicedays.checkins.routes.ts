import { z } from 'zod';
import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { ZIdParams, ZOk } from '../../../core/contracts.js';
import type { App } from '../../../core/http/types.js';
import {
  checkinCandidates,
  checkInMembers,
  checkInSelf,
  checkinPage,
  listCheckins,
  removeCheckin,
} from './servicedays.checkins.js';
import {
  ZCandidateList,
  ZCandidateQuery,
  ZCheckinList,
  ZCheckinListQuery,
  ZCheckinPage,
  ZCheckinView,
  ZStaffCheckin,
  ZStaffCheckinResult,
  ZTokenParams,
} from './servicedays.contracts.js';

const tags = ['service-days'];
const ZCheckinParams = z.object({ id: z.uuid(), checkinId: z.uuid() });

/** Check-ins: by a member through the day's QR code, or by staff for members. Registered by serviceDaysRoutes. */
export function checkinRoutes(app: App): void {
  selfCheckinRoutes(app);
  staffCheckinRoutes(app);
  checkinCorrectionRoutes(app);
}

/** A member's own check-in through the day's QR code: the phone page, then the check-in. */
function selfCheckinRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-days/checkin/:token',
    {
      schema: {
        tags,
        summary: 'The day behind a QR code, for the phone page',
        params: ZTokenParams,
        response: { 200: ZCheckinPage },
      },
    },
    async (req) => {
      return checkinPage({ db, actor: authorize(req, 'servicedays.checkin'), token: req.params.token });
    },
  );
  app.post(
    '/service-days/checkin/:token',
    {
      schema: {
        tags,
        summary: 'Check myself in (201 new, 200 already checked in)',
        params: ZTokenParams,
        response: { 200: ZCheckinView, 201: ZCheckinView },
      },
    },
    async (req, reply) => {
      const result = await checkInSelf({ db, actor: authorize(req, 'servicedays.checkin'), token: req.params.token });
      return reply.status(result.created ? 201 : 200).send(result.checkin);
    },
  );
}

/** Staff: the list of a day's check-ins, and checking members in. */
function staffCheckinRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-days/:id/checkins',
    {
      schema: {
        tags,
        summary: 'Check-ins of a day',
        params: ZIdParams,
        querystring: ZCheckinListQuery,
        response: { 200: ZCheckinList },
      },
    },
    async (req) => {
      return listCheckins({ db, actor: requireActor(req), dayId: req.params.id, query: req.query });
    },
  );
  app.post(
    '/service-days/:id/checkins',
    {
      schema: {
        tags,
        summary: 'Check members in (staff)',
        params: ZIdParams,
        body: ZStaffCheckin,
        response: { 200: ZStaffCheckinResult },
      },
    },
    async (req) => {
      return checkInMembers({
        db,
        actor: authorize(req, 'servicedays.checkin'),
        dayId: req.params.id,
        input: req.body,
      });
    },
  );
}

/** Whom staff may check in for a day, and removing a mistaken check-in. */
function checkinCorrectionRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-days/:id/checkin-candidates',
    {
      schema: {
        tags,
        summary: 'Members staff may check in',
        params: ZIdParams,
        querystring: ZCandidateQuery,
        response: { 200: ZCandidateList },
      },
    },
    async (req) => {
      return {
        items: await checkinCandidates({
          db,
          actor: authorize(req, 'servicedays.checkin'),
          dayId: req.params.id,
          q: req.query.q,
        }),
      };
    },
  );
  app.delete(
    '/service-days/:id/checkins/:checkinId',
    { schema: { tags, summary: 'Remove a mistaken check-in', params: ZCheckinParams, response: { 200: ZOk } } },
    async (req) => {
      await removeCheckin({
        db,
        actor: authorize(req, 'servicedays.write'),
        dayId: req.params.id,
        checkinId: req.params.checkinId,
      });
      return { ok: true as const };
    },
  );
}
