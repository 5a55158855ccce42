import { authorize } from '../../../core/auth/plugin.js';
import { ZIdParams, ZOk } from '../../../core/contracts.js';
import type { App } from '../../../core/http/types.js';
import {
  ZCreatePartyMember,
  ZPartyMember,
  ZPartyMemberList,
  ZPartyMemberQuery,
  ZUpdatePartyMember,
} from './members.contracts.js';
import { membersExcelRoutes } from './members.excel.routes.js';
import { createMember, deleteMember, getMember, listMembers, updateMember } from './members.service.js';

const tags = ['party-members'];

export async function membersRoutes(app: App): Promise<void> {
  app.get(
    '/party-members',
    { schema: { tags, querystring: ZPartyMemberQuery, response: { 200: ZPartyMemberList } } },
    async (req) => {
      const actor = authorize(req, 'members.read');
      return listMembers({ db: app.db, actor, query: req.query });
    },
  );

  app.get(
    '/party-members/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZPartyMember } } },
    async (req) => {
      const actor = authorize(req, 'members.read');
      return getMember({ db: app.db, actor, id: req.params.id });
    },
  );

  app.post(
    '/party-members',
    { schema: { tags, body: ZCreatePartyMember, response: { 201: ZPartyMember } } },
    async (req, reply) => {
      const actor = authorize(req, 'members.write');
      return reply.status(201).send(await createMember({ db: app.db, actor, input: req.body }));
    },
  );

  app.patch(
    '/party-members/:id',
    {
      schema: { tags, params: ZIdParams, body: ZUpdatePartyMember, response: { 200: ZPartyMember } },
    },
    async (req) => {
      const actor = authorize(req, 'members.write');
      return updateMember({ db: app.db, actor, id: req.params.id, input: req.body });
    },
  );

  app.delete('/party-members/:id', { schema: { tags, params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    const actor = authorize(req, 'members.write');
    await deleteMember({ db: app.db, actor, id: req.params.id });
    return { ok: true as const };
  });

  await membersExcelRoutes(app);
}
