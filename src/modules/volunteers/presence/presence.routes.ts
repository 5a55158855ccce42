import { authorize } from '../../../core/auth/plugin.js';
import { ZIdParams } from '../../../core/contracts.js';
import type { App } from '../../../core/http/types.js';
import {
  ZActivityCode,
  ZCheckoutResult,
  ZCorrectPresence,
  ZOrganiserPresence,
  ZPresenceList,
  ZPresenceScan,
  ZPresenceSignupView,
  ZScanQuery,
  ZScanView,
} from './presence.contracts.js';
import { correctPresence } from './presence.corrections.js';
import { presenceBatchers } from './presence.batch.js';
import { activityCode, organiserPresence, presenceList, scan } from './presence.service.js';

const tags = ['volunteer-presence'];

/**
 * Presence at volunteer activities (docs/VOLUNTEERS.md § Presence): the organiser's rotating code and presence list,
 * the volunteer's scan, check-in and check-out, the organiser's presence by hand and corrections.
 */
export async function presenceRoutes(app: App): Promise<void> {
  volunteerRoutes(app);
  organiserRoutes(app);
}

/** The volunteer's own: the scan, check-in and check-out by code. */
function volunteerRoutes(app: App): void {
  const db = app.db;
  const secret = app.config.sessionSecret;
  // Scans are written in batches (a crowd scans one screen at once): bench/volunteer-checkin.ts.
  const batch = presenceBatchers(db, secret);
  app.get(
    '/volunteer-activities/:id/scan',
    {
      schema: {
        tags,
        summary: 'After scanning the code: the activity, the caller’s sign-up and the next action',
        params: ZIdParams,
        querystring: ZScanQuery,
        response: { 200: ZScanView },
      },
    },
    async (req) =>
      scan({ db, actor: authorize(req, 'volunteers.self'), activityId: req.params.id, code: req.query.c, secret }),
  );
  app.post(
    '/volunteer-activities/:id/checkin',
    {
      schema: {
        tags,
        summary: 'Check in with the scanned code (and location for a geofenced activity); 201 new, 200 already in',
        params: ZIdParams,
        body: ZPresenceScan,
        response: { 200: ZPresenceSignupView, 201: ZPresenceSignupView },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'volunteers.self');
      const answer = await batch.checkins.submit({ actor, activityId: req.params.id, input: req.body });
      return reply.status(answer.created ? 201 : 200).send(answer.signup);
    },
  );
  app.post(
    '/volunteer-activities/:id/checkout',
    {
      schema: {
        tags,
        summary: 'Check out with the scanned code: counts the minutes (day cap) and writes the ledger record',
        params: ZIdParams,
        body: ZPresenceScan,
        response: { 200: ZCheckoutResult },
      },
    },
    async (req) =>
      batch.checkouts.submit({ actor: authorize(req, 'volunteers.self'), activityId: req.params.id, input: req.body }),
  );
}

/** The organiser's: the code, the presence list, presence by hand, corrections (volunteers.policy decides who runs it). */
function organiserRoutes(app: App): void {
  const db = app.db;
  const secret = app.config.sessionSecret;
  app.get(
    '/volunteer-activities/:id/code',
    {
      schema: {
        tags,
        summary: 'The activity’s current check-in QR code (rotates; organiser, while check-in is open)',
        params: ZIdParams,
        response: { 200: ZActivityCode },
      },
    },
    async (req) => activityCode({ db, actor: authorize(req, 'volunteers.lead'), activityId: req.params.id, secret }),
  );
  app.get(
    '/volunteer-activities/:id/presence',
    {
      schema: {
        tags,
        summary: 'The organiser’s presence list: every live sign-up with its check-in, check-out and minutes',
        params: ZIdParams,
        response: { 200: ZPresenceList },
      },
    },
    async (req) => presenceList({ db, actor: authorize(req, 'volunteers.lead'), activityId: req.params.id }),
  );
  app.post(
    '/volunteer-activities/:id/presence',
    {
      schema: {
        tags,
        summary: 'The organiser records a check-in or check-out by hand (a walk-in gets a sign-up); 201 new row',
        params: ZIdParams,
        body: ZOrganiserPresence,
        response: { 200: ZCheckoutResult, 201: ZCheckoutResult },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'volunteers.lead');
      const answer = await organiserPresence({ db, actor, activityId: req.params.id, input: req.body });
      return reply.status(answer.created ? 201 : 200).send(answer.signup);
    },
  );
  app.post(
    '/volunteer-signups/:id/correct',
    {
      schema: {
        tags,
        summary: 'Correct a volunteer’s check-in and check-out times, with a reason (organiser; audited)',
        params: ZIdParams,
        body: ZCorrectPresence,
        response: { 200: ZCheckoutResult },
      },
    },
    async (req) =>
      correctPresence({ db, actor: authorize(req, 'volunteers.lead'), signupId: req.params.id, input: req.body }),
  );
}
