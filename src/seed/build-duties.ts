import type { AlleySeed, GridTree } from './build-grids.js';
import { type GridDutyRow, type GridNode, type PersonSeed, STAMP } from './demo-types.js';
import { dateBetween } from './names.js';
import type { Rng } from './rng.js';

export const ALLEY_HEAD_COUNT = 85;
export const IN_SERVICE_DUTY_COUNT = 300;
const BUILDING_HEAD_SHARE = 0.85;

type DutyRole = GridDutyRow['role'];

export interface Duties {
  rows: GridDutyRow[];
  /** The level-1 duty holder of each community, by community index. */
  secretaries: PersonSeed[];
  /** The full-time grid worker of each level-2 grid, by grid id. */
  gridWorkers: Map<string, PersonSeed>;
  /** Alley heads of each region, by region id. */
  alleyHeads: Map<string, PersonSeed[]>;
}

/** Everyone living in a grid's subtree, by level-4 grid. */
function residentsOf(g: GridNode, byLeaf: Map<string, PersonSeed[]>): PersonSeed[] {
  if (g.level === 4) return byLeaf.get(g.id) ?? [];
  return g.children.flatMap((c) => residentsOf(c, byLeaf));
}

interface DutySpec {
  role: DutyRole;
  personRole: string;
  ages: readonly [number, number];
  /** Community staff posts go to residents, not to agency employees (in-service members). */
  residentsOnly: boolean;
}

const SPECS: Record<Exclude<DutyRole, 'in_service_member'>, DutySpec> = {
  community_secretary: { role: 'community_secretary', personRole: 'staff', ages: [35, 58], residentsOnly: true },
  grid_worker: { role: 'grid_worker', personRole: 'grid_worker', ages: [24, 50], residentsOnly: true },
  neighbourhood_worker: {
    role: 'neighbourhood_worker',
    personRole: 'neighbourhood_worker',
    ages: [25, 65],
    residentsOnly: true,
  },
  building_head: { role: 'building_head', personRole: 'building_head', ages: [30, 72], residentsOnly: false },
  alley_head: { role: 'alley_head', personRole: 'alley_head', ages: [30, 70], residentsOnly: false },
};

class DutyAssigner {
  readonly rows: GridDutyRow[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly byLeaf: Map<string, PersonSeed[]>,
    private readonly byCommunity: Map<string, PersonSeed[]>,
  ) {}

  /** Someone of the right age living in the grid (or else anywhere in its community) who holds no duty yet. */
  private pick(grid: GridNode, spec: DutySpec): PersonSeed {
    const fits = (p: PersonSeed) =>
      !p.onDuty && p.age >= spec.ages[0] && p.age <= spec.ages[1] && !(spec.residentsOnly && p.member);
    const local = residentsOf(grid, this.byLeaf).filter(fits);
    if (local.length > 0) return this.rng.pick(local);
    const wider = (this.byCommunity.get(grid.community.org.id) ?? []).filter(fits);
    if (wider.length === 0) throw new Error(`nobody left to take a duty in ${grid.name}`);
    return this.rng.pick(wider);
  }

  add(grid: GridNode, person: PersonSeed, role: DutyRole): void {
    this.rows.push({
      id: this.rng.uuid(),
      gridId: grid.id,
      personId: person.row.id,
      role,
      since: dateBetween(this.rng, '2019-01-01', '2025-12-31'),
      until: null,
      note: null,
      ...STAMP,
    });
  }

  assign(grid: GridNode, role: Exclude<DutyRole, 'in_service_member'>): PersonSeed {
    const spec = SPECS[role];
    const person = this.pick(grid, spec);
    person.onDuty = true;
    if (!person.row.roles.includes(spec.personRole)) person.row.roles.push(spec.personRole);
    this.add(grid, person, role);
    return person;
  }
}

function indexPeople(people: PersonSeed[]): {
  byLeaf: Map<string, PersonSeed[]>;
  byCommunity: Map<string, PersonSeed[]>;
} {
  const byLeaf = new Map<string, PersonSeed[]>();
  const byCommunity = new Map<string, PersonSeed[]>();
  for (const p of people) {
    const leafList = byLeaf.get(p.leaf.id) ?? [];
    leafList.push(p);
    byLeaf.set(p.leaf.id, leafList);
    const communityList = byCommunity.get(p.community.org.id) ?? [];
    communityList.push(p);
    byCommunity.set(p.community.org.id, communityList);
  }
  return { byLeaf, byCommunity };
}

/** 85 heads for 62 regions: one each, and a second one for 23 regions chosen at random. */
function assignAlleyHeads(rng: Rng, assigner: DutyAssigner, alleys: AlleySeed[]): Map<string, PersonSeed[]> {
  const second = new Set(
    rng
      .shuffle(alleys)
      .slice(0, ALLEY_HEAD_COUNT - alleys.length)
      .map((a) => a.region.id),
  );
  const heads = new Map<string, PersonSeed[]>();
  for (const a of alleys) {
    const n = second.has(a.region.id) ? 2 : 1;
    heads.set(
      a.region.id,
      Array.from({ length: n }, () => assigner.assign(a.grid, 'alley_head')),
    );
  }
  return heads;
}

/**
 * 按格定岗: a secretary per community, a full-time worker per level-2 grid, a neighbourhood worker per level-3
 * grid, a head for most buildings and every alley, and 300 in-service members on level-4 grids where they live.
 * `flagship` (the demo login member01) is always among the 300.
 */
export function buildDuties(
  rng: Rng,
  tree: GridTree,
  residents: PersonSeed[],
  inService: PersonSeed[],
  flagship: PersonSeed,
): Duties {
  const { byLeaf, byCommunity } = indexPeople([...residents, ...inService]);
  const assigner = new DutyAssigner(rng, byLeaf, byCommunity);
  const secretaries = tree.roots.map((g) => assigner.assign(g, 'community_secretary'));
  const gridWorkers = new Map<string, PersonSeed>();
  for (const g of tree.byLevel[1]) gridWorkers.set(g.id, assigner.assign(g, 'grid_worker'));
  for (const g of tree.byLevel[2]) assigner.assign(g, 'neighbourhood_worker');
  for (const g of tree.byLevel[3]) {
    if (g.kind === 'building' && rng.chance(BUILDING_HEAD_SHARE)) assigner.assign(g, 'building_head');
  }
  const alleyHeads = assignAlleyHeads(rng, assigner, tree.alleys);
  const others = rng.shuffle(inService.filter((p) => p !== flagship)).slice(0, IN_SERVICE_DUTY_COUNT - 1);
  for (const p of [flagship, ...others]) assigner.add(p.leaf, p, 'in_service_member');
  return { rows: assigner.rows, secretaries, gridWorkers, alleyHeads };
}
