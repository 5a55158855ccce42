import { authorize } from '../../core/auth/plugin.js';
import { ZIdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import {
  ZAlleyInspection,
  ZAlleyInspectionList,
  ZAlleyInspectionQuery,
  ZAlleyItem,
  ZAlleyItemParams,
  ZAlleyRegionDetail,
  ZAlleyRegionList,
  ZAlleyRegionQuery,
  ZCreateInspection,
  ZUpdateAlleyItem,
} from './alleys.contracts.js';
import { listInspections } from './alleys.inspections.js';
import { createInspection, getRegion, listRegions, updateItem } from './alleys.service.js';

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
}
