import { count, sql } from 'drizzle-orm';
import { hashPassword } from '../core/auth/password.js';
import { insertRows } from '../core/bulk.js';
import { clock } from '../core/clock.js';
import type { Db } from '../core/db.js';
import { roleBindings, users } from '../modules/auth/auth.schema.js';
import { gridDuties } from '../modules/duties/duties.schema.js';
import { alleyRegions, grids } from '../modules/grid/grid.schema.js';
import { partyMembers } from '../modules/people/members/members.schema.js';
import { organisations } from '../modules/org/org.schema.js';
import { people } from '../modules/people/people.schema.js';
import { buildDuties } from './build-duties.js';
import { buildGrids, gridRow } from './build-grids.js';
import { buildOrgs } from './build-orgs.js';
import { buildCommunityMembers, buildInService, buildResidents, leavesByCommunity } from './build-people.js';
import { buildUsers, flagshipMember } from './build-users.js';
import { type AlleyItemRow, alleyItemRows, seedDemoAlleys } from './demo-alleys.js';
import { seedDemoCases } from './demo-cases.js';
import { seedDemoEvaluations } from './demo-evaluations.js';
import { seedDemoCobuild } from './demo-cobuild.js';
import { seedDemoMemberService } from './demo-memberservice.js';
import { COMMUNITIES } from './demo-places.js';
import { type DemoTime, demoTime, registerStamp } from './demo-types.js';
import type {
  AlleyRegionRow,
  GridDutyRow,
  GridRow,
  OrgRow,
  PartyMemberRow,
  PersonRow,
  RoleBindingRow,
  UserRow,
} from './demo-types.js';
import { UNIT_DEFS, unitUsername } from './demo-units.js';
import { DEMO_OPEN311_CLIENT, DEMO_OPEN311_KEY, seedDemoOpen311 } from './demo-open311.js';
import { seedDemoVolunteers } from './demo-volunteers.js';
import { createRng, type Rng } from './rng.js';

export { UNIT_STRENGTHS } from './demo-units.js';
export { createRng, DEMO_SEED, Rng } from './rng.js';

export const DEMO_PASSWORD = 'lianjian2026';

export const DEMO_LOGINS = [
  { username: 'admin', description: '县委组织部 county organisation department (county_admin)' },
  { username: 'hangdong', description: '杭东社区党委 admin of 杭东社区 (community_admin)' },
  { username: 'grid01', description: '杭东社区专职网格员 a grid worker there (grid_worker)' },
  { username: 'unit01', description: `${UNIT_DEFS[0].name} a unit paired with 杭东社区 (unit_admin)` },
  { username: 'member01', description: '住在杭东社区的在职党员 an in-service member (party_member)' },
  { username: 'resident01', description: '杭东社区居民 a resident (resident)' },
  { username: 'alley01', description: '杭东社区的巷长 an alley head of a 杭东 alley region (alley_head)' },
  { username: 'volunteer01', description: '杭川老大妈义务巡逻队队员 a volunteer of the 杭东 patrol team (volunteer)' },
  { username: 'lead01', description: '杭川老大妈义务巡逻队队长 the leader of that team (volunteer)' },
] as const;

/** The other demo logins (same password): an admin for each other community and for units U002–U083. */
export const MORE_DEMO_LOGINS = {
  communityAdmins: COMMUNITIES.slice(1).map((c) => c.pinyin),
  unitAdmins: UNIT_DEFS.slice(1).map((_, i) => unitUsername(i + 1)),
} as const;

/** The start banner's lines about MORE_DEMO_LOGINS and the demo's Open311 client key (docs/OPEN311.md). */
export function describeMoreDemoLogins(): string {
  const { communityAdmins, unitAdmins } = MORE_DEMO_LOGINS;
  return [
    `Also: community admins ${communityAdmins.join(', ')}; unit admins ${unitAdmins[0]}–${unitAdmins[unitAdmins.length - 1]}`,
    `Open311 GeoReport v2 at /open311/v2: demo client ${DEMO_OPEN311_CLIENT}, api_key ${DEMO_OPEN311_KEY}`,
  ].join('\n    ');
}

