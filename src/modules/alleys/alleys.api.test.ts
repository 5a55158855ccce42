import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../../test/app.js';
import { seedAlleyWorld } from '../../../test/api-setup/alleys.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../test/http.js';
import { createUploadTestContext, photoForm, samplePhoto } from '../../../test/photos.js';
import type {
  AlleyInspectionView,
  AlleyPhotoView,
  AlleyItemView,
  AlleyRegionDetail,
  AlleyRegionSummary,
} from './alleys.contracts.js';
import { SIX_HAVES } from './alleys.enums.js';
import { alleyInspections, alleyItemPhotos, alleyRegionItems } from './alleys.schema.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
let w: Awaited<ReturnType<typeof seedAlleyWorld>>;

const allPresent = () => SIX_HAVES.map((item) => ({ item, status: 'present' }));
const list = async (as: string, query = '') =>
  expectOk<Page<AlleyRegionSummary>>(await call('GET', `/api/alley-regions?${query}`, { as }));
const codes = (p: Page<AlleyRegionSummary>) => p.items.map((r) => r.code);
const inspectionCount = async () => (await ctx.database.db.select({ n: count() }).from(alleyInspections))[0].n;

beforeAll(async () => {
  ctx = await createUploadTestContext();
  call = api(ctx);
  w = await seedAlleyWorld(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

describe('alley regions: who sees which', () => {
  it('shows the county every region, a community admin their community’s, an alley head the regions they hold', async () => {
    const all = await list('admin');
    expect(codes(all)).toEqual(['T01', 'T02', 'T03']);
    // The heads in force today, by name (the map's card): T02's only duty has ended.
    expect(all.items.map((r) => r.headNames)).toEqual([['巷长甲'], [], ['巷长乙']]);
    expect(codes(await list('hangdong'))).toEqual(['T01', 'T02']);
    expect(codes(await list('sanfeng'))).toEqual(['T03']);
    // alley01's duty on T02 ended last year: only T01 is theirs now.
    expect(codes(await list('alley01'))).toEqual(['T01']);
    expect(codes(await list('alley02'))).toEqual(['T03']);
  });

  it('refuses the list to those without alleys.read', async () => {
    for (const as of ['grid01', 'unit01', 'member01', 'resident01'])
      expectError(await call('GET', '/api/alley-regions', { as }), 403, 'FORBIDDEN');
  });

  it('filters by community and search, and lists the weak items', async () => {
    const a = await list('admin', `communityId=${ctx.world.communityB.id}`);
    expect(codes(a)).toEqual(['T03']);
    expect(codes(await list('admin', `q=${encodeURIComponent('二巷')}`))).toEqual(['T02']);
    expect(a.items[0].weakItems).toEqual(['volunteerTeam', 'residentsPact', 'responsibilityBoard', 'culturalFeature']);
    expect(a.items[0].score).toBeNull();
  });

  it('answers a region out of scope 404 (not told apart from none), in scope with heads, items and rights', async () => {
    expectError(await call('GET', `/api/alley-regions/${w.B}`, { as: 'alley01' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/alley-regions/${w.B}`, { as: 'hangdong' }), 404, 'NOT_FOUND');
    const d = expectOk<AlleyRegionDetail>(await call('GET', `/api/alley-regions/${w.A}`, { as: 'alley01' }));
    expect(d.heads.map((h) => h.name)).toEqual(['巷长甲']);
    expect(d.items.map((i) => i.item)).toEqual([...SIX_HAVES]);
    expect(d).toMatchObject({ mayInspect: true, mayManage: false });
    const byAdmin = expectOk<AlleyRegionDetail>(await call('GET', `/api/alley-regions/${w.A}`, { as: 'hangdong' }));
    expect(byAdmin).toMatchObject({ mayInspect: false, mayManage: true });
  });
});

describe('inspections', () => {
  it('lets an alley head inspect their region: score by the rule, items updated, weak items open, audited', async () => {
    const items = allPresent();
    items[2] = { item: 'volunteerTeam', status: 'needs_work' };
    items[5] = { item: 'culturalFeature', status: 'missing' };
    const made = expectOk<AlleyInspectionView>(
      await call('POST', `/api/alley-regions/${w.A}/inspections`, { as: 'alley01', body: { items, note: '月度巡查' } }),
      201,
    );
    // 4 × 2 + 1 + 0 = 9 of 12 points.
    expect(made).toMatchObject({ score: 75, inspectorName: '巷长甲', note: '月度巡查' });
    expect(made.items.map((i) => i.status)).toEqual([
      'present',
      'present',
      'needs_work',
      'present',
      'present',
      'missing',
    ]);
    const d = expectOk<AlleyRegionDetail>(await call('GET', `/api/alley-regions/${w.A}`, { as: 'hangdong' }));
    expect(d.score).toBe(75);
    expect(d.weakItems).toEqual(['volunteerTeam', 'culturalFeature']);
    expect(d.inspections.map((i) => i.id)).toEqual([made.id]);
    const [row] = await auditRows(ctx, { action: 'alley_inspection.create', entityId: w.A });
    expect(row).toBeDefined();
    const mine = expectOk<Page<AlleyInspectionView>>(
      await call('GET', '/api/alley-inspections?mine=true', { as: 'alley01' }),
    );
    expect(mine.items.map((i) => i.id)).toEqual([made.id]);
  });

  it('ranks regions by their latest score, those never inspected last', async () => {
    expectOk(
      await call('POST', `/api/alley-regions/${w.B}/inspections`, { as: 'alley02', body: { items: allPresent() } }),
      201,
    );
    expect(codes(await list('admin', 'sort=-score'))).toEqual(['T03', 'T01', 'T02']);
    expect(codes(await list('admin', 'sort=score'))).toEqual(['T01', 'T03', 'T02']);
    expect(
      expectOk<Page<AlleyInspectionView>>(await call('GET', '/api/alley-inspections', { as: 'alley02' })).total,
    ).toBe(1);
  });

  it('refuses a region the head does not hold (404 out of sight; an ended duty gives none), writing nothing', async () => {
    const before = await inspectionCount();
    const body = { items: allPresent() };
    expectError(await call('POST', `/api/alley-regions/${w.B}/inspections`, { as: 'alley01', body }), 404, 'NOT_FOUND');
    expectError(
      await call('POST', `/api/alley-regions/${w.A2}/inspections`, { as: 'alley01', body }),
      404,
      'NOT_FOUND',
    );
    // A community admin reads the region but does not inspect: 403 by the permission table.
    expectError(
      await call('POST', `/api/alley-regions/${w.A}/inspections`, { as: 'hangdong', body }),
      403,
      'FORBIDDEN',
    );
    expect(await inspectionCount()).toBe(before);
  });

  it('refuses an item outside the six, a missing status, a repeated or missing item with 400, writing nothing', async () => {
    const before = await inspectionCount();
    const bad = [
      [...allPresent().slice(0, 5), { item: 'parkingLot', status: 'present' }],
      [...allPresent().slice(0, 5), { item: 'culturalFeature' }],
      [...allPresent().slice(0, 5), { item: 'guideline', status: 'present' }],
      allPresent().slice(0, 5),
      [...allPresent().slice(0, 5), { item: 'culturalFeature', status: 'great' }],
    ];
    for (const items of bad)
      expectError(
        await call('POST', `/api/alley-regions/${w.A}/inspections`, { as: 'alley01', body: { items } }),
        400,
        'VALIDATION_FAILED',
      );
    expect(await inspectionCount()).toBe(before);
  });
});

describe('evidence of an item', () => {
  it('lets the community keep a note as evidence (versioned, audited); an alley head and another community may not', async () => {
    const d = expectOk<AlleyRegionDetail>(await call('GET', `/api/alley-regions/${w.A}`, { as: 'hangdong' }));
    const guideline = d.items.find((i) => i.item === 'guideline');
    const body = { evidenceNote: '导则文本存社区档案室，巷口已上墙', version: guideline?.version ?? 1 };
    expectError(
      await call('PATCH', `/api/alley-regions/${w.A}/items/guideline`, { as: 'alley01', body }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/alley-regions/${w.A}/items/guideline`, { as: 'sanfeng', body }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('PATCH', `/api/alley-regions/${w.A}/items/parkingLot`, { as: 'hangdong', body }),
      400,
      'VALIDATION_FAILED',
    );
    const updated = expectOk<AlleyItemView>(
      await call('PATCH', `/api/alley-regions/${w.A}/items/guideline`, { as: 'hangdong', body }),
    );
    expect(updated.evidenceNote).toBe(body.evidenceNote);
    expectError(
      await call('PATCH', `/api/alley-regions/${w.A}/items/guideline`, { as: 'hangdong', body }),
      409,
      'STALE_UPDATE',
    );
    const rows = await ctx.database.db.select().from(alleyRegionItems).where(eq(alleyRegionItems.regionId, w.A));
    expect(rows.find((r) => r.item === 'guideline')?.evidenceNote).toBe(body.evidenceNote);
    expect((await auditRows(ctx, { action: 'alley_item.update', entityId: w.A })).length).toBe(1);
  });
});

describe('evidence photos', () => {
  const upload = async (as: string, item: string, file: Buffer) => {
    const form = photoForm(file);
    return ctx.app.inject({
      method: 'POST',
      url: `/api/alley-regions/${w.A}/items/${item}/photos`,
      payload: form.payload,
      headers: { ...form.headers, cookie: await ctx.cookieFor(as) },
    });
  };

  it('lets the community photograph an item (re-encoded, on the region page, served to who sees the region), audited', async () => {
    const photo = expectOk<AlleyPhotoView>(await upload('hangdong', 'responsibilityBoard', await samplePhoto()), 201);
    const d = expectOk<AlleyRegionDetail>(await call('GET', `/api/alley-regions/${w.A}`, { as: 'alley01' }));
    expect(d.items.find((i) => i.item === 'responsibilityBoard')?.photos.map((p) => p.id)).toEqual([photo.id]);
    const served = await ctx.app.inject({
      method: 'GET',
      url: photo.thumbUrl,
      headers: { cookie: await ctx.cookieFor('alley01') },
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expectError(await call('GET', photo.url, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expect((await auditRows(ctx, { action: 'alley_item.photo', entityId: w.A })).length).toBe(1);
  });

  it('refuses an alley head (403), another community (404), an item outside the six and a file that is no image (400)', async () => {
    const before = (await ctx.database.db.select({ n: count() }).from(alleyItemPhotos))[0].n;
    const jpeg = await samplePhoto();
    expectError(await upload('alley01', 'guideline', jpeg), 403, 'FORBIDDEN');
    expectError(await upload('sanfeng', 'guideline', jpeg), 404, 'NOT_FOUND');
    expectError(await upload('hangdong', 'parkingLot', jpeg), 400, 'VALIDATION_FAILED');
    expectError(await upload('hangdong', 'guideline', Buffer.from('not an image')), 400, 'INVALID_IMAGE');
    expect((await ctx.database.db.select({ n: count() }).from(alleyItemPhotos))[0].n).toBe(before);
  });
});
