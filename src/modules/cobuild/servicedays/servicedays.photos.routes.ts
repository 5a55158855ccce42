import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { uploadsDir } from '../../../core/config.js';
import { ZIdParams, ZOk } from '../../../core/contracts.js';
import type { App } from '../../../core/http/types.js';
import { receivePhoto } from '../../../core/uploads.js';
import { ZPhotoView } from './servicedays.contracts.js';
import { addDayPhoto, openPhotoFile, photoRow, removeDayPhoto } from './servicedays.photos.js';
import { loadVisibleDay } from './servicedays.service.js';

const tags = ['service-days'];
const ZPhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });

/** A held day's outcome photos: upload, removal, and serving them (full size and thumbnail) to whoever sees the day. */
export function photoRoutes(app: App): void {
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
  app.get(
    '/service-days/photos/:id',
    { schema: { tags, summary: 'An outcome photo', params: ZIdParams } },
    servePhoto(app, 'full'),
  );
  app.get(
    '/service-days/photos/:id/thumb',
    { schema: { tags, summary: 'An outcome photo thumbnail', params: ZIdParams } },
    servePhoto(app, 'thumb'),
  );
}

/** The handler that sends one photo (or its thumbnail) to someone who may see its day; cached privately, for good. */
function servePhoto(app: App, variant: 'full' | 'thumb') {
  const db = app.db;
  return async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
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
}
