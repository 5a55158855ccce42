// Shared setup of the post-activity API tests (members/activities/activities.api.test.ts and
// members/activities/checkin/checkin.api.test.ts): one test context per file with the eight post types in both
// communities and a third member (孙党员) in 杭东; time frozen at the suite's instant before each test (a test moves it
// forward to check in and out). Call usePostActivitiesContext() at the top of the file; `ctx`, `call`, `typesA`,
// `typesB`, `member3` and `secret` are live bindings, read them inside tests.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clock, setClock } from '../../src/core/clock.js';
import type { PostActivityDetail } from '../../src/modules/members/activities/activities.contracts.js';
import { serviceRecords } from '../../src/modules/ledger/ledger.schema.js';
import { createTestContext, type TestContext } from '../app.js';
import { TEST_CLOCK } from '../clock.js';
import { api, expectOk } from '../http.js';
import { addMember, seedPostTypes } from '../post-activities.js';

export const MIN = 60_000;
export let ctx: TestContext;
export let call: ReturnType<typeof api>;
export let typesA: Record<string, string>;
export let typesB: Record<string, string>;
export let member3: string;
export let secret: string;

export function usePostActivitiesContext(): void {
  beforeAll(async () => {
    ctx = await createTestContext();
    call = api(ctx);
    secret = ctx.app.config.sessionSecret;
    typesA = await seedPostTypes(ctx.database.db, ctx.world.communityA.id);
    typesB = await seedPostTypes(ctx.database.db, ctx.world.communityB.id);
    member3 = await addMember(ctx.database.db, {
      name: '孙党员',
      communityId: ctx.world.communityA.id,
      unitId: ctx.world.unit2.id,
    });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  beforeEach(() => setClock(TEST_CLOCK, { frozen: true }));
}

/** The instant `minutesFromNow` minutes from the (frozen) clock, as the API takes it. */
export const at = (minutesFromNow: number) => new Date(clock.nowMs() + minutesFromNow * MIN).toISOString();

/** An activity in 杭东 (side A) starting `startIn` minutes from now and lasting `minutes`. */
export async function newActivity(
  startIn: number,
  minutes = 120,
  extra: Record<string, unknown> = {},
  as = 'hangdong',
): Promise<PostActivityDetail> {
  return expectOk<PostActivityDetail>(
    await call('POST', '/api/post-activities', {
      as,
      body: {
        communityId: ctx.world.communityA.id,
        postTypeId: typesA.environment,
        title: '楼道环境整治',
        place: '杭东路1号',
        startsAt: at(startIn),
        endsAt: at(startIn + minutes),
        capacity: 5,
        ...extra,
      },
    }),
    201,
  );
}

export const checkin = (id: string, body: unknown, as = 'hangdong', headers?: Record<string, string>) =>
  call('POST', `/api/post-activities/${id}/checkins`, { as, body, headers });
export const checkout = (id: string, memberId: string, as = 'hangdong') =>
  call('POST', `/api/post-activities/${id}/checkouts`, { as, body: { memberId } });

/** How many service records the member has. */
export async function recordsOf(memberId: string): Promise<number> {
  const [{ n }] = await ctx.database.db
    .select({ n: count() })
    .from(serviceRecords)
    .where(eq(serviceRecords.memberId, memberId));
  return n;
}
