import { z } from 'zod';
import { authorize } from '../../core/auth/plugin.js';
import { ZIdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { alleyRegionCases } from './cases.alleys.js';
import {
  ZAlleyRegionCases,
  ZCaseDetail,
  ZDispatchItem,
  ZDispatchList,
  ZDispatchListQuery,
  ZDispatchStepRequest,
  ZMergeRequest,
  ZProxyAcknowledgeRequest,
  ZSimilarList,
  ZSimilarQuery,
} from './cases.contracts.js';
import { DISPATCH_STEPS } from './cases.enums.js';
import { findSimilarCases, mergeCases } from './intake/duplicates.js';
import { getCaseDetail } from './cases.query.js';
import { runCaseSweep } from './dispatch/sweep.js';
import { actOnDispatch, getDispatch, listDispatches } from './dispatch/unit-inbox.js';
import { proxyAcknowledge } from './dispatch/proxy.js';

const tags = ['cases'];

/** Duplicates, merging, the unit inbox and the clock sweep. */
export async function casesOpsRoutes(app: App): Promise<void> {
  alleyRegionCasesRoute(app);

  app.get(
    '/cases/similar',
    { schema: { tags, querystring: ZSimilarQuery, response: { 200: ZSimilarList } } },
    async (req) => {
      const actor = authorize(req, 'cases.report');
      return { items: await findSimilarCases({ db: app.db, actor, ...req.query }) };
    },
  );

  app.post(
    '/cases/:id/merge',
    { schema: { tags, params: ZIdParams, body: ZMergeRequest, response: { 200: ZCaseDetail } } },
    async (req) => {
      const actor = authorize(req, 'cases.manage');
      await mergeCases({ db: app.db, actor, caseId: req.params.id, input: req.body });
      return getCaseDetail({ db: app.db, actor, id: req.params.id });
    },
  );

  app.get(
    '/case-dispatches',
    { schema: { tags, querystring: ZDispatchListQuery, response: { 200: ZDispatchList } } },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      return listDispatches({ db: app.db, actor, query: req.query });
    },
  );

  for (const step of DISPATCH_STEPS) {
    app.post(
      `/case-dispatches/:id/${step}`,
      { schema: { tags, params: ZIdParams, body: ZDispatchStepRequest, response: { 200: ZDispatchItem } } },
      async (req) => {
        const actor = authorize(req, 'cases.read');
        await actOnDispatch({ db: app.db, actor, dispatchId: req.params.id, step, input: req.body });
        return getDispatch(app.db, req.params.id);
      },
    );
  }

  // 代报到: the community records a unit's 报到 for it; the service answers 404/403 from the case (policy).
  app.post(
    '/case-dispatches/:id/proxy-acknowledge',
    { schema: { tags, params: ZIdParams, body: ZProxyAcknowledgeRequest, response: { 200: ZDispatchItem } } },
    async (req) => {
      const actor = authorize(req, 'cases.manage');
      await proxyAcknowledge({ db: app.db, actor, dispatchId: req.params.id, input: req.body });
      return getDispatch(app.db, req.params.id);
    },
  );

  // 督办 on demand (the county admin, e.g. before a report); the scheduled sweep does the same every tick.
  app.post(
    '/cases/sweep',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            dueSoon: z.number().int(),
            supervised: z.number().int(),
            failed: z.number().int(),
            closedUnrated: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      authorize(req, 'cases.configure');
      return runCaseSweep({ db: app.db, ratingWorkingDays: app.config.caseRatingWorkingDays });
    },
  );
}

// An alley region's cases: served here because the alleys module sits below cases (it cannot read them).
function alleyRegionCasesRoute(app: App): void {
  app.get(
    '/alley-regions/:id/cases',
    { schema: { tags, params: ZIdParams, response: { 200: ZAlleyRegionCases } } },
    async (req) => alleyRegionCases(app.db, authorize(req, 'alleys.read'), req.params.id),
  );
}
