/**
 * @fastify/under-pressure: while the process is over a limit (event-loop delay, V8 heap in use, resident memory,
 * event-loop utilisation; sampled every PRESSURE_SAMPLE_MS, limits from config, a limit of 0 unchecked) a request is
 * answered 503 SERVER_BUSY with Retry-After in the API's error shape, before the session is looked up or anything
 * else is spent on it. GET /api/health/live and /metrics are exempt: a busy process is still alive (an orchestrator
 * must not kill it for being busy), and its metrics are how an operator sees why. Readiness is not exempt: a busy
 * process should get no new traffic from a load balancer. UNDER_PRESSURE=off registers nothing.
 * The event-loop delay is measured here (loopLag), not by the plugin: its histogram starts when the app is built and
 * counts the synchronous work of start-up (training the classifier, ~0.4 s, seconds on a loaded machine) against the
 * first second of serving, and a window without a sample reads as an infinite delay; both refused requests of a
 * worker that had just started and was idle (seen with WORKERS=2).
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

/**
 * How long the event loop was last stuck: a timer ticks every `everyMs`, and its lateness is the time the loop could
 * not run it. Read between ticks, the lateness of the tick now due counts too, so a block is seen from the moment it
 * ends until the next tick on time. Started when the app is ready (after start-up's synchronous work).
 */
export function loopLag(everyMs: number): { start(): void; stop(): void; ms(): number } {
  let timer: NodeJS.Timeout | null = null;
  let expected = 0;
  let last = 0;
  return {
    start() {
      if (timer) return;
      expected = performance.now() + everyMs;
      timer = setInterval(() => {
        const now = performance.now();
        last = Math.max(0, now - expected);
        expected = now + everyMs;
      }, everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    ms: () => (timer ? Math.max(last, performance.now() - expected) : 0),
  };
}

export async function registerUnderPressure(
  app: FastifyInstance,
  config: PressureConfig,
  onRefused?: (reason: string) => void,
): Promise<void> {
  if (!config.enabled) return;
  const lag = loopLag(config.sampleMs);
  app.addHook('onReady', async () => lag.start());
  app.addHook('onClose', async () => lag.stop());
  const checkLag = config.maxEventLoopDelayMs > 0;
  await app.register(fastifyUnderPressure, {
    sampleInterval: config.sampleMs,
    maxHeapUsedBytes: config.maxHeapUsedBytes,
    maxRssBytes: config.maxRssBytes,
    maxEventLoopUtilization: config.maxEventLoopUtilization,
    // The plugin's "health check" is our event-loop delay (see above); false when that limit is off.
    ...(checkLag
      ? { healthCheck: async () => lag.ms() <= config.maxEventLoopDelayMs, healthCheckInterval: config.sampleMs }
      : {}),
    // Answering undefined lets the request through; a rejection goes to the error handler (our shape and language).
    pressureHandler: (req, reply, type) => {
      if (EXEMPT.has(req.routeOptions.url ?? '')) return;
      onRefused?.(type === 'healthCheck' ? 'eventLoopDelay' : type);
      // The session plugin, which sets the language, has not run yet.
      req.locale = pickLocale(req.headers['accept-language']);
      reply.header('retry-after', BUSY_RETRY_AFTER_SECONDS);
      const seconds = BUSY_RETRY_AFTER_SECONDS;
      return Promise.reject(new AppError('SERVER_BUSY', { seconds }, { retryAfterSeconds: seconds }));
    },
  });
}
