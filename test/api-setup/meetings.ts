// Shared setup of the meetings API tests (meetings, meetings.agenda, meetings.authz): one test context per file with
// the 2026 pairing adopted (community A with unit 1, B with unit 2) and, unless asked not to, one overdue case, plus
// the meeting lookups. Call setupMeetingsApi() at the top of the test file; `ctx`, `call` and `overdueCaseId` are live
// bindings (a beforeAll the file registers after the call runs after this set-up).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestContext, type TestContext } from '../app.js';
import { adoptTestPairing } from '../cobuild.js';
import { api, expectOk, type Page } from '../http.js';
import type { CaseDetail } from '../../src/modules/cases/cases.contracts.js';
import { cases } from '../../src/modules/cases/cases.schema.js';
import type {
  MeetingDetail,
  MeetingView,
  SolvedSummary,
} from '../../src/modules/cobuild/meetings/meetings.contracts.js';

export let ctx: TestContext;
export let call: ReturnType<typeof api>;
export let overdueCaseId: string;

/** `overdueCase: false` leaves the overdue case out (meetings.authz does not read the agenda). */
export function setupMeetingsApi({ overdueCase = true }: { overdueCase?: boolean } = {}): void {
  beforeAll(async () => {
    ctx = await createTestContext();
    call = api(ctx);
    const { communityA, communityB, unit1, unit2 } = ctx.world;
    await adoptTestPairing(ctx.database.db, {
      year: 2026,
      pairs: [
        { communityId: communityA.id, unitId: unit1.id },
        { communityId: communityB.id, unitId: unit2.id },
      ],
    });
    if (overdueCase) overdueCaseId = await addOverdueCase();
  });
  afterAll(async () => {
    await ctx?.close();
  });
}

/** A case 杭东 took in at the hall whose resolution was due on 2026-01-20: overdue, so a meeting's agenda draws it in. */
async function addOverdueCase(): Promise<string> {
  const c = expectOk<CaseDetail>(
    await call('POST', '/api/cases', {
      as: 'hangdong',
      body: {
        channel: 'hall',
        description: '居民反映：杭东路路灯长期不亮，夜间出行不便',
        reporterName: '王大爷',
        lng: 117.331,
        lat: 27.541,
      },
    }),
    201,
  );
  await ctx.database.db
    .update(cases)
    .set({ resolutionDueAt: new Date('2026-01-20T09:00:00+08:00') })
    .where(eq(cases.id, c.id));
  return c.id;
}

export const meetingOf = async (communityId: string, quarter: number, as = 'admin') => {
  const page = expectOk<Page<MeetingView>>(
    await call('GET', `/api/joint-meetings?year=2026&quarter=${quarter}&communityId=${communityId}`, { as }),
  );
  expect(page.total).toBe(1);
  return expectOk<MeetingDetail>(await call('GET', `/api/joint-meetings/${page.items[0].id}`, { as }));
};
export const solved = async (as = 'admin') =>
  expectOk<SolvedSummary>(await call('GET', '/api/meeting-tasks/solved?year=2026', { as }));
