import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, type ErrorBody, expectError, expectOk, type Page } from '../../../test/http.js';
import { JSON_BODY_LIMIT } from '../../app.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const raw = async (method: Method, url: string, payload: string, contentType = 'application/json', as = 'admin') =>
  ctx.app.inject({ method, url, payload, headers: { cookie: await ctx.cookieFor(as), 'content-type': contentType } });

describe('bad request bodies', () => {
  it('rejects unknown fields on every write with 400 VALIDATION_FAILED naming the field', async () => {
    const w = ctx.world;
    const cases: [Method, string, Record<string, unknown>][] = [
      ['POST', '/api/organisations', { kind: 'town', name: '新镇', parentId: w.county.id, mayor: '张三' }],
      ['PATCH', `/api/organisations/${w.town.id}`, { name: '杭川', version: 1, id: w.county.id }],
      ['POST', '/api/grids', { name: '新格', level: 2, kind: 'full_time', parentId: w.grids.gA.id, colour: 'red' }],
      ['PATCH', `/api/grids/${w.grids.gA.id}`, { name: '新名', version: 1, communityId: w.communityB.id }],
      [
        'POST',
        '/api/grid-duties',
        { gridId: w.grids.gA.id, personId: w.people.residentA.id, role: 'grid_worker', since: '2024-01-01', pay: 1 },
      ],
      ['POST', '/api/people', { name: '新人', homeGridId: w.grids.gA1.id, communityId: w.communityB.id }],
      ['PATCH', `/api/people/${w.people.residentA.id}`, { note: 'x', version: 1, createdAt: '2000-01-01' }],
      ['POST', `/api/people/${w.people.residentA.id}/reveal`, { fields: ['phone'], everything: true }],
      ['POST', '/api/party-members', { personId: w.people.residentA.id, kind: 'ordinary', dues: 5 }],
      ['PATCH', `/api/party-members/${w.members.member1.id}`, { version: 1, personId: w.people.residentB.id }],
    ];
    for (const [method, url, body] of cases) {
      const err = expectError(await call(method, url, { as: 'admin', body }), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(err.error.details), `${method} ${url}`).toMatch(/Unrecognized key/);
    }
    expect((await call('GET', `/api/organisations/${w.town.id}`, { as: 'admin' })).json().name).toBe('杭川镇');
  });

  it('rejects wrong types with 400 and a path to the bad field', async () => {
    const w = ctx.world;
    const cases: [Method, string, unknown, string][] = [
      ['POST', '/api/organisations', { kind: 'town', name: 123, parentId: w.county.id }, '/name'],
      ['POST', '/api/grids', { name: '格', level: '2', kind: 'full_time', parentId: w.grids.gA.id }, '/level'],
      ['PATCH', `/api/grids/${w.grids.gA.id}`, { name: '格', version: '1' }, '/version'],
      ['POST', '/api/people', { name: '人', roles: 'resident', homeGridId: w.grids.gA1.id }, '/roles'],
      ['POST', '/api/people', { name: '人', homeGridId: 42 }, '/homeGridId'],
      [
        'POST',
        '/api/party-members',
        { personId: w.people.residentA.id, kind: 'ordinary', joinedAt: 20100701 },
        '/joinedAt',
      ],
      ['POST', '/api/people', [{ name: '人' }], '/'],
      ['POST', '/api/people', 'null', '/'],
    ];
    for (const [method, url, body, path] of cases) {
      const err = expectError(await call(method, url, { as: 'admin', body }), 400, 'VALIDATION_FAILED');
      expect(err.error.details, `${method} ${url}`).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, where: 'body' })]),
      );
    }
  });

  it('rejects a JSON body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const note = 'x'.repeat(JSON_BODY_LIMIT + 10);
    const res = await call('POST', '/api/people', {
      as: 'admin',
      body: { name: '大', note, homeGridId: ctx.world.grids.gA1.id },
    });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
    const ring = Array.from({ length: 60_000 }, (_, i) => [117.33 + i * 1e-8, 27.54]);
    const big = await call('POST', '/api/grids', {
      as: 'admin',
      body: {
        name: '大',
        level: 2,
        kind: 'full_time',
        parentId: ctx.world.grids.gA.id,
        boundary: { type: 'Polygon', coordinates: [ring] },
      },
    });
    expectError(big, 413, 'PAYLOAD_TOO_LARGE');
    // A stranger's body is never read: the 401 comes first.
    const anon = await ctx.app.inject({
      method: 'POST',
      url: '/api/people',
      payload: JSON.stringify({ note }),
      headers: { 'content-type': 'application/json' },
    });
    expectError(anon, 401, 'UNAUTHENTICATED');
  });

  it('rejects invalid and empty JSON with 400', async () => {
    for (const payload of [
      '{"name": "人"',
      "{'name': '人'}",
      '{"name": "人",}',
      'not json',
      '{"__proto__": {"isAdmin": true}, "name": "人"}',
      '',
    ]) {
      expectError(await raw('POST', '/api/people', payload), 400, 'VALIDATION_FAILED');
    }
  });

  it('rejects a content type the API does not speak with 415', async () => {
    expectError(await raw('POST', '/api/people', '<person/>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('bad ids and query strings', () => {
  it('rejects non-uuid ids in paths with 400 before touching the database', async () => {
    for (const url of [
      '/api/people/1',
      '/api/grids/350723001',
      '/api/organisations/%27%20or%201=1',
      '/api/party-members/null',
      '/api/grid-duties/x',
    ]) {
      const method: Method = url.startsWith('/api/grid-duties') ? 'DELETE' : 'GET';
      expectError(await call(method, url, { as: 'admin' }), 400, 'VALIDATION_FAILED');
    }
  });

  it('rejects malformed list parameters with 400', async () => {
    for (const url of [
      '/api/people?page=abc',
      '/api/people?pageSize=0',
      '/api/people?pageSize=1000',
      '/api/people?page=1.5',
      `/api/people?q=${'长'.repeat(101)}`,
      '/api/people?q=a&q=b',
      '/api/grids?level=0',
      '/api/grids?communityId=A',
      '/api/organisations?sort=' + 'x'.repeat(51),
      '/api/grid-duties?includeDescendants=1',
      '/api/audit?from=now',
    ]) {
      expectError(await call('GET', url, { as: 'admin' }), 400, 'VALIDATION_FAILED');
    }
  });

  it('ignores an unknown sort field rather than failing', async () => {
    const page = expectOk<Page<unknown>>(await call('GET', '/api/people?sort=-passwordHash', { as: 'admin' }));
    expect(page.total).toBe(5);
  });
});

describe('unknown routes', () => {
  it('answers an unknown /api route with a JSON 404 NOT_FOUND', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing-here'],
      ['POST', '/api/people/import-everything'],
      ['PUT', '/api/people'],
      ['GET', '/api/'],
    ] as const) {
      const res = await ctx.app.inject({ method, url, headers: { cookie: await ctx.cookieFor('admin') } });
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expectError(res, 404, 'NOT_FOUND');
    }
    const anon = await ctx.app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(expectError(anon, 404, 'NOT_FOUND').error.message).toBe('未找到请求的页面或接口');
  });
});

