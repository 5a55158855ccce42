import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { TEST_PASSWORD } from '../../../test/world.js';
import { advanceClock } from '../../core/clock.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

function changePassword(cookie: string, currentPassword: string, newPassword: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/change-password',
    headers: { cookie, 'accept-language': 'en' },
    payload: { currentPassword, newPassword },
  });
}

describe('change-password', () => {
  it.each([
    ['too_short', 'Ab3$xyz'],
    ['too_simple', '13812345678'],
    ['too_simple', 'abcabcabcabc'],
    ['too_simple', 'abcdefghijk'],
    ['username', 'member02-at-home'],
    ['common', 'qwertyuiop'],
    ['common', 'Sunshine2026!'],
  ])('refuses a new password that is %s (%s) with 400 PASSWORD_TOO_WEAK', async (reason, newPassword) => {
    const res = await changePassword(await ctx.cookieFor('member02'), TEST_PASSWORD, newPassword);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
      message: expect.stringMatching(/^The new password is too weak: use at least 10 characters/),
      details: { path: '/newPassword', reason },
    });
  });

  it('accepts a long, uncommon password (the rule is for new passwords: the seeded ones keep working)', async () => {
    const cookie = await ctx.cookieFor('member02');
    expect((await changePassword(cookie, TEST_PASSWORD, 'lantern river 42')).statusCode).toBe(200);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'member02', password: 'lantern river 42' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('counts a wrong current password like a failed login: the sixth try waits, and so does a login from there', async () => {
    const cookie = await ctx.cookieFor('unit01');
    for (let i = 0; i < 5; i++)
      expect((await changePassword(cookie, 'wrong-guess', 'lantern river 43')).statusCode).toBe(401);
    const held = await changePassword(cookie, TEST_PASSWORD, 'lantern river 43');
    expect(held.statusCode).toBe(429);
    expect(held.headers['retry-after']).toBe('1');
    expect(held.json().error).toMatchObject({ code: 'LOGIN_THROTTLED', details: { retryAfterSeconds: 1 } });
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'unit01', password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(429);
    advanceClock(1_100);
    expect((await changePassword(cookie, TEST_PASSWORD, 'lantern river 43')).statusCode).toBe(200);
  });
});
