import { describe, expect, it } from 'vitest';
import {
  call,
  ctx,
  open,
  openingCount,
  typeId,
  typesOf,
  usePostsContext,
  year,
} from '../../../../test/api-setup/posts.js';
import { auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import type { PostOpeningView, PostTypeView } from './posts.openings.contracts.js';

// Post types and openings (设岗定责). The assignment, its decisions and the hand assignment: assignment/assignment.api.test.ts.
usePostsContext();

describe('post types', () => {
  it("are the article's eight for a community on first need, readable by staff and members", async () => {
    const types = await typesOf(ctx.world.communityA.id);
    expect(types.map((t) => t.name)).toEqual([
      '纠纷调解',
      '社区治安',
      '民情收集',
      '社会工作参议',
      '法律服务',
      '敬老助残',
      '环境整治',
      '青少年关心教育',
    ]);
    expect(types.every((t) => t.nameEn && t.active)).toBe(true);
    expect(await typesOf(ctx.world.communityA.id, 'member01')).toHaveLength(8);
    expectError(
      await call('GET', `/api/post-types?communityId=${ctx.world.communityA.id}`, { as: 'resident01' }),
      403,
      'FORBIDDEN',
    );
  });

  it('are added and renamed by their community only, with version checks', async () => {
    const A = ctx.world.communityA.id;
    const body = { communityId: A, name: '文明劝导', nameEn: 'Civility wardens' };
    expectError(await call('POST', '/api/post-types', { as: 'sanfeng', body }), 403, 'FORBIDDEN');
    const t = expectOk<PostTypeView>(await call('POST', '/api/post-types', { as: 'hangdong', body }), 201);
    expect(t.key).toMatch(/^custom_/);
    expectError(
      await call('POST', '/api/post-types', { as: 'hangdong', body: { ...body, key: 'environment' } }),
      409,
      'DUPLICATE',
    );
    expectError(
      await call('PATCH', `/api/post-types/${t.id}`, { as: 'sanfeng', body: { name: 'x', version: t.version } }),
      403,
      'FORBIDDEN',
    );
    const renamed = expectOk<PostTypeView>(
      await call('PATCH', `/api/post-types/${t.id}`, {
        as: 'hangdong',
        body: { name: '文明劝导员', active: false, version: t.version },
      }),
    );
    expect(renamed).toMatchObject({ name: '文明劝导员', active: false, version: t.version + 1 });
    expectError(
      await call('PATCH', `/api/post-types/${t.id}`, { as: 'hangdong', body: { name: 'y', version: t.version } }),
      409,
      'STALE_UPDATE',
    );
    expect((await auditRows(ctx, { entityType: 'post_type' })).length).toBeGreaterThanOrEqual(2);
  });
});

describe('post openings', () => {
  it('refuse bad input with a 4xx and write nothing', async () => {
    const w = ctx.world;
    const before = await openingCount();
    const base = {
      communityId: w.communityA.id,
      year,
      seats: 2,
      title: '环境整治岗',
      postTypeId: await typeId(w.communityA.id, 'environment'),
    };
    expectError(
      await call('POST', '/api/post-openings', { as: 'hangdong', body: { ...base, seats: 0 } }),
      400,
      'VALIDATION_FAILED',
    );
    const otherType = await typeId(w.communityB.id, 'environment');
    expectError(
      await call('POST', '/api/post-openings', { as: 'hangdong', body: { ...base, postTypeId: otherType } }),
      400,
      'POST_TYPE_UNKNOWN',
    );
    const unknown = '00000000-0000-4000-8000-000000000001';
    expectError(
      await call('POST', '/api/post-openings', { as: 'hangdong', body: { ...base, postTypeId: unknown } }),
      400,
      'POST_TYPE_UNKNOWN',
    );
    expectError(
      await call('POST', '/api/post-openings', { as: 'hangdong', body: { ...base, gridId: w.grids.gB1.id } }),
      400,
      'POST_GRID_OUTSIDE_COMMUNITY',
    );
    expectError(await call('POST', '/api/post-openings', { as: 'sanfeng', body: base }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/post-openings', { as: 'member01', body: base }), 403, 'FORBIDDEN');
    expect(await openingCount()).toBe(before);
  });

  it('are listed within scope, with filters', async () => {
    const w = ctx.world;
    const o = await open({ gridId: w.grids.gA1.id, seats: 2, title: '一网格环境整治岗' });
    expect(o).toMatchObject({ gridName: '杭东第一网格', postTypeName: '环境整治', confirmedCount: 0, state: 'open' });
    const list = (as: string, q = '') =>
      call('GET', `/api/post-openings?pageSize=200${q}`, { as }).then((r) => expectOk<Page<PostOpeningView>>(r).items);
    expect((await list('hangdong')).map((x) => x.id)).toContain(o.id);
    expect((await list('grid01')).map((x) => x.id)).toContain(o.id);
    expect((await list('sanfeng')).map((x) => x.id)).not.toContain(o.id);
    expect((await list('unit02')).map((x) => x.id)).not.toContain(o.id);
    expect(
      await list('admin', `&gridId=${w.grids.gA1.id}&year=${year}&state=open&postTypeId=${o.postTypeId}`),
    ).toHaveLength(1);
    expect(await list('admin', `&gridId=${w.grids.gA1.id}&state=closed`)).toHaveLength(0);
    expectError(await call('GET', '/api/post-openings', { as: 'member01' }), 403, 'FORBIDDEN');
    expectError(await call('GET', `/api/post-openings/${o.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expectError(
      await call('PATCH', `/api/post-openings/${o.id}`, { as: 'sanfeng', body: { seats: 3, version: o.version } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('PATCH', `/api/post-openings/${o.id}`, { as: 'grid01', body: { seats: 3, version: o.version } }),
      403,
      'FORBIDDEN',
    );
  });
});
