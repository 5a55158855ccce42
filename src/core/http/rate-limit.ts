import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LOGIN_ROUTE } from '../auth/plugin.js';
import type { AppConfig } from '../config.js';
import { onPostgres } from '../db.js';
import { AppError } from '../errors.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const WINDOW_MS = 60_000;

type Limiter = (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * Coarse limits on writes (fixed one-minute windows, so a burst up to the limit is fine), counted in `store`: on
 * PostgreSQL the shared table of rate-limit-store.ts, so N processes behind a balancer count together; on PGlite (one
 * process) in this process's memory. Reads are not limited.
 * - every POST/PUT/PATCH/DELETE but login: per user (per address before login), RATE_LIMIT_WRITES_PER_MINUTE;
 *   the default 120 is far above what a person clicks and far below what a script posts;
 * - POST /api/auth/login: per address, RATE_LIMIT_LOGINS_PER_MINUTE, an outer guard in front of the per-account
 *   lockout in modules/auth.
 * Over the limit: 429 RATE_LIMITED with Retry-After and details.retryAfterSeconds. Runs after the session is resolved
 * (the key needs the user) and after the 401 for anonymous calls, so strangers' refused requests are not counted.
 */
export async function registerRateLimits(app: FastifyInstance, config: AppConfig): Promise<void> {
  const store = onPostgres(app.db) ? postgresRateLimitStore(app.db) : null;
  await app.register(fastifyRateLimit, {
    global: false,
    timeWindow: WINDOW_MS,
    // A counter the database could not update lets the write through, to the same database.
    ...(store ? { store, skipOnError: true } : {}),
    // x-ratelimit-* only on a refusal (with Retry-After): nothing reads them on a write that passes, and they were
    // ~70 bytes on every one.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_req, context) =>
      new AppError('RATE_LIMITED', {}, { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  const limiter = (max: number, keyOf: (req: FastifyRequest) => string): Limiter | null =>
    max > 0 ? app.rateLimit({ max, timeWindow: WINDOW_MS, keyGenerator: keyOf }) : null;
  const writes = limiter(config.rateLimitWritesPerMinute, (req) =>
    req.actor ? `user:${req.actor.userId}` : `ip:${req.ip}`,
  );
  const logins = limiter(config.rateLimitLoginsPerMinute, (req) => `login:${req.ip}`);
  app.addHook('onRequest', async function limit(req, reply) {
    if (READS.has(req.method)) return;
    // The Open311 gateway limits each client system by its key itself (modules/open311), not by its one address.
    if (req.routeOptions.url?.startsWith('/open311/')) return;
    const applies = req.routeOptions.url === LOGIN_ROUTE ? logins : writes;
    if (applies) await applies.call(this, req, reply);
  });
}
