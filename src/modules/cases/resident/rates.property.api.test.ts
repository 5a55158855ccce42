import { and, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { residentHelpers } from '../../../../test/api-setup/resident.js';
import { clock } from '../../../core/clock.js';
import { CASE_ACTIONS, type CaseStatus, SATISFACTIONS } from '../cases.enums.js';
import { type CaseRelation, TRANSITIONS } from '../cases.machine.js';
import { caseDispatches, cases } from '../cases.schema.js';
import { runCaseSweep } from '../dispatch/sweep.js';
import type { StatsRow } from '../stats/stats.contracts.js';
import { caseRatings } from './rating.schema.js';

/*
 * The satisfaction rate cannot be gamed: random lifecycles (reopen, return, failed verification, re-rating, the sweep
 * closing unrated cases) through the API, checking after every step that nothing but a 满意/基本满意 rating raised
 * the rate, that only a case's first rating moves its counts, that no reopened case's dispatch counts as done, and
 * that the statistics equal a recount from case_ratings (docs/CASES.md "Definitions").
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});
const { tryAct, report, stats } = residentHelpers(() => ctx);

const HOLDER: Record<CaseRelation, string> = {
  county: 'admin',
  community: 'hangdong',
  owner: 'grid01',
  unit: 'unit01',
  reporter: 'resident01',
};
const FORWARD = ['accept', 'dispatch', 'acknowledge', 'start', 'resolve', 'verify', 'rate', 'reopen'] as const;
const CASES_PER_RUN = 2;

const command = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      caseIndex: fc.nat({ max: CASES_PER_RUN - 1 }),
      pick: fc.nat({ max: 60 }),
      // 不满意 more often than in life, so that runs reach reopening and a second round.
      satisfaction: fc.constantFrom(...SATISFACTIONS, 'unsatisfied' as const),
      phoneVisit: fc.boolean(),
      whistle: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep' as const), days: fc.integer({ min: 1, max: 30 }) }) },
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;
type Act = Extract<Command, { kind: 'act' }>;

/** Mostly (4 in 5) the way forward (so runs reach rating and reopening), otherwise any action the state allows. */
function choose(cmd: Act, status: CaseStatus) {
  const possible = CASE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
  if (!possible.length) return null;
  const forward = FORWARD.find((a) => possible.includes(a));
  const action = forward && cmd.pick % 5 !== 0 ? forward : possible[cmd.pick % possible.length];
  const by = TRANSITIONS[action].by;
  return { action, user: HOLDER[by[cmd.pick % by.length]] };
}

function bodyFor(cmd: Act, action: string): Record<string, unknown> {
  return {
    action,
    reason: '情况与反映不符',
    note: '已现场处理完毕',
    satisfaction: cmd.satisfaction,
    phoneVisit: cmd.phoneVisit,
    unitIds: action === 'dispatch' && cmd.whistle ? [ctx.world.unit1.id] : undefined,
  };
}

const rate = (b: StatsRow['basis'], w: number) => (b.rated ? (b.satisfied + w * b.basicallySatisfied) / b.rated : null);
/** Raised: a higher rate, or a first rate above 0 where there was none. */
const raised = (before: number | null, after: number | null) =>
  after !== null && (before === null ? after > 0 : after > before + 1e-12);

/** The rollup's rated/satisfied counts, recounted from every case's ratings: the worst round counts, once. */
async function recount() {
  const db = ctx.database.db;
  const worst = db
    .select({ caseId: caseRatings.caseId, worst: sql<string>`max(${caseRatings.satisfaction})::text`.as('worst') })
    .from(caseRatings)
    .groupBy(caseRatings.caseId)
    .as('w');
  const rows = await db.select({ worst: worst.worst, n: count() }).from(worst).groupBy(worst.worst);
  const n = (s: string) => rows.find((r) => r.worst === s)?.n ?? 0;
  return {
    rated: rows.reduce((sum, r) => sum + r.n, 0),
    satisfied: n('satisfied'),
    basicallySatisfied: n('basically_satisfied'),
  };
}

async function doneOfReopened(): Promise<number> {
  const [{ n }] = await ctx.database.db
    .select({ n: count() })
    .from(caseDispatches)
    .innerJoin(cases, eq(cases.id, caseDispatches.caseId))
    .where(and(inArray(cases.status, ['reopened']), isNotNull(caseDispatches.doneAt)));
  return n;
}

/** Rejected, or rated without a 不满意 to reopen on: nothing more can happen to the case's rating. */
async function finished(id: string, status: CaseStatus): Promise<boolean> {
  if (status === 'rejected') return true;
  if (status !== 'rated') return false;
  const [last] = await ctx.database.db
    .select({ s: caseRatings.satisfaction })
    .from(caseRatings)
    .where(eq(caseRatings.caseId, id))
    .orderBy(desc(caseRatings.round))
    .limit(1);
  return last?.s !== 'unsatisfied';
}

async function runSequence(commands: Command[]): Promise<void> {
  const ids = await Promise.all(
    Array.from({ length: CASES_PER_RUN }, async (_, i) => {
      const c = await report('resident01', {
        channel: 'online',
        description: `路灯不亮第${i}处`,
        lng: 117.331 + i * 2e-4,
      });
      return c.id;
    }),
  );
  let before = await stats();
  for (const cmd of commands) {
    let ratedWith: string | null = null;
    let firstRating = false;
    if (cmd.kind === 'sweep') {
      await runCaseSweep({
        db: ctx.database.db,
        now: new Date(clock.now().getTime() + cmd.days * 86_400_000),
        ratingWorkingDays: 1,
      });
    } else {
      const id = ids[cmd.caseIndex];
      const [row] = await ctx.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, id));
      const chosen = choose(cmd, row.status);
      if (!chosen || (await finished(id, row.status))) {
        // A case at its end is replaced by a new one, so that long runs keep exploring.
        ids[cmd.caseIndex] = (await report('resident01', { channel: 'online', description: '路灯又不亮了' })).id;
        continue;
      }
      const [{ rounds }] = await ctx.database.db
        .select({ rounds: count() })
        .from(caseRatings)
        .where(eq(caseRatings.caseId, id));
      const res = await tryAct(id, chosen.user, bodyFor(cmd, chosen.action));
      expect([200, 400, 403, 404, 409, 422], `${chosen.action} by ${chosen.user}: ${res.body}`).toContain(
        res.statusCode,
      );
      if (res.statusCode === 200 && chosen.action === 'rate') {
        ratedWith = cmd.satisfaction;
        firstRating = rounds === 0;
      }
    }
    const after = await stats();
    const good = ratedWith === 'satisfied' || ratedWith === 'basically_satisfied';
    for (const w of [1, 0.5, 0]) {
      if (!good)
        expect(raised(rate(before.basis, w), rate(after.basis, w)), `${JSON.stringify(cmd)} w=${w}`).toBe(false);
    }
    // Only a case's first rating adds to "rated"; a later round can only move a case down, never up.
    expect(after.basis.rated).toBe(before.basis.rated + (firstRating ? 1 : 0));
    if (!firstRating) expect(after.basis.satisfied).toBeLessThanOrEqual(before.basis.satisfied);
    expect(await doneOfReopened()).toBe(0);
    before = after;
  }
  const { rated, satisfied, basicallySatisfied } = before.basis;
  expect({ rated, satisfied, basicallySatisfied }).toEqual(await recount());
  const [{ done }] = await ctx.database.db
    .select({ done: count() })
    .from(caseDispatches)
    .where(isNotNull(caseDispatches.doneAt));
  expect(before.dispatchesDone).toBe(done);
}

describe('the satisfaction rate under random lifecycles', () => {
  it('rises only on a 满意/基本满意 first rating, and no reopened case counts as a done dispatch', async () => {
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 20, maxLength: 60 }), runSequence), {
      numRuns: 6,
    });
  }, 600_000);
});
