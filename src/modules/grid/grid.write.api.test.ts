import { describe, expect, it } from 'vitest';
import { auditRows, expectError, expectOk } from '../../../test/http.js';
import { rect } from '../../../test/world.js';
import type { GridDetail } from './grid.contracts.js';
import { call, ctx, get, gridCount, list, setupGridApi } from '../../../test/api-setup/grid.js';

setupGridApi();

describe('POST /api/grids', () => {
  it('gives a new grid the next free code under its parent when none is given, and audits it', async () => {
    const body = {
      name: '杭东第三网格',
      level: 2,
      kind: 'full_time',
      parentId: ctx.world.grids.gA.id,
      boundary: rect(117.331, 27.546, 117.332, 27.547),
    };
    const g = expectOk<GridDetail>(await call('POST', '/api/grids', { as: 'hangdong', body }), 201);
    expect(g).toMatchObject({
      code: '350723001003',
      communityId: ctx.world.communityA.id,
      parentName: '杭东社区网格',
      version: 1,
    });
    expect(g.bbox).toEqual([117.331, 27.546, 117.332, 27.547]);
    const [row] = await auditRows(ctx, { action: 'grid.create', entityId: g.id });
    expect(row).toMatchObject({ actorName: 'hangdong', entityType: 'grid' });
    expect(row.after).toMatchObject({ code: '350723001003', name: '杭东第三网格' });
  });

  it('accepts an explicit code, and numbers a new community grid under the county', async () => {
    const explicit = expectOk<GridDetail>(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: {
          code: '350723002005',
          name: '三凤第五网格',
          level: 2,
          kind: 'full_time',
          parentId: ctx.world.grids.gB.id,
        },
      }),
      201,
    );
    expect(explicit).toMatchObject({ code: '350723002005', boundary: null, bbox: null });
    const top = expectOk<GridDetail>(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: { name: '三凤北片', level: 1, kind: 'community', communityId: ctx.world.communityB.id },
      }),
      201,
    );
    expect(top.code).toBe('350723003');
  });

  it('rejects a level-3 grid under a level-1 parent with GRID_PARENT_LEVEL', async () => {
    const res = await call('POST', '/api/grids', {
      as: 'admin',
      body: { name: '跳级', level: 3, kind: 'neighbourhood', parentId: ctx.world.grids.gA.id },
    });
    expect(expectError(res, 400, 'GRID_PARENT_LEVEL').error.message).toBe(
      '上级网格层级不对：3 级网格的上级必须是 2 级网格',
    );
    expectError(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: {
          name: '跳级',
          level: 1,
          kind: 'community',
          parentId: ctx.world.grids.gA.id,
          communityId: ctx.world.communityA.id,
        },
      }),
      400,
      'GRID_PARENT_LEVEL',
    );
    expectError(
      await call('POST', '/api/grids', { as: 'admin', body: { name: '跳级', level: 2, kind: 'full_time' } }),
      400,
      'GRID_PARENT_LEVEL',
    );
    expect((await list(`q=${encodeURIComponent('跳级')}`)).total).toBe(0);
  });

  it('rejects a duplicate code with 409 DUPLICATE and a code that does not extend the parent with 400', async () => {
    const dup = await call('POST', '/api/grids', {
      as: 'admin',
      body: { code: '350723001001', name: '重复', level: 2, kind: 'full_time', parentId: ctx.world.grids.gA.id },
    });
    expect(expectError(dup, 409, 'DUPLICATE').error.message).toBe('编码“350723001001”已存在');
    expectError(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: { code: '350723002009', name: '错码', level: 2, kind: 'full_time', parentId: ctx.world.grids.gA.id },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: { code: '3507AB', name: '错码', level: 2, kind: 'full_time', parentId: ctx.world.grids.gA.id },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('rejects malformed GeoJSON with INVALID_GEOJSON and writes nothing', async () => {
    const before = await gridCount();
    const auditBefore = (await auditRows(ctx, { action: 'grid.create' })).length;
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [117.331, 27.541],
          [117.332, 27.541],
          [117.332, 27.542],
          [117.331, 27.542],
        ],
      ],
    };
    const bad: unknown[] = [
      open,
      { type: 'Point', coordinates: [117.331, 27.541] },
      'POLYGON((117.33 27.54, 117.34 27.54, 117.34 27.55, 117.33 27.54))',
      {
        type: 'Polygon',
        coordinates: [
          [
            ['117.33', '27.54'],
            ['117.34', '27.54'],
            ['117.34', '27.55'],
            ['117.33', '27.54'],
          ],
        ],
      },
      rect(116.3, 39.8, 116.5, 40.0),
      { type: 'Polygon', coordinates: [] },
    ];
    for (const boundary of bad) {
      const res = await call('POST', '/api/grids', {
        as: 'admin',
        body: { name: '坏边界', level: 2, kind: 'full_time', parentId: ctx.world.grids.gB.id, boundary },
      });
      expectError(res, 400, 'INVALID_GEOJSON');
    }
    expect(await gridCount()).toBe(before);
    expect(await auditRows(ctx, { action: 'grid.create' })).toHaveLength(auditBefore);
  });

  it('lets a community admin create in their own community only; other roles are refused', async () => {
    const body = { name: '越界网格', level: 2, kind: 'full_time', parentId: ctx.world.grids.gB.id };
    expectError(await call('POST', '/api/grids', { as: 'hangdong', body }), 403, 'FORBIDDEN');
    expectError(
      await call('POST', '/api/grids', {
        as: 'hangdong',
        body: { name: '越界网格', level: 1, kind: 'community', communityId: ctx.world.communityB.id },
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/grids', { as: 'grid01', body: { ...body, parentId: ctx.world.grids.gA.id } }),
      403,
      'FORBIDDEN',
    );
    expectError(await call('POST', '/api/grids', { as: 'unit01', body }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/grids', { body }), 401, 'UNAUTHENTICATED');
    expect((await list(`q=${encodeURIComponent('越界')}`)).total).toBe(0);
  });

  it('validates the body: level range, unknown fields, missing name, unknown parent, non-community', async () => {
    const base = { name: '校验', level: 2, kind: 'full_time', parentId: ctx.world.grids.gA.id };
    for (const body of [
      { ...base, level: 5 },
      { ...base, colour: 'red' },
      { level: 2, kind: 'full_time', parentId: ctx.world.grids.gA.id },
      { ...base, kind: 'village' },
      { ...base, parentId: crypto.randomUUID() },
      { name: '校验', level: 1, kind: 'community', communityId: ctx.world.unit1.id },
    ]) {
      expectError(await call('POST', '/api/grids', { as: 'admin', body }), 400, 'VALIDATION_FAILED');
    }
  });
});

describe('PATCH /api/grids/:id', () => {
  it('renames and redraws a grid in the admin’s community, bumping the version and auditing both states', async () => {
    const gA2 = await get(ctx.world.grids.gA2.id);
    const boundary = rect(117.335, 27.54, 117.3399, 27.5499);
    const after = expectOk<GridDetail>(
      await call('PATCH', `/api/grids/${gA2.id}`, {
        as: 'hangdong',
        body: { name: '杭东二格', boundary, version: gA2.version },
      }),
    );
    expect(after).toMatchObject({
      name: '杭东二格',
      version: gA2.version + 1,
      bbox: [117.335, 27.54, 117.3399, 27.5499],
    });
    const [row] = await auditRows(ctx, { action: 'grid.update', entityId: gA2.id });
    expect(row.before).toMatchObject({ name: '杭东第二网格', version: 1 });
    expect(row.after).toMatchObject({ name: '杭东二格', version: 2 });
  });

  it('rejects a stale version with 409 and leaves the grid and the audit log unchanged', async () => {
    const g = await get(ctx.world.grids.gA11.id);
    expect(
      expectOk<GridDetail>(
        await call('PATCH', `/api/grids/${g.id}`, { as: 'admin', body: { name: '邻里一', version: g.version } }),
      ).version,
    ).toBe(g.version + 1);
    const audits = (await auditRows(ctx, { action: 'grid.update', entityId: g.id })).length;
    expectError(
      await call('PATCH', `/api/grids/${g.id}`, { as: 'admin', body: { name: '过期写入', version: g.version } }),
      409,
      'STALE_UPDATE',
    );
    expect((await get(g.id)).name).toBe('邻里一');
    expect(await auditRows(ctx, { action: 'grid.update', entityId: g.id })).toHaveLength(audits);
  });

  it('rejects bad input: a broken boundary (INVALID_GEOJSON), a level change, no version', async () => {
    const g = await get(ctx.world.grids.gB1.id);
    expectError(
      await call('PATCH', `/api/grids/${g.id}`, {
        as: 'admin',
        body: {
          boundary: {
            type: 'LineString',
            coordinates: [
              [117.34, 27.54],
              [117.35, 27.55],
            ],
          },
          version: g.version,
        },
      }),
      400,
      'INVALID_GEOJSON',
    );
    expectError(
      await call('PATCH', `/api/grids/${g.id}`, { as: 'admin', body: { level: 3, version: g.version } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call('PATCH', `/api/grids/${g.id}`, { as: 'admin', body: { name: 'x' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await get(g.id)).toMatchObject({ version: g.version, boundary: g.boundary });
    expectError(
      await call('PATCH', `/api/grids/${crypto.randomUUID()}`, { as: 'admin', body: { name: 'x', version: 1 } }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses a community admin editing another community’s grid, and roles without grid.write', async () => {
    const g = await get(ctx.world.grids.gB1.id);
    expectError(
      await call('PATCH', `/api/grids/${g.id}`, { as: 'hangdong', body: { name: '抢来的', version: g.version } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/grids/${ctx.world.grids.gA1.id}`, { as: 'grid01', body: { name: '自改', version: 1 } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('PATCH', `/api/grids/${g.id}`, { body: { name: 'x', version: g.version } }),
      401,
      'UNAUTHENTICATED',
    );
    expect((await get(g.id)).name).toBe('三凤第一网格');
  });
});

describe('DELETE /api/grids/:id', () => {
  it('refuses to delete a grid with children or residents, saying what refers to it', async () => {
    const withChildren = await call('DELETE', `/api/grids/${ctx.world.grids.gA1.id}`, { as: 'admin' });
    expect(expectError(withChildren, 409, 'REFERENCED').error.message).toBe(
      '无法删除：仍有1条下级网格引用它，请先处理这些记录',
    );
    const withPeople = await call('DELETE', `/api/grids/${ctx.world.grids.gB1.id}`, {
      as: 'admin',
      headers: { 'accept-language': 'en' },
    });
    expect(expectError(withPeople, 409, 'REFERENCED').error.message).toContain('2 person record(s)');
    expect((await get(ctx.world.grids.gA1.id)).childCount).toBe(1);
  });

  it('deletes a leaf grid in the admin’s community and audits it; not in another community', async () => {
    const leaf = expectOk<GridDetail>(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: { name: '待删楼栋', level: 4, kind: 'building', parentId: ctx.world.grids.gA11.id },
      }),
      201,
    );
    const bLeaf = expectOk<GridDetail>(
      await call('POST', '/api/grids', {
        as: 'admin',
        body: { name: '三凤待删', level: 3, kind: 'neighbourhood', parentId: ctx.world.grids.gB1.id },
      }),
      201,
    );
    expectError(await call('DELETE', `/api/grids/${bLeaf.id}`, { as: 'hangdong' }), 403, 'FORBIDDEN');
    expectError(await call('DELETE', `/api/grids/${leaf.id}`, { as: 'grid01' }), 403, 'FORBIDDEN');
    expectError(await call('DELETE', `/api/grids/${leaf.id}`), 401, 'UNAUTHENTICATED');
    expect(expectOk(await call('DELETE', `/api/grids/${leaf.id}`, { as: 'hangdong' }))).toEqual({ ok: true });
    expectError(await call('GET', `/api/grids/${leaf.id}`, { as: 'admin' }), 404, 'NOT_FOUND');
    expect((await get(bLeaf.id)).name).toBe('三凤待删');
    const [row] = await auditRows(ctx, { action: 'grid.delete', entityId: leaf.id });
    expect(row).toMatchObject({ actorName: 'hangdong', after: null });
    expect(row.before).toMatchObject({ name: '待删楼栋', level: 4 });
  });

  it('refuses to delete a grid that only cases refer to, naming them, not the foreign key', async () => {
    const reported = expectOk<{ gridId: string }>(
      await call('POST', '/api/cases', {
        as: 'resident01',
        body: {
          channel: 'snap',
          description: '路灯不亮',
          categoryCode: 'facilities.streetlight',
          lng: 117.337,
          lat: 27.545,
        },
      }),
      201,
    );
    expect(reported.gridId).toBe(ctx.world.grids.gA2.id);
    const res = await call('DELETE', `/api/grids/${ctx.world.grids.gA2.id}`, { as: 'admin' });
    expect(expectError(res, 409, 'REFERENCED').error.message).toBe('无法删除：仍有1条事项引用它，请先处理这些记录');
    expect((await get(ctx.world.grids.gA2.id)).id).toBe(ctx.world.grids.gA2.id);
  });

  it('rejects a malformed id (400) and an unknown one (404)', async () => {
    expectError(await call('DELETE', '/api/grids/abc', { as: 'admin' }), 400, 'VALIDATION_FAILED');
    expectError(await call('DELETE', `/api/grids/${crypto.randomUUID()}`, { as: 'admin' }), 404, 'NOT_FOUND');
  });
});