export interface DemoData {
  organisations: OrgRow[];
  grids: GridRow[];
  people: PersonRow[];
  gridDuties: GridDutyRow[];
  alleyRegions: AlleyRegionRow[];
  /** The regions' 六有 as first registered; seedDemoAlleys writes them with the year's inspections (demo-alleys.ts). */
  alleyRegionItems: AlleyItemRow[];
  partyMembers: PartyMemberRow[];
  users: UserRow[];
  roleBindings: RoleBindingRow[];
}

export interface DemoCounts {
  organisations: number;
  communities: number;
  branches: number;
  units: number;
  grids: number;
  gridsByLevel: [number, number, number, number];
  alleyRegions: number;
  alleyHeads: number;
  people: number;
  partyMembers: Record<'in_service' | 'retired' | 'ordinary' | 'mobile', number>;
  gridDuties: number;
  users: number;
}

/** Builds the whole demo data set in memory; pure apart from the generator it draws from. */
export function buildDemo(rng: Rng, passwordHash: string, time: DemoTime = demoTime(clock.today())): DemoData {
  const orgs = buildOrgs(rng);
  const tree = buildGrids(rng, orgs.communities);
  const leaves = leavesByCommunity(orgs.communities, tree.byLevel[3]);
  const ids = { phones: new Set<string>(), ids: new Set<string>() };
  const residents = buildResidents(rng, orgs.communities, leaves, ids);
  const inService = buildInService(rng, orgs.units, orgs.communities, leaves, ids);
  const flagship = flagshipMember({ communities: orgs.communities, units: orgs.units, inService });
  const duties = buildDuties(rng, tree, residents, inService, flagship);
  const communityMembers = buildCommunityMembers(rng, residents, duties.secretaries);
  const world = {
    county: orgs.county,
    communities: orgs.communities,
    units: orgs.units,
    tree,
    duties,
    residents,
    inService,
  };
  const logins = buildUsers(rng, world, passwordHash);
  return stampRegister(time, {
    organisations: orgs.rows,
    grids: tree.nodes.map(gridRow),
    people: [...residents, ...inService].map((p) => p.row),
    gridDuties: duties.rows,
    alleyRegions: tree.alleys.map((a) => a.region),
    alleyRegionItems: alleyItemRows(tree.alleys),
    partyMembers: [...inService.flatMap((p) => (p.member ? [p.member] : [])), ...communityMembers],
    users: logins.users,
    roleBindings: logins.bindings,
  });
}

/** Every register row was entered at the demo's `createdAt` (the generators leave a placeholder). */
function stampRegister(time: DemoTime, data: DemoData): DemoData {
  const stamp = registerStamp(time);
  for (const rows of Object.values(data) as { createdAt?: Date; updatedAt?: Date }[][]) {
    for (const row of rows) {
      if ('createdAt' in row) row.createdAt = stamp.createdAt;
      if ('updatedAt' in row) row.updatedAt = stamp.updatedAt;
    }
  }
  return data;
}

export function countDemo(data: DemoData): DemoCounts {
  const orgKinds = (kind: OrgRow['kind']) => data.organisations.filter((o) => o.kind === kind).length;
  const gridLevel = (level: number) => data.grids.filter((g) => g.level === level).length;
  const members = (kind: PartyMemberRow['kind']) => data.partyMembers.filter((m) => m.kind === kind).length;
  return {
    organisations: data.organisations.length,
    communities: orgKinds('community'),
    branches: orgKinds('branch'),
    units: orgKinds('unit'),
    grids: data.grids.length,
    gridsByLevel: [gridLevel(1), gridLevel(2), gridLevel(3), gridLevel(4)],
    alleyRegions: data.alleyRegions.length,
    alleyHeads: data.gridDuties.filter((d) => d.role === 'alley_head').length,
    people: data.people.length,
    partyMembers: {
      in_service: members('in_service'),
      retired: members('retired'),
      ordinary: members('ordinary'),
      mobile: members('mobile'),
    },
    gridDuties: data.gridDuties.length,
    users: data.users.length,
  };
}

