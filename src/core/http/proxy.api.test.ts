import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { api, type AuditRow, expectOk, type Page } from '../../../test/http.js';

/** What the audit log records about where a write came from, without and with TRUST_PROXY. */
let direct: TestContext;
let proxied: TestContext;
beforeAll(async () => {
  direct = await createTestContext();
  // inject() connects from 127.0.0.1: here that is the reverse proxy.
  proxied = await createTestContext({ config: { trustProxy: '127.0.0.1' } });
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
});

interface Origin {
  ip: string | null;
  requestId: string | null;
}
const FORGED = { 'x-forwarded-for': '198.51.100.23, 203.0.113.5', 'x-request-id': 'chosen-by-client' };

async function writeAndAudit(ctx: TestContext, name: string): Promise<{ row: Origin; responseId: unknown }> {
  const call = api(ctx);
  const res = await call('POST', '/api/organisations', {
    as: 'admin',
    headers: FORGED,
    body: { kind: 'town', name, parentId: ctx.world.county.id },
  });
  expectOk(res, 201);
  const page = expectOk<Page<AuditRow & Origin>>(
    await call('GET', '/api/audit?action=organisation.create&pageSize=1', { as: 'admin' }),
  );
  return { row: page.items[0], responseId: res.headers['x-request-id'] };
}

describe('TRUST_PROXY', () => {
  it('off (the default): X-Forwarded-For and X-Request-Id from the client are ignored; the audit has the peer and our id', async () => {
    const { row, responseId } = await writeAndAudit(direct, '直连镇');
    expect(row.ip).toBe('127.0.0.1');
    expect(row.requestId).not.toBe('chosen-by-client');
    expect(row.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.requestId).toBe(responseId);
  });

  it('on: the address the proxy forwarded (nearest untrusted hop) and its request id are recorded', async () => {
    const { row, responseId } = await writeAndAudit(proxied, '代理镇');
    expect(row.ip).toBe('203.0.113.5');
    expect(row.requestId).toBe('chosen-by-client');
    expect(responseId).toBe('chosen-by-client');
  });

  it('on: the same-origin check uses the host and scheme the proxy forwarded', async () => {
    const cookie = await proxied.cookieFor('admin');
    const headers = { cookie, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'lj.example.gov.cn' };
    const ok = await proxied.app.inject({
      method: 'POST',
      url: '/api/cases/sweep',
      headers: { ...headers, origin: 'https://lj.example.gov.cn' },
    });
    expect(ok.statusCode).toBe(200);
    const http = await proxied.app.inject({
      method: 'POST',
      url: '/api/cases/sweep',
      headers: { ...headers, origin: 'http://lj.example.gov.cn' },
    });
    expect(http.statusCode).toBe(403);
    // Without a trusted proxy the same forwarded headers are the client's word, and do not count.
    const spoofed = await direct.app.inject({
      method: 'POST',
      url: '/api/cases/sweep',
      headers: { ...headers, cookie: await direct.cookieFor('admin'), origin: 'https://lj.example.gov.cn' },
    });
    expect(spoofed.statusCode).toBe(403);
  });
});
