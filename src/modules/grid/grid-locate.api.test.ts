import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, expectError, expectOk } from '../../../test/http.js';
import { rect } from '../../../test/world.js';
import type { GridDetail } from './grid.contracts.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

interface Located {
  grid: { id: string; code: string; name: string; level: number; communityId: string };
}

const locate = (lng: number | string, lat: number | string, as = 'resident01', headers: Record<string, string> = {}) =>
  call('GET', `/api/grids/locate?lng=${lng}&lat=${lat}`, { as, headers });
const locatedId = async (lng: number, lat: number) => expectOk<Located>(await locate(lng, lat)).grid.id;

describe('GET /api/grids/locate', () => {
  it('returns the deepest grid containing the point', async () => {
    const { gA111, gA11, gA2, gB1 } = ctx.world.grids;
    const hit = expectOk<Located>(await locate(117.331, 27.541));
    expect(hit.grid).toEqual({
      id: gA111.id,
      code: '350723001001001001',
      name: '杭东一格1号楼',
      level: 4,
      communityId: ctx.world.communityA.id,
    });
    expect(await locatedId(117.337, 27.545)).toBe(gA2.id);
    expect(await locatedId(117.334, 27.544)).toBe(gA11.id);
    expect(await locatedId(117.345, 27.548)).toBe(gB1.id);
  });

  it('answers 404 NOT_FOUND for a point in the county that no grid covers', async () => {
    expectError(await locate(117.5, 27.7), 404, 'NOT_FOUND');
  });

  it('answers 400 OUTSIDE_COUNTY for a point in Beijing, in Chinese or English', async () => {
    expect(expectError(await locate(116.397, 39.909), 400, 'OUTSIDE_COUNTY').error.message).toBe(
      '坐标不在光泽县范围内',
    );
    const en = await locate(116.397, 39.909, 'resident01', { 'accept-language': 'en' });
    expect(expectError(en, 400, 'OUTSIDE_COUNTY').error.message).toBe('The coordinates are outside Guangze County');
  });

  it('rejects non-numeric, missing and out-of-range coordinates with 400 VALIDATION_FAILED', async () => {
    expectError(await locate('east', 27.54), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', '/api/grids/locate?lng=117.33', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await locate(117.33, 95), 400, 'VALIDATION_FAILED');
    expectError(await locate(181, 27.54), 400, 'VALIDATION_FAILED');
  });

  it('needs a login', async () => {
    expectError(await call('GET', '/api/grids/locate?lng=117.331&lat=27.541'), 401, 'UNAUTHENTICATED');
  });

  it('sees a newly created, redrawn or deleted grid immediately', async () => {
    const { gA11 } = ctx.world.grids;
    // Warm the index first, so that the test proves it is refreshed rather than built late.
    expect(await locatedId(117.3335, 27.5435)).toBe(gA11.id);
    const created = expectOk<GridDetail>(
      await call('POST', '/api/grids', {
        as: 'hangdong',
        body: {
          name: '杭东一格2号楼',
          level: 4,
          kind: 'building',
          parentId: gA11.id,
          boundary: rect(117.333, 27.543, 117.334, 27.544),
        },
      }),
      201,
    );
    expect(await locatedId(117.3335, 27.5435)).toBe(created.id);

    const moved = expectOk<GridDetail>(
      await call('PATCH', `/api/grids/${created.id}`, {
        as: 'hangdong',
        body: { boundary: rect(117.3326, 27.5426, 117.3329, 27.5429), version: created.version },
      }),
    );
    expect(await locatedId(117.3335, 27.5435)).toBe(gA11.id);
    expect(await locatedId(117.3327, 27.5427)).toBe(moved.id);

    expect((await call('DELETE', `/api/grids/${created.id}`, { as: 'hangdong' })).statusCode).toBe(200);
    expect(await locatedId(117.3327, 27.5427)).toBe(gA11.id);
  });

  it('finds a new community grid drawn over a former gap', async () => {
    expectError(await locate(117.45, 27.65), 404, 'NOT_FOUND');
    const g = expectOk<GridDetail>(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: {
          name: '新区',
          level: 1,
          kind: 'community',
          communityId: ctx.world.communityB.id,
          boundary: rect(117.4, 27.6, 117.5, 27.7),
        },
      }),
      201,
    );
    expect(await locatedId(117.45, 27.65)).toBe(g.id);
  });
});
