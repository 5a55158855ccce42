import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { expectError } from '../../../test/http.js';
import { TEST_PASSWORD } from '../../../test/world.js';
import { PUBLIC_ROUTES } from '../auth/plugin.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface OpenApi {
  paths: Record<string, Partial<Record<Lowercase<Method>, unknown>>>;
}

/** Every documented route (the OpenAPI document lists them all), with each path parameter filled with a random uuid. */
async function everyRoute(): Promise<{ method: Method; pattern: string; url: string }[]> {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApi>();
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({
      method: m.toUpperCase() as Method,
      pattern: path.replace(/\{(\w+)\}/g, ':$1'),
      url: path.replace(/\{\w+\}/g, () => crypto.randomUUID()),
    })),
  );
}

describe('anonymous calls', () => {
  it('get 401 before any validation on every route but the public ones', async () => {
    const routes = await everyRoute();
    expect(routes.length).toBeGreaterThan(150);
    const open: string[] = [];
    for (const r of routes) {
      // Garbage everywhere a schema would look: the query, the body, and a non-uuid where a uuid is expected.
      const res = await ctx.app.inject({
        method: r.method,
        url: `${r.url.replace(/[0-9a-f-]{36}$/, 'not-a-uuid')}?page=x&zz=1`,
        headers: { 'content-type': 'application/json' },
        payload: r.method === 'GET' ? undefined : '{"zz":',
      });
      if (PUBLIC_ROUTES.has(`${r.method} ${r.pattern}`)) open.push(`${r.method} ${r.pattern}`);
      else expect(expectError(res, 401, 'UNAUTHENTICATED').error.details, `${r.method} ${r.pattern}`).toBeUndefined();
    }
    expect(open.sort()).toEqual([
      'GET /api/health',
      'GET /api/health/live',
      'GET /api/health/ready',
      'POST /api/auth/login',
    ]);
  });

  it('reach the public routes: health and its probes, and login (whose bad input is still a 400)', async () => {
    for (const url of ['/api/health', '/api/health/live', '/api/health/ready']) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(200);
      expect((await ctx.app.inject({ method: 'HEAD', url })).statusCode).toBe(200);
    }
    expectError(
      await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } }),
      400,
      'VALIDATION_FAILED',
    );
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('get 401 with an ended or forged session too, and on a route reached through an encoded /api', async () => {
    for (const cookie of ['lj_session=forged', 'lj_session=']) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/people', headers: { cookie }, payload: { zz: 1 } });
      expectError(res, 401, 'UNAUTHENTICATED');
    }
    const encoded = await ctx.app.inject({ method: 'GET', url: '/%61pi/people?page=x' });
    // The router decodes %61 to "a": the route is /api/people, so the session and the 401 apply to it.
    expectError(encoded, 401, 'UNAUTHENTICATED');
    const cookie = await ctx.cookieFor('admin');
    expect((await ctx.app.inject({ method: 'GET', url: '/%61pi/people', headers: { cookie } })).statusCode).toBe(200);
  });

  it('still get the JSON 404 for a route that does not exist', async () => {
    expectError(await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' }), 404, 'NOT_FOUND');
  });
});
