import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db.js';
import { AppError } from '../errors.js';
import { pickLocale } from '../i18n.js';
import type { Actor } from './actor.js';
import { can, type Permission } from './permissions.js';

export const SESSION_COOKIE = 'lj_session';

export function requestMeta(req: FastifyRequest) {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null, requestId: String(req.id) };
}

export const LOGIN_ROUTE = '/api/auth/login';

/**
 * The only API routes an anonymous caller may reach, by method and route pattern. Every other route under /api
 * answers 401 in onRequest, before its input is parsed or validated, so a stranger learns nothing about a route's
 * schema and sends no body we read. A new public route is added here (and to the test that walks every route).
 * /api/docs is public when it is served at all (API_DOCS).
 */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  `POST ${LOGIN_ROUTE}`,
  'GET /api/health',
  'HEAD /api/health',
  'GET /api/health/live',
  'HEAD /api/health/live',
  'GET /api/health/ready',
  'HEAD /api/health/ready',
]);

/** Whether this request's route needs a logged-in actor (unknown URLs fall through to the JSON 404). */
export function needsLogin(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  if (route === undefined || !route.startsWith('/api/')) return false;
  if (route === '/api/docs' || route.startsWith('/api/docs/')) return false;
  return !PUBLIC_ROUTES.has(`${req.method} ${route}`);
}

/**
 * Turns a session cookie into the actor, or null when the session is unknown or has ended. The identity module
 * provides it (modules/auth: actorForSession) and the composition root (src/app.ts) passes it in, so core reads no
 * module's tables.
 */
export type ResolveActor = (opts: {
  db: Db;
  secret: string;
  token: string;
  meta: ReturnType<typeof requestMeta>;
}) => Promise<Actor | null>;

/** Resolves the session cookie into request.actor on every API request; 401 when the route needs one and there is none. */
export function registerAuth(app: FastifyInstance, opts: { resolveActor: ResolveActor }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
    // The route pattern as well as the URL: /%61pi/people is routed to /api/people.
    if (!req.url.startsWith('/api/') && !req.routeOptions.url?.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.sessionToken = token;
      req.actor = await opts.resolveActor({
        db: app.db,
        secret: app.config.sessionSecret,
        token,
        meta: requestMeta(req),
      });
    }
    if (!req.actor && needsLogin(req)) throw new AppError('UNAUTHENTICATED');
  });
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

/** The logged-in actor, provided they hold the permission (403 otherwise). */
export function authorize(req: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(req);
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
  return actor;
}
