import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app.js';
import { adoptTestPairing } from '../../test/cobuild.js';
import { clock } from '../core/clock.js';
import type { CaseDetail } from '../modules/cases/cases.contracts.js';
import { caseDispatches } from '../modules/cases/cases.schema.js';
import { DEMO_CROSS_REASON, flagDemoCrossCommunityWhistles } from './demo-whistle-flags.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await adoptTestPairing(ctx.database.db, {
    year: clock.year(),
    pairs: [{ communityId: ctx.world.communityA.id, unitId: ctx.world.unit1.id }],
  });
});
afterAll(async () => {
  await ctx?.close();
});

async function call(url: string, as: string, body: object) {
  return ctx.app.inject({ method: 'POST', url, payload: body, headers: { cookie: await ctx.cookieFor(as) } });
}

describe('the demo flags its whistles outside the pairing (跨社区吹哨)', () => {
  it('flags exactly the dispatches to units not paired with the case’s community that year, with a reason', async () => {
    const reported = await call('/api/cases', 'resident01', {
      channel: 'snap',
      description: '小区门口污水外溢，气味很大',
      categoryCode: 'neighbour.leak',
      lng: 117.331,
      lat: 27.541,
    });
    let c = reported.json() as CaseDetail;
    c = (await call(`/api/cases/${c.id}/transitions`, 'grid01', { action: 'accept', version: c.version })).json();
    const res = await call(`/api/cases/${c.id}/transitions`, 'hangdong', {
      action: 'dispatch',
      version: c.version,
      unitIds: [ctx.world.unit1.id, ctx.world.unit2.id],
      reason: '需卫健局到场',
    });
    expect(res.statusCode, res.body).toBe(200);
    // As the demo writes its dispatches: before the pairing, unflagged.
    const db = ctx.database.db;
    await db.update(caseDispatches).set({ crossCommunity: false, crossCommunityReason: null });
    await flagDemoCrossCommunityWhistles(db);
    const rows = await db
      .select({
        unitId: caseDispatches.unitId,
        cross: caseDispatches.crossCommunity,
        reason: caseDispatches.crossCommunityReason,
      })
      .from(caseDispatches)
      .where(eq(caseDispatches.caseId, c.id));
    expect(rows.find((r) => r.unitId === ctx.world.unit1.id)).toMatchObject({ cross: false, reason: null });
    expect(rows.find((r) => r.unitId === ctx.world.unit2.id)).toMatchObject({ cross: true, reason: DEMO_CROSS_REASON });
  });
});
