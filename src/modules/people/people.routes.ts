import { authorize } from '../../core/auth/plugin.js';
import { ZIdParams, ZOk } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import {
  ZCreatePerson,
  ZPerson,
  ZPersonList,
  ZPersonListQuery,
  ZRevealRequest,
  ZRevealResponse,
  ZUpdatePerson,
} from './people.contracts.js';
import { peopleExcelRoutes } from './people.excel.routes.js';
import { createPerson, deletePerson, getPerson, listPeople, revealPerson, updatePerson } from './people.service.js';

const tags = ['people'];

export async function peopleRoutes(app: App): Promise<void> {
  app.get(
    '/people',
    { schema: { tags, querystring: ZPersonListQuery, response: { 200: ZPersonList } } },
    async (req) => {
      const actor = authorize(req, 'people.read');
      return listPeople({ db: app.db, actor, query: req.query });
    },
  );

  app.get('/people/:id', { schema: { tags, params: ZIdParams, response: { 200: ZPerson } } }, async (req) => {
    const actor = authorize(req, 'people.read');
    return getPerson({ db: app.db, actor, id: req.params.id });
  });

  app.post('/people', { schema: { tags, body: ZCreatePerson, response: { 201: ZPerson } } }, async (req, reply) => {
    const actor = authorize(req, 'people.write');
    return reply.status(201).send(await createPerson({ db: app.db, actor, input: req.body }));
  });

  app.patch(
    '/people/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdatePerson, response: { 200: ZPerson } } },
    async (req) => {
      const actor = authorize(req, 'people.write');
      return updatePerson({ db: app.db, actor, id: req.params.id, input: req.body });
    },
  );

  app.delete('/people/:id', { schema: { tags, params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    const actor = authorize(req, 'people.write');
    await deletePerson({ db: app.db, actor, id: req.params.id });
    return { ok: true as const };
  });

  app.post(
    '/people/:id/reveal',
    {
      schema: { tags, params: ZIdParams, body: ZRevealRequest, response: { 200: ZRevealResponse } },
    },
    async (req) => {
      const actor = authorize(req, 'people.reveal');
      return revealPerson({ db: app.db, actor, id: req.params.id, ...req.body });
    },
  );

  await peopleExcelRoutes(app);
}
