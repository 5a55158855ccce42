import type { TestContext } from '../app.js';
import { photoForm, samplePhoto } from '../photos.js';
import { TEST_PASSWORD } from '../world.js';
import { pdfForm } from './alleys.js';
import { FRESH } from './fresh.js';
import { type RouteDoc } from './openapi.js';
import { isScoped, OVERRIDES, probeRequest } from './probes.js';
import { type Cell, classify, type Cls, HOME, type MatrixRole, otherSide, ROLES, type Row } from './roles.js';
import type { MatrixWorld, Side } from './world.js';

/** One answer of the matrix, with enough of the response to see why when it is not the expected one. */
export interface Answer {
  route: string;
  role: MatrixRole;
  side: Side;
  scope: 'own' | 'other';
  cls: Cls;
  status: number;
  url: string;
  body: string;
  ms: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let photo: Promise<Buffer> | null = null;
const probePhoto = () => (photo ??= samplePhoto({ width: 32, height: 24 }));

async function cookieFor(ctx: TestContext, role: MatrixRole, ownSession: boolean): Promise<string | undefined> {
  if (role === 'anon') return undefined;
  if (!ownSession) return ctx.cookieFor(role);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: role, password: TEST_PASSWORD },
  });
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Sends one probe as this role against one side's rows. No Origin header: the matrix is a non-browser client. */
async function ask(
  ctx: TestContext,
  world: MatrixWorld,
  route: RouteDoc,
  role: MatrixRole,
  scope: Answer['scope'],
): Promise<Answer> {
  const side = scope === 'own' ? HOME[role] : otherSide(HOME[role]);
  const fresh = FRESH[route.key];
  const rows =
    fresh && role !== 'anon'
      ? { ...world.sides[side], ...(await fresh(ctx, side, world.sides[side], world)) }
      : world.sides[side];
  const req = probeRequest(route, rows, world, side);
  const cookie = await cookieFor(ctx, role, OVERRIDES[route.key]?.ownSession === true);
  let headers: Record<string, string> = cookie ? { cookie } : {};
  let payload: string | Buffer | undefined;
  if (req.upload) {
    const form =
      req.upload === 'photo'
        ? photoForm(await probePhoto())
        : req.upload === 'pdf'
          ? pdfForm()
          : photoForm(Buffer.from('not a workbook'), 'probe.xlsx', XLSX);
    headers = { ...headers, ...form.headers };
    payload = form.payload;
  } else if (req.payload !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(req.payload);
  }
  const started = performance.now();
  const res = await ctx.app.inject({ method: req.method, url: req.url, headers, payload });
  const ms = performance.now() - started;
  return {
    route: route.key,
    role,
    side,
    scope,
    cls: classify(res.statusCode, res.body),
    status: res.statusCode,
    url: req.url,
    body: res.body.slice(0, 300),
    ms,
  };
}

export interface MatrixResult {
  rows: Record<string, Row>;
  answers: Answer[];
}

/** The answers of one role to one route: its own scope, and another where the request names one. */
async function askRole(
  ctx: TestContext,
  world: MatrixWorld,
  route: RouteDoc,
  role: MatrixRole,
  scoped: boolean,
): Promise<Answer[]> {
  const own = await ask(ctx, world, route, role, 'own');
  return scoped ? [own, await ask(ctx, world, route, role, 'other')] : [own];
}

/**
 * Every route × every role × (own scope, another where the request names a row or a community), in the document's
 * order. Reads go out together (nothing depends on their order; PostgreSQL answers them side by side); writes one by
 * one, so the state each meets is the same on every run.
 */
export async function runMatrix(ctx: TestContext, world: MatrixWorld, routes: RouteDoc[]): Promise<MatrixResult> {
  const rows: Record<string, Row> = {};
  const answers: Answer[] = [];
  for (const route of routes) {
    const scoped = isScoped(route, world);
    const perRole: Answer[][] = [];
    if (route.method === 'GET')
      perRole.push(...(await Promise.all(ROLES.map((role) => askRole(ctx, world, route, role, scoped)))));
    else for (const role of ROLES) perRole.push(await askRole(ctx, world, route, role, scoped));
    const row = {} as Row;
    ROLES.forEach((role, i) => {
      const [own, other] = perRole[i];
      row[role] = (!other || own.cls === other.cls ? own.cls : `${own.cls}|${other.cls}`) as Cell;
    });
    rows[route.key] = row;
    answers.push(...perRole.flat());
  }
  return { rows, answers };
}

/** The classes a cell expects in the own and the other scope. */
export function expectedPair(cell: Cell): [Cls, Cls] {
  const [own, other] = cell.split('|') as Cls[];
  return [own, other ?? own];
}

/** The table as TypeScript, one route a line, to paste into an expected file after reviewing it. */
export function formatRows(rows: Record<string, Row>): string {
  return Object.entries(rows)
    .map(([key, row]) => {
      const cells = ROLES.map((r) => `${r}: '${row[r]}'`).join(', ');
      return `  '${key}': { ${cells} },`;
    })
    .join('\n');
}
