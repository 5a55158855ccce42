import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../core/errors.js';
import { pickLocale, translateError } from '../../core/i18n.js';
import { CONTENT_TYPES, type Format, sendList, XML_SHAPES } from './open311.format.js';
import type { GatewayLocale } from './open311.i18n.js';
import { type KeyHolder, holderOfKey, markKeyUsed } from './open311.keys.js';
import { one, type Params, paramsOf, parseForm } from './open311.params.js';
import { assertKeyUsable } from './open311.policy.js';

/**
 * The gateway's plumbing, shared by its routes (open311.gateway.routes.ts): form bodies, the api_key and its rate
 * limit, and GeoReport v2's error answers. It runs in its own Fastify context, so none of it reaches /api.
 */
declare module 'fastify' {
  interface FastifyRequest {
    open311Client?: KeyHolder | null;
  }
  interface FastifyContextConfig {
    /** The route needs an Open311 api_key. */
    open311Key?: boolean;
  }
}

const WINDOW_MS = 60_000;
/** Calls without a key (discovery, services) are limited per address. */
const ANONYMOUS_PER_MINUTE = 600;

export function formatOf(req: FastifyRequest): Format {
  const url = req.url.split('?')[0];
  return /\.xml$/i.test(url) ? 'xml' : 'json';
}

export function localeOf(req: FastifyRequest): GatewayLocale {
  return pickLocale(req.headers['accept-language']);
}

export function requestParams(req: FastifyRequest): Params {
  return paramsOf(req.query, req.method === 'POST' ? req.body : undefined);
}

/** Open311 clients POST forms; JSON bodies are parsed by the app already. The parser lives in this context only. */
export function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseForm(String(body)));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

/**
 * The api_key (query or body), checked before the handler: unknown → 401, revoked → 403. Where a route needs one
 * (`config.open311Key`), its absence is a 401 too. Then the rate limit, per key, else per address.
 */
export function registerKeyCheck(app: FastifyInstance): void {
  const limiter = app.hasDecorator('rateLimit')
    ? app.rateLimit({
        timeWindow: WINDOW_MS,
        max: (req) => req.open311Client?.requestsPerMinute ?? ANONYMOUS_PER_MINUTE,
        keyGenerator: (req) => (req.open311Client ? `open311:${req.open311Client.id}` : `open311-ip:${req.ip}`),
      })
    : null;
  app.addHook('preHandler', async function checkKey(req, reply) {
    const key = one(requestParams(req), 'api_key', 200);
    const needed = req.routeOptions.config.open311Key === true;
    if (key === undefined && needed) throw new AppError('UNAUTHENTICATED');
    if (key !== undefined) {
      const holder = await holderOfKey(app.db, key);
      if (!holder) throw new AppError('UNAUTHENTICATED');
      assertKeyUsable(holder);
      req.open311Client = holder;
      await markKeyUsed(app.db, key, holder);
    }
    if (limiter) await limiter.call(this, req, reply);
  });
}

export function requireClient(req: FastifyRequest): KeyHolder {
  if (!req.open311Client) throw new AppError('UNAUTHENTICATED');
  return req.open311Client;
}

/** GeoReport's description of an error: the app's message, and which parameter was wrong and why. */
function describe(req: FastifyRequest, e: AppError): string {
  const message = translateError(localeOf(req), e.code, e.params);
  const details = Array.isArray(e.details)
    ? (e.details as { path?: string; message?: string }[]).map((d) => `${d.path ?? ''}: ${d.message ?? ''}`).join('; ')
    : '';
  return details ? `${message} (${details})` : message;
}

function toGatewayError(err: FastifyError): AppError {
  if (isAppError(err)) return err;
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError('VALIDATION_FAILED');
  return new AppError('INTERNAL');
}

export function sendGatewayError(req: FastifyRequest, reply: FastifyReply, e: AppError): FastifyReply {
  const retry = (e.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (retry) reply.header('retry-after', String(retry));
  return sendList(
    reply,
    formatOf(req),
    XML_SHAPES.errors,
    [{ code: e.status, description: describe(req, e) }],
    e.status,
  );
}

/** Every error under /open311/v2 in GeoReport's shape, with the app's status codes; a 500 is logged, never detailed. */
export function registerGatewayErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const e = toGatewayError(err);
    if (e.code === 'INTERNAL') req.log.error({ err }, 'open311: unhandled error');
    return sendGatewayError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => {
    reply.type(CONTENT_TYPES[formatOf(req)]);
    return sendGatewayError(req, reply, new AppError('NOT_FOUND', { entity: 'unknown_route' }));
  });
}
