import { authorize } from '../../core/auth/plugin.js';
import { ZIdParams, ZOk } from '../../core/contracts.js';
import { AppError } from '../../core/errors.js';
import { insideCounty } from '../../core/geo.js';
import type { App } from '../../core/http/types.js';
import {
  ZCreateGrid,
  ZFeatureCollection,
  ZGeoJsonQuery,
  ZGridDetail,
  ZGridList,
  ZGridListQuery,
  ZGridTree,
  ZGridTreeQuery,
  ZLocateQuery,
  ZLocateResponse,
  ZUpdateGrid,
} from './grid.contracts.js';
import { locateGrid } from './grid.locate.js';
import {
  createGrid,
  deleteGrid,
  getGrid,
  gridFeatures,
  gridSummary,
  gridTree,
  listGrids,
  updateGrid,
} from './grid.service.js';

const tags = ['grids'];

export async function gridRoutes(app: App): Promise<void> {
  app.get('/grids', { schema: { tags, querystring: ZGridListQuery, response: { 200: ZGridList } } }, async (req) => {
    authorize(req, 'grid.read');
    return listGrids({ db: app.db, query: req.query });
  });

  app.get(
    '/grids/tree',
    { schema: { tags, querystring: ZGridTreeQuery, response: { 200: ZGridTree } } },
    async (req) => {
      authorize(req, 'grid.read');
      return gridTree({ db: app.db, ...req.query });
    },
  );

  app.get(
    '/grids/geojson',
    { schema: { tags, querystring: ZGeoJsonQuery, response: { 200: ZFeatureCollection } } },
    async (req) => {
      authorize(req, 'grid.read');
      return gridFeatures({ db: app.db, ...req.query });
    },
  );

  app.get(
    '/grids/locate',
    { schema: { tags, querystring: ZLocateQuery, response: { 200: ZLocateResponse } } },
    async (req) => {
      authorize(req, 'grid.read');
      const { lng, lat } = req.query;
      if (!insideCounty(lng, lat)) throw new AppError('OUTSIDE_COUNTY');
      const id = await locateGrid({ db: app.db, lng, lat });
      if (!id) throw new AppError('NOT_FOUND', { entity: 'grid' });
      return { grid: await gridSummary({ db: app.db, id }) };
    },
  );

  app.get('/grids/:id', { schema: { tags, params: ZIdParams, response: { 200: ZGridDetail } } }, async (req) => {
    authorize(req, 'grid.read');
    return getGrid({ db: app.db, id: req.params.id });
  });

  app.post('/grids', { schema: { tags, body: ZCreateGrid, response: { 201: ZGridDetail } } }, async (req, reply) => {
    const actor = authorize(req, 'grid.write');
    return reply.status(201).send(await createGrid({ db: app.db, actor, input: req.body }));
  });

  app.patch(
    '/grids/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateGrid, response: { 200: ZGridDetail } } },
    async (req) => {
      const actor = authorize(req, 'grid.write');
      return updateGrid({ db: app.db, actor, id: req.params.id, input: req.body });
    },
  );

  app.delete('/grids/:id', { schema: { tags, params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    const actor = authorize(req, 'grid.write');
    await deleteGrid({ db: app.db, actor, id: req.params.id });
    return { ok: true as const };
  });
}
