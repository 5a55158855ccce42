import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { contentDisposition } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import {
  ZAddCommitteeMember,
  ZAdoptRequest,
  ZCommittee,
  ZCommitteeList,
  ZCommitteeMemberParams,
  ZCommitteeParams,
  ZCommitteeQuery,
  ZCompareQuery,
  ZComparison,
  ZCreatePlan,
  ZDefaults,
  ZDefaultsQuery,
  ZEditPairs,
  ZPairList,
  ZPairListQuery,
  ZPlanDetail,
  ZPlanList,
  ZPlanListQuery,
  ZPlanParams,
  ZRerunRequest,
  ZRunRequest,
  ZUpdateCommitteeMember,
} from './pairing.contracts.js';
import { addCommitteeMember, getCommittee, listCommittees, updateCommitteeMember } from './pairing.committee.js';
import { adoptPlan, deletePlan, editPairs } from './pairing.edits.js';
import { listPairs } from './pairing.pairs.js';
import { renderCommitteeRoster } from './pairing.pdf.js';
import { comparePlans, createPlan, getPlan, listPlans, pairingDefaults, rerunPlan, runPlan } from './pairing.plans.js';

/** 结对 and 大党委. Role and scope checks live in the services' policy (pairing.policy.ts). */
export async function pairingRoutes(app: App): Promise<void> {
  pairingListRoutes(app);
  pairingPlanRoutes(app);
  pairingPlanEditRoutes(app);
  await committeeRoutes(app);
}

/** The pairs in force, the plans, and the settings a new plan starts from. */
function pairingListRoutes(app: App): void {
  const tags = ['pairings'];
  const db = app.db;
  app.get(
    '/pairings',
    {
      schema: {
        tags,
        summary: 'Community–unit pairs (adopted unless planId is given)',
        querystring: ZPairListQuery,
        response: { 200: ZPairList },
      },
    },
    async (req) => listPairs({ db, actor: authorize(req, 'pairings.read'), query: req.query }),
  );
  app.get(
    '/pairing-plans',
    { schema: { tags, summary: 'Pairing plans', querystring: ZPlanListQuery, response: { 200: ZPlanList } } },
    async (req) => listPlans({ db, actor: authorize(req, 'pairings.manage'), query: req.query }),
  );
  app.get(
    '/pairing-plans/defaults',
    {
      schema: {
        tags,
        summary: 'Default optimiser settings and derived needs profiles',
        querystring: ZDefaultsQuery,
        response: { 200: ZDefaults },
      },
    },
    async (req) => pairingDefaults({ db, actor: authorize(req, 'pairings.manage'), year: req.query.year }),
  );
}

