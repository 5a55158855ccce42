import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorForSession } from '../../modules/auth/auth.service.js';
import { AppError } from '../errors.js';
import { pickLocale } from '../i18n.js';
import type { Actor } from './actor.js';
import { can, type Permission } from './permissions.js';

export const SESSION_COOKIE = 'lj_session';

export function requestMeta(req: FastifyRequest) {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null, requestId: String(req.id) };
}

/** Resolves the session cookie into request.actor on every API request. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    req.sessionToken = token;
    req.actor = await actorForSession({ db: app.db, secret: app.config.sessionSecret, token, meta: requestMeta(req) });
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
