import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { TEST_PASSWORD } from '../../../test/world.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

describe('auth', () => {
  it('logs in with an HTTP-only, SameSite=Lax cookie and reports roles and permissions', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hangdong', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // SESSION_MAX_HOURS (default 168): the cookie lasts as long as the session can.
    expect(res.cookies[0].maxAge).toBe(168 * 3600);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.username).toBe('hangdong');
    expect(body.roles[0]).toMatchObject({ role: 'community_admin', scopeOrgName: '杭东社区' });
    expect(body.permissions).toContain('people.write');
    expect(body.permissions).not.toContain('audit.read');
  });

  it('rejects a wrong password with a translated 401', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'sanfeng', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
  });

  it('rejects unknown fields', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', admin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('requires a session for /me and forgets it after logout', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'unit01', password: TEST_PASSWORD },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(
      200,
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, the new one works', async () => {
    const cookie = await ctx.cookieFor('member01');
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie },
      payload: { currentPassword: 'x', newPassword: 'new-password-1' },
    });
    expect(bad.statusCode).toBe(401);
    const short = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'new-password-1' },
    });
    expect(ok.statusCode).toBe(200);
    const old = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'member01', password: TEST_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'member01', password: 'new-password-1' },
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('records logins in the audit log, readable only by the county admin', async () => {
    const admin = await ctx.cookieFor('admin');
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit?action=auth.login',
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    const other = await ctx.cookieFor('hangdong');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: other } })).statusCode).toBe(
      403,
    );
  });
});
