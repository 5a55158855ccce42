import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../test/app.js';
import { PLUMBING_TABLES, problemWith, writeWatcher } from '../test/fuzz-check.js';
import {
  describe as describeRequest,
  type FuzzRequest,
  type OpenApiDocument,
  requestsFor,
  type RequestContext,
  writeRoutes,
  type WriteRoute,
} from '../test/fuzz-http.js';
import { sampleFiles } from '../test/fuzz-files.js';
import { Pools } from '../test/fuzz-pools.js';
import { TEST_PASSWORD } from '../test/world.js';
import { countyToday } from './core/clock.js';

/**
 * A property-based fuzz of every write route in the OpenAPI document: for each, requests of the route's JSON schema
 * (with real ids, near dates, positions in the county) and hostile ones (mutated bodies, text that is not JSON, wrong
 * content types, junk in the path and query, bad files), sent as an actor the route permits (and now and then as
 * another role). Every answer: no 5xx; an error in the API's shape with a code from src/core/errors.ts, its status
 * from that table and its message from src/core/i18n.ts, with no stack, SQL or constraint name and no echo of the input
 * in its details; and a refused request (4xx) wrote nothing (test/fuzz-check.ts watches every table). Each route's
 * gates are checked too: 401 without a session, 403 CSRF_REJECTED from a foreign Origin.
 *
 * FUZZ_SEED (default below) makes a run reproducible; FUZZ_RUNS sets the requests per route; FUZZ_ROUTE runs only the
 * routes whose "METHOD /path" contains it; FUZZ_STATS=1 prints how each route answered. A failure prints the seed, the
 * route and the request. Runs on PostgreSQL too (TEST_DATABASE_URL).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_270_107);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const ONLY = process.env.FUZZ_ROUTE;
/** FUZZ_STATS=1 prints, per route, how the valid and hostile requests were answered (how deep the fuzz gets). */
const STATS = process.env.FUZZ_STATS === '1';
const stats = new Map<string, Map<string, number>>();

function tally(route: WriteRoute, req: FuzzRequest, status: number, body: string): void {
  const code = status >= 400 ? (/"code":"(\w+)"/.exec(body)?.[1] ?? '?') : '';
  const key = `${req.kind} ${status}${code ? ` ${code}` : ''}`;
  const m = stats.get(name(route)) ?? new Map<string, number>();
  m.set(key, (m.get(key) ?? 0) + 1);
  stats.set(name(route), m);
}

/** Tried in this order; a route is fuzzed as the first who is not refused with FORBIDDEN on every probe. */
const CANDIDATES = ['admin', 'hangdong', 'sanfeng', 'grid01', 'unit01', 'unit02', 'member01', 'resident01'];
/** Auth routes: anonymous login, and a fresh member02 session for each logout (logging out admin would end the run). */
const ANONYMOUS = '(anonymous)';
const FRESH = '(fresh member02 session)';
const FIXED_ACTOR: Record<string, string> = {
  'POST /api/auth/login': ANONYMOUS,
  'POST /api/auth/logout': FRESH,
  'POST /api/auth/change-password': 'member02',
};
/** Refusals that are recorded on purpose: a failed login or password change is audited (modules/auth). */
const AUDITED_REFUSALS: Record<string, string[]> = {
  'POST /api/auth/login': ['audit_log'],
  'POST /api/auth/change-password': ['audit_log'],
};
/** Their failures move the login counters, and a logout must not precede the others. */
const LAST = ['POST /api/auth/logout', 'POST /api/auth/change-password', 'POST /api/auth/login'];

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lj-fuzz-'));
// Uploads go to a temporary DATA_DIR; the write limit is set far above the ~2,500 writes of a run, so that a 429 can
// only mean the limit is applied wrongly (the check refuses RATE_LIMITED).
const ctx = await createTestContext({ config: { dataDir, rateLimitWritesPerMinute: 1_000_000 } });
afterAll(async () => {
  if (STATS) for (const [r, m] of stats) console.log(r, Object.fromEntries([...m].sort()));
  await ctx.close();
  await rm(dataDir, { recursive: true, force: true });
});
await ctx.app.ready();
const doc = ctx.app.swagger() as unknown as OpenApiDocument;
/** Document order (creation before the routes under it), deletions after everything else, the auth routes last. */
const rank = (r: WriteRoute) => (LAST.includes(name(r)) ? 2 + LAST.indexOf(name(r)) : r.method === 'DELETE' ? 1 : 0);
const routes = writeRoutes(doc).sort((a, b) => rank(a) - rank(b));

/** Every enum value of the document: validation details may list the allowed ones. */
const enumValues = new Set<string>();
JSON.stringify(doc, (key, value: unknown) => {
  if (key === 'enum' && Array.isArray(value)) for (const v of value) if (typeof v === 'string') enumValues.add(v);
  return value;
});
const pools = new Pools();
seedPools();
/** Bodies each route accepted, the last few: hostile requests start from them (test/fuzz-http.ts neighbourBody). */
const accepted = new Map<string, unknown[]>();

