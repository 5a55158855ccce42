import { hashPassword } from '../../src/core/auth/password.js';
import type { Db } from '../../src/core/db.js';
import { SIX_HAVES } from '../../src/modules/alleys/alleys.enums.js';
import { alleyRegionItems } from '../../src/modules/alleys/alleys.schema.js';
import { roleBindings, users } from '../../src/modules/auth/auth.schema.js';
import { gridDuties } from '../../src/modules/duties/duties.schema.js';
import { alleyRegions, grids } from '../../src/modules/grid/grid.schema.js';
import { people } from '../../src/modules/people/people.schema.js';
import type { TestContext } from '../app.js';
import { TEST_PASSWORD } from '../world.js';

async function alleyGrid(db: Db, code: string, name: string, parentId: string, communityId: string) {
  const [g] = await db
    .insert(grids)
    .values({ code, name, level: 4, kind: 'alley', parentId, communityId })
    .returning({ id: grids.id });
  return g.id;
}

async function region(db: Db, code: string, name: string, communityId: string, gridId: string) {
  const [r] = await db
    .insert(alleyRegions)
    .values({ code, name, communityId, gridId })
    .returning({ id: alleyRegions.id });
  // The register's first state: guideline and cleaning present, the rest missing.
  await db.insert(alleyRegionItems).values(
    SIX_HAVES.map((item, k) => ({
      regionId: r.id,
      item,
      status: k < 2 ? ('present' as const) : ('missing' as const),
    })),
  );
  return r.id;
}

/** An alley region in each community (A: under 杭东一格邻里一, B: under 三凤第一网格), each on its own alley grid. */
export async function seedAlleyRegions(ctx: TestContext) {
  const { db } = ctx.database;
  const w = ctx.world;
  const gridA = await alleyGrid(db, '350723001001001101', '杭东一巷', w.grids.gA11.id, w.communityA.id);
  const gridA2 = await alleyGrid(db, '350723001001001102', '杭东二巷', w.grids.gA11.id, w.communityA.id);
  const gridB = await alleyGrid(db, '350723002001001101', '三凤一巷', w.grids.gB1.id, w.communityB.id);
  return {
    grids: { A: gridA, A2: gridA2, B: gridB },
    A: await region(db, 'T01', '杭东一巷街巷区', w.communityA.id, gridA),
    A2: await region(db, 'T02', '杭东二巷街巷区', w.communityA.id, gridA2),
    B: await region(db, 'T03', '三凤一巷街巷区', w.communityB.id, gridB),
  };
}

/**
 * The regions and two 巷长 logins: alley01 heads region A (and headed A2 until last year: that duty has ended),
 * alley02 heads region B. Each has an alley_head duty on the grid and a role binding to it.
 */
export async function seedAlleyWorld(ctx: TestContext) {
  const { db } = ctx.database;
  const regions = await seedAlleyRegions(ctx);
  const w = ctx.world;
  const [headA, headB] = await db
    .insert(people)
    .values([
      { name: '巷长甲', communityId: w.communityA.id, roles: ['resident', 'alley_head'] },
      { name: '巷长乙', communityId: w.communityB.id, roles: ['resident', 'alley_head'] },
    ])
    .returning({ id: people.id });
  await db.insert(gridDuties).values([
    { gridId: regions.grids.A, personId: headA.id, role: 'alley_head', since: '2024-01-01' },
    { gridId: regions.grids.A2, personId: headA.id, role: 'alley_head', since: '2020-01-01', until: '2024-12-31' },
    { gridId: regions.grids.B, personId: headB.id, role: 'alley_head', since: '2024-01-01' },
  ]);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const made = await db
    .insert(users)
    .values([
      { username: 'alley01', displayName: '巷长甲', passwordHash, personId: headA.id },
      { username: 'alley02', displayName: '巷长乙', passwordHash, personId: headB.id },
    ])
    .returning({ id: users.id });
  await db.insert(roleBindings).values([
    { userId: made[0].id, role: 'alley_head', scopeGridId: regions.grids.A },
    { userId: made[1].id, role: 'alley_head', scopeGridId: regions.grids.B },
  ]);
  return { ...regions, heads: { A: headA.id, B: headB.id } };
}
