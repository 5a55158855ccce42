import { authorize } from '../../../core/auth/plugin.js';
import { ZIdParams, ZOk } from '../../../core/contracts.js';
import type { App } from '../../../core/http/types.js';
import {
  ZAddSignup,
  ZCancelPostActivity,
  ZCreatePostActivity,
  ZFormOptions,
  ZFormOptionsQuery,
  ZMyPostActivities,
  ZPostActivityDetail,
  ZPostActivityList,
  ZPostActivityListQuery,
  ZPostSignupList,
  ZPostSignupView,
  ZSignupParams,
  ZUpdatePostActivity,
} from './activities.contracts.js';
import {
  cancelActivity,
  createActivity,
  formOptions,
  getActivity,
  listActivities,
  updateActivity,
} from './activities.service.js';
import { addSignup, listSignups, myActivities, removeSignup, signUpSelf, withdrawSelf } from './activities.signups.js';
import { checkinRoutes } from './checkin/checkin.routes.js';

const tags = ['post-activities'];

/**
 * 岗位活动: the activities (staff), their sign-ups (staff, and a member's own), check-in and check-out. One plugin
 * registers every group, in this order (the order of the paths in the OpenAPI document).
 */
export async function postActivitiesRoutes(app: App): Promise<void> {
  memberRoutes(app);
  activityRoutes(app);
  signupRoutes(app);
  checkinRoutes(app);
}

/** A member's own: the upcoming activities where they live, signing up and withdrawing. */
function memberRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/post-activities/mine',
    {
      schema: {
        tags,
        summary: 'Upcoming activities of my community, my post first',
        response: { 200: ZMyPostActivities },
      },
    },
    async (req) => ({ items: await myActivities({ db, actor: authorize(req, 'memberservice.self') }) }),
  );
  app.post(
    '/post-activities/:id/signup',
    { schema: { tags, summary: 'Sign myself up', params: ZIdParams, response: { 200: ZPostSignupView } } },
    async (req) => signUpSelf({ db, actor: authorize(req, 'memberservice.self'), activityId: req.params.id }),
  );
  app.delete(
    '/post-activities/:id/signup',
    { schema: { tags, summary: 'Withdraw my sign-up before the start', params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await withdrawSelf({ db, actor: authorize(req, 'memberservice.self'), activityId: req.params.id });
      return { ok: true as const };
    },
  );
}

function activityRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/post-activities',
    {
      schema: {
        tags,
        summary: 'Post activities (filters, by start)',
        querystring: ZPostActivityListQuery,
        response: { 200: ZPostActivityList },
      },
    },
    async (req) => listActivities({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
  );
  app.post(
    '/post-activities',
    {
      schema: {
        tags,
        summary: 'Schedule an activity',
        body: ZCreatePostActivity,
        response: { 201: ZPostActivityDetail },
      },
    },
    async (req, reply) => {
      const created = await createActivity({ db, actor: authorize(req, 'memberservice.manage'), input: req.body });
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/post-activities/form-options',
    {
      schema: {
        tags,
        summary: 'Post types, openings and grids the activity form offers for a community',
        querystring: ZFormOptionsQuery,
        response: { 200: ZFormOptions },
      },
    },
    async (req) =>
      formOptions({ db, actor: authorize(req, 'memberservice.manage'), communityId: req.query.communityId }),
  );
  app.get(
    '/post-activities/:id',
    { schema: { tags, summary: 'One activity', params: ZIdParams, response: { 200: ZPostActivityDetail } } },
    async (req) => getActivity({ db, actor: authorize(req, 'memberservice.read'), id: req.params.id }),
  );
  app.patch(
    '/post-activities/:id',
    {
      schema: {
        tags,
        summary: 'Edit an activity before it starts',
        params: ZIdParams,
        body: ZUpdatePostActivity,
        response: { 200: ZPostActivityDetail },
      },
    },
    async (req) =>
      updateActivity({ db, actor: authorize(req, 'memberservice.manage'), id: req.params.id, input: req.body }),
  );
  app.post(
    '/post-activities/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an activity before it starts (with a reason)',
        params: ZIdParams,
        body: ZCancelPostActivity,
        response: { 200: ZPostActivityDetail },
      },
    },
    async (req) =>
      cancelActivity({ db, actor: authorize(req, 'memberservice.manage'), id: req.params.id, input: req.body }),
  );
}

/** Staff: an activity's sign-ups, adding and removing members. */
function signupRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/post-activities/:id/signups',
    { schema: { tags, summary: 'Sign-ups of an activity', params: ZIdParams, response: { 200: ZPostSignupList } } },
    async (req) => ({
      items: await listSignups({ db, actor: authorize(req, 'memberservice.read'), activityId: req.params.id }),
    }),
  );
  app.post(
    '/post-activities/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign a member up (staff)',
        params: ZIdParams,
        body: ZAddSignup,
        response: { 200: ZPostSignupView },
      },
    },
    async (req) =>
      addSignup({ db, actor: authorize(req, 'memberservice.manage'), activityId: req.params.id, input: req.body }),
  );
  app.delete(
    '/post-activities/:id/signups/:signupId',
    { schema: { tags, summary: 'Remove a sign-up (staff)', params: ZSignupParams, response: { 200: ZOk } } },
    async (req) => {
      await removeSignup({
        db,
        actor: authorize(req, 'memberservice.manage'),
        activityId: req.params.id,
        signupId: req.params.signupId,
      });
      return { ok: true as const };
    },
  );
}
