import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { type AppConfig, loadConfig } from '../src/core/config.js';
import { type Database, openDatabase } from '../src/core/db.js';
import type { App } from '../src/core/http/types.js';
import { withDatabase } from './global-setup.js';
import { seedTestWorld, TEST_PASSWORD, type TestWorld } from './world.js';

export interface TestContext {
  app: App;
  database: Database;
  world: TestWorld;
  /** Logs in and returns the cookie header value for that user. */
  cookieFor(username: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh database for one test file: a copy of the migrated template, on PGlite or PostgreSQL. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const pgTemplate = inject('pgTemplateDb');
  if (url && pgTemplate) return scratchPostgresDatabase(url, { prefix: 'lj_t', template: pgTemplate });
  const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openDatabase({ dataDir: 'memory://', loadDataDir: dump, migrate: false });
}

/**
 * A database of its own on the PostgreSQL server at `url` (a copy of `template`, or empty), dropped by `close()`.
 * Not migrated here: a template already is, and an empty one is for whoever migrates it (a restore, a bench).
 */
export async function scratchPostgresDatabase(
  url: string,
  opts: { prefix: string; template?: string },
): Promise<Database> {
  const name = `${opts.prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${opts.template ? ` TEMPLATE ${opts.template}` : ''}`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, name), migrate: false });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** `config` overrides the test configuration (e.g. a low rate limit, TRUST_PROXY, API docs off). */
export async function createTestContext(
  opts: { world?: boolean; config?: Partial<AppConfig> } = {},
): Promise<TestContext> {
  const database = await openTestDatabase();
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false' }),
    webDistDir: null,
    ...opts.config,
  };
  const app = await buildApp({ config, database, logger: false });
  const world = opts.world === false ? (undefined as unknown as TestWorld) : await seedTestWorld(database.db);
  const cookies = new Map<string, Promise<string>>();
  return {
    app,
    database,
    world,
    cookieFor(username) {
      // Requests that ask at once share one login: logins of one account from one address are throttled (a burst
      // of more than five at once is refused, as a guessing script's would be).
      let cookie = cookies.get(username);
      if (!cookie) {
        cookie = loginCookie(app, username);
        cookies.set(username, cookie);
        cookie.catch(() => cookies.delete(username));
      }
      return cookie;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

async function loginCookie(app: App, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
