/** What the demo seed test compares: a digest of the demo's tables, and the grids' polygons and their areas. */
import { createHash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import type { Polygon } from 'geojson';
import type { Db } from '../src/core/db.js';
import { roleBindings, users } from '../src/modules/auth/auth.schema.js';
import { gridDuties } from '../src/modules/duties/duties.schema.js';
import { alleyRegions, grids } from '../src/modules/grid/grid.schema.js';
import { organisations } from '../src/modules/org/org.schema.js';
import { partyMembers } from '../src/modules/people/members/members.schema.js';
import { people } from '../src/modules/people/people.schema.js';

const TABLES = { organisations, grids, people, gridDuties, alleyRegions, partyMembers, users, roleBindings };

/** A digest of every demo table's rows sorted by id; users also without password hashes (argon2 salts differ). */
export async function digest(db: Db): Promise<Record<string, string>> {
  const sha = (rows: unknown[]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  const out: Record<string, string> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const rows: Record<string, unknown>[] = await db.select().from(table).orderBy(asc(table.id));
    out[name] = sha(rows);
    if (name === 'users') out.usersSansPassword = sha(rows.map((r) => ({ ...r, passwordHash: null })));
  }
  return out;
}

type GridSel = typeof grids.$inferSelect;

export const polygonOf = (g: GridSel): Polygon => {
  if (g.boundary?.type !== 'Polygon') throw new Error(`grid ${g.code} has no polygon`);
  return g.boundary;
};

/** Shoelace area, about a local origin so that the products do not swamp the small differences. */
export function ringArea(p: Polygon): number {
  const ring = p.coordinates[0].map(([lng, lat]) => [lng - 117.34, lat - 27.54]);
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}