const hints = { values: pools.values.bind(pools), any: pools.any.bind(pools), today: countyToday() };
const watcher = await writeWatcher(ctx.database.db, PLUMBING_TABLES);

function name(r: WriteRoute): string {
  return `${r.method} ${r.path}`;
}

/** The test world's records under the field names that refer to them. */
function seedPools(): void {
  const w = ctx.world;
  const put = (names: string[], records: { id: string }[]) => {
    for (const n of names) for (const r of records) pools.add('id', n, r.id);
  };
  put(['communityId', 'residenceCommunityId'], [w.communityA, w.communityB]);
  put(['unitId'], [w.unit1, w.unit2]);
  put(['branchId'], [w.branchA]);
  put(['parentId'], [w.county, w.town, w.communityA, ...Object.values(w.grids)]);
  put(['gridId', 'homeGridId'], Object.values(w.grids));
  put(['personId', 'reporterPersonId'], Object.values(w.people));
  put(['memberId'], Object.values(w.members));
  put(['userId'], Object.values(w.users));
}

async function cookieOf(actor: string): Promise<string | undefined> {
  if (actor === ANONYMOUS) return undefined;
  if (actor !== FRESH) return ctx.cookieFor(actor);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'member02', password: TEST_PASSWORD },
  });
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Sends the request and checks the answer; throws with the request when something is wrong. */
async function exercise(
  actor: string,
  req: FuzzRequest,
  route?: WriteRoute,
): Promise<{ status: number; code?: string }> {
  const cookie = await cookieOf(actor);
  const before = await watcher.snapshot();
  const res = await ctx.app.inject({
    method: req.method,
    url: req.url,
    payload: req.payload,
    headers: { ...req.headers, ...(cookie ? { cookie } : {}) },
  });
  if (STATS && route) tally(route, req, res.statusCode, res.body);
  const problem = problemWith(res.statusCode, res.body, req, enumValues);
  if (problem) throw new Error(`${problem}\n  as ${actor}: ${describeRequest(req)}`);
  if (res.statusCode < 400) {
    if (res.headers['content-type']?.toString().startsWith('application/json')) pools.harvest(res.json(), req.url);
    if (route && req.value !== undefined) remember(route, req.value);
    return { status: res.statusCode };
  }
  const allowed = (route && AUDITED_REFUSALS[name(route)]) ?? [];
  const changed = (await watcher.writtenSince(before)).filter((t) => !allowed.includes(t.split(' ')[0]));
  if (changed.length) {
    throw new Error(
      `${res.statusCode} ${res.body.slice(0, 200)} but wrote: ${changed.join(', ')}\n  as ${actor}: ${describeRequest(req)}`,
    );
  }
  return { status: res.statusCode, code: (res.json() as { error: { code: string } }).error.code };
}

/**
 * Reads every GET route as admin once, to learn the ids and codes of the reference data: the lists first, then each
 * single-record route for a few of the ids seen behind its segment (their nested records: sign-ups, milestones…).
 */
async function harvestReads(): Promise<void> {
  const cookie = await ctx.cookieFor('admin');
  const read = async (url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode === 200 && res.headers['content-type']?.toString().startsWith('application/json'))
      pools.harvest(res.json(), url);
  };
  const gets = Object.entries(doc.paths)
    .filter(([p, ops]) => ops.get && !/\.(xlsx|pdf)$/.test(p))
    .map(([p]) => p);
  for (const p of gets.filter((x) => !x.includes('{'))) await read(`${p}?pageSize=200`);
  for (const p of gets.filter((x) => /^[^{]*\{id\}$/.test(x))) {
    const segment = p.split('/').at(-2) ?? '';
    for (const id of pools.values('id', 'id', segment).slice(0, 3)) await read(p.replace('{id}', id));
  }
}

/** A route that answers a JSON body with 415 reads a file from multipart/form-data. */
async function markMultipart(): Promise<void> {
  for (const r of routes.filter((x) => !x.body && !FIXED_ACTOR[name(x)])) {
    // A few tries: a required query parameter drawn badly is refused (400) before the body is looked at.
    for (const valid of fc.sample(
      requestsFor(r, { hints, pools, files: [], fitting: [], successes: () => [] }, 'valid'),
      { seed: SEED, numRuns: 4 },
    )) {
      const probe = {
        ...valid,
        kind: 'hostile' as const,
        headers: { 'content-type': 'application/json' },
        payload: '{}',
        value: undefined,
      };
      if ((await exercise('admin', probe, r)).code === 'UNSUPPORTED_MEDIA_TYPE') r.multipart = true;
    }
  }
}

await harvestReads();
await markMultipart();
const files = await sampleFiles(ctx, SEED);

function seedOf(route: WriteRoute): number {
  let h = SEED | 0;
  for (const ch of name(route)) h = Math.imul(h ^ ch.charCodeAt(0), 16_777_619);
  return h >>> 0;
}

function remember(route: WriteRoute, value: unknown): void {
  const list = accepted.get(name(route)) ?? [];
  list.push(value);
  accepted.set(name(route), list.slice(-10));
}

