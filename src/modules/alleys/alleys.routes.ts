import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../core/auth/plugin.js';
import { uploadsDir } from '../../core/config.js';
import { ZIdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { openUpload, receiveDocument, receivePhoto } from '../../core/uploads.js';
import {
  ZAlleyDocument,
  ZAlleyDocumentItemParams,
  ZAlleyDocumentParams,
  ZAlleyTask,
  ZAlleyTaskList,
  ZAlleyTaskQuery,
  ZAlleyTeamOptions,
  ZCancelAlleyTask,
  ZCloseAlleyTask,
  ZAlleyInspection,
  ZAlleyInspectionList,
  ZAlleyInspectionQuery,
  ZAlleyItem,
  ZAlleyItemParams,
  ZAlleyPhoto,
  ZAlleyPhotoParams,
  ZAlleyRegionDetail,
  ZAlleyRegionList,
  ZAlleyRegionQuery,
  ZCreateInspection,
  ZUpdateAlleyItem,
} from './alleys.contracts.js';
import { listInspections } from './alleys.inspections.js';
import { deleteItemDocument, loadItemDocument, storeItemDocument } from './alleys.documents.js';
import { loadItemPhoto, storeItemPhoto } from './alleys.photos.js';
import { createInspection, getRegion, listRegions, regionTeamOptions, updateItem } from './alleys.service.js';
import { closeTask, listTasks } from './alleys.tasks.js';

/** 背街小巷巷长制 (docs/ALLEYS.md): the regions, their 六有 and the alley heads' inspections. */
const tags = ['alleys'];

export async function alleysRoutes(app: App): Promise<void> {
  app.get(
    '/alley-regions',
    { schema: { tags, querystring: ZAlleyRegionQuery, response: { 200: ZAlleyRegionList } } },
    async (req) => listRegions({ db: app.db, actor: authorize(req, 'alleys.read'), query: req.query }),
  );

  app.get(
    '/alley-regions/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZAlleyRegionDetail } } },
    async (req) => getRegion({ db: app.db, actor: authorize(req, 'alleys.read'), id: req.params.id }),
  );

  app.post(
    '/alley-regions/:id/inspections',
    { schema: { tags, params: ZIdParams, body: ZCreateInspection, response: { 201: ZAlleyInspection } } },
    async (req, reply) => {
      const actor = authorize(req, 'alleys.inspect');
      return reply.status(201).send(await createInspection({ db: app.db, actor, id: req.params.id, input: req.body }));
    },
  );

  app.patch(
    '/alley-regions/:id/items/:item',
    { schema: { tags, params: ZAlleyItemParams, body: ZUpdateAlleyItem, response: { 200: ZAlleyItem } } },
    async (req) =>
      updateItem({
        db: app.db,
        actor: authorize(req, 'alleys.manage'),
        id: req.params.id,
        item: req.params.item,
        input: req.body,
      }),
  );

  app.get(
    '/alley-inspections',
    { schema: { tags, querystring: ZAlleyInspectionQuery, response: { 200: ZAlleyInspectionList } } },
    async (req) => listInspections({ db: app.db, actor: authorize(req, 'alleys.read'), query: req.query }),
  );
  app.get(
    '/alley-regions/:id/volunteer-teams',
    { schema: { tags, params: ZIdParams, response: { 200: ZAlleyTeamOptions } } },
    async (req) => regionTeamOptions({ db: app.db, actor: authorize(req, 'alleys.manage'), id: req.params.id }),
  );
  photoRoutes(app);
  documentRoutes(app);
  taskRoutes(app);
}

/** PDFs of the guideline and the residents' pact: uploaded and removed by whoever keeps the evidence. */
function documentRoutes(app: App): void {
  app.post(
    '/alley-regions/:id/items/:item/documents',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        params: ZAlleyDocumentItemParams,
        response: { 201: ZAlleyDocument },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'alleys.manage');
      const input = await receiveDocument(req);
      const doc = await storeItemDocument({
        db: app.db,
        actor,
        uploadsRoot: uploadsDir(app.config),
        regionId: req.params.id,
        item: req.params.item,
        input,
      });
      return reply.status(201).send(doc);
    },
  );
  app.get('/alley-regions/documents/:docId', { schema: { tags, params: ZAlleyDocumentParams } }, async (req, reply) => {
    const doc = await loadItemDocument(app.db, authorize(req, 'alleys.read'), req.params.docId);
    const file = await openUpload(uploadsDir(app.config), doc.path, 'alley_document');
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-length', file.size)
      .send(file.stream);
  });
  app.delete(
    '/alley-regions/documents/:docId',
    { schema: { tags, params: ZAlleyDocumentParams } },
    async (req, reply) => {
      const actor = authorize(req, 'alleys.manage');
      await deleteItemDocument({ db: app.db, actor, uploadsRoot: uploadsDir(app.config), id: req.params.docId });
      return reply.status(204).send();
    },
  );
}

