import type { Polygon } from 'geojson';
import { ADDRESS_PREFIX } from './demo-places.js';
import type { GridRow, OrgRow, PersonRow } from './demo-types.js';
import type { DemoData } from './demo.js';
import { bilinear, distanceKm, type LngLat } from './geometry.js';
import { WHISTLE_STRENGTHS } from '../modules/cobuild/pairing/pairing.strengths.js';
import type { Rng } from './rng.js';

/** Someone who acts on a case: a login (if they have one) and the name the event shows. */
export interface CaseActor {
  userId: string | null;
  name: string;
}

export interface CommunityPlace {
  org: OrgRow;
  population: number;
  /** Level-4 grids (buildings and alleys), where cases happen. */
  leaves: GridRow[];
  residents: PersonRow[];
  admin: CaseActor;
  /** Units by how near their offices are to the community (the pairing of 就近就便), nearest first. */
  nearUnits: OrgRow[];
}

/**
 * The demo world as the case generator needs it, from the rows buildDemo produced: communities with their leaf
 * grids, residents and admin login; the grid worker who owns each full-time grid; units and their admin logins.
 */
export class CasesWorld {
  readonly communities: CommunityPlace[];
  readonly gridsById = new Map<string, GridRow>();
  private readonly gridsByCode = new Map<string, GridRow>();
  private readonly workerByGrid = new Map<string, PersonRow>();
  private readonly unitAdmins = new Map<string, CaseActor>();
  private readonly usersByPerson = new Map<string, string>();
  readonly peopleById = new Map<string, PersonRow>();
  readonly logins = new Map<string, { userId: string; personId: string | null; name: string }>();

  constructor(data: DemoData) {
    for (const g of data.grids) {
      this.gridsById.set(g.id, g);
      this.gridsByCode.set(g.code, g);
    }
    for (const p of data.people) this.peopleById.set(p.id, p);
    for (const u of data.users) {
      this.logins.set(u.username, { userId: u.id, personId: u.personId ?? null, name: u.displayName });
      if (u.personId) this.usersByPerson.set(u.personId, u.id);
    }
    for (const d of data.gridDuties) {
      const person = this.peopleById.get(d.personId);
      if (d.role === 'grid_worker' && person) this.workerByGrid.set(d.gridId, person);
    }
    const userById = new Map(data.users.map((u) => [u.id, u]));
    const adminOf = new Map<string, CaseActor>();
    for (const b of data.roleBindings) {
      const u = userById.get(b.userId);
      if (!u || !b.scopeOrgId) continue;
      if (b.role === 'community_admin') adminOf.set(b.scopeOrgId, { userId: u.id, name: u.displayName });
      if (b.role === 'unit_admin') this.unitAdmins.set(b.scopeOrgId, { userId: u.id, name: u.displayName });
    }
    const units = data.organisations.filter((o) => o.kind === 'unit');
    const at = (o: OrgRow): LngLat => ({ lng: o.lng ?? 0, lat: o.lat ?? 0 });
    this.communities = data.organisations
      .filter((o) => o.kind === 'community')
      .map((org) => ({
        org,
        population: org.population ?? 1,
        leaves: data.grids.filter((g) => g.communityId === org.id && g.level === 4),
        // Demo logins report only the cases planned for them (their lists show exactly those).
        residents: data.people.filter((p) => p.communityId === org.id && !this.usersByPerson.has(p.id)),
        admin: adminOf.get(org.id) ?? { userId: null, name: `${org.name}党委` },
        nearUnits: [...units].sort((a, b) => distanceKm(at(a), at(org)) - distanceKm(at(b), at(org))),
      }));
  }

  community(id: string): CommunityPlace {
    const c = this.communities.find((x) => x.org.id === id);
    if (!c) throw new Error(`no community ${id}`);
    return c;
  }

  /** The full-time grid worker answering for a grid (the owner routing picks): the one of its level-2 ancestor. */
  ownerOf(grid: GridRow): PersonRow | null {
    const level2 = this.gridsByCode.get(grid.code.slice(0, 12));
    return (level2 && this.workerByGrid.get(level2.id)) ?? null;
  }

  /** A person as an actor on a case: their login if they have one. */
  actorOf(person: PersonRow): CaseActor {
    return { userId: this.usersByPerson.get(person.id) ?? null, name: person.name };
  }

  unitAdmin(unit: OrgRow): CaseActor {
    return this.unitAdmins.get(unit.id) ?? { userId: null, name: unit.name };
  }

  login(username: string): { userId: string; personId: string | null; name: string } {
    const l = this.logins.get(username);
    if (!l) throw new Error(`no demo login ${username}`);
    return l;
  }

  /**
   * Units to whistle in: among the 12 nearest, those whose strengths fit the category first, nearer ones more
   * likely; `count` distinct.
   */
  pickUnits(rng: Rng, community: CommunityPlace, categoryCode: string, count: number): OrgRow[] {
    const wanted: readonly string[] = WHISTLE_STRENGTHS[categoryCode.split('.')[0]] ?? [];
    const pool = community.nearUnits.slice(0, 12).map((u, rank) => ({
      u,
      w: (u.strengths?.some((s) => wanted.includes(s)) ? 6 : 1) / (1 + rank * 0.35),
    }));
    const out: OrgRow[] = [];
    while (out.length < count && pool.length) {
      const i = rng.weightedIndex(pool.map((p) => p.w));
      out.push(pool[i].u);
      pool.splice(i, 1);
    }
    return out;
  }
}

/** A point strictly inside a demo grid's polygon (a bilinear quad: its corners interpolated away from the edges). */
export function pointInGrid(rng: Rng, grid: Pick<GridRow, 'boundary'>): LngLat {
  const ring = (grid.boundary as Polygon).coordinates[0];
  const corner = (i: number): LngLat => ({ lng: ring[i][0], lat: ring[i][1] });
  return bilinear(
    { sw: corner(0), se: corner(1), ne: corner(2), nw: corner(3) },
    rng.float(0.12, 0.88),
    rng.float(0.12, 0.88),
  );
}

export function addressIn(grid: GridRow): string {
  return `${ADDRESS_PREFIX}${grid.name}附近`;
}
