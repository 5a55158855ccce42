import { authorize } from '../../core/auth/plugin.js';
import { ZIdParams } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import {
  ZCreatedOpen311Client,
  ZCreateOpen311Client,
  ZOpen311Client,
  ZOpen311ClientList,
} from './open311.contracts.js';
import { createOpen311Client, listOpen311Clients, revokeOpen311Client } from './open311.service.js';

const tags = ['open311'];

/** The county admin's page of Open311 client systems (外部系统接入): list, create (the key shown once), revoke. */
export async function open311ClientRoutes(app: App): Promise<void> {
  app.get('/open311-clients', { schema: { tags, response: { 200: ZOpen311ClientList } } }, async (req) => {
    authorize(req, 'open311.clients');
    return listOpen311Clients({ db: app.db });
  });
  app.post(
    '/open311-clients',
    { schema: { tags, body: ZCreateOpen311Client, response: { 201: ZCreatedOpen311Client } } },
    async (req, reply) => {
      const actor = authorize(req, 'open311.clients');
      return reply.status(201).send(await createOpen311Client({ db: app.db, actor, input: req.body }));
    },
  );
  app.post(
    '/open311-clients/:id/revoke',
    { schema: { tags, params: ZIdParams, response: { 200: ZOpen311Client } } },
    async (req) => {
      const actor = authorize(req, 'open311.clients');
      return revokeOpen311Client({ db: app.db, actor, id: req.params.id });
    },
  );
}
