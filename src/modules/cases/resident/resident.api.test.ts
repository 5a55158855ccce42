import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { residentHelpers } from '../../../../test/api-setup/resident.js';
import type { CaseDetail } from '../cases.contracts.js';
import { runCaseSweep } from '../dispatch/sweep.js';
import { clock } from '../../../core/clock.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});
const { call, tryAct, act, report, drive, stats } = residentHelpers(() => ctx);
const DAY = 86_400_000;

describe('closing: the resident rates, the community closes only what nobody can rate', () => {
  it('a hall report for someone without a login: the community closes it, and may record a phone-visit rating', async () => {
    const c = await report('hangdong', { channel: 'hall', description: '楼下路灯不亮', reporterName: '张大爷' });
    const verified = await drive(c.id, false);
    expect(verified.actions).toContain('close');
    expect((await act(c.id, 'hangdong', { action: 'close' })).status).toBe('closed');
    const rated = await act(c.id, 'hangdong', { action: 'rate', satisfaction: 'satisfied', phoneVisit: true });
    expect(rated).toMatchObject({ status: 'rated', satisfaction: 'satisfied', ratedByPhoneVisit: true });
    expect(rated.ratings).toMatchObject([{ round: 1, satisfaction: 'satisfied', byPhoneVisit: true }]);
  });

  it('the sweep closes a verified case its reporter left unrated after the configured working days, not before', async () => {
    const c = await report('resident01', { channel: 'online', description: '小区门口井盖松动' });
    await drive(c.id, false);
    const before = await stats();
    const now = clock.now();
    const early = await runCaseSweep({
      db: ctx.database.db,
      now: new Date(now.getTime() + 3_600_000),
      ratingWorkingDays: 2,
    });
    expect(early.closedUnrated).toBe(0);
    const late = new Date(now.getTime() + 10 * DAY);
    const [first, second] = await Promise.all([
      runCaseSweep({ db: ctx.database.db, now: late, ratingWorkingDays: 2 }),
      runCaseSweep({ db: ctx.database.db, now: late, ratingWorkingDays: 2 }),
    ]);
    expect(first.closedUnrated + second.closedUnrated).toBe(1);
    const closed = (await call('GET', `/api/cases/${c.id}`, 'resident01')).json() as CaseDetail;
    expect(closed).toMatchObject({ status: 'closed', satisfaction: null, ratings: [] });
    expect(closed.events.at(-1)).toMatchObject({ action: 'close_unrated', fromStatus: 'verified', toStatus: 'closed' });
    // Closed unrated counts in no rating; the reporter can still rate it (from closed) and is told it was closed.
    expect((await stats()).basis).toEqual(before.basis);
    const bell = (await call('GET', '/api/notifications?pageSize=50', 'resident01')).json() as {
      items: { kind: string; entityId: string }[];
    };
    expect(bell.items.some((n) => n.entityId === c.id && n.kind === 'case.closed_unrated')).toBe(true);
  });
});

describe('rating rounds', () => {
  it('a reopen keeps the first rating: a second round rated 满意 leaves the case 不满意 and the rate where it was', async () => {
    const c = await report('resident01', { channel: 'online', description: '垃圾桶满了没人清理' });
    await drive(c.id, false);
    const start = await stats();
    await act(c.id, 'resident01', { action: 'rate', satisfaction: 'unsatisfied', comment: '没有处理干净' });
    const afterUnsatisfied = await stats();
    expect(afterUnsatisfied.basis.rated).toBe(start.basis.rated + 1);
    expect(afterUnsatisfied.basis.satisfied).toBe(start.basis.satisfied);
    const reopened = await act(c.id, 'resident01', { action: 'reopen', reason: '垃圾还在' });
    expect(reopened).toMatchObject({ status: 'reopened', satisfaction: 'unsatisfied' });
    expect((await stats()).basis).toEqual(afterUnsatisfied.basis);
    await drive(c.id, false);
    const second = await act(c.id, 'resident01', { action: 'rate', satisfaction: 'satisfied' });
    expect(second.satisfaction).toBe('unsatisfied');
    expect(second.ratings.map((r) => [r.round, r.satisfaction])).toEqual([
      [1, 'unsatisfied'],
      [2, 'satisfied'],
    ]);
    expect(second.actions).not.toContain('reopen');
    expect((await stats()).basis).toEqual(afterUnsatisfied.basis);
    const again = await tryAct(c.id, 'resident01', { action: 'reopen', reason: '再试一次' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'CASE_TRANSITION_NOT_ALLOWED']);
  });

  it("a reopened case's unit dispatch is no longer done until the unit, called in again, finishes again", async () => {
    const c = await report('resident01', { channel: 'online', description: '路边排水沟堵塞，下雨就积水' });
    await drive(c.id, true);
    const done = await stats('?whistle=any');
    await act(c.id, 'resident01', { action: 'rate', satisfaction: 'unsatisfied' });
    const reopened = await act(c.id, 'resident01', { action: 'reopen', reason: '还是积水' });
    expect(reopened.dispatches.map((d) => [d.status, d.doneAt])).toEqual([['reopened', null]]);
    expect((await stats('?whistle=any')).dispatchesDone).toBe(done.dispatchesDone - 1);
    await drive(c.id, true);
    expect((await stats('?whistle=any')).dispatchesDone).toBe(done.dispatchesDone);
  });

  it('a failed verification takes the done dispatch back too', async () => {
    const c = await report('resident01', { channel: 'online', description: '小区围墙倒塌一段' });
    await act(c.id, 'grid01', { action: 'accept' });
    await act(c.id, 'hangdong', { action: 'dispatch', unitIds: [ctx.world.unit1.id], reason: '该单位有专业力量' });
    await act(c.id, 'unit01', { action: 'acknowledge' });
    await act(c.id, 'unit01', { action: 'resolve', note: '已处理' });
    const failed = await act(c.id, 'hangdong', { action: 'fail_verification', reason: '现场未修复' });
    expect(failed.dispatches.map((d) => d.status)).toEqual(['reopened']);
  });
});
