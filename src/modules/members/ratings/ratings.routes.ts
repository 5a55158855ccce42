import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { ZIdParams } from '../../../core/contracts.js';
import { contentDisposition, sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import { answerAppeal, appealRating } from './ratings.appeals.js';
import { createCommendation, listCommendations } from './ratings.commendations.js';
import {
  ZAnswerBody,
  ZAppealBody,
  ZCommendation,
  ZCommendationList,
  ZCommendationQuery,
  ZConfirmRatings,
  ZConfirmResult,
  ZCoverage,
  ZCoverageQuery,
  ZCreateCommendation,
  ZGenerateResult,
  ZMyRatings,
  ZQuarterBody,
  ZRatingList,
  ZRatingListQuery,
  ZRatingView,
  ZServiceRulesInput,
  ZServiceRulesView,
  ZSheetQuery,
  ZUnitSheet,
} from './ratings.contracts.js';
import { exportUnitSheet, unitSheetPdf } from './ratings.export.js';
import { listRatings, myRatings } from './ratings.query.js';
import { getServiceRules, saveServiceRules } from './ratings.ruleset.js';
import { confirmRatings, generateSuggestions } from './ratings.service.js';
import { coverage, unitSheet } from './ratings.sheet.js';

const tags = ['member-ratings'];

/** Points, quarterly ratings, appeals and the feedback to units (issue 13 items 4 and 5). */
export async function ratingsRoutes(app: App): Promise<void> {
  rulesRoutes(app);
  commendationRoutes(app);
  ratingRoutes(app);
  appealRoutes(app);
  feedbackRoutes(app);
}

function rulesRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/member-service-rules',
    { schema: { tags, summary: 'The service rules in force', response: { 200: ZServiceRulesView } } },
    async (req) => getServiceRules({ db, actor: requireActor(req) }),
  );
  app.put(
    '/member-service-rules',
    {
      schema: {
        tags,
        summary: 'Save new service rules (county)',
        body: ZServiceRulesInput,
        response: { 200: ZServiceRulesView },
      },
    },
    async (req) => saveServiceRules({ db, actor: authorize(req, 'memberservice.rules'), input: req.body }),
  );
}

function commendationRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/member-commendations',
    {
      schema: { tags, summary: 'Commendations', querystring: ZCommendationQuery, response: { 200: ZCommendationList } },
    },
    async (req) => listCommendations({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
  );
  app.post(
    '/member-commendations',
    { schema: { tags, summary: 'Commend a member', body: ZCreateCommendation, response: { 201: ZCommendation } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createCommendation({ db, actor: authorize(req, 'memberservice.rate'), input: req.body })),
  );
}

function ratingRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/member-ratings',
    { schema: { tags, summary: 'Quarterly ratings', querystring: ZRatingListQuery, response: { 200: ZRatingList } } },
    async (req) => listRatings({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
  );
  app.get(
    '/member-ratings/mine',
    { schema: { tags, summary: "The member's own confirmed ratings", response: { 200: ZMyRatings } } },
    async (req) => myRatings({ db, actor: authorize(req, 'memberservice.self') }),
  );
  app.post(
    '/member-ratings/generate',
    {
      schema: {
        tags,
        summary: 'Suggest ratings for a quarter',
        body: ZQuarterBody,
        response: { 200: ZGenerateResult },
      },
    },
    async (req) => generateSuggestions({ db, actor: authorize(req, 'memberservice.rate'), input: req.body }),
  );
  app.post(
    '/member-ratings/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm suggested ratings in bulk',
        body: ZConfirmRatings,
        response: { 200: ZConfirmResult },
      },
    },
    async (req) => confirmRatings({ db, actor: authorize(req, 'memberservice.rate'), input: req.body }),
  );
}

function appealRoutes(app: App): void {
  const db = app.db;
  app.post(
    '/member-ratings/:id/appeal',
    {
      schema: {
        tags,
        summary: 'Appeal one’s own rating (once)',
        params: ZIdParams,
        body: ZAppealBody,
        response: { 200: ZRatingView },
      },
    },
    async (req) =>
      appealRating({ db, actor: authorize(req, 'memberservice.self'), id: req.params.id, reason: req.body.reason }),
  );
  app.post(
    '/member-ratings/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer an appeal',
        params: ZIdParams,
        body: ZAnswerBody,
        response: { 200: ZRatingView },
      },
    },
    async (req) =>
      answerAppeal({ db, actor: authorize(req, 'memberservice.rate'), id: req.params.id, input: req.body }),
  );
}

function feedbackRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/member-ratings/unit-sheet',
    { schema: { tags, summary: "A unit's quarterly sheet", querystring: ZSheetQuery, response: { 200: ZUnitSheet } } },
    async (req) => unitSheet({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
  );
  app.get(
    '/member-ratings/unit-sheet/export.xlsx',
    { schema: { tags, summary: "A unit's quarterly sheet (Excel)", querystring: ZSheetQuery } },
    async (req, reply) =>
      sendWorkbook(
        req,
        reply,
        await exportUnitSheet({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
      ),
  );
  app.get(
    '/member-ratings/unit-sheet.pdf',
    { schema: { tags, summary: "A unit's quarterly sheet (PDF)", querystring: ZSheetQuery } },
    async (req, reply) => {
      const d = await unitSheetPdf({ db, actor: authorize(req, 'memberservice.read'), query: req.query });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(d.fileName, d.asciiName).replace(/^attachment/, 'inline'))
        .header('cache-control', 'private, no-cache')
        .send(d.pdf);
    },
  );
  app.get(
    '/member-ratings/coverage',
    { schema: { tags, summary: 'Coverage by unit', querystring: ZCoverageQuery, response: { 200: ZCoverage } } },
    async (req) => coverage({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
  );
}
