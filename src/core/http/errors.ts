import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, isAppError } from '../errors.js';
import { pickLocale, translateError } from '../i18n.js';

/** Database errors that are the client's fault, by SQLSTATE. */
function fromDatabaseError(e: { code?: string; detail?: string; constraint?: string }): AppError | null {
  switch (e.code) {
    case '23505': {
      // "Key (code)=(U001) already exists." → field code (translated by i18n), value U001: no raw English in the message.
      const m = /^Key \((.+?)\)=\((.*)\) already exists/.exec(e.detail ?? '');
      return new AppError('DUPLICATE', { field: m?.[1] ?? e.constraint ?? 'value', value: m?.[2] ?? '' });
    }
    case '23503':
      return new AppError('REFERENCED', { count: 1, referrer: e.constraint ?? '' });
    case '23P01':
      return new AppError('CONFLICT', { reason: e.detail ?? e.constraint ?? '' });
    case '22P02':
    case '22P05': // a \u0000 in JSON
    case '22003': // a number out of the column's range
    case '22021': // a NUL character in text
    case '22007':
    case '22008':
    case '23514':
    case '23502':
      return new AppError('VALIDATION_FAILED', {}, { reason: e.detail ?? e.constraint });
    default:
      return null;
  }
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

function toAppError(err: FastifyError): AppError {
  if (isAppError(err)) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: v.instancePath || '/', message: v.message, where: err.validationContext,
    }));
    return new AppError('VALIDATION_FAILED', {}, details);
  }
  if (err.code && FASTIFY_CODES[err.code]) return new AppError(FASTIFY_CODES[err.code], {}, { reason: err.message });
  if (err instanceof SyntaxError && err.statusCode === 400) return new AppError('VALIDATION_FAILED', {}, { reason: err.message });
  const db = fromDatabaseError((err as { cause?: unknown }).cause as never ?? err) ?? fromDatabaseError(err as never);
  if (db) return db;
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', {}, { reason: err.message });
  }
  return new AppError('INTERNAL');
}

export function sendError(req: FastifyRequest, reply: FastifyReply, e: AppError): FastifyReply {
  const locale = req.locale ?? pickLocale(req.headers['accept-language']);
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: e.code, message: translateError(locale, e.code, e.params) },
  };
  if (e.details !== undefined) body.error.details = e.details;
  return reply.status(e.status).type('application/json').send(body);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appError = toAppError(err);
    if (appError.code === 'INTERNAL' || isResponseSerializationError(err)) {
      req.log.error({ err }, 'unhandled error');
    }
    return sendError(req, reply, appError);
  });
}
