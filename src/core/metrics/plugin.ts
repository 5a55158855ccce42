/**
 * GET /metrics (Prometheus text format) and the onResponse hook that times every request. Wired by src/app.ts when
 * METRICS is on; off, neither exists (and /metrics is the JSON 404).
 * Access: with METRICS_TOKEN set, `Authorization: Bearer <token>` from any address (401 METRICS_UNAUTHORIZED
 * otherwise); without it, only a caller on this machine: the socket's address and the client address Fastify
 * believes (TRUST_PROXY) both loopback, and no forwarding header, since a reverse proxy on this machine forwarding
 * the public's requests also connects from loopback (403 METRICS_FORBIDDEN otherwise).
 */
import cluster from 'node:cluster';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { sendError } from '../http/errors.js';
import { clusterMetricsText, shareWithPrimary } from './cluster.js';
import type { AppMetrics } from './collectors.js';
import { processRegistry } from './process.js';

export const METRICS_PATH = '/metrics';

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Requests no route matched (the JSON 404, the web app's files) share one label: never the raw URL. */
const UNMATCHED = '(unmatched)';

type Observe = (seconds: number) => void;

/**
 * The histogram's child per route × method × status class, made once and kept in nested maps, so a request costs
 * two map lookups, an array index and one observe: no label object or key string is built per request.
 */
export function requestObserver(metrics: AppMetrics): (route: string, method: string, status: number) => Observe {
  const byRoute = new Map<string, Map<string, Observe[]>>();
  return (route, method, status) => {
    let byMethod = byRoute.get(route);
    if (!byMethod) {
      byMethod = new Map();
      byRoute.set(route, byMethod);
    }
    const m = METHODS.includes(method) ? method : 'OTHER';
    let byClass = byMethod.get(m);
    if (!byClass) {
      byClass = STATUS_CLASSES.map((c) => {
        const child = metrics.http.labels(m, route, c);
        return (s: number) => child.observe(s);
      });
      byMethod.set(m, byClass);
    }
    return byClass[Math.min(4, Math.max(0, Math.floor(status / 100) - 1))];
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

const digest = (s: string) => createHash('sha256').update(s).digest();

/** null when the caller may read the metrics, else the refusal's code. */
export function metricsRefusal(
  req: FastifyRequest,
  token: string | null,
): 'METRICS_UNAUTHORIZED' | 'METRICS_FORBIDDEN' | null {
  if (token !== null) {
    const given = req.headers.authorization ?? '';
    return timingSafeEqual(digest(given), digest(`Bearer ${token}`)) ? null : 'METRICS_UNAUTHORIZED';
  }
  const local =
    LOOPBACK.test(req.socket.remoteAddress ?? '') &&
    LOOPBACK.test(req.ip) &&
    !FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
  return local ? null : 'METRICS_FORBIDDEN';
}

async function metricsText(metrics: AppMetrics): Promise<string> {
  if (cluster.isWorker) return clusterMetricsText();
  return (await processRegistry().metrics()) + (await metrics.registry.metrics());
}

export function registerMetrics(app: FastifyInstance, metrics: AppMetrics, token: string | null): void {
  shareWithPrimary([processRegistry(), metrics.registry]);
  const observer = requestObserver(metrics);
  app.addHook('onResponse', (req, reply, done) => {
    observer(req.routeOptions.url ?? UNMATCHED, req.method, reply.statusCode)(reply.elapsedTime / 1000);
    done();
  });
  app.addHook('onClose', (_app, done) => {
    metrics.stop();
    done();
  });
  app.get(METRICS_PATH, { schema: { hide: true } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const refusal = metricsRefusal(req, token);
    if (refusal === 'METRICS_UNAUTHORIZED') reply.header('www-authenticate', 'Bearer realm="metrics"');
    if (refusal) return sendError(req, reply, new AppError(refusal));
    const text = await metricsText(metrics);
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(text);
  });
}
