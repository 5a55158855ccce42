import { authorize } from '../../core/auth/plugin.js';
import { ZIdParams, ZOk } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { ZCreateGridDuty, ZGridDuty, ZGridDutyList, ZGridDutyQuery, ZUpdateGridDuty } from './duties.contracts.js';
import { createGridDuty, deleteGridDuty, listGridDuties, updateGridDuty } from './duties.service.js';

/** Grid duties are shown with the grids in the API document. */
const tags = ['grids'];

export async function dutiesRoutes(app: App): Promise<void> {
  app.get(
    '/grid-duties',
    { schema: { tags, querystring: ZGridDutyQuery, response: { 200: ZGridDutyList } } },
    async (req) => {
      const actor = authorize(req, 'grid.read');
      return listGridDuties({ db: app.db, actor, query: req.query });
    },
  );

  app.post(
    '/grid-duties',
    { schema: { tags, body: ZCreateGridDuty, response: { 201: ZGridDuty } } },
    async (req, reply) => {
      const actor = authorize(req, 'duty.write');
      return reply.status(201).send(await createGridDuty({ db: app.db, actor, input: req.body }));
    },
  );

  app.patch(
    '/grid-duties/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateGridDuty, response: { 200: ZGridDuty } } },
    async (req) => {
      const actor = authorize(req, 'duty.write');
      return updateGridDuty({ db: app.db, actor, id: req.params.id, input: req.body });
    },
  );

  app.delete('/grid-duties/:id', { schema: { tags, params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    const actor = authorize(req, 'duty.write');
    await deleteGridDuty({ db: app.db, actor, id: req.params.id });
    return { ok: true as const };
  });
}
