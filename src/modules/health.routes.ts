import { z } from 'zod';
import { formatLocalIso } from '../core/calendar.js';
import { clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import type { App } from '../core/http/types.js';
import { databaseAnswers, NOT_READY_RETRY_AFTER_SECONDS } from '../core/readiness.js';

const ZHealth = z.object({
  status: z.literal('ok'),
  database: z.boolean(),
  /** Business time (core/clock.ts), so the web app shows the same "today" as the server even when they differ. */
  now: z.string(),
  /** The county day of `now` (Asia/Shanghai). */
  today: z.string(),
});

const ZProbe = z.object({ status: z.enum(['live', 'ready']) });

/**
 * GET /api/health for the web app (business time; `database` false when it does not answer in time), and the probes
 * an orchestrator or load balancer asks (core/readiness.ts): live, and ready (503 DATABASE_UNAVAILABLE with
 * Retry-After when the database does not answer). Before the app exists, core/startup-listener.ts answers both.
 */
export async function healthRoutes(app: App): Promise<void> {
  app.get('/health', { schema: { tags: ['system'], response: { 200: ZHealth } } }, async () => ({
    status: 'ok' as const,
    database: await databaseAnswers(app.db),
    now: formatLocalIso(clock.now()),
    today: clock.today(),
  }));
  app.get('/health/live', { schema: { tags: ['system'], response: { 200: ZProbe } } }, async () => ({
    status: 'live' as const,
  }));
  app.get('/health/ready', { schema: { tags: ['system'], response: { 200: ZProbe } } }, async (_req, reply) => {
    if (!(await databaseAnswers(app.db))) {
      reply.header('retry-after', NOT_READY_RETRY_AFTER_SECONDS);
      throw new AppError('DATABASE_UNAVAILABLE');
    }
    return { status: 'ready' as const };
  });
}
