import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { expectError } from '../../../test/http.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** inject() sends Host: localhost:80, so this app's own origin is http://localhost. */
const OWN = 'http://localhost';
const send = async (method: Method, url: string, headers: Record<string, string>, payload?: string, as = 'admin') =>
  ctx.app.inject({ method, url, payload, headers: { cookie: await ctx.cookieFor(as), ...headers } });

const form = (boundary: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nxx\r\n--${boundary}--\r\n`;

describe('cross-site writes', () => {
  it('refuses body-less POSTs from a foreign Origin or a cross-site/same-site Sec-Fetch-Site with 403 CSRF_REJECTED', async () => {
    const meeting = crypto.randomUUID();
    const attempts: [string, Record<string, string>][] = [
      ['/api/cases/sweep', { origin: 'https://evil.example' }],
      ['/api/cases/sweep', { origin: 'null' }],
      ['/api/cases/sweep', { origin: 'http://localhost:8080' }],
      ['/api/cases/sweep', { origin: 'https://localhost' }],
      [`/api/joint-meetings/${meeting}/agenda/refresh`, { 'sec-fetch-site': 'cross-site' }],
      [
        `/api/joint-meetings/${meeting}/agenda/refresh`,
        { 'sec-fetch-site': 'same-site', origin: 'http://other.localhost' },
      ],
      // Sec-Fetch-Site decides when present, whatever Origin claims.
      ['/api/auth/logout', { 'sec-fetch-site': 'cross-site', origin: OWN }],
    ];
    for (const [url, headers] of attempts) {
      const res = await send('POST', url, headers);
      expect(expectError(res, 403, 'CSRF_REJECTED').error.message, JSON.stringify(headers)).toMatch(/其他网站/);
    }
    // The session survived the forged logout.
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: await ctx.cookieFor('admin') } }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses every write method and the login form from another site', async () => {
    const id = crypto.randomUUID();
    const cross = { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' };
    for (const [method, url] of [
      ['PUT', `/api/service-days/${id}/outcome`],
      ['PATCH', `/api/people/${id}`],
      ['DELETE', `/api/grid-duties/${id}`],
    ] as const) {
      expectError(await send(method, url, cross, '{}'), 403, 'CSRF_REJECTED');
    }
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'admin', password: 'x' }),
    });
    expectError(login, 403, 'CSRF_REJECTED');
  });

  it('refuses a multipart form posted from a foreign origin to an upload route', async () => {
    const res = await send(
      'POST',
      '/api/cases/photos',
      {
        origin: 'https://evil.example',
        'content-type': 'multipart/form-data; boundary=b1',
      },
      form('b1'),
    );
    expectError(res, 403, 'CSRF_REJECTED');
  });

  it('accepts the same origin, Sec-Fetch-Site same-origin/none, and clients that send neither header', async () => {
    const allowed: Record<string, string>[] = [
      { origin: OWN },
      { origin: `${OWN}:80` },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ];
    for (const headers of allowed) {
      const res = await send('POST', '/api/cases/sweep', headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(200);
    }
  });

  it('lets reads through from anywhere (they change nothing; CORS keeps their answers from foreign pages)', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: await ctx.cookieFor('admin'), 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('bodies a form can send without a preflight', () => {
  it('answers text/plain and urlencoded bodies with 415, even on body-less routes', async () => {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      expectError(
        await send('POST', '/api/cases/sweep', { 'content-type': type }, 'a=1'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectError(
        await send('POST', '/api/people', { 'content-type': type }, '{"name":"人"}'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    }
  });

  it('still takes multipart uploads from the same origin', async () => {
    const res = await send(
      'POST',
      '/api/cases/photos',
      { 'sec-fetch-site': 'same-origin', 'content-type': 'multipart/form-data; boundary=b2' },
      form('b2'),
      'resident01',
    );
    // Past the guards: the photo itself is judged (two bytes are not a PNG).
    expectError(res, 400, 'INVALID_IMAGE');
  });
});
