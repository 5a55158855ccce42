import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../../core/auth/plugin.js';
import { uploadsDir } from '../../../core/config.js';
import type { App } from '../../../core/http/types.js';
import { receivePhoto } from '../../../core/uploads.js';
import { loadPhotoFor, openPhotoFile, storePhoto } from './photos.js';

const tags = ['cases'];
const ZPhotoParams = z.object({ id: z.uuid() });
export const ZUploadedPhoto = z.object({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

/** Photo upload (re-encoded with a thumbnail) and serving. */
export async function casePhotosRoutes(app: App): Promise<void> {
  app.post(
    '/cases/photos',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 201: ZUploadedPhoto } } },
    async (req, reply) => {
      const actor = authorize(req, 'cases.report');
      const input = await receivePhoto(req);
      const photo = await storePhoto({
        db: app.db,
        actor,
        uploadsRoot: uploadsDir(app.config),
        input,
        locale: req.locale,
      });
      return reply.status(201).send(photo);
    },
  );

  const serve =
    (variant: 'full' | 'thumb') =>
    async (req: FastifyRequest<{ Params: z.infer<typeof ZPhotoParams> }>, reply: FastifyReply) => {
      const actor = authorize(req, 'cases.read');
      const photo = await loadPhotoFor(app.db, actor, req.params.id);
      const etag = `"${photo.id}-${variant}"`;
      // The bytes behind an id never change: private (access-checked) but cacheable for good.
      reply
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        .header('vary', 'Cookie');
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
      const file = await openPhotoFile(uploadsDir(app.config), variant === 'full' ? photo.path : photo.thumbPath);
      return reply
        .type(photo.mime)
        .header('content-length', file.size)
        .header('content-disposition', 'inline')
        .send(file.stream);
    };
  app.get('/cases/photos/:id', { schema: { tags, params: ZPhotoParams } }, serve('full'));
  app.get('/cases/photos/:id/thumb', { schema: { tags, params: ZPhotoParams } }, serve('thumb'));
}
