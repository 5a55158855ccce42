// Shared setup of grid.api.test.ts and grid.write.api.test.ts: one test context per file, the `call` helper and the
// grid list/detail shortcuts. Call setupGridApi() at the top of the test file; `ctx` and `call` are live bindings.
import { afterAll, beforeAll } from 'vitest';
import { createTestContext, type TestContext } from '../app.js';
import { api, expectOk, type Page } from '../http.js';
import type { GridDetail, GridView } from '../../src/modules/grid/grid.contracts.js';

export let ctx: TestContext;
export let call: ReturnType<typeof api>;
export function setupGridApi(): void {
  beforeAll(async () => {
    ctx = await createTestContext();
    call = api(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
  });
}

export const list = async (query: string, as = 'admin') =>
  expectOk<Page<GridView>>(await call('GET', `/api/grids?${query}`, { as }));
export const get = async (id: string) => expectOk<GridDetail>(await call('GET', `/api/grids/${id}`, { as: 'admin' }));
export const gridCount = async () => (await list('pageSize=1')).total;