/** 整改任务: listed to whoever sees the region; closed by its heads and staff, cancelled by staff. */
function taskRoutes(app: App): void {
  app.get(
    '/alley-tasks',
    { schema: { tags, querystring: ZAlleyTaskQuery, response: { 200: ZAlleyTaskList } } },
    async (req) => listTasks({ db: app.db, actor: authorize(req, 'alleys.read'), query: req.query }),
  );
  app.post(
    '/alley-tasks/:id/done',
    { schema: { tags, params: ZIdParams, body: ZCloseAlleyTask, response: { 200: ZAlleyTask } } },
    async (req) =>
      closeTask({
        db: app.db,
        actor: authorize(req, 'alleys.read'),
        id: req.params.id,
        outcome: 'done',
        note: req.body.note,
      }),
  );
  app.post(
    '/alley-tasks/:id/cancel',
    { schema: { tags, params: ZIdParams, body: ZCancelAlleyTask, response: { 200: ZAlleyTask } } },
    async (req) =>
      closeTask({
        db: app.db,
        actor: authorize(req, 'alleys.manage'),
        id: req.params.id,
        outcome: 'cancelled',
        note: req.body.reason,
      }),
  );
}

/** Evidence photos of an item: uploaded by whoever keeps the region's evidence, served to whoever sees the region. */
function photoRoutes(app: App): void {
  app.post(
    '/alley-regions/:id/items/:item/photos',
    {
      schema: { tags, consumes: ['multipart/form-data'], params: ZAlleyItemParams, response: { 201: ZAlleyPhoto } },
    },
    async (req, reply) => {
      const actor = authorize(req, 'alleys.manage');
      const input = await receivePhoto(req);
      const photo = await storeItemPhoto({
        db: app.db,
        actor,
        uploadsRoot: uploadsDir(app.config),
        regionId: req.params.id,
        item: req.params.item,
        input,
        locale: req.locale,
      });
      return reply.status(201).send(photo);
    },
  );
  const serve =
    (variant: 'full' | 'thumb') =>
    async (req: FastifyRequest<{ Params: { photoId: string } }>, reply: FastifyReply) => {
      const photo = await loadItemPhoto(app.db, authorize(req, 'alleys.read'), req.params.photoId);
      const file = await openUpload(
        uploadsDir(app.config),
        variant === 'full' ? photo.path : photo.thumbPath,
        'alley_region',
      );
      // The bytes behind an id never change: private (access-checked) but cacheable.
      return reply
        .type('image/jpeg')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-length', file.size)
        .send(file.stream);
    };
  app.get('/alley-regions/photos/:photoId', { schema: { tags, params: ZAlleyPhotoParams } }, serve('full'));
  app.get('/alley-regions/photos/:photoId/thumb', { schema: { tags, params: ZAlleyPhotoParams } }, serve('thumb'));
}
