import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { expectJson, expectXml } from '../../../test/open311/conformance.js';
import { errorsSchema } from '../../../test/open311/georeport-v2.schemas.js';
import { auditLog } from '../../core/audit.schema.js';
import type { CreatedOpen311Client, Open311Client } from './open311.contracts.js';

/** Bad input and bad keys: every one a GeoReport v2 error with the right status, never a 500. */
let ctx: TestContext;
let key = '';
let clientId = '';
const V2 = '/open311/v2';
const ERRORS = { root: 'errors', item: 'error' };

async function admin(method: 'GET' | 'POST', url: string, payload?: object, as = 'admin') {
  return ctx.app.inject({ method, url, payload, headers: { cookie: await ctx.cookieFor(as) } });
}

beforeAll(async () => {
  ctx = await createTestContext();
  const res = await admin('POST', '/api/open311-clients', { name: '微信小程序' });
  ({ key, id: clientId } = res.json<CreatedOpen311Client>());
});
afterAll(async () => {
  await ctx?.close();
});

const post = (fields: Record<string, string>, format = 'json') =>
  ctx.app.inject({
    method: 'POST',
    url: `${V2}/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
const good = () => ({
  api_key: key,
  service_code: 'safety.gas',
  lat: '27.541',
  long: '117.331',
  description: '楼道燃气味',
});
const without = (name: string) => Object.fromEntries(Object.entries(good()).filter(([k]) => k !== name));

describe('bad requests are spec errors', () => {
  it.each([
    ['no service_code', () => without('service_code'), 400, 'service_code'],
    ['an unknown service', () => ({ ...good(), service_code: 'no.such' }), 400, 'service_code'],
    ['no location', () => without('lat'), 400, 'lat'],
    [
      'an address that names no grid',
      () => ({ ...without('lat'), address_string: '某某路1号', long: '' }),
      400,
      'address_string',
    ],
    ['lat without long', () => without('long'), 400, 'lat'],
    ['lat out of range', () => ({ ...good(), lat: '95' }), 400, 'lat'],
    ['a point outside the county', () => ({ ...good(), lat: '39.9', long: '116.4' }), 400, ''],
    ['a missing required attribute', () => ({ ...good(), service_code: 'facilities.streetlight' }), 400, 'LIGHT_STATE'],
    [
      'a value outside the list',
      () => ({ ...good(), service_code: 'facilities.streetlight', 'attribute[LIGHT_STATE]': 'x' }),
      400,
      'LIGHT_STATE',
    ],
    ['an attribute the service lacks', () => ({ ...good(), 'attribute[COLOUR]': 'red' }), 400, 'COLOUR'],
    ['a bad media_url', () => ({ ...good(), media_url: 'javascript:alert(1)' }), 400, 'media_url'],
    ['another jurisdiction', () => ({ ...good(), jurisdiction_id: 'elsewhere' }), 400, 'jurisdiction_id'],
    ['no api_key', () => without('api_key'), 401, ''],
    ['an unknown api_key', () => ({ ...good(), api_key: 'lj311_nope' }), 401, ''],
  ])('%s', async (_, fieldsOf, status, mentions) => {
    // The fields are built when the test runs: the key exists only after beforeAll.
    const fields = fieldsOf() as Record<string, string>;
    const [error] = expectJson<{ description: string }[]>(await post(fields), errorsSchema, status);
    expect(error.description).toContain(mentions);
    expectXml(await post(fields, 'xml'), ERRORS, errorsSchema, status);
  });

  it.each([
    ['start_date=yesterday'],
    ['start_date=2027-02-30'],
    ['end_date=2027-13-01T00:00:00Z'],
    ['start_date=2027-03-01&end_date=2027-02-01'],
    ['status=pending'],
    ['service_request_id=a&service_request_id=b'],
  ])('GET requests with %s is a 400', async (query) => {
    const res = await ctx.app.inject({ method: 'GET', url: `${V2}/requests.json?api_key=${key}&${query}` });
    expectJson(res, errorsSchema, 400);
  });

  it('GET requests and tokens need a key; an unknown request or token is a 404', async () => {
    expectJson(await ctx.app.inject({ method: 'GET', url: `${V2}/requests.json` }), errorsSchema, 401);
    expectJson(await ctx.app.inject({ method: 'GET', url: `${V2}/tokens/x.json` }), errorsSchema, 401);
    expectJson(
      await ctx.app.inject({ method: 'GET', url: `${V2}/requests/GZ1999-000001.json?api_key=${key}` }),
      errorsSchema,
      404,
    );
    expectJson(
      await ctx.app.inject({ method: 'GET', url: `${V2}/tokens/nothing.json?api_key=${key}` }),
      errorsSchema,
      404,
    );
    expectJson(await ctx.app.inject({ method: 'GET', url: `${V2}/requests/x.txt?api_key=${key}` }), errorsSchema, 404);
  });

  it('a malformed JSON body or an unsupported body type is a spec error', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      headers: { 'content-type': 'application/json' },
      payload: '{"api_key":',
    });
    expectJson(bad, errorsSchema, 400);
    const text = await ctx.app.inject({
      method: 'POST',
      url: `${V2}/requests.xml`,
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expectXml(text, ERRORS, errorsSchema, 415);
  });

  it('a JSON body is accepted as well as a form', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `${V2}/requests.json`, payload: good() });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('client keys', () => {
  it('only the county admin manages clients; the key is shown once and only its prefix is listed', async () => {
    expect((await admin('GET', '/api/open311-clients', undefined, 'hangdong')).statusCode).toBe(403);
    const list = (await admin('GET', '/api/open311-clients')).json<{ items: Open311Client[] }>();
    const mine = list.items.find((c) => c.id === clientId);
    expect(mine).toMatchObject({ name: '微信小程序', keyPrefix: key.slice(0, 12), revokedAt: null });
    expect(mine?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(key);
  });

  it('a revoked key is a 403, at once; revoking is audited', async () => {
    const res = await admin('POST', `/api/open311-clients/${clientId}/revoke`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Open311Client>().revokedAt).not.toBeNull();
    expectJson(await post(good()), errorsSchema, 403);
    expectXml(
      await ctx.app.inject({ method: 'GET', url: `${V2}/requests.xml?api_key=${key}` }),
      ERRORS,
      errorsSchema,
      403,
    );
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, clientId));
    expect(audits.map((a) => a.action).sort()).toEqual(['open311_client.create', 'open311_client.revoke']);
  });

  it('each key has its own rate limit: over it is a 429 in the spec format', async () => {
    const created = (
      await admin('POST', '/api/open311-clients', { name: '限流测试', requestsPerMinute: 3 })
    ).json<CreatedOpen311Client>();
    const read = () => ctx.app.inject({ method: 'GET', url: `${V2}/requests.json?api_key=${created.key}` });
    for (let i = 0; i < 3; i++) expect((await read()).statusCode).toBe(200);
    const over = await read();
    expectJson(over, errorsSchema, 429);
    expect(over.headers['retry-after']).toBeDefined();
    // Another key is counted apart.
    const other = (await admin('POST', '/api/open311-clients', { name: '另一系统' })).json<CreatedOpen311Client>();
    expect((await ctx.app.inject({ method: 'GET', url: `${V2}/requests.json?api_key=${other.key}` })).statusCode).toBe(
      200,
    );
  });
});
