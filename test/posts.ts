import { clock } from '../src/core/clock.js';
import type { PostOpeningView, PostTypeView } from '../src/modules/members/posts/posts.openings.contracts.js';
import { postAssignments } from '../src/modules/members/posts/posts.schema.js';
import type { TestContext } from './app.js';
import { api, expectOk } from './http.js';

/**
 * The authorisation matrix's rows for 设岗定责 on one side: the community's environment type, an opening of it this
 * year, and the side member's confirmed post there (so a hand assignment is refused 409, a confirmation 409 by state).
 */
export async function matrixPostRows(
  ctx: TestContext,
  side: { staff: string; community: string; member: string },
): Promise<{ postType: string; opening: string; assignment: string }> {
  const call = api(ctx);
  const types = expectOk<{ items: PostTypeView[] }>(
    await call('GET', `/api/post-types?communityId=${side.community}`, { as: side.staff }),
  ).items;
  const postType = types.find((t) => t.key === 'environment')!.id;
  const opening = expectOk<PostOpeningView>(
    await call('POST', '/api/post-openings', {
      as: side.staff,
      body: {
        communityId: side.community,
        year: clock.year(),
        seats: 3,
        title: '矩阵环境整治岗',
        postTypeId: postType,
      },
    }),
    201,
  );
  const [row] = await ctx.database.db
    .insert(postAssignments)
    .values({
      openingId: opening.id,
      memberId: side.member,
      year: clock.year(),
      state: 'confirmed',
      confirmedAt: clock.now(),
    })
    .returning();
  return { postType, opening: opening.id, assignment: row.id };
}
