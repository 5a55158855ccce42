import { requireActor } from '../../../core/auth/plugin.js';
import type { App } from '../../../core/http/types.js';
import {
  ZClaimableNeeds,
  ZClaimNeed,
  ZFulfilClaim,
  ZNeedClaimList,
  ZNeedClaimListQuery,
  ZNeedClaimView,
  ZWithdrawClaim,
} from './needs.claims.contracts.js';
import { ZIdParams } from './needs.contracts.js';
import { claimableNeeds, claimNeed, fulfilClaim, listClaims, withdrawClaim } from './needs.claims.js';

const tags = ['needs'];

/**
 * 微心愿认领: a Party member claims (memberservice.self), staff of the need's community fulfil (needs.write). Both
 * kinds of caller share the list and the withdrawal, so the routes take the actor and the policy answers
 * (needs.policy.ts), 404 for a claim outside the caller's scope before 403.
 */
export async function needClaimsRoutes(app: App): Promise<void> {
  const db = app.db;
  app.get(
    '/need-claims/claimable',
    {
      schema: {
        tags,
        summary: 'Needs of my residence community I may claim, with my claim (Party member)',
        response: { 200: ZClaimableNeeds },
      },
    },
    async (req) => claimableNeeds({ db, actor: requireActor(req) }),
  );
  app.get(
    '/need-claims',
    {
      schema: {
        tags,
        summary: 'Claims of needs: staff those of the needs they see, a member their own',
        querystring: ZNeedClaimListQuery,
        response: { 200: ZNeedClaimList },
      },
    },
    async (req) => listClaims({ db, actor: requireActor(req), query: req.query }),
  );
  app.post(
    '/needs/:id/claim',
    {
      schema: {
        tags,
        summary: 'Claim a need of my residence community (201 new; 200 the claim I hold)',
        params: ZIdParams,
        body: ZClaimNeed,
        response: { 200: ZNeedClaimView, 201: ZNeedClaimView },
      },
    },
    async (req, reply) => {
      const made = await claimNeed({ db, actor: requireActor(req), needId: req.params.id, input: req.body ?? {} });
      return reply.status(made.created ? 201 : 200).send(made.claim);
    },
  );
  app.post(
    '/need-claims/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw an open claim',
        params: ZIdParams,
        body: ZWithdrawClaim,
        response: { 200: ZNeedClaimView },
      },
    },
    async (req) => withdrawClaim({ db, actor: requireActor(req), id: req.params.id, version: req.body.version }),
  );
  app.post(
    '/need-claims/:id/fulfil',
    {
      schema: {
        tags,
        summary: "Mark a claim fulfilled with the service's verified start and end (writes the member's ledger record)",
        params: ZIdParams,
        body: ZFulfilClaim,
        response: { 200: ZNeedClaimView },
      },
    },
    async (req) => fulfilClaim({ db, actor: requireActor(req), id: req.params.id, input: req.body }),
  );
}
