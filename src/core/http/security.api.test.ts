import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config.js';
import { DOCS_CSP } from './security.js';

/** A built web app as the server sees it: index.html (desktop and phone share it) and one asset. */
let webDir: string;
let ctx: TestContext;
let noDocs: TestContext;
beforeAll(async () => {
  webDir = mkdtempSync(path.join(os.tmpdir(), 'lj-web-sec-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><title>联建共治</title><script type="module" src="/assets/index-1.js"></script>',
  );
  writeFileSync(path.join(webDir, 'assets', 'index-1.js'), 'console.log(1)');
  ctx = await createTestContext({ config: { webDistDir: webDir } });
  noDocs = await createTestContext({ world: false, config: { apiDocs: false } });
});
afterAll(async () => {
  await ctx?.close();
  await noDocs?.close();
  rmSync(webDir, { recursive: true, force: true });
});

function expectHardened(res: LightMyRequestResponse, what: string): void {
  const csp = String(res.headers['content-security-policy']);
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self';");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).not.toContain('upgrade-insecure-requests');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  expect(res.headers['strict-transport-security'], what).toBeUndefined();
}

describe('security headers', () => {
  it('are on the desktop and phone pages, assets, API answers, errors and 404s', async () => {
    const cookie = await ctx.cookieFor('admin');
    const requests: [string, string, Record<string, string>, number][] = [
      ['GET', '/', {}, 200],
      ['GET', '/m/', {}, 200],
      ['GET', '/m/cases/1', {}, 200],
      ['GET', '/people', {}, 200],
      ['GET', '/assets/index-1.js', {}, 200],
      ['GET', '/api/health', {}, 200],
      ['GET', '/api/auth/me', { cookie }, 200],
      ['GET', '/api/people', {}, 401],
      ['GET', '/api/nothing', {}, 404],
      ['GET', '/assets/missing.js', {}, 404],
      ['POST', '/api/cases/sweep', { cookie, origin: 'https://evil.example' }, 403],
    ];
    for (const [method, url, headers, status] of requests) {
      const res = await ctx.app.inject({ method: method as 'GET', url, headers });
      expect(res.statusCode, url).toBe(status);
      expectHardened(res, `${method} ${url}`);
    }
  });

  it('send HSTS only on requests that came over TLS through a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-proto': 'https' };
    // By default no proxy is trusted: a client saying "https" over plain HTTP gets no HSTS.
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/', headers: forwarded })).headers['strict-transport-security'],
    ).toBeUndefined();
    const proxied = await createTestContext({ world: false, config: { trustProxy: 'loopback' } });
    try {
      const res = await proxied.app.inject({ method: 'GET', url: '/api/health', headers: forwarded });
      expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
      expect(
        (await proxied.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security'],
      ).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });
});

describe('buildApp({ hardening: false })', () => {
  it('drops the layer for benchmarks only: no setting reaches it, and the default build keeps it', async () => {
    // bench/cases-intake.ts compares against this build; neither an environment variable nor the config turns it on.
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'k7Qp2Zr9Xw4Lm8Tn3Vb6Yc1Hd5Gf0Js2Ae7Ru4Oi',
      HARDENING: 'false',
      SECURITY: 'off',
    });
    expect(Object.keys(config).filter((k) => /harden|secur/i.test(k))).toEqual([]);
    const plain = await buildApp({
      config: noDocs.app.config,
      database: noDocs.database,
      logger: false,
      hardening: false,
    });
    try {
      expect(
        (await plain.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy'],
      ).toBeUndefined();
      // No cross-site check: the anonymous foreign write reaches the session check (401), not 403.
      const foreign = await plain.inject({
        method: 'POST',
        url: '/api/cases/sweep',
        headers: { origin: 'https://evil.example' },
      });
      expect(foreign.statusCode).toBe(401);
      const shipped = await noDocs.app.inject({
        method: 'POST',
        url: '/api/cases/sweep',
        headers: { origin: 'https://evil.example' },
      });
      expect(shipped.statusCode).toBe(403);
      expectHardened(shipped, 'default build');
    } finally {
      await plain.close();
    }
  });
});

describe('/api/docs', () => {
  it('is served with its own CSP when API_DOCS is on', async () => {
    const ui = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    expect(ui.headers['content-security-policy']).toBe(DOCS_CSP);
    expect(ui.headers['x-frame-options']).toBe('DENY');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json()).toHaveProperty('openapi');
  });

  it('is not there at all when API_DOCS is off (the production default)', async () => {
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/static/index.html']) {
      expect((await noDocs.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});
