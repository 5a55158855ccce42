import { z } from 'zod';
import { authorize } from '../../../../core/auth/plugin.js';
import { ZIdParams } from '../../../../core/contracts.js';
import type { App } from '../../../../core/http/types.js';
import { onceWith } from '../../../../core/idempotency.js';
import {
  ZCheckinOpen,
  ZCheckinOpenQuery,
  ZPostCheckin,
  ZPostCheckout,
  ZPostSignupView,
} from '../activities.contracts.js';
import { checkOut, openForCheckin, replayCheckin } from './checkin.js';
import { checkIn } from './checkin.batch.js';

const tags = ['post-activities'];

/** Check-in (by 报到证 scan or by staff) and check-out; registered by postActivitiesRoutes. */
export function checkinRoutes(app: App): void {
  const db = app.db;
  const secret = app.config.sessionSecret;
  app.get(
    '/post-activities/checkin-open',
    {
      schema: {
        tags,
        summary: 'Activities open for check-in now (after a scan: the member’s community, with their state)',
        querystring: ZCheckinOpenQuery,
        response: { 200: ZCheckinOpen },
      },
    },
    async (req) =>
      openForCheckin({ db, actor: authorize(req, 'memberservice.checkin'), token: req.query.token, secret }),
  );
  app.post(
    '/post-activities/:id/checkins',
    {
      schema: {
        tags,
        summary: 'Check a member in by certificate token or by id (201 new, 200 already in)',
        params: ZIdParams,
        body: ZPostCheckin,
        headers: z.object({ 'idempotency-key': z.string().max(100).optional() }),
        response: { 200: ZPostSignupView, 201: ZPostSignupView },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'memberservice.checkin');
      const activityId = req.params.id;
      const answer = await onceWith({
        db,
        userId: actor.userId,
        key: req.headers['idempotency-key'],
        route: `POST /api/post-activities/${activityId}/checkins`,
        status: 201,
        run: (remember) => checkIn({ db, actor, activityId, input: req.body, secret, remember }),
        replay: (stored) => replayCheckin(db, activityId, stored),
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(answer.body.created ? 201 : 200).send(answer.body.signup);
    },
  );
  app.post(
    '/post-activities/:id/checkouts',
    {
      schema: {
        tags,
        summary: 'Check a member out: writes their service record',
        params: ZIdParams,
        body: ZPostCheckout,
        response: { 200: ZPostSignupView },
      },
    },
    async (req) =>
      checkOut({ db, actor: authorize(req, 'memberservice.checkin'), activityId: req.params.id, input: req.body }),
  );
}
