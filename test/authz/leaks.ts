import type { TestContext } from '../app.js';
import type { RouteDoc } from './openapi.js';
import { probeRequest } from './probes.js';
import { HOME, type MatrixRole, otherSide } from './roles.js';
import type { MatrixWorld, SideRows } from './world.js';

/**
 * The matrix looks at status codes; a list that answers 200 can still carry other people's rows (a resident shown
 * every grid duty of the county, a nearby case's title). This pass reads what residents and party members are
 * answered — lists at their largest page — and looks for the id of any row of the other side of the world.
 */
export const LEAK_ROLES: MatrixRole[] = ['member01', 'member02', 'resident01'];

/** Public to every logged-in user by design: the map's grids, the organisation tree (grid.policy.ts, org routes), and below. */
const PUBLIC = new Set([
  'GET /api/grids',
  'GET /api/grids/tree',
  'GET /api/grids/geojson',
  'GET /api/grids/locate',
  'GET /api/grids/{id}',
  'GET /api/organisations',
  'GET /api/organisations/tree',
  'GET /api/organisations/{id}',
  // Volunteer service is county-wide: any volunteer sees every team and every open activity to join, and the
  // certificates in 公示 are published to all (docs/VOLUNTEERS.md).
  'GET /api/volunteer-teams',
  'GET /api/volunteer-activities/open',
  'GET /api/volunteer-certificates/public',
]);

/**
 * Ids of the side's records. Its places (community, unit, grid) are public, and appear rightly on a row of the
 * actor's own that lies there (the matrix has each role report a case on the other side); keys and tokens are no ids.
 */
function idsOf(rows: SideRows): string[] {
  const skip: (keyof SideRows)[] = ['community', 'unit', 'grid', 'idNumber', 'committeeKey', 'dayToken'];
  return Object.entries(rows)
    .filter(([k]) => !skip.includes(k as keyof SideRows))
    .map(([, v]) => v);
}

export async function findLeaks(
  ctx: TestContext,
  world: MatrixWorld,
  routes: RouteDoc[],
  roles: MatrixRole[],
): Promise<string[]> {
  const leaks: string[] = [];
  for (const route of routes.filter((r) => r.method === 'GET' && !PUBLIC.has(r.key))) {
    for (const role of roles) {
      const side = HOME[role];
      const req = probeRequest(route, world.sides[side], world, side);
      const url = req.url.replace('pageSize=1', 'pageSize=200');
      const res = await ctx.app.inject({ method: 'GET', url, headers: { cookie: await ctx.cookieFor(role) } });
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('application/json')) continue;
      const named = idsOf(world.sides[otherSide(side)]).filter((id) => res.body.includes(id));
      if (named.length)
        leaks.push(`${route.key} as ${role} names ${named.length} row(s) of the other side: ${res.body.slice(0, 200)}`);
    }
  }
  return leaks;
}
