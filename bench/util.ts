import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/core/db.js';
import type { App } from '../src/core/http/types.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';

export async function loginCookieInject(app: App, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** PostgreSQL server for a bench: `--pg` (the local test server) or `--pg=postgres://…`; null = PGlite. */
export function benchPostgresUrl(argv = process.argv): string | null {
  const flag = argv.find((a) => a === '--pg' || a.startsWith('--pg='));
  if (!flag) return null;
  return flag.startsWith('--pg=')
    ? flag.slice(5)
    : (process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
}

/**
 * A fresh, migrated database for one bench run: a PGlite in memory (or, with `onDisk`, in a temporary data
 * directory, as the app runs by default), or a new database on the PostgreSQL server; `close()` removes it again.
 */
export async function openBenchDatabase(
  pgUrl: string | null,
  opts: { onDisk?: boolean } = {},
): Promise<Database & { url?: string }> {
  if (!pgUrl && opts.onDisk) {
    const dir = mkdtempSync(path.join(tmpdir(), 'lj-bench-'));
    const database = await openDatabase({ dataDir: path.join(dir, 'pglite') });
    return {
      ...database,
      close: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!pgUrl) return openDatabase({ dataDir: 'memory://' });
  const scratch = await scratchPostgresDatabase(pgUrl, 'lj_bench');
  const database = await openDatabase({ databaseUrl: scratch.url });
  return {
    ...database,
    url: scratch.url,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/** A fresh, empty PostgreSQL database next to `baseUrl` for one bench run, and how to drop it afterwards. */
export async function scratchPostgresDatabase(
  baseUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
