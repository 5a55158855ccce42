import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app.js';
import { clock, setClock } from '../core/clock.js';

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
