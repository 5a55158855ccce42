import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { expectError } from '../../../test/http.js';
import { TEST_PASSWORD } from '../../../test/world.js';
import { loadConfig } from '../config.js';

/** Low limits for this file only; every other test file runs with the test default, which no suite reaches. */
const WRITES = 5;
const LOGINS = 4;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ config: { rateLimitWritesPerMinute: WRITES, rateLimitLoginsPerMinute: LOGINS } });
});
afterAll(async () => {
  await ctx?.close();
});

const sweep = async (as: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/cases/sweep', headers: { cookie: await ctx.cookieFor(as) } });
const login = (username: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });

describe('write rate limit', () => {
  it('answers the write after the limit with 429 RATE_LIMITED, Retry-After and retryAfterSeconds; reads go on', async () => {
    for (let i = 0; i < WRITES; i++) {
      const passed = await sweep('admin');
      expect(passed.statusCode).toBe(200);
      // The limit's headers come only with a refusal.
      expect(Object.keys(passed.headers).filter((h) => h.startsWith('x-ratelimit'))).toEqual([]);
    }
    const res = await sweep('admin');
    const body = expectError(res, 429, 'RATE_LIMITED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.error.details).toEqual({ retryAfterSeconds: retryAfter });
    expect(body.error.message).toBe('请求过于频繁，请稍后再试');
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: await ctx.cookieFor('admin') },
    });
    expect(me.statusCode).toBe(200);
  });

  it('counts per user: another user on the same address still writes', async () => {
    // Past the limiter, the request is judged on its merits (a community admin may not run the county's sweep).
    expectError(await sweep('hangdong'), 403, 'FORBIDDEN');
  });
});

describe('login rate limit', () => {
  it('limits login attempts per address, whatever the account', async () => {
    // Two logins were spent above (admin, hangdong).
    expect((await login('grid01')).statusCode).toBe(200);
    expect((await login('unit01')).statusCode).toBe(200);
    const res = await login('member01');
    expectError(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});

describe('configuration', () => {
  it('defaults to 120 writes and 30 logins a minute, effectively off in tests, 0 turning a limit off', () => {
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'Zq8#vL2@pW9!xT4$mN7&kR1*bY6^cJ3%' })).toMatchObject({
      rateLimitWritesPerMinute: 120,
      rateLimitLoginsPerMinute: 30,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).rateLimitWritesPerMinute).toBeGreaterThanOrEqual(1_000_000);
    expect(loadConfig({ RATE_LIMIT_WRITES_PER_MINUTE: '0', RATE_LIMIT_LOGINS_PER_MINUTE: '10' })).toMatchObject({
      rateLimitWritesPerMinute: 0,
      rateLimitLoginsPerMinute: 10,
    });
    expect(() => loadConfig({ RATE_LIMIT_WRITES_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_WRITES_PER_MINUTE/);
  });
});
