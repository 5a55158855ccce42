import type { Polygon } from 'geojson';
import type { Db } from '../src/core/db.js';
import { hashPassword } from '../src/core/auth/password.js';
import type { Role } from '../src/core/auth/roles.js';
import { roleBindings, users } from '../src/modules/auth/auth.schema.js';
import { grids } from '../src/modules/grid/grid.schema.js';
import { partyMembers } from '../src/modules/people/members/members.schema.js';
import { organisations } from '../src/modules/org/org.schema.js';
import { people } from '../src/modules/people/people.schema.js';

export const TEST_PASSWORD = 'test-pass-1';

export function rect(minLng: number, minLat: number, maxLng: number, maxLat: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLng, minLat],
        [maxLng, minLat],
        [maxLng, maxLat],
        [minLng, maxLat],
        [minLng, minLat],
      ],
    ],
  };
}

let cachedHash: Promise<string> | null = null;

/** A grid row with its boundary rectangle and bounding box. */
function gridRow(
  code: string,
  name: string,
  level: number,
  kind: typeof grids.$inferInsert.kind,
  parentId: string | null,
  communityId: string,
  r: [number, number, number, number],
): typeof grids.$inferInsert {
  return {
    code,
    name,
    level,
    kind,
    parentId,
    communityId,
    boundary: rect(...r),
    minLng: r[0],
    minLat: r[1],
    maxLng: r[2],
    maxLat: r[3],
  };
}

/** County, town, the two communities, a branch in A and two units with their strengths. */
async function seedOrganisations(db: Db) {
  const [county] = await db
    .insert(organisations)
    .values({ kind: 'county', name: '光泽县', code: '350723' })
    .returning();
  const [town] = await db
    .insert(organisations)
    .values({ kind: 'town', name: '杭川镇', code: '350723100', parentId: county.id })
    .returning();
  const [communityA, communityB] = await db
    .insert(organisations)
    .values([
      {
        kind: 'community',
        name: '杭东社区',
        code: 'C001',
        parentId: town.id,
        lng: 117.335,
        lat: 27.545,
        population: 5000,
      },
      {
        kind: 'community',
        name: '三凤社区',
        code: 'C002',
        parentId: town.id,
        lng: 117.345,
        lat: 27.545,
        population: 4000,
      },
    ])
    .returning();
  const [branchA] = await db
    .insert(organisations)
    .values({ kind: 'branch', name: '杭东社区第一党支部', parentId: communityA.id })
    .returning();
  const [unit1, unit2] = await db
    .insert(organisations)
    .values([
      {
        kind: 'unit',
        name: '县司法局党组',
        code: 'U001',
        parentId: county.id,
        lng: 117.336,
        lat: 27.546,
        strengths: ['law'],
        population: 40,
      },
      {
        kind: 'unit',
        name: '县卫健局党组',
        code: 'U002',
        parentId: county.id,
        lng: 117.346,
        lat: 27.546,
        strengths: ['health'],
        population: 60,
      },
    ])
    .returning();
  return { county, town, communityA, communityB, branchA, unit1, unit2 };
}

type Orgs = Awaited<ReturnType<typeof seedOrganisations>>;

/** Each community's grid, its level-2 grids, and in A a neighbourhood and a building below the first. */
async function seedGrids(db: Db, { communityA, communityB }: Orgs) {
  const [gA] = await db
    .insert(grids)
    .values(gridRow('350723001', '杭东社区网格', 1, 'community', null, communityA.id, [117.33, 27.54, 117.34, 27.55]))
    .returning();
  const [gB] = await db
    .insert(grids)
    .values(gridRow('350723002', '三凤社区网格', 1, 'community', null, communityB.id, [117.34, 27.54, 117.35, 27.55]))
    .returning();
  const [gA1] = await db
    .insert(grids)
    .values(
      gridRow('350723001001', '杭东第一网格', 2, 'full_time', gA.id, communityA.id, [117.33, 27.54, 117.335, 27.55]),
    )
    .returning();
  const [gA2] = await db
    .insert(grids)
    .values(
      gridRow('350723001002', '杭东第二网格', 2, 'full_time', gA.id, communityA.id, [117.335, 27.54, 117.34, 27.55]),
    )
    .returning();
  const [gB1] = await db
    .insert(grids)
    .values(
      gridRow('350723002001', '三凤第一网格', 2, 'full_time', gB.id, communityB.id, [117.34, 27.54, 117.35, 27.55]),
    )
    .returning();
  const [gA11] = await db
    .insert(grids)
    .values(
      gridRow(
        '350723001001001',
        '杭东一格邻里一',
        3,
        'neighbourhood',
        gA1.id,
        communityA.id,
        [117.33, 27.54, 117.335, 27.545],
      ),
    )
    .returning();
  const [gA111] = await db
    .insert(grids)
    .values(
      gridRow(
        '350723001001001001',
        '杭东一格1号楼',
        4,
        'building',
        gA11.id,
        communityA.id,
        [117.33, 27.54, 117.3325, 27.5425],
      ),
    )
    .returning();
  return { gA, gB, gA1, gA2, gB1, gA11, gA111 };
}

