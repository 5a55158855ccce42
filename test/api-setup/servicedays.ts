// Shared setup of servicedays.api.test.ts and servicedays.signups.api.test.ts: one test context per file, with
// community A paired with unit1 and B with unit2 in the year of the test days. The bindings are live: read them in
// tests, after beforeAll has run.
import { afterAll, beforeAll } from 'vitest';
import { createTestContext, type TestContext } from '../app.js';
import { adoptTestPairing } from '../cobuild.js';
import { dayKit } from '../servicedays.js';

export let ctx: TestContext;
export let kit: ReturnType<typeof dayKit>;
export let year: number;

export function useServiceDaysContext(): void {
  beforeAll(async () => {
    ctx = await createTestContext();
    kit = dayKit(ctx);
    year = Number(kit.dateIn(7).slice(0, 4));
    // A paired with unit1, B with unit2, in the year of the test days.
    await adoptTestPairing(ctx.database.db, {
      year,
      pairs: [
        { communityId: ctx.world.communityA.id, unitId: ctx.world.unit1.id },
        { communityId: ctx.world.communityB.id, unitId: ctx.world.unit2.id },
      ],
    });
  });
  afterAll(async () => {
    await ctx?.close();
  });
}
