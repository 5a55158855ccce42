import { describe, expect, it } from 'vitest';
import { expectError, expectOk, type Page } from '../../../test/http.js';
import { rect } from '../../../test/world.js';
import type { GridTreeNode, GridView } from './grid.contracts.js';
import { call, ctx, get, list, setupGridApi } from '../../../test/api-setup/grid.js';

setupGridApi();

const codes = (p: Page<GridView>) => p.items.map((g) => g.code);

interface FeatureCollection {
  type: string;
  features: {
    type: string;
    id: string;
    geometry: { type: string; coordinates: unknown };
    properties: Record<string, unknown>;
  }[];
}

describe('GET /api/grids', () => {
  it('pages through the grids in code order', async () => {
    const p1 = await list('pageSize=3');
    expect(p1).toMatchObject({ total: 7, page: 1, pageSize: 3 });
    expect(codes(p1)).toEqual(['350723001', '350723001001', '350723001001001']);
    expect(codes(await list('pageSize=3&page=3'))).toEqual(['350723002001']);
    expectError(await call('GET', '/api/grids?pageSize=500', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('filters by level, kind, community, parent and subtree (under)', async () => {
    const { grids: g, communityB } = ctx.world;
    expect(codes(await list('level=1'))).toEqual(['350723001', '350723002']);
    expect((await list('level=3,4')).total).toBe(2);
    expect((await list('kind=full_time')).total).toBe(3);
    expect(codes(await list(`communityId=${communityB.id}`))).toEqual(['350723002', '350723002001']);
    expect(codes(await list(`parentId=${g.gA.id}`))).toEqual(['350723001001', '350723001002']);
    expect(codes(await list(`under=${g.gA1.id}`))).toEqual(['350723001001', '350723001001001', '350723001001001001']);
    expectError(await call('GET', `/api/grids?under=${crypto.randomUUID()}`, { as: 'admin' }), 404, 'NOT_FOUND');
    expectError(await call('GET', '/api/grids?level=5', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', '/api/grids?kind=village', { as: 'admin' }), 400, 'VALIDATION_FAILED');
  });

  it('searches names anywhere and codes by prefix', async () => {
    expect(codes(await list(`q=${encodeURIComponent('三凤')}`))).toEqual(['350723002', '350723002001']);
    expect(codes(await list('q=350723002'))).toEqual(['350723002', '350723002001']);
    expect((await list('q=001001')).total).toBe(0);
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('sorts by code, name or level, descending with a minus', async () => {
    expect(codes(await list('sort=-code&pageSize=1'))).toEqual(['350723002001']);
    expect((await list('sort=-level&pageSize=1')).items[0].id).toBe(ctx.world.grids.gA111.id);
    expect((await list('sort=level')).items.map((g) => g.level)).toEqual([1, 1, 2, 2, 2, 3, 4]);
  });

  it('counts children and the people living in each subtree', async () => {
    const [gA, gB] = (await list('level=1')).items;
    expect(gA).toMatchObject({
      childCount: 2,
      peopleCount: 3,
      communityName: '杭东社区',
      parentId: null,
      bbox: [117.33, 27.54, 117.34, 27.55],
    });
    expect(gB).toMatchObject({ childCount: 1, peopleCount: 2 });
  });

  it('is readable by every logged-in role (the map is public) but not anonymously', async () => {
    expect((await list('pageSize=1', 'resident01')).total).toBe(7);
    expectError(await call('GET', '/api/grids'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/grids/tree and /api/grids/geojson', () => {
  it('nests the four levels under each community grid', async () => {
    const tree = expectOk<GridTreeNode[]>(await call('GET', '/api/grids/tree', { as: 'grid01' }));
    expect(tree.map((n) => n.code)).toEqual(['350723001', '350723002']);
    const [gA] = tree;
    expect(Object.keys(gA).sort()).toEqual(['children', 'code', 'id', 'kind', 'level', 'name']);
    expect(gA.children.map((c) => c.code)).toEqual(['350723001001', '350723001002']);
    const gA11 = gA.children[0].children[0];
    expect(gA11).toMatchObject({ level: 3, kind: 'neighbourhood' });
    expect(gA11.children).toEqual([
      {
        id: ctx.world.grids.gA111.id,
        code: '350723001001001001',
        name: '杭东一格1号楼',
        level: 4,
        kind: 'building',
        children: [],
      },
    ]);
  });

  it('filters the tree by community and maximum level', async () => {
    const b = expectOk<GridTreeNode[]>(
      await call('GET', `/api/grids/tree?communityId=${ctx.world.communityB.id}`, { as: 'admin' }),
    );
    expect(b.map((n) => [n.code, n.children.map((c) => c.code)])).toEqual([['350723002', ['350723002001']]]);
    const shallow = expectOk<GridTreeNode[]>(await call('GET', '/api/grids/tree?maxLevel=2', { as: 'admin' }));
    expect(shallow[0].children[0].children).toEqual([]);
    expectError(await call('GET', '/api/grids/tree?maxLevel=9', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', '/api/grids/tree'), 401, 'UNAUTHENTICATED');
  });

  it('serves boundaries as a GeoJSON FeatureCollection', async () => {
    const fc = expectOk<FeatureCollection>(await call('GET', '/api/grids/geojson', { as: 'resident01' }));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(7);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Polygon');
      expect(f.id).toBe(f.properties.id);
      expect(Object.keys(f.properties).sort()).toEqual([
        'code',
        'communityId',
        'id',
        'kind',
        'level',
        'name',
        'parentId',
      ]);
    }
    const l4 = expectOk<FeatureCollection>(await call('GET', '/api/grids/geojson?level=4', { as: 'admin' }));
    expect(l4.features).toHaveLength(1);
    expect(l4.features[0].geometry).toEqual(rect(117.33, 27.54, 117.3325, 27.5425));
    expect(l4.features[0].properties).toMatchObject({ code: '350723001001001001', parentId: ctx.world.grids.gA11.id });
    expectError(await call('GET', '/api/grids/geojson?level=x', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', '/api/grids/geojson'), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /api/grids/:id', () => {
  it('returns the grid with its boundary and its path from the community grid down', async () => {
    const g = await get(ctx.world.grids.gA111.id);
    expect(g).toMatchObject({
      level: 4,
      parentName: '杭东一格邻里一',
      communityName: '杭东社区',
      bbox: [117.33, 27.54, 117.3325, 27.5425],
    });
    expect(g.boundary).toEqual(rect(117.33, 27.54, 117.3325, 27.5425));
    expect(g.path.map((p) => p.code)).toEqual(['350723001', '350723001001', '350723001001001']);
    expect((await get(ctx.world.grids.gA.id)).path).toEqual([]);
  });

  it('rejects a malformed id (400), an unknown id (404) and anonymous callers (401)', async () => {
    expectError(await call('GET', '/api/grids/350723001', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('GET', `/api/grids/${crypto.randomUUID()}`, { as: 'admin' }), 404, 'NOT_FOUND');
    expectError(await call('GET', `/api/grids/${ctx.world.grids.gA.id}`), 401, 'UNAUTHENTICATED');
  });
});
