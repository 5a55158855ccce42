import { z } from 'zod';
import { authorize } from '../../../core/auth/plugin.js';
import { receiveUpload, sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import {
  ZCreatePlan,
  ZPairedUnit,
  ZPlanFind,
  ZPlanImportQuery,
  ZPlanImportReport,
  ZPlanList,
  ZPlanListQuery,
  ZPlanParams,
  ZPlanTransition,
  ZPlanView,
  ZReturnPlan,
} from './projects.contracts.js';
import { exportPlan, pairedUnits, planTemplate } from './projects.excel.js';
import { importPlan } from './projects.import.js';
import { createPlan, getPlan, listPlans, transitionPlan } from './projects.plans.js';
import { countyToday } from './projects.rollup.js';
import { clock } from '../../../core/clock.js';

const tags = ['project-plans'];

/** Annual co-building plans (共建项目计划): draft → submitted → approved, or returned with a reason; Excel. */
export async function planRoutes(app: App): Promise<void> {
  planListRoutes(app);
  planImportRoutes(app);
  planReviewRoutes(app);
}

/** The plans, a new plan, and the Excel template and export. */
function planListRoutes(app: App): void {
  app.get(
    '/project-plans',
    { schema: { tags, summary: 'List annual plans', querystring: ZPlanListQuery, response: { 200: ZPlanList } } },
    async (req) => {
      return listPlans({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query });
    },
  );
  app.post(
    '/project-plans',
    { schema: { tags, summary: 'Start a draft plan', body: ZCreatePlan, response: { 201: ZPlanView } } },
    async (req, reply) => {
      return reply
        .status(201)
        .send(await createPlan({ db: app.db, actor: authorize(req, 'projects.write'), input: req.body }));
    },
  );
  app.get(
    '/project-plans/import-template.xlsx',
    { schema: { tags, summary: 'Import template of a community plan', querystring: ZPlanFind } },
    async (req, reply) => {
      const actor = authorize(req, 'projects.write');
      return sendWorkbook(req, reply, await planTemplate({ db: app.db, actor, ...req.query }));
    },
  );
  app.get(
    '/project-plans/export.xlsx',
    { schema: { tags, summary: "Export a community's plan", querystring: ZPlanFind } },
    async (req, reply) => {
      const actor = authorize(req, 'cobuild.read');
      return sendWorkbook(
        req,
        reply,
        await exportPlan({ db: app.db, actor, ...req.query, today: countyToday(clock.now()) }),
      );
    },
  );
}

/** Importing a plan from Excel, and the units a community's plan may name. */
function planImportRoutes(app: App): void {
  app.post(
    '/project-plans/import',
    {
      schema: {
        tags,
        summary: "Import projects into a community's draft plan",
        querystring: ZPlanImportQuery,
        response: { 200: ZPlanImportReport },
      },
    },
    async (req) => {
      const actor = authorize(req, 'projects.write');
      const upload = await receiveUpload(req);
      return importPlan({
        db: app.db,
        actor,
        file: upload.buffer,
        fileName: upload.fileName,
        query: req.query,
        locale: req.locale,
        today: countyToday(clock.now()),
      });
    },
  );
  app.get(
    '/project-plans/units',
    {
      schema: {
        tags,
        summary: 'Units paired with a community in a year',
        querystring: ZPlanFind,
        response: { 200: z.array(ZPairedUnit) },
      },
    },
    async (req) => {
      return pairedUnits(app.db, authorize(req, 'cobuild.read'), req.query.communityId, req.query.year);
    },
  );
}

/** One plan, and its review: submit, approve, return. */
function planReviewRoutes(app: App): void {
  app.get(
    '/project-plans/:id',
    { schema: { tags, summary: 'A plan with its figures', params: ZPlanParams, response: { 200: ZPlanView } } },
    async (req) => {
      return getPlan({ db: app.db, actor: authorize(req, 'cobuild.read'), id: req.params.id });
    },
  );
  for (const action of ['submit', 'approve'] as const) {
    app.post(
      `/project-plans/:id/${action}`,
      {
        schema: {
          tags,
          summary: `${action} a plan`,
          params: ZPlanParams,
          body: ZPlanTransition,
          response: { 200: ZPlanView },
        },
      },
      async (req) => {
        const actor = authorize(req, action === 'approve' ? 'projects.approve' : 'projects.write');
        return transitionPlan({ db: app.db, actor, id: req.params.id, action, version: req.body.version });
      },
    );
  }
  app.post(
    '/project-plans/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a plan to draft with a reason',
        params: ZPlanParams,
        body: ZReturnPlan,
        response: { 200: ZPlanView },
      },
    },
    async (req) => {
      const actor = authorize(req, 'projects.approve');
      return transitionPlan({
        db: app.db,
        actor,
        id: req.params.id,
        action: 'return',
        version: req.body.version,
        reason: req.body.reason,
      });
    },
  );
}
