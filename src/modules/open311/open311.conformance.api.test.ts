import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { expectJson, expectXml } from '../../../test/open311/conformance.js';
import {
  discoverySchema,
  errorsSchema,
  postResponseSchema,
  requestsSchema,
  serviceDefinitionSchema,
  servicesSchema,
  tokenSchema,
} from '../../../test/open311/georeport-v2.schemas.js';
import type { CreatedOpen311Client } from './open311.contracts.js';

/**
 * GeoReport v2 conformance: every answer, JSON and XML, checked against the specification's field rules
 * (test/open311/georeport-v2.schemas.ts), and a client's round trip through the same intake and lifecycle as the
 * web app's cases.
 */
let ctx: TestContext;
let key = '';
const V2 = '/open311/v2';
const REQUESTS = { root: 'service_requests', item: 'request' };
const ERRORS = { root: 'errors', item: 'error' };

beforeAll(async () => {
  ctx = await createTestContext();
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/open311-clients',
    headers: { cookie: await ctx.cookieFor('admin') },
    payload: { name: '12345 热线' },
  });
  expect(res.statusCode, res.body).toBe(201);
  key = res.json<CreatedOpen311Client>().key;
});
afterAll(async () => {
  await ctx?.close();
});

const get = (url: string) => ctx.app.inject({ method: 'GET', url });
const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
const streetlight = (extra: Record<string, string> = {}) => ({
  api_key: key,
  jurisdiction_id: 'guangze',
  service_code: 'facilities.streetlight',
  lat: '27.541',
  long: '117.331',
  address_string: '杭东路1号',
  description: '杭东路口的路灯晚上一直不亮',
  'attribute[LIGHT_STATE]': 'out',
  first_name: '明',
  last_name: '王',
  phone: '13912345678',
  email: 'wang@example.com',
  ...extra,
});

describe('discovery, services and service definitions', () => {
  it('discovery names the endpoint, its formats and the specification', async () => {
    const body = expectJson<{ endpoints: { url: string }[] }>(await get(`${V2}/discovery.json`), discoverySchema);
    expect(body.endpoints[0].url).toMatch(/\/open311\/v2$/);
    expectXml(await get(`${V2}/discovery.xml`), { root: 'discovery' }, discoverySchema);
  });

  it('lists the case sub-categories as realtime services, grouped by their parent category', async () => {
    const services = expectJson<{ service_code: string; group: string; metadata: boolean }[]>(
      await get(`${V2}/services.json?jurisdiction_id=guangze`),
      servicesSchema,
    );
    expect(services.find((s) => s.service_code === 'facilities.streetlight')).toMatchObject({
      group: '设施维修',
      metadata: true,
    });
    expect(services.find((s) => s.service_code === 'safety.gas')?.metadata).toBe(false);
    const xml = expectXml<unknown[]>(
      await get(`${V2}/services.xml`),
      { root: 'services', item: 'service' },
      servicesSchema,
    );
    expect(xml).toEqual(services);
  });

  it('defines the attributes a service asks for, with a singlevaluelist', async () => {
    const def = expectJson<{ attributes: { code: string; datatype: string; values?: { key: string }[] }[] }>(
      await get(`${V2}/services/facilities.streetlight.json`),
      serviceDefinitionSchema,
    );
    expect(def.attributes[0]).toMatchObject({ code: 'LIGHT_STATE', datatype: 'singlevaluelist', required: true });
    expect(def.attributes[0].values?.map((v) => v.key)).toEqual(['out', 'flicker', 'daylight']);
    const xml = expectXml(
      await get(`${V2}/services/facilities.streetlight.xml`),
      { root: 'service_definition' },
      serviceDefinitionSchema,
    );
    expect(xml).toEqual(def);
    const none = expectJson<{ attributes: unknown[] }>(
      await get(`${V2}/services/safety.gas.json`),
      serviceDefinitionSchema,
    );
    expect(none.attributes).toEqual([]);
  });

  it('an unknown service or jurisdiction is a spec error, in either format', async () => {
    expectJson(await get(`${V2}/services/no.such.json`), errorsSchema, 404);
    expectXml(await get(`${V2}/services/no.such.xml`), ERRORS, errorsSchema, 404);
    expectJson(await get(`${V2}/services.json?jurisdiction_id=elsewhere`), errorsSchema, 400);
    expectJson(await get(`${V2}/nothing-here.json`), errorsSchema, 404);
  });
});

describe('a request with an address and no point', () => {
  it('is routed to the grid its address names, and shown without a location', async () => {
    const fields = { ...streetlight({ address_string: '杭东一格1号楼3单元门口' }) } as Record<string, string>;
    delete fields.lat;
    delete fields.long;
    const [made] = expectJson<{ service_request_id: string }[]>(
      await form(`${V2}/requests.json`, fields),
      postResponseSchema,
      201,
    );
    const [r] = expectJson<Record<string, unknown>[]>(
      await get(`${V2}/requests/${made.service_request_id}.json?api_key=${key}`),
      requestsSchema,
    );
    expect(r).toMatchObject({ address: '杭东一格1号楼3单元门口', agency_responsible: '杭东一格1号楼' });
    expect(r).not.toHaveProperty('lat');
  });
});

