import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { sendList, sendObject, XML_SHAPES } from './open311.format.js';
import {
  formatOf,
  localeOf,
  registerFormParser,
  registerGatewayErrors,
  registerKeyCheck,
  requestParams,
  requireClient,
} from './open311.gateway.js';
import { checkJurisdiction, clientActor, requestOfToken, submitRequest } from './open311.intake.js';
import { invalid, list, one, type Params, w3cDate } from './open311.params.js';
import { findRequests, type RequestFilter } from './open311.requests.js';
import { listServices, serviceDefinition } from './open311.services.js';

/**
 * Open311 GeoReport v2 at /open311/v2 (docs/OPEN311.md): discovery, services, service definitions, requests (list,
 * one, raise) and tokens, each as .json and .xml. Outside /api: no session, no cookie; a client shows its api_key.
 * Hidden from the app's OpenAPI document, whose error shape and contracts these routes do not follow: their
 * contract is the GeoReport v2 specification, checked by open311.conformance.api.test.ts.
 */
const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 90;
const FORMATS = ['json', 'xml'] as const;
const hidden = { hide: true };
const keyed = { open311Key: true };

/** "GZ2027-000123.json" → the id and the format; anything else is the JSON 404. */
function fileParam(req: FastifyRequest<{ Params: { file: string } }>): string {
  const m = /^(.+)\.(json|xml)$/i.exec(req.params.file);
  if (!m) throw new AppError('NOT_FOUND', { entity: 'unknown_route' });
  return decodeURIComponent(m[1]);
}

/** GET requests' filters: ids, services, the window (90 days back from end_date, or from now), status. */
export function requestFilter(p: Params, now: Date): RequestFilter {
  const ids = list(p, 'service_request_id');
  const serviceCodes = list(p, 'service_code');
  const start = w3cDate(p, 'start_date');
  const end = w3cDate(p, 'end_date');
  const status = one(p, 'status', 20);
  if (status !== undefined && status !== 'open' && status !== 'closed') throw invalid('status', 'open or closed');
  const to = end ?? (start ? new Date(Math.min(now.getTime(), start.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS)) : now);
  const from = start ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (from >= to) throw invalid('start_date', 'before end_date');
  return { ids, serviceCodes, from, to, status };
}

function discovery(req: FastifyRequest) {
  const url = `${req.protocol}://${req.host}/open311/v2`;
  return {
    changeset: '2026-12-07T00:00:00+08:00',
    contact: 'Guangze County 联建共治 platform (county administration office)',
    key_service: 'Keys are issued by the county administrator in the web app (系统 → 外部系统接入)',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url,
        changeset: '2026-12-07T00:00:00+08:00',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

function readRoutes(app: FastifyInstance): void {
  for (const f of FORMATS) {
    app.get(`/discovery.${f}`, { schema: hidden }, async (req, reply) =>
      sendObject(reply, f, 'discovery', discovery(req)),
    );
    app.get(`/services.${f}`, { schema: hidden }, async (req, reply) => {
      checkJurisdiction(requestParams(req));
      return sendList(reply, f, XML_SHAPES.services, await listServices(app.db, localeOf(req)));
    });
    app.get(`/requests.${f}`, { schema: hidden, config: keyed }, async (req, reply) => {
      const p = requestParams(req);
      checkJurisdiction(p);
      const filter = requestFilter(p, clock.now());
      return sendList(reply, f, XML_SHAPES.requests, await findRequests(app.db, filter, localeOf(req)));
    });
  }
  app.get<{ Params: { file: string } }>('/services/:file', { schema: hidden }, async (req, reply) => {
    const code = fileParam(req);
    checkJurisdiction(requestParams(req));
    const definition = await serviceDefinition(app.db, code, localeOf(req));
    if (!definition) throw new AppError('NOT_FOUND', { entity: 'unknown_route' });
    return sendObject(reply, formatOf(req), 'service_definition', definition);
  });
  app.get<{ Params: { file: string } }>('/requests/:file', { schema: hidden, config: keyed }, async (req, reply) => {
    const id = fileParam(req);
    checkJurisdiction(requestParams(req));
    const far = { from: new Date(0), to: new Date(8.64e15) };
    const found = await findRequests(app.db, { ids: [id], ...far }, localeOf(req));
    if (found.length === 0) throw new AppError('NOT_FOUND', { entity: 'case' });
    return sendList(reply, formatOf(req), XML_SHAPES.requests, found);
  });
  app.get<{ Params: { file: string } }>('/tokens/:file', { schema: hidden, config: keyed }, async (req, reply) => {
    const token = fileParam(req);
    checkJurisdiction(requestParams(req));
    const number = await requestOfToken(app.db, requireClient(req), token);
    if (!number) throw new AppError('NOT_FOUND', { entity: 'case' });
    return sendList(reply, formatOf(req), XML_SHAPES.requests, [{ token, service_request_id: number }]);
  });
}

function writeRoutes(app: FastifyInstance): void {
  for (const f of FORMATS) {
    app.post(`/requests.${f}`, { schema: hidden, config: keyed }, async (req, reply) => {
      const p = requestParams(req);
      checkJurisdiction(p);
      const holder = requireClient(req);
      const key = req.headers['idempotency-key'];
      const answer = await submitRequest({
        db: app.db,
        actor: clientActor(holder, { ip: req.ip, requestId: String(req.id) }),
        params: p,
        idempotencyKey: typeof key === 'string' && key !== '' ? key : undefined,
      });
      const item = { service_request_id: answer.number, token: answer.token, service_notice: '', account_id: '' };
      return sendList(reply, f, XML_SHAPES.requests, [item], 201);
    });
  }
}

/** Registered at /open311/v2 by src/modules/index.ts (registerGateways). */
export async function open311GatewayRoutes(app: FastifyInstance): Promise<void> {
  registerFormParser(app);
  registerGatewayErrors(app);
  registerKeyCheck(app);
  readRoutes(app);
  writeRoutes(app);
}
