import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app.js';
import { expectError } from '../../test/http.js';
import { clock, setClock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import { databaseAnswers } from '../core/readiness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ world: false });
});
afterAll(async () => {
  await ctx?.close();
});

describe('GET /api/health', () => {
  it('tells the business time and the county day, which the web app uses as its "today"', async () => {
    setClock('2027-01-01T00:30:00+08:00', { frozen: true });
    const body = (await ctx.app.inject({ method: 'GET', url: '/api/health' })).json<{
      status: string;
      now: string;
      today: string;
    }>();
    expect(body).toMatchObject({ status: 'ok', now: '2027-01-01T00:30:00+08:00', today: '2027-01-01' });
    expect(clock.today()).toBe('2027-01-01');
  });
});

describe('GET /api/health/live and /api/health/ready', () => {
  it('answers live and ready while the database answers, to anyone', async () => {
    const live = await ctx.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'live' });
    const ready = await ctx.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('answers ready 503 DATABASE_UNAVAILABLE with Retry-After once the database is gone; live still 200', async () => {
    const own = await createTestContext({ world: false });
    try {
      // Ready first (its onReady hooks read the database), then the database goes away.
      await own.app.ready();
      await own.database.close();
      const ready = await own.app.inject({
        method: 'GET',
        url: '/api/health/ready',
        headers: { 'accept-language': 'en' },
      });
      const body = expectError(ready, 503, 'DATABASE_UNAVAILABLE');
      expect(body.error.message).toBe('The database cannot be reached at the moment; try again shortly');
      expect(Number(ready.headers['retry-after'])).toBeGreaterThan(0);
      expect((await own.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
      // The web app's clock source still answers, saying the database is away.
      const health = await own.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', database: false });
    } finally {
      await own.app.close();
    }
  });

  it('answers ready 503 when the database does not answer within the timeout (a stalled ping)', async () => {
    const stalled = { execute: () => new Promise(() => undefined) } as unknown as Db;
    expect(await databaseAnswers(stalled, 20)).toBe(false);
    expect(await databaseAnswers(ctx.database.db, 2000)).toBe(true);
  });
});
