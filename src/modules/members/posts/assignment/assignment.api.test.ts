import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  assignments,
  call,
  ctx,
  extra,
  open,
  typeId,
  usePostsContext,
  year,
} from '../../../../../test/api-setup/posts.js';
import { auditRows, expectError, expectOk } from '../../../../../test/http.js';
import type {
  AssignmentRunResult,
  BulkConfirmResult,
  PostAssignmentView,
  PostOpeningView,
} from '../posts.openings.contracts.js';
import { postAssignments } from '../posts.schema.js';

// The assignment (设岗定责): the optimiser's run, decisions on its suggestions, the hand assignment. Post types and
// openings: ../posts.openings.api.test.ts.
usePostsContext();

describe('the assignment', () => {
  it('suggests reporting members for the open seats, proven optimal, skills first', async () => {
    const w = ctx.world;
    const A = w.communityA.id;
    await open({ gridId: w.grids.gA1.id, seats: 2, title: '一网格环境整治岗' });
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
