import { ADDRESS_PREFIX, ORIGIN_TOWNSHIPS } from './demo-places.js';
import {
  type CommunitySeed,
  REGISTER_YEAR,
  type GridNode,
  type PartyMemberRow,
  type PersonSeed,
  STAMP,
  type UnitSeed,
} from './demo-types.js';
import { distanceKm } from './geometry.js';
import { addYears, dateBetween, type Gender, idNumber, mobilePhone, personName } from './names.js';
import { apportion, apportionWithMin, type Rng } from './rng.js';

export const RESIDENT_COUNT = 6000;
export const IN_SERVICE_COUNT = 1762;
export const MIN_MEMBERS_PER_UNIT = 5;
export const COMMUNITY_MEMBER_COUNTS = { retired: 380, ordinary: 260, mobile: 120 } as const;

/** Phone numbers and ID numbers already handed out (both unique). */
export interface Identities {
  phones: Set<string>;
  ids: Set<string>;
}

/** Birth-year bands of the adult residents' register and their shares. */
const RESIDENT_BIRTH_BANDS: readonly (readonly [number, number, number])[] = [
  [1936, 1955, 0.18],
  [1956, 1970, 0.3],
  [1971, 1990, 0.32],
  [1991, 2007, 0.2],
];

function homeAddress(rng: Rng, leaf: GridNode): string {
  if (leaf.alleyStem) return `${ADDRESS_PREFIX}${leaf.alleyStem}巷${rng.int(1, 80)}号`;
  const room = `${rng.int(1, 7)}0${rng.int(1, 4)}`;
  return `${ADDRESS_PREFIX}${leaf.street}${leaf.houseNumber}号${rng.int(1, 6)}栋${room}室`;
}

interface PersonSpec {
  leaf: GridNode;
  born: readonly [number, number];
  maleShare: number;
  roles: string[];
}

function makePerson(rng: Rng, ids: Identities, spec: PersonSpec): PersonSeed {
  const gender: Gender = rng.chance(spec.maleShare) ? 'male' : 'female';
  const birthDate = dateBetween(rng, `${spec.born[0]}-01-01`, `${spec.born[1]}-12-31`);
  const { leaf } = spec;
  return {
    row: {
      id: rng.uuid(),
      name: personName(rng, gender),
      gender,
      birthDate,
      phone: mobilePhone(rng, ids.phones),
      idNumber: idNumber(rng, birthDate, gender, ids.ids),
      address: homeAddress(rng, leaf),
      homeGridId: leaf.id,
      communityId: leaf.community.org.id,
      roles: spec.roles,
      note: null,
      ...STAMP,
    },
    age: REGISTER_YEAR - Number(birthDate.slice(0, 4)),
    leaf,
    community: leaf.community,
    onDuty: false,
    member: null,
  };
}

export function leavesByCommunity(communities: CommunitySeed[], leaves: GridNode[]): GridNode[][] {
  return communities.map((c) => leaves.filter((g) => g.community === c));
}

/** About 6,000 adult residents, shared out over the communities by population, each in a level-4 grid. */
export function buildResidents(
  rng: Rng,
  communities: CommunitySeed[],
  leaves: GridNode[][],
  ids: Identities,
): PersonSeed[] {
  const perCommunity = apportion(
    RESIDENT_COUNT,
    communities.map((c) => c.def.population),
  );
  const bandWeights = RESIDENT_BIRTH_BANDS.map((b) => b[2]);
  const out: PersonSeed[] = [];
  for (const c of communities) {
    for (let k = 0; k < perCommunity[c.index]; k++) {
      const [from, to] = RESIDENT_BIRTH_BANDS[rng.weightedIndex(bandWeights)];
      const roles = rng.chance(0.15) ? ['resident', 'volunteer'] : ['resident'];
      out.push(makePerson(rng, ids, { leaf: rng.pick(leaves[c.index]), born: [from, to], maleShare: 0.49, roles }));
    }
  }
  return out;
}

