import { z } from 'zod';
import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { clock } from '../../../core/clock.js';
import { ZIdParams, ZVersion } from '../../../core/contracts.js';
import { sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import {
  ZCancelServiceDay,
  ZCreateServiceDay,
  ZCreateServiceKind,
  ZDaySummary,
  ZKindParams,
  ZMyServiceDays,
  ZOutcome,
  ZServiceDayDetail,
  ZServiceDayList,
  ZServiceDayListQuery,
  ZServiceKindList,
  ZServiceKindView,
  ZUnitSummaryList,
  ZUnitSummaryQuery,
  ZUpdateServiceDay,
  ZUpdateServiceKind,
} from './servicedays.contracts.js';
import { createServiceKind, listServiceKinds, updateServiceKind } from './servicedays.kinds.js';
import {
  cancelDay,
  createDay,
  getDay,
  listDays,
  recordOutcome,
  rotateToken,
  updateDay,
} from './servicedays.service.js';
import { checkinRoutes } from './servicedays.checkins.routes.js';
import { photoRoutes } from './servicedays.photos.routes.js';
import { signupRoutes } from './servicedays.signups.routes.js';
import { myServiceDays } from './servicedays.mine.js';
import { daySummary, exportDays, unitSummaries } from './servicedays.summary.js';

const tags = ['service-days'];
const ZVersionBody = z.strictObject({ version: ZVersion });

/**
 * 集中报到服务日: the days, the service-kind catalogue, sign-ups, check-ins, outcome photos and summaries. One plugin
 * registers every group, in this order (the order of the paths in the OpenAPI document).
 */
export async function serviceDaysRoutes(app: App): Promise<void> {
  kindRoutes(app);
  dayListRoutes(app);
  dayRoutes(app);
  dayOutcomeRoutes(app);
  signupRoutes(app);
  checkinRoutes(app);
  photoRoutes(app);
}

/** The catalogue of service kinds: everyone reads it, the county edits it (the service checks). */
function kindRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-kinds',
    { schema: { tags, summary: 'The catalogue of service kinds', response: { 200: ZServiceKindList } } },
    async (req) => {
      requireActor(req);
      return { items: await listServiceKinds({ db }) };
    },
  );
  app.post(
    '/service-kinds',
    {
      schema: {
        tags,
        summary: 'Add a service kind (county)',
        body: ZCreateServiceKind,
        response: { 201: ZServiceKindView },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await createServiceKind({ db, actor: requireActor(req), input: req.body }));
    },
  );
  app.patch(
    '/service-kinds/:code',
    {
      schema: {
        tags,
        summary: 'Rename, re-sort or retire a service kind (county)',
        params: ZKindParams,
        body: ZUpdateServiceKind,
        response: { 200: ZServiceKindView },
      },
    },
    async (req) => {
      return updateServiceKind({ db, actor: requireActor(req), code: req.params.code, input: req.body });
    },
  );
}

/** The list of days, its Excel export and per-unit summary, and scheduling a new day. */
function dayListRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-days',
    {
      schema: {
        tags,
        summary: 'List service days',
        querystring: ZServiceDayListQuery,
        response: { 200: ZServiceDayList },
      },
    },
    async (req) => {
      return listDays({ db, actor: requireActor(req), query: req.query });
    },
  );
  app.get(
    '/service-days/export.xlsx',
    { schema: { tags, summary: 'Export service days (Excel)', querystring: ZServiceDayListQuery } },
    async (req, reply) => {
      return sendWorkbook(
        req,
        reply,
        await exportDays({ db, actor: requireActor(req), query: req.query, now: clock.now() }),
      );
    },
  );
  app.get(
    '/service-days/units',
    {
      schema: {
        tags,
        summary: 'Per-unit summary of service days',
        querystring: ZUnitSummaryQuery,
        response: { 200: ZUnitSummaryList },
      },
    },
    async (req) => {
      return unitSummaries({ db, actor: requireActor(req), query: req.query });
    },
  );
  app.get(
    '/service-days/mine',
    {
      schema: {
        tags,
        summary: "My service days (Party member): where I live and my unit's, still open to check-in; my check-ins",
        response: { 200: ZMyServiceDays },
      },
    },
    async (req) => myServiceDays({ db, actor: requireActor(req) }),
  );
  app.post(
    '/service-days',
    {
      schema: {
        tags,
        summary: 'Schedule a service day',
        body: ZCreateServiceDay,
        response: { 201: ZServiceDayDetail },
      },
    },
    async (req, reply) => {
      return reply
        .status(201)
        .send(await createDay({ db, actor: authorize(req, 'servicedays.write'), input: req.body }));
    },
  );
}

/** One day: read it, edit or reschedule it, cancel it. */
function dayRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-days/:id',
    { schema: { tags, summary: 'A service day', params: ZIdParams, response: { 200: ZServiceDayDetail } } },
    async (req) => {
      return getDay({ db, actor: requireActor(req), id: req.params.id });
    },
  );
  app.patch(
    '/service-days/:id',
    {
      schema: {
        tags,
        summary: 'Edit or reschedule a day',
        params: ZIdParams,
        body: ZUpdateServiceDay,
        response: { 200: ZServiceDayDetail },
      },
    },
    async (req) => {
      return updateDay({ db, actor: authorize(req, 'servicedays.write'), id: req.params.id, input: req.body });
    },
  );
  app.post(
    '/service-days/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a day',
        params: ZIdParams,
        body: ZCancelServiceDay,
        response: { 200: ZServiceDayDetail },
      },
    },
    async (req) => {
      return cancelDay({ db, actor: authorize(req, 'servicedays.write'), id: req.params.id, input: req.body });
    },
  );
}

/** After the day: its outcome, a new QR code, and its summary. */
function dayOutcomeRoutes(app: App): void {
  const db = app.db;
  app.put(
    '/service-days/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record the outcome (marks the day held)',
        params: ZIdParams,
        body: ZOutcome,
        response: { 200: ZServiceDayDetail },
      },
    },
    async (req) => {
      return recordOutcome({ db, actor: authorize(req, 'servicedays.write'), id: req.params.id, input: req.body });
    },
  );
  app.post(
    '/service-days/:id/rotate-token',
    {
      schema: {
        tags,
        summary: 'Issue a new QR code',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZServiceDayDetail },
      },
    },
    async (req) => {
      return rotateToken({
        db,
        actor: authorize(req, 'servicedays.write'),
        id: req.params.id,
        version: req.body.version,
      });
    },
  );
  app.get(
    '/service-days/:id/summary',
    { schema: { tags, summary: 'Summary of a day', params: ZIdParams, response: { 200: ZDaySummary } } },
    async (req) => {
      return daySummary({ db, actor: requireActor(req), dayId: req.params.id });
    },
  );
}
