import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { ZIdParams } from '../../../core/contracts.js';
import type { App } from '../../../core/http/types.js';
import {
  confirmAssignment,
  confirmMany,
  declineAssignment,
  endAssignment,
  assignByHand,
  openingCandidates,
} from './assignment/assignment.decide.js';
import { listAssignments, myPosts, runAssignment } from './assignment/assignment.service.js';
import {
  ZAssignmentAction,
  ZAssignmentRun,
  ZAssignmentRunResult,
  ZBulkConfirm,
  ZBulkConfirmResult,
  ZCandidateQuery,
  ZCreatePostOpening,
  ZCreatePostType,
  ZHandAssign,
  ZMyPosts,
  ZOpeningCandidates,
  ZPostAssignmentList,
  ZPostAssignmentListQuery,
  ZPostAssignmentView,
  ZPostOpeningList,
  ZPostOpeningListQuery,
  ZPostOpeningView,
  ZPostTypeList,
  ZPostTypeListQuery,
  ZPostTypeView,
  ZUpdatePostOpening,
  ZUpdatePostType,
} from './posts.openings.contracts.js';
import { createOpening, getOpening, listOpenings, updateOpening } from './posts.openings.service.js';
import { createPostType, listPostTypes, updatePostType } from './posts.types.js';

const tags = ['posts'];

/** 设岗定责: post types, openings, the assignment run and the staff's decisions on assignments. */
export async function postsRoutes(app: App): Promise<void> {
  typeRoutes(app);
  openingRoutes(app);
  assignmentRoutes(app);
  decisionRoutes(app);
}

function typeRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/post-types',
    {
      schema: {
        tags,
        summary: "A community's post types",
        querystring: ZPostTypeListQuery,
        response: { 200: ZPostTypeList },
      },
    },
    // Readers (memberservice.read) and members (memberservice.self) alike: the service checks either.
    async (req) => ({ items: await listPostTypes({ db, actor: requireActor(req), query: req.query }) }),
  );
  app.post(
    '/post-types',
    {
      schema: {
        tags,
        summary: 'Add a post type to a community',
        body: ZCreatePostType,
        response: { 201: ZPostTypeView },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createPostType({ db, actor: authorize(req, 'memberservice.manage'), input: req.body })),
  );
  app.patch(
    '/post-types/:id',
    {
      schema: {
        tags,
        summary: 'Rename, re-sort or deactivate a post type',
        params: ZIdParams,
        body: ZUpdatePostType,
        response: { 200: ZPostTypeView },
      },
    },
    async (req) =>
      updatePostType({ db, actor: authorize(req, 'memberservice.manage'), id: req.params.id, input: req.body }),
  );
}

function openingRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/post-openings',
    {
      schema: {
        tags,
        summary: 'List post openings',
        querystring: ZPostOpeningListQuery,
        response: { 200: ZPostOpeningList },
      },
    },
    async (req) => listOpenings({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
  );
  app.post(
    '/post-openings',
    { schema: { tags, summary: 'Open a post', body: ZCreatePostOpening, response: { 201: ZPostOpeningView } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createOpening({ db, actor: authorize(req, 'memberservice.manage'), input: req.body })),
  );
  app.get(
    '/post-openings/:id',
    { schema: { tags, summary: 'One post opening', params: ZIdParams, response: { 200: ZPostOpeningView } } },
    async (req) => getOpening({ db, actor: authorize(req, 'memberservice.read'), id: req.params.id }),
  );
  // 404 for a post the actor cannot see before 403 for one they see but do not run: the service decides.
  app.patch(
    '/post-openings/:id',
    {
      schema: {
        tags,
        summary: 'Edit, close or reopen a post',
        params: ZIdParams,
        body: ZUpdatePostOpening,
        response: { 200: ZPostOpeningView },
      },
    },
    async (req) => updateOpening({ db, actor: requireActor(req), id: req.params.id, input: req.body }),
  );
  app.get(
    '/post-openings/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Members who could take the post (hand assignment)',
        params: ZIdParams,
        querystring: ZCandidateQuery,
        response: { 200: ZOpeningCandidates },
      },
    },
    async (req) => ({
      items: await openingCandidates({ db, actor: requireActor(req), openingId: req.params.id, q: req.query.q }),
    }),
  );
}

function assignmentRoutes(app: App): void {
  const db = app.db;
  app.post(
    '/post-openings/assignment',
    {
      schema: {
        tags,
        summary: 'Suggest members for the open seats (optimisation)',
        body: ZAssignmentRun,
        response: { 200: ZAssignmentRunResult },
      },
    },
    async (req) => runAssignment({ db, actor: authorize(req, 'memberservice.manage'), input: req.body }),
  );
  app.get(
    '/post-assignments',
    {
      schema: {
        tags,
        summary: 'List post assignments',
        querystring: ZPostAssignmentListQuery,
        response: { 200: ZPostAssignmentList },
      },
    },
    async (req) => listAssignments({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
  );
  app.get(
    '/post-assignments/mine',
    { schema: { tags, summary: "The member's own posts", response: { 200: ZMyPosts } } },
    async (req) => ({ items: await myPosts({ db, actor: authorize(req, 'memberservice.self') }) }),
  );
  app.post(
    '/post-assignments',
    {
      schema: {
        tags,
        summary: 'Assign a member to a post by hand (confirmed)',
        body: ZHandAssign,
        response: { 201: ZPostAssignmentView },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await assignByHand({ db, actor: authorize(req, 'memberservice.manage'), input: req.body })),
  );
  app.post(
    '/post-assignments/confirm',
    {
      schema: { tags, summary: 'Confirm many suggestions', body: ZBulkConfirm, response: { 200: ZBulkConfirmResult } },
    },
    async (req) => confirmMany({ db, actor: authorize(req, 'memberservice.manage'), ids: req.body.ids }),
  );
}

function decisionRoutes(app: App): void {
  const db = app.db;
  const one = { params: ZIdParams, body: ZAssignmentAction, response: { 200: ZPostAssignmentView } };
  // 404 for an assignment the actor cannot see before 403 for one they see but do not run: the service decides.
  app.post(
    '/post-assignments/:id/confirm',
    { schema: { tags, summary: 'Confirm a suggestion', ...one } },
    async (req) => confirmAssignment({ db, actor: requireActor(req), id: req.params.id, version: req.body.version }),
  );
  app.post(
    '/post-assignments/:id/decline',
    { schema: { tags, summary: 'Decline a suggestion', ...one } },
    async (req) => declineAssignment({ db, actor: requireActor(req), id: req.params.id, version: req.body.version }),
  );
  app.post('/post-assignments/:id/end', { schema: { tags, summary: 'End a confirmed post', ...one } }, async (req) =>
    endAssignment({ db, actor: requireActor(req), id: req.params.id, version: req.body.version }),
  );
}
