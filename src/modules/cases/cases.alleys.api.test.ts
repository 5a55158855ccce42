import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { seedAlleyWorld } from '../../../test/api-setup/alleys.js';
import { at, caseRow, insertCases } from '../../../test/cases-stats.js';
import { api, expectError, expectOk, type Page } from '../../../test/http.js';
import { rect } from '../../../test/world.js';
import { clock } from '../../core/clock.js';
import { invalidateGridLocator } from '../grid/grid.locate.js';
import { grids } from '../grid/grid.schema.js';
import { cases } from './cases.schema.js';
import type { AlleyRegionCases, CaseDetail, CaseSummary } from './cases.contracts.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
let w: Awaited<ReturnType<typeof seedAlleyWorld>>;
let reported: CaseDetail;

// Region A's alley grid takes the north-east quarter of 杭东一格邻里一 (the building grid is its south-west quarter).
const AREA_A: [number, number, number, number] = [117.3325, 27.5425, 117.335, 27.545];

const mine = async (as: string) =>
  expectOk<Page<CaseSummary>>(await call('GET', '/api/cases?mine=true&pageSize=100', { as })).items.map((c) => c.id);
const figures = async (as: string, id: string) =>
  expectOk<AlleyRegionCases>(await call('GET', `/api/alley-regions/${id}/cases`, { as }));

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  w = await seedAlleyWorld(ctx);
  const [minLng, minLat, maxLng, maxLat] = AREA_A;
  await ctx.database.db
    .update(grids)
    .set({ boundary: rect(...AREA_A), minLng, minLat, maxLng, maxLat })
    .where(eq(grids.id, w.grids.A));
  invalidateGridLocator();
  reported = expectOk<CaseDetail>(
    await call('POST', '/api/cases', {
      as: 'resident01',
      body: { channel: 'online', description: '巷子里的垃圾没人清理，味道很大', lng: 117.334, lat: 27.544 },
    }),
    201,
  );
});
afterAll(async () => {
  await ctx?.close();
});

describe('随手拍 in an alley region', () => {
  it('is located in the alley grid and stays with the grid owner', async () => {
    expect(reported.gridId).toBe(w.grids.A);
    const [row] = await ctx.database.db.select().from(cases).where(eq(cases.id, reported.id));
    // Routing's owner (the grid worker above, none in this small world) is kept: the head is never made its owner.
    expect(row.ownerPersonId).not.toBe(w.heads.A);
    // The head reads it but does not handle it; the grid worker does.
    const asHead = expectOk<CaseDetail>(await call('GET', `/api/cases/${reported.id}`, { as: 'alley01' }));
    expect(asHead.ownerName).toBe(reported.ownerName);
    const asWorker = expectOk<CaseDetail>(await call('GET', `/api/cases/${reported.id}`, { as: 'grid01' }));
    expect(asWorker.actions.length).toBeGreaterThan(0);
    expect(asHead.actions).toEqual([]);
  });

  it("is in its region's head's inbox, not in another region's head's", async () => {
    expect(await mine('alley01')).toContain(reported.id);
    expect(await mine('alley02')).not.toContain(reported.id);
    expectError(await call('GET', `/api/cases/${reported.id}`, { as: 'alley02' }), 404, 'NOT_FOUND');
  });

  it("notifies the region's heads of the new case, not another region's", async () => {
    const bell = async (as: string) =>
      expectOk<{ items: { kind: string; entityId: string }[] }>(
        await call('GET', '/api/notifications?pageSize=50', { as }),
      ).items.filter((n) => n.entityId === reported.id);
    expect((await bell('alley01')).map((n) => n.kind)).toEqual(['case.new']);
    expect(await bell('alley02')).toEqual([]);
  });

  it("gives the region's figures: open, solved, the median time to resolve and the latest cases", async () => {
    const day = clock.today();
    const { world } = ctx;
    await insertCases(
      ctx.database.db,
      [
        caseRow({
          gridId: w.grids.A,
          communityId: world.communityA.id,
          reportedAt: at(day, '00:00'),
          status: 'closed',
        }),
        caseRow({
          gridId: w.grids.A,
          communityId: world.communityA.id,
          reportedAt: at(day, '00:00'),
          status: 'resolved',
        }),
      ].map((c, k) => ({ ...c, resolvedAt: new Date((c.reportedAt as Date).getTime() + (k + 1) * 2 * 3_600_000) })),
    );
    const f = await figures('alley01', w.A);
    expect(f.open).toBe(1);
    expect(f.resolved).toBe(2);
    expect(f.medianResolveHours).toBe(3);
    expect(f.latest.map((c) => c.id)).toContain(reported.id);
    expect(f.latest).toHaveLength(3);
    expect((await figures('hangdong', w.A)).resolved).toBe(2);
    const b = await figures('admin', w.B);
    expect(b).toEqual({ open: 0, resolved: 0, medianResolveHours: null, latest: [] });
  });

  it('answers a region out of sight 404 and one without alleys.read 403', async () => {
    expectError(await call('GET', `/api/alley-regions/${w.A}/cases`, { as: 'alley02' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/alley-regions/${w.A}/cases`, { as: 'grid01' }), 403, 'FORBIDDEN');
  });
});
