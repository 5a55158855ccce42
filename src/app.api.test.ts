import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/app.js';
import { buildApp } from './app.js';
import { loadConfig } from './core/config.js';
import type { Database } from './core/db.js';
import type { App } from './core/http/types.js';

let app: App;
let database: Database;

beforeAll(async () => {
  const web = mkdtempSync(path.join(os.tmpdir(), 'lj-web-'));
  mkdirSync(path.join(web, 'assets'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>联建共治</title>');
  writeFileSync(path.join(web, 'assets', 'app-1.js'), 'console.log(1)');
  database = await openTestDatabase();
  app = await buildApp({
    config: { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), webDistDir: web },
    database,
    logger: false,
  });
  // A file built after start must be served without a restart.
  writeFileSync(path.join(web, 'assets', 'app-2.js'), 'console.log(2)');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('serving the web app', () => {
  it('serves the single-page app at / and at client-side routes', async () => {
    for (const url of ['/', '/people', '/grids/abc']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('联建共治');
    }
  });

  it('serves built assets, including ones written after start, and 404s a missing asset as JSON', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/app-1.js' })).headers['content-type']).toMatch(
      /javascript/,
    );
    expect((await app.inject({ method: 'GET', url: '/assets/app-2.js' })).statusCode).toBe(200);
    const missing = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('answers unknown API routes with a JSON 404, not the app', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
