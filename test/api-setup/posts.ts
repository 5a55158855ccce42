// Shared setup of the 设岗定责 API tests (members/posts/posts.openings.api.test.ts and
// members/posts/assignment/assignment.api.test.ts): one test context per file with reports at 杭东 (member1, 甲二 and
// 甲三 approved, one pending, one declined) and member2's at 三丰; the assignment's solver thread stopped after.
// Call usePostsContext() at the top of the file; `ctx`, `call`, `year` and `extra` are live bindings.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { clock } from '../../src/core/clock.js';
import type {
  PostAssignmentView,
  PostOpeningView,
  PostTypeView,
} from '../../src/modules/members/posts/posts.openings.contracts.js';
import { assignmentThread } from '../../src/modules/members/posts/assignment/assignment.runner.js';
import { postOpenings } from '../../src/modules/members/posts/posts.schema.js';
import { memberReports } from '../../src/modules/members/reports/reports.schema.js';
import { partyMembers } from '../../src/modules/people/members/members.schema.js';
import { people } from '../../src/modules/people/people.schema.js';
import { createTestContext, type TestContext } from '../app.js';
import { api, expectOk, type Page } from '../http.js';

export let ctx: TestContext;
export let call: ReturnType<typeof api>;
export let year: number;
/** The extra members of 杭东 by role in the tests: a2, a3 (approved), pending, declined. */
export const extra: Record<string, string> = {};

/** An in-service member living in a community, with a report in the given state. */
async function member(name: string, communityId: string, state: 'approved' | 'pending' | 'declined', skills: string[]) {
  const db = ctx.database.db;
  const [person] = await db
    .insert(people)
    .values({ name, communityId, roles: ['resident'] })
    .returning();
  const [m] = await db
    .insert(partyMembers)
    .values({ personId: person.id, kind: 'in_service', unitId: ctx.world.unit2.id, residenceCommunityId: communityId })
    .returning();
  await db.insert(memberReports).values({ memberId: m.id, communityId, skills, state, appliedAt: clock.now() });
  return m.id;
}

export function usePostsContext(): void {
  beforeAll(async () => {
    ctx = await createTestContext();
    call = api(ctx);
    year = clock.year();
    const w = ctx.world;
    await ctx.database.db.insert(memberReports).values([
      {
        memberId: w.members.member1.id,
        communityId: w.communityA.id,
        gridId: w.grids.gA111.id,
        skills: ['environment'],
        state: 'approved',
        appliedAt: clock.now(),
      },
      {
        memberId: w.members.member2.id,
        communityId: w.communityB.id,
        skills: [],
        state: 'approved',
        appliedAt: clock.now(),
      },
    ]);
    extra.a2 = await member('甲二', w.communityA.id, 'approved', ['youth_care']);
    extra.a3 = await member('甲三', w.communityA.id, 'approved', []);
    extra.pending = await member('甲待审', w.communityA.id, 'pending', ['environment']);
    extra.declined = await member('甲退回', w.communityA.id, 'declined', ['environment']);
  });
  afterAll(async () => {
    await assignmentThread().stop();
    await ctx?.close();
  });
}

export async function typesOf(communityId: string, as = 'hangdong'): Promise<PostTypeView[]> {
  return expectOk<{ items: PostTypeView[] }>(await call('GET', `/api/post-types?communityId=${communityId}`, { as }))
    .items;
}
export const typeId = async (communityId: string, key: string) =>
  (await typesOf(communityId)).find((t) => t.key === key)!.id;

/** An opening at 杭东 this year (one seat of 环境整治 unless `body` says otherwise). */
export async function open(body: Record<string, unknown>, as = 'hangdong'): Promise<PostOpeningView> {
  const w = ctx.world;
  const base = {
    communityId: w.communityA.id,
    year,
    seats: 1,
    title: '岗位',
    postTypeId: await typeId(w.communityA.id, 'environment'),
  };
  return expectOk<PostOpeningView>(await call('POST', '/api/post-openings', { as, body: { ...base, ...body } }), 201);
}

export async function assignments(query: string, as = 'hangdong'): Promise<PostAssignmentView[]> {
  return expectOk<Page<PostAssignmentView>>(await call('GET', `/api/post-assignments?pageSize=200&${query}`, { as }))
    .items;
}

export const openingCount = async () => (await ctx.database.db.select({ n: count() }).from(postOpenings))[0].n;
