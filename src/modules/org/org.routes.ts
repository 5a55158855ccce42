import { z } from 'zod';
import { authorize } from '../../core/auth/plugin.js';
import { ZIdParams, ZOk } from '../../core/contracts.js';
import type { App } from '../../core/http/types.js';
import { ZCsv } from '../../core/list.js';
import {
  ZCreateOrganisation,
  ZOrganisation,
  ZOrganisationList,
  ZOrgKind,
  ZOrgListQuery,
  ZOrgTree,
  ZUpdateOrganisation,
} from './org.contracts.js';
import { assertCanWriteOrganisations } from './org.policy.js';
import {
  type MemberCounter,
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  listOrganisations,
  organisationTree,
  updateOrganisation,
} from './org.service.js';

const tags = ['organisations'];

export interface OrgRoutesOptions {
  /** The members module's count per organisation (see MemberCounter). */
  countMembers: MemberCounter;
}

export async function orgRoutes(app: App, { countMembers }: OrgRoutesOptions): Promise<void> {
  app.get(
    '/organisations',
    { schema: { tags, querystring: ZOrgListQuery, response: { 200: ZOrganisationList } } },
    async (req) => {
      authorize(req, 'org.read');
      return listOrganisations({ db: app.db, query: req.query, countMembers });
    },
  );

  app.get(
    '/organisations/tree',
    {
      schema: {
        tags,
        querystring: z.object({ kind: ZCsv.pipe(z.array(ZOrgKind)).optional() }),
        response: { 200: ZOrgTree },
      },
    },
    async (req) => {
      authorize(req, 'org.read');
      return organisationTree({ db: app.db, kinds: req.query.kind });
    },
  );

  app.get(
    '/organisations/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZOrganisation } } },
    async (req) => {
      authorize(req, 'org.read');
      return getOrganisation({ db: app.db, id: req.params.id, countMembers });
    },
  );

  app.post(
    '/organisations',
    { schema: { tags, body: ZCreateOrganisation, response: { 201: ZOrganisation } } },
    async (req, reply) => {
      const actor = authorize(req, 'org.read');
      assertCanWriteOrganisations(actor);
      return reply.status(201).send(await createOrganisation({ db: app.db, actor, input: req.body, countMembers }));
    },
  );

  app.patch(
    '/organisations/:id',
    {
      schema: { tags, params: ZIdParams, body: ZUpdateOrganisation, response: { 200: ZOrganisation } },
    },
    async (req) => {
      const actor = authorize(req, 'org.read');
      assertCanWriteOrganisations(actor);
      return updateOrganisation({ db: app.db, actor, id: req.params.id, input: req.body, countMembers });
    },
  );

  app.delete('/organisations/:id', { schema: { tags, params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    const actor = authorize(req, 'org.read');
    assertCanWriteOrganisations(actor);
    await deleteOrganisation({ db: app.db, actor, id: req.params.id });
    return { ok: true as const };
  });
}
