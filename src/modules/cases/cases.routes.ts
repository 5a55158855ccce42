import { z } from 'zod';
import { authorize } from '../../core/auth/plugin.js';
import { ZIdParams } from '../../core/contracts.js';
import { onceWith } from '../../core/idempotency.js';
import type { App } from '../../core/http/types.js';
import { allCategories, updateCategory } from './cases.categories.js';
import {
  ZCaseDetail,
  ZCaseList,
  ZCaseListQuery,
  ZCaseSummary,
  ZCategory,
  ZCategoryList,
  ZClassifyRequest,
  ZClassifyResponse,
  ZCreateCase,
  ZPairedUnitList,
  ZReassignRequest,
  ZTransitionRequest,
  ZUpdateCategory,
} from './cases.contracts.js';
import { reportCase } from './intake/intake.js';
import { getCaseDetail, getCaseSummary, listCases } from './cases.query.js';
import { reassignCase } from './dispatch/reassign.js';
import { type PairedUnits, pairedUnitsOfCase } from './dispatch/pairing.js';
import { transitionCase } from './cases.transition.js';
import { classify } from './classifier/classifier.js';

const tags = ['cases'];

export interface CasesRoutesOptions {
  /** cobuild/pairing's lookup (a layer above cases): who is paired with a community, for 跨社区吹哨. */
  pairedUnits: PairedUnits;
}

export async function casesRoutes(app: App, { pairedUnits }: CasesRoutesOptions): Promise<void> {
  caseRoutes(app);
  caseActionRoutes(app, pairedUnits);
  categoryRoutes(app);
}

/** The case list, one case, and reporting a case. */
function caseRoutes(app: App): void {
  app.get('/cases', { schema: { tags, querystring: ZCaseListQuery, response: { 200: ZCaseList } } }, async (req) => {
    const actor = authorize(req, 'cases.read');
    return listCases({ db: app.db, actor, query: req.query });
  });
  app.get('/cases/:id', { schema: { tags, params: ZIdParams, response: { 200: ZCaseDetail } } }, async (req) => {
    const actor = authorize(req, 'cases.read');
    return getCaseDetail({ db: app.db, actor, id: req.params.id });
  });
  app.post(
    '/cases',
    {
      schema: {
        tags,
        body: ZCreateCase,
        headers: z.object({ 'idempotency-key': z.string().max(100).optional() }),
        response: { 201: ZCaseSummary },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'cases.report');
      const answer = await onceWith({
        db: app.db,
        userId: actor.userId,
        key: req.headers['idempotency-key'],
        route: 'POST /api/cases',
        status: 201,
        run: (idempotency) => reportCase({ db: app.db, actor, input: req.body, idempotency }),
        replay: (id) => getCaseSummary({ db: app.db, id: String(id) }),
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(answer.body);
    },
  );
}

/** What staff do with a case (a transition, a reassignment, whom to whistle), and the category suggestion for a text. */
function caseActionRoutes(app: App, pairedUnits: PairedUnits): void {
  app.post(
    '/cases/:id/transitions',
    { schema: { tags, params: ZIdParams, body: ZTransitionRequest, response: { 200: ZCaseDetail } } },
    async (req) => {
      const actor = authorize(req, 'cases.read');
      await transitionCase({ db: app.db, actor, caseId: req.params.id, input: req.body, pairedUnits });
      return getCaseDetail({ db: app.db, actor, id: req.params.id });
    },
  );
  app.get(
    '/cases/:id/paired-units',
    { schema: { tags, params: ZIdParams, response: { 200: ZPairedUnitList } } },
    async (req) => {
      const actor = authorize(req, 'cases.manage');
      return pairedUnitsOfCase({ db: app.db, actor, caseId: req.params.id, pairedUnits });
    },
  );
  app.post(
    '/cases/:id/reassign',
    { schema: { tags, params: ZIdParams, body: ZReassignRequest, response: { 200: ZCaseDetail } } },
    async (req) => {
      const actor = authorize(req, 'cases.manage');
      await reassignCase({ db: app.db, actor, caseId: req.params.id, input: req.body });
      return getCaseDetail({ db: app.db, actor, id: req.params.id });
    },
  );
  app.post(
    '/cases/classify',
    { schema: { tags, body: ZClassifyRequest, response: { 200: ZClassifyResponse } } },
    async (req) => {
      authorize(req, 'cases.report');
      const names = new Map(
        (await allCategories(app.db)).map((c) => [c.code, req.locale === 'en' ? c.nameEn : c.name]),
      );
      const result = classify(req.body.text);
      return {
        category: result.category,
        categoryName: names.get(result.category) ?? result.category,
        confidence: result.confidence,
        alternatives: result.alternatives.map((a) => ({ ...a, categoryName: names.get(a.category) ?? a.category })),
      };
    },
  );
}

/** The case categories: the list, and editing one (county). */
function categoryRoutes(app: App): void {
  app.get('/case-categories', { schema: { tags, response: { 200: ZCategoryList } } }, async (req) => {
    authorize(req, 'cases.read');
    return allCategories(app.db);
  });
  app.patch(
    '/case-categories/:code',
    {
      schema: {
        tags,
        params: z.object({ code: z.string().max(60) }),
        body: ZUpdateCategory,
        response: { 200: ZCategory },
      },
    },
    async (req) => {
      const actor = authorize(req, 'cases.configure');
      return updateCategory({ db: app.db, actor, code: req.params.code, input: req.body });
    },
  );
}
