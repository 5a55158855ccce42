/**
 * Volunteer check-in and check-out by the activity's QR code under a crowd (issue 14): 100 volunteers signed up for one
 * activity all scan at once (POST /api/volunteer-activities/:id/checkin {code}, each with their own login), then all
 * check out at once 30 minutes later (POST …/checkout: hours under the day cap, the audit row). Before each burst every
 * phone opens the scan page (GET …/scan?c=, which also refreshes the session the 30 minutes left stale), as the page
 * does before its button posts; its latencies are printed too. Round 0 warms up and is not counted. Every request goes
 * through the app (app.inject: session, validation, code signature and expiry, the window, the sign-up under lock),
 * in-process, so the latencies are the server's. Each round is a new activity with 100 sign-ups; the latencies of all
 * rounds are pooled. Goal: p99 < 100 ms on PGlite (in a data directory, as the app runs by default); PostgreSQL too
 * when --pg[=url], DATABASE_URL or TEST_DATABASE_URL is given.
 * Run: node --import tsx bench/volunteer-checkin.ts [--rounds=5] [--volunteers=100] [--pg[=url]]
 */
import { advanceClock, clock } from '../src/core/clock.js';
import type { Db } from '../src/core/db.js';
import { buildApp } from '../src/app.js';
import type { App } from '../src/core/http/types.js';
import { hashPassword } from '../src/core/auth/password.js';
import { roleBindings, users } from '../src/modules/auth/auth.schema.js';
import { people } from '../src/modules/people/people.schema.js';
import {
  volunteerActivities,
  volunteerActivityRoles,
  volunteerSignups,
  volunteers,
} from '../src/modules/volunteers/volunteers.schema.js';
import { seedVolunteerCatalogue } from '../test/api-setup/volunteers.js';
import { seedTestWorld, TEST_PASSWORD } from '../test/world.js';
import { benchAppConfig } from './intake-load.js';
import { benchPostgresUrl, openBenchDatabase } from './util.js';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', 5);
const VOLUNTEERS = arg('volunteers', 100);
const MIN = 60_000;

