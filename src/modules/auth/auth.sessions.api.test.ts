import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { TEST_CLOCK } from '../../../test/clock.js';
import { TEST_PASSWORD } from '../../../test/world.js';
import { advanceClock, setClock } from '../../core/clock.js';
import { sessions } from './auth.schema.js';
import { sessionIdFor } from './auth.sessions.js';

const MINUTE = 60_000;
let ctx: TestContext;
// Short lifetimes, so that the tests move the clock by minutes instead of days.
beforeAll(async () => {
  ctx = await createTestContext({ config: { sessionIdleMinutes: 30, sessionMaxHours: 2 } });
});
afterAll(async () => {
  await ctx?.close();
});
afterEach(() => {
  setClock(TEST_CLOCK);
});

async function logIn(username: string) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const token = res.cookies.find((c) => c.name === 'lj_session')!;
  return { cookie: `lj_session=${token.value}`, token: token.value, maxAge: token.maxAge };
}

async function me(cookie: string): Promise<number> {
  return (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode;
}

async function lastSeen(token: string): Promise<number> {
  const [row] = await ctx.database.db
    .select({ at: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.id, sessionIdFor(ctx.app.config.sessionSecret, token)));
  return row.at.getTime();
}

describe('session lifetimes', () => {
  it('ends a session left idle for SESSION_IDLE_MINUTES, and each request starts the idle time again', async () => {
    const { cookie } = await logIn('hangdong');
    advanceClock(29 * MINUTE);
    expect(await me(cookie)).toBe(200);
    advanceClock(29 * MINUTE);
    expect(await me(cookie)).toBe(200);
    advanceClock(31 * MINUTE);
    expect(await me(cookie)).toBe(401);
  });

  it('ends a session SESSION_MAX_HOURS after login however busy it is; the cookie lives as long', async () => {
    const { cookie, maxAge } = await logIn('sanfeng');
    expect(maxAge).toBe(2 * 3600);
    for (let i = 0; i < 4; i++) {
      advanceClock(25 * MINUTE);
      expect(await me(cookie)).toBe(200);
    }
    advanceClock(21 * MINUTE);
    expect(await me(cookie)).toBe(401);
  });

  it('does not let the 5 s cache carry a session past its end', async () => {
    const { cookie } = await logIn('grid01');
    for (let i = 0; i < 4; i++) {
      advanceClock(25 * MINUTE);
      expect(await me(cookie)).toBe(200);
    }
    advanceClock(20 * MINUTE - 2_000);
    expect(await me(cookie)).toBe(200);
    // Within the cache's 5 s of that lookup, but past the session's absolute end.
    advanceClock(3_000);
    expect(await me(cookie)).toBe(401);
  });

  it('writes the last-seen time at most once a minute per session', async () => {
    const { cookie, token } = await logIn('unit01');
    const loggedIn = await lastSeen(token);
    advanceClock(10_000);
    expect(await me(cookie)).toBe(200);
    advanceClock(10_000);
    expect(await me(cookie)).toBe(200);
    expect(await lastSeen(token)).toBe(loggedIn);
    advanceClock(MINUTE);
    expect(await me(cookie)).toBe(200);
    expect(await lastSeen(token)).toBeGreaterThan(loggedIn + MINUTE);
  });
});
