import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode, isAppError } from '../errors.js';
import { pickLocale, translateError } from '../i18n.js';
import { referrerNoun } from '../references.js';
import { BARE_SECURITY_HEADERS, setBareSecurityHeaders } from './security.js';

/** Database errors that are the client's fault, by SQLSTATE. */
function fromDatabaseError(e: { code?: string; detail?: string; constraint?: string }): AppError | null {
  switch (e.code) {
    case '23505': {
      // "Key (code)=(U001) already exists." → field code (translated by i18n), value U001: no raw English in the message.
      const m = /^Key \((.+?)\)=\((.*)\) already exists/.exec(e.detail ?? '');
      return new AppError('DUPLICATE', { field: m?.[1] ?? e.constraint ?? 'value', value: m?.[2] ?? '' });
    }
    case '23503':
    case '23001': // restrict_violation: an ON DELETE RESTRICT foreign key (e.g. a member with service-day check-ins)
      return fromForeignKeyError(e);
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

/**
 * A foreign key broken from either side. Writing a row whose referent does not exist ("Key (grid_id)=(…) is not
 * present in table …") is the client naming nothing: 400 VALIDATION_FAILED at the field, as the services' own checks
 * answer. Deleting a row that others still refer to ("… is still referenced from table …") is 409 REFERENCED, naming
 * the referring rows by their noun when core/references.ts knows the table (services check first; this is the net).
 */
function fromForeignKeyError(e: { detail?: string; constraint?: string }): AppError {
  const missing = /^Key \((\w+)\)=\(.*\) is not present in table/.exec(e.detail ?? '');
  if (missing) {
    const field = missing[1].replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    return new AppError('VALIDATION_FAILED', {}, [{ path: `/${field}`, message: 'does not exist' }]);
  }
  const referring = /is still referenced from table "(\w+)"/.exec(e.detail ?? '')?.[1];
  const referrer = (referring && referrerNoun(referring)) || e.constraint || '';
  return new AppError('REFERENCED', { count: 1, referrer });
}

/** Fastify's and its plugins' own errors: our code, and a fixed reason instead of their message (which can quote the URL or body). */
const FASTIFY_CODES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'body_too_large'],
  FST_REQ_FILE_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'file_too_large'],
  FST_FILES_LIMIT: ['PAYLOAD_TOO_LARGE', 'too_many_files'],
  FST_PARTS_LIMIT: ['PAYLOAD_TOO_LARGE', 'too_many_parts'],
  FST_FIELDS_LIMIT: ['PAYLOAD_TOO_LARGE', 'too_many_fields'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'not_multipart'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['VALIDATION_FAILED', 'empty_json'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['VALIDATION_FAILED', 'invalid_json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['VALIDATION_FAILED', 'invalid_content_length'],
  FST_ERR_CTP_EMPTY_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type'],
  FST_PROTO_VIOLATION: ['VALIDATION_FAILED', 'forbidden_field_name'],
  FST_INVALID_JSON_FIELD_ERROR: ['VALIDATION_FAILED', 'invalid_json'],
  FST_ERR_VALIDATION: ['VALIDATION_FAILED', 'invalid'],
  FST_ERR_BAD_URL: ['VALIDATION_FAILED', 'bad_url_encoding'],
  FST_ERR_MAX_PARAM_LENGTH: ['VALIDATION_FAILED', 'path_parameter_too_long'],
  FST_ERR_ASYNC_CONSTRAINT: ['INTERNAL', 'route_constraint'],
};

/**
 * A truncated or garbled multipart body is the client's fault, not a 500: busboy raises bare Errors (no code), and a
 * file part cut off by the end of the body ends its stream early (ERR_STREAM_PREMATURE_CLOSE).
 */
function isMalformedMultipart(err: FastifyError, req: FastifyRequest): boolean {
  if (err.statusCode || req.isMultipart?.() !== true) return false;
  if (err.code === 'ERR_STREAM_PREMATURE_CLOSE') return true;
  return !err.code && /multipart|part header|boundary/i.test(err.message);
}

function toAppError(err: FastifyError, req: FastifyRequest): AppError {
  if (isAppError(err)) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: v.instancePath || '/',
      message: v.message,
      where: err.validationContext,
    }));
    return new AppError('VALIDATION_FAILED', {}, details);
  }
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known) return new AppError(known[0], {}, known[0] === 'INTERNAL' ? undefined : { reason: known[1] });
  if (err instanceof SyntaxError && err.statusCode === 400)
    return new AppError('VALIDATION_FAILED', {}, { reason: 'invalid_json' });
  const db = fromDatabaseError(((err as { cause?: unknown }).cause as never) ?? err) ?? fromDatabaseError(err as never);
  if (db) return db;
  if (isMalformedMultipart(err, req)) return new AppError('VALIDATION_FAILED', {}, { reason: 'multipart_malformed' });
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError('VALIDATION_FAILED');
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
    const appError = toAppError(err, req);
    if (appError.code === 'INTERNAL' || isResponseSerializationError(err)) {
      req.log.error({ err }, 'unhandled error');
    }
    return sendError(req, reply, appError);
  });
}

/**
 * Fastify's `frameworkErrors`: a URL the router cannot decode (bad percent-encoding) or a path parameter over
 * maxParamLength. No hook has run for these, so the security headers are set here.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  setBareSecurityHeaders(reply);
  req.locale = pickLocale(req.headers['accept-language']);
  const appError = toAppError(err, req);
  if (appError.code === 'INTERNAL') req.log.error({ err }, 'unhandled framework error');
  void sendError(req, reply, appError);
}

const CLIENT_ERRORS: Record<string, ErrorCode> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
};

/**
 * Fastify's `clientErrorHandler`: Node could not parse the request at all (a header block over 16 KB, a timeout,
 * garbage on the socket), so there is no request, no language and no reply object; the answer is written to the
 * socket in the standard shape, in the default language.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code = CLIENT_ERRORS[err.code ?? ''] ?? 'VALIDATION_FAILED';
  const status = ERROR_STATUS[code];
  const body = JSON.stringify({ error: { code, message: translateError(pickLocale(undefined), code, {}) } });
  const headers = Object.entries(BARE_SECURITY_HEADERS)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n${headers}Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
