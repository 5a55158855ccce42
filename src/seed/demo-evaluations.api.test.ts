import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/app.js';
import { api, expectOk, type Page } from '../../test/http.js';
import { addDays, localInstant } from '../core/calendar.js';
import { clock } from '../core/clock.js';
import { caseEvents, cases } from '../modules/cases/cases.schema.js';
import type { SessionDetail, SessionView } from '../modules/evaluations/evaluations.contracts.js';
import { evaluationFollowUps, evaluationItems } from '../modules/evaluations/evaluations.schema.js';
import type { DemoData } from './demo.js';
import { seedDemoEvaluations, sessionDays } from './demo-evaluations.js';
import { demoTime } from './demo-types.js';

// The demo's monthly sessions, built on the small test world: 60 cases of 杭东 spread over the last year.
let ctx: TestContext;
const time = demoTime(clock.today());
let counts: Awaited<ReturnType<typeof seedDemoEvaluations>>;

beforeAll(async () => {
  ctx = await createTestContext();
  const call = api(ctx);
  for (let i = 0; i < 60; i++) {
    const res = await call('POST', '/api/cases', {
      as: 'hangdong',
      body: {
        channel: 'hall',
        description: `居民反映：第 ${i} 件事项`,
        reporterName: '王大爷',
        lng: 117.331,
        lat: 27.541,
      },
    });
    const { id } = expectOk<{ id: string }>(res, 201);
    const reportedAt = localInstant(addDays(time.lastDay, -6 * i), '10:00');
    const resolved = i % 3 !== 0;
    await ctx.database.db
      .update(cases)
      .set({
        reportedAt,
        status: resolved ? 'closed' : 'accepted',
        resolvedAt: resolved ? new Date(reportedAt.getTime() + 86_400_000) : null,
        closedAt: resolved ? new Date(reportedAt.getTime() + 2 * 86_400_000) : null,
        satisfaction: resolved ? (i % 5 === 1 ? 'unsatisfied' : 'satisfied') : null,
        ownerPersonId: ctx.world.people.gridWorkerPerson.id,
      })
      .where(eq(cases.id, id));
  }
  const data = { organisations: [ctx.world.communityA, ctx.world.communityB] } as unknown as DemoData;
  counts = await seedDemoEvaluations(ctx.database.db, data, time);
});
afterAll(async () => {
  await ctx?.close();
});

describe('the demo has a session on the 20th of every month of its history', () => {
  it('held before today, the next 20th a draft, for each community', async () => {
    const days = sessionDays(time);
    expect((days.at(-1) as string) >= time.today).toBe(true);
    expect(days.slice(0, -1).every((d) => d < time.today)).toBe(true);
    expect(counts.sessions).toBe(2 * days.length);
    const call = api(ctx);
    for (const as of ['admin', 'hangdong', 'grid01']) {
      const page = expectOk<Page<SessionView>>(
        await call('GET', `/api/evaluation-sessions?communityId=${ctx.world.communityA.id}&pageSize=50`, { as }),
      );
      expect(page.total).toBe(days.length);
      expect(page.items[0]).toMatchObject({ heldOn: days.at(-1), status: 'draft' });
      expect(page.items.slice(1).every((s) => s.status === 'held' && s.counts.pending === 0)).toBe(true);
    }
  });

  it('decides every item of a held session; 不满意 brings 督办 and follow-ups, open only for the last month', async () => {
    const items = await ctx.database.db.select().from(evaluationItems);
    const unsatisfied = items.filter((i) => i.verdict === 'unsatisfied');
    expect(unsatisfied.length).toBeGreaterThan(0);
    expect(unsatisfied.every((i) => i.consequence === 'supervised')).toBe(true);
    const followUps = await ctx.database.db.select().from(evaluationFollowUps);
    expect(followUps.length).toBe(unsatisfied.length);
    expect(new Set(followUps.map((f) => f.itemId))).toEqual(new Set(unsatisfied.map((i) => i.id)));
    const supervised = await ctx.database.db.select({ id: cases.id }).from(cases).where(isNotNull(cases.supervisedAt));
    expect(supervised.length).toBe(new Set(unsatisfied.map((i) => i.caseId)).size);
    const events = await ctx.database.db.select().from(caseEvents).where(eq(caseEvents.action, 'supervise'));
    expect(events.length).toBe(unsatisfied.length);
    // Carried items come back on the next session, pointing at where they came from.
    const carried = items.filter((i) => i.verdict === 'carried_over');
    for (const c of carried) expect(items.some((i) => i.carriedFromItemId === c.id)).toBe(true);
  });

  it("the last held session's follow-ups are open and shown on the draft", async () => {
    const call = api(ctx);
    const page = expectOk<Page<SessionView>>(
      await call('GET', `/api/evaluation-sessions?communityId=${ctx.world.communityA.id}&pageSize=50`, {
        as: 'hangdong',
      }),
    );
    const draft = expectOk<SessionDetail>(
      await call('GET', `/api/evaluation-sessions/${page.items[0].id}`, { as: 'hangdong' }),
    );
    const done = await ctx.database.db.select().from(evaluationFollowUps).where(eq(evaluationFollowUps.status, 'done'));
    expect(draft.earlierFollowUps.every((f) => f.status === 'open' || f.heldOn === page.items[1].heldOn)).toBe(true);
    expect(done.every((f) => f.doneAt !== null)).toBe(true);
  });
});
