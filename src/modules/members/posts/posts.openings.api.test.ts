import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { api, auditRows, expectError, expectOk, type Page } from '../../../../test/http.js';
import { clock } from '../../../core/clock.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import { memberReports } from '../reports/reports.schema.js';
import type {
  AssignmentRunResult,
  BulkConfirmResult,
  PostAssignmentView,
  PostOpeningView,
  PostTypeView,
} from './posts.openings.contracts.js';
import { assignmentThread } from './assignment/assignment.runner.js';
import { postAssignments, postOpenings } from './posts.schema.js';

let ctx: TestContext;
let call: ReturnType<typeof api>;
let year: number;
const extra: Record<string, string> = {};

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

beforeAll(async () => {
  ctx = await createTestContext();
  call = api(ctx);
  year = clock.year();
  const w = ctx.world;
  const db = ctx.database.db;
  await db.insert(memberReports).values([
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

async function typesOf(communityId: string, as = 'hangdong'): Promise<PostTypeView[]> {
  return expectOk<{ items: PostTypeView[] }>(await call('GET', `/api/post-types?communityId=${communityId}`, { as }))
    .items;
}
const typeId = async (communityId: string, key: string) => (await typesOf(communityId)).find((t) => t.key === key)!.id;

async function open(body: Record<string, unknown>, as = 'hangdong'): Promise<PostOpeningView> {
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

async function assignments(query: string, as = 'hangdong'): Promise<PostAssignmentView[]> {
  return expectOk<Page<PostAssignmentView>>(await call('GET', `/api/post-assignments?pageSize=200&${query}`, { as }))
    .items;
}

const openingCount = async () => (await ctx.database.db.select({ n: count() }).from(postOpenings))[0].n;

describe('post types', () => {
  it("are the article's eight for a community on first need, readable by staff and members", async () => {
    const types = await typesOf(ctx.world.communityA.id);
    expect(types.map((t) => t.name)).toEqual([
      '纠纷调解',
      '社区治安',
      '民情收集',
      '社会工作参议',
      '法律服务',
      '敬老助残',
      '环境整治',
      '青少年关心教育',
    ]);
    expect(types.every((t) => t.nameEn && t.active)).toBe(true);
    expect(await typesOf(ctx.world.communityA.id, 'member01')).toHaveLength(8);
    expectError(
      await call('GET', `/api/post-types?communityId=${ctx.world.communityA.id}`, { as: 'resident01' }),
      403,
      'FORBIDDEN',
    );
  });

  it('are added and renamed by their community only, with version checks', async () => {
    const A = ctx.world.communityA.id;
    const body = { communityId: A, name: '文明劝导', nameEn: 'Civility wardens' };
    expectError(await call('POST', '/api/post-types', { as: 'sanfeng', body }), 403, 'FORBIDDEN');
    const t = expectOk<PostTypeView>(await call('POST', '/api/post-types', { as: 'hangdong', body }), 201);
    expect(t.key).toMatch(/^custom_/);
    expectError(
      await call('POST', '/api/post-types', { as: 'hangdong', body: { ...body, key: 'environment' } }),
      409,
      'DUPLICATE',
    );
    expectError(
      await call('PATCH', `/api/post-types/${t.id}`, { as: 'sanfeng', body: { name: 'x', version: t.version } }),
      403,
      'FORBIDDEN',
    );
    const renamed = expectOk<PostTypeView>(
      await call('PATCH', `/api/post-types/${t.id}`, {
        as: 'hangdong',
        body: { name: '文明劝导员', active: false, version: t.version },
      }),
    );
    expect(renamed).toMatchObject({ name: '文明劝导员', active: false, version: t.version + 1 });
    expectError(
      await call('PATCH', `/api/post-types/${t.id}`, { as: 'hangdong', body: { name: 'y', version: t.version } }),
      409,
      'STALE_UPDATE',
    );
    expect((await auditRows(ctx, { entityType: 'post_type' })).length).toBeGreaterThanOrEqual(2);
  });
});

describe('post openings', () => {
  it('refuse bad input with a 4xx and write nothing', async () => {
    const w = ctx.world;
    const before = await openingCount();
    const base = {
      communityId: w.communityA.id,
      year,
      seats: 2,
      title: '环境整治岗',
      postTypeId: await typeId(w.communityA.id, 'environment'),
    };
    expectError(
      await call('POST', '/api/post-openings', { as: 'hangdong', body: { ...base, seats: 0 } }),
      400,
      'VALIDATION_FAILED',
    );
    const otherType = await typeId(w.communityB.id, 'environment');
    expectError(
      await call('POST', '/api/post-openings', { as: 'hangdong', body: { ...base, postTypeId: otherType } }),
      400,
      'POST_TYPE_UNKNOWN',
    );
    const unknown = '00000000-0000-4000-8000-000000000001';
    expectError(
      await call('POST', '/api/post-openings', { as: 'hangdong', body: { ...base, postTypeId: unknown } }),
      400,
      'POST_TYPE_UNKNOWN',
    );
    expectError(
      await call('POST', '/api/post-openings', { as: 'hangdong', body: { ...base, gridId: w.grids.gB1.id } }),
      400,
      'POST_GRID_OUTSIDE_COMMUNITY',
    );
    expectError(await call('POST', '/api/post-openings', { as: 'sanfeng', body: base }), 403, 'FORBIDDEN');
    expectError(await call('POST', '/api/post-openings', { as: 'member01', body: base }), 403, 'FORBIDDEN');
    expect(await openingCount()).toBe(before);
  });

  it('are listed within scope, with filters', async () => {
    const w = ctx.world;
    const o = await open({ gridId: w.grids.gA1.id, seats: 2, title: '一网格环境整治岗' });
    expect(o).toMatchObject({ gridName: '杭东第一网格', postTypeName: '环境整治', confirmedCount: 0, state: 'open' });
    const list = (as: string, q = '') =>
      call('GET', `/api/post-openings?pageSize=200${q}`, { as }).then((r) => expectOk<Page<PostOpeningView>>(r).items);
    expect((await list('hangdong')).map((x) => x.id)).toContain(o.id);
    expect((await list('grid01')).map((x) => x.id)).toContain(o.id);
    expect((await list('sanfeng')).map((x) => x.id)).not.toContain(o.id);
    expect((await list('unit02')).map((x) => x.id)).not.toContain(o.id);
    expect(
      await list('admin', `&gridId=${w.grids.gA1.id}&year=${year}&state=open&postTypeId=${o.postTypeId}`),
    ).toHaveLength(1);
    expect(await list('admin', `&gridId=${w.grids.gA1.id}&state=closed`)).toHaveLength(0);
    expectError(await call('GET', '/api/post-openings', { as: 'member01' }), 403, 'FORBIDDEN');
    expectError(await call('GET', `/api/post-openings/${o.id}`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
    expectError(
      await call('PATCH', `/api/post-openings/${o.id}`, { as: 'sanfeng', body: { seats: 3, version: o.version } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('PATCH', `/api/post-openings/${o.id}`, { as: 'grid01', body: { seats: 3, version: o.version } }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('the assignment', () => {
  it('suggests reporting members for the open seats, proven optimal, skills first', async () => {
    const w = ctx.world;
    const A = w.communityA.id;
    const youth = await open({ postTypeId: await typeId(A, 'youth_care'), title: '青少年关爱岗', seats: 1 });
    expectError(
      await call('POST', '/api/post-openings/assignment', { as: 'sanfeng', body: { communityId: A, year } }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call('POST', '/api/post-openings/assignment', { as: 'hangdong', body: { year } }),
      403,
      'FORBIDDEN',
    );
    const run = expectOk<AssignmentRunResult>(
      await call('POST', '/api/post-openings/assignment', { as: 'hangdong', body: { communityId: A, year } }),
    );
    // member1, a2 and a3 report at A (the pending and the declined ones do not); 2 + 1 seats are open.
    expect(run).toMatchObject({ candidates: 3, openSeats: 3, suggested: 3, status: 'optimal' });
    expect(run.gap).toBeLessThanOrEqual(1e-6);
    const suggested = await assignments(`communityId=${A}&state=suggested`);
    expect(suggested.find((s) => s.openingId === youth.id)?.memberId).toBe(extra.a2);
    expect(suggested.map((s) => s.memberId)).not.toContain(extra.pending);
    expect(suggested.map((s) => s.memberId)).not.toContain(extra.declined);
    // Running again replaces the suggestions rather than adding to them.
    expectOk(await call('POST', '/api/post-openings/assignment', { as: 'hangdong', body: { communityId: A, year } }));
    expect(await assignments(`communityId=${A}&state=suggested`)).toHaveLength(3);
    expect((await auditRows(ctx, { action: 'post_assignment.suggest' })).length).toBe(2);
  });

  it('is confirmed by staff; a unit sees its members, a member only their own', async () => {
    const A = ctx.world.communityA.id;
    const mine = (await assignments(`communityId=${A}&state=suggested`)).find(
      (s) => s.memberId === ctx.world.members.member1.id,
    )!;
    expectError(
      await call('POST', `/api/post-assignments/${mine.id}/confirm`, {
        as: 'sanfeng',
        body: { version: mine.version },
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await call('POST', `/api/post-assignments/${mine.id}/confirm`, { as: 'unit01', body: { version: mine.version } }),
      403,
      'FORBIDDEN',
    );
    const confirmed = expectOk<PostAssignmentView>(
      await call('POST', `/api/post-assignments/${mine.id}/confirm`, {
        as: 'hangdong',
        body: { version: mine.version },
      }),
    );
    expect(confirmed).toMatchObject({ state: 'confirmed', skillMatch: true, memberName: '张党员' });
    expect((await assignments('', 'unit01')).map((a) => a.id)).toEqual([mine.id]);
    expect((await assignments('', 'unit02')).map((a) => a.id)).not.toContain(mine.id);
    expect((await assignments('', 'sanfeng')).map((a) => a.id)).not.toContain(mine.id);
    const own = expectOk<{ items: PostAssignmentView[] }>(
      await call('GET', '/api/post-assignments/mine', { as: 'member01' }),
    );
    expect(own.items.map((a) => a.id)).toEqual([mine.id]);
    expect(
      expectOk<{ items: unknown[] }>(await call('GET', '/api/post-assignments/mine', { as: 'member02' })).items,
    ).toEqual([]);
    expectError(await call('GET', '/api/post-assignments', { as: 'member01' }), 403, 'FORBIDDEN');
    expectError(await call('GET', '/api/post-assignments/mine', { as: 'hangdong' }), 403, 'FORBIDDEN');
  });

  it('refuses a second post in a year with 409, by hand or through a racing suggestion', async () => {
    const w = ctx.world;
    const second = await open({ title: '第二岗位', seats: 3 });
    expectError(
      await call('POST', '/api/post-assignments', {
        as: 'hangdong',
        body: { openingId: second.id, memberId: w.members.member1.id },
      }),
      409,
      'POST_ALREADY_ASSIGNED',
    );
    // A suggestion written before the first confirmation (a race): the partial unique index refuses the second.
    const [row] = await ctx.database.db
      .insert(postAssignments)
      .values({ openingId: second.id, memberId: w.members.member1.id, year, state: 'suggested' })
      .returning();
    expectError(
      await call('POST', `/api/post-assignments/${row.id}/confirm`, { as: 'hangdong', body: { version: 1 } }),
      409,
      'POST_ALREADY_ASSIGNED',
    );
    const [still] = await ctx.database.db.select().from(postAssignments).where(eq(postAssignments.id, row.id));
    expect(still.state).toBe('suggested');
    expectError(
      await call('POST', '/api/post-assignments', {
        as: 'hangdong',
        body: { openingId: second.id, memberId: w.members.member2.id },
      }),
      422,
      'POST_MEMBER_NOT_REPORTED',
    );
  });

  it('keeps seats, states and versions: full, declined, ended, closed', async () => {
    const A = ctx.world.communityA.id;
    const one = await open({ title: '单席岗位', seats: 1 });
    const a2 = expectOk<PostAssignmentView>(
      await call('POST', '/api/post-assignments', { as: 'hangdong', body: { openingId: one.id, memberId: extra.a2 } }),
      201,
    );
    expect(a2.state).toBe('confirmed');
    expectError(
      await call('POST', '/api/post-assignments', { as: 'hangdong', body: { openingId: one.id, memberId: extra.a3 } }),
      409,
      'POST_OPENING_FULL',
    );
    const full = expectOk<PostOpeningView>(await call('GET', `/api/post-openings/${one.id}`, { as: 'hangdong' }));
    expectError(
      await call('PATCH', `/api/post-openings/${one.id}`, {
        as: 'hangdong',
        body: { seats: 0, version: full.version },
      }),
      400,
      'VALIDATION_FAILED',
    );
    const ended = expectOk<PostAssignmentView>(
      await call('POST', `/api/post-assignments/${a2.id}/end`, { as: 'hangdong', body: { version: a2.version } }),
    );
    expect(ended.state).toBe('ended');
    expect(ended.endedAt).not.toBeNull();
    expectError(
      await call('POST', `/api/post-assignments/${a2.id}/confirm`, {
        as: 'hangdong',
        body: { version: ended.version },
      }),
      409,
      'POST_ASSIGNMENT_STATE',
    );
    const a3 = (await assignments(`communityId=${A}&state=suggested`)).find((s) => s.memberId === extra.a3)!;
    const declined = expectOk<PostAssignmentView>(
      await call('POST', `/api/post-assignments/${a3.id}/decline`, { as: 'hangdong', body: { version: a3.version } }),
    );
    expect(declined.state).toBe('declined');
    const closed = expectOk<PostOpeningView>(
      await call('PATCH', `/api/post-openings/${one.id}`, {
        as: 'hangdong',
        body: { state: 'closed', version: full.version },
      }),
    );
    expect(closed.state).toBe('closed');
    expectError(
      await call('POST', '/api/post-assignments', { as: 'hangdong', body: { openingId: one.id, memberId: extra.a3 } }),
      409,
      'POST_OPENING_CLOSED',
    );
  });

  it('confirms in bulk, listing what it skipped; the county runs everywhere', async () => {
    const run = expectOk<AssignmentRunResult>(
      await call('POST', '/api/post-openings/assignment', { as: 'admin', body: { year } }),
    );
    expect(run.status).toBe('optimal');
    const suggested = await assignments('state=suggested', 'admin');
    expect(suggested.length).toBeGreaterThan(0);
    const ghost = '00000000-0000-4000-8000-000000000002';
    const res = expectOk<BulkConfirmResult>(
      await call('POST', '/api/post-assignments/confirm', {
        as: 'hangdong',
        body: { ids: [...suggested.map((s) => s.id), ghost] },
      }),
    );
    expect(res.skipped).toContainEqual({ id: ghost, code: 'NOT_FOUND' });
    expect(res.confirmed).toBeGreaterThan(0);
    const confirmed = await ctx.database.db
      .select({ n: count() })
      .from(postAssignments)
      .where(and(eq(postAssignments.year, year), eq(postAssignments.state, 'confirmed')));
    expect(confirmed[0].n).toBeGreaterThanOrEqual(2);
  });

  it('offers the hand assignment a picker of reporting members without a post', async () => {
    const o = await open({ title: '候选测试岗', seats: 1 });
    const { items } = expectOk<{ items: { memberId: string; skillMatch: boolean }[] }>(
      await call('GET', `/api/post-openings/${o.id}/candidates`, { as: 'hangdong' }),
    );
    const ids = items.map((c) => c.memberId);
    expect(ids).not.toContain(ctx.world.members.member1.id);
    expect(ids).not.toContain(extra.pending);
    expectError(await call('GET', `/api/post-openings/${o.id}/candidates`, { as: 'sanfeng' }), 404, 'NOT_FOUND');
  });
});