type Grids = Awaited<ReturnType<typeof seedGrids>>;

/** A resident in each community, two future Party members and a grid worker. */
async function seedPeople(db: Db, { communityA, communityB }: Orgs, { gA1, gB1, gA11, gA111 }: Grids) {
  const [residentA, residentB, memberPerson1, memberPerson2, gridWorkerPerson] = await db
    .insert(people)
    .values([
      {
        name: '王小明',
        gender: 'male',
        phone: '13800001111',
        idNumber: '350723199001011234',
        address: '杭东路1号',
        homeGridId: gA111.id,
        communityId: communityA.id,
        roles: ['resident'],
      },
      {
        name: '李小红',
        gender: 'female',
        phone: '13900002222',
        idNumber: '350723199202022345',
        address: '三凤路2号',
        homeGridId: gB1.id,
        communityId: communityB.id,
        roles: ['resident'],
      },
      {
        name: '张党员',
        gender: 'male',
        phone: '13700003333',
        idNumber: '350723198503033456',
        address: '杭东路3号',
        homeGridId: gA11.id,
        communityId: communityA.id,
        roles: ['resident'],
      },
      {
        name: '赵党员',
        gender: 'female',
        phone: '13600004444',
        idNumber: '350723198704044567',
        address: '三凤路4号',
        homeGridId: gB1.id,
        communityId: communityB.id,
        roles: ['resident'],
      },
      {
        name: '陈网格',
        gender: 'female',
        phone: '13500005555',
        idNumber: '350723199105055678',
        address: '杭东路5号',
        homeGridId: gA1.id,
        communityId: communityA.id,
        roles: ['grid_worker'],
      },
    ])
    .returning();
  return { residentA, residentB, memberPerson1, memberPerson2, gridWorkerPerson };
}

type People = Awaited<ReturnType<typeof seedPeople>>;

/** One user per role, with the role binding that scopes it. */
async function seedUsers(db: Db, passwordHash: string, orgs: Orgs, grids: Grids, people: People) {
  const { county, communityA, communityB, unit1, unit2 } = orgs;
  const { memberPerson1, memberPerson2, gridWorkerPerson, residentA } = people;
  const { gA1 } = grids;
  const userSpecs: { username: string; role: Role; scopeOrgId?: string; scopeGridId?: string; personId?: string }[] = [
    { username: 'admin', role: 'county_admin', scopeOrgId: county.id },
    { username: 'hangdong', role: 'community_admin', scopeOrgId: communityA.id },
    { username: 'sanfeng', role: 'community_admin', scopeOrgId: communityB.id },
    { username: 'grid01', role: 'grid_worker', scopeGridId: gA1.id, personId: gridWorkerPerson.id },
    { username: 'unit01', role: 'unit_admin', scopeOrgId: unit1.id },
    { username: 'unit02', role: 'unit_admin', scopeOrgId: unit2.id },
    { username: 'member01', role: 'party_member', personId: memberPerson1.id },
    { username: 'member02', role: 'party_member', personId: memberPerson2.id },
    { username: 'resident01', role: 'resident', personId: residentA.id },
  ];
  const createdUsers = await db
    .insert(users)
    .values(
      userSpecs.map((u) => ({
        username: u.username,
        displayName: u.username,
        passwordHash,
        personId: u.personId ?? null,
      })),
    )
    .returning();
  await db.insert(roleBindings).values(
    userSpecs.map((u, i) => ({
      userId: createdUsers[i].id,
      role: u.role,
      scopeOrgId: u.scopeOrgId ?? null,
      scopeGridId: u.scopeGridId ?? null,
    })),
  );
  return createdUsers;
}

/**
 * A small, fixed world for API tests: one county, one town, two communities (A = 杭东, B = 三凤) with grids at
 * every level, two units, a resident in each community, an in-service member of each unit, and one user per role.
 */
export async function seedTestWorld(db: Db) {
  const passwordHash = await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const orgs = await seedOrganisations(db);
  const { county, town, communityA, communityB, branchA, unit1, unit2 } = orgs;
  const worldGrids = await seedGrids(db, orgs);
  const worldPeople = await seedPeople(db, orgs, worldGrids);
  const { memberPerson1, memberPerson2 } = worldPeople;
  const [member1, member2] = await db
    .insert(partyMembers)
    .values([
      {
        personId: memberPerson1.id,
        kind: 'in_service',
        unitId: unit1.id,
        residenceCommunityId: communityA.id,
        branchId: branchA.id,
        joinedAt: '2010-07-01',
      },
      {
        personId: memberPerson2.id,
        kind: 'in_service',
        unitId: unit2.id,
        residenceCommunityId: communityB.id,
        joinedAt: '2012-07-01',
      },
    ])
    .returning();
  const createdUsers = await seedUsers(db, passwordHash, orgs, worldGrids, worldPeople);

  return {
    county,
    town,
    communityA,
    communityB,
    branchA,
    unit1,
    unit2,
    grids: worldGrids,
    people: worldPeople,
    members: { member1, member2 },
    users: Object.fromEntries(createdUsers.map((u) => [u.username, u])),
  };
}

export type TestWorld = Awaited<ReturnType<typeof seedTestWorld>>;