describe('language of error messages', () => {
  const unauth = (lang?: string) =>
    ctx.app.inject({ method: 'GET', url: '/api/people', headers: lang ? { 'accept-language': lang } : {} });

  it('speaks Chinese by default and for zh or unsupported languages', async () => {
    expect(expectError(await unauth(), 401, 'UNAUTHENTICATED').error.message).toBe('请先登录');
    expect((await unauth('zh-CN,zh;q=0.9')).json<ErrorBody>().error.message).toBe('请先登录');
    expect((await unauth('fr-FR')).json<ErrorBody>().error.message).toBe('请先登录');
  });

  it('speaks English when the request asks for it first', async () => {
    expect((await unauth('en')).json<ErrorBody>().error.message).toBe('Please log in first');
    expect((await unauth('en-GB,en;q=0.9,zh;q=0.8')).json<ErrorBody>().error.message).toBe('Please log in first');
    const body = { kind: 'town', name: '人', parentId: ctx.world.county.id, mayor: 1 };
    const zh = await call('POST', '/api/organisations', { as: 'admin', body });
    const en = await call('POST', '/api/organisations', { as: 'admin', body, headers: { 'accept-language': 'en-US' } });
    expect(zh.json<ErrorBody>().error.message).toBe('提交的数据不正确，请检查后重试');
    expect(en.json<ErrorBody>().error.message).toBe('The submitted data is invalid; please check it and try again');
    const nf = await call('GET', `/api/people/${crypto.randomUUID()}`, {
      as: 'admin',
      headers: { 'accept-language': 'en' },
    });
    expect(nf.json<ErrorBody>().error.message).toBe('person not found');
    expect(
      (await call('GET', `/api/people/${crypto.randomUUID()}`, { as: 'admin' })).json<ErrorBody>().error.message,
    ).toBe('未找到人员');
  });
});