async function login(app: App, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** `n` registered volunteers with logins (role volunteer) in community A; their ids and session cookies. */
async function crowd(db: Db, app: App, communityId: string, n: number) {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const ps = await db
    .insert(people)
    .values(Array.from({ length: n }, (_, i) => ({ name: `压测志愿者${i + 1}`, communityId, roles: ['volunteer'] })))
    .returning({ id: people.id });
  const vs = await db
    .insert(volunteers)
    .values(ps.map((p) => ({ personId: p.id, registeredAt: clock.now() })))
    .returning({ id: volunteers.id });
  const us = await db
    .insert(users)
    .values(
      ps.map((p, i) => ({
        username: `bench-vol-${i + 1}`,
        displayName: `压测志愿者${i + 1}`,
        passwordHash,
        personId: p.id,
      })),
    )
    .returning({ id: users.id, username: users.username });
  await db.insert(roleBindings).values(us.map((u) => ({ userId: u.id, role: 'volunteer' as const })));
  const cookies: string[] = [];
  for (const u of us) cookies.push(await login(app, u.username));
  return vs.map((v, i) => ({ volunteerId: v.id, cookie: cookies[i] }));
}

/** An activity that started 10 minutes ago (3 hours long) with one role for everyone, all signed up. */
async function activityFor(db: Db, communityId: string, typeId: string, volunteerIds: string[]) {
  const now = clock.nowMs();
  const [a] = await db
    .insert(volunteerActivities)
    .values({
      communityId,
      typeId,
      title: '马拉松文明引导',
      place: '杭川大道',
      startsAt: new Date(now - 10 * MIN),
      endsAt: new Date(now + 180 * MIN),
      signupOpensAt: new Date(now - 3 * 24 * 60 * MIN),
      signupClosesAt: new Date(now - 24 * 60 * MIN),
      cancelDeadlineAt: new Date(now - 24 * 60 * MIN),
    })
    .returning({ id: volunteerActivities.id });
  const [role] = await db
    .insert(volunteerActivityRoles)
    .values({ activityId: a.id, name: '引导员', slots: volunteerIds.length })
    .returning({ id: volunteerActivityRoles.id });
  await db.insert(volunteerSignups).values(
    volunteerIds.map((volunteerId) => ({
      activityId: a.id,
      roleId: role.id,
      volunteerId,
      state: 'signed_up' as const,
      queuedAt: clock.now(),
    })),
  );
  return a.id;
}

/** Everyone's phone opens the scan page at once (GET …/scan?c=), as it does before the button posts. */
async function scanBurst(app: App, id: string, code: string, cookies: string[]) {
  return Promise.all(
    cookies.map(async (cookie) => {
      const t = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/volunteer-activities/${id}/scan?c=${encodeURIComponent(code)}`,
        headers: { cookie },
      });
      return { ms: performance.now() - t, status: res.statusCode };
    }),
  );
}

/** Everyone posts at once; each request's latency and status. */
async function burst(app: App, url: string, code: string, cookies: string[]) {
  return Promise.all(
    cookies.map(async (cookie) => {
      const t = performance.now();
      const res = await app.inject({
        method: 'POST',
        url,
        payload: { code },
        headers: { cookie, 'content-type': 'application/json' },
      });
      return { ms: performance.now() - t, status: res.statusCode };
    }),
  );
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * q) - 1)];
};
const figures = (xs: number[]) =>
  `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p99 ${quantile(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

async function run(label: string, pgUrl: string | null): Promise<void> {
  const database = await openBenchDatabase(pgUrl, { onDisk: true });
  const { db } = database;
  const world = await seedTestWorld(db);
  const { types } = await seedVolunteerCatalogue(db);
  const app = await buildApp({ config: benchAppConfig(), database, logger: false });
  const admin = await login(app, 'admin');
  const people = await crowd(db, app, world.communityA.id, VOLUNTEERS);
  const cookies = people.map((p) => p.cookie);
  const all = { scan: [] as number[], checkin: [] as number[], checkout: [] as number[] };
  // Round 0 warms up (JIT, caches) and is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    const id = await activityFor(
      db,
      world.communityA.id,
      types.traffic_guidance,
      people.map((p) => p.volunteerId),
    );
    const codeOf = async () =>
      (
        await app.inject({ method: 'GET', url: `/api/volunteer-activities/${id}/code`, headers: { cookie: admin } })
      ).json<{
        code: string;
      }>().code;
    const inCode = await codeOf();
    const scansIn = await scanBurst(app, id, inCode, cookies);
    const t0 = performance.now();
    const ins = await burst(app, `/api/volunteer-activities/${id}/checkin`, inCode, cookies);
    const inWall = performance.now() - t0;
    advanceClock(30 * MIN);
    const outCode = await codeOf();
    const scansOut = await scanBurst(app, id, outCode, cookies);
    const t1 = performance.now();
    const outs = await burst(app, `/api/volunteer-activities/${id}/checkout`, outCode, cookies);
    const outWall = performance.now() - t1;
    const bad = [
      ...[...scansIn, ...scansOut].filter((r) => r.status !== 200),
      ...ins.filter((r) => r.status !== 201),
      ...outs.filter((r) => r.status !== 200),
    ];
    if (bad.length) throw new Error(`${bad.length} requests failed: ${JSON.stringify(bad.slice(0, 3))}`);
    if (round === 0) continue;
    const scanMs = [...scansIn, ...scansOut].map((r) => r.ms);
    all.scan.push(...scanMs);
    all.checkin.push(...ins.map((r) => r.ms));
    all.checkout.push(...outs.map((r) => r.ms));
    console.log(
      `${label} round ${round}: scan page ${figures(scanMs)}; check-in ${figures(ins.map((r) => r.ms))} (all ${VOLUNTEERS} in ${inWall.toFixed(0)} ms); ` +
        `check-out ${figures(outs.map((r) => r.ms))} (all in ${outWall.toFixed(0)} ms)`,
    );
  }
  console.log(
    `${label}, ${ROUNDS} rounds × ${VOLUNTEERS} at once: check-in ${figures(all.checkin)}; check-out ${figures(all.checkout)}; scan page ${figures(all.scan)}`,
  );
  await app.close();
  await database.close();
}

async function main(): Promise<void> {
  await run('PGlite', null);
  const pgUrl = benchPostgresUrl() ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
  if (pgUrl) await run('PostgreSQL', pgUrl);
}

await main();
