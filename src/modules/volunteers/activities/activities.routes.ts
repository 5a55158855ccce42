import { requireActor } from '../../../core/auth/plugin.js';
import { ZIdParams } from '../../../core/contracts.js';
import type { App } from '../../../core/http/types.js';
import {
  ZActivityOutcome,
  ZCancelSignup,
  ZCancelVolunteerActivity,
  ZCreateVolunteerActivity,
  ZMyVolunteerActivities,
  ZOpenActivities,
  ZSignupRequest,
  ZUpdateVolunteerActivity,
  ZVolunteerActivityDetail,
  ZVolunteerActivityList,
  ZVolunteerActivityListQuery,
  ZVolunteerSignupList,
  ZVolunteerSignupView,
} from './activities.contracts.js';
import { updateActivity } from './activities.edit.js';
import { myActivities, openActivities } from './activities.mine.js';
import { cancelActivity, createActivity, getActivity, listActivities, recordOutcome } from './activities.service.js';
import { cancelSignup, listSignups, signUp } from './activities.signups.js';

const tags = ['volunteer-activities'];

/**
 * 志愿服务活动: activities with roles and slots (organisers), the volunteer's phone lists (open, mine), sign-ups and
 * the waitlist. Who may do what is decided in activities.policy.ts (reading: volunteers.read or volunteers.self;
 * organising: the activity's community admin, its team's leader, the county).
 */
export async function activitiesRoutes(app: App): Promise<void> {
  phoneRoutes(app);
  activityRoutes(app);
  signupRoutes(app);
}

function phoneRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/volunteer-activities/open',
    {
      schema: {
        tags,
        summary: 'Activities open for sign-up (or opening within 14 days), county-wide, with my place at each',
        response: { 200: ZOpenActivities },
      },
    },
    async (req) => openActivities({ db, actor: requireActor(req) }),
  );
  app.get(
    '/volunteer-activities/mine',
    {
      schema: { tags, summary: 'My sign-ups, upcoming and past', response: { 200: ZMyVolunteerActivities } },
    },
    async (req) => myActivities({ db, actor: requireActor(req) }),
  );
}

function activityRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/volunteer-activities',
    {
      schema: {
        tags,
        summary: 'Volunteer activities I run or whose community I serve (filters, by start)',
        querystring: ZVolunteerActivityListQuery,
        response: { 200: ZVolunteerActivityList },
      },
    },
    async (req) => listActivities({ db, actor: requireActor(req), query: req.query }),
  );
  app.post(
    '/volunteer-activities',
    {
      schema: {
        tags,
        summary: 'Schedule an activity with its roles and sign-up window',
        body: ZCreateVolunteerActivity,
        response: { 201: ZVolunteerActivityDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createActivity({ db, actor: requireActor(req), input: req.body })),
  );
  app.get(
    '/volunteer-activities/:id',
    {
      schema: {
        tags,
        summary: 'One activity with its roles',
        params: ZIdParams,
        response: { 200: ZVolunteerActivityDetail },
      },
    },
    async (req) => getActivity({ db, actor: requireActor(req), id: req.params.id }),
  );
  app.patch(
    '/volunteer-activities/:id',
    {
      schema: {
        tags,
        summary: 'Edit an activity and its roles before it starts (raised slots go to the waitlist)',
        params: ZIdParams,
        body: ZUpdateVolunteerActivity,
        response: { 200: ZVolunteerActivityDetail },
      },
    },
    async (req) => updateActivity({ db, actor: requireActor(req), id: req.params.id, input: req.body }),
  );
  app.post(
    '/volunteer-activities/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an activity before it starts (everyone signed up or waiting is notified)',
        params: ZIdParams,
        body: ZCancelVolunteerActivity,
        response: { 200: ZVolunteerActivityDetail },
      },
    },
    async (req) => cancelActivity({ db, actor: requireActor(req), id: req.params.id, input: req.body }),
  );
  app.patch(
    '/volunteer-activities/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record the residents an activity served (once it has started)',
        params: ZIdParams,
        body: ZActivityOutcome,
        response: { 200: ZVolunteerActivityDetail },
      },
    },
    async (req) => recordOutcome({ db, actor: requireActor(req), id: req.params.id, input: req.body }),
  );
}

function signupRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/volunteer-activities/:id/signups',
    {
      schema: {
        tags,
        summary: 'The roster: sign-ups by role, the waitlist in queue order (organisers)',
        params: ZIdParams,
        response: { 200: ZVolunteerSignupList },
      },
    },
    async (req) => ({ items: await listSignups({ db, actor: requireActor(req), activityId: req.params.id }) }),
  );
  app.post(
    '/volunteer-activities/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign up on a role (myself, or a volunteer by the organiser); a full role waitlists',
        params: ZIdParams,
        body: ZSignupRequest,
        response: { 201: ZVolunteerSignupView },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await signUp({ db, actor: requireActor(req), activityId: req.params.id, input: req.body })),
  );
  app.post(
    '/volunteer-signups/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a sign-up (the volunteer until the deadline, the organiser until the start)',
        params: ZIdParams,
        body: ZCancelSignup,
        response: { 200: ZVolunteerSignupView },
      },
    },
    async (req) => cancelSignup({ db, actor: requireActor(req), signupId: req.params.id, input: req.body }),
  );
}
