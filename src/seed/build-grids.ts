import type { SixHave } from '../modules/alleys/alleys.enums.js';
import { ALLEY_STEMS, COUNTY } from './demo-places.js';
import { type AlleyRegionRow, type CommunitySeed, type GridNode, type GridRow, STAMP } from './demo-types.js';
import { polygonBBox, type ParamRect, rectPolygon, splitRect, UNIT_RECT } from './geometry.js';
import { apportion, type Rng } from './rng.js';

export const ALLEY_REGION_COUNT = 62;

export interface GridTree {
  /** Every grid, parents before children. */
  nodes: GridNode[];
  byLevel: [GridNode[], GridNode[], GridNode[], GridNode[]];
  /** Level-1 grid of each community, by community index. */
  roots: GridNode[];
  alleys: AlleySeed[];
}

export interface AlleySeed {
  region: AlleyRegionRow;
  grid: GridNode;
  /** The 六有 the register first recorded (true: has it), written as the region's items (seed/demo-alleys.ts). */
  sixHaves: Record<SixHave, boolean>;
}

function pad3(n: number): string {
  return String(n).padStart(3, '0');
}

function childNode(rng: Rng, parent: GridNode, rect: ParamRect, ordinal: number): GridNode {
  const level = (parent.level + 1) as 2 | 3 | 4;
  const kind = level === 2 ? 'full_time' : level === 3 ? 'neighbourhood' : 'building';
  const street =
    level === 2 ? parent.community.def.streets[(ordinal - 1) % parent.community.def.streets.length] : parent.street;
  return {
    id: rng.uuid(),
    code: parent.code + pad3(ordinal),
    level,
    kind,
    name: '',
    community: parent.community,
    parent,
    children: [],
    rect,
    ordinal,
    street,
    houseNumber: 0,
    alleyStem: null,
  };
}

/** Level 2: 3–6 grids per community, more for a bigger population; levels 3 and 4: 2–4 per parent. */
function childCount(rng: Rng, node: GridNode): number {
  if (node.level === 1)
    return Math.min(6, Math.max(3, Math.round(node.community.def.population / 2000 + rng.float(-0.5, 0.5))));
  return rng.int(2, 4);
}

function buildCommunityTree(rng: Rng, community: CommunitySeed): GridNode[] {
  const root: GridNode = {
    id: rng.uuid(),
    code: COUNTY.code + pad3(community.index + 1),
    level: 1,
    kind: 'community',
    name: `${community.def.name}网格`,
    community,
    parent: null,
    children: [],
    rect: UNIT_RECT,
    ordinal: community.index + 1,
    street: '',
    houseNumber: 0,
    alleyStem: null,
  };
  const out: GridNode[] = [root];
  for (let i = 0; i < out.length; i++) {
    const node = out[i];
    if (node.level === 4) continue;
    const rects = splitRect(rng, node.rect, childCount(rng, node));
    node.children = rects.map((rect, k) => childNode(rng, node, rect, k + 1));
    out.push(...node.children);
  }
  return out;
}

/** Turns some level-4 grids into alley grids: 62 in all, shared out by each community's alley weight. */
function markAlleys(rng: Rng, communities: CommunitySeed[], leaves: GridNode[]): GridNode[] {
  const perCommunity = apportion(
    ALLEY_REGION_COUNT,
    communities.map((c) => c.def.alleyWeight),
  );
  const stems = rng.shuffle(ALLEY_STEMS);
  const alleys: GridNode[] = [];
  for (const c of communities) {
    const mine = leaves.filter((g) => g.community === c);
    if (mine.length < perCommunity[c.index]) throw new Error(`not enough level-4 grids in ${c.def.name}`);
    const chosen = rng
      .shuffle(mine)
      .slice(0, perCommunity[c.index])
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    for (const g of chosen) {
      g.kind = 'alley';
      g.alleyStem = stems[alleys.length];
      alleys.push(g);
    }
  }
  return alleys;
}

function nameGrids(nodes: GridNode[]): void {
  const nextNumber = new Map<string, number>();
  for (const g of nodes) {
    const short = g.community.short;
    const parent = g.parent;
    if (g.level === 2) g.name = `${g.community.def.name}第${g.ordinal}网格`;
    if (g.level === 3 && parent) g.name = `${short}${parent.ordinal}-${g.ordinal}邻里网格`;
    if (g.level === 4 && parent?.parent) {
      if (g.alleyStem) {
        g.name = `${short}${g.alleyStem}巷`;
      } else {
        g.name = `${short}${parent.parent.ordinal}-${parent.ordinal}-${g.ordinal}号楼`;
        const n = (nextNumber.get(g.street) ?? -1) + 2 + 2 * (g.ordinal % 3);
        nextNumber.set(g.street, n);
        g.houseNumber = n;
      }
    }
  }
}

export function gridRow(g: GridNode): GridRow {
  const boundary = rectPolygon(g.community.quad, g.rect);
  return {
    id: g.id,
    code: g.code,
    name: g.name,
    level: g.level,
    kind: g.kind,
    parentId: g.parent?.id ?? null,
    communityId: g.community.org.id,
    boundary,
    ...polygonBBox(boundary),
    ...STAMP,
  };
}

function sixHaves(rng: Rng): Record<SixHave, boolean> {
  return {
    guideline: rng.chance(0.95),
    cleaningCompany: rng.chance(0.9),
    volunteerTeam: rng.chance(0.9),
    residentsPact: rng.chance(0.85),
    responsibilityBoard: rng.chance(0.92),
    culturalFeature: rng.chance(0.7),
  };
}

export function buildGrids(rng: Rng, communities: CommunitySeed[]): GridTree {
  const trees = communities.map((c) => buildCommunityTree(rng, c));
  const nodes = [1, 2, 3, 4].flatMap((level) => trees.flatMap((t) => t.filter((g) => g.level === level)));
  const byLevel: GridTree['byLevel'] = [[], [], [], []];
  for (const g of nodes) byLevel[g.level - 1].push(g);
  const alleyGrids = markAlleys(rng, communities, byLevel[3]);
  nameGrids(nodes);
  const alleys = alleyGrids.map((grid, k): AlleySeed => {
    // The id is drawn before the flags, as always: the rest of the demo draws from the same generator.
    const id = rng.uuid();
    const region = {
      id,
      code: `A${String(k + 1).padStart(2, '0')}`,
      name: `${grid.alleyStem}街巷区`,
      communityId: grid.community.org.id,
      gridId: grid.id,
      ...STAMP,
    };
    return { grid, region, sixHaves: sixHaves(rng) };
  });
  return { nodes, byLevel, roots: byLevel[0], alleys };
}
