import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { backgroundJobs as listBackgroundJobs } from './background.jobs.js';
import { registerAuth } from './core/auth/plugin.js';
import type { AppConfig } from './core/config.js';
import type { Database } from './core/db.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './core/http/errors.js';
import { registerRequestGuards } from './core/http/guards.js';
import { fastifyTrustProxy, requestIdGenerator } from './core/http/proxy.js';
import { registerUnderPressure } from './core/http/pressure.js';
import { registerRateLimits } from './core/http/rate-limit.js';
import { DOCS_CSP, registerSecurityHeaders } from './core/http/security.js';
import type { App } from './core/http/types.js';
import { createAppMetrics } from './core/metrics/collectors.js';
import { registerMetrics } from './core/metrics/plugin.js';
import { registerWebApp } from './core/http/web-app.js';
import { actorForSession } from './modules/auth/auth.service.js';
import { registerGateways, registerModules } from './modules/index.js';

export interface BuildAppOptions {
  config: AppConfig;
  database: Database;
  /** false silences logs (tests); otherwise pino at config.logLevel. */
  logger?: boolean;
  /**
   * Benchmarks only: compare the cost of the security layer. false builds the app without helmet's headers, the
   * cross-site write check and the rate limits (sessions, 401s and everything else unchanged). Deliberately not in
   * AppConfig: no environment variable or config file can reach it, only code that calls buildApp.
   */
  hardening?: false;
}

export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

/** Builds the Fastify app: external plugins → core plugins → module routes → the web app. Never at import time. */
export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: opts.config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: JSON_BODY_LIMIT,
    // X-Forwarded-* and X-Request-Id are believed only from the proxies TRUST_PROXY names (none by default).
    genReqId: requestIdGenerator(opts.config.trustProxy),
    trustProxy: fastifyTrustProxy(opts.config.trustProxy),
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.database.db);
  app.decorate('config', opts.config);

  const hardened = opts.hardening !== false;
  if (hardened) await registerSecurityHeaders(app);
  // Metrics (METRICS=on): the registry first, so that under-pressure's refusals are counted too.
  const metrics = opts.config.metrics.enabled ? createAppMetrics(opts.database) : null;
  // Overloaded: 503 SERVER_BUSY before anything else is spent on the request (health/live and /metrics exempt).
  await registerUnderPressure(app, opts.config.pressure, (reason) => metrics?.busyRefusals.inc({ reason }));
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1 } });
  if (opts.config.apiDocs) {
    await app.register(fastifySwagger, {
      openapi: { info: { title: 'Lianjian 联建共治 API', version: '0.1.0' } },
      transform: jsonSchemaTransform,
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });
  }

  registerErrorHandling(app);
  // onRequest, in this order: security headers (above), cross-site writes refused, session → actor (401 for
  // anonymous calls to non-public routes), rate limits keyed by that actor.
  registerRequestGuards(app, { crossSiteCheck: hardened });
  registerAuth(app, { resolveActor: actorForSession });
  if (hardened) await registerRateLimits(app, opts.config);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    // One line per request, with its id, instead of Fastify's two.
    req.log.info(
      { method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  // The job-runs page lists the background jobs this server runs (src/background.jobs.ts: by database and settings).
  const backgroundJobs = listBackgroundJobs(opts.config, opts.database.kind);
  await app.register(registerModules, { prefix: '/api', backgroundJobs, database: opts.database.kind });
  await registerGateways(app);
  // GET /metrics and the hook that times every request by its route template (core/metrics/).
  if (metrics) registerMetrics(app, metrics, opts.config.metrics.token);
  await registerWebApp(app, opts.config.webDistDir);
  return app;
}
