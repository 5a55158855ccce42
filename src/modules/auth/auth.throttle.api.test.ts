import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { TEST_PASSWORD } from '../../../test/world.js';
import { advanceClock } from '../../core/clock.js';
import { authThrottle } from './auth.schema.js';
import { login } from './auth.service.js';
import { DEFAULT_THROTTLE, throttleKeys, type ThrottleKind } from './auth.throttle.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

/** Each test guesses from its own addresses, so the per-address counters of one test do not touch another's. */
function attempt(username: string, password: string, address: string, lang = 'en') {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    headers: { 'accept-language': lang },
    payload: { username, password },
  });
}

async function failures(kind: ThrottleKind, username: string, address: string): Promise<number> {
  const key = throttleKeys(ctx.app.config.sessionSecret, username, address, false).find((k) => k.kind === kind)!.key;
  const [row] = await ctx.database.db
    .select({ failures: authThrottle.failures })
    .from(authThrottle)
    .where(and(eq(authThrottle.kind, kind), eq(authThrottle.key, key)));
  return row?.failures ?? 0;
}

describe('login throttling', () => {
  it('counts 50 concurrent wrong passwords for one account as 50 failures', async () => {
    const lenient = {
      ...DEFAULT_THROTTLE,
      account: { ...DEFAULT_THROTTLE.account, freeFailures: 1000 },
      account_address: { ...DEFAULT_THROTTLE.account_address, freeFailures: 1000 },
      address: { ...DEFAULT_THROTTLE.address, freeFailures: 1000 },
    };
    const meta = { ip: '198.51.100.50', userAgent: null, requestId: null };
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        login({
          db: ctx.database.db,
          secret: ctx.app.config.sessionSecret,
          username: 'unit02',
          password: 'wrong-guess',
          meta,
          session: { idleMinutes: 480, maxHours: 168 },
          throttle: lenient,
        }),
      ),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await failures('account_address', 'unit02', '198.51.100.50')).toBe(50);
    expect(await failures('account', 'unit02', '198.51.100.50')).toBe(50);
    expect(await failures('address', 'unit02', '198.51.100.50')).toBe(50);
  });

  it('lets through only the free failures of a burst and refuses the rest before checking them', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => attempt('unit01', 'wrong-guess', '198.51.100.51')),
    );
    const wrong = answers.filter((r) => r.statusCode === 401).length;
    const refused = answers.filter((r) => r.statusCode === 429).length;
    expect(wrong + refused).toBe(50);
    // Exactly the 5 free ones when the burst lands within the first 1 s wait; a stalled machine may let a 6th through.
    expect(wrong).toBeGreaterThanOrEqual(5);
    expect(wrong).toBeLessThanOrEqual(8);
    expect(await failures('account_address', 'unit01', '198.51.100.51')).toBe(wrong);
    expect(await failures('account', 'unit01', '198.51.100.51')).toBe(wrong);
  });

  it('makes each failure past the free ones double the wait: 429, Retry-After and the seconds in the details', async () => {
    const address = '198.51.100.52';
    for (let i = 0; i < 5; i++) expect((await attempt('member01', 'wrong-guess', address)).statusCode).toBe(401);
    for (const wait of [1, 2, 4, 8]) {
      const refused = await attempt('member01', TEST_PASSWORD, address);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe(String(wait));
      expect(refused.json().error).toEqual({
        code: 'LOGIN_THROTTLED',
        message: `Too many password attempts; try again in ${wait} seconds`,
        details: { retryAfterSeconds: wait },
      });
      advanceClock(wait * 1000 + 50);
      expect((await attempt('member01', 'wrong-guess', address)).statusCode).toBe(401);
    }
    const zh = await attempt('member01', 'wrong-guess', address, 'zh-CN');
    expect(zh.json().error.message).toBe('密码尝试次数过多，请在 16 秒后再试');
  });

  it('keeps letting the real user in from an address they used before while an attacker elsewhere is held up', async () => {
    const home = '203.0.113.10';
    expect((await attempt('admin', TEST_PASSWORD, home)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt('admin', 'wrong-guess', '192.0.2.66')).statusCode).toBe(401);
    expect((await attempt('admin', 'wrong-guess', '192.0.2.66')).statusCode).toBe(429);
    // Guesses spread over other new addresses are held up too: the account's counter is shared by all of them…
    expect((await attempt('admin', 'wrong-guess', '192.0.2.67')).statusCode).toBe(429);
    // …but not at home, where a typo is an ordinary 401 and the right password gets in.
    expect((await attempt('admin', 'wrong-guess', home)).statusCode).toBe(401);
    expect((await attempt('admin', TEST_PASSWORD, home)).statusCode).toBe(200);
  });

  it('slows one address guessing many accounts, but not a user who logs in from there as usual', async () => {
    const office = '203.0.113.20';
    expect((await attempt('grid01', TEST_PASSWORD, office)).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) expect((await attempt(`someone${i}`, 'wrong-guess', office)).statusCode).toBe(401);
    const next = await attempt('hangdong', TEST_PASSWORD, office);
    expect(next.statusCode).toBe(429);
    expect(next.headers['retry-after']).toBe('1');
    expect((await attempt('grid01', TEST_PASSWORD, office)).statusCode).toBe(200);
  });

  it('refuses most of a burst of one guess each at 60 accounts from one address', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attempt(`user${i}`, 'wrong-guess', '198.51.100.60')),
    );
    const refused = answers.filter((r) => r.statusCode === 429).length;
    expect(answers.filter((r) => r.statusCode === 401).length + refused).toBe(60);
    expect(refused).toBeGreaterThanOrEqual(30);
  });
});

describe('unknown and known usernames', () => {
  it('get the same answer for a wrong password, and the same once throttled', async () => {
    const known = await attempt('sanfeng', 'wrong-guess', '198.51.100.70');
    const unknown = await attempt('no-such-user', 'wrong-guess', '198.51.100.71');
    expect([known.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(unknown.json()).toEqual(known.json());
    for (let i = 0; i < 4; i++) {
      await attempt('sanfeng', 'wrong-guess', '198.51.100.70');
      await attempt('no-such-user', 'wrong-guess', '198.51.100.71');
    }
    const knownHeld = await attempt('sanfeng', TEST_PASSWORD, '198.51.100.70');
    const unknownHeld = await attempt('no-such-user', TEST_PASSWORD, '198.51.100.71');
    expect([knownHeld.statusCode, unknownHeld.statusCode]).toEqual([429, 429]);
    expect(unknownHeld.json()).toEqual(knownHeld.json());
    expect(unknownHeld.headers['retry-after']).toBe(knownHeld.headers['retry-after']);
  });

  it('take comparable time: an unknown username still costs a password hash check', async () => {
    const time = async (username: string, i: number) => {
      const started = performance.now();
      expect((await attempt(username, 'wrong-guess', `198.51.100.${100 + i}`)).statusCode).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time('hangdong', i));
      unknown.push(await time(`ghost${i}`, i + 10));
    }
    // Without the dummy hash an unknown username answers ~10× faster; the bound leaves room for a busy machine.
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });
});
