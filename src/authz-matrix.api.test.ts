import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../test/app.js';
import { EXPECTED } from '../test/authz/expected/index.js';
import { findLeaks, LEAK_ROLES } from '../test/authz/leaks.js';
import { type OpenApiDoc, type RouteDoc, routesOf } from '../test/authz/openapi.js';
import { classify, ROLES } from '../test/authz/roles.js';
import { expectedPair, formatRows, type MatrixResult, runMatrix } from '../test/authz/run.js';
import { buildMatrixWorld, type MatrixWorld } from '../test/authz/world.js';
import { createUploadTestContext } from '../test/photos.js';

/**
 * The authorisation matrix: every route of the OpenAPI document × the nine users of the test world and an anonymous
 * caller × the actor's own scope and another (where the request names a row or a community), against one table of
 * expected answers (test/authz/expected/). Writes are probed so that an allowed actor is refused by a stale version
 * or an existing key and nothing changes (test/authz/probes.ts). A new route fails here until it has a row.
 * AUTHZ_MATRIX_OUT=<file> writes the table as answered, to review and paste after a deliberate change.
 */
/** Writes a stranger may make: logging in (its body is checked, so `{}` is a 400 there). */
const ANONYMOUS_OK = new Set(['POST /api/auth/login']);

let ctx: TestContext;
let world: MatrixWorld;
let routes: RouteDoc[];
let result: MatrixResult;

beforeAll(async () => {
  ctx = await createUploadTestContext();
  world = await buildMatrixWorld(ctx);
  await ctx.app.ready();
  routes = routesOf(ctx.app.swagger() as unknown as OpenApiDoc);
  result = await runMatrix(ctx, world, routes);
  if (process.env.AUTHZ_MATRIX_OUT) writeFileSync(process.env.AUTHZ_MATRIX_OUT, `${formatRows(result.rows)}\n`);
}, 300_000);
afterAll(async () => {
  await ctx?.close();
});

describe('authorisation matrix', () => {
  it('has a row for every route of the OpenAPI document, and no row for a route that is gone', () => {
    const documented = routes.map((r) => r.key).sort();
    expect(
      documented.filter((k) => !EXPECTED[k]),
      'routes without a row in test/authz/expected/',
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((k) => !documented.includes(k)),
      'rows for routes not in the document',
    ).toEqual([]);
  });

  it('reaches every handler: no probe is refused by the route schema, none fails with a server error', () => {
    const broken = result.answers.filter((a) => a.cls === 'schema' || a.cls === 'error');
    expect(broken.map((a) => `${a.route} as ${a.role} (${a.side}): ${a.status} ${a.body}`)).toEqual([]);
  });

  it('answers every route, role and scope as the table expects', () => {
    const wrong: string[] = [];
    for (const a of result.answers) {
      const cell = EXPECTED[a.route]?.[a.role];
      if (!cell) continue;
      const [own, other] = expectedPair(cell);
      const want = a.scope === 'own' ? own : other;
      if (a.cls !== want)
        wrong.push(`${a.route} as ${a.role} (${a.scope} scope): want ${want}, got ${a.cls} — ${a.status} ${a.body}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers an anonymous write 401 before looking at its body (an empty body is no 400)', async () => {
    const early: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const url = route.path.replace(/\{(\w+)\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await ctx.app.inject({
        method: route.method,
        url,
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      });
      const want = ANONYMOUS_OK.has(route.key) ? 'ok' : 'unauth';
      const got = classify(res.statusCode, res.body);
      if (got !== want && !(want === 'ok' && got === 'schema'))
        early.push(`${route.key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(early).toEqual([]);
  });

  it('shows residents and party members no row of another community (ids in their answers)', async () => {
    expect(await findLeaks(ctx, world, routes, LEAK_ROLES)).toEqual([]);
  });

  it('covers routes × roles × scopes', () => {
    expect(new Set(result.answers.map((a) => a.role))).toEqual(new Set(ROLES));
    expect(result.answers.length).toBeGreaterThan(routes.length * ROLES.length);
  });
});
