/**
 * Several real server processes on one PostgreSQL database (docs/SCALING.md): two instances as a load balancer would
 * run them (each addressed directly, so a test knows which process answers), and `WORKERS=2` under node:cluster. Each
 * run makes its own database next to TEST_DATABASE_URL (a copy of the migrated template, or empty for the cluster)
 * and drops it after; without TEST_DATABASE_URL only the PGlite refusal runs.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loginCookie, type ServerProcess, startServer, tempDataDir } from '../test/server-process.js';
import { withDatabase } from '../test/global-setup.js';
import { samplePhoto } from '../test/photos.js';
import { seedTestWorld, TEST_PASSWORD } from '../test/world.js';
import { WORKERS_NEED_POSTGRES } from './core/config.js';
import { type Database, openDatabase } from './core/db.js';
import { LEADER_LOCK_KEY } from './core/leader.js';
import { MIGRATIONS_DIR } from './core/paths.js';

const PG_URL = process.env.TEST_DATABASE_URL;
const WRITES_PER_MINUTE = 6;
const START_WITHIN_MS = 120_000;

describe('WORKERS on the embedded database', () => {
  it('refuses WORKERS=2 without DATABASE_URL, saying why in Chinese and English', async () => {
    const error = await startServer({ WORKERS: '2', DATA_DIR: tempDataDir() }).then(
      () => null,
      (e: unknown) => String(e),
    );
    expect(error).toContain('server exited early');
    expect(error).toContain(WORKERS_NEED_POSTGRES);
    expect(WORKERS_NEED_POSTGRES).toMatch(/需要 PostgreSQL.*needs PostgreSQL/);
  });
});

/** A database of its own on the test server; `template` copies the migrated template (with the reference data). */
async function scratchDatabase(template: boolean) {
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `lianjian_mp_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${inject('pgTemplateDb')}` : ''}`);
  const url = withDatabase(PG_URL, name);
  return {
    url,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const get = (base: string, path: string, cookie: string) => fetch(`${base}${path}`, { headers: { cookie } });
const post = (base: string, path: string, cookie: string, body: unknown = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const migrationCount = () =>
  (JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries
    .length;
const processName = (s: ServerProcess) => new RegExp(`:${s.child.pid}$`);
/**
 * A notice (a revoked Open311 key) reaches the other process on its own connection, racing the client's next
 * request; on a loaded machine that request can win by a few milliseconds. So: ask until the answer is `status`, and
 * return how long it took. (Sessions do not wait for notices on PostgreSQL: each request reads its session.)
 */
const NOTICE_WITHIN_MS = 2_000;
async function answeredWithin(status: number, ask: () => Promise<Response>): Promise<{ status: number; ms: number }> {
  const since = performance.now();
  let last = 0;
  while (performance.now() - since < 2 * NOTICE_WITHIN_MS) {
    last = (await ask()).status;
    if (last === status) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { status: last, ms: performance.now() - since };
}
/** The answer came, and within the notice's delivery (not the cache's 5-second expiry). */
function expectNoticed(answer: { status: number; ms: number }, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.ms).toBeLessThan(NOTICE_WITHIN_MS);
}

describe.skipIf(!PG_URL)('two server processes on one PostgreSQL database', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let database: Database;
  let a: ServerProcess;
  let b: ServerProcess;
  const rows = async <T>(query: SQL) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const jobs = () =>
    rows<{ name: string; runs: number; ran_by: string }>(sql`select name, runs, ran_by from job_runs order by name`);

  beforeAll(async () => {
    scratch = await scratchDatabase(true);
    database = await openDatabase({ databaseUrl: scratch.url, migrate: false });
    await seedTestWorld(database.db);
    const env = {
      DATABASE_URL: scratch.url,
      DATA_DIR: tempDataDir(),
      SEED_DEMO: 'false',
      RATE_LIMIT_WRITES_PER_MINUTE: String(WRITES_PER_MINUTE),
    };
    // Started together: they migrate and seed one after the other (the start-up lock) and race for the lead.
    [a, b] = await Promise.all([startServer(env, START_WITHIN_MS), startServer(env, START_WITHIN_MS)]);
  }, 2 * START_WITHIN_MS);
  afterAll(async () => {
    for (const s of [a, b]) if (s && s.child.exitCode === null) s.child.kill('SIGKILL');
    await database?.close();
    await scratch?.drop();
  });

  it('runs the background work in one process only', async () => {
    const locks = await rows<{ n: number }>(
      sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and granted
        and ((classid::bigint << 32) | objid::bigint) = ${LEADER_LOCK_KEY}`,
    );
    expect(locks[0].n).toBe(1);
    const before = await jobs();
    await new Promise((r) => setTimeout(r, 2_000));
    const after = await jobs();
    const leaders = new Set(after.map((j) => j.ran_by));
    expect(leaders.size).toBe(1);
    const [leader] = leaders;
    expect([a, b].filter((s) => processName(s).test(leader))).toHaveLength(1);
    // The hourly proposal ran once, at the leader's start; the other process never ran it.
    expect(after.find((j) => j.name === 'meetings-propose')?.runs).toBe(1);
    // The fold every 200 ms: at most one process's rate (two would make ~20 runs in 2 s).
    const folds = (rows: typeof before) => rows.find((j) => j.name === 'case-stats-fold')?.runs ?? 0;
    expect(folds(after) - folds(before)).toBeGreaterThan(0);
    expect(folds(after) - folds(before)).toBeLessThanOrEqual(12);
  });

  it('ends a session logged out in A at once in B', async () => {
    const cookie = await loginCookie(a.url, 'member01', TEST_PASSWORD);
    expect((await get(b.url, '/api/auth/me', cookie)).status).toBe(200);
    expect((await get(a.url, '/api/auth/me', cookie)).status).toBe(200);
    expect((await post(a.url, '/api/auth/logout', cookie)).status).toBeLessThan(300);
    // B resolved this session a moment ago; on PostgreSQL it reads sessions afresh, so the very next request is refused.
    expect((await get(b.url, '/api/auth/me', cookie)).status).toBe(401);
  });

  it('ends the other sessions of a password changed in A at once in B', async () => {
    const inA = await loginCookie(a.url, 'grid01', TEST_PASSWORD);
    const inB = await loginCookie(b.url, 'grid01', TEST_PASSWORD);
    expect((await get(b.url, '/api/auth/me', inB)).status).toBe(200);
    const changed = await post(a.url, '/api/auth/change-password', inA, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Qz7-multi-process-pass',
    });
    expect(changed.status).toBeLessThan(300);
    expect((await get(b.url, '/api/auth/me', inB)).status).toBe(401);
    expect((await get(b.url, '/api/auth/me', inA)).status).toBe(200);
  });

  it('honours a change of roles in both processes at once', async () => {
    const cookie = await loginCookie(a.url, 'resident01', TEST_PASSWORD);
    for (const s of [a, b]) expect((await get(s.url, '/api/audit', cookie)).status).toBe(403);
    // No route changes roles yet: written as an administrator would, in SQL; the trigger notifies every process.
    await database.db.execute(
      sql`insert into role_bindings (user_id, role, scope_org_id)
        select r.id, 'county_admin', rb.scope_org_id from users r, users adm
          join role_bindings rb on rb.user_id = adm.id
        where r.username = 'resident01' and adm.username = 'admin'`,
    );
    for (const s of [b, a]) expect((await get(s.url, '/api/audit', cookie)).status).toBe(200);
    await database.db.execute(
      sql`delete from role_bindings where role = 'county_admin'
        and user_id = (select id from users where username = 'resident01')`,
    );
    for (const s of [b, a]) expect((await get(s.url, '/api/audit', cookie)).status).toBe(403);
  });

  it('counts the write limit across both processes', async () => {
    const cookie = await loginCookie(a.url, 'member02', TEST_PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i <= WRITES_PER_MINUTE; i++) {
      statuses.push((await post(i % 2 ? b.url : a.url, '/api/notifications/read', cookie)).status);
    }
    // Three writes through each process, the seventh refused: neither process alone reached the limit.
    expect(statuses).toEqual([...Array(WRITES_PER_MINUTE).fill(200), 429]);
  });

  it('counts failed logins across both processes (the login throttle)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8 && !statuses.includes(429); i++) {
      const res = await fetch(`${i % 2 ? b.url : a.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'unit02', password: 'wrong-password' }),
      });
      statuses.push(res.status);
    }
    // Five free failures (three in A, two in B), then a wait: refused in whichever process comes next.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('serves from B a photo uploaded through A (a shared DATA_DIR)', async () => {
    const cookie = await loginCookie(a.url, 'admin', TEST_PASSWORD);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await samplePhoto())], { type: 'image/jpeg' }), 'photo.jpg');
    const uploaded = await fetch(`${a.url}/api/cases/photos`, { method: 'POST', headers: { cookie }, body: form });
    expect(uploaded.status).toBe(201);
    const photo = (await uploaded.json()) as { id: string };
    const fromA = await get(a.url, `/api/cases/photos/${photo.id}`, cookie);
    const fromB = await get(b.url, `/api/cases/photos/${photo.id}`, cookie);
    expect(fromB.status).toBe(200);
    expect(fromB.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await fromB.arrayBuffer())).toEqual(Buffer.from(await fromA.arrayBuffer()));
  });

  it('refuses at once in B an Open311 key revoked in A', async () => {
    const cookie = await loginCookie(a.url, 'admin', TEST_PASSWORD);
    const created = await post(a.url, '/api/open311-clients', cookie, { name: '多进程测试客户端' });
    expect(created.status).toBe(201);
    const client = (await created.json()) as { id: string; key: string };
    const requests = `/open311/v2/requests.json?api_key=${client.key}`;
    // B has looked the key up and keeps it in its 5-second cache…
    expect((await fetch(`${b.url}${requests}`)).status).toBe(200);
    expect((await post(a.url, `/api/open311-clients/${client.id}/revoke`, cookie)).status).toBe(200);
    // …which the revocation's notice empties: refused well within those 5 seconds.
    expectNoticed(await answeredWithin(403, () => fetch(`${b.url}${requests}`)), 403);
  });

  it('hands the background work to the other process when the leader stops', async () => {
    const [leader] = new Set((await jobs()).map((j) => j.ran_by));
    const [stopping, staying] = processName(a).test(leader) ? [a, b] : [b, a];
    stopping.child.kill('SIGTERM');
    expect(await stopping.exited).toBe(0);
    const deadline = performance.now() + 15_000;
    let fold = '';
    while (performance.now() < deadline && !processName(staying).test(fold)) {
      await new Promise((r) => setTimeout(r, 250));
      fold = (await jobs()).find((j) => j.name === 'case-stats-fold')?.ran_by ?? '';
    }
    expect(fold).toMatch(processName(staying));
  }, 30_000);
});

describe.skipIf(!PG_URL)('WORKERS=2 (node:cluster) on an empty PostgreSQL database', () => {
  it(
    'migrates and seeds once, serves on one port, and leads the background work from one worker',
    async () => {
      const scratch = await scratchDatabase(false);
      let server: ServerProcess | null = null;
      try {
        server = await startServer(
          { WORKERS: '2', DATABASE_URL: scratch.url, DATA_DIR: tempDataDir(), SEED_DEMO: 'false' },
          START_WITHIN_MS,
        );
        expect(server.output()).toContain('2 worker processes');
        const check = new pg.Client({ connectionString: scratch.url });
        await check.connect();
        try {
          const one = async (q: string) => (await check.query(q)).rows[0] as Record<string, number>;
          // Each migration applied and recorded once, though both workers ran the migrator at start.
          expect(await one('select count(*)::int as n from drizzle.__drizzle_migrations')).toEqual({
            n: migrationCount(),
          });
          expect(
            await one(`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and query ilike 'LISTEN lianjian_sessions'`),
          ).toEqual({ n: 2 });
        } finally {
          await check.end();
        }
        for (let i = 0; i < 4; i++) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
        // /metrics from whichever worker answers is the cluster's: the primary sums both workers' (core/metrics/).
        const metrics = await (await fetch(`${server.url}/metrics`)).text();
        expect(metrics).toContain(
          'lianjian_http_request_duration_seconds_count{method="GET",route="/api/health",status_class="2xx"} 4\n',
        );
        expect(metrics).toContain('lianjian_database_info{kind="postgres"} 1\n');
        expect(metrics).toMatch(/lianjian_db_pool_connections\{state="total"\} \d+/);
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      } finally {
        if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
        await scratch.drop();
      }
    },
    2 * START_WITHIN_MS,
  );
});