/** Running the optimiser without saving, saving a plan, reading and deleting one. */
function pairingPlanRoutes(app: App): void {
  const tags = ['pairings'];
  const db = app.db;
  app.post(
    '/pairing-plans/run',
    {
      schema: {
        tags,
        summary: 'Run the optimiser into a new draft plan',
        body: ZRunRequest,
        response: { 201: ZPlanDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await runPlan({ db, actor: authorize(req, 'pairings.manage'), input: req.body })),
  );
  app.post(
    '/pairing-plans',
    {
      schema: {
        tags,
        summary: 'Create a hand-made draft (empty or a copy)',
        body: ZCreatePlan,
        response: { 201: ZPlanDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createPlan({ db, actor: authorize(req, 'pairings.manage'), input: req.body })),
  );
  app.get(
    '/pairing-plans/:id',
    { schema: { tags, summary: 'A plan with its pairs', params: ZPlanParams, response: { 200: ZPlanDetail } } },
    async (req) => getPlan({ db, actor: authorize(req, 'pairings.manage'), id: req.params.id }),
  );
  app.delete(
    '/pairing-plans/:id',
    { schema: { tags, summary: 'Delete a draft', params: ZPlanParams } },
    async (req, reply) => {
      await deletePlan({ db, actor: authorize(req, 'pairings.manage'), id: req.params.id });
      return reply.status(204).send();
    },
  );
}

/** A draft plan: run it again, edit its pairs by hand, compare it with the pairs in force, adopt it. */
function pairingPlanEditRoutes(app: App): void {
  const tags = ['pairings'];
  const db = app.db;
  app.post(
    '/pairing-plans/:id/run',
    {
      schema: {
        tags,
        summary: 'Re-run the optimiser on a draft',
        params: ZPlanParams,
        body: ZRerunRequest,
        response: { 200: ZPlanDetail },
      },
    },
    async (req) => rerunPlan({ db, actor: authorize(req, 'pairings.manage'), id: req.params.id, input: req.body }),
  );
  app.patch(
    '/pairing-plans/:id/pairs',
    {
      schema: {
        tags,
        summary: 'Hand edits: add, remove or move pairs',
        params: ZPlanParams,
        body: ZEditPairs,
        response: { 200: ZPlanDetail },
      },
    },
    async (req) => editPairs({ db, actor: authorize(req, 'pairings.manage'), id: req.params.id, input: req.body }),
  );
  app.get(
    '/pairing-plans/:id/compare',
    {
      schema: {
        tags,
        summary: 'Compare with another plan (default: the adopted one)',
        params: ZPlanParams,
        querystring: ZCompareQuery,
        response: { 200: ZComparison },
      },
    },
    async (req) =>
      comparePlans({ db, actor: authorize(req, 'pairings.manage'), id: req.params.id, withId: req.query.with }),
  );
  app.post(
    '/pairing-plans/:id/adopt',
    {
      schema: {
        tags,
        summary: 'Adopt a draft (supersedes the adopted plan of its year)',
        params: ZPlanParams,
        body: ZAdoptRequest,
        response: { 200: ZPlanDetail },
      },
    },
    async (req) => adoptPlan({ db, actor: authorize(req, 'pairings.manage'), id: req.params.id, input: req.body }),
  );
}

async function committeeRoutes(app: App): Promise<void> {
  committeeReadRoutes(app);
  committeeMemberRoutes(app);
  rosterRoutes(app);
}

/** The party committees (大党委) of the communities, and one community's committee. */
function committeeReadRoutes(app: App): void {
  const tags = ['party-committees'];
  const db = app.db;
  app.get(
    '/party-committees',
    {
      schema: {
        tags,
        summary: '大党委 per community',
        querystring: ZCommitteeQuery,
        response: { 200: ZCommitteeList },
      },
    },
    async (req) => listCommittees({ db, actor: authorize(req, 'pairings.read'), year: req.query.year }),
  );
  app.get(
    '/party-committees/:communityId',
    {
      schema: {
        tags,
        summary: 'A community’s 大党委 roster',
        params: ZCommitteeParams,
        querystring: ZCommitteeQuery,
        response: { 200: ZCommittee },
      },
    },
    async (req) =>
      getCommittee({
        db,
        actor: authorize(req, 'pairings.read'),
        year: req.query.year,
        communityId: req.params.communityId,
      }),
  );
}

/** Adding a member to a committee, and changing one. */
function committeeMemberRoutes(app: App): void {
  const tags = ['party-committees'];
  const db = app.db;
  app.post(
    '/party-committees/:communityId/members',
    {
      schema: {
        tags,
        summary: 'Add a member',
        params: ZCommitteeParams,
        body: ZAddCommitteeMember,
        response: { 201: ZCommittee },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await addCommitteeMember({
          db,
          actor: requireActor(req),
          communityId: req.params.communityId,
          input: req.body,
        }),
      ),
  );
  app.patch(
    '/party-committees/:communityId/members/:key',
    {
      schema: {
        tags,
        summary: 'Change, remove or restore a member',
        params: ZCommitteeMemberParams,
        body: ZUpdateCommitteeMember,
        response: { 200: ZCommittee },
      },
    },
    async (req) =>
      updateCommitteeMember({
        db,
        actor: requireActor(req),
        communityId: req.params.communityId,
        key: req.params.key,
        input: req.body,
      }),
  );
}

/** A committee's roster as a PDF. */
function rosterRoutes(app: App): void {
  const tags = ['party-committees'];
  const db = app.db;
  app.get(
    '/party-committees/:communityId/roster.pdf',
    { schema: { tags, summary: 'Printable roster (PDF)', params: ZCommitteeParams, querystring: ZCommitteeQuery } },
    async (req, reply) => {
      const committee = await getCommittee({
        db,
        actor: authorize(req, 'pairings.read'),
        year: req.query.year,
        communityId: req.params.communityId,
      });
      const pdf = await renderCommitteeRoster(committee);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          contentDisposition(
            `${committee.communityName}大党委名单${committee.year}.pdf`,
            `committee-${committee.year}.pdf`,
          ).replace(/^attachment/, 'inline'),
        )
        .header('cache-control', 'private, no-cache')
        .send(pdf);
    },
  );
}
