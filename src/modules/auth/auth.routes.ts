import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { prepareDummyHash } from '../../core/auth/password.js';
import { requestMeta, requireActor, SESSION_COOKIE } from '../../core/auth/plugin.js';
import { isAppError } from '../../core/errors.js';
import type { App } from '../../core/http/types.js';
import { ZChangePasswordRequest, ZLoginRequest, ZMeResponse } from './auth.contracts.js';
import { changePassword, describeActor, login, logout } from './auth.service.js';

const ZOk = z.object({ ok: z.literal(true) });

/** A throttled password check (429 LOGIN_THROTTLED) also says when to come back, in the standard header. */
async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isAppError(err) && err.code === 'LOGIN_THROTTLED') reply.header('Retry-After', String(err.params.seconds));
    throw err;
  }
}

export async function authRoutes(app: App): Promise<void> {
  const session = { idleMinutes: app.config.sessionIdleMinutes, maxHours: app.config.sessionMaxHours };
  prepareDummyHash().catch(() => undefined);

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: ZLoginRequest, response: { 200: ZOk } },
    },
    async (req, reply) => {
      const result = await withRetryAfter(reply, () =>
        login({
          db: app.db,
          secret: app.config.sessionSecret,
          ...req.body,
          meta: requestMeta(req),
          session,
        }),
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.nodeEnv === 'production',
        maxAge: session.maxHours * 3600,
      });
      return { ok: true as const };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 200: ZOk } } }, async (req, reply) => {
    const actor = requireActor(req);
    await logout({ db: app.db, secret: app.config.sessionSecret, token: req.sessionToken ?? '', actor });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: ZMeResponse } } }, async (req) => {
    return describeActor({ db: app.db, actor: requireActor(req) });
  });

  app.post(
    '/auth/change-password',
    {
      schema: { tags: ['auth'], body: ZChangePasswordRequest, response: { 200: ZOk } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await withRetryAfter(reply, () =>
        changePassword({
          db: app.db,
          secret: app.config.sessionSecret,
          actor,
          ...req.body,
          currentToken: req.sessionToken ?? '',
        }),
      );
      return { ok: true as const };
    },
  );
}
