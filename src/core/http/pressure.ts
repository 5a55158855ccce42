/**
 * @fastify/under-pressure: while the process is over a limit (mean event-loop delay, V8 heap in use, resident memory,
 * event-loop utilisation; sampled every PRESSURE_SAMPLE_MS, limits from config, a limit of 0 unchecked) a request is
 * answered 503 SERVER_BUSY with Retry-After in the API's error shape, before the session is looked up or anything
 * else is spent on it. GET /api/health/live and /metrics are exempt: a busy process is still alive (an orchestrator
 * must not kill it for being busy), and its metrics are how an operator sees why. Readiness is not exempt: a busy
 * process should get no new traffic from a load balancer. UNDER_PRESSURE=off registers nothing.
 */
import fastifyUnderPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import type { PressureConfig } from '../config.js';
import { AppError } from '../errors.js';
import { pickLocale } from '../i18n.js';
import { METRICS_PATH } from '../metrics/plugin.js';
import { LIVE_PATH } from '../readiness.js';

export const BUSY_RETRY_AFTER_SECONDS = 5;

const EXEMPT: ReadonlySet<string> = new Set([LIVE_PATH, METRICS_PATH]);

export async function registerUnderPressure(
  app: FastifyInstance,
  config: PressureConfig,
  onRefused?: (reason: string) => void,
): Promise<void> {
  if (!config.enabled) return;
  await app.register(fastifyUnderPressure, {
    sampleInterval: config.sampleMs,
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    maxHeapUsedBytes: config.maxHeapUsedBytes,
    maxRssBytes: config.maxRssBytes,
    maxEventLoopUtilization: config.maxEventLoopUtilization,
    // Answering undefined lets the request through; a rejection goes to the error handler (our shape and language).
    pressureHandler: (req, reply, type) => {
      if (EXEMPT.has(req.routeOptions.url ?? '')) return;
      onRefused?.(type);
      // The session plugin, which sets the language, has not run yet.
      req.locale = pickLocale(req.headers['accept-language']);
      reply.header('retry-after', BUSY_RETRY_AFTER_SECONDS);
      const seconds = BUSY_RETRY_AFTER_SECONDS;
      return Promise.reject(new AppError('SERVER_BUSY', { seconds }, { retryAfterSeconds: seconds }));
    },
  });
}
