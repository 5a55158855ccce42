import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { uploadsDir } from '../../../core/config.js';
import { ZIdParams, ZOk, ZVersion } from '../../../core/contracts.js';
import { sendWorkbook } from '../../../core/excel.js';
import type { App } from '../../../core/http/types.js';
import { receivePhoto } from '../../../core/uploads.js';
import {
  ZCancelServiceDay,
  ZCandidateList,
  ZCandidateQuery,
  ZCheckinList,
  ZCheckinListQuery,
  ZCheckinPage,
  ZCheckinView,
  ZCreateServiceDay,
  ZCreateServiceKind,
  ZDaySummary,
  ZKindParams,
  ZOutcome,
  ZPhotoView,
  ZServiceDayDetail,
  ZServiceDayList,
  ZServiceDayListQuery,
  ZServiceKindList,
  ZServiceKindView,
  ZSignupList,
  ZSignupListQuery,
  ZSignupParams,
  ZSignupRequest,
  ZSignupView,
  ZStaffCheckin,
  ZStaffCheckinResult,
  ZTokenParams,
  ZUnitSummaryList,
  ZUnitSummaryQuery,
  ZUpdateServiceDay,
  ZUpdateServiceKind,
  ZUpdateSignup,
  ZWithdrawSignup,
} from './servicedays.contracts.js';
import {
  checkinCandidates,
  checkInMembers,
  checkInSelf,
  checkinPage,
  listCheckins,
  removeCheckin,
} from './servicedays.checkins.js';
import { createServiceKind, listServiceKinds, updateServiceKind } from './servicedays.kinds.js';
import { addDayPhoto, openPhotoFile, photoRow, removeDayPhoto } from './servicedays.photos.js';
import {
  cancelDay,
  createDay,
  getDay,
  listDays,
  loadVisibleDay,
  recordOutcome,
  rotateToken,
  updateDay,
} from './servicedays.service.js';
import { createSignup, listSignups, updateSignup, withdrawSignup } from './servicedays.signups.js';
import { daySummary, exportDays, unitSummaries } from './servicedays.summary.js';
import { clock } from '../../../core/clock.js';

const tags = ['service-days'];
const ZCheckinParams = z.object({ id: z.uuid(), checkinId: z.uuid() });
const ZPhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });
const ZVersionBody = z.strictObject({ version: ZVersion });

/** 集中报到服务日: the days, the service-kind catalogue, sign-ups, check-ins, outcome photos and summaries. */
export async function serviceDaysRoutes(app: App): Promise<void> {
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
  signupRoutes(app);
  checkinRoutes(app);
  photoRoutes(app);
}

function signupRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-days/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign-ups of a day',
        params: ZIdParams,
        querystring: ZSignupListQuery,
        response: { 200: ZSignupList },
      },
    },
    async (req) => {
      return listSignups({ db, actor: requireActor(req), dayId: req.params.id, query: req.query });
    },
  );
  app.post(
    '/service-days/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign a unit up',
        params: ZIdParams,
        body: ZSignupRequest,
        response: { 201: ZSignupView },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(
        await createSignup({
          db,
          actor: authorize(req, 'servicedays.signup'),
          dayId: req.params.id,
          input: req.body,
        }),
      );
    },
  );
  app.patch(
    '/service-days/:id/signups/:signupId',
    {
      schema: {
        tags,
        summary: 'Change a sign-up',
        params: ZSignupParams,
        body: ZUpdateSignup,
        response: { 200: ZSignupView },
      },
    },
    async (req) => {
      return updateSignup({
        db,
        actor: authorize(req, 'servicedays.signup'),
        dayId: req.params.id,
        signupId: req.params.signupId,
        input: req.body,
      });
    },
  );
  app.delete(
    '/service-days/:id/signups/:signupId',
    {
      schema: {
        tags,
        summary: 'Withdraw a sign-up',
        params: ZSignupParams,
        body: ZWithdrawSignup,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await withdrawSignup({
        db,
        actor: authorize(req, 'servicedays.signup'),
        dayId: req.params.id,
        signupId: req.params.signupId,
        version: req.body.version,
      });
      return { ok: true as const };
    },
  );
}

function checkinRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/service-days/checkin/:token',
    {
      schema: {
        tags,
        summary: 'The day behind a QR code, for the phone page',
        params: ZTokenParams,
        response: { 200: ZCheckinPage },
      },
    },
    async (req) => {
      return checkinPage({ db, actor: authorize(req, 'servicedays.checkin'), token: req.params.token });
    },
  );
  app.post(
    '/service-days/checkin/:token',
    {
      schema: {
        tags,
        summary: 'Check myself in (201 new, 200 already checked in)',
        params: ZTokenParams,
        response: { 200: ZCheckinView, 201: ZCheckinView },
      },
    },
    async (req, reply) => {
      const result = await checkInSelf({ db, actor: authorize(req, 'servicedays.checkin'), token: req.params.token });
      return reply.status(result.created ? 201 : 200).send(result.checkin);
    },
  );
  app.get(
    '/service-days/:id/checkins',
    {
      schema: {
        tags,
        summary: 'Check-ins of a day',
        params: ZIdParams,
        querystring: ZCheckinListQuery,
        response: { 200: ZCheckinList },
      },
    },
    async (req) => {
      return listCheckins({ db, actor: requireActor(req), dayId: req.params.id, query: req.query });
    },
  );
  app.post(
    '/service-days/:id/checkins',
    {
      schema: {
        tags,
        summary: 'Check members in (staff)',
        params: ZIdParams,
        body: ZStaffCheckin,
        response: { 200: ZStaffCheckinResult },
      },
    },
    async (req) => {
      return checkInMembers({
        db,
        actor: authorize(req, 'servicedays.checkin'),
        dayId: req.params.id,
        input: req.body,
      });
    },
  );
  app.get(
    '/service-days/:id/checkin-candidates',
    {
      schema: {
        tags,
        summary: 'Members staff may check in',
        params: ZIdParams,
        querystring: ZCandidateQuery,
        response: { 200: ZCandidateList },
      },
    },
    async (req) => {
      return {
        items: await checkinCandidates({
          db,
          actor: authorize(req, 'servicedays.checkin'),
          dayId: req.params.id,
          q: req.query.q,
        }),
      };
    },
  );
  app.delete(
    '/service-days/:id/checkins/:checkinId',
    { schema: { tags, summary: 'Remove a mistaken check-in', params: ZCheckinParams, response: { 200: ZOk } } },
    async (req) => {
      await removeCheckin({
        db,
        actor: authorize(req, 'servicedays.write'),
        dayId: req.params.id,
        checkinId: req.params.checkinId,
      });
      return { ok: true as const };
    },
  );
}

function photoRoutes(app: App): void {
  const db = app.db;
  app.post(
    '/service-days/:id/photos',
    {
      schema: {
        tags,
        summary: 'Add an outcome photo',
        params: ZIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ZPhotoView },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'servicedays.write');
      const input = await receivePhoto(req);
      return reply.status(201).send(
        await addDayPhoto({
          db,
          actor,
          dayId: req.params.id,
          uploadsRoot: uploadsDir(app.config),
          input,
          locale: req.locale,
        }),
      );
    },
  );
  app.delete(
    '/service-days/:id/photos/:photoId',
    { schema: { tags, summary: 'Remove an outcome photo', params: ZPhotoParams, response: { 200: ZOk } } },
    async (req) => {
      await removeDayPhoto({
        db,
        actor: authorize(req, 'servicedays.write'),
        dayId: req.params.id,
        photoId: req.params.photoId,
        uploadsRoot: uploadsDir(app.config),
      });
      return { ok: true as const };
    },
  );
  const serve =
    (variant: 'full' | 'thumb') => async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const actor = requireActor(req);
      const photo = await photoRow(db, req.params.id);
      await loadVisibleDay(db, actor, photo.dayId);
      reply.header('cache-control', 'private, max-age=31536000, immutable').header('x-content-type-options', 'nosniff');
      const file = await openPhotoFile(uploadsDir(app.config), variant === 'full' ? photo.path : photo.thumbPath);
      return reply
        .type('image/jpeg')
        .header('content-length', file.size)
        .header('content-disposition', 'inline')
        .send(file.stream);
    };
  app.get(
    '/service-days/photos/:id',
    { schema: { tags, summary: 'An outcome photo', params: ZIdParams } },
    serve('full'),
  );
  app.get(
    '/service-days/photos/:id/thumb',
    { schema: { tags, summary: 'An outcome photo thumbnail', params: ZIdParams } },
    serve('thumb'),
  );
}
