import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAuth } from './core/auth/plugin.js';
import type { AppConfig } from './core/config.js';
import type { Database } from './core/db.js';
import { registerErrorHandling } from './core/http/errors.js';
import type { App } from './core/http/types.js';
import { registerWebApp } from './core/http/web-app.js';
import { registerModules } from './modules/index.js';

export interface BuildAppOptions {
  config: AppConfig;
  database: Database;
  /** false silences logs (tests); otherwise pino at config.logLevel. */
  logger?: boolean;
}

export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

/** Builds the Fastify app: external plugins → core plugins → module routes → the web app. Never at import time. */
export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: opts.config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: (req) => (typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomUUID()),
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.database.db);
  app.decorate('config', opts.config);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Lianjian 联建共治 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandling(app);
  registerAuth(app);
  app.addHook('onResponse', async (req, reply) => {
    // One line per request, with its id, instead of Fastify's two.
    req.log.info({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  await app.register(registerModules, { prefix: '/api' });
  await registerWebApp(app, opts.config.webDistDir);
  return app;
}