function requestContext(route: WriteRoute): RequestContext {
  const fitting = route.path.endsWith('/import') ? files.workbooks(route.path) : files.images;
  return { hints, pools, files: files.all, fitting, successes: () => accepted.get(name(route)) ?? [] };
}

function printable(arb: fc.Arbitrary<FuzzRequest>): fc.Arbitrary<FuzzRequest> {
  return arb.map((r) =>
    Object.defineProperty(r, fc.toStringMethod, { value: () => describeRequest(r), enumerable: false }),
  );
}

async function pickActor(route: WriteRoute, c: RequestContext): Promise<string> {
  const fixed = FIXED_ACTOR[name(route)];
  if (fixed) return fixed;
  const probes = fc.sample(requestsFor(route, c, 'valid'), { seed: seedOf(route), numRuns: 2 });
  for (const actor of CANDIDATES) {
    let refused = 0;
    for (const p of probes) if ((await exercise(actor, p, route)).code === 'FORBIDDEN') refused++;
    if (refused < probes.length) return actor;
  }
  return 'admin';
}

/**
 * The gates in front of validation: a hostile body without a session is 401 (login excepted), and from a foreign
 * page's Origin 403 CSRF_REJECTED, whoever sends it. The URL is one of the route's own: a path the router cannot take
 * (bad percent-encoding, a parameter over 100 characters, `..`) is refused before any session is looked at.
 */
async function checkGates(route: WriteRoute, c: RequestContext, actor: string): Promise<void> {
  const [valid] = fc.sample(requestsFor(route, c, 'valid'), { seed: seedOf(route), numRuns: 1 });
  const [hostile] = fc.sample(requestsFor(route, c, 'hostile'), { seed: seedOf(route), numRuns: 1 });
  const req: FuzzRequest = { ...hostile, url: valid.url };
  if (actor !== ANONYMOUS)
    expect((await exercise(ANONYMOUS, req, route)).code, describeRequest(req)).toBe('UNAUTHENTICATED');
  const foreign = { ...req, headers: { ...req.headers, origin: 'https://evil.example' } };
  expect((await exercise(actor, foreign, route)).code, describeRequest(foreign)).toBe('CSRF_REJECTED');
}

async function fuzzRoute(route: WriteRoute): Promise<void> {
  const c = requestContext(route);
  let actor = '(not chosen yet)';
  try {
    actor = await pickActor(route, c);
    const arb = printable(fc.oneof(requestsFor(route, c, 'valid'), requestsFor(route, c, 'hostile')));
    // Mostly the permitted actor; now and then another role, whose refusals (403, 404 out of scope) must write nothing either.
    const users = FIXED_ACTOR[name(route)]
      ? fc.constant(actor)
      : fc.oneof({ weight: 5, arbitrary: fc.constant(actor) }, fc.constantFrom(...CANDIDATES));
    const runs = route.path === '/api/auth/logout' ? 4 : RUNS;
    await fc.assert(
      fc.asyncProperty(arb, users, async (req, user) => {
        await exercise(user, req, route);
      }),
      {
        seed: seedOf(route),
        numRuns: runs,
        endOnFailure: true,
        includeErrorInReport: true,
      },
    );
    await checkGates(route, c, actor);
  } catch (e) {
    throw new Error(`FUZZ_SEED=${SEED} FUZZ_ROUTE='${name(route)}' (as ${actor})\n${(e as Error).message}`);
  }
}

describe('every write route, fuzzed from its OpenAPI schema', () => {
  it('finds the write routes, the multipart ones among them', () => {
    expect(routes.length).toBeGreaterThanOrEqual(100);
    expect(
      routes
        .filter((r) => r.multipart)
        .map(name)
        .sort(),
    ).toEqual([
      'POST /api/alley-regions/{id}/items/{item}/documents',
      'POST /api/alley-regions/{id}/items/{item}/photos',
      'POST /api/cases/photos',
      'POST /api/party-members/import',
      'POST /api/people/import',
      'POST /api/project-plans/import',
      'POST /api/projects/{id}/evidence',
      'POST /api/service-days/{id}/photos',
    ]);
  });

  it('sees a committed write (even one that changes no value) and not a rolled-back one', async () => {
    const touch = sql`update organisations set name = name where id = ${ctx.world.county.id}`;
    let before = await watcher.snapshot();
    await ctx.database.db
      .transaction(async (tx) => {
        await tx.execute(touch);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await watcher.writtenSince(before)).toEqual([]);
    before = await watcher.snapshot();
    await ctx.database.db.execute(touch);
    expect((await watcher.writtenSince(before)).map((t) => t.split(' ')[0])).toEqual(['organisations']);
  });

  for (const route of routes) {
    if (ONLY && !name(route).includes(ONLY)) continue;
    it(
      `${name(route)}: no 5xx, errors in shape, nothing written when refused, 401/CSRF gates`,
      () => fuzzRoute(route),
      120_000,
    );
  }
});
