// Shared setup of projects.api.test.ts and projects.rollup.api.test.ts: one test context per file, unit1 paired with
// 杭东 (A) and unit2 with 三凤 (B) last year, this year and next, and the helpers that create and read projects. The
// let bindings are live: read them in tests, after beforeAll has run.
import { clock } from '../../src/core/clock.js';
import { afterAll, beforeAll } from 'vitest';
import { createTestContext, type TestContext } from '../app.js';
import { adoptTestPairing } from '../cobuild.js';
import { api, expectOk } from '../http.js';
import type { ProjectDetail } from '../../src/modules/cobuild/projects/projects.contracts.js';
import { countyToday } from '../../src/modules/cobuild/projects/projects.rollup.js';

export let ctx: TestContext;
export let call: ReturnType<typeof api>;
export const Y = Number(countyToday(clock.now()).slice(0, 4));
export const A = () => ctx.world.communityA.id;
export const B = () => ctx.world.communityB.id;
export const U1 = () => ctx.world.unit1.id;
export const U2 = () => ctx.world.unit2.id;

export function useProjectsContext(): void {
  beforeAll(async () => {
    ctx = await createTestContext();
    call = api(ctx);
    // unit1 with 杭东 (A), unit2 with 三凤 (B), this year and last.
    for (const year of [Y - 1, Y, Y + 1]) {
      await adoptTestPairing(ctx.database.db, {
        year,
        pairs: [
          { communityId: A(), unitId: U1() },
          { communityId: B(), unitId: U2() },
        ],
      });
    }
  });
  afterAll(async () => {
    await ctx?.close();
  });
}

export function body(over: Record<string, unknown> = {}) {
  return {
    communityId: A(),
    year: Y,
    name: '水南小区老旧小区改造提升工程',
    domain: 'old_estate_renovation',
    units: [{ unitId: U1(), role: 'lead' }],
    budget: 100_000,
    startOn: `${Y}-03-01`,
    endOn: `${Y}-10-31`,
    ...over,
  };
}

export async function create(as: string, over: Record<string, unknown> = {}): Promise<ProjectDetail> {
  return expectOk<ProjectDetail>(await call('POST', '/api/projects', { as, body: body(over) }), 201);
}

export async function get(id: string, as = 'admin'): Promise<ProjectDetail> {
  return expectOk<ProjectDetail>(await call('GET', `/api/projects/${id}`, { as }));
}
