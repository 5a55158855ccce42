import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/app.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db.js';
import type { App } from './types.js';
import { IMMUTABLE, REVALIDATE } from './web-app.js';

let app: App;
let database: Database;
let webDir: string;
const JS = `console.log(${JSON.stringify('联建共治 '.repeat(300))});\n`;

/** A built web app as `npm run build:web` leaves it: index.html, hashed assets and their .br / .gz twins. */
function writeFixture(dir: string): void {
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>联建共治</title><script src="/assets/app-abc123.js"></script>',
  );
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), JS);
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(JS));
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(JS));
  // Under 1 KB: the build leaves it uncompressed.
  writeFileSync(path.join(dir, 'assets', 'small-def456.css'), 'body{margin:0}');
}

beforeAll(async () => {
  webDir = mkdtempSync(path.join(os.tmpdir(), 'lj-web-'));
  writeFixture(webDir);
  database = await openTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false' }), webDistDir: webDir };
  app = await buildApp({ config, database, logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('compressed assets by content negotiation', () => {
  it('answers brotli to a client that accepts it, preferring it over gzip', async () => {
    for (const accept of ['br', 'gzip, deflate, br, zstd']) {
      const res = await get('/assets/app-abc123.js', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(brotliDecompressSync(res.rawPayload).toString()).toBe(JS);
    }
  });

  it('answers gzip to a client that accepts only gzip', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(res.rawPayload).toString()).toBe(JS);
  });

  it('answers the plain file to a client that accepts neither, and when no compressed twin exists', async () => {
    for (const accept of [undefined, 'identity', 'deflate']) {
      const res = await get('/assets/app-abc123.js', accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.body).toBe(JS);
    }
    const small = await get('/assets/small-def456.css', 'br, gzip');
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['content-type']).toMatch(/text\/css/);
    expect(small.body).toBe('body{margin:0}');
  });
});

describe('caching', () => {
  it('lets browsers keep hashed assets for a year, whatever the encoding', async () => {
    for (const accept of ['br', 'gzip', undefined]) {
      expect((await get('/assets/app-abc123.js', accept)).headers['cache-control']).toBe(IMMUTABLE);
    }
    expect((await get('/assets/small-def456.css')).headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates index.html at /, at client-side routes and on the phone pages', async () => {
    for (const url of ['/', '/index.html', '/people', '/grids/abc', '/m/', '/m/cases/3']) {
      const res = await get(url, 'gzip, deflate, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe(REVALIDATE);
      expect(res.body, url).toContain('联建共治');
    }
  });

  it('answers 304 to a revalidation of an unchanged index.html', async () => {
    const first = await get('/');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
  });
});

describe('missing files', () => {
  it('404s a missing asset as the JSON error, never the app', async () => {
    for (const accept of ['br', undefined]) {
      const res = await get('/assets/missing-000000.js', accept);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const body = res.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('NOT_FOUND');
      expect(body.error.message).toEqual(expect.any(String));
    }
  });
});