/** Writes the data set; parents come before children within each table, tables in foreign-key order. */
export async function writeDemo(db: Db, data: DemoData): Promise<void> {
  await insertRows(db, organisations, data.organisations);
  await insertRows(db, grids, data.grids);
  await insertRows(db, people, data.people);
  await insertRows(db, gridDuties, data.gridDuties);
  await insertRows(db, alleyRegions, data.alleyRegions);
  await insertRows(db, partyMembers, data.partyMembers);
  await insertRows(db, users, data.users);
  await insertRows(db, roleBindings, data.roleBindings);
}

let demoHash: Promise<string> | null = null;

/** argon2 is deliberately slow: hash the demo password once per process and share it among all demo users. */
function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

export interface SeedOptions {
  db: Db;
  /** Defaults to createRng(DEMO_SEED): the same generator state gives byte-identical rows. */
  rng?: Rng;
  /** A precomputed hash of DEMO_PASSWORD (argon2 salts differ per hash; pass one to compare two seeds). */
  passwordHash?: string;
  /** The county day the demo is built for (default: today on the clock). */
  today?: string;
}

/** Builds the data set while argon2 hashes the demo password on the thread pool, then fills the hash in. */
async function prepareDemo(rng: Rng, time: DemoTime, passwordHash?: string): Promise<DemoData> {
  const hashing = passwordHash ?? demoPasswordHash();
  const data = buildDemo(rng, '', time);
  const hash = await hashing;
  for (const user of data.users) user.passwordHash = hash;
  return data;
}

/** Seeds the Guangze demo in one transaction, whatever is already there; returns what it wrote. */
export async function seedDemo(opts: SeedOptions): Promise<DemoCounts> {
  const time = demoTime(opts.today ?? clock.today());
  const data = await prepareDemo(opts.rng ?? createRng(), time, opts.passwordHash);
  await opts.db.transaction(async (tx) => {
    await writeDemo(tx, data);
    await seedDemoAlleys(tx, data, time);
    await seedDemoCases(tx, data, time);
    await seedDemoEvaluations(tx, data, time);
    await seedDemoCobuild(tx, data, time);
    await seedDemoVolunteers(tx, data, time);
    await seedDemoMemberService(tx, data, time);
    await seedDemoOpen311(tx, time);
  });
  return countDemo(data);
}

/** Arbitrary but fixed: concurrent starts on one empty PostgreSQL seed once, not twice. */
const SEED_LOCK_KEY = 7_150_020_261;

/**
 * Seeds the Guangze demo into an empty database; returns whether it did. The demo is built relative to the county
 * day of this (first) start: a year of cases up to yesterday, this year's co-building in the state of today.
 */
export async function seedDemoIfEmpty(opts: { db: Db; today?: string }): Promise<boolean> {
  const isEmpty = async (db: Db) => (await db.select({ n: count() }).from(organisations))[0].n === 0;
  if (!(await isEmpty(opts.db))) return false;
  const time = demoTime(opts.today ?? clock.today());
  const data = await prepareDemo(createRng(), time);
  return opts.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (!(await isEmpty(tx))) return false;
    await writeDemo(tx, data);
    await seedDemoAlleys(tx, data, time);
    await seedDemoCases(tx, data, time);
    await seedDemoEvaluations(tx, data, time);
    await seedDemoCobuild(tx, data, time);
    await seedDemoVolunteers(tx, data, time);
    await seedDemoMemberService(tx, data, time);
    await seedDemoOpen311(tx, time);
    return true;
  });
}
