import {
  ADDRESS_PREFIX,
  BRANCH_ORDINALS,
  COMMUNITIES,
  COUNTY,
  LATTICE_COLS,
  LATTICE_ROWS,
  shortName,
  TOWN_ORG,
} from './demo-places.js';
import { type CommunitySeed, type OrgRow, STAMP, type UnitSeed } from './demo-types.js';
import { UNIT_COUNT, UNIT_DEFS, UNIT_SIZES, unitCode } from './demo-units.js';
import { latticeCell, pointInRect, rectCentre, TOWN, townLattice, UNIT_RECT } from './geometry.js';
import type { Rng } from './rng.js';

export interface OrgTree {
  county: OrgRow;
  town: OrgRow;
  communities: CommunitySeed[];
  units: UnitSeed[];
  /** All organisation rows, parents before children. */
  rows: OrgRow[];
}

function officePhone(rng: Rng): string {
  return `0599-79${String(rng.int(0, 99_999)).padStart(5, '0')}`;
}

type OrgFields = Pick<OrgRow, 'kind' | 'name' | 'code' | 'parentId' | 'address'> &
  Partial<Pick<OrgRow, 'lng' | 'lat' | 'population' | 'strengths'>>;

/** Every row spells out every column, so that a bulk insert sees the same columns in each. */
function orgRow(rng: Rng, fields: OrgFields): OrgRow {
  return {
    id: rng.uuid(),
    phone: officePhone(rng),
    lng: null,
    lat: null,
    population: null,
    strengths: [],
    ...fields,
    ...STAMP,
  };
}

function buildCommunities(rng: Rng, town: OrgRow): CommunitySeed[] {
  const lattice = townLattice(rng, LATTICE_COLS, LATTICE_ROWS);
  return COMMUNITIES.map((def, index) => {
    const quad = latticeCell(lattice, def.col, def.row);
    const centre = rectCentre(quad, UNIT_RECT);
    const org = orgRow(rng, {
      kind: 'community',
      name: def.name,
      code: `C${String(index + 1).padStart(3, '0')}`,
      parentId: town.id,
      address: `${ADDRESS_PREFIX}${def.streets[0]}${rng.int(1, 60)}号`,
      lng: centre.lng,
      lat: centre.lat,
      population: def.population,
    });
    const branchCount = def.population >= 9000 ? 3 : def.population >= 6000 ? rng.int(2, 3) : rng.int(1, 2);
    const branches = BRANCH_ORDINALS.slice(0, branchCount).map((ordinal, k) =>
      orgRow(rng, {
        kind: 'branch',
        name: `${def.name}${ordinal}党支部`,
        code: `${org.code}-B${k + 1}`,
        parentId: org.id,
        address: org.address,
        lng: centre.lng,
        lat: centre.lat,
      }),
    );
    return { index, def, short: shortName(def.name), org, branches, quad, centre };
  });
}

/** Where each unit's offices are: U001 in 杭东社区, the rest spread evenly over the communities. */
function unitCommunities(rng: Rng, communities: CommunitySeed[]): CommunitySeed[] {
  const slots: CommunitySeed[] = [];
  while (slots.length < UNIT_COUNT - 1) slots.push(...communities);
  const rest = rng.shuffle(slots.slice(0, UNIT_COUNT - 1));
  return [communities[0], ...rest];
}

function buildUnits(rng: Rng, county: OrgRow, communities: CommunitySeed[]): UnitSeed[] {
  const homes = unitCommunities(rng, communities);
  return UNIT_DEFS.map((def, index) => {
    const community = homes[index];
    const location = pointInRect(rng, community.quad, UNIT_RECT, index === 0 ? 0.35 : 0.12);
    const [lo, hi] = UNIT_SIZES[def.size];
    const headcount = rng.int(lo, hi);
    const org = orgRow(rng, {
      kind: 'unit',
      name: def.name,
      code: unitCode(index),
      parentId: county.id,
      address: `${ADDRESS_PREFIX}${rng.pick(community.def.streets)}${rng.int(1, 220)}号`,
      lng: location.lng,
      lat: location.lat,
      population: headcount,
      strengths: [...def.strengths],
    });
    return { index, def, org, headcount, location, community };
  });
}

export function buildOrgs(rng: Rng): OrgTree {
  const centre = { lng: TOWN.centreLng, lat: TOWN.centreLat };
  const county = orgRow(rng, {
    kind: 'county',
    name: COUNTY.name,
    code: COUNTY.code,
    parentId: null,
    address: COUNTY.address,
    ...centre,
  });
  const town = orgRow(rng, {
    kind: 'town',
    name: TOWN_ORG.name,
    code: TOWN_ORG.code,
    parentId: county.id,
    address: TOWN_ORG.address,
    ...centre,
  });
  const communities = buildCommunities(rng, town);
  const units = buildUnits(rng, county, communities);
  const rows = [
    county,
    town,
    ...communities.map((c) => c.org),
    ...communities.flatMap((c) => c.branches),
    ...units.map((x) => x.org),
  ];
  return { county, town, communities, units, rows };
}
