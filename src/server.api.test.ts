import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loginCookie, type ServerProcess, startServer, tempDataDir } from '../test/server-process.js';
import { withDatabase } from '../test/global-setup.js';
import { openDatabase } from './core/db.js';
import { DEMO_PASSWORD } from './seed/demo.js';

const running: ServerProcess[] = [];
afterEach(() => {
  for (const s of running.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const s = await startServer(env);
  running.push(s);
  return s;
}

// The first two start the server on the embedded database (a DATA_DIR) whatever the suite's database is, so the
// PostgreSQL run (TEST_DATABASE_URL) skips them rather than repeat the PGlite run's; it has its own test below.
const embeddedOnly = it.skipIf(Boolean(process.env.TEST_DATABASE_URL));

describe('the server process', () => {
  embeddedOnly(
    'keeps every acknowledged write after kill -9 and opens the data directory again',
    async () => {
      const dataDir = tempDataDir();
      const first = await start({ DATA_DIR: dataDir });
      const cookie = await loginCookie(first.url, 'admin', DEMO_PASSWORD);
      const acknowledged: string[] = [];
      for (let i = 0; i < 20; i++) {
        // Units hang under the county; the API needs the county as parent, so look it up once.
        const name = `断电测试单位${i}`;
        const status = await createOrgUnderCounty(first.url, cookie, name);
        if (status === 201) acknowledged.push(name);
      }
      // Fire more writes and kill the process while they are in flight.
      const inFlight = Array.from({ length: 10 }, (_, i) =>
        createOrgUnderCounty(first.url, cookie, `在途单位${i}`).catch(() => 0),
      );
      first.child.kill('SIGKILL');
      await Promise.all(inFlight);
      await first.exited;
      expect(acknowledged).toHaveLength(20);

      const second = await start({ DATA_DIR: dataDir });
      const cookie2 = await loginCookie(second.url, 'admin', DEMO_PASSWORD);
      const res = await fetch(`${second.url}/api/organisations?q=断电测试单位&pageSize=100`, {
        headers: { cookie: cookie2 },
      });
      const names = ((await res.json()) as { items: { name: string }[] }).items.map((o) => o.name);
      expect(names.sort()).toEqual([...acknowledged].sort());
    },
    120_000,
  );

  embeddedOnly(
    'on SIGTERM finishes the request in flight, then exits 0',
    async () => {
      const s = await start({ DATA_DIR: tempDataDir() });
      // Send the headers and half the body, signal, then finish the body: the request is provably in flight.
      const body = JSON.stringify({ username: 'admin', password: DEMO_PASSWORD });
      const { port } = new URL(s.url);
      const response = new Promise<number>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/auth/login',
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          s.child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(10)), 300);
        }, 300);
      });
      expect(await response).toBe(200);
      expect(await s.exited).toBe(0);
    },
    120_000,
  );

  it.runIf(process.env.TEST_DATABASE_URL)(
    'two processes migrating one PostgreSQL database at once apply each migration once',
    async () => {
      const url = process.env.TEST_DATABASE_URL!;
      const name = `lj_mig_${Date.now()}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      try {
        const target = withDatabase(url, name);
        const [a, b] = await Promise.all([
          openDatabase({ databaseUrl: target }),
          openDatabase({ databaseUrl: target }),
        ]);
        await Promise.all([a.close(), b.close()]);
        const check = new pg.Client({ connectionString: target });
        await check.connect();
        const { rows } = await check.query(
          'select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash',
        );
        await check.end();
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
    60_000,
  );
});

const countyIdCache = new Map<string, string>();
async function createOrgUnderCounty(url: string, cookie: string, name: string): Promise<number> {
  let countyId = countyIdCache.get(url);
  if (!countyId) {
    const res = await fetch(`${url}/api/organisations?kind=county`, { headers: { cookie } });
    countyId = ((await res.json()) as { items: { id: string }[] }).items[0].id;
    countyIdCache.set(url, countyId);
  }
  const res = await fetch(`${url}/api/organisations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ kind: 'unit', name, parentId: countyId }),
  });
  return res.status;
}
