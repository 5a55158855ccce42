import { request } from 'node:http';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { type ErrorBody, expectError } from '../../../test/http.js';

/** Fastify's and its plugins' own errors answer in the API's shape and never quote the URL or the body back. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const MARK = 'zz-echo-mark';
const noEcho = (res: LightMyRequestResponse) => expect(res.body).not.toContain(MARK);
const as = async (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: string) =>
  ctx.app.inject({ method, url, payload, headers: { cookie: await ctx.cookieFor('admin'), ...headers } });

describe('URLs Fastify cannot route', () => {
  it('answers bad percent-encoding with 400 VALIDATION_FAILED, security headers and no echo', async () => {
    for (const url of [`/api/people/%E0%A4%A${MARK}`, `/api/people/%zz${MARK}`, `/m/%${MARK}`]) {
      const res = await as('GET', url, { 'accept-language': 'en' });
      const body = expectError(res, 400, 'VALIDATION_FAILED');
      expect(body.error).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'The submitted data is invalid; please check it and try again',
        details: { reason: 'bad_url_encoding' },
      });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      noEcho(res);
    }
  });

  it('answers a path parameter over the length limit with 400, not 414 with the URL', async () => {
    const res = await as('GET', `/api/people/${MARK}${'a'.repeat(200)}`);
    expect(expectError(res, 400, 'VALIDATION_FAILED').error.details).toEqual({ reason: 'path_parameter_too_long' });
    noEcho(res);
  });

  it('answers an unknown route with a 404 that does not repeat the URL', async () => {
    for (const url of [`/api/${MARK}?q=<script>`, `/assets/${MARK}.js`]) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(expectError(res, 404, 'NOT_FOUND').error.message).toBe('未找到请求的页面或接口');
      noEcho(res);
    }
    const en = await ctx.app.inject({ method: 'POST', url: `/${MARK}`, headers: { 'accept-language': 'en' } });
    expect(expectError(en, 404, 'NOT_FOUND').error.message).toBe('page or endpoint not found');
  });
});

describe('bodies Fastify refuses', () => {
  it('invalid JSON: 400 with a fixed reason, not the parser message quoting the body', async () => {
    const res = await as('POST', '/api/people', { 'content-type': 'application/json' }, `{"name": "${MARK}`);
    expect(expectError(res, 400, 'VALIDATION_FAILED').error.details).toEqual({ reason: 'invalid_json' });
    noEcho(res);
    expect(
      expectError(await as('POST', '/api/people', { 'content-type': 'application/json' }, ''), 400, 'VALIDATION_FAILED')
        .error.details,
    ).toEqual({ reason: 'empty_json' });
  });

  it('an unknown content type: 415; a body over the limit: 413', async () => {
    const xml = await as('POST', '/api/people', { 'content-type': `application/${MARK}` }, '<x/>');
    expect(expectError(xml, 415, 'UNSUPPORTED_MEDIA_TYPE').error.details).toEqual({ reason: 'unsupported_media_type' });
    noEcho(xml);
    const big = await as(
      'POST',
      '/api/people',
      { 'content-type': 'application/json' },
      JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    );
    expect(expectError(big, 413, 'PAYLOAD_TOO_LARGE').error.details).toEqual({ reason: 'body_too_large' });
  });

  it('multipart without a boundary: 400 on every upload route, not 500', async () => {
    const id = crypto.randomUUID();
    const routes = [
      '/api/cases/photos',
      `/api/projects/${id}/evidence`,
      `/api/service-days/${id}/photos`,
      '/api/people/import',
      '/api/party-members/import',
      `/api/project-plans/import?communityId=${id}&year=2026`,
    ];
    for (const url of routes) {
      const res = await as('POST', url, { 'content-type': 'multipart/form-data' }, 'abc');
      expect(expectError(res, 400, 'VALIDATION_FAILED').error.details, url).toEqual({
        reason: 'multipart_boundary_missing',
      });
    }
  });

  it('a truncated multipart body: 4xx, not 500', async () => {
    const truncated = `--b\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK${MARK}`;
    for (const url of ['/api/cases/photos', '/api/people/import']) {
      const res = await as('POST', url, { 'content-type': 'multipart/form-data; boundary=b' }, truncated);
      expect(res.statusCode, `${url} ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json<ErrorBody>().error.code).toBeTruthy();
      noEcho(res);
    }
  });
});

describe('requests Node cannot parse', () => {
  it('answers a header block over 16 KB with 431 HEADERS_TOO_LARGE in the API shape', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as { port: number };
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/health', headers: { 'x-big': `${MARK}${'a'.repeat(20_000)}` } },
        (r) => {
          let body = '';
          r.on('data', (d: Buffer) => {
            body += d.toString();
          });
          r.on('end', () => resolve({ status: r.statusCode ?? 0, type: String(r.headers['content-type']), body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/application\/json/);
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: '请求头过大' } });
  });
});
