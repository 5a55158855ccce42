import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { ZIdParams, ZOk } from '../../../core/contracts.js';
import type { App } from '../../../core/http/types.js';
import {
  ZSignupList,
  ZSignupListQuery,
  ZSignupParams,
  ZSignupRequest,
  ZSignupView,
  ZUpdateSignup,
  ZWithdrawSignup,
} from './servicedays.contracts.js';
import { createSignup, listSignups, updateSignup, withdrawSignup } from './servicedays.signups.js';

const tags = ['service-days'];

/** A day's sign-ups: which units come, with how many people. Registered by serviceDaysRoutes. */
export function signupRoutes(app: App): void {
  signupListRoutes(app);
  signupChangeRoutes(app);
}

/** Who signed up for a day, and signing a unit up. */
function signupListRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-days/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign-ups of a day',
        params: ZIdParams,
        querystring: ZSignupListQuery,
        response: { 200: ZSignupList },
      },
    },
    async (req) => {
      return listSignups({ db, actor: requireActor(req), dayId: req.params.id, query: req.query });
    },
  );
  app.post(
    '/service-days/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign a unit up',
        params: ZIdParams,
        body: ZSignupRequest,
        response: { 201: ZSignupView },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(
        await createSignup({
          db,
          actor: authorize(req, 'servicedays.signup'),
          dayId: req.params.id,
          input: req.body,
        }),
      );
    },
  );
}

/** Changing or withdrawing a sign-up (its version guards against a stale edit). */
function signupChangeRoutes(app: App): void {
  const db = app.db;
  app.patch(
    '/service-days/:id/signups/:signupId',
    {
      schema: {
        tags,
        summary: 'Change a sign-up',
        params: ZSignupParams,
        body: ZUpdateSignup,
        response: { 200: ZSignupView },
      },
    },
    async (req) => {
      return updateSignup({
        db,
        actor: authorize(req, 'servicedays.signup'),
        dayId: req.params.id,
        signupId: req.params.signupId,
        input: req.body,
      });
    },
  );
  app.delete(
    '/service-days/:id/signups/:signupId',
    {
      schema: {
        tags,
        summary: 'Withdraw a sign-up',
        params: ZSignupParams,
        body: ZWithdrawSignup,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await withdrawSignup({
        db,
        actor: authorize(req, 'servicedays.signup'),
        dayId: req.params.id,
        signupId: req.params.signupId,
        version: req.body.version,
      });
      return { ok: true as const };
    },
  );
}