describe('no bad input reaches a 500', () => {
  it('answers hostile and odd input with a 4xx error body (or a plain result), never 500', async () => {
    const w = ctx.world;
    const requests: [Method, string, unknown, number][] = [
      ['POST', '/api/organisations', { kind: 'town', name: 'a\u0000b', parentId: w.county.id }, 400],
      ['POST', '/api/people', { name: '零字符', address: '\u0000', homeGridId: w.grids.gA1.id }, 400],
      ['PATCH', `/api/organisations/${w.town.id}`, { name: '镇', version: 1e10 }, 400],
      ['PATCH', `/api/people/${w.people.residentA.id}`, { note: 'x', version: 2 ** 31 }, 400],
      ['PATCH', `/api/people/${w.people.residentA.id}`, { note: 'x', version: 1.5 }, 400],
      [
        'POST',
        '/api/grids',
        {
          name: '深',
          level: 2,
          kind: 'full_time',
          parentId: w.grids.gA.id,
          boundary: { type: 'Polygon', coordinates: [[[[[[1]]]]]] },
        },
        400,
      ],
      [
        'POST',
        '/api/grids',
        {
          name: '空',
          level: 2,
          kind: 'full_time',
          parentId: w.grids.gA.id,
          boundary: { type: 'MultiPolygon', coordinates: [[]] },
        },
        400,
      ],
      ['POST', '/api/grids', { name: 'x'.repeat(10_000), level: 2, kind: 'full_time', parentId: w.grids.gA.id }, 400],
      [
        'POST',
        '/api/grid-duties',
        { gridId: w.grids.gA.id, personId: w.people.residentA.id, role: 'grid_worker', since: '2024-02-30' },
        400,
      ],
      [
        'POST',
        '/api/organisations',
        { kind: 'unit', name: '坐标', parentId: w.county.id, lng: 1e308, lat: -1e308 },
        400,
      ],
      ['POST', '/api/organisations', { kind: 'unit', name: '人口', parentId: w.county.id, population: 1e20 }, 400],
      ['GET', `/api/people?q=${encodeURIComponent('\u0000')}`, undefined, 400],
      ['GET', `/api/organisations?q=${encodeURIComponent('\\')}`, undefined, 200],
      ['GET', `/api/audit?entityId=${encodeURIComponent('\u0000')}`, undefined, 400],
      ['GET', '/api/grids/locate?lng=117.3&lat=NaN', undefined, 400],
      ['GET', '/api/grids/locate?lng=Infinity&lat=27.5', undefined, 400],
      ['GET', '/api/people?page=9007199254740993', undefined, 400],
      ['DELETE', `/api/organisations/${w.county.id}`, undefined, 409],
      ['DELETE', `/api/people/${w.people.memberPerson1.id}`, undefined, 409],
    ];
    for (const [method, url, body, status] of requests) {
      const res = await call(method, url, { as: 'admin', body });
      expect(res.statusCode, `${method} ${url} → ${res.body}`).toBe(status);
      if (status >= 400) expect(res.json<ErrorBody>().error.message.length).toBeGreaterThan(0);
    }
    // The \u0000 and out-of-range requests above changed nothing.
    expect(
      expectOk<{ name: string; version: number }>(
        await call('GET', `/api/organisations/${w.town.id}`, { as: 'admin' }),
      ),
    ).toMatchObject({ name: '杭川镇', version: 1 });
  });
});