describe('a client round trip: POST → id → GET → closed as staff work the case', () => {
  let id = '';
  let token = '';

  it('POSTs a form-encoded request and gets its id and token at once', async () => {
    const [answer] = expectJson<{ service_request_id: string; token: string }[]>(
      await form(`${V2}/requests.json`, streetlight()),
      postResponseSchema,
      201,
    );
    ({ service_request_id: id, token } = answer);
    expect(id).toMatch(/^GZ\d{4}-\d{6}$/);
    const cases = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/cases?q=${id}`,
        headers: { cookie: await ctx.cookieFor('admin') },
      })
    ).json<{ items: { id: string; channel: string; reporterName: string; categoryCode: string }[] }>();
    expect(cases.items[0]).toMatchObject({
      channel: 'open311',
      reporterName: '王明',
      categoryCode: 'facilities.streetlight',
    });
    // The client's name is on the case: its first event (上报) names the client as who raised it.
    const detail = await ctx.app.inject({
      method: 'GET',
      url: `/api/cases/${cases.items[0].id}`,
      headers: { cookie: await ctx.cookieFor('admin') },
    });
    expect(detail.json<{ events: { action: string; actorName: string }[] }>().events[0]).toMatchObject({
      action: 'report',
      actorName: '12345 热线',
    });
  });

  it('the token answers the id; a retry with the same Idempotency-Key raises no second case', async () => {
    const [t] = expectJson<{ service_request_id: string }[]>(
      await get(`${V2}/tokens/${token}.json?api_key=${key}`),
      tokenSchema,
    );
    expect(t.service_request_id).toBe(id);
    expectXml(await get(`${V2}/tokens/${token}.xml?api_key=${key}`), REQUESTS, tokenSchema);
    const first = await form(`${V2}/requests.xml`, streetlight(), { 'idempotency-key': 'hotline-call-778' });
    const [made] = expectXml<{ service_request_id: string }[]>(first, REQUESTS, postResponseSchema, 201);
    const again = await form(`${V2}/requests.json`, streetlight(), { 'idempotency-key': 'hotline-call-778' });
    expect(expectJson<{ service_request_id: string }[]>(again, postResponseSchema, 201)[0].service_request_id).toBe(
      made.service_request_id,
    );
  });

  it('GET by id shows it open, with the grid responsible, the resolution due and no personal data', async () => {
    const [r] = expectJson<Record<string, unknown>[]>(
      await get(`${V2}/requests/${id}.json?api_key=${key}`),
      requestsSchema,
    );
    expect(r).toMatchObject({
      status: 'open',
      service_code: 'facilities.streetlight',
      address: '杭东路1号',
      lat: 27.541,
    });
    expect(r.description).toContain('路灯状况：不亮');
    expect(JSON.stringify(r)).not.toMatch(/王明|13912345678|wang@example/);
    expect(r.agency_responsible).toBeTruthy();
    expect(Date.parse(r.expected_datetime as string)).toBeGreaterThan(Date.parse(r.requested_datetime as string));
    expectXml(await get(`${V2}/requests/${id}.xml?api_key=${key}`), REQUESTS, requestsSchema);
  });

  it('staff accept, dispatch, resolve, verify and close it; the client then reads it closed', async () => {
    const admin = await ctx.cookieFor('admin');
    const found = (
      await ctx.app.inject({ method: 'GET', url: `/api/cases?q=${id}`, headers: { cookie: admin } })
    ).json<{ items: { id: string }[] }>();
    const caseId = found.items[0].id;
    const act = async (as: string, body: Record<string, unknown>) => {
      const cookie = await ctx.cookieFor(as);
      const current = (await ctx.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { cookie } })).json<{
        version: number;
      }>();
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/transitions`,
        headers: { cookie },
        payload: { version: current.version, ...body },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act('grid01', { action: 'accept' });
    await act('hangdong', { action: 'dispatch', unitIds: [ctx.world.unit1.id], reason: '需要专业力量维修路灯' });
    const [dispatched] = expectJson<{ agency_responsible: string; status_notes: string }[]>(
      await get(`${V2}/requests/${id}.json?api_key=${key}`),
      requestsSchema,
    );
    expect(dispatched.agency_responsible).toBe(ctx.world.unit1.name);
    await act('unit01', { action: 'acknowledge' });
    await act('unit01', { action: 'resolve', note: '已更换灯泡' });
    await act('hangdong', { action: 'verify' });
    await act('hangdong', { action: 'close' });
    const [closed] = expectJson<{ status: string; status_notes: string }[]>(
      await get(`${V2}/requests/${id}.json?api_key=${key}`),
      requestsSchema,
    );
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已办结' });
    const listed = expectJson<{ service_request_id: string }[]>(
      await get(`${V2}/requests.json?api_key=${key}&status=closed&service_code=facilities.streetlight`),
      requestsSchema,
    );
    expect(listed.map((r) => r.service_request_id)).toContain(id);
    const open = expectJson<{ service_request_id: string }[]>(
      await get(`${V2}/requests.json?api_key=${key}&status=open`),
      requestsSchema,
    );
    expect(open.map((r) => r.service_request_id)).not.toContain(id);
    expectXml(await get(`${V2}/requests.xml?api_key=${key}&service_request_id=${id}`), REQUESTS, requestsSchema);
  });
});