function joinedAt(rng: Rng, birthDate: string, maxAge: number): string {
  const from = addYears(birthDate, 18);
  const capped = addYears(birthDate, maxAge);
  const to = capped < '2025-12-31' ? capped : '2025-12-31';
  return dateBetween(rng, from, to > from ? to : from);
}

/** Members mostly live near their unit: weight 1 / (1 + (d / 0.9 km)²), scaled by the community's size. */
function residenceWeights(unit: UnitSeed, communities: CommunitySeed[]): number[] {
  return communities.map((c) => {
    const d = distanceKm(unit.location, c.centre) / 0.9;
    return Math.sqrt(c.def.population / 7000) / (1 + d * d);
  });
}

/**
 * The 1,762 in-service members: shared over the 83 units by headcount (at least 5 each); each unit's first
 * member lives in the unit's own community, the others near it.
 */
export function buildInService(
  rng: Rng,
  units: UnitSeed[],
  communities: CommunitySeed[],
  leaves: GridNode[][],
  ids: Identities,
): PersonSeed[] {
  const perUnit = apportionWithMin(
    IN_SERVICE_COUNT,
    units.map((u) => u.headcount),
    MIN_MEMBERS_PER_UNIT,
  );
  const out: PersonSeed[] = [];
  for (const unit of units) {
    const weights = residenceWeights(unit, communities);
    for (let k = 0; k < perUnit[unit.index]; k++) {
      const home = k === 0 ? unit.community : communities[rng.weightedIndex(weights)];
      const roles = rng.chance(0.4) ? ['resident', 'volunteer'] : ['resident'];
      const p = makePerson(rng, ids, {
        leaf: rng.pick(leaves[home.index]),
        born: [1966, 2002],
        maleShare: 0.55,
        roles,
      });
      p.member = {
        id: rng.uuid(),
        personId: p.row.id,
        kind: 'in_service',
        branchId: null,
        unitId: unit.org.id,
        residenceCommunityId: home.org.id,
        joinedAt: joinedAt(rng, p.row.birthDate, 40),
        ...STAMP,
      };
      out.push(p);
    }
  }
  return out;
}

function communityMember(rng: Rng, p: PersonSeed, kind: 'retired' | 'ordinary' | 'mobile'): PartyMemberRow {
  return {
    id: rng.uuid(),
    personId: p.row.id,
    kind,
    branchId: rng.pick(p.community.branches).id,
    unitId: null,
    residenceCommunityId: p.community.org.id,
    joinedAt: joinedAt(rng, p.row.birthDate, kind === 'mobile' ? 35 : 45),
    ...STAMP,
  };
}

/**
 * Community Party members attached to the community branches: each community secretary (ordinary), retired
 * members among residents over 60, ordinary members, and mobile members who moved in from the townships.
 */
export function buildCommunityMembers(rng: Rng, residents: PersonSeed[], secretaries: PersonSeed[]): PartyMemberRow[] {
  const out: PartyMemberRow[] = [];
  const add = (p: PersonSeed, kind: 'retired' | 'ordinary' | 'mobile') => {
    p.member = communityMember(rng, p, kind);
    out.push(p.member);
  };
  for (const s of secretaries) add(s, 'ordinary');
  const pool = rng.shuffle(residents.filter((p) => !p.member));
  const take = (n: number, ok: (p: PersonSeed) => boolean): PersonSeed[] =>
    pool.filter((p) => !p.member && ok(p)).slice(0, n);
  for (const p of take(COMMUNITY_MEMBER_COUNTS.retired, (x) => x.age >= 62)) add(p, 'retired');
  for (const p of take(COMMUNITY_MEMBER_COUNTS.ordinary - secretaries.length, (x) => x.age >= 25 && x.age < 70))
    add(p, 'ordinary');
  for (const p of take(COMMUNITY_MEMBER_COUNTS.mobile, (x) => x.age >= 22 && x.age < 56 && !x.onDuty)) {
    add(p, 'mobile');
    p.row.note = `流动党员，户籍地：光泽县${rng.pick(ORIGIN_TOWNSHIPS)}`;
  }
  return out;
}
