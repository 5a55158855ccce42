import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { idCheckChar } from '../src/core/idcard.js';
import type { TestContext } from './app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface CallOptions {
  /** Username to log in as; omit for an anonymous request. */
  as?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The error body every failed request must have (DESIGN §4). */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** `api(ctx)('GET', '/api/people', { as: 'hangdong' })`: a JSON request through app.inject(). */
export function api(ctx: TestContext) {
  return async function call(method: Method, url: string, opts: CallOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.as) headers.cookie = await ctx.cookieFor(opts.as);
    if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
    return ctx.app.inject({
      method,
      url,
      headers,
      payload:
        opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
  };
}

/** Asserts the status and error code, and that the body has the standard error shape with a message. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

/** Asserts a 200/201 and returns the parsed body. */
export function expectOk<T = Record<string, unknown>>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A valid 18-character resident ID number (GB 11643 check character) from its first 17 digits. */
export function validIdNumber(first17: string): string {
  return first17 + idCheckChar(first17);
}

/** The same ID with a wrong check character. */
export function badCheckDigit(first17: string): string {
  const right = idCheckChar(first17);
  return first17 + (right === '0' ? '1' : '0');
}

export interface AuditRow {
  id: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Audit rows matching the query, newest first, read as the county admin. */
export async function auditRows(ctx: TestContext, query: Record<string, string>): Promise<AuditRow[]> {
  const qs = new URLSearchParams({ pageSize: '200', ...query }).toString();
  const res = await api(ctx)('GET', `/api/audit?${qs}`, { as: 'admin' });
  return expectOk<Page<AuditRow>>(res).items;
}
