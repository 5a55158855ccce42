import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { localDayOf } from '../../../core/calendar.js';
import { ZOk } from '../../../core/contracts.js';
import { sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import {
  FROM_CASE_DEFAULTS,
  ZCaseParams,
  ZCreateNeed,
  ZCreateResource,
  ZIdParams,
  ZNeedFromCase,
  ZNeedList,
  ZNeedListQuery,
  ZNeedPoints,
  ZNeedView,
  ZResourceList,
  ZResourceListQuery,
  ZResourceView,
  ZUpdateNeed,
  ZUpdateResource,
} from './needs.contracts.js';
import { exportNeeds, exportResources } from './needs.export.js';
import {
  allNeeds,
  createNeed,
  deleteNeed,
  getNeed,
  listNeeds,
  needFromCase,
  toPoint,
  updateNeed,
} from './needs.service.js';
import { createResource, deleteResource, getResource, listResources, updateResource } from './resources.service.js';
import { clock } from '../../../core/clock.js';

const today = () => localDayOf(clock.now());
const year = () => Number(today().slice(0, 4));
const MAP_CAP = 5000;
const tags = ['needs'];
const rtags = ['resources'];

/** 三张清单: the needs list (需求清单) and the resources list (资源清单). Role and scope checks live in the services. */
export async function needsRoutes(app: App): Promise<void> {
  needListRoutes(app);
  needCreateRoutes(app);
  needRecordRoutes(app);
  resourceListRoutes(app);
  resourceRecordRoutes(app);
}

/** The needs list, its map and its Excel export. */
function needListRoutes(app: App): void {
  app.get(
    '/needs',
    {
      schema: {
        tags,
        summary: 'List needs (filters: community, status, priority, domain, source, unit, q)',
        querystring: ZNeedListQuery,
        response: { 200: ZNeedList },
      },
    },
    async (req) => {
      return listNeeds({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, year: year() });
    },
  );
  app.get(
    '/needs/map',
    {
      schema: {
        tags,
        summary: 'Needs as points for the map (same filters, up to 5,000)',
        querystring: ZNeedListQuery,
        response: { 200: ZNeedPoints },
      },
    },
    async (req) => {
      const all = await allNeeds({
        db: app.db,
        actor: requireActor(req),
        query: req.query,
        year: year(),
        cap: MAP_CAP,
      });
      return { items: all.items.map(toPoint), truncated: all.truncated };
    },
  );
  app.get(
    '/needs/export.xlsx',
    { schema: { tags, summary: 'Export needs (Excel)', querystring: ZNeedListQuery } },
    async (req, reply) => {
      return sendWorkbook(
        req,
        reply,
        await exportNeeds({
          db: app.db,
          actor: authorize(req, 'cobuild.read'),
          query: req.query,
          year: year(),
          today: today(),
        }),
      );
    },
  );
}

/** A new need, typed in or raised from a case. */
function needCreateRoutes(app: App): void {
  app.post(
    '/needs',
    { schema: { tags, summary: 'Enter a need', body: ZCreateNeed, response: { 201: ZNeedView } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await createNeed({ db: app.db, actor, input: req.body });
      return reply.status(201).send(await getNeed({ db: app.db, actor, id, year: year() }));
    },
  );
  app.post(
    '/needs/from-case/:caseId',
    {
      schema: {
        tags,
        summary: 'Mark a case as a need (one need per case; asking again returns it)',
        params: ZCaseParams,
        body: ZNeedFromCase,
        response: { 200: ZNeedView, 201: ZNeedView },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const made = await needFromCase({
        db: app.db,
        actor,
        caseId: req.params.caseId,
        input: req.body ?? FROM_CASE_DEFAULTS,
      });
      return reply
        .status(made.created ? 201 : 200)
        .send(await getNeed({ db: app.db, actor, id: made.id, year: year() }));
    },
  );
}

/** One need: read, edit, delete. */
function needRecordRoutes(app: App): void {
  app.get(
    '/needs/:id',
    { schema: { tags, summary: 'One need', params: ZIdParams, response: { 200: ZNeedView } } },
    async (req) => {
      return getNeed({ db: app.db, actor: authorize(req, 'cobuild.read'), id: req.params.id, year: year() });
    },
  );
  app.patch(
    '/needs/:id',
    {
      schema: {
        tags,
        summary: 'Edit a need (optimistic version)',
        params: ZIdParams,
        body: ZUpdateNeed,
        response: { 200: ZNeedView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await updateNeed({ db: app.db, actor, id: req.params.id, input: req.body, year: year() });
      return getNeed({ db: app.db, actor, id: req.params.id, year: year() });
    },
  );
  app.delete(
    '/needs/:id',
    { schema: { tags, summary: 'Delete a need that no match refers to', params: ZIdParams, response: { 200: ZOk } } },
    async (req) => {
      await deleteNeed({ db: app.db, actor: requireActor(req), id: req.params.id, year: year() });
      return { ok: true as const };
    },
  );
}

/** The resources list, its Excel export, and a new resource. */
function resourceListRoutes(app: App): void {
  app.get(
    '/resources',
    {
      schema: {
        tags: rtags,
        summary: 'List resources (filters: unit, kind, unit of measure, availableOn, q)',
        querystring: ZResourceListQuery,
        response: { 200: ZResourceList },
      },
    },
    async (req) => {
      return listResources({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query });
    },
  );
  app.get(
    '/resources/export.xlsx',
    { schema: { tags: rtags, summary: 'Export resources (Excel)', querystring: ZResourceListQuery } },
    async (req, reply) => {
      return sendWorkbook(
        req,
        reply,
        await exportResources({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, today: today() }),
      );
    },
  );
  app.post(
    '/resources',
    {
      schema: {
        tags: rtags,
        summary: 'Offer a resource (a unit admin for its unit)',
        body: ZCreateResource,
        response: { 201: ZResourceView },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await createResource({ db: app.db, actor, input: req.body });
      return reply.status(201).send(await getResource({ db: app.db, actor, id }));
    },
  );
}

/** One resource: read, edit, delete. */
function resourceRecordRoutes(app: App): void {
  app.get(
    '/resources/:id',
    { schema: { tags: rtags, summary: 'One resource', params: ZIdParams, response: { 200: ZResourceView } } },
    async (req) => {
      return getResource({ db: app.db, actor: authorize(req, 'cobuild.read'), id: req.params.id });
    },
  );
  app.patch(
    '/resources/:id',
    {
      schema: {
        tags: rtags,
        summary: 'Edit a resource (optimistic version)',
        params: ZIdParams,
        body: ZUpdateResource,
        response: { 200: ZResourceView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await updateResource({ db: app.db, actor, id: req.params.id, input: req.body });
      return getResource({ db: app.db, actor, id: req.params.id });
    },
  );
  app.delete(
    '/resources/:id',
    {
      schema: {
        tags: rtags,
        summary: 'Delete a resource that no match refers to',
        params: ZIdParams,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await deleteResource({ db: app.db, actor: requireActor(req), id: req.params.id });
      return { ok: true as const };
    },
  );
}
